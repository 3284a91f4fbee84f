export const id = 674;
export const ids = [674,641,22];
export const modules = {

/***/ 67674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BuildInputs: () => (/* binding */ BuildInputs),
  build: () => (/* binding */ build)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(74528);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(61036);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/image/check.ts
var check = __webpack_require__(16641);
// EXTERNAL MODULE: ./node_modules/@balena/dockerignore/ignore.js
var ignore = __webpack_require__(44158);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/walk.ts
var walk = __webpack_require__(7135);
;// CONCATENATED MODULE: ./src/image/context.ts







// The package is CommonJS with `module.exports = factory` but types it as a default export.
const dockerignore = ((ignore_default()) ??
    ignore);
/**
 * Files other actions leave in the workspace that must never reach an image:
 * google-github-actions/auth credentials and Docker's config.json.
 */
const CREDENTIAL_PATTERNS = ['**/gha-creds-*.json', '**/.docker/config.json'];
/**
 * Names never sent at any depth, whatever the ignore file says: git metadata (a
 * directory, or the file a submodule or worktree has; actions/checkout keeps its
 * token in .git/config) and the usual credential files of package managers and tools.
 */
const NEVER_SENT = new Set(['.git', '.npmrc', '.netrc', '_netrc', '.pypirc', '.git-credentials']);
/** A file's identity, so an alias (a symlinked directory, a hard link) cannot pass for another path. */
const identity = (st) => `${st.dev}:${st.ino}`;
async function identities(paths) {
    const ids = await Promise.all(paths.map(p => (0,promises_.stat)(p).then(st => identity(st), () => undefined)));
    return new Set(ids.filter((i) => i !== undefined));
}
async function exists(p) {
    try {
        await (0,promises_.lstat)(p);
        return true;
    }
    catch {
        return false;
    }
}
/** `<Dockerfile>.dockerignore` beside the Dockerfile wins over the context's `.dockerignore` (BuildKit's rule). */
async function findIgnoreFile(context, dockerfile, explicit) {
    if (explicit) {
        if (!(await exists(explicit)))
            throw new errors/* ConfigError */.xL(`dockerignore file ${explicit} not found`, { key: 'image.dockerignore' });
        return explicit;
    }
    const perFile = `${dockerfile}.dockerignore`;
    if (await exists(perFile))
        return perFile;
    const inContext = (0,external_node_path_.join)(context, '.dockerignore');
    return (await exists(inContext)) ? inContext : undefined;
}
function parseIgnore(text) {
    return text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '' && !l.startsWith('#'));
}
/**
 * Streams the build context as a tar the way the Docker CLI sends it: honouring the
 * ignore file, always including the Dockerfile, never including credential files.
 * Directories are pruned when no `!` exception could bring something back.
 */
async function buildContext(o) {
    const context = (0,external_node_path_.resolve)(o.context);
    const dockerfile = (0,external_node_path_.resolve)(o.dockerfile);
    const label = (p) => (o.root ? (0,external_node_path_.relative)(o.root, p) || '.' : p);
    if (!(await (0,promises_.lstat)(dockerfile).catch(() => undefined))?.isFile()) {
        throw new errors/* ConfigError */.xL(`Dockerfile ${label(dockerfile)} not found`, { key: 'image.dockerfile' }, { hint: 'Set image.dockerfile in trainer.yml or the dockerfile input.' });
    }
    const top = await (0,promises_.lstat)(context).catch(() => undefined);
    if (!top?.isDirectory())
        throw new errors/* ConfigError */.xL(`build context ${label(context)} is not a directory`, { key: 'image.context' });
    const ignoreFile = await findIgnoreFile(context, dockerfile, o.dockerignore);
    const rules = ignoreFile ? parseIgnore(await (0,promises_.readFile)(ignoreFile, 'utf8')) : [];
    const ig = dockerignore().add(rules);
    const creds = dockerignore().add(CREDENTIAL_PATTERNS);
    const hasExceptions = rules.some(r => r.startsWith('!'));
    const excluded = await identities(o.exclude ?? []);
    const keptOut = [];
    const relDockerfile = (0,external_node_path_.relative)(context, dockerfile);
    const inside = !relDockerfile.startsWith('..') && !relDockerfile.startsWith(external_node_path_.sep);
    // A Dockerfile outside the context is added under a private name, as the Docker CLI does.
    const tarDockerfile = inside ? relDockerfile.split(external_node_path_.sep).join('/') : `.trainer-dockerfile-${(0,external_node_path_.basename)(dockerfile)}`;
    const always = new Set([tarDockerfile, ignoreFile ? (0,external_node_path_.relative)(context, ignoreFile).split(external_node_path_.sep).join('/') : '']);
    // directories above what is always sent are walked even when ignored
    const alwaysDirs = new Set([...always].flatMap(a => a
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    const tar = (0,tar_stream.pack)();
    const done = (async () => {
        let n = 0;
        // in name order, each entry's type from lstat (what is sent is what is there now)
        await (0,walk/* walk */.G)(context, async ({ name, rel: path, abs }) => {
            const st = await (0,promises_.lstat)(abs);
            const ignored = !always.has(path) && ig.ignores(path);
            if (NEVER_SENT.has(name) || creds.ignores(path) || excluded.has(identity(st))) {
                // said only where the ignore file would have let it through
                if (!ignored || (st.isDirectory() && hasExceptions))
                    keptOut.push(path);
                return false;
            }
            if (st.isDirectory()) {
                if (ignored && !hasExceptions && !alwaysDirs.has(path))
                    return false;
                if (!ignored)
                    await addEntry(tar, abs, path, st);
                return true;
            }
            if (ignored)
                return false;
            await addEntry(tar, abs, path, st);
            n++;
            return false;
        });
        if (!inside) {
            await addEntry(tar, dockerfile, tarDockerfile, await (0,promises_.lstat)(dockerfile));
            n++;
        }
        tar.finalize();
        return n;
    })();
    done.catch((e) => tar.destroy(e));
    return { stream: tar, dockerfile: tarDockerfile, ignoreFile, done, keptOut };
}
async function addEntry(tar, abs, name, st) {
    const base = { name, mode: st.mode & 0o7777, mtime: st.mtime, uid: 0, gid: 0 };
    if (st.isSymbolicLink()) {
        await entry(tar, { ...base, type: 'symlink', linkname: await (0,promises_.readlink)(abs) });
    }
    else if (st.isDirectory()) {
        await entry(tar, { ...base, type: 'directory' });
    }
    else if (st.isFile()) {
        await new Promise((res, rej) => {
            const sink = tar.entry({ ...base, type: 'file', size: st.size }, err => (err ? rej(err) : res()));
            const src = (0,external_node_fs_.createReadStream)(abs);
            src.on('error', rej);
            src.pipe(sink);
        });
    }
    // sockets, fifos and devices are skipped, as `docker build` does
}
function entry(tar, header) {
    return new Promise((res, rej) => {
        tar.entry(header, err => (err ? rej(err) : res()));
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/kit/exec.ts
var exec = __webpack_require__(29495);
// EXTERNAL MODULE: ./src/image/credentials.ts
var image_credentials = __webpack_require__(50791);
;// CONCATENATED MODULE: ./src/image/buildx.ts







/*
 * BuildKit through the `docker buildx` CLI plugin. Everything the CLI is given is an argument
 * vector (never a shell line) and a private DOCKER_CONFIG: a directory of this process's own
 * (mode 0700) whose config.json (mode 0600) holds at most one auth, for the push registry, decided
 * by the same realm rules as the classic push (pipeline.ts). The build context is the tar that
 * context.ts streams for the classic builder, given on stdin (`-`).
 */
/** Variables of the GitHub Actions cache service that buildx reads for `type=gha` (docker/buildx addGithubToken). */
const GHA_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];
/**
 * Never handed to the docker CLI: the action's inputs and state, the workflow's tokens, this
 * tool's password variable, an auth config given in the environment (the CLI would use it
 * instead of the private config), and the Actions runtime (except the cache service for `gha`).
 */
function withheld(name, gha) {
    if (/^(INPUT_|STATE_)/.test(name))
        return true;
    if (['GITHUB_TOKEN', 'GH_TOKEN', 'TRAINER_REGISTRY_PASSWORD', 'RESULT_URL', 'DOCKER_AUTH_CONFIG'].includes(name))
        return true;
    return name.startsWith('ACTIONS_') && !(gha && GHA_ENV.includes(name));
}
/** A docker CLI with a private config directory; {@link Buildx.close} removes it. */
class Buildx {
    dir;
    env;
    userConfig;
    currentContext;
    constructor(
    /** The private DOCKER_CONFIG. */
    dir, env, 
    /** The user's own Docker config directory: its plugins and buildx builders stay in use. */
    userConfig, 
    /** The user's current Docker context (config.json `currentContext`). */
    currentContext) {
        this.dir = dir;
        this.env = env;
        this.userConfig = userConfig;
        this.currentContext = currentContext;
    }
    /**
     * Makes the private config directory (mode 0700, under RUNNER_TEMP when set) with a config without
     * auths. The user's Docker contexts stay in use (a link to their directory, and the current one):
     * docker/setup-buildx-action's builders may point at a context.
     */
    static async open(env) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'trainer-buildx-'));
        const user = (0,image_credentials.dockerConfigDir)(env);
        let currentContext;
        try {
            // only this one key is read from the user's config, which may hold credentials
            const c = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(user, 'config.json'), 'utf8'))
                .currentContext;
            if (typeof c === 'string' && c)
                currentContext = c;
        }
        catch {
            // no config, or not JSON: the default context
        }
        await (0,promises_.symlink)((0,external_node_path_.join)(user, 'contexts'), (0,external_node_path_.join)(dir, 'contexts')).catch(() => undefined);
        const b = new Buildx(dir, env, user, currentContext);
        await b.writeAuth(undefined, undefined);
        return b;
    }
    /** The environment of every docker call: the pipeline's, less what it must not see, with the private config. */
    cliEnv(o = {}) {
        const out = {};
        for (const [k, v] of Object.entries(this.env))
            if (v !== undefined && !withheld(k, o.gha ?? false))
                out[k] = v;
        out.DOCKER_CONFIG = this.dir;
        // buildx keeps its builders (docker/setup-buildx-action's included) under $DOCKER_CONFIG/buildx
        out.BUILDX_CONFIG = this.env.BUILDX_CONFIG || (0,external_node_path_.join)(this.userConfig, 'buildx');
        return out;
    }
    /**
     * Writes config.json: the auth for `registry` in the form the push rules chose (a registry token,
     * an identity token, or user and password), or none. `cliPluginsExtraDirs` keeps the plugins
     * installed in the user's own config directory (docker/setup-buildx-action puts buildx there),
     * `currentContext` the user's context.
     * Returns the values written that are secrets besides those already masked.
     */
    async writeAuth(registry, creds) {
        const entry = creds?.registryToken
            ? { registrytoken: creds.registryToken }
            : creds?.identityToken
                ? { identitytoken: creds.identityToken }
                : creds?.username !== undefined
                    ? { auth: Buffer.from(`${creds.username}:${creds.password ?? ''}`).toString('base64') }
                    : undefined;
        const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
        const config = {
            auths: entry && key ? { [key]: entry } : {},
            cliPluginsExtraDirs: [(0,external_node_path_.join)(this.userConfig, 'cli-plugins')],
            ...(this.currentContext ? { currentContext: this.currentContext } : {}),
        };
        const file = (0,external_node_path_.join)(this.dir, 'config.json');
        await (0,promises_.rm)(file, { force: true });
        await (0,promises_.writeFile)(file, JSON.stringify(config), { mode: 0o600, flag: 'wx' });
        return entry && 'auth' in entry ? [entry.auth] : [];
    }
    /** `docker buildx version`: the version line, or why buildx cannot be used. */
    async version() {
        try {
            const r = await (0,exec/* exec */.m)('docker', ['buildx', 'version'], { env: this.cliEnv() });
            const out = r.stdout.toString('utf8').trim();
            if (r.code === 0)
                return { ok: true, version: out.split('\n')[0] ?? '' };
            return { ok: false, why: (r.stderr.trim() || out).split('\n')[0] || `exit ${r.code}` };
        }
        catch (e) {
            const code = e.code;
            return { ok: false, why: code === 'ENOENT' ? 'no docker CLI in PATH' : (0,errors/* getErrorMessage */.u1)(e) };
        }
    }
    /** The current builder's driver (`docker`, `docker-container`, ...), from `docker buildx inspect`. */
    async driver() {
        try {
            const r = await (0,exec/* exec */.m)('docker', ['buildx', 'inspect'], { env: this.cliEnv() });
            return r.code === 0 ? /^Driver:\s*(\S+)/m.exec(r.stdout.toString('utf8'))?.[1] : undefined;
        }
        catch {
            return undefined;
        }
    }
    /**
     * Runs `docker buildx build` with the context tar on stdin, logging every progress line.
     * Resolves with the pushed digest (from the metadata file); a failure is a BuildError with the
     * failing step's output.
     */
    async build(args, context, log, o = {}) {
        const metadata = (0,external_node_path_.join)(this.dir, 'metadata.json');
        await (0,promises_.rm)(metadata, { force: true });
        const argv = buildxArgs({ ...args, metadataFile: metadata });
        const lines = [];
        let partial = '';
        const onData = (b) => {
            const parts = (partial + b.toString('utf8')).split('\n');
            partial = parts.pop() ?? '';
            for (const raw of parts) {
                const line = raw.replace(/\r$/, '');
                lines.push(line);
                log.info(line);
            }
        };
        const child = (0,external_node_child_process_.spawn)('docker', argv, { env: this.cliEnv(o), stdio: ['pipe', 'pipe', 'pipe'] });
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.stdin.on('error', () => undefined); // the CLI may exit before reading all of it
        const exited = new Promise((resolve, reject) => {
            child.on('error', reject);
            child.on('close', code => resolve(code ?? 1));
        });
        context.stream.on('error', () => child.stdin.destroy());
        context.stream.pipe(child.stdin);
        const [files, code] = await Promise.allSettled([context.done, exited]);
        if (partial) {
            lines.push(partial);
            log.info(partial);
        }
        // the context could not be read: the CLI saw a truncated tar, and whatever it said is beside the point
        if (files.status === 'rejected')
            throw files.reason;
        if (code.status === 'rejected') {
            const e = code.reason;
            throw new errors/* BuildError */.zS(`docker buildx could not be run: ${e.code === 'ENOENT' ? 'no docker CLI in PATH' : (0,errors/* getErrorMessage */.u1)(e)}`, '');
        }
        if (code.value !== 0)
            throw buildxFailure(lines, code.value);
        let digest;
        try {
            const m = JSON.parse(await (0,promises_.readFile)(metadata, 'utf8'));
            const d = m['containerimage.digest'];
            if (typeof d === 'string' && /^sha256:[0-9a-f]{64}$/.test(d))
                digest = d;
        }
        catch {
            // no metadata: the digest is read back from the registry
        }
        return { digest, files: files.value };
    }
    async close() {
        await (0,promises_.rm)(this.dir, { recursive: true, force: true });
    }
}
/** A failed `docker buildx build`: the last ERROR line, and the output of the step that failed. */
function buildxFailure(lines, code) {
    const error = [...lines].reverse().find(l => /^ERROR:/.test(l));
    // `#7 ERROR: process "/bin/sh -c ..." did not complete successfully: exit code: 3`
    const failed = [...lines].reverse().find(l => /^#\d+ ERROR:/.test(l));
    const n = failed ? /^#(\d+) /.exec(failed)?.[1] : undefined;
    const step = n === undefined ? [] : lines.filter(l => l.startsWith(`#${n} `));
    const title = step[0]?.replace(/^#\d+ /, '');
    const why = (error ?? failed?.replace(/^#\d+ /, '') ?? `docker buildx build exited with ${code}`).trim();
    return new errors/* BuildError */.zS(`image build failed${title ? ` at ${title}` : ''}: ${why}`, (step.length ? step : lines.slice(-40)).join('\n'));
}
/** Whether a failed build's output says the registry refused the push after layers went up (an expired token). */
function refusedAfterPushing(e) {
    return /unauthorized|authentication required|401/i.test(e.message) && /pushing layers/i.test(e.output + e.message);
}
/**
 * The argument vector of `docker buildx build`: every value joined to its flag (`--tag=x`), so
 * that no user text can be read as a flag, and the context (`-`) from stdin. Pure.
 */
function buildxArgs(o) {
    return [
        'buildx',
        'build',
        '--progress=plain',
        // a plain image manifest, not an index with an attestation manifest beside it
        '--provenance=false',
        '--push',
        ...(o.metadataFile ? [`--metadata-file=${o.metadataFile}`] : []),
        `--file=${o.dockerfile}`,
        `--tag=${o.ref.full}`,
        ...(o.extraTags ?? []).map(t => `--tag=${t.full}`),
        ...Object.entries(o.buildArgs).map(([k, v]) => `--build-arg=${k}=${v}`),
        ...Object.entries(o.labels ?? {}).map(([k, v]) => `--label=${k}=${v}`),
        ...(o.platform ? [`--platform=${o.platform}`] : []),
        ...(o.cacheFrom ?? []).map(c => `--cache-from=${c}`),
        ...(o.cacheTo ?? []).map(c => `--cache-to=${c}`),
        '-',
    ];
}
/** What `type=gha` lacks in `env`, or nothing. */
function missingGhaEnv(env) {
    const missing = env.ACTIONS_RUNTIME_TOKEN ? [] : ['ACTIONS_RUNTIME_TOKEN'];
    // the v2 service (ACTIONS_CACHE_SERVICE_V2 set) is at ACTIONS_RESULTS_URL; v1 at ACTIONS_CACHE_URL
    if (env.ACTIONS_CACHE_SERVICE_V2 ? !env.ACTIONS_RESULTS_URL : !env.ACTIONS_CACHE_URL)
        missing.push(env.ACTIONS_CACHE_SERVICE_V2 ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL');
    return missing;
}
/**
 * The cache flags of a buildx build. `registry`: imported from `from` (image.cache-from, else
 * `<name>:buildcache`) and exported to `<name>:buildcache` with every layer (mode=max); the `docker`
 * driver cannot export a cache, so there the image carries it (type=inline) and is pushed as
 * `<name>:buildcache` too, as the classic path does. `gha`: the Actions cache, one scope per image
 * name, where its runtime variables are set and the builder can export; else the registry's. Pure.
 */
function buildxCache(o) {
    const none = { from: [], to: [], extraTags: [], warnings: [], gha: false };
    if (!o.cache)
        return none;
    const warnings = [];
    const inline = o.driver === undefined || o.driver === 'docker';
    const name = o.cacheRef.full.slice(0, o.cacheRef.full.length - o.cacheRef.tag.length - 1);
    const from = `type=registry,ref=${(o.cacheFrom ?? o.cacheRef).full}`;
    if (o.type === 'gha') {
        const missing = missingGhaEnv(o.env);
        if (inline) {
            warnings.push(`cache: type=gha needs a BuildKit builder that can export a cache, and the current one uses the ${o.driver ?? 'unknown'} driver (docker/setup-buildx-action makes one): using ${o.cacheRef.full} instead`);
        }
        else if (missing.length) {
            warnings.push(`cache: type=gha needs ${missing.join(' and ')}, which GitHub gives only to the steps of JavaScript actions (this one, on a runner): using ${o.cacheRef.full} instead`);
        }
        else {
            const scope = `type=gha,scope=${name}`;
            return {
                from: [scope, ...(o.cacheFrom ? [from] : [])],
                to: [`${scope},mode=max`],
                extraTags: [],
                warnings,
                gha: true,
            };
        }
    }
    if (inline)
        return { from: [from], to: ['type=inline'], extraTags: [o.cacheRef], warnings, gha: false };
    return { from: [from], to: [`type=registry,ref=${o.cacheRef.full},mode=max`], extraTags: [], warnings, gha: false };
}
/** The error for `builder: buildx` where buildx cannot run. */
function buildxMissing(why) {
    return new errors/* ConfigError */.xL(`the buildx builder was asked for, but docker buildx cannot be used here: ${why}`, { key: 'image.builder' }, {
        hint: 'Install the buildx plugin (docker/setup-buildx-action), or set image.builder (or the builder input) to auto or classic.',
    });
}

;// CONCATENATED MODULE: ./src/image/labels.ts


/**
 * OCI labels for a training image: where it came from and what it was built from.
 * - `org.opencontainers.image.revision`: the commit that was reviewed. For a
 *   `pull_request` event that is the PR's head (`pull_request.head.sha`), not
 *   `GITHUB_SHA`, which is the temporary merge commit; elsewhere `GITHUB_SHA`, and outside
 *   Actions the repository's HEAD.
 * - `org.opencontainers.image.source`: the repository's address.
 * - `dev.trainer-action.manifest.sha256`: the hash of the files the tag stands for.
 */
async function imageLabels(env, o) {
    const labels = { 'dev.trainer-action.manifest.sha256': o.manifestHash };
    const revision = headSha(env) ?? (await gitHead(o.root));
    if (revision)
        labels['org.opencontainers.image.revision'] = revision;
    if (env.GITHUB_REPOSITORY)
        labels['org.opencontainers.image.source'] =
            `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
    return labels;
}
/** The commit a workflow run is about: a pull request's head, else GITHUB_SHA. */
function headSha(env) {
    if (env.GITHUB_EVENT_PATH && env.GITHUB_EVENT_NAME?.startsWith('pull_request')) {
        try {
            const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
            const sha = event.pull_request?.head?.sha;
            if (typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha))
                return sha;
        }
        catch {
            // no readable event: fall back to GITHUB_SHA
        }
    }
    return env.GITHUB_SHA || undefined;
}
async function gitHead(root) {
    try {
        const r = await (0,exec/* exec */.m)('git', ['rev-parse', 'HEAD'], { cwd: root });
        const sha = r.stdout.toString().trim();
        return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/image/docker.ts + 2 modules
var image_docker = __webpack_require__(36957);
// EXTERNAL MODULE: ./src/image/registry.ts
var registry = __webpack_require__(43718);
;// CONCATENATED MODULE: ./src/image/pipeline.ts










/** The tag every build pushes its layers under, for the next build's cache. */
const CACHE_TAG = 'buildcache';
/** The same repository with another tag. */
function withTag(ref, tag) {
    return { ...ref, tag, full: `${ref.full.slice(0, ref.full.length - ref.tag.length - 1)}:${tag}` };
}
/**
 * The image pipeline: hash → reference → one registry HEAD → build and push only
 * when the tag is missing (or `force`), with buildx where it is installed (image.builder),
 * else the engine's classic builder → read the pushed digest back.
 */
async function ensureImage(o) {
    const { settings: s, log } = o;
    const { hash, ref, credentials, registry } = await (0,check.imageRegistry)(o);
    // what a push may send the engine (X-Registry-Auth), in every form a debug log could show
    for (const v of (0,image_docker.registryAuthSecrets)(credentials, ref.registry))
        o.secret(v);
    if (!o.force) {
        const state = await registry.manifest(ref);
        if (state.exists) {
            log.info(`${ref.full} is in the registry (${state.digest ?? 'no digest header'}): no build`);
            return { ref, digest: state.digest, built: false, hash, requests: registry.requests };
        }
        log.info(`${ref.full} is not in the registry: building`);
    }
    else {
        log.info('force: building without asking the registry');
    }
    // The engine's push answers the challenge of its own ping: check that realm now, before a
    // build that would be wasted (the push checks it again, just before handing anything over).
    if (credentials)
        await registry.pushChallenge(ref);
    const job = {
        ref,
        settings: s,
        credentials,
        registry,
        log,
        secret: o.secret,
        env: o.env,
        labels: await imageLabels(o.env, { root: hash.root, manifestHash: hash.hash }),
        context: {
            context: s.context,
            dockerfile: s.dockerfile,
            dockerignore: s.dockerignore,
            root: s.cwd,
            exclude: [(0,external_node_path_.join)((0,image_credentials.dockerConfigDir)(o.env), 'config.json'), ...(o.exclude ?? [])],
        },
    };
    const buildx = await openBuildx(s, o.env, log);
    let result;
    if (buildx) {
        try {
            result = await buildWithBuildx(buildx, job);
        }
        finally {
            await buildx.close();
        }
    }
    else {
        result = await buildClassic(job);
    }
    const { pushed, cache } = result;
    // Read the digest back from the registry: the push is only done when the registry says so.
    const back = await registry.manifest(ref);
    if (!back.exists)
        throw new Error(`pushed ${ref.full} but the registry does not list it`);
    if (back.digest && pushed && back.digest !== pushed)
        log.warning(`registry digest ${back.digest} differs from the pushed ${pushed}`);
    return { ref, digest: back.digest ?? pushed, built: true, hash, requests: registry.requests, cache };
}
/** Logs where the build context, the Dockerfile and the ignore file are. */
function logContext(b, ctx) {
    const { settings: s, log } = b;
    log.info(`context ${(0,external_node_path_.relative)(s.cwd, s.context) || '.'}, Dockerfile ${(0,external_node_path_.relative)(s.cwd, s.dockerfile)}${ctx.ignoreFile ? `, ignore file ${(0,external_node_path_.relative)(s.cwd, ctx.ignoreFile)}` : ''}`);
}
/** Logs how many files the context sent, and what was kept out of it. */
function logSent(log, ctx, files) {
    log.info(`context: ${files} files sent`);
    if (ctx.keptOut.length > 0) {
        const shown = ctx.keptOut.slice(0, 20).join(', ');
        const more = ctx.keptOut.length > 20 ? ` and ${ctx.keptOut.length - 20} more` : '';
        log.info(`kept out of the build context: ${shown}${more} (git metadata, credentials, results and the ledger are never sent)`);
    }
}
/**
 * The builder to use: buildx (a {@link Buildx} to close) where `docker buildx version` works and
 * image.builder allows it, else undefined for the classic builder. `buildx` asked for and not
 * there is a ConfigError.
 */
async function openBuildx(s, env, log) {
    if (s.builder === 'classic') {
        log.info('builder: classic (image.builder or the builder input)');
        return undefined;
    }
    const b = await Buildx.open(env);
    const v = await b.version();
    if (v.ok) {
        log.info(`builder: buildx (${v.version})`);
        return b;
    }
    await b.close();
    if (s.builder === 'buildx')
        throw buildxMissing(v.why);
    log.info(`builder: classic (docker buildx is not available: ${v.why})`);
    return undefined;
}
/**
 * Builds and pushes with `docker buildx build --push`. The CLI reads its credentials from a private
 * config holding only what the classic push would hand the engine ({@link engineAuth}): a token
 * from a checked realm for a Bearer registry, the credentials for a Basic one, else nothing. A
 * token refused after layers went up may have expired: the build runs again with a new one (every
 * step is in the builder's cache by then).
 */
async function buildWithBuildx(buildx, b) {
    const { ref, settings: s, log } = b;
    const driver = await buildx.driver();
    log.info(`buildx driver: ${driver ?? 'unknown (docker buildx inspect failed)'}`);
    const cache = buildxCache({
        cache: s.cache,
        type: s.cacheType,
        driver,
        cacheRef: withTag(ref, CACHE_TAG),
        cacheFrom: s.cacheFrom,
        env: b.env,
    });
    for (const w of cache.warnings)
        log.warning(w);
    if (cache.gha && b.env.ACTIONS_RUNTIME_TOKEN)
        b.secret(b.env.ACTIONS_RUNTIME_TOKEN);
    log.info(cache.from.length
        ? `cache: from ${cache.from.join(' and ')}, to ${cache.to.join(' and ')}`
        : 'cache: off (image.cache: false or the cache input)');
    for (let attempt = 1;; attempt++) {
        const { auth, creds } = await engineAuth(b);
        for (const v of await buildx.writeAuth(ref.registry, creds))
            b.secret(v);
        if (attempt === 1 && auth.kind === 'token')
            log.info(`${ref.registry} uses bearer tokens: buildx gets a token for ${ref.repository}, not the credentials`);
        const ctx = await buildContext(b.context);
        try {
            const pushed = await log.group(`Build and push ${ref.full} (buildx)`, async () => {
                logContext(b, ctx);
                const r = await buildx.build({
                    ref,
                    extraTags: cache.extraTags,
                    dockerfile: ctx.dockerfile,
                    buildArgs: s.buildArgs,
                    labels: b.labels,
                    platform: s.platform,
                    cacheFrom: cache.from,
                    cacheTo: cache.to,
                }, ctx, log, { gha: cache.gha });
                logSent(log, ctx, r.files);
                return r.digest;
            });
            return {
                pushed,
                cache: cache.from.length ? { state: 'buildx', from: cache.from, to: cache.to } : { state: 'off' },
            };
        }
        catch (e) {
            if (auth.kind !== 'token' || !(e instanceof errors/* BuildError */.zS) || !refusedAfterPushing(e))
                throw e;
            if (attempt >= MAX_PUSH_ATTEMPTS)
                throw e;
            log.warning(`${e.message}; the token may have expired during the build: building again with a new one`);
        }
    }
}
/** Builds with the engine's classic builder, with the registry cache pulled first, then pushes. */
async function buildClassic(b) {
    const { ref, settings: s, credentials, registry, log, secret } = b;
    const { docker, host } = (0,image_docker.connectDocker)(b.env);
    await (0,image_docker.pingDocker)(docker, host);
    if (s.cache && s.cacheType === 'gha')
        log.warning(`cache: type=gha needs the buildx builder; the classic builder uses ${withTag(ref, CACHE_TAG).full} instead`);
    const cacheRef = s.cache ? (s.cacheFrom ?? withTag(ref, CACHE_TAG)) : undefined;
    const pulled = cacheRef
        ? await pullCache({ docker, ref: cacheRef, target: ref, credentials, registry, log, secret })
        : false;
    if (!cacheRef)
        log.info('cache: off (image.cache: false or the cache input)');
    const ctx = await buildContext(b.context);
    await log.group(`Build ${ref.full}`, async () => {
        logContext(b, ctx);
        const [, files] = await Promise.all([
            (0,image_docker.buildImage)(docker, {
                context: ctx.stream,
                dockerfile: ctx.dockerfile,
                ref,
                buildArgs: s.buildArgs,
                platform: s.platform,
                cacheFrom: pulled && cacheRef ? [cacheRef.full] : undefined,
                labels: b.labels,
            }, log),
            ctx.done,
        ]);
        logSent(log, ctx, files);
    });
    const pushed = await log.group(`Push ${ref.full}`, async () => {
        const digest = await pushWithAuth({ docker, ref, credentials, registry, log, secret });
        if (s.cache)
            await pushCache({ docker, ref, credentials, registry, log, secret });
        return digest;
    });
    const cache = cacheRef
        ? { state: pulled ? 'pulled' : 'none', from: cacheRef.full }
        : { state: 'off' };
    return { pushed, cache };
}
/** Pushes after a token hand-off at most this many times (a token may expire during a long push). */
const MAX_PUSH_ATTEMPTS = 3;
/**
 * Pushes with what the engine's own challenge calls for ({@link RegistryClient.pushAuth}): a
 * bearer token obtained through a checked realm instead of the credentials, which dockerd would
 * otherwise send to any realm the registry names; the credentials only to a Basic registry.
 * A token refused after some layers went up may have expired: the push runs again with a new
 * one (the layers already pushed are skipped).
 */
async function pushWithAuth(o) {
    const { ref, log } = o;
    for (let attempt = 1;; attempt++) {
        const { auth, creds } = await engineAuth(o);
        if (attempt === 1 && auth.kind === 'token')
            log.info(`${ref.registry} uses bearer tokens: the engine gets a token for ${ref.repository}, not the credentials`);
        if (auth.kind === 'none' && o.credentials)
            log.debug(`${ref.registry}/v2/ asks for no credentials: the engine gets none`);
        try {
            return await (0,image_docker.pushImage)(o.docker, ref, creds, log);
        }
        catch (e) {
            if (auth.kind !== 'token' || !(e instanceof image_docker.PushAuthError) || e.layersPushed === 0)
                throw e;
            if (attempt >= MAX_PUSH_ATTEMPTS)
                throw e;
            log.warning(`${e.message}; the token may have expired after ${e.layersPushed} layers: pushing again with a new one`);
        }
    }
}
/**
 * What the engine gets for `ref`, by the push's rules ({@link RegistryClient.pushAuth}): a token from
 * a checked realm, the credentials for a Basic registry, else nothing. Every form is a secret.
 */
async function engineAuth(o) {
    const auth = o.credentials ? await o.registry.pushAuth(o.ref) : { kind: 'none' };
    const creds = auth.kind === 'token' ? { registryToken: auth.token } : auth.kind === 'credentials' ? o.credentials : undefined;
    for (const v of (0,image_docker.registryAuthSecrets)(creds, o.ref.registry))
        o.secret(v);
    return { auth, creds };
}
/**
 * Pulls the layer cache before a build. The credentials go only to the registry the image is
 * pushed to, under the push's realm rules; another registry's cache is pulled anonymously.
 * A tag not there yet is the normal first build; any other failure is a warning, never an error.
 */
async function pullCache(o) {
    const { ref, log } = o;
    try {
        const same = ref.registry === o.target.registry;
        const { creds } = same ? await engineAuth(o) : { creds: undefined };
        if (await log.group(`Pull cache ${ref.full}`, async () => (await (0,image_docker.pullImage)(o.docker, ref, creds, log)) === 'pulled')) {
            log.info(`cache: pulled ${ref.full}`);
            return true;
        }
        log.info(`cache: none yet (${ref.full} is not in the registry)`);
    }
    catch (e) {
        log.warning(`cache: could not pull ${ref.full}, building without it: ${(0,errors/* getErrorMessage */.u1)(e)}`);
    }
    return false;
}
/** Tags the built image `<name>:buildcache` and pushes it (its layers are already there); failures are warnings. */
async function pushCache(o) {
    const target = withTag(o.ref, CACHE_TAG);
    try {
        await (0,image_docker.tagImage)(o.docker, o.ref.full, target);
        await pushWithAuth({ ...o, ref: target });
        o.log.info(`cache: pushed ${target.full}`);
    }
    catch (e) {
        o.log.warning(`cache: could not push ${target.full}, the next build starts cold: ${(0,errors/* getErrorMessage */.u1)(e)}`);
    }
}

// EXTERNAL MODULE: ./src/image/settings.ts
var image_settings = __webpack_require__(69692);
// EXTERNAL MODULE: ./src/image/summary.ts + 1 modules
var summary = __webpack_require__(80283);
// EXTERNAL MODULE: ./src/kit/inputs.ts
var inputs = __webpack_require__(67127);
// EXTERNAL MODULE: ./src/actions/launch.ts
var launch = __webpack_require__(97036);
;// CONCATENATED MODULE: ./src/actions/build.ts








/** The cache input: a boolean (YAML core set), or where the cache lives ('registry', 'gha'). */
const cacheInput = () => schemas/* string */.YjP().transform((s, ctx) => {
    const v = s.trim();
    if (schema/* CACHE_TYPES */.Vz.includes(v))
        return v;
    const b = (0,inputs.bool)(true).safeParse(v);
    if (b.success)
        return b.data;
    ctx.addIssue({ code: 'custom', message: `'${v}' is not one of true, false, ${schema/* CACHE_TYPES */.Vz.join(', ')}` });
    return core/* NEVER */.tm;
});
/** The builder input: '' leaves image.builder (default auto) to decide. */
const builderInput = () => schemas/* string */.YjP().transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return undefined;
    if (schema/* BUILDERS */.rV.includes(v))
        return v;
    ctx.addIssue({ code: 'custom', message: `'${v}' is not one of ${schema/* BUILDERS */.rV.join(', ')}` });
    return core/* NEVER */.tm;
});
/** Inputs of actions/build (and of the root action for now), keyed by their action.yml names. */
const BuildInputs = schemas/* object */.Ikc({
    config: (0,inputs.optString)(),
    manifest: (0,inputs.optString)(),
    'tag-length': (0,inputs.optInt)(4, 64),
    'include-worktree': (0,inputs.bool)(false),
    name: (0,inputs.optString)(),
    registry: (0,inputs.optString)(),
    tag: (0,inputs.optString)(),
    dockerfile: (0,inputs.optString)(),
    context: (0,inputs.optString)(),
    'build-args': (0,inputs.keyValues)(),
    platform: (0,inputs.optString)(),
    username: (0,inputs.optString)(),
    password: (0,inputs.optString)(),
    'auth-realms': (0,inputs.list)(),
    force: (0,inputs.bool)(false),
    cache: cacheInput(),
    builder: builderInput(),
});
/** Builds and pushes the training image only when its manifest tag is not in the registry. */
async function build(io) {
    const i = (0,inputs.readInputs)(io, BuildInputs);
    if (i.password)
        io.setSecret(i.password);
    const { config, file } = await (0,load/* loadConfig */.Z)(io.workspace, i.config);
    const settings = await (0,image_settings.imageSettings)(io.workspace, config.image, file, i, io.env);
    const credentials = i.username && i.password ? { username: i.username, password: i.password } : undefined;
    const r = await ensureImage({
        settings,
        tag: i.tag,
        force: i.force,
        includeWorktree: i['include-worktree'],
        credentials,
        env: { ...io.env },
        log: io.log,
        secret: v => io.setSecret(v),
        exclude: (0,image_settings.workspaceOutputs)(io.workspace, config.launch, { results: launch.DEFAULT_RESULTS, ledger: launch.DEFAULT_LEDGER }),
    });
    io.setOutput('image', r.ref.full);
    io.setOutput('tag', r.ref.tag);
    io.setOutput('digest', r.digest ?? '');
    io.setOutput('built', r.built);
    io.setOutput('hash', r.hash.hash);
    await io.summary((0,summary/* buildSummary */.f)(r));
    return r;
}


/***/ }),

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


/***/ }),

/***/ 80283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ buildSummary),
  R: () => (/* binding */ hashSummary)
});

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** Inline code that survives backticks in the text. */
function code(text) {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}
/** A two-column key/value table. */
function kvTable(rows) {
    return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

;// CONCATENATED MODULE: ./src/image/summary.ts

const SOURCE = {
    head: 'committed content (HEAD)',
    worktree: 'work tree',
    disk: 'files on disk (not a git checkout)',
};
/** Job summary of `hash`: pure, compared whole in tests. */
function hashSummary(r) {
    return [
        '### Image manifest',
        '',
        kvTable([
            ['tag', code(r.tag)],
            ['sha256', code(r.hash)],
            ['manifest', code(r.manifest)],
            ['files', String(r.count)],
            ['hashed', SOURCE[r.source]],
        ]),
        '',
    ].join('\n');
}
/** Job summary of `build`. */
function buildSummary(r) {
    return [
        '### Training image',
        '',
        kvTable([
            ['image', code(r.ref.full)],
            ['digest', r.digest ? code(r.digest) : 'unknown'],
            ['built', r.built ? 'yes: the tag was new' : 'no: the tag was already in the registry'],
            ['manifest', `${code(r.hash.manifest)}: ${r.hash.count} files, ${SOURCE[r.hash.source]}`],
            ['registry requests', String(r.requests.length)],
        ]),
        '',
    ].join('\n');
}


/***/ })

};
