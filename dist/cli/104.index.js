export const id = 104;
export const ids = [104,127];
export const modules = {

/***/ 96591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HashInputs: () => (/* binding */ HashInputs),
/* harmony export */   hash: () => (/* binding */ hash)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74528);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61036);
/* harmony import */ var _image_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80283);
/* harmony import */ var _image_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69692);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67127);
/* harmony import */ var _manifest_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82219);






/** Inputs of actions/hash, keyed by their action.yml names. */
const HashInputs = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    manifest: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.optString)(),
    config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.optString)(),
    'tag-length': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.optInt)(4, 64),
    'include-worktree': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.bool)(false),
    check: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.bool)(false),
    name: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.optString)(),
    registry: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.optString)(),
});
/**
 * Hashes the files the image manifest lists: outputs `hash`, `tag` and `files` (count). With
 * `check`, also asks the registry whether the image with that tag is there (one HEAD, under
 * the same credential and realm rules as the build) and outputs `image` and `exists`, so a
 * workflow can run its own builder (docker/build-push-action) only when needed.
 */
async function hash(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_3__.readInputs)(io, HashInputs);
    const { config, file } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z)(io.workspace, i.config);
    const s = await (0,_image_settings_js__WEBPACK_IMPORTED_MODULE_2__.imageSettings)(io.workspace, config.image, file, { manifest: i.manifest, 'tag-length': i['tag-length'], name: i.name, registry: i.registry }, io.env);
    let r;
    if (i.check) {
        // the registry client loads only for a check
        const { imageRegistry } = await Promise.all(/* import() */[__webpack_require__.e(718), __webpack_require__.e(641)]).then(__webpack_require__.bind(__webpack_require__, 16641));
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
        r = await (0,_manifest_hash_js__WEBPACK_IMPORTED_MODULE_4__/* .hashManifest */ .sP)({
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
    await io.summary((0,_image_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .hashSummary */ .R)(r));
    return r;
}


/***/ }),

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

/***/ 61036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony export DEFAULT_CONFIG */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73713);



const DEFAULT_CONFIG = 'trainer.yml';
/**
 * Loads the configuration: `path` when given (it must exist), else trainer.yml in
 * `cwd` when present, else the built-in defaults.
 */
async function loadConfig(cwd, path) {
    const explicit = path !== undefined && path !== '';
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, explicit ? path : DEFAULT_CONFIG);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        if (!explicit && e.code === 'ENOENT')
            return { config: {}, file: undefined };
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`config file ${path ?? file} cannot be read: ${e.code ?? String(e)}`, { file: path ?? file });
    }
    const label = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path ?? '') ? file : explicit ? path : DEFAULT_CONFIG;
    // The YAML parser loads only when there is a file to parse (start-up time of the small actions).
    const { parseConfig } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 58353));
    return { config: parseConfig(text, label), file };
}


/***/ }),

/***/ 80283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ buildSummary),
  R: () => (/* binding */ hashSummary)
});

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** Inline code that survives backticks in the text. */
function code(text) {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}
/** A two-column key/value table. */
function kvTable(rows) {
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
        kvTable([
            ['tag', code(r.tag)],
            ['sha256', code(r.hash)],
            ['manifest', code(r.manifest)],
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


/***/ }),

/***/ 67127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bool: () => (/* binding */ bool),
/* harmony export */   inputFlags: () => (/* binding */ inputFlags),
/* harmony export */   keyValues: () => (/* binding */ keyValues),
/* harmony export */   lines: () => (/* binding */ lines),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   optInt: () => (/* binding */ optInt),
/* harmony export */   optString: () => (/* binding */ optString),
/* harmony export */   readInputs: () => (/* binding */ readInputs),
/* harmony export */   required: () => (/* binding */ required)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29396);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74528);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/**
 * How an input is given as a command-line flag where it is not a plain value: `switch`, a boolean
 * input (`--force`); `repeated`, an input that takes items one per line (`--x a --x b`).
 */
const flagForms = zod__WEBPACK_IMPORTED_MODULE_1__/* .registry */ .u5();
/** An optional string input: '' (unset) becomes undefined. */
const optString = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform(s => (s.trim() === '' ? undefined : s.trim()));
/** A boolean input: only the YAML 1.2 core set, like core.getBooleanInput; '' takes the default. */
const bool = (dflt) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return dflt;
    if (TRUE.includes(v))
        return true;
    if (FALSE.includes(v))
        return false;
    ctx.addIssue({ code: 'custom', message: `'${v}' is not a boolean (use true or false)` });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
})
    .register(flagForms, { flag: 'switch' });
/** An optional integer input within bounds. */
const optInt = (min, max) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `'${v}' is not an integer from ${min} to ${max}` });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return n;
});
/** A list input: one item per line, commas also separate (docker/actions-toolkit getInputList). */
const list = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform(s => s
    .split(/\r?\n|,/)
    .map(x => x.trim())
    .filter(x => x !== ''))
    .register(flagForms, { flag: 'repeated' });
/** A list input with one item per line and no other separator (items may hold commas). */
const lines = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform(s => s
    .split(/\r?\n/)
    .map(x => x.trim())
    .filter(x => x !== ''))
    .register(flagForms, { flag: 'repeated' });
/** KEY=VALUE pairs, one per line (values may contain commas and '='). */
const keyValues = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform((s, ctx) => {
    const out = {};
    for (const line of s.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const i = line.indexOf('=');
        if (i <= 0) {
            ctx.addIssue({ code: 'custom', message: `'${line.trim()}' is not KEY=VALUE` });
            return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`Input '${key}': ${issue?.message ?? 'invalid'}`, { key });
}
/** Marks an input as required, with codeql's wording. */
function required(value, name) {
    if (value === undefined || value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`Input required and not supplied: ${name}`, { key: name });
    return value;
}


/***/ })

};
