export const id = 957;
export const ids = [957];
export const modules = {

/***/ 36957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PushAuthError: () => (/* binding */ PushAuthError),
  buildImage: () => (/* binding */ buildImage),
  connectDocker: () => (/* binding */ connectDocker),
  pingDocker: () => (/* binding */ pingDocker),
  pullImage: () => (/* binding */ pullImage),
  pushImage: () => (/* binding */ pushImage),
  registryAuthSecrets: () => (/* binding */ registryAuthSecrets),
  tagImage: () => (/* binding */ tagImage)
});

;// CONCATENATED MODULE: ./src/image/modem-debug.ts
/**
 * docker-modem logs every request it sends under `DEBUG=modem` (or `DEBUG=*`), the
 * `X-Registry-Auth` header of a push included: the registry password, base64-encoded.
 * The `debug` package reads DEBUG once, when it is first loaded, so this module must be
 * evaluated before dockerode is: src/image/docker.ts imports it first. It is the one
 * import-time side effect in the codebase, and it only ever narrows what is logged.
 */
/** DEBUG with docker-modem's namespace skipped (a `-name` skip wins over any include). */
function withoutModem(debug) {
    if (!debug?.trim())
        return debug;
    if (debug.split(/[\s,]+/).includes('-modem'))
        return debug;
    return `${debug},-modem`;
}
const debug = withoutModem(process.env.DEBUG);
if (debug !== undefined)
    process.env.DEBUG = debug;

// EXTERNAL MODULE: ./node_modules/dockerode/lib/docker.js
var lib_docker = __webpack_require__(39040);
var docker_default = /*#__PURE__*/__webpack_require__.n(lib_docker);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/image/ssh-host.ts





const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
/** The name a host has in known_hosts: `host`, or `[host]:port` off port 22. */
function knownHostsName(host, port) {
    return port === 22 ? host : `[${host}]:${port}`;
}
/** `SHA256:…`, as ssh-keygen -l prints a key's fingerprint. */
function fingerprint(blob) {
    return `SHA256:${(0,external_node_crypto_.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
function patternMatches(pattern, name) {
    if (pattern.startsWith('|1|')) {
        const [, , salt, hash] = pattern.split('|');
        if (!salt || !hash)
            return false;
        const want = Buffer.from(hash, 'base64');
        const got = (0,external_node_crypto_.createHmac)('sha1', Buffer.from(salt, 'base64')).update(name).digest();
        return want.length === got.length && (0,external_node_crypto_.timingSafeEqual)(want, got);
    }
    const re = new RegExp(`^${pattern
        .toLowerCase()
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`);
    return re.test(name.toLowerCase());
}
/** Whether a known_hosts host field (comma-separated patterns, `!` negations, hashed names) names `name`. */
function hostFieldMatches(field, name) {
    let hit = false;
    for (const p of field.split(',')) {
        if (p.startsWith('!')) {
            if (patternMatches(p.slice(1), name))
                return false;
        }
        else if (patternMatches(p, name))
            hit = true;
    }
    return hit;
}
/** The keys known_hosts text holds for `name` (certificate authorities are not supported, and skipped). */
function knownKeys(text, name) {
    const out = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const f = line.split(/\s+/);
        let marker;
        if (f[0]?.startsWith('@'))
            marker = f.shift();
        if (marker === '@cert-authority')
            continue;
        const [hosts, type, key] = f;
        if (!hosts || !type || !key || !hostFieldMatches(hosts, name))
            continue;
        out.push({ type, blob: Buffer.from(key, 'base64'), revoked: marker === '@revoked' });
    }
    return out;
}
/** The host key algorithms that give a key of this known_hosts type (RSA keys sign with several). */
function algorithmsFor(type) {
    return type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type];
}
/** Whether a private key file is protected by a passphrase (OpenSSH or PEM format). */
function isEncryptedKey(text) {
    if (/^Proc-Type:.*ENCRYPTED/m.test(text) || text.includes('BEGIN ENCRYPTED PRIVATE KEY'))
        return true;
    const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
    if (!m)
        return false;
    const b = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
    const magic = 'openssh-key-v1\0';
    if (b.subarray(0, magic.length).toString('latin1') !== magic || b.length < magic.length + 4)
        return false;
    const n = b.readUInt32BE(magic.length);
    return b.subarray(magic.length + 4, magic.length + 4 + n).toString('latin1') !== 'none';
}
const readText = (p) => {
    try {
        return (0,external_node_fs_.readFileSync)(p, 'utf8');
    }
    catch {
        return undefined;
    }
};
/**
 * The target of an ssh:// DOCKER_HOST, read with the WHATWG URL parser as docker-modem reads it.
 * A password in it, or a path after the host, is a ConfigError.
 */
function sshTarget(dockerHost, env) {
    let u;
    try {
        u = new URL(dockerHost);
    }
    catch {
        throw new errors/* ConfigError */.xL(`DOCKER_HOST '${dockerHost}' is not a URL: use ssh://user@host[:port]`, { key: 'DOCKER_HOST' });
    }
    if (u.password) {
        throw new errors/* ConfigError */.xL('DOCKER_HOST holds an ssh password: refused (it would be logged with the host); use a key, through ssh-agent or ~/.ssh/id_*', { key: 'DOCKER_HOST' });
    }
    if ((u.pathname && u.pathname !== '/') || u.search || u.hash || !u.hostname) {
        throw new errors/* ConfigError */.xL(`DOCKER_HOST '${dockerHost}' must be ssh://user@host[:port], with nothing after the host`, {
            key: 'DOCKER_HOST',
        });
    }
    return {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: Number(u.port || 22),
        username: decodeURIComponent(u.username) || env.USER || env.LOGNAME || (0,external_node_os_.userInfo)().username,
    };
}
/**
 * ssh2 connection options for `target` (docker-modem's `sshOptions`): the agent, a default key
 * without passphrase, and a host key verifier over ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts,
 * with the host key algorithms narrowed to the types known for the host (as ssh(1) prefers them).
 */
function sshOptions(target, env) {
    const home = env.HOME || (0,external_node_os_.homedir)();
    const ssh = (0,external_node_path_.join)(home, '.ssh');
    const state = { target, tried: [], skipped: [], knownHosts: [] };
    const options = { readyTimeout: 20_000 };
    if (env.SSH_AUTH_SOCK) {
        options.agent = env.SSH_AUTH_SOCK;
        state.tried.push('ssh-agent (SSH_AUTH_SOCK)');
    }
    for (const name of DEFAULT_KEYS) {
        const path = (0,external_node_path_.join)(ssh, name);
        const text = readText(path);
        if (text === undefined)
            continue;
        if (isEncryptedKey(text)) {
            state.skipped.push(`${path} (it has a passphrase: add it to ssh-agent)`);
            continue;
        }
        options.privateKey = text;
        state.tried.push(`key ${path}`);
        break;
    }
    const name = knownHostsName(target.host, target.port);
    const known = [];
    for (const file of [(0,external_node_path_.join)(ssh, 'known_hosts'), '/etc/ssh/ssh_known_hosts']) {
        const text = readText(file);
        if (text === undefined)
            continue;
        state.knownHosts.push(file);
        known.push(...knownKeys(text, name));
    }
    const trusted = known.filter(k => !k.revoked);
    if (trusted.length)
        options.algorithms = { serverHostKey: [...new Set(trusted.flatMap(k => algorithmsFor(k.type)))] };
    options.hostVerifier = (key) => {
        const fp = fingerprint(key);
        if (known.some(k => k.revoked && k.blob.equals(key)))
            state.hostKey = { why: 'revoked', fingerprint: fp };
        else if (trusted.some(k => k.blob.equals(key)))
            return true;
        else
            state.hostKey = { why: trusted.length ? 'changed' : 'unknown', fingerprint: fp };
        return false;
    };
    return { options, state };
}
/** The error for a failure to reach an engine over ssh, naming the host and what went wrong. */
function sshFailure(e, state, dockerHost) {
    const { host, port, username } = state.target;
    const at = `${username}@${host}:${port}`;
    const err = e;
    if (state.hostKey) {
        const { why, fingerprint: fp } = state.hostKey;
        const files = state.knownHosts.length ? state.knownHosts.join(', ') : `no known_hosts file`;
        const scan = `ssh-keyscan${port === 22 ? '' : ` -p ${port}`} ${host} >> ~/.ssh/known_hosts`;
        const words = {
            unknown: `is not in known_hosts (${files}): refused, as ssh does without a terminal`,
            changed: `is not the one known_hosts (${files}) holds for ${knownHostsName(host, port)}: refused (the host was reinstalled, or someone is in between)`,
            revoked: `is marked @revoked in known_hosts (${files}): refused`,
        }[why];
        return new errors/* AuthError */.lR(`ssh ${at}: the host key ${fp} ${words}`, {
            cause: e,
            hint: `Check the fingerprint with the host's owner, then add the key: ${scan} (in a workflow, write the line to ~/.ssh/known_hosts from a secret).`,
        });
    }
    if (err.level === 'client-authentication') {
        const tried = state.tried.length ? state.tried.join(', ') : 'nothing: no ssh-agent and no default key';
        const skipped = state.skipped.length ? `; skipped ${state.skipped.join(', ')}` : '';
        return new errors/* AuthError */.lR(`ssh ${at}: authentication failed (tried ${tried}${skipped})`, {
            cause: e,
            hint: `Authorize a key for ${username} on ${host}, and load it into ssh-agent (webfactory/ssh-agent) or write it to ~/.ssh/id_ed25519.`,
        });
    }
    const code = err.code ?? (err.level === 'client-timeout' ? 'timed out' : undefined);
    if (code && code !== 'ECONNRESET')
        return new errors/* ServiceError */._7(`Docker engine at ${dockerHost}`, 'ping', `ssh to ${at} failed: unreachable (${code})`, {
            cause: e,
            hint: `Check that ${host} accepts ssh on port ${port} from here.`,
        });
    return new errors/* ServiceError */._7(`Docker engine at ${dockerHost}`, 'ping', `ssh to ${at} worked, but \`docker system dial-stdio\` there did not answer: ${(0,errors/* getErrorMessage */.u1)(e)}`, { cause: e, hint: `Check that \`docker info\` works on ${host} for the user ${username}.` });
}

;// CONCATENATED MODULE: ./src/image/docker.ts
// First: keeps docker-modem's request log (with X-Registry-Auth) off before dockerode loads.







/** The ssh connections' state of clients made for ssh:// hosts, for {@link pingDocker}'s message. */
const sshStates = new WeakMap();
/**
 * A Docker engine client honouring DOCKER_HOST (unix://, tcp:// or ssh://), DOCKER_TLS_VERIFY
 * and DOCKER_CERT_PATH, as the docker CLI does. For ssh:// docker-modem connects with ssh2 and
 * runs `docker system dial-stdio` on the host; the host key is checked against known_hosts
 * (see ssh-host.ts).
 */
function connectDocker(env) {
    const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
    if (host.startsWith('unix://'))
        return { docker: new (docker_default())({ socketPath: host.slice('unix://'.length) }), host };
    if (host.startsWith('ssh://')) {
        const target = sshTarget(host, env);
        const { options, state } = sshOptions(target, env);
        // docker-modem's own defaults (from process.env) fill only what is not given here
        const docker = new (docker_default())({
            protocol: 'ssh',
            host: target.host,
            port: target.port,
            username: target.username,
            sshOptions: options,
        });
        sshStates.set(docker, state);
        return { docker, host };
    }
    if (!host.startsWith('tcp://')) {
        throw new errors/* ConfigError */.xL(`DOCKER_HOST '${host}' is not supported: use unix:///path/to/docker.sock, tcp://host:port or ssh://user@host[:port]`, { key: 'DOCKER_HOST' });
    }
    const u = new URL(host.replace(/^tcp:/, 'http:'));
    const tls = env.DOCKER_TLS_VERIFY === '1';
    const certs = env.DOCKER_CERT_PATH || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    const pem = (f) => {
        try {
            return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(certs, f));
        }
        catch {
            return undefined;
        }
    };
    const tlsFiles = tls ? { ca: pem('ca.pem'), cert: pem('cert.pem'), key: pem('key.pem') } : {};
    return {
        docker: new (docker_default())({
            host: u.hostname,
            port: Number(u.port || (tls ? 2376 : 2375)),
            protocol: tls ? 'https' : 'http',
            ...Object.fromEntries(Object.entries(tlsFiles).filter(([, v]) => v !== undefined)),
        }),
        host,
    };
}
/** Fails with one clear message when the engine cannot be reached. */
async function pingDocker(docker, host) {
    try {
        await docker.ping();
    }
    catch (e) {
        const ssh = sshStates.get(docker);
        if (ssh)
            throw sshFailure(e, ssh, host);
        const code = e.code;
        throw new errors/* ServiceError */._7(`Docker engine at ${host}`, 'ping', `unreachable (${code ?? (0,errors/* getErrorMessage */.u1)(e)})`, {
            cause: e,
            hint: 'Start the Docker engine, or set DOCKER_HOST to the socket of a running one.',
        });
    }
}
function follow(docker, stream, onEvent) {
    return new Promise((resolve, reject) => {
        docker.modem.followProgress(stream, (err) => (err ? reject(err) : resolve()), (e) => onEvent(e));
    });
}
/**
 * Builds with the engine's classic builder, streaming `Step N/M` lines to the log.
 * A failing step ends in a BuildError carrying that step's output.
 */
async function buildImage(docker, o, log) {
    let stream;
    try {
        stream = await docker.buildImage(o.context, {
            t: o.ref.full,
            dockerfile: o.dockerfile,
            buildargs: o.buildArgs,
            rm: true,
            forcerm: true,
            nocache: o.noCache ?? false,
            // a JSON-encoded array, as the Engine API wants it
            ...(o.cacheFrom?.length ? { cachefrom: JSON.stringify(o.cacheFrom) } : {}),
            ...(o.labels ? { labels: o.labels } : {}),
            ...(o.platform ? { platform: o.platform } : {}),
        });
    }
    catch (e) {
        throw new errors/* ServiceError */._7('Docker engine', 'build', (0,errors/* getErrorMessage */.u1)(e), { cause: e });
    }
    let step = '';
    let stepOutput = [];
    let imageId;
    let failure;
    let partial = '';
    await follow(docker, stream, e => {
        if (e.stream !== undefined) {
            const text = partial + e.stream;
            const lines = text.split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines) {
                if (/^Step \d+\/\d+ :/.test(line)) {
                    step = line;
                    stepOutput = [];
                }
                stepOutput.push(line);
                log.info(line);
            }
        }
        if (e.aux?.ID)
            imageId = e.aux.ID;
        if (e.error !== undefined)
            failure = e.errorDetail?.message ?? e.error;
    }).catch((err) => {
        failure ??= (0,errors/* getErrorMessage */.u1)(err);
    });
    if (partial)
        stepOutput.push(partial);
    if (failure !== undefined) {
        throw new errors/* BuildError */.zS(`image build failed${step ? ` at ${step}` : ''}: ${failure.trim()}`, stepOutput.join('\n'));
    }
    return imageId;
}
/** The auth config a push sends the engine (as X-Registry-Auth). */
function authConfig(creds, registry) {
    return creds?.registryToken
        ? { registrytoken: creds.registryToken, serveraddress: registry }
        : creds?.identityToken
            ? { identitytoken: creds.identityToken, serveraddress: registry }
            : creds?.username !== undefined
                ? { username: creds.username, password: creds.password ?? '', serveraddress: registry }
                : { serveraddress: registry };
}
/**
 * Every form in which a push's credentials travel or could be logged: the auth config
 * as JSON, in base64, and in the URL-safe base64 docker-modem puts in X-Registry-Auth
 * (its exact header value). Empty when there are no credentials.
 */
function registryAuthSecrets(creds, registry) {
    if (!creds?.registryToken && !creds?.identityToken && creds?.username === undefined)
        return [];
    const json = JSON.stringify(authConfig(creds, registry));
    const b64 = Buffer.from(json).toString('base64');
    const header = b64.replace(/\+/g, '-').replace(/\//g, '_');
    // The JSON itself is not registered: it holds the password (or token) verbatim, which is
    // registered on its own, and masking it would print the password once more, in the
    // add-mask command. Its base64 forms hide it, so they are registered.
    return [...new Set([b64, header, header.replace(/=+$/, ''), b64.replace(/=+$/, '')])];
}
/** A push refused by the registry; `layersPushed` counts the layers it had taken before. */
class PushAuthError extends errors/* AuthError */.lR {
    layersPushed;
    constructor(message, layersPushed, options = {}) {
        super(message, options);
        this.layersPushed = layersPushed;
    }
}
/** Pushes a tag, logging each layer's progress once per state, and returns the pushed digest. */
async function pushImage(docker, ref, creds, log) {
    const name = ref.full.slice(0, ref.full.length - ref.tag.length - 1);
    const authconfig = authConfig(creds, ref.registry);
    let stream;
    try {
        stream = await docker.getImage(name).push({ tag: ref.tag, authconfig });
    }
    catch (e) {
        throw new errors/* ServiceError */._7('Docker engine', `push ${ref.full}`, (0,errors/* getErrorMessage */.u1)(e), { cause: e });
    }
    const layers = new Map();
    let digest;
    let failure;
    await follow(docker, stream, e => {
        if (e.error !== undefined)
            failure = e.errorDetail?.message ?? e.error;
        if (e.aux?.Digest)
            digest = e.aux.Digest;
        if (e.id && e.status && layers.get(e.id) !== e.status) {
            layers.set(e.id, e.status);
            log.info(`${e.id}: ${e.status}`);
        }
        else if (!e.id && e.status) {
            log.info(e.status);
        }
    }).catch((err) => {
        failure ??= (0,errors/* getErrorMessage */.u1)(err);
    });
    if (failure !== undefined) {
        if (/unauthorized|authentication required|denied|forbidden/i.test(failure)) {
            const pushed = [...layers.values()].filter(s => s === 'Pushed').length;
            throw new PushAuthError(`push ${ref.full}: ${failure.trim()}`, pushed, {
                hint: 'Log in with docker/login-action, or pass the username and password inputs.',
            });
        }
        throw new errors/* ServiceError */._7(ref.registry, `push ${ref.full}`, failure.trim());
    }
    if (!digest)
        throw new errors/* ServiceError */._7(ref.registry, `push ${ref.full}`, 'the engine reported no digest');
    return digest;
}
/**
 * Pulls an image with the same auth config a push would send. `missing` when the registry has
 * no such tag (the engine's 404 / "not found" / "manifest unknown"); any other failure throws.
 */
async function pullImage(docker, ref, creds, log) {
    const notFound = (m) => /not found|manifest unknown|no such (image|manifest)/i.test(m);
    let stream;
    try {
        // auth as its own argument: in the options it would also land in the query string
        const fromImage = ref.full.slice(0, ref.full.length - ref.tag.length - 1);
        stream = await docker.createImage(authConfig(creds, ref.registry), { fromImage, tag: ref.tag });
    }
    catch (e) {
        const status = e.statusCode;
        if (status === 404 || notFound((0,errors/* getErrorMessage */.u1)(e)))
            return 'missing';
        throw new errors/* ServiceError */._7('Docker engine', `pull ${ref.full}`, (0,errors/* getErrorMessage */.u1)(e), { cause: e });
    }
    let failure;
    await follow(docker, stream, e => {
        if (e.error !== undefined)
            failure = e.errorDetail?.message ?? e.error;
        else if (e.status && !e.id)
            log.debug(e.status);
    }).catch((err) => {
        failure ??= (0,errors/* getErrorMessage */.u1)(err);
    });
    if (failure === undefined)
        return 'pulled';
    if (notFound(failure))
        return 'missing';
    if (/unauthorized|authentication required|denied|forbidden/i.test(failure))
        throw new errors/* AuthError */.lR(`pull ${ref.full}: ${failure.trim()}`);
    throw new errors/* ServiceError */._7(ref.registry, `pull ${ref.full}`, failure.trim());
}
/** Gives a local image (by reference or id) another tag. */
async function tagImage(docker, source, target) {
    const repo = target.full.slice(0, target.full.length - target.tag.length - 1);
    try {
        await docker.getImage(source).tag({ repo, tag: target.tag });
    }
    catch (e) {
        throw new errors/* ServiceError */._7('Docker engine', `tag ${source} as ${target.full}`, (0,errors/* getErrorMessage */.u1)(e), { cause: e });
    }
}


/***/ })

};
