import {z} from 'zod'
import {cancelLaunch} from '../backends/driver.js'
import {launchRecord, reconcileLaunch} from '../backends/reconcile.js'
import type {Backend, LaunchContext} from '../backends/types.js'
import {loadConfig} from '../config/load.js'
import type {TrainerConfig} from '../config/schema.js'
import {NotFoundError, getErrorMessage} from '../kit/errors.js'
import {bool, optString, readInputs, required} from '../kit/inputs.js'
import {readInside} from '../kit/safe-fs.js'
import type {ActionIO} from '../kit/io.js'
import {Ledger, type LedgerLaunch, type LedgerRun} from '../ledger/ledger.js'
import type {PointSummary} from '../report/results.js'
import {launchBackend, launchContext, launchSummaries, ledgerPath} from './launch.js'

export const LedgerInputs = z.object({config: optString(), ledger: optString(), id: optString()})
export const StatusInputs = LedgerInputs.extend({refresh: bool(false)})

/** Opens the ledger; read-only for the verbs that only read, so a read-only ledger can be read. */
async function openLedger(
  io: ActionIO,
  i: z.output<typeof LedgerInputs>,
  o: {readOnly?: boolean} = {},
): Promise<{ledger: Ledger; config: TrainerConfig}> {
  const {config} = await loadConfig(io.workspace, i.config)
  const ledger = Ledger.open(ledgerPath(io.workspace, i.ledger, config.launch?.ledger), o)
  io.onClose(() => ledger.close())
  return {ledger, config}
}

/** The recorded launch's backend and the context it is asked in. */
async function backendFor(
  io: ActionIO,
  ledger: Ledger,
  launch: LedgerLaunch,
  config: TrainerConfig | undefined,
): Promise<{backend: Backend; ctx: LaunchContext}> {
  const backend = await launchBackend(launch, config, {})
  io.onClose(async () => backend.close?.())
  return {backend, ctx: launchContext(io, ledger, launch)}
}

/** Moves a launch on from what its backend says (see src/backends/reconcile.ts). */
async function refreshLaunch(
  io: ActionIO,
  ledger: Ledger,
  launch: LedgerLaunch,
  config: TrainerConfig | undefined,
): Promise<LedgerLaunch> {
  const {backend, ctx} = await backendFor(io, ledger, launch, config)
  const r = await reconcileLaunch(backend, ctx)
  if (r.ownerAlive) io.log.info(`launch ${launch.id}: its launcher is running; it records its runs itself`)
  else if (r.settled || r.running)
    io.log.info(`launch ${launch.id}: ${r.settled} runs moved, ${r.running} still under way`)
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
  const {ledger, config} = await openLedger(io, i, {readOnly: !i.refresh})
  let launch = launchOf(ledger, i.id)
  if (i.refresh) launch = await refreshLaunch(io, ledger, launch, config)
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
  const {ledger} = await openLedger(io, i, {readOnly: true})
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
 * `trainer cancel LAUNCH`: runs not yet started are cancelled; those on the backend are asked
 * to stop (they get their grace period) and are CANCELLED once seen so. Runs whose launcher
 * is gone are then settled from what they left.
 */
export async function cancel(io: ActionIO): Promise<{launch: string; cancelled: number; stopping: number}> {
  const i = readInputs(io, LedgerInputs)
  const {ledger, config} = await openLedger(io, i)
  const launch = launchOf(ledger, required(i.id, 'id'))
  const {backend, ctx} = await backendFor(io, ledger, launch, config)
  const r = await cancelLaunch(backend, ctx)
  // Runs whose launcher is gone have nobody to record their end: settle what has ended.
  await refreshLaunch(io, ledger, ledger.getLaunch(launch.id) ?? launch, config)
  // a launch whose runs are all final now is final too, whoever ends up recording the last one
  ledger.finishLaunch(launch.id)
  return {launch: launch.id, ...r}
}
