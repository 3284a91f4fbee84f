/**
 * Check run annotations for the runs that failed: each points at the experiment in trainer.yml
 * (the line that defines it), says which run failed and why, and links its log. GitHub takes
 * at most 50 annotations a request and appends them across updates (src/report/publish.ts
 * batches them); a launch with very many failures gets the first MAX_ANNOTATIONS, the last of
 * them saying how many more there are, so that one launch stays within its request budget.
 */
import type {ReportModel} from './model.js'
import {outcome, pointLabel} from './points.js'
import {plainText} from './escape.js'

/** An annotation as `checks.create`/`checks.update` take it. */
export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  title: string
  message: string
  raw_details?: string
}

/** GitHub's limit per request. */
export const ANNOTATIONS_PER_REQUEST = 50

/** At most this many per launch: two requests. */
export const MAX_ANNOTATIONS = 100

/** Where the experiment is defined: trainer.yml relative to the repository root, and the line. */
export interface ExperimentSource {
  path: string
  line: number
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** One failure annotation per run that failed (FAILED or ERROR), at most MAX_ANNOTATIONS. */
export function failureAnnotations(model: ReportModel, where: ExperimentSource | undefined): CheckAnnotation[] {
  if (!where) return []
  const failed = model.runs.filter(r => outcome(r.state) === 'failed')
  const shown = failed.length > MAX_ANNOTATIONS ? failed.slice(0, MAX_ANNOTATIONS - 1) : failed
  const out: CheckAnnotation[] = shown.map(r => {
    const details = [r.links.log && `log: ${r.links.log}`, r.links.page && `page: ${r.links.page}`]
      .filter(Boolean)
      .join('\n')
    return {
      path: where.path,
      start_line: where.line,
      end_line: where.line,
      annotation_level: 'failure',
      title: plainText(`run ${r.id} ${r.state.toLowerCase()} (${pointLabel(r.point)}, seed ${r.seed})`, 255),
      message: plainText(r.reason ?? 'no reason recorded', 4000),
      ...(details ? {raw_details: clip(details, 4000)} : {}),
    }
  })
  if (failed.length > shown.length)
    out.push({
      path: where.path,
      start_line: where.line,
      end_line: where.line,
      annotation_level: 'failure',
      title: `${failed.length - shown.length} more runs failed`,
      message: `${failed.length} runs of ${model.experiment} failed; the report lists them all.`,
    })
  return out
}

/** The check run writes a report makes: one, and one more per further 50 annotations. */
export const writesFor = (annotations: readonly unknown[]): number =>
  1 + Math.max(0, Math.ceil(annotations.length / ANNOTATIONS_PER_REQUEST) - 1)
