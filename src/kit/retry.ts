import {ServiceError} from './errors.js'

/**
 * HTTP statuses worth another try, for every service this project talks to: time-outs,
 * rate limits and the transient server errors (not 501 Not Implemented or 505).
 */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504])

/** Options of {@link retry}, in the shape of @octokit/plugin-retry. */
export interface RetryOptions {
  /** Further attempts after the first. */
  retries: number
  /** Base delay in ms; attempt n waits (n+1)^2 × base, with ±25% jitter. */
  retryAfterBase: number
  /** Whether an error may be retried (default: a ServiceError marked retryable). */
  retryable?: (e: unknown) => boolean
  /** A server's Retry-After in ms, when it sent one (default: a ServiceError's `retryAfterMs`). */
  retryAfterMs?: (e: unknown) => number | undefined
  /** The longest Retry-After honoured, so a run never sleeps for hours (default 60 s). */
  maxRetryAfterMs?: number
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** Runs `fn`, retrying only the errors `retryable` names, with quadratic backoff and jitter. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const sleep = o.sleep ?? defaultSleep
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (e: unknown) {
      if (attempt >= o.retries || !(o.retryable ?? serviceRetryable)(e)) throw e
      const jitter = 0.75 + Math.random() * 0.5
      const asked = (o.retryAfterMs ?? serviceRetryAfter)(e)
      const delay =
        asked === undefined
          ? Math.round((attempt + 1) ** 2 * o.retryAfterBase * jitter)
          : Math.min(asked, o.maxRetryAfterMs ?? 60_000)
      o.onRetry?.(e, attempt + 1, delay)
      await sleep(delay)
    }
  }
}

const serviceRetryable = (e: unknown): boolean => e instanceof ServiceError && e.retryable
const serviceRetryAfter = (e: unknown): number | undefined => (e instanceof ServiceError ? e.retryAfterMs : undefined)

/** Parses a Retry-After header (seconds or an HTTP date) into ms. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const s = Number(value)
  if (Number.isFinite(s)) return Math.max(0, s * 1000)
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : Math.max(0, t - now)
}
