import {EventEmitter} from 'node:events'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {cancelLaunch, pollDelay, pollLaunch, submitLaunch, watchLaunch} from '../../../src/backends/driver.js'
import type {Backend, LaunchContext, Observation, RunResults} from '../../../src/backends/types.js'
import {parseConfig} from '../../../src/config/parse.js'
import {Ledger} from '../../../src/ledger/ledger.js'
import {buildPlan} from '../../../src/plan/plan.js'
import {runMetrics} from '../../helpers/metrics.js'
import {tempDir} from '../../helpers/temp-dir.js'

/** A scheduler in memory: what it says of each run is set by the test (logic only; the real ones are in e2e). */
class FakeScheduler implements Backend {
  readonly type = 'slurm' as const
  readonly name = 'fake'
  readonly remote = true
  said = new Map<string, Observation>()
  results = new Map<string, RunResults>()
  submits: string[][] = []
  cancels: string[][] = []
  polls = 0
  submit(_ctx: LaunchContext, runs: readonly {id: string; attempt: number; state: string}[]) {
    this.submits.push(runs.map(r => r.id))
    return Promise.resolve(
      runs.map(r => ({
        runId: r.id,
        handle: {
          v: 1 as const,
          kind: 'slurm' as const,
          attempt: r.state === 'CREATED' ? 1 : r.attempt + 1,
          native: {id: r.id},
        },
        adopted: false,
      })),
    )
  }
  poll(_ctx: LaunchContext, runs: readonly {id: string}[]) {
    this.polls++
    return Promise.resolve(
      new Map(runs.flatMap(r => (this.said.has(r.id) ? [[r.id, this.said.get(r.id)!] as const] : []))),
    )
  }
  cancel(_ctx: LaunchContext, runs: readonly {id: string}[]) {
    this.cancels.push(runs.map(r => r.id))
    return Promise.resolve(new Map(runs.map(r => [r.id, 'sent' as const])))
  }
  collect(_ctx: LaunchContext, run: {id: string}) {
    return Promise.resolve(this.results.get(run.id) ?? {problem: 'no metrics.json', logTail: ['last words']})
  }
  links() {
    return {log: '/jobs/log'}
  }
}

const cfg = parseConfig(
  'experiments:\n  e:\n    command: [train]\n    runs: 3\n    backend: fake\nbackends:\n  fake: {type: slurm}\n',
  'trainer.yml',
)

function setup(): {ledger: Ledger; ctx: LaunchContext; b: FakeScheduler; ids: string[]; warnings: string[]} {
  const ledger = Ledger.open(join(tempDir('driver-'), 'ledger.db'))
  const plan = buildPlan(cfg, {experiment: 'e', launchId: 'L'})
  ledger.createLaunch(plan, {backend: 'fake'})
  const warnings: string[] = []
  const ctx: LaunchContext = {
    launch: ledger.getLaunch('L')!,
    ledger,
    log: () => undefined,
    warn: m => void warnings.push(m),
    env: {},
    workspace: '.',
    signals: new EventEmitter(),
  }
  return {ledger, ctx, b: new FakeScheduler(), ids: plan.runs.map(r => r.id), warnings}
}

const ok = (final = {loss: 0.1}): RunResults => ({metrics: runMetrics({final}), logTail: [], resultUrl: '/jobs/r'})

describe('the launch driver', () => {
  test('submit records every handle as QUEUED; a second submit has nothing left to do', async () => {
    const {ledger, ctx, b, ids} = setup()
    expect(await submitLaunch(b, ctx)).toEqual({submitted: 3, adopted: 0})
    expect(
      ledger.listRuns('L').map(r => [r.state, r.attempt, (JSON.parse(r.handle!) as {native: {id: string}}).native.id]),
    ).toEqual(ids.map(id => ['QUEUED', 1, id]))
    expect(await submitLaunch(b, ctx)).toEqual({submitted: 0, adopted: 0})
    expect(b.submits).toHaveLength(1)
  })

  test('a poll: pending keeps its reason fresh; success comes from metrics.json, not from the scheduler', async () => {
    const {ledger, ctx, b, ids} = setup()
    await submitLaunch(b, ctx)
    b.said.set(ids[0]!, {state: 'QUEUED', native: 'PENDING', reason: 'Resources'})
    b.said.set(ids[1]!, {state: 'SUCCEEDED', native: 'COMPLETED', exitCode: 0})
    b.said.set(ids[2]!, {state: 'SUCCEEDED', native: 'COMPLETED', exitCode: 0})
    b.results.set(ids[1]!, ok())
    b.results.set(ids[2]!, {metrics: runMetrics({status: 'failed', exit_code: 1, reason: 'loss is NaN'}), logTail: []})
    expect(await pollLaunch(b, ctx)).toEqual({changed: 2, active: 1})
    const [a, c, d] = ids.map(id => ledger.getRun(id)!)
    expect(a).toMatchObject({
      state: 'QUEUED',
      nativeState: 'PENDING',
      reason: 'Resources',
      polledAt: expect.any(String) as string,
    })
    expect(c).toMatchObject({state: 'SUCCEEDED', metrics: {loss: 0.1}, resultUrl: '/jobs/r', links: {log: '/jobs/log'}})
    expect(d).toMatchObject({state: 'FAILED', reason: 'loss is NaN', exitCode: 1})
    // a job that ended without a result failed, whatever the scheduler's word
    b.said.set(ids[0]!, {state: 'SUCCEEDED', native: 'COMPLETED'})
    expect(await pollLaunch(b, ctx)).toEqual({changed: 1, active: 0})
    expect(ledger.getRun(ids[0]!)).toMatchObject({state: 'FAILED', reason: 'no metrics.json; last words'})
    expect(ledger.getLaunch('L')?.status).toBe('FAILED')
  })

  test('a run the scheduler does not mention is left as it is: absence is not death', async () => {
    const {ledger, ctx, b, ids} = setup()
    await submitLaunch(b, ctx)
    for (let i = 0; i < 5; i++) expect(await pollLaunch(b, ctx)).toEqual({changed: 0, active: 3})
    expect(ledger.listRuns('L').map(r => r.state)).toEqual(['QUEUED', 'QUEUED', 'QUEUED'])
    void ids
  })

  test('terminal states are sticky: a later word from the scheduler does not move them', async () => {
    const {ledger, ctx, b, ids} = setup()
    await submitLaunch(b, ctx)
    b.said.set(ids[0]!, {state: 'SUCCEEDED'})
    b.results.set(ids[0]!, ok())
    await pollLaunch(b, ctx)
    b.said.set(ids[0]!, {state: 'FAILED', native: 'NODE_FAIL'})
    await pollLaunch(b, ctx)
    expect(ledger.getRun(ids[0]!)?.state).toBe('SUCCEEDED')
    expect(ledger.events(ids[0]!).map(e => e.to)).toEqual(['CREATED', 'QUEUED', 'SUCCEEDED'])
  })

  test('a run lost by the cluster is submitted again within the budget, then FAILED with why', async () => {
    const {ledger, ctx, b, ids} = setup()
    await submitLaunch(b, ctx)
    const lost = ids[0]!
    b.said.set(lost, {state: 'ERROR', native: 'PREEMPTED', reason: 'preempted', requeue: true})
    await pollLaunch(b, ctx, 1)
    expect(ledger.getRun(lost)).toMatchObject({state: 'QUEUED', attempt: 2})
    expect(b.submits.at(-1)).toEqual([lost])
    await pollLaunch(b, ctx, 1)
    expect(ledger.getRun(lost)).toMatchObject({state: 'FAILED', reason: 'preempted after 2 attempts'})
    expect(ledger.events(lost).map(e => e.to)).toEqual(['CREATED', 'QUEUED', 'ERROR', 'QUEUED', 'FAILED'])
  })

  test('cancel is a request: one backend call; STOPPING until a poll sees CANCELLED', async () => {
    const {ledger, ctx, b, ids} = setup()
    await submitLaunch(b, ctx)
    expect(await cancelLaunch(b, ctx)).toEqual({cancelled: 0, stopping: 3})
    expect(b.cancels).toEqual([ids])
    expect(ledger.listRuns('L').map(r => r.state)).toEqual(['STOPPING', 'STOPPING', 'STOPPING'])
    for (const id of ids) b.said.set(id, {state: 'CANCELLED', native: 'CANCELLED'})
    expect(await pollLaunch(b, ctx)).toEqual({changed: 3, active: 0})
    expect(ledger.getLaunch('L')?.status).toBe('CANCELLED')
  })

  test('polls come at 2, 4, 8, 16 s after a submission, then at the interval, with up to 20% jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(n => pollDelay(n, 60, () => 0))).toEqual([
      2000, 4000, 8000, 16000, 32000, 60000, 60000,
    ])
    expect(pollDelay(9, 60, () => 1)).toBe(72000)
  })

  test('watch: polls until nothing is under way; a SIGINT cancels once and the watch sees it through', async () => {
    const {ctx, b, ids} = setup()
    await submitLaunch(b, ctx)
    const sleeps: number[] = []
    const done = watchLaunch(b, ctx, {
      interval: 30,
      random: () => 0,
      sleep: ms => {
        sleeps.push(ms)
        if (sleeps.length === 2) ctx.signals.emit('SIGINT')
        if (b.cancels.length) for (const id of ids) b.said.set(id, {state: 'CANCELLED'})
        return Promise.resolve()
      },
    })
    expect(await done).toBe('done')
    expect(b.cancels).toHaveLength(1)
    expect(sleeps.slice(0, 2)).toEqual([2000, 4000])
  })
})
