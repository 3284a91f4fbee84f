import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {z} from 'zod'
import {loadConfig} from '../config/load.js'
import {ConfigError, NotFoundError} from '../kit/errors.js'
import {optString, readInputs, required} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {Ledger, type LedgerLaunch, type LedgerRun} from '../ledger/ledger.js'
import {IllegalTransitionError} from '../ledger/errors.js'
import type {PointSummary} from '../report/results.js'
import {launchSummaries, ledgerPath} from './launch.js'

export const LedgerInputs = z.object({config: optString(), ledger: optString(), id: optString()})

async function openLedger(io: ActionIO, i: z.output<typeof LedgerInputs>): Promise<Ledger> {
  const {config} = await loadConfig(io.workspace, i.config)
  const ledger = Ledger.open(ledgerPath(io.workspace, i.ledger, config.launch?.ledger))
  io.onClose(() => ledger.close())
  return ledger
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

/** `trainer status [launch-id]`: the runs of a launch (default: the latest) and their results. */
export async function status(io: ActionIO): Promise<StatusResult> {
  const i = readInputs(io, LedgerInputs)
  const ledger = await openLedger(io, i)
  const launch = launchOf(ledger, i.id)
  const runs = ledger.listRuns(launch.id)
  return {launch, runs, summaries: launchSummaries(launch.plan, runs)}
}

/** `trainer logs RUN`: the training output of one run (its logs.txt). */
export async function logs(io: ActionIO): Promise<string> {
  const i = readInputs(io, LedgerInputs)
  const id = required(i.id, 'id')
  const ledger = await openLedger(io, i)
  const run = ledger.getRun(id)
  if (!run) throw new NotFoundError(`no run '${id}' in the ledger (run ids look like <launch-id>.000)`)
  const root = (ledger.getLaunch(run.launchId)?.config as {resultsRoot?: string} | undefined)?.resultsRoot ?? 'results'
  const file = join(root, run.output, 'logs.txt')
  try {
    return await readFile(file, 'utf8')
  } catch {
    throw new NotFoundError(`run ${id} (${run.state}) has no logs at ${file} yet`)
  }
}

/**
 * Sends SIGTERM to a run by its ledger handle (`local:<pid>`, `docker:<container>`):
 * true when it reached something, false when that is gone, undefined for other backends.
 */
async function signalRun(
  handle: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<boolean | undefined> {
  const pid = /^local:(\d+)$/.exec(handle ?? '')?.[1]
  if (pid) {
    try {
      process.kill(Number(pid), 'SIGTERM')
      return true
    } catch {
      return false
    }
  }
  const container = /^docker:([0-9a-f]+)$/.exec(handle ?? '')?.[1]
  if (container) {
    const {connectDocker} = await import('../image/docker.js')
    return connectDocker(env)
      .docker.getContainer(container)
      .kill({signal: 'SIGTERM'})
      .then(
        () => true,
        () => false,
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
          const reached = r.handle === undefined ? true : await signalRun(r.handle, io.env)
          if (reached === undefined) {
            throw new ConfigError(`run ${r.id} runs on '${r.backend}', which this command cannot stop yet`, {
              key: 'backend',
            })
          }
          ledger.transition(r.id, 'STOPPING', {
            reason: reached ? 'cancelled' : 'cancelled; its process was already gone',
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
  io.log.info(`launch ${launch.id}: ${cancelled} runs cancelled, ${stopping} stopping`)
  return {launch: launch.id, cancelled, stopping}
}
