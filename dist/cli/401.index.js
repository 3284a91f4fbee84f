export const id = 401;
export const ids = [401];
export const modules = {

/***/ 7401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseConfig: () => (/* binding */ parseConfig)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(3713);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/config/schema.ts

const scalar = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()], { error: 'must be a string, number or boolean' });
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
});
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
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
    command: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).min(1),
    params: schemas/* record */.g1P(paramKey, scalar).optional(),
    /** seed 000's `random_seeds`: the seed of run i is seeds[i]. */
    seeds: schemas/* array */.YOg(schemas/* number */.aig()
        .int()
        .min(0)
        .max(2 ** 32 - 1))
        .optional(),
    /** How many runs (per sweep point); default: one per seed, else 1. */
    runs: schemas/* number */.aig().int().min(1).optional(),
    sweep: SweepSchema.optional(),
    resources: ResourcesSchema.optional(),
    backend: schemas/* enum */.k5n(['local', 'local-docker', 'slurm', 'vertex', 'self-hosted']).optional(),
    /** Globs of files to keep from a run's directory. */
    outputs: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).optional(),
    'args-style': schemas/* enum */.k5n(['container-main', 'env']).optional(),
    /** false: ignore `seeds`, use the explicit seed or a deterministic one (seed 000 --no-prefer-config-seed). */
    'prefer-config-seed': schemas/* boolean */.zMY().optional(),
});
const ConfigSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).optional(),
    image: ImageSchema.optional(),
    experiments: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'experiment names are letters, digits, _ . -'), ExperimentSchema)
        .optional(),
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
function locate(doc, lc, file, issue) {
    let path = issue.path.map(p => (typeof p === 'symbol' ? String(p) : p));
    let message = issue.message;
    let key = path.join('.');
    let offset;
    if (issue.code === 'unrecognized_keys') {
        const bad = issue.keys[0] ?? '';
        const parent = doc.getIn(path, true);
        const valid = Object.keys(shapeAt(path));
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
function shapeAt(path) {
    let s = ConfigSchema;
    for (const p of path) {
        const shape = s.shape;
        s = shape?.[String(p)];
        // unwrap optional
        while (s && typeof s === 'object' && 'unwrap' in s && typeof s.unwrap === 'function')
            s = s.unwrap();
    }
    return s?.shape ?? {};
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
    const r = ConfigSchema.safeParse(data);
    if (!r.success)
        throw locate(doc, lc, file, r.error.issues[0]);
    return r.data;
}


/***/ })

};
