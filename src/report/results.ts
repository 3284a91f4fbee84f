import type {Scalar} from '../plan/types.js'
import {textTable} from './text-table.js'

/** One finished run as the results table needs it. */
export interface RunResult {
  point: Record<string, Scalar>
  state: string
  final: Record<string, number>
}

export interface PointSummary {
  point: Record<string, Scalar>
  runs: number
  succeeded: number
  /** metric → mean and sample standard deviation over the point's succeeded runs (its seeds). */
  metrics: Record<string, {mean: number; std: number; n: number}>
}

/** Groups runs by sweep point and gives each metric's mean and spread across seeds. */
export function summarize(results: readonly RunResult[]): PointSummary[] {
  const groups = new Map<string, {point: Record<string, Scalar>; rs: RunResult[]}>()
  for (const r of results) {
    const key = JSON.stringify(Object.entries(r.point).sort(([a], [b]) => (a < b ? -1 : 1)))
    const g = groups.get(key) ?? {point: r.point, rs: []}
    g.rs.push(r)
    groups.set(key, g)
  }
  return [...groups.values()].map(({point, rs}) => {
    const ok = rs.filter(r => r.state === 'SUCCEEDED')
    const names = [...new Set(ok.flatMap(r => Object.keys(r.final)))].sort()
    const metrics: PointSummary['metrics'] = {}
    for (const m of names) {
      const xs = ok.map(r => r.final[m]).filter((x): x is number => x !== undefined)
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length
      const std = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0
      metrics[m] = {mean, std, n: xs.length}
    }
    return {point, runs: rs.length, succeeded: ok.length, metrics}
  })
}

const num = (x: number): string =>
  x === 0 ? '0' : Math.abs(x) >= 1000 || Math.abs(x) < 0.001 ? x.toExponential(2) : String(+x.toPrecision(3))

/** The results table of a launch, for a terminal: one row per sweep point, mean ± std per metric. */
export function resultsTable(summaries: readonly PointSummary[]): string {
  const pointKeys = [...new Set(summaries.flatMap(s => Object.keys(s.point)))]
  const metricKeys = [...new Set(summaries.flatMap(s => Object.keys(s.metrics)))].sort()
  const head = [...pointKeys, 'ok/runs', ...metricKeys.map(m => `${m} (mean ± std)`)]
  const rows = summaries.map(s => [
    ...pointKeys.map(k => (k in s.point ? String(s.point[k]) : '')),
    `${s.succeeded}/${s.runs}`,
    ...metricKeys.map(m => {
      const v = s.metrics[m]
      return v ? `${num(v.mean)} ± ${num(v.std)}` : '-'
    }),
  ])
  return textTable(head, rows, {rule: true})
}
