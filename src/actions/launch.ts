import {EventEmitter} from 'node:events'
import {join, resolve} from 'node:path'
import {loadConfig} from '../config/load.js'
import type {BackendConfig} from '../config/backends.js'
import type {TrainerConfig} from '../config/schema.js'
import {submitLaunch, watchLaunch} from '../backends/driver.js'
import type {ProgressEvent} from '../backends/pool.js'
import {backendConfig, loadBackend, type BackendDeps} from '../backends/registry.js'
import {PartialSubmitError, type Backend, type LaunchContext} from '../backends/types.js'
import {ConfigError, getErrorMessage} from '../kit/errors.js'
import {identify, isAlive, sameProcess, type ProcessIdentity} from '../kit/proc.js'
import {makeDirs} from '../kit/safe-fs.js'
import {LedgerBusyError, LedgerError} from '../ledger/errors.js'
import {launchRecord, reconcileLaunch, type LaunchRecord} from '../backends/reconcile.js'
import {bool, optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {Ledger, type GithubContext, type LaunchStatus, type LedgerLaunch, type LedgerRun} from '../ledger/ledger.js'
import type {Plan} from '../plan/types.js'
import {summarize, type PointSummary} from '../report/results.js'
import {PlanInputs, planFromInputs} from './plan.js'
import type {JudgedNight, LaunchReporter} from './reporter.js'
import type {ScheduledSweep} from './schedule.js'

export const DEFAULT_LEDGER = '.trainer/ledger.db'
export const DEFAULT_RESULTS = 'results'

export const LaunchInputs = PlanInputs.extend({
  parallel: optInt(1, 1024),
  'results-root': optString(),
  ledger: optString(),
  'grace-period': optInt(0, 3600),
  /** Return once the runs are submitted (remote backends), or run them in a launcher of their own (local). */
  detach: bool(false),
  /** Seconds to wait for a remote launch before returning (the runs go on). */
  'wait-timeout': optInt(1, 30 * 86400),
  /** Report on GitHub while it runs: the check run from `queued` to its conclusion, and the PR comment. */
  report: bool(false),
  'github-token': optString(),
  /**
   * The commit the runs' code is, where the launch is reported (default: the event's head; a
   * `/train` command's pinned SHA, which GITHUB_SHA of an issue_comment event is not).
   */
  'head-sha': optString(),
})

export interface LaunchDeps {
  /** How to start `trainer run` for one run (local backend). */
  runner: readonly string[]
  /** The directory of the `trainer run` bundle (dist/run), mounted into containers (local-docker backend). */
  runnerDir: string
  signals: NodeJS.EventEmitter
  progress?: (e: ProgressEvent, plan: Plan) => void
  /** Starts a launcher of its own for a detached local launch; returns its identity (CLI only). */
  detach?: (launchId: string, resultsRoot: string) => Promise<ProcessIdentity>
  /** Told the launch id once the launch is recorded (the launch action keeps it for its post step). */
  recorded?: (launchId: string) => void
  /** A scheduled sweep: judged against the previous night, with its regression issue (the launch action). */
  schedule?: ScheduledSweep | undefined
  /** Told the launch's check run once it exists (the launch action replies to a `/train` comment with it). */
  checkRun?: (id: number, url: string) => void
}

export interface LaunchResult {
  plan: Plan
  status: LaunchStatus
  runs: LedgerRun[]
  summaries: PointSummary[]
  ledger: string
  resultsRoot: string
  /** Returned before the runs ended. */
  detached: boolean
  /** With `report`: the launch's check run, and its conclusion once the runs ended. */
  checkRunId?: number | undefined
  conclusion?: string | undefined
  /** A scheduled sweep's night, once judged: its regressions and the issue that says them. */
  night?: JudgedNight | undefined
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
 * Whether the launch runs the pipeline's image: trainer.yml has an `image:` section and the
 * experiment's backend (or the one given) runs containers; a Slurm run with `container: none`
 * runs on the node itself.
 */
export function runsPipelineImage(
  config: TrainerConfig,
  i: {experiment?: string | undefined; backend?: string | undefined},
): boolean {
  const experiments = config.experiments ?? {}
  const name = i.experiment ?? ''
  const backend = i.backend ?? (Object.hasOwn(experiments, name) ? experiments[name]?.backend : undefined)
  if (!backend || !config.image) return false
  const b = backendConfig(backend, config.backends)
  return b.type === 'local-docker' || (b.type === 'slurm' && b.container !== 'none')
}

/**
 * The image a containerised launch (local-docker, Slurm in a container) uses when none is
 * given: the image pipeline's reference (image.name, registry and the .image-manifest tag),
 * as `trainer build` makes it.
 */
async function pipelineImage(
  io: ActionIO,
  i: {config?: string | undefined; experiment?: string | undefined; backend?: string | undefined},
): Promise<string | undefined> {
  const {config, file} = await loadConfig(io.workspace, i.config)
  if (!config.image || !runsPipelineImage(config, i)) return undefined
  const [{imageSettings}, {imageForManifest}] = await Promise.all([
    import('../image/settings.js'),
    import('../image/check.js'),
  ])
  const settings = await imageSettings(io.workspace, config.image, file, {}, io.env)
  return (await imageForManifest(settings, {log: io.log})).ref.full
}

/** Where on GitHub a launch comes from (for reporting); undefined outside Actions. */
export function githubContext(io: ActionIO, headSha?: string): GithubContext | undefined {
  const g = io.github()
  if (!g) return undefined
  if (headSha !== undefined && !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(headSha))
    throw new ConfigError(`head-sha: '${headSha}' is not a full commit SHA (40 or 64 hex digits)`, {key: 'head-sha'})
  return {
    repository: g.repository,
    headSha: headSha ?? g.headSha,
    ...(g.pullRequest === undefined ? {} : {pullRequest: g.pullRequest}),
    ...(g.runId === undefined ? {} : {runId: g.runId}),
    serverUrl: g.serverUrl,
  }
}

/** The context a backend gets for one launch. */
export function launchContext(
  io: ActionIO,
  ledger: Ledger,
  launch: LedgerLaunch,
  o: Partial<Pick<LaunchContext, 'signals' | 'gracePeriod' | 'parallel' | 'progress'>> = {},
): LaunchContext {
  return {
    launch,
    ledger,
    log: m => io.log.info(m),
    warn: m => io.log.warning(m),
    env: io.env,
    workspace: io.workspace,
    signals: o.signals ?? new EventEmitter(),
    gracePeriod: o.gracePeriod,
    parallel: o.parallel,
    progress: o.progress,
  }
}

/** The backend a recorded launch ran on, with the options it was launched with. */
export async function launchBackend(
  launch: LedgerLaunch,
  config: TrainerConfig | undefined,
  deps: BackendDeps,
): Promise<Backend> {
  const recorded = launch.backendConfig as BackendConfig | undefined
  const bconf = recorded?.type ? recorded : backendConfig(launch.backend, config?.backends)
  return loadBackend(launch.backend, bconf, deps)
}

/**
 * The digest the registry has for a remote launch's image, recorded with each run: what the
 * nodes will pull. An image the registry does not have, or cannot be asked about, is a
 * warning (the cluster may reach a registry this machine cannot), never a failed launch.
 */
async function registryDigest(
  io: ActionIO,
  image: string,
  authRealms?: readonly string[],
): Promise<string | undefined> {
  const [{parseRef}, {RegistryClient}, {dockerCredentials}] = await Promise.all([
    import('../image/ref.js'),
    import('../image/registry.js'),
    import('../image/credentials.js'),
  ])
  try {
    const ref = parseRef(image)
    const credentials = await dockerCredentials(ref.registry, {...io.env})
    if (credentials?.password) io.setSecret(credentials.password)
    if (credentials?.identityToken) io.setSecret(credentials.identityToken)
    const state = await new RegistryClient({
      credentials,
      log: io.log,
      secret: v => io.setSecret(v),
      authRealms,
      timeoutMs: 10_000,
      retries: 1,
    }).manifest(ref)
    if (!state.exists) {
      io.log.warning(
        `${image} is not in its registry: the runs will not find it unless the cluster can (trainer build pushes it)`,
      )
      return undefined
    }
    return state.digest
  } catch (e: unknown) {
    io.log.warning(`${image}: its registry could not be asked for its digest (${getErrorMessage(e)})`)
    return undefined
  }
}

/** Whether another live process is recorded as the launch's launcher. */
function ownerRunning(l: LedgerLaunch): boolean {
  const owner = launchRecord(l).launcher
  return owner !== undefined && !sameProcess(owner, identify(process.pid)) && isAlive(owner) !== false
}

/** Seconds between polls of a remote backend. */
function pollInterval(c: BackendConfig): number {
  return c.type === 'slurm' ? (c['poll-interval'] ?? 60) : 60
}

/**
 * `trainer launch`: plans an experiment, records it in the ledger and runs it on its backend.
 * Local backends run it here and return when every run has ended. Remote backends submit it
 * (idempotently: a repeated launch id adopts what was submitted) and then wait, polling,
 * unless `detach`; `trainer status --refresh` moves a detached launch on.
 */
export async function launch(io: ActionIO, deps: LaunchDeps): Promise<LaunchResult> {
  const i = readInputs(io, LaunchInputs)
  const {config, plan} = await planFromInputs(io, {...i, image: i.image ?? (await pipelineImage(io, i))})
  const name = plan.runs[0]?.backend ?? 'local'
  const bconf = backendConfig(name, config.backends)
  const backend = await loadBackend(name, bconf, deps)
  io.onClose(async () => backend.close?.())
  // a local launch's results are here, one root per launch: seed 000's <experiment>/runs/<NNN> beneath it
  const resultsRoot = join(
    resolve(io.workspace, i['results-root'] ?? config.launch?.['results-root'] ?? DEFAULT_RESULTS),
    plan.launchId,
  )
  if (!backend.remote) {
    // before anything is recorded: a launch that cannot even start leaves no ACTIVE row behind
    await makeDirs(resultsRoot).catch((e: unknown) => {
      throw new ConfigError(
        `results root ${resultsRoot} cannot be created: ${(e as NodeJS.ErrnoException).code ?? getErrorMessage(e)}`,
        {key: 'results-root'},
      )
    })
  }
  const detachLocal = i.detach && !backend.remote
  if (detachLocal && !deps.detach)
    throw new ConfigError(`a ${bconf.type} launch cannot outlive this step: wait for it (detach: false)`, {
      key: 'detach',
    })
  const path = ledgerPath(io.workspace, i.ledger, config.launch?.ledger)
  const ledger = Ledger.open(path)
  io.onClose(() => ledger.close())
  // a detached local launch is run by a launcher of its own, started now
  const launcher = detachLocal ? await deps.detach!(plan.launchId, resultsRoot) : identify(process.pid)
  // a remote launch's launcher is recorded too: while it submits, nobody else may
  const record: LaunchRecord = backend.remote ? {launcher} : {resultsRoot, launcher}
  let created: boolean
  try {
    created = ledger.createLaunch(plan, {
      backend: name,
      config: record,
      backendConfig: bconf,
      github: githubContext(io, i['head-sha']),
    })
  } catch (e: unknown) {
    if (e instanceof LedgerError && !(e instanceof LedgerBusyError))
      throw new ConfigError(e.message, {key: 'launch-id'}, e.hint === undefined ? {} : {hint: e.hint})
    throw e
  }
  // a detached local launch is reported by its own launcher
  // loaded only when asked for: the GitHub client stays out of the bundles that never report
  const reporter: LaunchReporter | undefined =
    i.report && !detachLocal
      ? await (
          await import('./reporter.js')
        ).LaunchReporter.start(io, {
          ledger,
          launchId: plan.launchId,
          config,
          configFile: (await loadConfig(io.workspace, i.config)).file,
          token: i['github-token'] ?? io.env.GITHUB_TOKEN,
          resultsRoot: backend.remote ? undefined : resultsRoot,
          schedule: deps.schedule,
          checkRun: deps.checkRun,
        })
      : undefined
  const ctx = launchContext(io, ledger, ledger.getLaunch(plan.launchId)!, {
    signals: deps.signals,
    gracePeriod: i['grace-period'],
    parallel: i.parallel ?? config.launch?.parallel,
    progress: e => {
      deps.progress?.(e, plan)
      reporter?.nudge()
    },
  })
  if (reporter) ctx.collected = reporter.collected
  deps.recorded?.(plan.launchId)
  reporter?.nudge()
  const result = (): LaunchResult => {
    const status = ledger.getLaunch(plan.launchId)?.status ?? 'ACTIVE'
    const runs = ledger.listRuns(plan.launchId)
    io.setOutput('status', status)
    return {
      plan,
      status,
      runs,
      summaries: launchSummaries(plan, runs),
      ledger: path,
      resultsRoot,
      detached: i.detach,
      checkRunId: reporter?.checkRunId,
      conclusion: reporter?.conclusion,
      night: reporter?.night,
    }
  }
  if (detachLocal) {
    io.log.info(
      `launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${name}, run by process ${launcher.pid}`,
    )
    return result()
  }
  if (!created) {
    // The same launch again (--launch-id): what an earlier launcher left behind is settled from
    // what the backend says, and what it never started or submitted is done now, by this one.
    const r = await reconcileLaunch(backend, ctx, {keepCreated: true})
    if (r.ownerAlive || (backend.remote && ownerRunning(ctx.launch)))
      throw new ConfigError(`launch ${plan.launchId} is being run by another trainer process`, {key: 'launch-id'})
    ledger.setLaunchConfig(plan.launchId, record)
  }
  io.log.info(
    `launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${name}${backend.remote ? '' : `, results in ${resultsRoot}`}`,
  )
  try {
    if (backend.remote) {
      const image = plan.runs[0]?.image
      if (image && !(bconf.type === 'slurm' && bconf.container === 'none'))
        ctx.imageDigest = await registryDigest(io, image, config.image?.['auth-realms'])
      const s = await submitLaunch(backend, ctx)
      if (s.adopted) io.log.info(`${s.adopted} runs were already submitted by an earlier attempt: adopted`)
      if (i.detach) {
        await reporter?.record()
        io.log.info(`detached: trainer status ${plan.launchId} --refresh follows it`)
        return result()
      }
      const waited = await watchLaunch(backend, ctx, {
        interval: pollInterval(bconf),
        retries: bconf.type === 'slurm' ? bconf.retries : undefined,
        deadline: i['wait-timeout'] === undefined ? undefined : Date.now() + i['wait-timeout'] * 1000,
      })
      if (waited === 'deadline') {
        await reporter?.record()
        io.log.warning(
          `stopped waiting after ${i['wait-timeout']} s; the runs go on (trainer status ${plan.launchId} --refresh)`,
        )
        return result()
      }
    } else {
      await backend.submit(
        ctx,
        ledger.listRuns(plan.launchId).filter(r => r.state === 'CREATED'),
      )
    }
  } catch (e: unknown) {
    if (e instanceof PartialSubmitError && !e.definite) {
      // some runs may be on the cluster after all: they stay CREATED, for a later attempt to adopt
      io.log.warning(
        `launch ${plan.launchId}: ${e.message}; trainer status ${plan.launchId} --refresh adopts or submits what is left`,
      )
      ledger.setLaunchConfig(plan.launchId, {...record, launcher: undefined})
      await reporter?.record()
      throw e
    }
    // Every way a launch ends leaves it final: runs it never started are cancelled, with why.
    for (const r of ledger.listRuns(plan.launchId))
      if (r.state === 'CREATED')
        ledger.transition(r.id, 'CANCELLED', {reason: `launch failed: ${getErrorMessage(e)}`, expect: ['CREATED']})
    ledger.finishLaunch(plan.launchId)
    await reporter?.final()
    throw e
  }
  ledger.finishLaunch(plan.launchId)
  await reporter?.final()
  return result()
}
