/**
 * The launch driver: the one place that moves the ledger from what a backend says. It
 * submits (recording every handle as QUEUED), polls (one backend call for the whole launch),
 * collects a run's results when it ends, requeues runs the cluster lost within the retry
 * budget, and cancels (a request: runs become CANCELLED once observed so).
 *
 * Rules (docs/architecture.md, after SkyPilot and submitit):
 * - terminal states are sticky: a transition is a compare-and-set on the state last read;
 * - success comes from the run's own metrics.json, not from the scheduler's exit code;
 * - a run the backend does not mention is left as it is (absence is not death).
 */
import {IllegalTransitionError} from '../ledger/errors.js'
import type {LedgerRun, TransitionFields} from '../ledger/ledger.js'
import {isActive, isTerminal, type RunState} from '../ledger/states.js'
import {getErrorMessage} from '../kit/errors.js'
import {stateOfStatus} from './outcome.js'
import {
  encodeHandle,
  PartialSubmitError,
  type Backend,
  type LaunchContext,
  type Observation,
  type Submitted,
} from './types.js'

/** States in which a run is on its backend and worth asking about. */
const ON_BACKEND: readonly RunState[] = ['QUEUED', 'STARTING', 'RUNNING', 'PAUSED', 'STOPPING']

function move(ctx: LaunchContext, r: LedgerRun, to: RunState, fields: TransitionFields): boolean {
  try {
    ctx.ledger.transition(r.id, to, {...fields, expect: [r.state]})
    const run = ctx.progress && ctx.launch.plan.runs.find(x => x.id === r.id)
    if (run) ctx.progress?.({run, state: to, detail: to === 'FAILED' || to === 'QUEUED' ? fields.reason : undefined})
    return true
  } catch (e: unknown) {
    if (e instanceof IllegalTransitionError) return false
    throw e
  }
}

/**
 * Submits the launch's CREATED runs (and `extra` ones, e.g. runs to requeue) and records each
 * handle: the run becomes QUEUED. Idempotent through the backend: runs an earlier attempt
 * submitted are adopted, not submitted again. Returns how many were submitted and adopted.
 */
export async function submitLaunch(
  backend: Backend,
  ctx: LaunchContext,
  extra: readonly LedgerRun[] = [],
): Promise<{submitted: number; adopted: number}> {
  const runs = [...ctx.ledger.listRuns(ctx.launch.id).filter(r => r.state === 'CREATED'), ...extra]
  if (runs.length === 0) return {submitted: 0, adopted: 0}
  let placed: readonly Submitted[]
  let stopped: PartialSubmitError | undefined
  try {
    placed = await backend.submit(ctx, runs)
  } catch (e: unknown) {
    // what was placed before the trouble is recorded all the same, then the trouble is raised
    if (!(e instanceof PartialSubmitError)) throw e
    placed = e.placed
    stopped = e
  }
  const byId = new Map(runs.map(r => [r.id, r]))
  let submitted = 0
  let adopted = 0
  for (const p of placed) {
    const r = byId.get(p.runId)
    if (!r) continue
    if (
      move(ctx, r, 'QUEUED', {
        handle: encodeHandle(p.handle),
        attempt: p.handle.attempt,
        ...(ctx.imageDigest ? {imageDigest: ctx.imageDigest} : {}),
        reason: p.adopted ? 'submitted by an earlier attempt of this launch' : 'submitted',
      })
    ) {
      if (p.adopted) adopted++
      else submitted++
    }
  }
  if (stopped) throw stopped
  return {submitted, adopted}
}

export interface PollResult {
  /** Runs that changed state. */
  changed: number
  /** Runs still under way after the poll. */
  active: number
}

/** Moves a run to what the backend saw, collecting its results when it ended. */
async function apply(backend: Backend, ctx: LaunchContext, r: LedgerRun, o: Observation): Promise<boolean> {
  const native = o.native === undefined ? {} : {nativeState: o.native}
  if (!isTerminal(o.state) && o.state !== 'ERROR') {
    if (o.state === r.state) {
      ctx.ledger.observe(r.id, r.state, {...native, reason: o.reason})
      return false
    }
    return move(ctx, r, o.state, {...native, polled: true, ...(o.reason ? {reason: o.reason} : {})})
  }
  // it ended: its own record says how
  const res = await backend.collect(ctx, r).catch((e: unknown) => ({
    metrics: undefined,
    problem: `its results cannot be read: ${getErrorMessage(e)}`,
    logTail: [] as string[],
    resultUrl: undefined,
  }))
  ctx.collected?.(r, res)
  const m = res.metrics
  let to: RunState = o.state
  // the scheduler says how the job script ended; metrics.json says how the training did
  if (o.state === 'SUCCEEDED' || o.state === 'FAILED') to = m ? stateOfStatus(m.status) : 'FAILED'
  if (o.state === 'CANCELLED' && m?.status === 'succeeded') to = 'SUCCEEDED'
  const own =
    to === 'SUCCEEDED'
      ? undefined
      : (m?.reason ??
        // without the run's own record, everything that says why: the backend's word, what is
        // missing, and the last thing the job printed (an export error, `Argument list too long`)
        [o.reason, res.problem && to !== 'CANCELLED' ? res.problem : undefined, res.logTail.at(-1)]
          .filter((x, i, all): x is string => !!x && !all.slice(0, i).some(y => y?.includes(x)))
          .join('; '))
  // a run stopped on request says who asked first (`cancelled by …`), then how it ended (`interrupted (SIGTERM)`)
  const asked = r.state === 'STOPPING' && to === 'CANCELLED' ? r.reason : undefined
  const reason = asked && !own?.includes(asked) ? [asked, own].filter(Boolean).join('; ') : own
  const fields: TransitionFields = {
    ...native,
    polled: true,
    links: backend.links(ctx, r) as Record<string, string>,
    ...(m ? {metrics: m.final, exitCode: m.exit_code} : o.exitCode === undefined ? {} : {exitCode: o.exitCode}),
    ...(res.resultUrl ? {resultUrl: res.resultUrl} : {}),
    ...(reason ? {reason} : {}),
  }
  if (move(ctx, r, to, fields)) return true
  // STOPPING (a cancel was asked for) may end in any of them; QUEUED … may not reach ERROR directly
  return to !== 'CANCELLED' && move(ctx, r, 'CANCELLED', fields)
}

/**
 * Asks the backend about every run of the launch that is on it, once, and moves the ledger.
 * Runs lost by the cluster (preempted, node failure) are submitted again while their
 * attempts stay within `retries`; beyond that (or with `retries` 0) they are FAILED with why.
 */
export async function pollLaunch(backend: Backend, ctx: LaunchContext, retries = 2): Promise<PollResult> {
  const on = ctx.ledger.listRuns(ctx.launch.id).filter(r => ON_BACKEND.includes(r.state))
  let changed = 0
  if (on.length) {
    const seen = await backend.poll(ctx, on)
    const requeue: LedgerRun[] = []
    for (const r of on) {
      const o = seen.get(r.id)
      if (!o) continue
      if (o.requeue) {
        if (r.attempt <= retries) {
          if (
            move(ctx, r, 'ERROR', {
              reason: `${o.reason ?? o.native ?? 'lost'}; submitting again`,
              nativeState: o.native ?? '',
            })
          )
            requeue.push({...r, state: 'ERROR'})
        } else {
          const lost = o.reason ?? 'lost by the cluster'
          const reason = retries > 0 ? `${lost} after ${r.attempt} attempts` : `${lost}; not submitted again`
          if (move(ctx, r, 'FAILED', {reason})) changed++
        }
        continue
      }
      if (await apply(backend, ctx, r, o)) changed++
    }
    if (requeue.length) {
      await submitLaunch(
        backend,
        ctx,
        requeue.map(r => ctx.ledger.getRun(r.id) ?? r),
      )
      changed += requeue.length
    }
  }
  ctx.ledger.finishLaunch(ctx.launch.id)
  const active = ctx.ledger.listRuns(ctx.launch.id).filter(r => isActive(r.state)).length
  return {changed, active}
}

const CANCELLABLE: readonly RunState[] = ['QUEUED', 'STARTING', 'RUNNING', 'PAUSED']

/**
 * Cancels the launch's runs: CREATED ones at once; those on the backend are asked to stop, in
 * one backend call (STOPPING), and become CANCELLED when a poll sees them so. A run its
 * launcher moves meanwhile is read again; a run the backend cannot check from here is left
 * alone, with a warning.
 */
export async function cancelLaunch(
  backend: Backend,
  ctx: LaunchContext,
  reason = 'cancelled',
): Promise<{cancelled: number; stopping: number}> {
  let cancelled = 0
  let stopping = 0
  const asked: LedgerRun[] = []
  for (const listed of ctx.ledger.listRuns(ctx.launch.id)) {
    // a CREATED run its launcher starts meanwhile is stopped like the others
    const r =
      listed.state === 'CREATED' && !move(ctx, listed, 'CANCELLED', {reason}) ? ctx.ledger.getRun(listed.id) : listed
    if (r === listed && listed.state === 'CREATED') cancelled++
    else if (r && CANCELLABLE.includes(r.state)) asked.push(r)
  }
  if (asked.length) {
    const outcomes = await backend.cancel(ctx, asked)
    for (const a of asked) {
      const outcome = outcomes.get(a.id) ?? 'unknown'
      if (outcome === 'unknown') {
        ctx.warn(`run ${a.id}: it cannot be checked from here (${a.handle ?? 'no handle'}): not stopped`)
        continue
      }
      const why = outcome === 'sent' ? reason : `${reason}; it had already ended`
      // STARTING may become RUNNING under our feet: read again, a few times
      for (let tries = 0, r: LedgerRun | undefined = a; tries < 5 && r && CANCELLABLE.includes(r.state); tries++) {
        if (move(ctx, r, 'STOPPING', {reason: why})) {
          stopping++
          break
        }
        r = ctx.ledger.getRun(a.id)
      }
    }
  }
  ctx.ledger.finishLaunch(ctx.launch.id)
  return {cancelled, stopping}
}

export interface WatchOptions {
  /** The steady interval between polls, in seconds (the backend's poll-interval). */
  interval: number
  /** Requeue budget. */
  retries?: number | undefined
  /** Gives up waiting (the runs go on) at this time (ms since the epoch). */
  deadline?: number | undefined
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  onPoll?: (r: PollResult) => void
}

/**
 * The delay before poll n (0-based): 2, 4, 8, 16 s after a submission (a new job is worth
 * watching closely), then the steady interval, each with up to 20% jitter so that many
 * launchers do not poll in step.
 */
export function pollDelay(n: number, interval: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** (n + 1), interval)
  return Math.round(base * 1000 * (1 + 0.2 * random()))
}

/**
 * Polls until no run is under way, or the deadline passes. A SIGINT/SIGTERM on
 * `ctx.signals` cancels the launch (once) and goes on polling until the cancel is seen.
 * A poll that fails (the login node unreachable for a while) is reported and retried.
 */
export async function watchLaunch(backend: Backend, ctx: LaunchContext, o: WatchOptions): Promise<'done' | 'deadline'> {
  let stop: Promise<void> | undefined
  let wake: (() => void) | undefined
  const onSignal = (): void => {
    if (stop) return
    ctx.log('stopping: cancelling the launch’s runs on the backend')
    stop = cancelLaunch(backend, ctx, 'launch stopped').then(
      () => undefined,
      (e: unknown) => ctx.warn(`cancel: ${getErrorMessage(e)}`),
    )
    wake?.()
  }
  ctx.signals.on('SIGINT', onSignal)
  ctx.signals.on('SIGTERM', onSignal)
  try {
    for (let n = 0; ; n++) {
      if (stop) await stop
      try {
        const r = await pollLaunch(backend, ctx, o.retries)
        o.onPoll?.(r)
        if (r.active === 0) return 'done'
      } catch (e: unknown) {
        ctx.warn(`poll failed (will try again): ${getErrorMessage(e)}`)
      }
      if (o.deadline !== undefined && Date.now() >= o.deadline) return 'deadline'
      const delay = pollDelay(n, o.interval, o.random)
      // a signal wakes the wait at once; no timer is left behind to hold the process
      await new Promise<void>(res => {
        const t = o.sleep ? undefined : setTimeout(res, delay)
        wake = () => {
          clearTimeout(t)
          res()
        }
        if (o.sleep) void o.sleep(delay).then(res)
      })
    }
  } finally {
    ctx.signals.off('SIGINT', onSignal)
    ctx.signals.off('SIGTERM', onSignal)
  }
}
