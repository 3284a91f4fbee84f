export const id = 127;
export const ids = [127];
export const modules = {

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
