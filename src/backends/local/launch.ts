import {spawn, type ChildProcess} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {IllegalTransitionError} from '../../ledger/errors.js'
import type {Ledger} from '../../ledger/ledger.js'
import type {RunState} from '../../ledger/states.js'
import type {Plan, Run} from '../../plan/types.js'
import type {RunSpec} from '../../runner/spec.js'

export interface ProgressEvent {
  run: Run
  state: RunState
  detail?: string | undefined
}

export interface LocalLaunchOptions {
  plan: Plan
  ledger: Ledger
  /** Absolute results root: run i writes `<root>/<run.output>`. */
  resultsRoot: string
  /** Runs at a time. */
  parallel: number
  /** How to start `trainer run` (e.g. `[node, dist/cli/index.js, 'run']`). */
  runner: readonly string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** Where SIGINT/SIGTERM arrive: a stop cancels queued runs and stops running ones. */
  signals: NodeJS.EventEmitter
  progress: (e: ProgressEvent) => void
  /** Seconds a stopped run gets before it is killed (passed to `trainer run`). */
  gracePeriod?: number
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
 * The local backend: runs a plan on this machine as `trainer run` processes, a few at
 * a time, recording every state change in the ledger. Runs the ledger no longer has
 * as CREATED (cancelled, or done by an earlier attempt of the same launch) are skipped.
 */
export async function launchLocal(o: LocalLaunchOptions): Promise<void> {
  const queue = [...o.plan.runs]
  const running = new Map<string, ChildProcess>()
  let stopping = false
  const stopAll = (sig: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    for (const r of queue.splice(0))
      if (move(o.ledger, r.id, 'CANCELLED', {reason: `launch stopped (${sig})`}))
        o.progress({run: r, state: 'CANCELLED'})
    for (const child of running.values()) child.kill('SIGTERM')
  }
  const onInt = (): void => stopAll('SIGINT')
  const onTerm = (): void => stopAll('SIGTERM')
  o.signals.on('SIGINT', onInt)
  o.signals.on('SIGTERM', onTerm)

  const one = async (r: Run): Promise<void> => {
    if (!move(o.ledger, r.id, 'STARTING')) return
    o.progress({run: r, state: 'STARTING'})
    const env: NodeJS.ProcessEnv = {...o.env, TRAINER_RUN_SPEC: JSON.stringify(specOf(r))}
    const limit = seconds(r.resources.time)
    if (limit !== undefined) env.RUN_TIMEOUT_SEC = String(limit)
    const args = [
      ...o.runner.slice(1),
      '--results-root',
      o.resultsRoot,
      ...(o.gracePeriod === undefined ? [] : ['--grace-period', String(o.gracePeriod)]),
    ]
    const child = spawn(o.runner[0]!, args, {cwd: o.cwd, env, stdio: ['ignore', 'ignore', 'pipe']})
    const tail: string[] = []
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (s: string) => {
      tail.push(...s.split('\n').filter(Boolean))
      tail.splice(0, Math.max(0, tail.length - 15))
    })
    const started = await new Promise<Error | undefined>(res => {
      child.once('spawn', () => res(undefined))
      child.once('error', e => res(e))
    })
    if (started) {
      move(o.ledger, r.id, 'ERROR', {reason: `cannot start trainer run: ${started.message}`})
      o.progress({run: r, state: 'ERROR', detail: started.message})
      return
    }
    running.set(r.id, child)
    if (move(o.ledger, r.id, 'RUNNING', {handle: `local:${child.pid}`})) o.progress({run: r, state: 'RUNNING'})
    const {code, signal} = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>(res =>
      child.once('close', (c, sig) => res({code: c, signal: sig})),
    )
    running.delete(r.id)
    let metrics: {status?: string; reason?: string | null; final?: Record<string, number>} = {}
    try {
      metrics = JSON.parse(await readFile(join(o.resultsRoot, r.output, 'metrics.json'), 'utf8')) as typeof metrics
    } catch {
      // the runner could not write it (it failed before the run directory existed)
    }
    // stopped before `trainer run` could catch the signal counts as interrupted too
    const interrupted = code === 130 || signal === 'SIGTERM' || signal === 'SIGINT'
    const to: RunState = code === 0 ? 'SUCCEEDED' : interrupted ? 'CANCELLED' : 'FAILED'
    const reason =
      code === 0
        ? undefined
        : (metrics.reason ??
          (signal ? `trainer run stopped by ${signal}` : (tail.at(-1) ?? `trainer run exited ${code}`)))
    const exitCode = code ?? (interrupted ? 130 : -1)
    const fields = {exitCode, metrics: metrics.final ?? {}, ...(reason === undefined ? {} : {reason})}
    // a `trainer cancel` from another process may have moved it to STOPPING; both lead here
    if (move(o.ledger, r.id, to, fields) || move(o.ledger, r.id, 'CANCELLED', fields)) {
      o.progress({run: r, state: to, detail: to === 'FAILED' ? tail.slice(-5).join('\n') : undefined})
    }
  }

  const workers = Array.from({length: Math.max(1, o.parallel)}, async () => {
    for (let r = queue.shift(); r; r = queue.shift()) await one(r)
  })
  try {
    await Promise.all(workers)
  } finally {
    o.signals.off('SIGINT', onInt)
    o.signals.off('SIGTERM', onTerm)
  }
}
