export const id = 324;
export const ids = [324];
export const modules = {

/***/ 6324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseConfig: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: experimentLine

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(3713);
// EXTERNAL MODULE: ./src/plan/resolve.ts
var resolve = __webpack_require__(8315);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/backends/env.ts
/**
 * The environment a run gets from its launcher: never the launcher's whole environment,
 * which holds the registry password, GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN and whatever else
 * the workflow or the laptop has. A run gets what a process needs to start (PATH, HOME,
 * locale, time zone, temp dir), the knobs of numeric and GPU libraries, the `trainer run`
 * upload knobs, and the variables its experiment names in trainer.yml `env:`.
 */
const BASE_ENV = (/* unused pure expression or super */ null && ([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TERM',
    'NO_COLOR',
    'FORCE_COLOR',
    'LOG_LEVEL',
    'LD_LIBRARY_PATH',
    'PYTHONPATH',
    'PYTHONUNBUFFERED',
    'VIRTUAL_ENV',
    'CONDA_PREFIX',
    'CONDA_DEFAULT_ENV',
    'OMP_NUM_THREADS',
    'MKL_NUM_THREADS',
    'OPENBLAS_NUM_THREADS',
    'OPENBLAS_CORETYPE',
    'OPENBLAS_L2_SIZE',
    'CUDA_VISIBLE_DEVICES',
    'CUDA_HOME',
    'NVIDIA_VISIBLE_DEVICES',
]));
/** Families passed by prefix: locale categories and `trainer run`'s upload knobs. */
const BASE_ENV_PREFIXES = (/* unused pure expression or super */ null && (['LC_', 'TRAINER_UPLOAD_']));
/**
 * Never passed, whatever `env:` says: the credentials of the workflow, the runner and this
 * tool. A training that needs a token gets its own, under its own name. `INPUT_*` are an
 * action's inputs (`INPUT_PASSWORD`, `INPUT_GITHUB-TOKEN`).
 */
const NEVER_ENV = [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'TRAINER_REGISTRY_PASSWORD',
    'RESULT_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
const NEVER_ENV_PREFIXES = ['INPUT_', 'ACTIONS_', 'STATE_'];
/** Whether a variable can never reach a run (see {@link NEVER_ENV}). */
function neverPassed(name) {
    return NEVER_ENV.includes(name) || NEVER_ENV_PREFIXES.some(p => name.startsWith(p));
}
/** What `trainer run` itself reads in a container, whose image sets PATH, HOME and the rest. */
const CONTAINER_ENV = (/* unused pure expression or super */ null && (['LOG_LEVEL']));
const CONTAINER_ENV_PREFIXES = (/* unused pure expression or super */ null && (['TRAINER_UPLOAD_']));
const matches = (name, names, prefixes) => names.includes(name) || prefixes.some(p => name.startsWith(p));
/** The experiment's `env:` entries: `NAME`, or `PREFIX_*`. */
const requestedBy = (name, requested) => requested.some(r => (r.endsWith('*') ? name.startsWith(r.slice(0, -1)) : r === name));
/**
 * The part of the launcher's environment a run may see: the base list for a process on this
 * machine (`container: false`), or only `trainer run`'s own knobs for a container, plus the
 * variables the experiment asks for.
 */
function runEnvironment(launcher, requested, o = {}) {
    const [names, prefixes] = o.container ? [CONTAINER_ENV, CONTAINER_ENV_PREFIXES] : [BASE_ENV, BASE_ENV_PREFIXES];
    const out = {};
    for (const [k, v] of Object.entries(launcher))
        if (v !== undefined && !neverPassed(k) && (matches(k, names, prefixes) || requestedBy(k, requested)))
            out[k] = v;
    return out;
}

;// CONCATENATED MODULE: ./src/config/backends.ts
/**
 * trainer.yml `backends:`: named places to run, each validated by the schema of its type
 * (a discriminated union on `type`). A backend named after its type (`slurm:`) needs no
 * `type:`. `local` and `local-docker` exist without being declared.
 */

/** Text that reaches a process: a NUL byte would make spawn throw, a newline would end a script line. */
const line = () => schemas/* string */.YjP().refine(v => !v.includes('\0') && !v.includes('\n') && !v.includes('\r'), 'must be one line of text');
/**
 * A value on an `#SBATCH` line. sbatch stops reading directives at the first line it cannot
 * parse, silently: a space, quote or newline in one value would drop every directive after it.
 */
const SBATCH_VALUE = /^[A-Za-z0-9_.,:=+\-/@%&|()[\]*]+$/;
const directive = () => schemas/* string */.YjP()
    .regex(SBATCH_VALUE, 'an #SBATCH value: letters, digits and _ . , : = + - / @ % & | ( ) [ ] *; no spaces or quotes');
/**
 * A path on the cluster that also appears in `#SBATCH --output` (no spaces, quotes or `#`;
 * no `%`, which Slurm expands there) and in the container mounts (no `,` or `:`).
 */
const jobPath = () => schemas/* string */.YjP()
    .min(1)
    .regex(/^[A-Za-z0-9_.=+\-/@~]+$/, 'a path of letters, digits and _ . = + - / @ ~ (it appears in #SBATCH lines and container mounts)');
/** A mount's path: Pyxis separates mounts with `,` and their parts with `:`. */
const mountPath = () => line()
    .pipe(schemas/* string */.YjP().regex(/^\//, 'an absolute path'))
    .pipe(schemas/* string */.YjP().regex(/^[^,:]+$/, 'must not contain , or : (they separate mounts and their parts)'));
const MountSchema = schemas/* union */.KCZ([
    schemas/* string */.YjP()
        .regex(/^\/[^,:\n\0]*:\/[^,:\n\0]*(:(ro|rw))?$/, "'/host/path:/container/path[:ro|rw]' (absolute paths, no , or :)"),
    schemas/* strictObject */.rej({ host: mountPath(), container: mountPath(), mode: schemas/* enum */.k5n(['ro', 'rw']).optional() }),
], { error: "a mount is '/host:/container[:ro|rw]' or {host, container, mode}" });
const SlurmBackendSchema = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('slurm'),
    /** How commands reach the cluster: `local` (sbatch here; the default without host or url), `ssh`, `rest`. */
    transport: schemas/* enum */.k5n(['local', 'ssh', 'rest']).optional(),
    /** ssh: the login node. */
    host: schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9_.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'a host name or address')
        .optional(),
    port: schemas/* number */.aig().int().min(1).max(65535).optional(),
    user: schemas/* string */.YjP()
        .regex(/^[a-z_][a-z0-9_.-]*$/i, 'a user name')
        .optional(),
    /** ssh: a private key file (`~` is the home directory). */
    'key-file': schemas/* string */.YjP().min(1).optional(),
    /** ssh: the environment variable holding the private key (a secret). */
    'key-env': schemas/* string */.YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
        .optional(),
    /** ssh: the login node's host key as a known_hosts line (`host ssh-ed25519 AAAA…`). */
    'known-hosts': line().optional(),
    /** ssh: the host key's SHA256 fingerprint (`SHA256:…`, as `ssh-keygen -lf` prints it). */
    'host-fingerprint': schemas/* string */.YjP()
        .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'SHA256:… as ssh-keygen -lf prints it')
        .optional(),
    /** rest: slurmrestd's URL. */
    url: schemas/* url */.OZ5({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    /** rest: the environment variable holding the JWT (default SLURM_JWT). */
    'token-env': schemas/* string */.YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
        .optional(),
    /** rest: the user the token is for (X-SLURM-USER-NAME; default `user`, else the local user). */
    'user-name': schemas/* string */.YjP()
        .regex(/^[a-z_][a-z0-9_.-]*$/i, 'a user name')
        .optional(),
    /** Where job directories are made on the cluster (relative: to the login home). */
    'job-root': jobPath().optional(),
    /** The array's `%` throttle: runs of one launch at a time. */
    'max-parallel': schemas/* number */.aig().int().min(1).optional(),
    /** How a run's container starts: `pyxis` (srun --container-image), `docker`, `apptainer`, `none`. */
    container: schemas/* enum */.k5n(['pyxis', 'docker', 'apptainer', 'none']).optional(),
    /**
     * `trainer`: `trainer run` wraps the command (its bundle is copied into the job directory;
     * the image needs Node). `direct`: the command is seed 000's contract itself
     * (container_main.py) and gets its arguments.
     */
    runner: schemas/* enum */.k5n(['trainer', 'direct']).optional(),
    /** runner trainer: the Node to start `trainer run` with (default `node`). */
    node: line().optional(),
    mounts: schemas/* array */.YOg(MountSchema).optional(),
    /** Mount the job directory at the same path (default true). */
    'mount-job-dir': schemas/* boolean */.zMY().optional(),
    /** `module load` these before the run. */
    modules: schemas/* array */.YOg(directive()).optional(),
    /** More arguments for srun, one per item. */
    'srun-args': schemas/* array */.YOg(line().pipe(schemas/* string */.YjP().regex(/^-/, 'an srun option, starting with -'))).optional(),
    /** The working directory inside the container (default: the job directory). */
    workdir: mountPath().optional(),
    partition: directive().optional(),
    account: directive().optional(),
    qos: directive().optional(),
    /** Slurm's --time, e.g. `02:00:00`; default: the experiment's resources.time. */
    time: directive().optional(),
    'cpus-per-task': schemas/* number */.aig().int().min(1).optional(),
    mem: schemas/* string */.YjP()
        .regex(/^\d+[KMGT]?$/, 'like 16G or 4096M')
        .optional(),
    gpus: schemas/* number */.aig().int().min(0).optional(),
    gres: directive().optional(),
    constraint: directive().optional(),
    nodes: schemas/* number */.aig().int().min(1).optional(),
    exclusive: schemas/* boolean */.zMY().optional(),
    /** More sbatch options, one per item: `--mail-type=END`. */
    sbatch: schemas/* array */.YOg(schemas/* string */.YjP()
        .regex(/^--[a-z][a-z0-9-]*(=[A-Za-z0-9_.,:=+\-/@%&|()[\]*]+)?$/, '--option or --option=value, no spaces'))
        .optional(),
    /** Seconds between polls (default 60, at least 30), with jitter. */
    'poll-interval': schemas/* number */.aig().min(30).optional(),
    /** Times a run lost to preemption or a node failure is submitted again (default 2). */
    retries: schemas/* number */.aig().int().min(0).max(10).optional(),
});
const LocalBackendSchema = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('local'),
    /** Runs at a time. */
    parallel: schemas/* number */.aig().int().min(1).optional(),
});
const LocalDockerBackendSchema = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('local-docker'),
    parallel: schemas/* number */.aig().int().min(1).optional(),
    /** The network containers join (default bridge). */
    network: schemas/* string */.YjP().min(1).optional(),
    /** `trainer` (default: the bundle is copied into each container; the image needs Node) or `direct` (seed 000 arguments to the command). */
    runner: schemas/* enum */.k5n(['trainer', 'direct']).optional(),
});
/** Declared now so that trainer.yml can name them; they are built in later releases. */
const VertexBackendSchema = schemas/* strictObject */.rej({ type: schemas/* literal */.euz('vertex') });
const SelfHostedBackendSchema = schemas/* strictObject */.rej({ type: schemas/* literal */.euz('self-hosted') });
const BackendSchema = schemas/* discriminatedUnion */.gMt('type', [LocalBackendSchema, LocalDockerBackendSchema, SlurmBackendSchema, VertexBackendSchema, SelfHostedBackendSchema], {
    error: i => {
        const given = i.input !== null && typeof i.input === 'object' && 'type' in i.input;
        return `${given ? '' : 'required: '}the backend's type, one of local, local-docker, slurm, vertex, self-hosted`;
    },
});
const TYPE_NAMES = new Set(['local', 'local-docker', 'slurm', 'vertex', 'self-hosted']);
/** `backends:`: a backend named after its type gets that type when it gives none. */
const BackendsSchema = schemas/* preprocess */.vkY(v => {
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
}, schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'backend names are letters, digits, _ . -'), BackendSchema));

;// CONCATENATED MODULE: ./src/config/schema.ts



/** Text that reaches a process (argv, environment): a NUL byte would make spawn throw. */
const schema_text = () => schemas/* string */.YjP().refine(v => !v.includes('\0'), 'must not contain a NUL byte');
const scalar = schemas/* union */.KCZ([schema_text(), schemas/* number */.aig(), schemas/* boolean */.zMY()], { error: 'must be a string, number or boolean' });
/** A token realm host: `host` or `host:port`, as a URL writes it (IPv6 in brackets); no scheme, path or wildcard. */
const REALM_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/** `image.builder`: the choices, `auto` first (the default). */
const BUILDERS = ['auto', 'buildx', 'classic'];
/** `image.cache` besides true and false: where the layer cache lives. */
const CACHE_TYPES = ['registry', 'gha'];
const ImageSchema = schemas/* strictObject */.rej({
    /** Image name, optionally with a tag (`myapp` or `myapp:v1`); the registry prefix comes from `registry`. */
    name: schemas/* string */.YjP().min(1).optional(),
    /** Registry prefix, e.g. `ghcr.io/org` or `us-docker.pkg.dev/project/repo`. */
    registry: schemas/* string */.YjP().min(1).optional(),
    dockerfile: schemas/* string */.YjP().min(1).optional(),
    context: schemas/* string */.YjP().min(1).optional(),
    manifest: schemas/* string */.YjP().min(1).optional(),
    'tag-length': schemas/* number */.aig().int().min(4).max(64).optional(),
    'build-args': schemas/* record */.g1P(schemas/* string */.YjP(), scalar).optional(),
    platform: schemas/* string */.YjP()
        .regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/, 'must look like os/arch[/variant], e.g. linux/amd64')
        .optional(),
    dockerignore: schemas/* string */.YjP().min(1).optional(),
    /**
     * Token realm hosts (`host` or `host:port`) that may receive the registry credentials,
     * besides the registry's own host and the known ones (auth.docker.io for Docker Hub, ...).
     */
    'auth-realms': schemas/* array */.YOg(schemas/* string */.YjP().regex(REALM_HOST, 'a host or host:port, as in the realm URL (no scheme, path or wildcard)'))
        .optional(),
    /**
     * The layer cache (default true, which is `registry`): `registry` keeps it in the registry the
     * image is pushed to, as `<name>:buildcache`; `gha` keeps it in the GitHub Actions cache (BuildKit
     * only: `docker buildx`); `false` builds cold.
     */
    cache: schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* enum */.k5n(CACHE_TYPES)], {
        error: `must be one of true, false, ${CACHE_TYPES.map(c => `'${c}'`).join(', ')}`,
    })
        .optional(),
    /** Another image to take the layer cache from instead of `<name>:buildcache` (a full reference with a tag). */
    'cache-from': schemas/* string */.YjP().min(1).optional(),
    /**
     * What builds the image: `buildx` (BuildKit, through the `docker buildx` plugin), `classic` (the
     * engine's classic builder, through its API), or `auto` (default): buildx where the plugin is installed.
     */
    builder: schemas/* enum */.k5n(BUILDERS, { error: `must be one of ${BUILDERS.map(b => `'${b}'`).join(', ')}` }).optional(),
});
/** An experiment's name: letters, digits, `_ . -`. */
const EXPERIMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Seeds: whole numbers that fit 32 bits (what numpy and torch take). */
const seedList = () => schemas/* array */.YOg(schemas/* number */.aig()
    .int()
    .min(0)
    .max(2 ** 32 - 1));
/** A backend of `backends:` by name, or `local`, `local-docker`. */
const backendName = () => schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a backend name');
const paramKey = schemas/* string */.YjP().regex(KEY, 'parameter names are letters, digits, _ . - (starting with a letter or _)');
const ResourcesSchema = schemas/* strictObject */.rej({
    gpus: schemas/* number */.aig().int().min(0).optional(),
    'gpu-type': schemas/* string */.YjP().min(1).optional(),
    cpus: schemas/* number */.aig().positive().optional(),
    memory: schemas/* string */.YjP()
        .regex(/^\d+(\.\d+)?[KMGT]i?B?$/i, 'like 16G or 512M')
        .optional(),
    disk: schemas/* string */.YjP()
        .regex(/^\d+(\.\d+)?[KMGT]i?B?$/i, 'like 100G')
        .optional(),
    time: schemas/* string */.YjP()
        .regex(/^(\d+-)?\d{1,2}(:\d{2}){1,2}$|^\d+[smhd]$/, 'like 02:00:00, 1-00:00:00 or 90m')
        .optional(),
});
/** A sweep: parameter → values (a grid), plus `exclude`: combinations to leave out. */
const SweepSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).transform((v, ctx) => {
    const grid = {};
    let exclude = [];
    for (const [k, values] of Object.entries(v)) {
        if (k === 'exclude') {
            const r = schemas/* array */.YOg(schemas/* record */.g1P(paramKey, scalar)).safeParse(values);
            if (!r.success) {
                ctx.addIssue({ code: 'custom', path: [k], message: 'exclude is a list of {param: value} combinations' });
                return core/* NEVER */.tm;
            }
            exclude = r.data;
            continue;
        }
        const r = schemas/* array */.YOg(scalar).min(1).safeParse(values);
        if (!KEY.test(k) || !r.success) {
            ctx.addIssue({ code: 'custom', path: [k], message: 'a sweep maps a parameter to a non-empty list of values' });
            return core/* NEVER */.tm;
        }
        grid[k] = r.data;
    }
    return { grid, exclude };
});
const ExperimentSchema = schemas/* strictObject */.rej({
    /** The training command, an argv array (never a shell string). */
    command: schemas/* array */.YOg(schema_text().min(1)).min(1),
    params: schemas/* record */.g1P(paramKey, scalar).optional(),
    /**
     * Types parameters keep (`int`, `float`, `bool`, `string`); default: the type of each
     * default, where a number written with a point or exponent (`1.0`, `1e-3`) is a float.
     */
    'param-types': schemas/* record */.g1P(paramKey, schemas/* enum */.k5n(['int', 'float', 'bool', 'string'])).optional(),
    /** seed 000's `random_seeds`: the seed of run i is seeds[i]. */
    seeds: seedList().optional(),
    /** How many runs (per sweep point); default: one per seed, else 1. */
    runs: schemas/* number */.aig().int().min(1).optional(),
    sweep: SweepSchema.optional(),
    resources: ResourcesSchema.optional(),
    /** A backend of `backends:` by name, or `local`, `local-docker`. */
    backend: backendName().optional(),
    /** Globs of files to keep from a run's directory. */
    outputs: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
    /**
     * Environment variables of the launcher the runs may see (`WANDB_API_KEY`, or `WANDB_*`),
     * besides a base list (PATH, HOME, locale, CUDA and thread knobs). Nothing else passes.
     */
    env: schemas/* array */.YOg(schemas/* string */.YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$|^[A-Za-z][A-Za-z0-9_]{2,}\*$/, 'environment variable names: letters, digits, _; a prefix pattern (NAME_*) needs at least 3 characters before the *')
        .refine(n => !neverPassed(n.replace(/\*$/, '')), {
        message: `is never passed to a run (${NEVER_ENV.join(', ')}, INPUT_*, ACTIONS_*, STATE_*): give the run its own variable`,
    }))
        .optional(),
    'args-style': schemas/* enum */.k5n(['container-main', 'env']).optional(),
    /** false: ignore `seeds`, use the explicit seed or a deterministic one (seed 000 --no-prefer-config-seed). */
    'prefer-config-seed': schemas/* boolean */.zMY().optional(),
});
/** Regression thresholds per metric, against a baseline (`report.fail-on`, `schedules.<name>.fail-on`). */
const FailOnSchema = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* strictObject */.rej({
    fail: schemas/* number */.aig().nonnegative().optional(),
    warn: schemas/* number */.aig().nonnegative().optional(),
    better: schemas/* enum */.k5n(['higher', 'lower']).optional(),
}));
/** A GitHub label: what the issues API takes (1 to 50 characters, no comma: the list filter splits on it). */
const label = schemas/* string */.YjP()
    .min(1)
    .max(50)
    .refine(v => !v.includes(','), 'a label cannot contain a comma');
/**
 * A named sweep for scheduled launches: the experiment, with this launch's parameters, sweep,
 * seeds and backend, judged against the previous night's results by `fail-on`.
 */
const ScheduleSchema = schemas/* strictObject */.rej({
    experiment: schemas/* string */.YjP().regex(EXPERIMENT_NAME, 'an experiment of experiments:'),
    /** The workflow's `on.schedule` cron this sweep answers (a schedule event names its cron, not a sweep). */
    cron: schemas/* string */.YjP()
        .regex(/^\s*\S+(\s+\S+){4}\s*$/, "five fields, as the workflow's on.schedule writes it ('17 3 * * *')")
        .optional(),
    /** Parameter overrides. */
    params: schemas/* record */.g1P(paramKey, scalar).optional(),
    /** Sweeps, each replacing the experiment's sweep of that parameter (or adding one). */
    sweep: schemas/* record */.g1P(paramKey, schemas/* array */.YOg(scalar).min(1, 'a sweep needs at least one value')).optional(),
    seeds: seedList().min(1).optional(),
    runs: schemas/* number */.aig().int().min(1).optional(),
    backend: backendName().optional(),
    /** Regression thresholds against the previous night (default `report.fail-on`). */
    'fail-on': FailOnSchema.optional(),
    /** The regression issue: false for none; labels (default `trainer-regression`) and assignees. */
    issue: schemas/* union */.KCZ([
        schemas/* boolean */.zMY(),
        schemas/* strictObject */.rej({
            labels: schemas/* array */.YOg(label).min(1).max(10).optional(),
            assignees: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login'))
                .max(10)
                .optional(),
        }),
    ])
        .optional(),
});
const ConfigSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).optional(),
    image: ImageSchema.optional(),
    experiments: schemas/* record */.g1P(schemas/* string */.YjP().regex(EXPERIMENT_NAME, 'experiment names are letters, digits, _ . -'), ExperimentSchema)
        .optional(),
    /** What reports show and judge (src/report). */
    report: schemas/* strictObject */.rej({
        /** The metric the curves plot besides the loss, and the title quotes. */
        'primary-metric': schemas/* string */.YjP().min(1).optional(),
        /**
         * A fixed baseline: a baseline file an earlier report wrote (baseline-<launch>.json), relative
         * to trainer.yml; by default none (the default branch's, through the Actions cache, comes later).
         */
        baseline: schemas/* string */.YjP().min(1).optional(),
        /** Regression thresholds per metric: worse than the baseline by more than `fail` fails the check, `warn` makes it neutral. */
        'fail-on': FailOnSchema.optional(),
    })
        .optional(),
    /** Named sweeps that `schedule` and `workflow_dispatch` events launch (src/actions/schedule.ts). */
    schedules: schemas/* record */.g1P(schemas/* string */.YjP().regex(EXPERIMENT_NAME, 'schedule names are letters, digits, _ . -'), ScheduleSchema)
        .optional(),
    /** Named places to run (see src/config/backends.ts). */
    backends: BackendsSchema.optional(),
    /** Limits on what one launch may do. */
    launch: schemas/* strictObject */.rej({
        'max-runs': schemas/* number */.aig().int().min(1).optional(),
        /** Runs at a time on the local backends. */
        parallel: schemas/* number */.aig().int().min(1).optional(),
        'results-root': schemas/* string */.YjP().min(1).optional(),
        ledger: schemas/* string */.YjP().min(1).optional(),
    })
        .optional(),
});

;// CONCATENATED MODULE: ./src/config/parse.ts




function keyList(valid) {
    return valid.map(k => `'${k}'`).join(', ');
}
/** Turns the first schema issue into a ConfigError at the offending node's line and column. */
function locate(doc, lc, file, issue, data) {
    let path = issue.path.map(p => (typeof p === 'symbol' ? String(p) : p));
    let message = plainType(issue, data) ?? issue.message;
    let key = path.join('.');
    let offset;
    if (issue.code === 'unrecognized_keys') {
        const bad = issue.keys[0] ?? '';
        const parent = doc.getIn(path, true);
        const valid = Object.keys(shapeAt(path, data));
        key = [...path, bad].join('.');
        message = `unknown key '${bad}'${valid.length ? `; valid keys: ${keyList(valid)}` : ''}`;
        if ((0,dist/* isMap */.jh)(parent)) {
            const item = parent.items.find(it => (0,dist/* isScalar */.jn)(it.key) && it.key.value === bad);
            if (item && (0,dist/* isScalar */.jn)(item.key))
                offset = item.key.range?.[0];
        }
        path = [...path, bad];
    }
    if (offset === undefined) {
        // the deepest node that exists along the path
        for (let n = path.length; n >= 0 && offset === undefined; n--) {
            const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
            if (node && typeof node === 'object' && 'range' in node)
                offset = node.range?.[0];
        }
    }
    const pos = offset === undefined ? undefined : lc.linePos(offset);
    return new errors/* ConfigError */.xL(`${key ? `${key}: ` : ''}${message}`, {
        file,
        ...(pos ? { line: pos.line, col: pos.col } : {}),
        key,
    });
}
/**
 * The keys of the object schema at `path` of the config (through records, optionals,
 * transforms, preprocessing, and unions on a discriminator, picked by the data's value).
 */
function shapeAt(path, data) {
    const def = (s) => s?._zod?.def ?? {};
    // optional, default, nullable, pipe (a transform, or a preprocess before a schema): the schema they wrap
    const unwrap = (s, v) => {
        for (let d = def(s);; d = def(s)) {
            if (d.innerType !== undefined)
                s = d.innerType;
            else if (d.type === 'pipe')
                s = def(d.in).type === 'transform' ? d.out : d.in;
            else if (d.type === 'union' && d.discriminator && d.options) {
                const want = v !== null && typeof v === 'object' ? v[d.discriminator] : undefined;
                s = d.options.find(o => {
                    const lit = def(def(o).shape?.[d.discriminator]);
                    return lit.values?.includes(want);
                });
                if (s === undefined)
                    return undefined;
            }
            else
                return s;
        }
    };
    let v = data;
    let s = unwrap(ConfigSchema, v);
    for (const p of path) {
        const d = def(s);
        v = v !== null && typeof v === 'object' ? v[p] : undefined;
        // a backend named after its type has that type without saying so
        if (path[0] === 'backends' && path.length === 2 && v !== null && typeof v === 'object' && !('type' in v))
            v = { type: p, ...v };
        s = unwrap(d.type === 'object' ? d.shape?.[String(p)] : d.type === 'record' ? d.valueType : d.element, v);
        if (s === undefined)
            return {};
    }
    return def(s).shape ?? {};
}
const TYPE_WORDS = {
    object: 'a mapping of keys to values',
    record: 'a mapping of keys to values',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
};
/** What a YAML value is, in the words of a person reading trainer.yml. */
function kindOf(v) {
    if (v === null || v === undefined)
        return 'nothing';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (typeof v === 'string')
        return `the string '${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
    if (typeof v === 'boolean')
        return `the boolean ${v}`;
    if (typeof v === 'number')
        return `the number ${v}`;
    return typeof v;
}
/** A type error in plain words: "expected a list, got the number 3". */
function plainType(issue, data) {
    if (issue.code !== 'invalid_type')
        return undefined;
    let v = data;
    for (const p of issue.path)
        v = v !== null && typeof v === 'object' ? v[p] : undefined;
    const want = TYPE_WORDS[issue.expected] ?? issue.expected;
    return v === undefined ? `required: expected ${want}` : `expected ${want}, got ${kindOf(v)}`;
}
/**
 * A default written `1.0`, `0.0` or `1e-3` is a float, though YAML and JavaScript read a
 * whole number: records it in the experiment's `param-types` (unless declared), so that an
 * override `dropout=0.1` of `dropout: 0.0` is taken and `epochs=2.5` of `epochs: 4` is not.
 */
function floatTypes(doc, config) {
    for (const [name, exp] of Object.entries(config.experiments ?? {})) {
        const params = doc.getIn(['experiments', name, 'params'], true);
        if (!(0,dist/* isMap */.jh)(params))
            continue;
        for (const item of params.items) {
            if (!(0,dist/* isScalar */.jn)(item.key) || !(0,dist/* isScalar */.jn)(item.value) || typeof item.value.value !== 'number')
                continue;
            const key = String(item.key.value);
            const text = item.value.source ?? '';
            const float = !Number.isInteger(item.value.value) || (/[.eE]/.test(text) && !/^[+-]?0[xXoO]/.test(text));
            if (float && exp['param-types']?.[key] === undefined)
                exp['param-types'] = { ...exp['param-types'], [key]: 'float' };
        }
    }
}
/** The path of the first `__proto__` key in parsed YAML, if there is one. */
function protoKeyPath(v, path = []) {
    if (v === null || typeof v !== 'object')
        return undefined;
    for (const [k, x] of Object.entries(v)) {
        if (k === '__proto__')
            return [...path, k];
        const found = protoKeyPath(x, [...path, Array.isArray(v) ? Number(k) : k]);
        if (found)
            return found;
    }
    return undefined;
}
/** Parses and validates trainer.yml text; errors name the file, line, column and key. */
function parseConfig(text, file) {
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
        const pos = lc.linePos(err.pos[0]);
        throw new errors/* ConfigError */.xL(`invalid YAML: ${err.message.split('\n')[0]}`, { file, line: pos.line, col: pos.col });
    }
    const data = doc.toJS() ?? {};
    // a key that would set an object's prototype where a plain object takes it (zod's records do)
    const proto = protoKeyPath(data);
    if (proto)
        throw locate(doc, lc, file, { code: 'custom', path: proto, message: "'__proto__' cannot be a key", input: undefined }, data);
    const r = ConfigSchema.safeParse(data);
    if (!r.success) {
        // an unknown key is the likeliest cause of the other issues at the same place (a typo)
        const issue = r.error.issues.find(i => i.code === 'unrecognized_keys') ?? r.error.issues[0];
        throw locate(doc, lc, file, issue, data);
    }
    floatTypes(doc, r.data);
    const known = [...new Set(['local', 'local-docker', ...Object.keys(r.data.backends ?? {})])];
    for (const [name, exp] of Object.entries(r.data.experiments ?? {}))
        if (exp.backend !== undefined && !known.includes(exp.backend))
            throw locate(doc, lc, file, {
                code: 'custom',
                path: ['experiments', name, 'backend'],
                message: `unknown backend '${exp.backend}'; backends: ${known.join(', ')} (declare others under backends:)`,
                input: undefined,
            }, data);
    const experiments = Object.keys(r.data.experiments ?? {});
    const crons = new Map();
    for (const [sname, s] of Object.entries(r.data.schedules ?? {})) {
        const at = (key, message) => locate(doc, lc, file, { code: 'custom', path: ['schedules', sname, key], message, input: undefined }, data);
        if (!Object.hasOwn(r.data.experiments ?? {}, s.experiment))
            throw at('experiment', `unknown experiment '${s.experiment}'; ${experiments.length ? `experiments: ${experiments.join(', ')}` : 'trainer.yml defines none'}`);
        if (s.backend !== undefined && !known.includes(s.backend))
            throw at('backend', `unknown backend '${s.backend}'; backends: ${known.join(', ')}`);
        // the night's overrides and sweep, checked now as the launch would check them: not at 3 a.m.
        const exp = r.data.experiments[s.experiment];
        const defaults = exp.params ?? {};
        const valid = [...new Set([...Object.keys(defaults), ...Object.keys(exp.sweep?.grid ?? {})])];
        const param = (kind, key, values) => {
            const name = kind === 'params' ? valid.find(v => (0,resolve/* normKey */.MI)(v) === (0,resolve/* normKey */.MI)(key)) : valid.find(v => v === key);
            const where = (message) => locate(doc, lc, file, { code: 'custom', path: ['schedules', sname, kind, key], message, input: undefined }, data);
            if (name === undefined) {
                const guess = (0,resolve/* nearest */.pA)(key, valid);
                throw where(`experiment '${s.experiment}' has no parameter '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`);
            }
            for (const v of values)
                try {
                    (0,resolve/* coerce */.au)(name, String(v), defaults[name], `schedule ${sname}`, exp['param-types']?.[name]);
                }
                catch (e) {
                    throw where(e instanceof Error ? e.message : String(e));
                }
        };
        for (const [k, v] of Object.entries(s.params ?? {}))
            param('params', k, [v]);
        for (const [k, v] of Object.entries(s.sweep ?? {}))
            param('sweep', k, v);
        if (s.cron !== undefined) {
            const cron = s.cron.trim().replace(/\s+/g, ' ');
            const other = crons.get(cron);
            if (other !== undefined)
                throw at('cron', `'${s.cron}' is schedules.${other}'s cron too: a schedule event could not say which to launch`);
            crons.set(cron, sname);
        }
    }
    return r.data;
}
/** The 1-based line of `experiments.<name>:` in trainer.yml text, for annotations; undefined when absent. */
function experimentLine(text, name) {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
    const exps = doc.get('experiments', true);
    if (!isMap(exps))
        return undefined;
    const item = exps.items.find(i => isScalar(i.key) && String(i.key.value) === name);
    const at = item && isScalar(item.key) ? item.key.range?.[0] : undefined;
    return at === undefined ? undefined : lc.linePos(at).line;
}


/***/ })

};
