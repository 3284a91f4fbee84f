import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {ConfigError} from '../../../src/kit/errors.js'
import {baselineOf, readBaseline} from '../../../src/report/baseline.js'
import {pointKey, type ReportModel} from '../../../src/report/model.js'
import {tempDir} from '../../helpers/temp-dir.js'

const model: ReportModel = {
  launchId: 'L',
  experiment: 'e',
  backend: 'local',
  status: 'FAILED',
  createdAt: '2026-11-25T00:00:00.000Z',
  github: {repository: 'o/r', headSha: 'a'.repeat(40)},
  runs: [
    {id: 'L.0', state: 'SUCCEEDED', point: {lr: 0.1}, seed: 1, final: {acc: 0.8}, links: {}},
    {id: 'L.1', state: 'SUCCEEDED', point: {lr: 0.1}, seed: 2, final: {acc: 0.9}, links: {}},
    {id: 'L.2', state: 'FAILED', point: {lr: 0.2}, seed: 1, final: {acc: 0.1}, links: {}},
  ],
}

describe('baseline files', () => {
  test('a launch as a baseline: succeeded runs per point; a point with none is left out', async () => {
    const b = baselineOf(model)
    expect(b).toMatchObject({v: 1, experiment: 'e', source: 'L@aaaaaaa'})
    expect(Object.keys(b.points)).toEqual([pointKey({lr: 0.1})])
    expect(b.points[pointKey({lr: 0.1})]!.acc!.mean).toBeCloseTo(0.85)
    const file = join(tempDir('baseline-'), 'b.json')
    writeFileSync(file, JSON.stringify(b))
    expect(await readBaseline(file, 'e')).toEqual({source: 'L@aaaaaaa', points: b.points})
  })

  test.each([
    ['not JSON', '{', /cannot be read as JSON/],
    ['not a baseline', '{"v": 2}', /is not a baseline file/],
    [
      "another experiment's",
      JSON.stringify({v: 1, experiment: 'other', source: 's', points: {}}),
      /experiment 'other''s baseline, not 'e''s/,
    ],
  ])('%s: a ConfigError naming the file and the key', async (_, text, want) => {
    const file = join(tempDir('baseline-'), 'b.json')
    writeFileSync(file, text)
    await expect(readBaseline(file, 'e')).rejects.toSatisfy(
      e =>
        e instanceof ConfigError &&
        want.test(e.message) &&
        e.message.includes(file) &&
        e.where.key === 'report.baseline',
    )
  })
})
