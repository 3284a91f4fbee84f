/**
 * How a training process reports metrics to `trainer run`, either way:
 * - a line on stdout: `TRAINER_METRIC {"step": 10, "loss": 0.42, "acc": 0.81}`
 * - a line appended to `$TRAINER_RUN_DIR/metrics.jsonl`: `{"step": 10, "loss": 0.42}`
 * Each object is one point of the history; `step` (optional) orders them. The final
 * value of each metric is its last reported value, unless the training writes its own
 * `metrics.json` (an object of numbers), which then gives the final values.
 */
import {RUN_STATUSES, RunMetricsSchema, type RunMetricsContract} from './contract.js'

export const METRIC_MARKER = 'TRAINER_METRIC '

export type MetricPoint = Record<string, number>

export type RunStatus = (typeof RUN_STATUSES)[number]

/** What the runner always writes to `<run dir>/metrics.json`: the run contract's metrics. */
export type RunMetrics = RunMetricsContract

/** Distinct metric names kept (the training's own metrics.json included); later new names are dropped. */
export const MAX_METRICS = 1000
/** Longest metric name kept. */
export const MAX_NAME = 200
/** metrics.json stays well under what a launcher reads back (64 MiB): the history stops growing past this estimate. */
const MAX_HISTORY_BYTES = 32 << 20

/** Keeps the numeric fields of a reported object (names up to {@link MAX_NAME}); undefined when there are none. */
export function toPoint(v: unknown): MetricPoint | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
  const p: MetricPoint = {}
  let n = 0
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'number' || !Number.isFinite(x) || k.length > MAX_NAME || k === '__proto__') continue
    p[k] = x
    if (++n === MAX_METRICS) break
  }
  return n > 0 ? p : undefined
}

export class MetricsCollector {
  readonly history: MetricPoint[] = []
  /** The last value of every metric, kept past the history's cap. */
  private readonly latest = new Map<string, number>()
  private historyBytes = 0
  /** Points or names dropped at a cap. */
  dropped = 0
  private readonly maxHistory: number
  constructor(maxHistory = 100_000) {
    this.maxHistory = maxHistory
  }

  add(v: unknown): boolean {
    const p = toPoint(v)
    if (!p) return false
    for (const k of Object.keys(p)) {
      if (this.latest.has(k) || this.latest.size < MAX_METRICS) continue
      Reflect.deleteProperty(p, k)
      this.dropped++
    }
    // about what the point takes in metrics.json, indented
    const bytes = Object.keys(p).reduce((n, k) => n + k.length + 32, 16)
    if (this.history.length < this.maxHistory && this.historyBytes + bytes <= MAX_HISTORY_BYTES) {
      this.history.push(p)
      this.historyBytes += bytes
    } else this.dropped++
    for (const [k, x] of Object.entries(p)) if (k !== 'step') this.latest.set(k, x)
    return true
  }

  /** Takes a stdout line; true when it was a metric line. */
  line(text: string): boolean {
    if (!text.startsWith(METRIC_MARKER)) return false
    return this.jsonLine(text.slice(METRIC_MARKER.length))
  }

  /** Takes a line of metrics.jsonl; false when it is not a metric object (a torn last line, say). */
  jsonLine(text: string): boolean {
    if (!text.trim()) return false
    try {
      return this.add(JSON.parse(text))
    } catch {
      return false
    }
  }

  /**
   * Last value of each metric (`step` excluded), overridden by the numbers of the training's
   * own metrics.json (its `final` when it has trainer run's shape), never anything else of it.
   */
  final(own?: unknown): Record<string, number> {
    const out = Object.fromEntries(this.latest)
    const mine =
      typeof own === 'object' && own !== null && 'version' in own && own.version === 1 && 'final' in own
        ? own.final
        : own
    for (const [k, x] of Object.entries(toPoint(mine) ?? {}))
      if (k in out || Object.keys(out).length < MAX_METRICS) out[k] = x
    return out
  }

  sortedHistory(): MetricPoint[] {
    return this.history.every(p => p.step !== undefined)
      ? [...this.history].sort((a, b) => a.step! - b.step!)
      : this.history
  }
}

/** metrics.json's text, checked against the run contract first (a launcher reads it with the same schema). */
export function serializeMetrics(m: RunMetrics): string {
  return JSON.stringify(RunMetricsSchema.parse(m), null, 2) + '\n'
}
