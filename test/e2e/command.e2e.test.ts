/**
 * actions/command (dist/command) as GitHub runs it, from real `issue_comment` payloads
 * (@octokit/webhooks-examples, set on a pull request of the emulator's state and given the
 * comment under test): a writer's command is accepted with the head SHA pinned; a read-only
 * user, a bot, an issue that is not a pull request, a head pushed after the comment, a fork, a
 * malformed command, an edited comment and a permission check that fails are refused (or
 * ignored), each with the reaction and reply a person expects. The emulator rejects nothing.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {iso, sha, startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'
import {parseFileCommands} from '../helpers/run-dist.js'

const YML = `
experiments:
  resnet:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, epochs: 3, mode: ok}
`

interface Payload {
  action: string
  issue: {number: number; pull_request?: unknown; html_url: string}
  comment: {id: number; body: string; created_at: string; user: {login: string; type: string}}
  repository: {full_name: string}
}

describe('actions/command (dist/command) from real issue_comment payloads', () => {
  let gh: GitHubEmulator
  const REPO = 'Codertocat/Hello-World'
  let n = 100
  beforeAll(async () => {
    gh = await startGitHub()
    gh.state.setRole(REPO, 'writer', 'write')
    gh.state.setRole(REPO, 'reader', 'read')
    gh.state.setRole(REPO, 'maintainer', 'maintain')
  })
  afterAll(() => gh.close())

  /** A pull request and a comment on it, as the `issue_comment` payload GitHub sends. */
  function scenario(o: {body: string; user?: string; type?: string; action?: string; pr?: boolean; fork?: string}): {
    event: Payload
    number: number
    head: string
  } {
    const number = ++n
    const head = sha(`head-${number}`)
    if (o.pr === false) gh.state.addIssue(REPO, {title: 'an issue', number})
    else gh.state.addPull(REPO, {number, head_sha: head, ...(o.fork ? {head_repo: o.fork, head_ref: 'feature'} : {})})
    const user = o.user ?? 'writer'
    const c = gh.state.addComment(REPO, number, {body: o.body, user})
    const e = structuredClone(webhookExample('issue_comment', o.action === 'edited' ? 7 : 0)) as unknown as Payload
    e.action = o.action ?? 'created'
    e.issue.number = number
    if (o.pr === false) delete e.issue.pull_request
    else e.issue.pull_request = {url: `https://api.github.com/repos/${REPO}/pulls/${number}`}
    e.comment = {
      ...e.comment,
      id: c.id,
      body: o.body,
      created_at: c.created_at,
      user: {...e.comment.user, login: user, type: o.type ?? 'User'},
    }
    return {event: e, number, head}
  }

  async function run(event: Payload, inputs: Record<string, string> = {}) {
    const ws = workspace(YML)
    const path = join(tempDir('command-event-'), 'event.json')
    writeFileSync(path, JSON.stringify(event))
    const out = join(ws, 'output.txt')
    writeFileSync(out, '')
    const r = await start('command', [], {
      cwd: ws,
      env: {
        ...gh.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: REPO,
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: path,
        GITHUB_SHA: 'd'.repeat(40), // the default branch: never what runs
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: out,
        'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      },
    }).done
    return {...r, outputs: parseFileCommands(readFileSync(out, 'utf8'))}
  }

  const reactions = (comment: number) =>
    gh.state
      .repo(REPO)
      .reactions.filter(r => r.comment === comment)
      .map(r => r.content)
  const replies = (number: number) =>
    gh.state
      .repo(REPO)
      .commentsOn(number)
      .filter(c => c.user === 'github-actions[bot]')

  test("a writer's command: accepted, the head SHA pinned, the values in outputs, 👀 then 🚀", async () => {
    const from = gh.calls.length
    const ok = scenario({body: 'Looks good.\n\n/train exp=resnet lr=0.01 seeds=1,2,3\n'})
    const r2 = await run(ok.event)
    expect(r2.code, r2.stdout + r2.stderr).toBe(0)
    expect(r2.outputs).toMatchObject({
      command: 'train',
      sha: ok.head,
      pr: String(ok.number),
      experiment: 'resnet',
      overrides: '{"lr":"0.01"}',
      seeds: '1,2,3',
      'dry-run': 'false',
    })
    expect(reactions(ok.event.comment.id)).toEqual(['eyes', 'rocket'])
    expect(replies(ok.number)).toEqual([])
    expect(gh.rejected(from)).toEqual([])
  })

  test.each([
    [
      'a read-only user',
      {body: '/train exp=resnet', user: 'reader'},
      /reader has read access .* needs one of write, maintain, admin/,
    ],
    ['a bot', {body: '/train exp=resnet', user: 'dependabot[bot]', type: 'Bot'}, /is a bot/],
    ['an issue, not a pull request', {body: '/train exp=resnet', pr: false}, /is an issue, not a pull request/],
    ['a fork', {body: '/train exp=resnet', fork: 'mallory/Hello-World'}, /comes from the fork mallory\/Hello-World/],
    ['a malformed command', {body: '/train exp=resnet lr=$(id)'}, /line 1, column \d+/],
    ['an unknown experiment', {body: '/train exp=resnt'}, /resnt/],
  ])('%s: refused, 😕 and a reply that says why with the usage', async (_, o, why) => {
    const s = scenario(o)
    const from = gh.calls.length
    const r = await run(s.event)
    expect(r.outputs.command).toBe('refused')
    expect(r.outputs.refused).toMatch(why)
    expect(r.outputs.sha).toBeUndefined()
    expect(reactions(s.event.comment.id)).toEqual(['eyes', 'confused'])
    const rep = replies(s.number)
    expect(rep).toHaveLength(1)
    expect(rep[0]!.body).toContain('Usage')
    expect(gh.rejected(from)).toEqual([])
  })

  test('a push after the comment (by GitHub’s clock, whatever the commit says): refused', async () => {
    const s = scenario({body: '/train exp=resnet'})
    const later = iso(new Date(Date.parse(s.event.comment.created_at) + 5000))
    // the new commit claims an author date from before the comment: GitHub's push time decides
    gh.state.push(REPO, s.number, {sha: sha('swapped'), at: later, author_date: '2020-01-01T00:00:00Z'})
    const r = await run(s.event)
    expect(r.outputs.command).toBe('refused')
    expect(r.outputs.refused).toMatch(/pushed to after the comment/)
    expect(r.outputs.sha).toBeUndefined()
  })

  test('a push before the comment: accepted, at the head it pushed', async () => {
    const number = n + 1
    const s0 = scenario({body: 'no command yet'})
    expect(s0.number).toBe(number)
    const earlier = iso(new Date(Date.now() - 60_000))
    gh.state.push(REPO, number, {sha: sha('second'), at: earlier})
    const c = gh.state.addComment(REPO, number, {body: '/train exp=resnet', user: 'maintainer'})
    const e = {
      ...s0.event,
      comment: {
        ...s0.event.comment,
        id: c.id,
        body: c.body,
        created_at: c.created_at,
        user: {...s0.event.comment.user, login: 'maintainer'},
      },
    }
    const r = await run(e)
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs).toMatchObject({command: 'train', sha: sha('second')})
  })

  test.each([
    [
      'refused by the API (an expired token: 401)',
      () => gh.failNext({status: 401, op: 'repos/get-collaborator-permission-level'}),
    ],
    ['a user GitHub does not know (404)', () => gh.state.missingUsers.add('writer')],
  ])('the permission check fails, %s: refused, never allowed', async (_, fault) => {
    const s = scenario({body: '/train exp=resnet'})
    fault()
    try {
      const r = await run(s.event)
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.outputs.command).toBe('refused')
      expect(r.outputs.refused).toMatch(/permission on .* could not be checked/)
      expect(r.outputs.sha).toBeUndefined()
    } finally {
      gh.state.missingUsers.delete('writer')
    }
  })

  test('a parameter the experiment does not have: refused with the valid ones', async () => {
    const s = scenario({body: '/train exp=resnet note="two words"'})
    const r = await run(s.event)
    expect(r.outputs.command).toBe('refused')
    expect(r.outputs.refused).toMatch(/note/)
    expect(r.outputs.refused).toMatch(/lr|epochs/)
  })

  test('an edited comment, and one without a command: ignored, without a word', async () => {
    for (const s of [
      scenario({body: '/train exp=resnet', action: 'edited'}),
      scenario({body: 'nice work\n> /train exp=resnet\n'}),
    ]) {
      const from = gh.calls.length
      const r = await run(s.event)
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.outputs.command).toBe('none')
      expect(gh.calls.slice(from)).toEqual([])
    }
  })

  test('/train help: the usage as a reply', async () => {
    const s = scenario({body: '/train help'})
    const r = await run(s.event)
    expect(r.outputs.command).toBe('help')
    expect(replies(s.number)[0]!.body).toContain('/train status')
  })
})
