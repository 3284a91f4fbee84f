/**
 * What the two local backends share: their runs are the launcher's own work, a few at a time
 * through the pool (src/backends/pool.ts), each writing its results under the launch's results
 * root on this machine. They differ only in how a run starts (a process, a container), how
 * to tell whether it still runs, and how to stop it.
 */
import {join} from 'node:path'
import {readInside} from '../kit/safe-fs.js'
import {readRunMetrics, stateOfStatus} from './outcome.js'
import {runPool, type Executor} from './pool.js'
import {launchRecord} from './reconcile.js'
import {
  parseHandle,
  type Backend,
  type BackendType,
  type CancelOutcome,
  type Handle,
  type LaunchContext,
  type Observation,
} from './types.js'

export interface PooledOptions {
  type: BackendType
  name: string
  /** Runs at a time (the backend's `parallel`; the launch's own setting wins). */
  parallel: number | undefined
  executor: (ctx: LaunchContext, resultsRoot: string) => Promise<Executor>
  /** Whether the run a handle names still runs: true, false, or undefined (cannot tell from here). */
  alive: (h: Handle, ctx: LaunchContext) => Promise<boolean | undefined>
  /** Asks it to stop (SIGTERM: the run gets its grace period). */
  stop: (h: Handle, ctx: LaunchContext) => Promise<'sent' | 'gone' | 'unknown'>
}

const LOG_TAIL_BYTES = 64 << 10

function resultsRootOf(ctx: LaunchContext): string {
  const root = launchRecord(ctx.launch).resultsRoot
  if (!root) throw new Error(`launch ${ctx.launch.id} records no results root`)
  return root
}

export function pooledBackend(o: PooledOptions): Backend {
  return {
    type: o.type,
    name: o.name,
    remote: false,
    async submit(ctx, runs) {
      const root = resultsRootOf(ctx)
      const executor = await o.executor(ctx, root)
      const wanted = new Set(runs.map(r => r.id))
      await runPool({
        plan: {...ctx.launch.plan, runs: ctx.launch.plan.runs.filter(r => wanted.has(r.id))},
        ledger: ctx.ledger,
        resultsRoot: root,
        parallel: ctx.parallel ?? o.parallel ?? 2,
        executor,
        signals: ctx.signals,
        progress: e => ctx.progress?.(e),
        gracePeriod: ctx.gracePeriod,
      })
      // the pool recorded every run itself, handles included
      return []
    },
    async poll(ctx, runs) {
      const {resultsRoot: root, launcher} = launchRecord(ctx.launch)
      const gone = launcher ? `its launcher (pid ${launcher.pid}) is gone` : 'its launcher is gone'
      const seen = new Map<string, Observation>()
      for (const r of runs) {
        const h = parseHandle(r.handle)
        const alive = h ? await o.alive(h, ctx) : undefined
        if (alive === true) {
          seen.set(r.id, {state: 'RUNNING'})
          continue
        }
        const read = root ? await readRunMetrics(root, r.output) : {problem: 'no results root'}
        // a run that cannot be checked from here counts as ended only once it has left its result
        if (alive === undefined && r.handle !== undefined && !read.metrics) continue
        const m = read.metrics
        seen.set(
          r.id,
          m
            ? {state: stateOfStatus(m.status), exitCode: m.exit_code, reason: m.reason ?? undefined}
            : {
                state: r.state === 'STARTING' ? 'ERROR' : 'FAILED',
                reason: `${gone} and the run left no result (${read.problem})`,
              },
        )
      }
      return seen
    },
    async cancel(ctx, runs) {
      const out = new Map<string, CancelOutcome>()
      // a run still starting has no handle yet: its launcher stops it once it starts
      for (const r of runs) {
        const h = parseHandle(r.handle)
        out.set(r.id, h ? await o.stop(h, ctx) : r.handle === undefined ? 'sent' : 'unknown')
      }
      return out
    },
    async collect(ctx, run) {
      const root = resultsRootOf(ctx)
      const read = await readRunMetrics(root, run.output)
      let logTail: string[] = []
      try {
        const log = await readInside(root, `${run.output}/logs.txt`, {maxBytes: LOG_TAIL_BYTES, from: 'end'})
        logTail = log.text.split('\n').filter(Boolean).slice(-15)
      } catch {
        // no log (yet): nothing to show
      }
      return {metrics: read.metrics, problem: read.problem, logTail, resultUrl: join(root, run.output)}
    },
    links(ctx, run) {
      const root = launchRecord(ctx.launch).resultsRoot
      return root ? {log: join(root, run.output, 'logs.txt'), artifacts: join(root, run.output)} : {}
    },
  }
}
