import {example, type GitHubSpec} from './github-spec.js'
import {
  sha,
  type Activity,
  type Annotation,
  type CheckRun,
  type Comment,
  type Commit,
  type Issue,
  type Pull,
  type Reaction,
  type Repo,
  type Role,
  type TeamMembership,
  type TimelineItem,
  type WorkflowRun,
} from './github-state.js'

/**
 * The emulator's state as GitHub's JSON. Each resource starts from the example GitHub documents
 * for the operation (so every field a client may read is there, with GitHub's types) and gets the
 * state's values laid over it. URLs point at the emulator (API) and `serverUrl` (web pages).
 */

type Json = Record<string, unknown>

const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'] as const

/** GitHub Actions' own app, which owns check runs made with a workflow's GITHUB_TOKEN. */
const ACTIONS_APP = {id: 15368, slug: 'github-actions', name: 'GitHub Actions'}

export class Renderer {
  private readonly templates = new Map<string, string>()

  constructor(
    private readonly spec: GitHubSpec,
    readonly api: string,
    readonly web: string,
  ) {}

  /** The documented example for `op`, with GitHub's hosts replaced by the emulator's. */
  private template(op: string, status = 200): Json {
    let t = this.templates.get(`${op} ${status}`)
    if (t === undefined) {
      t = JSON.stringify(example(this.spec, op, status))
        .replaceAll('https://api.github.com', this.api)
        .replaceAll('https://github.com', this.web)
      this.templates.set(`${op} ${status}`, t)
    }
    return JSON.parse(t) as Json
  }

  user(login: string): Json {
    const bot = login.endsWith('[bot]')
    const id = login === 'github-actions[bot]' ? 41898282 : parseInt(sha(`user:${login}`).slice(0, 7), 16)
    const url = `${this.api}/users/${encodeURIComponent(login)}`
    return {
      login,
      id,
      node_id: Buffer.from(`04:User${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url,
      html_url: bot ? `${this.web}/apps/${login.slice(0, -5)}` : `${this.web}/${login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: bot ? 'Bot' : 'User',
      user_view_type: 'public',
      site_admin: false,
    }
  }

  repo(r: Repo, template: Json = this.template('repos/get')): Json {
    const text = JSON.stringify(template).replaceAll('octocat/Hello-World', r.full_name)
    const out = JSON.parse(text) as Json
    // the documented example is of a fork, with its parent and source; these are neither
    delete out.parent
    delete out.source
    return {
      language: null,
      ...out,
      id: r.id,
      node_id: Buffer.from(`010:Repository${r.id}`).toString('base64'),
      name: r.name,
      full_name: r.full_name,
      owner: this.user(r.owner),
      private: r.private,
      visibility: r.private ? 'private' : 'public',
      fork: r.fork,
      html_url: `${this.web}/${r.full_name}`,
      url: `${this.api}/repos/${r.full_name}`,
      default_branch: r.default_branch,
    }
  }

  workflowRun(r: Repo, run: WorkflowRun): Json {
    const t = this.template('actions/get-workflow-run')
    return {
      ...t,
      id: run.id,
      node_id: Buffer.from(`06:WorkflowRun${run.id}`).toString('base64'),
      event: run.event,
      head_sha: run.head_sha,
      head_branch: run.head_branch,
      status: run.status,
      conclusion: run.conclusion,
      created_at: run.created_at,
      updated_at: run.created_at,
      run_started_at: run.created_at,
      url: `${this.api}/repos/${r.full_name}/actions/runs/${run.id}`,
      html_url: `${this.web}/${r.full_name}/actions/runs/${run.id}`,
      repository: {...(t.repository as Json), id: r.id, name: r.name, full_name: r.full_name},
      head_repository: {...(t.head_repository as Json), id: r.id, name: r.name, full_name: r.full_name},
      pull_requests: [],
    }
  }

  checkRun(r: Repo, run: CheckRun, pulls: (Issue & {pull: Pull})[]): Json {
    const t = this.template('checks/get')
    const url = `${this.api}/repos/${r.full_name}/check-runs/${run.id}`
    return {
      ...t,
      id: run.id,
      node_id: Buffer.from(`08:CheckRun${run.id}`).toString('base64'),
      name: run.name,
      head_sha: run.head_sha,
      external_id: run.external_id,
      url,
      html_url: `${this.web}/${r.full_name}/runs/${run.id}`,
      details_url: run.details_url ?? `${this.web}/${r.full_name}/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      check_suite: {id: 5_000_000_000 + run.id},
      app: {
        ...(t.app as Json),
        ...(run.app ?? ACTIONS_APP),
        owner: this.user('github'),
        html_url: `${this.web}/apps/${(run.app ?? ACTIONS_APP).slug}`,
      },
      // GitHub lists only open pull requests of this repository whose head is the check's SHA.
      pull_requests: pulls
        .filter(p => p.state === 'open' && p.pull.head.sha === run.head_sha && p.pull.head.repo === r.full_name)
        .map(p => ({
          id: this.pullId(r, p.number),
          number: p.number,
          url: `${this.api}/repos/${r.full_name}/pulls/${p.number}`,
          head: {
            ref: p.pull.head.ref,
            sha: p.pull.head.sha,
            repo: {id: r.id, url: `${this.api}/repos/${r.full_name}`, name: r.name},
          },
          base: {
            ref: p.pull.base.ref,
            sha: p.pull.base.sha,
            repo: {id: r.id, url: `${this.api}/repos/${r.full_name}`, name: r.name},
          },
        })),
    }
  }

  annotation(r: Repo, run: CheckRun, a: Annotation): Json {
    return {
      path: a.path,
      blob_href: `${this.web}/${r.full_name}/blob/${run.head_sha}/${a.path}`,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? '',
      message: a.message,
      raw_details: a.raw_details ?? '',
    }
  }

  comment(r: Repo, c: Comment, reactions: Reaction[]): Json {
    const url = `${this.api}/repos/${r.full_name}/issues/comments/${c.id}`
    return {
      ...this.template('issues/get-comment'),
      id: c.id,
      node_id: Buffer.from(`012:IssueComment${c.id}`).toString('base64'),
      url,
      html_url: `${this.web}/${r.full_name}/${r.issues.get(c.issue)?.pull ? 'pull' : 'issues'}/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.api}/repos/${r.full_name}/issues/${c.issue}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.author_association,
      performed_via_github_app: null,
      reactions: this.rollup(`${url}/reactions`, reactions),
    }
  }

  reaction(x: Reaction): Json {
    return {
      id: x.id,
      node_id: Buffer.from(`08:Reaction${x.id}`).toString('base64'),
      user: this.user(x.user),
      content: x.content,
      created_at: x.created_at,
    }
  }

  issue(r: Repo, i: Issue, comments: number, association: string): Json {
    const url = `${this.api}/repos/${r.full_name}/issues/${i.number}`
    const out: Json = {
      ...this.template('issues/create', 201),
      id: this.issueId(r, i.number),
      node_id: Buffer.from(`05:Issue${r.id}:${i.number}`).toString('base64'),
      url,
      repository_url: `${this.api}/repos/${r.full_name}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.web}/${r.full_name}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: this.user(i.user),
      labels: i.labels.map(name => this.label(r, name)),
      assignee: i.assignees[0] === undefined ? null : this.user(i.assignees[0]),
      assignees: i.assignees.map(a => this.user(a)),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments,
      closed_at: i.closed_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_by: null,
      author_association: association,
      performed_via_github_app: null,
      reactions: this.rollup(`${url}/reactions`, []),
    }
    if (i.pull) {
      out.pull_request = {
        url: `${this.api}/repos/${r.full_name}/pulls/${i.number}`,
        html_url: `${this.web}/${r.full_name}/pull/${i.number}`,
        diff_url: `${this.web}/${r.full_name}/pull/${i.number}.diff`,
        patch_url: `${this.web}/${r.full_name}/pull/${i.number}.patch`,
        merged_at: null,
      }
    } else delete out.pull_request
    return out
  }

  /** pulls/get (`simple: false`) or one item of pulls/list (`simple: true`). */
  pull(r: Repo, head: Repo, p: Issue & {pull: Pull}, association: string, simple = false): Json {
    const t = simple ? this.template('pulls/list') : this.template('pulls/get')
    const url = `${this.api}/repos/${r.full_name}/pulls/${p.number}`
    const side = (repo: Repo, ref: string, commit: string, template: unknown): Json => ({
      label: `${repo.owner}:${ref}`,
      ref,
      sha: commit,
      user: this.user(repo.owner),
      repo: this.repo(repo, (template as {repo: Json}).repo),
    })
    const out: Json = {
      ...t,
      id: this.pullId(r, p.number),
      node_id: Buffer.from(`011:PullRequest${r.id}:${p.number}`).toString('base64'),
      url,
      html_url: `${this.web}/${r.full_name}/pull/${p.number}`,
      diff_url: `${this.web}/${r.full_name}/pull/${p.number}.diff`,
      patch_url: `${this.web}/${r.full_name}/pull/${p.number}.patch`,
      issue_url: `${this.api}/repos/${r.full_name}/issues/${p.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      comments_url: `${this.api}/repos/${r.full_name}/issues/${p.number}/comments`,
      statuses_url: `${this.api}/repos/${r.full_name}/statuses/${p.pull.head.sha}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      body: p.body,
      user: this.user(p.user),
      labels: p.labels.map(name => this.label(r, name)),
      milestone: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      created_at: p.created_at,
      updated_at: p.updated_at,
      closed_at: p.closed_at,
      merged_at: null,
      merge_commit_sha: null,
      head: side(head, p.pull.head.ref, p.pull.head.sha, t.head),
      base: side(r, p.pull.base.ref, p.pull.base.sha, t.base),
      author_association: association,
      draft: p.pull.draft,
      auto_merge: null,
      active_lock_reason: null,
    }
    if (!simple) {
      Object.assign(out, {
        merged: p.pull.merged,
        mergeable: null,
        rebaseable: null,
        mergeable_state: 'unknown',
        merged_by: null,
        commits: p.pull.commits.length,
        maintainer_can_modify: false,
      })
    }
    return out
  }

  commit(r: Repo, c: Commit, parent: string | undefined): Json {
    const person = {name: c.author, email: `${c.author}@users.noreply.github.com`}
    return {
      ...this.template('pulls/list-commits'),
      url: `${this.api}/repos/${r.full_name}/commits/${c.sha}`,
      sha: c.sha,
      node_id: Buffer.from(`06:Commit${r.id}:${c.sha}`).toString('base64'),
      html_url: `${this.web}/${r.full_name}/commit/${c.sha}`,
      comments_url: `${this.api}/repos/${r.full_name}/commits/${c.sha}/comments`,
      commit: {
        url: `${this.api}/repos/${r.full_name}/git/commits/${c.sha}`,
        author: {...person, date: c.author_date},
        committer: {...person, date: c.committer_date},
        message: c.message,
        tree: {url: `${this.api}/repos/${r.full_name}/git/trees/${sha(`tree:${c.sha}`)}`, sha: sha(`tree:${c.sha}`)},
        comment_count: 0,
        verification: {verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null},
      },
      author: this.user(c.author),
      committer: this.user(c.author),
      parents: parent
        ? [
            {
              url: `${this.api}/repos/${r.full_name}/commits/${parent}`,
              sha: parent,
              html_url: `${this.web}/${r.full_name}/commit/${parent}`,
            },
          ]
        : [],
    }
  }

  /** One timeline item; undefined for a comment since deleted. */
  timeline(r: Repo, item: TimelineItem, commits: Map<string, Commit>, reactions: Reaction[]): Json | undefined {
    switch (item.event) {
      case 'commented': {
        const c = r.comments.get(item.comment)
        return c
          ? {
              ...this.comment(
                r,
                c,
                reactions.filter(x => x.comment === c.id),
              ),
              event: 'commented',
              actor: this.user(c.user),
            }
          : undefined
      }
      case 'committed': {
        const c = commits.get(item.sha)
        const date = c?.author_date ?? '1970-01-01T00:00:00Z'
        const person = {name: c?.author ?? 'unknown', email: `${c?.author ?? 'unknown'}@users.noreply.github.com`}
        return {
          event: 'committed',
          sha: item.sha,
          node_id: Buffer.from(`06:Commit${r.id}:${item.sha}`).toString('base64'),
          url: `${this.api}/repos/${r.full_name}/git/commits/${item.sha}`,
          html_url: `${this.web}/${r.full_name}/commit/${item.sha}`,
          author: {...person, date},
          committer: {...person, date: c?.committer_date ?? date},
          message: c?.message ?? '',
          tree: {
            sha: sha(`tree:${item.sha}`),
            url: `${this.api}/repos/${r.full_name}/git/trees/${sha(`tree:${item.sha}`)}`,
          },
          parents: [],
          verification: {verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null},
        }
      }
      case 'head_ref_force_pushed':
        return {
          id: item.id,
          node_id: Buffer.from(`018:HeadRefForcePushedEvent${item.id}`).toString('base64'),
          url: `${this.api}/repos/${r.full_name}/issues/events/${item.id}`,
          actor: this.user(item.actor),
          event: 'head_ref_force_pushed',
          commit_id: item.after,
          commit_url: `${this.api}/repos/${r.full_name}/commits/${item.after}`,
          created_at: item.created_at,
          performed_via_github_app: null,
        }
    }
  }

  activity(a: Activity): Json {
    return {
      id: a.id,
      node_id: Buffer.from(`016:RepositoryActivity${a.id}`).toString('base64'),
      before: a.before,
      after: a.after,
      ref: a.ref,
      timestamp: a.timestamp,
      activity_type: a.activity_type,
      actor: this.user(a.actor),
    }
  }

  permission(login: string, role: Role): Json {
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
    const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role)
    return {
      permission,
      role_name: role,
      user: {
        ...this.user(login),
        permissions: {pull: rank >= 1, triage: rank >= 2, push: rank >= 3, maintain: rank >= 4, admin: rank >= 5},
        role_name: role,
      },
    }
  }

  teamMembership(org: string, slug: string, login: string, m: TeamMembership): Json {
    return {
      ...this.template('teams/get-membership-for-user-in-org'),
      url: `${this.api}/organizations/${parseInt(sha(`org:${org.toLowerCase()}`).slice(0, 7), 16)}/team/${parseInt(sha(`team:${org.toLowerCase()}/${slug.toLowerCase()}`).slice(0, 7), 16)}/memberships/${encodeURIComponent(login)}`,
      role: m.role,
      state: m.state,
    }
  }

  rateLimit(limit: number, used: number, reset: number): Json {
    const t = this.template('rate-limit/get')
    const core = {limit, used, remaining: Math.max(0, limit - used), reset}
    return {...t, resources: {...(t.resources as Json), core}, rate: core}
  }

  private label(r: Repo, name: string): Json {
    const id = parseInt(sha(`label:${r.full_name}:${name}`).slice(0, 8), 16)
    return {
      id,
      node_id: Buffer.from(`05:Label${id}`).toString('base64'),
      url: `${this.api}/repos/${r.full_name}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'ededed',
      default: false,
    }
  }

  private rollup(url: string, reactions: Reaction[]): Json {
    const out: Json = {url, total_count: reactions.length}
    for (const k of REACTIONS) out[k] = reactions.filter(x => x.content === k).length
    return out
  }

  private issueId(r: Repo, n: number): number {
    return r.id * 10_000 + n
  }

  private pullId(r: Repo, n: number): number {
    return r.id * 10_000 + 5_000 + n
  }
}
