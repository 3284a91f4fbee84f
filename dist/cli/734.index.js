export const id = 734;
export const ids = [734];
export const modules = {

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


/***/ })

};
