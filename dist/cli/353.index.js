export const id = 353;
export const ids = [353,734];
export const modules = {

/***/ 44534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z6: () => (/* binding */ NEVER_ENV),
/* harmony export */   t7: () => (/* binding */ runEnvironment),
/* harmony export */   xO: () => (/* binding */ neverPassed)
/* harmony export */ });
/* unused harmony exports BASE_ENV, BASE_ENV_PREFIXES, NEVER_ENV_PREFIXES, CONTAINER_ENV, CONTAINER_ENV_PREFIXES */
/**
 * The environment a run gets from its launcher: never the launcher's whole environment,
 * which holds the registry password, GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN and whatever else
 * the workflow or the laptop has. A run gets what a process needs to start (PATH, HOME,
 * locale, time zone, temp dir), the knobs of numeric and GPU libraries, the `trainer run`
 * upload knobs, and the variables its experiment names in trainer.yml `env:`.
 */
const BASE_ENV = [
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
];
/** Families passed by prefix: locale categories and `trainer run`'s upload knobs. */
const BASE_ENV_PREFIXES = ['LC_', 'TRAINER_UPLOAD_'];
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
const CONTAINER_ENV = ['LOG_LEVEL'];
const CONTAINER_ENV_PREFIXES = ['TRAINER_UPLOAD_'];
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


/***/ }),

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

/***/ 58353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   experimentLine: () => (/* binding */ experimentLine),
/* harmony export */   parseConfig: () => (/* binding */ parseConfig)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28315);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90131);




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
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent)) {
            const item = parent.items.find(it => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(it.key) && it.key.value === bad);
            if (item && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key))
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
    return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${key ? `${key}: ` : ''}${message}`, {
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
    let s = unwrap(_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigSchema */ .Sk, v);
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
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(params))
            continue;
        for (const item of params.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.value) || typeof item.value.value !== 'number')
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
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
        const pos = lc.linePos(err.pos[0]);
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`invalid YAML: ${err.message.split('\n')[0]}`, { file, line: pos.line, col: pos.col });
    }
    const data = doc.toJS() ?? {};
    // a key that would set an object's prototype where a plain object takes it (zod's records do)
    const proto = protoKeyPath(data);
    if (proto)
        throw locate(doc, lc, file, { code: 'custom', path: proto, message: "'__proto__' cannot be a key", input: undefined }, data);
    const r = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigSchema */ .Sk.safeParse(data);
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
            const name = kind === 'params' ? valid.find(v => (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .normKey */ .MI)(v) === (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .normKey */ .MI)(key)) : valid.find(v => v === key);
            const where = (message) => locate(doc, lc, file, { code: 'custom', path: ['schedules', sname, kind, key], message, input: undefined }, data);
            if (name === undefined) {
                const guess = (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .nearest */ .pA)(key, valid);
                throw where(`experiment '${s.experiment}' has no parameter '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`);
            }
            for (const v of values)
                try {
                    (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .coerce */ .au)(name, String(v), defaults[name], `schedule ${sname}`, exp['param-types']?.[name]);
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
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lc, prettyErrors: false });
    const exps = doc.get('experiments', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(exps))
        return undefined;
    const item = exps.items.find(i => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(i.key) && String(i.key.value) === name);
    const at = item && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) ? item.key.range?.[0] : undefined;
    return at === undefined ? undefined : lc.linePos(at).line;
}


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

/***/ 28315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ normKey),
/* harmony export */   Sq: () => (/* binding */ selectSeed),
/* harmony export */   au: () => (/* binding */ coerce),
/* harmony export */   iu: () => (/* binding */ applyOverrides),
/* harmony export */   pA: () => (/* binding */ nearest)
/* harmony export */ });
/* unused harmony exports distance, paramType, fallbackSeed */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);


/** Edit distance, for "did you mean" suggestions. */
function distance(a, b) {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = d[0];
        d[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = d[j];
            d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return d[b.length];
}
/** The closest of `choices` to `name`, when it is close enough to be a typo. */
function nearest(name, choices) {
    let best;
    let bestD = Infinity;
    for (const c of choices) {
        const dd = distance(name.toLowerCase(), c.toLowerCase());
        if (dd < bestD)
            [best, bestD] = [c, dd];
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
/** Parameter names match across `_` and `-` (seed 000: `--override-batch-size` sets `batch_size`). */
const normKey = (k) => k.replace(/-/g, '_');
/** The type a parameter keeps: declared, else its default's (a whole number is an int). */
function paramType(dflt, declared) {
    if (declared)
        return declared;
    if (typeof dflt === 'boolean')
        return 'bool';
    if (typeof dflt === 'string')
        return 'string';
    if (typeof dflt === 'number')
        return Number.isInteger(dflt) ? 'int' : 'float';
    return undefined;
}
const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Coerces an override (text from a command line, or a typed YAML value of a sweep) to the
 * parameter's type, which it must keep: an int takes whole numbers in decimal, a float
 * decimal or exponent notation, a bool true or false. `0x10`, `1_000`, `2.5` for an int, or
 * `inf`, are errors at plan time. Without a default or declared type, numbers and booleans
 * are recognised.
 */
function coerce(key, raw, dflt, where, declared) {
    const type = paramType(dflt, declared);
    const shown = dflt === undefined ? '' : ` (default ${String(dflt)})`;
    const bad = (what) => new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: ${key}=${String(raw)} is not ${what}${shown}`, { key });
    if (typeof raw !== 'string') {
        if (type === 'int' && !(typeof raw === 'number' && Number.isInteger(raw)))
            throw bad('a whole number');
        if (type === 'float' && typeof raw !== 'number')
            throw bad('a number');
        if (type === 'bool' && typeof raw !== 'boolean')
            throw bad('true or false');
        if (type === 'string')
            return String(raw);
        return raw;
    }
    const v = raw.trim();
    switch (type) {
        case 'int':
            if (!INT_TEXT.test(v) || !Number.isSafeInteger(Number(v)))
                throw bad('a whole number');
            return Number(v);
        case 'float':
            if (!FLOAT_TEXT.test(v) || !Number.isFinite(Number(v)))
                throw bad('a number');
            return Number(v);
        case 'bool':
            if (v === 'true' || v === 'True')
                return true;
            if (v === 'false' || v === 'False')
                return false;
            throw bad('true or false');
        case 'string':
            return raw;
        case undefined:
            if (FLOAT_TEXT.test(v))
                return Number(v);
            if (v === 'true' || v === 'false')
                return v === 'true';
            return raw;
    }
}
/** seed 000's deterministic fallback seed: derived from the experiment name and run index. */
function fallbackSeed(experiment, index) {
    return parseInt((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${experiment}/${index}`).digest('hex').slice(0, 8), 16) % 2 ** 31;
}
/**
 * Seed selection, exactly as seed 000 says: `seeds[run_index]` when present; an
 * explicit seed overrides; `prefer-config-seed: false` forces the explicit seed or a
 * deterministic fallback.
 */
function selectSeed(experiment, runIndex, rule) {
    if (rule.explicit !== undefined)
        return { seed: rule.explicit, source: 'explicit' };
    const fromConfig = rule.preferConfig ? rule.seeds?.[runIndex] : undefined;
    if (fromConfig !== undefined)
        return { seed: fromConfig, source: 'config' };
    return { seed: fallbackSeed(experiment, runIndex), source: 'fallback' };
}
/**
 * Experiment defaults, then this launch's overrides. Unknown keys are an error that
 * lists the valid ones.
 */
function applyOverrides(experiment, defaults, overrides, extraKeys = [], types = {}) {
    const params = { ...defaults };
    const applied = {};
    const valid = [...new Set([...Object.keys(defaults), ...extraKeys])];
    const byNorm = new Map(valid.map(k => [normKey(k), k]));
    const given = new Map();
    for (const [rawKey, raw] of Object.entries(overrides)) {
        const key = byNorm.get(normKey(rawKey));
        const twice = key === undefined ? undefined : given.get(key);
        if (twice !== undefined)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${key} is given twice (as '${twice}' and '${rawKey}')`, { key: rawKey });
        if (key !== undefined)
            given.set(key, rawKey);
        if (key === undefined) {
            const guess = nearest(rawKey, valid);
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`experiment '${experiment}' has no parameter '${rawKey}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`, { key: rawKey });
        }
        const v = coerce(key, raw, defaults[key], `override for '${experiment}'`, types[key]);
        params[key] = v;
        applied[key] = v;
    }
    return { params, applied };
}


/***/ })

};
