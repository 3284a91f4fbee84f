import {spawn} from 'node:child_process'
import {lineTail, type Executor} from '../pool.js'

/**
 * The local backend's executor: each run is a `trainer run` process on this machine.
 * `runner` is how to start it, e.g. `[node, dist/cli/index.js, 'run']`.
 */
export function processExecutor(o: {
  runner: readonly string[]
  resultsRoot: string
  cwd: string
  env: NodeJS.ProcessEnv
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
        env: {...o.env, ...req.env},
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
      return {handle: `local:${child.pid}`, done, stop: () => void child.kill('SIGTERM'), tail: tail.lines}
    },
  }
}
