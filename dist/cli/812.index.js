export const id = 812;
export const ids = [812,431,50];
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


/***/ })

};
