import {resolve} from 'node:path'
import {launchLocal, type ProgressEvent} from '../backends/local/launch.js'
import {ConfigError} from '../kit/errors.js'
import {optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {Ledger, type LaunchStatus, type LedgerRun} from '../ledger/ledger.js'
import type {Plan} from '../plan/types.js'
import {summarize, type PointSummary} from '../report/results.js'
import {PlanInputs, planFromInputs} from './plan.js'

export const DEFAULT_LEDGER = '.trainer/ledger.db'
export const DEFAULT_RESULTS = 'results'

export const LaunchInputs = PlanInputs.extend({
  parallel: optInt(1, 1024),
  'results-root': optString(),
  ledger: optString(),
  'grace-period': optInt(0, 3600),
})

export interface LaunchDeps {
  /** How to start `trainer run` for one run. */
  runner: readonly string[]
  signals: NodeJS.EventEmitter
  progress?: (e: ProgressEvent, plan: Plan) => void
}

export interface LaunchResult {
  plan: Plan
  status: LaunchStatus
  runs: LedgerRun[]
  summaries: PointSummary[]
  ledger: string
  resultsRoot: string
}

/** Opens the ledger a workspace uses (trainer.yml `launch.ledger`, else .trainer/ledger.db). */
export function ledgerPath(workspace: string, input: string | undefined, configured: string | undefined): string {
  return resolve(workspace, input ?? configured ?? DEFAULT_LEDGER)
}

/** Results per sweep point of a launch's runs, from the ledger and its plan. */
export function launchSummaries(plan: Plan, runs: readonly LedgerRun[]): PointSummary[] {
  const point = new Map(plan.runs.map(r => [r.id, r.point]))
  return summarize(
    runs.map(r => ({point: point.get(r.id) ?? {}, state: r.state, final: (r.metrics ?? {}) as Record<string, number>})),
  )
}

/** `trainer launch`: plans an experiment and runs it on the local backend, recording every run in the ledger. */
export async function launch(io: ActionIO, deps: LaunchDeps): Promise<LaunchResult> {
  const i = readInputs(io, LaunchInputs)
  const {config, plan} = await planFromInputs(io, i)
  const backend = plan.runs[0]?.backend ?? 'local'
  if (backend !== 'local') {
    throw new ConfigError(`backend '${backend}' is not available yet; valid here: local`, {key: 'backend'})
  }
  const resultsRoot = resolve(io.workspace, i['results-root'] ?? config.launch?.['results-root'] ?? DEFAULT_RESULTS)
  const path = ledgerPath(io.workspace, i.ledger, config.launch?.ledger)
  const ledger = Ledger.open(path)
  io.onClose(() => ledger.close())
  ledger.createLaunch(plan, {backend, config: {resultsRoot}})
  io.log.info(`launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment}, results in ${resultsRoot}`)
  await launchLocal({
    plan,
    ledger,
    resultsRoot,
    parallel: i.parallel ?? config.launch?.parallel ?? 2,
    runner: deps.runner,
    cwd: io.workspace,
    env: {...io.env},
    signals: deps.signals,
    progress: e => deps.progress?.(e, plan),
    ...(i['grace-period'] === undefined ? {} : {gracePeriod: i['grace-period']}),
  })
  const status = ledger.finishLaunch(plan.launchId)
  const runs = ledger.listRuns(plan.launchId)
  io.setOutput('status', status)
  return {plan, status, runs, summaries: launchSummaries(plan, runs), ledger: path, resultsRoot}
}
