export const id = 692;
export const ids = [692];
export const modules = {

/***/ 39361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ SBATCH_VALUE),
/* harmony export */   pT: () => (/* binding */ BackendsSchema)
/* harmony export */ });
/* unused harmony exports MountSchema, SlurmBackendSchema, LocalBackendSchema, LocalDockerBackendSchema, VertexBackendSchema, SelfHostedBackendSchema, BackendSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74528);
/**
 * trainer.yml `backends:`: named places to run, each validated by the schema of its type
 * (a discriminated union on `type`). A backend named after its type (`slurm:`) needs no
 * `type:`. `local` and `local-docker` exist without being declared.
 */

/** Text that reaches a process: a NUL byte would make spawn throw, a newline would end a script line. */
const line = () => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().refine(v => !v.includes('\0') && !v.includes('\n') && !v.includes('\r'), 'must be one line of text');
/**
 * A value on an `#SBATCH` line. sbatch stops reading directives at the first line it cannot
 * parse, silently: a space, quote or newline in one value would drop every directive after it.
 */
const SBATCH_VALUE = /^[A-Za-z0-9_.,:=+\-/@%&|()[\]*]+$/;
const directive = () => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(SBATCH_VALUE, 'an #SBATCH value: letters, digits and _ . , : = + - / @ % & | ( ) [ ] *; no spaces or quotes');
/**
 * A path on the cluster that also appears in `#SBATCH --output` (no spaces, quotes or `#`;
 * no `%`, which Slurm expands there) and in the container mounts (no `,` or `:`).
 */
const jobPath = () => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1)
    .regex(/^[A-Za-z0-9_.=+\-/@~]+$/, 'a path of letters, digits and _ . = + - / @ ~ (it appears in #SBATCH lines and container mounts)');
/** A mount's path: Pyxis separates mounts with `,` and their parts with `:`. */
const mountPath = () => line()
    .pipe(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^\//, 'an absolute path'))
    .pipe(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[^,:]+$/, 'must not contain , or : (they separate mounts and their parts)'));
const MountSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^\/[^,:\n\0]*:\/[^,:\n\0]*(:(ro|rw))?$/, "'/host/path:/container/path[:ro|rw]' (absolute paths, no , or :)"),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ host: mountPath(), container: mountPath(), mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['ro', 'rw']).optional() }),
], { error: "a mount is '/host:/container[:ro|rw]' or {host, container, mode}" });
const SlurmBackendSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('slurm'),
    /** How commands reach the cluster: `local` (sbatch here; the default without host or url), `ssh`, `rest`. */
    transport: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['local', 'ssh', 'rest']).optional(),
    /** ssh: the login node. */
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z0-9_.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'a host name or address')
        .optional(),
    port: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(65535).optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[a-z_][a-z0-9_.-]*$/i, 'a user name')
        .optional(),
    /** ssh: a private key file (`~` is the home directory). */
    'key-file': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** ssh: the environment variable holding the private key (a secret). */
    'key-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
        .optional(),
    /** ssh: the login node's host key as a known_hosts line (`host ssh-ed25519 AAAA…`). */
    'known-hosts': line().optional(),
    /** ssh: the host key's SHA256 fingerprint (`SHA256:…`, as `ssh-keygen -lf` prints it). */
    'host-fingerprint': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'SHA256:… as ssh-keygen -lf prints it')
        .optional(),
    /** rest: slurmrestd's URL. */
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .url */ .OZ5({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    /** rest: the environment variable holding the JWT (default SLURM_JWT). */
    'token-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
        .optional(),
    /** rest: the user the token is for (X-SLURM-USER-NAME; default `user`, else the local user). */
    'user-name': zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[a-z_][a-z0-9_.-]*$/i, 'a user name')
        .optional(),
    /** Where job directories are made on the cluster (relative: to the login home). */
    'job-root': jobPath().optional(),
    /** The array's `%` throttle: runs of one launch at a time. */
    'max-parallel': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).optional(),
    /** How a run's container starts: `pyxis` (srun --container-image), `docker`, `apptainer`, `none`. */
    container: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pyxis', 'docker', 'apptainer', 'none']).optional(),
    /**
     * `trainer`: `trainer run` wraps the command (its bundle is copied into the job directory;
     * the image needs Node). `direct`: the command is seed 000's contract itself
     * (container_main.py) and gets its arguments.
     */
    runner: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['trainer', 'direct']).optional(),
    /** runner trainer: the Node to start `trainer run` with (default `node`). */
    node: line().optional(),
    mounts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(MountSchema).optional(),
    /** Mount the job directory at the same path (default true). */
    'mount-job-dir': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    /** `module load` these before the run. */
    modules: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(directive()).optional(),
    /** More arguments for srun, one per item. */
    'srun-args': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(line().pipe(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^-/, 'an srun option, starting with -'))).optional(),
    /** The working directory inside the container (default: the job directory). */
    workdir: mountPath().optional(),
    partition: directive().optional(),
    account: directive().optional(),
    qos: directive().optional(),
    /** Slurm's --time, e.g. `02:00:00`; default: the experiment's resources.time. */
    time: directive().optional(),
    'cpus-per-task': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).optional(),
    mem: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^\d+[KMGT]?$/, 'like 16G or 4096M')
        .optional(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).optional(),
    gres: directive().optional(),
    constraint: directive().optional(),
    nodes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).optional(),
    exclusive: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    /** More sbatch options, one per item: `--mail-type=END`. */
    sbatch: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^--[a-z][a-z0-9-]*(=[A-Za-z0-9_.,:=+\-/@%&|()[\]*]+)?$/, '--option or --option=value, no spaces'))
        .optional(),
    /** Seconds between polls (default 60, at least 30), with jitter. */
    'poll-interval': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(30).optional(),
    /** Times a run lost to preemption or a node failure is submitted again (default 2). */
    retries: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).max(10).optional(),
});
const LocalBackendSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('local'),
    /** Runs at a time. */
    parallel: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).optional(),
});
const LocalDockerBackendSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('local-docker'),
    parallel: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).optional(),
    /** The network containers join (default bridge). */
    network: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    /** `trainer` (default: the bundle is copied into each container; the image needs Node) or `direct` (seed 000 arguments to the command). */
    runner: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['trainer', 'direct']).optional(),
});
/** Declared now so that trainer.yml can name them; they are built in later releases. */
const VertexBackendSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('vertex') });
const SelfHostedBackendSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('self-hosted') });
const BackendSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('type', [LocalBackendSchema, LocalDockerBackendSchema, SlurmBackendSchema, VertexBackendSchema, SelfHostedBackendSchema], {
    error: i => {
        const given = i.input !== null && typeof i.input === 'object' && 'type' in i.input;
        return `${given ? '' : 'required: '}the backend's type, one of local, local-docker, slurm, vertex, self-hosted`;
    },
});
const TYPE_NAMES = new Set(['local', 'local-docker', 'slurm', 'vertex', 'self-hosted']);
/** `backends:`: a backend named after its type gets that type when it gives none. */
const BackendsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .preprocess */ .vkY(v => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        return v;
    const out = {};
    for (const [name, b] of Object.entries(v))
        out[name] =
            TYPE_NAMES.has(name) && b !== null && typeof b === 'object' && !Array.isArray(b) && !('type' in b)
                ? { type: name, ...b }
                : b === null && TYPE_NAMES.has(name)
                    ? { type: name }
                    : b;
    return out;
}, zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'backend names are letters, digits, _ . -'), BackendSchema));


/***/ }),

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QJ: () => (/* binding */ EXPERIMENT_NAME),
/* harmony export */   Sk: () => (/* binding */ ConfigSchema),
/* harmony export */   Vz: () => (/* binding */ CACHE_TYPES),
/* harmony export */   dB: () => (/* binding */ REALM_HOST),
/* harmony export */   rV: () => (/* binding */ BUILDERS)
/* harmony export */ });
/* unused harmony exports ImageSchema, ResourcesSchema, SweepSchema, ExperimentSchema, FailOnSchema, ScheduleSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74528);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88532);
/* harmony import */ var _backends_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44534);
/* harmony import */ var _backends_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39361);



/** Text that reaches a process (argv, environment): a NUL byte would make spawn throw. */
const text = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine(v => !v.includes('\0'), 'must not contain a NUL byte');
const scalar = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([text(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()], { error: 'must be a string, number or boolean' });
/** A token realm host: `host` or `host:port`, as a URL writes it (IPv6 in brackets); no scheme, path or wildcard. */
const REALM_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/** `image.builder`: the choices, `auto` first (the default). */
const BUILDERS = ['auto', 'buildx', 'classic'];
/** `image.cache` besides true and false: where the layer cache lives. */
const CACHE_TYPES = ['registry', 'gha'];
const ImageSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    /** Image name, optionally with a tag (`myapp` or `myapp:v1`); the registry prefix comes from `registry`. */
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    /** Registry prefix, e.g. `ghcr.io/org` or `us-docker.pkg.dev/project/repo`. */
    registry: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    dockerfile: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    context: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    manifest: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    'tag-length': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(4).max(64).optional(),
    'build-args': zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), scalar).optional(),
    platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/, 'must look like os/arch[/variant], e.g. linux/amd64')
        .optional(),
    dockerignore: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    /**
     * Token realm hosts (`host` or `host:port`) that may receive the registry credentials,
     * besides the registry's own host and the known ones (auth.docker.io for Docker Hub, ...).
     */
    'auth-realms': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(REALM_HOST, 'a host or host:port, as in the realm URL (no scheme, path or wildcard)'))
        .optional(),
    /**
     * The layer cache (default true, which is `registry`): `registry` keeps it in the registry the
     * image is pushed to, as `<name>:buildcache`; `gha` keeps it in the GitHub Actions cache (BuildKit
     * only: `docker buildx`); `false` builds cold.
     */
    cache: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(CACHE_TYPES)], {
        error: `must be one of true, false, ${CACHE_TYPES.map(c => `'${c}'`).join(', ')}`,
    })
        .optional(),
    /** Another image to take the layer cache from instead of `<name>:buildcache` (a full reference with a tag). */
    'cache-from': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    /**
     * What builds the image: `buildx` (BuildKit, through the `docker buildx` plugin), `classic` (the
     * engine's classic builder, through its API), or `auto` (default): buildx where the plugin is installed.
     */
    builder: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(BUILDERS, { error: `must be one of ${BUILDERS.map(b => `'${b}'`).join(', ')}` }).optional(),
});
/** An experiment's name: letters, digits, `_ . -`. */
const EXPERIMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Seeds: whole numbers that fit 32 bits (what numpy and torch take). */
const seedList = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
    .int()
    .min(0)
    .max(2 ** 32 - 1));
/** A backend of `backends:` by name, or `local`, `local-docker`. */
const backendName = () => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a backend name');
const paramKey = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(KEY, 'parameter names are letters, digits, _ . - (starting with a letter or _)');
const ResourcesSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    gpus: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0).optional(),
    'gpu-type': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    cpus: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().positive().optional(),
    memory: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\d+(\.\d+)?[KMGT]i?B?$/i, 'like 16G or 512M')
        .optional(),
    disk: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\d+(\.\d+)?[KMGT]i?B?$/i, 'like 100G')
        .optional(),
    time: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^(\d+-)?\d{1,2}(:\d{2}){1,2}$|^\d+[smhd]$/, 'like 02:00:00, 1-00:00:00 or 90m')
        .optional(),
});
/** A sweep: parameter → values (a grid), plus `exclude`: combinations to leave out. */
const SweepSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).transform((v, ctx) => {
    const grid = {};
    let exclude = [];
    for (const [k, values] of Object.entries(v)) {
        if (k === 'exclude') {
            const r = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(paramKey, scalar)).safeParse(values);
            if (!r.success) {
                ctx.addIssue({ code: 'custom', path: [k], message: 'exclude is a list of {param: value} combinations' });
                return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
            }
            exclude = r.data;
            continue;
        }
        const r = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(scalar).min(1).safeParse(values);
        if (!KEY.test(k) || !r.success) {
            ctx.addIssue({ code: 'custom', path: [k], message: 'a sweep maps a parameter to a non-empty list of values' });
            return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
        }
        grid[k] = r.data;
    }
    return { grid, exclude };
});
const ExperimentSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    /** The training command, an argv array (never a shell string). */
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text().min(1)).min(1),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(paramKey, scalar).optional(),
    /**
     * Types parameters keep (`int`, `float`, `bool`, `string`); default: the type of each
     * default, where a number written with a point or exponent (`1.0`, `1e-3`) is a float.
     */
    'param-types': zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(paramKey, zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['int', 'float', 'bool', 'string'])).optional(),
    /** seed 000's `random_seeds`: the seed of run i is seeds[i]. */
    seeds: seedList().optional(),
    /** How many runs (per sweep point); default: one per seed, else 1. */
    runs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).optional(),
    sweep: SweepSchema.optional(),
    resources: ResourcesSchema.optional(),
    /** A backend of `backends:` by name, or `local`, `local-docker`. */
    backend: backendName().optional(),
    /** Globs of files to keep from a run's directory. */
    outputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1)).optional(),
    /**
     * Environment variables of the launcher the runs may see (`WANDB_API_KEY`, or `WANDB_*`),
     * besides a base list (PATH, HOME, locale, CUDA and thread knobs). Nothing else passes.
     */
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$|^[A-Za-z][A-Za-z0-9_]{2,}\*$/, 'environment variable names: letters, digits, _; a prefix pattern (NAME_*) needs at least 3 characters before the *')
        .refine(n => !(0,_backends_env_js__WEBPACK_IMPORTED_MODULE_3__/* .neverPassed */ .xO)(n.replace(/\*$/, '')), {
        message: `is never passed to a run (${_backends_env_js__WEBPACK_IMPORTED_MODULE_3__/* .NEVER_ENV */ .Z6.join(', ')}, INPUT_*, ACTIONS_*, STATE_*): give the run its own variable`,
    }))
        .optional(),
    'args-style': zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['container-main', 'env']).optional(),
    /** false: ignore `seeds`, use the explicit seed or a deterministic one (seed 000 --no-prefer-config-seed). */
    'prefer-config-seed': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
});
/** Regression thresholds per metric, against a baseline (`report.fail-on`, `schedules.<name>.fail-on`). */
const FailOnSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1), zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    fail: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().optional(),
    warn: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().optional(),
    better: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['higher', 'lower']).optional(),
}));
/** A GitHub label: what the issues API takes (1 to 50 characters, no comma: the list filter splits on it). */
const label = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .min(1)
    .max(50)
    .refine(v => !v.includes(','), 'a label cannot contain a comma');
/**
 * A named sweep for scheduled launches: the experiment, with this launch's parameters, sweep,
 * seeds and backend, judged against the previous night's results by `fail-on`.
 */
const ScheduleSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    experiment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(EXPERIMENT_NAME, 'an experiment of experiments:'),
    /** The workflow's `on.schedule` cron this sweep answers (a schedule event names its cron, not a sweep). */
    cron: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\s*\S+(\s+\S+){4}\s*$/, "five fields, as the workflow's on.schedule writes it ('17 3 * * *')")
        .optional(),
    /** Parameter overrides. */
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(paramKey, scalar).optional(),
    /** Sweeps, each replacing the experiment's sweep of that parameter (or adding one). */
    sweep: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(paramKey, zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(scalar).min(1, 'a sweep needs at least one value')).optional(),
    seeds: seedList().min(1).optional(),
    runs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).optional(),
    backend: backendName().optional(),
    /** Regression thresholds against the previous night (default `report.fail-on`). */
    'fail-on': FailOnSchema.optional(),
    /** The regression issue: false for none; labels (default `trainer-regression`) and assignees. */
    issue: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([
        zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
            labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(label).min(1).max(10).optional(),
            assignees: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login'))
                .max(10)
                .optional(),
        }),
    ])
        .optional(),
});
const ConfigSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1).optional(),
    image: ImageSchema.optional(),
    experiments: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(EXPERIMENT_NAME, 'experiment names are letters, digits, _ . -'), ExperimentSchema)
        .optional(),
    /** What reports show and judge (src/report). */
    report: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        /** The metric the curves plot besides the loss, and the title quotes. */
        'primary-metric': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        /**
         * A fixed baseline: a baseline file an earlier report wrote (baseline-<launch>.json), relative
         * to trainer.yml; by default none (the default branch's, through the Actions cache, comes later).
         */
        baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        /** Regression thresholds per metric: worse than the baseline by more than `fail` fails the check, `warn` makes it neutral. */
        'fail-on': FailOnSchema.optional(),
    })
        .optional(),
    /** Named sweeps that `schedule` and `workflow_dispatch` events launch (src/actions/schedule.ts). */
    schedules: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(EXPERIMENT_NAME, 'schedule names are letters, digits, _ . -'), ScheduleSchema)
        .optional(),
    /** Named places to run (see src/config/backends.ts). */
    backends: _backends_js__WEBPACK_IMPORTED_MODULE_0__/* .BackendsSchema */ .pT.optional(),
    /** Limits on what one launch may do. */
    launch: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        'max-runs': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).optional(),
        /** Runs at a time on the local backends. */
        parallel: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(1).optional(),
        'results-root': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
        ledger: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).optional(),
    })
        .optional(),
});


/***/ }),

/***/ 69692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_TAG_LENGTH: () => (/* binding */ DEFAULT_TAG_LENGTH),
/* harmony export */   MANIFEST_NAME: () => (/* binding */ MANIFEST_NAME),
/* harmony export */   imageSettings: () => (/* binding */ imageSettings),
/* harmony export */   realmHosts: () => (/* binding */ realmHosts),
/* harmony export */   workspaceOutputs: () => (/* binding */ workspaceOutputs)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90131);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73713);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62812);





const DEFAULT_TAG_LENGTH = 7;
const MANIFEST_NAME = '.image-manifest';
/** Checks and normalises realm hosts (lower case); a URL, a path or a wildcard is a ConfigError naming where it came from. */
function realmHosts(hosts, where) {
    return hosts.map(h => {
        const v = h.trim().toLowerCase();
        if (!_config_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .REALM_HOST */ .dB.test(v)) {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`'${h}' is not a host name: ${where.key} lists the hosts (host or host:port, exactly as in the token realm's URL) that may receive the registry credentials`, { ...(where.file === undefined ? {} : { file: where.file }), key: where.key }, { hint: 'For a realm https://auth.example.com/token write auth.example.com (no scheme, path or wildcard).' });
        }
        return v;
    });
}
/**
 * What a workspace holds that must never reach an image: the results root and the
 * ledger (its directory, unless that is the workspace or above it, and the file with
 * its SQLite companions). `launch` is trainer.yml's `launch:`; the defaults are the
 * launch action's.
 */
function workspaceOutputs(cwd, launch, defaults) {
    const results = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, launch?.['results-root'] ?? defaults.results);
    const ledger = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, launch?.ledger ?? defaults.ledger);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(ledger);
    const under = (p, root) => p.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : `${root}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`);
    return [results, ...(under(dir, cwd) ? [dir] : []), ...['', '-wal', '-shm', '-journal'].map(x => `${ledger}${x}`)];
}
async function exists(p) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(p).then(() => true, () => false);
}
/**
 * `name` in `dir` or the nearest directory above it, the way git finds `.git`: the search
 * stops at the top of the repository (a directory holding `.git`) or of the file system.
 */
async function findUp(dir, name) {
    for (let at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir);; at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at)) {
        if (await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, name)))
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, name);
        if ((await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, '.git'))) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at) === at)
            return undefined;
    }
}
/**
 * Merges image settings: inputs over trainer.yml over defaults. Paths in trainer.yml
 * are relative to the file's directory; inputs are relative to the workspace. The
 * manifest defaults to `.image-manifest` beside the Dockerfile, else the nearest one from the
 * workspace up to the top of the repository;
 * the context defaults to the Dockerfile's directory when a Dockerfile is named (seed 003).
 */
async function imageSettings(cwd, cfg, cfgFile, over, env) {
    const cfgDir = cfgFile ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cfgFile) : cwd;
    const pick = (input, conf) => input !== undefined
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, input)
        : conf !== undefined
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(conf)
                ? conf
                : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cfgDir, conf)
            : undefined;
    const named = pick(over.dockerfile, cfg?.dockerfile);
    const dockerfile = named ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, 'Dockerfile');
    const context = pick(over.context, cfg?.context) ?? (named ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(named) : cwd);
    let manifest = pick(over.manifest, cfg?.manifest);
    if (manifest === undefined) {
        const beside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dockerfile), MANIFEST_NAME);
        manifest = (await exists(beside)) ? beside : ((await findUp(cwd, MANIFEST_NAME)) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, MANIFEST_NAME));
    }
    const buildArgs = {};
    for (const [k, v] of Object.entries(cfg?.['build-args'] ?? {}))
        buildArgs[k] = String(v);
    Object.assign(buildArgs, over['build-args'] ?? {});
    const repo = env.GITHUB_REPOSITORY?.split('/')[1];
    return {
        cwd,
        manifest,
        dockerfile,
        context,
        dockerignore: cfg?.dockerignore === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cfgDir, cfg.dockerignore),
        name: over.name ?? cfg?.name,
        registry: over.registry ?? cfg?.registry,
        tagLength: over['tag-length'] ?? cfg?.['tag-length'] ?? DEFAULT_TAG_LENGTH,
        buildArgs,
        platform: over.platform ?? cfg?.platform,
        fallbackName: repo ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(cwd),
        authRealms: over['auth-realms']?.length
            ? realmHosts(over['auth-realms'], { key: 'auth-realms' })
            : realmHosts(cfg?.['auth-realms'] ?? [], { file: cfgFile, key: 'image.auth-realms' }),
        // either the input or trainer.yml turns the cache off: the input always arrives ('true' by default);
        // an input naming where the cache lives is explicit, and wins
        cache: typeof over.cache === 'string' || (over.cache !== false && cfg?.cache !== false),
        cacheType: typeof over.cache === 'string' ? over.cache : typeof cfg?.cache === 'string' ? cfg.cache : 'registry',
        builder: over.builder ?? cfg?.builder ?? 'auto',
        cacheFrom: cfg?.['cache-from'] === undefined
            ? undefined
            : (0,_ref_js__WEBPACK_IMPORTED_MODULE_4__.parseRef)(cfg['cache-from'], { ...(cfgFile === undefined ? {} : { file: cfgFile }), key: 'image.cache-from' }),
    };
}


/***/ })

};
