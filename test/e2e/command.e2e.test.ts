/**
 * actions/command (dist/command) as GitHub runs it, from real `issue_comment` payloads
 * (@octokit/webhooks-examples, set on a pull request of the emulator's state and given the
 * comment under test): a writer's command is accepted with the head SHA pinned; a read-only
 * user, a bot, an issue that is not a pull request, a head pushed after the comment, a fork, a
 * malformed command, an edited comment and a permission check that fails are refused (or
 * ignored), each with the reaction and reply a person expects. With `teams`, an active member
 * is accepted whatever their role; a pending member, a non-member and a team check that fails
 * are refused. `/train status` is answered with the launches on the pinned head. The emulator
 * rejects nothing.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {GITHUB_TOKEN, iso, sha, startGitHub, type GitHubEmulator} from '../emulators/github.js'
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

/** What GitHub answers a token that may not read a resource (an integration's, such as GITHUB_TOKEN). */
const NOT_ACCESSIBLE = {status: 403, body: {message: 'Resource not accessible by integration', status: '403'}, times: 1}

/** A token of someone who may read the organization's teams (read:org), for `teams-token`. */
const TEAMS_TOKEN = 'ghp_orgreader000000000000000000000000000'

describe('actions/command (dist/command) from real issue_comment payloads', () => {
  let gh: GitHubEmulator
  const REPO = 'Codertocat/Hello-World'
  let n = 100
  beforeAll(async () => {
    gh = await startGitHub({tokens: {[GITHUB_TOKEN]: {}, [TEAMS_TOKEN]: {login: 'org-reader'}}})
    gh.state.setRole(REPO, 'writer', 'write')
    gh.state.setRole(REPO, 'reader', 'read')
    gh.state.setRole(REPO, 'maintainer', 'maintain')
    gh.state.setRole(REPO, 'invited', 'read')
    gh.state.addTeamMember('Codertocat', 'ml-team', 'reader')
    gh.state.addTeamMember('Codertocat', 'ml-team', 'invited', {state: 'pending'})
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

  async function run(
    event: Payload,
    inputs: Record<string, string> = {},
  ): Promise<{
    code: number | null
    stdout: string
    stderr: string
    outputs: Record<string, string | undefined>
  }> {
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
  const teamCalls = (from: number) =>
    gh.calls.slice(from).filter(c => c.operationId === 'teams/get-membership-for-user-in-org')

  test('teams: a read-only member of a listed team is accepted; the membership is read with teams-token', async () => {
    const s = scenario({body: '/train exp=resnet', user: 'reader'})
    const from = gh.calls.length
    const r = await run(s.event, {teams: 'Codertocat/ml-team', 'teams-token': TEAMS_TOKEN})
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs).toMatchObject({command: 'train', sha: s.head, experiment: 'resnet'})
    expect(r.stdout).toContain('reader is an active member of Codertocat/ml-team (with read access)')
    expect(r.stdout).toContain(`::add-mask::${TEAMS_TOKEN}`)
    expect(reactions(s.event.comment.id)).toEqual(['eyes', 'rocket'])
    // the role first (read: not enough), then the team, asked as the token's owner
    const ops = gh.calls.slice(from).map(c => c.operationId)
    expect(ops.indexOf('repos/get-collaborator-permission-level')).toBeLessThan(
      ops.indexOf('teams/get-membership-for-user-in-org'),
    )
    expect(teamCalls(from).map(c => [c.path, c.login, c.status])).toEqual([
      ['/orgs/Codertocat/teams/ml-team/memberships/reader', 'org-reader', 200],
    ])
    expect(gh.calls.slice(from).find(c => c.operationId === 'issues/create-comment')).toBeUndefined()
    expect(gh.rejected(from)).toEqual([])
  })

  test('teams: a writer is accepted by role, without asking the team', async () => {
    const s = scenario({body: '/train exp=resnet'})
    const from = gh.calls.length
    const r = await run(s.event, {teams: 'Codertocat/ml-team'})
    expect(r.outputs.command).toBe('train')
    expect(teamCalls(from)).toEqual([])
  })

  test.each([
    [
      'a pending member (an invitation not yet accepted)',
      {user: 'invited'},
      {},
      /^invited has read access to Codertocat\/Hello-World and is not an active member of Codertocat\/ml-team \(an invitation to Codertocat\/ml-team is still pending\); launching needs one of write, maintain, admin, or an active membership of Codertocat\/ml-team$/,
    ],
    [
      'a non-member (404)',
      {user: 'stranger'},
      {},
      /^stranger has read access to Codertocat\/Hello-World and is not an active member of Codertocat\/ml-team; launching needs one of write, maintain, admin, or an active membership of Codertocat\/ml-team$/,
    ],
    [
      'a writer with permissions: none (the teams alone are the gate)',
      {user: 'writer'},
      {permissions: 'none'},
      /^writer is not an active member of Codertocat\/ml-team; launching needs an active membership of Codertocat\/ml-team$/,
    ],
  ])('teams: %s is refused', async (_, o, inputs: Record<string, string>, why) => {
    const s = scenario({body: '/train exp=resnet', ...o})
    const from = gh.calls.length
    const r = await run(s.event, {teams: 'Codertocat/ml-team', ...inputs})
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs.command).toBe('refused')
    expect(r.outputs.refused).toMatch(why)
    expect(r.outputs.sha).toBeUndefined()
    expect(reactions(s.event.comment.id)).toEqual(['eyes', 'confused'])
    expect(replies(s.number)).toHaveLength(1)
    expect(teamCalls(from)).toHaveLength(1)
    // with permissions: none the role is never asked
    expect(gh.calls.slice(from).some(c => c.operationId === 'repos/get-collaborator-permission-level')).toBe(
      !('permissions' in inputs),
    )
    expect(gh.rejected(from)).toEqual([])
  })

  test.each([
    [
      'a token that may not read the team (403, as GitHub answers an integration)',
      NOT_ACCESSIBLE,
      /^reader's membership of Codertocat\/ml-team could not be checked \(Resource not accessible by integration: reading team membership needs a token with read:org in teams-token \(GITHUB_TOKEN cannot read it\)\); launching needs one of write, maintain, admin, or an active membership of Codertocat\/ml-team$/,
    ],
    // plugin-retry tries a 5xx 3 more times (1, 4, 9 s apart): four failures are a refusal
    [
      'GitHub failing (500, four times)',
      {status: 500, times: 4},
      /^reader's membership of Codertocat\/ml-team could not be checked \(Server Error - .*\); launching needs/,
    ],
  ])('teams: the team check fails, %s: refused, never allowed (fail closed)', async (_, fault, why) => {
    const s = scenario({body: '/train exp=resnet', user: 'reader'})
    const from = gh.calls.length
    gh.failNext({...fault, op: 'teams/get-membership-for-user-in-org'})
    const r = await run(s.event, {teams: 'Codertocat/ml-team'})
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs.command).toBe('refused')
    expect(r.outputs.refused).toMatch(why)
    expect(r.outputs.sha).toBeUndefined()
    expect(teamCalls(from).map(c => c.status)).toEqual(Array(fault.times).fill(fault.status))
    expect(reactions(s.event.comment.id)).toEqual(['eyes', 'confused'])
    expect(gh.rejected(from)).toEqual([])
  })

  test('teams: one team cannot be asked, another says active: accepted on that answer', async () => {
    gh.state.addTeamMember('Codertocat', 'infra', 'reader')
    const s = scenario({body: '/train exp=resnet', user: 'reader'})
    const from = gh.calls.length
    // GitHub's answer to an integration token (a default 403 here is a secondary rate limit)
    gh.failNext({...NOT_ACCESSIBLE, op: 'teams/get-membership-for-user-in-org'})
    const r = await run(s.event, {teams: 'Codertocat/ml-team\n@Codertocat/infra'})
    expect(r.outputs).toMatchObject({command: 'train', sha: s.head})
    expect(teamCalls(from).map(c => [c.path, c.status])).toEqual([
      ['/orgs/Codertocat/teams/ml-team/memberships/reader', 403],
      ['/orgs/Codertocat/teams/infra/memberships/reader', 200],
    ])
  })

  test.each([
    [
      'a team without its organization',
      {teams: 'ml-team'},
      /^::error::command: Input 'teams': "ml-team" is not a team: write org\/team-slug/m,
    ],
    [
      'a path',
      {teams: 'Codertocat/ml-team/../x'},
      /^::error::command: Input 'teams': "Codertocat\/ml-team\/..\/x" is not a team/m,
    ],
    [
      'permissions: none without teams',
      {permissions: 'none'},
      /^::error::command: Input 'permissions': none lets no role launch, and teams is empty: nobody could launch/m,
    ],
  ])('a malformed gate, %s: the step fails naming the input, before any request', async (_, inputs, why) => {
    const s = scenario({body: '/train exp=resnet', user: 'reader'})
    const from = gh.calls.length
    const r = await run(s.event, inputs)
    expect(r.code, r.stdout + r.stderr).toBe(1)
    expect(r.stdout).toMatch(why)
    expect(r.outputs.command).toBeUndefined()
    expect(gh.calls.slice(from)).toEqual([])
  })

  test('/train status: the launches on the pinned head, newest first, escaped; other apps and checks left out', async () => {
    const s = scenario({body: '/train status', user: 'reader'})
    const repo = gh.state.repo(REPO)
    const put = (
      name: string,
      external_id: string,
      o: {title: string; status: string; conclusion: string | null; app?: {id: number; slug: string; name: string}},
    ) => {
      const id = gh.state.nextId('checkRun')
      repo.checkRuns.set(id, {
        id,
        name,
        head_sha: s.head,
        external_id,
        status: o.status,
        conclusion: o.conclusion,
        started_at: gh.state.now(),
        completed_at: o.status === 'completed' ? gh.state.now() : null,
        details_url: null,
        output: {title: o.title, summary: 's', text: null},
        annotations: [],
        updates: 0,
        app: o.app,
      })
      return id
    }
    const done = put('trainer: resnet', 'L1', {
      title: 'resnet: 4/4 runs succeeded',
      status: 'completed',
      conclusion: 'success',
    })
    const going = put('trainer: a|b_c', 'L2', {
      title: '**@octocat** [x](javascript:alert(1)) | <b>#1',
      status: 'in_progress',
      conclusion: null,
    })
    put('trainer: fake', 'L3', {
      title: 'forged',
      status: 'queued',
      conclusion: null,
      app: {id: 9, slug: 'evil', name: 'Evil'},
    })
    put('lint', 'L4', {title: 'not a launch', status: 'queued', conclusion: null})
    const from = gh.calls.length
    const r = await run(s.event, {permissions: 'read'})
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs).toMatchObject({command: 'status', sha: s.head, pr: String(s.number)})
    expect(reactions(s.event.comment.id)).toEqual(['eyes', 'rocket'])
    const url = (id: number) => `https://github.com/${REPO}/runs/${id}`
    expect(replies(s.number).map(c => c.body)).toEqual([
      [
        '> @\u2060reader: /train',
        '',
        `2 launches on <code>${s.head.slice(0, 7)}</code>, the pull request's head, newest first:`,
        '',
        '| experiment | launch | status | title |',
        '| --- | --- | --- | --- |',
        `| [a\\|b\\_c](<${url(going)}>) | <code>L2</code> | in progress | \\*\\*@\u2060octocat\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\| &lt;b&gt;\\#\u20601 |`,
        `| [resnet](<${url(done)}>) | <code>L1</code> | completed: success | resnet: 4/4 runs succeeded |`,
      ].join('\n'),
    ])
    const list = gh.calls.slice(from).filter(c => c.operationId === 'checks/list-for-ref')
    expect(list.map(c => c.path)).toEqual([`/repos/${REPO}/commits/${s.head}/check-runs`])
    expect(gh.rejected(from)).toEqual([])
  })

  test('/train status with no launches: said so', async () => {
    const s = scenario({body: '/train status'})
    const r = await run(s.event)
    expect(r.outputs.command).toBe('status')
    expect(replies(s.number).map(c => c.body)).toEqual([
      `> @\u2060writer: /train\n\nNo launches on <code>${s.head.slice(0, 7)}</code>, the pull request's head.`,
    ])
  })

  test.each([
    ['/train cancel C7', {command: 'cancel', 'launch-id': 'C7'}],
    ['/train cancel', {command: 'cancel', 'launch-id': undefined}],
  ])('%s: accepted, for actions/reconcile to carry out with the pinned SHA', async (body, want) => {
    const s = scenario({body})
    const r = await run(s.event)
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs).toMatchObject({command: want.command, sha: s.head, pr: String(s.number)})
    expect(r.outputs['launch-id']).toBe(want['launch-id'])
    expect(replies(s.number)).toEqual([])
  })
})
