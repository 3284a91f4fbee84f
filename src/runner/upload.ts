import {createReadStream, type ReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {STATUS_CODES, request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'
import {pipeline} from 'node:stream/promises'
import {CancelledError, ConfigError, ServiceError, TrainerError, getErrorMessage} from '../kit/errors.js'
import {parseRetryAfter, retry} from '../kit/retry.js'

export interface PutOptions {
  /** Further attempts after the first (default 4). */
  retries?: number
  /** Backoff base in ms: attempt n waits (n+1)^2 × base with jitter (default 1000). */
  retryAfterBase?: number
  /**
   * Inactivity limit in ms (default 60 000): an attempt fails when the server takes no body
   * data for this long, or, once the body is sent, sends no response for this long. It is
   * not a limit on the whole upload, whose length depends on the file size and bandwidth.
   */
  timeoutMs?: number
  /** Content-Type sent (default application/zip); must match what the URL was signed for. */
  contentType?: string
  /** Aborts the upload (no retry): a CancelledError. */
  signal?: AbortSignal
  log?: (message: string) => void
}

export interface PutResult {
  status: number
  bytes: number
  attempts: number
}

/** Statuses worth another try; every other 4xx fails at once (plugin-retry's doNotRetry). */
const RETRY_STATUS = new Set([408, 425, 429])
/** A server's Retry-After is honoured up to this, so a run never sleeps for hours. */
const MAX_RETRY_AFTER_MS = 60_000
const CHUNK = 1 << 20
/** How long the body waits for `100 Continue` before it goes anyway (curl waits 1 s too). */
const CONTINUE_WAIT_MS = 1000
/** How much of an error response is read for its message. */
const ERROR_BODY_LIMIT = 16 << 10

/**
 * `scheme://host/path?<redacted>`: a pre-signed URL's query string is a credential, and so is
 * userinfo. Use this for every URL that reaches a log line or an error message.
 */
export function redactUrl(url: string): string {
  const u = URL.parse(url)
  if (u === null) return '<invalid URL>'
  return `${u.protocol}//${u.host}${u.pathname}${u.search === '' ? '' : '?<redacted>'}`
}

/**
 * PUTs `file` to `url` (a pre-signed URL), streamed from disk with its Content-Length and
 * `Expect: 100-continue`.
 * Network errors, inactivity time-outs (see {@link PutOptions.timeoutMs}), 408, 425, 429 and
 * 5xx are retried with backoff, honouring Retry-After; each attempt re-opens the file. Other
 * statuses fail at once. Failure is a `ServiceError` whose message names the redacted URL.
 */
export async function putFile(url: string, file: string, opts: PutOptions = {}): Promise<PutResult> {
  const target = URL.parse(url)
  if (target === null || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    throw new ConfigError(`upload URL ${redactUrl(url)} is not an http(s) URL`)
  }
  if (target.username !== '' || target.password !== '') {
    throw new ConfigError(`upload URL ${redactUrl(url)} must not hold a user name or password`)
  }
  const shown = redactUrl(url)
  const scrub = scrubber(target)
  const log = opts.log ?? ((): void => undefined)
  const timeoutMs = opts.timeoutMs ?? 60_000
  const retries = opts.retries ?? 4
  const contentType = opts.contentType ?? 'application/zip'
  const fail = (detail: string, o: {status?: number; retryable: boolean; cause?: unknown}): ServiceError =>
    new ServiceError(shown, 'PUT', detail, o)
  let size = await fileSize(file, shown)

  let attempts = 0
  let retryAfter: number | undefined
  // dropped for good after a 417 (a proxy that refuses `Expect: 100-continue`)
  let expect = true
  const started = performance.now()

  const attempt = async (): Promise<number> => {
    attempts++
    retryAfter = undefined
    const bytes = (size = await fileSize(file, shown))
    const headers = {'content-length': String(bytes), 'content-type': contentType}
    if (opts.signal?.aborted) throw new CancelledError(`PUT ${shown}: stopped`)
    const r = await send(target, file, headers, timeoutMs, expect, opts.signal)
    if ('error' in r) {
      if (opts.signal?.aborted) throw new CancelledError(`PUT ${shown}: stopped`)
      if (r.timedOut) {
        throw fail(`no progress for ${timeoutMs} ms (${r.sent} of ${bytes} bytes sent)`, {retryable: true})
      }
      const detail = scrub(describe(r.error))
      throw fail(`network error: ${detail}`, {
        retryable: true,
        ...(detail === describe(r.error) ? {cause: r.error} : {}),
      })
    }
    const {status} = r
    if (status >= 200 && status < 300) return status
    const retryable = status >= 500 || RETRY_STATUS.has(status) || (status === 417 && expect)
    if (status === 417) expect = false
    const after = parseRetryAfter(r.retryAfter)
    if (after !== undefined) retryAfter = Math.min(after, MAX_RETRY_AFTER_MS)
    const what = status >= 300 && status < 400 ? ' (redirects are not followed)' : serviceMessage(r.body, scrub)
    throw fail(`${status} ${STATUS_CODES[status] ?? ''}${what}`.trim(), {status, retryable})
  }

  try {
    const status = await retry(attempt, {
      retries,
      retryAfterBase: opts.retryAfterBase ?? 1000,
      retryable: e => e instanceof ServiceError && e.retryable,
      retryAfterMs: () => retryAfter,
      onRetry: (e, n, delay) => log(`${getErrorMessage(e)}; retry ${n} of ${retries} in ${delay} ms`),
    })
    const s = (performance.now() - started) / 1000
    log(`PUT ${shown}: ${status}, ${size} bytes in ${s.toFixed(1)} s (${(size / 1e6 / s).toFixed(1)} MB/s)`)
    return {status, bytes: size, attempts}
  } catch (e: unknown) {
    if (!(e instanceof ServiceError) || attempts === 1) throw e
    const detail = e.message.slice(`PUT ${shown}: `.length)
    throw fail(`${detail} (gave up after ${attempts} attempts)`, {
      ...(e.status === undefined ? {} : {status: e.status}),
      retryable: e.retryable,
      cause: e,
    })
  }
}

type Sent =
  {status: number; retryAfter: string | null; body: string} | {error: unknown; timedOut: boolean; sent: number}

/**
 * One PUT of `file` over node:http(s), piped from a read stream so backpressure holds memory
 * flat (undici's fetch keeps a streamed request body in memory: nodejs/undici#4058).
 * - The socket's idle time-out is the inactivity limit: it fires when the server stops
 *   reading or stops answering.
 * - With `expect`, the body waits for `100 Continue` (or {@link CONTINUE_WAIT_MS}, for servers
 *   that ignore it), so a storage service that refuses the request (an expired URL, a bad
 *   signature) answers before gigabytes go out, and its 403 is read instead of an EPIPE.
 * Never rejects: failures come back as `{error}`.
 */
function send(
  target: URL,
  file: string,
  headers: Record<string, string>,
  timeoutMs: number,
  expect: boolean,
  signal?: AbortSignal,
): Promise<Sent> {
  return new Promise(done => {
    let sent = 0
    let timedOut = false
    let settled = false
    let data: ReadStream | undefined
    let wait: NodeJS.Timeout | undefined
    const finish = (r: Sent): void => {
      if (settled) return
      settled = true
      clearTimeout(wait)
      data?.destroy()
      // a request whose body is still going out (an early answer, an error) is cut off; a
      // finished one keeps its socket for the agent
      if (!req.writableFinished || 'error' in r) req.destroy()
      done(r)
    }
    const failed = (error: unknown): void => finish({error, timedOut, sent})
    const start = (): void => {
      if (data !== undefined || settled) return
      clearTimeout(wait)
      data = createReadStream(file, {highWaterMark: CHUNK})
      data.on('data', (c: Buffer | string) => (sent += c.length))
      // a failed pipe surfaces as the request's error (or the response already came)
      pipeline(data, req).catch(failed)
    }
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest
    const req = request(target, {
      method: 'PUT',
      headers: expect ? {...headers, expect: '100-continue'} : headers,
      ...(signal ? {signal} : {}),
    })
    req.setTimeout(timeoutMs, () => {
      timedOut = true
      req.destroy(new Error(`socket idle for ${timeoutMs} ms`))
    })
    req.on('error', failed)
    req.on('response', res => {
      const status = res.statusCode ?? 0
      const limit = status >= 200 && status < 300 ? 0 : ERROR_BODY_LIMIT
      const parts: Buffer[] = []
      let n = 0
      res.on('data', (c: Buffer) => {
        if (n < limit) parts.push(c)
        n += c.length
      })
      res.on('error', failed)
      res.on('end', () => {
        const body = Buffer.concat(parts).toString('utf8').slice(0, limit)
        finish({status, retryAfter: res.headers['retry-after'] ?? null, body})
      })
    })
    if (expect) {
      req.on('continue', start)
      wait = setTimeout(start, Math.min(CONTINUE_WAIT_MS, timeoutMs / 2))
    } else {
      start()
    }
  })
}

async function fileSize(file: string, shown: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (e: unknown) {
    throw new TrainerError(`PUT ${shown}: cannot read ${file}: ${getErrorMessage(e)}`, {cause: e})
  }
}

/**
 * The `<Code>` and `<Message>` of an S3 or GCS XML error, and nothing else: those bodies also
 * carry `StringToSign`/`CanonicalRequest`, which hold parts of the signed query.
 */
function serviceMessage(body: string, scrub: (s: string) => string): string {
  const pick = (tag: string): string | undefined => new RegExp(`<${tag}>([^<]{1,300})</${tag}>`).exec(body)?.[1]?.trim()
  const text = [pick('Code'), pick('Message')].filter(Boolean).join(': ')
  return text === '' ? '' : ` (${scrub(text)})`
}

/** An error and its causes' messages, e.g. `connect ECONNREFUSED 127.0.0.1:9`. */
function describe(e: unknown): string {
  const parts: string[] = []
  for (let c: unknown = e, depth = 0; c !== undefined && c !== null && depth < 4; depth++) {
    parts.push(getErrorMessage(c))
    c = c instanceof Error ? c.cause : undefined
  }
  return parts.join(': ')
}

/** Replaces the URL's query string, and each of its values, wherever they appear in a text. */
function scrubber(u: URL): (s: string) => string {
  const secrets = new Set<string>()
  const add = (s: string): void => {
    if (s.length >= 8) secrets.add(s)
  }
  add(u.search.slice(1))
  for (const [, v] of u.searchParams) {
    add(v)
    add(encodeURIComponent(v))
  }
  for (const raw of u.search.slice(1).split('&')) add(raw.slice(raw.indexOf('=') + 1))
  const list = [...secrets].sort((a, b) => b.length - a.length)
  return s => list.reduce((t, secret) => t.split(secret).join('<redacted>'), s)
}
