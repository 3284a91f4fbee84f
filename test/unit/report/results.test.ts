import {expect, test} from 'vitest'
import {resultsTable, summarize} from '../../../src/report/results.js'
import {progressReporter} from '../../../src/cli/progress.js'
import type {Plan, Run} from '../../../src/plan/types.js'

test('summarize: mean and sample standard deviation per sweep point, over succeeded runs', () => {
  const s = summarize([
    {point: {lr: 0.1}, state: 'SUCCEEDED', final: {acc: 0.8, loss: 1}},
    {point: {lr: 0.1}, state: 'SUCCEEDED', final: {acc: 0.9, loss: 3}},
    {point: {lr: 0.1}, state: 'FAILED', final: {acc: 0}},
    {point: {lr: 0.01}, state: 'SUCCEEDED', final: {acc: 0.5}},
  ])
  expect(s).toHaveLength(2)
  expect(s[0]).toMatchObject({point: {lr: 0.1}, runs: 3, succeeded: 2})
  expect(s[0]!.metrics.acc!.mean).toBeCloseTo(0.85)
  expect(s[0]!.metrics.acc!.std).toBeCloseTo(0.0707107)
  expect(s[0]!.metrics.loss).toEqual({mean: 2, std: Math.SQRT2, n: 2})
  expect(s[1]!.metrics.acc).toEqual({mean: 0.5, std: 0, n: 1})
  expect(resultsTable(s)).toBe(
    [
      'lr    ok/runs  acc (mean ± std)  loss (mean ± std)',
      '----  -------  ----------------  -----------------',
      '0.1   2/3      0.85 ± 0.0707     2 ± 1.41',
      '0.01  1/1      0.5 ± 0           -',
    ].join('\n'),
  )
})

test('progress: one live line on a terminal, plain lines elsewhere', () => {
  const run = (id: string, point: Run['point'] = {}): Run => ({id, point, seed: 7}) as Run
  const plan: Plan = {launchId: 'L', experiment: 'e', runs: [run('L.000'), run('L.001')]}
  let t = 0
  const tty = {
    isTTY: true,
    out: '',
    write(s: string) {
      this.out += s
      return true
    },
  }
  const p = progressReporter(tty as unknown as NodeJS.WriteStream, () => (t += 1000))
  p({run: run('L.000'), state: 'RUNNING'}, plan)
  p({run: run('L.000'), state: 'SUCCEEDED'}, plan)
  expect(tty.out).toBe(
    '\r\x1b[2KL: 1 queued, 1 running, 0 done, 0 failed, 00:01\r\x1b[2KL: 1 queued, 0 running, 1 done, 0 failed, 00:02',
  )
  const plain = {
    isTTY: false,
    out: '',
    write(s: string) {
      this.out += s
      return true
    },
  }
  const q = progressReporter(plain as unknown as NodeJS.WriteStream, () => 0)
  q({run: run('L.000', {lr: 0.1}), state: 'STARTING'}, plan)
  q({run: run('L.000', {lr: 0.1}), state: 'FAILED', detail: 'boom'}, plan)
  q({run: run('L.001'), state: 'SUCCEEDED'}, plan)
  expect(plain.out).toBe(
    '[00:00] L.000 FAILED (1/2 done; lr=0.1; seed 7)\n    boom\n[00:00] L.001 SUCCEEDED (2/2 done; seed 7)\n',
  )
})
