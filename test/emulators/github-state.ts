import {createHash} from 'node:crypto'

/**
 * What the GitHub emulator remembers, per repository (`owner/repo`, case-insensitive as on
 * GitHub). Tests read it to assert what was written, and seed it (pull requests, collaborators,
 * comments written by people, pushes) before driving the code under test.
 */

/** Repository roles; `permission` maps maintain → write and triage → read (GitHub's legacy base roles). */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
}

export interface CheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  started_at: string
  completed_at: string | null
  external_id: string
  details_url: string | null
  output: {title: string | null; summary: string | null; text: string | null}
  /** Every annotation sent, in order: updates append (at most 50 per request). */
  annotations: Annotation[]
  /** How many times it was changed after creation. */
  updates: number
  /** The app that made it, when not GitHub Actions (a workflow's GITHUB_TOKEN). */
  app?: {id: number; slug: string; name: string} | undefined
}

export interface Comment {
  id: number
  issue: number
  body: string
  user: string
  created_at: string
  updated_at: string
  author_association: string
}

export interface Reaction {
  id: number
  comment: number
  user: string
  content: string
  created_at: string
}

export interface Issue {
  number: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  state_reason: string | null
  labels: string[]
  assignees: string[]
  created_at: string
  updated_at: string
  closed_at: string | null
  /** Set for pull requests, which are issues too and share their numbers. */
  pull?: Pull
}

export interface Commit {
  sha: string
  message: string
  author: string
  /** Git's dates: whatever the pusher's machine wrote. Not GitHub's time. */
  author_date: string
  committer_date: string
}

export interface Pull {
  head: {sha: string; ref: string; /** `owner/repo`, another repository for a fork. */ repo: string}
  base: {ref: string; sha: string}
  commits: Commit[]
  draft: boolean
  merged: boolean
}

/** One entry of `GET /repos/{owner}/{repo}/activity`: GitHub's own record of a push, with its time. */
export interface Activity {
  id: number
  before: string
  after: string
  ref: string
  timestamp: string
  activity_type: 'push' | 'force_push' | 'branch_creation' | 'branch_deletion' | 'pr_merge' | 'merge_queue_merge'
  actor: string
}

/** One login's membership of an organization's team (GET /orgs/{org}/teams/{team_slug}/memberships/{username}). */
export interface TeamMembership {
  /** `pending` until the invitation is accepted; only `active` members are members. */
  state: 'active' | 'pending'
  /** GitHub gives organization owners `maintainer`. */
  role: 'member' | 'maintainer'
}

/** A workflow run (GET /repos/{owner}/{repo}/actions/runs): what a reconcile asks of the run that launched. */
export interface WorkflowRun {
  id: number
  event: string
  head_sha: string
  head_branch: string | null
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  created_at: string
}

/** What `GET /repos/{owner}/{repo}/issues/{n}/timeline` shows, in the order it happened. */
export type TimelineItem =
  | {event: 'commented'; comment: number}
  | {event: 'committed'; sha: string}
  | {event: 'head_ref_force_pushed'; id: number; actor: string; before: string; after: string; created_at: string}

export class Repo {
  default_branch = 'main'
  private = false
  fork = false
  /** Branch → head SHA. */
  readonly branches = new Map<string, string>()
  /** login → role; a login not here has `read` on a public repository, `none` on a private one. */
  readonly roles = new Map<string, Role>()
  readonly issues = new Map<number, Issue>()
  readonly comments = new Map<number, Comment>()
  readonly reactions: Reaction[] = []
  readonly checkRuns = new Map<number, CheckRun>()
  readonly workflowRuns = new Map<number, WorkflowRun>()
  readonly activity: Activity[] = []
  readonly timeline = new Map<number, TimelineItem[]>()
  /** Every commit pushed to one of its pull requests, force-pushed-away ones included (the timeline shows them). */
  readonly commits = new Map<string, Commit>()
  nextNumber = 1

  constructor(
    readonly id: number,
    readonly owner: string,
    readonly name: string,
  ) {}

  get full_name(): string {
    return `${this.owner}/${this.name}`
  }

  /** Pull requests, by number. */
  pulls(): (Issue & {pull: Pull})[] {
    return [...this.issues.values()].filter((i): i is Issue & {pull: Pull} => i.pull !== undefined)
  }

  /** The comments on one issue or pull request, oldest first. */
  commentsOn(issue: number): Comment[] {
    return [...this.comments.values()].filter(c => c.issue === issue)
  }

  events(issue: number): TimelineItem[] {
    let t = this.timeline.get(issue)
    if (!t) this.timeline.set(issue, (t = []))
    return t
  }
}

/** GitHub's timestamp format: ISO 8601 to the second, `Z`. */
export const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** A 40-hex SHA made from any text (tests name commits; the emulator needs SHAs). */
export const sha = (text: string): string => createHash('sha1').update(text).digest('hex')

export class GitHubState {
  readonly repos = new Map<string, Repo>()
  /** Logins that do not exist: the collaborator permission endpoint answers 404 for them. */
  readonly missingUsers = new Set<string>()
  /** `org/team-slug` (lowercase) → login (lowercase) → membership. A team not here does not exist (404). */
  readonly teams = new Map<string, Map<string, TeamMembership>>()
  /** Ids come from separate ranges, so a comment id passed as a check run id is a 404. */
  private readonly ids = {repo: 100_000_000, checkRun: 20_000_000_000, comment: 1_000_000_000, other: 500_000_000}

  /** GitHub's clock; tests may replace it to place events in time. */
  constructor(public clock: () => Date = () => new Date()) {}

  now(): string {
    return iso(this.clock())
  }

  nextId(kind: 'checkRun' | 'comment' | 'other'): number {
    return ++this.ids[kind]
  }

  /** The repository `owner/repo`, created (public, default branch `main`) on first mention. */
  repo(fullName: string): Repo {
    const key = fullName.toLowerCase()
    let r = this.repos.get(key)
    if (!r) {
      const [owner, name, ...rest] = fullName.split('/')
      if (!owner || !name || rest.length) throw new Error(`not owner/repo: ${fullName}`)
      r = new Repo(++this.ids.repo, owner, name)
      r.branches.set(r.default_branch, sha(`${fullName}@${r.default_branch}`))
      this.repos.set(key, r)
    }
    return r
  }

  repoById(id: number): Repo | undefined {
    return [...this.repos.values()].find(r => r.id === id)
  }

  /** A workflow run of the repository (created now, in progress, unless said otherwise). */
  addWorkflowRun(fullName: string, o: Partial<WorkflowRun> & {head_sha: string}): WorkflowRun {
    const r = this.repo(fullName)
    const run: WorkflowRun = {
      id: o.id ?? this.nextId('other'),
      event: o.event ?? 'push',
      head_sha: o.head_sha,
      head_branch: o.head_branch ?? r.default_branch,
      status: o.status ?? 'in_progress',
      conclusion: o.conclusion ?? null,
      created_at: o.created_at ?? this.now(),
    }
    r.workflowRuns.set(run.id, run)
    return run
  }

  setRole(fullName: string, login: string, role: Role): void {
    this.repo(fullName).roles.set(login.toLowerCase(), role)
  }

  /** A team of `org` (made on first mention, empty), and `login` in it: active member by default. */
  addTeamMember(org: string, slug: string, login: string, o: Partial<TeamMembership> = {}): void {
    this.team(org, slug, true)!.set(login.toLowerCase(), {state: o.state ?? 'active', role: o.role ?? 'member'})
  }

  /** The team `org/slug` (names compare case-insensitively, as on GitHub), made when `create`. */
  team(org: string, slug: string, create = false): Map<string, TeamMembership> | undefined {
    const key = `${org}/${slug}`.toLowerCase()
    let t = this.teams.get(key)
    if (!t && create) this.teams.set(key, (t = new Map<string, TeamMembership>()))
    return t
  }

  /** An issue written by a person. */
  addIssue(
    fullName: string,
    o: {title: string; body?: string; user?: string; labels?: string[]; number?: number},
  ): Issue {
    const r = this.repo(fullName)
    const number = o.number ?? r.nextNumber
    r.nextNumber = Math.max(r.nextNumber, number + 1)
    const now = this.now()
    const issue: Issue = {
      number,
      title: o.title,
      body: o.body ?? null,
      user: o.user ?? r.owner,
      state: 'open',
      state_reason: null,
      labels: o.labels ?? [],
      assignees: [],
      created_at: now,
      updated_at: now,
      closed_at: null,
    }
    r.issues.set(number, issue)
    return issue
  }

  /**
   * An open pull request. `head_repo` names a fork (created, `fork: true`); the head branch and
   * its first commit are recorded there as a push.
   */
  addPull(
    fullName: string,
    o: {
      head_sha: string
      number?: number
      head_ref?: string
      head_repo?: string
      base_ref?: string
      title?: string
      user?: string
      draft?: boolean
    },
  ): Issue & {pull: Pull} {
    const r = this.repo(fullName)
    const headRepo = this.repo(o.head_repo ?? fullName)
    if (headRepo !== r) headRepo.fork = true
    const issue = this.addIssue(fullName, {
      title: o.title ?? 'A pull request',
      user: o.user ?? headRepo.owner,
      ...(o.number === undefined ? {} : {number: o.number}),
    })
    const ref = o.head_ref ?? `pr-${issue.number}`
    const baseRef = o.base_ref ?? r.default_branch
    const pull: Pull = {
      head: {sha: o.head_sha, ref, repo: headRepo.full_name},
      base: {ref: baseRef, sha: r.branches.get(baseRef) ?? sha(`${fullName}@${baseRef}`)},
      commits: [this.commit(o.head_sha, issue.user)],
      draft: o.draft ?? false,
      merged: false,
    }
    issue.pull = pull
    for (const c of pull.commits) r.commits.set(c.sha, c)
    headRepo.branches.set(ref, o.head_sha)
    this.events(r, issue.number).push({event: 'committed', sha: o.head_sha})
    return issue as Issue & {pull: Pull}
  }

  /**
   * A comment written by a person (a `/train` command, say). `author_association` defaults from
   * the role: OWNER for the owner, COLLABORATOR for a role above read, else NONE.
   */
  addComment(
    fullName: string,
    issue: number,
    o: {body: string; user: string; created_at?: string; author_association?: string},
  ): Comment {
    const r = this.repo(fullName)
    const target = r.issues.get(issue)
    if (!target) throw new Error(`${fullName} has no issue or pull request #${issue}`)
    const at = o.created_at ?? this.now()
    const c: Comment = {
      id: this.nextId('comment'),
      issue,
      body: o.body,
      user: o.user,
      created_at: at,
      updated_at: at,
      author_association: o.author_association ?? this.association(r, o.user),
    }
    r.comments.set(c.id, c)
    target.updated_at = at
    this.events(r, issue).push({event: 'commented', comment: c.id})
    return c
  }

  /**
   * A push to a pull request's head branch, as GitHub records it: the PR's `head.sha` and
   * `updated_at` change; the head repository's activity gets a `push` (or `force_push`) entry
   * with GitHub's time (`at`, default now); the timeline gets a `committed` item (git's dates,
   * `author_date`, which anyone can set) and, for a force push, `head_ref_force_pushed` with
   * GitHub's time.
   */
  push(
    fullName: string,
    number: number,
    o: {sha: string; force?: boolean; at?: string; actor?: string; author_date?: string; message?: string},
  ): void {
    const r = this.repo(fullName)
    const issue = r.issues.get(number)
    if (!issue?.pull) throw new Error(`${fullName} has no pull request #${number}`)
    const pull = issue.pull
    const at = o.at ?? this.now()
    const actor = o.actor ?? issue.user
    const before = pull.head.sha
    const commit = this.commit(o.sha, actor, o.author_date ?? at, o.message)
    r.commits.set(commit.sha, commit)
    if (o.force) pull.commits.splice(0, pull.commits.length, commit)
    else pull.commits.push(commit)
    pull.head.sha = o.sha
    issue.updated_at = at
    const headRepo = this.repo(pull.head.repo)
    headRepo.branches.set(pull.head.ref, o.sha)
    headRepo.activity.push({
      id: this.nextId('other'),
      before,
      after: o.sha,
      ref: `refs/heads/${pull.head.ref}`,
      timestamp: at,
      activity_type: o.force ? 'force_push' : 'push',
      actor,
    })
    const events = this.events(r, number)
    if (o.force)
      events.push({
        event: 'head_ref_force_pushed',
        id: this.nextId('other'),
        actor,
        before,
        after: o.sha,
        created_at: at,
      })
    events.push({event: 'committed', sha: o.sha})
  }

  /** The `author_association` GitHub would give `login` on `r` (simplified: no org membership). */
  association(r: Repo, login: string): string {
    if (login.toLowerCase() === r.owner.toLowerCase()) return 'OWNER'
    const role = r.roles.get(login.toLowerCase())
    return role && role !== 'read' && role !== 'none' ? 'COLLABORATOR' : 'NONE'
  }

  private events(r: Repo, issue: number): TimelineItem[] {
    return r.events(issue)
  }

  private commit(
    commitSha: string,
    author: string,
    date = this.now(),
    message = `commit ${commitSha.slice(0, 7)}`,
  ): Commit {
    return {sha: commitSha, message, author, author_date: date, committer_date: date}
  }
}
