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
const ConfigSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).optional(),
    image: ImageSchema.optional(),
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
