export const id = 692;
export const ids = [692,812];
export const modules = {

/***/ 62812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiHost: () => (/* binding */ apiHost),
/* harmony export */   isLoopback: () => (/* binding */ isLoopback),
/* harmony export */   parseRef: () => (/* binding */ parseRef),
/* harmony export */   resolveRef: () => (/* binding */ resolveRef),
/* harmony export */   sanitizeName: () => (/* binding */ sanitizeName),
/* harmony export */   splitTag: () => (/* binding */ splitTag)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);

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

/***/ 69692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_TAG_LENGTH: () => (/* binding */ DEFAULT_TAG_LENGTH),
/* harmony export */   MANIFEST_NAME: () => (/* binding */ MANIFEST_NAME),
/* harmony export */   imageSettings: () => (/* binding */ imageSettings),
/* harmony export */   realmHosts: () => (/* binding */ realmHosts),
/* harmony export */   workspaceOutputs: () => (/* binding */ workspaceOutputs)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90131);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73713);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62812);





const DEFAULT_TAG_LENGTH = 7;
const MANIFEST_NAME = '.image-manifest';
/** Checks and normalises realm hosts (lower case); a URL, a path or a wildcard is a ConfigError naming where it came from. */
function realmHosts(hosts, where) {
    return hosts.map(h => {
        const v = h.trim().toLowerCase();
        if (!_config_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .REALM_HOST */ .dB.test(v)) {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`'${h}' is not a host name: ${where.key} lists the hosts (host or host:port, exactly as in the token realm's URL) that may receive the registry credentials`, { ...(where.file === undefined ? {} : { file: where.file }), key: where.key }, { hint: 'For a realm https://auth.example.com/token write auth.example.com (no scheme, path or wildcard).' });
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
    const results = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, launch?.['results-root'] ?? defaults.results);
    const ledger = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, launch?.ledger ?? defaults.ledger);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(ledger);
    const under = (p, root) => p.startsWith(root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) ? root : `${root}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`);
    return [results, ...(under(dir, cwd) ? [dir] : []), ...['', '-wal', '-shm', '-journal'].map(x => `${ledger}${x}`)];
}
async function exists(p) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(p).then(() => true, () => false);
}
/**
 * `name` in `dir` or the nearest directory above it, the way git finds `.git`: the search
 * stops at the top of the repository (a directory holding `.git`) or of the file system.
 */
async function findUp(dir, name) {
    for (let at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir);; at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at)) {
        if (await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, name)))
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, name);
        if ((await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, '.git'))) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(at) === at)
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
    const cfgDir = cfgFile ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(cfgFile) : cwd;
    const pick = (input, conf) => input !== undefined
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, input)
        : conf !== undefined
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(conf)
                ? conf
                : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cfgDir, conf)
            : undefined;
    const named = pick(over.dockerfile, cfg?.dockerfile);
    const dockerfile = named ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, 'Dockerfile');
    const context = pick(over.context, cfg?.context) ?? (named ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(named) : cwd);
    let manifest = pick(over.manifest, cfg?.manifest);
    if (manifest === undefined) {
        const beside = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dockerfile), MANIFEST_NAME);
        manifest = (await exists(beside)) ? beside : ((await findUp(cwd, MANIFEST_NAME)) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, MANIFEST_NAME));
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
        dockerignore: cfg?.dockerignore === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cfgDir, cfg.dockerignore),
        name: over.name ?? cfg?.name,
        registry: over.registry ?? cfg?.registry,
        tagLength: over['tag-length'] ?? cfg?.['tag-length'] ?? DEFAULT_TAG_LENGTH,
        buildArgs,
        platform: over.platform ?? cfg?.platform,
        fallbackName: repo ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(cwd),
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
            : (0,_ref_js__WEBPACK_IMPORTED_MODULE_4__.parseRef)(cfg['cache-from'], { ...(cfgFile === undefined ? {} : { file: cfgFile }), key: 'image.cache-from' }),
    };
}


/***/ })

};
