import {writeFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {z} from 'zod'
import {launchRecord} from '../backends/reconcile.js'
import {loadConfig} from '../config/load.js'
import {ConfigError, NotFoundError} from '../kit/errors.js'
import {list, optString, readInputs} from '../kit/inputs.js'
import {makeDirs} from '../kit/safe-fs.js'
import type {ActionIO} from '../kit/io.js'
import {countRequests, githubClient} from '../kit/octokit.js'
import {Ledger} from '../ledger/ledger.js'
import {writesFor} from '../report/annotations.js'
import {baselineOf} from '../report/baseline.js'
import {baselineCache, onDefaultBranch, restoreBaseline, saveBaseline} from './baseline-cache.js'
import {chartImages, type ChartFormat} from '../report/chart-images.js'
import {launchReport, localHistories, recordText, reportSettings} from '../report/launch-report.js'
import type {ReportModel} from '../report/model.js'
import {escapeMarkdown} from '../report/escape.js'
import {publishReport, type Published} from '../report/publish.js'
import {REPORT_LIMITS, renderReport, type RenderedReports, type ReportTarget} from '../report/render.js'
import {ledgerPath} from './launch.js'

export const ReportInputs = z.object({
  config: optString(),
  ledger: optString(),
  /** The launch (default: the latest in the ledger). */
  id: optString(),
  'github-token': optString(),
  /** Where the report goes: check, comment, summary (default all three). */
  publish: list(),
  /** Where the full report is written (default <results root or .trainer>/report-<launch>.md). */
  'report-file': optString(),
  /** The charts as images too (svg or png), drawn by mermaid-cli, for an artifact (default none). */
  'chart-images': optString(),
  /** The mermaid-cli command (default mmdc). */
  mmdc: optString(),
})

/** Bytes of the job summary kept for what could not be published. */
const SUMMARY_ROOM = 16_384

const TARGETS = ['check', 'comment', 'summary'] as const satisfies readonly ReportTarget[]

export interface ReportResult {
  model: ReportModel
  rendered: RenderedReports
  published: Published
  /** The full report, whatever the limits cut from the published forms. */
  file: string
}

/**
 * `trainer report [LAUNCH]` / actions/report: builds one report of a launch from the ledger and
 * publishes it: a check run on the head SHA, the sticky PR comment, the job summary. What could
 * not be published is said in the summary, with why; the full report is also written to a file.
 */
export async function report(io: ActionIO): Promise<ReportResult> {
  const i = readInputs(io, ReportInputs)
  const targets = i.publish.length ? i.publish : [...TARGETS]
  for (const t of targets)
    if (!(TARGETS as readonly string[]).includes(t))
      throw new ConfigError(`publish: '${t}' is not one of ${TARGETS.join(', ')}`, {key: 'publish'})
  const {config, file: configFile} = await loadConfig(io.workspace, i.config)
  const ledger = Ledger.open(ledgerPath(io.workspace, i.ledger, config.launch?.ledger), {readOnly: true})
  io.onClose(() => ledger.close())
  const launch = i.id ? ledger.getLaunch(i.id) : ledger.latestLaunch()
  if (!launch) throw new NotFoundError(i.id ? `no launch '${i.id}' in the ledger` : 'the ledger has no launches yet')
  const runs = ledger.listRuns(launch.id)
  const root = launchRecord(launch).resultsRoot
  const settings = await reportSettings(config, configFile, io.workspace, launch.experiment)
  const now = io.now()
  const g = io.github()
  // without a fixed baseline file, the default branch's through the Actions cache
  const cache = g && !settings.baseline ? baselineCache(io) : undefined
  const cacheProblems: string[] = []
  if (cache && g?.pullRequest !== undefined) {
    const b = await restoreBaseline(io, cache, g, launch.experiment)
    if (b.baseline) settings.baseline = b.baseline
    if (b.problem) cacheProblems.push(b.problem)
  }
  // the summary leaves room for the problems said after it
  const {model, rendered, annotations, states} = launchReport(
    launch,
    runs,
    await localHistories(root, runs),
    settings,
    {
      now,
      limits: {summary: REPORT_LIMITS.summary - SUMMARY_ROOM},
    },
  )
  const failOn = settings.failOn

  const token = i['github-token'] ?? io.env.GITHUB_TOKEN
  const gh = g && token ? githubClient({token, apiUrl: g.apiUrl, log: io.log}) : undefined
  const spent = gh ? countRequests(gh) : {count: () => 0}
  const published = await publishReport(gh, g, model, rendered, {
    check: targets.includes('check') && {
      annotations,
      text: recordText(launch, runs, {spent: spent.count, now, states, writes: writesFor(annotations)}),
    },
    comment: targets.includes('comment'),
  })
  if (cache && g && onDefaultBranch(g, io.env) && rendered.conclusion !== undefined) {
    const b = await saveBaseline(io, cache, model, g)
    if (b.key) io.setOutput('baseline-cache-key', b.key)
    if (b.problem) cacheProblems.push(b.problem)
  }
  published.problems.push(...cacheProblems)
  for (const p of published.problems) io.log.warning(p)
  if (targets.includes('summary')) {
    const problems = published.problems.length
      ? `\n\n> [!WARNING]\n${published.problems.map(p => `> ${escapeMarkdown(p, {max: 2000})}`).join('\n>\n')}\n`
      : ''
    await io.summary(rendered.summary + problems)
  }
  const file = resolve(io.workspace, i['report-file'] ?? join(root ?? '.trainer', `report-${launch.id}.md`))
  await makeDirs(dirname(file))
  await writeFile(file, renderReport(model, {target: 'summary', limit: Number.MAX_SAFE_INTEGER, failOn}).markdown)
  // this launch as a baseline for later ones (report.baseline names such a file)
  const baselineFile = join(dirname(file), `baseline-${launch.id}.json`)
  await writeFile(baselineFile, `${JSON.stringify(baselineOf(model), null, 2)}\n`)
  io.setOutput('baseline-file', baselineFile)

  const format = i['chart-images'] ?? 'none'
  if (!['none', 'svg', 'png'].includes(format))
    throw new ConfigError(`chart-images: '${format}' is not one of none, svg, png`, {key: 'chart-images'})
  if (format !== 'none') {
    const dir = join(dirname(file), `charts-${launch.id}`)
    const c = await chartImages(file, dir, {
      format: format as ChartFormat,
      mmdc: i.mmdc ? [i.mmdc] : ['mmdc'],
      env: io.env,
    })
    if ('problem' in c) io.log.warning(c.problem)
    else io.log.info(`${c.files.length} charts drawn in ${dir}`)
    io.setOutput('charts-dir', dir)
  }

  io.setOutput('conclusion', rendered.conclusion ?? 'pending')
  io.setOutput('report-file', file)
  if (published.checkRunId !== undefined) io.setOutput('check-run-id', published.checkRunId)
  if (published.commentId !== undefined) io.setOutput('comment-id', published.commentId)
  return {model, rendered, published, file}
}
