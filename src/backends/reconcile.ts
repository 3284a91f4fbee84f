/**
 * Reconciling a launch whose launcher is gone: a `trainer launch` killed with -9, a crashed
 * laptop, a cancelled workflow. Its runs go on (or have ended) without anyone recording
 * them, and the ledger would say RUNNING for ever. Reconciling asks each run's process or
 * container whether it is still there and, for those that ended, reads the result
 * `trainer run` left on disk (metrics.json, validated) and moves the ledger to it.
 *
 * It never races a live launcher: while the launcher that owns a launch is running (same
 * pid and start time), the launch is left to it.
 */
import {join} from 'node:path'
import {IllegalTransitionError} from '../ledger/errors.js'
import type {Ledger, LedgerLaunch, LedgerRun} from '../ledger/ledger.js'
import type {RunState} from '../ledger/states.js'
import {identify, isAlive, sameProcess, type ProcessIdentity} from '../kit/proc.js'
import {parseLocalHandle} from './local/process.js'
import {readRunMetrics, stateOfStatus} from './outcome.js'

/** What a launch row records besides its plan (launches.config_json). */
export interface LaunchRecord {
  resultsRoot?: string
  /** The `trainer launch` process that owns the launch. */
  launcher?: ProcessIdentity
}

export function launchRecord(l: LedgerLaunch): LaunchRecord {
  return typeof l.config === 'object' && l.config !== null ? l.config : {}
}

/** Whether a container still runs: true, false (ended or gone) or undefined (cannot tell). */
export type ContainerProbe = (id: string) => Promise<boolean | undefined>

export interface ReconcileOptions {
  /** Leave CREATED runs as they are (a launcher taking the launch over will run them). */
  keepCreated?: boolean
  /** Asks the Docker engine about `docker:<id>` handles (loaded only when such a run exists). */
  container?: ContainerProbe
  log?: (message: string) => void
}

export interface ReconcileResult {
  /** The launcher still runs: nothing was touched. */
  ownerAlive: boolean
  /** Runs moved to a final state from what they left on disk. */
  settled: number
  /** Runs whose process or container is still running (orphaned, but alive). */
  running: number
}

/** Whether the run's process or container still runs: true, false, or undefined (cannot tell). */
async function runAlive(r: LedgerRun, o: ReconcileOptions): Promise<boolean | undefined> {
  const local = parseLocalHandle(r.handle)
  if (local) return isAlive(local)
  const container = /^docker:([0-9a-f]+)$/.exec(r.handle ?? '')?.[1]
  if (container) return o.container ? o.container(container) : undefined
  return undefined
}

function move(ledger: Ledger, r: LedgerRun, to: RunState, fields: Parameters<Ledger['transition']>[2]): boolean {
  try {
    ledger.transition(r.id, to, {...fields, expect: [r.state]})
    return true
  } catch (e: unknown) {
    if (e instanceof IllegalTransitionError) return false
    throw e
  }
}

/**
 * Settles the runs of a launch whose launcher is gone (see the module comment). CREATED runs
 * are cancelled (nobody will start them); runs whose process ended take the state their
 * metrics.json records, or FAILED when there is no valid one; runs still running are left.
 */
export async function reconcileLaunch(
  ledger: Ledger,
  launch: LedgerLaunch,
  o: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const rec = launchRecord(launch)
  const result: ReconcileResult = {ownerAlive: false, settled: 0, running: 0}
  if (rec.launcher && !sameProcess(rec.launcher, identify(process.pid)) && isAlive(rec.launcher) !== false) {
    // alive, or somewhere this process cannot see (another host, pid namespace or boot):
    // its runs are its own to record
    result.ownerAlive = true
    return result
  }
  const gone = rec.launcher ? `its launcher (pid ${rec.launcher.pid}) is gone` : 'its launcher is gone'
  for (const r of ledger.listRuns(launch.id)) {
    if (r.state === 'CREATED') {
      if (o.keepCreated) continue
      if (move(ledger, r, 'CANCELLED', {reason: `never started: ${gone}`})) result.settled++
      continue
    }
    if (!['STARTING', 'RUNNING', 'PAUSED', 'STOPPING'].includes(r.state)) continue
    const alive = await runAlive(r, o)
    if (alive === true) {
      result.running++
      continue
    }
    const read = rec.resultsRoot ? await readRunMetrics(rec.resultsRoot, r.output) : {problem: 'no results root'}
    // A handle that cannot be checked counts as ended only once trainer run has left its result.
    if (alive === undefined && r.handle !== undefined && !read.metrics) continue
    const m = read.metrics
    const to: RunState = m ? stateOfStatus(m.status) : r.state === 'STARTING' ? 'ERROR' : 'FAILED'
    const fields: Parameters<Ledger['transition']>[2] = m
      ? {exitCode: m.exit_code, metrics: m.final, resultUrl: join(rec.resultsRoot ?? '', r.output)}
      : {}
    const reason = m ? m.reason : `${gone} and the run left no result (${read.problem})`
    if (reason !== null) fields.reason = reason
    const done = move(ledger, r, to, fields)
    if (done || move(ledger, r, 'CANCELLED', fields)) {
      result.settled++
      o.log?.(`${r.id}: ${r.state} -> ${done ? to : 'CANCELLED'} (${m ? `metrics.json: ${m.status}` : read.problem})`)
    }
  }
  ledger.finishLaunch(launch.id)
  return result
}
