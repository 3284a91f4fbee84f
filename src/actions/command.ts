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
 *    `permissions` (default write, maintain, admin). `author_association` is never the gate.
 *    Any error or time-out of the check refuses.
 * 4. The code that runs is the pull request's head commit when the comment was written: the
 *    head repository's activity (GitHub's own push times, not git's dates, which anyone sets)
 *    must show no push to the head branch after the comment, and its newest push must be the
 *    head read. Otherwise refused, with why: nobody can swap code in after a writer's command.
 * 5. A `train` command's values are typed against the experiment's parameters in trainer.yml.
 *
 * Feedback: 👀 at once, 🚀 when accepted, 😕 and a reply (with the usage) when refused. The
 * outputs carry the pinned SHA; the example workflow checks out exactly it.
 */
import {z} from 'zod'
import {parseComment, renderArgs, USAGE, type ParsedComment} from '../chatops/command.js'
import {typedOverrides} from '../chatops/params.js'
import {loadConfig} from '../config/load.js'
import {ConfigError, getErrorMessage} from '../kit/errors.js'
import type {GithubRun} from '../kit/github.js'
import {bool, list, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {githubClient, type GitHubClient} from '../kit/octokit.js'
import {experimentOf} from '../plan/plan.js'
import {escapeMarkdown} from '../report/escape.js'

export const CommandInputs = z.object({
  config: optString(),
  'github-token': optString(),
  /** Roles (`role_name`) whose comments may launch (default write, maintain, admin). */
  permissions: list(),
  /** Bot logins whose comments count (default none). */
  'allow-bots': list(),
  /** Count edited comments too (default false: an edit cannot launch). */
  'allow-edited': bool(false),
  /** Count comments on pull requests from forks (still a writer's command; default false). */
  'allow-forks': bool(false),
})

const DEFAULT_ROLES = ['write', 'maintain', 'admin']

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
    await authorize(gh, g, ev, {
      roles: i.permissions.length ? i.permissions : DEFAULT_ROLES,
      bots: i['allow-bots'],
    })
    const pr = await pinHead(gh, g, ev, i['allow-forks'])
    // the outputs a launch may use are set only once every check has passed
    const accepted: Record<string, string | number | boolean> = {}
    if (parsed.kind === 'help') {
      await reply(gh, g, ev, `\`\`\`text\n${USAGE}\n\`\`\``)
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
  const quote = `@${ev.comment.user.login}`.replace(/@/g, '@\u2060') // said, not mentioned
  await gh.rest.issues.createComment({
    owner: g.owner,
    repo: g.repo,
    issue_number: ev.issue.number,
    body: `> ${quote}: /train\n\n${body}`,
  })
}

/** The commenter may launch: a listed bot or a person, with one of `roles` on the repository. */
async function authorize(
  gh: GitHubClient,
  g: GithubRun,
  ev: CommentEvent,
  o: {roles: readonly string[]; bots: readonly string[]},
): Promise<void> {
  const login = ev.comment.user.login
  const bot = ev.comment.user.type === 'Bot' || login.endsWith('[bot]')
  if (bot && !o.bots.some(b => b.toLowerCase() === login.toLowerCase()))
    throw new Refusal(`${login} is a bot; bots launch only when listed in allow-bots`)
  let role: string
  try {
    const r = await gh.rest.repos.getCollaboratorPermissionLevel({owner: g.owner, repo: g.repo, username: login})
    role = r.data.role_name || r.data.permission
  } catch (e: unknown) {
    // fail closed: no answer is no permission
    throw new Refusal(`${login}'s permission on ${g.repository} could not be checked (${getErrorMessage(e)})`)
  }
  if (!o.roles.includes(role))
    throw new Refusal(`${login} has ${role} access to ${g.repository}; launching needs one of ${o.roles.join(', ')}`)
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
