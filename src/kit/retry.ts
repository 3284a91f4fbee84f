/** Options of {@link retry}, in the shape of @octokit/plugin-retry. */
export interface RetryOptions {
  /** Further attempts after the first. */
  retries: number
  /** Base delay in ms; attempt n waits (n+1)^2 × base, with ±25% jitter. */
  retryAfterBase: number
  /** Whether an error may be retried (the per-service do-not-retry list lives here). */
  retryable: (e: unknown) => boolean
  /** A server's Retry-After in ms, when it sent one. */
  retryAfterMs?: (e: unknown) => number | undefined
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
      if (attempt >= o.retries || !o.retryable(e)) throw e
      const jitter = 0.75 + Math.random() * 0.5
      const delay = o.retryAfterMs?.(e) ?? Math.round((attempt + 1) ** 2 * o.retryAfterBase * jitter)
      o.onRetry?.(e, attempt + 1, delay)
      await sleep(delay)
    }
  }
}

/** Parses a Retry-After header (seconds or an HTTP date) into ms. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const s = Number(value)
  if (Number.isFinite(s)) return Math.max(0, s * 1000)
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : Math.max(0, t - now)
}
