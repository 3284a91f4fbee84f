export const id = 568;
export const ids = [568,127];
export const modules = {

/***/ 17568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PlanInputs: () => (/* binding */ PlanInputs),
/* harmony export */   PlanOnlyInputs: () => (/* binding */ PlanOnlyInputs),
/* harmony export */   overridesOf: () => (/* binding */ overridesOf),
/* harmony export */   plan: () => (/* binding */ plan),
/* harmony export */   planFromInputs: () => (/* binding */ planFromInputs)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74528);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67127);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48720);





/** Inputs of a plan (the CLI's `trainer plan`, and the launch pipeline's first step). */
const PlanInputs = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    experiment: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    /** One key=value per line (values may hold commas), or a JSON object (actions/command's overrides output). */
    overrides: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.lines)(),
    seed: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(0, 2 ** 32 - 1),
    'prefer-config-seed': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(true),
    'launch-id': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    'max-runs': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 10_000_000),
    backend: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    image: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    /** This launch's seeds, instead of the experiment's (comma-separated whole numbers). */
    seeds: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.list)(),
    /** Runs per sweep point, instead of the experiment's. */
    runs: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 100_000),
    /** Sweeps for this launch as JSON, parameter to values (`{"lr": [0.01, 0.1]}`); actions/command's sweep output. */
    sweep: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
});
/** `trainer plan`'s own inputs. */
const PlanOnlyInputs = PlanInputs.extend({
    /** Also the job script a Slurm backend would submit. */
    'show-script': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(false),
});
/** The experiment asked for; when none is, an error that says how to name one and lists them. */
function experimentName(name, config) {
    if (name !== undefined)
        return name;
    const names = Object.keys(config.experiments ?? {});
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no experiment given: name one with exp=NAME (the experiment input in a workflow); ${names.length ? `experiments: ${names.join(', ')}` : 'trainer.yml defines none'}`, { key: 'experiment' });
}
function seedsOf(words) {
    if (!words.length)
        return undefined;
    return words.map(w => {
        if (!/^\d{1,10}$/.test(w) || Number(w) > 2 ** 32 - 1)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`seeds: '${w}' is not a seed (a whole number 0..${2 ** 32 - 1})`, { key: 'seeds' });
        return Number(w);
    });
}
function sweepOf(text) {
    if (text === undefined)
        return undefined;
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sweep: not JSON; give an object of parameter to values, {"lr": [0.01, 0.1]}', { key: 'sweep' });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sweep: give an object of parameter to values, {"lr": [0.01, 0.1]}', { key: 'sweep' });
    const out = Object.create(null);
    for (const [k, v] of Object.entries(raw)) {
        if (!Array.isArray(v) || !v.every(x => ['string', 'number', 'boolean'].includes(typeof x)))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' must be a list of values`, { key: 'sweep' });
        out[k] = v;
    }
    return out;
}
/**
 * The overrides input: one `key=value` per line, or a JSON object of parameter to value, as
 * actions/command's `overrides` output holds them. A JSON value is kept exactly; a line is not:
 * the runner trims an input and each line is trimmed, so a value ending in a blank (`note="a "`
 * in a /train comment) reaches the training whole only as JSON.
 */
function overridesOf(lines) {
    if (!lines[0]?.startsWith('{'))
        return (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOverrides */ .f$)(lines);
    const shape = 'give key=value lines, or an object of parameter to value, {"lr": "0.01"}';
    let raw;
    try {
        // a JSON string never spans lines, so the lines' trimming left every value alone
        raw = JSON.parse(lines.join('\n'));
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`overrides: not JSON; ${shape}`, { key: 'overrides' });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`overrides: ${shape}`, { key: 'overrides' });
    const out = Object.create(null);
    for (const [k, v] of Object.entries(raw)) {
        if (!['string', 'number', 'boolean'].includes(typeof v))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`overrides: '${k}' must be a string, a number or a boolean`, { key: 'overrides' });
        const value = String(v);
        if (value.includes('\0'))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${k}: the value contains a NUL byte`, { key: k });
        out[k] = value;
    }
    return out;
}
/** The plan the plan inputs describe, and the configuration it came from. */
async function planFromInputs(io, i) {
    const { config } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z)(io.workspace, i.config);
    const p = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildPlan */ .Gg)(config, {
        experiment: experimentName(i.experiment, config),
        overrides: overridesOf(i.overrides),
        seed: i.seed,
        seeds: seedsOf(i.seeds),
        runs: i.runs,
        sweep: sweepOf(i.sweep),
        preferConfigSeed: i['prefer-config-seed'] ? undefined : false,
        launchId: i['launch-id'],
        maxRuns: i['max-runs'],
        backend: i.backend,
        image: i.image,
    });
    io.setOutput('launch-id', p.launchId);
    io.setOutput('runs', p.runs.length);
    return { config, plan: p };
}
/** Materializes an experiment into a plan of runs, without launching anything. */
async function plan(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.readInputs)(io, PlanOnlyInputs);
    const { config, plan: p } = await planFromInputs(io, i);
    if (!i['show-script'])
        return p;
    const name = p.runs[0]?.backend ?? 'local';
    const { backendConfig } = await __webpack_require__.e(/* import() */ 990).then(__webpack_require__.bind(__webpack_require__, 64990));
    const c = backendConfig(name, config.backends);
    if (c.type !== 'slurm')
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`--show-script: backend '${name}' is ${c.type}; only a Slurm backend has a job script`, {
            key: 'backend',
        });
    const { previewScript } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(805), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 29913));
    return { ...p, script: previewScript(c, p) };
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


/***/ })

};
