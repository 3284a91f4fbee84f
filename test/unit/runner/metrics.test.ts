import {describe, expect, test} from 'vitest'
import {runMetrics} from '../../helpers/metrics.js'
import {
  MAX_METRICS,
  MAX_NAME,
  MetricsCollector,
  serializeMetrics,
  toPoint,
  type RunMetrics,
} from '../../../src/runner/metrics.js'

describe('metrics', () => {
  test.each([
    [{loss: 0.5, acc: '0.9', n: null, x: {y: 1}, inf: Infinity, nan: NaN}, {loss: 0.5}],
    [{['k'.repeat(MAX_NAME + 1)]: 1, ok: 2}, {ok: 2}],
    [[1, 2], undefined],
    ['text', undefined],
    [{acc: 'high'}, undefined],
  ])('[%#] toPoint(%j) is %j', (v, want) => {
    expect(toPoint(v)).toEqual(want)
  })

  test("the training's own metrics.json gives final numbers only, never more than the cap", () => {
    const c = new MetricsCollector()
    c.line('TRAINER_METRIC {"step": 1, "loss": 0.9}')
    const own = {
      version: 1,
      status: 'succeeded',
      reason: 'forged',
      final: {loss: 0.4, acc: '1', ...Object.fromEntries(Array.from({length: 2000}, (_, i) => [`m${i}`, i]))},
    }
    const final = c.final(own)
    expect(final.loss).toBe(0.4)
    expect(final).not.toHaveProperty('acc')
    expect(Object.keys(final)).toHaveLength(MAX_METRICS)
  })

  test('new metric names past the cap are dropped and counted', () => {
    const c = new MetricsCollector()
    for (let i = 0; i < MAX_METRICS + 5; i++) c.add({[`m${i}`]: i})
    expect(Object.keys(c.final())).toHaveLength(MAX_METRICS)
    expect(c.dropped).toBe(5)
  })

  test.each([
    ['TRAINER_METRIC {"step": 2, "loss": 0.1}', true],
    ['TRAINER_METRIC {"step": 2', false],
    ['not a metric', false],
  ])('[%#] line(%o) is %o', (line, want) => {
    expect(new MetricsCollector().line(line)).toBe(want)
  })

  test('serializeMetrics checks the run contract', () => {
    const m: RunMetrics = runMetrics({started_at: 't0', ended_at: 't1', duration_s: 1, final: {loss: 0.1}})
    expect(JSON.parse(serializeMetrics(m))).toEqual(m)
    expect(() => serializeMetrics({...m, reason: 'x'.repeat(5000)})).toThrow()
  })
})
