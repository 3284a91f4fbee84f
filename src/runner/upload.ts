import {constants, type ReadStream} from 'node:fs'
import {open, type FileHandle} from 'node:fs/promises'
import {STATUS_CODES, request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'
import {pipeline} from 'node:stream/promises'
import {CancelledError, ConfigError, ServiceError, TrainerError, getErrorMessage} from '../kit/errors.js'
import {parseRetryAfter, retry, RETRYABLE_STATUS} from '../kit/retry.js'
import {urlRedactor} from './redact.js'

export interface PutOptions {
  /** Further attempts after the first (default 4). */
  retries?: number
  /** Backoff base in ms: attempt n waits (n+1)^2 × base with jitter (default 1000). */
  retryAfterBase?: number
  /**
   * Inactivity limit in ms (default 60 000): an attempt fails when the server takes no body
   * data for this long, or, once the body is sent, sends no response for this long. A server
   * that trickles resets it: {@link PutOptions.attemptDeadlineMs} bounds that.
   */
  timeoutMs?: number
  /**
   * Longest one attempt may take in ms, from its request to its status (and error body),
   * whatever trickles in (default {@link attemptDeadlineFor} the file's size).
   */
  attemptDeadlineMs?: number
  /** Longest the whole upload may take in ms, retries and their waits included (default: 3 attempt deadlines). */
  deadlineMs?: number
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

/** A server's Retry-After is honoured up to this, so a run never sleeps for hours. */
const MAX_RETRY_AFTER_MS = 60_000
const CHUNK = 1 << 20
/** How long the body waits for `100 Continue` before it goes anyway (curl waits 1 s too). */
const CONTINUE_WAIT_MS = 1000
/** How much of an error response is read for its message; a 2xx body is not read at all. */
const ERROR_BODY_LIMIT = 16 << 10

/** The default attempt deadline for a file of `bytes`: 5 minutes, plus the file at 1 MiB/s. */
export function attemptDeadlineFor(bytes: number): number {
  return 5 * 60_000 + Math.ceil(bytes / 2 ** 20) * 1000
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(3)} s`

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
 * `Expect: 100-continue`. The file is opened without following a symlink.
 * Network errors, inactivity time-outs (see {@link PutOptions.timeoutMs}), attempt deadlines,
 * 408, 425, 429 and 5xx are retried with backoff, honouring Retry-After; each attempt re-opens
 * the file. Other statuses fail at once, and so does everything once the upload's deadline has
 * passed. Failure is a `ServiceError` whose message names the redacted URL and holds no piece
 * of its signature.
 */
/** The upload URL, checked: http(s), no user info. A ConfigError (exit 2) otherwise, before any work. */
export function uploadTarget(url: string): URL {
  const target = URL.parse(url)
  if (target === null || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    throw new ConfigError(`upload URL ${redactUrl(url)} is not an http(s) URL`, {key: 'RESULT_URL'})
  }
  if (target.username !== '' || target.password !== '') {
    throw new ConfigError(`upload URL ${redactUrl(url)} must not hold a user name or password`, {key: 'RESULT_URL'})
  }
  return target
}

export async function putFile(url: string, file: string, opts: PutOptions = {}): Promise<PutResult> {
  const target = uploadTarget(url)
  const shown = redactUrl(url)
  const redactor = urlRedactor(url)
  const scrub = (s: string): string => redactor.redact(s)
  const log = opts.log ?? ((): void => undefined)
  const timeoutMs = opts.timeoutMs ?? 60_000
  const retries = opts.retries ?? 4
  const contentType = opts.contentType ?? 'application/zip'
  const fail = (
    detail: string,
    o: {status?: number; retryable: boolean; retryAfterMs?: number | undefined; cause?: unknown},
  ): ServiceError => new ServiceError(shown, 'PUT', detail, o)
  let size = await withFile(file, shown, (_, bytes) => Promise.resolve(bytes))
  const attemptMs = opts.attemptDeadlineMs ?? attemptDeadlineFor(size)
  const deadlineMs = opts.deadlineMs ?? 3 * attemptMs
  const deadline = AbortSignal.timeout(deadlineMs)
  const stop = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline
  const stopped = (): TrainerError | undefined =>
    opts.signal?.aborted
      ? new CancelledError(`PUT ${shown}: stopped`)
      : deadline.aborted
        ? fail(`upload deadline of ${seconds(deadlineMs)} passed`, {retryable: false})
        : undefined

  let attempts = 0
  // dropped for good after a 417 (a proxy that refuses `Expect: 100-continue`)
  let expect = true
  const started = performance.now()

  const attempt = (): Promise<number> =>
    withFile(file, shown, async (handle, bytes) => {
      const before = stopped()
      if (before) throw before
      attempts++
      size = bytes
      const headers = {'content-length': String(bytes), 'content-type': contentType}
      const r = await send(target, handle, bytes, headers, {idleMs: timeoutMs, deadlineMs: attemptMs, expect}, stop)
      if ('error' in r) {
        const during = stopped()
        if (during) throw during
        if (r.timedOut === 'idle') {
          throw fail(`no progress for ${timeoutMs} ms (${r.sent} of ${bytes} bytes sent)`, {retryable: true})
        }
        if (r.timedOut === 'deadline') {
          throw fail(`attempt deadline of ${seconds(attemptMs)} passed (${r.sent} of ${bytes} bytes sent)`, {
            retryable: true,
          })
        }
        const detail = scrub(describe(r.error))
        throw fail(`network error: ${detail}`, {
          retryable: true,
          ...(detail === describe(r.error) ? {cause: r.error} : {}),
        })
      }
      const {status} = r
      if (status >= 200 && status < 300) return status
      // a 417 is a proxy that refuses `Expect: 100-continue`: once more without it
      const retryable = RETRYABLE_STATUS.has(status) || (status === 417 && expect)
      if (status === 417) expect = false
      const what = status >= 300 && status < 400 ? ' (redirects are not followed)' : serviceMessage(r.body, scrub)
      throw fail(`${status} ${STATUS_CODES[status] ?? ''}${what}`.trim(), {
        status,
        retryable,
        retryAfterMs: parseRetryAfter(r.retryAfter),
      })
    })

  try {
    const status = await retry(attempt, {
      retries,
      retryAfterBase: opts.retryAfterBase ?? 1000,
      // past the deadline nothing is retried: the next attempt would fail at once
      retryable: e => e instanceof ServiceError && e.retryable && !stop.aborted,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      onRetry: (e, n, delay) => log(`${getErrorMessage(e)}; retry ${n} of ${retries} in ${delay} ms`),
      sleep: ms => pause(ms, stop),
    })
    const s = (performance.now() - started) / 1000
    log(`PUT ${shown}: ${status}, ${size} bytes in ${s.toFixed(1)} s (${(size / 1e6 / s).toFixed(1)} MB/s)`)
    return {status, bytes: size, attempts}
  } catch (e: unknown) {
    const end = e instanceof ServiceError && e.retryable && stop.aborted ? stopped() : undefined
    const last = end ?? e
    if (!(last instanceof ServiceError) || attempts === 1) throw last
    const detail = last.message.slice(`PUT ${shown}: `.length)
    throw fail(`${detail} (gave up after ${attempts} attempts)`, {
      ...(last.status === undefined ? {} : {status: last.status}),
      retryable: last.retryable,
      cause: e,
    })
  }
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(res => {
    const done = (): void => {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      res()
    }
    const t = setTimeout(done, ms)
    signal.addEventListener('abort', done)
    if (signal.aborted) done()
  })
}

/**
 * Opens `file` for one use, without following a symlink planted at its name, and passes the
 * handle with the file's size; closes it after.
 */
async function withFile<T>(
  file: string,
  shown: string,
  use: (handle: FileHandle, bytes: number) => Promise<T>,
): Promise<T> {
  let handle: FileHandle
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (e: unknown) {
    throw new TrainerError(`PUT ${shown}: cannot read ${file}: ${getErrorMessage(e)}`, {cause: e})
  }
  try {
    const st = await handle.stat()
    if (!st.isFile()) throw new TrainerError(`PUT ${shown}: ${file} is not a regular file`)
    return await use(handle, st.size)
  } finally {
    await handle.close()
  }
}

type Sent =
  | {status: number; retryAfter: string | null; body: string}
  | {error: unknown; timedOut: 'idle' | 'deadline' | undefined; sent: number}

interface Limits {
  /** The socket's inactivity limit. */
  idleMs: number
  /** The whole attempt's limit, up to its status (and error body). */
  deadlineMs: number
  /** Send `Expect: 100-continue`. */
  expect: boolean
}

/**
 * One PUT of the first `bytes` of an open file over node:http(s), piped from a read stream so
 * backpressure holds memory flat (undici's fetch keeps a streamed request body in memory:
 * nodejs/undici#4058).
 * - The socket's idle time-out is the inactivity limit: it fires when the server stops
 *   reading or stops answering. The attempt deadline bounds the rest, a server that trickles.
 * - With `expect`, the body waits for `100 Continue` (or {@link CONTINUE_WAIT_MS}, for servers
 *   that ignore it), so a storage service that refuses the request (an expired URL, a bad
 *   signature) answers before gigabytes go out, and its 403 is read instead of an EPIPE.
 * - The answer is its status: a 2xx body is not read, an error body only its first
 *   {@link ERROR_BODY_LIMIT} bytes; then the response is destroyed.
 * Never rejects: failures come back as `{error}`.
 */
function send(
  target: URL,
  handle: FileHandle,
  bytes: number,
  headers: Record<string, string>,
  limits: Limits,
  signal: AbortSignal,
): Promise<Sent> {
  return new Promise(done => {
    let sent = 0
    let timedOut: 'idle' | 'deadline' | undefined
    let settled = false
    let begun = false
    let data: ReadStream | undefined
    let wait: NodeJS.Timeout | undefined
    const finish = (r: Sent): void => {
      if (settled) return
      settled = true
      clearTimeout(wait)
      clearTimeout(deadline)
      data?.destroy()
      // a request whose body is still going out (an early answer, an error) is cut off; a
      // finished one keeps its socket for the agent
      if (!req.writableFinished || 'error' in r) req.destroy()
      done(r)
    }
    const failed = (error: unknown): void => finish({error, timedOut, sent})
    const start = (): void => {
      if (begun || settled) return
      begun = true
      clearTimeout(wait)
      if (bytes === 0) return void req.end()
      // the handle is closed by the caller, after the attempt
      data = handle.createReadStream({highWaterMark: CHUNK, start: 0, end: bytes - 1, autoClose: false})
      data.on('data', (c: Buffer | string) => (sent += c.length))
      // a failed pipe surfaces as the request's error (or the response already came)
      pipeline(data, req).catch(failed)
    }
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest
    const req = request(target, {
      method: 'PUT',
      headers: limits.expect ? {...headers, expect: '100-continue'} : headers,
      signal,
    })
    const deadline = setTimeout(() => {
      timedOut = 'deadline'
      req.destroy(new Error(`attempt over ${limits.deadlineMs} ms`))
    }, limits.deadlineMs)
    req.setTimeout(limits.idleMs, () => {
      timedOut = 'idle'
      req.destroy(new Error(`socket idle for ${limits.idleMs} ms`))
    })
    req.on('error', failed)
    req.on('response', res => {
      const status = res.statusCode ?? 0
      const answer = (body: string): void => {
        finish({status, retryAfter: res.headers['retry-after'] ?? null, body})
        res.destroy()
      }
      if (status >= 200 && status < 300) return answer('')
      const parts: Buffer[] = []
      let n = 0
      res.on('data', (c: Buffer) => {
        parts.push(c)
        n += c.length
        if (n >= ERROR_BODY_LIMIT) answer(Buffer.concat(parts).toString('utf8', 0, ERROR_BODY_LIMIT))
      })
      res.on('error', failed)
      res.on('end', () => answer(Buffer.concat(parts).toString('utf8')))
    })
    if (limits.expect) {
      req.on('continue', start)
      wait = setTimeout(start, Math.min(CONTINUE_WAIT_MS, limits.idleMs / 2))
    } else {
      start()
    }
  })
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
