/**
 * How a training process reports metrics to `trainer run`, either way:
 * - a line on stdout: `TRAINER_METRIC {"step": 10, "loss": 0.42, "acc": 0.81}`
 * - a line appended to `$TRAINER_RUN_DIR/metrics.jsonl`: `{"step": 10, "loss": 0.42}`
 * Each object is one point of the history; `step` (optional) orders them. The final
 * value of each metric is its last reported value, unless the training writes its own
 * `metrics.json` (an object of numbers), which then gives the final values.
 */
export const METRIC_MARKER = 'TRAINER_METRIC '

export type MetricPoint = Record<string, number>

export type RunStatus = 'succeeded' | 'failed' | 'interrupted' | 'timeout' | 'config_error' | 'upload_failed'

/** What the runner always writes to `<run dir>/metrics.json`. */
export interface RunMetrics {
  version: 1
  experiment: string
  run_index: number
  seed: number
  params: Record<string, string | number | boolean>
  tag: string | null
  status: RunStatus
  exit_code: number
  reason: string | null
  started_at: string
  ended_at: string
  duration_s: number
  final: Record<string, number>
  history: MetricPoint[]
}

/** Keeps the numeric fields of a reported object; undefined when there are none. */
export function toPoint(v: unknown): MetricPoint | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
  const p: MetricPoint = {}
  for (const [k, x] of Object.entries(v)) if (typeof x === 'number' && Number.isFinite(x)) p[k] = x
  return Object.keys(p).length ? p : undefined
}

export class MetricsCollector {
  readonly history: MetricPoint[] = []
  /** The last value of every metric, kept past the history's cap. */
  private readonly latest: Record<string, number> = {}
  private maxHistory: number
  constructor(maxHistory = 100_000) {
    this.maxHistory = maxHistory
  }

  add(v: unknown): boolean {
    const p = toPoint(v)
    if (!p) return false
    if (this.history.length < this.maxHistory) this.history.push(p)
    for (const [k, x] of Object.entries(p)) if (k !== 'step') this.latest[k] = x
    return true
  }

  /** Takes a stdout line; true when it was a metric line. */
  line(text: string): boolean {
    if (!text.startsWith(METRIC_MARKER)) return false
    try {
      return this.add(JSON.parse(text.slice(METRIC_MARKER.length)))
    } catch {
      return false
    }
  }

  /** Takes the contents of a metrics.jsonl file. */
  jsonl(text: string): void {
    for (const l of text.split('\n')) {
      if (!l.trim()) continue
      try {
        this.add(JSON.parse(l))
      } catch {
        // a torn last line of a file still being written
      }
    }
  }

  /** Last value of each metric (`step` excluded), overridden by the training's own finals. */
  final(own?: unknown): Record<string, number> {
    return {...this.latest, ...(toPoint(own) ?? {})}
  }

  sortedHistory(): MetricPoint[] {
    return this.history.every(p => p.step !== undefined)
      ? [...this.history].sort((a, b) => a.step! - b.step!)
      : this.history
  }
}
