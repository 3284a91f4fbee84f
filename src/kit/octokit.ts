/**
 * The one GitHub client: @octokit/rest with plugin-throttling (primary and secondary rate
 * limits: wait and retry, twice) and plugin-retry (5xx and network errors). The token comes
 * from the `github-token` input (default `${{ github.token }}`) or GITHUB_TOKEN in the CLI;
 * GITHUB_API_URL is honoured (GitHub Enterprise Server, the tests' emulator).
 */
import {retry} from '@octokit/plugin-retry'
import {throttling, type ThrottlingOptions} from '@octokit/plugin-throttling'
import {Octokit} from '@octokit/rest'
import {ConfigError} from './errors.js'
import type {Logger} from './io.js'

export const GitHubClient = Octokit.plugin(throttling, retry)
export type GitHubClient = InstanceType<typeof GitHubClient>

export interface ClientOptions {
  token: string | undefined
  apiUrl: string
  log: Pick<Logger, 'debug' | 'warning'>
  /** Times a rate-limited request is tried again (default 2). */
  rateLimitRetries?: number
  /** plugin-throttling's spacing of writes (GitHub asks for it; tests replace it). */
  throttle?: Partial<Pick<ThrottlingOptions, 'write' | 'notifications'>>
  /** plugin-retry's base wait in ms (default its own). */
  retryBaseMs?: number
}

/** A client for GitHub's REST API; a missing token is a ConfigError naming where it comes from. */
export function githubClient(o: ClientOptions): GitHubClient {
  if (!o.token)
    throw new ConfigError('no GitHub token: the github-token input (default ${{ github.token }}), or GITHUB_TOKEN', {
      key: 'github-token',
    })
  const retries = o.rateLimitRetries ?? 2
  const limited =
    (kind: string) =>
    (after: number, options: {method: string; url: string}, _o: unknown, count: number): boolean => {
      o.log.warning(`GitHub ${kind} rate limit on ${options.method} ${options.url}: waiting ${after} s`)
      return count < retries
    }
  return new GitHubClient({
    auth: o.token,
    baseUrl: o.apiUrl,
    userAgent: 'trainer-action',
    log: {
      debug: m => o.log.debug(m),
      info: m => o.log.debug(m),
      warn: m => o.log.warning(m),
      error: m => o.log.debug(m),
    },
    throttle: {...o.throttle, onRateLimit: limited('primary'), onSecondaryRateLimit: limited('secondary')},
    ...(o.retryBaseMs === undefined ? {} : {retry: {retryAfterBaseValue: o.retryBaseMs}}),
  })
}

/** Counts the requests a client sends from now on (each retry too): what reporting spends of GitHub's budget. */
export function countRequests(gh: GitHubClient): {count: () => number} {
  let n = 0
  gh.hook.before('request', () => {
    n++
  })
  return {count: () => n}
}
