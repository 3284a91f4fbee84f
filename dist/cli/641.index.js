export const id = 641;
export const ids = [641,22];
export const modules = {

/***/ 16641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   imageForManifest: () => (/* binding */ imageForManifest),
/* harmony export */   imageRegistry: () => (/* binding */ imageRegistry)
/* harmony export */ });
/* harmony import */ var _manifest_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82219);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50791);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62812);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43718);




/*
 * The image's reference and its registry, without the Docker engine: what both the build
 * (src/image/pipeline.ts) and the hash action's `check` need. Nothing here loads dockerode,
 * so the small hash bundle stays small.
 */
const SOURCE_WORDS = { head: 'committed files', worktree: 'work-tree files', disk: 'files on disk' };
/** Hashes the manifest and resolves the image reference it names. */
async function imageForManifest(s, o) {
    const hash = await (0,_manifest_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .hashManifest */ .sP)({
        cwd: s.cwd,
        manifest: s.manifest,
        tagLength: s.tagLength,
        includeWorktree: o.includeWorktree ?? false,
        log: o.log,
    });
    const ref = (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.resolveRef)({
        name: s.name,
        registry: s.registry,
        tag: o.tag,
        manifestTag: hash.tag,
        fallbackName: (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.sanitizeName)(s.fallbackName),
    });
    return { hash, ref };
}
/**
 * Hashes the manifest, resolves the image reference, finds the credentials for its registry
 * (masked at once) and makes the registry client, under the realm rules of trainer.yml.
 */
async function imageRegistry(o) {
    const { settings: s, log } = o;
    const { hash, ref } = await imageForManifest(s, { tag: o.tag, includeWorktree: o.includeWorktree ?? false, log });
    log.info(`image ${ref.full} (manifest ${hash.manifest}: ${hash.count} ${SOURCE_WORDS[hash.source]}, sha256 ${hash.hash})`);
    const credentials = o.credentials ?? (await (0,_credentials_js__WEBPACK_IMPORTED_MODULE_1__.dockerCredentials)(ref.registry, o.env));
    if (credentials?.password)
        o.secret(credentials.password);
    if (credentials?.identityToken)
        o.secret(credentials.identityToken);
    const registry = new _registry_js__WEBPACK_IMPORTED_MODULE_3__.RegistryClient({
        credentials,
        log,
        secret: o.secret,
        authRealms: s.authRealms,
        ...(o.registryTimeoutMs === undefined ? {} : { timeoutMs: o.registryTimeoutMs }),
        ...(o.registryRetryBase === undefined ? {} : { retryAfterBase: o.registryRetryBase }),
    });
    return { hash, ref, credentials, registry };
}


/***/ }),

/***/ 50791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerConfigDir: () => (/* binding */ dockerConfigDir),
/* harmony export */   dockerCredentials: () => (/* binding */ dockerCredentials)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _kit_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29495);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73713);





/** The directory docker/login-action and `docker login` write config.json to. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker');
}
function keysFor(registry) {
    if (registry === 'docker.io')
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}
/** What Docker itself accepts after `docker-credential-`: a bare program name, never a path. */
const HELPER_NAME = /^[A-Za-z0-9._-]+$/;
function checkHelper(name, file, key) {
    if (typeof name !== 'string' || !HELPER_NAME.test(name)) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(`${key} in ${file} names the credential helper ${JSON.stringify(name)}, which is not a helper name (letters, digits, '.', '_', '-'; no path)`, { file, key }, { hint: 'Name an installed docker-credential-<name> program, e.g. "credsStore": "secretservice".' });
    }
    return name;
}
/** The helper's answer, or undefined when it is not the JSON object Docker defines. */
function parseHelperOutput(out) {
    let j;
    try {
        j = JSON.parse(out.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (j === null || typeof j !== 'object' || Array.isArray(j))
        return undefined;
    const { Username, Secret } = j;
    if (Secret !== undefined && typeof Secret !== 'string')
        return undefined;
    if (Username !== undefined && typeof Username !== 'string')
        return undefined;
    return { ...(Username === undefined ? {} : { Username }), ...(Secret === undefined ? {} : { Secret }) };
}
async function fromHelper(helper, registry, env) {
    const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
    let r;
    try {
        r = await (0,_kit_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .exec */ .m)(`docker-credential-${helper}`, ['get'], { input: server, env });
    }
    catch (e) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .lR(`credential helper docker-credential-${helper} could not be run: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .getErrorMessage */ .u1)(e)}`);
    }
    if (r.code !== 0) {
        if (/credentials not found/i.test(r.stdout.toString() + r.stderr))
            return undefined;
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .lR(`credential helper docker-credential-${helper} failed for ${registry}: ${r.stderr.trim().slice(0, 500) || `exit ${r.code}`}`);
    }
    // Never echo the output: a JSON parse error quotes it, and it holds the secret.
    const j = parseHelperOutput(r.stdout);
    if (!j) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .lR(`credential helper docker-credential-${helper} answered ${registry} with malformed output (not {"Username": ..., "Secret": ...} JSON); it is not shown, as it may hold the secret`);
    }
    const { Secret: secret, Username: user } = j;
    if (!secret)
        return undefined;
    return user === '<token>' ? { identityToken: secret } : { username: user ?? '', password: secret };
}
/**
 * Finds credentials for a registry in Docker's config.json (as docker/login-action
 * writes it): a credHelpers entry, an `auths` entry, or the credsStore.
 */
async function dockerCredentials(registry, env) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dockerConfigDir(env), 'config.json');
    let cfg;
    try {
        cfg = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
    const helper = cfg.credHelpers?.[registry];
    if (helper)
        return fromHelper(checkHelper(helper, file, `credHelpers.${registry}`), registry, env);
    for (const k of keysFor(registry)) {
        const a = cfg.auths?.[k];
        if (!a)
            continue;
        if (a.identitytoken)
            return { identityToken: a.identitytoken };
        if (a.auth) {
            const dec = Buffer.from(a.auth, 'base64').toString('utf8');
            const i = dec.indexOf(':');
            if (i > 0)
                return { username: dec.slice(0, i), password: dec.slice(i + 1) };
        }
        if (a.username && a.password)
            return { username: a.username, password: a.password };
    }
    if (cfg.credsStore)
        return fromHelper(checkHelper(cfg.credsStore, file, 'credsStore'), registry, env);
    return undefined;
}


/***/ })

};
