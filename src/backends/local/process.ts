import {spawn} from 'node:child_process'
import {identify, type ProcessIdentity} from '../../kit/proc.js'
import {runEnvironment} from '../env.js'
import {lineTail, type Executor} from '../pool.js'
import type {Handle} from '../types.js'

/**
 * A local run's handle: the `trainer run` process's pid, start time, host, pid namespace and
 * boot id. The pid alone could name a stranger once the run has ended; with its start time,
 * and the place the pid was read in, it names one process only.
 */
export function localHandle(id: ProcessIdentity): Handle {
  return {v: 1, kind: 'local', attempt: 1, native: {...id}}
}

/** The process a local handle names. */
export function processOf(h: Handle | undefined): ProcessIdentity | undefined {
  const n = h?.kind === 'local' ? h.native : undefined
  if (!n || typeof n.pid !== 'number' || typeof n.host !== 'string') return undefined
  const opt = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
  return {pid: n.pid, host: n.host, start: opt(n.start), ns: opt(n.ns), boot: opt(n.boot)}
}

/**
 * The process a handle of an earlier release names (`local:<pid>:<start>@<host>#<ns>#<boot>`);
 * the oldest form (`local:<pid>`) gives an identity that is never alive.
 */
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
