import {join, resolve} from 'node:path'
import {loadConfig} from '../config/load.js'
import {processExecutor} from '../backends/local/process.js'
import {runPool, type Executor, type ProgressEvent} from '../backends/pool.js'
import {ConfigError, getErrorMessage} from '../kit/errors.js'
import {identify} from '../kit/proc.js'
import {makeDirs} from '../kit/safe-fs.js'
import {LedgerBusyError, LedgerError} from '../ledger/errors.js'
import {reconcileLaunch, type LaunchRecord} from '../backends/reconcile.js'
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
  /** How to start `trainer run` for one run (local backend). */
  runner: readonly string[]
  /** The directory of the `trainer run` bundle (dist/run), mounted into containers (local-docker backend). */
  runnerDir: string
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
  return summarize(runs.map(r => ({point: point.get(r.id) ?? {}, state: r.state, final: r.metrics})))
}

/**
 * The image a containerised local launch uses when none is given: the image pipeline's
 * reference (image.name, registry and the .image-manifest tag), as `trainer build` makes it.
 */
async function pipelineImage(
  io: ActionIO,
  i: {config?: string | undefined; experiment?: string | undefined; backend?: string | undefined},
): Promise<string | undefined> {
  const {config, file} = await loadConfig(io.workspace, i.config)
  const experiments = config.experiments ?? {}
  const name = i.experiment ?? ''
  const backend = i.backend ?? (Object.hasOwn(experiments, name) ? experiments[name]?.backend : undefined)
  if (backend !== 'local-docker' || !config.image) return undefined
  const [{imageSettings}, {imageForManifest}] = await Promise.all([
    import('../image/settings.js'),
    import('../image/check.js'),
  ])
  const settings = await imageSettings(io.workspace, config.image, file, {}, io.env)
  return (await imageForManifest(settings, {log: io.log})).ref.full
}

/** Where the runs of a local launch execute: processes here, or containers on the engine. */
async function executorFor(io: ActionIO, deps: LaunchDeps, backend: string, resultsRoot: string): Promise<Executor> {
  if (backend !== 'local-docker')
    return processExecutor({runner: deps.runner, resultsRoot, cwd: io.workspace, env: io.env})
  // dockerode loads only for this backend
  const [{dockerExecutor}, {connectDocker, pingDocker}] = await Promise.all([
    import('../backends/local-docker/executor.js'),
    import('../image/docker.js'),
  ])
  const {docker, host} = connectDocker(io.env)
  await pingDocker(docker, host)
  return dockerExecutor({
    docker,
    runnerDir: deps.runnerDir,
    resultsRoot,
    env: io.env,
    ...(io.env.TRAINER_DOCKER_NETWORK ? {network: io.env.TRAINER_DOCKER_NETWORK} : {}),
  })
}

/** `trainer launch`: plans an experiment and runs it on the local backend, recording every run in the ledger. */
export async function launch(io: ActionIO, deps: LaunchDeps): Promise<LaunchResult> {
  const i = readInputs(io, LaunchInputs)
  const {config, plan} = await planFromInputs(io, {...i, image: i.image ?? (await pipelineImage(io, i))})
  const backend = plan.runs[0]?.backend ?? 'local'
  if (backend !== 'local' && backend !== 'local-docker') {
    throw new ConfigError(`backend '${backend}' is not available yet; valid here: local, local-docker`, {
      key: 'backend',
    })
  }
  // each launch its own results root: seed 000's <experiment>/runs/<NNN> layout beneath it
  const resultsRoot = join(
    resolve(io.workspace, i['results-root'] ?? config.launch?.['results-root'] ?? DEFAULT_RESULTS),
    plan.launchId,
  )
  // before anything is recorded: a launch that cannot even start leaves no ACTIVE row behind
  await makeDirs(resultsRoot).catch((e: unknown) => {
    throw new ConfigError(
      `results root ${resultsRoot} cannot be created: ${(e as NodeJS.ErrnoException).code ?? getErrorMessage(e)}`,
      {key: 'results-root'},
    )
  })
  const path = ledgerPath(io.workspace, i.ledger, config.launch?.ledger)
  const ledger = Ledger.open(path)
  io.onClose(() => ledger.close())
  const record: LaunchRecord = {resultsRoot, launcher: identify(process.pid)}
  let created: boolean
  try {
    created = ledger.createLaunch(plan, {backend, config: record})
  } catch (e: unknown) {
    if (e instanceof LedgerError && !(e instanceof LedgerBusyError))
      throw new ConfigError(e.message, {key: 'launch-id'}, e.hint === undefined ? {} : {hint: e.hint})
    throw e
  }
  if (!created) {
    // The same launch again (--launch-id): runs an earlier launcher left behind are settled from
    // what they left on disk, and the runs it never started are run now, by this launcher.
    const r = await reconcileLaunch(ledger, ledger.getLaunch(plan.launchId)!, {
      keepCreated: true,
      log: m => io.log.info(m),
    })
    if (r.ownerAlive)
      throw new ConfigError(`launch ${plan.launchId} is being run by another trainer process`, {key: 'launch-id'})
    ledger.setLaunchConfig(plan.launchId, record)
  }
  io.log.info(
    `launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${backend}, results in ${resultsRoot}`,
  )
  try {
    const executor = await executorFor(io, deps, backend, resultsRoot)
    await runPool({
      plan,
      ledger,
      resultsRoot,
      parallel: i.parallel ?? config.launch?.parallel ?? 2,
      executor,
      signals: deps.signals,
      progress: e => deps.progress?.(e, plan),
      gracePeriod: i['grace-period'],
    })
  } catch (e: unknown) {
    // Every way a launch ends leaves it final: runs it never started are cancelled, with why.
    for (const r of ledger.listRuns(plan.launchId))
      if (r.state === 'CREATED')
        ledger.transition(r.id, 'CANCELLED', {reason: `launch failed: ${getErrorMessage(e)}`, expect: ['CREATED']})
    ledger.finishLaunch(plan.launchId)
    throw e
  }
  const status = ledger.finishLaunch(plan.launchId)
  const runs = ledger.listRuns(plan.launchId)
  io.setOutput('status', status)
  return {plan, status, runs, summaries: launchSummaries(plan, runs), ledger: path, resultsRoot}
}
