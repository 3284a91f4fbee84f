import type {RunState} from '../ledger/states.js'
import {readInside, UnsafePathError} from '../kit/safe-fs.js'
import {parseRunMetricsFast, type RunMetricsContract} from '../runner/contract.js'
import {getErrorMessage} from '../kit/errors.js'

/** metrics.json is small (the runner caps its history); a larger one was not written by `trainer run`. */
export const METRICS_MAX_BYTES = 32 << 20
/**
 * Objects a metrics.json may hold: its history's points, and a few more. Counted before
 * parsing, since a file of empty objects costs about a hundred times its size in memory.
 */
const METRICS_MAX_OBJECTS = 400_000

function countObjects(text: string): number {
  let n = 0
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) n++
  return n
}

/** A run's metrics.json as read back from its run directory, or why it could not be used. */
export type ReadMetrics = {metrics: RunMetricsContract; problem?: undefined} | {metrics?: undefined; problem: string}

/**
 * Reads `<resultsRoot>/<output>/metrics.json` the safe way: no symlinks anywhere below the
 * results root, regular files only, bounded, and valid against the run contract. The run
 * directory is written by the training too, so nothing else of it is trusted.
 */
export async function readRunMetrics(resultsRoot: string, output: string): Promise<ReadMetrics> {
  let text: string
  try {
    const r = await readInside(resultsRoot, `${output}/metrics.json`, {maxBytes: METRICS_MAX_BYTES})
    if (r.truncated) return {problem: `metrics.json is over ${METRICS_MAX_BYTES >> 20} MiB`}
    text = r.text
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {problem: 'no metrics.json'}
    if (e instanceof UnsafePathError) return {problem: `metrics.json refused: ${e.message}`}
    return {problem: `metrics.json cannot be read: ${getErrorMessage(e)}`}
  }
  return parseRunMetrics(text)
}

/** metrics.json's text, validated against the run contract (bounded before it is parsed). */
export function parseRunMetrics(text: string): ReadMetrics {
  if (text.length > METRICS_MAX_BYTES) return {problem: `metrics.json is over ${METRICS_MAX_BYTES >> 20} MiB`}
  if (countObjects(text) > METRICS_MAX_OBJECTS)
    return {problem: `metrics.json holds over ${METRICS_MAX_OBJECTS} objects: not trainer run's`}
  if (text.trim() === '') return {problem: 'metrics.json is empty'}
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return {problem: 'metrics.json is not JSON'}
  }
  const parsed = parseRunMetricsFast(raw)
  if (!parsed.success) return {problem: `metrics.json is not trainer run's (${parsed.error})`}
  return {metrics: parsed.data}
}

/** The ledger state a finished run's metrics.json status stands for. */
export function stateOfStatus(status: RunMetricsContract['status']): RunState {
  switch (status) {
    case 'succeeded':
      return 'SUCCEEDED'
    case 'interrupted':
      return 'CANCELLED'
    case 'failed':
    case 'timeout':
    case 'config_error':
    case 'upload_failed':
      return 'FAILED'
  }
}
