export const id = 805;
export const ids = [805];
export const modules = {

/***/ 41799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W7: () => (/* binding */ submitLaunch),
/* harmony export */   dv: () => (/* binding */ pollLaunch),
/* harmony export */   o9: () => (/* binding */ cancelLaunch),
/* harmony export */   vc: () => (/* binding */ watchLaunch)
/* harmony export */ });
/* unused harmony export pollDelay */
/* harmony import */ var _ledger_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99706);
/* harmony import */ var _ledger_states_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86183);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73713);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41893);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16264);
/**
 * The launch driver: the one place that moves the ledger from what a backend says. It
 * submits (recording every handle as QUEUED), polls (one backend call for the whole launch),
 * collects a run's results when it ends, requeues runs the cluster lost within the retry
 * budget, and cancels (a request: runs become CANCELLED once observed so).
 *
 * Rules (docs/architecture.md, after SkyPilot and submitit):
 * - terminal states are sticky: a transition is a compare-and-set on the state last read;
 * - success comes from the run's own metrics.json, not from the scheduler's exit code;
 * - a run the backend does not mention is left as it is (absence is not death).
 */





/** States in which a run is on its backend and worth asking about. */
const ON_BACKEND = ['QUEUED', 'STARTING', 'RUNNING', 'PAUSED', 'STOPPING'];
function move(ctx, r, to, fields) {
    try {
        ctx.ledger.transition(r.id, to, { ...fields, expect: [r.state] });
        const run = ctx.progress && ctx.launch.plan.runs.find(x => x.id === r.id);
        if (run)
            ctx.progress?.({ run, state: to, detail: to === 'FAILED' || to === 'QUEUED' ? fields.reason : undefined });
        return true;
    }
    catch (e) {
        if (e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IllegalTransitionError */ .gZ)
            return false;
        throw e;
    }
}
/**
 * Submits the launch's CREATED runs (and `extra` ones, e.g. runs to requeue) and records each
 * handle: the run becomes QUEUED. Idempotent through the backend: runs an earlier attempt
 * submitted are adopted, not submitted again. Returns how many were submitted and adopted.
 */
async function submitLaunch(backend, ctx, extra = []) {
    const runs = [...ctx.ledger.listRuns(ctx.launch.id).filter(r => r.state === 'CREATED'), ...extra];
    if (runs.length === 0)
        return { submitted: 0, adopted: 0 };
    let placed;
    let stopped;
    try {
        placed = await backend.submit(ctx, runs);
    }
    catch (e) {
        // what was placed before the trouble is recorded all the same, then the trouble is raised
        if (!(e instanceof _types_js__WEBPACK_IMPORTED_MODULE_4__/* .PartialSubmitError */ .UL))
            throw e;
        placed = e.placed;
        stopped = e;
    }
    const byId = new Map(runs.map(r => [r.id, r]));
    let submitted = 0;
    let adopted = 0;
    for (const p of placed) {
        const r = byId.get(p.runId);
        if (!r)
            continue;
        if (move(ctx, r, 'QUEUED', {
            handle: (0,_types_js__WEBPACK_IMPORTED_MODULE_4__/* .encodeHandle */ .$5)(p.handle),
            attempt: p.handle.attempt,
            ...(ctx.imageDigest ? { imageDigest: ctx.imageDigest } : {}),
            reason: p.adopted ? 'submitted by an earlier attempt of this launch' : 'submitted',
        })) {
            if (p.adopted)
                adopted++;
            else
                submitted++;
        }
    }
    if (stopped)
        throw stopped;
    return { submitted, adopted };
}
/** Moves a run to what the backend saw, collecting its results when it ended. */
async function apply(backend, ctx, r, o) {
    const native = o.native === undefined ? {} : { nativeState: o.native };
    if (!(0,_ledger_states_js__WEBPACK_IMPORTED_MODULE_1__/* .isTerminal */ .Hd)(o.state) && o.state !== 'ERROR') {
        if (o.state === r.state) {
            ctx.ledger.observe(r.id, r.state, { ...native, reason: o.reason });
            return false;
        }
        return move(ctx, r, o.state, { ...native, polled: true, ...(o.reason ? { reason: o.reason } : {}) });
    }
    // it ended: its own record says how
    const res = await backend.collect(ctx, r).catch((e) => ({
        metrics: undefined,
        problem: `its results cannot be read: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e)}`,
        logTail: [],
        resultUrl: undefined,
    }));
    ctx.collected?.(r, res);
    const m = res.metrics;
    let to = o.state;
    // the scheduler says how the job script ended; metrics.json says how the training did
    if (o.state === 'SUCCEEDED' || o.state === 'FAILED')
        to = m ? (0,_outcome_js__WEBPACK_IMPORTED_MODULE_3__/* .stateOfStatus */ .tG)(m.status) : 'FAILED';
    if (o.state === 'CANCELLED' && m?.status === 'succeeded')
        to = 'SUCCEEDED';
    const own = to === 'SUCCEEDED'
        ? undefined
        : (m?.reason ??
            // without the run's own record, everything that says why: the backend's word, what is
            // missing, and the last thing the job printed (an export error, `Argument list too long`)
            [o.reason, res.problem && to !== 'CANCELLED' ? res.problem : undefined, res.logTail.at(-1)]
                .filter((x, i, all) => !!x && !all.slice(0, i).some(y => y?.includes(x)))
                .join('; '));
    // a run stopped on request says who asked first (`cancelled by …`), then how it ended (`interrupted (SIGTERM)`)
    const asked = r.state === 'STOPPING' && to === 'CANCELLED' ? r.reason : undefined;
    const reason = asked && !own?.includes(asked) ? [asked, own].filter(Boolean).join('; ') : own;
    const fields = {
        ...native,
        polled: true,
        links: backend.links(ctx, r),
        ...(m ? { metrics: m.final, exitCode: m.exit_code } : o.exitCode === undefined ? {} : { exitCode: o.exitCode }),
        ...(res.resultUrl ? { resultUrl: res.resultUrl } : {}),
        ...(reason ? { reason } : {}),
    };
    if (move(ctx, r, to, fields))
        return true;
    // STOPPING (a cancel was asked for) may end in any of them; QUEUED … may not reach ERROR directly
    return to !== 'CANCELLED' && move(ctx, r, 'CANCELLED', fields);
}
/**
 * Asks the backend about every run of the launch that is on it, once, and moves the ledger.
 * Runs lost by the cluster (preempted, node failure) are submitted again while their
 * attempts stay within `retries`; beyond that (or with `retries` 0) they are FAILED with why.
 */
async function pollLaunch(backend, ctx, retries = 2) {
    const on = ctx.ledger.listRuns(ctx.launch.id).filter(r => ON_BACKEND.includes(r.state));
    let changed = 0;
    if (on.length) {
        const seen = await backend.poll(ctx, on);
        const requeue = [];
        for (const r of on) {
            const o = seen.get(r.id);
            if (!o)
                continue;
            if (o.requeue) {
                if (r.attempt <= retries) {
                    if (move(ctx, r, 'ERROR', {
                        reason: `${o.reason ?? o.native ?? 'lost'}; submitting again`,
                        nativeState: o.native ?? '',
                    }))
                        requeue.push({ ...r, state: 'ERROR' });
                }
                else {
                    const lost = o.reason ?? 'lost by the cluster';
                    const reason = retries > 0 ? `${lost} after ${r.attempt} attempts` : `${lost}; not submitted again`;
                    if (move(ctx, r, 'FAILED', { reason }))
                        changed++;
                }
                continue;
            }
            if (await apply(backend, ctx, r, o))
                changed++;
        }
        if (requeue.length) {
            await submitLaunch(backend, ctx, requeue.map(r => ctx.ledger.getRun(r.id) ?? r));
            changed += requeue.length;
        }
    }
    ctx.ledger.finishLaunch(ctx.launch.id);
    const active = ctx.ledger.listRuns(ctx.launch.id).filter(r => (0,_ledger_states_js__WEBPACK_IMPORTED_MODULE_1__/* .isActive */ .$m)(r.state)).length;
    return { changed, active };
}
const CANCELLABLE = ['QUEUED', 'STARTING', 'RUNNING', 'PAUSED'];
/**
 * Cancels the launch's runs: CREATED ones at once; those on the backend are asked to stop, in
 * one backend call (STOPPING), and become CANCELLED when a poll sees them so. A run its
 * launcher moves meanwhile is read again; a run the backend cannot check from here is left
 * alone, with a warning.
 */
async function cancelLaunch(backend, ctx, reason = 'cancelled') {
    let cancelled = 0;
    let stopping = 0;
    const asked = [];
    for (const listed of ctx.ledger.listRuns(ctx.launch.id)) {
        // a CREATED run its launcher starts meanwhile is stopped like the others
        const r = listed.state === 'CREATED' && !move(ctx, listed, 'CANCELLED', { reason }) ? ctx.ledger.getRun(listed.id) : listed;
        if (r === listed && listed.state === 'CREATED')
            cancelled++;
        else if (r && CANCELLABLE.includes(r.state))
            asked.push(r);
    }
    if (asked.length) {
        const outcomes = await backend.cancel(ctx, asked);
        for (const a of asked) {
            const outcome = outcomes.get(a.id) ?? 'unknown';
            if (outcome === 'unknown') {
                ctx.warn(`run ${a.id}: it cannot be checked from here (${a.handle ?? 'no handle'}): not stopped`);
                continue;
            }
            const why = outcome === 'sent' ? reason : `${reason}; it had already ended`;
            // STARTING may become RUNNING under our feet: read again, a few times
            for (let tries = 0, r = a; tries < 5 && r && CANCELLABLE.includes(r.state); tries++) {
                if (move(ctx, r, 'STOPPING', { reason: why })) {
                    stopping++;
                    break;
                }
                r = ctx.ledger.getRun(a.id);
            }
        }
    }
    ctx.ledger.finishLaunch(ctx.launch.id);
    return { cancelled, stopping };
}
/**
 * The delay before poll n (0-based): 2, 4, 8, 16 s after a submission (a new job is worth
 * watching closely), then the steady interval, each with up to 20% jitter so that many
 * launchers do not poll in step.
 */
function pollDelay(n, interval, random = Math.random) {
    const base = Math.min(2 ** (n + 1), interval);
    return Math.round(base * 1000 * (1 + 0.2 * random()));
}
/**
 * Polls until no run is under way, or the deadline passes. A SIGINT/SIGTERM on
 * `ctx.signals` cancels the launch (once) and goes on polling until the cancel is seen.
 * A poll that fails (the login node unreachable for a while) is reported and retried.
 */
async function watchLaunch(backend, ctx, o) {
    let stop;
    let wake;
    const onSignal = () => {
        if (stop)
            return;
        ctx.log('stopping: cancelling the launch’s runs on the backend');
        stop = cancelLaunch(backend, ctx, 'launch stopped').then(() => undefined, (e) => ctx.warn(`cancel: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e)}`));
        wake?.();
    };
    ctx.signals.on('SIGINT', onSignal);
    ctx.signals.on('SIGTERM', onSignal);
    try {
        for (let n = 0;; n++) {
            if (stop)
                await stop;
            try {
                const r = await pollLaunch(backend, ctx, o.retries);
                o.onPoll?.(r);
                if (r.active === 0)
                    return 'done';
            }
            catch (e) {
                ctx.warn(`poll failed (will try again): ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e)}`);
            }
            if (o.deadline !== undefined && Date.now() >= o.deadline)
                return 'deadline';
            const delay = pollDelay(n, o.interval, o.random);
            // a signal wakes the wait at once; no timer is left behind to hold the process
            await new Promise(res => {
                const t = o.sleep ? undefined : setTimeout(res, delay);
                wake = () => {
                    clearTimeout(t);
                    res();
                };
                if (o.sleep)
                    void o.sleep(delay).then(res);
            });
        }
    }
    finally {
        ctx.signals.off('SIGINT', onSignal);
        ctx.signals.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 44534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z6: () => (/* binding */ NEVER_ENV),
/* harmony export */   t7: () => (/* binding */ runEnvironment),
/* harmony export */   xO: () => (/* binding */ neverPassed)
/* harmony export */ });
/* unused harmony exports BASE_ENV, BASE_ENV_PREFIXES, NEVER_ENV_PREFIXES, CONTAINER_ENV, CONTAINER_ENV_PREFIXES */
/**
 * The environment a run gets from its launcher: never the launcher's whole environment,
 * which holds the registry password, GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN and whatever else
 * the workflow or the laptop has. A run gets what a process needs to start (PATH, HOME,
 * locale, time zone, temp dir), the knobs of numeric and GPU libraries, the `trainer run`
 * upload knobs, and the variables its experiment names in trainer.yml `env:`.
 */
const BASE_ENV = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TERM',
    'NO_COLOR',
    'FORCE_COLOR',
    'LOG_LEVEL',
    'LD_LIBRARY_PATH',
    'PYTHONPATH',
    'PYTHONUNBUFFERED',
    'VIRTUAL_ENV',
    'CONDA_PREFIX',
    'CONDA_DEFAULT_ENV',
    'OMP_NUM_THREADS',
    'MKL_NUM_THREADS',
    'OPENBLAS_NUM_THREADS',
    'OPENBLAS_CORETYPE',
    'OPENBLAS_L2_SIZE',
    'CUDA_VISIBLE_DEVICES',
    'CUDA_HOME',
    'NVIDIA_VISIBLE_DEVICES',
];
/** Families passed by prefix: locale categories and `trainer run`'s upload knobs. */
const BASE_ENV_PREFIXES = ['LC_', 'TRAINER_UPLOAD_'];
/**
 * Never passed, whatever `env:` says: the credentials of the workflow, the runner and this
 * tool. A training that needs a token gets its own, under its own name. `INPUT_*` are an
 * action's inputs (`INPUT_PASSWORD`, `INPUT_GITHUB-TOKEN`).
 */
const NEVER_ENV = [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'TRAINER_REGISTRY_PASSWORD',
    'RESULT_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
const NEVER_ENV_PREFIXES = ['INPUT_', 'ACTIONS_', 'STATE_'];
/** Whether a variable can never reach a run (see {@link NEVER_ENV}). */
function neverPassed(name) {
    return NEVER_ENV.includes(name) || NEVER_ENV_PREFIXES.some(p => name.startsWith(p));
}
/** What `trainer run` itself reads in a container, whose image sets PATH, HOME and the rest. */
const CONTAINER_ENV = ['LOG_LEVEL'];
const CONTAINER_ENV_PREFIXES = ['TRAINER_UPLOAD_'];
const matches = (name, names, prefixes) => names.includes(name) || prefixes.some(p => name.startsWith(p));
/** The experiment's `env:` entries: `NAME`, or `PREFIX_*`. */
const requestedBy = (name, requested) => requested.some(r => (r.endsWith('*') ? name.startsWith(r.slice(0, -1)) : r === name));
/**
 * The part of the launcher's environment a run may see: the base list for a process on this
 * machine (`container: false`), or only `trainer run`'s own knobs for a container, plus the
 * variables the experiment asks for.
 */
function runEnvironment(launcher, requested, o = {}) {
    const [names, prefixes] = o.container ? [CONTAINER_ENV, CONTAINER_ENV_PREFIXES] : [BASE_ENV, BASE_ENV_PREFIXES];
    const out = {};
    for (const [k, v] of Object.entries(launcher))
        if (v !== undefined && !neverPassed(k) && (matches(k, names, prefixes) || requestedBy(k, requested)))
            out[k] = v;
    return out;
}


/***/ }),

/***/ 43576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PZ: () => (/* binding */ parseLocalHandle),
/* harmony export */   Pm: () => (/* binding */ processExecutor),
/* harmony export */   hh: () => (/* binding */ processOf)
/* harmony export */ });
/* unused harmony export localHandle */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_proc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11642);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44534);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86919);




/**
 * A local run's handle: the `trainer run` process's pid, start time, host, pid namespace and
 * boot id. The pid alone could name a stranger once the run has ended; with its start time,
 * and the place the pid was read in, it names one process only.
 */
function localHandle(id) {
    return { v: 1, kind: 'local', attempt: 1, native: { ...id } };
}
/** The process a local handle names. */
function processOf(h) {
    const n = h?.kind === 'local' ? h.native : undefined;
    if (!n || typeof n.pid !== 'number' || typeof n.host !== 'string')
        return undefined;
    const opt = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    return { pid: n.pid, host: n.host, start: opt(n.start), ns: opt(n.ns), boot: opt(n.boot) };
}
/**
 * The process a handle of an earlier release names (`local:<pid>:<start>@<host>#<ns>#<boot>`);
 * the oldest form (`local:<pid>`) gives an identity that is never alive.
 */
function parseLocalHandle(handle) {
    const m = /^local:(\d+)(?::(\d*)@([^#]+)(?:#([^#]*)#(.*))?)?$/.exec(handle ?? '');
    if (!m)
        return undefined;
    return { pid: Number(m[1]), start: m[2] || undefined, host: m[3] ?? '', ns: m[4] || undefined, boot: m[5] || undefined };
}
/**
 * The local backend's executor: each run is a `trainer run` process on this machine.
 * `runner` is how to start it, e.g. `[node, dist/cli/index.js, 'run']`. The run sees only
 * the base environment and the variables its experiment names (src/backends/env.ts).
 */
function processExecutor(o) {
    return {
        async start(req) {
            const args = [
                ...o.runner.slice(1),
                '--results-root',
                o.resultsRoot,
                ...(req.gracePeriod === undefined ? [] : ['--grace-period', String(req.gracePeriod)]),
            ];
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(o.runner[0], args, {
                cwd: o.cwd,
                env: { ...(0,_env_js__WEBPACK_IMPORTED_MODULE_3__/* .runEnvironment */ .t7)(o.env, req.run.env), ...req.env },
                stdio: ['ignore', 'ignore', 'pipe'],
            });
            const tail = (0,_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .lineTail */ .f7)();
            child.stderr.setEncoding('utf8');
            child.stderr.on('data', (s) => tail.push(s));
            const done = new Promise(res => child.once('close', (code, signal) => res({ code, signal })));
            await new Promise((res, rej) => {
                child.once('spawn', () => res());
                child.once('error', rej);
            });
            return {
                handle: localHandle((0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_1__/* .identify */ .ls)(child.pid)),
                done,
                stop: () => void child.kill('SIGTERM'),
                tail: tail.lines,
            };
        },
    };
}


/***/ }),

/***/ 41893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   II: () => (/* binding */ parseRunMetrics),
/* harmony export */   rE: () => (/* binding */ METRICS_MAX_BYTES),
/* harmony export */   tG: () => (/* binding */ stateOfStatus),
/* harmony export */   xD: () => (/* binding */ readRunMetrics)
/* harmony export */ });
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63131);
/* harmony import */ var _runner_contract_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46670);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73713);



/** metrics.json is small (the runner caps its history); a larger one was not written by `trainer run`. */
const METRICS_MAX_BYTES = 32 << 20;
/**
 * Objects a metrics.json may hold: its history's points, and a few more. Counted before
 * parsing, since a file of empty objects costs about a hundred times its size in memory.
 */
const METRICS_MAX_OBJECTS = 400_000;
function countObjects(text) {
    let n = 0;
    for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1))
        n++;
    return n;
}
/**
 * Reads `<resultsRoot>/<output>/metrics.json` the safe way: no symlinks anywhere below the
 * results root, regular files only, bounded, and valid against the run contract. The run
 * directory is written by the training too, so nothing else of it is trusted.
 */
async function readRunMetrics(resultsRoot, output) {
    let text;
    try {
        const r = await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_0__/* .readInside */ .xO)(resultsRoot, `${output}/metrics.json`, { maxBytes: METRICS_MAX_BYTES });
        if (r.truncated)
            return { problem: `metrics.json is over ${METRICS_MAX_BYTES >> 20} MiB` };
        text = r.text;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { problem: 'no metrics.json' };
        if (e instanceof _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_0__/* .UnsafePathError */ .k0)
            return { problem: `metrics.json refused: ${e.message}` };
        return { problem: `metrics.json cannot be read: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(e)}` };
    }
    return parseRunMetrics(text);
}
/** metrics.json's text, validated against the run contract (bounded before it is parsed). */
function parseRunMetrics(text) {
    if (text.length > METRICS_MAX_BYTES)
        return { problem: `metrics.json is over ${METRICS_MAX_BYTES >> 20} MiB` };
    if (countObjects(text) > METRICS_MAX_OBJECTS)
        return { problem: `metrics.json holds over ${METRICS_MAX_OBJECTS} objects: not trainer run's` };
    if (text.trim() === '')
        return { problem: 'metrics.json is empty' };
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return { problem: 'metrics.json is not JSON' };
    }
    const parsed = (0,_runner_contract_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRunMetricsFast */ .uY)(raw);
    if (!parsed.success)
        return { problem: `metrics.json is not trainer run's (${parsed.error})` };
    return { metrics: parsed.data };
}
/** The ledger state a finished run's metrics.json status stands for. */
function stateOfStatus(status) {
    switch (status) {
        case 'succeeded':
            return 'SUCCEEDED';
        case 'interrupted':
            return 'CANCELLED';
        case 'failed':
        case 'timeout':
        case 'config_error':
        case 'upload_failed':
            return 'FAILED';
    }
}


/***/ }),

/***/ 86919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   f7: () => (/* binding */ lineTail),
/* harmony export */   kD: () => (/* binding */ runPool),
/* harmony export */   rI: () => (/* binding */ specOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ledger_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99706);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41893);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16264);




/** seconds in a Slurm-style `[D-]HH:MM[:SS]` or `90m` limit. */
function seconds(time) {
    if (!time)
        return undefined;
    const unit = /^(\d+)([smhd])$/.exec(time);
    if (unit)
        return Number(unit[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[unit[2]];
    const m = /^(?:(\d+)-)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
    if (!m)
        return undefined;
    const [, d, a, b, c] = m;
    const [h, min, s] = c === undefined ? [Number(a), Number(b), 0] : [Number(a), Number(b), Number(c)];
    return Number(d ?? 0) * 86400 + h * 3600 + min * 60 + s;
}
/** The spec `trainer run` takes from TRAINER_RUN_SPEC. */
function specOf(r) {
    return {
        experiment: r.experiment,
        index: r.index,
        seed: r.seed,
        params: r.params,
        command: r.command,
        argsStyle: r.argsStyle,
        output: r.output,
        outputs: r.outputs,
    };
}
/** Moves a run in the ledger; false when another process moved it first (e.g. a cancel). */
function move(ledger, id, to, fields) {
    try {
        ledger.transition(id, to, fields);
        return true;
    }
    catch (e) {
        if (e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .IllegalTransitionError */ .gZ)
            return false;
        throw e;
    }
}
/**
 * Runs a plan's runs a few at a time through an executor, recording every state change
 * in the ledger. Runs the ledger no longer has as CREATED (cancelled, or done by an
 * earlier attempt of the same launch) are skipped. The outcome of a run is `trainer
 * run`'s exit code: 0 SUCCEEDED, 130 (or ended by SIGINT/SIGTERM) CANCELLED, else FAILED.
 */
async function runPool(o) {
    const queue = [...o.plan.runs];
    const running = new Map();
    let stopping = false;
    const stopAll = (sig) => {
        if (stopping)
            return;
        stopping = true;
        for (const r of queue.splice(0))
            if (move(o.ledger, r.id, 'CANCELLED', { reason: `launch stopped (${sig})` }))
                o.progress({ run: r, state: 'CANCELLED' });
        for (const s of running.values())
            s.stop();
    };
    const onInt = () => stopAll('SIGINT');
    const onTerm = () => stopAll('SIGTERM');
    o.signals.on('SIGINT', onInt);
    o.signals.on('SIGTERM', onTerm);
    const one = async (r) => {
        if (!move(o.ledger, r.id, 'STARTING'))
            return;
        o.progress({ run: r, state: 'STARTING' });
        const env = { TRAINER_RUN_SPEC: JSON.stringify(specOf(r)) };
        const limit = seconds(r.resources.time);
        if (limit !== undefined)
            env.RUN_TIMEOUT_SEC = String(limit);
        let s;
        try {
            s = await o.executor.start({ run: r, env, gracePeriod: o.gracePeriod });
        }
        catch (e) {
            const why = e instanceof Error ? e.message : String(e);
            move(o.ledger, r.id, 'ERROR', { reason: `cannot start: ${why}` });
            o.progress({ run: r, state: 'ERROR', detail: why });
            return;
        }
        running.set(r.id, s);
        if (stopping)
            s.stop();
        if (move(o.ledger, r.id, 'RUNNING', { handle: (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeHandle */ .$5)(s.handle) }))
            o.progress({ run: r, state: 'RUNNING' });
        else
            s.stop(); // cancelled while it was starting
        const { code, signal } = await s.done;
        running.delete(r.id);
        // the run directory is the training's to write too: only a valid metrics.json counts
        const read = await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunMetrics */ .xD)(o.resultsRoot, r.output);
        const metrics = read.metrics ?? {};
        const tail = s.tail();
        // stopped before `trainer run` could catch the signal counts as interrupted too
        const interrupted = code === 130 || code === 143 || signal === 'SIGTERM' || signal === 'SIGINT';
        // a run that hit its time limit did not finish: a failure, not a cancellation
        const timedOut = metrics.status === 'timeout';
        const to = code === 0 ? 'SUCCEEDED' : interrupted && !timedOut ? 'CANCELLED' : 'FAILED';
        const reason = code === 0
            ? undefined
            : (metrics.reason ??
                (signal
                    ? `trainer run stopped by ${signal}`
                    : `${tail.at(-1) ?? `trainer run exited ${code}`}${read.problem ? ` (${read.problem})` : ''}`));
        const exitCode = code ?? (interrupted ? 130 : -1);
        const fields = {
            exitCode,
            metrics: metrics.final ?? {},
            resultUrl: s.resultUrl ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(o.resultsRoot, r.output),
            ...(reason === undefined ? {} : { reason }),
        };
        // a `trainer cancel` from another process may have moved it to STOPPING; both lead here
        if (move(o.ledger, r.id, to, fields) || move(o.ledger, r.id, 'CANCELLED', fields)) {
            o.progress({ run: r, state: to, detail: to === 'FAILED' ? tail.slice(-5).join('\n') : undefined });
        }
    };
    const workers = Array.from({ length: Math.max(1, o.parallel) }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) {
            try {
                await one(r);
            }
            catch (e) {
                const why = e instanceof Error ? e.message : String(e);
                // A ledger held by another process for too long: nothing could be written, and nothing
                // is written in its place (the run may well have succeeded); status --refresh settles it.
                if (e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LedgerBusyError */ .f7) {
                    o.progress({ run: r, state: 'UNRECORDED', detail: why });
                    continue;
                }
                // one run's trouble (a lost engine, a bug) is recorded, and the others go on
                try {
                    o.ledger.transition(r.id, 'ERROR', { reason: why });
                }
                catch {
                    // already final, or the ledger itself is the trouble
                }
                o.progress({ run: r, state: 'ERROR', detail: why });
            }
        }
    });
    try {
        await Promise.all(workers);
    }
    finally {
        o.signals.off('SIGINT', onInt);
        o.signals.off('SIGTERM', onTerm);
    }
}
/** Keeps the last `n` lines of a text stream. */
function lineTail(n = 15) {
    const tail = [];
    return {
        push: text => {
            tail.push(...text.split('\n').filter(Boolean));
            tail.splice(0, Math.max(0, tail.length - n));
        },
        lines: () => [...tail],
    };
}


/***/ }),

/***/ 42805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ reconcileLaunch),
/* harmony export */   n: () => (/* binding */ launchRecord)
/* harmony export */ });
/* harmony import */ var _ledger_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99706);
/* harmony import */ var _kit_proc_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11642);
/* harmony import */ var _driver_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41799);



function launchRecord(l) {
    return typeof l.config === 'object' && l.config !== null ? l.config : {};
}
/** Settles a launch from what its backend says (see the module comment). */
async function reconcileLaunch(backend, ctx, o = {}) {
    const rec = launchRecord(ctx.launch);
    // alive, or somewhere this process cannot see (another host, pid namespace or boot)
    const ownerAlive = rec.launcher !== undefined && !(0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_1__/* .sameProcess */ .ID)(rec.launcher, (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_1__/* .identify */ .ls)(process.pid)) && (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlive */ ._n)(rec.launcher) !== false;
    // a local launch's runs are its launcher's to record
    if (!backend.remote && ownerAlive)
        return { ownerAlive: true, settled: 0, running: 0 };
    let settled = 0;
    // A remote launch whose launcher died while submitting (kill -9 between an sbatch and its
    // ledger write): what was submitted is adopted, what was not is submitted now. Never while
    // that launcher may still be submitting: the two would race for the same runs.
    const created = ctx.ledger.listRuns(ctx.launch.id).filter(r => r.state === 'CREATED').length;
    if (backend.remote && created && !o.keepCreated && !ownerAlive) {
        const s = await (0,_driver_js__WEBPACK_IMPORTED_MODULE_2__/* .submitLaunch */ .W7)(backend, ctx);
        ctx.log(`launch ${ctx.launch.id}: ${s.adopted} runs found submitted, ${s.submitted} submitted now`);
        settled += s.adopted + s.submitted;
    }
    if (!backend.remote && !o.keepCreated) {
        // nobody will start them: a local launch's runs start only in its launcher
        const gone = rec.launcher ? `its launcher (pid ${rec.launcher.pid}) is gone` : 'its launcher is gone';
        for (const r of ctx.ledger.listRuns(ctx.launch.id)) {
            if (r.state !== 'CREATED')
                continue;
            try {
                ctx.ledger.transition(r.id, 'CANCELLED', { reason: `never started: ${gone}`, expect: ['CREATED'] });
                settled++;
            }
            catch (e) {
                if (!(e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IllegalTransitionError */ .gZ))
                    throw e;
            }
        }
    }
    const before = new Map(ctx.ledger.listRuns(ctx.launch.id).map(r => [r.id, r.state]));
    const r = await (0,_driver_js__WEBPACK_IMPORTED_MODULE_2__/* .pollLaunch */ .dv)(backend, ctx, o.resubmit === false ? 0 : undefined);
    for (const after of ctx.ledger.listRuns(ctx.launch.id)) {
        const was = before.get(after.id);
        if (was !== after.state)
            ctx.log(`${after.id}: ${was} -> ${after.state}`);
    }
    return { ownerAlive: false, settled: settled + r.changed, running: r.active };
}


/***/ }),

/***/ 16264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $5: () => (/* binding */ encodeHandle),
/* harmony export */   S$: () => (/* binding */ parseHandle),
/* harmony export */   UL: () => (/* binding */ PartialSubmitError)
/* harmony export */ });
/* unused harmony export BACKEND_TYPES */
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _local_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43576);
/**
 * The backend seam: what every place a launch's runs can happen (local processes, the local
 * Docker engine, a Slurm cluster, Vertex AI, self-hosted runners) implements, and the typed
 * values that cross it. The launch driver (src/backends/driver.ts) is the only caller; no
 * action or CLI verb looks inside a backend's handles.
 *
 * Shape (after submitit, SkyPilot and W&B Launch; see docs/architecture.md):
 * - `submit` is idempotent: a backend finds what an earlier attempt of the same launch
 *   submitted (by a key in the job name or a label) and submits only what is missing;
 * - `poll` observes every run of a launch in as few backend calls as the backend allows;
 * - `cancel` is a request: runs are CANCELLED only once observed so;
 * - `collect` reads a finished run's results where it ran.
 */


const BACKEND_TYPES = (/* unused pure expression or super */ null && (['local', 'local-docker', 'slurm', 'vertex', 'self-hosted']));
/**
 * A submission that stopped part way: the runs it did place (to be recorded), and whether
 * the rest were certainly not submitted. `definite: false` (a time-out, a lost connection)
 * means some may be on the backend after all: they are left CREATED for a later attempt of
 * the launch to adopt or submit, never cancelled.
 */
class PartialSubmitError extends _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrainerError */ .e0 {
    placed;
    definite;
    name = 'PartialSubmitError';
    constructor(message, placed, definite, options = {}) {
        super(message, options);
        this.placed = placed;
        this.definite = definite;
    }
}
/** A handle as JSON text for the ledger. */
function encodeHandle(h) {
    return JSON.stringify(h);
}
/**
 * A handle from the ledger's text. Releases before the seam wrote `local:<pid>:…` and
 * `docker:<id>` strings: those are upgraded to version 1. undefined for anything else.
 */
function parseHandle(text) {
    if (!text)
        return undefined;
    if (text.startsWith('{')) {
        try {
            const h = JSON.parse(text);
            if (h.v === 1 && typeof h.kind === 'string' && typeof h.native === 'object' && h.native !== null)
                return { v: 1, kind: h.kind, attempt: typeof h.attempt === 'number' ? h.attempt : 1, native: h.native };
        }
        catch {
            return undefined;
        }
        return undefined;
    }
    const local = (0,_local_process_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLocalHandle */ .PZ)(text);
    if (local)
        return { v: 1, kind: 'local', attempt: 1, native: { ...local } };
    const container = /^docker:([0-9a-f]+)$/.exec(text)?.[1];
    if (container)
        return { v: 1, kind: 'local-docker', attempt: 1, native: { container } };
    return undefined;
}


/***/ }),

/***/ 99706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f7: () => (/* binding */ LedgerBusyError),
/* harmony export */   gZ: () => (/* binding */ IllegalTransitionError),
/* harmony export */   oy: () => (/* binding */ LedgerError)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _states_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86183);


/** A run was asked to move along an edge the lifecycle table does not have. */
class IllegalTransitionError extends _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrainerError */ .e0 {
    name = 'IllegalTransitionError';
    runId;
    from;
    to;
    constructor(runId, from, to) {
        const next = _states_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONS */ .Ds[from];
        super(`run ${runId}: illegal transition ${from} -> ${to}`, {
            hint: next.length === 0 ? `${from} is final` : `from ${from} a run may move to ${next.join(', ')}`,
        });
        this.runId = runId;
        this.from = from;
        this.to = to;
    }
}
/** The ledger file cannot be used: written by a newer schema, or ids that clash across launches. */
class LedgerError extends _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TrainerError */ .e0 {
    name = 'LedgerError';
}
/**
 * Another process held the ledger's write lock for longer than this one would wait: nothing
 * was written. The caller must not record anything in its place (a run that succeeded is not
 * an ERROR because the ledger was busy); `trainer status --refresh` finds the truth later.
 */
class LedgerBusyError extends LedgerError {
    name = 'LedgerBusyError';
}


/***/ }),

/***/ 86183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ isActive),
/* harmony export */   DO: () => (/* binding */ isRunState),
/* harmony export */   Ds: () => (/* binding */ TRANSITIONS),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   vP: () => (/* binding */ RUN_STATES),
/* harmony export */   w: () => (/* binding */ canTransition)
/* harmony export */ });
/* unused harmony exports TERMINAL_STATES, isFinal, legalTransitions */
/**
 * A run's lifecycle: seed 002's container states plus the three outcomes of a finished run.
 *
 * ```
 * CREATED ─► QUEUED (submitted to a scheduler, waiting for resources) ─► RUNNING
 *              ▲                                                          │
 *              └──────────── requeued (preempted, node failure) ◄─────────┘
 * CREATED ─► STARTING ─► RUNNING ◄─► PAUSED
 *               │           │           │
 *               └────────► STOPPING ◄───┘ ─► STOPPED ─► STARTING (restart)
 *   CREATED … STOPPING ─► ERROR ─► STARTING (retry)
 *   SUCCEEDED | FAILED | CANCELLED (terminal) ─► DELETED
 * ```
 */
const RUN_STATES = [
    'CREATED',
    'QUEUED',
    'STARTING',
    'RUNNING',
    'PAUSED',
    'STOPPING',
    'STOPPED',
    'ERROR',
    'DELETED',
    'SUCCEEDED',
    'FAILED',
    'CANCELLED',
];
/** The outcomes of a finished run: `ended_at` is set when a run reaches one. */
const TERMINAL_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
/** Every legal move, keyed by the state it leaves. A state never moves to itself. */
const TRANSITIONS = {
    CREATED: ['QUEUED', 'STARTING', 'CANCELLED', 'ERROR', 'DELETED'],
    // a scheduler may start and end a job between two polls: QUEUED can move to any outcome
    QUEUED: ['STARTING', 'RUNNING', 'PAUSED', 'STOPPING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'ERROR'],
    STARTING: ['RUNNING', 'ERROR', 'FAILED', 'CANCELLED', 'STOPPING'],
    // a run lost to preemption or a node failure goes back to the queue (its attempt counts up)
    RUNNING: ['QUEUED', 'PAUSED', 'STOPPING', 'SUCCEEDED', 'FAILED', 'ERROR', 'CANCELLED'],
    // a paused job can still be lost (node preempted, allocation revoked)
    PAUSED: ['RUNNING', 'STOPPING', 'CANCELLED', 'ERROR'],
    STOPPING: ['STOPPED', 'CANCELLED', 'FAILED', 'ERROR', 'SUCCEEDED'],
    // a stopped run may be started again (from its last checkpoint) or removed
    STOPPED: ['STARTING', 'DELETED'],
    // an errored run may be retried or removed
    ERROR: ['STARTING', 'QUEUED', 'DELETED'],
    DELETED: [],
    SUCCEEDED: ['DELETED'],
    FAILED: ['DELETED'],
    CANCELLED: ['DELETED'],
};
const TERMINAL = new Set(TERMINAL_STATES);
function isRunState(value) {
    return typeof value === 'string' && RUN_STATES.includes(value);
}
/** SUCCEEDED, FAILED or CANCELLED: the run finished and can only be deleted. */
function isTerminal(state) {
    return TERMINAL.has(state);
}
/** No state follows this one (DELETED). */
function isFinal(state) {
    return TRANSITIONS[state].length === 0;
}
/** Not finished: a launch with such a run is still under way (CREATED … STOPPING). */
function isActive(state) {
    return !isTerminal(state) && !isFinal(state) && state !== 'STOPPED' && state !== 'ERROR';
}
function canTransition(from, to) {
    return TRANSITIONS[from].includes(to);
}
/** Every legal `[from, to]` pair, in table order. */
function legalTransitions() {
    return RUN_STATES.flatMap(from => TRANSITIONS[from].map((to) => [from, to]));
}


/***/ }),

/***/ 46670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NF: () => (/* binding */ RunOutput),
/* harmony export */   q0: () => (/* binding */ RunMetricsSchema),
/* harmony export */   uY: () => (/* binding */ parseRunMetricsFast),
/* harmony export */   ub: () => (/* binding */ RunSpecSchema)
/* harmony export */ });
/* unused harmony exports CONTRACT_VERSION, RUN_STATUSES, firstIssue */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74528);
/**
 * The run contract: what a launcher hands `trainer run` (TRAINER_RUN_SPEC) and what
 * `trainer run` leaves behind (metrics.json). Writer and reader both go through these
 * schemas, because the launcher and the image may run different releases, and because a
 * run directory is written by the training too: nothing read back from it is trusted
 * until it passes here.
 */


const CONTRACT_VERSION = 1;
const scalar = zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()]);
const noNul = (what) => zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine(s => !s.includes('\0'), `${what} must not contain a NUL byte`);
/**
 * A run directory relative to the results root: POSIX, relative, normalized, no `..`, no
 * empty or dot components (`exp/runs/000`).
 */
const RunOutput = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .min(1)
    .max(1024)
    .refine(p => !p.includes('\\') &&
    !p.includes('\0') &&
    !node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(p) &&
    node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(p) === p &&
    p.split('/').every(c => c !== '' && c !== '.' && c !== '..'), 'must be a relative path inside the results root (no "..", no leading "/", no backslashes)');
const RunSpecSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    /** Absent in specs from releases before the contract was versioned: read as 1. */
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(CONTRACT_VERSION).optional(),
    experiment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .max(200)
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'experiment names are letters, digits, _ . -'),
    index: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
    seed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional(),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), scalar.refine(v => typeof v !== 'string' || !v.includes('\0'), 'no NUL'))
        .optional(),
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(noNul('a command word').min(1)).min(1),
    argsStyle: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['container-main', 'env']).optional(),
    output: RunOutput.optional(),
    outputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(noNul('an outputs glob').min(1)).optional(),
});
const RUN_STATUSES = ['succeeded', 'failed', 'interrupted', 'timeout', 'config_error', 'upload_failed'];
const finite = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().refine(Number.isFinite, 'must be a finite number');
/** metrics.json as `trainer run` writes it (version 1). */
const RunMetricsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(CONTRACT_VERSION),
    experiment: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    run_index: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().min(0),
    seed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int(),
    params: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), scalar),
    tag: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(RUN_STATUSES),
    exit_code: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(4096).nullable(),
    started_at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    ended_at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    duration_s: finite,
    final: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), finite),
    history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), finite)),
});
const RunMetricsHead = RunMetricsSchema.extend({ history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()) });
/**
 * The same contract, read fast: the history (up to tens of thousands of points per run, a
 * thousand runs in a report) is checked by a plain loop instead of a schema per point, with
 * the same rule: each point an object of finite numbers. The same answer as RunMetricsSchema.
 */
function parseRunMetricsFast(raw) {
    const head = RunMetricsHead.safeParse(raw);
    if (!head.success)
        return { success: false, error: firstIssue(head.error) };
    for (const [i, p] of head.data.history.entries()) {
        if (p === null || typeof p !== 'object' || Array.isArray(p))
            return { success: false, error: `history.${i}: not an object` };
        for (const [k, v] of Object.entries(p))
            if (typeof v !== 'number' || !Number.isFinite(v))
                return { success: false, error: `history.${i}.${k}: must be a finite number` };
    }
    return { success: true, data: head.data };
}
/** The first issue of a failed parse, as `path: message`. */
function firstIssue(e) {
    const i = e.issues[0];
    if (!i)
        return 'invalid';
    return `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`;
}


/***/ })

};
