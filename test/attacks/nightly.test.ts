/**
 * Attacks on scheduled sweeps and the launch action's reply to a `/train` comment (issue 11):
 * dist/launch on `schedule`, `workflow_dispatch` and `issue_comment` events against the GitHub
 * API emulator and the cache emulator (with the real @actions/cache client), and the regression
 * issue's writer against the emulator's limits.
 *
 * Findings (each test below fails until its fix):
 * - a night whose regressed point crashed (its runs failed, the others fine) was taken for a
 *   fixed night: it closed the regression issue and was kept as the next night's baseline, which
 *   then had no value at that point, so the regression was never seen again. A night that lacks
 *   a value the previous night had is now neither a fix nor kept;
 * - the regression issue's body took 100 regressions of up to 500 characters each, before
 *   escaping: with `&`, `<` or `_` in parameter values it went over GitHub's 65,536 characters,
 *   and the issue was never opened. The list is now cut to fit;
 * - a step's `overrides` of a parameter the schedule's `params` set too failed every night ("given
 *   twice"), though the step's are documented to win; and `overrides` given as JSON (actions/
 *   command's output) with any schedule params was "not key=value". The schedule's params now go
 *   to the launch as JSON, the step's replacing the same keys;
 * - a `/train` launch that failed before its plan (trainer.yml that does not parse, an image that
 *   does not build) was not answered at all: only a failure inside the launch was.
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {GithubRun} from '../../src/kit/github.js'
import {publishRegressionIssue} from '../../src/report/regression-issue.js'
import {startCacheService, type CacheEmulator} from '../emulators/cache.js'
import {quietClient} from '../emulators/github-client.js'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {runDist} from '../helpers/run-dist.js'
import {workspace} from '../helpers/workspace.js'

const CRON = '17 3 * * *'

/** A night's training: `loss` as the params say; the point lr=0.2 crashes when `crash` is 1. */
const TRAIN = `
const lr = Number(process.env.TRAINER_PARAM_LR)
if (lr === 0.2 && process.env.TRAINER_PARAM_CRASH === '1') process.exit(3)
const loss = Number(process.env.TRAINER_PARAM_LOSS) + (lr === 0.2 ? Number(process.env.TRAINER_PARAM_WORSE) / 10 : 0)
console.log('TRAINER_METRIC ' + JSON.stringify({step: 1, loss}))
`

const yml = (p: {worse?: number; crash?: number}): string => `
experiments:
  sweep:
    command: [$NODE, night.mjs]
    params: {lr: 0.1, loss: 0.5, worse: 0, crash: 0}
    sweep:
      lr: [0.1, 0.2]
schedules:
  nightly:
    experiment: sweep
    cron: '${CRON}'
    params: {worse: ${p.worse ?? 0}, crash: ${p.crash ?? 0}}
    fail-on:
      loss: {fail: 0.05}
`

let gh: GitHubEmulator
let cache: CacheEmulator
beforeAll(async () => {
  gh = await startGitHub()
  cache = await startCacheService()
})
afterAll(async () => {
  await gh.close()
  await cache.close()
})

const dispatch = webhookExample('workflow_dispatch') as {
  repository: {full_name: string; default_branch: string; name: string; owner: {login: string}}
}
const ref = `refs/heads/${dispatch.repository.default_branch}`

let seq = 0
/** One repository (and so one cache scope's worth of keys) per test: the emulators keep state per repository. */
function nights(what: string) {
  const repo = `acme/nightly-${what}-${++seq}`
  const [owner, name] = repo.split('/') as [string, string]
  const repository = {
    ...dispatch.repository,
    full_name: repo,
    name,
    owner: {...dispatch.repository.owner, login: owner},
  }
  const scope = `refs/heads/${what}-${seq}`
  let n = 0
  return {
    repo,
    issues: () => [...gh.state.repo(repo).issues.values()].filter(i => !i.pull),
    async night(text: string, o: {event?: unknown; eventName?: string; inputs?: Record<string, string>} = {}) {
      n++
      const ws = workspace(text)
      writeFileSync(join(ws, 'night.mjs'), TRAIN)
      return runDist('launch', {
        workspace: ws,
        event: o.event ?? {schedule: CRON, repository},
        eventName: o.eventName ?? 'schedule',
        inputs: {'github-token': gh.env.GITHUB_TOKEN, ...o.inputs},
        env: {
          ...gh.env,
          // the cache scope is the ref's: a ref of its own keeps each test's nights apart
          ...cache.envFor({ref: scope}),
          GITHUB_REPOSITORY: repo,
          GITHUB_REF: ref,
          GITHUB_SHA: `${n}`.repeat(40).slice(0, 40),
          GITHUB_RUN_ID: `${2000 + n}`,
        },
      })
    },
  }
}

describe('scheduled sweeps, night after night', () => {
  test('a night whose regressed point crashed neither closes the issue nor becomes the baseline', async () => {
    const s = nights('crash')
    const good = await s.night(yml({}))
    expect(good.code, good.stdout + good.stderr).toBe(0)
    const regressed = await s.night(yml({worse: 5}))
    expect(JSON.parse(regressed.outputs.regressions!)).toHaveLength(1)
    const number = Number(regressed.outputs['regression-issue'])
    expect(s.issues().find(i => i.number === number)).toMatchObject({state: 'open'})
    const kept = cache.entries().length

    // lr=0.2 crashes tonight; lr=0.1 is as before: nothing says the regression is gone
    const crashed = await s.night(yml({worse: 5, crash: 1}))
    expect(crashed.code).not.toBe(0)
    expect(crashed.outputs.regressions).toBe('[]')
    expect(s.issues().find(i => i.number === number)).toMatchObject({state: 'open'})
    expect(cache.entries()).toHaveLength(kept)

    // and the next night still regresses, against the last good night
    const again = await s.night(yml({worse: 5}))
    expect(JSON.parse(again.outputs.regressions!)).toEqual([expect.stringMatching(/^loss at lr=0\.2: 1 against 0\.5/)])
    expect(again.outputs['regression-issue']).toBe(String(number))
    expect(s.issues().filter(i => i.user === 'github-actions[bot]')).toHaveLength(1)
    expect(gh.rejected()).toEqual([])
  }, 240_000)

  test('the cache failing to restore: the night is run and reported, not compared, and no issue is touched', async () => {
    const s = nights('cache-fail')
    cache.failNext({status: 500, method: 'GetCacheEntryDownloadURL', times: 5})
    const r = await s.night(yml({worse: 5}))
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout + r.stderr).toMatch(/baseline could not be restored/)
    expect(r.outputs.regressions).toBe('[]')
    expect(r.outputs['regression-issue']).toBeUndefined()
    expect(s.issues()).toEqual([])
  }, 120_000)

  test('GitHub failing to open the issue: a warning, the night judged and not kept', async () => {
    const s = nights('gh-fail')
    expect((await s.night(yml({}))).code).toBe(0)
    const kept = cache.entries().length
    gh.failNext({status: 500, op: 'issues/create', times: 5})
    const r = await s.night(yml({worse: 5}))
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout + r.stderr).toMatch(/the regression issue could not be written/)
    expect(JSON.parse(r.outputs.regressions!)).toHaveLength(1)
    expect(s.issues()).toEqual([])
    expect(cache.entries()).toHaveLength(kept)
  }, 120_000)

  test("the step's overrides (lines or JSON) win over the schedule's params of the same key", async () => {
    const s = nights('overrides')
    for (const overrides of ['crash=0\nworse=2', '{"worse": 2, "crash": "0"}']) {
      const r = await s.night(yml({worse: 5, crash: 1}), {inputs: {overrides}})
      expect(r.code, r.stdout + r.stderr).toBe(0)
      const runs = JSON.parse(r.outputs.runs!) as {params: {worse: number; crash: number}}[]
      expect(runs.map(x => [x.params.worse, x.params.crash])).toEqual([
        [2, 0],
        [2, 0],
      ])
    }
  }, 120_000)

  test('a dispatch whose schedule input is injection text: refused, said once, no workflow command gets through', async () => {
    const s = nights('inject')
    const schedule = "x'\n::set-output name=conclusion::success\n%0A::error::pwned $(id) ${{ secrets.X }}"
    const r = await s.night(yml({}), {
      event: {...dispatch, ref, inputs: {schedule}},
      eventName: 'workflow_dispatch',
    })
    expect(r.code).not.toBe(0)
    expect(r.outputs).toEqual({})
    // the runner reads commands at the start of a line: none of the text starts one
    expect((r.stdout + r.stderr).split('\n').filter(l => /^::(set-output|error::pwned)/.test(l))).toEqual([])
    expect(r.stdout).toContain("no schedule 'x'%0A::set-output")
  }, 60_000)
})

describe('the regression issue', () => {
  const g = (repo: string): GithubRun => ({
    repository: repo,
    owner: repo.split('/')[0]!,
    repo: repo.split('/')[1]!,
    eventName: 'schedule',
    headSha: 'a'.repeat(40),
    serverUrl: 'https://github.com',
    apiUrl: gh.url,
  })
  const client = () => quietClient(gh)

  test('1,000 regressions whose points escape to several times their length still open an issue under 65,536', async () => {
    const repo = `acme/nightly-big-${++seq}`
    const value = 'https://data.example/?a=1&b=<2>&c_d=3'.repeat(14)
    const regressions = Array.from(
      {length: 1000},
      (_, i) => `val_loss at url=${value}, i=${i}: 0.9 against 0.5 on night of 2026-11-24 (aaaaaaa) (+0.4).`,
    )
    const r = await publishRegressionIssue(client(), g(repo), {
      schedule: 'nightly',
      experiment: 'sweep',
      regressions,
      date: '2026-11-25',
      sha: 'a'.repeat(40),
      labels: ['trainer-regression'],
      assignees: [],
    })
    expect(r.action).toBe('opened')
    const body = gh.state.repo(repo).issues.get(r.number!)!.body!
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toMatch(/- … and \d+ more \(the check run lists them\)/)
    expect(gh.rejected()).toEqual([])
  })

  test('metric names with mentions, issue references and HTML are escaped in the issue', async () => {
    const repo = `acme/nightly-esc-${++seq}`
    const r = await publishRegressionIssue(client(), g(repo), {
      schedule: 'nightly',
      experiment: 'sweep',
      regressions: ['@octo-org/team <img src=x> #1 [x](javascript:alert(1)) at lr=0.1: 2 against 1.'],
      against: 'night of @admin #2',
      date: '2026-11-25',
      sha: 'a'.repeat(40),
      labels: ['trainer-regression'],
      assignees: [],
    })
    const body = gh.state.repo(repo).issues.get(r.number!)!.body!
    expect(body).not.toMatch(/@octo-org|@admin|<img|#1|#2|\]\(javascript/)
    expect(body).toContain('&lt;img')
  })
})

describe('the reply to a /train comment', () => {
  function comment(repo: string, number: number) {
    gh.state.addPull(repo, {number, head_sha: 'e'.repeat(40)})
    const c = gh.state.addComment(repo, number, {body: '/train exp=sweep', user: 'writer'})
    const e = structuredClone(webhookExample('issue_comment', 0)) as {
      issue: {number: number; pull_request?: unknown}
      comment: {id: number; user: {login: string}}
    }
    e.issue.number = number
    e.issue.pull_request = {url: `https://api.github.com/repos/${repo}/pulls/${number}`}
    e.comment = {...e.comment, id: c.id, user: {...e.comment.user, login: 'writer'}}
    return e
  }
  const replies = (repo: string, number: number) =>
    gh.state
      .repo(repo)
      .commentsOn(number)
      .filter(x => x.user === 'github-actions[bot]')
      .map(x => x.body)

  test('a launch that fails before its plan (trainer.yml does not parse) is answered too', async () => {
    const repo = `acme/reply-${++seq}`
    const ws = workspace('experiments:\n  sweep:\n    command: [$NODE, x.mjs]\n    @team: 1\n')
    const r = await runDist('launch', {
      workspace: ws,
      event: comment(repo, 7),
      eventName: 'issue_comment',
      inputs: {'github-token': gh.env.GITHUB_TOKEN, experiment: 'sweep'},
      env: {...gh.env, GITHUB_REPOSITORY: repo, GITHUB_SHA: 'd'.repeat(40)},
    })
    expect(r.code).not.toBe(0)
    expect(replies(repo, 7)).toEqual([expect.stringMatching(/^> @\u2060writer: \/train\n\n😕 The launch failed: /)])
    expect(replies(repo, 7)[0]).not.toMatch(/@team/)
  }, 60_000)

  test('a read-only token: the reply fails with a warning, the launch is fine', async () => {
    const repo = `acme/reply-${++seq}`
    const ws = workspace('experiments:\n  sweep:\n    command: [$NODE, x.mjs]\n')
    writeFileSync(join(ws, 'x.mjs'), "console.log('TRAINER_METRIC ' + JSON.stringify({step: 1, loss: 1}))\n")
    gh.failNext({
      status: 403,
      op: 'issues/create-comment',
      times: 10,
      body: {message: 'Resource not accessible by integration'},
    })
    const r = await runDist('launch', {
      workspace: ws,
      event: comment(repo, 8),
      eventName: 'issue_comment',
      inputs: {'github-token': gh.env.GITHUB_TOKEN, experiment: 'sweep'},
      env: {...gh.env, GITHUB_REPOSITORY: repo, GITHUB_SHA: 'd'.repeat(40)},
    })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toMatch(/::warning::the reply to the \/train comment could not be written/)
    expect(r.outputs.status).toBe('SUCCEEDED')
  }, 60_000)
})
