import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import type {Operation} from 'openapi-backend'
import {Renderer} from './github-render.js'
import {fieldErrors, githubSpec, type FieldError} from './github-spec.js'
import {GitHubState, type Annotation, type CheckRun, type Issue, type Pull, type Repo} from './github-state.js'

export {GitHubState, iso, sha, type Role, type TeamMembership} from './github-state.js'

/**
 * A local GitHub REST API for tests: `new Octokit({baseUrl: gh.url, auth: gh.token})`, or
 * `GITHUB_API_URL=gh.url` for a bundle.
 *
 * - Every request is routed and validated against GitHub's published OpenAPI description
 *   (@octokit/openapi) by openapi-backend + ajv. An invalid one gets GitHub's 422
 *   `Validation Failed` body and is recorded as rejected: `expect(gh.rejected()).toEqual([])`.
 * - What GitHub checks beyond the schema is checked here too: comment and issue bodies over
 *   65,536 characters, check-run summary/text over 65,535, more than 50 annotations in one
 *   request, `completed` without a conclusion.
 * - The operations of the reporting and chatops issues keep state (see `HANDLERS`); other
 *   operations of the description are answered 404 and recorded as `unimplemented` (and rejected).
 * - Faults on demand (`failNext`), read-only tokens (a fork PR's GITHUB_TOKEN), GitHub's
 *   rate-limit headers and primary limit.
 *
 * The description is loaded once per process (~0.3–0.5 s, ~150–200 MB): start one emulator per
 * test file, in `beforeAll`.
 */

type Json = Record<string, unknown>

/** The token accepted when `opts.tokens` is not given. */
export const GITHUB_TOKEN = 'ghs_emulator0000000000000000000000000000'
export const ACTIONS_BOT = 'github-actions[bot]'

export interface TokenInfo {
  /** Who writes with it (comments, issues); default `github-actions[bot]`. */
  login?: string
  /** Every write answers 403 `Resource not accessible by integration`. */
  readOnly?: boolean
  /** Requests per hour (GITHUB_TOKEN: 1,000 per repository); default 1,000. */
  rateLimit?: number
}

export interface GitHubOptions {
  /** Accepted tokens; default `{[GITHUB_TOKEN]: {}}`. Any other token: 401 Bad credentials. */
  tokens?: Record<string, TokenInfo>
  /** Every token is read-only, as a pull request from a fork gets it. */
  readOnlyToken?: boolean
  /** GitHub's clock (timestamps, rate-limit resets). */
  clock?: () => Date
  /** Validate each 2xx answer against the description too (slower: response schemas are big). */
  validateResponses?: boolean
  /** Where `html_url`s point; default https://github.com. */
  serverUrl?: string
}

export interface Call {
  method: string
  /** As requested, without the query. */
  path: string
  query: string
  operationId?: string
  status: number
  /** Passed the description's request schema (false also for unknown paths and unparsable JSON). */
  valid: boolean
  /** Answered 422/400, or not an operation of GitHub's API, or not implemented by the emulator. */
  rejected: boolean
  errors?: FieldError[]
  /** Answered by `failNext`. */
  fault?: boolean
  unimplemented?: boolean
  login?: string
  body?: unknown
  /** With `validateResponses`: where the emulator's answer departs from the description. */
  responseErrors?: string[]
}

export interface Fault {
  status: number
  headers?: Record<string, string>
  /** Default: what GitHub sends with that status (a secondary rate limit for 403 and 429). */
  body?: unknown
  /** How many matching requests fail; default 1. */
  times?: number
  /** Only requests of this operationId, e.g. `checks/update`. */
  op?: string
}

export interface GitHubEmulator {
  url: string
  /** A token the emulator accepts (the first of `opts.tokens`). */
  token: string
  /** `GITHUB_API_URL`, `GITHUB_SERVER_URL` and `GITHUB_TOKEN` for a bundle run against it. */
  env: {GITHUB_API_URL: string; GITHUB_SERVER_URL: string; GITHUB_TOKEN: string}
  state: GitHubState
  calls: Call[]
  /** The calls (from index `from` of `calls`) GitHub would have refused as malformed; a passing test expects none. */
  rejected(from?: number): Call[]
  failNext(fault: Fault): void
  close(): Promise<void>
  /** What loading the description cost this process (paid by the first emulator only). */
  spec: {loadMs: number; patched: number}
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

interface Ctx {
  op: Operation
  state: GitHubState
  render: Renderer
  /** The repository of the path (created on first mention, like every repository here). */
  repo: Repo
  params: Record<string, string>
  query: URLSearchParams
  body: Json
  login: string
  /** The path under the repository (`/issues/1/comments`), for Link headers. */
  rest: string
  /** The emulator's base URL. */
  base: string
}

type Handler = (c: Ctx) => Reply

const DOCS = 'https://docs.github.com/rest'
const COMMENT_MAX = 65_536
const OUTPUT_MAX = 65_535
const ANNOTATIONS_MAX = 50

const chars = (s: string): number => [...s].length
const docs = (op: Operation | undefined): string => op?.externalDocs?.url ?? DOCS
const error = (status: number, message: string, op?: Operation, extra: Json = {}): Reply => ({
  status,
  body: {message, ...extra, documentation_url: docs(op), status: String(status)},
})
const notFound = (op?: Operation): Reply => error(404, 'Not Found', op)
const invalid = (op: Operation, errors: FieldError[]): Reply => error(422, 'Validation Failed', op, {errors})

/** One page of `items` and GitHub's Link header (prev, next, last, first; `/repositories/{id}` URLs). */
function paginate<T>(c: Ctx, items: T[]): {page: T[]; headers: Record<string, string>} {
  const perPage = Math.min(100, Math.max(1, Number(c.query.get('per_page') ?? 30) || 30))
  const page = Math.max(1, Number(c.query.get('page') ?? 1) || 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number, rel: string): string => {
    const q = new URLSearchParams(c.query)
    q.set('page', String(n))
    return `<${c.base}/repositories/${c.repo.id}${c.rest}?${q.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? {link: links.join(', ')} : {},
  }
}

const list = <T>(c: Ctx, items: T[], render: (x: T) => unknown): Reply => {
  const {page, headers} = paginate(c, items)
  return {status: 200, body: page.map(render), headers}
}

const num = (c: Ctx, name: string): number => Number(c.params[name])

function issueOf(c: Ctx): Issue | undefined {
  return c.repo.issues.get(num(c, 'issue_number'))
}

function pullOf(c: Ctx): (Issue & {pull: Pull}) | undefined {
  const i = c.repo.issues.get(num(c, 'pull_number'))
  return i?.pull ? (i as Issue & {pull: Pull}) : undefined
}

function bodyTooLong(resource: string, body: unknown): FieldError[] {
  return typeof body === 'string' && chars(body) > COMMENT_MAX
    ? [
        {
          resource,
          code: 'unprocessable',
          field: 'data',
          message: `Body is too long (maximum is ${COMMENT_MAX} characters)`,
        },
      ]
    : []
}

interface CheckRunBody {
  name?: string
  head_sha?: string
  details_url?: string
  external_id?: string
  status?: string
  conclusion?: string
  started_at?: string
  completed_at?: string
  output?: {title?: string; summary?: string; text?: string; annotations?: Annotation[]}
}

/** GitHub's rules for a check run's body beyond its schema; the errors, or the run changed. */
function applyCheckRun(c: Ctx, run: CheckRun | undefined, b: CheckRunBody): FieldError[] | CheckRun {
  const errors: FieldError[] = []
  const resource = 'CheckRun'
  for (const k of ['summary', 'text'] as const) {
    const v = b.output?.[k]
    if (v !== undefined && chars(v) > OUTPUT_MAX)
      errors.push({
        resource,
        code: 'custom',
        field: `output.${k}`,
        message: `output.${k} is too long (maximum is ${OUTPUT_MAX} characters)`,
      })
  }
  const annotations = b.output?.annotations ?? []
  if (annotations.length > ANNOTATIONS_MAX)
    errors.push({
      resource,
      code: 'custom',
      field: 'output.annotations',
      message: `At most ${ANNOTATIONS_MAX} annotations are allowed per request`,
    })
  if (b.conclusion === 'stale')
    errors.push({resource, code: 'invalid', field: 'conclusion', message: 'Only GitHub can set a conclusion of stale'})
  // Providing a conclusion sets the status to completed; completed (or completed_at) needs one.
  let status = b.conclusion ? 'completed' : (b.status ?? run?.status ?? 'queued')
  let conclusion = b.conclusion ?? (b.status && b.status !== 'completed' ? null : (run?.conclusion ?? null))
  if (b.completed_at && !b.status && !conclusion) status = 'completed'
  if (status === 'completed' && !conclusion)
    errors.push({
      resource,
      code: 'missing_field',
      field: 'conclusion',
      message: 'conclusion is required when status is completed',
    })
  if (status !== 'completed') conclusion = null
  if (errors.length) return errors
  const now = c.state.now()
  const out: CheckRun = run ?? {
    id: c.state.nextId('checkRun'),
    name: b.name ?? '',
    head_sha: b.head_sha ?? '',
    status,
    conclusion,
    started_at: now,
    completed_at: null,
    external_id: '',
    details_url: null,
    output: {title: null, summary: null, text: null},
    annotations: [],
    updates: -1,
  }
  out.updates++
  if (b.name !== undefined) out.name = b.name
  if (b.details_url !== undefined) out.details_url = b.details_url
  if (b.external_id !== undefined) out.external_id = b.external_id
  if (b.started_at !== undefined) out.started_at = b.started_at
  out.status = status
  out.conclusion = conclusion
  out.completed_at = status === 'completed' ? (b.completed_at ?? out.completed_at ?? now) : null
  if (b.output) {
    out.output = {
      title: b.output.title ?? out.output.title,
      summary: b.output.summary ?? null,
      text: b.output.text ?? null,
    }
    out.annotations.push(...annotations)
  }
  return out
}

function resolveRef(r: Repo, ref: string): string {
  const name = ref.replace(/^refs\/heads\//, '')
  return r.branches.get(name) ?? ref
}

const checkRunJson = (c: Ctx, run: CheckRun): unknown => c.render.checkRun(c.repo, run, c.repo.pulls())
const commentJson = (c: Ctx, id: number): unknown => {
  const comment = c.repo.comments.get(id)!
  return c.render.comment(
    c.repo,
    comment,
    c.repo.reactions.filter(x => x.comment === id),
  )
}
const issueJson = (c: Ctx, i: Issue): unknown =>
  c.render.issue(c.repo, i, c.repo.commentsOn(i.number).length, c.state.association(c.repo, i.user))

/** The operations the emulator keeps state for, by operationId. */
export const HANDLERS: Record<string, Handler> = {
  'repos/get': c => ({status: 200, body: c.render.repo(c.repo)}),

  'checks/create': c => {
    const run = applyCheckRun(c, undefined, c.body)
    if (Array.isArray(run)) return invalid(c.op, run)
    c.repo.checkRuns.set(run.id, run)
    return {status: 201, body: checkRunJson(c, run)}
  },

  'checks/update': c => {
    const old = c.repo.checkRuns.get(num(c, 'check_run_id'))
    if (!old) return notFound(c.op)
    const copy = structuredClone(old)
    const run = applyCheckRun(c, copy, c.body)
    if (Array.isArray(run)) return invalid(c.op, run)
    c.repo.checkRuns.set(run.id, run)
    return {status: 200, body: checkRunJson(c, run)}
  },

  'checks/get': c => {
    const run = c.repo.checkRuns.get(num(c, 'check_run_id'))
    return run ? {status: 200, body: checkRunJson(c, run)} : notFound(c.op)
  },

  'checks/list-annotations': c => {
    const run = c.repo.checkRuns.get(num(c, 'check_run_id'))
    return run ? list(c, run.annotations, a => c.render.annotation(c.repo, run, a)) : notFound(c.op)
  },

  'checks/list-for-ref': c => {
    const head = resolveRef(c.repo, c.params.ref ?? '')
    const name = c.query.get('check_name')
    const status = c.query.get('status')
    let runs = [...c.repo.checkRuns.values()]
      .filter(
        r => r.head_sha === head && (name === null || r.name === name) && (status === null || r.status === status),
      )
      .sort((a, b) => b.id - a.id)
    // filter=latest (the default): the most recent check run of each name.
    if ((c.query.get('filter') ?? 'latest') === 'latest') {
      const seen = new Set<string>()
      runs = runs.filter(r => !seen.has(r.name) && (seen.add(r.name), true))
    }
    const {page, headers} = paginate(c, runs)
    return {status: 200, body: {total_count: runs.length, check_runs: page.map(r => checkRunJson(c, r))}, headers}
  },

  'issues/get': c => {
    const i = issueOf(c)
    return i ? {status: 200, body: issueJson(c, i)} : notFound(c.op)
  },

  'issues/create': c => {
    const b = c.body as {
      title: string | number
      body?: string
      labels?: (string | {name?: string})[]
      assignees?: string[]
    }
    const errors = bodyTooLong('Issue', b.body)
    if (errors.length) return invalid(c.op, errors)
    const i = c.state.addIssue(c.repo.full_name, {
      title: String(b.title),
      user: c.login,
      ...(b.body === undefined ? {} : {body: b.body}),
      labels: (b.labels ?? []).map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    })
    i.assignees = b.assignees ?? []
    return {status: 201, body: issueJson(c, i)}
  },

  'issues/update': c => {
    const i = issueOf(c)
    if (!i) return notFound(c.op)
    const b = c.body as {
      title?: string | number | null
      body?: string | null
      state?: 'open' | 'closed'
      state_reason?: string | null
      labels?: (string | {name?: string})[]
      assignees?: string[]
    }
    const errors = bodyTooLong('Issue', b.body)
    if (errors.length) return invalid(c.op, errors)
    const now = c.state.now()
    if (b.title !== undefined && b.title !== null) i.title = String(b.title)
    if (b.body !== undefined) i.body = b.body
    if (b.labels) i.labels = b.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)
    if (b.assignees) i.assignees = b.assignees
    if (b.state && b.state !== i.state) {
      i.state = b.state
      i.closed_at = b.state === 'closed' ? now : null
      i.state_reason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened'
    }
    i.updated_at = now
    return {status: 200, body: issueJson(c, i)}
  },

  'issues/list-for-repo': c => {
    const state = c.query.get('state') ?? 'open'
    const labels = (c.query.get('labels') ?? '')
      .split(',')
      .map(l => l.trim().toLowerCase())
      .filter(Boolean)
    const creator = c.query.get('creator')?.toLowerCase()
    const since = c.query.get('since')
    const sort = c.query.get('sort') ?? 'created'
    const dir = c.query.get('direction') === 'asc' ? 1 : -1
    const key = (i: Issue): string | number =>
      sort === 'updated' ? i.updated_at : sort === 'comments' ? c.repo.commentsOn(i.number).length : i.created_at
    const issues = [...c.repo.issues.values()]
      .filter(
        i =>
          (state === 'all' || i.state === state) &&
          labels.every(l => i.labels.some(x => x.toLowerCase() === l)) &&
          (creator === undefined || i.user.toLowerCase() === creator) &&
          (since === null || i.updated_at >= since),
      )
      .sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : (a.number - b.number) * dir))
    return list(c, issues, i => issueJson(c, i))
  },

  'issues/list-comments': c => {
    const i = issueOf(c)
    if (!i) return notFound(c.op)
    const since = c.query.get('since')
    const comments = c.repo.commentsOn(i.number).filter(x => since === null || x.updated_at >= since)
    return list(c, comments, x => commentJson(c, x.id))
  },

  'issues/get-comment': c => {
    const id = num(c, 'comment_id')
    return c.repo.comments.has(id) ? {status: 200, body: commentJson(c, id)} : notFound(c.op)
  },

  'issues/create-comment': c => {
    const i = issueOf(c)
    if (!i) return notFound(c.op)
    const b = c.body as {body: string}
    const errors = bodyTooLong('IssueComment', b.body)
    if (errors.length) return invalid(c.op, errors)
    const comment = c.state.addComment(c.repo.full_name, i.number, {body: b.body, user: c.login})
    return {status: 201, body: commentJson(c, comment.id)}
  },

  'issues/update-comment': c => {
    const comment = c.repo.comments.get(num(c, 'comment_id'))
    if (!comment) return notFound(c.op)
    const b = c.body as {body: string}
    const errors = bodyTooLong('IssueComment', b.body)
    if (errors.length) return invalid(c.op, errors)
    comment.body = b.body
    comment.updated_at = c.state.now()
    return {status: 200, body: commentJson(c, comment.id)}
  },

  'issues/delete-comment': c => {
    const id = num(c, 'comment_id')
    if (!c.repo.comments.delete(id)) return notFound(c.op)
    c.repo.reactions.splice(0, c.repo.reactions.length, ...c.repo.reactions.filter(x => x.comment !== id))
    return {status: 204}
  },

  'reactions/create-for-issue-comment': c => {
    const id = num(c, 'comment_id')
    if (!c.repo.comments.has(id)) return notFound(c.op)
    const content = (c.body as {content: string}).content
    const existing = c.repo.reactions.find(x => x.comment === id && x.user === c.login && x.content === content)
    if (existing) return {status: 200, body: c.render.reaction(existing)}
    const reaction = {id: c.state.nextId('other'), comment: id, user: c.login, content, created_at: c.state.now()}
    c.repo.reactions.push(reaction)
    return {status: 201, body: c.render.reaction(reaction)}
  },

  'reactions/list-for-issue-comment': c => {
    const id = num(c, 'comment_id')
    if (!c.repo.comments.has(id)) return notFound(c.op)
    const content = c.query.get('content')
    const reactions = c.repo.reactions.filter(x => x.comment === id && (content === null || x.content === content))
    return list(c, reactions, x => c.render.reaction(x))
  },

  // GitHub documents 404 ("Resource not found"); a login that exists but has no role gets the
  // base permission: read on a public repository, none on a private one.
  'repos/get-collaborator-permission-level': c => {
    const login = c.params.username ?? ''
    if (c.state.missingUsers.has(login.toLowerCase())) return notFound(c.op)
    const role = c.repo.roles.get(login.toLowerCase()) ?? (c.repo.private ? 'none' : 'read')
    return {status: 200, body: c.render.permission(login, role)}
  },

  // GitHub documents 200 (`state` active or pending, `role` member or maintainer) and 404 "if user
  // has no team membership". A team the token cannot see also answers 404 (a GITHUB_TOKEN
  // without read:org): test that with failNext.
  'teams/get-membership-for-user-in-org': c => {
    const m = c.state.team(c.params.org ?? '', c.params.team_slug ?? '')?.get((c.params.username ?? '').toLowerCase())
    return m
      ? {
          status: 200,
          body: c.render.teamMembership(c.params.org ?? '', c.params.team_slug ?? '', c.params.username ?? '', m),
        }
      : notFound(c.op)
  },

  'pulls/get': c => {
    const p = pullOf(c)
    return p
      ? {
          status: 200,
          body: c.render.pull(c.repo, c.state.repo(p.pull.head.repo), p, c.state.association(c.repo, p.user)),
        }
      : notFound(c.op)
  },

  'pulls/list': c => {
    const state = c.query.get('state') ?? 'open'
    const head = c.query.get('head')
    const base = c.query.get('base')
    const pulls = c.repo
      .pulls()
      .filter(
        p =>
          (state === 'all' || p.state === state) &&
          (head === null || `${c.state.repo(p.pull.head.repo).owner}:${p.pull.head.ref}` === head) &&
          (base === null || p.pull.base.ref === base),
      )
      .sort((a, b) => (c.query.get('direction') === 'asc' ? a.number - b.number : b.number - a.number))
    return list(c, pulls, p =>
      c.render.pull(c.repo, c.state.repo(p.pull.head.repo), p, c.state.association(c.repo, p.user), true),
    )
  },

  // created=>=DATE (or <=, or a..b), status, event, head_sha; newest first
  'actions/list-workflow-runs-for-repo': c => {
    const created = c.query.get('created')
    const status = c.query.get('status')
    const event = c.query.get('event')
    const head = c.query.get('head_sha')
    const within = (at: string): boolean => {
      if (!created) return true
      const t = Date.parse(at)
      const m = /^(>=|<=|>|<)?(.+?)(?:\.\.(.+))?$/.exec(created)!
      const a = Date.parse(m[2]!)
      if (m[3]) return t >= a && t <= Date.parse(m[3])
      return m[1] === '>='
        ? t >= a
        : m[1] === '>'
          ? t > a
          : m[1] === '<='
            ? t <= a
            : m[1] === '<'
              ? t < a
              : at.startsWith(m[2]!)
    }
    const runs = [...c.repo.workflowRuns.values()]
      .filter(
        r =>
          within(r.created_at) &&
          (status === null || r.status === status || r.conclusion === status) &&
          (event === null || r.event === event) &&
          (head === null || r.head_sha === head),
      )
      .sort((a, b) => b.id - a.id)
    const {page, headers} = paginate(c, runs)
    return {
      status: 200,
      body: {total_count: runs.length, workflow_runs: page.map(r => c.render.workflowRun(c.repo, r))},
      headers,
    }
  },

  'actions/get-workflow-run': c => {
    const run = c.repo.workflowRuns.get(num(c, 'run_id'))
    return run ? {status: 200, body: c.render.workflowRun(c.repo, run)} : notFound(c.op)
  },

  'pulls/list-commits': c => {
    const p = pullOf(c)
    if (!p) return notFound(c.op)
    const commits = p.pull.commits
    return list(c, commits, x => c.render.commit(c.repo, x, commits[commits.indexOf(x) - 1]?.sha))
  },

  // `committed` items carry git's dates (set by whoever made the commit); GitHub's own times are
  // `head_ref_force_pushed.created_at` here and `repos/list-activities` `timestamp`.
  'issues/list-events-for-timeline': c => {
    const i = issueOf(c)
    if (!i) return notFound(c.op)
    const items = c.repo
      .events(i.number)
      .map(item => c.render.timeline(c.repo, item, c.repo.commits, c.repo.reactions))
      .filter(x => x !== undefined)
    return list(c, items, x => x)
  },

  // Cursor pagination (`after`), newest first unless direction=asc.
  'repos/list-activities': c => {
    const ref = c.query.get('ref')
    const type = c.query.get('activity_type')
    const actor = c.query.get('actor')?.toLowerCase()
    const period = c.query.get('time_period')
    const hours = {day: 24, week: 168, month: 24 * 30, quarter: 24 * 91, year: 24 * 365}
    const from = period ? c.state.clock().getTime() - (hours[period as keyof typeof hours] ?? 0) * 3_600_000 : 0
    const items = c.repo.activity
      .filter(
        a =>
          (ref === null || a.ref === ref || a.ref === `refs/heads/${ref}`) &&
          (type === null || a.activity_type === type) &&
          (actor === undefined || a.actor.toLowerCase() === actor) &&
          Date.parse(a.timestamp) >= from,
      )
      .sort((a, b) => (c.query.get('direction') === 'asc' ? a.id - b.id : b.id - a.id))
    const perPage = Math.min(100, Math.max(1, Number(c.query.get('per_page') ?? 30) || 30))
    const after = c.query.get('after')
    const start = after ? Number(Buffer.from(after, 'base64url').toString().replace('cursor:', '')) || 0 : 0
    const page = items.slice(start, start + perPage)
    const headers: Record<string, string> = {}
    if (start + perPage < items.length) {
      const q = new URLSearchParams(c.query)
      q.set('after', Buffer.from(`cursor:${start + perPage}`).toString('base64url'))
      q.set('before', '')
      headers.link = `<${c.base}/repositories/${c.repo.id}${c.rest}?${q.toString()}>; rel="next"`
    }
    return {status: 200, body: page.map(a => c.render.activity(a)), headers}
  },
}

const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/** Start the emulator on 127.0.0.1 (a free port). Close it in `afterAll`. */
export async function startGitHub(opts: GitHubOptions = {}): Promise<GitHubEmulator> {
  const spec = await githubSpec()
  const state = new GitHubState(opts.clock)
  const tokens = opts.tokens ?? {[GITHUB_TOKEN]: {}}
  const token = Object.keys(tokens)[0] ?? GITHUB_TOKEN
  const calls: Call[] = []
  const faults: (Fault & {times: number})[] = []
  const usage = new Map<string, {used: number; reset: number}>()
  let requests = 0
  let render: Renderer | undefined
  const web = opts.serverUrl ?? 'https://github.com'

  const server = createServer((req, res) => {
    void readBody(req).then(
      text => {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
        render ??= new Renderer(spec, base, web)
        const {reply, call} = handle(req, text, base, render)
        calls.push(call)
        send(res, reply, ++requests)
      },
      () => res.destroy(),
    )
  })

  function handle(req: IncomingMessage, text: string, base: string, renderer: Renderer): {reply: Reply; call: Call} {
    const url = new URL(req.url ?? '/', base)
    const method = (req.method ?? 'GET').toUpperCase()
    const call: Call = {
      method,
      path: url.pathname,
      query: url.search.slice(1),
      status: 0,
      valid: false,
      rejected: false,
    }
    const done = (reply: Reply): {reply: Reply; call: Call} => {
      call.status = reply.status
      if ((reply.status === 422 || reply.status === 400) && !call.fault) call.rejected = true
      return {reply, call}
    }
    // GitHub's Link headers name repositories by id: /repositories/{id}/issues/1/comments?page=2
    let path = url.pathname.replace(/\/+$/, '') || '/'
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path)
    if (byId) {
      const r = state.repoById(Number(byId[1]))
      if (r) path = `/repos/${r.full_name}${byId[2] ?? ''}`
    }
    const headers = req.headers as Record<string, string | string[]>
    const request = {method: method.toLowerCase(), path, headers, query: url.search.slice(1)}
    const op = spec.route(method, path)
    if (!op) {
      call.rejected = true
      return done(notFound())
    }
    call.operationId = op.operationId ?? ''

    // Authentication: `token X` or `Bearer X` on every request.
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(String(req.headers.authorization ?? '').trim())
    if (!req.headers.authorization) return done(error(401, 'Requires authentication', op))
    const tokenInfo = auth ? tokens[auth[1] ?? ''] : undefined
    if (!auth || !tokenInfo) return done(error(401, 'Bad credentials', op))
    const login = tokenInfo.login ?? ACTIONS_BOT
    call.login = login

    let body: unknown
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        return done(error(400, 'Problems parsing JSON', op))
      }
      call.body = body
    }
    const validation = spec.api.validateRequest({...request, ...(body === undefined ? {} : {body})}, op)
    call.valid = validation.valid
    if (!validation.valid) {
      call.errors = fieldErrors(validation.errors ?? [], resourceOf(op))
      return done(invalid(op, call.errors))
    }

    // The primary rate limit (rate-limit/get does not count against it).
    const now = state.clock().getTime()
    let u = usage.get(auth[1] ?? '')
    if (!u || u.reset * 1000 <= now) usage.set(auth[1] ?? '', (u = {used: 0, reset: Math.floor(now / 1000) + 3600}))
    const limit = tokenInfo.rateLimit ?? 1000
    const rateHeaders = (): Record<string, string> => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - u.used)),
      'x-ratelimit-used': String(u.used),
      'x-ratelimit-reset': String(u.reset),
      'x-ratelimit-resource': 'core',
    })
    if (op.operationId === 'rate-limit/get')
      return done({status: 200, body: renderer.rateLimit(limit, u.used, u.reset), headers: rateHeaders()})
    if (u.used >= limit) {
      return done({
        ...error(
          403,
          `API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID EMU:${requests}.`,
          op,
        ),
        headers: rateHeaders(),
      })
    }
    u.used++

    const fault = faults.find(f => f.op === undefined || f.op === op.operationId)
    if (fault) {
      if (--fault.times <= 0) faults.splice(faults.indexOf(fault), 1)
      call.fault = true
      return done({
        status: fault.status,
        body: fault.body ?? faultBody(fault.status, requests, op),
        headers: {...rateHeaders(), ...fault.headers},
      })
    }
    if (WRITE.has(method) && (opts.readOnlyToken || tokenInfo.readOnly))
      return done({...error(403, 'Resource not accessible by integration', op), headers: rateHeaders()})

    const handler = HANDLERS[op.operationId ?? '']
    if (!handler) {
      call.unimplemented = true
      call.rejected = true
      return done(error(404, `Not Found (the GitHub emulator does not implement ${op.operationId})`, op))
    }
    const raw = spec.api.router.parseRequest(request, op).params as Record<string, string>
    const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decode(v)]))
    const repo = params.owner && params.repo ? state.repo(`${params.owner}/${params.repo}`) : undefined
    const ctx: Ctx = {
      op,
      state,
      render: renderer,
      repo: repo!,
      params,
      query: new URLSearchParams(url.search),
      body: (body ?? {}) as Json,
      login,
      rest: repo ? `/${path.split('/').slice(4).join('/')}`.replace(/\/$/, '') : path,
      base,
    }
    const reply = handler(ctx)
    reply.headers = {...rateHeaders(), ...reply.headers}
    if (reply.status === 422) call.errors = (reply.body as {errors: FieldError[]}).errors
    if (opts.validateResponses && reply.status < 300 && reply.body !== undefined) {
      const v = spec.api.validateResponse(reply.body, op, reply.status)
      if (!v.valid) call.responseErrors = (v.errors ?? []).map(e => `${e.instancePath} ${e.message ?? ''}`)
    }
    return done(reply)
  }

  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    token,
    env: {GITHUB_API_URL: url, GITHUB_SERVER_URL: web, GITHUB_TOKEN: token},
    state,
    calls,
    rejected: (from = 0) => calls.slice(from).filter(c => c.rejected),
    failNext: f => void faults.push({...f, times: f.times ?? 1}),
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => r())
      }),
    spec: {loadMs: spec.loadMs, patched: spec.patched},
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function resourceOf(op: Operation): string {
  const id = op.operationId ?? ''
  if (id.startsWith('checks/')) return 'CheckRun'
  if (id.includes('comment')) return id.startsWith('reactions/') ? 'Reaction' : 'IssueComment'
  if (id.startsWith('issues/')) return 'Issue'
  if (id.startsWith('pulls/')) return 'PullRequest'
  return (op.tags?.[0] ?? 'Resource').replace(/^./, s => s.toUpperCase())
}

function faultBody(status: number, request: number, op: Operation): unknown {
  const docsUrl = docs(op)
  switch (status) {
    case 401:
      return {message: 'Bad credentials', documentation_url: DOCS, status: '401'}
    case 403:
    case 429:
      return {
        message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID EMU:${request}.`,
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: String(status),
      }
    case 404:
      return {message: 'Not Found', documentation_url: docsUrl, status: '404'}
    case 422:
      return {message: 'Validation Failed', errors: [], documentation_url: docsUrl, status: '422'}
    case 503:
      return {message: 'Service Unavailable', documentation_url: docsUrl, status: '503'}
    default:
      return {message: 'Server Error', documentation_url: docsUrl, status: String(status)}
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, reply: Reply, n: number): void {
  const headers: Record<string, string> = {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `EMU:${n}`,
    ...reply.headers,
  }
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end()
    return
  }
  res
    .writeHead(reply.status, {'content-type': 'application/json; charset=utf-8', ...headers})
    .end(JSON.stringify(reply.body))
}
