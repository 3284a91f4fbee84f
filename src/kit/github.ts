/**
 * Where a step runs on GitHub, read from the runner's environment and the event payload when
 * asked (never at import): the repository, the event, the pull request and its **head** SHA
 * (for `pull_request` events `pull_request.head.sha`, not GITHUB_SHA, which is the temporary
 * merge commit), the workflow run, and the server and API URLs (GitHub Enterprise Server, or
 * the emulator in the tests).
 */
import {readFileSync} from 'node:fs'

export interface GithubRun {
  /** `owner/name` */
  repository: string
  owner: string
  repo: string
  eventName: string
  /** The commit the run is about: a pull request's head, else GITHUB_SHA. */
  headSha: string
  /** The pull request of a `pull_request*` event, or of an `issue_comment` on a PR. */
  pullRequest?: number | undefined
  runId?: string | undefined
  serverUrl: string
  apiUrl: string
  /** The event payload, parsed (undefined when it cannot be read). */
  event?: Record<string, unknown> | undefined
}

type Env = Readonly<Record<string, string | undefined>>

function readEvent(env: Env): Record<string, unknown> | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    const e: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
    return e !== null && typeof e === 'object' && !Array.isArray(e) ? (e as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

const SHA = /^[0-9a-f]{40,64}$/

/** The run's GitHub context, or undefined outside GitHub Actions (no repository or SHA). */
export function githubRun(env: Env): GithubRun | undefined {
  const repository = env.GITHUB_REPOSITORY
  if (env.GITHUB_ACTIONS !== 'true' || !repository || !repository.includes('/')) return undefined
  const event = readEvent(env)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const pr = event?.pull_request as {number?: unknown; head?: {sha?: unknown}} | undefined
  const issue = event?.issue as {number?: unknown; pull_request?: unknown} | undefined
  const prHead = eventName.startsWith('pull_request') ? pr?.head?.sha : undefined
  const headSha = typeof prHead === 'string' && SHA.test(prHead) ? prHead : env.GITHUB_SHA
  if (!headSha) return undefined
  const number = pr?.number ?? (issue?.pull_request ? issue.number : undefined)
  const [owner = '', repo = ''] = repository.split('/')
  return {
    repository,
    owner,
    repo,
    eventName,
    headSha,
    pullRequest: typeof number === 'number' ? number : undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    event,
  }
}

/** The address of the workflow run, where it has one. */
export function runUrl(g: Pick<GithubRun, 'serverUrl' | 'repository' | 'runId'>): string | undefined {
  return g.runId ? `${g.serverUrl}/${g.repository}/actions/runs/${g.runId}` : undefined
}
