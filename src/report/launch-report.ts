/**
 * One launch's report, from its ledger rows to what is published: the model (with each run's
 * history and what could not be read of it), the three renderings, the failure annotations,
 * and the hidden launch record for the check run. Shared by `trainer report` (actions/report)
 * and `trainer reconcile` (actions/reconcile), so the two publish the same thing.
 */
import {readFile} from 'node:fs/promises'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import {readRunMetrics} from '../backends/outcome.js'
import type {TrainerConfig} from '../config/schema.js'
import type {LedgerLaunch, LedgerRun} from '../ledger/ledger.js'
import {failureAnnotations, type CheckAnnotation, type ExperimentSource} from './annotations.js'
import {readBaseline} from './baseline.js'
import {reportModel, type Baseline, type ReportModel} from './model.js'
import type {ExistingCheck} from './publish.js'
import {decodeRecord, encodeRecord, statesKey, type ReportBudget} from './record.js'
import {REPORT_LIMITS, renderReports, type MetricThreshold, type RenderedReports, type ReportTarget} from './render.js'

/** What trainer.yml says about reporting an experiment. */
export interface ReportSettings {
  primaryMetric?: string | undefined
  failOn?: Record<string, MetricThreshold> | undefined
  /** A fixed baseline file (`report.baseline`). */
  baseline?: Baseline | undefined
  /** Where the experiment is defined, for annotations (a path relative to the workspace). */
  source?: ExperimentSource | undefined
}

/** The report settings of trainer.yml for one experiment. */
export async function reportSettings(
  config: TrainerConfig,
  configFile: string | undefined,
  workspace: string,
  experiment: string,
): Promise<ReportSettings> {
  const rc = config.report
  const baseline = rc?.baseline
    ? await readBaseline(resolve(configFile ? dirname(configFile) : workspace, rc.baseline), experiment)
    : undefined
  return {primaryMetric: rc?.['primary-metric'], failOn: rc?.['fail-on'], baseline, source: await sourceOf()}

  async function sourceOf(): Promise<ExperimentSource | undefined> {
    if (!configFile) return undefined
    const path = relative(workspace, configFile)
    // annotations name a file of the repository: nothing outside the workspace
    if (path.startsWith('..') || isAbsolute(path)) return undefined
    const {experimentLine} = await import('../config/parse.js')
    const line = experimentLine(await readFile(configFile, 'utf8'), experiment)
    return line === undefined ? undefined : {path: path.split(sep).join('/'), line}
  }
}

/** A run's metric history and what could not be read of its results. */
export interface RunHistory {
  history?: Record<string, number>[] | undefined
  problem?: string | undefined
}

/** Each finished run's history from the metrics.json it left under `root` (local results). */
export async function localHistories(
  root: string | undefined,
  runs: readonly LedgerRun[],
): Promise<Map<string, RunHistory>> {
  if (!root) return new Map()
  return new Map(
    await Promise.all(
      runs.map(async r => {
        const m = await readRunMetrics(root, r.output)
        // a run under way has no metrics.json yet: that is not a problem
        const running = !['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(r.state)
        return [r.id, {history: m.metrics?.history, problem: running ? undefined : m.problem}] as const
      }),
    ),
  )
}

export interface LaunchReport {
  model: ReportModel
  rendered: RenderedReports
  annotations: CheckAnnotation[]
  /** The runs' states (record.ts statesKey). */
  states: string
}

/** The report of a launch as its ledger rows say. */
export function launchReport(
  launch: LedgerLaunch,
  runs: readonly LedgerRun[],
  histories: ReadonlyMap<string, RunHistory>,
  s: ReportSettings,
  o: {now: Date; limits?: Partial<Record<ReportTarget, number>>},
): LaunchReport {
  const base = reportModel(launch, runs, {
    history: r => histories.get(r.id)?.history,
    now: o.now,
    ...(s.baseline ? {baseline: s.baseline} : {}),
  })
  const model: ReportModel = {
    ...base,
    primaryMetric: s.primaryMetric,
    runs: base.runs.map(r => {
      const problem = histories.get(r.id)?.problem
      return problem ? {...r, problems: [problem]} : r
    }),
  }
  const rendered = renderReports(model, {failOn: s.failOn, ...(o.limits ? {limits: o.limits} : {})})
  return {model, rendered, annotations: failureAnnotations(model, s.source), states: statesKey(runs)}
}

/**
 * The check run's output text: the hidden launch record, with the requests spent so far on
 * this launch (those before, from `before` or else the record there, and `spent` now, plus the
 * writes about to be made) and the sticky comment written. A record too large for the text is
 * left out, and the text says so.
 */
export function recordText(
  launch: LedgerLaunch,
  runs: LedgerRun[],
  o: {spent: () => number; now: Date; states: string; writes: number; before?: ReportBudget | undefined},
): (existing: ExistingCheck | undefined, commentId: number | undefined) => string {
  return (existing, commentId) => {
    const before = o.before ?? previousBudget(existing)
    const comment = commentId ?? before?.commentId
    const budget: ReportBudget = {
      requests: (before?.requests ?? 0) + o.spent() + o.writes,
      updatedAt: o.now.toISOString(),
      states: o.states,
      ...(comment === undefined ? {} : {commentId: comment}),
    }
    const block = encodeRecord({v: 1, launch, runs, budget})
    if (block.length <= REPORT_LIMITS.check) return block
    return (
      `This launch's record (${block.length} bytes) is larger than a check run's text holds ` +
      `(${REPORT_LIMITS.check}): it cannot be reconciled from here, so keep the job waiting for it (wait: true).`
    )
  }
}

/** The budget the check run's record holds, if it holds one. */
export function previousBudget(existing: Pick<ExistingCheck, 'text'> | undefined): ReportBudget | undefined {
  if (!existing) return undefined
  const r = decodeRecord(existing.text)
  return 'problem' in r ? undefined : r.budget
}
