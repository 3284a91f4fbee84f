/**
 * Reconciling a launch whose launcher is gone: a `trainer launch` killed with -9, a crashed
 * laptop, a cancelled workflow. Its runs go on (or have ended) without anyone recording
 * them, and the ledger would say RUNNING for ever. Reconciling asks the backend about each
 * run (one poll, src/backends/driver.ts) and, for those that ended, reads the result they
 * left (metrics.json, validated) and moves the ledger to it.
 *
 * A local launch is never raced: while the launcher that owns it is running (same pid and
 * start time), the launch is left to it. A remote launch has no owner: its runs are on the
 * scheduler, and anyone may poll them.
 */
import type {LedgerLaunch} from '../ledger/ledger.js'
import {IllegalTransitionError} from '../ledger/errors.js'
import {identify, isAlive, sameProcess, type ProcessIdentity} from '../kit/proc.js'
import {pollLaunch, submitLaunch} from './driver.js'
import type {Backend, LaunchContext} from './types.js'

/** What a launch row records besides its plan (launches.config_json). */
export interface LaunchRecord {
  resultsRoot?: string
  /** The `trainer launch` process that owns a local launch. */
  launcher?: ProcessIdentity
}

export function launchRecord(l: LedgerLaunch): LaunchRecord {
  return typeof l.config === 'object' && l.config !== null ? l.config : {}
}

export interface ReconcileOptions {
  /** Leave CREATED runs as they are (a launcher taking the launch over will run or submit them). */
  keepCreated?: boolean
  /**
   * Submit again the runs the cluster lost (preempted, a node failure), within the backend's
   * retries (default true). false: they are FAILED with why (`trainer reconcile` never submits).
   */
  resubmit?: boolean
}

export interface ReconcileResult {
  /** The launcher still runs: nothing was touched. */
  ownerAlive: boolean
  /** Runs moved by what the backend said. */
  settled: number
  /** Runs still under way. */
  running: number
}

/** Settles a launch from what its backend says (see the module comment). */
export async function reconcileLaunch(
  backend: Backend,
  ctx: LaunchContext,
  o: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const rec = launchRecord(ctx.launch)
  // alive, or somewhere this process cannot see (another host, pid namespace or boot)
  const ownerAlive =
    rec.launcher !== undefined && !sameProcess(rec.launcher, identify(process.pid)) && isAlive(rec.launcher) !== false
  // a local launch's runs are its launcher's to record
  if (!backend.remote && ownerAlive) return {ownerAlive: true, settled: 0, running: 0}
  let settled = 0
  // A remote launch whose launcher died while submitting (kill -9 between an sbatch and its
  // ledger write): what was submitted is adopted, what was not is submitted now. Never while
  // that launcher may still be submitting: the two would race for the same runs.
  const created = ctx.ledger.listRuns(ctx.launch.id).filter(r => r.state === 'CREATED').length
  if (backend.remote && created && !o.keepCreated && !ownerAlive) {
    const s = await submitLaunch(backend, ctx)
    ctx.log(`launch ${ctx.launch.id}: ${s.adopted} runs found submitted, ${s.submitted} submitted now`)
    settled += s.adopted + s.submitted
  }
  if (!backend.remote && !o.keepCreated) {
    // nobody will start them: a local launch's runs start only in its launcher
    const gone = rec.launcher ? `its launcher (pid ${rec.launcher.pid}) is gone` : 'its launcher is gone'
    for (const r of ctx.ledger.listRuns(ctx.launch.id)) {
      if (r.state !== 'CREATED') continue
      try {
        ctx.ledger.transition(r.id, 'CANCELLED', {reason: `never started: ${gone}`, expect: ['CREATED']})
        settled++
      } catch (e: unknown) {
        if (!(e instanceof IllegalTransitionError)) throw e
      }
    }
  }
  const before = new Map(ctx.ledger.listRuns(ctx.launch.id).map(r => [r.id, r.state]))
  const r = await pollLaunch(backend, ctx, o.resubmit === false ? 0 : undefined)
  for (const after of ctx.ledger.listRuns(ctx.launch.id)) {
    const was = before.get(after.id)
    if (was !== after.state) ctx.log(`${after.id}: ${was} -> ${after.state}`)
  }
  return {ownerAlive: false, settled: settled + r.changed, running: r.active}
}
