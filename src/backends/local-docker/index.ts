import type Docker from 'dockerode'
import type {BackendConfig} from '../../config/backends.js'
import {getErrorMessage} from '../../kit/errors.js'
import {needed, type LocalDeps} from '../local/index.js'
import {pooledBackend} from '../pooled.js'
import type {Backend, Handle} from '../types.js'
import {dockerExecutor} from './executor.js'

function containerOf(h: Handle): string | undefined {
  const id = h.kind === 'local-docker' ? h.native.container : undefined
  return typeof id === 'string' && /^[0-9a-f]+$/.test(id) ? id : undefined
}

/** The local-docker backend: each run is a container of the run's image on the local engine. */
export function createBackend(name: string, config: BackendConfig, deps: LocalDeps): Backend {
  let engine: Promise<Docker> | undefined
  // dockerode loads only when a container is started or asked about
  const docker = (env: Readonly<Record<string, string | undefined>>): Promise<Docker> =>
    (engine ??= import('../../image/docker.js').then(async ({connectDocker, pingDocker}) => {
      const {docker: d, host} = connectDocker(env)
      await pingDocker(d, host)
      return d
    }))
  const network = config.type === 'local-docker' ? config.network : undefined
  return pooledBackend({
    type: 'local-docker',
    name,
    parallel: config.type === 'local-docker' ? config.parallel : undefined,
    executor: async (ctx, resultsRoot) => {
      const net = network ?? ctx.env.TRAINER_DOCKER_NETWORK
      return dockerExecutor({
        docker: await docker(ctx.env),
        runnerDir: needed(deps.runnerDir, 'runner directory'),
        runner: config.type === 'local-docker' ? config.runner : undefined,
        resultsRoot,
        env: ctx.env,
        ...(net ? {network: net} : {}),
      })
    },
    alive: async (h, ctx) => {
      const id = containerOf(h)
      if (!id) return undefined
      const c = (await docker(ctx.env)).getContainer(id)
      try {
        const info = await c.inspect()
        if (info.State.Running) return true
        // an ended container the launcher did not live to remove
        await c.remove({force: true}).catch(() => undefined)
        return false
      } catch (e: unknown) {
        if ((e as {statusCode?: number}).statusCode === 404) return false
        ctx.warn(`container ${id.slice(0, 12)}: ${getErrorMessage(e)}`)
        return undefined
      }
    },
    stop: async (h, ctx) => {
      const id = containerOf(h)
      if (!id) return 'unknown'
      // a container id is unique on its engine: it cannot be reused by a stranger
      return (await docker(ctx.env))
        .getContainer(id)
        .kill({signal: 'SIGTERM'})
        .then(
          () => 'sent' as const,
          () => 'gone' as const,
        )
    },
  })
}
