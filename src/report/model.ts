/**
 * A launch's report as plain data: built once from the ledger (and each run's metrics.json
 * history where it can be read), then rendered for each place it goes (a check run, the
 * sticky PR comment, the job summary) by pure functions (src/report/render.ts).
 */
import type {GithubContext, LaunchStatus, LedgerLaunch, LedgerRun} from '../ledger/ledger.js'
import type {RunState} from '../ledger/states.js'
import type {Scalar} from '../plan/types.js'

/** One run as a report shows it. */
export interface ReportRun {
  id: string
  state: RunState
  /** The sweep point (the swept parameters' values). */
  point: Record<string, Scalar>
  seed: number
  final: Record<string, number>
  /** Metric points by step (metrics.json `history`), when they could be read. */
  history?: Record<string, number>[] | undefined
  reason?: string | undefined
  links: {log?: string; artifacts?: string; page?: string}
  /** Seconds from submission to start, and from start to end, where the backend knows them. */
  queuedS?: number | undefined
  runS?: number | undefined
  gpus?: number | undefined
  /**
   * What could not be read for this run, and why, for the report to say so (`metrics.json is
   * not JSON`, `metrics.json is empty`, `no metrics.json`). Optional: the renderers also say
   * what is missing when nobody says why.
   */
  problems?: string[] | undefined
}

/** A baseline to compare with: the same experiment's metrics per sweep point, from elsewhere. */
export interface Baseline {
  /** Where it came from, for the reader: `main@1a2b3c4`, `baseline.json`. */
  source: string
  /** Per sweep point (its JSON key: sorted entries), metric → mean and spread. */
  points: Record<string, Record<string, {mean: number; std: number; n: number}>>
}

export interface ReportModel {
  launchId: string
  experiment: string
  backend: string
  status: LaunchStatus
  createdAt: string
  finishedAt?: string | undefined
  github?: GithubContext | undefined
  runs: ReportRun[]
  baseline?: Baseline | undefined
  /** The metric the curves plot besides the loss (default: the first that is not `loss`). */
  primaryMetric?: string | undefined
}

/** A sweep point's key: its entries sorted by name, as JSON. */
export function pointKey(point: Record<string, Scalar>): string {
  return JSON.stringify(Object.entries(point).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

const seconds = (from: string | undefined, to: string | undefined): number | undefined =>
  from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : undefined

/** The report of a recorded launch; `history` reads a run's metric history when it can. */
export function reportModel(
  launch: LedgerLaunch,
  runs: readonly LedgerRun[],
  o: {history?: (run: LedgerRun) => Record<string, number>[] | undefined; baseline?: Baseline; now?: Date} = {},
): ReportModel {
  const points = new Map(launch.plan.runs.map(r => [r.id, r.point]))
  const now = (o.now ?? new Date()).toISOString()
  return {
    launchId: launch.id,
    experiment: launch.experiment,
    backend: launch.backend,
    status: launch.status,
    createdAt: launch.createdAt,
    finishedAt: launch.finishedAt,
    github: launch.github,
    baseline: o.baseline,
    runs: runs.map(r => ({
      id: r.id,
      state: r.state,
      point: points.get(r.id) ?? {},
      seed: r.seed,
      final: r.metrics,
      history: o.history?.(r),
      reason: r.reason,
      links: r.links,
      queuedS: seconds(r.submittedAt, r.startedAt ?? (r.endedAt ? undefined : now)),
      runS: seconds(r.startedAt, r.endedAt ?? (r.startedAt ? now : undefined)),
      gpus: r.resources.gpus,
    })),
  }
}
