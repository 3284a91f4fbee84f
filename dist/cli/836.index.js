export const id = 836;
export const ids = [836];
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

/***/ 89313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   Kx: () => (/* binding */ countRequests)
/* harmony export */ });
/* unused harmony export GitHubClient */
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86856);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/**
 * The one GitHub client: @octokit/rest with plugin-throttling (primary and secondary rate
 * limits: wait and retry, twice) and plugin-retry (5xx and network errors). The token comes
 * from the `github-token` input (default `${{ github.token }}`) or GITHUB_TOKEN in the CLI;
 * GITHUB_API_URL is honoured (GitHub Enterprise Server, the tests' emulator).
 */




const GitHubClient = _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E.plugin(_octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L);
/** A client for GitHub's REST API; a missing token is a ConfigError naming where it comes from. */
function githubClient(o) {
    if (!o.token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('no GitHub token: the github-token input (default ${{ github.token }}), or GITHUB_TOKEN', {
            key: 'github-token',
        });
    const retries = o.rateLimitRetries ?? 2;
    const limited = (kind) => (after, options, _o, count) => {
        o.log.warning(`GitHub ${kind} rate limit on ${options.method} ${options.url}: waiting ${after} s`);
        return count < retries;
    };
    return new GitHubClient({
        auth: o.token,
        baseUrl: o.apiUrl,
        userAgent: 'trainer-action',
        log: {
            debug: m => o.log.debug(m),
            info: m => o.log.debug(m),
            warn: m => o.log.warning(m),
            error: m => o.log.debug(m),
        },
        throttle: { ...o.throttle, onRateLimit: limited('primary'), onSecondaryRateLimit: limited('secondary') },
        ...(o.retryBaseMs === undefined ? {} : { retry: { retryAfterBaseValue: o.retryBaseMs } }),
    });
}
/** Counts the requests a client sends from now on (each retry too): what reporting spends of GitHub's budget. */
function countRequests(gh) {
    let n = 0;
    gh.hook.before('request', () => {
        n++;
    });
    return { count: () => n };
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c5: () => (/* binding */ writesFor),
/* harmony export */   jg: () => (/* binding */ ANNOTATIONS_PER_REQUEST),
/* harmony export */   rb: () => (/* binding */ failureAnnotations)
/* harmony export */ });
/* unused harmony export MAX_ANNOTATIONS */
/* harmony import */ var _points_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49135);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);


/** GitHub's limit per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** At most this many per launch: two requests. */
const MAX_ANNOTATIONS = 100;
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** One failure annotation per run that failed (FAILED or ERROR), at most MAX_ANNOTATIONS. */
function failureAnnotations(model, where) {
    if (!where)
        return [];
    const failed = model.runs.filter(r => (0,_points_js__WEBPACK_IMPORTED_MODULE_0__/* .outcome */ .bu)(r.state) === 'failed');
    const shown = failed.length > MAX_ANNOTATIONS ? failed.slice(0, MAX_ANNOTATIONS - 1) : failed;
    const out = shown.map(r => {
        const details = [r.links.log && `log: ${r.links.log}`, r.links.page && `page: ${r.links.page}`]
            .filter(Boolean)
            .join('\n');
        return {
            path: where.path,
            start_line: where.line,
            end_line: where.line,
            annotation_level: 'failure',
            title: (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(`run ${r.id} ${r.state.toLowerCase()} (${(0,_points_js__WEBPACK_IMPORTED_MODULE_0__/* .pointLabel */ .HV)(r.point)}, seed ${r.seed})`, 255),
            message: (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(r.reason ?? 'no reason recorded', 4000),
            ...(details ? { raw_details: clip(details, 4000) } : {}),
        };
    });
    if (failed.length > shown.length)
        out.push({
            path: where.path,
            start_line: where.line,
            end_line: where.line,
            annotation_level: 'failure',
            title: `${failed.length - shown.length} more runs failed`,
            message: `${failed.length} runs of ${model.experiment} failed; the report lists them all.`,
        });
    return out;
}
/** The check run writes a report makes: one, and one more per further 50 annotations. */
const writesFor = (annotations) => 1 + Math.max(0, Math.ceil(annotations.length / ANNOTATIONS_PER_REQUEST) - 1);


/***/ }),

/***/ 67355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ baselineOf),
/* harmony export */   Q8: () => (/* binding */ unmeasured),
/* harmony export */   RB: () => (/* binding */ BaselineFileSchema),
/* harmony export */   mF: () => (/* binding */ readBaseline)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74528);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98940);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96867);
/**
 * Baselines: what a report compares against. Every report writes its launch's metrics per
 * sweep point as a baseline file (`baseline-<launch>.json`); `report.baseline` in trainer.yml
 * names such a file to compare later launches with.
 */





const Stat = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ mean: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(), std: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(), n: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0) });
const BaselineFileSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    v: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
    experiment: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** Where it came from: `<launch id>`, with the commit when known. */
    source: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    points: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), Stat)),
});
/** A launch's metrics per sweep point, as a baseline for later launches (succeeded runs only). */
function baselineOf(model) {
    const points = {};
    for (const s of (0,_results_js__WEBPACK_IMPORTED_MODULE_3__/* .summarize */ .e)(model.runs.map(r => ({ point: r.point, state: r.state, final: r.final }))))
        if (Object.keys(s.metrics).length)
            points[(0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .pointKey */ .G)(s.point)] = s.metrics;
    const sha = model.github?.headSha;
    return {
        v: 1,
        experiment: model.experiment,
        source: sha ? `${model.launchId}@${sha.slice(0, 7)}` : model.launchId,
        points,
    };
}
/**
 * The points of `model` that `baseline` has a value of one of `metrics` for and that have none
 * here (their runs failed, or did not report it): a comparison that says nothing about them.
 */
function unmeasured(model, baseline, metrics) {
    return (0,_results_js__WEBPACK_IMPORTED_MODULE_3__/* .summarize */ .e)(model.runs.map(r => ({ point: r.point, state: r.state, final: r.final })))
        .map(s => ({ key: (0,_model_js__WEBPACK_IMPORTED_MODULE_4__/* .pointKey */ .G)(s.point), metrics: s.metrics }))
        .filter(s => metrics.some(m => baseline.points[s.key]?.[m] !== undefined && s.metrics[m] === undefined))
        .map(s => s.key);
}
/** A baseline file for an experiment; a file that is not one, or is another experiment's, is a ConfigError naming it. */
async function readBaseline(file, experiment) {
    let raw;
    try {
        raw = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
    }
    catch (e) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`report.baseline: ${file} cannot be read as JSON (${e.message})`, {
            key: 'report.baseline',
        });
    }
    const r = BaselineFileSchema.safeParse(raw);
    if (!r.success)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`report.baseline: ${file} is not a baseline file (trainer report writes them)`, {
            key: 'report.baseline',
        });
    if (r.data.experiment !== experiment)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`report.baseline: ${file} is experiment '${r.data.experiment}''s baseline, not '${experiment}''s`, { key: 'report.baseline' });
    return { source: r.data.source, points: r.data.points };
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Hg: () => (/* binding */ mermaidText),
/* harmony export */   iQ: () => (/* binding */ markdownLink),
/* harmony export */   q3: () => (/* binding */ httpUrl),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   wh: () => (/* binding */ plainText),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * Escaping user text (parameter values, reasons, metric names, run ids, links) for the
 * places a report goes: GitHub-flavoured Markdown (tables and prose), inline HTML, Mermaid.
 *
 * The rules, and why:
 * - `&`, `<`, `>`, `"` become entities, so no HTML gets through (not even inside our own
 *   `<details>`/`<code>`, where backslash escapes would not work).
 * - Every other character Markdown gives a meaning inline (`\` `` ` `` `*` `_` `[` `]` `(` `)`
 *   `#` `!` `~` `|` `$`) gets a backslash. `|` must: GFM splits table rows on an unescaped
 *   pipe before anything else, even inside code spans and link destinations. `$` starts math.
 * - Line breaks (CR, LF, VT, FF, NEL, U+2028/2029) become a space, or `<br>` where a table
 *   cell may keep them: a table stays one row per line. Other control characters and the
 *   bidirectional overrides (Trojan Source) are removed; a tab is a space.
 * - `@name` gets a WORD JOINER (U+2060, invisible) after the `@`, so GitHub's mention filter
 *   no longer sees a login and nobody is pinged. A backslash would not do: the filter runs on
 *   the rendered text, after the escape is gone. The same for `#123`: GitHub would link the
 *   issue and add a cross-reference event to its timeline, so issue references in reasons are
 *   broken too (`owner/repo#1` included). `GH-123`, commit SHAs and bare URLs are left to
 *   GitHub's autolinker: they notify no one.
 * - Text is cut at `max` code points (never inside a surrogate pair), with `…`.
 */
const WORD_JOINER = '\u2060';
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Cuts text at `max` code points, with `…` when something was cut. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const cps = Array.from(text);
    return cps.length <= max ? text : `${cps.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/** Text without control characters, bidirectional overrides or line breaks (`newline` instead). */
function clean(text, newline) {
    return (text
        .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, '\n')
        // a tab is a space; other C0/C1 controls, DEL and the bidi embedding/override/isolate marks go
        .replace(/\t/g, ' ')
        .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\n+/g, newline));
}
/** User text for GitHub Markdown: safe in prose, table cells, link text and inline HTML. */
function escapeMarkdown(text, o = {}) {
    const newline = o.newline ?? ' ';
    const cut = o.max === undefined ? text : truncate(text, o.max);
    // line breaks become a placeholder first, so `<br>` is not escaped with the rest
    let s = clean(cut, '\n')
        .replace(/[&<>"]/g, c => ENTITIES[c])
        .replace(/[\\`*_[\]()#!~|$]/g, c => `\\${c}`);
    if (o.breakRefs ?? true)
        s = s.replace(/@(?=[\p{L}\p{N}])/gu, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`);
    return s.replace(/\n+/g, newline);
}
/** User text shown as code, in prose or a table cell: `<code>` with the text escaped (no backtick games). */
function inlineCode(text, o = {}) {
    return `<code>${escapeMarkdown(text, { ...o, breakRefs: false })}</code>`;
}
/**
 * An http(s) URL made safe for a Markdown link destination, or undefined for anything else
 * (relative paths, `ssh://`, `file:`, `javascript:`). Credentials in it are dropped; the
 * characters that could end the destination, start a code span, split a table row or look
 * like Markdown link syntax are percent-encoded. Meant for `[text](<url>)`.
 */
function httpUrl(url) {
    let u;
    try {
        u = new URL(url.trim());
    }
    catch {
        return undefined;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        return undefined;
    u.username = '';
    u.password = '';
    const origin = `${u.protocol}//${u.host}`;
    const pct = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    // brackets stay only in an IPv6 host; after it, Markdown's brackets and parentheses go too
    return origin.replace(/[<>|`\\"'\s]/g, pct) + u.href.slice(origin.length).replace(/[<>|`\\"'\s()[\]]/g, pct);
}
/**
 * A link: `[text](<url>)` for an http(s) URL; anything else (a path, `user@host:/dir`, an
 * `ssh://` URL) is shown, not linked, as `text: <code>…</code>`. Empty when there is no URL.
 */
function markdownLink(text, url) {
    if (url === undefined || url.trim() === '')
        return '';
    const href = httpUrl(url);
    if (href !== undefined)
        return `[${escapeMarkdown(text)}](<${href}>)`;
    return `${escapeMarkdown(text)}: ${inlineCode(url, { max: 300 })}`;
}
/**
 * Text inside a Mermaid diagram (a title, an axis or line name): letters, digits and a few
 * harmless marks only. Quotes would end the string, `%%` starts a comment, `;` ends a
 * statement, and backticks start a Markdown string; all of them become `_`.
 */
function mermaidText(text, max = 60) {
    const s = truncate(clean(text, ' ').replace(/[^\p{L}\p{N} _.,:=+/()-]/gu, '_'), max).trim();
    return s === '' ? '_' : s;
}
/** Plain text on one line (a check run's title, which GitHub does not render as Markdown). */
function plainText(text, max = 200) {
    return truncate(clean(text, ' '), max);
}


/***/ }),

/***/ 80854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OE: () => (/* binding */ localHistories),
/* harmony export */   Pe: () => (/* binding */ recordText),
/* harmony export */   de: () => (/* binding */ previousBudget),
/* harmony export */   kB: () => (/* binding */ launchReport),
/* harmony export */   kC: () => (/* binding */ reportSettings)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _backends_outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41893);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(856);
/* harmony import */ var _baseline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67355);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(96867);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51117);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21736);
/**
 * One launch's report, from its ledger rows to what is published: the model (with each run's
 * history and what could not be read of it), the three renderings, the failure annotations,
 * and the hidden launch record for the check run. Shared by `trainer report` (actions/report)
 * and `trainer reconcile` (actions/reconcile), so the two publish the same thing.
 */








/** The report settings of trainer.yml for one experiment. */
async function reportSettings(config, configFile, workspace, experiment) {
    const rc = config.report;
    const baseline = rc?.baseline
        ? await (0,_baseline_js__WEBPACK_IMPORTED_MODULE_4__/* .readBaseline */ .mF)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(configFile ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(configFile) : workspace, rc.baseline), experiment)
        : undefined;
    return { primaryMetric: rc?.['primary-metric'], failOn: rc?.['fail-on'], baseline, source: await sourceOf() };
    async function sourceOf() {
        if (!configFile)
            return undefined;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(workspace, configFile);
        // annotations name a file of the repository: nothing outside the workspace
        if (path.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path))
            return undefined;
        const { experimentLine } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(734)]).then(__webpack_require__.bind(__webpack_require__, 58353));
        const line = experimentLine(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(configFile, 'utf8'), experiment);
        return line === undefined ? undefined : { path: path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'), line };
    }
}
/** Each finished run's history from the metrics.json it left under `root` (local results). */
async function localHistories(root, runs) {
    if (!root)
        return new Map();
    return new Map(await Promise.all(runs.map(async (r) => {
        const m = await (0,_backends_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunMetrics */ .xD)(root, r.output);
        // a run under way has no metrics.json yet: that is not a problem
        const running = !['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(r.state);
        return [r.id, { history: m.metrics?.history, problem: running ? undefined : m.problem }];
    })));
}
/** The report of a launch as its ledger rows say. */
function launchReport(launch, runs, histories, s, o) {
    const base = (0,_model_js__WEBPACK_IMPORTED_MODULE_7__/* .reportModel */ .S)(launch, runs, {
        history: r => histories.get(r.id)?.history,
        now: o.now,
        ...(s.baseline ? { baseline: s.baseline } : {}),
    });
    const model = {
        ...base,
        primaryMetric: s.primaryMetric,
        runs: base.runs.map(r => {
            const problem = histories.get(r.id)?.problem;
            return problem ? { ...r, problems: [problem] } : r;
        }),
    };
    const rendered = (0,_render_js__WEBPACK_IMPORTED_MODULE_6__/* .renderReports */ .kr)(model, { failOn: s.failOn, ...(o.limits ? { limits: o.limits } : {}) });
    return { model, rendered, annotations: (0,_annotations_js__WEBPACK_IMPORTED_MODULE_3__/* .failureAnnotations */ .rb)(model, s.source), states: (0,_record_js__WEBPACK_IMPORTED_MODULE_5__/* .statesKey */ .AC)(runs) };
}
/**
 * The check run's output text: the hidden launch record, with the requests spent so far on
 * this launch (those before, from `before` or else the record there, and `spent` now, plus the
 * writes about to be made) and the sticky comment written. A record too large for the text is
 * left out, and the text says so.
 */
function recordText(launch, runs, o) {
    return (existing, commentId) => {
        const before = o.before ?? previousBudget(existing);
        const comment = commentId ?? before?.commentId;
        const budget = {
            requests: (before?.requests ?? 0) + o.spent() + o.writes,
            updatedAt: o.now.toISOString(),
            states: o.states,
            ...(comment === undefined ? {} : { commentId: comment }),
        };
        const block = (0,_record_js__WEBPACK_IMPORTED_MODULE_5__/* .encodeRecord */ .Ym)({ v: 1, launch, runs, budget });
        if (block.length <= _render_js__WEBPACK_IMPORTED_MODULE_6__/* .REPORT_LIMITS */ .S4.check)
            return block;
        return (`This launch's record (${block.length} bytes) is larger than a check run's text holds ` +
            `(${_render_js__WEBPACK_IMPORTED_MODULE_6__/* .REPORT_LIMITS */ .S4.check}): it cannot be reconciled from here, so keep the job waiting for it (wait: true).`);
    };
}
/** The budget the check run's record holds, if it holds one. */
function previousBudget(existing) {
    if (!existing)
        return undefined;
    const r = (0,_record_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeRecord */ .eT)(existing.text);
    return 'problem' in r ? undefined : r.budget;
}


/***/ }),

/***/ 96867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ pointKey),
/* harmony export */   S: () => (/* binding */ reportModel)
/* harmony export */ });
/** A sweep point's key: its entries sorted by name, as JSON. */
function pointKey(point) {
    return JSON.stringify(Object.entries(point).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
const seconds = (from, to) => from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : undefined;
/** The report of a recorded launch; `history` reads a run's metric history when it can. */
function reportModel(launch, runs, o = {}) {
    const points = new Map(launch.plan.runs.map(r => [r.id, r.point]));
    const now = (o.now ?? new Date()).toISOString();
    return {
        launchId: launch.id,
        experiment: launch.experiment,
        backend: launch.backend,
        status: launch.status,
        createdAt: launch.createdAt,
        finishedAt: launch.finishedAt,
        github: launch.github,
        baseline: o.baseline,
        runs: runs.map(r => ({
            id: r.id,
            state: r.state,
            point: points.get(r.id) ?? {},
            seed: r.seed,
            final: r.metrics,
            history: o.history?.(r),
            reason: r.reason,
            links: r.links,
            queuedS: seconds(r.submittedAt, r.startedAt ?? (r.endedAt ? undefined : now)),
            runS: seconds(r.startedAt, r.endedAt ?? (r.startedAt ? now : undefined)),
            gpus: r.resources.gpus,
        })),
    };
}


/***/ }),

/***/ 49135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ groupPoints),
/* harmony export */   HV: () => (/* binding */ pointLabel),
/* harmony export */   N4: () => (/* binding */ tally),
/* harmony export */   Pn: () => (/* binding */ primaryMetric),
/* harmony export */   _b: () => (/* binding */ paramNames),
/* harmony export */   bu: () => (/* binding */ outcome),
/* harmony export */   cv: () => (/* binding */ lowerIsBetter)
/* harmony export */ });
/* harmony import */ var _ledger_states_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86183);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96867);
/** Sweep points and run outcomes, as every part of a report counts them. */


function groupPoints(runs) {
    const groups = new Map();
    for (const r of runs) {
        const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .pointKey */ .G)(r.point);
        const g = groups.get(key);
        if (g)
            g.runs.push(r);
        else
            groups.set(key, { key, point: r.point, runs: [r] });
    }
    return [...groups.values()];
}
/** The swept parameters' names, in the order they first appear. */
function paramNames(runs) {
    return [...new Set(runs.flatMap(r => Object.keys(r.point)))];
}
/** A point as `lr=0.1, bs=32` (raw text: escape it where it goes); `all runs` when nothing is swept. */
function pointLabel(point) {
    const e = Object.entries(point);
    return e.length ? e.map(([k, v]) => `${k}=${String(v)}`).join(', ') : 'all runs';
}
function outcome(state) {
    if (state === 'SUCCEEDED')
        return 'ok';
    if (state === 'FAILED' || state === 'ERROR')
        return 'failed';
    if ((0,_ledger_states_js__WEBPACK_IMPORTED_MODULE_0__/* .isActive */ .$m)(state))
        return 'running';
    return 'cancelled'; // CANCELLED, STOPPED, DELETED
}
function tally(runs) {
    const t = { runs: runs.length, ok: 0, failed: 0, cancelled: 0, running: 0 };
    for (const r of runs)
        t[outcome(r.state)]++;
    return t;
}
/** Metrics whose smaller values are better, by name, unless a threshold says otherwise. */
function lowerIsBetter(metric) {
    return /loss|err|perplexity|ppl|mse|mae|rmse|nll|wer|cer|latency|time|regret/i.test(metric);
}
/**
 * The metric a report features besides the loss: `model.primaryMetric`, else the first metric
 * other than `loss` and `step` in the runs' histories, else in their final values.
 */
function primaryMetric(model) {
    if (model.primaryMetric)
        return model.primaryMetric;
    const skip = (k) => k === 'loss' || k === 'step';
    for (const r of model.runs)
        for (const h of r.history ?? [])
            for (const k of Object.keys(h))
                if (!skip(k))
                    return k;
    for (const r of model.runs)
        for (const k of Object.keys(r.final))
            if (!skip(k))
                return k;
    return undefined;
}


/***/ }),

/***/ 4617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ checkName),
/* harmony export */   PS: () => (/* binding */ isReport),
/* harmony export */   S3: () => (/* binding */ publishReport),
/* harmony export */   T: () => (/* binding */ launchChecks),
/* harmony export */   TU: () => (/* binding */ findCheckRun),
/* harmony export */   dO: () => (/* binding */ checkStatus)
/* harmony export */ });
/* unused harmony exports CHECK_PREFIX, existingCheck, publishCheckRun, publishComment */
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(856);


/** What every launch's check run is named with: `trainer: <experiment>`. */
const CHECK_PREFIX = 'trainer: ';
/** The check run's name for an experiment. */
const checkName = (experiment) => `${CHECK_PREFIX}${experiment}`;
/** Whether an API error is GitHub refusing this token a write (a fork PR's read-only token, missing permissions). */
function refused(e) {
    const status = e.status;
    return status === 403 || status === 404;
}
/** The check run's status for a report: queued until a run starts, in_progress, completed with a conclusion. */
function checkStatus(model, r) {
    if (r.conclusion !== undefined)
        return 'completed';
    return model.runs.some(x => x.state !== 'CREATED' && x.state !== 'QUEUED') ? 'in_progress' : 'queued';
}
/** The launch's check run on its head SHA, if a report made one (found by name and external_id). */
async function findCheckRun(gh, g, model) {
    const existing = await gh.paginate(gh.rest.checks.listForRef, {
        owner: g.owner,
        repo: g.repo,
        ref: model.github?.headSha ?? g.headSha,
        check_name: checkName(model.experiment),
        filter: 'all',
        per_page: 100,
    });
    const mine = existing.find(c => c.external_id === model.launchId);
    return mine && existingCheck(mine);
}
/** A check run as the API lists it, as far as a report needs it. */
function existingCheck(c) {
    return {
        id: c.id,
        url: c.html_url ?? '',
        status: c.status,
        conclusion: c.conclusion,
        summary: c.output.summary,
        text: c.output.text,
        annotationsCount: c.output.annotations_count,
    };
}
/**
 * The launch check runs on a commit, newest first: named `trainer: *`, with a launch id
 * (`external_id`), and made by `app` (a slug: `github-actions` for a workflow's GITHUB_TOKEN).
 * A check run of any other app is never a launch, whatever its name: anyone whose workflow may
 * write checks could make one.
 */
async function launchChecks(gh, g, sha, app) {
    const checks = await gh.paginate(gh.rest.checks.listForRef, {
        owner: g.owner,
        repo: g.repo,
        ref: sha,
        filter: 'all',
        per_page: 100,
    });
    return checks
        .filter(c => c.name.startsWith(CHECK_PREFIX) && c.app?.slug === app && c.external_id)
        .sort((a, b) => b.id - a.id)
        .map(c => ({
        check: existingCheck(c),
        name: c.name,
        experiment: c.name.slice(CHECK_PREFIX.length),
        externalId: c.external_id ?? '',
        headSha: c.head_sha,
        title: c.output.title,
    }));
}
/**
 * Creates or updates the launch's check run on the head SHA: queued/in_progress while runs
 * are under way, completed with a conclusion when they end. An update that would change
 * neither the status, the conclusion nor the summary is not sent (the request budget). Annotations go with
 * the completing update, the first 50 in it and the rest 50 to a further update, and only
 * once: a check run completed with annotations already gets none again.
 */
async function publishCheckRun(gh, g, model, r, o = {}) {
    const name = checkName(model.experiment);
    const repo = { owner: g.owner, repo: g.repo };
    const mine = o.existing;
    const status = checkStatus(model, r);
    const state = r.conclusion !== undefined
        ? { status: 'completed', conclusion: r.conclusion, completed_at: new Date().toISOString() }
        : { status: status };
    const same = mine?.status === state.status &&
        mine.summary === r.check &&
        (state.status !== 'completed' || mine.conclusion === r.conclusion);
    if (mine && same)
        return { id: mine.id, url: mine.url, written: false };
    const completing = state.status === 'completed' && !(mine?.status === 'completed' && mine.annotationsCount > 0);
    const annotations = completing ? [...(o.annotations ?? [])] : [];
    const text = o.text?.(mine, o.commentId);
    const output = (batch) => ({
        title: r.title,
        summary: r.check,
        ...(text === undefined ? {} : { text }),
        ...(batch.length ? { annotations: batch } : {}),
    });
    const first = annotations.splice(0, _annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS_PER_REQUEST */ .jg);
    const written = mine
        ? await gh.rest.checks.update({ ...repo, check_run_id: mine.id, output: output(first), ...state })
        : await gh.rest.checks.create({
            ...repo,
            name,
            head_sha: model.github?.headSha ?? g.headSha,
            external_id: model.launchId,
            output: output(first),
            ...(g.runId ? { details_url: `${g.serverUrl}/${g.repository}/actions/runs/${g.runId}` } : {}),
            ...state,
        });
    const id = written.data.id;
    while (annotations.length)
        await gh.rest.checks.update({
            ...repo,
            check_run_id: id,
            output: output(annotations.splice(0, _annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS_PER_REQUEST */ .jg)),
        });
    return { id, url: written.data.html_url ?? '', written: true };
}
/**
 * Whether a comment is the report: its first line the marker, written by an app
 * (`github-actions[bot]` for a workflow's GITHUB_TOKEN) or by someone of the repository (a
 * token of theirs). Anyone may post a comment whose first line is the marker; taken for the
 * report, it would be edited by the bot and rewritten by its author afterwards, and the bot's
 * own report never made.
 */
function isReport(c, marker) {
    const writer = c.user?.type === 'Bot' || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(c.author_association ?? '');
    return writer && (c.body ?? '').split('\n', 1)[0]?.trim() === marker;
}
/**
 * Edits the PR's sticky comment for this experiment in place, or makes it (first report, or a
 * person deleted it). Only a comment whose first line is the marker, written by an app or by
 * someone of the repository, counts.
 */
async function publishComment(gh, g, pr, r, known) {
    const repo = { owner: g.owner, repo: g.repo };
    // the comment an earlier report wrote, if it is still there and still the report: two
    // requests, however many comments the PR has
    const earlier = known === undefined
        ? undefined
        : await gh.rest.issues.getComment({ ...repo, comment_id: known }).then(c => c.data, (e) => {
            if (e.status === 404)
                return undefined;
            throw e;
        });
    if (earlier && earlier.issue_url.endsWith(`/issues/${pr}`) && isReport(earlier, r.marker)) {
        if (earlier.body === r.comment)
            return { id: earlier.id, url: earlier.html_url };
        const u = await gh.rest.issues.updateComment({ ...repo, comment_id: earlier.id, body: r.comment });
        return { id: u.data.id, url: u.data.html_url };
    }
    const comments = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 });
    const mine = comments.find(c => isReport(c, r.marker));
    // the same report again: nothing to send (the request budget)
    if (mine && mine.body === r.comment)
        return { id: mine.id, url: mine.html_url };
    if (mine) {
        const u = await gh.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: r.comment });
        return { id: u.data.id, url: u.data.html_url };
    }
    const c = await gh.rest.issues.createComment({ ...repo, issue_number: pr, body: r.comment });
    return { id: c.data.id, url: c.data.html_url };
}
/** Publishes the check run and the comment where the context allows; problems are collected, not thrown. */
async function publishReport(gh, g, model, r, o) {
    const out = { problems: [] };
    if (!g || !gh) {
        if (o.check || o.comment)
            out.problems.push('not on GitHub (no GITHUB_REPOSITORY or token): nothing published there');
        return out;
    }
    /** One part of the report; what goes wrong is said in the problems, with the permission it may lack. */
    const part = async (what, refusedWhy, fn) => {
        try {
            return await fn();
        }
        catch (e) {
            out.problems.push(refused(e)
                ? `${what} could not be written: ${refusedWhy} (${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)})`
                : `${what} could not be written: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}`);
            return undefined;
        }
    };
    // the comment first: the check run's record counts the requests made for it
    const pr = model.github?.pullRequest ?? g.pullRequest;
    if (o.comment && pr !== undefined) {
        const c = await part('the PR comment', "this token may not write comments (a fork's read-only token; permissions: pull-requests: write)", () => publishComment(gh, g, pr, r, o.commentId));
        out.commentId = c?.id;
        out.commentUrl = c?.url;
    }
    if (o.check) {
        const c = await part('the check run', 'this token may not write checks (a pull request from a fork gets a read-only token; permissions: checks: write)', async () => {
            const w = o.check === true ? {} : o.check;
            const existing = w.existing ?? (await findCheckRun(gh, g, model));
            return publishCheckRun(gh, g, model, r, { ...w, existing, commentId: out.commentId });
        });
        out.checkRunId = c?.id;
        out.checkRunUrl = c?.url;
    }
    return out;
}


/***/ }),

/***/ 51117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ statesKey),
/* harmony export */   Ym: () => (/* binding */ encodeRecord),
/* harmony export */   eT: () => (/* binding */ decodeRecord),
/* harmony export */   w2: () => (/* binding */ updateDue)
/* harmony export */ });
/* unused harmony exports recordSize, REQUEST_BUDGET, FINAL_RESERVE, MIN_UPDATE_S */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74528);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90131);
/* harmony import */ var _ledger_states_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86183);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48720);
/* harmony import */ var _runner_contract_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46670);
/**
 * A launch's durable record on GitHub. On GitHub the ledger file dies with the workflow job,
 * but training may outlive the job: the launch's check run keeps what is needed to find its
 * runs again, as a hidden block in its output text (an HTML comment, which GitHub does not
 * show): the launch and its runs as the ledger last saw them, gzipped and base64-encoded, and
 * what reporting has spent of its request budget. `trainer reconcile` (actions/reconcile)
 * reads it back into a ledger of its own, polls the backend, and writes the record again.
 *
 * The record is data, never configuration: a reconcile takes the backend's options from its
 * own trainer.yml (the default branch's), so a record cannot point it at another host.
 */






const PREFIX = '<!-- trainer-action:launch-record v1 ';
const SUFFIX = ' -->';
const BLOCK = /<!-- trainer-action:launch-record v1 ([A-Za-z0-9+/]+={0,2}) -->/;
/**
 * Bounds on a record, checked before it is parsed and validated: a crafted block of a few
 * hundred bytes can inflate to millions of empty objects, which take a GiB to parse and
 * more to validate (an issue per missing field). A check run's text (65,535 characters)
 * holds about 1.5 MB of a real record, ten objects or so per run.
 */
const MAX_JSON_BYTES = 8 * 1024 * 1024;
const MAX_CONTAINERS = 200_000;
const MAX_RUNS = 10_000;
/** Objects and arrays in a JSON text, at most (a `{` or `[` inside a string counts too). */
function containers(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x7b || c === 0x5b)
            n++;
    }
    return n;
}
const runCount = (x) => (Array.isArray(x) ? x.length : 0);
/** A run's fields that its plan entry holds too: left out of the block, taken from the plan again. */
const FROM_PLAN = [
    'launchId',
    'experiment',
    'index',
    'seed',
    'params',
    'resources',
    'image',
    'output',
    'backend',
];
const RunShape = zod__WEBPACK_IMPORTED_MODULE_5__/* .looseObject */ ._H3({
    id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1),
    state: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_ledger_states_js__WEBPACK_IMPORTED_MODULE_2__/* .RUN_STATES */ .vP),
    attempt: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().min(1),
    handle: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig()),
    links: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()),
});
const launchId = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().regex(_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .LAUNCH_ID */ .QS, 'not a launch id');
const experiment = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().regex(_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .EXPERIMENT_NAME */ .QJ, 'not an experiment name');
const RecordShape = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    v: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(1),
    launch: zod__WEBPACK_IMPORTED_MODULE_5__/* .looseObject */ ._H3({
        id: launchId,
        experiment,
        backend: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1),
        createdAt: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
        status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['ACTIVE', 'SUCCEEDED', 'FAILED', 'CANCELLED']),
        plan: zod__WEBPACK_IMPORTED_MODULE_5__/* .looseObject */ ._H3({
            launchId,
            experiment,
            runs: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .looseObject */ ._H3({
                id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1),
                experiment: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
                index: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().min(0),
                seed: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int(),
                params: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J()),
                point: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J()),
                resources: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J()),
                output: _runner_contract_js__WEBPACK_IMPORTED_MODULE_4__/* .RunOutput */ .NF,
                backend: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
            }))
                .min(1),
        }),
    }),
    runs: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunShape),
    budget: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        requests: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().min(0),
        updatedAt: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
        states: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
        commentId: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().positive().optional(),
    }),
});
/** The hidden block for a check run's output text. */
function encodeRecord(r) {
    const skip = new Set(FROM_PLAN);
    const runs = r.runs.map(run => Object.fromEntries(Object.entries(run).filter(([k]) => !skip.has(k))));
    return PREFIX + (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(JSON.stringify({ ...r, runs }), { level: 9 }).toString('base64') + SUFFIX;
}
/**
 * The record a check run's output text holds, or why it cannot be read (`none` when the text
 * has no block: a check run made by something else, or by a release before records).
 */
function decodeRecord(text) {
    const m = BLOCK.exec(text ?? '');
    if (!m)
        return { problem: 'none' };
    let raw;
    try {
        const json = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(Buffer.from(m[1], 'base64'), { maxOutputLength: MAX_JSON_BYTES }).toString('utf8');
        if (containers(json) > MAX_CONTAINERS)
            return { problem: `its launch record cannot be read (over ${MAX_CONTAINERS} objects)` };
        raw = JSON.parse(json);
    }
    catch (e) {
        return { problem: `its launch record cannot be read (${e.message})` };
    }
    const shape = raw;
    if (Math.max(runCount(shape?.runs), runCount(shape?.launch?.plan?.runs)) > MAX_RUNS)
        return { problem: `its launch record is not one (over ${MAX_RUNS} runs)` };
    const r = RecordShape.safeParse(raw);
    if (!r.success) {
        const i = r.error.issues[0];
        return { problem: `its launch record is not one (${i.path.join('.') || 'the record'}: ${i.message})` };
    }
    const launch = r.data.launch;
    const not = (why) => ({ problem: `its launch record is not one (${why})` });
    // one launch, whole: its plan's, every run of it once, nothing of another launch
    if (launch.plan.launchId !== launch.id)
        return not(`launch ${launch.id} holds the plan of ${launch.plan.launchId}`);
    if (launch.plan.experiment !== launch.experiment || launch.plan.runs.some(x => x.experiment !== launch.experiment))
        return not(`its plan is not experiment ${launch.experiment}'s`);
    const planned = new Map(launch.plan.runs.map(x => [x.id, x]));
    if (planned.size !== launch.plan.runs.length)
        return not('its plan holds a run twice');
    const alien = launch.plan.runs.find(x => !x.id.startsWith(`${launch.id}.`));
    if (alien)
        return not(`run ${alien.id} is not a run of launch ${launch.id}`);
    const runs = [];
    for (const x of r.data.runs) {
        const p = planned.get(x.id);
        if (!p)
            return not(`run ${x.id} is not in launch ${launch.id}`);
        runs.push({
            ...x,
            launchId: launch.id,
            experiment: p.experiment,
            index: p.index,
            seed: p.seed,
            params: p.params,
            resources: p.resources,
            image: p.image,
            output: p.output,
            backend: p.backend,
        });
    }
    if (runs.length !== planned.size || new Set(runs.map(x => x.id)).size !== planned.size)
        return not(`it holds ${runs.length} runs for the ${planned.size} of its plan`);
    return { v: 1, launch, runs, budget: r.data.budget };
}
/** Bytes the block of this record takes. */
const recordSize = (r) => encodeRecord(r).length;
/** Requests to GitHub's API one launch may use over its whole life (issue 10). */
const REQUEST_BUDGET = 200;
/** Kept back from progress updates for the final report (the check run, its annotations, the comment). */
const FINAL_RESERVE = 20;
/** A check run is updated at most this often, unless a run changed state. */
const MIN_UPDATE_S = 30;
/** The runs' states as a key: a report whose key changed is a state change. */
function statesKey(runs) {
    const n = new Map();
    for (const r of runs)
        n.set(r.state, (n.get(r.state) ?? 0) + 1);
    return [...n]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([s, k]) => `${s}:${k}`)
        .join(',');
}
/**
 * Whether a report update is due. A final one always is, and so is the first. A progress update
 * is due when a run changed state since the last one, at most every MIN_UPDATE_S (`waitMs`
 * says how long until it may be sent), and only while the launch's budget has more than
 * FINAL_RESERVE requests left.
 */
function updateDue(prev, o) {
    if (o.final)
        return { due: true, why: 'final' };
    if (!prev)
        return { due: true, why: 'first report' };
    if (prev.requests >= REQUEST_BUDGET - FINAL_RESERVE)
        return {
            due: false,
            why: `${prev.requests} of ${REQUEST_BUDGET} requests used; the rest are kept for the final report`,
        };
    if (prev.states === o.states)
        return { due: false, why: 'no run changed state' };
    const since = prev.updatedAt ? (o.now.getTime() - Date.parse(prev.updatedAt)) / 1000 : Infinity;
    return since >= MIN_UPDATE_S
        ? { due: true, why: 'a run changed state' }
        : {
            due: false,
            why: `a run changed state, but the check run was updated ${Math.round(since)} s ago (at most every ${MIN_UPDATE_S} s)`,
            waitMs: Math.ceil((MIN_UPDATE_S - since) * 1000),
        };
}


/***/ }),

/***/ 21736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S4: () => (/* binding */ REPORT_LIMITS),
  W2: () => (/* binding */ regressionsOf),
  B1: () => (/* binding */ renderReport),
  kr: () => (/* binding */ renderReports)
});

// UNUSED EXPORTS: conclusion, curves, delta, parseReportMarker, pointsTable, reportMarker, runsTable

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/format.ts
/** Numbers and durations as a report shows them. */
/** A metric value: 3 significant digits, exponent notation outside [0.001, 1000); `–` when not finite. */
function num(x) {
    if (!Number.isFinite(x))
        return '–';
    if (x === 0)
        return '0';
    return Math.abs(x) >= 1000 || Math.abs(x) < 0.001 ? x.toExponential(2) : String(+x.toPrecision(3));
}
/** A difference with its sign: `+0.05`, `-0.012`, `0`. */
function signed(x) {
    return x > 0 ? `+${num(x)}` : num(x);
}
/** A mean over seeds: `0.91 ± 0.01 (3)`; one seed has no spread: `0.91 (1)`. */
function meanStd(v) {
    return v.n > 1 ? `${num(v.mean)} ± ${num(v.std)} (${v.n})` : `${num(v.mean)} (${v.n})`;
}
/** A count with thousands separators: `5,000`. */
function count(n) {
    return n.toLocaleString('en-US');
}
/** `1 run`, `3 runs`. */
function plural(n, one, many = `${one}s`) {
    return `${count(n)} ${n === 1 ? one : many}`;
}
/** A duration in seconds: `45s`, `3m 05s`, `2h 04m`, `3d 02h`; `–` when unknown. */
function duration(s) {
    if (s === undefined || !Number.isFinite(s) || s < 0)
        return '–';
    const t = Math.round(s);
    const two = (n) => String(n).padStart(2, '0');
    if (t < 60)
        return `${t}s`;
    if (t < 3600)
        return `${Math.floor(t / 60)}m ${two(t % 60)}s`;
    if (t < 86_400)
        return `${Math.floor(t / 3600)}h ${two(Math.floor((t % 3600) / 60))}m`;
    return `${Math.floor(t / 86_400)}d ${two(Math.floor((t % 86_400) / 3600))}h`;
}
const MERMAID_NUMBER = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 5 });
/**
 * A number as Mermaid's xychart grammar reads it (`[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent, no
 * grouping): 5 significant digits.
 */
function mermaidNumber(x) {
    const y = +x.toPrecision(5);
    if (y === 0)
        return '0';
    const s = String(y);
    // String() switches to exponent notation below 1e-6 and from 1e21 on; Intl never does (but is slow)
    return s.includes('e') ? MERMAID_NUMBER.format(y) : s;
}

// EXTERNAL MODULE: ./src/report/points.ts
var report_points = __webpack_require__(49135);
;// CONCATENATED MODULE: ./src/report/curves.ts
/**
 * Training curves as Mermaid `xychart-beta` blocks, which GitHub draws in comments, check runs
 * and job summaries: the loss and the primary metric against the step, one line per sweep
 * point, its seeds averaged.
 *
 * What the chart grammar allows, and what follows from it (mermaid's `xychart.jison` and
 * `xychartDb.ts`):
 * - numbers are `[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent, so values are written in full;
 * - a numeric x-axis (`x-axis "step" 0 --> 1000`) spreads each line's values evenly from its
 *   minimum to its maximum, so every line has one value per point of one shared, evenly
 *   spaced grid of steps. Mermaid makes the grid by adding (max - min)/(n - 1) up to max: the
 *   step between grid points is kept a whole number (or checked) so no point is lost to
 *   rounding; when it cannot be, the axis is categorical instead;
 * - there is no legend (in the versions GitHub runs), so the lines get a fixed palette
 *   (front matter `themeVariables.xyChart.plotColorPalette`), a name, and a caption under the
 *   chart that says which coloured line is which point;
 * - texts are quoted and may not hold `"`; `%%` starts a comment anywhere.
 *
 * The grid: at most `maxPoints` (100) steps. A point's value at a grid step is the mean of its
 * seed-averaged values in that step's bucket (half a grid step either side); a bucket with no
 * value is interpolated from the neighbouring steps; before a point's first or after its last
 * step its line is held flat at that value (the caption says where a line's steps end).
 * Steps: a history entry's `step`, else its position in the history. NaN and ±Infinity are
 * skipped, never written.
 */



/** Line colours, and the emoji square each is told by in the caption (GitHub Primer colours). */
const PALETTE = [
    { color: '#2f81f7', square: '🟦' },
    { color: '#f0883e', square: '🟧' },
    { color: '#3fb950', square: '🟩' },
    { color: '#f85149', square: '🟥' },
    { color: '#a371f7', square: '🟪' },
    { color: '#9e6a03', square: '🟫' },
    { color: '#d29922', square: '🟨' },
    { color: '#6e7781', square: '⬛' },
];
/** The metrics the curves plot: `loss` and the primary metric, those that some history has. */
function curveMetrics(model) {
    const primary = (0,report_points/* primaryMetric */.Pn)(model);
    const wanted = primary && primary !== 'loss' ? ['loss', primary] : ['loss'];
    return wanted.filter(m => model.runs.some(r => r.history?.some(h => m in h)));
}
/** Curves already computed, per model and metric: a report renders the same curves for each target. */
const computed = new WeakMap();
/** Each sweep point's curve of `metric`: per step, the mean over the seeds that reached it (computed once per model). */
function curve(model, metric) {
    let byMetric = computed.get(model);
    if (!byMetric)
        computed.set(model, (byMetric = new Map()));
    const known = byMetric.get(metric);
    if (known)
        return known;
    const c = computeCurve(model, metric);
    byMetric.set(metric, c);
    return c;
}
function computeCurve(model, metric) {
    let skipped = 0;
    const lines = [];
    for (const g of (0,report_points/* groupPoints */.$o)(model.runs)) {
        const acc = new Map();
        let runs = 0;
        const ends = [];
        for (const r of g.runs) {
            if (!r.history)
                continue;
            const seen = new Map(); // a step logged twice in one run: its last value
            r.history.forEach((h, i) => {
                const v = h[metric];
                if (typeof v !== 'number')
                    return;
                if (!Number.isFinite(v))
                    return void skipped++;
                const s = h.step;
                seen.set(typeof s === 'number' && Number.isFinite(s) ? s : i, v);
            });
            if (seen.size === 0)
                continue;
            runs++;
            let end = -Infinity;
            for (const k of seen.keys())
                if (k > end)
                    end = k;
            ends.push(end);
            for (const [s, v] of seen) {
                const a = acc.get(s);
                if (a) {
                    a.sum += v;
                    a.n++;
                }
                else
                    acc.set(s, { sum: v, n: 1 });
            }
        }
        if (runs === 0)
            continue;
        const points = [...acc].map(([s, a]) => [s, a.sum / a.n]).sort((a, b) => a[0] - b[0]);
        lines.push({ label: (0,report_points/* pointLabel */.HV)(g.point), runs, ends, points });
    }
    return { metric, lines, skipped };
}
/** How many categories Mermaid makes for a numeric x-axis and `n` values (its own loop, in doubles). */
function mermaidLinearCount(min, max, n) {
    if (n < 2)
        return n;
    const step = (max - min) / (n - 1);
    if (!(step > 0))
        return 1;
    let k = 0;
    for (let i = min; i <= max; i += step)
        k++;
    return k;
}
/** The number written for an x-axis step: whole numbers in full, others to 10 significant digits. */
const stepText = (x) => Number.isInteger(x) && Math.abs(x) < 1e21 ? String(x) : String(+x.toPrecision(10));
function grid(lines, max = 100) {
    const distinct = [...new Set(lines.flatMap(l => l.points.map(p => p[0])))].sort((a, b) => a - b);
    const lo = distinct[0] ?? 0;
    const hi = distinct[distinct.length - 1] ?? 0;
    if (distinct.length <= 1)
        return { steps: [lo], linear: false };
    const whole = distinct.every(Number.isInteger);
    const gaps = distinct.slice(1).map((s, i) => s - distinct[i]);
    let step;
    if (distinct.length <= max && gaps.every(g => g === gaps[0]))
        step = gaps[0];
    else
        step = (hi - lo) / (Math.max(2, max) - 1);
    if (whole)
        step = Math.max(1, Math.ceil(step));
    const n = Math.min(max, Math.ceil((hi - lo) / step - 1e-9) + 1);
    const steps = Array.from({ length: n }, (_, j) => lo + j * step);
    const first = Number(stepText(steps[0]));
    const last = Number(stepText(steps[n - 1]));
    return { steps, linear: mermaidLinearCount(first, last, n) === n };
}
/** A line's values on the grid: bucket means, interpolated where a bucket is empty, held flat outside. */
function resample(points, steps) {
    const n = steps.length;
    if (points.length === 0)
        return [];
    const half = n > 1 ? (steps[1] - steps[0]) / 2 : Infinity;
    const sum = new Array(n).fill(0);
    const cnt = new Array(n).fill(0);
    let j = 0;
    for (const [s, v] of points) {
        while (j < n - 1 && s >= steps[j] + half)
            j++;
        if (Math.abs(s - steps[j]) <= half) {
            sum[j] += v;
            cnt[j]++;
        }
    }
    const first = points[0];
    const last = points[points.length - 1];
    let k = 0; // points[k] is the first point at or after the grid step
    return steps.map((x, i) => {
        if (cnt[i] > 0)
            return sum[i] / cnt[i];
        if (x <= first[0])
            return first[1];
        if (x >= last[0])
            return last[1];
        while (points[k][0] < x)
            k++;
        const [x1, y1] = points[k];
        const [x0, y0] = points[k - 1];
        return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    });
}
/** The y-axis range: the values' span with 5% to spare, never empty. */
function yRange(values) {
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
    return [lo, hi];
}
const bound = (x, dir) => {
    // 4 significant digits, rounded outward so every value stays inside the axis
    if (x === 0)
        return '0';
    const e = Math.floor(Math.log10(Math.abs(x))) - 3;
    const f = 10 ** e;
    // (a hair of tolerance: 0.7 / 0.0001 is 6999.999… in doubles; the 5% pad leaves room)
    const r = dir === 'down' ? Math.floor(x / f + 1e-9) * f : Math.ceil(x / f - 1e-9) * f;
    return mermaidNumber(+r.toPrecision(4));
};
/** One chart: the ```mermaid fence. */
function chart(title, metric, g, lines) {
    const all = lines.flatMap(l => l.values);
    const [lo, hi] = yRange(all);
    const colors = lines.map((_, i) => PALETTE[i % PALETTE.length].color).join(', ');
    const x = g.linear
        ? `${stepText(g.steps[0])} --> ${stepText(g.steps[g.steps.length - 1])}`
        : `[${g.steps.map(s => `"${stepText(s)}"`).join(', ')}]`;
    return [
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    width: 900',
        '    xAxis:',
        '      labelFontSize: 12',
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${colors}"`,
        '---',
        'xychart-beta',
        `  title "${(0,report_escape/* mermaidText */.Hg)(title, 80)}"`,
        `  x-axis "step" ${x}`,
        `  y-axis "${(0,report_escape/* mermaidText */.Hg)(metric)}" ${bound(lo, 'down')} --> ${bound(hi, 'up')}`,
        ...lines.map(l => `  line "${(0,report_escape/* mermaidText */.Hg)(l.label)}" [${l.values.map(mermaidNumber).join(', ')}]`),
        '```',
    ].join('\n');
}
/**
 * The curves of a report: charts (a Mermaid block and its caption each) for `loss` and the
 * primary metric, and notes on what they could not show.
 */
function curves_curveBlocks(model, o = {}) {
    const maxPoints = Math.max(2, o.maxPoints ?? 100);
    const per = Math.max(1, Math.min(o.linesPerChart ?? PALETTE.length, PALETTE.length));
    const blocks = [];
    const notes = [];
    const total = model.runs.length;
    const withHistory = model.runs.filter(r => r.history && r.history.length > 0).length;
    if (total > 0 && withHistory < total)
        notes.push(`${plural(total - withHistory, 'run')} ${total - withHistory === 1 ? 'has' : 'have'} no metric history: curves from ${count(withHistory)} of ${plural(total, 'run')}.`);
    const metrics = curveMetrics(model);
    const primary = (0,report_points/* primaryMetric */.Pn)(model);
    for (const m of ['loss', ...(primary && primary !== 'loss' ? [primary] : [])])
        if (!metrics.includes(m) && withHistory > 0)
            notes.push(`No history has ${(0,report_escape/* inlineCode */.ti)(m)}: no curve of it.`);
    for (const m of metrics) {
        const c = curve(model, m);
        if (c.skipped > 0)
            notes.push(`${plural(c.skipped, 'value')} of ${(0,report_escape/* inlineCode */.ti)(m)} in the histories ${c.skipped === 1 ? 'was' : 'were'} NaN or infinite: left out of the curves.`);
        const withMetric = c.lines.reduce((n, l) => n + l.runs, 0);
        if (withMetric < withHistory)
            notes.push(`${plural(withHistory - withMetric, 'run')} with a history ${withHistory - withMetric === 1 ? 'has' : 'have'} no ${(0,report_escape/* inlineCode */.ti)(m)} in it: ${m === 'loss' ? 'the loss' : 'its'} curves are from the other runs.`);
        const g = grid(c.lines, maxPoints);
        const resampled = c.lines.map(l => ({ ...l, values: resample(l.points, g.steps) }));
        const parts = Math.ceil(resampled.length / per);
        for (let p = 0; p < parts; p++) {
            const lines = resampled.slice(p * per, (p + 1) * per);
            const title = parts > 1 ? `${m} (${p + 1} of ${parts})` : m;
            const caption = lines.map((l, i) => {
                const last = l.points[l.points.length - 1][0];
                const early = l.ends.filter(e => e < last).length;
                const end = (early ? `; ${count(early)} of them ${early === 1 ? 'ends' : 'end'} before step ${stepText(last)}` : '') +
                    (last < g.steps[g.steps.length - 1] ? `; to step ${stepText(last)}` : '');
                return `${PALETTE[i % PALETTE.length].square} ${(0,report_escape/* escapeMarkdown */.FV)(l.label, { max: 120 })} (${plural(l.runs, 'run')}${end})`;
            });
            blocks.push(`${chart(title, m, g, lines)}\n\n<sub>${caption.join(' · ')}</sub>`);
        }
    }
    return { blocks, notes, withHistory };
}

// EXTERNAL MODULE: ./src/report/results.ts
var results = __webpack_require__(98940);
;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * A launch's report as Markdown, for the three places it goes: a check run's output summary,
 * the sticky PR comment and the job summary. Pure functions of a ReportModel: no I/O, no
 * clock. Every piece of user text goes through ./escape.ts.
 *
 * Size limits (GitHub's, as documented and as enforced):
 * - check run `output.summary` and `output.text`: 65,535 each. The REST description says
 *   "characters" (`maxLength: 65535` in @octokit/openapi), but GitHub enforces *bytes*: "summary
 *   exceeds a maximum bytesize of 65535" (github/docs#35252, github/rest-api-description#5399);
 * - an issue/PR comment body: 65,536 characters ("Body is too long (maximum is 65536
 *   characters)", the 422 every comment-posting action has met);
 * - a job summary: 1 MiB per step, counted in bytes ("$GITHUB_STEP_SUMMARY upload aborted,
 *   supports content up to a size of 1024k"); over it the upload fails, nothing is truncated.
 * Every target is measured here in UTF-8 bytes: a byte count is never smaller than a count of
 * characters (code points or UTF-16 units), so a report that fits in bytes fits whatever
 * GitHub counts; non-ASCII text only makes the report shorten a little earlier.
 *
 * Over a limit the report is shortened in this order, stopping as soon as it fits, and says
 * so at the top ("Shortened …; the full report is in the artifact"):
 * 1. the runs table keeps only the runs that did not succeed;
 * 2. the runs table goes;
 * 3. the curves are drawn on 25 steps instead of 100;
 * 4. the curves go;
 * 5. the points table keeps its first rows, with "N more points";
 * 6. the notes on what could not be shown keep their first lines.
 * Tables and code fences are only ever dropped or cut between whole rows.
 */





/** GitHub's limits per target (see the module comment), all measured here in UTF-8 bytes. */
const REPORT_LIMITS = { check: 65_535, comment: 65_536, summary: 1_048_576 };
const MARKER = /^<!-- trainer-action:report experiment=(\S+) -->$/;
const MAX_METRIC_COLUMNS = 10;
const MAX_IDS = 10;
const MAX_NOTES = 20;
const FOLD_RUNS = 10;
/**
 * The hidden first line of the sticky comment: `<!-- trainer-action:report experiment=<exp> -->`.
 * The name is URI-encoded (and `-` where another follows or it ends the name), so it can
 * neither end the comment early nor break it, nor hold a space.
 */
function reportMarker(experiment) {
    // cmark-gfm takes `<!-- … -->` as a comment only if the text holds no `--` and does not end with `-`
    const name = encodeURIComponent(experiment).replace(/-(?=-|$)/g, '%2D');
    return `<!-- trainer-action:report experiment=${name} -->`;
}
/** The experiment named by a report marker on the first line of `text`, or undefined. */
function parseReportMarker(text) {
    const m = MARKER.exec((text.split('\n', 1)[0] ?? '').trim());
    if (!m)
        return undefined;
    try {
        return decodeURIComponent(m[1]);
    }
    catch {
        return undefined;
    }
}
// ---------------------------------------------------------------------------------------------
// numbers behind the tables
/** A run's final values that are finite numbers (the model promises it; a renderer checks). */
const finite = (final) => Object.fromEntries(Object.entries(final).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
function pointRows(model) {
    return (0,report_points/* groupPoints */.$o)(model.runs).map(g => {
        const s = (0,results/* summarize */.e)(g.runs.map(r => ({ point: r.point, state: r.state, final: finite(r.final) })))[0];
        return { key: g.key, label: (0,report_points/* pointLabel */.HV)(g.point), point: g.point, tally: (0,report_points/* tally */.N4)(g.runs), summary: s?.metrics ?? {} };
    });
}
/** The metrics shown as columns: the primary metric, then `loss`, then the rest by name; at most `max`. */
function metricColumns(model, max = MAX_METRIC_COLUMNS) {
    const names = [...new Set(model.runs.flatMap(r => Object.keys(finite(r.final))))].sort();
    const primary = (0,report_points/* primaryMetric */.Pn)(model);
    const first = [primary, 'loss'].filter((m) => m !== undefined && names.includes(m));
    const ordered = [...new Set([...first, ...names])];
    return { shown: ordered.slice(0, max), hidden: ordered.slice(max) };
}
/** The change against the baseline's mean: an arrow only beyond the larger of the two spreads. */
function delta(current, base) {
    const d = current.mean - base.mean;
    const spread = Math.max(current.std, base.std);
    return { d, arrow: Math.abs(d) > spread ? (d > 0 ? '↑' : '↓') : '≈' };
}
// ---------------------------------------------------------------------------------------------
// Markdown tables
/** A Markdown table from cells that are already escaped; a cell never holds a line break. */
function table(head, rows) {
    const line = (cells) => `| ${head.map((_, i) => (cells[i] ?? '').replace(/[\r\n]+/g, ' ')).join(' | ')} |`;
    return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)];
}
function pointsParts(model) {
    const rows = pointRows(model);
    const params = (0,report_points/* paramNames */._b)(model.runs);
    const { shown, hidden } = metricColumns(model);
    const base = model.baseline;
    const withDelta = new Set(base ? shown.filter(m => Object.values(base.points).some(p => p[m] !== undefined)) : []);
    const any = (0,report_points/* tally */.N4)(model.runs);
    const head = [
        ...params.map(p => (0,report_escape/* escapeMarkdown */.FV)(p, { max: 60 })),
        'ok/runs',
        'failed',
        'running',
        ...(any.cancelled ? ['cancelled'] : []),
        ...shown.flatMap(m => [
            (0,report_escape/* escapeMarkdown */.FV)(m, { max: 60 }),
            ...(withDelta.has(m) ? [`Δ ${(0,report_escape/* escapeMarkdown */.FV)(m, { max: 60 })}`] : []),
        ]),
    ];
    const body = rows.map(r => [
        ...params.map(p => (p in r.point ? (0,report_escape/* escapeMarkdown */.FV)(String(r.point[p]), { max: 100 }) : '–')),
        `${r.tally.ok}/${r.tally.runs}`,
        String(r.tally.failed),
        String(r.tally.running),
        ...(any.cancelled ? [String(r.tally.cancelled)] : []),
        ...shown.flatMap(m => {
            const v = r.summary[m];
            const cells = [v ? meanStd(v) : '–'];
            if (withDelta.has(m)) {
                const b = base?.points[r.key]?.[m];
                const x = v && b ? delta(v, b) : undefined;
                cells.push(x ? `${x.arrow} ${signed(x.d)}` : '–');
            }
            return cells;
        }),
    ]);
    const notes = [];
    if (hidden.length)
        notes.push(`${plural(hidden.length, 'more metric')} not shown as columns: ${ids(hidden.map(m => (0,report_escape/* inlineCode */.ti)(m, { max: 60 })))}.`);
    const legend = [];
    if (base) {
        legend.push(`Mean ± sample standard deviation over seeds (n: succeeded runs with the metric). Δ: change of the mean against ${(0,report_escape/* escapeMarkdown */.FV)(base.source, { max: 100 })}; ↑/↓ when it is larger than the larger of the two spreads, ≈ otherwise.`, '');
        const missing = rows.filter(r => !base.points[r.key]).length;
        if (missing)
            notes.push(`The baseline (${(0,report_escape/* escapeMarkdown */.FV)(base.source, { max: 100 })}) has no values for ${missing} of ${plural(rows.length, 'point')}: no Δ for them.`);
    }
    else
        legend.push('Mean ± sample standard deviation over seeds (n: succeeded runs with the metric).', '');
    return { head: [...legend, ...table(head, [])], rows: table(head, body).slice(2), notes };
}
/**
 * One row per sweep point: its swept parameters, `ok/runs` (succeeded of all), failed and
 * running runs (and cancelled ones when there are any), each metric as `mean ± std (n)` over
 * the succeeded seeds, and, with a baseline, each metric's change against it.
 */
function pointsTable(model) {
    const p = pointsParts(model);
    return [...p.head, ...p.rows].join('\n');
}
const STATE_ICON = { ok: '✅', failed: '❌', cancelled: '⏹️', running: '⏳' };
function runRow(r, o) {
    const final = finite(r.final);
    const gpuH = r.gpus !== undefined && r.runS !== undefined ? (r.gpus * r.runS) / 3600 : undefined;
    const links = [
        (0,report_escape/* markdownLink */.iQ)('log', r.links.log),
        (0,report_escape/* markdownLink */.iQ)('artifacts', r.links.artifacts),
        (0,report_escape/* markdownLink */.iQ)('page', r.links.page),
    ].filter(Boolean);
    return [
        (0,report_escape/* escapeMarkdown */.FV)(r.id, { max: 80 }),
        `${STATE_ICON[(0,report_points/* outcome */.bu)(r.state)]} ${r.state}`,
        String(r.seed),
        ...o.params.map(p => (p in r.point ? (0,report_escape/* escapeMarkdown */.FV)(String(r.point[p]), { max: 100 }) : '–')),
        ...o.metrics.map(m => (final[m] !== undefined ? num(final[m]) : '–')),
        duration(r.queuedS),
        duration(r.runS),
        ...(o.gpu ? [gpuH !== undefined ? num(gpuH) : '–'] : []),
        ...(o.reason
            ? [r.reason && r.state !== 'SUCCEEDED' ? (0,report_escape/* escapeMarkdown */.FV)(r.reason, { max: 300, newline: '<br>' }) : '']
            : []),
        ...(o.links ? [links.join(' · ')] : []),
    ];
}
function runsParts(model, runs = model.runs) {
    const params = (0,report_points/* paramNames */._b)(model.runs);
    const metrics = metricColumns(model).shown;
    const gpu = model.runs.some(r => r.gpus !== undefined);
    const reason = model.runs.some(r => r.reason && r.state !== 'SUCCEEDED');
    const links = model.runs.some(r => r.links.log || r.links.artifacts || r.links.page);
    const head = [
        'run',
        'state',
        'seed',
        ...params.map(p => (0,report_escape/* escapeMarkdown */.FV)(p, { max: 60 })),
        ...metrics.map(m => (0,report_escape/* escapeMarkdown */.FV)(m, { max: 60 })),
        'queued',
        'ran',
        ...(gpu ? ['GPU-h'] : []),
        ...(reason ? ['reason'] : []),
        ...(links ? ['links'] : []),
    ];
    return table(head, runs.map(r => runRow(r, { params, metrics, gpu, reason, links })));
}
/**
 * One row per run: id, state, seed, swept parameters, final metrics, time queued and running,
 * GPU-hours (where the GPU count is known), the reason (runs that did not succeed), and links
 * to its log, artifacts and backend page (http(s) links only; anything else shown as code).
 */
function runsTable(model) {
    return runsParts(model).join('\n');
}
/**
 * The training curves: Mermaid `xychart-beta` blocks (loss and the primary metric, one line
 * per sweep point, seeds averaged), each with a caption naming its lines (see ./curves.ts).
 */
function curves(model, o = {}) {
    return curveBlocks(model, o).blocks.join('\n\n');
}
// ---------------------------------------------------------------------------------------------
// conclusion and title
const TIME_LIMIT = /time ?limit|timed? ?out|timeout|deadline|RUN_TIMEOUT_SEC/i;
/**
 * The check run's conclusion and title:
 * - undefined while the launch is ACTIVE or a run is still under way;
 * - failure: a run failed (or errored) for any reason but its time limit, or a metric is worse
 *   than the baseline beyond its `fail` threshold;
 * - timed_out: the only failures are runs that reached their time limit (their reason says
 *   `time limit`, `timeout`, `timed out` or `deadline`: Slurm's TIMEOUT/DEADLINE, RUN_TIMEOUT_SEC);
 * - cancelled: a run was cancelled or stopped, or no run succeeded;
 * - neutral: a metric is worse than the baseline beyond its `warn` threshold only, or a
 *   threshold names a metric there is nothing to compare for;
 * - success otherwise.
 * A regression counts only where the arrow would show it too: beyond the larger of the two
 * spreads, and beyond the threshold.
 */
function conclusion(model, o = {}) {
    const t = (0,report_points/* tally */.N4)(model.runs);
    const reasons = [];
    const regressions = regressionsOf(model, o.failOn ?? {});
    const title = titleOf(model, t, regressions.fail.length + regressions.warn.length);
    if (model.status === 'ACTIVE' || t.running > 0)
        return { conclusion: undefined, title, reasons };
    const failed = model.runs.filter(r => (0,report_points/* outcome */.bu)(r.state) === 'failed');
    const timedOut = failed.filter(r => r.reason !== undefined && TIME_LIMIT.test(r.reason));
    if (failed.length > timedOut.length)
        reasons.push(`${plural(failed.length - timedOut.length, 'run')} failed.`);
    if (timedOut.length)
        reasons.push(`${plural(timedOut.length, 'run')} reached ${timedOut.length === 1 ? 'its' : 'their'} time limit.`);
    reasons.push(...regressions.fail, ...regressions.warn, ...regressions.unknown);
    let c;
    if (failed.length > timedOut.length || regressions.fail.length)
        c = 'failure';
    else if (timedOut.length)
        c = 'timed_out';
    else if (t.cancelled > 0 || t.ok === 0) {
        c = 'cancelled';
        reasons.push(t.ok === 0
            ? 'No run succeeded.'
            : `${plural(t.cancelled, 'run')} ${t.cancelled === 1 ? 'was' : 'were'} cancelled.`);
    }
    else if (regressions.warn.length || regressions.unknown.length)
        c = 'neutral';
    else
        c = 'success';
    return { conclusion: c, title, reasons };
}
function regressionsOf(model, failOn) {
    const out = { fail: [], warn: [], unknown: [] };
    const names = Object.keys(failOn);
    if (!names.length)
        return out;
    const base = model.baseline;
    if (!base) {
        out.unknown.push(`No baseline to compare ${names.join(', ')} with.`);
        return out;
    }
    const rows = pointRows(model);
    for (const m of names) {
        const th = failOn[m];
        const lower = th.better ? th.better === 'lower' : (0,report_points/* lowerIsBetter */.cv)(m);
        let compared = 0;
        for (const r of rows) {
            const v = r.summary[m];
            const b = base.points[r.key]?.[m];
            if (!v || !b)
                continue;
            compared++;
            const { d, arrow } = delta(v, b);
            const worse = lower ? d : -d;
            if (arrow === '≈' || worse <= 0)
                continue;
            const what = `${m} at ${r.label}: ${num(v.mean)} against ${num(b.mean)} on ${base.source} (${signed(d)}`;
            if (th.fail !== undefined && worse > th.fail)
                out.fail.push(`${what}, worse by more than ${num(th.fail)}).`);
            else if (th.warn !== undefined && worse > th.warn)
                out.warn.push(`${what}, worse by more than ${num(th.warn)}).`);
        }
        if (compared === 0)
            out.unknown.push(`Nothing to compare ${m} with: no point has it here and in ${base.source}.`);
    }
    return out;
}
function titleOf(model, t, regressions) {
    const counts = [
        `${t.ok}/${t.runs} succeeded`,
        ...(t.failed ? [`${t.failed} failed`] : []),
        ...(t.cancelled ? [`${t.cancelled} cancelled`] : []),
        ...(t.running ? [`${t.running} running`] : []),
    ].join(', ');
    const parts = [`${model.experiment}: ${counts}`];
    const m = (0,report_points/* primaryMetric */.Pn)(model);
    if (m) {
        const rows = pointRows(model).filter(r => r.summary[m] !== undefined);
        const lower = (0,report_points/* lowerIsBetter */.cv)(m);
        const best = rows.reduce((a, r) => {
            if (!a)
                return r;
            const x = r.summary[m].mean;
            const y = a.summary[m].mean;
            return (lower ? x < y : x > y) ? r : a;
        }, undefined);
        if (best) {
            const v = best.summary[m];
            const spread = v.n > 1 ? ` ± ${num(v.std)}` : '';
            parts.push(rows.length > 1 || (0,report_points/* groupPoints */.$o)(model.runs).length > 1
                ? `best ${m} ${num(v.mean)}${spread} (${(0,report_escape/* truncate */.xv)(best.label, 60)})`
                : `${m} ${num(v.mean)}${spread}`);
        }
    }
    if (regressions)
        parts.push(plural(regressions, 'regression'));
    return (0,report_escape/* plainText */.wh)(parts.join(' · '), 200);
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const ICON = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹️',
    timed_out: '⏱️',
    neutral: '⚠️',
    active: '⏳',
};
/** A list of ids (already escaped), the first `max` of them and how many more. */
function ids(items, max = MAX_IDS) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown} and ${count(items.length - max)} more` : shown;
}
function header(model, v) {
    const g = model.github;
    const facts = [
        `launch ${(0,report_escape/* inlineCode */.ti)(model.launchId, { max: 80 })}`,
        `backend ${(0,report_escape/* escapeMarkdown */.FV)(model.backend, { max: 40 })}`,
        `status ${(0,report_escape/* escapeMarkdown */.FV)(model.status)}`,
    ];
    if (g?.serverUrl && g.runId && /^\d+$/.test(g.runId) && /^[\w.-]+\/[\w.-]+$/.test(g.repository)) {
        const url = (0,report_escape/* httpUrl */.q3)(`${g.serverUrl.replace(/\/+$/, '')}/${g.repository}/actions/runs/${g.runId}`);
        if (url)
            facts.push(`[workflow run](<${url}>)`);
    }
    if (g?.headSha)
        facts.push(`commit ${(0,report_escape/* inlineCode */.ti)(g.headSha.slice(0, 12))}`);
    if (model.baseline)
        facts.push(`baseline ${(0,report_escape/* escapeMarkdown */.FV)(model.baseline.source, { max: 100 })}`);
    const lines = [`### ${ICON[v.conclusion ?? 'active']} ${(0,report_escape/* escapeMarkdown */.FV)(v.title)}`, '', facts.join(' · ')];
    if (v.reasons.length)
        lines.push('', ...v.reasons.map(r => `- ${(0,report_escape/* escapeMarkdown */.FV)(r, { max: 500 })}`));
    return lines;
}
function totals(model) {
    const runs = model.runs;
    const sum = (xs) => {
        const known = xs.filter((x) => x !== undefined && Number.isFinite(x));
        return { total: known.reduce((a, b) => a + b, 0), n: known.length };
    };
    const q = sum(runs.map(r => r.queuedS));
    const ran = sum(runs.map(r => r.runS));
    const gpu = sum(runs.map(r => (r.gpus !== undefined && r.runS !== undefined ? (r.gpus * r.runS) / 3600 : undefined)));
    const of = (n) => (n < runs.length ? ` (${count(n)} of ${plural(runs.length, 'run')} known)` : '');
    const parts = [
        `queued ${duration(q.total)} in all${of(q.n)}`,
        `ran ${duration(ran.total)} in all${of(ran.n)}`,
        gpu.n ? `${num(gpu.total)} GPU-hours${of(gpu.n)}` : 'GPU-hours unknown',
    ];
    const end = model.finishedAt;
    if (end)
        parts.push(`launch to end ${duration((Date.parse(end) - Date.parse(model.createdAt)) / 1000)}`);
    return `**Time and cost:** ${parts.join(' · ')}`;
}
function modelNotes(model, metrics) {
    const notes = [];
    const id = (r) => (0,report_escape/* escapeMarkdown */.FV)(r.id, { max: 80 });
    const byProblem = new Map();
    for (const r of model.runs)
        for (const p of r.problems ?? [])
            byProblem.set(p, [...(byProblem.get(p) ?? []), r]);
    for (const [p, rs] of byProblem)
        notes.push(`${(0,report_escape/* escapeMarkdown */.FV)(p, { max: 200 })}: ${ids(rs.map(id))} (${plural(rs.length, 'run')}).`);
    const badFinal = model.runs.filter(r => Object.values(r.final).some(v => typeof v !== 'number' || !Number.isFinite(v)));
    if (badFinal.length)
        notes.push(`${plural(badFinal.length, 'run')} had NaN or infinite final values, left out: ${ids(badFinal.map(id))}.`);
    const ok = model.runs.filter(r => r.state === 'SUCCEEDED');
    const empty = ok.filter(r => Object.keys(finite(r.final)).length === 0);
    if (empty.length)
        notes.push(`${plural(empty.length, 'succeeded run')} ${empty.length === 1 ? 'has' : 'have'} no final metrics: ${ids(empty.map(id))}.`);
    for (const m of metrics) {
        const without = ok.filter(r => finite(r.final)[m] === undefined && !empty.includes(r));
        if (without.length && without.length < ok.length - empty.length)
            notes.push(`${(0,report_escape/* inlineCode */.ti)(m, { max: 60 })} is missing from ${count(without.length)} of ${plural(ok.length, 'succeeded run')}: ${ids(without.map(id))}.`);
    }
    return notes;
}
/**
 * The report for one target: a hidden marker first (comment only; see reportMarker), the
 * header (experiment, conclusion, backend, links to the workflow run), the points table, the
 * time and cost totals, the curves, the runs table (folded when long) and what could not be
 * shown; shortened in the stated order when over the limit.
 */
function renderReport(model, o) {
    const limit = o.limit ?? REPORT_LIMITS[o.target];
    const v = conclusion(model, o);
    const head = [...(o.target === 'comment' ? [reportMarker(model.experiment), ''] : []), ...header(model, v)].join('\n');
    const points = pointsParts(model);
    const { shown } = metricColumns(model);
    const curveOpts = o.curves ?? {};
    const fullCurves = curves_curveBlocks(model, curveOpts);
    let coarse;
    const notes = [...modelNotes(model, shown), ...points.notes, ...fullCurves.notes];
    const totalsLine = totals(model);
    const unfinished = model.runs.filter(r => r.state !== 'SUCCEEDED');
    const runTables = new Map();
    const runsBlock = (which) => {
        let s = runTables.get(which);
        if (s !== undefined)
            return s;
        if (which === 'none' || model.runs.length === 0)
            s = '';
        else {
            const rs = which === 'all' ? model.runs : unfinished;
            const rows = runsParts(model, rs).join('\n');
            const what = which === 'all'
                ? `Runs (${count(rs.length)})`
                : `Runs that did not succeed (${count(rs.length)} of ${count(model.runs.length)})`;
            s =
                rs.length > FOLD_RUNS
                    ? `<details><summary>${what}</summary>\n\n${rows}\n\n</details>`
                    : `#### ${what}\n\n${rows}`;
        }
        runTables.set(which, s);
        return s;
    };
    const curvesBlock = (which) => {
        if (which === 'none')
            return '';
        const c = which === 'full' ? fullCurves : (coarse ??= curves_curveBlocks(model, { ...curveOpts, maxPoints: 25 }));
        return c.blocks.length ? ['#### Curves', ...c.blocks].join('\n\n') : '';
    };
    const where = o.artifact
        ? (0,report_escape/* httpUrl */.q3)(o.artifact)
            ? (0,report_escape/* markdownLink */.iQ)('the artifact', o.artifact)
            : `the artifact ${(0,report_escape/* inlineCode */.ti)(o.artifact, { max: 100 })}`
        : "the workflow run's artifacts";
    const dropped = (c) => {
        const out = [];
        if (c.runs === 'unfinished')
            out.push(`the runs table keeps only the ${plural(unfinished.length, 'run')} that did not succeed`);
        if (c.runs === 'none' && model.runs.length)
            out.push(`the runs table (${plural(model.runs.length, 'run')}) is left out`);
        if (c.curves === 'coarse')
            out.push('the curves are drawn on 25 steps');
        if (c.curves === 'none' && fullCurves.blocks.length)
            out.push(`the curves (${plural(fullCurves.blocks.length, 'chart')}) are left out`);
        if (c.points < points.rows.length)
            out.push(`the points table shows ${count(c.points)} of ${plural(points.rows.length, 'point')}`);
        if (c.notes < notes.length)
            out.push(`${plural(notes.length - c.notes, 'note')} on what could not be shown ${notes.length - c.notes === 1 ? 'is' : 'are'} left out`);
        return out;
    };
    const assemble = (c) => {
        const what = dropped(c);
        const sections = [head];
        if (what.length)
            sections.push(`> **Shortened** to fit GitHub's limit for a ${o.target === 'check' ? 'check run' : o.target === 'comment' ? 'comment' : 'job summary'} (${count(limit)} bytes): ${what.join('; ')}. The full report is in ${where}.`);
        if (points.rows.length) {
            const more = points.rows.length - c.points;
            sections.push([...points.head, ...points.rows.slice(0, c.points)].join('\n') +
                (more > 0 ? `\n\n…and ${plural(more, 'more point')}, in the full report.` : ''));
        }
        else
            sections.push('No runs.');
        sections.push(totalsLine);
        const cb = curvesBlock(c.curves);
        if (cb)
            sections.push(cb);
        const rb = runsBlock(c.runs);
        if (rb)
            sections.push(rb);
        const kept = notes.slice(0, Math.min(c.notes, MAX_NOTES)).map(n => `- ${n}`);
        if (c.notes > MAX_NOTES)
            kept.push(`- …and ${plural(c.notes - MAX_NOTES, 'more note')}.`);
        if (kept.length)
            sections.push(['**What this report could not show:**', '', ...kept].join('\n'));
        return sections.join('\n\n') + '\n';
    };
    const fits = (c) => bytes(assemble(c)) <= limit;
    const all = { runs: 'all', curves: 'full', points: points.rows.length, notes: notes.length };
    const steps = [
        all,
        ...(unfinished.length && unfinished.length < model.runs.length ? [{ ...all, runs: 'unfinished' }] : []),
        { ...all, runs: 'none' },
        ...(fullCurves.blocks.length ? [{ ...all, runs: 'none', curves: 'coarse' }] : []),
        { ...all, runs: 'none', curves: 'none' },
    ];
    let chosen = steps.find(fits);
    if (!chosen) {
        // keep as many points rows as fit (binary search), then as many notes
        const base = { runs: 'none', curves: 'none', points: 0, notes: all.notes };
        let lo = 0;
        let hi = points.rows.length;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (fits({ ...base, points: mid }))
                lo = mid;
            else
                hi = mid - 1;
        }
        chosen = { ...base, points: lo };
        if (!fits(chosen)) {
            let n = all.notes;
            while (n > 0 && !fits({ ...chosen, notes: n }))
                n--;
            chosen = { ...chosen, notes: n };
        }
    }
    let markdown = assemble(chosen);
    if (bytes(markdown) > limit)
        markdown = cutLines(markdown, limit);
    const what = dropped(chosen);
    return { markdown, shortened: what.length ? what.join('; ') : undefined };
}
/** The last resort for a limit too small for even the header: whole lines, outside any table or fence. */
function cutLines(markdown, limit) {
    const out = [];
    let size = 1;
    for (const line of markdown.split('\n')) {
        if (line.startsWith('|') || line.startsWith('```'))
            break;
        size += bytes(line) + 1;
        if (size > limit)
            break;
        out.push(line);
    }
    return out.join('\n') + '\n';
}
/**
 * The report for all three targets at once; `limits` lowers a target's limit, to leave room
 * for what the caller adds (a hidden block in the check run, a problem list under the summary).
 */
function renderReports(model, o = {}) {
    const v = conclusion(model, o);
    const shortened = {};
    const one = (target) => {
        const r = renderReport(model, { ...o, target, limit: o.limits?.[target] });
        if (r.shortened)
            shortened[target] = r.shortened;
        return r.markdown;
    };
    return {
        title: v.title,
        conclusion: v.conclusion,
        reasons: v.reasons,
        check: one('check'),
        comment: one('comment'),
        summary: one('summary'),
        marker: reportMarker(model.experiment),
        shortened,
    };
}


/***/ })

};
