export const id = 614;
export const ids = [614];
export const modules = {

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

/***/ 91834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   Uz: () => (/* binding */ RETRYABLE_STATUS),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);

/**
 * HTTP statuses worth another try, for every service this project talks to: time-outs,
 * rate limits and the transient server errors (not 501 Not Implemented or 505).
 */
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const defaultSleep = (ms) => new Promise(r => setTimeout(r, ms));
/** Runs `fn`, retrying only the errors `retryable` names, with quadratic backoff and jitter. */
async function retry(fn, o) {
    const sleep = o.sleep ?? defaultSleep;
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (e) {
            if (attempt >= o.retries || !(o.retryable ?? serviceRetryable)(e))
                throw e;
            const jitter = 0.75 + Math.random() * 0.5;
            const asked = (o.retryAfterMs ?? serviceRetryAfter)(e);
            const delay = asked === undefined
                ? Math.round((attempt + 1) ** 2 * o.retryAfterBase * jitter)
                : Math.min(asked, o.maxRetryAfterMs ?? 60_000);
            o.onRetry?.(e, attempt + 1, delay);
            await sleep(delay);
        }
    }
}
const serviceRetryable = (e) => e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7 && e.retryable;
const serviceRetryAfter = (e) => (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7 ? e.retryAfterMs : undefined);
/** Parses a Retry-After header (seconds or an HTTP date) into ms. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const s = Number(value);
    if (Number.isFinite(s))
        return Math.max(0, s * 1000);
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}


/***/ }),

/***/ 7135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ walk)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Walks a directory tree depth-first, one entry at a time: `visit` sees every entry of a
 * directory (`.` and `..` excepted), and the walker descends into an entry, right after visiting
 * it, only where `visit` says so; everything else (which entries to keep, symlinks, ignore rules,
 * what may have been swapped since `readdir`) is the visitor's. Entries are visited one after
 * another, each visit awaited, so a visitor may stream what it finds. A directory that cannot be
 * read, or a visitor that throws, rejects the walk with that error; nothing is skipped silently.
 */
async function walk(root, visit, o = {}) {
    await walkDir(o.from ?? '', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, o.from ?? ''), visit, o.sort ?? true);
}
async function walkDir(dir, abs, visit, sort) {
    const entries = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(abs, { withFileTypes: true, encoding: 'buffer' })).map(dirent => ({
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
            abs: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, name),
            dirent,
        };
        if (await visit(entry))
            await walkDir(entry.rel, entry.abs, visit, sort);
    }
}


/***/ }),

/***/ 48720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   QS: () => (/* binding */ LAUNCH_ID),
/* harmony export */   Vp: () => (/* binding */ experimentOf),
/* harmony export */   f$: () => (/* binding */ parseOverrides)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RUNS, gridPoints */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28315);



const DEFAULT_MAX_RUNS = 1000;
/** A launch id: letters, digits, `_ . -`, at most 100 (it names job directories and check runs). */
const LAUNCH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
/** The experiment named, or a ConfigError with the nearest name. */
function experimentOf(config, name) {
    const all = config.experiments ?? {};
    // own keys only: `exp=constructor` must not find Object.prototype.constructor
    const e = Object.hasOwn(all, name) ? all[name] : undefined;
    if (e)
        return e;
    const names = Object.keys(all);
    const guess = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .nearest */ .pA)(name, names);
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.length === 0
        ? `unknown experiment '${name}': trainer.yml defines no experiments`
        : `unknown experiment '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; experiments: ${names.join(', ')}`, { key: `experiments.${name}` });
}
/** Every combination of a grid, in a stable order (first key varies slowest). */
function gridPoints(grid) {
    let points = [{}];
    for (const [k, values] of Object.entries(grid))
        points = points.flatMap(p => values.map(v => ({ ...p, [k]: v })));
    return points;
}
const pad = (n, width) => String(n).padStart(width, '0');
/**
 * Materializes a launch: experiment defaults, overrides, the sweep grid (minus its
 * exclusions), and per-run seeds, into fully resolved runs with stable ids. Nothing
 * downstream reads trainer.yml again.
 */
function buildPlan(config, o) {
    const name = o.experiment;
    const exp = experimentOf(config, name);
    const defaults = exp.params ?? {};
    const swept = { ...exp.sweep?.grid };
    for (const [k, values] of Object.entries(o.sweep ?? {})) {
        if (!Object.hasOwn(defaults, k) && !Object.hasOwn(swept, k)) {
            const valid = [...new Set([...Object.keys(defaults), ...Object.keys(swept)])];
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' is not a parameter of '${name}'; parameters: ${valid.join(', ')}`, {
                key: 'sweep',
            });
        }
        if (values.length === 0)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' has no values`, { key: 'sweep' });
        swept[k] = values;
    }
    const types = exp['param-types'] ?? {};
    const { params: base, applied } = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .applyOverrides */ .iu)(name, defaults, o.overrides ?? {}, Object.keys(swept), types);
    // An override of a swept parameter pins it: that dimension collapses to the override.
    // Sweep values take the parameter's type like overrides do.
    const grid = Object.fromEntries(Object.entries(swept)
        .filter(([k]) => !(k in applied))
        .map(([k, values]) => [k, values.map(v => (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .coerce */ .au)(k, v, defaults[k], `sweep of '${name}'`, types[k]))]));
    const exclude = exp.sweep?.exclude ?? [];
    const points = gridPoints(grid).filter(p => !exclude.some(x => Object.entries(x).every(([k, v]) => k in p && p[k] === v)));
    if (points.length === 0) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`the sweep of '${name}' expands to zero runs: every combination is excluded`, {
            key: `experiments.${name}.sweep`,
        });
    }
    if (o.seeds !== undefined && o.runs !== undefined && o.runs !== o.seeds.length)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`runs: ${o.runs} runs per point, but ${o.seeds.length} seeds given: give one or the other`, {
            key: 'runs',
        });
    const seeds = o.seeds?.length ? o.seeds : exp.seeds;
    const replicates = o.runs ?? (o.seeds?.length || undefined) ?? exp.runs ?? (exp.seeds?.length || 1);
    const total = points.length * replicates;
    const max = o.maxRuns ?? config.launch?.['max-runs'] ?? DEFAULT_MAX_RUNS;
    if (total > max) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`'${name}' expands to ${total} runs (${points.length} sweep points × ${replicates} runs), over the limit of ${max}`, { key: 'launch.max-runs' }, { hint: 'Narrow the sweep, or raise launch.max-runs in trainer.yml (or --max-runs).' });
    }
    const rule = {
        seeds,
        explicit: o.seed,
        preferConfig: o.preferConfigSeed ?? exp['prefer-config-seed'] ?? true,
    };
    const width = Math.max(3, String(total - 1).length);
    const backend = o.backend ?? exp.backend ?? 'local';
    const runs = [];
    let index = 0;
    for (const point of points) {
        for (let r = 0; r < replicates; r++) {
            const { seed } = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .selectSeed */ .Sq)(name, r, rule);
            runs.push({
                experiment: name,
                index,
                seed,
                params: { ...base, ...point },
                overrides: { ...applied, ...point },
                point,
                resources: exp.resources ?? {},
                command: exp.command,
                argsStyle: exp['args-style'] ?? 'container-main',
                image: o.image,
                output: `${name}/runs/${pad(index, width)}`,
                outputs: exp.outputs ?? [],
                env: exp.env ?? [],
                backend,
            });
            index++;
        }
    }
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(runs)).digest('hex');
    const launchId = o.launchId ?? defaultLaunchId(name, digest, (o.now ?? (() => new Date()))());
    if (!LAUNCH_ID.test(launchId)) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`launch id '${launchId}' is invalid: letters, digits, _ . - (at most 100)`, {
            key: 'launch-id',
        });
    }
    return { launchId, experiment: name, runs: runs.map(r => ({ id: `${launchId}.${pad(r.index, width)}`, ...r })) };
}
/**
 * `<experiment>-<UTC time>-<plan digest>-<random>`: the time and digest say when and what,
 * the random part makes every launch attempt its own, so two identical launches started in
 * the same second never merge. A deliberate re-launch passes `--launch-id`.
 */
function defaultLaunchId(experiment, digest, now) {
    const t = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    return `${experiment.replace(/[^A-Za-z0-9_.-]/g, '-')}-${t}-${digest.slice(0, 6)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}
/**
 * Parses `key=value` words (a `/train` comment, CLI positionals, lines of the `overrides`
 * input) into overrides. Each word is one override: everything after the first `=` is the
 * value, commas and further `=` included, so `name=a,lr=5` sets `name` to `a,lr=5` and
 * never `lr`. A key given twice is an error rather than a silent last-one-wins.
 */
function parseOverrides(words) {
    const out = Object.create(null);
    for (const w of words) {
        const i = w.indexOf('=');
        if (i <= 0)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`'${w}' is not key=value`, { key: w });
        const key = w.slice(0, i).trim();
        const value = w.slice(i + 1);
        if (value.includes('\0'))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${key}: the value contains a NUL byte`, { key });
        if (Object.hasOwn(out, key))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${key} is given twice ('${key}=${out[key]}' and '${w}')`, { key });
        out[key] = value;
    }
    return out;
}


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


/***/ }),

/***/ 46670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NF: () => (/* binding */ RunOutput),
/* harmony export */   q0: () => (/* binding */ RunMetricsSchema),
/* harmony export */   uY: () => (/* binding */ parseRunMetricsFast),
/* harmony export */   ub: () => (/* binding */ RunSpecSchema)
/* harmony export */ });
/* unused harmony exports CONTRACT_VERSION, RUN_STATUSES, firstIssue */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74528);
/**
 * The run contract: what a launcher hands `trainer run` (TRAINER_RUN_SPEC) and what
 * `trainer run` leaves behind (metrics.json). Writer and reader both go through these
 * schemas, because the launcher and the image may run different releases, and because a
 * run directory is written by the training too: nothing read back from it is trusted
 * until it passes here.
 */


const CONTRACT_VERSION = 1;
const scalar = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()]);
const noNul = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine(s => !s.includes('\0'), `${what} must not contain a NUL byte`);
/**
 * A run directory relative to the results root: POSIX, relative, normalized, no `..`, no
 * empty or dot components (`exp/runs/000`).
 */
const RunOutput = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .min(1)
    .max(1024)
    .refine(p => !p.includes('\\') &&
    !p.includes('\0') &&
    !node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(p) &&
    node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p) === p &&
    p.split('/').every(c => c !== '' && c !== '.' && c !== '..'), 'must be a relative path inside the results root (no "..", no leading "/", no backslashes)');
const RunSpecSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    /** Absent in specs from releases before the contract was versioned: read as 1. */
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(CONTRACT_VERSION).optional(),
    experiment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'experiment names are letters, digits, _ . -'),
    index: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
    seed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional(),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), scalar.refine(v => typeof v !== 'string' || !v.includes('\0'), 'no NUL'))
        .optional(),
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(noNul('a command word').min(1)).min(1),
    argsStyle: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['container-main', 'env']).optional(),
    output: RunOutput.optional(),
    outputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(noNul('an outputs glob').min(1)).optional(),
});
const RUN_STATUSES = ['succeeded', 'failed', 'interrupted', 'timeout', 'config_error', 'upload_failed'];
const finite = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().refine(Number.isFinite, 'must be a finite number');
/** metrics.json as `trainer run` writes it (version 1). */
const RunMetricsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(CONTRACT_VERSION),
    experiment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    run_index: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
    seed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int(),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), scalar),
    tag: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(RUN_STATUSES),
    exit_code: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(4096).nullable(),
    started_at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    ended_at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    duration_s: finite,
    final: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), finite),
    history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), finite)),
});
const RunMetricsHead = RunMetricsSchema.extend({ history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()) });
/**
 * The same contract, read fast: the history (up to tens of thousands of points per run, a
 * thousand runs in a report) is checked by a plain loop instead of a schema per point, with
 * the same rule: each point an object of finite numbers. The same answer as RunMetricsSchema.
 */
function parseRunMetricsFast(raw) {
    const head = RunMetricsHead.safeParse(raw);
    if (!head.success)
        return { success: false, error: firstIssue(head.error) };
    for (const [i, p] of head.data.history.entries()) {
        if (p === null || typeof p !== 'object' || Array.isArray(p))
            return { success: false, error: `history.${i}: not an object` };
        for (const [k, v] of Object.entries(p))
            if (typeof v !== 'number' || !Number.isFinite(v))
                return { success: false, error: `history.${i}.${k}: must be a finite number` };
    }
    return { success: true, data: head.data };
}
/** The first issue of a failed parse, as `path: message`. */
function firstIssue(e) {
    const i = e.issues[0];
    if (!i)
        return 'invalid';
    return `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`;
}


/***/ }),

/***/ 85614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runnerMain: () => (/* binding */ runnerMain)
});

// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/runner/environ.ts
/**
 * Taking a secret out of this process's environment for good. `delete process.env.X` unsets
 * the variable, but the kernel still shows the process's initial environment in
 * /proc/<pid>/environ, to any process of the same user (the training, its parent's
 * environment one `cat` away). That initial environment lies on this process's stack, between
 * `env_start` and `env_end` of /proc/self/stat, and a process may write its own memory
 * through /proc/self/mem: the entry is overwritten there with NUL bytes.
 */

/**
 * Removes the variables `names` from process.env and wipes them from /proc/self/environ.
 * False when they could not be wiped (no /proc, a kernel that refuses): they stay readable
 * there.
 */
function forgetEnv(names) {
    for (const n of names)
        Reflect.deleteProperty(process.env, n);
    let fd;
    try {
        const stat = (0,external_node_fs_.readFileSync)('/proc/self/stat', 'utf8');
        // fields after the command name's ')'; the first is field 3, env_start and env_end are 50 and 51
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const start = Number(fields[47]);
        const end = Number(fields[48]);
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start <= 0 || end <= start)
            return false;
        fd = (0,external_node_fs_.openSync)('/proc/self/mem', 'r+');
        const env = Buffer.alloc(end - start);
        if ((0,external_node_fs_.readSync)(fd, env, 0, env.length, start) !== env.length)
            return false;
        for (let at = 0; at < env.length;) {
            const next = env.indexOf(0, at);
            const stop = next < 0 ? env.length : next;
            const entry = env.toString('latin1', at, stop);
            if (names.some(n => entry.startsWith(`${n}=`))) {
                const zeros = Buffer.alloc(stop - at);
                if ((0,external_node_fs_.writeSync)(fd, zeros, 0, zeros.length, start + at) !== zeros.length)
                    return false;
            }
            at = stop + 1;
        }
        return true;
    }
    catch {
        return false;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/runner/redact.ts
/**
 * Redaction of a secret wherever a piece of it shows up. A pre-signed URL's signature can leak
 * whole, cut (`${URL##*Signature=}`), URL-encoded or base64-encoded: every run of 8 or more
 * characters of any of those forms is replaced, in linear time.
 */
/** The shortest piece of a secret that is redacted. */
const PIECE = 8;
const MARK = '<redacted>';
/** Query parameters that carry the credential of a pre-signed URL (S3, GCS, Azure SAS, tokens). */
const SECRET_PARAM = /sig|token|secret|key|pass|auth/i;
/**
 * The secret values of a URL: the query values whose names say they are credentials (every
 * value when none does), and the userinfo password; each as written in the URL and decoded.
 */
function urlSecrets(url) {
    const u = URL.parse(url);
    if (u === null)
        return [url];
    const pairs = u.search
        .slice(1)
        .split('&')
        .filter(p => p !== '')
        .map(p => [p.slice(0, Math.max(0, p.indexOf('='))), p.slice(p.indexOf('=') + 1)]);
    const named = pairs.filter(([k]) => SECRET_PARAM.test(k));
    const raw = (named.length ? named : pairs).map(([, v]) => v);
    if (u.password !== '')
        raw.push(u.password);
    return [...new Set(raw.flatMap(v => [v, decode(v), decode(v.replace(/\+/g, ' '))]))].filter(v => v !== '');
}
function decode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
/** A secret as it may be printed: raw, URL-encoded, and base64 (standard and URL-safe) at each byte alignment. */
function formsOf(secret) {
    const forms = [secret, encodeURIComponent(secret)];
    const bytes = Buffer.from(secret);
    // base64 of any piece of the secret lines up, but for its ends, with one of these three
    for (let shift = 0; shift < 3; shift++) {
        const b = bytes.subarray(shift);
        forms.push(b.toString('base64').replace(/=+$/, ''), b.toString('base64url'));
    }
    return forms;
}
const BASE = 0x01000193;
/** BASE^PIECE mod 2^32: what the character leaving the window weighs. */
const OUT = Array.from({ length: PIECE }).reduce(h => Math.imul(h, BASE), 1);
const BLOOM_BITS = 20;
/**
 * Replaces every run of {@link PIECE} or more characters of a set of secrets (in any of their
 * forms) with `<redacted>`. Each window of PIECE characters of a line is looked up by a rolling
 * hash (a bit table first, then a set), so the cost is linear in the line whatever the secrets.
 */
class Redactor {
    pieces = new Set();
    bloom;
    constructor(secrets) {
        this.bloom = new Uint8Array(secrets.length > 0 ? 1 << (BLOOM_BITS - 3) : 0);
        for (const form of secrets.flatMap(formsOf))
            for (let i = 0; i + PIECE <= form.length; i++) {
                const piece = form.slice(i, i + PIECE);
                this.pieces.add(piece);
                const b = hash(piece, 0) >>> (32 - BLOOM_BITS);
                this.bloom[b >>> 3] |= 1 << (b & 7);
            }
    }
    redact(text) {
        if (this.pieces.size === 0 || text.length < PIECE)
            return text;
        let out = '';
        let done = 0;
        // the run being redacted: [from, to)
        let from = -1;
        let to = -1;
        let h = hash(text, 0);
        for (let end = PIECE;; end++) {
            const b = h >>> (32 - BLOOM_BITS);
            if (this.bloom[b >>> 3] & (1 << (b & 7)) && this.pieces.has(text.slice(end - PIECE, end))) {
                const start = end - PIECE;
                if (from < 0 || start > to) {
                    if (from >= 0)
                        [out, done] = [out + text.slice(done, from) + MARK, to];
                    from = start;
                }
                to = end;
            }
            if (end === text.length)
                break;
            h = (Math.imul(h, BASE) + text.charCodeAt(end) - Math.imul(text.charCodeAt(end - PIECE), OUT)) | 0;
        }
        return from < 0 ? text : out + text.slice(done, from) + MARK + text.slice(to);
    }
}
/** The hash of text[at, at + PIECE). */
function hash(text, at) {
    let h = 0;
    for (let i = at; i < at + PIECE; i++)
        h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    return h;
}
/** The redactor for a pre-signed URL (none without one). */
function urlRedactor(url) {
    return new Redactor(url ? urlSecrets(url) : []);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./src/kit/safe-fs.ts
var safe_fs = __webpack_require__(63131);
;// CONCATENATED MODULE: ./src/runner/args.ts

const RUNNER_USAGE = `Usage: trainer run --experiment NAME --run_index N [--seed S] [--no-prefer-config-seed]
                   [--override-KEY VALUE ...] [--tag TAG] [--results-root DIR] [--archive zip]
                   [--allow-missing-upload] [--config trainer.yml] [--grace-period SECONDS]
Environment: RESULT_URL (pre-signed PUT URL for --archive zip), RUN_TIMEOUT_SEC, LOG_LEVEL, TRAINER_RUN_TOKEN
  (a launcher's identity token, kept in the environment); upload: TRAINER_UPLOAD_RETRIES, _RETRY_BASE_MS,
  _TIMEOUT_SEC (inactivity), _ATTEMPT_SEC (one attempt), _DEADLINE_SEC (the whole upload).
Exit codes: 0 success, 1 training error, 2 configuration or import error, 3 upload error (or metrics.json
  could not be written), 130 interrupted.`;
const args_int = (flag, v, min = 0) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < min)
        throw new errors/* ConfigError */.xL(`${flag} needs a whole number, got '${v}'`, { key: flag });
    return n;
};
/** Parses seed 000's flags; `--flag value` and `--flag=value` both work. */
function parseRunnerArgs(argv) {
    const a = {
        experiment: undefined,
        runIndex: undefined,
        seed: undefined,
        preferConfigSeed: true,
        overrides: {},
        tag: undefined,
        resultsRoot: 'results',
        archive: undefined,
        allowMissingUpload: false,
        config: undefined,
        gracePeriod: 30,
        help: false,
    };
    for (let i = 0; i < argv.length; i++) {
        const word = argv[i];
        const eq = word.indexOf('=');
        const flag = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
        const inline = word.startsWith('--') && eq > 0 ? word.slice(eq + 1) : undefined;
        const value = () => {
            if (inline !== undefined)
                return inline;
            const v = argv[++i];
            if (v === undefined)
                throw new errors/* ConfigError */.xL(`${flag} needs a value`, { key: flag });
            return v;
        };
        /** An on-off flag: `--flag=value` is a mistake, not a silent yes. */
        const noValue = () => {
            if (inline !== undefined)
                throw new errors/* ConfigError */.xL(`${flag} takes no value, got '${word}'`, { key: flag });
            return true;
        };
        switch (flag) {
            case '--experiment':
                a.experiment = value();
                break;
            case '--run_index':
            case '--run-index':
                a.runIndex = args_int(flag, value());
                break;
            case '--seed':
                a.seed = args_int(flag, value());
                break;
            case '--no-prefer-config-seed':
                a.preferConfigSeed = !noValue();
                break;
            case '--tag':
                a.tag = value();
                break;
            case '--results-root':
                a.resultsRoot = value();
                break;
            case '--archive': {
                const v = value();
                if (v !== 'zip')
                    throw new errors/* ConfigError */.xL(`--archive supports 'zip', got '${v}'`, { key: flag });
                a.archive = 'zip';
                break;
            }
            case '--allow-missing-upload':
                a.allowMissingUpload = noValue();
                break;
            case '--config':
                a.config = value();
                break;
            case '--grace-period':
                a.gracePeriod = args_int(flag, value());
                break;
            case '-h':
            case '--help':
                a.help = noValue();
                break;
            default:
                if (flag.startsWith('--override-') && flag.length > '--override-'.length) {
                    a.overrides[flag.slice('--override-'.length)] = value();
                    break;
                }
                throw new errors/* ConfigError */.xL(`unknown argument '${word}'`, { key: word }, { hint: RUNNER_USAGE });
        }
    }
    return a;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/yazl/index.js
var yazl = __webpack_require__(93044);
// EXTERNAL MODULE: ./src/kit/walk.ts
var walk = __webpack_require__(7135);
;// CONCATENATED MODULE: ./src/runner/archive.ts










/**
 * Formats that are already compressed (or, like checkpoints, are dense floats that deflate
 * barely shrinks at a large CPU cost): their entries are STORED. Everything else is deflated.
 * `.npy` and `.h5` are often uncompressed arrays with zero runs, so they are deflated.
 */
const STORED = new Set([
    // model weights and checkpoints (torch.save writes a zip of raw tensors)
    '.pt',
    '.pth',
    '.ckpt',
    '.safetensors',
    '.bin',
    '.onnx',
    '.npz',
    '.parquet',
    // archives and compressed streams
    '.zip',
    '.gz',
    '.tgz',
    '.bz2',
    '.xz',
    '.zst',
    '.lz4',
    '.br',
    '.7z',
    // images and video
    '.png',
    '.jpg',
    '.jpeg',
    '.webp',
    '.avif',
    '.gif',
    '.mp4',
    '.mov',
    '.webm',
    '.mkv',
]);
/** Read size for file data: large reads keep the per-chunk overhead low; memory stays bounded. */
const CHUNK = 1 << 20;
/** Whether an entry is stored as is (already-compressed formats) rather than deflated. */
function shouldStore(name) {
    return STORED.has((0,external_node_path_.extname)(name).toLowerCase());
}
/**
 * Writes every file and directory under `dir` into a zip at `out` (a path, or a stream that
 * is ended when done), streaming: file data is read in 1 MiB chunks, so memory does not grow
 * with file sizes. Entries are relative POSIX paths in sorted order, directories included so
 * empty ones survive. Skipped and logged: symlinks and special files, and names a zip cannot
 * carry faithfully (not valid UTF-8, or with a `\\`, which unzip tools read as a separator).
 * Files are opened with safe-fs (no symlink followed, even one swapped in while zipping). ZIP64
 * is used where sizes or offsets pass 4 GiB.
 */
async function zipDirectory(dir, out, opts = {}) {
    const log = opts.log ?? (() => undefined);
    const root = (0,external_node_path_.resolve)(dir);
    const outPath = typeof out === 'string' ? (0,external_node_path_.resolve)(out) : undefined;
    const info = await (0,promises_.stat)(root).catch(() => undefined);
    if (!info?.isDirectory())
        throw new errors/* NotFoundError */.m_(`zip ${dir}: not a directory`);
    const items = await listItems(root, log, outPath).catch((e) => {
        throw new errors/* TrainerError */.e0(`zip ${dir}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    });
    const zip = new yazl/* ZipFile */.u();
    const counter = new ByteCounter();
    let current;
    const fail = (e) => {
        current?.destroy();
        counter.destroy(e instanceof Error ? e : new Error(String(e)));
    };
    zip.on('error', fail);
    let files = 0;
    let input = 0;
    for (const it of items) {
        if (!it.dir && opts.include && !opts.include(it.rel))
            continue;
        const meta = { mtime: it.mtime, mode: it.mode & 0xffff };
        if (it.dir) {
            zip.addEmptyDirectory(it.rel, meta);
            continue;
        }
        files++;
        input += it.size;
        // lazy: each file is opened only when the zip reaches it, so one descriptor is open at a time
        zip.addReadStreamLazy(it.rel, { ...meta, compress: !shouldStore(it.rel) }, cb => {
            (0,safe_fs/* openInside */.X$)(root, it.rel).then(({ handle }) => {
                current = handle.createReadStream({ highWaterMark: CHUNK });
                current.once('error', fail);
                cb(null, current);
            }, (e) => {
                // swapped since the walk for a symlink or a FIFO: an empty entry; any other failure fails the zip
                const empty = external_node_stream_.Readable.from([]);
                if (!(e instanceof safe_fs/* UnsafePathError */.k0))
                    return cb(e, empty);
                log(`zip: ${shown(it.rel)} was replaced while zipping (${(0,errors/* getErrorMessage */.u1)(e)}): stored empty`);
                cb(null, empty);
            });
        });
    }
    zip.end();
    try {
        await (0,external_node_stream_promises_.pipeline)(zip.outputStream, counter, typeof out === 'string' ? (0,external_node_fs_.createWriteStream)(out) : out, opts.signal ? { signal: opts.signal } : {});
    }
    catch (e) {
        current?.destroy();
        if (outPath !== undefined)
            await (0,promises_.rm)(outPath, { force: true });
        throw new errors/* TrainerError */.e0(`zip ${dir}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
    log(`zip ${dir}: ${files} files, ${mib(input)} MiB in, ${mib(counter.bytes)} MiB zip`);
    return { files, bytes: counter.bytes };
}
/**
 * What a zip holds of `root`: depth-first, names sorted by code unit, so the same tree always
 * gives the same entry order. Symlinks, special files, names a zip cannot carry and `skip` (the
 * archive itself) are logged and left out.
 */
async function listItems(root, log, skip) {
    const items = [];
    await (0,walk/* walk */.G)(root, async ({ name, bytes, dir, rel: r, abs: p, dirent: e }) => {
        if (!(0,external_node_buffer_.isUtf8)(bytes)) {
            log(`zip: skipping ${shown(dir === '' ? '' : `${dir}/`)}${escaped(bytes)}: the name is not valid UTF-8`);
        }
        else if (name.includes('\\')) {
            log(`zip: skipping ${shown(r)}: a '\\' in a name is a path separator to unzip tools`);
        }
        else if (e.isSymbolicLink()) {
            log(`zip: skipping symlink ${shown(r)}`);
        }
        else if (e.isDirectory()) {
            const s = await (0,promises_.lstat)(p);
            items.push({ rel: r, abs: p, dir: true, mode: s.mode, mtime: s.mtime, size: 0 });
            return true;
        }
        else if (!e.isFile()) {
            log(`zip: skipping ${shown(r)}: not a regular file`);
        }
        else if (p === skip) {
            log(`zip: skipping ${shown(r)}: it is the archive being written`);
        }
        else {
            const s = await (0,promises_.lstat)(p);
            items.push({ rel: r, abs: p, dir: false, mode: s.mode, mtime: s.mtime, size: s.size });
        }
        return false;
    });
    return items;
}
/** A name for a log line: control characters escaped, so a name cannot forge a line. */
const shown = (name) => name.replace(/[\x00-\x1f\x7f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
/** A name that is not UTF-8: ASCII kept, other bytes as `\xNN`. */
const escaped = (name) => shown([...name].map(b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`)).join(''));
class ByteCounter extends external_node_stream_.Transform {
    bytes = 0;
    _transform(chunk, _enc, cb) {
        this.bytes += chunk.length;
        cb(null, chunk);
    }
}
const mib = (n) => (n / 2 ** 20).toFixed(1);

;// CONCATENATED MODULE: ./src/runner/lines.ts
/** The longest line kept, in bytes. */
const MAX_LINE = 64 << 10;
const LF = 0x0a;
const CR = 0x0d;
/**
 * Splits a byte stream into lines at `\n`, `\r\n` and a lone `\r` (a progress bar's updates),
 * as readline does. Lines over `max` bytes are cut: `<first max bytes>… [cut: N bytes]`.
 */
class LineSplitter {
    onLine;
    max;
    parts = [];
    kept = 0;
    cut = 0;
    /** The last byte seen was a `\r`: a `\n` right after it ends no further line. */
    afterCr = false;
    constructor(onLine, max = MAX_LINE) {
        this.onLine = onLine;
        this.max = max;
    }
    push(chunk) {
        let start = 0;
        if (this.afterCr && chunk[0] === LF)
            start = 1;
        this.afterCr = false;
        // the next \n and \r, each searched for again only once passed: linear in the chunk
        let lf = chunk.indexOf(LF, start);
        let cr = chunk.indexOf(CR, start);
        while (start < chunk.length) {
            if (lf >= 0 && lf < start)
                lf = chunk.indexOf(LF, start);
            if (cr >= 0 && cr < start)
                cr = chunk.indexOf(CR, start);
            const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
            if (end < 0) {
                // an unfinished line: its bytes are copied, since the caller may reuse the chunk
                this.take(chunk, start, chunk.length, true);
                return;
            }
            this.take(chunk, start, end, false);
            this.emit();
            start = end + 1;
            if (chunk[end] === CR) {
                if (start === chunk.length)
                    this.afterCr = true;
                else if (chunk[start] === LF)
                    start++;
            }
        }
    }
    /** The last line, when the stream did not end with a line break. */
    end() {
        if (this.kept > 0 || this.cut > 0)
            this.emit();
    }
    take(chunk, start, end, copy) {
        const keep = Math.min(end - start, this.max - this.kept);
        this.cut += end - start - keep;
        if (keep === 0)
            return;
        const b = chunk.subarray(start, start + keep);
        this.parts.push(copy ? Buffer.from(b) : b);
        this.kept += keep;
    }
    emit() {
        const text = (this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts)).toString('utf8');
        const line = this.cut > 0 ? `${text}… [cut: ${this.cut} bytes]` : text;
        this.parts = [];
        this.kept = 0;
        this.cut = 0;
        this.onLine(line);
    }
}
/**
 * Reads the lines of an open file, at most `maxBytes` of it. Resolves with whether the file
 * was longer (its rest was not read).
 */
async function readLines(handle, onLine, maxBytes) {
    const split = new LineSplitter(onLine);
    const buf = Buffer.alloc(1 << 20);
    let at = 0;
    for (;;) {
        const want = Math.min(buf.length, maxBytes - at);
        if (want <= 0)
            break;
        const { bytesRead } = await handle.read(buf, 0, want, at);
        if (bytesRead === 0)
            break;
        split.push(buf.subarray(0, bytesRead));
        at += bytesRead;
    }
    split.end();
    const { size } = await handle.stat();
    return { truncated: size > at };
}

// EXTERNAL MODULE: ./src/runner/contract.ts
var contract = __webpack_require__(46670);
;// CONCATENATED MODULE: ./src/runner/metrics.ts
/**
 * How a training process reports metrics to `trainer run`, either way:
 * - a line on stdout: `TRAINER_METRIC {"step": 10, "loss": 0.42, "acc": 0.81}`
 * - a line appended to `$TRAINER_RUN_DIR/metrics.jsonl`: `{"step": 10, "loss": 0.42}`
 * Each object is one point of the history; `step` (optional) orders them. The final
 * value of each metric is its last reported value, unless the training writes its own
 * `metrics.json` (an object of numbers), which then gives the final values.
 */

const METRIC_MARKER = 'TRAINER_METRIC ';
/** Distinct metric names kept (the training's own metrics.json included); later new names are dropped. */
const MAX_METRICS = 1000;
/** Longest metric name kept. */
const MAX_NAME = 200;
/** metrics.json stays well under what a launcher reads back (64 MiB): the history stops growing past this estimate. */
const MAX_HISTORY_BYTES = 32 << 20;
/** Keeps the numeric fields of a reported object (names up to {@link MAX_NAME}); undefined when there are none. */
function toPoint(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return undefined;
    const p = {};
    let n = 0;
    for (const [k, x] of Object.entries(v)) {
        if (typeof x !== 'number' || !Number.isFinite(x) || k.length > MAX_NAME || k === '__proto__')
            continue;
        p[k] = x;
        if (++n === MAX_METRICS)
            break;
    }
    return n > 0 ? p : undefined;
}
class MetricsCollector {
    history = [];
    /** The last value of every metric, kept past the history's cap. */
    latest = new Map();
    historyBytes = 0;
    /** Points or names dropped at a cap. */
    dropped = 0;
    maxHistory;
    constructor(maxHistory = 100_000) {
        this.maxHistory = maxHistory;
    }
    add(v) {
        const p = toPoint(v);
        if (!p)
            return false;
        for (const k of Object.keys(p)) {
            if (this.latest.has(k) || this.latest.size < MAX_METRICS)
                continue;
            Reflect.deleteProperty(p, k);
            this.dropped++;
        }
        // about what the point takes in metrics.json, indented
        const bytes = Object.keys(p).reduce((n, k) => n + k.length + 32, 16);
        if (this.history.length < this.maxHistory && this.historyBytes + bytes <= MAX_HISTORY_BYTES) {
            this.history.push(p);
            this.historyBytes += bytes;
        }
        else
            this.dropped++;
        for (const [k, x] of Object.entries(p))
            if (k !== 'step')
                this.latest.set(k, x);
        return true;
    }
    /** Takes a stdout line; true when it was a metric line. */
    line(text) {
        if (!text.startsWith(METRIC_MARKER))
            return false;
        return this.jsonLine(text.slice(METRIC_MARKER.length));
    }
    /** Takes a line of metrics.jsonl; false when it is not a metric object (a torn last line, say). */
    jsonLine(text) {
        if (!text.trim())
            return false;
        try {
            return this.add(JSON.parse(text));
        }
        catch {
            return false;
        }
    }
    /**
     * Last value of each metric (`step` excluded), overridden by the numbers of the training's
     * own metrics.json (its `final` when it has trainer run's shape), never anything else of it.
     */
    final(own) {
        const out = Object.fromEntries(this.latest);
        const mine = typeof own === 'object' && own !== null && 'version' in own && own.version === 1 && 'final' in own
            ? own.final
            : own;
        for (const [k, x] of Object.entries(toPoint(mine) ?? {}))
            if (k in out || Object.keys(out).length < MAX_METRICS)
                out[k] = x;
        return out;
    }
    sortedHistory() {
        return this.history.every(p => p.step !== undefined)
            ? [...this.history].sort((a, b) => a.step - b.step)
            : this.history;
    }
}
/** metrics.json's text, checked against the run contract first (a launcher reads it with the same schema). */
function serializeMetrics(m) {
    return JSON.stringify(contract/* RunMetricsSchema */.q0.parse(m), null, 2) + '\n';
}

// EXTERNAL MODULE: ./src/runner/spec.ts
var runner_spec = __webpack_require__(16979);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./src/runner/training.ts
/**
 * The training as a process. It runs in a process group of its own, so a stop reaches the
 * workers it starts; a watchdog process kills that group when the runner goes away in any
 * way, SIGKILL included, which no handler of ours sees; and its output is relayed line by
 * line with backpressure, so memory stays bounded however much it prints.
 */


/** Process groups of the trainings this process started and has not seen end. */
const live = new Set();
function signalGroup(pgid, sig) {
    try {
        process.kill(-pgid, sig);
    }
    catch {
        // the group is gone
    }
}
/**
 * Kills the process group of every training this process still has. For a runner that is
 * failing (an uncaught exception): its training must not run on unsupervised.
 */
function killLiveTrainings() {
    for (const pgid of live)
        signalGroup(pgid, 'SIGKILL');
}
/**
 * The watchdog: a process of its own whose stdin is a pipe from the runner. The runner never
 * writes to it; when it reads end-of-file, the runner is gone, and it kills the training's group.
 */
const WATCHDOG = "const k=()=>{try{process.kill(-Number(process.argv[1]),'SIGKILL')}catch{}};process.stdin.on('end',k).on('error',k).resume()";
class Training {
    child;
    exited;
    /** The training's main process has ended (its workers may not have). */
    ended = false;
    closed;
    watchdog;
    /** Starts `c`; throws at once when the system cannot take its arguments (a NUL byte). */
    constructor(c) {
        this.child = (0,external_node_child_process_.spawn)(c.command, c.args, { cwd: c.cwd, env: c.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        this.exited = new Promise(res => this.child.once('exit', (code, signal) => {
            this.ended = true;
            res({ code, signal });
        }));
        this.closed = new Promise(res => this.child.once('close', () => res()));
    }
    get stdout() {
        return this.child.stdout;
    }
    get stderr() {
        return this.child.stderr;
    }
    /** Resolves once the training runs (and is watched), or with why it could not start (ENOENT…). */
    async started() {
        const error = await new Promise(res => {
            this.child.once('spawn', () => res(undefined));
            this.child.once('error', e => res(e));
        });
        const pgid = this.child.pid;
        if (error || pgid === undefined)
            return error;
        live.add(pgid);
        const w = (0,external_node_child_process_.spawn)(process.execPath, ['-e', WATCHDOG, String(pgid)], {
            stdio: ['pipe', 'ignore', 'ignore'],
            detached: true,
            env: {},
        });
        w.on('error', () => undefined);
        w.stdin.on('error', () => undefined);
        // it must not keep the runner alive: only the runner's end closes its pipe
        w.unref();
        w.stdin.unref?.();
        this.watchdog = w;
        return undefined;
    }
    /** Sends `sig` to the training's process group, while its main process runs. */
    signal(sig) {
        if (!this.ended && this.child.pid !== undefined)
            signalGroup(this.child.pid, sig);
    }
    /**
     * Once the main process has ended: kills the workers it left in its group, lets its output
     * drain for at most `drainMs`, then closes the pipes, whoever still holds them (a process
     * that left the group, `setsid sleep &`).
     */
    async finish(drainMs) {
        const pgid = this.child.pid;
        signalGroup(pgid, 'SIGKILL');
        live.delete(pgid);
        // before the pipe closes, or the watchdog would signal a group id that may be reused
        this.watchdog?.kill('SIGKILL');
        let timer;
        await Promise.race([this.closed, new Promise(res => (timer = setTimeout(res, drainMs)))]);
        clearTimeout(timer);
        this.stdout.destroy();
        this.stderr.destroy();
        // the relay has had the last lines once the pipes report closed
        await this.closed;
    }
}
/**
 * Copies a training's output line by line (lines cut at 64 KiB) to our streams and logs.txt.
 * While any of those is full, the training's pipes are paused, so the training blocks on its
 * writes instead of our heap growing. An output that fails (EPIPE, ENOSPC) is written no more.
 */
class Relay {
    inputs = [];
    full = new Set();
    failed = new Set();
    onError = new Map();
    constructor(outputs) {
        for (const out of outputs) {
            const f = () => {
                this.failed.add(out);
                this.resume(out);
            };
            this.onError.set(out, f);
            out.on('error', f);
        }
    }
    /** Feeds `input` to `onLine` line by line; its last line too, however the stream ends. */
    from(input, onLine) {
        this.inputs.push(input);
        const split = new LineSplitter(onLine);
        input.on('data', (chunk) => split.push(chunk));
        input.once('close', () => split.end());
    }
    write(out, text) {
        if (this.failed.has(out) || out.destroyed)
            return;
        if (out.write(text) || this.full.has(out))
            return;
        this.full.add(out);
        for (const i of this.inputs)
            i.pause();
        const go = () => {
            out.off('drain', go).off('close', go);
            this.resume(out);
        };
        out.on('drain', go).on('close', go);
    }
    /** Stops listening to the outputs' errors. */
    close() {
        for (const [out, f] of this.onError)
            out.off('error', f);
    }
    resume(out) {
        if (!this.full.delete(out) || this.full.size > 0)
            return;
        for (const i of this.inputs)
            i.resume();
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: ./src/kit/retry.ts
var retry = __webpack_require__(91834);
;// CONCATENATED MODULE: ./src/runner/upload.ts








/** A server's Retry-After is honoured up to this, so a run never sleeps for hours. */
const MAX_RETRY_AFTER_MS = 60_000;
const upload_CHUNK = 1 << 20;
/** How long the body waits for `100 Continue` before it goes anyway (curl waits 1 s too). */
const CONTINUE_WAIT_MS = 1000;
/** How much of an error response is read for its message; a 2xx body is not read at all. */
const ERROR_BODY_LIMIT = 16 << 10;
/** The default attempt deadline for a file of `bytes`: 5 minutes, plus the file at 1 MiB/s. */
function attemptDeadlineFor(bytes) {
    return 5 * 60_000 + Math.ceil(bytes / 2 ** 20) * 1000;
}
const seconds = (ms) => `${+(ms / 1000).toFixed(3)} s`;
/**
 * `scheme://host/path?<redacted>`: a pre-signed URL's query string is a credential, and so is
 * userinfo. Use this for every URL that reaches a log line or an error message.
 */
function redactUrl(url) {
    const u = URL.parse(url);
    if (u === null)
        return '<invalid URL>';
    return `${u.protocol}//${u.host}${u.pathname}${u.search === '' ? '' : '?<redacted>'}`;
}
/**
 * PUTs `file` to `url` (a pre-signed URL), streamed from disk with its Content-Length and
 * `Expect: 100-continue`. The file is opened without following a symlink.
 * Network errors, inactivity time-outs (see {@link PutOptions.timeoutMs}), attempt deadlines,
 * 408, 425, 429 and 5xx are retried with backoff, honouring Retry-After; each attempt re-opens
 * the file. Other statuses fail at once, and so does everything once the upload's deadline has
 * passed. Failure is a `ServiceError` whose message names the redacted URL and holds no piece
 * of its signature.
 */
/** The upload URL, checked: http(s), no user info. A ConfigError (exit 2) otherwise, before any work. */
function uploadTarget(url) {
    const target = URL.parse(url);
    if (target === null || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
        throw new errors/* ConfigError */.xL(`upload URL ${redactUrl(url)} is not an http(s) URL`, { key: 'RESULT_URL' });
    }
    if (target.username !== '' || target.password !== '') {
        throw new errors/* ConfigError */.xL(`upload URL ${redactUrl(url)} must not hold a user name or password`, { key: 'RESULT_URL' });
    }
    return target;
}
async function putFile(url, file, opts = {}) {
    const target = uploadTarget(url);
    const shown = redactUrl(url);
    const redactor = urlRedactor(url);
    const scrub = (s) => redactor.redact(s);
    const log = opts.log ?? (() => undefined);
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const retries = opts.retries ?? 4;
    const contentType = opts.contentType ?? 'application/zip';
    const fail = (detail, o) => new errors/* ServiceError */._7(shown, 'PUT', detail, o);
    let size = await withFile(file, shown, (_, bytes) => Promise.resolve(bytes));
    const attemptMs = opts.attemptDeadlineMs ?? attemptDeadlineFor(size);
    const deadlineMs = opts.deadlineMs ?? 3 * attemptMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const stop = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
    const stopped = () => opts.signal?.aborted
        ? new errors/* CancelledError */.cc(`PUT ${shown}: stopped`)
        : deadline.aborted
            ? fail(`upload deadline of ${seconds(deadlineMs)} passed`, { retryable: false })
            : undefined;
    let attempts = 0;
    // dropped for good after a 417 (a proxy that refuses `Expect: 100-continue`)
    let expect = true;
    const started = performance.now();
    const attempt = () => withFile(file, shown, async (handle, bytes) => {
        const before = stopped();
        if (before)
            throw before;
        attempts++;
        size = bytes;
        const headers = { 'content-length': String(bytes), 'content-type': contentType };
        const r = await send(target, handle, bytes, headers, { idleMs: timeoutMs, deadlineMs: attemptMs, expect }, stop);
        if ('error' in r) {
            const during = stopped();
            if (during)
                throw during;
            if (r.timedOut === 'idle') {
                throw fail(`no progress for ${timeoutMs} ms (${r.sent} of ${bytes} bytes sent)`, { retryable: true });
            }
            if (r.timedOut === 'deadline') {
                throw fail(`attempt deadline of ${seconds(attemptMs)} passed (${r.sent} of ${bytes} bytes sent)`, {
                    retryable: true,
                });
            }
            const detail = scrub(describe(r.error));
            throw fail(`network error: ${detail}`, {
                retryable: true,
                ...(detail === describe(r.error) ? { cause: r.error } : {}),
            });
        }
        const { status } = r;
        if (status >= 200 && status < 300)
            return status;
        // a 417 is a proxy that refuses `Expect: 100-continue`: once more without it
        const retryable = retry/* RETRYABLE_STATUS */.Uz.has(status) || (status === 417 && expect);
        if (status === 417)
            expect = false;
        const what = status >= 300 && status < 400 ? ' (redirects are not followed)' : serviceMessage(r.body, scrub);
        throw fail(`${status} ${external_node_http_.STATUS_CODES[status] ?? ''}${what}`.trim(), {
            status,
            retryable,
            retryAfterMs: (0,retry/* parseRetryAfter */.mu)(r.retryAfter),
        });
    });
    try {
        const status = await (0,retry/* retry */.L5)(attempt, {
            retries,
            retryAfterBase: opts.retryAfterBase ?? 1000,
            // past the deadline nothing is retried: the next attempt would fail at once
            retryable: e => e instanceof errors/* ServiceError */._7 && e.retryable && !stop.aborted,
            maxRetryAfterMs: MAX_RETRY_AFTER_MS,
            onRetry: (e, n, delay) => log(`${(0,errors/* getErrorMessage */.u1)(e)}; retry ${n} of ${retries} in ${delay} ms`),
            sleep: ms => pause(ms, stop),
        });
        const s = (performance.now() - started) / 1000;
        log(`PUT ${shown}: ${status}, ${size} bytes in ${s.toFixed(1)} s (${(size / 1e6 / s).toFixed(1)} MB/s)`);
        return { status, bytes: size, attempts };
    }
    catch (e) {
        const end = e instanceof errors/* ServiceError */._7 && e.retryable && stop.aborted ? stopped() : undefined;
        const last = end ?? e;
        if (!(last instanceof errors/* ServiceError */._7) || attempts === 1)
            throw last;
        const detail = last.message.slice(`PUT ${shown}: `.length);
        throw fail(`${detail} (gave up after ${attempts} attempts)`, {
            ...(last.status === undefined ? {} : { status: last.status }),
            retryable: last.retryable,
            cause: e,
        });
    }
}
/** Waits `ms`, or less when `signal` aborts. */
function pause(ms, signal) {
    return new Promise(res => {
        const done = () => {
            clearTimeout(t);
            signal.removeEventListener('abort', done);
            res();
        };
        const t = setTimeout(done, ms);
        signal.addEventListener('abort', done);
        if (signal.aborted)
            done();
    });
}
/**
 * Opens `file` for one use, without following a symlink planted at its name, and passes the
 * handle with the file's size; closes it after.
 */
async function withFile(file, shown, use) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    }
    catch (e) {
        throw new errors/* TrainerError */.e0(`PUT ${shown}: cannot read ${file}: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e });
    }
    try {
        const st = await handle.stat();
        if (!st.isFile())
            throw new errors/* TrainerError */.e0(`PUT ${shown}: ${file} is not a regular file`);
        return await use(handle, st.size);
    }
    finally {
        await handle.close();
    }
}
/**
 * One PUT of the first `bytes` of an open file over node:http(s), piped from a read stream so
 * backpressure holds memory flat (undici's fetch keeps a streamed request body in memory:
 * nodejs/undici#4058).
 * - The socket's idle time-out is the inactivity limit: it fires when the server stops
 *   reading or stops answering. The attempt deadline bounds the rest, a server that trickles.
 * - With `expect`, the body waits for `100 Continue` (or {@link CONTINUE_WAIT_MS}, for servers
 *   that ignore it), so a storage service that refuses the request (an expired URL, a bad
 *   signature) answers before gigabytes go out, and its 403 is read instead of an EPIPE.
 * - The answer is its status: a 2xx body is not read, an error body only its first
 *   {@link ERROR_BODY_LIMIT} bytes; then the response is destroyed.
 * Never rejects: failures come back as `{error}`.
 */
function send(target, handle, bytes, headers, limits, signal) {
    return new Promise(done => {
        let sent = 0;
        let timedOut;
        let settled = false;
        let begun = false;
        let data;
        let wait;
        const finish = (r) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(wait);
            clearTimeout(deadline);
            data?.destroy();
            // a request whose body is still going out (an early answer, an error) is cut off; a
            // finished one keeps its socket for the agent
            if (!req.writableFinished || 'error' in r)
                req.destroy();
            done(r);
        };
        const failed = (error) => finish({ error, timedOut, sent });
        const start = () => {
            if (begun || settled)
                return;
            begun = true;
            clearTimeout(wait);
            if (bytes === 0)
                return void req.end();
            // the handle is closed by the caller, after the attempt
            data = handle.createReadStream({ highWaterMark: upload_CHUNK, start: 0, end: bytes - 1, autoClose: false });
            data.on('data', (c) => (sent += c.length));
            // a failed pipe surfaces as the request's error (or the response already came)
            (0,external_node_stream_promises_.pipeline)(data, req).catch(failed);
        };
        const request = target.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        const req = request(target, {
            method: 'PUT',
            headers: limits.expect ? { ...headers, expect: '100-continue' } : headers,
            signal,
        });
        const deadline = setTimeout(() => {
            timedOut = 'deadline';
            req.destroy(new Error(`attempt over ${limits.deadlineMs} ms`));
        }, limits.deadlineMs);
        req.setTimeout(limits.idleMs, () => {
            timedOut = 'idle';
            req.destroy(new Error(`socket idle for ${limits.idleMs} ms`));
        });
        req.on('error', failed);
        req.on('response', res => {
            const status = res.statusCode ?? 0;
            const answer = (body) => {
                finish({ status, retryAfter: res.headers['retry-after'] ?? null, body });
                res.destroy();
            };
            if (status >= 200 && status < 300)
                return answer('');
            const parts = [];
            let n = 0;
            res.on('data', (c) => {
                parts.push(c);
                n += c.length;
                if (n >= ERROR_BODY_LIMIT)
                    answer(Buffer.concat(parts).toString('utf8', 0, ERROR_BODY_LIMIT));
            });
            res.on('error', failed);
            res.on('end', () => answer(Buffer.concat(parts).toString('utf8')));
        });
        if (limits.expect) {
            req.on('continue', start);
            wait = setTimeout(start, Math.min(CONTINUE_WAIT_MS, limits.idleMs / 2));
        }
        else {
            start();
        }
    });
}
/**
 * The `<Code>` and `<Message>` of an S3 or GCS XML error, and nothing else: those bodies also
 * carry `StringToSign`/`CanonicalRequest`, which hold parts of the signed query.
 */
function serviceMessage(body, scrub) {
    const pick = (tag) => new RegExp(`<${tag}>([^<]{1,300})</${tag}>`).exec(body)?.[1]?.trim();
    const text = [pick('Code'), pick('Message')].filter(Boolean).join(': ');
    return text === '' ? '' : ` (${scrub(text)})`;
}
/** An error and its causes' messages, e.g. `connect ECONNREFUSED 127.0.0.1:9`. */
function describe(e) {
    const parts = [];
    for (let c = e, depth = 0; c !== undefined && c !== null && depth < 4; depth++) {
        parts.push((0,errors/* getErrorMessage */.u1)(c));
        c = c instanceof Error ? c.cause : undefined;
    }
    return parts.join(': ');
}

;// CONCATENATED MODULE: ./src/runner/run.ts













/** seed 000's exit codes. */
const EXIT = { success: 0, training: 1, config: 2, upload: 3, interrupted: 130 };
const TAIL_LINES = 20;
/** Longest delay setTimeout takes (about 24.8 days); longer waits are chained. */
const MAX_DELAY = 2 ** 31 - 1;
/** How long the training's output may keep flowing after its main process ends. */
const DRAIN_MS = 2000;
/** How much of metrics.jsonl is read. */
const JSONL_MAX_BYTES = 256 << 20;
/** How much of the training's own metrics.json is read (an object of final values). */
const OWN_METRICS_MAX_BYTES = 1 << 20;
/** The run contract's longest reason. */
const MAX_REASON = 4096;
/** Variables the training never sees: the pre-signed URL is a secret, the upload knobs are ours. */
const RUNNER_ONLY = [
    'RESULT_URL',
    'TRAINER_UPLOAD_RETRIES',
    'TRAINER_UPLOAD_RETRY_BASE_MS',
    'TRAINER_UPLOAD_TIMEOUT_SEC',
    'TRAINER_UPLOAD_ATTEMPT_SEC',
    'TRAINER_UPLOAD_DEADLINE_SEC',
];
/**
 * Upload knobs for slow or flaky links: TRAINER_UPLOAD_RETRIES, _RETRY_BASE_MS, _TIMEOUT_SEC
 * (inactivity), _ATTEMPT_SEC (one attempt) and _DEADLINE_SEC (the whole upload).
 */
function uploadTuning(env) {
    const n = (k, scale = 1) => {
        const v = env[k];
        return v !== undefined && v !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) * scale : undefined;
    };
    const o = {};
    const set = (k, v) => {
        if (v !== undefined)
            o[k] = v;
    };
    set('retries', n('TRAINER_UPLOAD_RETRIES'));
    set('retryAfterBase', n('TRAINER_UPLOAD_RETRY_BASE_MS'));
    set('timeoutMs', n('TRAINER_UPLOAD_TIMEOUT_SEC', 1000));
    set('attemptDeadlineMs', n('TRAINER_UPLOAD_ATTEMPT_SEC', 1000));
    set('deadlineMs', n('TRAINER_UPLOAD_DEADLINE_SEC', 1000));
    return o;
}
/** setTimeout for any delay (chained past Node's 24.8-day limit); returns a cancel function. */
function after(ms, fn) {
    let t;
    const arm = (left) => {
        t = setTimeout(() => (left > MAX_DELAY ? arm(left - MAX_DELAY) : fn()), Math.min(left, MAX_DELAY));
    };
    arm(Math.max(0, ms));
    return () => clearTimeout(t);
}
/**
 * Creates `root/rel` and the directories on the way below `root`, refusing a symlink (or a
 * file) at any of them: a training that planted `runs/001 -> /elsewhere` gets nothing there.
 */
async function makeDirInside(root, rel) {
    const dir = (0,safe_fs/* inside */.nx)(root, rel);
    let at = (0,external_node_path_.resolve)(root);
    // the results root is the operator's: made as asked
    await (0,safe_fs/* makeDirs */.X2)(at);
    for (const part of rel.split('/')) {
        at = (0,external_node_path_.join)(at, part);
        await (0,promises_.mkdir)(at).catch((e) => {
            if (e.code !== 'EEXIST')
                throw e;
        });
        const s = await (0,promises_.lstat)(at);
        if (s.isSymbolicLink())
            throw new safe_fs/* UnsafePathError */.k0(`${at} is a symlink: refused`);
        if (!s.isDirectory())
            throw new safe_fs/* UnsafePathError */.k0(`${at} is not a directory`);
    }
    return dir;
}
const missing = (e) => e.code === 'ENOENT';
function runLog(ctx, resultUrl) {
    const redactor = urlRedactor(resultUrl);
    const scrub = (m) => redactor.redact(m);
    const say = (m) => ctx.log(`[trainer] ${scrub(m)}`);
    const debug = (ctx.env.LOG_LEVEL ?? 'INFO').toUpperCase() === 'DEBUG';
    return { scrub, say, debug: m => (debug ? say(`debug: ${m}`) : undefined) };
}
/**
 * SIGINT and SIGTERM, ours for the whole run. Each step says what a signal does from then on
 * ({@link handle}); until one does, the first signal is kept in {@link first}, the signals that
 * came before the runner was called included.
 */
class RunSignals {
    first;
    handler = sig => void (this.first ??= sig);
    emitter;
    onInt = () => this.handler('SIGINT');
    onTerm = () => this.handler('SIGTERM');
    constructor(emitter, early = []) {
        this.emitter = emitter;
        this.first = early[0];
        emitter.on('SIGINT', this.onInt);
        emitter.on('SIGTERM', this.onTerm);
    }
    handle(fn) {
        this.handler = fn;
    }
    close() {
        this.emitter.off('SIGINT', this.onInt);
        this.emitter.off('SIGTERM', this.onTerm);
    }
}
/**
 * `trainer run`: seed 000's container_main.py around any training command. Resolves
 * the run, runs the command with its run directory and parameters, streams and keeps
 * its output, always writes metrics.json, zips and uploads the results when asked,
 * and exits with seed 000's codes.
 */
async function runner(ctx) {
    const resultUrl = ctx.env.RESULT_URL || undefined;
    // Signals are ours for the whole run. Before the training exists one means it is never
    // started; while it runs it goes to the training; afterwards it stops the archive and upload.
    const signals = new RunSignals(ctx.signals, ctx.early);
    try {
        return await supervise({ ctx, log: runLog(ctx, resultUrl), signals, resultUrl });
    }
    finally {
        signals.close();
    }
}
/** The steps of a run, each ending it early with its exit code where it must. */
async function supervise(r) {
    let run;
    try {
        run = await setUp(r);
    }
    catch (e) {
        r.log.say(`error: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        return EXIT.config;
    }
    if (run === 'help') {
        r.ctx.log(RUNNER_USAGE);
        return EXIT.success;
    }
    const record = new RunRecord(run, r.log, r.ctx.now ?? (() => new Date()));
    if (r.signals.first) {
        const why = `interrupted (${r.signals.first}) before the training started`;
        r.log.say(why);
        await record.write(await record.metrics('interrupted', EXIT.interrupted, why));
        return EXIT.interrupted;
    }
    const started = await startTraining(r, run, record);
    if (typeof started === 'number')
        return started;
    const { status, exit, reason, stopped } = await waitForTraining(r, run, record, started);
    if (record.logError)
        r.log.say(`warning: logs.txt could not be written: ${record.logError.message}`);
    const metrics = await record.metrics(status, exit, reason);
    if (!(await record.write(metrics))) {
        // the results are not all there: a run that succeeded is not delivered
        return exit === EXIT.success ? EXIT.upload : exit;
    }
    // An external stop means the platform is about to end us: results stay on disk. A
    // time-out is ours: its results are still uploaded.
    if (stopped === 'interrupted' || run.args.archive !== 'zip')
        return exit;
    return archiveAndUpload(r, run, record, metrics, exit);
}
/**
 * Step 1: parses the arguments and resolves the run. Refuses, before anything runs, a zip with
 * nowhere to go, an upload URL that can never take it and a bad RUN_TIMEOUT_SEC. Makes the run
 * directory and its checkpoints/ (no symlink on the way), removes an earlier attempt's metrics and
 * creates logs.txt. Returns 'help' for --help; throws what is wrong (a configuration error).
 */
async function setUp(r) {
    const { ctx, resultUrl } = r;
    const args = parseRunnerArgs(ctx.argv);
    if (args.help)
        return 'help';
    const spec = await (0,runner_spec/* resolveSpec */.ig)(args, ctx.env, ctx.cwd);
    if (args.archive === 'zip' && !resultUrl && !args.allowMissingUpload) {
        throw new errors/* ConfigError */.xL('RESULT_URL is not set: it must be a pre-signed PUT URL for --archive zip (or pass --allow-missing-upload)', { key: 'RESULT_URL' });
    }
    // a URL that can never take the upload is refused now, not after hours of training
    if (args.archive === 'zip' && resultUrl)
        uploadTarget(resultUrl);
    let timeoutSec;
    const t = ctx.env.RUN_TIMEOUT_SEC;
    if (t !== undefined && t !== '') {
        timeoutSec = Number(t);
        if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) {
            throw new errors/* ConfigError */.xL(`RUN_TIMEOUT_SEC must be a positive number of seconds, got '${t}'`, {
                key: 'RUN_TIMEOUT_SEC',
            });
        }
    }
    const root = (0,external_node_path_.resolve)(ctx.cwd, args.resultsRoot);
    const runDir = await makeDirInside(root, spec.output);
    await makeDirInside(root, `${spec.output}/checkpoints`);
    // a new attempt starts from clean metrics; logs.txt is opened as ours before the
    // training exists, so nothing it plants at that name later is ever opened
    await Promise.all(['metrics.json', 'metrics.jsonl'].map(f => (0,promises_.rm)((0,external_node_path_.join)(runDir, f), { force: true })));
    const logs = (await (0,safe_fs/* createInside */.dQ)(root, `${spec.output}/logs.txt`)).createWriteStream();
    return { args, spec, timeoutSec, root, runDir, logs };
}
/**
 * What the run records besides the training's own files: its output in logs.txt (and the last
 * lines, for an error message), the metric points in it, and metrics.json. The run starts (its
 * `started_at`) when the record is made.
 */
class RunRecord {
    collector = new MetricsCollector();
    /** logs.txt's first write error. */
    logError;
    tail = [];
    run;
    log;
    now;
    started;
    constructor(run, log, now) {
        this.run = run;
        this.log = log;
        this.now = now;
        run.logs.on('error', e => (this.logError ??= e));
        this.started = now();
    }
    /** Keeps a line of output among the last ones. */
    keep(line) {
        this.tail.push(line);
        if (this.tail.length > TAIL_LINES)
            this.tail.shift();
    }
    /** The last lines of output, for an error message. */
    lastLines() {
        return this.tail.map(l => `  | ${l}`).join('\n');
    }
    /**
     * Builds metrics.json once the output is over (logs.txt is closed): the training's reported
     * points and its own final values, each read safely.
     */
    async metrics(status, exitCode, reason) {
        const { run, collector } = this;
        run.logs.end();
        await (0,external_node_stream_promises_.finished)(run.logs).catch(() => undefined);
        await this.readRunFile('metrics.jsonl', async () => {
            const { handle } = await (0,safe_fs/* openInside */.X$)(run.root, this.rel('metrics.jsonl'));
            try {
                const { truncated } = await readLines(handle, l => collector.jsonLine(l), JSONL_MAX_BYTES);
                if (truncated)
                    this.log.say(`warning: metrics.jsonl is over ${JSONL_MAX_BYTES >> 20} MiB: the rest is not read`);
            }
            finally {
                await handle.close();
            }
        });
        let own;
        await this.readRunFile('metrics.json', async () => {
            const r = await (0,safe_fs/* readInside */.xO)(run.root, this.rel('metrics.json'), { maxBytes: OWN_METRICS_MAX_BYTES });
            if (r.truncated)
                throw new Error(`over ${OWN_METRICS_MAX_BYTES >> 20} MiB`);
            own = JSON.parse(r.text);
        });
        if (collector.dropped > 0)
            this.log.say(`warning: ${collector.dropped} metric points or names over the limits dropped`);
        const ended = this.now();
        const { spec, args } = run;
        return {
            version: 1,
            experiment: spec.experiment,
            run_index: spec.index,
            seed: spec.seed,
            params: spec.params,
            tag: args.tag ?? null,
            status,
            exit_code: exitCode,
            reason,
            started_at: this.started.toISOString(),
            ended_at: ended.toISOString(),
            duration_s: (ended.getTime() - this.started.getTime()) / 1000,
            final: collector.final(own),
            history: collector.sortedHistory(),
        };
    }
    /**
     * Writes metrics.json atomically (a symlink planted at the name is replaced, not followed),
     * its reason scrubbed. When it cannot, says why, leaves no metrics.json (not even one the
     * training wrote) and returns false.
     */
    async write(m) {
        const reason = m.reason === null ? null : this.log.scrub(m.reason).slice(0, MAX_REASON);
        try {
            await (0,safe_fs/* writeInside */.Mt)(this.run.root, this.rel('metrics.json'), serializeMetrics({ ...m, reason }));
            return true;
        }
        catch (e) {
            this.log.say(`error: cannot write metrics.json: ${(0,errors/* getErrorMessage */.u1)(e)}`);
            if (!(e instanceof safe_fs/* UnsafePathError */.k0))
                await (0,promises_.rm)((0,external_node_path_.join)(this.run.runDir, 'metrics.json'), { force: true }).catch(() => undefined);
            return false;
        }
    }
    rel(f) {
        return `${this.run.spec.output}/${f}`;
    }
    /** Reads a file the training may have written, safely; says why when it cannot (unless it is not there). */
    async readRunFile(name, read) {
        try {
            await read();
        }
        catch (e) {
            if (!missing(e))
                this.log.say(`warning: ${name} of the training not read: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        }
    }
}
/**
 * Step 2: starts the training command (for container-main, with the run's arguments) in the run's
 * environment, less the runner's own variables, and relays its output: live to our streams, into
 * logs.txt, the last lines kept and stdout's metric lines collected; the training waits while any
 * of those is full. When it cannot start, says why, writes metrics.json (config_error) and returns
 * the exit code.
 */
async function startTraining(r, run, record) {
    const { ctx, log } = r;
    const { spec, runDir, logs } = run;
    const [cmd, ...cmdArgs] = spec.command;
    const argv = spec.argsStyle === 'container-main' ? [...cmdArgs, ...(0,runner_spec/* containerMainArgs */.cR)(spec)] : cmdArgs;
    const childEnv = { ...ctx.env, ...(0,runner_spec/* runEnv */.ZU)(spec, runDir) };
    for (const k of RUNNER_ONLY)
        Reflect.deleteProperty(childEnv, k);
    log.say(`run ${spec.experiment}#${spec.index} seed ${spec.seed} in ${runDir}`);
    log.debug(`command: ${JSON.stringify([cmd, ...argv])}`);
    const cannotStart = async (why) => {
        log.say(`error: ${why}`);
        await record.write(await record.metrics('config_error', EXIT.config, why));
        return EXIT.config;
    };
    let training;
    try {
        training = new Training({ command: cmd, args: argv, cwd: ctx.cwd, env: childEnv });
    }
    catch (e) {
        // what the system cannot take (a NUL byte in the environment): refused before a process exists
        return cannotStart(`cannot start ${cmd}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
    }
    const spawnError = await training.started();
    if (spawnError) {
        return cannotStart(spawnError.code === 'ENOENT'
            ? `training command not found: ${cmd}`
            : `cannot start ${cmd}: ${spawnError.message}`);
    }
    const relay = new Relay([ctx.stdout, ctx.stderr, logs]);
    const relayTo = (out, parse) => (raw) => {
        const line = log.scrub(raw);
        relay.write(logs, line + '\n');
        relay.write(out, line + '\n');
        record.keep(line);
        if (parse)
            record.collector.line(line);
    };
    relay.from(training.stdout, relayTo(ctx.stdout, true));
    relay.from(training.stderr, relayTo(ctx.stderr, false));
    return { training, relay };
}
/**
 * Step 3: waits for the training to end. A signal (from now on, or one that came while it was
 * starting) or RUN_TIMEOUT_SEC stops it: the signal goes to its process group, which gets the
 * grace period to checkpoint before it is killed. Once its main process has ended, the workers it
 * left go with it and its output drains, for DRAIN_MS at most. A failure is said with the last
 * lines of output.
 */
async function waitForTraining(r, run, record, { training, relay }) {
    const { log, signals } = r;
    const { args, timeoutSec } = run;
    let stopped;
    let stopReason = null;
    let cancelGrace = () => undefined;
    const stop = (why, sig, reason) => {
        if (stopped || training.ended)
            return;
        stopped = why;
        stopReason = reason;
        log.say(`${reason}: sending ${sig} to the training, ${args.gracePeriod}s to finish before it is killed`);
        training.signal(sig);
        cancelGrace = after(args.gracePeriod * 1000, () => {
            if (training.ended)
                return;
            log.say(`grace period over: killing the training`);
            training.signal('SIGKILL');
        });
    };
    signals.handle(sig => stop('interrupted', sig, `interrupted (${sig})`));
    // a signal may have come while the training was starting
    const late = signals.first;
    if (late)
        stop('interrupted', late, `interrupted (${late})`);
    const cancelTimeout = timeoutSec === undefined
        ? () => undefined
        : after(timeoutSec * 1000, () => stop('timeout', 'SIGTERM', `RUN_TIMEOUT_SEC=${timeoutSec} reached`));
    const { code, signal } = await training.exited;
    cancelTimeout();
    cancelGrace();
    // workers the training left behind go with it; its output drains, for a bounded time
    await training.finish(DRAIN_MS);
    relay.close();
    if (stopped)
        return { status: stopped, exit: EXIT.interrupted, reason: stopReason, stopped };
    if (code === 0)
        return { status: 'succeeded', exit: EXIT.success, reason: null, stopped };
    const reason = signal ? `training killed by ${signal}` : `training exited with code ${code}`;
    log.say(`error: ${reason}; last lines:\n${record.lastLines()}`);
    return { status: 'failed', exit: EXIT.training, reason, stopped };
}
/**
 * Step 5 (--archive zip, after metrics.json is written): zips the run directory, the outputs it
 * keeps, into `<run>.zip` beside it and PUTs that to RESULT_URL (with --allow-missing-upload and
 * no URL, the results stay on disk). A signal stops both: the run becomes interrupted. A failure
 * leaves no partial zip and turns a run that succeeded into upload_failed. metrics.json is
 * rewritten for either. Returns the exit code.
 */
async function archiveAndUpload(r, run, record, metrics, exit) {
    const { ctx, log, resultUrl } = r;
    const { root, runDir, spec } = run;
    // From here a signal stops the archive and the upload.
    const abort = new AbortController();
    let signalled;
    r.signals.handle(sig => {
        signalled = sig;
        abort.abort();
    });
    const zipPath = `${runDir}.zip`;
    let zipped = false;
    try {
        const include = (0,runner_spec/* keepFilter */.eN)(spec.outputs);
        const out = await (0,safe_fs/* createInside */.dQ)(root, `${spec.output}.zip`);
        log.debug(`archiving ${runDir}`);
        await zipDirectory(runDir, out.createWriteStream(), {
            log: log.say,
            signal: abort.signal,
            ...(include ? { include } : {}),
        });
        zipped = true;
        if (signalled)
            throw new errors/* CancelledError */.cc(`stopped by ${String(signalled)}`);
        if (resultUrl) {
            const up = await putFile(resultUrl, zipPath, { log: log.say, signal: abort.signal, ...uploadTuning(ctx.env) });
            log.say(`uploaded ${(up.bytes / 2 ** 20).toFixed(1)} MiB to ${redactUrl(resultUrl)} (${up.attempts} attempt${up.attempts > 1 ? 's' : ''})`);
        }
        else {
            log.say(`RESULT_URL not set (--allow-missing-upload): results stay in ${runDir}`);
        }
    }
    catch (e) {
        // a partial archive is no result
        if (!zipped)
            await (0,promises_.rm)(zipPath, { force: true }).catch(() => undefined);
        if (signalled) {
            const why = `interrupted (${String(signalled)}) during the ${zipped ? 'upload' : 'archive'}`;
            log.say(`${why}; results stay in ${runDir}`);
            await record.write({ ...metrics, status: 'interrupted', exit_code: EXIT.interrupted, reason: why });
            return EXIT.interrupted;
        }
        log.say(`error: upload failed: ${(0,errors/* getErrorMessage */.u1)(e)}; results stay in ${runDir}`);
        if (exit === EXIT.success) {
            await record.write({
                ...metrics,
                status: 'upload_failed',
                exit_code: EXIT.upload,
                reason: `upload failed: ${(0,errors/* getErrorMessage */.u1)(e)}`,
            });
            return EXIT.upload;
        }
    }
    return exit;
}

;// CONCATENATED MODULE: ./src/runner/main.ts
/**
 * `trainer run` as a process: what only the process can do, around {@link runner}. The
 * pre-signed URL is taken out of the process's own environment (/proc/<pid>/environ) once
 * read, and a runner that fails in any way in-process takes its training down with it.
 */





/**
 * Runs `trainer run` with `argv` in this process and resolves with its exit code. `early`:
 * signals that came while its code loaded (the entry holds them).
 */
async function runnerMain(argv, early = []) {
    const log = (line) => void process.stderr.write(line + '\n');
    // a copy for the runner; the process itself no longer holds the URL, not even in the
    // environment the kernel shows (TRAINER_RUN_TOKEN, an identity for launchers, stays)
    const env = { ...process.env };
    if (env.RESULT_URL && !forgetEnv(['RESULT_URL']))
        log('[trainer] warning: RESULT_URL could not be wiped from /proc/self/environ');
    const redactor = urlRedactor(env.RESULT_URL);
    // Anything that escapes the runner (a bug, a failing stream) ends the process, and the
    // training with it: it must not run on unsupervised. `kill -9` of the runner is its
    // watchdog's to handle (see training.ts).
    const crash = (e) => {
        killLiveTrainings();
        log(redactor.redact(`[trainer] internal error: ${(0,errors/* getErrorMessage */.u1)(e)}; the training was killed`));
        process.exit(EXIT.training);
    };
    process.on('uncaughtException', crash).on('unhandledRejection', crash);
    // a reader that went away (EPIPE) is no reason to fail: the relay stops writing to it
    const ignore = () => undefined;
    process.stdout.on('error', ignore);
    process.stderr.on('error', ignore);
    try {
        return await runner({
            argv,
            env,
            cwd: process.cwd(),
            log,
            stdout: process.stdout,
            stderr: process.stderr,
            signals: process,
            early,
        });
    }
    finally {
        process.off('uncaughtException', crash).off('unhandledRejection', crash);
    }
}


/***/ }),

/***/ 16979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZU: () => (/* binding */ runEnv),
/* harmony export */   cR: () => (/* binding */ containerMainArgs),
/* harmony export */   eN: () => (/* binding */ keepFilter),
/* harmony export */   ig: () => (/* binding */ resolveSpec)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48720);
/* harmony import */ var _plan_resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28315);
/* harmony import */ var _contract_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46670);






const pad = (n) => String(n).padStart(3, '0');
/**
 * The run to do: from `--experiment`/`--run_index` and trainer.yml, resolved exactly
 * as seed 000 says (defaults, then `--override-*`, then the seed rule), or, without
 * `--experiment`, from the `TRAINER_RUN_SPEC` JSON a launcher passed.
 */
async function resolveSpec(a, env, cwd) {
    if (a.experiment === undefined) {
        const raw = env.TRAINER_RUN_SPEC;
        if (!raw)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('--experiment is required (or a TRAINER_RUN_SPEC from a launcher)', { key: '--experiment' });
        let json;
        try {
            json = JSON.parse(raw);
        }
        catch {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('TRAINER_RUN_SPEC is not valid JSON', { key: 'TRAINER_RUN_SPEC' });
        }
        const s = checked(json, 'TRAINER_RUN_SPEC');
        const spec = {
            experiment: s.experiment,
            index: s.index,
            seed: a.seed ??
                s.seed ??
                (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .selectSeed */ .Sq)(s.experiment, s.index, { seeds: undefined, explicit: undefined, preferConfig: false }).seed,
            params: s.params ?? {},
            command: s.command,
            argsStyle: s.argsStyle ?? 'container-main',
            output: s.output ?? `${s.experiment}/runs/${pad(s.index)}`,
            outputs: s.outputs ?? [],
        };
        // --seed too
        checked(spec, 'TRAINER_RUN_SPEC');
        return spec;
    }
    if (a.runIndex === undefined)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('--run_index is required with --experiment', { key: '--run_index' });
    const { config } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z)(cwd, a.config ?? env.TRAINER_CONFIG);
    const exp = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .experimentOf */ .Vp)(config, a.experiment);
    const preferConfig = a.preferConfigSeed && (exp['prefer-config-seed'] ?? true);
    // Run N of the plan the same inputs make (sweep point, replicate seed) when there is one;
    // past its end, seed 000's rule: defaults and overrides, seeds[run_index] or the fallback.
    const plan = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPlan */ .Gg)(config, {
        experiment: a.experiment,
        overrides: a.overrides,
        seed: a.seed,
        preferConfigSeed: preferConfig,
        launchId: 'run',
        maxRuns: Infinity,
    });
    const planned = plan.runs[a.runIndex];
    const { params } = planned ??
        (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .applyOverrides */ .iu)(a.experiment, exp.params ?? {}, a.overrides, Object.keys(exp.sweep?.grid ?? {}), exp['param-types'] ?? {});
    const seed = planned?.seed ?? (0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .selectSeed */ .Sq)(a.experiment, a.runIndex, { seeds: exp.seeds, explicit: a.seed, preferConfig }).seed;
    const spec = {
        experiment: a.experiment,
        index: a.runIndex,
        seed,
        params,
        command: exp.command,
        argsStyle: exp['args-style'] ?? 'container-main',
        output: planned?.output ?? `${a.experiment}/runs/${pad(a.runIndex)}`,
        outputs: exp.outputs ?? [],
    };
    checked(spec, `experiment '${a.experiment}'`);
    return spec;
}
/**
 * A run spec checked against the run contract: the run directory stays inside the results
 * root, nothing holds a NUL. Fails as a ConfigError naming the field (`TRAINER_RUN_SPEC.output: …`).
 */
function checked(spec, source) {
    const r = _contract_js__WEBPACK_IMPORTED_MODULE_4__/* .RunSpecSchema */ .ub.safeParse(spec);
    if (r.success)
        return r.data;
    const i = r.error.issues[0];
    const field = i?.path.length ? `${source}.${i.path.join('.')}` : source;
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${field}: ${i?.message ?? 'invalid'}`, { key: field });
}
/** Which files of a run directory its archive keeps: `outputs` globs, plus metrics.json and logs.txt. */
function keepFilter(outputs) {
    if (outputs.length === 0)
        return undefined;
    const res = outputs.map(g => picomatch__WEBPACK_IMPORTED_MODULE_5___default().makeRe(g, { dot: true }));
    return rel => rel === 'metrics.json' || rel === 'logs.txt' || res.some(r => r.test(rel));
}
/** seed 000's command line for a run: `--experiment X --run_index N --seed S --override-<key> <value> …`. */
function containerMainArgs(s) {
    const out = ['--experiment', s.experiment, '--run_index', String(s.index), '--seed', String(s.seed)];
    for (const [k, v] of Object.entries(s.params))
        out.push(`--override-${k.replace(/_/g, '-')}`, String(v));
    return out;
}
/** `TRAINER_*` variables of a run (always set; the only channel with args-style env). */
function runEnv(s, runDir) {
    const env = {
        TRAINER_RUN_DIR: runDir,
        TRAINER_EXPERIMENT: s.experiment,
        TRAINER_RUN_INDEX: String(s.index),
        TRAINER_SEED: String(s.seed),
        TRAINER_RUN_SPEC: JSON.stringify(s),
    };
    for (const [k, v] of Object.entries(s.params))
        env[`TRAINER_PARAM_${k.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = String(v);
    return env;
}


/***/ })

};
