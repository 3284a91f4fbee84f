/**
 * actions/command: a `/train` comment on a pull request, checked before anything runs. The
 * comment path runs a pull request's code with access to the launch's credentials, so every
 * check fails closed and the step's outputs are all a later step may use:
 *
 * 1. Only an `issue_comment` `created` event (`edited` only with `allow-edited`), on a pull
 *    request of this repository (a fork's only with `allow-forks`), that is open.
 * 2. The comment parses (src/chatops/command.ts): a malformed one is answered with why and the
 *    usage. A comment without a command line is ignored, without a word.
 * 3. The commenter: a bot only if listed in `allow-bots`; then their permission on the
 *    repository (`getCollaboratorPermissionLevel`), whose `role_name` must be one of
 *    `permissions` (default write, maintain, admin), or else an active membership of one of
 *    `teams` (`permissions: none` leaves the teams alone as the gate). `author_association` is
 *    never the gate. Any error or time-out of a check refuses.
 * 4. The code that runs is the pull request's head commit when the comment was written: the
 *    head repository's activity (GitHub's own push times, not git's dates, which anyone sets)
 *    must show no push to the head branch after the comment, and its newest push must be the
 *    head read. Otherwise refused, with why: nobody can swap code in after a writer's command.
 * 5. A `train` command's values are typed against the experiment's parameters in trainer.yml.
 *
 * Feedback: 👀 at once, 🚀 when accepted, 😕 and a reply (with the usage) when refused. The
 * outputs carry the pinned SHA; the example workflow checks out exactly it. `/train status`
 * is answered here, with the launches on that SHA; `/train cancel` is carried out by
 * actions/reconcile (`cancel`, `head-sha`), which has the backends.
 */
import {z} from 'zod'
import {parseComment, renderArgs, USAGE, type ParsedComment} from '../chatops/command.js'
import {typedOverrides} from '../chatops/params.js'
import {replyTo} from '../chatops/reply.js'
import {statusReply} from '../chatops/status.js'
import {parseTeam, teamName, type Team} from '../chatops/teams.js'
import {loadConfig} from '../config/load.js'
import {ConfigError, getErrorMessage} from '../kit/errors.js'
import type {GithubRun} from '../kit/github.js'
import {bool, list, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {githubClient, type GitHubClient} from '../kit/octokit.js'
import {experimentOf} from '../plan/plan.js'
import {escapeMarkdown} from '../report/escape.js'
import {launchChecks} from '../report/publish.js'

export const CommandInputs = z.object({
  config: optString(),
  'github-token': optString(),
  /** Roles (`role_name`) whose comments may launch (default write, maintain, admin; `none`: no role by itself). */
  permissions: list(),
  /** Teams (`org/team-slug`) whose active members may launch, whatever their role. */
  teams: list().transform((items, ctx) => {
    const out: Team[] = []
    for (const item of items) {
      const t = parseTeam(item)
      if ('problem' in t) {
        ctx.addIssue({code: 'custom', message: t.problem})
        return z.NEVER
      }
      out.push(t)
    }
    return out
  }),
  /** The token the team memberships are read with (default github-token): one that may read the organization's teams. */
  'teams-token': optString(),
  /** The app whose check runs are launches, for `/train status` (default github-actions). */
  'check-app': optString(),
  /** Bot logins whose comments count (default none). */
  'allow-bots': list(),
  /** Count edited comments too (default false: an edit cannot launch). */
  'allow-edited': bool(false),
  /** Count comments on pull requests from forks (still a writer's command; default false). */
  'allow-forks': bool(false),
})

const DEFAULT_ROLES = ['write', 'maintain', 'admin']
/** How long one team-membership lookup may take before it counts as a refusal. */
const TEAM_TIMEOUT_MS = 30_000

/**
 * The roles that may launch by themselves: `permissions`, else the default; none for
 * `permissions: none`, which leaves `teams` as the only gate.
 */
function gate(permissions: readonly string[], teams: readonly Team[]): string[] {
  const none = permissions.some(p => p.toLowerCase() === 'none')
  if (none && permissions.length > 1)
    throw new ConfigError("Input 'permissions': none (no role launches by itself) cannot be listed with other roles", {
      key: 'permissions',
    })
  if (none && !teams.length)
    throw new ConfigError("Input 'permissions': none lets no role launch, and teams is empty: nobody could launch", {
      key: 'permissions',
    })
  if (none) return []
  return permissions.length ? [...permissions] : DEFAULT_ROLES
}

export type CommandOutcome =
  | {status: 'ignored'; why: string}
  | {status: 'refused'; why: string}
  | {status: 'accepted'; command: Exclude<ParsedComment['kind'], 'none' | 'error'>; sha: string; pr: number}

interface CommentEvent {
  action: string
  issue: {number: number; pull_request?: unknown; state?: string}
  comment: {id: number; body: string; created_at: string; user: {login: string; type: string}}
}

function commentEvent(g: GithubRun): CommentEvent {
  const e = g.event as Partial<CommentEvent> | undefined
  if (g.eventName !== 'issue_comment' || !e?.issue || !e.comment || typeof e.comment.body !== 'string')
    throw new ConfigError(`actions/command runs on issue_comment events, not ${g.eventName || 'this one'}`, {
      key: 'on',
    })
  return e as CommentEvent
}

/** Refused: the reason, said in the log and (with the usage) in a reply. */
class Refusal extends Error {}

export async function command(io: ActionIO): Promise<CommandOutcome> {
  const i = readInputs(io, CommandInputs)
  const roles = gate(i.permissions, i.teams)
  const g = io.github()
  if (!g) throw new ConfigError('actions/command runs in a GitHub Actions step (GITHUB_REPOSITORY, GITHUB_EVENT_PATH)')
  const ev = commentEvent(g)
  const set = (k: string, v: string | number | boolean) => io.setOutput(k, v)
  set('command', 'none')
  if (ev.action !== 'created' && !(ev.action === 'edited' && i['allow-edited']))
    return ignored(io, `a comment ${ev.action}, not created`)
  const parsed = parseComment(ev.comment.body)
  if (parsed.kind === 'none') return ignored(io, 'no /train command in the comment')

  const gh = githubClient({token: i['github-token'] ?? io.env.GITHUB_TOKEN, apiUrl: g.apiUrl, log: io.log})
  const repo = {owner: g.owner, repo: g.repo}
  const react = async (content: 'eyes' | 'rocket' | 'confused') => {
    try {
      await gh.rest.reactions.createForIssueComment({...repo, comment_id: ev.comment.id, content})
    } catch (e: unknown) {
      io.log.warning(`the ${content} reaction could not be added: ${getErrorMessage(e)}`)
    }
  }
  await react('eyes')
  try {
    if (parsed.kind === 'error') throw new Refusal(parsed.message)
    if (!ev.issue.pull_request) throw new Refusal(`#${ev.issue.number} is an issue, not a pull request`)
    const token = i['teams-token']
    if (token) io.setSecret(token)
    const teamsClient = token ? githubClient({token, apiUrl: g.apiUrl, log: io.log}) : gh
    const how = await authorize(gh, g, ev, {roles, bots: i['allow-bots'], teams: i.teams, teamsClient, log: io.log})
    io.log.info(how)
    const pr = await pinHead(gh, g, ev, i['allow-forks'])
    // the outputs a launch may use are set only once every check has passed
    const accepted: Record<string, string | number | boolean> = {}
    if (parsed.kind === 'help') {
      await reply(gh, g, ev, `\`\`\`text\n${USAGE}\n\`\`\``)
    } else if (parsed.kind === 'status') {
      let launches
      try {
        launches = await launchChecks(gh, g, pr.sha, i['check-app'] ?? 'github-actions')
      } catch (e: unknown) {
        const status = (e as {status?: unknown}).status
        const hint = status === 403 || status === 404 ? '; the github-token needs checks: read' : ''
        throw new Refusal(`the launches on ${pr.sha.slice(0, 7)} could not be listed (${getErrorMessage(e)})${hint}`)
      }
      await reply(gh, g, ev, statusReply({sha: pr.sha, launches}))
    } else if (parsed.kind === 'cancel') {
      if (parsed.launchId) accepted['launch-id'] = parsed.launchId
    } else if (parsed.kind === 'train') {
      const {config} = await loadConfig(io.workspace, i.config)
      const name = parsed.args.experiment
      if (!name) throw new Refusal('which experiment? exp=NAME')
      let experiment
      try {
        experiment = experimentOf(config, name)
        typedOverrides(parsed.args, experiment, name)
      } catch (e: unknown) {
        throw new Refusal(getErrorMessage(e))
      }
      Object.assign(accepted, {
        experiment: name,
        overrides: JSON.stringify(parsed.args.overrides),
        sweep: JSON.stringify(parsed.args.sweep),
        'dry-run': parsed.args.dryRun,
        args: renderArgs(parsed.args),
        ...(parsed.args.seeds ? {seeds: parsed.args.seeds.join(',')} : {}),
        ...(parsed.args.runs === undefined ? {} : {runs: parsed.args.runs}),
        ...(parsed.args.backend ? {backend: parsed.args.backend} : {}),
      })
    }
    for (const [k, v] of Object.entries({...accepted, pr: ev.issue.number, sha: pr.sha, 'head-ref': pr.ref})) set(k, v)
    set('command', parsed.kind)
    await react('rocket')
    io.log.info(`accepted: /train ${parsed.kind} from ${ev.comment.user.login} at ${pr.sha}`)
    return {status: 'accepted', command: parsed.kind, sha: pr.sha, pr: ev.issue.number}
  } catch (e: unknown) {
    const why = e instanceof Refusal ? e.message : `the command could not be checked: ${getErrorMessage(e)}`
    set('command', 'refused')
    set('refused', why)
    io.log.warning(`refused: ${why}`)
    await react('confused')
    await reply(gh, g, ev, `Not run: ${escapeMarkdown(why, {max: 2000})}\n\n\`\`\`text\n${USAGE}\n\`\`\``).catch(
      (x: unknown) => io.log.warning(`the reply could not be written: ${getErrorMessage(x)}`),
    )
    return {status: 'refused', why}
  }
}

function ignored(io: ActionIO, why: string): CommandOutcome {
  io.log.info(`ignored: ${why}`)
  return {status: 'ignored', why}
}

async function reply(gh: GitHubClient, g: GithubRun, ev: CommentEvent, body: string): Promise<void> {
  await replyTo(gh, g, {issue: ev.issue.number, login: ev.comment.user.login, id: ev.comment.id}, body)
}

/**
 * The commenter may launch: a listed bot or a person, with one of `roles` on the repository or
 * else an active member of one of `teams`. Says how they may; a Refusal says why not. No
 * answer is never a yes: an error or time-out of a check refuses, unless another team answered
 * that they are an active member.
 */
async function authorize(
  gh: GitHubClient,
  g: GithubRun,
  ev: CommentEvent,
  o: {
    roles: readonly string[]
    bots: readonly string[]
    teams: readonly Team[]
    teamsClient: GitHubClient
    log: ActionIO['log']
  },
): Promise<string> {
  const login = ev.comment.user.login
  const bot = ev.comment.user.type === 'Bot' || login.endsWith('[bot]')
  if (bot && !o.bots.some(b => b.toLowerCase() === login.toLowerCase()))
    throw new Refusal(`${login} is a bot; bots launch only when listed in allow-bots`)
  let role: string | undefined
  if (o.roles.length) {
    try {
      const r = await gh.rest.repos.getCollaboratorPermissionLevel({owner: g.owner, repo: g.repo, username: login})
      role = r.data.role_name || r.data.permission
    } catch (e: unknown) {
      // fail closed: no answer is no permission
      throw new Refusal(`${login}'s permission on ${g.repository} could not be checked (${getErrorMessage(e)})`)
    }
    if (o.roles.includes(role)) return `${login} has ${role} access to ${g.repository}`
    if (!o.teams.length)
      throw new Refusal(`${login} has ${role} access to ${g.repository}; launching needs one of ${o.roles.join(', ')}`)
  }
  const teams = o.teams.map(teamName).join(', ')
  const needs = o.roles.length
    ? `launching needs one of ${o.roles.join(', ')}, or an active membership of ${teams}`
    : `launching needs an active membership of ${teams}`
  const m = await membership(o.teamsClient, login, o.teams, o.log)
  if (m.member) return `${login} is an active member of ${m.member}${role ? ` (with ${role} access)` : ''}`
  if (m.error)
    throw new Refusal(`${login}'s membership of ${m.error.team} could not be checked (${m.error.why}); ${needs}`)
  const who = role ? `${login} has ${role} access to ${g.repository} and is` : `${login} is`
  const pending = m.pending.length ? ` (an invitation to ${m.pending.join(', ')} is still pending)` : ''
  throw new Refusal(`${who} not an active member of ${teams}${pending}; ${needs}`)
}

/**
 * Whether `login` is an active member of one of `teams` (GitHub's team membership: `active`,
 * or `pending` until an invitation is accepted; 404 for no membership). Every team is asked
 * until one says active; one that cannot be asked is the error unless another says yes.
 */
async function membership(
  gh: GitHubClient,
  login: string,
  teams: readonly Team[],
  log: ActionIO['log'],
): Promise<{member?: string; pending: string[]; error?: {team: string; why: string}}> {
  const pending: string[] = []
  let error: {team: string; why: string} | undefined
  for (const t of teams) {
    const name = teamName(t)
    const signal = AbortSignal.timeout(TEAM_TIMEOUT_MS)
    try {
      const r = await gh.rest.teams.getMembershipForUserInOrg({
        org: t.org,
        team_slug: t.slug,
        username: login,
        request: {signal},
      })
      if (r.data.state === 'active') return {member: name, pending}
      pending.push(name)
    } catch (e: unknown) {
      const status = (e as {status?: unknown}).status
      if (status === 404 && !signal.aborted) {
        // not a member; or the team is invisible to this token, which GitHub answers the same way
        log.info(
          `${name}: GitHub answered 404 for ${login}: not a member, or a team the token cannot see (team membership needs a token with read:org in teams-token; GITHUB_TOKEN cannot read it)`,
        )
        continue
      }
      const why = signal.aborted ? `no answer within ${TEAM_TIMEOUT_MS / 1000} s` : getErrorMessage(e)
      const hint =
        status === 401 || status === 403
          ? ': reading team membership needs a token with read:org in teams-token (GITHUB_TOKEN cannot read it)'
          : ''
      error ??= {team: name, why: `${why}${hint}`}
    }
  }
  return {pending, ...(error ? {error} : {})}
}

/**
 * The pull request's head commit as it was when the comment was written: open, of this
 * repository (or a fork, when allowed), and with no push to its head branch after the
 * comment by GitHub's own clock.
 */
async function pinHead(
  gh: GitHubClient,
  g: GithubRun,
  ev: CommentEvent,
  forks: boolean,
): Promise<{sha: string; ref: string}> {
  const pr = await gh.rest.pulls.get({owner: g.owner, repo: g.repo, pull_number: ev.issue.number})
  const head = pr.data.head
  if (pr.data.state !== 'open') throw new Refusal(`pull request #${ev.issue.number} is ${pr.data.state}`)
  const headRepo = head.repo?.full_name
  if (!headRepo) throw new Refusal(`pull request #${ev.issue.number}'s head repository is gone`)
  if (headRepo.toLowerCase() !== g.repository.toLowerCase() && !forks)
    throw new Refusal(`pull request #${ev.issue.number} comes from the fork ${headRepo}; allow-forks is off`)
  const [owner = '', name = ''] = headRepo.split('/')
  const pushes = await gh.rest.repos.listActivities({owner, repo: name, ref: head.ref, per_page: 100})
  const said = Date.parse(ev.comment.created_at)
  const after = pushes.data.filter(
    a => (a.activity_type === 'push' || a.activity_type === 'force_push') && Date.parse(a.timestamp) > said,
  )
  if (after.length)
    throw new Refusal(
      `${head.ref} was pushed to after the comment (${after[0]!.timestamp}, now ${head.sha.slice(0, 7)}): comment again on the new head`,
    )
  const newest = pushes.data.find(a => a.activity_type === 'push' || a.activity_type === 'force_push')
  if (newest && newest.after !== head.sha)
    throw new Refusal(`${head.ref} moved while the command was checked (${newest.after.slice(0, 7)}): comment again`)
  return {sha: head.sha, ref: head.ref}
}
