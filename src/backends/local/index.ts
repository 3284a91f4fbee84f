import {isAlive, signalVerified} from '../../kit/proc.js'
import type {BackendConfig} from '../../config/backends.js'
import {pooledBackend} from '../pooled.js'
import type {Backend} from '../types.js'
import {processExecutor, processOf} from './process.js'

/** What the launcher gives the local backends: how to start `trainer run`, and the launch's own settings. */
export interface LocalDeps {
  /** How to start `trainer run` for one run, e.g. `[node, dist/run/index.js]` (needed to start runs). */
  runner?: readonly string[] | undefined
  /** The directory of the `trainer run` bundle (dist/run), which runs elsewhere get a copy of. */
  runnerDir?: string | undefined
}

/** A dependency only starting runs needs (status and cancel do without). */
export function needed<T>(value: T | undefined, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`starting runs needs the ${what} (a launcher bug)`)
  return value
}

/** The local backend: each run is a `trainer run` process on this machine. */
export function createBackend(name: string, config: BackendConfig, deps: LocalDeps): Backend {
  return pooledBackend({
    type: 'local',
    name,
    parallel: config.type === 'local' ? config.parallel : undefined,
    executor: (ctx, resultsRoot) =>
      Promise.resolve(
        processExecutor({runner: needed(deps.runner, 'runner'), resultsRoot, cwd: ctx.workspace, env: ctx.env}),
      ),
    alive: h => {
      const p = processOf(h)
      return Promise.resolve(p ? isAlive(p) : undefined)
    },
    stop: h => {
      const p = processOf(h)
      return Promise.resolve(p ? signalVerified(p, 'SIGTERM') : 'unknown')
    },
  })
}
