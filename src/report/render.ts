/**
 * A launch's report as Markdown, for the three places it goes: a check run's output summary,
 * the sticky PR comment and the job summary. Pure functions of a ReportModel: no I/O, no
 * clock. Every piece of user text goes through ./escape.ts.
 *
 * Size limits (GitHub's, as documented and as enforced):
 * - check run `output.summary` and `output.text`: 65,535 each. The REST description says
 *   "characters" (`maxLength: 65535` in @octokit/openapi), but GitHub enforces *bytes*: "summary
 *   exceeds a maximum bytesize of 65535" (github/docs#35252, github/rest-api-description#5399);
 * - an issue/PR comment body: 65,536 characters ("Body is too long (maximum is 65536
 *   characters)", the 422 every comment-posting action has met);
 * - a job summary: 1 MiB per step, counted in bytes ("$GITHUB_STEP_SUMMARY upload aborted,
 *   supports content up to a size of 1024k"); over it the upload fails, nothing is truncated.
 * Every target is measured here in UTF-8 bytes: a byte count is never smaller than a count of
 * characters (code points or UTF-16 units), so a report that fits in bytes fits whatever
 * GitHub counts; non-ASCII text only makes the report shorten a little earlier.
 *
 * Over a limit the report is shortened in this order, stopping as soon as it fits, and says
 * so at the top ("Shortened …; the full report is in the artifact"):
 * 1. the runs table keeps only the runs that did not succeed;
 * 2. the runs table goes;
 * 3. the curves are drawn on 25 steps instead of 100;
 * 4. the curves go;
 * 5. the points table keeps its first rows, with "N more points";
 * 6. the notes on what could not be shown keep their first lines.
 * Tables and code fences are only ever dropped or cut between whole rows.
 */
import {curveBlocks, type CurveOptions} from './curves.js'
import {escapeMarkdown, httpUrl, inlineCode, markdownLink, plainText, truncate} from './escape.js'
import {count, duration, meanStd, num, plural, signed} from './format.js'
import type {ReportModel, ReportRun} from './model.js'
import {
  groupPoints,
  lowerIsBetter,
  outcome,
  paramNames,
  pointLabel,
  primaryMetric,
  tally,
  type Tally,
} from './points.js'
import {summarize, type PointSummary} from './results.js'

/** GitHub's limits per target (see the module comment), all measured here in UTF-8 bytes. */
export const REPORT_LIMITS = {check: 65_535, comment: 65_536, summary: 1_048_576} as const

export type ReportTarget = keyof typeof REPORT_LIMITS

/** A check run's conclusion as the API names it. */
export type Conclusion = 'success' | 'failure' | 'cancelled' | 'timed_out' | 'neutral'

/** Regression thresholds for one metric (`report.fail-on`): a worse mean than the baseline's by more than… */
export interface MetricThreshold {
  /** …this fails the check (absolute, in the metric's units). */
  fail?: number | undefined
  /** …this makes the check neutral: a warning. */
  warn?: number | undefined
  /** Which way is better (default: lower for loss/error-like names, higher otherwise). */
  better?: 'higher' | 'lower' | undefined
}

export interface ConclusionOptions {
  failOn?: Record<string, MetricThreshold> | undefined
}

export interface Verdict {
  /** undefined while the launch is ACTIVE (a run is still under way). */
  conclusion: Conclusion | undefined
  /** One line, plain text (a check run's `output.title`): `resnet: 12/12 succeeded · acc 0.91 ± 0.01`. */
  title: string
  /** Why the conclusion is what it is, when it is not plain success (plain text, user text included). */
  reasons: string[]
}

const MARKER = /^<!-- trainer-action:report experiment=(\S+) -->$/
const MAX_METRIC_COLUMNS = 10
const MAX_IDS = 10
const MAX_NOTES = 20
const FOLD_RUNS = 10

/**
 * The hidden first line of the sticky comment: `<!-- trainer-action:report experiment=<exp> -->`.
 * The name is URI-encoded (and `-` where another follows or it ends the name), so it can
 * neither end the comment early nor break it, nor hold a space.
 */
export function reportMarker(experiment: string): string {
  // cmark-gfm takes `<!-- … -->` as a comment only if the text holds no `--` and does not end with `-`
  const name = encodeURIComponent(experiment).replace(/-(?=-|$)/g, '%2D')
  return `<!-- trainer-action:report experiment=${name} -->`
}

/** The experiment named by a report marker on the first line of `text`, or undefined. */
export function parseReportMarker(text: string): string | undefined {
  const m = MARKER.exec((text.split('\n', 1)[0] ?? '').trim())
  if (!m) return undefined
  try {
    return decodeURIComponent(m[1]!)
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------
// numbers behind the tables

/** A run's final values that are finite numbers (the model promises it; a renderer checks). */
const finite = (final: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(final).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)))

interface PointRow {
  key: string
  label: string
  point: ReportRun['point']
  tally: Tally
  summary: PointSummary['metrics']
}

function pointRows(model: ReportModel): PointRow[] {
  return groupPoints(model.runs).map(g => {
    const s = summarize(g.runs.map(r => ({point: r.point, state: r.state, final: finite(r.final)})))[0]
    return {key: g.key, label: pointLabel(g.point), point: g.point, tally: tally(g.runs), summary: s?.metrics ?? {}}
  })
}

/** The metrics shown as columns: the primary metric, then `loss`, then the rest by name; at most `max`. */
function metricColumns(model: ReportModel, max = MAX_METRIC_COLUMNS): {shown: string[]; hidden: string[]} {
  const names = [...new Set(model.runs.flatMap(r => Object.keys(finite(r.final))))].sort()
  const primary = primaryMetric(model)
  const first = [primary, 'loss'].filter((m): m is string => m !== undefined && names.includes(m))
  const ordered = [...new Set([...first, ...names])]
  return {shown: ordered.slice(0, max), hidden: ordered.slice(max)}
}

/** The change against the baseline's mean: an arrow only beyond the larger of the two spreads. */
export function delta(
  current: {mean: number; std: number},
  base: {mean: number; std: number},
): {d: number; arrow: '↑' | '↓' | '≈'} {
  const d = current.mean - base.mean
  const spread = Math.max(current.std, base.std)
  return {d, arrow: Math.abs(d) > spread ? (d > 0 ? '↑' : '↓') : '≈'}
}

// ---------------------------------------------------------------------------------------------
// Markdown tables

/** A Markdown table from cells that are already escaped; a cell never holds a line break. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string =>
    `| ${head.map((_, i) => (cells[i] ?? '').replace(/[\r\n]+/g, ' ')).join(' | ')} |`
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)]
}

interface PointsParts {
  /** Lines before the rows: the Δ legend, the header and the separator. */
  head: string[]
  rows: string[]
  notes: string[]
}

function pointsParts(model: ReportModel): PointsParts {
  const rows = pointRows(model)
  const params = paramNames(model.runs)
  const {shown, hidden} = metricColumns(model)
  const base = model.baseline
  const withDelta = new Set(base ? shown.filter(m => Object.values(base.points).some(p => p[m] !== undefined)) : [])
  const any = tally(model.runs)
  const head = [
    ...params.map(p => escapeMarkdown(p, {max: 60})),
    'ok/runs',
    'failed',
    'running',
    ...(any.cancelled ? ['cancelled'] : []),
    ...shown.flatMap(m => [
      escapeMarkdown(m, {max: 60}),
      ...(withDelta.has(m) ? [`Δ ${escapeMarkdown(m, {max: 60})}`] : []),
    ]),
  ]
  const body = rows.map(r => [
    ...params.map(p => (p in r.point ? escapeMarkdown(String(r.point[p]), {max: 100}) : '–')),
    `${r.tally.ok}/${r.tally.runs}`,
    String(r.tally.failed),
    String(r.tally.running),
    ...(any.cancelled ? [String(r.tally.cancelled)] : []),
    ...shown.flatMap(m => {
      const v = r.summary[m]
      const cells = [v ? meanStd(v) : '–']
      if (withDelta.has(m)) {
        const b = base?.points[r.key]?.[m]
        const x = v && b ? delta(v, b) : undefined
        cells.push(x ? `${x.arrow} ${signed(x.d)}` : '–')
      }
      return cells
    }),
  ])
  const notes: string[] = []
  if (hidden.length)
    notes.push(
      `${plural(hidden.length, 'more metric')} not shown as columns: ${ids(hidden.map(m => inlineCode(m, {max: 60})))}.`,
    )
  const legend: string[] = []
  if (base) {
    legend.push(
      `Mean ± sample standard deviation over seeds (n: succeeded runs with the metric). Δ: change of the mean against ${escapeMarkdown(base.source, {max: 100})}; ↑/↓ when it is larger than the larger of the two spreads, ≈ otherwise.`,
      '',
    )
    const missing = rows.filter(r => !base.points[r.key]).length
    if (missing)
      notes.push(
        `The baseline (${escapeMarkdown(base.source, {max: 100})}) has no values for ${missing} of ${plural(rows.length, 'point')}: no Δ for them.`,
      )
  } else legend.push('Mean ± sample standard deviation over seeds (n: succeeded runs with the metric).', '')
  return {head: [...legend, ...table(head, [])], rows: table(head, body).slice(2), notes}
}

/**
 * One row per sweep point: its swept parameters, `ok/runs` (succeeded of all), failed and
 * running runs (and cancelled ones when there are any), each metric as `mean ± std (n)` over
 * the succeeded seeds, and, with a baseline, each metric's change against it.
 */
export function pointsTable(model: ReportModel): string {
  const p = pointsParts(model)
  return [...p.head, ...p.rows].join('\n')
}

const STATE_ICON: Record<ReturnType<typeof outcome>, string> = {ok: '✅', failed: '❌', cancelled: '⏹️', running: '⏳'}

function runRow(
  r: ReportRun,
  o: {params: string[]; metrics: string[]; gpu: boolean; reason: boolean; links: boolean},
): string[] {
  const final = finite(r.final)
  const gpuH = r.gpus !== undefined && r.runS !== undefined ? (r.gpus * r.runS) / 3600 : undefined
  const links = [
    markdownLink('log', r.links.log),
    markdownLink('artifacts', r.links.artifacts),
    markdownLink('page', r.links.page),
  ].filter(Boolean)
  return [
    escapeMarkdown(r.id, {max: 80}),
    `${STATE_ICON[outcome(r.state)]} ${r.state}`,
    String(r.seed),
    ...o.params.map(p => (p in r.point ? escapeMarkdown(String(r.point[p]), {max: 100}) : '–')),
    ...o.metrics.map(m => (final[m] !== undefined ? num(final[m]) : '–')),
    duration(r.queuedS),
    duration(r.runS),
    ...(o.gpu ? [gpuH !== undefined ? num(gpuH) : '–'] : []),
    ...(o.reason
      ? [r.reason && r.state !== 'SUCCEEDED' ? escapeMarkdown(r.reason, {max: 300, newline: '<br>'}) : '']
      : []),
    ...(o.links ? [links.join(' · ')] : []),
  ]
}

function runsParts(model: ReportModel, runs: readonly ReportRun[] = model.runs): string[] {
  const params = paramNames(model.runs)
  const metrics = metricColumns(model).shown
  const gpu = model.runs.some(r => r.gpus !== undefined)
  const reason = model.runs.some(r => r.reason && r.state !== 'SUCCEEDED')
  const links = model.runs.some(r => r.links.log || r.links.artifacts || r.links.page)
  const head = [
    'run',
    'state',
    'seed',
    ...params.map(p => escapeMarkdown(p, {max: 60})),
    ...metrics.map(m => escapeMarkdown(m, {max: 60})),
    'queued',
    'ran',
    ...(gpu ? ['GPU-h'] : []),
    ...(reason ? ['reason'] : []),
    ...(links ? ['links'] : []),
  ]
  return table(
    head,
    runs.map(r => runRow(r, {params, metrics, gpu, reason, links})),
  )
}

/**
 * One row per run: id, state, seed, swept parameters, final metrics, time queued and running,
 * GPU-hours (where the GPU count is known), the reason (runs that did not succeed), and links
 * to its log, artifacts and backend page (http(s) links only; anything else shown as code).
 */
export function runsTable(model: ReportModel): string {
  return runsParts(model).join('\n')
}

/**
 * The training curves: Mermaid `xychart-beta` blocks (loss and the primary metric, one line
 * per sweep point, seeds averaged), each with a caption naming its lines (see ./curves.ts).
 */
export function curves(model: ReportModel, o: CurveOptions = {}): string {
  return curveBlocks(model, o).blocks.join('\n\n')
}

// ---------------------------------------------------------------------------------------------
// conclusion and title

const TIME_LIMIT = /time ?limit|timed? ?out|timeout|deadline|RUN_TIMEOUT_SEC/i

/**
 * The check run's conclusion and title:
 * - undefined while the launch is ACTIVE or a run is still under way;
 * - failure: a run failed (or errored) for any reason but its time limit, or a metric is worse
 *   than the baseline beyond its `fail` threshold;
 * - timed_out: the only failures are runs that reached their time limit (their reason says
 *   `time limit`, `timeout`, `timed out` or `deadline`: Slurm's TIMEOUT/DEADLINE, RUN_TIMEOUT_SEC);
 * - cancelled: a run was cancelled or stopped, or no run succeeded;
 * - neutral: a metric is worse than the baseline beyond its `warn` threshold only, or a
 *   threshold names a metric there is nothing to compare for;
 * - success otherwise.
 * A regression counts only where the arrow would show it too: beyond the larger of the two
 * spreads, and beyond the threshold.
 */
export function conclusion(model: ReportModel, o: ConclusionOptions = {}): Verdict {
  const t = tally(model.runs)
  const reasons: string[] = []
  const regressions = regressionsOf(model, o.failOn ?? {})
  const title = titleOf(model, t, regressions.fail.length + regressions.warn.length)
  if (model.status === 'ACTIVE' || t.running > 0) return {conclusion: undefined, title, reasons}
  const failed = model.runs.filter(r => outcome(r.state) === 'failed')
  const timedOut = failed.filter(r => r.reason !== undefined && TIME_LIMIT.test(r.reason))
  if (failed.length > timedOut.length) reasons.push(`${plural(failed.length - timedOut.length, 'run')} failed.`)
  if (timedOut.length)
    reasons.push(`${plural(timedOut.length, 'run')} reached ${timedOut.length === 1 ? 'its' : 'their'} time limit.`)
  reasons.push(...regressions.fail, ...regressions.warn, ...regressions.unknown)
  let c: Conclusion
  if (failed.length > timedOut.length || regressions.fail.length) c = 'failure'
  else if (timedOut.length) c = 'timed_out'
  else if (t.cancelled > 0 || t.ok === 0) {
    c = 'cancelled'
    reasons.push(
      t.ok === 0
        ? 'No run succeeded.'
        : `${plural(t.cancelled, 'run')} ${t.cancelled === 1 ? 'was' : 'were'} cancelled.`,
    )
  } else if (regressions.warn.length || regressions.unknown.length) c = 'neutral'
  else c = 'success'
  return {conclusion: c, title, reasons}
}

export function regressionsOf(
  model: ReportModel,
  failOn: Record<string, MetricThreshold>,
): {fail: string[]; warn: string[]; unknown: string[]} {
  const out = {fail: [] as string[], warn: [] as string[], unknown: [] as string[]}
  const names = Object.keys(failOn)
  if (!names.length) return out
  const base = model.baseline
  if (!base) {
    out.unknown.push(`No baseline to compare ${names.join(', ')} with.`)
    return out
  }
  const rows = pointRows(model)
  for (const m of names) {
    const th = failOn[m]!
    const lower = th.better ? th.better === 'lower' : lowerIsBetter(m)
    let compared = 0
    for (const r of rows) {
      const v = r.summary[m]
      const b = base.points[r.key]?.[m]
      if (!v || !b) continue
      compared++
      const {d, arrow} = delta(v, b)
      const worse = lower ? d : -d
      if (arrow === '≈' || worse <= 0) continue
      const what = `${m} at ${r.label}: ${num(v.mean)} against ${num(b.mean)} on ${base.source} (${signed(d)}`
      if (th.fail !== undefined && worse > th.fail) out.fail.push(`${what}, worse by more than ${num(th.fail)}).`)
      else if (th.warn !== undefined && worse > th.warn) out.warn.push(`${what}, worse by more than ${num(th.warn)}).`)
    }
    if (compared === 0) out.unknown.push(`Nothing to compare ${m} with: no point has it here and in ${base.source}.`)
  }
  return out
}

function titleOf(model: ReportModel, t: Tally, regressions: number): string {
  const counts = [
    `${t.ok}/${t.runs} succeeded`,
    ...(t.failed ? [`${t.failed} failed`] : []),
    ...(t.cancelled ? [`${t.cancelled} cancelled`] : []),
    ...(t.running ? [`${t.running} running`] : []),
  ].join(', ')
  const parts = [`${model.experiment}: ${counts}`]
  const m = primaryMetric(model)
  if (m) {
    const rows = pointRows(model).filter(r => r.summary[m] !== undefined)
    const lower = lowerIsBetter(m)
    const best = rows.reduce<PointRow | undefined>((a, r) => {
      if (!a) return r
      const x = r.summary[m]!.mean
      const y = a.summary[m]!.mean
      return (lower ? x < y : x > y) ? r : a
    }, undefined)
    if (best) {
      const v = best.summary[m]!
      const spread = v.n > 1 ? ` ± ${num(v.std)}` : ''
      parts.push(
        rows.length > 1 || groupPoints(model.runs).length > 1
          ? `best ${m} ${num(v.mean)}${spread} (${truncate(best.label, 60)})`
          : `${m} ${num(v.mean)}${spread}`,
      )
    }
  }
  if (regressions) parts.push(plural(regressions, 'regression'))
  return plainText(parts.join(' · '), 200)
}

// ---------------------------------------------------------------------------------------------
// the whole report

export interface RenderOptions extends ConclusionOptions {
  target: ReportTarget
  /** The most bytes the Markdown may take (default: the target's GitHub limit). Leave room for what you add. */
  limit?: number | undefined
  /** Where the full report is (an http(s) URL to the artifact, or its name). */
  artifact?: string | undefined
  curves?: CurveOptions | undefined
}

export interface RenderedMarkdown {
  markdown: string
  /** What was left out to fit the limit (`runs table (5,000 runs), curves (4 charts)`); undefined when nothing was. */
  shortened: string | undefined
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

const ICON: Record<Conclusion | 'active', string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹️',
  timed_out: '⏱️',
  neutral: '⚠️',
  active: '⏳',
}

/** A list of ids (already escaped), the first `max` of them and how many more. */
function ids(items: readonly string[], max = MAX_IDS): string {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown} and ${count(items.length - max)} more` : shown
}

function header(model: ReportModel, v: Verdict): string[] {
  const g = model.github
  const facts = [
    `launch ${inlineCode(model.launchId, {max: 80})}`,
    `backend ${escapeMarkdown(model.backend, {max: 40})}`,
    `status ${escapeMarkdown(model.status)}`,
  ]
  if (g?.serverUrl && g.runId && /^\d+$/.test(g.runId) && /^[\w.-]+\/[\w.-]+$/.test(g.repository)) {
    const url = httpUrl(`${g.serverUrl.replace(/\/+$/, '')}/${g.repository}/actions/runs/${g.runId}`)
    if (url) facts.push(`[workflow run](<${url}>)`)
  }
  if (g?.headSha) facts.push(`commit ${inlineCode(g.headSha.slice(0, 12))}`)
  if (model.baseline) facts.push(`baseline ${escapeMarkdown(model.baseline.source, {max: 100})}`)
  const lines = [`### ${ICON[v.conclusion ?? 'active']} ${escapeMarkdown(v.title)}`, '', facts.join(' · ')]
  if (v.reasons.length) lines.push('', ...v.reasons.map(r => `- ${escapeMarkdown(r, {max: 500})}`))
  return lines
}

function totals(model: ReportModel): string {
  const runs = model.runs
  const sum = (xs: (number | undefined)[]): {total: number; n: number} => {
    const known = xs.filter((x): x is number => x !== undefined && Number.isFinite(x))
    return {total: known.reduce((a, b) => a + b, 0), n: known.length}
  }
  const q = sum(runs.map(r => r.queuedS))
  const ran = sum(runs.map(r => r.runS))
  const gpu = sum(runs.map(r => (r.gpus !== undefined && r.runS !== undefined ? (r.gpus * r.runS) / 3600 : undefined)))
  const of = (n: number): string => (n < runs.length ? ` (${count(n)} of ${plural(runs.length, 'run')} known)` : '')
  const parts = [
    `queued ${duration(q.total)} in all${of(q.n)}`,
    `ran ${duration(ran.total)} in all${of(ran.n)}`,
    gpu.n ? `${num(gpu.total)} GPU-hours${of(gpu.n)}` : 'GPU-hours unknown',
  ]
  const end = model.finishedAt
  if (end) parts.push(`launch to end ${duration((Date.parse(end) - Date.parse(model.createdAt)) / 1000)}`)
  return `**Time and cost:** ${parts.join(' · ')}`
}

function modelNotes(model: ReportModel, metrics: string[]): string[] {
  const notes: string[] = []
  const id = (r: ReportRun): string => escapeMarkdown(r.id, {max: 80})
  const byProblem = new Map<string, ReportRun[]>()
  for (const r of model.runs) for (const p of r.problems ?? []) byProblem.set(p, [...(byProblem.get(p) ?? []), r])
  for (const [p, rs] of byProblem)
    notes.push(`${escapeMarkdown(p, {max: 200})}: ${ids(rs.map(id))} (${plural(rs.length, 'run')}).`)
  const badFinal = model.runs.filter(r =>
    Object.values(r.final).some(v => typeof v !== 'number' || !Number.isFinite(v)),
  )
  if (badFinal.length)
    notes.push(
      `${plural(badFinal.length, 'run')} had NaN or infinite final values, left out: ${ids(badFinal.map(id))}.`,
    )
  const ok = model.runs.filter(r => r.state === 'SUCCEEDED')
  const empty = ok.filter(r => Object.keys(finite(r.final)).length === 0)
  if (empty.length)
    notes.push(
      `${plural(empty.length, 'succeeded run')} ${empty.length === 1 ? 'has' : 'have'} no final metrics: ${ids(empty.map(id))}.`,
    )
  for (const m of metrics) {
    const without = ok.filter(r => finite(r.final)[m] === undefined && !empty.includes(r))
    if (without.length && without.length < ok.length - empty.length)
      notes.push(
        `${inlineCode(m, {max: 60})} is missing from ${count(without.length)} of ${plural(ok.length, 'succeeded run')}: ${ids(without.map(id))}.`,
      )
  }
  return notes
}

interface Choice {
  runs: 'all' | 'unfinished' | 'none'
  curves: 'full' | 'coarse' | 'none'
  /** Points table rows kept. */
  points: number
  notes: number
}

/**
 * The report for one target: a hidden marker first (comment only; see reportMarker), the
 * header (experiment, conclusion, backend, links to the workflow run), the points table, the
 * time and cost totals, the curves, the runs table (folded when long) and what could not be
 * shown; shortened in the stated order when over the limit.
 */
export function renderReport(model: ReportModel, o: RenderOptions): RenderedMarkdown {
  const limit = o.limit ?? REPORT_LIMITS[o.target]
  const v = conclusion(model, o)
  const head = [...(o.target === 'comment' ? [reportMarker(model.experiment), ''] : []), ...header(model, v)].join('\n')
  const points = pointsParts(model)
  const {shown} = metricColumns(model)
  const curveOpts = o.curves ?? {}
  const fullCurves = curveBlocks(model, curveOpts)
  let coarse: ReturnType<typeof curveBlocks> | undefined
  const notes = [...modelNotes(model, shown), ...points.notes, ...fullCurves.notes]
  const totalsLine = totals(model)
  const unfinished = model.runs.filter(r => r.state !== 'SUCCEEDED')
  const runTables = new Map<Choice['runs'], string>()
  const runsBlock = (which: Choice['runs']): string => {
    let s = runTables.get(which)
    if (s !== undefined) return s
    if (which === 'none' || model.runs.length === 0) s = ''
    else {
      const rs = which === 'all' ? model.runs : unfinished
      const rows = runsParts(model, rs).join('\n')
      const what =
        which === 'all'
          ? `Runs (${count(rs.length)})`
          : `Runs that did not succeed (${count(rs.length)} of ${count(model.runs.length)})`
      s =
        rs.length > FOLD_RUNS
          ? `<details><summary>${what}</summary>\n\n${rows}\n\n</details>`
          : `#### ${what}\n\n${rows}`
    }
    runTables.set(which, s)
    return s
  }
  const curvesBlock = (which: Choice['curves']): string => {
    if (which === 'none') return ''
    const c = which === 'full' ? fullCurves : (coarse ??= curveBlocks(model, {...curveOpts, maxPoints: 25}))
    return c.blocks.length ? ['#### Curves', ...c.blocks].join('\n\n') : ''
  }
  const where = o.artifact
    ? httpUrl(o.artifact)
      ? markdownLink('the artifact', o.artifact)
      : `the artifact ${inlineCode(o.artifact, {max: 100})}`
    : "the workflow run's artifacts"
  const dropped = (c: Choice): string[] => {
    const out: string[] = []
    if (c.runs === 'unfinished')
      out.push(`the runs table keeps only the ${plural(unfinished.length, 'run')} that did not succeed`)
    if (c.runs === 'none' && model.runs.length)
      out.push(`the runs table (${plural(model.runs.length, 'run')}) is left out`)
    if (c.curves === 'coarse') out.push('the curves are drawn on 25 steps')
    if (c.curves === 'none' && fullCurves.blocks.length)
      out.push(`the curves (${plural(fullCurves.blocks.length, 'chart')}) are left out`)
    if (c.points < points.rows.length)
      out.push(`the points table shows ${count(c.points)} of ${plural(points.rows.length, 'point')}`)
    if (c.notes < notes.length)
      out.push(
        `${plural(notes.length - c.notes, 'note')} on what could not be shown ${notes.length - c.notes === 1 ? 'is' : 'are'} left out`,
      )
    return out
  }
  const assemble = (c: Choice): string => {
    const what = dropped(c)
    const sections = [head]
    if (what.length)
      sections.push(
        `> **Shortened** to fit GitHub's limit for a ${o.target === 'check' ? 'check run' : o.target === 'comment' ? 'comment' : 'job summary'} (${count(limit)} bytes): ${what.join('; ')}. The full report is in ${where}.`,
      )
    if (points.rows.length) {
      const more = points.rows.length - c.points
      sections.push(
        [...points.head, ...points.rows.slice(0, c.points)].join('\n') +
          (more > 0 ? `\n\n…and ${plural(more, 'more point')}, in the full report.` : ''),
      )
    } else sections.push('No runs.')
    sections.push(totalsLine)
    const cb = curvesBlock(c.curves)
    if (cb) sections.push(cb)
    const rb = runsBlock(c.runs)
    if (rb) sections.push(rb)
    const kept = notes.slice(0, Math.min(c.notes, MAX_NOTES)).map(n => `- ${n}`)
    if (c.notes > MAX_NOTES) kept.push(`- …and ${plural(c.notes - MAX_NOTES, 'more note')}.`)
    if (kept.length) sections.push(['**What this report could not show:**', '', ...kept].join('\n'))
    return sections.join('\n\n') + '\n'
  }
  const fits = (c: Choice): boolean => bytes(assemble(c)) <= limit
  const all: Choice = {runs: 'all', curves: 'full', points: points.rows.length, notes: notes.length}
  const steps: Choice[] = [
    all,
    ...(unfinished.length && unfinished.length < model.runs.length ? [{...all, runs: 'unfinished' as const}] : []),
    {...all, runs: 'none'},
    ...(fullCurves.blocks.length ? [{...all, runs: 'none' as const, curves: 'coarse' as const}] : []),
    {...all, runs: 'none', curves: 'none'},
  ]
  let chosen = steps.find(fits)
  if (!chosen) {
    // keep as many points rows as fit (binary search), then as many notes
    const base: Choice = {runs: 'none', curves: 'none', points: 0, notes: all.notes}
    let lo = 0
    let hi = points.rows.length
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (fits({...base, points: mid})) lo = mid
      else hi = mid - 1
    }
    chosen = {...base, points: lo}
    if (!fits(chosen)) {
      let n = all.notes
      while (n > 0 && !fits({...chosen, notes: n})) n--
      chosen = {...chosen, notes: n}
    }
  }
  let markdown = assemble(chosen)
  if (bytes(markdown) > limit) markdown = cutLines(markdown, limit)
  const what = dropped(chosen)
  return {markdown, shortened: what.length ? what.join('; ') : undefined}
}

/** The last resort for a limit too small for even the header: whole lines, outside any table or fence. */
function cutLines(markdown: string, limit: number): string {
  const out: string[] = []
  let size = 1
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|') || line.startsWith('```')) break
    size += bytes(line) + 1
    if (size > limit) break
    out.push(line)
  }
  return out.join('\n') + '\n'
}

export interface RenderedReports {
  title: string
  conclusion: Conclusion | undefined
  reasons: string[]
  check: string
  comment: string
  summary: string
  /** The first line of the comment, which finds it again. */
  marker: string
  /** Per target, what was left out to fit its limit. */
  shortened: Partial<Record<ReportTarget, string>>
}

/**
 * The report for all three targets at once; `limits` lowers a target's limit, to leave room
 * for what the caller adds (a hidden block in the check run, a problem list under the summary).
 */
export function renderReports(
  model: ReportModel,
  o: Omit<RenderOptions, 'target' | 'limit'> & {limits?: Partial<Record<ReportTarget, number>>} = {},
): RenderedReports {
  const v = conclusion(model, o)
  const shortened: Partial<Record<ReportTarget, string>> = {}
  const one = (target: ReportTarget): string => {
    const r = renderReport(model, {...o, target, limit: o.limits?.[target]})
    if (r.shortened) shortened[target] = r.shortened
    return r.markdown
  }
  return {
    title: v.title,
    conclusion: v.conclusion,
    reasons: v.reasons,
    check: one('check'),
    comment: one('comment'),
    summary: one('summary'),
    marker: reportMarker(model.experiment),
    shortened,
  }
}
