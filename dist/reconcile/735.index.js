export const id = 735;
export const ids = [735];
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
// EXTERNAL MODULE: ./src/runner/spec.ts + 2 modules
var spec = __webpack_require__(1489);
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


/***/ })

};
