import {describe, expect, test} from 'vitest'
import {parseRunMetricsFast, RunMetricsSchema} from '../../../src/runner/contract.js'
import {runMetrics} from '../../helpers/metrics.js'

describe('parseRunMetricsFast gives the same answer as RunMetricsSchema', () => {
  const ok = runMetrics({
    history: [
      {step: 1, loss: 0.5},
      {step: 2, loss: 0.25},
    ],
  })
  test.each([
    ['a valid file', ok],
    ['a history point that is not an object', {...ok, history: [1]}],
    ['a history point that is an array', {...ok, history: [[1]]}],
    ['a history point that is null', {...ok, history: [null]}],
    ['a history value that is a string', {...ok, history: [{loss: '0.5'}]}],
    ['a history value that is null', {...ok, history: [{loss: null}]}],
    ['no history', {...ok, history: undefined}],
    ['a bad status', {...ok, status: 'fine'}],
    ['not an object', 'metrics'],
  ])('%s', (_, raw) => {
    const fast = parseRunMetricsFast(raw)
    const full = RunMetricsSchema.safeParse(raw)
    expect(fast.success).toBe(full.success)
    expect(fast.success ? fast.data : undefined).toEqual(full.success ? full.data : undefined)
  })
})
