import {gzipSync} from 'node:zlib'
import {describe, expect, test} from 'vitest'
import {Ledger} from '../../../src/ledger/ledger.js'
import {parseConfig} from '../../../src/config/parse.js'
import {buildPlan} from '../../../src/plan/plan.js'
import {decodeRecord, encodeRecord, type LaunchRecordBlock} from '../../../src/report/record.js'
import {encodeHandle} from '../../../src/backends/types.js'

/** A launch of `n` runs (a sweep of n/2 points × 2 seeds) in a fresh ledger, half of it submitted. */
function launch(n: number, id = 'L1'): {ledger: Ledger; record: LaunchRecordBlock} {
  const lrs = Array.from({length: n / 2}, (_, i) => Number((0.001 * (i + 1)).toFixed(6)))
  const config = parseConfig(
    `experiments:\n  big:\n    command: [python, train.py]\n    params: {lr: 0.1, layers: 4, opt: adamw}\n    seeds: [1, 2]\n    sweep: {lr: [${lrs.join(', ')}]}\n`,
    'trainer.yml',
  )
  const plan = buildPlan(config, {experiment: 'big', launchId: id, maxRuns: 10_000})
  expect(plan.runs).toHaveLength(n)
  const ledger = Ledger.open(':memory:')
  ledger.createLaunch(plan, {
    backend: 'slurm',
    backendConfig: {type: 'slurm', transport: 'ssh'},
    github: {repository: 'o/r', headSha: 'a'.repeat(40), pullRequest: 7, runId: '99'},
  })
  for (const [i, r] of ledger.listRuns(id).entries()) {
    if (i % 2) continue
    ledger.transition(r.id, 'QUEUED', {
      handle: encodeHandle({v: 1, kind: 'slurm', attempt: 1, native: {jobId: `1234_${i}`}}),
    })
    ledger.transition(r.id, 'RUNNING', {nativeState: 'RUNNING'})
    ledger.transition(r.id, 'SUCCEEDED', {metrics: {loss: 0.1 + i / n, acc: 0.9}, links: {log: `/scratch/${r.id}.log`}})
  }
  return {ledger, record: {v: 1, launch: ledger.getLaunch(id)!, runs: ledger.listRuns(id), budget: {requests: 4}}}
}

describe('the launch record a check run keeps', () => {
  test('round trip: a ledger rebuilt from the block holds the launch and every run as they were', () => {
    const {record} = launch(10)
    const block = encodeRecord(record)
    expect(block).toMatch(/^<!-- trainer-action:launch-record v1 [A-Za-z0-9+/=]+ -->$/)
    const back = decodeRecord(`# report\n\nsome text\n\n${block}\n`)
    expect(back).toEqual(record)

    const other = Ledger.open(':memory:')
    other.importLaunch(record.launch, record.runs)
    expect(other.listRuns('L1')).toEqual(record.runs)
    expect(other.getLaunch('L1')).toEqual(record.launch)
    // what happens next happens to the imported runs as to any
    const queued = other.listRuns('L1').find(r => r.state === 'CREATED')!
    other.transition(queued.id, 'QUEUED')
    expect(other.getRun(queued.id)?.state).toBe('QUEUED')
    expect(() => other.importLaunch(record.launch, record.runs)).toThrow(/already in this ledger/)
  })

  test('a 1,000-run sweep fits the 65,535 characters of a check run text with room to spare', () => {
    const {record} = launch(1000)
    const size = encodeRecord(record).length
    expect(size).toBeLessThan(40_000)
  })

  test.each([
    ['no block', 'just a report', 'none'],
    ['not base64 gzip', '<!-- trainer-action:launch-record v1 aGVsbG8= -->', /cannot be read/],
    [
      'JSON that is not a record',
      `<!-- trainer-action:launch-record v1 ${gzipSync('{"v":1}').toString('base64')} -->`,
      /is not one \(launch/,
    ],
    [
      'a run of another launch',
      (() => {
        const {record} = launch(2)
        return encodeRecord({...record, runs: [{...record.runs[0]!, id: 'X.000'}]})
      })(),
      /run .* is not in launch L1/,
    ],
    [
      'a state that does not exist',
      (() => {
        const {record} = launch(2)
        return encodeRecord({...record, runs: [{...record.runs[0]!, state: 'EXPLODED' as 'FAILED'}]})
      })(),
      /runs\.0\.state/,
    ],
  ])('%s: refused with why, never thrown', (_, text, want) => {
    const r = decodeRecord(text)
    expect('problem' in r).toBe(true)
    expect((r as {problem: string}).problem).toMatch(want)
  })

  test.each([
    [
      "a launch id that is not its plan's",
      (r: LaunchRecordBlock) => ({...r, launch: {...r.launch, id: 'L2'}}),
      /holds the plan of/,
    ],
    [
      'runs of another launch',
      (r: LaunchRecordBlock) => {
        const rename = <T extends {id: string}>(x: T): T => ({...x, id: x.id.replace('L1', 'L0')})
        return {
          ...r,
          launch: {...r.launch, plan: {...r.launch.plan, runs: r.launch.plan.runs.map(rename)}},
          runs: r.runs.map(rename),
        }
      },
      /not a run of launch L1/,
    ],
    ['a run left out', (r: LaunchRecordBlock) => ({...r, runs: r.runs.slice(1)}), /holds 1 runs for the 2/],
    [
      'a run directory outside the results root',
      (r: LaunchRecordBlock) => ({
        ...r,
        launch: {...r.launch, plan: {...r.launch.plan, runs: r.launch.plan.runs.map(x => ({...x, output: '../x'}))}},
      }),
      /output/,
    ],
  ])('%s: not a launch', (_, change, want) => {
    const {record} = launch(2)
    expect((decodeRecord(encodeRecord(change(record))) as {problem: string}).problem).toMatch(want)
  })

  test('a few hundred bytes that inflate to 100,000 empty objects: refused before they are validated', () => {
    const json = `{"v":1,"launch":{"plan":{"runs":[${'{},'.repeat(99_999)}{}]}},"runs":[],"budget":{}}`
    const text = `<!-- trainer-action:launch-record v1 ${gzipSync(json).toString('base64')} -->`
    expect(text.length).toBeLessThan(1000)
    const t0 = performance.now()
    expect((decodeRecord(text) as {problem: string}).problem).toMatch(/over 10000 runs/)
    expect(performance.now() - t0).toBeLessThan(500)
    const arrays = `{"v":1,"x":[${'[],'.repeat(300_000)}[]]}`
    expect(
      (
        decodeRecord(`<!-- trainer-action:launch-record v1 ${gzipSync(arrays).toString('base64')} -->`) as {
          problem: string
        }
      ).problem,
    ).toMatch(/over 200000 objects/)
  })

  test('a gzip bomb is refused, not inflated', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20))
    const r = decodeRecord(`<!-- trainer-action:launch-record v1 ${bomb.toString('base64')} -->`)
    expect((r as {problem: string}).problem).toMatch(/cannot be read/)
  })
})
