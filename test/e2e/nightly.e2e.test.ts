/**
 * Scheduled sweeps as GitHub runs them: dist/launch on a `schedule` event (the payload GitHub
 * sends: the event's cron, the repository; the runner's GITHUB_REF is the default branch) and on
 * a real `workflow_dispatch` payload, with the real @actions/cache client against the cache
 * emulator and the GitHub API emulator. Night after night on the local backend:
 * 1. the first night has nothing to compare with: no issue, and it is kept;
 * 2. a worse night fails its check run and opens the regression issue, and is not kept;
 * 3. still worse: the issue's body is updated and a comment says so (no second issue);
 * 4. fixed: the night is compared with the last good night, comments and closes the issue.
 * A stranger's issue carrying the marker is never taken for ours.
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startCacheService, type CacheEmulator} from '../emulators/cache.js'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {runDist} from '../helpers/run-dist.js'
import {workspace} from '../helpers/workspace.js'

const CRON = '17 3 * * *'

/** trainer.yml of a night: the training reports `loss` as the schedule's params say. */
const yml = (loss: number, extra = ''): string => `
experiments:
  sweep:
    command: [$NODE, night.mjs]
    params: {lr: 0.1, loss: 1.0}
    sweep:
      lr: [0.1, 0.2]
schedules:
  nightly:
    experiment: sweep
    cron: '${CRON}'
    params: {loss: ${loss}}
    seeds: [1, 2]
    fail-on:
      loss: {fail: 0.05}
${extra}`

const TRAIN = `
const loss = Number(process.env.TRAINER_PARAM_LOSS) + Number(process.env.TRAINER_PARAM_LR) / 100
console.log('TRAINER_METRIC ' + JSON.stringify({step: 1, loss}))
`

describe('scheduled sweeps (dist/launch on schedule and workflow_dispatch events)', () => {
  let gh: GitHubEmulator
  let cache: CacheEmulator
  const dispatch = webhookExample('workflow_dispatch') as {
    ref: string
    inputs: Record<string, unknown>
    repository: {full_name: string; default_branch: string}
  }
  const repo = dispatch.repository.full_name
  const ref = `refs/heads/${dispatch.repository.default_branch}`
  // GitHub's schedule payload: the cron that fired, and the repository (docs: events that trigger workflows)
  const schedule = {schedule: CRON, repository: dispatch.repository, workflow: '.github/workflows/nightly.yml'}
  beforeAll(async () => {
    gh = await startGitHub()
    cache = await startCacheService()
  })
  afterAll(async () => {
    await gh.close()
    await cache.close()
  })

  async function night(
    n: number,
    loss: number,
    o: {
      event?: unknown
      eventName?: string
      inputs?: Record<string, string>
      yml?: string
      env?: Record<string, string>
    } = {},
  ) {
    const ws = workspace(o.yml ?? yml(loss))
    writeFileSync(join(ws, 'night.mjs'), TRAIN)
    return runDist('launch', {
      workspace: ws,
      event: o.event ?? schedule,
      eventName: o.eventName ?? 'schedule',
      inputs: {'github-token': gh.env.GITHUB_TOKEN, ...o.inputs},
      env: {
        ...gh.env,
        ...cache.envFor({ref}),
        GITHUB_REPOSITORY: repo,
        GITHUB_REF: ref,
        GITHUB_SHA: `${n}`.repeat(40).slice(0, 40),
        GITHUB_RUN_ID: `${1000 + n}`,
        ...o.env,
      },
    })
  }

  const issues = () => [...gh.state.repo(repo).issues.values()].filter(i => !i.pull)

  test('night after night: kept, regressed (issue opened), still regressed (updated), fixed (closed)', async () => {
    // a stranger's issue that starts with the marker and has the label: never ours
    gh.state.addIssue(repo, {
      title: 'looks like the regression issue',
      user: 'mallory',
      labels: ['trainer-regression'],
      body: '<!-- trainer-action:regression schedule=nightly experiment=sweep -->\nnot from the action',
    })
    // the payload as GitHub wrote it before 2022: the cron alone (a schedule runs on the default branch)
    const first = await night(1, 0.5, {event: {schedule: CRON}})
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.stdout).toContain('schedule nightly: sweep')
    expect(first.outputs).toMatchObject({status: 'SUCCEEDED', regressions: '[]'})
    expect(first.outputs['regression-issue']).toBeUndefined()
    const check1 = gh.state.repo(repo).checkRuns.get(Number(first.outputs['check-run-id']))!
    // 2 sweep points x 2 seeds, on the commit the schedule ran
    expect(check1).toMatchObject({name: 'trainer: sweep', head_sha: '1'.repeat(40)})
    expect(JSON.parse(first.outputs.runs!)).toHaveLength(4)
    expect(cache.entries().map(e => e.key)).toEqual([
      expect.stringMatching(/^trainer-night-nightly-sweep-\d{8}t\d{9}z\.1001$/),
    ])
    expect(issues()).toHaveLength(1)

    const second = await night(2, 0.9)
    expect(second.code, second.stdout + second.stderr).toBe(0)
    expect(second.outputs.conclusion).toBe('failure')
    const regressions = JSON.parse(second.outputs.regressions!) as string[]
    expect(regressions).toHaveLength(2)
    expect(regressions[0]).toMatch(/^loss at lr=0\.1: 0\.901 against 0\.501 on night of \d{4}-\d\d-\d\d \(1111111\)/)
    const number = Number(second.outputs['regression-issue'])
    const opened = gh.state.repo(repo).issues.get(number)!
    expect(opened).toMatchObject({user: 'github-actions[bot]', state: 'open', labels: ['trainer-regression']})
    expect(opened.body).toMatch(/^<!-- trainer-action:regression schedule=nightly experiment=sweep -->\n/)
    expect(opened.body).toContain('2222222')
    expect(opened.body).toContain(`/actions/runs/1002`)
    // a regressed night is not kept: the next is judged against night 1 still
    expect(cache.entries()).toHaveLength(1)

    const third = await night(3, 0.8)
    expect(third.code, third.stdout + third.stderr).toBe(0)
    expect(third.outputs['regression-issue']).toBe(String(number))
    expect((JSON.parse(third.outputs.regressions!) as string[])[0]).toMatch(
      /0\.801 against 0\.501 on night of .* \(1111111\)/,
    )
    expect(issues().filter(i => i.user === 'github-actions[bot]')).toHaveLength(1)
    expect(gh.state.repo(repo).issues.get(number)!.body).toContain('3333333')
    expect(
      gh.state
        .repo(repo)
        .commentsOn(number)
        .map(c => c.body),
    ).toEqual([expect.stringMatching(/^Still regressed on .* \(commit <code>3333333<\/code>\): 2 regressions\./)])

    const fixed = await night(4, 0.52)
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0)
    expect(fixed.outputs).toMatchObject({conclusion: 'success', regressions: '[]', 'regression-issue': String(number)})
    const closed = gh.state.repo(repo).issues.get(number)!
    expect(closed).toMatchObject({state: 'closed', state_reason: 'completed'})
    expect(gh.state.repo(repo).commentsOn(number).at(-1)!.body).toMatch(
      /^No regression on .*<code>4444444<\/code>.*closing\./,
    )
    // the fixed night is kept: the newest the next one restores
    expect(cache.entries()).toHaveLength(2)
    // the stranger's issue was left alone
    expect(issues().find(i => i.user === 'mallory')).toMatchObject({
      state: 'open',
      body: expect.stringContaining('not from') as unknown,
    })
    expect(gh.rejected()).toEqual([])
    expect(cache.rejected()).toEqual([])
  }, 240_000)

  test('a workflow_dispatch names its sweep by its schedule input; the step can override the seeds', async () => {
    const r = await night(5, 0.52, {
      event: {...dispatch, ref, inputs: {schedule: 'nightly'}},
      eventName: 'workflow_dispatch',
      inputs: {seeds: '7'},
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    const runs = JSON.parse(r.outputs.runs!) as {seed: number; params: {loss: number}}[]
    expect(runs.map(x => [x.seed, x.params.loss])).toEqual([
      [7, 0.52],
      [7, 0.52],
    ])
  }, 120_000)

  test('a dispatch on another branch is judged but neither kept nor written to an issue; issue: false writes none', async () => {
    const kept = cache.entries().length
    const before = issues().length
    const branch = await night(7, 0.9, {
      event: {...dispatch, ref: 'refs/heads/feature', inputs: {schedule: 'nightly'}},
      eventName: 'workflow_dispatch',
      env: {GITHUB_REF: 'refs/heads/feature'},
    })
    expect(branch.code, branch.stdout + branch.stderr).toBe(0)
    expect(JSON.parse(branch.outputs.regressions!)).toHaveLength(2)
    expect(branch.outputs['regression-issue']).toBeUndefined()
    expect(branch.stdout).toContain('not on the default branch')
    const quiet = await night(8, 0.9, {yml: yml(0.9).replace('    fail-on:', '    issue: false\n    fail-on:')})
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0)
    expect(JSON.parse(quiet.outputs.regressions!)).toHaveLength(2)
    expect(quiet.outputs['regression-issue']).toBeUndefined()
    expect(issues()).toHaveLength(before)
    expect(cache.entries()).toHaveLength(kept)
  }, 120_000)

  test('bad input: an unknown cron, an unknown schedule, a schedule and another experiment', async () => {
    const cron = await night(6, 0.5, {event: {...schedule, schedule: '0 0 * * 0'}})
    expect(cron.code).not.toBe(0)
    expect(cron.stdout + cron.stderr).toContain(
      "this schedule event's cron '0 0 * * 0' is no schedule's cron in trainer.yml; schedules: nightly ('17 3 * * *')",
    )
    const named = await night(6, 0.5, {inputs: {schedule: 'weekly'}})
    expect(named.code).not.toBe(0)
    expect(named.stdout + named.stderr).toContain("schedule: no schedule 'weekly' in trainer.yml; schedules: nightly")
    const both = await night(6, 0.5, {inputs: {schedule: 'nightly', experiment: 'other'}})
    expect(both.code).not.toBe(0)
    expect(both.stdout + both.stderr).toContain("experiment: 'other', but schedule nightly launches 'sweep'")
    const yml2 = await night(6, 0.5, {yml: yml(0.5, `  weekly:\n    experiment: nope\n`)})
    expect(yml2.code).not.toBe(0)
    expect(yml2.stdout + yml2.stderr).toMatch(
      /trainer\.yml:\d+:\d+.*schedules\.weekly\.experiment: unknown experiment 'nope'; experiments: sweep/,
    )
  }, 120_000)
})
