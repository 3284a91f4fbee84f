/**
 * The default branch's baseline through the Actions cache, as GitHub runs it: dist/report on a
 * real `push` payload to the default branch stores the launch's metrics in the cache (the real
 * @actions/cache client against test/emulators/cache.ts, scoped like a runner's token); then
 * dist/report on a real `pull_request` payload restores the newest baseline of the experiment
 * (its base commit has none) and compares against it. A pull request's own report stores
 * nothing, and a fork's read-only cache is said, not fatal.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startCacheService, type CacheEmulator} from '../emulators/cache.js'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'

const YML = `
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    sweep:
      lr: [0.1, 0.2]
`

function eventFile(e: Record<string, unknown>): string {
  const path = join(tempDir('baseline-cache-event-'), 'event.json')
  writeFileSync(path, JSON.stringify(e))
  return path
}

describe('actions/report: the default branch baseline through the Actions cache', () => {
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

  async function report(ws: string, env: Record<string, string>) {
    const out = join(ws, 'output.txt')
    const summary = join(ws, 'summary.md')
    writeFileSync(out, '')
    writeFileSync(summary, '')
    const r = await start('report', [], {
      cwd: ws,
      env: {
        ...gh.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_RUN_ID: '77',
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: summary,
        'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
        ...env,
      },
    }).done
    return {...r, outputs: readFileSync(out, 'utf8'), summary: readFileSync(summary, 'utf8')}
  }

  test('a push to the default branch stores its baseline; a pull request restores it and compares', async () => {
    const push = webhookExample('push', 4) as {
      ref: string
      after: string
      repository: {full_name: string; default_branch: string}
    }
    expect(push.ref).toBe(`refs/heads/${push.repository.default_branch}`)
    const main = workspace(YML)
    expect((await start('cli', ['launch', 'exp=sweep', '--launch-id', 'M1'], {cwd: main}).done).code).toBe(0)
    const from = cache.calls.length
    const saved = await report(main, {
      ...cache.envFor({ref: push.ref}),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile(push),
      GITHUB_REPOSITORY: push.repository.full_name,
      GITHUB_SHA: push.after,
      GITHUB_REF: push.ref,
    })
    expect(saved.code, saved.stderr + saved.stdout).toBe(0)
    const key = `trainer-baseline-sweep-${push.after}`
    expect(saved.outputs).toContain(`baseline-cache-key<<`)
    expect(saved.outputs).toContain(key)
    expect(cache.entries().map(e => [e.key, e.scope, e.finalized])).toEqual([[key, push.ref, true]])

    const ev = webhookExample('pull_request', 0) as {
      action: string
      number: number
      repository: {full_name: string}
      pull_request: {head: {sha: string}; base: {sha: string; ref: string}}
    }
    const prWs = workspace(YML)
    expect((await start('cli', ['launch', 'exp=sweep', '--launch-id', 'P1'], {cwd: prWs}).done).code).toBe(0)
    gh.state.addPull(ev.repository.full_name, {number: ev.number, head_sha: ev.pull_request.head.sha})
    const pr = await report(prWs, {
      ...cache.envFor({ref: `refs/pull/${ev.number}/merge`, base: `refs/heads/${ev.pull_request.base.ref}`}),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(ev),
      GITHUB_REPOSITORY: ev.repository.full_name,
      GITHUB_SHA: 'e'.repeat(40),
      GITHUB_REF: `refs/pull/${ev.number}/merge`,
    })
    expect(pr.code, pr.stderr + pr.stdout).toBe(0)
    // compared with main's launch M1 at its commit (the @ kept from mentioning anyone)
    expect(pr.summary).toMatch(new RegExp(`M1@\\u2060?${push.after.slice(0, 7)}`))
    expect(pr.outputs).not.toContain('baseline-cache-key')
    // the pull request stored nothing
    expect(cache.entries()).toHaveLength(1)
    expect(cache.rejected(from)).toEqual([])
    expect(gh.rejected()).toEqual([])
  })

  test('a cache that may not be read is said in the summary; the report still goes out', async () => {
    const ev = webhookExample('pull_request', 0) as {
      number: number
      repository: {full_name: string}
      pull_request: {head: {sha: string}}
    }
    const ws = workspace(YML)
    expect((await start('cli', ['launch', 'exp=sweep', '--launch-id', 'R1'], {cwd: ws}).done).code).toBe(0)
    gh.state.addPull(ev.repository.full_name, {number: ev.number, head_sha: ev.pull_request.head.sha})
    const r = await report(ws, {
      ...cache.envFor({ref: `refs/pull/${ev.number}/merge`}),
      ACTIONS_CACHE_MODE: 'none',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile(ev),
      GITHUB_REPOSITORY: ev.repository.full_name,
      GITHUB_SHA: 'e'.repeat(40),
    })
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.summary).toMatch(/baseline could not be restored: this run may not read the cache/)
    expect(r.outputs).toMatch(/conclusion<<.*\nsuccess\n/s)
  })
})
