import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {testOctokit, type LimitEvent, type TestOctokit} from '../../emulators/github-client.js'
import {patchNullable} from '../../emulators/github-spec.js'
import {GITHUB_TOKEN, sha, startGitHub, type Call, type GitHubEmulator} from '../../emulators/github.js'

// One emulator for the file (the description costs ~0.5 s to load); each test uses its own repository.
const READ_ONLY = 'ghs_readonly'
const USER_TOKEN = 'ghp_alice'
let gh: GitHubEmulator
let octokit: TestOctokit
const limits: LimitEvent[] = []
let mark = 0

beforeAll(async () => {
  gh = await startGitHub({
    tokens: {[GITHUB_TOKEN]: {}, [READ_ONLY]: {readOnly: true}, [USER_TOKEN]: {login: 'alice'}},
    validateResponses: true,
  })
  octokit = testOctokit(gh.url, gh.token, limits)
})
afterAll(() => gh.close())

/** The calls a test made. */
const since = (): Call[] => gh.calls.slice(mark)
afterEach(() => {
  // every answer the emulator gave matches GitHub's description of that answer
  const calls = since()
  mark = gh.calls.length
  const wrong = calls.filter(c => c.responseErrors).map(c => `${c.operationId}: ${c.responseErrors?.join('; ')}`)
  if (wrong.length) throw new Error(`answers that depart from GitHub's description:\n${wrong.join('\n')}`)
})

/** The rejection a call ended in, as Octokit reports it. */
async function failure(p: Promise<unknown>): Promise<{status: number; data: Record<string, unknown>}> {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as {status: number; response?: {data: Record<string, unknown>}} | undefined
  if (!e) throw new Error('the request succeeded')
  return {status: e.status, data: e.response?.data ?? {}}
}

const annotation = (i: number) => ({
  path: `runs/${i}.log`,
  start_line: 1,
  end_line: 1,
  annotation_level: 'failure' as const,
  message: `run ${i} failed`,
})

describe('the description', () => {
  it('loads once, with every nullable-without-type schema rewritten', () => {
    expect(gh.spec.patched).toBeGreaterThan(100)
    const schema = {properties: {a: {nullable: true, $ref: '#/x'}, b: {type: 'string', nullable: true}}}
    expect(patchNullable(schema)).toBe(1)
    expect(schema.properties).toEqual({
      a: {anyOf: [{$ref: '#/x'}, {type: 'null'}]},
      b: {type: 'string', nullable: true},
    })
  })

  it('answers 404 Not Found to a path GitHub does not have, and records it rejected', async () => {
    const {status, data} = await failure(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', {owner: 'o', repo: 'r'}),
    )
    expect([status, data.message]).toEqual([404, 'Not Found'])
    expect(since().map(c => [c.status, c.rejected])).toEqual([[404, true]])
  })
})

describe('check runs', () => {
  const repo = {owner: 'acme', repo: 'checks'}
  const head = sha('checks head')

  it('are created queued, updated in place and completed; ids increase; external_id is kept', async () => {
    const a = await octokit.rest.checks.create({
      ...repo,
      name: 'trainer: mnist',
      head_sha: head,
      external_id: 'launch-1',
    })
    expect(a.status).toBe(201)
    expect(a.data).toMatchObject({status: 'queued', conclusion: null, external_id: 'launch-1', head_sha: head})
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: a.data.id,
      status: 'in_progress',
      output: {title: '2/4 runs', summary: '| run | loss |'},
    })
    const done = await octokit.rest.checks.update({
      ...repo,
      check_run_id: a.data.id,
      conclusion: 'success',
      output: {title: 'done', summary: 'all good', text: 'details'},
    })
    expect(done.data).toMatchObject({
      id: a.data.id,
      status: 'completed',
      conclusion: 'success',
      external_id: 'launch-1',
      output: {title: 'done', summary: 'all good', text: 'details', annotations_count: 0},
    })
    expect(done.data.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    const got = await octokit.rest.checks.get({...repo, check_run_id: a.data.id})
    expect(got.data.conclusion).toBe('success')
    const b = await octokit.rest.checks.create({...repo, name: 'trainer: mnist', head_sha: head})
    expect(b.data.id).toBeGreaterThan(a.data.id)
    expect(gh.state.repo('acme/checks').checkRuns.get(a.data.id)?.updates).toBe(2)
    expect(gh.rejected(mark)).toEqual([])
  })

  it('lists by ref (SHA or branch) with check_name, status and filter=latest|all', async () => {
    const r = {owner: 'acme', repo: 'list'}
    for (const name of ['a', 'a', 'b'])
      await octokit.rest.checks.create({...r, name, head_sha: head, status: 'in_progress'})
    const latest = await octokit.rest.checks.listForRef({...r, ref: head})
    expect(latest.data.check_runs.map(x => x.name)).toEqual(['b', 'a'])
    const all = await octokit.rest.checks.listForRef({...r, ref: head, filter: 'all', check_name: 'a'})
    expect(all.data.total_count).toBe(2)
    const none = await octokit.rest.checks.listForRef({...r, ref: head, status: 'completed'})
    expect(none.data.total_count).toBe(0)
    gh.state.repo('acme/list').branches.set('feature/x', head)
    expect((await octokit.rest.checks.listForRef({...r, ref: 'feature/x'})).data.total_count).toBe(2)
    expect((await octokit.rest.checks.listForRef({...r, ref: 'refs/heads/feature/x'})).data.total_count).toBe(2)
  })

  it('rejects what the description rejects: no name, status "running"', async () => {
    const {status, data} = await failure(
      // @ts-expect-error: the point is a body GitHub refuses
      octokit.rest.checks.create({...repo, head_sha: head, status: 'running'}),
    )
    expect(status).toBe(422)
    expect(data.message).toBe('Validation Failed')
    expect(data.documentation_url).toBe('https://docs.github.com/rest/reference/checks#create-a-check-run')
    expect(data.errors).toEqual(
      expect.arrayContaining([
        {resource: 'CheckRun', code: 'missing_field', field: 'name'},
        expect.objectContaining({resource: 'CheckRun', code: 'invalid', field: 'status'}),
      ]),
    )
    expect(since()).toMatchObject([{operationId: 'checks/create', status: 422, valid: false, rejected: true}])
  })

  it('rejects completed without a conclusion, and 51 annotations; appends 50 per request', async () => {
    const {data: run} = await octokit.rest.checks.create({...repo, name: 'annotated', head_sha: head})
    const completed = await failure(octokit.rest.checks.update({...repo, check_run_id: run.id, status: 'completed'}))
    expect(completed.status).toBe(422)
    const created = await failure(octokit.rest.checks.create({...repo, name: 'x', head_sha: head, status: 'completed'}))
    expect(created.data.errors).toEqual([expect.objectContaining({code: 'missing_field', field: 'conclusion'})])
    const output = (n: number, from = 0) => ({
      title: 't',
      summary: 's',
      annotations: Array.from({length: n}, (_, i) => annotation(from + i)),
    })
    const tooMany = await failure(octokit.rest.checks.update({...repo, check_run_id: run.id, output: output(51)}))
    expect(tooMany.status).toBe(422)
    await octokit.rest.checks.update({...repo, check_run_id: run.id, output: output(50)})
    const second = await octokit.rest.checks.update({...repo, check_run_id: run.id, output: output(50, 50)})
    expect(second.data.output.annotations_count).toBe(100)
    const listed = await octokit.paginate(octokit.rest.checks.listAnnotations, {
      ...repo,
      check_run_id: run.id,
      per_page: 100,
    })
    expect(listed.map(a => a.message)).toEqual(Array.from({length: 100}, (_, i) => `run ${i} failed`))
    expect(
      since()
        .filter(c => c.rejected)
        .map(c => c.operationId),
    ).toEqual(['checks/update', 'checks/create', 'checks/update'])
  })

  it('rejects a summary or text over 65,535 characters, and accepts exactly 65,535', async () => {
    const {data: run} = await octokit.rest.checks.create({...repo, name: 'long', head_sha: head})
    const big = await failure(
      octokit.rest.checks.update({...repo, check_run_id: run.id, output: {title: 't', summary: 'x'.repeat(65_536)}}),
    )
    expect(big.status).toBe(422)
    const ok = await octokit.rest.checks.update({
      ...repo,
      check_run_id: run.id,
      output: {title: 't', summary: 'é'.repeat(65_535), text: '🙂'.repeat(65_535)},
    })
    expect(ok.status).toBe(200)
  })
})

describe('issue comments', () => {
  const repo = {owner: 'acme', repo: 'comments'}
  beforeAll(() => {
    gh.state.addPull('acme/comments', {number: 7, head_sha: sha('pr 7')})
  })

  it('are created, read, updated and deleted; a deleted comment is gone', async () => {
    const c = await octokit.rest.issues.createComment({...repo, issue_number: 7, body: '<!-- trainer:mnist -->\nv1'})
    expect(c.data.user?.login).toBe('github-actions[bot]')
    await octokit.rest.issues.updateComment({...repo, comment_id: c.data.id, body: '<!-- trainer:mnist -->\nv2'})
    expect((await octokit.rest.issues.getComment({...repo, comment_id: c.data.id})).data.body).toContain('v2')
    expect((await octokit.rest.issues.deleteComment({...repo, comment_id: c.data.id})).status).toBe(204)
    expect((await failure(octokit.rest.issues.getComment({...repo, comment_id: c.data.id}))).status).toBe(404)
    expect((await failure(octokit.rest.issues.updateComment({...repo, comment_id: c.data.id, body: 'x'}))).status).toBe(
      404,
    )
    expect((await octokit.rest.issues.listComments({...repo, issue_number: 7})).data).toEqual([])
    expect(gh.rejected(mark)).toEqual([])
  })

  it('404 on an issue that does not exist', async () => {
    expect((await failure(octokit.rest.issues.createComment({...repo, issue_number: 999, body: 'x'}))).status).toBe(404)
  })

  it('rejects a 70,000-character body (limit 65,536) and a misspelt field', async () => {
    const long = await failure(octokit.rest.issues.createComment({...repo, issue_number: 7, body: 'x'.repeat(70_000)}))
    expect(long).toMatchObject({status: 422, data: {message: 'Validation Failed', errors: [{code: 'unprocessable'}]}})
    const limit = await octokit.rest.issues.createComment({...repo, issue_number: 7, body: 'y'.repeat(65_536)})
    expect(limit.status).toBe(201)
    const misspelt = await failure(
      // @ts-expect-error: `bdy` is the misspelling under test
      octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...repo,
        comment_id: limit.data.id,
        bdy: 'x',
      }),
    )
    expect(misspelt.status).toBe(422)
    expect(since().filter(c => c.rejected)).toHaveLength(2)
  })

  it('paginate 250 comments with GitHub Link headers, and octokit.paginate reads them all', async () => {
    gh.state.addPull('acme/comments', {number: 8, head_sha: sha('pr 8')})
    for (let i = 0; i < 250; i++) gh.state.addComment('acme/comments', 8, {user: 'alice', body: `comment ${i}`})
    const id = gh.state.repo('acme/comments').id
    const first = await octokit.rest.issues.listComments({...repo, issue_number: 8, per_page: 100})
    const link = (page: number, rel: string): string =>
      `<${gh.url}/repositories/${id}/issues/8/comments?per_page=100&page=${page}>; rel="${rel}"`
    expect(first.data).toHaveLength(100)
    expect(first.headers.link).toBe([link(2, 'next'), link(3, 'last')].join(', '))
    const second = await octokit.rest.issues.listComments({...repo, issue_number: 8, per_page: 100, page: 2})
    expect(second.headers.link).toBe([link(1, 'prev'), link(3, 'next'), link(3, 'last'), link(1, 'first')].join(', '))
    mark = gh.calls.length
    const all = await octokit.paginate(octokit.rest.issues.listComments, {...repo, issue_number: 8, per_page: 100})
    expect(all.map(c => c.body)).toEqual(Array.from({length: 250}, (_, i) => `comment ${i}`))
    expect(since().map(c => [c.operationId, c.path])).toEqual([
      ['issues/list-comments', '/repos/acme/comments/issues/8/comments'],
      ['issues/list-comments', `/repositories/${id}/issues/8/comments`],
      ['issues/list-comments', `/repositories/${id}/issues/8/comments`],
    ])
  })

  it('take reactions: created once per user and content, listed, an unknown content rejected', async () => {
    const c = gh.state.addComment('acme/comments', 7, {user: 'alice', body: '/train exp=mnist'})
    expect(
      (await octokit.rest.reactions.createForIssueComment({...repo, comment_id: c.id, content: 'eyes'})).status,
    ).toBe(201)
    expect(
      (await octokit.rest.reactions.createForIssueComment({...repo, comment_id: c.id, content: 'eyes'})).status,
    ).toBe(200)
    await octokit.rest.reactions.createForIssueComment({...repo, comment_id: c.id, content: 'rocket'})
    const listed = await octokit.rest.reactions.listForIssueComment({...repo, comment_id: c.id})
    expect(listed.data.map(r => [r.user?.login, r.content])).toEqual([
      ['github-actions[bot]', 'eyes'],
      ['github-actions[bot]', 'rocket'],
    ])
    expect((await octokit.rest.issues.getComment({...repo, comment_id: c.id})).data.reactions).toMatchObject({
      total_count: 2,
      eyes: 1,
      rocket: 1,
    })
    const bad = await failure(
      // @ts-expect-error: not one of GitHub's eight reactions
      octokit.rest.reactions.createForIssueComment({...repo, comment_id: c.id, content: 'tada'}),
    )
    expect(bad.status).toBe(422)
  })
})

describe('who may /train, and what they saw', () => {
  const repo = {owner: 'acme', repo: 'chatops'}

  it('collaborator permission: role_name as set, maintain → write, triage → read; others read (public) or none (private); 404 for no such user', async () => {
    gh.state.setRole('acme/chatops', 'root', 'admin')
    gh.state.setRole('acme/chatops', 'mia', 'maintain')
    gh.state.setRole('acme/chatops', 'tia', 'triage')
    gh.state.missingUsers.add('ghost-user')
    const level = async (username: string) => {
      const {data} = await octokit.rest.repos.getCollaboratorPermissionLevel({...repo, username})
      return [data.permission, data.role_name]
    }
    expect(await level('root')).toEqual(['admin', 'admin'])
    expect(await level('mia')).toEqual(['write', 'maintain'])
    expect(await level('tia')).toEqual(['read', 'triage'])
    expect(await level('stranger')).toEqual(['read', 'read'])
    gh.state.setRole('acme/chatops', 'renovate[bot]', 'write')
    expect(await level('renovate[bot]')).toEqual(['write', 'write'])
    gh.state.repo('acme/chatops').private = true
    expect(await level('stranger')).toEqual(['none', 'none'])
    gh.state.repo('acme/chatops').private = false
    expect(
      (await failure(octokit.rest.repos.getCollaboratorPermissionLevel({...repo, username: 'ghost-user'}))).status,
    ).toBe(404)
  })

  it('team membership: active or pending with its role, 404 for a non-member and for a team that does not exist; names compare case-insensitively', async () => {
    gh.state.addTeamMember('acme', 'ml-team', 'Ada')
    gh.state.addTeamMember('acme', 'ml-team', 'pat', {state: 'pending'})
    gh.state.addTeamMember('acme', 'ml-team', 'owner', {role: 'maintainer'})
    const get = (team_slug: string, username: string) =>
      octokit.rest.teams.getMembershipForUserInOrg({org: 'ACME', team_slug, username}).then(r => r.data)
    expect(await get('ml-team', 'ada')).toMatchObject({state: 'active', role: 'member'})
    expect((await get('ML-Team', 'ada')).url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/organizations\/\d+\/team\/\d+\/memberships\/ada$/,
    )
    expect(await get('ml-team', 'pat')).toMatchObject({state: 'pending', role: 'member'})
    expect(await get('ml-team', 'owner')).toMatchObject({state: 'active', role: 'maintainer'})
    expect((await failure(get('ml-team', 'stranger'))).status).toBe(404)
    expect((await failure(get('no-such-team', 'ada'))).status).toBe(404)
    expect(since().map(c => [c.operationId, c.status, c.rejected])).toEqual([
      ['teams/get-membership-for-user-in-org', 200, false],
      ['teams/get-membership-for-user-in-org', 200, false],
      ['teams/get-membership-for-user-in-org', 200, false],
      ['teams/get-membership-for-user-in-org', 200, false],
      ['teams/get-membership-for-user-in-org', 404, false],
      ['teams/get-membership-for-user-in-org', 404, false],
    ])
  })

  it('a push after the comment shows in pulls.get, the repository activity (GitHub time) and the timeline', async () => {
    let t = Date.parse('2026-03-01T10:00:00Z')
    gh.state.clock = () => new Date(t)
    const pr = gh.state.addPull('acme/chatops', {number: 3, head_sha: sha('v1'), head_ref: 'feature', user: 'bob'})
    t += 60_000
    const comment = gh.state.addComment('acme/chatops', 3, {user: 'root', body: '/train exp=mnist'})
    t += 60_000
    // the pusher backdates the commit: git's dates are the pusher's to choose
    gh.state.push('acme/chatops', 3, {sha: sha('v2'), author_date: '2020-01-01T00:00:00Z'})
    t += 60_000
    gh.state.push('acme/chatops', 3, {sha: sha('v3'), force: true})
    gh.state.clock = () => new Date()

    const {data: pull} = await octokit.rest.pulls.get({...repo, pull_number: 3})
    expect(pull.head).toMatchObject({sha: sha('v3'), ref: 'feature', repo: {full_name: 'acme/chatops'}})
    expect(pull.updated_at).toBe('2026-03-01T10:03:00Z')
    const activity = await octokit.rest.repos.listActivities({...repo, ref: 'feature'})
    expect(activity.data.map(a => [a.activity_type, a.after, a.timestamp])).toEqual([
      ['force_push', sha('v3'), '2026-03-01T10:03:00Z'],
      ['push', sha('v2'), '2026-03-01T10:02:00Z'],
    ])
    expect(activity.data.every(a => a.timestamp > comment.created_at)).toBe(true)
    const timeline = await octokit.paginate(octokit.rest.issues.listEventsForTimeline, {...repo, issue_number: 3})
    expect(timeline.map(e => e.event)).toEqual([
      'committed',
      'commented',
      'committed',
      'head_ref_force_pushed',
      'committed',
    ])
    expect(timeline[2]).toMatchObject({sha: sha('v2'), author: {date: '2020-01-01T00:00:00Z'}})
    expect(timeline[3]).toMatchObject({commit_id: sha('v3'), created_at: '2026-03-01T10:03:00Z'})
    const commits = await octokit.rest.pulls.listCommits({...repo, pull_number: 3})
    expect(commits.data.map(c => c.sha)).toEqual([sha('v3')])
    expect(pr.pull.head.sha).toBe(sha('v3'))
  })

  it('a fork: head.repo is the fork, and its pushes are in the fork’s activity', async () => {
    gh.state.addPull('acme/chatops', {number: 4, head_sha: sha('f1'), head_repo: 'eve/chatops', head_ref: 'main'})
    gh.state.push('acme/chatops', 4, {sha: sha('f2')})
    const {data: pull} = await octokit.rest.pulls.get({...repo, pull_number: 4})
    expect(pull.head.repo).toMatchObject({full_name: 'eve/chatops', fork: true})
    expect(pull.base.repo.full_name).toBe('acme/chatops')
    const fork = await octokit.rest.repos.listActivities({owner: 'eve', repo: 'chatops'})
    expect(fork.data.map(a => a.after)).toEqual([sha('f2')])
    const open = await octokit.rest.pulls.list({...repo, head: 'eve:main'})
    expect(open.data.map(p => p.number)).toEqual([4])
  })
})

describe('issues, repository, rate limit', () => {
  const repo = {owner: 'acme', repo: 'nightly'}

  it('the nightly regression issue: created with a label, found by label, updated, closed', async () => {
    const {data: created} = await octokit.rest.issues.create({
      ...repo,
      title: 'Nightly regression',
      labels: ['trainer-regression'],
    })
    await octokit.rest.issues.create({...repo, title: 'Unrelated'})
    const found = await octokit.rest.issues.listForRepo({...repo, labels: 'trainer-regression', state: 'open'})
    expect(found.data.map(i => i.number)).toEqual([created.number])
    await octokit.rest.issues.update({...repo, issue_number: created.number, body: 'loss +12%'})
    await octokit.rest.issues.update({...repo, issue_number: created.number, state: 'closed'})
    const closed = await octokit.rest.issues.listForRepo({...repo, labels: 'trainer-regression', state: 'closed'})
    expect(closed.data).toMatchObject([{number: created.number, body: 'loss +12%', state_reason: 'completed'}])
    expect((await octokit.rest.issues.listForRepo({...repo, labels: 'trainer-regression'})).data).toEqual([])
  })

  it('repos.get gives the default branch; rate-limit/get counts this token', async () => {
    gh.state.repo('acme/nightly').default_branch = 'trunk'
    expect((await octokit.rest.repos.get(repo)).data.default_branch).toBe('trunk')
    const {data, headers} = await octokit.rest.rateLimit.get()
    expect(data.resources.core.limit).toBe(1000)
    expect(data.resources.core.used).toBe(Number(headers['x-ratelimit-used']))
    expect(data.resources.core.used).toBeGreaterThan(0)
  })
})

describe('faults and credentials', () => {
  const repo = {owner: 'acme', repo: 'faults'}
  const head = sha('faults')

  it('a secondary rate limit (403, retry-after: 1) is retried by plugin-throttling', async () => {
    const {data: run} = await octokit.rest.checks.create({...repo, name: 'x', head_sha: head})
    gh.failNext({status: 403, headers: {'retry-after': '1'}, op: 'checks/update'})
    limits.length = 0
    const t0 = Date.now()
    const res = await octokit.rest.checks.update({...repo, check_run_id: run.id, status: 'in_progress'})
    expect(res.status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900)
    expect(limits).toMatchObject([{kind: 'secondary', retryAfter: 1, retryCount: 0}])
    expect(since().map(c => [c.operationId, c.status, c.fault ?? false])).toEqual([
      ['checks/create', 201, false],
      ['checks/update', 403, true],
      ['checks/update', 200, false],
    ])
  })

  it('a 500 is retried by plugin-retry; a fault answers GitHub’s body', async () => {
    gh.failNext({status: 500, times: 2, op: 'repos/get'})
    expect((await octokit.rest.repos.get(repo)).status).toBe(200)
    expect(since().map(c => c.status)).toEqual([500, 500, 200])
    gh.failNext({status: 401})
    const expired = await failure(octokit.rest.repos.get(repo))
    expect([expired.status, expired.data.message]).toEqual([401, 'Bad credentials'])
  })

  it('bad credentials and no credentials are 401', async () => {
    const bad = await failure(testOctokit(gh.url, 'ghs_expired').rest.repos.get(repo))
    expect([bad.status, bad.data.message]).toEqual([401, 'Bad credentials'])
    const none = await failure(testOctokit(gh.url, undefined).rest.repos.get(repo))
    expect([none.status, none.data.message]).toEqual([401, 'Requires authentication'])
  })

  it('a read-only token (a fork’s GITHUB_TOKEN) reads but every write is 403', async () => {
    const ro = testOctokit(gh.url, READ_ONLY)
    expect((await ro.rest.repos.get(repo)).status).toBe(200)
    const write = await failure(ro.rest.checks.create({...repo, name: 'x', head_sha: head}))
    expect([write.status, write.data.message]).toEqual([403, 'Resource not accessible by integration'])
  })

  it('a person’s token writes as that person', async () => {
    gh.state.addIssue('acme/faults', {title: 'x', number: 1})
    const c = await testOctokit(gh.url, USER_TOKEN).rest.issues.createComment({...repo, issue_number: 1, body: 'hi'})
    expect(c.data.user?.login).toBe('alice')
  })

  it('an operation GitHub has but the emulator does not: 404, recorded as unimplemented', async () => {
    expect((await failure(octokit.rest.repos.listBranches(repo))).status).toBe(404)
    expect(since()).toMatchObject([{operationId: 'repos/list-branches', unimplemented: true, rejected: true}])
  })
})
