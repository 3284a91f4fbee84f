export const id = 718;
export const ids = [718];
export const modules = {

/***/ 43718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KNOWN_REALMS: () => (/* binding */ KNOWN_REALMS),
/* harmony export */   MANIFEST_ACCEPT: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   MAX_TOKEN_BYTES: () => (/* binding */ MAX_TOKEN_BYTES),
/* harmony export */   REALM_HOSTS: () => (/* binding */ REALM_HOSTS),
/* harmony export */   RegistryClient: () => (/* binding */ RegistryClient),
/* harmony export */   checkRealm: () => (/* binding */ checkRealm),
/* harmony export */   parseChallenge: () => (/* binding */ parseChallenge),
/* harmony export */   parseChallenges: () => (/* binding */ parseChallenges),
/* harmony export */   readCapped: () => (/* binding */ readCapped)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _kit_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91834);
/* harmony import */ var _ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62812);



/** Every manifest media type a registry may hold for a tag (index, list, single manifests). */
const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/**
 * Registries whose token endpoint is fixed: asking it first saves the HEAD that would
 * only fetch the challenge, so the check is one token request plus one HEAD. Should the
 * guess be refused, the challenge flow runs as for any other registry.
 */
const KNOWN_REALMS = {
    'ghcr.io': { realm: 'https://ghcr.io/token', service: 'ghcr.io' },
    'docker.io': { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' },
};
/**
 * Token services that live on another host than their registry. Every other registry
 * (ghcr.io, quay.io, gcr.io, *-docker.pkg.dev, ECR, ACR, nvcr.io, ...) serves its token
 * realm on its own host, which is always allowed. Exact host names: no suffix matching.
 */
const REALM_HOSTS = {
    'docker.io': ['auth.docker.io'],
    'registry.gitlab.com': ['gitlab.com'],
};
/** The largest token response read (a token is a few kilobytes); larger bodies are refused. */
const MAX_TOKEN_BYTES = 1024 * 1024;
const ALLOW_HINT = (host) => `If ${host} is this registry's token service, allow it with \`image.auth-realms: [${host}]\` in trainer.yml, ` +
    `the auth-realms input of the build action, or --auth-realms ${host} on the command line.`;
/** `host[:port]` as the URL parser writes it: lower case, default port dropped, IPv6 in brackets. */
function hostOf(u) {
    return u.host.toLowerCase();
}
function isLoopbackUrl(u) {
    return (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.isLoopback)(u.hostname);
}
/**
 * Checks a token realm before any credential goes to it: it must be an https URL (http
 * only on loopback) without user info, on the registry's own host or on a host known
 * ({@link REALM_HOSTS}) or configured for it. Host names are compared exactly, after the
 * WHATWG URL parser (the one fetch uses) has normalised them. Returns the URL to use.
 */
function checkRealm(realm, registry, configured = []) {
    let u;
    try {
        u = new URL(realm);
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`registry ${registry} named the token realm '${realm}', which is not an absolute URL`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`registry ${registry} named the token realm ${realm}: only https is used for credentials`);
    if (u.username || u.password)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`registry ${registry} named a token realm with user info (${u.host}): refused`);
    const host = hostOf(u);
    if (u.protocol === 'http:' && !isLoopbackUrl(u)) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`registry ${registry} named the token realm http://${host}${u.pathname}: credentials never go over plain HTTP (only to loopback)`);
    }
    const scheme = (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.isLoopback)(registry) ? 'http' : 'https';
    const own = hostOf(new URL(`${scheme}://${(0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.apiHost)(registry)}`));
    const allowed = new Set([own, ...(REALM_HOSTS[registry] ?? []), ...configured.map(h => h.toLowerCase())]);
    if (!allowed.has(host)) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`registry ${registry} named the token realm ${u.protocol}//${host}${u.pathname}: its credentials go only to ${[...allowed].join(', ')}, not to ${host}`, { hint: ALLOW_HINT(host) });
    }
    return u;
}
/** Reads a response body up to `limit` bytes; a longer one is cancelled and refused. */
async function readCapped(res, limit, service, op) {
    const tooLarge = () => new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(service, op, `the response is larger than ${limit / (1024 * 1024)} MiB: refused`, {
        status: res.status,
    });
    const declared = Number(res.headers.get('content-length') ?? '');
    if (declared > limit) {
        await res.body?.cancel().catch(() => undefined);
        throw tooLarge();
    }
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let n = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        n += value.byteLength;
        if (n > limit) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge();
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Parses a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"`. */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const scheme = m[1].toLowerCase();
    if (scheme !== 'bearer' && scheme !== 'basic')
        return undefined;
    const params = {};
    for (const p of (m[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme, params };
}
/**
 * Every challenge in a WWW-Authenticate value. fetch joins repeated headers with ", ", while
 * Docker's engine reads each header as a challenge of its own: `Basic realm="r"` and
 * `Bearer realm="…"` sent as two headers arrive here as one string and must both be seen.
 * Challenges of other schemes (and token68 forms) are skipped.
 */
function parseChallenges(header) {
    if (!header)
        return [];
    const out = [];
    let current;
    for (const raw of header.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? []) {
        const item = raw.trim();
        const m = /^([\w!#$%&'*+.^`|~-]+)(\s*=\s*)?(.*)$/s.exec(item);
        if (!m)
            continue;
        let param = item;
        if (m[2] === undefined) {
            // a scheme, alone or followed by its first parameter
            const scheme = m[1].toLowerCase();
            current = scheme === 'bearer' || scheme === 'basic' ? { scheme, params: {} } : undefined;
            if (current)
                out.push(current);
            param = m[3].trim();
        }
        const p = /^(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*$/s.exec(param);
        if (current && p)
            current.params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return out;
}
/**
 * A minimal OCI distribution client: answers "does this tag exist?" with one HEAD
 * request (plus one token request when the registry uses bearer tokens), with
 * basic auth, the bearer-token challenge flow, and retries of transient failures.
 * It fails closed: only 200 means present and only 404 means missing.
 *
 * Credentials go only to the registry's own host and to token realms allowed for it
 * ({@link checkRealm}); never over plain HTTP off loopback; never through a redirect
 * to another origin (redirects are followed by hand, without Authorization).
 */
class RegistryClient {
    o;
    requests = [];
    tokens = new Map();
    constructor(o = {}) {
        this.o = o;
    }
    base(registry) {
        return `${this.o.insecure || (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.isLoopback)(registry) ? 'http' : 'https'}://${(0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.apiHost)(registry)}`;
    }
    basic() {
        const c = this.o.credentials;
        if (c?.username === undefined || c.password === undefined)
            return undefined;
        return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
    }
    /** One request, no redirect followed; credentials (a header or a body) only over https or to loopback. */
    async send(method, url, headers, body) {
        const label = url.replace(/\?.*$/, '');
        const u = new URL(url);
        if ((headers.authorization !== undefined || body !== undefined) && u.protocol !== 'https:' && !isLoopbackUrl(u)) {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`${method} ${label}: credentials are never sent over plain HTTP (only to loopback)`, {
                hint: 'Serve the registry over https.',
            });
        }
        try {
            const res = await fetch(url, {
                method,
                headers,
                signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
                redirect: 'manual',
                ...(body === undefined ? {} : { body }),
            });
            this.requests.push({ method, url: label, status: res.status });
            return res;
        }
        catch (e) {
            this.requests.push({ method, url: label, status: 'error' });
            const timedOut = e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError');
            const cause = e.cause;
            const why = timedOut
                ? `timed out after ${(this.o.timeoutMs ?? 30_000) / 1000}s`
                : (cause?.code ?? cause?.message ?? (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e));
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label.replace(/^https?:\/\//, ''), method, why, { retryable: true, cause: e });
        }
    }
    /**
     * A GET or HEAD that follows redirects by hand: Authorization only while the origin
     * stays the same, never to http off loopback. Returns the last response and its URL.
     */
    async follow(method, url, headers) {
        const origin = new URL(url).origin;
        let current = new URL(url);
        let h = headers;
        for (let hop = 0;; hop++) {
            const res = await this.send(method, current.toString(), h);
            const location = res.headers.get('location');
            if (!REDIRECTS.has(res.status) || location === null)
                return { res, url: current };
            await res.body?.cancel().catch(() => undefined);
            const label = `${current.host}${current.pathname}`;
            if (hop >= MAX_REDIRECTS)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label, method, `more than ${MAX_REDIRECTS} redirects`);
            let next;
            try {
                next = new URL(location, current);
            }
            catch {
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label, method, `${res.status} redirect to an invalid location`);
            }
            const plainOk = next.protocol === 'http:' && (current.protocol === 'http:' || isLoopbackUrl(next));
            if (next.protocol !== 'https:' && !plainOk)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label, method, `${res.status} redirect to ${next.protocol}//${next.host}: not followed`);
            if (next.origin !== origin && h.authorization !== undefined) {
                h = { ...h };
                delete h.authorization;
            }
            current = next;
        }
    }
    refused(realm, status) {
        const c = this.o.credentials;
        return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`token request to ${realm} refused (${status}): ${c ? 'the registry credentials were rejected' : 'no registry credentials were found'}`, { hint: 'Log in with docker/login-action, or pass the username and password inputs.' });
    }
    async token(ch, scope, registry) {
        const realm = ch.params.realm;
        if (!realm)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR('registry sent a Bearer challenge without a realm');
        const u = checkRealm(realm, registry, this.o.authRealms);
        const label = `${u.host}${u.pathname}`;
        const service = ch.params.service ?? '';
        const c = this.o.credentials;
        let res;
        let op;
        if (c?.identityToken) {
            op = 'POST';
            const body = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: c.identityToken,
                service,
                scope,
                client_id: 'trainer-action',
            });
            res = await this.send('POST', u.toString(), { 'content-type': 'application/x-www-form-urlencoded' }, body.toString());
        }
        else {
            op = 'GET';
            if (service)
                u.searchParams.set('service', service);
            u.searchParams.set('scope', scope);
            const auth = this.basic();
            res = await this.send('GET', u.toString(), auth ? { authorization: auth } : {});
        }
        if (REDIRECTS.has(res.status)) {
            await res.body?.cancel().catch(() => undefined);
            const to = res.headers.get('location') ?? '';
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`token request to ${label} answered ${res.status} redirect${to ? ` to ${to.replace(/\?.*$/, '')}` : ''}: not followed with the credentials`, { hint: `Allow the token service's final address instead (image.auth-realms in trainer.yml).` });
        }
        if (res.status === 401 || res.status === 403) {
            await res.body?.cancel().catch(() => undefined);
            throw this.refused(label, res.status);
        }
        if (!res.ok) {
            await res.body?.cancel().catch(() => undefined);
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label, op, `${res.status} ${res.statusText}`, {
                status: res.status,
                retryable: _kit_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRYABLE_STATUS */ .Uz.has(res.status),
            });
        }
        const text = await readCapped(res, MAX_TOKEN_BYTES, label, op);
        let j;
        try {
            j = JSON.parse(text);
        }
        catch {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label, op, `${res.status}: the token response is not JSON`, { status: res.status });
        }
        const t = j.token ?? j.access_token;
        if (typeof t !== 'string' || !t)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(label, op, 'token response has no token');
        this.o.secret?.(t);
        return t;
    }
    /** HEAD /v2/<name>/manifests/<tag>: whether the tag exists, and its digest. */
    async manifest(ref) {
        const path = `/v2/${ref.repository}/manifests/${ref.tag}`;
        const url = this.base(ref.registry) + path;
        const origin = new URL(url).origin;
        const key = `${ref.registry}|repository:${ref.repository}:pull`;
        const hint = 'Log in with docker/login-action, or pass the username and password inputs.';
        const op = async () => {
            const headers = { accept: MANIFEST_ACCEPT };
            const known = (this.o.realms ?? KNOWN_REALMS)[ref.registry];
            if (known && !this.tokens.has(key)) {
                const scope = `repository:${ref.repository}:pull`;
                const t = await this.token({ scheme: 'bearer', params: known }, scope, ref.registry).catch((e) => {
                    if (e instanceof _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7 && e.retryable)
                        throw e;
                    this.o.log?.debug(`token from ${known.realm} refused, falling back to the challenge: ${String(e)}`);
                    return undefined;
                });
                if (t)
                    this.tokens.set(key, t);
            }
            const cached = this.tokens.get(key);
            // Basic credentials go up front only where they may go at all (https, or loopback)
            const basic = url.startsWith('https:') || (0,_ref_js__WEBPACK_IMPORTED_MODULE_2__.isLoopback)(ref.registry) ? this.basic() : undefined;
            if (cached)
                headers.authorization = `Bearer ${cached}`;
            else if (basic)
                headers.authorization = basic;
            const first = await this.follow('HEAD', url, headers);
            let res = first.res;
            if (res.status === 401 && first.url.origin !== origin) {
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`HEAD ${ref.registry}${path}: redirected to ${first.url.host}, which asks for credentials: credentials for ${ref.registry} go only to ${ref.registry}`, { hint });
            }
            if (res.status === 401) {
                const ch = parseChallenge(res.headers.get('www-authenticate'));
                if (ch?.scheme === 'bearer') {
                    const t = await this.token(ch, ch.params.scope ?? `repository:${ref.repository}:pull`, ref.registry);
                    this.tokens.set(key, t);
                    res = (await this.follow('HEAD', url, { ...headers, authorization: `Bearer ${t}` })).res;
                }
                else if (ch?.scheme === 'basic' && this.basic() && !headers.authorization) {
                    res = (await this.follow('HEAD', url, { ...headers, authorization: this.basic() })).res;
                }
            }
            const where = `${ref.registry}${path}`;
            if (res.status === 200)
                return { exists: true, digest: res.headers.get('docker-content-digest') ?? undefined };
            if (res.status === 404)
                return { exists: false };
            if (res.status === 401 || res.status === 403) {
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`HEAD ${where}: ${res.status} ${res.statusText}: ${this.o.credentials ? 'the registry refused the credentials' : 'the registry requires credentials'}`, { hint });
            }
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(where, 'HEAD', `${res.status} ${res.statusText}`, {
                status: res.status,
                retryable: _kit_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRYABLE_STATUS */ .Uz.has(res.status),
                retryAfterMs: (0,_kit_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')),
            });
        };
        return this.retrying(op);
    }
    /** Runs `op`, retrying transient failures (retryable ServiceErrors, honouring Retry-After). */
    retrying(op) {
        return (0,_kit_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L5)(op, {
            retries: this.o.retries ?? 3,
            retryAfterBase: this.o.retryAfterBase ?? 500,
            maxRetryAfterMs: 30_000,
            onRetry: (e, n, ms) => this.o.log?.warning(`${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}; retry ${n} in ${(ms / 1000).toFixed(1)}s`),
        });
    }
    /**
     * The challenge the Docker engine will see before a push: its ping, `GET /v2/` without
     * credentials. The engine answers only challenges recorded from that ping, and would send
     * the registry credentials to whatever realm a Bearer challenge names; so every Bearer
     * realm in it must pass {@link checkRealm} (the same rule, and message, as for the HEAD).
     * A 401 from another origin after a redirect is refused, as for the HEAD.
     */
    async pushChallenge(ref) {
        const url = `${this.base(ref.registry)}/v2/`;
        const origin = new URL(url).origin;
        const where = `${ref.registry}/v2/`;
        return this.retrying(async () => {
            const { res, url: at } = await this.follow('GET', url, {});
            await res.body?.cancel().catch(() => undefined);
            if (res.status !== 401) {
                if (_kit_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRYABLE_STATUS */ .Uz.has(res.status)) {
                    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(where, 'GET', `${res.status} ${res.statusText}`, {
                        status: res.status,
                        retryable: true,
                        retryAfterMs: (0,_kit_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')),
                    });
                }
                return { scheme: 'none' };
            }
            if (at.origin !== origin) {
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`GET ${where}: redirected to ${at.host}, which asks for credentials: credentials for ${ref.registry} go only to ${ref.registry}`, { hint: 'Push to the registry the image names, not to a host it redirects to.' });
            }
            const all = parseChallenges(res.headers.get('www-authenticate'));
            const bearer = all.filter(c => c.scheme === 'bearer');
            for (const c of bearer) {
                if (!c.params.realm)
                    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`registry ${ref.registry} sent a Bearer challenge without a realm`);
                checkRealm(c.params.realm, ref.registry, this.o.authRealms);
            }
            if (bearer[0])
                return { scheme: 'bearer', challenge: bearer[0] };
            return all.some(c => c.scheme === 'basic') ? { scheme: 'basic' } : { scheme: 'none' };
        });
    }
    /**
     * What a push hands the engine, decided from the engine's own challenge ({@link pushChallenge}):
     * - Bearer: a token for `repository:<name>:pull,push`, obtained here through the checked realm
     *   (Docker's `registrytoken`: the engine sends it to the registry as is and asks no realm);
     * - Basic: the credentials (the engine sends them as Basic to the registry only);
     * - no challenge: nothing, since the engine would not use credentials anyway.
     */
    async pushAuth(ref) {
        if (!this.o.credentials)
            return { kind: 'none' };
        const ch = await this.pushChallenge(ref);
        if (ch.scheme === 'basic')
            return { kind: 'credentials' };
        if (ch.scheme === 'none')
            return { kind: 'none' };
        const scope = `repository:${ref.repository}:pull,push`;
        const token = await this.retrying(() => this.token(ch.challenge, scope, ref.registry));
        return { kind: 'token', token };
    }
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


/***/ })

};
