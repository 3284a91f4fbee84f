export const id = 391;
export const ids = [391];
export const modules = {

/***/ 1391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RESULTS_MOUNT: () => (/* binding */ RESULTS_MOUNT),
/* harmony export */   RUNNER_MOUNT: () => (/* binding */ RUNNER_MOUNT),
/* harmony export */   bytes: () => (/* binding */ bytes),
/* harmony export */   demux: () => (/* binding */ demux),
/* harmony export */   dockerExecutor: () => (/* binding */ dockerExecutor)
/* harmony export */ });
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3131);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3713);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4534);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6919);




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
 * The local-docker backend's executor: each run is a container of the run's image on
 * the local engine, running the `trainer run` bundle (mounted read-only; the image
 * needs Node) with the results root mounted, so the contract and exit codes are the
 * same as on the local backend. Resources become container limits; `gpus` a device
 * request for the NVIDIA runtime.
 */
function dockerExecutor(o) {
    return {
        async start(req) {
            const { run } = req;
            if (!run.image)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('the local-docker backend needs an image (--image, or image.name in trainer.yml)', {
                    key: 'image',
                });
            const runDir = (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_0__/* .inside */ .nx)(o.resultsRoot, run.output);
            await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_0__/* .makeDirs */ .X2)(runDir);
            const memory = bytes(run.resources.memory);
            const gpus = run.resources.gpus ?? 0;
            let container;
            try {
                container = await o.docker.createContainer({
                    name: `trainer-${run.id}`.replace(/[^A-Za-z0-9_.-]/g, '-'),
                    Image: run.image,
                    Entrypoint: ['node'],
                    Cmd: [
                        `${RUNNER_MOUNT}/index.js`,
                        '--results-root',
                        RESULTS_MOUNT,
                        ...(req.gracePeriod === undefined ? [] : ['--grace-period', String(req.gracePeriod)]),
                    ],
                    Env: Object.entries({ ...(0,_env_js__WEBPACK_IMPORTED_MODULE_3__/* .runEnvironment */ .t7)(o.env ?? {}, run.env, { container: true }), ...req.env }).map(([k, v]) => `${k}=${v}`),
                    Labels: { 'trainer.run': run.id, 'trainer.experiment': run.experiment },
                    HostConfig: {
                        // tini as PID 1: signals reach `trainer run` at every moment, zombies are reaped
                        Init: true,
                        // only this run's own directory: a run cannot touch (or forge) its siblings' results
                        Binds: [`${o.runnerDir}:${RUNNER_MOUNT}:ro`, `${runDir}:${RESULTS_MOUNT}/${run.output}`],
                        NetworkMode: o.network ?? 'bridge',
                        ...(memory === undefined ? {} : { Memory: memory }),
                        ...(run.resources.cpus === undefined ? {} : { NanoCpus: Math.round(run.resources.cpus * 1e9) }),
                        ...(gpus > 0 ? { DeviceRequests: [{ Driver: 'nvidia', Count: gpus, Capabilities: [['gpu']] }] } : {}),
                    },
                });
            }
            catch (e) {
                const status = e.statusCode;
                const msg = e.json?.message ?? (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e);
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7('Docker engine', `create container for ${run.id}`, status === 404 ? `${msg} (build it first: trainer build)` : msg, { cause: e });
            }
            try {
                await container.start();
            }
            catch (e) {
                await container.remove({ force: true }).catch(() => undefined);
                const msg = e.json?.message ?? (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(e);
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._7('Docker engine', `start container for ${run.id}`, msg, { cause: e });
            }
            const tail = (0,_pool_js__WEBPACK_IMPORTED_MODULE_2__/* .lineTail */ .f7)();
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
                handle: `docker:${container.id}`,
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


/***/ })

};
