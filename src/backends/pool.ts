import {join} from 'node:path'
import {IllegalTransitionError, LedgerBusyError} from '../ledger/errors.js'
import type {Ledger} from '../ledger/ledger.js'
import type {RunState} from '../ledger/states.js'
import type {Plan, Run} from '../plan/types.js'
import type {RunSpec} from '../runner/spec.js'
import {readRunMetrics} from './outcome.js'
import {encodeHandle, type Handle} from './types.js'

export interface ProgressEvent {
  run: Run
  /** UNRECORDED: the run's state could not be written (the ledger stayed locked). */
  state: RunState | 'UNRECORDED'
  detail?: string | undefined
}

/** How one run was asked to start: `trainer run` takes the spec from TRAINER_RUN_SPEC. */
export interface StartRequest {
  run: Run
  /** TRAINER_RUN_SPEC, RUN_TIMEOUT_SEC. */
  env: Record<string, string>
  gracePeriod: number | undefined
}

/** A started run: its handle in the ledger, its end, and how to stop it. */
export interface Started {
  /** The process or container, as the ledger keeps it. */
  handle: Handle
  /** Ends with `trainer run`'s exit code, or the signal that ended it. */
  done: Promise<{code: number | null; signal: NodeJS.Signals | null}>
  /** Sends SIGTERM: `trainer run` passes it on and gives the training its grace period. */
  stop: () => void
  /** The last lines `trainer run` printed (for a failure message). */
  tail: () => string[]
  /** Where the run's results are, when not in the results root here. */
  resultUrl?: string
}

/** Where a backend runs `trainer run`: a process here, a container on the local engine… */
export interface Executor {
  /** Throws when the run cannot be started at all (the run becomes ERROR). */
  start(req: StartRequest): Promise<Started>
}

export interface PoolOptions {
  plan: Plan
  ledger: Ledger
  /** Absolute results root on this machine: run i ends up in `<root>/<run.output>`. */
  resultsRoot: string
  /** Runs at a time. */
  parallel: number
  executor: Executor
  /** Where SIGINT/SIGTERM arrive: a stop cancels queued runs and stops running ones. */
  signals: NodeJS.EventEmitter
  progress: (e: ProgressEvent) => void
  /** Seconds a stopped run gets before it is killed (passed to `trainer run`). */
  gracePeriod?: number | undefined
}

/** seconds in a Slurm-style `[D-]HH:MM[:SS]` or `90m` limit. */
export function seconds(time: string | undefined): number | undefined {
  if (!time) return undefined
  const unit = /^(\d+)([smhd])$/.exec(time)
  if (unit) return Number(unit[1]) * {s: 1, m: 60, h: 3600, d: 86400}[unit[2] as 's' | 'm' | 'h' | 'd']
  const m = /^(?:(\d+)-)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time)
  if (!m) return undefined
  const [, d, a, b, c] = m
  const [h, min, s] = c === undefined ? [Number(a), Number(b), 0] : [Number(a), Number(b), Number(c)]
  return Number(d ?? 0) * 86400 + h * 3600 + min * 60 + s
}

/** The spec `trainer run` takes from TRAINER_RUN_SPEC. */
export function specOf(r: Run): RunSpec {
  return {
    experiment: r.experiment,
    index: r.index,
    seed: r.seed,
    params: r.params,
    command: r.command,
    argsStyle: r.argsStyle,
    output: r.output,
    outputs: r.outputs,
  }
}

/** Moves a run in the ledger; false when another process moved it first (e.g. a cancel). */
function move(ledger: Ledger, id: string, to: RunState, fields?: Parameters<Ledger['transition']>[2]): boolean {
  try {
    ledger.transition(id, to, fields)
    return true
  } catch (e: unknown) {
    if (e instanceof IllegalTransitionError) return false
    throw e
  }
}

/**
 * Runs a plan's runs a few at a time through an executor, recording every state change
 * in the ledger. Runs the ledger no longer has as CREATED (cancelled, or done by an
 * earlier attempt of the same launch) are skipped. The outcome of a run is `trainer
 * run`'s exit code: 0 SUCCEEDED, 130 (or ended by SIGINT/SIGTERM) CANCELLED, else FAILED.
 */
export async function runPool(o: PoolOptions): Promise<void> {
  const queue = [...o.plan.runs]
  const running = new Map<string, Started>()
  let stopping = false
  const stopAll = (sig: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    for (const r of queue.splice(0))
      if (move(o.ledger, r.id, 'CANCELLED', {reason: `launch stopped (${sig})`}))
        o.progress({run: r, state: 'CANCELLED'})
    for (const s of running.values()) s.stop()
  }
  const onInt = (): void => stopAll('SIGINT')
  const onTerm = (): void => stopAll('SIGTERM')
  o.signals.on('SIGINT', onInt)
  o.signals.on('SIGTERM', onTerm)

  const one = async (r: Run): Promise<void> => {
    if (!move(o.ledger, r.id, 'STARTING')) return
    o.progress({run: r, state: 'STARTING'})
    const env: Record<string, string> = {TRAINER_RUN_SPEC: JSON.stringify(specOf(r))}
    const limit = seconds(r.resources.time)
    if (limit !== undefined) env.RUN_TIMEOUT_SEC = String(limit)
    let s: Started
    try {
      s = await o.executor.start({run: r, env, gracePeriod: o.gracePeriod})
    } catch (e: unknown) {
      const why = e instanceof Error ? e.message : String(e)
      move(o.ledger, r.id, 'ERROR', {reason: `cannot start: ${why}`})
      o.progress({run: r, state: 'ERROR', detail: why})
      return
    }
    running.set(r.id, s)
    if (stopping) s.stop()
    if (move(o.ledger, r.id, 'RUNNING', {handle: encodeHandle(s.handle)})) o.progress({run: r, state: 'RUNNING'})
    else s.stop() // cancelled while it was starting
    const {code, signal} = await s.done
    running.delete(r.id)
    // the run directory is the training's to write too: only a valid metrics.json counts
    const read = await readRunMetrics(o.resultsRoot, r.output)
    const metrics: {status?: string; reason?: string | null; final?: Record<string, number>} = read.metrics ?? {}
    const tail = s.tail()
    // stopped before `trainer run` could catch the signal counts as interrupted too
    const interrupted = code === 130 || code === 143 || signal === 'SIGTERM' || signal === 'SIGINT'
    // a run that hit its time limit did not finish: a failure, not a cancellation
    const timedOut = metrics.status === 'timeout'
    const to: RunState = code === 0 ? 'SUCCEEDED' : interrupted && !timedOut ? 'CANCELLED' : 'FAILED'
    const reason =
      code === 0
        ? undefined
        : (metrics.reason ??
          (signal
            ? `trainer run stopped by ${signal}`
            : `${tail.at(-1) ?? `trainer run exited ${code}`}${read.problem ? ` (${read.problem})` : ''}`))
    const exitCode = code ?? (interrupted ? 130 : -1)
    const fields = {
      exitCode,
      metrics: metrics.final ?? {},
      resultUrl: s.resultUrl ?? join(o.resultsRoot, r.output),
      ...(reason === undefined ? {} : {reason}),
    }
    // a `trainer cancel` from another process may have moved it to STOPPING; both lead here
    if (move(o.ledger, r.id, to, fields) || move(o.ledger, r.id, 'CANCELLED', fields)) {
      o.progress({run: r, state: to, detail: to === 'FAILED' ? tail.slice(-5).join('\n') : undefined})
    }
  }

  const workers = Array.from({length: Math.max(1, o.parallel)}, async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      try {
        await one(r)
      } catch (e: unknown) {
        const why = e instanceof Error ? e.message : String(e)
        // A ledger held by another process for too long: nothing could be written, and nothing
        // is written in its place (the run may well have succeeded); status --refresh settles it.
        if (e instanceof LedgerBusyError) {
          o.progress({run: r, state: 'UNRECORDED', detail: why})
          continue
        }
        // one run's trouble (a lost engine, a bug) is recorded, and the others go on
        try {
          o.ledger.transition(r.id, 'ERROR', {reason: why})
        } catch {
          // already final, or the ledger itself is the trouble
        }
        o.progress({run: r, state: 'ERROR', detail: why})
      }
    }
  })
  try {
    await Promise.all(workers)
  } finally {
    o.signals.off('SIGINT', onInt)
    o.signals.off('SIGTERM', onTerm)
  }
}

/** Keeps the last `n` lines of a text stream. */
export function lineTail(n = 15): {push: (text: string) => void; lines: () => string[]} {
  const tail: string[] = []
  return {
    push: text => {
      tail.push(...text.split('\n').filter(Boolean))
      tail.splice(0, Math.max(0, tail.length - n))
    },
    lines: () => [...tail],
  }
}
