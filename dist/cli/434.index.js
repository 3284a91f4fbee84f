export const id = 434;
export const ids = [434,36];
export const modules = {

/***/ 7487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wN: () => (/* binding */ baselineCache),
  Lt: () => (/* binding */ onDefaultBranch),
  W3: () => (/* binding */ restoreBaseline),
  XY: () => (/* binding */ saveBaseline)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
;// CONCATENATED MODULE: ./src/kit/actions-cache.ts
/**
 * The Actions cache as a port: save and restore a few files under a key through GitHub's cache
 * service with the real `@actions/cache` client, and say in words what happened.
 *
 * `@actions/cache` never throws for a service problem: it logs through `@actions/core` (stdout) and
 * answers -1 or undefined. So each call here, one at a time:
 * - installs the cache variables of `io.env` (`CACHE_ENV`) into `process.env`, which is where the
 *   client reads them, and puts the old values back afterwards (a no-op when `io.env` is
 *   `process.env`, as in an action). `RUNNER_TEMP` falls back to the OS temp dir;
 * - collects what the client writes to stdout meanwhile, hands `::add-mask::` values to
 *   `io.setSecret` and the rest to `io.log` (debug; the client's warnings and errors at info),
 *   and reads the outcome from it (`failed`, `denied`, `exists` with the service's reason).
 *   Anything else the process writes to stdout during the call is routed the same way, so do not
 *   run other work that annotates concurrently with a cache call.
 *
 * Paths are handed to the client as given: the cache *version* is a hash of these strings (and the
 * compression), so save and restore must name the files the same way. Relative paths resolve
 * against the working directory and are archived relative to `GITHUB_WORKSPACE` (or it).
 *
 * `@actions/cache` (and the Azure SDK under it) is imported on first use, so bundles that never
 * call the cache do not load it.
 */


/** What `@actions/cache` 6.x reads from `process.env` (lib/internal/config.js, cacheUtils.js, tar.js, options.js). */
const CACHE_ENV = [
    'ACTIONS_CACHE_SERVICE_V2',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_CACHE_MODE',
    'GITHUB_SERVER_URL',
    'GITHUB_REF',
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
    'RUNNER_DEBUG',
    'CACHE_UPLOAD_CONCURRENCY',
    'CACHE_UPLOAD_CHUNK_SIZE',
    'SEGMENT_DOWNLOAD_TIMEOUT_MINS',
];
const KEY_MAX = 512;
const KEYS_MAX = 10;
/** Why the cache would refuse `key` (the client's own rules: at most 512 characters, no commas), or undefined. */
function cacheKeyProblem(key) {
    if (key === '')
        return 'a cache key cannot be empty';
    if (key.length > KEY_MAX)
        return `cache key is ${key.length} characters long; the limit is ${KEY_MAX}: ${key}`;
    if (key.includes(','))
        return `cache key cannot contain commas: ${key}`;
    return undefined;
}
/** The client's choice of service (lib/internal/config.js): v1 on GHES or without ACTIONS_CACHE_SERVICE_V2. */
function serviceOf(env) {
    let ghes;
    try {
        const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
        ghes = !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
    }
    catch {
        ghes = true;
    }
    const version = !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? 'v2' : 'v1';
    const url = version === 'v2' ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL';
    return { version, missing: [url, 'ACTIONS_RUNTIME_TOKEN'].filter(k => !env[k]) };
}
/** ACTIONS_CACHE_MODE as the client reads it; unknown values permit everything. */
function modeOf(env) {
    const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
    const known = ['none', 'read', 'write', 'write-only'].includes(mode);
    return {
        mode,
        read: !known || mode === 'read' || mode === 'write',
        write: !known || mode === 'write' || mode === 'write-only',
    };
}
const actions_cache_unescape = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
/** One line @actions/core wrote: a workflow command (`::warning::…`) or plain info. */
function parseLine(line) {
    const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/s.exec(line);
    if (!m)
        return { kind: 'info', text: line };
    const [, command = '', data = ''] = m;
    const kind = command === 'add-mask' ? 'mask' : command === 'warning' || command === 'error' ? command : 'debug';
    return { kind, text: actions_cache_unescape(data) };
}
// process.env and process.stdout are the process's: one cache call at a time.
let tail = Promise.resolve();
function exclusive(fn) {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
}
/** Runs `fn` with `env`'s cache variables in process.env and stdout collected; restores both. */
async function captured(io, fn) {
    const saved = new Map(CACHE_ENV.map(k => [k, process.env[k]]));
    for (const k of CACHE_ENV) {
        const v = k === 'RUNNER_TEMP' ? io.env[k] || (0,external_node_os_.tmpdir)() : io.env[k];
        if (v === undefined)
            Reflect.deleteProperty(process.env, k);
        else
            process.env[k] = v;
    }
    const out = process.stdout;
    const write = Object.getOwnPropertyDescriptor(out, 'write');
    const lines = [];
    let pending = '';
    const collect = (chunk, encoding, cb) => {
        pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const p of parts)
            lines.push(parseLine(p.replace(/\r$/, '')));
        const done = typeof encoding === 'function' ? encoding : cb;
        if (typeof done === 'function')
            queueMicrotask(() => done());
        return true;
    };
    out.write = collect;
    try {
        return { value: await fn(), lines };
    }
    finally {
        if (write)
            Object.defineProperty(out, 'write', write);
        else
            Reflect.deleteProperty(out, 'write');
        if (pending)
            lines.push(parseLine(pending));
        for (const [k, v] of saved) {
            if (v === undefined)
                Reflect.deleteProperty(process.env, k);
            else
                process.env[k] = v;
        }
        // masks first, so nothing logged below shows a signed URL
        for (const l of lines)
            if (l.kind === 'mask')
                io.setSecret(l.text);
        for (const l of lines) {
            if (l.kind === 'warning' || l.kind === 'error')
                io.log.info(`@actions/cache: ${l.text}`);
            else if (l.kind !== 'mask')
                io.log.debug(`@actions/cache: ${l.text}`);
        }
    }
}
/** The client's own account of a failure: its warnings and errors, else its `Failed to …` info line. */
function failureOf(lines, verb) {
    const said = lines.filter(l => l.kind === 'warning' || l.kind === 'error').map(l => l.text);
    const info = lines.find(l => l.kind === 'info' && l.text.startsWith(`Failed to ${verb}: `))?.text;
    const all = info && !said.includes(info) ? [...said, info] : said;
    if (all.length === 0)
        return undefined;
    const text = all.map(t => t.replace(new RegExp(`^Failed to ${verb}: `), '')).join('; ');
    // "another job may be creating this cache" stands for any refused reservation; the debug line has the service's answer
    const detail = lines.find(l => l.kind === 'debug' && l.text.startsWith('Failed to reserve cache: '))?.text;
    return detail
        ? text.replace(/, another job may be creating this cache\.$/, `: ${detail.replace(/^Failed to reserve cache: (Error: )?/, '')}`)
        : text;
}
/** The cache port over `@actions/cache` for the environment and log of `io`. */
function actionsCache(io) {
    const unavailable = () => {
        const { version, missing } = serviceOf(io.env);
        if (missing.length === 0)
            return undefined;
        return {
            status: 'unavailable',
            message: `no Actions cache service here (cache service ${version}: ${missing.join(' and ')} not set; the runner sets them for JavaScript actions)`,
        };
    };
    const checkKeys = (keys) => {
        if (keys.length > KEYS_MAX)
            throw new errors/* TrainerError */.e0(`a cache restore takes at most ${KEYS_MAX} keys (a key and 9 restore keys); got ${keys.length}`);
        for (const k of keys) {
            const problem = cacheKeyProblem(k);
            if (problem)
                throw new errors/* TrainerError */.e0(problem);
        }
    };
    return {
        available: () => unavailable() === undefined,
        save: (paths, key) => {
            checkKeys([key]);
            const none = unavailable();
            if (none)
                return Promise.resolve(none);
            const { write, mode } = modeOf(io.env);
            if (!write)
                return Promise.resolve({
                    status: 'denied',
                    message: `this run may not write the cache (ACTIONS_CACHE_MODE=${mode})`,
                });
            return exclusive(async () => {
                let id;
                let lines;
                try {
                    const { saveCache } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(520)]).then(__webpack_require__.bind(__webpack_require__, 44520));
                    ({ value: id, lines } = await captured(io, () => saveCache(paths, key)));
                }
                catch (e) {
                    return { status: 'failed', message: (0,errors/* getErrorMessage */.u1)(e) };
                }
                if (id !== -1)
                    return { status: 'saved', key };
                const message = failureOf(lines, 'save') ?? 'the cache client saved nothing and said why only in its debug log';
                if (/cache write denied:/.test(message))
                    return { status: 'denied', message };
                if (/\balready exists\b/i.test(message))
                    return {
                        status: 'exists',
                        key,
                        message: `the cache already holds ${key} for this run's branch (entries are never overwritten)`,
                    };
                return { status: 'failed', message };
            });
        },
        restore: (paths, key, restoreKeys = []) => {
            checkKeys([key, ...restoreKeys]);
            const none = unavailable();
            if (none)
                return Promise.resolve(none);
            const { read, mode } = modeOf(io.env);
            if (!read)
                return Promise.resolve({
                    status: 'denied',
                    message: `this run may not read the cache (ACTIONS_CACHE_MODE=${mode})`,
                });
            return exclusive(async () => {
                let hit;
                let lines;
                try {
                    const { restoreCache } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(520)]).then(__webpack_require__.bind(__webpack_require__, 44520));
                    ({ value: hit, lines } = await captured(io, () => restoreCache(paths, key, restoreKeys)));
                }
                catch (e) {
                    return { status: 'failed', message: (0,errors/* getErrorMessage */.u1)(e) };
                }
                if (hit !== undefined)
                    return { status: 'hit', key: hit, exact: hit.toLowerCase() === key.toLowerCase() };
                const message = failureOf(lines, 'restore');
                if (message === undefined)
                    return { status: 'miss' };
                if (/cache read denied:/.test(message))
                    return { status: 'denied', message };
                return { status: 'failed', message };
            });
        },
    };
}

// EXTERNAL MODULE: ./src/report/baseline.ts
var baseline = __webpack_require__(67355);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/report/baseline-key.ts
/**
 * Cache keys for baselines: `trainer-baseline-<experiment>-<sha>`, restored on a pull request by the
 * base commit's key and, failing that, by the experiment's prefix (the newest baseline).
 *
 * The Actions cache matches keys by prefix and case-insensitively, and refuses commas and keys over
 * 512 characters, so the experiment name is encoded: `[a-z0-9_.]` stay, an upper-case letter
 * becomes `^` and the letter, every other byte of its UTF-8 `~` and two lower-case hex digits
 * (`mnist-cnn` → `mnist~2dcnn`, `MNIST` → `^m^n^i^s^t`). The result is lower case, never contains
 * `-` or `,`, and different names give different results, so the `-` that ends it keeps one
 * experiment's prefix from matching another's keys (`a` and `ab`, `a` and `a-b`). Encodings over
 * 100 characters keep their first 80 and end in `~~` and 16 hex digits of the name's SHA-256.
 */

const PREFIX = 'trainer-baseline-';
const ENC_MAX = 100;
const ENC_KEEP = 80;
/** The experiment name as it appears in its cache keys. */
function encodeExperiment(name) {
    const units = [];
    for (const ch of name) {
        if (/^[a-z0-9_.]$/.test(ch))
            units.push(ch);
        else if (/^[A-Z]$/.test(ch))
            units.push(`^${ch.toLowerCase()}`);
        else
            for (const b of Buffer.from(ch, 'utf8'))
                units.push(`~${b.toString(16).padStart(2, '0')}`);
    }
    const full = units.join('');
    if (full.length <= ENC_MAX)
        return full;
    let kept = '';
    for (const u of units) {
        if (kept.length + u.length > ENC_KEEP)
            break;
        kept += u;
    }
    return `${kept}~~${(0,external_node_crypto_.createHash)('sha256').update(name, 'utf8').digest('hex').slice(0, 16)}`;
}
/** The restore key that matches every baseline of `experiment` and no other experiment's. */
function baselineCachePrefix(experiment) {
    return `${PREFIX}${encodeExperiment(experiment)}-`;
}
/** The cache key of `experiment`'s baseline at commit `sha` (hex, 4 to 64 digits). */
function baselineCacheKey(experiment, sha) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha))
        throw new Error(`baselineCacheKey: not a commit SHA: ${JSON.stringify(sha)}`);
    return `${baselineCachePrefix(experiment)}${sha.toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/actions/baseline-cache.ts
/**
 * The default branch's baseline through the Actions cache, for reports that have no fixed
 * `report.baseline` file:
 * - a report on the default branch (a push to it, a schedule, a dispatch) that has ended
 *   stores its launch's metrics per sweep point under `trainer-baseline-<experiment>-<sha>`;
 * - a pull request's report restores the baseline of its base commit, else the newest of its
 *   experiment (by the key prefix; the cache service answers with the most recent entry), and
 *   compares against it. A pull request's cache scope can read its base branch's entries, and
 *   its own saves never reach the default branch's scope.
 * Nothing here fails a report: what could not be done is returned, for the summary to say.
 */





/** Where the baseline file is kept for the cache, under the workspace (save and restore name it the same way). */
const FILE = (0,external_node_path_.join)('.trainer', 'baseline-cache', 'baseline.json');
/** The branch a push, schedule or dispatch ran on is the repository's default branch. */
function onDefaultBranch(g, env) {
    const repo = g.event?.repository;
    const branch = typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
    return (branch !== undefined &&
        env.GITHUB_REF === `refs/heads/${branch}` &&
        ['push', 'schedule', 'workflow_dispatch'].includes(g.eventName));
}
/** The paths as the cache client takes them: relative to the working directory, as on every runner. */
function paths(io) {
    const abs = (0,external_node_path_.join)(io.workspace, FILE);
    return { abs, rel: (0,external_node_path_.relative)(process.cwd(), abs) || abs };
}
/** A cache port where there is a cache service; undefined (nothing to say) where there is none. */
function baselineCache(io) {
    const cache = actionsCache(io);
    return cache.available() ? cache : undefined;
}
/** A pull request's baseline from the cache: its base commit's, else the experiment's newest. */
async function restoreBaseline(io, cache, g, experiment) {
    const pr = g.event?.pull_request;
    const base = typeof pr?.base?.sha === 'string' ? pr.base.sha : undefined;
    const prefix = baselineCachePrefix(experiment);
    const { abs, rel } = paths(io);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
    const r = await cache.restore([rel], base ? baselineCacheKey(experiment, base) : prefix, base ? [prefix] : []);
    if (r.status === 'miss')
        return {};
    if (r.status !== 'hit')
        return { problem: `the default branch's baseline could not be restored: ${r.message}` };
    try {
        const b = baseline/* BaselineFileSchema */.RB.parse(JSON.parse(await (0,promises_.readFile)(abs, 'utf8')));
        if (b.experiment !== experiment)
            return { problem: `the cached baseline ${r.key} is another experiment's` };
        return { baseline: { source: b.source, points: b.points }, key: r.key };
    }
    catch (e) {
        return { problem: `the cached baseline ${r.key} is not a baseline file (${e.message})` };
    }
}
/** Stores an ended launch's metrics as the default branch's baseline at its commit (the launch's, else the step's). */
async function saveBaseline(io, cache, model, g) {
    const sha = model.github?.headSha ?? g.headSha;
    const file = (0,baseline/* baselineOf */.Bv)({ ...model, github: model.github ?? { repository: g.repository, headSha: sha } });
    if (!Object.keys(file.points).length)
        return { problem: 'no run succeeded: no baseline stored' };
    const { abs, rel } = paths(io);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
    await (0,promises_.writeFile)(abs, `${JSON.stringify(file)}\n`);
    const key = baselineCacheKey(model.experiment, sha);
    const r = await cache.save([rel], key);
    if (r.status === 'saved' || r.status === 'exists')
        return { key };
    return { problem: `the baseline could not be stored in the cache: ${r.message}` };
}


/***/ }),

/***/ 97036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_LEDGER: () => (/* binding */ DEFAULT_LEDGER),
/* harmony export */   DEFAULT_RESULTS: () => (/* binding */ DEFAULT_RESULTS),
/* harmony export */   LaunchInputs: () => (/* binding */ LaunchInputs),
/* harmony export */   githubContext: () => (/* binding */ githubContext),
/* harmony export */   launch: () => (/* binding */ launch),
/* harmony export */   launchBackend: () => (/* binding */ launchBackend),
/* harmony export */   launchContext: () => (/* binding */ launchContext),
/* harmony export */   launchSummaries: () => (/* binding */ launchSummaries),
/* harmony export */   ledgerPath: () => (/* binding */ ledgerPath),
/* harmony export */   runsPipelineImage: () => (/* binding */ runsPipelineImage)
/* harmony export */ });
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61036);
/* harmony import */ var _backends_driver_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41799);
/* harmony import */ var _backends_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64990);
/* harmony import */ var _backends_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(16264);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73713);
/* harmony import */ var _kit_proc_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11642);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(63131);
/* harmony import */ var _ledger_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(99706);
/* harmony import */ var _backends_reconcile_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(42805);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(67127);
/* harmony import */ var _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(99424);
/* harmony import */ var _report_results_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(98940);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(17568);















const DEFAULT_LEDGER = '.trainer/ledger.db';
const DEFAULT_RESULTS = 'results';
const LaunchInputs = _plan_js__WEBPACK_IMPORTED_MODULE_13__.PlanInputs.extend({
    parallel: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optInt)(1, 1024),
    'results-root': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
    ledger: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
    'grace-period': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optInt)(0, 3600),
    /** Return once the runs are submitted (remote backends), or run them in a launcher of their own (local). */
    detach: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.bool)(false),
    /** Seconds to wait for a remote launch before returning (the runs go on). */
    'wait-timeout': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optInt)(1, 30 * 86400),
    /** Report on GitHub while it runs: the check run from `queued` to its conclusion, and the PR comment. */
    report: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.bool)(false),
    'github-token': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
    /**
     * The commit the runs' code is, where the launch is reported (default: the event's head; a
     * `/train` command's pinned SHA, which GITHUB_SHA of an issue_comment event is not).
     */
    'head-sha': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
});
/** Opens the ledger a workspace uses (trainer.yml `launch.ledger`, else .trainer/ledger.db). */
function ledgerPath(workspace, input, configured) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, input ?? configured ?? DEFAULT_LEDGER);
}
/** Results per sweep point of a launch's runs, from the ledger and its plan. */
function launchSummaries(plan, runs) {
    const point = new Map(plan.runs.map(r => [r.id, r.point]));
    return (0,_report_results_js__WEBPACK_IMPORTED_MODULE_14__/* .summarize */ .e)(runs.map(r => ({ point: point.get(r.id) ?? {}, state: r.state, final: r.metrics })));
}
/**
 * Whether the launch runs the pipeline's image: trainer.yml has an `image:` section and the
 * experiment's backend (or the one given) runs containers; a Slurm run with `container: none`
 * runs on the node itself.
 */
function runsPipelineImage(config, i) {
    const experiments = config.experiments ?? {};
    const name = i.experiment ?? '';
    const backend = i.backend ?? (Object.hasOwn(experiments, name) ? experiments[name]?.backend : undefined);
    if (!backend || !config.image)
        return false;
    const b = (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(backend, config.backends);
    return b.type === 'local-docker' || (b.type === 'slurm' && b.container !== 'none');
}
/**
 * The image a containerised launch (local-docker, Slurm in a container) uses when none is
 * given: the image pipeline's reference (image.name, registry and the .image-manifest tag),
 * as `trainer build` makes it.
 */
async function pipelineImage(io, i) {
    const { config, file } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z)(io.workspace, i.config);
    if (!config.image || !runsPipelineImage(config, i))
        return undefined;
    const [{ imageSettings }, { imageForManifest }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(692), __webpack_require__.e(812)]).then(__webpack_require__.bind(__webpack_require__, 69692)),
        Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(718), __webpack_require__.e(956), __webpack_require__.e(22)]).then(__webpack_require__.bind(__webpack_require__, 16641)),
    ]);
    const settings = await imageSettings(io.workspace, config.image, file, {}, io.env);
    return (await imageForManifest(settings, { log: io.log })).ref.full;
}
/** Where on GitHub a launch comes from (for reporting); undefined outside Actions. */
function githubContext(io, headSha) {
    const g = io.github();
    if (!g)
        return undefined;
    if (headSha !== undefined && !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(headSha))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`head-sha: '${headSha}' is not a full commit SHA (40 or 64 hex digits)`, { key: 'head-sha' });
    return {
        repository: g.repository,
        headSha: headSha ?? g.headSha,
        ...(g.pullRequest === undefined ? {} : { pullRequest: g.pullRequest }),
        ...(g.runId === undefined ? {} : { runId: g.runId }),
        serverUrl: g.serverUrl,
    };
}
/** The context a backend gets for one launch. */
function launchContext(io, ledger, launch, o = {}) {
    return {
        launch,
        ledger,
        log: m => io.log.info(m),
        warn: m => io.log.warning(m),
        env: io.env,
        workspace: io.workspace,
        signals: o.signals ?? new node_events__WEBPACK_IMPORTED_MODULE_0__.EventEmitter(),
        gracePeriod: o.gracePeriod,
        parallel: o.parallel,
        progress: o.progress,
    };
}
/** The backend a recorded launch ran on, with the options it was launched with. */
async function launchBackend(launch, config, deps) {
    const recorded = launch.backendConfig;
    const bconf = recorded?.type ? recorded : (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(launch.backend, config?.backends);
    return (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadBackend */ .D)(launch.backend, bconf, deps);
}
/**
 * The digest the registry has for a remote launch's image, recorded with each run: what the
 * nodes will pull. An image the registry does not have, or cannot be asked about, is a
 * warning (the cluster may reach a registry this machine cannot), never a failed launch.
 */
async function registryDigest(io, image, authRealms) {
    const [{ parseRef }, { RegistryClient }, { dockerCredentials }] = await Promise.all([
        __webpack_require__.e(/* import() */ 431).then(__webpack_require__.bind(__webpack_require__, 62812)),
        Promise.all(/* import() */[__webpack_require__.e(718), __webpack_require__.e(50)]).then(__webpack_require__.bind(__webpack_require__, 43718)),
        __webpack_require__.e(/* import() */ 791).then(__webpack_require__.bind(__webpack_require__, 50791)),
    ]);
    try {
        const ref = parseRef(image);
        const credentials = await dockerCredentials(ref.registry, { ...io.env });
        if (credentials?.password)
            io.setSecret(credentials.password);
        if (credentials?.identityToken)
            io.setSecret(credentials.identityToken);
        const state = await new RegistryClient({
            credentials,
            log: io.log,
            secret: v => io.setSecret(v),
            authRealms,
            timeoutMs: 10_000,
            retries: 1,
        }).manifest(ref);
        if (!state.exists) {
            io.log.warning(`${image} is not in its registry: the runs will not find it unless the cluster can (trainer build pushes it)`);
            return undefined;
        }
        return state.digest;
    }
    catch (e) {
        io.log.warning(`${image}: its registry could not be asked for its digest (${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e)})`);
        return undefined;
    }
}
/** Whether another live process is recorded as the launch's launcher. */
function ownerRunning(l) {
    const owner = (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_10__/* .launchRecord */ .n)(l).launcher;
    return owner !== undefined && !(0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .sameProcess */ .ID)(owner, (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .identify */ .ls)(process.pid)) && (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .isAlive */ ._n)(owner) !== false;
}
/** Seconds between polls of a remote backend. */
function pollInterval(c) {
    return c.type === 'slurm' ? (c['poll-interval'] ?? 60) : 60;
}
/**
 * `trainer launch`: plans an experiment, records it in the ledger and runs it on its backend.
 * Local backends run it here and return when every run has ended. Remote backends submit it
 * (idempotently: a repeated launch id adopts what was submitted) and then wait, polling,
 * unless `detach`; `trainer status --refresh` moves a detached launch on.
 */
async function launch(io, deps) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.readInputs)(io, LaunchInputs);
    const { config, plan } = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_13__.planFromInputs)(io, { ...i, image: i.image ?? (await pipelineImage(io, i)) });
    const name = plan.runs[0]?.backend ?? 'local';
    const bconf = (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(name, config.backends);
    const backend = await (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadBackend */ .D)(name, bconf, deps);
    io.onClose(async () => backend.close?.());
    // a local launch's results are here, one root per launch: seed 000's <experiment>/runs/<NNN> beneath it
    const resultsRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.workspace, i['results-root'] ?? config.launch?.['results-root'] ?? DEFAULT_RESULTS), plan.launchId);
    if (!backend.remote) {
        // before anything is recorded: a launch that cannot even start leaves no ACTIVE row behind
        await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_8__/* .makeDirs */ .X2)(resultsRoot).catch((e) => {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`results root ${resultsRoot} cannot be created: ${e.code ?? (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e)}`, { key: 'results-root' });
        });
    }
    const detachLocal = i.detach && !backend.remote;
    if (detachLocal && !deps.detach)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`a ${bconf.type} launch cannot outlive this step: wait for it (detach: false)`, {
            key: 'detach',
        });
    const path = ledgerPath(io.workspace, i.ledger, config.launch?.ledger);
    const ledger = _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_12__/* .Ledger */ .Oc.open(path);
    io.onClose(() => ledger.close());
    // a detached local launch is run by a launcher of its own, started now
    const launcher = detachLocal ? await deps.detach(plan.launchId, resultsRoot) : (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .identify */ .ls)(process.pid);
    // a remote launch's launcher is recorded too: while it submits, nobody else may
    const record = backend.remote ? { launcher } : { resultsRoot, launcher };
    let created;
    try {
        created = ledger.createLaunch(plan, {
            backend: name,
            config: record,
            backendConfig: bconf,
            github: githubContext(io, i['head-sha']),
        });
    }
    catch (e) {
        if (e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .LedgerError */ .oy && !(e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .LedgerBusyError */ .f7))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(e.message, { key: 'launch-id' }, e.hint === undefined ? {} : { hint: e.hint });
        throw e;
    }
    // a detached local launch is reported by its own launcher
    // loaded only when asked for: the GitHub client stays out of the bundles that never report
    const reporter = i.report && !detachLocal
        ? await (await Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(836), __webpack_require__.e(254)]).then(__webpack_require__.bind(__webpack_require__, 99254))).LaunchReporter.start(io, {
            ledger,
            launchId: plan.launchId,
            config,
            configFile: (await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z)(io.workspace, i.config)).file,
            token: i['github-token'] ?? io.env.GITHUB_TOKEN,
            resultsRoot: backend.remote ? undefined : resultsRoot,
        })
        : undefined;
    const ctx = launchContext(io, ledger, ledger.getLaunch(plan.launchId), {
        signals: deps.signals,
        gracePeriod: i['grace-period'],
        parallel: i.parallel ?? config.launch?.parallel,
        progress: e => {
            deps.progress?.(e, plan);
            reporter?.nudge();
        },
    });
    if (reporter)
        ctx.collected = reporter.collected;
    deps.recorded?.(plan.launchId);
    reporter?.nudge();
    const result = () => {
        const status = ledger.getLaunch(plan.launchId)?.status ?? 'ACTIVE';
        const runs = ledger.listRuns(plan.launchId);
        io.setOutput('status', status);
        return {
            plan,
            status,
            runs,
            summaries: launchSummaries(plan, runs),
            ledger: path,
            resultsRoot,
            detached: i.detach,
            checkRunId: reporter?.checkRunId,
            conclusion: reporter?.conclusion,
        };
    };
    if (detachLocal) {
        io.log.info(`launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${name}, run by process ${launcher.pid}`);
        return result();
    }
    if (!created) {
        // The same launch again (--launch-id): what an earlier launcher left behind is settled from
        // what the backend says, and what it never started or submitted is done now, by this one.
        const r = await (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_10__/* .reconcileLaunch */ ._)(backend, ctx, { keepCreated: true });
        if (r.ownerAlive || (backend.remote && ownerRunning(ctx.launch)))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`launch ${plan.launchId} is being run by another trainer process`, { key: 'launch-id' });
        ledger.setLaunchConfig(plan.launchId, record);
    }
    io.log.info(`launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${name}${backend.remote ? '' : `, results in ${resultsRoot}`}`);
    try {
        if (backend.remote) {
            const image = plan.runs[0]?.image;
            if (image && !(bconf.type === 'slurm' && bconf.container === 'none'))
                ctx.imageDigest = await registryDigest(io, image, config.image?.['auth-realms']);
            const s = await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_3__/* .submitLaunch */ .W7)(backend, ctx);
            if (s.adopted)
                io.log.info(`${s.adopted} runs were already submitted by an earlier attempt: adopted`);
            if (i.detach) {
                await reporter?.record();
                io.log.info(`detached: trainer status ${plan.launchId} --refresh follows it`);
                return result();
            }
            const waited = await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_3__/* .watchLaunch */ .vc)(backend, ctx, {
                interval: pollInterval(bconf),
                retries: bconf.type === 'slurm' ? bconf.retries : undefined,
                deadline: i['wait-timeout'] === undefined ? undefined : Date.now() + i['wait-timeout'] * 1000,
            });
            if (waited === 'deadline') {
                await reporter?.record();
                io.log.warning(`stopped waiting after ${i['wait-timeout']} s; the runs go on (trainer status ${plan.launchId} --refresh)`);
                return result();
            }
        }
        else {
            await backend.submit(ctx, ledger.listRuns(plan.launchId).filter(r => r.state === 'CREATED'));
        }
    }
    catch (e) {
        if (e instanceof _backends_types_js__WEBPACK_IMPORTED_MODULE_5__/* .PartialSubmitError */ .UL && !e.definite) {
            // some runs may be on the cluster after all: they stay CREATED, for a later attempt to adopt
            io.log.warning(`launch ${plan.launchId}: ${e.message}; trainer status ${plan.launchId} --refresh adopts or submits what is left`);
            ledger.setLaunchConfig(plan.launchId, { ...record, launcher: undefined });
            await reporter?.record();
            throw e;
        }
        // Every way a launch ends leaves it final: runs it never started are cancelled, with why.
        for (const r of ledger.listRuns(plan.launchId))
            if (r.state === 'CREATED')
                ledger.transition(r.id, 'CANCELLED', { reason: `launch failed: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e)}`, expect: ['CREATED'] });
        ledger.finishLaunch(plan.launchId);
        await reporter?.final();
        throw e;
    }
    ledger.finishLaunch(plan.launchId);
    await reporter?.final();
    return result();
}


/***/ }),

/***/ 17568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PlanInputs: () => (/* binding */ PlanInputs),
/* harmony export */   PlanOnlyInputs: () => (/* binding */ PlanOnlyInputs),
/* harmony export */   plan: () => (/* binding */ plan),
/* harmony export */   planFromInputs: () => (/* binding */ planFromInputs)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74528);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67127);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48720);





/** Inputs of a plan (the CLI's `trainer plan`, and the launch pipeline's first step). */
const PlanInputs = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    experiment: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    /** One key=value per line (values may hold commas). */
    overrides: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.lines)(),
    seed: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(0, 2 ** 32 - 1),
    'prefer-config-seed': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(true),
    'launch-id': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    'max-runs': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 10_000_000),
    backend: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    image: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    /** This launch's seeds, instead of the experiment's (comma-separated whole numbers). */
    seeds: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.list)(),
    /** Runs per sweep point, instead of the experiment's. */
    runs: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 100_000),
    /** Sweeps for this launch as JSON, parameter to values (`{"lr": [0.01, 0.1]}`); actions/command's sweep output. */
    sweep: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
});
/** `trainer plan`'s own inputs. */
const PlanOnlyInputs = PlanInputs.extend({
    /** Also the job script a Slurm backend would submit. */
    'show-script': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(false),
});
/** The experiment asked for; when none is, an error that says how to name one and lists them. */
function experimentName(name, config) {
    if (name !== undefined)
        return name;
    const names = Object.keys(config.experiments ?? {});
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no experiment given: name one with exp=NAME (the experiment input in a workflow); ${names.length ? `experiments: ${names.join(', ')}` : 'trainer.yml defines none'}`, { key: 'experiment' });
}
function seedsOf(words) {
    if (!words.length)
        return undefined;
    return words.map(w => {
        if (!/^\d{1,10}$/.test(w) || Number(w) > 2 ** 32 - 1)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`seeds: '${w}' is not a seed (a whole number 0..${2 ** 32 - 1})`, { key: 'seeds' });
        return Number(w);
    });
}
function sweepOf(text) {
    if (text === undefined)
        return undefined;
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sweep: not JSON; give an object of parameter to values, {"lr": [0.01, 0.1]}', { key: 'sweep' });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sweep: give an object of parameter to values, {"lr": [0.01, 0.1]}', { key: 'sweep' });
    const out = Object.create(null);
    for (const [k, v] of Object.entries(raw)) {
        if (!Array.isArray(v) || !v.every(x => ['string', 'number', 'boolean'].includes(typeof x)))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' must be a list of values`, { key: 'sweep' });
        out[k] = v;
    }
    return out;
}
/** The plan the plan inputs describe, and the configuration it came from. */
async function planFromInputs(io, i) {
    const { config } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z)(io.workspace, i.config);
    const p = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildPlan */ .Gg)(config, {
        experiment: experimentName(i.experiment, config),
        overrides: (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOverrides */ .f$)(i.overrides),
        seed: i.seed,
        seeds: seedsOf(i.seeds),
        runs: i.runs,
        sweep: sweepOf(i.sweep),
        preferConfigSeed: i['prefer-config-seed'] ? undefined : false,
        launchId: i['launch-id'],
        maxRuns: i['max-runs'],
        backend: i.backend,
        image: i.image,
    });
    io.setOutput('launch-id', p.launchId);
    io.setOutput('runs', p.runs.length);
    return { config, plan: p };
}
/** Materializes an experiment into a plan of runs, without launching anything. */
async function plan(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.readInputs)(io, PlanOnlyInputs);
    const { config, plan: p } = await planFromInputs(io, i);
    if (!i['show-script'])
        return p;
    const name = p.runs[0]?.backend ?? 'local';
    const { backendConfig } = await __webpack_require__.e(/* import() */ 990).then(__webpack_require__.bind(__webpack_require__, 64990));
    const c = backendConfig(name, config.backends);
    if (c.type !== 'slurm')
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`--show-script: backend '${name}' is ${c.type}; only a Slurm backend has a job script`, {
            key: 'backend',
        });
    const { previewScript } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(805), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 29913));
    return { ...p, script: previewScript(c, p) };
}


/***/ }),

/***/ 94434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ReportInputs: () => (/* binding */ ReportInputs),
  report: () => (/* binding */ report)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(74528);
// EXTERNAL MODULE: ./src/backends/reconcile.ts
var reconcile = __webpack_require__(42805);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(61036);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/inputs.ts
var inputs = __webpack_require__(67127);
// EXTERNAL MODULE: ./src/kit/safe-fs.ts
var safe_fs = __webpack_require__(63131);
// EXTERNAL MODULE: ./src/kit/octokit.ts
var octokit = __webpack_require__(89313);
// EXTERNAL MODULE: ./src/ledger/ledger.ts + 1 modules
var ledger_ledger = __webpack_require__(99424);
// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/baseline.ts
var baseline = __webpack_require__(67355);
// EXTERNAL MODULE: ./src/actions/baseline-cache.ts + 2 modules
var baseline_cache = __webpack_require__(7487);
// EXTERNAL MODULE: ./src/kit/exec.ts
var exec = __webpack_require__(29495);
;// CONCATENATED MODULE: ./src/report/chart-images.ts
/**
 * The report's charts as images, for an artifact: GitHub draws the Mermaid blocks in comments,
 * check runs and summaries, but a file to download or attach elsewhere needs pictures.
 * mermaid-cli (`mmdc`) renders every Mermaid block of the full report in a headless Chrome:
 * `<dir>/charts.md` (the report with images in place of the blocks) and `<dir>/charts-N.svg|png`.
 * The browser is the one puppeteer finds, or PUPPETEER_EXECUTABLE_PATH / CHROME_PATH; it runs
 * with `--no-sandbox` (a CI runner's user namespace may not allow Chrome's sandbox).
 *
 * A chart that cannot be drawn never fails a report: the problem is returned, to be said.
 */




/** Renders the Mermaid blocks of `reportFile` into `dir`; returns the image files, or why not. */
async function chartImages(reportFile, dir, o) {
    await (0,safe_fs/* makeDirs */.X2)(dir);
    const browser = o.env.PUPPETEER_EXECUTABLE_PATH || o.env.CHROME_PATH;
    const config = (0,external_node_path_.join)(dir, 'puppeteer.json');
    await (0,promises_.writeFile)(config, JSON.stringify({ ...(browser ? { executablePath: browser } : {}), args: ['--no-sandbox', '--disable-gpu'] }));
    const [cmd, ...pre] = o.mmdc;
    if (!cmd)
        return { problem: 'no mmdc command' };
    let r;
    try {
        r = await (0,exec/* exec */.m)(cmd, [...pre, '-q', '-w', '1000', '-p', config, '-i', reportFile, '-o', (0,external_node_path_.join)(dir, 'charts.md'), '-e', o.format], { env: { ...process.env, ...o.env } });
    }
    catch (e) {
        const code = e.code;
        return {
            problem: `the charts could not be drawn: ${cmd} ${code === 'ENOENT' ? 'is not installed (npm i -g @mermaid-js/mermaid-cli)' : `failed to start (${code ?? String(e)})`}`,
        };
    }
    if (r.code !== 0) {
        const last = r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
        return { problem: `the charts could not be drawn: ${cmd} exited ${r.code}${last ? ` (${last})` : ''}` };
    }
    const files = (await (0,promises_.readdir)(dir))
        .filter(f => f.startsWith('charts-') && f.endsWith(`.${o.format}`))
        .sort((a, b) => parseInt(a.slice(7)) - parseInt(b.slice(7)))
        .map(f => (0,external_node_path_.join)(dir, f));
    return { files };
}

// EXTERNAL MODULE: ./src/report/launch-report.ts
var launch_report = __webpack_require__(80854);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/render.ts + 2 modules
var render = __webpack_require__(21736);
// EXTERNAL MODULE: ./src/actions/launch.ts
var actions_launch = __webpack_require__(97036);
;// CONCATENATED MODULE: ./src/actions/report.ts



















const ReportInputs = schemas/* object */.Ikc({
    config: (0,inputs.optString)(),
    ledger: (0,inputs.optString)(),
    /** The launch (default: the latest in the ledger). */
    id: (0,inputs.optString)(),
    'github-token': (0,inputs.optString)(),
    /** Where the report goes: check, comment, summary (default all three). */
    publish: (0,inputs.list)(),
    /** Where the full report is written (default <results root or .trainer>/report-<launch>.md). */
    'report-file': (0,inputs.optString)(),
    /** The charts as images too (svg or png), drawn by mermaid-cli, for an artifact (default none). */
    'chart-images': (0,inputs.optString)(),
    /** The mermaid-cli command (default mmdc). */
    mmdc: (0,inputs.optString)(),
});
/** Bytes of the job summary kept for what could not be published. */
const SUMMARY_ROOM = 16_384;
const TARGETS = ['check', 'comment', 'summary'];
/**
 * `trainer report [LAUNCH]` / actions/report: builds one report of a launch from the ledger and
 * publishes it: a check run on the head SHA, the sticky PR comment, the job summary. What could
 * not be published is said in the summary, with why; the full report is also written to a file.
 */
async function report(io) {
    const i = (0,inputs.readInputs)(io, ReportInputs);
    const targets = i.publish.length ? i.publish : [...TARGETS];
    for (const t of targets)
        if (!TARGETS.includes(t))
            throw new errors/* ConfigError */.xL(`publish: '${t}' is not one of ${TARGETS.join(', ')}`, { key: 'publish' });
    const { config, file: configFile } = await (0,load/* loadConfig */.Z)(io.workspace, i.config);
    const ledger = ledger_ledger/* Ledger */.Oc.open((0,actions_launch.ledgerPath)(io.workspace, i.ledger, config.launch?.ledger), { readOnly: true });
    io.onClose(() => ledger.close());
    const launch = i.id ? ledger.getLaunch(i.id) : ledger.latestLaunch();
    if (!launch)
        throw new errors/* NotFoundError */.m_(i.id ? `no launch '${i.id}' in the ledger` : 'the ledger has no launches yet');
    const runs = ledger.listRuns(launch.id);
    const root = (0,reconcile/* launchRecord */.n)(launch).resultsRoot;
    const settings = await (0,launch_report/* reportSettings */.kC)(config, configFile, io.workspace, launch.experiment);
    const now = io.now();
    const g = io.github();
    // without a fixed baseline file, the default branch's through the Actions cache
    const cache = g && !settings.baseline ? (0,baseline_cache/* baselineCache */.wN)(io) : undefined;
    const cacheProblems = [];
    if (cache && g?.pullRequest !== undefined) {
        const b = await (0,baseline_cache/* restoreBaseline */.W3)(io, cache, g, launch.experiment);
        if (b.baseline)
            settings.baseline = b.baseline;
        if (b.problem)
            cacheProblems.push(b.problem);
    }
    // the summary leaves room for the problems said after it
    const { model, rendered, annotations, states } = (0,launch_report/* launchReport */.kB)(launch, runs, await (0,launch_report/* localHistories */.OE)(root, runs), settings, {
        now,
        limits: { summary: render/* REPORT_LIMITS */.S4.summary - SUMMARY_ROOM },
    });
    const failOn = settings.failOn;
    const token = i['github-token'] ?? io.env.GITHUB_TOKEN;
    const gh = g && token ? (0,octokit/* githubClient */.$f)({ token, apiUrl: g.apiUrl, log: io.log }) : undefined;
    const spent = gh ? (0,octokit/* countRequests */.Kx)(gh) : { count: () => 0 };
    const published = await (0,publish/* publishReport */.S3)(gh, g, model, rendered, {
        check: targets.includes('check') && {
            annotations,
            text: (0,launch_report/* recordText */.Pe)(launch, runs, { spent: spent.count, now, states, writes: (0,report_annotations/* writesFor */.c5)(annotations) }),
        },
        comment: targets.includes('comment'),
    });
    if (cache && g && (0,baseline_cache/* onDefaultBranch */.Lt)(g, io.env) && rendered.conclusion !== undefined) {
        const b = await (0,baseline_cache/* saveBaseline */.XY)(io, cache, model, g);
        if (b.key)
            io.setOutput('baseline-cache-key', b.key);
        if (b.problem)
            cacheProblems.push(b.problem);
    }
    published.problems.push(...cacheProblems);
    for (const p of published.problems)
        io.log.warning(p);
    if (targets.includes('summary')) {
        const problems = published.problems.length
            ? `\n\n> [!WARNING]\n${published.problems.map(p => `> ${(0,report_escape/* escapeMarkdown */.FV)(p, { max: 2000 })}`).join('\n>\n')}\n`
            : '';
        await io.summary(rendered.summary + problems);
    }
    const file = (0,external_node_path_.resolve)(io.workspace, i['report-file'] ?? (0,external_node_path_.join)(root ?? '.trainer', `report-${launch.id}.md`));
    await (0,safe_fs/* makeDirs */.X2)((0,external_node_path_.dirname)(file));
    await (0,promises_.writeFile)(file, (0,render/* renderReport */.B1)(model, { target: 'summary', limit: Number.MAX_SAFE_INTEGER, failOn }).markdown);
    // this launch as a baseline for later ones (report.baseline names such a file)
    const baselineFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `baseline-${launch.id}.json`);
    await (0,promises_.writeFile)(baselineFile, `${JSON.stringify((0,baseline/* baselineOf */.Bv)(model), null, 2)}\n`);
    io.setOutput('baseline-file', baselineFile);
    const format = i['chart-images'] ?? 'none';
    if (!['none', 'svg', 'png'].includes(format))
        throw new errors/* ConfigError */.xL(`chart-images: '${format}' is not one of none, svg, png`, { key: 'chart-images' });
    if (format !== 'none') {
        const dir = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `charts-${launch.id}`);
        const c = await chartImages(file, dir, {
            format: format,
            mmdc: i.mmdc ? [i.mmdc] : ['mmdc'],
            env: io.env,
        });
        if ('problem' in c)
            io.log.warning(c.problem);
        else
            io.log.info(`${c.files.length} charts drawn in ${dir}`);
        io.setOutput('charts-dir', dir);
    }
    io.setOutput('conclusion', rendered.conclusion ?? 'pending');
    io.setOutput('report-file', file);
    if (published.checkRunId !== undefined)
        io.setOutput('check-run-id', published.checkRunId);
    if (published.commentId !== undefined)
        io.setOutput('comment-id', published.commentId);
    return { model, rendered, published, file };
}


/***/ }),

/***/ 29495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ exec)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Runs a program with an argument vector (never through a shell) and collects its output. */
function exec(file, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input ?? '');
    });
}


/***/ })

};
