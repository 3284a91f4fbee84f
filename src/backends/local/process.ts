import {spawn} from 'node:child_process'
import {identify, type ProcessIdentity} from '../../kit/proc.js'
import {runEnvironment} from '../env.js'
import {lineTail, type Executor} from '../pool.js'

/**
 * A local run's handle: `local:<pid>:<start time>@<host>#<pid namespace>#<boot id>`. The pid
 * alone could name a stranger once the run has ended; with its start time, and the place the
 * pid was read in, it names one process only.
 */
export function localHandle(id: ProcessIdentity): string {
  return `local:${id.pid}:${id.start ?? ''}@${id.host}#${id.ns ?? ''}#${id.boot ?? ''}`
}

/** The process a local handle names; older releases' handles (`local:<pid>`) give an identity that is never alive. */
export function parseLocalHandle(handle: string | undefined): ProcessIdentity | undefined {
  const m = /^local:(\d+)(?::(\d*)@([^#]+)(?:#([^#]*)#(.*))?)?$/.exec(handle ?? '')
  if (!m) return undefined
  return {pid: Number(m[1]), start: m[2] || undefined, host: m[3] ?? '', ns: m[4] || undefined, boot: m[5] || undefined}
}

/**
 * The local backend's executor: each run is a `trainer run` process on this machine.
 * `runner` is how to start it, e.g. `[node, dist/cli/index.js, 'run']`. The run sees only
 * the base environment and the variables its experiment names (src/backends/env.ts).
 */
export function processExecutor(o: {
  runner: readonly string[]
  resultsRoot: string
  cwd: string
  env: Readonly<Record<string, string | undefined>>
}): Executor {
  return {
    async start(req) {
      const args = [
        ...o.runner.slice(1),
        '--results-root',
        o.resultsRoot,
        ...(req.gracePeriod === undefined ? [] : ['--grace-period', String(req.gracePeriod)]),
      ]
      const child = spawn(o.runner[0]!, args, {
        cwd: o.cwd,
        env: {...runEnvironment(o.env, req.run.env), ...req.env},
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      const tail = lineTail()
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (s: string) => tail.push(s))
      const done = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(res =>
        child.once('close', (code, signal) => res({code, signal})),
      )
      await new Promise<void>((res, rej) => {
        child.once('spawn', () => res())
        child.once('error', rej)
      })
      return {
        handle: localHandle(identify(child.pid!)),
        done,
        stop: () => void child.kill('SIGTERM'),
        tail: tail.lines,
      }
    },
  }
}
