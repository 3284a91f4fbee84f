import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {createRequire} from 'node:module'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'

const require = createRequire(import.meta.url)

/** A real webhook payload (@octokit/webhooks-examples): pull_request opened, Codertocat/Hello-World #2. */
function pullRequestEvent(): {path: string; repo: string; number: number; head: string} {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as {
    name: string
    examples: {action?: string; number: number; repository: {full_name: string}; pull_request: {head: {sha: string}}}[]
  }[]
  const e = all.find(x => x.name === 'pull_request')!.examples.find(x => x.action === 'opened')!
  const path = join(tempDir('report-event-'), 'event.json')
  writeFileSync(path, JSON.stringify(e))
  return {path, repo: e.repository.full_name, number: e.number, head: e.pull_request.head.sha}
}

const YML = `
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    seeds: [1, 2]
    sweep:
      lr: [0.1, 0.2]
`

describe('actions/report (dist/report) against the GitHub API emulator, from a real pull_request payload', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHub()
  })
  afterAll(() => gh.close())

  async function reportStep(ws: string, ev: ReturnType<typeof pullRequestEvent>, inputs: Record<string, string> = {}) {
    const out = join(ws, 'output.txt')
    const summary = join(ws, 'summary.md')
    writeFileSync(out, '')
    writeFileSync(summary, '')
    const env: Record<string, string> = {
      ...gh.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: ev.repo,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: ev.path,
      GITHUB_SHA: 'f'.repeat(40), // the merge commit: the report must use the PR head instead
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    }
    const r = await start('report', [], {cwd: ws, env}).done
    return {...r, outputs: readFileSync(out, 'utf8'), summary: readFileSync(summary, 'utf8')}
  }

  test('a launch reported twice: one check run on the head SHA and one sticky comment, edited in place', async () => {
    const ws = workspace(YML)
    const l = await start('cli', ['launch', 'exp=sweep', '--launch-id', 'R1'], {cwd: ws}).done
    expect(l.code, l.stderr).toBe(0)
    const ev = pullRequestEvent()
    gh.state.addPull(ev.repo, {number: ev.number, head_sha: ev.head})
    const from = gh.calls.length

    const first = await reportStep(ws, ev)
    expect(first.code, first.stderr).toBe(0)
    // the same report again changes nothing: nothing is written (the request budget)
    const mark = gh.calls.length
    const same = await reportStep(ws, ev)
    expect(same.code, same.stderr).toBe(0)
    expect(gh.calls.slice(mark).filter(c => c.method !== 'GET')).toEqual([])
    // a report that says something else edits both in place
    writeFileSync(join(ws, 'trainer.yml'), `${YML}\nreport:\n  primary-metric: loss\n`)
    const second = await reportStep(ws, ev)
    expect(second.code, second.stderr).toBe(0)

    expect(gh.rejected(from)).toEqual([])
    const ops = gh.calls.slice(from).map(c => c.operationId)
    expect(ops.filter(o => o === 'checks/create')).toHaveLength(1)
    expect(ops.filter(o => o === 'checks/update')).toHaveLength(1)
    expect(ops.filter(o => o === 'issues/create-comment')).toHaveLength(1)
    expect(ops.filter(o => o === 'issues/update-comment')).toHaveLength(1)

    const repo = gh.state.repo(ev.repo)
    const checks = [...repo.checkRuns.values()]
    expect(checks).toHaveLength(1)
    expect(checks[0]).toMatchObject({
      name: 'trainer: sweep',
      head_sha: ev.head,
      external_id: 'R1',
      status: 'completed',
      conclusion: 'success',
    })
    const comments = repo.commentsOn(ev.number)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body.split('\n')[0]).toMatch(/^<!-- trainer-action:report/)
    expect(comments[0]!.body).toContain('xychart-beta')
    expect(first.outputs).toMatch(/conclusion<<.*\nsuccess\n/s)
    expect(second.summary).toContain('sweep')
  })

  test('a regression against a fixed baseline beyond report.fail-on fails the check, with the arrow in the table', async () => {
    const ws = workspace(`${YML}
report:
  primary-metric: acc
  baseline: baseline.json
  fail-on:
    acc: {fail: 0.05}
`)
    // the baseline: a launch whose acc was 0.99 at every point (train.mjs ends at 0.9)
    const point = (lr: number): string => JSON.stringify([['lr', lr]])
    writeFileSync(
      join(ws, 'baseline.json'),
      JSON.stringify({
        v: 1,
        experiment: 'sweep',
        source: 'main@1a2b3c4',
        points: {
          [point(0.1)]: {acc: {mean: 0.99, std: 0.001, n: 2}},
          [point(0.2)]: {acc: {mean: 0.99, std: 0.001, n: 2}},
        },
      }),
    )
    expect((await start('cli', ['launch', 'exp=sweep', '--launch-id', 'B1'], {cwd: ws}).done).code).toBe(0)
    const ev = pullRequestEvent()
    gh.state.addPull(ev.repo, {number: ev.number, head_sha: ev.head})
    const from = gh.calls.length
    const r = await reportStep(ws, ev)
    expect(r.code, r.stderr).toBe(0)
    expect(gh.rejected(from)).toEqual([])
    expect(r.outputs).toMatch(/conclusion<<.*\nfailure\n/s)
    const check = [...gh.state.repo(ev.repo).checkRuns.values()].find(c => c.external_id === 'B1')
    expect(check).toMatchObject({conclusion: 'failure'})
    expect(r.summary).toMatch(/main@\u2060?1a2b3c4/) // the @ is kept from mentioning anyone
    expect(r.summary).toMatch(/↓/)
    // and this launch's own baseline file, for the next
    const own = JSON.parse(readFileSync(join(ws, 'results/B1/baseline-B1.json'), 'utf8')) as {
      points: Record<string, {acc: {mean: number}}>
    }
    expect(own.points[point(0.1)]?.acc.mean).toBe(0.9)
  })

  test("a fork's read-only token: nothing is written on GitHub; the summary says what and why", async () => {
    const ro = await startGitHub({readOnlyToken: true})
    try {
      const ws = workspace(YML)
      expect((await start('cli', ['launch', 'exp=sweep', '--launch-id', 'F1'], {cwd: ws}).done).code).toBe(0)
      const ev = pullRequestEvent()
      ro.state.addPull(ev.repo, {number: ev.number, head_sha: ev.head})
      const saved = gh
      gh = ro
      const r = await reportStep(ws, ev)
      gh = saved
      expect(r.code, r.stderr).toBe(0)
      expect(r.summary).toMatch(/check run could not be written: .*fork/)
      expect(r.summary).toMatch(/PR comment could not be written/)
      expect(ro.rejected().filter(c => !c.fault && c.status !== 403)).toEqual([])
    } finally {
      await ro.close()
    }
  })

  test('trainer launch --report: the check run is made queued and completes with the final table and annotations', async () => {
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    seeds: [1, 2]
    sweep:
      lr: [0.1, 0.2]
      mode: [ok, fail]
`)
    const ev = pullRequestEvent()
    gh.state.addPull(ev.repo, {number: ev.number, head_sha: ev.head})
    const from = gh.calls.length
    const env: Record<string, string> = {
      ...gh.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: ev.repo,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: ev.path,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_RUN_ID: '4343',
      GITHUB_WORKSPACE: ws,
    }
    const l = await start('cli', ['launch', 'exp=sweep', '--launch-id', 'P1', '--report'], {cwd: ws, env}).done
    expect(l.code).toBe(1) // a run failed
    expect(gh.rejected(from)).toEqual([])
    const calls = gh.calls.slice(from)
    const creates = calls.filter(c => c.operationId === 'checks/create')
    expect(creates).toHaveLength(1)
    expect(creates[0]!.body).toMatchObject({status: 'queued', external_id: 'P1', head_sha: ev.head})
    const check = [...gh.state.repo(ev.repo).checkRuns.values()].find(c => c.external_id === 'P1')!
    expect(check).toMatchObject({status: 'completed', conclusion: 'failure'})
    // four runs failed (mode=fail at both lrs, 2 seeds each): one annotation each, at the experiment
    expect(check.annotations.map(a => a.title)).toHaveLength(4)
    expect(check.annotations[0]).toMatchObject({path: 'trainer.yml', annotation_level: 'failure'})
    const comments = gh.state
      .repo(ev.repo)
      .commentsOn(ev.number)
      .filter(c => c.body.includes('P1'))
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('| 0.1 | fail | 0/2 | 2 | 0 |')
    // within the budget: far fewer requests than runs × updates
    expect(calls.length).toBeLessThanOrEqual(20)
  })
})
