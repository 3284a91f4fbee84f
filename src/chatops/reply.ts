/**
 * Replies to a `/train` comment: a new comment on the same pull request that quotes who said it
 * (without mentioning them: `@` and a word joiner) and the command word. Shared by
 * actions/command (refusals, help, status) and the launch action (the launch's check run).
 */
import type {GithubRun} from '../kit/github.js'
import type {GitHubClient} from '../kit/octokit.js'

/** The comment of an `issue_comment` event on a pull request, as the payload gives it. */
export interface CommandComment {
  /** The pull request's number. */
  issue: number
  login: string
  id: number
}

/** The `/train` comment an `issue_comment` event on a pull request carries, if it is one. */
export function commandComment(g: Pick<GithubRun, 'eventName' | 'event'> | undefined): CommandComment | undefined {
  if (g?.eventName !== 'issue_comment') return undefined
  const e = g.event as {
    issue?: {number?: unknown; pull_request?: unknown}
    comment?: {id?: unknown; user?: {login?: unknown}}
  }
  const issue = e.issue?.number
  const id = e.comment?.id
  const login = e.comment?.user?.login
  if (typeof issue !== 'number' || !e.issue?.pull_request || typeof id !== 'number' || typeof login !== 'string')
    return undefined
  return {issue, login, id}
}

export async function replyTo(gh: GitHubClient, g: GithubRun, c: CommandComment, body: string): Promise<void> {
  const quote = `@${c.login}`.replace(/@/g, '@\u2060') // said, not mentioned
  await gh.rest.issues.createComment({
    owner: g.owner,
    repo: g.repo,
    issue_number: c.issue,
    body: `> ${quote}: /train\n\n${body}`,
  })
}
