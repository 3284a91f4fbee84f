/**
 * Baselines: what a report compares against. Every report writes its launch's metrics per
 * sweep point as a baseline file (`baseline-<launch>.json`); `report.baseline` in trainer.yml
 * names such a file to compare later launches with.
 */
import {readFile} from 'node:fs/promises'
import {z} from 'zod'
import {ConfigError} from '../kit/errors.js'
import {summarize} from './results.js'
import {pointKey, type Baseline, type ReportModel} from './model.js'

const Stat = z.object({mean: z.number(), std: z.number(), n: z.number().int().min(0)})

export const BaselineFileSchema = z.object({
  v: z.literal(1),
  experiment: z.string(),
  /** Where it came from: `<launch id>`, with the commit when known. */
  source: z.string(),
  points: z.record(z.string(), z.record(z.string(), Stat)),
})
export type BaselineFile = z.infer<typeof BaselineFileSchema>

/** A launch's metrics per sweep point, as a baseline for later launches (succeeded runs only). */
export function baselineOf(model: ReportModel): BaselineFile {
  const points: BaselineFile['points'] = {}
  for (const s of summarize(model.runs.map(r => ({point: r.point, state: r.state, final: r.final}))))
    if (Object.keys(s.metrics).length) points[pointKey(s.point)] = s.metrics
  const sha = model.github?.headSha
  return {
    v: 1,
    experiment: model.experiment,
    source: sha ? `${model.launchId}@${sha.slice(0, 7)}` : model.launchId,
    points,
  }
}

/**
 * The points of `model` that `baseline` has a value of one of `metrics` for and that have none
 * here (their runs failed, or did not report it): a comparison that says nothing about them.
 */
export function unmeasured(model: ReportModel, baseline: Baseline, metrics: readonly string[]): string[] {
  return summarize(model.runs.map(r => ({point: r.point, state: r.state, final: r.final})))
    .map(s => ({key: pointKey(s.point), metrics: s.metrics}))
    .filter(s => metrics.some(m => baseline.points[s.key]?.[m] !== undefined && s.metrics[m] === undefined))
    .map(s => s.key)
}

/** A baseline file for an experiment; a file that is not one, or is another experiment's, is a ConfigError naming it. */
export async function readBaseline(file: string, experiment: string): Promise<Baseline> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (e: unknown) {
    throw new ConfigError(`report.baseline: ${file} cannot be read as JSON (${(e as Error).message})`, {
      key: 'report.baseline',
    })
  }
  const r = BaselineFileSchema.safeParse(raw)
  if (!r.success)
    throw new ConfigError(`report.baseline: ${file} is not a baseline file (trainer report writes them)`, {
      key: 'report.baseline',
    })
  if (r.data.experiment !== experiment)
    throw new ConfigError(
      `report.baseline: ${file} is experiment '${r.data.experiment}''s baseline, not '${experiment}''s`,
      {key: 'report.baseline'},
    )
  return {source: r.data.source, points: r.data.points}
}
