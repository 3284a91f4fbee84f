export const id = 487;
export const ids = [487];
export const modules = {

/***/ 7487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wN: () => (/* binding */ baselineCache),
  Lt: () => (/* binding */ onDefaultBranch),
  W3: () => (/* binding */ restoreBaseline),
  Hb: () => (/* binding */ restoreNight),
  XY: () => (/* binding */ saveBaseline),
  a3: () => (/* binding */ saveNight)
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
 * base commit's key and, failing that, by the experiment's prefix (the newest baseline); and a
 * scheduled sweep's nights, `trainer-night-<schedule>-<experiment>-<time>`, restored by the prefix.
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
const NIGHT = 'trainer-night-';
/** The restore key that matches every night `schedule` stored for `experiment`, and no other's. */
function nightCachePrefix(schedule, experiment) {
    return `${NIGHT}${encodeExperiment(schedule)}-${encodeExperiment(experiment)}-`;
}
/** A night's key: unique per save (the cache keeps the first entry of a key), newest restored by the prefix. */
function nightCacheKey(schedule, experiment, at, runId) {
    const stamp = at.toISOString().replace(/[-:.]/g, '').toLowerCase();
    const run = runId && /^\d{1,20}$/.test(runId) ? `.${runId}` : '';
    return `${nightCachePrefix(schedule, experiment)}${stamp}${run}`;
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
 * - a scheduled sweep (src/actions/schedule.ts) restores the newest night its schedule stored
 *   and is judged against it; a night without a regression is stored for the next one
 *   (`trainer-night-<schedule>-<experiment>-<time>`), so a regression stays one until fixed.
 * Nothing here fails a report: what could not be done is returned, for the summary to say.
 */





/** Where the baseline file is kept for the cache, under the workspace (save and restore name it the same way). */
const FILE = (0,external_node_path_.join)('.trainer', 'baseline-cache', 'baseline.json');
/**
 * The branch a push, schedule or dispatch ran on is the repository's default branch. A schedule
 * always runs there, and its payload may name nothing else (before GitHub added the repository
 * to it in 2022 it held the cron alone).
 */
function onDefaultBranch(g, env) {
    const repo = g.event?.repository;
    const branch = typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
    if (g.eventName === 'schedule' && branch === undefined)
        return true;
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
    return restoreFile(io, cache, experiment, base ? baselineCacheKey(experiment, base) : prefix, base ? [prefix] : []);
}
/** Stores an ended launch's metrics as the default branch's baseline at its commit (the launch's, else the step's). */
async function saveBaseline(io, cache, model, g) {
    const sha = model.github?.headSha ?? g.headSha;
    return saveFile(io, cache, model, g, baselineCacheKey(model.experiment, sha));
}
/** The newest night a schedule's sweep stored (saveNight): what tonight's is judged against. */
async function restoreNight(io, cache, schedule, experiment) {
    const prefix = nightCachePrefix(schedule, experiment);
    return restoreFile(io, cache, experiment, prefix, []);
}
/** Stores tonight's metrics for the next night to be judged against, as `night of <date> (<sha>)`. */
async function saveNight(io, cache, model, g, schedule) {
    const now = io.now();
    const sha = model.github?.headSha ?? g.headSha;
    const key = nightCacheKey(schedule, model.experiment, now, g.runId);
    return saveFile(io, cache, model, g, key, `night of ${now.toISOString().slice(0, 10)} (${sha.slice(0, 7)})`);
}
async function restoreFile(io, cache, experiment, key, restoreKeys) {
    const { abs, rel } = paths(io);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
    const r = await cache.restore([rel], key, restoreKeys);
    if (r.status === 'miss')
        return {};
    if (r.status !== 'hit')
        return { problem: `the baseline could not be restored: ${r.message}` };
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
async function saveFile(io, cache, model, g, key, source) {
    const sha = model.github?.headSha ?? g.headSha;
    const file = (0,baseline/* baselineOf */.Bv)({ ...model, github: model.github ?? { repository: g.repository, headSha: sha } });
    if (!Object.keys(file.points).length)
        return { problem: 'no run succeeded: no baseline stored' };
    const { abs, rel } = paths(io);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
    await (0,promises_.writeFile)(abs, `${JSON.stringify(source ? { ...file, source } : file)}\n`);
    const r = await cache.save([rel], key);
    if (r.status === 'saved' || r.status === 'exists')
        return { key };
    return { problem: `the baseline could not be stored in the cache: ${r.message}` };
}


/***/ })

};
