import {z} from 'zod'
import {launchRecord, reconcileLaunch, type ContainerProbe} from '../backends/reconcile.js'
import {parseLocalHandle} from '../backends/local/process.js'
import {loadConfig} from '../config/load.js'
import {ConfigError, NotFoundError, getErrorMessage} from '../kit/errors.js'
import {bool, optString, readInputs, required} from '../kit/inputs.js'
import {signalVerified} from '../kit/proc.js'
import {readInside} from '../kit/safe-fs.js'
import type {ActionIO} from '../kit/io.js'
import {Ledger, type LedgerLaunch, type LedgerRun} from '../ledger/ledger.js'
import {IllegalTransitionError} from '../ledger/errors.js'
import type {PointSummary} from '../report/results.js'
import {launchSummaries, ledgerPath} from './launch.js'

export const LedgerInputs = z.object({config: optString(), ledger: optString(), id: optString()})
export const StatusInputs = LedgerInputs.extend({refresh: bool(false)})

/** Opens the ledger; read-only for the verbs that only read, so a read-only ledger can be read. */
async function openLedger(
  io: ActionIO,
  i: z.output<typeof LedgerInputs>,
  o: {readOnly?: boolean} = {},
): Promise<Ledger> {
  const {config} = await loadConfig(io.workspace, i.config)
  const ledger = Ledger.open(ledgerPath(io.workspace, i.ledger, config.launch?.ledger), o)
  io.onClose(() => ledger.close())
  return ledger
}

/** Asks the Docker engine whether a run's container still runs (dockerode loads only here). */
function containerProbe(io: ActionIO): ContainerProbe {
  return async id => {
    const {connectDocker} = await import('../image/docker.js')
    const c = connectDocker(io.env).docker.getContainer(id)
    try {
      const info = await c.inspect()
      if (info.State.Running) return true
      // an ended container the launcher did not live to remove
      await c.remove({force: true}).catch(() => undefined)
      return false
    } catch (e: unknown) {
      if ((e as {statusCode?: number}).statusCode === 404) return false
      io.log.warning(`container ${id.slice(0, 12)}: ${getErrorMessage(e)}`)
      return undefined
    }
  }
}

/** Settles a launch whose launcher is gone (see src/backends/reconcile.ts). */
async function refreshLaunch(io: ActionIO, ledger: Ledger, launch: LedgerLaunch): Promise<LedgerLaunch> {
  const r = await reconcileLaunch(ledger, launch, {container: containerProbe(io), log: m => io.log.info(m)})
  if (r.ownerAlive) io.log.info(`launch ${launch.id}: its launcher is running; it records its runs itself`)
  else if (r.settled || r.running)
    io.log.info(`launch ${launch.id}: ${r.settled} runs settled from their results, ${r.running} still running`)
  return ledger.getLaunch(launch.id) ?? launch
}

function launchOf(ledger: Ledger, id: string | undefined): LedgerLaunch {
  const l = id ? ledger.getLaunch(id) : ledger.latestLaunch()
  if (!l) {
    const known = ledger.listLaunches(5).map(x => x.id)
    throw new NotFoundError(
      id
        ? `no launch '${id}' in the ledger${known.length ? `; recent: ${known.join(', ')}` : ''}`
        : 'the ledger has no launches yet',
    )
  }
  return l
}

export interface StatusResult {
  launch: LedgerLaunch
  runs: LedgerRun[]
  summaries: PointSummary[]
}

/**
 * `trainer status [launch-id] [--refresh]`: the runs of a launch (default: the latest) and
 * their results. With refresh, a launch whose launcher is gone is first reconciled.
 */
export async function status(io: ActionIO): Promise<StatusResult> {
  const i = readInputs(io, StatusInputs)
  const ledger = await openLedger(io, i, {readOnly: !i.refresh})
  let launch = launchOf(ledger, i.id)
  if (i.refresh) launch = await refreshLaunch(io, ledger, launch)
  const runs = ledger.listRuns(launch.id)
  return {launch, runs, summaries: launchSummaries(launch.plan, runs)}
}

/** How much of a log `trainer logs` prints: its end, when it is longer. */
const LOG_TAIL_BYTES = 16 << 20

/**
 * `trainer logs RUN`: the training output of one run (its logs.txt; the last 16 MiB of a
 * longer one). The run directory is the training's: a symlink or FIFO planted there is refused.
 */
export async function logs(io: ActionIO): Promise<string> {
  const i = readInputs(io, LedgerInputs)
  const id = required(i.id, 'id')
  const ledger = await openLedger(io, i, {readOnly: true})
  const run = ledger.getRun(id)
  if (!run) throw new NotFoundError(`no run '${id}' in the ledger (run ids look like <launch-id>.000)`)
  const launch = ledger.getLaunch(run.launchId)
  const root = (launch && launchRecord(launch).resultsRoot) ?? 'results'
  try {
    const r = await readInside(root, `${run.output}/logs.txt`, {maxBytes: LOG_TAIL_BYTES, from: 'end'})
    if (r.truncated) io.log.warning(`logs.txt is ${r.size} bytes: showing its last ${LOG_TAIL_BYTES >> 20} MiB`)
    return r.text
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new NotFoundError(`run ${id} (${run.state}) has no logs at ${root}/${run.output}/logs.txt yet`)
    throw new NotFoundError(`run ${id}: its logs cannot be read: ${getErrorMessage(e)}`, {cause: e})
  }
}

/**
 * Sends SIGTERM to a run by its ledger handle, after checking who that is:
 * 'sent', 'gone' (ended, or its pid now belongs to another process), 'unknown' (cannot be
 * checked from here: never signalled), or undefined for handles of other backends.
 */
async function signalRun(
  handle: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<'sent' | 'gone' | 'unknown' | undefined> {
  const local = parseLocalHandle(handle)
  if (local) return signalVerified(local, 'SIGTERM')
  const container = /^docker:([0-9a-f]+)$/.exec(handle ?? '')?.[1]
  if (container) {
    const {connectDocker} = await import('../image/docker.js')
    // a container id is unique on its engine: it cannot be reused by a stranger
    return connectDocker(env)
      .docker.getContainer(container)
      .kill({signal: 'SIGTERM'})
      .then(
        () => 'sent' as const,
        () => 'gone' as const,
      )
  }
  return undefined
}

/** `trainer cancel LAUNCH`: queued runs are cancelled, running ones stopped (they get their grace period). */
export async function cancel(io: ActionIO): Promise<{launch: string; cancelled: number; stopping: number}> {
  const i = readInputs(io, LedgerInputs)
  const ledger = await openLedger(io, i)
  const launch = launchOf(ledger, required(i.id, 'id'))
  let cancelled = 0
  let stopping = 0
  const unstoppable: string[] = []
  for (const listed of ledger.listRuns(launch.id)) {
    // The launcher moves runs as we go: act on a fresh read, by compare-and-set, and
    // read again when it moved first. Final states stay the launcher's to record.
    for (let tries = 0; tries < 5; tries++) {
      const r = ledger.getRun(listed.id)
      if (!r || !['CREATED', 'STARTING', 'RUNNING', 'PAUSED'].includes(r.state)) break
      try {
        if (r.state === 'CREATED') {
          ledger.transition(r.id, 'CANCELLED', {reason: 'cancelled', expect: ['CREATED']})
          cancelled++
        } else {
          // a run still starting has no handle yet: the launcher stops it once it starts
          const reached = r.handle === undefined ? 'sent' : await signalRun(r.handle, io.env)
          if (reached === undefined) {
            // the others are still cancelled; this one is reported at the end
            unstoppable.push(`${r.id} (${r.backend})`)
            break
          }
          if (reached === 'unknown') {
            io.log.warning(`run ${r.id}: its process (${r.handle}) cannot be verified from here: not signalled`)
            break
          }
          ledger.transition(r.id, 'STOPPING', {
            reason: reached === 'sent' ? 'cancelled' : 'cancelled; its process was already gone',
            expect: [r.state],
          })
          stopping++
        }
        break
      } catch (e: unknown) {
        if (!(e instanceof IllegalTransitionError)) throw e
      }
    }
  }
  // Runs whose launcher is gone have nobody to record their end: settle what has ended.
  await refreshLaunch(io, ledger, ledger.getLaunch(launch.id) ?? launch)
  // a launch whose runs are all final now is final too, whoever ends up recording the last one
  ledger.finishLaunch(launch.id)
  if (unstoppable.length)
    throw new ConfigError(
      `launch ${launch.id}: ${cancelled} cancelled, ${stopping} stopping; this command cannot stop runs on their backend yet: ${unstoppable.join(', ')}`,
      {key: 'backend'},
    )
  return {launch: launch.id, cancelled, stopping}
}
