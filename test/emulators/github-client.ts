import {retry} from '@octokit/plugin-retry'
import {throttling, type ThrottlingOptions} from '@octokit/plugin-throttling'
import {Octokit} from '@octokit/rest'
import {githubClient, type GitHubClient} from '../../src/kit/octokit.js'

/**
 * A real Octokit (`@octokit/rest` + throttling + retry, as the action uses) for tests against
 * the emulator, made fast:
 * - plugin-throttling spaces every write 1 s apart and every issue/comment creation 3 s apart,
 *   per process (its Bottleneck groups `write` and `notifications`). Here both are replaced by
 *   groups that run at once ({@link unspacedWrites}); the rate-limit handlers stay real.
 * - plugin-retry waits (n+1)² s between retries of a 5xx; here (n+1)² × 10 ms.
 * A code path under test that builds its own client should accept the same overrides.
 */

/** Stands in for a Bottleneck.Group: plugin-throttling calls `key(id).schedule(options, fn, ...args)`. */
const immediate = {
  key: () => ({
    schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(fn(...args)),
  }),
}

/** plugin-throttling options that drop its write spacing (tests only: GitHub asks for it). */
export const unspacedWrites = {write: immediate, notifications: immediate} as unknown as Pick<
  ThrottlingOptions,
  'write' | 'notifications'
>

export const TestOctokit = Octokit.plugin(throttling, retry)
export type TestOctokit = InstanceType<typeof TestOctokit>

export interface LimitEvent {
  kind: 'primary' | 'secondary'
  retryAfter: number
  retryCount: number
  route: string
}

/** An Octokit for the emulator at `baseUrl`; `limits` records each rate-limit callback (retried up to twice). */
export function testOctokit(baseUrl: string, auth: string | undefined, limits: LimitEvent[] = []): TestOctokit {
  const handler =
    (kind: LimitEvent['kind']) =>
    (retryAfter: number, options: {method: string; url: string}, _octokit: unknown, retryCount: number): boolean => {
      limits.push({kind, retryAfter, retryCount, route: `${options.method} ${options.url}`})
      return retryCount < 2
    }
  const silent = {debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined}
  return new TestOctokit({
    baseUrl,
    ...(auth === undefined ? {} : {auth}),
    log: silent,
    throttle: {...unspacedWrites, onRateLimit: handler('primary'), onSecondaryRateLimit: handler('secondary')},
    retry: {retryAfterBaseValue: 10},
  })
}

/** The action's own client (src/kit/octokit.ts) for the emulator: silent, and without the write spacing. */
export function quietClient(gh: {url: string; token: string}): GitHubClient {
  return githubClient({
    token: gh.token,
    apiUrl: gh.url,
    log: {debug: () => undefined, warning: () => undefined},
    throttle: unspacedWrites,
  })
}
