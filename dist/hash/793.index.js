export const id = 793;
export const ids = [793];
export const modules = {

/***/ 1793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HashInputs: () => (/* binding */ HashInputs),
  hash: () => (/* binding */ hash_hash)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(4528);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(3713);
;// CONCATENATED MODULE: ./src/config/load.ts



const DEFAULT_CONFIG = 'trainer.yml';
/**
 * Loads the configuration: `path` when given (it must exist), else trainer.yml in
 * `cwd` when present, else the built-in defaults.
 */
async function loadConfig(cwd, path) {
    const explicit = path !== undefined && path !== '';
    const file = (0,external_node_path_.resolve)(cwd, explicit ? path : DEFAULT_CONFIG);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        if (!explicit && e.code === 'ENOENT')
            return { config: {}, file: undefined };
        throw new errors/* ConfigError */.xL(`config file ${path ?? file} cannot be read: ${e.code ?? String(e)}`, { file: path ?? file });
    }
    const label = (0,external_node_path_.isAbsolute)(path ?? '') ? file : explicit ? path : DEFAULT_CONFIG;
    // The YAML parser loads only when there is a file to parse (start-up time of the small actions).
    const { parseConfig } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(90)]).then(__webpack_require__.bind(__webpack_require__, 4090));
    return { config: parseConfig(text, label), file };
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** Inline code that survives backticks in the text. */
function markdown_code(text) {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}
/** A two-column key/value table. */
function markdown_kvTable(rows) {
    return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

;// CONCATENATED MODULE: ./src/image/summary.ts

const SOURCE = {
    head: 'committed content (HEAD)',
    worktree: 'work tree',
    disk: 'files on disk (not a git checkout)',
};
/** Job summary of `hash`: pure, compared whole in tests. */
function hashSummary(r) {
    return [
        '### Image manifest',
        '',
        markdown_kvTable([
            ['tag', markdown_code(r.tag)],
            ['sha256', markdown_code(r.hash)],
            ['manifest', markdown_code(r.manifest)],
            ['files', String(r.count)],
            ['hashed', SOURCE[r.source]],
        ]),
        '',
    ].join('\n');
}
/** Job summary of `build`. */
function buildSummary(r) {
    return [
        '### Training image',
        '',
        kvTable([
            ['image', code(r.ref.full)],
            ['digest', r.digest ? code(r.digest) : 'unknown'],
            ['built', r.built ? 'yes: the tag was new' : 'no: the tag was already in the registry'],
            ['manifest', `${code(r.hash.manifest)}: ${r.hash.count} files, ${SOURCE[r.hash.source]}`],
            ['registry requests', String(r.requests.length)],
        ]),
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/config/schema.ts + 2 modules
var schema = __webpack_require__(1361);
// EXTERNAL MODULE: ./src/image/ref.ts
var ref = __webpack_require__(2812);
;// CONCATENATED MODULE: ./src/image/settings.ts





const DEFAULT_TAG_LENGTH = 7;
const MANIFEST_NAME = '.image-manifest';
/** Checks and normalises realm hosts (lower case); a URL, a path or a wildcard is a ConfigError naming where it came from. */
function realmHosts(hosts, where) {
    return hosts.map(h => {
        const v = h.trim().toLowerCase();
        if (!schema/* REALM_HOST */.dB.test(v)) {
            throw new errors/* ConfigError */.xL(`'${h}' is not a host name: ${where.key} lists the hosts (host or host:port, exactly as in the token realm's URL) that may receive the registry credentials`, { ...(where.file === undefined ? {} : { file: where.file }), key: where.key }, { hint: 'For a realm https://auth.example.com/token write auth.example.com (no scheme, path or wildcard).' });
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
    const results = resolve(cwd, launch?.['results-root'] ?? defaults.results);
    const ledger = resolve(cwd, launch?.ledger ?? defaults.ledger);
    const dir = dirname(ledger);
    const under = (p, root) => p.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
    return [results, ...(under(dir, cwd) ? [dir] : []), ...['', '-wal', '-shm', '-journal'].map(x => `${ledger}${x}`)];
}
async function exists(p) {
    return (0,promises_.access)(p).then(() => true, () => false);
}
/**
 * `name` in `dir` or the nearest directory above it, the way git finds `.git`: the search
 * stops at the top of the repository (a directory holding `.git`) or of the file system.
 */
async function findUp(dir, name) {
    for (let at = (0,external_node_path_.resolve)(dir);; at = (0,external_node_path_.dirname)(at)) {
        if (await exists((0,external_node_path_.join)(at, name)))
            return (0,external_node_path_.join)(at, name);
        if ((await exists((0,external_node_path_.join)(at, '.git'))) || (0,external_node_path_.dirname)(at) === at)
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
    const cfgDir = cfgFile ? (0,external_node_path_.dirname)(cfgFile) : cwd;
    const pick = (input, conf) => input !== undefined
        ? (0,external_node_path_.resolve)(cwd, input)
        : conf !== undefined
            ? (0,external_node_path_.isAbsolute)(conf)
                ? conf
                : (0,external_node_path_.resolve)(cfgDir, conf)
            : undefined;
    const named = pick(over.dockerfile, cfg?.dockerfile);
    const dockerfile = named ?? (0,external_node_path_.join)(cwd, 'Dockerfile');
    const context = pick(over.context, cfg?.context) ?? (named ? (0,external_node_path_.dirname)(named) : cwd);
    let manifest = pick(over.manifest, cfg?.manifest);
    if (manifest === undefined) {
        const beside = (0,external_node_path_.join)((0,external_node_path_.dirname)(dockerfile), MANIFEST_NAME);
        manifest = (await exists(beside)) ? beside : ((await findUp(cwd, MANIFEST_NAME)) ?? (0,external_node_path_.join)(cwd, MANIFEST_NAME));
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
        dockerignore: cfg?.dockerignore === undefined ? undefined : (0,external_node_path_.resolve)(cfgDir, cfg.dockerignore),
        name: over.name ?? cfg?.name,
        registry: over.registry ?? cfg?.registry,
        tagLength: over['tag-length'] ?? cfg?.['tag-length'] ?? DEFAULT_TAG_LENGTH,
        buildArgs,
        platform: over.platform ?? cfg?.platform,
        fallbackName: repo ?? (0,external_node_path_.basename)(cwd),
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
            : (0,ref/* parseRef */.rd)(cfg['cache-from'], { ...(cfgFile === undefined ? {} : { file: cfgFile }), key: 'image.cache-from' }),
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/registries.js
var registries = __webpack_require__(9396);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/kit/inputs.ts


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/**
 * How an input is given as a command-line flag where it is not a plain value: `switch`, a boolean
 * input (`--force`); `repeated`, an input that takes items one per line (`--x a --x b`).
 */
const flagForms = registries/* registry */.u5();
/** An optional string input: '' (unset) becomes undefined. */
const optString = () => schemas/* string */.YjP().transform(s => (s.trim() === '' ? undefined : s.trim()));
/** A boolean input: only the YAML 1.2 core set, like core.getBooleanInput; '' takes the default. */
const bool = (dflt) => schemas/* string */.YjP()
    .transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return dflt;
    if (TRUE.includes(v))
        return true;
    if (FALSE.includes(v))
        return false;
    ctx.addIssue({ code: 'custom', message: `'${v}' is not a boolean (use true or false)` });
    return core/* NEVER */.tm;
})
    .register(flagForms, { flag: 'switch' });
/** An optional integer input within bounds. */
const optInt = (min, max) => schemas/* string */.YjP().transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `'${v}' is not an integer from ${min} to ${max}` });
        return core/* NEVER */.tm;
    }
    return n;
});
/** A list input: one item per line, commas also separate (docker/actions-toolkit getInputList). */
const list = () => z
    .string()
    .transform(s => s
    .split(/\r?\n|,/)
    .map(x => x.trim())
    .filter(x => x !== ''))
    .register(flagForms, { flag: 'repeated' });
/** A list input with one item per line and no other separator (items may hold commas). */
const lines = () => z
    .string()
    .transform(s => s
    .split(/\r?\n/)
    .map(x => x.trim())
    .filter(x => x !== ''))
    .register(flagForms, { flag: 'repeated' });
/** KEY=VALUE pairs, one per line (values may contain commas and '='). */
const keyValues = () => z
    .string()
    .transform((s, ctx) => {
    const out = {};
    for (const line of s.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const i = line.indexOf('=');
        if (i <= 0) {
            ctx.addIssue({ code: 'custom', message: `'${line.trim()}' is not KEY=VALUE` });
            return z.NEVER;
        }
        out[line.slice(0, i).trim()] = line.slice(i + 1);
    }
    return out;
})
    .register(flagForms, { flag: 'repeated' });
/**
 * The command-line flags of a schema's inputs, for node:util's parseArgs: one per input, under its
 * name; a switch for a boolean input, a repeatable flag for one that takes lines (the CLI joins the
 * values with newlines), a flag with a value for any other. `omit` names the inputs a command line
 * gives another way.
 */
function inputFlags(schema, omit = []) {
    const flags = {};
    for (const [key, input] of Object.entries(schema.shape)) {
        if (omit.includes(key))
            continue;
        const form = flagForms.get(input)?.flag;
        flags[key] =
            form === 'switch' ? { type: 'boolean' } : form === 'repeated' ? { type: 'string', multiple: true } : { type: 'string' };
    }
    return flags;
}
/** Reads every input named by the schema's keys (the action.yml names) and validates them. */
function readInputs(io, schema) {
    const raw = {};
    for (const key of Object.keys(schema.shape))
        raw[key] = io.input(key);
    const r = schema.safeParse(raw);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new errors/* ConfigError */.xL(`Input '${key}': ${issue?.message ?? 'invalid'}`, { key });
}
/** Marks an input as required, with codeql's wording. */
function required(value, name) {
    if (value === undefined || value === '')
        throw new ConfigError(`Input required and not supplied: ${name}`, { key: name });
    return value;
}

// EXTERNAL MODULE: ./src/manifest/hash.ts + 3 modules
var hash = __webpack_require__(1661);
;// CONCATENATED MODULE: ./src/actions/hash.ts






/** Inputs of actions/hash, keyed by their action.yml names. */
const HashInputs = schemas/* object */.Ikc({
    manifest: optString(),
    config: optString(),
    'tag-length': optInt(4, 64),
    'include-worktree': bool(false),
    check: bool(false),
    name: optString(),
    registry: optString(),
});
/**
 * Hashes the files the image manifest lists: outputs `hash`, `tag` and `files` (count). With
 * `check`, also asks the registry whether the image with that tag is there (one HEAD, under
 * the same credential and realm rules as the build) and outputs `image` and `exists`, so a
 * workflow can run its own builder (docker/build-push-action) only when needed.
 */
async function hash_hash(io) {
    const i = readInputs(io, HashInputs);
    const { config, file } = await loadConfig(io.workspace, i.config);
    const s = await imageSettings(io.workspace, config.image, file, { manifest: i.manifest, 'tag-length': i['tag-length'], name: i.name, registry: i.registry }, io.env);
    let r;
    if (i.check) {
        // the registry client loads only for a check
        const { imageRegistry } = await __webpack_require__.e(/* import() */ 763).then(__webpack_require__.bind(__webpack_require__, 2763));
        const found = await imageRegistry({
            settings: s,
            includeWorktree: i['include-worktree'],
            env: { ...io.env },
            log: io.log,
            secret: v => io.setSecret(v),
        });
        r = found.hash;
        const state = await found.registry.manifest(found.ref);
        io.setOutput('image', found.ref.full);
        io.setOutput('exists', state.exists);
        io.log.info(`${found.ref.full} ${state.exists ? 'is in the registry' : 'is not in the registry yet'}`);
    }
    else {
        r = await (0,hash/* hashManifest */.sP)({
            cwd: io.workspace,
            manifest: s.manifest,
            tagLength: s.tagLength,
            includeWorktree: i['include-worktree'],
            log: io.log,
        });
    }
    io.setOutput('hash', r.hash);
    io.setOutput('tag', r.tag);
    io.setOutput('files', r.count);
    io.log.info(`${r.tag} (sha256 ${r.hash}, ${r.count} files from ${r.manifest})`);
    await io.summary(hashSummary(r));
    return r;
}


/***/ }),

/***/ 1361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sk: () => (/* binding */ ConfigSchema),
  dB: () => (/* binding */ REALM_HOST)
});

// UNUSED EXPORTS: BUILDERS, CACHE_TYPES, EXPERIMENT_NAME, ExperimentSchema, FailOnSchema, ImageSchema, ResourcesSchema, ScheduleSchema, SweepSchema

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(4528);
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


/***/ }),

/***/ 2812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   qE: () => (/* binding */ resolveRef),
/* harmony export */   rd: () => (/* binding */ parseRef),
/* harmony export */   rh: () => (/* binding */ sanitizeName)
/* harmony export */ });
/* unused harmony export splitTag */
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3713);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
function isDomain(part) {
    return part.includes('.') || part.includes(':') || part === 'localhost';
}
/** Splits `name[:tag]` where the tag is after the last '/' (so `host:5000/x` has no tag). */
function splitTag(ref) {
    const at = ref.indexOf('@');
    if (at >= 0)
        ref = ref.slice(0, at);
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    if (colon > slash)
        return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
    return { name: ref, tag: undefined };
}
/** Parses a full reference the way Docker does (docker.io and library/ implied). */
function parseRef(ref, where = {}) {
    const { name, tag } = splitTag(ref.trim());
    if (tag === undefined)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`image reference '${ref}' has no tag`, where);
    if (!TAG.test(tag))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`image tag '${tag}' is invalid (letters, digits, '_', '.', '-'; at most 128)`, where);
    const parts = name.split('/');
    let registry = 'docker.io';
    if (parts.length > 1 && isDomain(parts[0]))
        registry = parts.shift();
    if (registry === 'docker.io' && parts.length === 1)
        parts.unshift('library');
    for (const p of parts) {
        if (!COMPONENT.test(p)) {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`image name '${name}' is invalid: '${p}' must be lowercase letters and digits separated by '.', '_' or '-'`, where);
        }
    }
    const repository = parts.join('/');
    return { registry, repository, tag, full: `${name}:${tag}` };
}
/**
 * Resolves the image reference as seed 003 describes: an explicit `name:tag` is used
 * as is; a bare name gets the tag (the manifest hash by default); a registry prefix
 * is put in front unless the name already starts with a registry host.
 */
function resolveRef(o) {
    let ref = (o.name ?? o.fallbackName).trim();
    const split = splitTag(ref);
    if (o.tag !== undefined)
        ref = `${split.name}:${o.tag}`;
    else if (split.tag === undefined)
        ref = `${ref}:${o.manifestTag}`;
    const first = ref.split('/')[0] ?? '';
    if (o.registry && !(ref.includes('/') && isDomain(first))) {
        ref = `${o.registry.replace(/\/+$/, '')}/${ref.replace(/^\/+/, '')}`;
    }
    return parseRef(ref, o.where ?? {});
}
/** A name usable as an image repository, derived from a repository or directory name. */
function sanitizeName(s) {
    const n = s
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    return n || 'trainer';
}
/** The host to talk HTTP to: Docker Hub's API lives at registry-1.docker.io. */
function apiHost(registry) {
    return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}
/** Loopback registries speak plain HTTP, as Docker assumes for 127.0.0.0/8. */
function isLoopback(registry) {
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}


/***/ }),

/***/ 3713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ wrapError),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   e0: () => (/* binding */ TrainerError),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   zS: () => (/* binding */ BuildError)
/* harmony export */ });
/* unused harmony exports NotFoundError, CancelledError */
/** Base of every error the toolkit raises on purpose. */
class TrainerError extends Error {
    name = 'TrainerError';
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.hint = options.hint;
    }
}
/** Bad input from the user: config files, manifests, inputs, flags. Reported without a stack. */
class ConfigError extends TrainerError {
    name = 'ConfigError';
    where;
    constructor(message, where = {}, options = {}) {
        super(message, options);
        this.where = where;
    }
    /** `file:line:col: message` (the compiler-style form editors and CI logs link). */
    located() {
        const { file, line, col } = this.where;
        if (file === undefined)
            return this.message;
        const pos = line === undefined ? file : col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`;
        return `${pos}: ${this.message}`;
    }
}
/** Credentials missing or refused by a service. */
class AuthError extends TrainerError {
    name = 'AuthError';
}
/** A remote service (registry, Docker engine, API) failed or could not be reached. */
class ServiceError extends TrainerError {
    name = 'ServiceError';
    service;
    op;
    status;
    retryable;
    /** How long the service asked us to wait before trying again (its Retry-After), in ms. */
    retryAfterMs;
    constructor(service, op, message, options = {}) {
        super(`${op} ${service}: ${message}`, options);
        this.service = service;
        this.op = op;
        this.status = options.status;
        this.retryable = options.retryable ?? false;
        this.retryAfterMs = options.retryAfterMs;
    }
}
class NotFoundError extends (/* unused pure expression or super */ null && (TrainerError)) {
    name = 'NotFoundError';
}
class CancelledError extends (/* unused pure expression or super */ null && (TrainerError)) {
    name = 'CancelledError';
}
/** A build step failed: the message is the failing step's output, not a stack trace. */
class BuildError extends TrainerError {
    name = 'BuildError';
    output;
    constructor(message, output) {
        super(message);
        this.output = output;
    }
}
function getErrorMessage(e) {
    if (e instanceof ConfigError)
        return e.located();
    if (e instanceof Error)
        return e.message;
    return String(e);
}
function wrapError(e) {
    return e instanceof Error ? e : new Error(String(e));
}
/**
 * Errors the user can act on from the message alone (bad input, refused credentials, a
 * missing thing, a stop): no stack. A ServiceError (a service failed or could not be
 * reached) and anything else keep their stack at debug level, where it helps find out why.
 */
function isUserError(e) {
    return e instanceof TrainerError && !(e instanceof ServiceError);
}


/***/ }),

/***/ 9495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ exec)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Runs a program with an argument vector (never through a shell) and collects its output. */
function exec(file, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input ?? '');
    });
}


/***/ }),

/***/ 1661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sP: () => (/* binding */ hashManifest)
});

// UNUSED EXPORTS: blobId, decodeManifest, digestEntries, diskEntry

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(3713);
;// CONCATENATED MODULE: ./src/kit/walk.ts


/**
 * Walks a directory tree depth-first, one entry at a time: `visit` sees every entry of a
 * directory (`.` and `..` excepted), and the walker descends into an entry, right after visiting
 * it, only where `visit` says so; everything else (which entries to keep, symlinks, ignore rules,
 * what may have been swapped since `readdir`) is the visitor's. Entries are visited one after
 * another, each visit awaited, so a visitor may stream what it finds. A directory that cannot be
 * read, or a visitor that throws, rejects the walk with that error; nothing is skipped silently.
 */
async function walk(root, visit, o = {}) {
    await walkDir(o.from ?? '', (0,external_node_path_.join)(root, o.from ?? ''), visit, o.sort ?? true);
}
async function walkDir(dir, abs, visit, sort) {
    const entries = (await (0,promises_.readdir)(abs, { withFileTypes: true, encoding: 'buffer' })).map(dirent => ({
        dirent,
        name: dirent.name.toString('utf8'),
    }));
    if (sort)
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { dirent, name } of entries) {
        const entry = {
            name,
            bytes: dirent.name,
            dir,
            rel: dir === '' ? name : `${dir}/${name}`,
            abs: (0,external_node_path_.join)(abs, name),
            dirent,
        };
        if (await visit(entry))
            await walkDir(entry.rel, entry.abs, visit, sort);
    }
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/kit/exec.ts
var exec = __webpack_require__(9495);
;// CONCATENATED MODULE: ./src/manifest/git.ts




async function git(root, args) {
    const r = await (0,exec/* exec */.m)('git', ['-c', 'core.quotePath=false', ...args], { cwd: root });
    if (r.code !== 0)
        throw new errors/* ServiceError */._7('git', `git ${args[0] ?? ''}`, r.stderr.trim() || `exit ${r.code}`);
    return r.stdout;
}
/** The repository's top level, or undefined when `dir` is not inside a git work tree. */
async function gitTopLevel(dir) {
    try {
        const r = await (0,exec/* exec */.m)('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
        return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
    }
    catch {
        return undefined; // git not installed
    }
}
function splitZ(buf) {
    const s = buf.toString('utf8');
    const parts = s.split('\0');
    if (parts.at(-1) === '')
        parts.pop();
    return parts;
}
/**
 * Files as `git ls-tree -r -z` prints them, kept as the raw records
 * (`<mode> SP <type> SP <oid> TAB <path> NUL`) with their offsets: a listing of
 * 100,000 files costs one buffer, three integer arrays and the path strings.
 */
class Listing {
    buf;
    starts;
    tabs;
    ends;
    paths;
    constructor(buf, starts, tabs, ends, paths) {
        this.buf = buf;
        this.starts = starts;
        this.tabs = tabs;
        this.ends = ends;
        this.paths = paths;
    }
    get length() {
        return this.paths.length;
    }
    entry(i) {
        const start = this.starts[i];
        const tab = this.tabs[i];
        const head = this.buf.toString('latin1', start, tab);
        const sp1 = head.indexOf(' ');
        return { mode: head.slice(0, sp1), oid: head.slice(head.lastIndexOf(' ') + 1), path: this.paths[i] };
    }
}
/**
 * Parses `ls-tree -r -z` output without splitting it into per-file strings beyond the paths.
 * ASCII output (the usual case) is read as one string, whose offsets are byte offsets: the
 * records are found with the string's own `indexOf` and each path is a slice of it.
 */
function parseListing(buf) {
    if (!(0,external_node_buffer_.isAscii)(buf))
        return parseListingBytes(buf);
    const text = buf.toString('latin1');
    // the fewest bytes a record can have: `<mode> blob <40 hex>\t<one byte>\0`
    const cap = Math.floor(buf.length / 55) + 1;
    const starts = new Int32Array(cap);
    const tabs = new Int32Array(cap);
    const ends = new Int32Array(cap);
    const paths = [];
    let n = 0;
    for (let start = 0, end = text.indexOf('\0'); end >= 0; start = end + 1, end = text.indexOf('\0', start)) {
        const tab = text.indexOf('\t', start);
        starts[n] = start;
        tabs[n] = tab;
        ends[n] = end;
        paths.push(text.slice(tab + 1, end));
        n++;
    }
    return new Listing(buf, starts.subarray(0, n), tabs.subarray(0, n), ends.subarray(0, n), paths);
}
/** {@link parseListing} for output with non-ASCII paths: byte offsets, each path decoded as UTF-8. */
function parseListingBytes(buf) {
    let n = 0;
    for (let p = buf.indexOf(0); p >= 0; p = buf.indexOf(0, p + 1))
        n++;
    const starts = new Int32Array(n);
    const tabs = new Int32Array(n);
    const ends = new Int32Array(n);
    const paths = new Array(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
        const tab = buf.indexOf(9, start);
        const end = buf.indexOf(0, tab);
        starts[i] = start;
        tabs[i] = tab;
        ends[i] = end;
        paths[i] = buf.toString('utf8', tab + 1, end);
        start = end + 1;
    }
    return new Listing(buf, starts, tabs, ends, paths);
}
const typeOf = (mode) => (mode === '160000' ? 'commit' : mode === '040000' ? 'tree' : 'blob');
/** A listing made from entries (files on disk, the index), sorted by path bytes as git sorts them. */
function git_listingFromEntries(entries) {
    const keyed = entries.map(e => ({ e, key: Buffer.from(e.path, 'utf8') }));
    keyed.sort((a, b) => Buffer.compare(a.key, b.key));
    const buf = Buffer.from(keyed.map(({ e }) => `${e.mode} ${typeOf(e.mode)} ${e.oid}\t${e.path}\0`).join(''), 'utf8');
    return parseListing(buf);
}
/** SHA-256 over the records of the selected files (indices ascending), one update per contiguous run. */
function git_digestListing(l, selected) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (let k = 0; k < selected.length;) {
        const first = selected[k];
        let last = first;
        while (k + 1 < selected.length && selected[k + 1] === last + 1)
            last = selected[++k];
        k++;
        h.update(l.buf.subarray(l.starts[first], l.ends[last] + 1));
    }
    return h.digest('hex');
}
/**
 * `git ls-tree -r HEAD`: committed files with their modes and blob ids, without reading a byte
 * of content; only those under `bases` (directories or files relative to the top level, whole
 * path components; '' for all). The records are those of the whole listing, in the same order.
 */
async function headListing(root, bases = ['']) {
    const specs = bases.includes('') ? [] : ['--', ...bases.map(b => `:(top,literal)${b}`)];
    return parseListing(await git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', ...specs]));
}
/** `git ls-files -s`: the index (staged state) with modes and blob ids. */
async function indexEntries(root) {
    const out = [];
    for (const rec of splitZ(await git(root, ['ls-files', '-s', '-z']))) {
        // <mode> SP <oid> SP <stage> TAB <path>
        const tab = rec.indexOf('\t');
        const [mode = '', oid = ''] = rec.slice(0, tab).split(' ');
        out.push({ mode, oid, path: rec.slice(tab + 1) });
    }
    return out;
}
/**
 * Paths whose work-tree state may differ from HEAD (stat-based, may over-report; callers
 * verify), relative to the top level: those the pathspecs match, or all when there are none.
 * A submodule counts only for its recorded commit: git does not look inside its work tree.
 */
async function changedSinceHead(root, pathspecs = []) {
    const args = ['diff-index', '--name-only', '-z', '--no-renames', '--no-relative', '--ignore-submodules=dirty'];
    return splitZ(await git(root, [...args, 'HEAD', '--', ...pathspecs]));
}
/** Paths whose work-tree state may differ from the index (stat-based, may over-report). */
async function changedSinceIndex(root) {
    return splitZ(await git(root, ['diff-files', '--name-only', '-z']));
}
/**
 * Blob ids of work-tree files as git would store them (`git hash-object --stdin-paths`:
 * line-ending and clean filters applied), for the few paths that changed.
 */
async function hashObjects(root, paths) {
    if (paths.length === 0)
        return [];
    const r = await (0,exec/* exec */.m)('git', ['hash-object', '--stdin-paths'], { cwd: root, input: paths.join('\n') + '\n' });
    if (r.code !== 0)
        throw new errors/* ServiceError */._7('git', 'git hash-object', r.stderr.trim() || `exit ${r.code}`);
    return r.stdout.toString('utf8').trim().split('\n');
}
/** Untracked, not ignored files matching the given pathspecs (none: none), relative to the top level. */
async function untrackedMatching(root, pathspecs) {
    if (pathspecs.length === 0)
        return [];
    return splitZ(await git(root, ['ls-files', '-o', '--exclude-standard', '--full-name', '-z', '--', ...pathspecs]));
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/manifest/patterns.ts



/** Characters picomatch gives a meaning that gitignore does not: literal in a manifest. */
const PICO_ONLY = new Set(['(', ')', '{', '}', '|', '+', '@', '$', '^']);
/**
 * Rewrites a gitignore glob (`*`, `?`, `[...]` with `!` for "not", `**`, `\x` escapes)
 * for picomatch, escaping what picomatch alone treats specially; and gives the literal
 * text when the glob has no wildcard at all.
 */
function gitGlob(p) {
    let glob = '';
    let literal = '';
    let wild = false;
    let inClass = false;
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '\\' && i + 1 < p.length) {
            const n = p[++i];
            glob += `\\${n}`;
            literal += n;
            continue;
        }
        if (inClass) {
            glob += c;
            if (c === ']')
                inClass = false;
            continue;
        }
        if (c === '[' && p.indexOf(']', i + 2) > 0) {
            wild = inClass = true;
            glob += '[';
            if (p[i + 1] === '!') {
                glob += '^';
                i++;
            }
            continue;
        }
        if (c === '*' || c === '?')
            wild = true;
        glob += PICO_ONLY.has(c) ? `\\${c}` : c;
        literal += c;
    }
    return { glob, literal: wild ? undefined : literal };
}
/**
 * Parses an `.image-manifest`: one gitignore-style pattern per line, `#` comments,
 * blank lines, `!` negation, `\#`/`\!` escapes, trailing `/` for directories. A
 * pattern without a slash matches at any depth; with one it is anchored to the root.
 * A pattern that names a directory covers everything under it.
 */
function parseManifest(text, file) {
    const out = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = i + 1;
        let p = raw.replace(/(?<!\\)\s+$/, '');
        if (p === '' || p.startsWith('#'))
            return;
        let negated = false;
        if (p.startsWith('!')) {
            negated = true;
            p = p.slice(1);
        }
        else if (p.startsWith('\\#') || p.startsWith('\\!')) {
            p = p.slice(1);
        }
        const where = { file, line, col: 1, key: raw.trim() };
        if (p === '' || p === '/')
            throw new errors/* ConfigError */.xL(`empty pattern '${raw.trim()}'`, where);
        const dirOnly = p.endsWith('/');
        if (dirOnly)
            p = p.replace(/\/+$/, '');
        const anchored = p.startsWith('/') || p.includes('/');
        p = p.replace(/^\/+/, '');
        // `\.\./x`, `.\./x` and `..\/x` are `../x` once the escapes are read: check the unescaped path
        const unescaped = p.replace(/\\(.)/g, '$1');
        const norm = external_node_path_.posix.normalize(unescaped);
        if (norm === '..' || norm.startsWith('../') || unescaped.split('/').includes('..')) {
            throw new errors/* ConfigError */.xL(`pattern '${raw.trim()}' escapes the repository: manifest paths are relative to the repository root`, where);
        }
        if (/^[A-Za-z]:[\\/]/.test(p))
            throw new errors/* ConfigError */.xL(`pattern '${raw.trim()}' is an absolute path`, where);
        const { glob, literal } = gitGlob(p);
        out.push({
            line,
            source: raw.trim(),
            negated,
            ...compile(anchored ? glob : `**/${glob}`, dirOnly, anchored ? literal : undefined, anchored),
            pathspecs: pathspecsOf(anchored ? p : `**/${p}`, anchored ? literal : undefined),
        });
    });
    return out;
}
/**
 * git pathspecs that cover a pattern and everything under what it matches. git matches a
 * literal pathspec by prefix (a directory covers its files) without any glob matching; a glob
 * (git's glob magic reads a gitignore glob the same way: `*` stays in a component) needs a
 * second pathspec for the files under what it matches, unless it already ends in `/**`.
 */
function pathspecsOf(spec, literal) {
    if (literal !== undefined)
        return [`:(top,literal)${literal}`];
    return spec.endsWith('/**') ? [`:(top,glob)${spec}`] : [`:(top,glob)${spec}`, `:(top,glob)${spec}/**`];
}
/**
 * The git pathspecs of a manifest's positive patterns, without repeats: what git is asked
 * about when it looks for uncommitted and untracked listed files.
 */
function manifestPathspecs(patterns) {
    return [...new Set(patterns.filter(p => !p.negated).flatMap(p => p.pathspecs))];
}
/**
 * A path test for one pattern: the pattern itself, or anything under it (a pattern
 * naming a directory covers its files). Literal names and `dir/**` become string
 * tests; everything else a plain RegExp (picomatch's matcher allocates result objects
 * on every call, and a manifest is tested against every file in the repository).
 */
function compile(glob, dirOnly, literal, anchored) {
    if (literal !== undefined) {
        const under = `${literal}/`;
        return { test: dirOnly ? p => p.startsWith(under) : p => p === literal || p.startsWith(under), base: literal };
    }
    const scan = picomatch_default().scan(glob);
    const base = anchored ? scan.base.replace(/\\(.)/g, '$1') : '';
    if (anchored && scan.glob === '**' && base && !/[\\*?[]/.test(scan.base)) {
        // `dir/**`: everything inside dir, not a file named dir
        const under = `${base}/`;
        return { test: p => p.startsWith(under), base };
    }
    const globs = dirOnly ? [`${glob}/**/*`] : glob.endsWith('/**') ? [`${glob}/*`] : [glob, `${glob}/**/*`];
    const res = globs.map(g => picomatch_default().makeRe(g, { dot: true, noextglob: true, nobrace: true }));
    return { test: res.length === 1 ? p => res[0].test(p) : p => res.some(r => r.test(p)), base };
}
/**
 * The static directory prefixes under which any positive pattern can match (for
 * walking a tree outside git without visiting unrelated directories). '' means the
 * whole tree.
 */
function patternBases(patterns) {
    const bases = new Set();
    for (const p of patterns) {
        if (p.negated)
            continue;
        if (p.base === '')
            return [''];
        bases.add(p.base);
    }
    return [...bases];
}
/**
 * Selects the paths a manifest lists: the last pattern that matches a path decides,
 * as in gitignore. Returns the indices of the selected paths (in input order) and the
 * positive patterns that matched nothing.
 */
function selectIndices(paths, patterns) {
    const selected = [];
    const matched = new Uint8Array(patterns.length);
    let pending = patterns.filter(p => !p.negated).length;
    const n = patterns.length;
    for (let k = 0; k < paths.length; k++) {
        const path = paths[k];
        let decided = -1;
        for (let i = n - 1; i >= 0; i--) {
            if (patterns[i].test(path)) {
                decided = i;
                break;
            }
        }
        if (decided >= 0) {
            if (!patterns[decided].negated)
                selected.push(k);
            if (!matched[decided]) {
                matched[decided] = 1;
                if (!patterns[decided].negated)
                    pending--;
            }
        }
        // Patterns shadowed by a later one still count as matching something.
        if (pending > 0) {
            for (let i = 0; i < decided; i++) {
                if (!matched[i] && !patterns[i].negated && patterns[i].test(path)) {
                    matched[i] = 1;
                    pending--;
                }
            }
        }
    }
    return { selected, unmatched: patterns.filter((p, i) => !p.negated && !matched[i]) };
}
/** {@link selectIndices}, returning the selected paths themselves. */
function selectPaths(paths, patterns) {
    const r = selectIndices(paths, patterns);
    return { selected: r.selected.map(i => paths[i]), unmatched: r.unmatched };
}

;// CONCATENATED MODULE: ./src/manifest/hash.ts







/** Git's blob id of some content (`git hash-object`), so disk files hash like committed ones. */
function blobId(content, algo = 'sha1') {
    return (0,external_node_crypto_.createHash)(algo).update(`blob ${content.length}\0`).update(content).digest('hex');
}
/**
 * Work-tree entries of changed paths in a git checkout: regular files hashed by git
 * itself (so line-ending and filter rules apply), symlinks by their target.
 */
async function worktreeEntries(root, paths, algo) {
    const out = new Map();
    const files = [];
    const realRoot = await (0,promises_.realpath)(root);
    await Promise.all(paths.map(async (path) => {
        // beyond a symbolic link (a directory replaced by a link) the path is gone, as git sees it
        if (await throughLink(root, realRoot, path))
            return;
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, path)).catch(() => undefined);
        if (!st)
            return;
        if (st.isSymbolicLink()) {
            const e = await diskEntry(root, path, algo);
            if (e)
                out.set(path, e);
        }
        else if (st.isFile())
            files.push({ path, mode: st.mode & 0o100 ? '100755' : '100644' });
    }));
    const oids = await hashObjects(root, files.map(f => f.path));
    files.forEach((f, i) => out.set(f.path, { mode: f.mode, oid: oids[i], path: f.path }));
    return out;
}
/** Mode and blob id of a file on disk, as git would record them; undefined if it is gone or a directory. */
async function diskEntry(root, path, algo = 'sha1') {
    const abs = (0,external_node_path_.join)(root, path);
    let st;
    try {
        st = await (0,promises_.lstat)(abs);
    }
    catch {
        return undefined;
    }
    if (st.isSymbolicLink())
        return { mode: '120000', oid: blobId(Buffer.from(await (0,promises_.readlink)(abs), 'utf8'), algo), path };
    if (!st.isFile())
        return undefined;
    return { mode: st.mode & 0o100 ? '100755' : '100644', oid: blobId(await (0,promises_.readFile)(abs), algo), path };
}
/**
 * The hash of a set of files, independent of the order they were found in: SHA-256
 * over their `git ls-tree -r -z` records (`<mode> <type> <id>\t<path>\0`) in path
 * order, i.e. `git ls-tree -r -z --full-tree HEAD -- <files> | sha256sum`.
 */
function digestEntries(entries) {
    const l = listingFromEntries(entries);
    return digestListing(l, l.paths.map((_, i) => i));
}
function inside(path, root) {
    return path === root || path.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`);
}
/** Whether a directory on the way to `path` is reached through a symbolic link (read: would be followed). */
async function throughLink(root, realRoot, path) {
    const parent = (0,external_node_path_.dirname)(path);
    if (parent === '.' || parent === '')
        return false;
    const real = await (0,promises_.realpath)((0,external_node_path_.join)(root, parent)).catch(() => undefined);
    return real !== undefined && real !== (0,external_node_path_.join)(realRoot, parent);
}
/**
 * Outside git, the directories a pattern names are read from disk: refuses a pattern whose
 * static part goes through a symbolic link that leads out of the repository (`etclink/hostname`
 * with etclink -> /etc). Links inside the repository are not followed either: git records
 * a link, never what is beyond it.
 */
async function confine(root, realRoot, p, file) {
    const parts = p.base.split('/');
    for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, rel)).catch(() => undefined);
        if (!st)
            return;
        if (!st.isSymbolicLink())
            continue;
        if (i === parts.length)
            return; // the last part is a link: hashed (or matched) as one, never followed
        const target = await (0,promises_.realpath)((0,external_node_path_.join)(root, rel)).catch(() => undefined);
        if (target === undefined || !inside(target, realRoot)) {
            throw new errors/* ConfigError */.xL(`pattern '${p.source}' leaves the repository through the symbolic link ${rel}${target ? ` (to ${target})` : ''}`, { file, line: p.line }, { hint: 'List files inside the repository; a link is hashed as a link, never followed.' });
        }
        return;
    }
}
/**
 * The paths on disk at or under `base` (a file, or a directory's files and links, `.git` left
 * out), in no particular order. A path that is gone, or a directory that is gone by the time it is
 * reached, gives nothing; one replaced by a file is listed as that file.
 */
async function listDisk(root, base, out) {
    const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, base)).catch(() => undefined);
    if (!st)
        return;
    if (!st.isDirectory()) {
        if (base)
            out.push(base);
        return;
    }
    await walk(root, async (e) => {
        if (e.name === '.git')
            return false;
        if (!e.dirent.isDirectory()) {
            out.push(e.rel);
            return false;
        }
        const now = await (0,promises_.lstat)(e.abs).catch(() => undefined);
        if (now && !now.isDirectory())
            out.push(e.rel);
        return now?.isDirectory() === true;
    }, { from: base, sort: false });
}
/**
 * A manifest's text: UTF-8 with no NUL byte, or a ConfigError at the first bad line (bad
 * bytes would otherwise become patterns, and NULs reach the terminal).
 */
function decodeManifest(bytes, label) {
    const at = (offset) => bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const nul = bytes.indexOf(0);
    if (nul >= 0)
        throw new errors/* ConfigError */.xL('the image manifest contains a NUL byte', { file: label, line: at(nul) });
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        // the first byte sequence that is not UTF-8: decode line by line to find it
        let offset = 0;
        for (const line of bytes.toString('latin1').split('\n')) {
            const raw = bytes.subarray(offset, offset + line.length);
            try {
                new TextDecoder('utf-8', { fatal: true }).decode(raw);
            }
            catch {
                throw new errors/* ConfigError */.xL('the image manifest is not valid UTF-8', { file: label, line: at(offset) });
            }
            offset += line.length + 1;
        }
        throw new errors/* ConfigError */.xL('the image manifest is not valid UTF-8', { file: label });
    }
}
/** The manifest's bytes, or why they cannot be read (reported once its label is known). */
async function readManifest(path) {
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (e) {
        return e;
    }
}
function manifestText(bytes, label) {
    if (Buffer.isBuffer(bytes))
        return decodeManifest(bytes, label);
    const code = bytes.code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(bytes)})`;
    throw new errors/* ConfigError */.xL(`image manifest ${why}`, { file: label }, {
        hint: 'List the files that define the image, one glob per line, in .image-manifest (or set image.manifest in trainer.yml).',
    });
}
function algoOf(entries) {
    return entries[0]?.oid.length === 64 ? 'sha256' : 'sha1';
}
/**
 * Hashes the files an `.image-manifest` lists. In a git checkout it uses the blob
 * ids git already has (HEAD's tree, or the index for `includeWorktree`), reading
 * file content only where git cannot vouch for it; outside git it hashes the files
 * on disk the same way, so the same content gives the same tag everywhere.
 */
async function hashManifest(o) {
    const cwd = (0,external_node_path_.resolve)(o.cwd);
    const manifestPath = (0,external_node_path_.isAbsolute)(o.manifest) ? o.manifest : (0,external_node_path_.resolve)(cwd, o.manifest);
    const [top, bytes] = await Promise.all([gitTopLevel(cwd), readManifest(manifestPath)]);
    const root = top ?? cwd;
    const manifestRel = (0,external_node_path_.relative)(root, manifestPath).split(external_node_path_.sep).join('/');
    const manifestLabel = manifestRel.startsWith('..') ? manifestPath : manifestRel;
    const text = manifestText(bytes, manifestLabel);
    const patterns = parseManifest(text, manifestLabel);
    if (patterns.every(p => p.negated))
        throw new errors/* ConfigError */.xL(`image manifest ${manifestLabel} lists no files`, { file: manifestLabel });
    // HEAD is listed under the manifest's own directories only (all of it once a pattern is
    // unanchored), and the work-tree checks start at the same time: git runs all three while
    // this process selects and hashes.
    const tree = top !== undefined && !o.includeWorktree ? headListing(top, patternBases(patterns)) : undefined;
    tree?.catch(() => undefined);
    const changed = tree && top !== undefined ? uncommittedCandidates(top, patterns) : undefined;
    changed?.catch(() => undefined);
    let listing;
    let selected;
    let source;
    let unmatched;
    const all = (l) => Array.from({ length: l.length }, (_, i) => i);
    if (top === undefined) {
        source = 'disk';
        const realRoot = await (0,promises_.realpath)(root);
        for (const p of patterns)
            if (!p.negated && p.base !== '')
                await confine(root, realRoot, p, manifestLabel);
        const paths = [];
        for (const base of patternBases(patterns)) {
            if (!(await throughLink(root, realRoot, base)))
                await listDisk(root, base, paths);
        }
        const sel = selectPaths([...new Set(paths)], patterns);
        unmatched = sel.unmatched;
        const entries = await Promise.all(sel.selected.map(p => diskEntry(root, p)));
        listing = git_listingFromEntries(entries.filter((e) => e !== undefined));
        selected = all(listing);
    }
    else if (o.includeWorktree) {
        source = 'worktree';
        const [index, changed] = await Promise.all([indexEntries(root), changedSinceIndex(root)]);
        const sel = selectIndices(index.map(e => e.path), patterns);
        unmatched = sel.unmatched;
        const dirty = new Set(changed);
        const picked = sel.selected.map(i => index[i]);
        // a submodule is its recorded commit; files that changed are hashed as git would store them
        const now = await worktreeEntries(root, picked.filter(e => dirty.has(e.path) && e.mode !== '160000').map(e => e.path), algoOf(index));
        const entries = picked.map(e => (dirty.has(e.path) && e.mode !== '160000' ? now.get(e.path) : e));
        listing = git_listingFromEntries(entries.filter((e) => e !== undefined));
        selected = all(listing);
    }
    else {
        source = 'head';
        // Select and hash while git is still comparing the work tree with HEAD.
        try {
            listing = await tree;
        }
        catch (e) {
            throw new errors/* ConfigError */.xL(`cannot read HEAD of the repository at ${root}: ${e instanceof Error ? e.message : String(e)}`, { file: manifestLabel }, {
                hint: 'The tag hashes committed files: commit them first, or pass include-worktree to hash the work tree.',
            });
        }
        const sel = selectIndices(listing.paths, patterns);
        unmatched = sel.unmatched;
        selected = sel.selected;
    }
    for (const p of unmatched)
        o.log.warning(`pattern '${p.source}' matches no ${source === 'disk' ? '' : 'committed '}file`, {
            file: manifestLabel,
            line: p.line,
        });
    if (selected.length === 0) {
        throw new errors/* ConfigError */.xL(`image manifest ${manifestLabel} matches no ${source === 'head' ? 'committed ' : ''}file`, { file: manifestLabel }, {
            hint: source === 'head'
                ? 'Files must be committed to count; commit them or pass include-worktree.'
                : 'Check the globs against the repository layout.',
        });
    }
    const hash = git_digestListing(listing, selected);
    if (source === 'head')
        await warnUncommitted(root, await changed, listing, patterns, o.log);
    const l = listing;
    let files;
    return {
        hash,
        tag: hash.slice(-o.tagLength),
        count: selected.length,
        get files() {
            return (files ??= selected.map(i => l.entry(i)));
        },
        source,
        root,
        manifest: manifestLabel,
    };
}
/**
 * Beyond this many pathspecs that git must glob-match against every tracked path (an unanchored
 * `*.toml` or `Dockerfile`: about 5 ms per 100,000 files each), comparing every tracked file's
 * stat (about 70 ms per 100,000) is cheaper than narrowing the comparison to the manifest's paths.
 */
const MAX_UNANCHORED_PATHSPECS = 8;
/**
 * Listed paths that may differ from HEAD: tracked files git sees changed (stat-based) and
 * untracked files, asked of git at once and limited to the manifest's own paths. Paths are
 * relative to `top`; callers keep the listed ones and compare them with HEAD.
 */
async function uncommittedCandidates(top, patterns) {
    const specs = manifestPathspecs(patterns);
    const unanchored = specs.filter(s => s.startsWith(':(top,glob)**/')).length;
    const [edited, fresh] = await Promise.all([
        changedSinceHead(top, unanchored > MAX_UNANCHORED_PATHSPECS ? [] : specs),
        untrackedMatching(top, specs).catch(() => []),
    ]);
    return [...edited, ...fresh];
}
/** Warns, per listed file, when the work tree differs from HEAD: the tag would not reflect it. */
async function warnUncommitted(root, changed, tree, patterns, log) {
    const listed = selectPaths(changed, patterns).selected;
    if (listed.length === 0)
        return;
    const wanted = new Set(listed);
    const head = new Map();
    tree.paths.forEach((p, i) => {
        if (wanted.has(p))
            head.set(p, tree.entry(i));
    });
    const algo = tree.length && tree.entry(0).oid.length === 64 ? 'sha256' : 'sha1';
    const current = await worktreeEntries(root, listed.filter(p => head.get(p)?.mode !== '160000'), algo);
    const limit = 20;
    let n = 0;
    for (const path of listed) {
        const committed = head.get(path);
        if (committed?.mode === '160000')
            continue; // submodule: its own repository
        const now = current.get(path);
        let why;
        if (!committed)
            why = now ? 'is not committed' : undefined;
        else if (!now)
            why = 'is deleted in the work tree';
        else if (now.oid !== committed.oid)
            why = 'has uncommitted changes';
        else if (now.mode !== committed.mode)
            why = `has an uncommitted mode change (${committed.mode} → ${now.mode})`;
        if (!why)
            continue;
        if (++n <= limit)
            log.warning(`${path} ${why}: the tag hashes HEAD and does not reflect it`, { file: path });
    }
    if (n > limit)
        log.warning(`${n - limit} more listed files differ from HEAD`);
}


/***/ })

};
