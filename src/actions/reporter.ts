/**
 * Reporting a launch while it runs (`trainer launch --report`, the launch action): the check
 * run is made `queued` when the launch is recorded, moves to `in_progress` as runs start, and
 * completes with the final report; the sticky PR comment follows it. Updates go out when a run
 * changed state, at most every 30 s, within the launch's request budget (src/report/record.ts);
 * a run's change while an update is in flight or too soon is sent with the next one.
 *
 * `record()` writes the check run now whatever the spacing: the launch's durable record must
 * hold the runs' handles before a detached launch's job ends.
 */
import type {RunResults} from '../backends/types.js'
import type {TrainerConfig} from '../config/schema.js'
import {getErrorMessage} from '../kit/errors.js'
import type {ActionIO} from '../kit/io.js'
import {countRequests, githubClient, type GitHubClient} from '../kit/octokit.js'
import type {GithubRun} from '../kit/github.js'
import type {Ledger, LedgerRun} from '../ledger/ledger.js'
import {
  launchReport,
  localHistories,
  previousBudget,
  recordText,
  reportSettings,
  type ReportSettings,
  type RunHistory,
} from '../report/launch-report.js'
import {checkStatus, findCheckRun, publishReport, type ExistingCheck} from '../report/publish.js'
import type {CachePort} from '../kit/actions-cache.js'
import {writesFor} from '../report/annotations.js'
import {
  baselineCache,
  onDefaultBranch,
  restoreBaseline,
  restoreNight,
  saveBaseline,
  saveNight,
} from './baseline-cache.js'
import {runUrl} from '../kit/github.js'
import type {ReportModel} from '../report/model.js'
import {unmeasured} from '../report/baseline.js'
import {publishRegressionIssue} from '../report/regression-issue.js'
import {regressionsOf} from '../report/render.js'
import type {ScheduledSweep} from './schedule.js'
import {statesKey, updateDue, type ReportBudget} from '../report/record.js'

/** A scheduled sweep's night, judged by its final report. */
export interface JudgedNight {
  /** The regressions against the previous night (fail and warn thresholds), as the report words them. */
  regressions: string[]
  /** The regression issue opened, updated or closed, if any. */
  issue?: number | undefined
}

export class LaunchReporter {
  #budget: ReportBudget | undefined
  #existing: ExistingCheck | undefined
  #inFlight: Promise<void> | undefined
  #pending = false
  #timer: NodeJS.Timeout | undefined
  #closed = false
  #checkRun: ((id: number, url: string) => void) | undefined
  readonly #histories = new Map<string, RunHistory>()
  /** What could not be published, said once each. */
  readonly #said = new Set<string>()
  checkRunId: number | undefined
  /** The check run's conclusion, once a report of the ended launch was published. */
  conclusion: string | undefined
  /** A scheduled sweep's night, once its final report judged it. */
  night: JudgedNight | undefined

  private constructor(
    private readonly io: ActionIO,
    private readonly gh: GitHubClient,
    private readonly g: GithubRun,
    private readonly ledger: Ledger,
    private readonly launchId: string,
    private readonly settings: ReportSettings,
    private readonly resultsRoot: string | undefined,
    private readonly cache: CachePort | undefined,
    private readonly schedule: ScheduledSweep | undefined,
  ) {}

  /**
   * A reporter for the launch, or undefined (with a warning saying why) where it cannot
   * report: not in a workflow step, or no token.
   */
  static async start(
    io: ActionIO,
    o: {
      ledger: Ledger
      launchId: string
      config: TrainerConfig
      configFile: string | undefined
      token: string | undefined
      resultsRoot: string | undefined
      /** A scheduled sweep: judged against the previous night (its own thresholds), with its regression issue. */
      schedule?: ScheduledSweep | undefined
      /** Told the check run once it exists (the launch action's reply to a `/train` comment). */
      checkRun?: ((id: number, url: string) => void) | undefined
    },
  ): Promise<LaunchReporter | undefined> {
    const g = io.github()
    if (!g || !o.token) {
      io.log.warning(
        `report: not reported on GitHub (${g ? 'no token: the github-token input or GITHUB_TOKEN' : 'not in a GitHub Actions step'})`,
      )
      return undefined
    }
    const launch = o.ledger.getLaunch(o.launchId)!
    const settings = await reportSettings(o.config, o.configFile, io.workspace, launch.experiment)
    // without a fixed baseline file, the default branch's through the Actions cache
    const cache = settings.baseline ? undefined : baselineCache(io)
    if (o.schedule) {
      // a night is judged by its schedule's thresholds against the last night that did not regress
      settings.failOn = o.schedule.failOn
      if (!settings.failOn || !Object.keys(settings.failOn).length)
        io.log.warning(
          `schedule ${o.schedule.name}: no fail-on thresholds (schedules.${o.schedule.name}.fail-on or report.fail-on): nights are not judged for regressions`,
        )
      const nightCache = baselineCache(io)
      if (!nightCache)
        io.log.warning(
          `schedule ${o.schedule.name}: no Actions cache service here (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN): the previous night cannot be compared`,
        )
      else {
        const b = await restoreNight(io, nightCache, o.schedule.name, launch.experiment)
        settings.baseline = b.baseline
        if (b.problem) io.log.warning(`report: ${b.problem}`)
        if (b.baseline) io.log.info(`schedule ${o.schedule.name}: judged against the ${b.baseline.source}`)
      }
    } else if (cache && g.pullRequest !== undefined) {
      const b = await restoreBaseline(io, cache, g, launch.experiment)
      if (b.baseline) settings.baseline = b.baseline
      if (b.problem) io.log.warning(`report: ${b.problem}`)
    }
    const gh = githubClient({token: o.token, apiUrl: g.apiUrl, log: io.log})
    const r = new LaunchReporter(io, gh, g, o.ledger, o.launchId, settings, o.resultsRoot, cache, o.schedule)
    r.#checkRun = o.checkRun
    io.onClose(() => r.close())
    return r
  }

  /** Keeps what a poll collected of ended runs (their histories draw the curves). */
  collected = (run: LedgerRun, res: RunResults): void => {
    this.#histories.set(run.id, {history: res.metrics?.history, problem: res.problem})
  }

  /** A run changed state: report it when due. Never throws, never waits. */
  nudge(): void {
    if (this.#closed) return
    if (this.#inFlight) {
      this.#pending = true
      return
    }
    this.#inFlight = this.#send('progress').finally(() => {
      this.#inFlight = undefined
      if (this.#pending) {
        this.#pending = false
        this.nudge()
      }
    })
  }

  /** Writes the check run now (the launch's record with every run's handle). */
  async record(): Promise<void> {
    await this.#settle()
    await this.#send('record')
  }

  /** The final report: the launch has ended (or this step stops following it). */
  async final(): Promise<void> {
    await this.#settle()
    await this.#send('final')
    this.close()
  }

  close(): void {
    this.#closed = true
    clearTimeout(this.#timer)
  }

  async #settle(): Promise<void> {
    clearTimeout(this.#timer)
    this.#pending = false
    while (this.#inFlight) await this.#inFlight
  }

  async #send(kind: 'progress' | 'record' | 'final'): Promise<void> {
    try {
      const runs = this.ledger.listRuns(this.launchId)
      const launch = this.ledger.getLaunch(this.launchId)!
      const now = this.io.now()
      const states = statesKey(runs)
      if (!this.#existing && this.checkRunId === undefined) {
        const finding = countRequests(this.gh)
        this.#existing = await findCheckRun(this.gh, this.g, {
          experiment: launch.experiment,
          launchId: launch.id,
          github: launch.github,
        })
        // what an earlier report of this launch spent, and this search
        const earlier = previousBudget(this.#existing)
        this.#budget = {...earlier, requests: (earlier?.requests ?? 0) + finding.count()}
      }
      if (kind === 'progress') {
        const due = updateDue(this.#budget, {now, states, final: false})
        if (!due.due) {
          if (due.waitMs !== undefined && !this.#closed) {
            clearTimeout(this.#timer)
            this.#timer = setTimeout(() => this.nudge(), due.waitMs)
            this.#timer.unref()
          }
          return
        }
      }
      const histories = new Map([...(await localHistories(this.resultsRoot, runs)), ...this.#histories])
      const report = launchReport(launch, runs, histories, this.settings, {now})
      // a scheduled sweep keeps its nights (#judge), not the experiment's baseline: its parameters may differ
      if (
        kind === 'final' &&
        this.cache &&
        !this.schedule &&
        report.rendered.conclusion &&
        onDefaultBranch(this.g, this.io.env)
      ) {
        const b = await saveBaseline(this.io, this.cache, report.model, this.g)
        if (b.problem) this.io.log.warning(`report: ${b.problem}`)
      }
      const spent = countRequests(this.gh)
      const before = this.#budget
      const published = await publishReport(this.gh, this.g, report.model, report.rendered, {
        check: {
          existing: this.#existing,
          annotations: report.annotations,
          // what this launch spent is counted here: the check run as last written holds no record
          text: recordText(launch, runs, {
            spent: spent.count,
            now,
            states,
            writes: writesFor(report.annotations),
            before,
          }),
        },
        comment: true,
        commentId: before?.commentId,
      })
      const commentId = published.commentId ?? before?.commentId
      this.#budget = {
        requests: (before?.requests ?? 0) + spent.count(),
        updatedAt: now.toISOString(),
        states,
        ...(commentId === undefined ? {} : {commentId}),
      }
      for (const p of published.problems)
        if (!this.#said.has(p)) {
          this.#said.add(p)
          this.io.log.warning(`report: ${p}`)
        }
      if (kind === 'final' && this.schedule && report.rendered.conclusion)
        await this.#judge(report.model, published.checkRunUrl ?? this.#existing?.url)
      if (published.checkRunId !== undefined) {
        if (this.checkRunId === undefined) this.#checkRun?.(published.checkRunId, published.checkRunUrl ?? '')
        this.checkRunId = published.checkRunId
        this.conclusion = report.rendered.conclusion
        this.#existing = {
          id: published.checkRunId,
          url: published.checkRunUrl ?? '',
          status: checkStatus(report.model, report.rendered),
          conclusion: report.rendered.conclusion ?? null,
          summary: report.rendered.check,
          text: null,
          annotationsCount: 0,
        }
      }
    } catch (e: unknown) {
      // reporting never stops a launch
      this.io.log.warning(`report: ${getErrorMessage(e)}`)
    }
  }

  /**
   * A scheduled sweep's ended night: its regressions against the previous night open, update or
   * close the regression issue, and a night without one is kept for the next to be judged
   * against. Only on the default branch: a dispatch on another branch is judged, not kept.
   */
  async #judge(model: ReportModel, checkRunUrl: string | undefined): Promise<void> {
    const s = this.schedule!
    const found = regressionsOf(model, this.settings.failOn ?? {})
    const regressions = [...found.fail, ...found.warn]
    this.night = {regressions}
    if (!onDefaultBranch(this.g, this.io.env)) {
      this.io.log.info(
        `schedule ${s.name}: not on the default branch: this night is neither kept for the next nor written to an issue`,
      )
      return
    }
    // a night without a regression closes the issue only if it was compared: a first night, one
    // whose previous night the cache lost, or one that lacks a point the previous night measured
    // (its runs failed: the point that regressed, maybe) says nothing about a regression
    const metrics = Object.keys(this.settings.failOn ?? {})
    const missed = this.settings.baseline ? unmeasured(model, this.settings.baseline, metrics) : []
    const compared =
      this.settings.baseline !== undefined &&
      metrics.length > 0 &&
      found.unknown.length === 0 &&
      missed.length === 0 &&
      model.runs.some(r => r.state === 'SUCCEEDED')
    if (s.issue && (regressions.length || compared)) {
      try {
        const sha = model.github?.headSha ?? this.g.headSha
        const issue = await publishRegressionIssue(this.gh, this.g, {
          schedule: s.name,
          experiment: model.experiment,
          regressions,
          against: this.settings.baseline?.source,
          date: this.io.now().toISOString().slice(0, 10),
          sha,
          checkRunUrl,
          runUrl: runUrl(this.g),
          labels: s.issue.labels,
          assignees: s.issue.assignees,
        })
        this.night.issue = issue.number
        if (issue.action !== 'unchanged')
          this.io.log.info(`schedule ${s.name}: regression issue #${issue.number} ${issue.action}`)
      } catch (e: unknown) {
        this.io.log.warning(
          `schedule ${s.name}: the regression issue could not be written (permissions: issues: write): ${getErrorMessage(e)}`,
        )
      }
    }
    if (regressions.length) return
    // kept, it would be the next night's baseline without those points: their regression lost
    if (missed.length) {
      this.io.log.info(
        `schedule ${s.name}: ${missed.length} sweep point${missed.length === 1 ? '' : 's'} the previous night measured ${missed.length === 1 ? 'has' : 'have'} no value tonight: this night is not kept`,
      )
      return
    }
    const cache = baselineCache(this.io)
    if (!cache) return
    const b = await saveNight(this.io, cache, model, this.g, s.name)
    if (b.problem) this.io.log.warning(`report: ${b.problem}`)
    else this.io.log.info(`schedule ${s.name}: this night is kept for the next to be judged against (${b.key})`)
  }
}
