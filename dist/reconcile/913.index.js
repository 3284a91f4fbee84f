export const id = 913;
export const ids = [913,449];
export const modules = {

/***/ 7449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBackend: () => (/* binding */ createBackend),
/* harmony export */   needed: () => (/* binding */ needed)
/* harmony export */ });
/* harmony import */ var _kit_proc_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1642);
/* harmony import */ var _pooled_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2534);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3576);



/** A dependency only starting runs needs (status and cancel do without). */
function needed(value, what) {
    if (value === undefined || value === null)
        throw new Error(`starting runs needs the ${what} (a launcher bug)`);
    return value;
}
/** The local backend: each run is a `trainer run` process on this machine. */
function createBackend(name, config, deps) {
    return (0,_pooled_js__WEBPACK_IMPORTED_MODULE_1__/* .pooledBackend */ .A)({
        type: 'local',
        name,
        parallel: config.type === 'local' ? config.parallel : undefined,
        executor: (ctx, resultsRoot) => Promise.resolve((0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .processExecutor */ .Pm)({ runner: needed(deps.runner, 'runner'), resultsRoot, cwd: ctx.workspace, env: ctx.env })),
        alive: h => {
            const p = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .processOf */ .hh)(h);
            return Promise.resolve(p ? (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_0__/* .isAlive */ ._n)(p) : undefined);
        },
        stop: h => {
            const p = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .processOf */ .hh)(h);
            return Promise.resolve(p ? (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_0__/* .signalVerified */ .xs)(p, 'SIGTERM') : 'unknown');
        },
    });
}


/***/ }),

/***/ 2534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ pooledBackend)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3131);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1893);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6919);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2805);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6264);
/**
 * What the two local backends share: their runs are the launcher's own work, a few at a time
 * through the pool (src/backends/pool.ts), each writing its results under the launch's results
 * root on this machine. They differ only in how a run starts (a process, a container), how
 * to tell whether it still runs, and how to stop it.
 */






const LOG_TAIL_BYTES = 64 << 10;
function resultsRootOf(ctx) {
    const root = (0,_reconcile_js__WEBPACK_IMPORTED_MODULE_4__/* .launchRecord */ .n)(ctx.launch).resultsRoot;
    if (!root)
        throw new Error(`launch ${ctx.launch.id} records no results root`);
    return root;
}
function pooledBackend(o) {
    return {
        type: o.type,
        name: o.name,
        remote: false,
        async submit(ctx, runs) {
            const root = resultsRootOf(ctx);
            const executor = await o.executor(ctx, root);
            const wanted = new Set(runs.map(r => r.id));
            await (0,_pool_js__WEBPACK_IMPORTED_MODULE_3__/* .runPool */ .kD)({
                plan: { ...ctx.launch.plan, runs: ctx.launch.plan.runs.filter(r => wanted.has(r.id)) },
                ledger: ctx.ledger,
                resultsRoot: root,
                parallel: ctx.parallel ?? o.parallel ?? 2,
                executor,
                signals: ctx.signals,
                progress: e => ctx.progress?.(e),
                gracePeriod: ctx.gracePeriod,
            });
            // the pool recorded every run itself, handles included
            return [];
        },
        async poll(ctx, runs) {
            const { resultsRoot: root, launcher } = (0,_reconcile_js__WEBPACK_IMPORTED_MODULE_4__/* .launchRecord */ .n)(ctx.launch);
            const gone = launcher ? `its launcher (pid ${launcher.pid}) is gone` : 'its launcher is gone';
            const seen = new Map();
            for (const r of runs) {
                const h = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseHandle */ .S$)(r.handle);
                const alive = h ? await o.alive(h, ctx) : undefined;
                if (alive === true) {
                    seen.set(r.id, { state: 'RUNNING' });
                    continue;
                }
                const read = root ? await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunMetrics */ .xD)(root, r.output) : { problem: 'no results root' };
                // a run that cannot be checked from here counts as ended only once it has left its result
                if (alive === undefined && r.handle !== undefined && !read.metrics)
                    continue;
                const m = read.metrics;
                seen.set(r.id, m
                    ? { state: (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .stateOfStatus */ .tG)(m.status), exitCode: m.exit_code, reason: m.reason ?? undefined }
                    : {
                        state: r.state === 'STARTING' ? 'ERROR' : 'FAILED',
                        reason: `${gone} and the run left no result (${read.problem})`,
                    });
            }
            return seen;
        },
        async cancel(ctx, runs) {
            const out = new Map();
            // a run still starting has no handle yet: its launcher stops it once it starts
            for (const r of runs) {
                const h = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseHandle */ .S$)(r.handle);
                out.set(r.id, h ? await o.stop(h, ctx) : r.handle === undefined ? 'sent' : 'unknown');
            }
            return out;
        },
        async collect(ctx, run) {
            const root = resultsRootOf(ctx);
            const read = await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunMetrics */ .xD)(root, run.output);
            let logTail = [];
            try {
                const log = await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInside */ .xO)(root, `${run.output}/logs.txt`, { maxBytes: LOG_TAIL_BYTES, from: 'end' });
                logTail = log.text.split('\n').filter(Boolean).slice(-15);
            }
            catch {
                // no log (yet): nothing to show
            }
            return { metrics: read.metrics, problem: read.problem, logTail, resultUrl: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, run.output) };
        },
        links(ctx, run) {
            const root = (0,_reconcile_js__WEBPACK_IMPORTED_MODULE_4__/* .launchRecord */ .n)(ctx.launch).resultsRoot;
            return root ? { log: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, run.output, 'logs.txt'), artifacts: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, run.output) } : {};
        },
    };
}


/***/ }),

/***/ 7160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R1: () => (/* binding */ MAX_OUTPUT),
/* harmony export */   Up: () => (/* binding */ collectOutput),
/* harmony export */   "if": () => (/* binding */ cliControl)
/* harmony export */ });
/* unused harmony exports parseSqueue, parseSacct, parseLimits */
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3713);
/* harmony import */ var _states_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7567);
/**
 * Talking to a Slurm controller. `SlurmControl` is what the backend needs (limits, submit,
 * one listing of a launch's jobs, cancel, and the job directory's files); `cliControl`
 * implements it with Slurm's commands over any `Exec` (this machine, or ssh to a login node),
 * and src/backends/slurm/rest.ts with slurmrestd.
 *
 * Commands are argv arrays. Over ssh they are quoted word by word for the remote shell.
 */


const FIELD = '\x1f';
/** What a Slurm command may print: a controller listing thousands of tasks is a few MiB. */
const MAX_OUTPUT = 64 << 20;
/**
 * Collects a command's stdout and stderr, at most `max` bytes of the two together; `over` is
 * told each time more comes (a local command is killed, a remote one's rest is dropped).
 */
function collectOutput(max = MAX_OUTPUT, over = () => undefined) {
    const out = [];
    const err = [];
    let size = 0;
    const take = (into) => (b) => {
        size += b.length;
        if (size > max)
            over();
        else
            into.push(b);
    };
    return {
        stdout: take(out),
        stderr: take(err),
        result: (code) => ({
            code,
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
        }),
    };
}
function fail(where, op, r) {
    const msg = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') || `exit code ${r.code}`;
    return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7(`Slurm (${where})`, op, msg);
}
/** Slurm's `3:0` (exit code : signal). */
function exitOf(text) {
    const m = /^(\d+):(\d+)$/.exec(text?.trim() ?? '');
    if (!m)
        return undefined;
    return Number(m[2]) > 0 ? 128 + Number(m[2]) : Number(m[1]);
}
/** squeue -r -o '%i…%T…' lines: one per task; a pending range that was not expanded keeps its `[2-4%2]`. */
function parseSqueue(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        const [id = '', arrayJobId = '', task = '', name = '', state = '', reason = ''] = line.split(FIELD);
        const t = /^\d+$/.test(task) ? Number(task) : undefined;
        out.push({
            id: t === undefined ? id : `${arrayJobId}_${t}`,
            arrayJobId,
            task: t,
            name,
            state: (0,_states_js__WEBPACK_IMPORTED_MODULE_1__/* .slurmState */ .Pb)(state),
            native: state,
            reason: reason && reason !== 'None' ? reason : undefined,
            exitCode: undefined,
        });
    }
    return out;
}
/** sacct -P lines (JobID|JobName|State|ExitCode|Reason): array tasks as `123_4`. */
function parseSacct(text) {
    const out = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        const [id = '', name = '', state = '', exit = '', reason = ''] = line.split('|');
        const m = /^(\d+)(?:_(\d+))?$/.exec(id);
        if (!m)
            continue; // a pending range (123_[1-3]) or a step
        out.push({
            id,
            arrayJobId: m[1],
            task: m[2] === undefined ? undefined : Number(m[2]),
            name,
            state: (0,_states_js__WEBPACK_IMPORTED_MODULE_1__/* .slurmState */ .Pb)(state),
            native: state,
            reason: reason && reason !== 'None' ? reason : undefined,
            exitCode: exitOf(exit),
        });
    }
    return out;
}
/** `scontrol show config` → the limits a submission must respect. */
function parseLimits(text) {
    const num = (key, dflt) => {
        const m = new RegExp(`^${key}\\s*=\\s*(\\d+)`, 'm').exec(text);
        return m ? Number(m[1]) : dflt;
    };
    return { maxArraySize: num('MaxArraySize', 1001), maxJobCount: num('MaxJobCount', 10000) };
}
/** Slurm through its commands (sbatch, squeue, sacct, scancel, scontrol). */
function cliControl(where, exec, files) {
    let calls = 0;
    let accounting;
    const run = async (argv) => {
        calls++;
        return exec(argv);
    };
    return {
        where,
        files,
        async limits() {
            const r = await run(['scontrol', 'show', 'config']);
            if (r.code !== 0)
                throw fail(where, 'scontrol show config', r);
            return parseLimits(r.stdout);
        },
        async submit(s) {
            const r = await run(['sbatch', '--parsable', `--chdir=${s.jobDir}`, s.scriptPath]);
            const id = /^(\d+)(;\S+)?\s*$/.exec(r.stdout)?.[1];
            if (r.code !== 0 || !id)
                throw fail(where, 'sbatch', r);
            return id;
        },
        async jobs(names, since) {
            if (names.length === 0)
                return [];
            const q = await run([
                'squeue',
                '-h',
                '-r',
                '-t',
                'all',
                `--name=${names.join(',')}`,
                '-o',
                ['%i', '%F', '%K', '%j', '%T', '%r'].join(FIELD),
            ]);
            if (q.code !== 0)
                throw fail(where, 'squeue', q);
            const live = parseSqueue(q.stdout);
            // accounting is asked only when a name squeue no longer lists (slurmctld forgot it), if there is one
            const listed = new Set(live.map(j => j.name));
            if (accounting === false || names.every(n => listed.has(n)))
                return live;
            const start = new Date(since.getTime() - 86_400_000).toISOString().slice(0, 19);
            const a = await run([
                'sacct',
                '-X',
                '-n',
                '-P',
                `--name=${names.join(',')}`,
                '-S',
                start,
                '-E',
                'now',
                '-o',
                'JobID,JobName,State,ExitCode,Reason',
            ]);
            if (a.code !== 0) {
                if (/accounting storage is disabled/i.test(a.stderr)) {
                    accounting = false;
                    return live;
                }
                throw fail(where, 'sacct', a);
            }
            accounting = true;
            const byId = new Map(live.map(j => [j.id, j]));
            for (const j of parseSacct(a.stdout)) {
                const known = byId.get(j.id);
                // squeue is the fresher word on a job it still shows; sacct adds the exit code
                if (known)
                    known.exitCode ??= j.exitCode;
                else
                    byId.set(j.id, j);
            }
            return [...byId.values()];
        },
        async cancel(ids) {
            if (ids.length === 0)
                return;
            const r = await run(['scancel', ...ids]);
            // a job that already ended is not an error for a cancel
            if (r.code !== 0 && !/Invalid job id|already completing or completed|Job\/step already/i.test(r.stderr))
                throw fail(where, 'scancel', r);
        },
        calls: () => calls,
        close: () => Promise.resolve(),
    };
}


/***/ }),

/***/ 9913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBackend: () => (/* binding */ createBackend),
/* harmony export */   previewScript: () => (/* binding */ previewScript),
/* harmony export */   scriptFor: () => (/* binding */ scriptFor),
/* harmony export */   unreachable: () => (/* binding */ unreachable)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3713);
/* harmony import */ var _runner_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6979);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4534);
/* harmony import */ var _local_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7449);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1893);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6919);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6264);
/* harmony import */ var _control_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7160);
/* harmony import */ var _local_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5742);
/* harmony import */ var _script_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6542);
/* harmony import */ var _states_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7567);
/**
 * The Slurm backend. A launch's runs become job arrays (`sbatch --array=0-N%K`, split at the
 * cluster's MaxArraySize); each task finds its run's argv and environment in the job directory
 * (`<job-root>/<launch id>`), runs it in a container (seed 003's Pyxis script, or docker,
 * apptainer, none), and writes `results/<run output>/metrics.json` there.
 *
 * Idempotent submission: before each sbatch, a submission record (its runs, its job name
 * `tr-<launch>-<key>`) is written to `submissions/`. A later attempt of the same launch (after
 * a dropped connection, or a launcher killed with -9) reads those records, asks the controller
 * for jobs of those names, adopts what it finds and submits only what is missing.
 *
 * Polls cost one controller call for every run of the launch (squeue over the launch's job
 * names; sacct only for tasks squeue no longer shows).
 */














const LOG_TAIL_BYTES = 64 << 10;
/** Variables a run on the cluster gets besides those its experiment names. */
const RUN_BASE_ENV = ['LANG', 'LC_ALL', 'TZ'];
function nativeOf(h) {
    const n = h?.kind === 'slurm' ? h.native : undefined;
    return n && typeof n.jobId === 'string' && typeof n.jobDir === 'string' ? n : undefined;
}
/** sbatch's words for an answer that never came: the job may have been queued all the same. */
const UNCERTAIN = /timed out|time-out|timeout|Unable to contact|connection was lost|Socket|Zero Bytes/i;
/**
 * One sbatch. When it fails, the controller is asked whether the job exists all the same (a
 * time-out after it was queued): a job found is adopted; otherwise a PartialSubmitError
 * carries what this submission already placed, and whether the rest were surely not submitted.
 */
async function submitOrFind(s, job, name, ctx, placed) {
    try {
        return await s.submit(job);
    }
    catch (e) {
        // a refusal sbatch gave a reason for is definite (Slurm may even keep a FAILED record of it)
        if (!UNCERTAIN.test((0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)))
            throw new _types_js__WEBPACK_IMPORTED_MODULE_8__/* .PartialSubmitError */ .UL((0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e), placed, true, { cause: e });
        const found = await s.jobs([name], new Date(ctx.launch.createdAt)).catch(() => undefined);
        const existing = found?.find(j => j.name === name);
        if (existing) {
            ctx.warn(`sbatch failed (${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)}), but job ${existing.arrayJobId} (${name}) is there: adopted`);
            return existing.arrayJobId;
        }
        const definite = found !== undefined && !UNCERTAIN.test((0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e));
        throw new _types_js__WEBPACK_IMPORTED_MODULE_8__/* .PartialSubmitError */ .UL((0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e), placed, definite, {
            cause: e,
            ...(definite
                ? {}
                : { hint: `whether ${name} reached the cluster is unknown: trainer status --refresh adopts it or submits it` }),
        });
    }
}
/** Paths on a login node read `ssh user@host:port:/path`; local and shared (rest) paths are plain. */
function remotePrefix(n) {
    return n.where.startsWith('ssh ') ? `${n.where}:` : '';
}
/** The control for a backend's transport (ssh and rest load their clients only when used). */
async function connect(c, env) {
    const transport = c.transport ?? (c.url ? 'rest' : c.host ? 'ssh' : 'local');
    switch (transport) {
        case 'local':
            return (0,_control_js__WEBPACK_IMPORTED_MODULE_9__/* .cliControl */ ["if"])('local', (0,_local_js__WEBPACK_IMPORTED_MODULE_10__/* .localExec */ .N)(env), (0,_local_js__WEBPACK_IMPORTED_MODULE_10__/* .localFiles */ .J)());
        case 'ssh': {
            const { sshControl } = await Promise.all(/* import() */[__webpack_require__.e(472), __webpack_require__.e(118), __webpack_require__.e(135)]).then(__webpack_require__.bind(__webpack_require__, 7135));
            return sshControl(c, env);
        }
        case 'rest': {
            const { restControl } = await __webpack_require__.e(/* import() */ 935).then(__webpack_require__.bind(__webpack_require__, 935));
            return restControl(c, env);
        }
    }
}
/**
 * The environment a run gets on the cluster: the variables its experiment names (never a
 * credential of the launcher's: src/backends/env.ts), `trainer run`'s own knobs, and the
 * locale. A name the job script cannot export (`A-B`) is left out with a warning.
 */
function runEnv(run, launcher, warn) {
    const out = {};
    const passed = (0,_env_js__WEBPACK_IMPORTED_MODULE_13__/* .runEnvironment */ .t7)(launcher, [...run.env, ...RUN_BASE_ENV], { container: true });
    for (const [k, v] of Object.entries(passed)) {
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
            out[k] = v;
        else
            warn(`environment variable ${JSON.stringify(k)} is not a shell name: not passed to the runs`);
    }
    return out;
}
/** The job script of one submission: its runs' resources (the first run's: a sweep shares them) as directives. */
function scriptFor(c, o) {
    const first = o.runs[0];
    if (!first)
        throw new Error('a submission needs runs');
    const time = first.resources.time;
    return (0,_script_js__WEBPACK_IMPORTED_MODULE_11__/* .renderScript */ .y9)({
        name: o.name,
        launchId: o.launchId,
        jobDir: o.jobDir,
        key: o.key,
        tasks: o.runs.length,
        throttle: c['max-parallel'],
        image: first.image,
        config: c,
        // Slurm reads a bare number as minutes: `90m` becomes 90
        time: time && /^\d+[smhd]$/.test(time) ? String(Math.ceil(((0,_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .seconds */ .YA)(time) ?? 60) / 60)) : time,
        cpus: first.resources.cpus === undefined ? undefined : Math.ceil(first.resources.cpus),
        mem: (0,_script_js__WEBPACK_IMPORTED_MODULE_11__/* .slurmMem */ .DP)(first.resources.memory),
        gpus: first.resources.gpus,
        gracePeriod: o.gracePeriod,
    });
}
/** The script a plan would be submitted with (`trainer plan --show-script`), without reaching the cluster. */
function previewScript(c, plan, gracePeriod = 30) {
    const jobDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(c['job-root'] ?? '~/.trainer/slurm-jobs', plan.launchId);
    return scriptFor(c, {
        name: `tr-${plan.launchId}-a1-<key>`,
        launchId: plan.launchId,
        jobDir,
        key: 'a1-<key>',
        runs: plan.runs,
        gracePeriod,
    });
}
/** srun's line for a task that exited non-zero. */
const SRUN_EXIT = /^srun: error: \S+: tasks? [\d,-]+: Exited with exit code \d+$/;
function createBackend(name, config, deps) {
    if (config.type !== 'slurm')
        throw new Error(`backend ${name} is not a Slurm backend`);
    const c = config;
    const runner = c.runner ?? 'trainer';
    let control;
    /** The control, connected again when the last connection failed or was lost. */
    const ctl = async (ctx) => {
        const current = control && (await control.catch(() => undefined));
        if (current && !current.lost?.())
            return current;
        if (current)
            await current.close().catch(() => undefined);
        const next = connect(c, ctx.env);
        control = next;
        return next;
    };
    const jobDirOf = async (ctx) => {
        const s = await ctl(ctx);
        return s.files.absolute((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(c['job-root'] ?? '.trainer/slurm-jobs', ctx.launch.id));
    };
    /** Copies the `trainer run` bundle into the job directory, once per launch. */
    async function deliverRunner(s, jobDir) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'trainer-run');
        if ((await s.files.list(dir)).includes('index.js'))
            return;
        const from = (0,_local_index_js__WEBPACK_IMPORTED_MODULE_5__.needed)(deps.runnerDir, 'runner directory');
        const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(from)).filter(n => n.endsWith('.js') || n === 'package.json');
        if (!names.includes('index.js'))
            throw new Error(`${from} has no trainer run bundle (npm run build)`);
        // into a fresh directory, renamed into place: a present trainer-run/index.js is a whole copy
        const tmp = `${dir}.${process.pid}-${Date.now()}`;
        await s.files.mkdir(tmp);
        await s.files.writeAll(tmp, await Promise.all(names.map(async (n) => ({ name: n, data: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(from, n)), mode: 0o644 }))));
        // another launcher may have put one there first: theirs is as good
        await s.files.rename(tmp, dir).catch(async (e) => {
            if (!(await s.files.list(dir)).includes('index.js'))
                throw e;
        });
    }
    /** The argv of one run's task. */
    function argvOf(run, jobDir, grace) {
        const results = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'results');
        if (runner === 'trainer')
            return [
                c.node ?? 'node',
                (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'trainer-run', 'index.js'),
                '--results-root',
                results,
                '--grace-period',
                String(grace),
            ];
        return [...run.command, ...(0,_runner_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .containerMainArgs */ .cR)((0,_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .specOf */ .rI)(run)), '--results-root', results];
    }
    async function records(s, jobDir) {
        const out = [];
        for (const f of (await s.files.list((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'submissions'))).filter(n => n.endsWith('.json')).sort()) {
            const raw = await s.files.read(jobDir, `submissions/${f}`, 1 << 20).catch(() => undefined);
            try {
                const r = JSON.parse(raw?.toString('utf8') ?? '');
                if (r.v === 1 && Array.isArray(r.runs))
                    out.push(r);
            }
            catch {
                // a record cut short by a killed launcher: its sbatch never ran
            }
        }
        return out;
    }
    function handleOf(rec, job, task, jobDir, where) {
        const native = {
            jobId: `${job.arrayJobId}_${task}`,
            arrayJobId: job.arrayJobId,
            task,
            name: rec.name,
            key: rec.key,
            jobDir,
            where,
        };
        return { v: 1, kind: 'slurm', attempt: rec.attempt, native: { ...native } };
    }
    return {
        type: 'slurm',
        name,
        remote: true,
        async submit(ctx, runs) {
            const s = await ctl(ctx);
            const jobDir = await jobDirOf(ctx);
            const grace = ctx.gracePeriod ?? 30;
            await s.files.mkdir(...['submissions', 'tasks', 'logs', 'results'].map(d => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, d)));
            const byId = new Map(ctx.launch.plan.runs.map(r => [r.id, r]));
            const attemptOf = (r) => (r.state === 'CREATED' ? 1 : r.attempt + 1);
            const wanted = new Map(runs.map(r => [`${r.id}#${attemptOf(r)}`, r]));
            const out = [];
            // adopt what an earlier attempt of this launch submitted
            const recs = (await records(s, jobDir)).filter(r => r.runs.some(id => wanted.has(`${id}#${r.attempt}`)));
            if (recs.length) {
                const jobs = await s.jobs(recs.map(r => r.name), new Date(ctx.launch.createdAt));
                for (const rec of recs) {
                    const job = jobs.find(j => j.name === rec.name);
                    if (!job)
                        continue; // written, never submitted
                    rec.runs.forEach((id, task) => {
                        if (!wanted.delete(`${id}#${rec.attempt}`))
                            return;
                        out.push({ runId: id, handle: handleOf(rec, job, task, jobDir, s.where), adopted: true });
                    });
                    ctx.log(`slurm: adopted job ${job.arrayJobId} (${rec.name}, ${rec.runs.length} tasks) from an earlier attempt`);
                }
            }
            if (wanted.size === 0)
                return out;
            const { maxArraySize, maxJobCount } = await s.limits();
            const missing = [...wanted.values()];
            if (missing.length > maxJobCount)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`${missing.length} runs exceed the cluster's MaxJobCount of ${maxJobCount}; narrow the sweep`, { key: 'launch.max-runs' });
            if (runner === 'trainer')
                await deliverRunner(s, jobDir);
            for (let i = 0; i < missing.length; i += maxArraySize) {
                const chunk = missing.slice(i, i + maxArraySize);
                const attempt = attemptOf(chunk[0]);
                const ids = chunk.map(r => r.id);
                const key = `a${attempt}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(ids.join('\n')).digest('hex').slice(0, 10)}`;
                const rec = { v: 1, key, name: `tr-${ctx.launch.id}-${key}`, attempt, runs: ids };
                await s.files.mkdir((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'tasks', key));
                const taskFiles = [];
                for (const [task, r] of chunk.entries()) {
                    const run = byId.get(r.id);
                    if (!run)
                        throw new Error(`run ${r.id} is not in launch ${ctx.launch.id}'s plan`);
                    const env = {
                        ...runEnv(run, ctx.env, ctx.warn),
                        TRAINER_RUN_SPEC: JSON.stringify((0,_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .specOf */ .rI)(run)),
                    };
                    const limit = (0,_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .seconds */ .YA)(run.resources.time);
                    if (limit !== undefined)
                        env.RUN_TIMEOUT_SEC = String(limit);
                    taskFiles.push({ name: `${task}.argv`, data: (0,_script_js__WEBPACK_IMPORTED_MODULE_11__/* .nulJoin */ .uc)(argvOf(run, jobDir, grace)), mode: 0o600 }, 
                    // the environment may hold secrets the experiment names: readable by the job's user only
                    { name: `${task}.env`, data: (0,_script_js__WEBPACK_IMPORTED_MODULE_11__/* .nulJoin */ .uc)(Object.entries(env).map(([k, v]) => `${k}=${v}`)), mode: 0o600 });
                }
                await s.files.writeAll((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'tasks', key), taskFiles);
                const script = scriptFor(c, {
                    name: rec.name,
                    launchId: ctx.launch.id,
                    jobDir,
                    key,
                    runs: chunk.map(r => byId.get(r.id)),
                    gracePeriod: grace,
                });
                const scriptPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'submissions', `${key}.sh`);
                await s.files.write(scriptPath, script, 0o755);
                await s.files.write((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(jobDir, 'submissions', `${key}.json`), JSON.stringify(rec));
                const arrayJobId = await submitOrFind(s, { script, scriptPath, jobDir }, rec.name, ctx, out);
                ctx.log(`slurm: submitted job ${arrayJobId} (${chunk.length} tasks) via ${s.where}; job directory ${jobDir}`);
                chunk.forEach((r, task) => out.push({ runId: r.id, handle: handleOf(rec, { arrayJobId }, task, jobDir, s.where), adopted: false }));
            }
            return out;
        },
        async poll(ctx, runs) {
            const s = await ctl(ctx);
            const natives = new Map();
            for (const r of runs) {
                const n = nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(r.handle));
                if (n)
                    natives.set(r.id, n);
            }
            const names = [...new Set([...natives.values()].map(n => n.name))];
            const jobs = await s.jobs(names, new Date(ctx.launch.createdAt));
            const byTask = new Map(jobs.map(j => [j.id, j]));
            // a pending range not expanded into tasks (123_[2-4%2]) stands for each of its tasks
            const ranges = jobs.filter(j => j.task === undefined);
            const seen = new Map();
            for (const [runId, n] of natives) {
                const j = byTask.get(n.jobId) ?? ranges.find(x => x.arrayJobId === n.arrayJobId);
                if (!j?.state)
                    continue; // not seen: absence is not death (the next poll asks again)
                const m = _states_js__WEBPACK_IMPORTED_MODULE_12__/* .SLURM_TO_LEDGER */ .CY[j.state];
                const reason = [m.why, j.reason].filter(Boolean).join(': ') || undefined;
                seen.set(runId, {
                    state: m.state,
                    native: j.native,
                    reason: m.state === 'SUCCEEDED' ? undefined : reason,
                    exitCode: j.exitCode,
                    requeue: m.requeue,
                });
            }
            return seen;
        },
        async cancel(ctx, runs) {
            const s = await ctl(ctx);
            const natives = runs.map(r => nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(r.handle))).filter(n => n !== undefined);
            // a whole array in one word when every task of it is cancelled
            const tasksOf = new Map();
            for (const n of natives)
                tasksOf.set(n.arrayJobId, [...(tasksOf.get(n.arrayJobId) ?? []), n]);
            const ids = [];
            for (const [array, ns] of tasksOf) {
                const all = ctx.ledger
                    .listRuns(ctx.launch.id)
                    .filter(r => nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(r.handle))?.arrayJobId === array);
                ids.push(...(ns.length === all.length ? [array] : ns.map(n => n.jobId)));
            }
            await s.cancel(ids);
            return new Map(runs.map(r => [r.id, nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(r.handle)) ? 'sent' : 'unknown']));
        },
        async collect(ctx, run) {
            const n = nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(run.handle));
            if (!n)
                return { problem: 'no Slurm job', logTail: [] };
            const s = await ctl(ctx);
            let read;
            try {
                const text = await s.files.read(n.jobDir, `results/${run.output}/metrics.json`, _outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .METRICS_MAX_BYTES */ .rE + 1);
                read = text ? (0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRunMetrics */ .II)(text.toString('utf8')) : { problem: 'no metrics.json' };
            }
            catch (e) {
                read = { problem: `metrics.json refused: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)}` };
            }
            const log = await s.files
                .read(n.jobDir, `logs/${n.key}_${n.task}.out`, LOG_TAIL_BYTES)
                .catch((e) => Buffer.from(`(its log cannot be read: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(e)})`));
            // the job's own last words: srun's `task N: Exited with exit code N`, appended whenever
            // srun gets to it, only restates the exit code that Slurm's state already gives
            const logTail = (log?.toString('utf8') ?? '')
                .split('\n')
                .filter(l => l && !SRUN_EXIT.test(l))
                .slice(-15);
            return {
                metrics: read.metrics,
                problem: read.problem,
                logTail,
                resultUrl: `${remotePrefix(n)}${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(n.jobDir, 'results', run.output)}`,
            };
        },
        async foreignHandle(ctx, run) {
            if (!run.handle)
                return undefined;
            const n = nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(run.handle));
            if (!n)
                return `run ${run.id}: its handle is not a Slurm job`;
            const jobDir = await jobDirOf(ctx);
            if (n.jobDir !== jobDir)
                return `run ${run.id}: its job directory ${n.jobDir} is not this launch's (${jobDir})`;
            if (!/^a\d+-[0-9a-f]{10}$/.test(String(n.key)) || n.name !== `tr-${ctx.launch.id}-${n.key}`)
                return `run ${run.id}: its job name ${n.name} is not one of launch ${ctx.launch.id}'s`;
            if (!/^\d+$/.test(String(n.arrayJobId)) ||
                !Number.isSafeInteger(n.task) ||
                n.task < 0 ||
                n.jobId !== `${n.arrayJobId}_${n.task}`)
                return `run ${run.id}: its job ${n.jobId} is not a task of an array job`;
            return undefined;
        },
        links(_ctx, run) {
            const n = nativeOf((0,_types_js__WEBPACK_IMPORTED_MODULE_8__/* .parseHandle */ .S$)(run.handle));
            if (!n)
                return {};
            const prefix = remotePrefix(n);
            return {
                log: `${prefix}${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(n.jobDir, 'logs', `${n.key}_${n.task}.out`)}`,
                artifacts: `${prefix}${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(n.jobDir, 'results', run.output)}`,
                page: `${prefix}${n.jobDir} (job ${n.jobId})`,
            };
        },
        async close() {
            const current = control && (await control.catch(() => undefined));
            await current?.close();
        },
    };
}
/** Raised when a transport cannot reach the cluster at all. */
function unreachable(where, why) {
    return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceError */ ._7(`Slurm (${where})`, 'connect', why);
}


/***/ }),

/***/ 5742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ localFiles),
/* harmony export */   N: () => (/* binding */ localExec)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3131);
/* harmony import */ var _control_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7160);
/**
 * The `local` transport: Slurm's commands on this machine (a login node, or a workstation that
 * is part of a cluster), the job directory on its file system.
 */






/** What Slurm's commands see of the launcher's environment: where Slurm is, and nothing secret. */
const SLURM_ENV = /^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z]+|TZ|SLURM_CONF|MUNGE_SOCKET)$/;
function localExec(env) {
    const clean = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && SLURM_ENV.test(k))
            clean[k] = v;
    return (argv, input) => new Promise((res, rej) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(argv[0], argv.slice(1), { env: clean, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
        if (input && child.stdin) {
            child.stdin.on('error', () => undefined);
            child.stdin.end(input);
        }
        const output = (0,_control_js__WEBPACK_IMPORTED_MODULE_5__/* .collectOutput */ .Up)(_control_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_OUTPUT */ .R1, () => child.kill('SIGKILL'));
        child.stdout.on('data', output.stdout);
        child.stderr.on('data', output.stderr);
        child.once('error', (e) => e.code === 'ENOENT' ? res({ code: 127, stdout: '', stderr: `${argv[0]}: command not found` }) : rej(e));
        child.once('close', code => res(output.result(code ?? 1)));
    });
}
function localFiles(home = (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)()) {
    return {
        async write(path, data, mode = 0o644) {
            // whole or not at all: a reader never sees half a task file
            const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `.${Date.now()}-${process.pid}.tmp`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, data, { mode });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(tmp, mode);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, path);
        },
        async read(root, rel, maxBytes) {
            let opened;
            try {
                opened = await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_4__/* .openInside */ .X$)(root, rel);
            }
            catch (e) {
                if (e.code === 'ENOENT')
                    return undefined;
                throw e;
            }
            const { handle, stat } = opened;
            try {
                const n = Math.min(stat.size, maxBytes);
                const buf = Buffer.alloc(n);
                let got = 0;
                while (got < n) {
                    const { bytesRead } = await handle.read(buf, got, n - got, stat.size - n + got);
                    if (bytesRead === 0)
                        break;
                    got += bytesRead;
                }
                return buf.subarray(0, got);
            }
            finally {
                await handle.close();
            }
        },
        async rename(from, to) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(from, to);
        },
        async writeAll(dir, entries) {
            for (const e of entries)
                await this.write((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, e.name), e.data, e.mode);
        },
        async mkdir(...paths) {
            for (const p of paths)
                await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_4__/* .makeDirs */ .X2)(p);
        },
        async list(path) {
            try {
                return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(path);
            }
            catch (e) {
                if (e.code === 'ENOENT')
                    return [];
                throw e;
            }
        },
        absolute(path) {
            return Promise.resolve((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(home, path.replace(/^~\/?/, '')));
        },
    };
}


/***/ }),

/***/ 6542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DP: () => (/* binding */ slurmMem),
/* harmony export */   ZL: () => (/* binding */ shellQuote),
/* harmony export */   uc: () => (/* binding */ nulJoin),
/* harmony export */   y9: () => (/* binding */ renderScript)
/* harmony export */ });
/* unused harmony export mountList */
/* harmony import */ var _config_backends_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9361);

/** One word for bash: single-quoted, with `'` written as `'\''`. */
function shellQuote(word) {
    if (word.includes('\0'))
        throw new Error('a NUL byte cannot reach a shell');
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function directive(flag, value) {
    if (value === undefined)
        return [];
    const v = String(value);
    if (!_config_backends_js__WEBPACK_IMPORTED_MODULE_0__/* .SBATCH_VALUE */ .CU.test(v))
        throw new Error(`#SBATCH --${flag}=${JSON.stringify(v)}: not a valid directive value (no spaces or quotes)`);
    return [`#SBATCH --${flag}=${v}`];
}
/** Slurm's --mem from `16G`, `512M`, `1.5Gi` (whole megabytes when it has a fraction). */
function slurmMem(size) {
    if (!size)
        return undefined;
    const m = /^(\d+(?:\.\d+)?)([KMGT])i?B?$/i.exec(size);
    if (!m)
        return undefined;
    const unit = m[2].toUpperCase();
    if (!m[1].includes('.'))
        return `${m[1]}${unit}`;
    return `${Math.ceil(Number(m[1]) * 1024 ** ('KMGT'.indexOf(unit) + 1 - 2))}M`;
}
/** Mounts as Pyxis writes them (`host:container[:mode]`), the job directory first when mounted. */
function mountList(c, jobDir) {
    const out = c['mount-job-dir'] === false ? [] : [`${jobDir}:${jobDir}:rw`];
    for (const m of c.mounts ?? [])
        out.push(typeof m === 'string' ? m : `${m.host}:${m.container}${m.mode ? `:${m.mode}` : ''}`);
    return out;
}
/** The job script (see the module comment). */
function renderScript(o) {
    const c = o.config;
    const container = c.container ?? 'pyxis';
    if (container !== 'none' && !o.image)
        throw new Error(`container ${container} needs an image (image.name in trainer.yml, or --image)`);
    if (o.image?.startsWith('-'))
        throw new Error(`image ${JSON.stringify(o.image)}: an image reference cannot start with -`);
    const q = shellQuote;
    const workdir = c.workdir ?? o.jobDir;
    const mounts = mountList(c, o.jobDir);
    const lines = [
        '#!/bin/bash',
        `# trainer-action: launch ${o.launchId}, submission ${o.key} (${o.tasks} task${o.tasks === 1 ? '' : 's'})`,
        ...directive('job-name', o.name),
        ...directive('comment', `trainer-launch=${o.launchId}`),
        ...directive('array', `0-${o.tasks - 1}${o.throttle ? `%${o.throttle}` : ''}`),
        ...directive('output', `${o.jobDir}/logs/${o.key}_%a.out`),
        ...directive('partition', c.partition),
        ...directive('account', c.account),
        ...directive('qos', c.qos),
        ...directive('time', c.time ?? o.time),
        ...directive('cpus-per-task', c['cpus-per-task'] ?? o.cpus),
        ...directive('mem', c.mem ?? o.mem),
        ...(c.gres ? directive('gres', c.gres) : directive('gpus-per-task', (c.gpus ?? o.gpus) || undefined)),
        ...directive('constraint', c.constraint),
        ...directive('nodes', c.nodes),
        ...(c.exclusive ? ['#SBATCH --exclusive'] : []),
        // the grace period before a time limit: trainer run checkpoints on SIGTERM
        ...directive('signal', `TERM@${Math.max(30, o.gracePeriod + 10)}`),
        ...(c.sbatch ?? []).map(s => `#SBATCH ${s}`),
        '',
        'set -euo pipefail',
        '',
        '# --- setup ---',
        `echo '--- trainer: configuring container execution (${container}) ---'`,
        "command -v srun >/dev/null 2>&1 || { echo 'ERROR: srun not found on PATH' >&2; exit 1; }",
        `JOB_DIR=${q(o.jobDir)}`,
        ...(o.image
            ? [
                `CONTAINER_IMAGE=${q(o.image)}`,
                'export CONTAINER_IMAGE',
                'echo "Resolved container image reference: $CONTAINER_IMAGE"',
            ]
            : []),
        ...(c.modules ?? []).map(m => `module load ${q(m)}`),
        'TASK="${SLURM_ARRAY_TASK_ID:?not an array task}"',
        `TASK_FILE="$JOB_DIR/tasks/${o.key}/$TASK"`,
        '# argv and environment of this task: NUL-separated, never parsed by a shell',
        'ARGV=()',
        'while IFS= read -r -d \'\' word; do ARGV+=("$word"); done < "$TASK_FILE.argv"',
        'ENV_NAMES=()',
        'while IFS= read -r -d \'\' kv; do export "${kv?}"; ENV_NAMES+=("${kv%%=*}"); done < "$TASK_FILE.env"',
        'mkdir -p "$JOB_DIR/results"',
        'echo "trainer: task $TASK of job ${SLURM_ARRAY_JOB_ID:-?} on $(hostname)"',
        '',
        '# --- execution ---',
    ];
    const srun = ['srun', '--mpi=none', ...(c['srun-args'] ?? []).map(q)];
    switch (container) {
        case 'pyxis':
            lines.push([
                ...srun,
                '--container-image="$CONTAINER_IMAGE"',
                `--container-mounts=${q(mounts.join(','))}`,
                `--container-workdir=${q(workdir)}`,
                '"${ARGV[@]}"',
            ].join(' \\\n  '));
            break;
        case 'docker': {
            // the task's environment by name: docker takes each value from this script's environment
            lines.push('DOCKER_ENV=()', 'for n in "${ENV_NAMES[@]}"; do DOCKER_ENV+=(-e "$n"); done');
            lines.push([
                ...srun,
                'docker run --rm --init',
                `--name "tr-\${SLURM_ARRAY_JOB_ID:-0}-\${TASK}"`,
                `--stop-timeout ${o.gracePeriod + 5}`,
                ...mounts.map(m => `-v ${q(m)}`),
                `-w ${q(workdir)}`,
                '"${DOCKER_ENV[@]}"',
                // the image is an argument, never an option (an image named `--privileged`)
                '--',
                '"$CONTAINER_IMAGE"',
                '"${ARGV[@]}"',
            ].join(' \\\n  '));
            break;
        }
        case 'apptainer':
            lines.push([
                ...srun,
                'apptainer exec --cleanenv',
                ...mounts.map(m => `--bind ${q(m)}`),
                `--pwd ${q(workdir)}`,
                '"docker://$CONTAINER_IMAGE"',
                '"${ARGV[@]}"',
            ].join(' \\\n  '));
            break;
        case 'none':
            lines.push([...srun, `--chdir=${q(workdir)}`, '"${ARGV[@]}"'].join(' \\\n  '));
            break;
    }
    return `${lines.join('\n')}\n`;
}
/** Words as one NUL-separated file (the script reads it with `read -d ''`). */
function nulJoin(words) {
    for (const w of words)
        if (w.includes('\0'))
            throw new Error('a NUL byte cannot be passed to a run');
    return words.map(w => `${w}\0`).join('');
}


/***/ }),

/***/ 7567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ SLURM_TO_LEDGER),
/* harmony export */   Pb: () => (/* binding */ slurmState)
/* harmony export */ });
/* unused harmony export SLURM_STATES */
/** Every job state Slurm 22.05+ reports (squeue %T, sacct State, slurmrestd job_state). */
const SLURM_STATES = [
    'PENDING',
    'CONFIGURING',
    'REQUEUED',
    'REQUEUE_HOLD',
    'REQUEUE_FED',
    'RESV_DEL_HOLD',
    'RUNNING',
    'COMPLETING',
    'STAGE_OUT',
    'SIGNALING',
    'RESIZING',
    'SUSPENDED',
    'STOPPED',
    'COMPLETED',
    'CANCELLED',
    'FAILED',
    'TIMEOUT',
    'OUT_OF_MEMORY',
    'NODE_FAIL',
    'PREEMPTED',
    'BOOT_FAIL',
    'DEADLINE',
    'REVOKED',
    'SPECIAL_EXIT',
];
/**
 * What each Slurm state means for the ledger. `requeue`: lost by the cluster, not by the
 * training (preemption, a node failure): submitted again within the backend's retry budget
 * rather than counted as a training failure. Exhaustive by type: a state added above must be
 * mapped here. A COMPLETED job is SUCCEEDED only when its metrics.json says so (the driver
 * reads it); Slurm only knows the exit code of the job script.
 */
const SLURM_TO_LEDGER = {
    PENDING: { state: 'QUEUED' },
    CONFIGURING: { state: 'QUEUED', why: 'nodes are being configured' },
    REQUEUED: { state: 'QUEUED', why: 'requeued by Slurm' },
    REQUEUE_HOLD: { state: 'QUEUED', why: 'requeued and held' },
    REQUEUE_FED: { state: 'QUEUED', why: 'requeued by the federation' },
    RESV_DEL_HOLD: { state: 'QUEUED', why: 'held: its reservation was deleted' },
    RUNNING: { state: 'RUNNING' },
    COMPLETING: { state: 'RUNNING', why: 'completing' },
    STAGE_OUT: { state: 'RUNNING', why: 'staging out' },
    SIGNALING: { state: 'RUNNING', why: 'being signalled' },
    RESIZING: { state: 'RUNNING', why: 'resizing' },
    SUSPENDED: { state: 'PAUSED', why: 'suspended' },
    STOPPED: { state: 'PAUSED', why: 'stopped (SIGSTOP)' },
    COMPLETED: { state: 'SUCCEEDED' },
    CANCELLED: { state: 'CANCELLED' },
    FAILED: { state: 'FAILED' },
    TIMEOUT: { state: 'FAILED', why: 'reached its time limit' },
    OUT_OF_MEMORY: { state: 'FAILED', why: 'ran out of memory' },
    DEADLINE: { state: 'FAILED', why: 'reached its deadline' },
    SPECIAL_EXIT: { state: 'FAILED', why: 'special exit' },
    NODE_FAIL: { state: 'ERROR', requeue: true, why: 'its node failed' },
    PREEMPTED: { state: 'ERROR', requeue: true, why: 'preempted' },
    BOOT_FAIL: { state: 'ERROR', requeue: true, why: 'its node failed to boot' },
    REVOKED: { state: 'ERROR', requeue: true, why: 'revoked by the federation' },
};
/** A state word as Slurm prints it (`CANCELLED by 0`, `cancelled`), or undefined when unknown. */
function slurmState(word) {
    const w = word.trim().split(/\s+/)[0]?.toUpperCase().replace(/\+$/, '') ?? '';
    return SLURM_STATES.includes(w) ? w : undefined;
}


/***/ }),

/***/ 6979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cR: () => (/* binding */ containerMainArgs)
/* harmony export */ });
/* unused harmony exports resolveSpec, keepFilter, runEnv */
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3713);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8720);
/* harmony import */ var _plan_resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8315);
/* harmony import */ var _contract_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6670);






const pad = (n) => String(n).padStart(3, '0');
/**
 * The run to do: from `--experiment`/`--run_index` and trainer.yml, resolved exactly
 * as seed 000 says (defaults, then `--override-*`, then the seed rule), or, without
 * `--experiment`, from the `TRAINER_RUN_SPEC` JSON a launcher passed.
 */
async function resolveSpec(a, env, cwd) {
    if (a.experiment === undefined) {
        const raw = env.TRAINER_RUN_SPEC;
        if (!raw)
            throw new ConfigError('--experiment is required (or a TRAINER_RUN_SPEC from a launcher)', { key: '--experiment' });
        let json;
        try {
            json = JSON.parse(raw);
        }
        catch {
            throw new ConfigError('TRAINER_RUN_SPEC is not valid JSON', { key: 'TRAINER_RUN_SPEC' });
        }
        const s = checked(json, 'TRAINER_RUN_SPEC');
        const spec = {
            experiment: s.experiment,
            index: s.index,
            seed: a.seed ??
                s.seed ??
                selectSeed(s.experiment, s.index, { seeds: undefined, explicit: undefined, preferConfig: false }).seed,
            params: s.params ?? {},
            command: s.command,
            argsStyle: s.argsStyle ?? 'container-main',
            output: s.output ?? `${s.experiment}/runs/${pad(s.index)}`,
            outputs: s.outputs ?? [],
        };
        // --seed too
        checked(spec, 'TRAINER_RUN_SPEC');
        return spec;
    }
    if (a.runIndex === undefined)
        throw new ConfigError('--run_index is required with --experiment', { key: '--run_index' });
    const { config } = await loadConfig(cwd, a.config ?? env.TRAINER_CONFIG);
    const exp = experimentOf(config, a.experiment);
    const preferConfig = a.preferConfigSeed && (exp['prefer-config-seed'] ?? true);
    // Run N of the plan the same inputs make (sweep point, replicate seed) when there is one;
    // past its end, seed 000's rule: defaults and overrides, seeds[run_index] or the fallback.
    const plan = buildPlan(config, {
        experiment: a.experiment,
        overrides: a.overrides,
        seed: a.seed,
        preferConfigSeed: preferConfig,
        launchId: 'run',
        maxRuns: Infinity,
    });
    const planned = plan.runs[a.runIndex];
    const { params } = planned ??
        applyOverrides(a.experiment, exp.params ?? {}, a.overrides, Object.keys(exp.sweep?.grid ?? {}), exp['param-types'] ?? {});
    const seed = planned?.seed ?? selectSeed(a.experiment, a.runIndex, { seeds: exp.seeds, explicit: a.seed, preferConfig }).seed;
    const spec = {
        experiment: a.experiment,
        index: a.runIndex,
        seed,
        params,
        command: exp.command,
        argsStyle: exp['args-style'] ?? 'container-main',
        output: planned?.output ?? `${a.experiment}/runs/${pad(a.runIndex)}`,
        outputs: exp.outputs ?? [],
    };
    checked(spec, `experiment '${a.experiment}'`);
    return spec;
}
/**
 * A run spec checked against the run contract: the run directory stays inside the results
 * root, nothing holds a NUL. Fails as a ConfigError naming the field (`TRAINER_RUN_SPEC.output: …`).
 */
function checked(spec, source) {
    const r = RunSpecSchema.safeParse(spec);
    if (r.success)
        return r.data;
    const i = r.error.issues[0];
    const field = i?.path.length ? `${source}.${i.path.join('.')}` : source;
    throw new ConfigError(`${field}: ${i?.message ?? 'invalid'}`, { key: field });
}
/** Which files of a run directory its archive keeps: `outputs` globs, plus metrics.json and logs.txt. */
function keepFilter(outputs) {
    if (outputs.length === 0)
        return undefined;
    const res = outputs.map(g => picomatch.makeRe(g, { dot: true }));
    return rel => rel === 'metrics.json' || rel === 'logs.txt' || res.some(r => r.test(rel));
}
/** seed 000's command line for a run: `--experiment X --run_index N --seed S --override-<key> <value> …`. */
function containerMainArgs(s) {
    const out = ['--experiment', s.experiment, '--run_index', String(s.index), '--seed', String(s.seed)];
    for (const [k, v] of Object.entries(s.params))
        out.push(`--override-${k.replace(/_/g, '-')}`, String(v));
    return out;
}
/** `TRAINER_*` variables of a run (always set; the only channel with args-style env). */
function runEnv(s, runDir) {
    const env = {
        TRAINER_RUN_DIR: runDir,
        TRAINER_EXPERIMENT: s.experiment,
        TRAINER_RUN_INDEX: String(s.index),
        TRAINER_SEED: String(s.seed),
        TRAINER_RUN_SPEC: JSON.stringify(s),
    };
    for (const [k, v] of Object.entries(s.params))
        env[`TRAINER_PARAM_${k.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = String(v);
    return env;
}


/***/ })

};
