import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type Docker from 'dockerode'
import {pack} from 'tar-stream'
import {containerMainArgs} from '../../runner/spec.js'
import {inside, makeDirs} from '../../kit/safe-fs.js'
import {ConfigError, ServiceError, getErrorMessage} from '../../kit/errors.js'
import {runEnvironment} from '../env.js'
import {lineTail, specOf, type Executor} from '../pool.js'

/** Where the `trainer run` bundle and the results root appear inside a run's container. */
export const RUNNER_MOUNT = '/opt/trainer-run'
export const RESULTS_MOUNT = '/results'

/** Bytes in `16G`, `512M`, `1.5Gi`. */
export function bytes(size: string | undefined): number | undefined {
  if (!size) return undefined
  const m = /^(\d+(?:\.\d+)?)([KMGT])i?B?$/i.exec(size)
  if (!m) return undefined
  return Math.round(Number(m[1]) * 1024 ** ('KMGT'.indexOf(m[2]!.toUpperCase()) + 1))
}

/** Splits the engine's multiplexed log stream (8-byte frame headers) into text. */
export function demux(buf: Buffer): string {
  let out = ''
  for (let i = 0; i + 8 <= buf.length;) {
    const size = buf.readUInt32BE(i + 4)
    out += buf.subarray(i + 8, i + 8 + size).toString('utf8')
    i += 8 + size
  }
  return out
}

/**
 * The `trainer run` bundle as a tar for the engine's archive API: copied into each container
 * before it starts (the engine may be another machine, so nothing of this one is mounted).
 */
async function runnerArchive(runnerDir: string): Promise<Buffer> {
  const tar = pack()
  const names = (await readdir(runnerDir)).filter(n => n.endsWith('.js') || n === 'package.json')
  if (!names.includes('index.js')) throw new Error(`${runnerDir} has no trainer run bundle (npm run build)`)
  for (const n of names)
    tar.entry({name: `${RUNNER_MOUNT.slice(1)}/${n}`, mode: 0o644}, await readFile(join(runnerDir, n)))
  tar.finalize()
  const chunks: Buffer[] = []
  for await (const c of tar) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
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
export function dockerExecutor(o: {
  docker: Docker
  runnerDir: string
  resultsRoot: string
  runner?: 'trainer' | 'direct' | undefined
  network?: string
  /** The launcher's environment: only the variables the experiment names reach the container. */
  env?: Readonly<Record<string, string | undefined>>
}): Executor {
  let archive: Promise<Buffer> | undefined
  const direct = o.runner === 'direct'
  return {
    async start(req) {
      const {run} = req
      if (!run.image)
        throw new ConfigError('the local-docker backend needs an image (--image, or image.name in trainer.yml)', {
          key: 'image',
        })
      const runDir = inside(o.resultsRoot, run.output)
      await makeDirs(runDir)
      const memory = bytes(run.resources.memory)
      const gpus = run.resources.gpus ?? 0
      let container: Docker.Container
      try {
        container = await o.docker.createContainer({
          name: `trainer-${run.id}`.replace(/[^A-Za-z0-9_.-]/g, '-'),
          Image: run.image,
          ...(direct
            ? {
                Entrypoint: [run.command[0]!],
                Cmd: [...run.command.slice(1), ...containerMainArgs(specOf(run)), '--results-root', RESULTS_MOUNT],
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
          Env: Object.entries({...runEnvironment(o.env ?? {}, run.env, {container: true}), ...req.env}).map(
            ([k, v]) => `${k}=${v}`,
          ),
          Labels: {'trainer.run': run.id, 'trainer.experiment': run.experiment},
          HostConfig: {
            // tini as PID 1: signals reach `trainer run` at every moment, zombies are reaped
            Init: true,
            // only this run's own directory: a run cannot touch (or forge) its siblings' results
            Binds: [`${runDir}:${RESULTS_MOUNT}/${run.output}`],
            NetworkMode: o.network ?? 'bridge',
            ...(memory === undefined ? {} : {Memory: memory}),
            ...(run.resources.cpus === undefined ? {} : {NanoCpus: Math.round(run.resources.cpus * 1e9)}),
            ...(gpus > 0 ? {DeviceRequests: [{Driver: 'nvidia', Count: gpus, Capabilities: [['gpu']]}]} : {}),
          },
        })
      } catch (e: unknown) {
        const status = (e as {statusCode?: number}).statusCode
        const msg = (e as {json?: {message?: string}}).json?.message ?? getErrorMessage(e)
        throw new ServiceError(
          'Docker engine',
          `create container for ${run.id}`,
          status === 404 ? `${msg} (build it first: trainer build)` : msg,
          {cause: e},
        )
      }
      try {
        if (!direct) await container.putArchive(await (archive ??= runnerArchive(o.runnerDir)), {path: '/'})
        await container.start()
      } catch (e: unknown) {
        await container.remove({force: true}).catch(() => undefined)
        const msg = (e as {json?: {message?: string}}).json?.message ?? getErrorMessage(e)
        throw new ServiceError('Docker engine', `start container for ${run.id}`, msg, {cause: e})
      }
      const tail = lineTail()
      let stopping = false
      const done = (async () => {
        const r = (await container.wait()) as {StatusCode: number}
        try {
          tail.push(demux(await container.logs({stdout: false, stderr: true, tail: 15})))
        } catch {
          // logs are best-effort
        }
        await container.remove({force: true}).catch(() => undefined)
        // killed by the engine after our stop (143 SIGTERM, 137 SIGKILL): interrupted
        const killed = stopping && (r.StatusCode === 143 || r.StatusCode === 137)
        return {code: killed ? null : r.StatusCode, signal: killed ? ('SIGTERM' as const) : null}
      })()
      return {
        handle: {v: 1, kind: 'local-docker', attempt: 1, native: {container: container.id}},
        done,
        // SIGTERM, then SIGKILL once the grace period (plus a margin) is over
        stop: () => {
          stopping = true
          void container.stop({t: (req.gracePeriod ?? 30) + 5}).catch(() => undefined)
        },
        tail: tail.lines,
      }
    },
  }
}
