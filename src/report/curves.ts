/**
 * Training curves as Mermaid `xychart-beta` blocks, which GitHub draws in comments, check runs
 * and job summaries: the loss and the primary metric against the step, one line per sweep
 * point, its seeds averaged.
 *
 * What the chart grammar allows, and what follows from it (mermaid's `xychart.jison` and
 * `xychartDb.ts`):
 * - numbers are `[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent, so values are written in full;
 * - a numeric x-axis (`x-axis "step" 0 --> 1000`) spreads each line's values evenly from its
 *   minimum to its maximum, so every line has one value per point of one shared, evenly
 *   spaced grid of steps. Mermaid makes the grid by adding (max - min)/(n - 1) up to max: the
 *   step between grid points is kept a whole number (or checked) so no point is lost to
 *   rounding; when it cannot be, the axis is categorical instead;
 * - there is no legend (in the versions GitHub runs), so the lines get a fixed palette
 *   (front matter `themeVariables.xyChart.plotColorPalette`), a name, and a caption under the
 *   chart that says which coloured line is which point;
 * - texts are quoted and may not hold `"`; `%%` starts a comment anywhere.
 *
 * The grid: at most `maxPoints` (100) steps. A point's value at a grid step is the mean of its
 * seed-averaged values in that step's bucket (half a grid step either side); a bucket with no
 * value is interpolated from the neighbouring steps; before a point's first or after its last
 * step its line is held flat at that value (the caption says where a line's steps end).
 * Steps: a history entry's `step`, else its position in the history. NaN and ±Infinity are
 * skipped, never written.
 */
import {escapeMarkdown, inlineCode, mermaidText} from './escape.js'
import {count, mermaidNumber, plural} from './format.js'
import type {ReportModel} from './model.js'
import {groupPoints, pointLabel, primaryMetric} from './points.js'

/** Line colours, and the emoji square each is told by in the caption (GitHub Primer colours). */
export const PALETTE: readonly {color: string; square: string}[] = [
  {color: '#2f81f7', square: '🟦'},
  {color: '#f0883e', square: '🟧'},
  {color: '#3fb950', square: '🟩'},
  {color: '#f85149', square: '🟥'},
  {color: '#a371f7', square: '🟪'},
  {color: '#9e6a03', square: '🟫'},
  {color: '#d29922', square: '🟨'},
  {color: '#6e7781', square: '⬛'},
]

export interface CurveOptions {
  /** Most grid steps per chart (default 100). */
  maxPoints?: number
  /** Most lines per chart (default the palette's 8); more points make more charts. */
  linesPerChart?: number
}

/** One sweep point's seed-averaged curve of one metric. */
export interface CurveLine {
  label: string
  /** Runs whose history had the metric. */
  runs: number
  /** Each of those runs' last step with the metric. */
  ends: number[]
  /** Steps with their mean over the seeds that have them, ascending. */
  points: [number, number][]
}

export interface Curve {
  metric: string
  lines: CurveLine[]
  /** NaN/Infinity values of the metric that were skipped. */
  skipped: number
}

export interface Curves {
  /** Markdown: a heading-less block per chart (the ```mermaid fence and its caption). */
  blocks: string[]
  /** What the charts could not show, and why (Markdown, user text escaped). */
  notes: string[]
  /** Runs with a metric history, of all runs. */
  withHistory: number
}

/** The metrics the curves plot: `loss` and the primary metric, those that some history has. */
export function curveMetrics(model: ReportModel): string[] {
  const primary = primaryMetric(model)
  const wanted = primary && primary !== 'loss' ? ['loss', primary] : ['loss']
  return wanted.filter(m => model.runs.some(r => r.history?.some(h => m in h)))
}

/** Curves already computed, per model and metric: a report renders the same curves for each target. */
const computed = new WeakMap<ReportModel, Map<string, Curve>>()

/** Each sweep point's curve of `metric`: per step, the mean over the seeds that reached it (computed once per model). */
export function curve(model: ReportModel, metric: string): Curve {
  let byMetric = computed.get(model)
  if (!byMetric) computed.set(model, (byMetric = new Map<string, Curve>()))
  const known = byMetric.get(metric)
  if (known) return known
  const c = computeCurve(model, metric)
  byMetric.set(metric, c)
  return c
}

function computeCurve(model: ReportModel, metric: string): Curve {
  let skipped = 0
  const lines: CurveLine[] = []
  for (const g of groupPoints(model.runs)) {
    const acc = new Map<number, {sum: number; n: number}>()
    let runs = 0
    const ends: number[] = []
    for (const r of g.runs) {
      if (!r.history) continue
      const seen = new Map<number, number>() // a step logged twice in one run: its last value
      r.history.forEach((h, i) => {
        const v = h[metric]
        if (typeof v !== 'number') return
        if (!Number.isFinite(v)) return void skipped++
        const s = h.step
        seen.set(typeof s === 'number' && Number.isFinite(s) ? s : i, v)
      })
      if (seen.size === 0) continue
      runs++
      let end = -Infinity
      for (const k of seen.keys()) if (k > end) end = k
      ends.push(end)
      for (const [s, v] of seen) {
        const a = acc.get(s)
        if (a) {
          a.sum += v
          a.n++
        } else acc.set(s, {sum: v, n: 1})
      }
    }
    if (runs === 0) continue
    const points = [...acc].map(([s, a]): [number, number] => [s, a.sum / a.n]).sort((a, b) => a[0] - b[0])
    lines.push({label: pointLabel(g.point), runs, ends, points})
  }
  return {metric, lines, skipped}
}

/** The shared grid of steps: evenly spaced, at most `max` of them, covering every line. */
export interface Grid {
  steps: number[]
  /** A numeric axis (`min --> max`) when Mermaid rebuilds exactly these steps; else categories. */
  linear: boolean
}

/** How many categories Mermaid makes for a numeric x-axis and `n` values (its own loop, in doubles). */
export function mermaidLinearCount(min: number, max: number, n: number): number {
  if (n < 2) return n
  const step = (max - min) / (n - 1)
  if (!(step > 0)) return 1
  let k = 0
  for (let i = min; i <= max; i += step) k++
  return k
}

/** The number written for an x-axis step: whole numbers in full, others to 10 significant digits. */
const stepText = (x: number): string =>
  Number.isInteger(x) && Math.abs(x) < 1e21 ? String(x) : String(+x.toPrecision(10))

export function grid(lines: readonly CurveLine[], max = 100): Grid {
  const distinct = [...new Set(lines.flatMap(l => l.points.map(p => p[0])))].sort((a, b) => a - b)
  const lo = distinct[0] ?? 0
  const hi = distinct[distinct.length - 1] ?? 0
  if (distinct.length <= 1) return {steps: [lo], linear: false}
  const whole = distinct.every(Number.isInteger)
  const gaps = distinct.slice(1).map((s, i) => s - distinct[i]!)
  let step: number
  if (distinct.length <= max && gaps.every(g => g === gaps[0])) step = gaps[0]!
  else step = (hi - lo) / (Math.max(2, max) - 1)
  if (whole) step = Math.max(1, Math.ceil(step))
  const n = Math.min(max, Math.ceil((hi - lo) / step - 1e-9) + 1)
  const steps = Array.from({length: n}, (_, j) => lo + j * step)
  const first = Number(stepText(steps[0]!))
  const last = Number(stepText(steps[n - 1]!))
  return {steps, linear: mermaidLinearCount(first, last, n) === n}
}

/** A line's values on the grid: bucket means, interpolated where a bucket is empty, held flat outside. */
export function resample(points: readonly [number, number][], steps: readonly number[]): number[] {
  const n = steps.length
  if (points.length === 0) return []
  const half = n > 1 ? (steps[1]! - steps[0]!) / 2 : Infinity
  const sum = new Array<number>(n).fill(0)
  const cnt = new Array<number>(n).fill(0)
  let j = 0
  for (const [s, v] of points) {
    while (j < n - 1 && s >= steps[j]! + half) j++
    if (Math.abs(s - steps[j]!) <= half) {
      sum[j]! += v
      cnt[j]!++
    }
  }
  const first = points[0]!
  const last = points[points.length - 1]!
  let k = 0 // points[k] is the first point at or after the grid step
  return steps.map((x, i) => {
    if (cnt[i]! > 0) return sum[i]! / cnt[i]!
    if (x <= first[0]) return first[1]
    if (x >= last[0]) return last[1]
    while (points[k]![0] < x) k++
    const [x1, y1] = points[k]!
    const [x0, y0] = points[k - 1]!
    return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)
  })
}

/** The y-axis range: the values' span with 5% to spare, never empty. */
function yRange(values: readonly number[]): [number, number] {
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.1 || 1
  lo -= pad
  hi += pad
  return [lo, hi]
}

const bound = (x: number, dir: 'down' | 'up'): string => {
  // 4 significant digits, rounded outward so every value stays inside the axis
  if (x === 0) return '0'
  const e = Math.floor(Math.log10(Math.abs(x))) - 3
  const f = 10 ** e
  // (a hair of tolerance: 0.7 / 0.0001 is 6999.999… in doubles; the 5% pad leaves room)
  const r = dir === 'down' ? Math.floor(x / f + 1e-9) * f : Math.ceil(x / f - 1e-9) * f
  return mermaidNumber(+r.toPrecision(4))
}

/** One chart: the ```mermaid fence. */
function chart(title: string, metric: string, g: Grid, lines: {label: string; values: number[]}[]): string {
  const all = lines.flatMap(l => l.values)
  const [lo, hi] = yRange(all)
  const colors = lines.map((_, i) => PALETTE[i % PALETTE.length]!.color).join(', ')
  const x = g.linear
    ? `${stepText(g.steps[0]!)} --> ${stepText(g.steps[g.steps.length - 1]!)}`
    : `[${g.steps.map(s => `"${stepText(s)}"`).join(', ')}]`
  return [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    width: 900',
    '    xAxis:',
    '      labelFontSize: 12',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colors}"`,
    '---',
    'xychart-beta',
    `  title "${mermaidText(title, 80)}"`,
    `  x-axis "step" ${x}`,
    `  y-axis "${mermaidText(metric)}" ${bound(lo, 'down')} --> ${bound(hi, 'up')}`,
    ...lines.map(l => `  line "${mermaidText(l.label)}" [${l.values.map(mermaidNumber).join(', ')}]`),
    '```',
  ].join('\n')
}

/**
 * The curves of a report: charts (a Mermaid block and its caption each) for `loss` and the
 * primary metric, and notes on what they could not show.
 */
export function curveBlocks(model: ReportModel, o: CurveOptions = {}): Curves {
  const maxPoints = Math.max(2, o.maxPoints ?? 100)
  const per = Math.max(1, Math.min(o.linesPerChart ?? PALETTE.length, PALETTE.length))
  const blocks: string[] = []
  const notes: string[] = []
  const total = model.runs.length
  const withHistory = model.runs.filter(r => r.history && r.history.length > 0).length
  if (total > 0 && withHistory < total)
    notes.push(
      `${plural(total - withHistory, 'run')} ${total - withHistory === 1 ? 'has' : 'have'} no metric history: curves from ${count(withHistory)} of ${plural(total, 'run')}.`,
    )
  const metrics = curveMetrics(model)
  const primary = primaryMetric(model)
  for (const m of ['loss', ...(primary && primary !== 'loss' ? [primary] : [])])
    if (!metrics.includes(m) && withHistory > 0) notes.push(`No history has ${inlineCode(m)}: no curve of it.`)
  for (const m of metrics) {
    const c = curve(model, m)
    if (c.skipped > 0)
      notes.push(
        `${plural(c.skipped, 'value')} of ${inlineCode(m)} in the histories ${c.skipped === 1 ? 'was' : 'were'} NaN or infinite: left out of the curves.`,
      )
    const withMetric = c.lines.reduce((n, l) => n + l.runs, 0)
    if (withMetric < withHistory)
      notes.push(
        `${plural(withHistory - withMetric, 'run')} with a history ${withHistory - withMetric === 1 ? 'has' : 'have'} no ${inlineCode(m)} in it: ${m === 'loss' ? 'the loss' : 'its'} curves are from the other runs.`,
      )
    const g = grid(c.lines, maxPoints)
    const resampled = c.lines.map(l => ({...l, values: resample(l.points, g.steps)}))
    const parts = Math.ceil(resampled.length / per)
    for (let p = 0; p < parts; p++) {
      const lines = resampled.slice(p * per, (p + 1) * per)
      const title = parts > 1 ? `${m} (${p + 1} of ${parts})` : m
      const caption = lines.map((l, i) => {
        const last = l.points[l.points.length - 1]![0]
        const early = l.ends.filter(e => e < last).length
        const end =
          (early ? `; ${count(early)} of them ${early === 1 ? 'ends' : 'end'} before step ${stepText(last)}` : '') +
          (last < g.steps[g.steps.length - 1]! ? `; to step ${stepText(last)}` : '')
        return `${PALETTE[i % PALETTE.length]!.square} ${escapeMarkdown(l.label, {max: 120})} (${plural(l.runs, 'run')}${end})`
      })
      blocks.push(`${chart(title, m, g, lines)}\n\n<sub>${caption.join(' · ')}</sub>`)
    }
  }
  return {blocks, notes, withHistory}
}
