/** Sweep points and run outcomes, as every part of a report counts them. */
import {isActive, type RunState} from '../ledger/states.js'
import type {Scalar} from '../plan/types.js'
import {pointKey, type ReportModel, type ReportRun} from './model.js'

/** A sweep point and its runs (its seeds), in the order the runs first name it. */
export interface PointGroup {
  key: string
  point: Record<string, Scalar>
  runs: ReportRun[]
}

export function groupPoints(runs: readonly ReportRun[]): PointGroup[] {
  const groups = new Map<string, PointGroup>()
  for (const r of runs) {
    const key = pointKey(r.point)
    const g = groups.get(key)
    if (g) g.runs.push(r)
    else groups.set(key, {key, point: r.point, runs: [r]})
  }
  return [...groups.values()]
}

/** The swept parameters' names, in the order they first appear. */
export function paramNames(runs: readonly ReportRun[]): string[] {
  return [...new Set(runs.flatMap(r => Object.keys(r.point)))]
}

/** A point as `lr=0.1, bs=32` (raw text: escape it where it goes); `all runs` when nothing is swept. */
export function pointLabel(point: Record<string, Scalar>): string {
  const e = Object.entries(point)
  return e.length ? e.map(([k, v]) => `${k}=${String(v)}`).join(', ') : 'all runs'
}

/** What a run's state counts as in a report. */
export type Outcome = 'ok' | 'failed' | 'cancelled' | 'running'

export function outcome(state: RunState): Outcome {
  if (state === 'SUCCEEDED') return 'ok'
  if (state === 'FAILED' || state === 'ERROR') return 'failed'
  if (isActive(state)) return 'running'
  return 'cancelled' // CANCELLED, STOPPED, DELETED
}

export type Tally = Record<Outcome, number> & {runs: number}

export function tally(runs: readonly ReportRun[]): Tally {
  const t: Tally = {runs: runs.length, ok: 0, failed: 0, cancelled: 0, running: 0}
  for (const r of runs) t[outcome(r.state)]++
  return t
}

/** Metrics whose smaller values are better, by name, unless a threshold says otherwise. */
export function lowerIsBetter(metric: string): boolean {
  return /loss|err|perplexity|ppl|mse|mae|rmse|nll|wer|cer|latency|time|regret/i.test(metric)
}

/**
 * The metric a report features besides the loss: `model.primaryMetric`, else the first metric
 * other than `loss` and `step` in the runs' histories, else in their final values.
 */
export function primaryMetric(model: ReportModel): string | undefined {
  if (model.primaryMetric) return model.primaryMetric
  const skip = (k: string): boolean => k === 'loss' || k === 'step'
  for (const r of model.runs) for (const h of r.history ?? []) for (const k of Object.keys(h)) if (!skip(k)) return k
  for (const r of model.runs) for (const k of Object.keys(r.final)) if (!skip(k)) return k
  return undefined
}
