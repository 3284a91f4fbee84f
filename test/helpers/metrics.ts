import type {RunMetricsContract} from '../../src/runner/contract.js'

/** A metrics.json as `trainer run` writes it (valid against the run contract), with changes. */
export function runMetrics(m: Partial<RunMetricsContract> = {}): RunMetricsContract {
  return {
    version: 1,
    experiment: 'e',
    run_index: 0,
    seed: 1,
    params: {},
    tag: null,
    status: 'succeeded',
    exit_code: 0,
    reason: null,
    started_at: '2025-01-01T00:00:00.000Z',
    ended_at: '2025-01-01T00:01:00.000Z',
    duration_s: 60,
    final: {acc: 0.5},
    history: [],
    ...m,
  }
}
