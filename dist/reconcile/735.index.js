export const id = 735;
export const ids = [735,449];
export const modules = {

/***/ 3735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createBackend: () => (/* binding */ createBackend)
});

// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(3713);
// EXTERNAL MODULE: ./src/backends/local/index.ts
var local = __webpack_require__(7449);
// EXTERNAL MODULE: ./src/backends/pooled.ts
var pooled = __webpack_require__(2534);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/runner/spec.ts
var spec = __webpack_require__(6979);
// EXTERNAL MODULE: ./src/kit/safe-fs.ts
var safe_fs = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/backends/env.ts
var env = __webpack_require__(4534);
// EXTERNAL MODULE: ./src/backends/pool.ts
var pool = __webpack_require__(6919);
;// CONCATENATED MODULE: ./src/backends/local-docker/executor.ts








/** Where the `trainer run` bundle and the results root appear inside a run's container. */
const RUNNER_MOUNT = '/opt/trainer-run';
const RESULTS_MOUNT = '/results';
/** Bytes in `16G`, `512M`, `1.5Gi`. */
function bytes(size) {
    if (!size)
        return undefined;
    const m = /^(\d+(?:\.\d+)?)([KMGT])i?B?$/i.exec(size);
    if (!m)
        return undefined;
    return Math.round(Number(m[1]) * 1024 ** ('KMGT'.indexOf(m[2].toUpperCase()) + 1));
}
/** Splits the engine's multiplexed log stream (8-byte frame headers) into text. */
function demux(buf) {
    let out = '';
    for (let i = 0; i + 8 <= buf.length;) {
        const size = buf.readUInt32BE(i + 4);
        out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
        i += 8 + size;
    }
    return out;
}
/**
 * The `trainer run` bundle as a tar for the engine's archive API: copied into each container
 * before it starts (the engine may be another machine, so nothing of this one is mounted).
 */
async function runnerArchive(runnerDir) {
    const tar = (0,tar_stream.pack)();
    const names = (await (0,promises_.readdir)(runnerDir)).filter(n => n.endsWith('.js') || n === 'package.json');
    if (!names.includes('index.js'))
        throw new Error(`${runnerDir} has no trainer run bundle (npm run build)`);
    for (const n of names)
        tar.entry({ name: `${RUNNER_MOUNT.slice(1)}/${n}`, mode: 0o644 }, await (0,promises_.readFile)((0,external_node_path_.join)(runnerDir, n)));
    tar.finalize();
    const chunks = [];
    for await (const c of tar)
        chunks.push(c);
    return Buffer.concat(chunks);
}
/**
 * The local-docker backend's executor: each run is a container of the run's image on the
 * local engine, with its own run directory mounted at /results/<output>. With `runner:
 * trainer` (the default) the container runs the `trainer run` bundle, copied into it before
 * it starts (the image needs Node), so the contract and exit codes are the same as on the
 * local backend. With `runner: direct` it runs the experiment's command with seed 000's
 * arguments: an image whose entry point implements the contract itself (container_main.py)
 * needs no Node. Resources become container limits; `gpus` a device request for the NVIDIA
 * runtime.
 */
function dockerExecutor(o) {
    let archive;
    const direct = o.runner === 'direct';
    return {
        async start(req) {
            const { run } = req;
            if (!run.image)
                throw new errors/* ConfigError */.xL('the local-docker backend needs an image (--image, or image.name in trainer.yml)', {
                    key: 'image',
                });
            const runDir = (0,safe_fs/* inside */.nx)(o.resultsRoot, run.output);
            await (0,safe_fs/* makeDirs */.X2)(runDir);
            const memory = bytes(run.resources.memory);
            const gpus = run.resources.gpus ?? 0;
            let container;
            try {
                container = await o.docker.createContainer({
                    name: `trainer-${run.id}`.replace(/[^A-Za-z0-9_.-]/g, '-'),
                    Image: run.image,
                    ...(direct
                        ? {
                            Entrypoint: [run.command[0]],
                            Cmd: [...run.command.slice(1), ...(0,spec/* containerMainArgs */.cR)((0,pool/* specOf */.rI)(run)), '--results-root', RESULTS_MOUNT],
                        }
                        : {
                            Entrypoint: ['node'],
                            Cmd: [
                                `${RUNNER_MOUNT}/index.js`,
                                '--results-root',
                                RESULTS_MOUNT,
                                ...(req.gracePeriod === undefined ? [] : ['--grace-period', String(req.gracePeriod)]),
                            ],
                        }),
                    Env: Object.entries({ ...(0,env/* runEnvironment */.t7)(o.env ?? {}, run.env, { container: true }), ...req.env }).map(([k, v]) => `${k}=${v}`),
                    Labels: { 'trainer.run': run.id, 'trainer.experiment': run.experiment },
                    HostConfig: {
                        // tini as PID 1: signals reach `trainer run` at every moment, zombies are reaped
                        Init: true,
                        // only this run's own directory: a run cannot touch (or forge) its siblings' results
                        Binds: [`${runDir}:${RESULTS_MOUNT}/${run.output}`],
                        NetworkMode: o.network ?? 'bridge',
                        ...(memory === undefined ? {} : { Memory: memory }),
                        ...(run.resources.cpus === undefined ? {} : { NanoCpus: Math.round(run.resources.cpus * 1e9) }),
                        ...(gpus > 0 ? { DeviceRequests: [{ Driver: 'nvidia', Count: gpus, Capabilities: [['gpu']] }] } : {}),
                    },
                });
            }
            catch (e) {
                const status = e.statusCode;
                const msg = e.json?.message ?? (0,errors/* getErrorMessage */.u1)(e);
                throw new errors/* ServiceError */._7('Docker engine', `create container for ${run.id}`, status === 404 ? `${msg} (build it first: trainer build)` : msg, { cause: e });
            }
            try {
                if (!direct)
                    await container.putArchive(await (archive ??= runnerArchive(o.runnerDir)), { path: '/' });
                await container.start();
            }
            catch (e) {
                await container.remove({ force: true }).catch(() => undefined);
                const msg = e.json?.message ?? (0,errors/* getErrorMessage */.u1)(e);
                throw new errors/* ServiceError */._7('Docker engine', `start container for ${run.id}`, msg, { cause: e });
            }
            const tail = (0,pool/* lineTail */.f7)();
            let stopping = false;
            const done = (async () => {
                const r = (await container.wait());
                try {
                    tail.push(demux(await container.logs({ stdout: false, stderr: true, tail: 15 })));
                }
                catch {
                    // logs are best-effort
                }
                await container.remove({ force: true }).catch(() => undefined);
                // killed by the engine after our stop (143 SIGTERM, 137 SIGKILL): interrupted
                const killed = stopping && (r.StatusCode === 143 || r.StatusCode === 137);
                return { code: killed ? null : r.StatusCode, signal: killed ? 'SIGTERM' : null };
            })();
            return {
                handle: { v: 1, kind: 'local-docker', attempt: 1, native: { container: container.id } },
                done,
                // SIGTERM, then SIGKILL once the grace period (plus a margin) is over
                stop: () => {
                    stopping = true;
                    void container.stop({ t: (req.gracePeriod ?? 30) + 5 }).catch(() => undefined);
                },
                tail: tail.lines,
            };
        },
    };
}

;// CONCATENATED MODULE: ./src/backends/local-docker/index.ts




function containerOf(h) {
    const id = h.kind === 'local-docker' ? h.native.container : undefined;
    return typeof id === 'string' && /^[0-9a-f]+$/.test(id) ? id : undefined;
}
/** The local-docker backend: each run is a container of the run's image on the local engine. */
function createBackend(name, config, deps) {
    let engine;
    // dockerode loads only when a container is started or asked about
    const docker = (env) => (engine ??= Promise.all(/* import() */[__webpack_require__.e(472), __webpack_require__.e(40), __webpack_require__.e(957)]).then(__webpack_require__.bind(__webpack_require__, 6957)).then(async ({ connectDocker, pingDocker }) => {
        const { docker: d, host } = connectDocker(env);
        await pingDocker(d, host);
        return d;
    }));
    const network = config.type === 'local-docker' ? config.network : undefined;
    return (0,pooled/* pooledBackend */.A)({
        type: 'local-docker',
        name,
        parallel: config.type === 'local-docker' ? config.parallel : undefined,
        executor: async (ctx, resultsRoot) => {
            const net = network ?? ctx.env.TRAINER_DOCKER_NETWORK;
            return dockerExecutor({
                docker: await docker(ctx.env),
                runnerDir: (0,local.needed)(deps.runnerDir, 'runner directory'),
                runner: config.type === 'local-docker' ? config.runner : undefined,
                resultsRoot,
                env: ctx.env,
                ...(net ? { network: net } : {}),
            });
        },
        alive: async (h, ctx) => {
            const id = containerOf(h);
            if (!id)
                return undefined;
            const c = (await docker(ctx.env)).getContainer(id);
            try {
                const info = await c.inspect();
                if (info.State.Running)
                    return true;
                // an ended container the launcher did not live to remove
                await c.remove({ force: true }).catch(() => undefined);
                return false;
            }
            catch (e) {
                if (e.statusCode === 404)
                    return false;
                ctx.warn(`container ${id.slice(0, 12)}: ${(0,errors/* getErrorMessage */.u1)(e)}`);
                return undefined;
            }
        },
        stop: async (h, ctx) => {
            const id = containerOf(h);
            if (!id)
                return 'unknown';
            // a container id is unique on its engine: it cannot be reused by a stranger
            return (await docker(ctx.env))
                .getContainer(id)
                .kill({ signal: 'SIGTERM' })
                .then(() => 'sent', () => 'gone');
        },
    });
}


/***/ }),

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
