export const id = 449;
export const ids = [449];
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


/***/ })

};
