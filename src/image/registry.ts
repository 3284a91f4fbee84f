import {AuthError, ServiceError, getErrorMessage} from '../kit/errors.js'
import type {Logger} from '../kit/io.js'
import {parseRetryAfter, retry, RETRYABLE_STATUS} from '../kit/retry.js'
import type {Credentials} from './credentials.js'
import {apiHost, isLoopback, type ImageRef} from './ref.js'

/** Every manifest media type a registry may hold for a tag (index, list, single manifests). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ')

export interface RegistryRequest {
  method: string
  url: string
  status: number | 'error'
}

export type ManifestState = {exists: true; digest: string | undefined} | {exists: false}

/** The engine's challenge before a push, once its realms are checked. */
export type PushChallenge = {scheme: 'bearer'; challenge: Challenge} | {scheme: 'basic'} | {scheme: 'none'}

/**
 * What a push hands the engine: a bearer token obtained through a checked realm, the
 * registry credentials (Basic registries), or nothing (no challenge at the engine's ping).
 */
export type PushAuth = {kind: 'token'; token: string} | {kind: 'credentials'} | {kind: 'none'}

export interface RegistryOptions {
  credentials?: Credentials | undefined
  timeoutMs?: number
  retries?: number
  retryAfterBase?: number
  /** Use http:// (loopback registries always do, like Docker). */
  insecure?: boolean
  log?: Pick<Logger, 'debug' | 'warning'>
  /** Called with every token obtained, so it can be masked before anything logs it. */
  secret?: (value: string) => void
  /** Token endpoints known in advance, by registry host (default {@link KNOWN_REALMS}). */
  realms?: Record<string, {realm: string; service: string}>
  /**
   * Hosts (`host` or `host:port`) besides the registry itself and {@link REALM_HOSTS} that may
   * receive its credentials as a token realm (trainer.yml `image.auth-realms`).
   */
  authRealms?: readonly string[] | undefined
}

/**
 * Registries whose token endpoint is fixed: asking it first saves the HEAD that would
 * only fetch the challenge, so the check is one token request plus one HEAD. Should the
 * guess be refused, the challenge flow runs as for any other registry.
 */
export const KNOWN_REALMS: Record<string, {realm: string; service: string}> = {
  'ghcr.io': {realm: 'https://ghcr.io/token', service: 'ghcr.io'},
  'docker.io': {realm: 'https://auth.docker.io/token', service: 'registry.docker.io'},
}

/**
 * Token services that live on another host than their registry. Every other registry
 * (ghcr.io, quay.io, gcr.io, *-docker.pkg.dev, ECR, ACR, nvcr.io, ...) serves its token
 * realm on its own host, which is always allowed. Exact host names: no suffix matching.
 */
export const REALM_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'docker.io': ['auth.docker.io'],
  'registry.gitlab.com': ['gitlab.com'],
}

/** The largest token response read (a token is a few kilobytes); larger bodies are refused. */
export const MAX_TOKEN_BYTES = 1024 * 1024

const ALLOW_HINT = (host: string): string =>
  `If ${host} is this registry's token service, allow it with \`image.auth-realms: [${host}]\` in trainer.yml, ` +
  `the auth-realms input of the build action, or --auth-realms ${host} on the command line.`

/** `host[:port]` as the URL parser writes it: lower case, default port dropped, IPv6 in brackets. */
function hostOf(u: URL): string {
  return u.host.toLowerCase()
}

function isLoopbackUrl(u: URL): boolean {
  return isLoopback(u.hostname)
}

/**
 * Checks a token realm before any credential goes to it: it must be an https URL (http
 * only on loopback) without user info, on the registry's own host or on a host known
 * ({@link REALM_HOSTS}) or configured for it. Host names are compared exactly, after the
 * WHATWG URL parser (the one fetch uses) has normalised them. Returns the URL to use.
 */
export function checkRealm(realm: string, registry: string, configured: readonly string[] = []): URL {
  let u: URL
  try {
    u = new URL(realm)
  } catch {
    throw new AuthError(`registry ${registry} named the token realm '${realm}', which is not an absolute URL`)
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new AuthError(`registry ${registry} named the token realm ${realm}: only https is used for credentials`)
  if (u.username || u.password)
    throw new AuthError(`registry ${registry} named a token realm with user info (${u.host}): refused`)
  const host = hostOf(u)
  if (u.protocol === 'http:' && !isLoopbackUrl(u)) {
    throw new AuthError(
      `registry ${registry} named the token realm http://${host}${u.pathname}: credentials never go over plain HTTP (only to loopback)`,
    )
  }
  const scheme = isLoopback(registry) ? 'http' : 'https'
  const own = hostOf(new URL(`${scheme}://${apiHost(registry)}`))
  const allowed = new Set([own, ...(REALM_HOSTS[registry] ?? []), ...configured.map(h => h.toLowerCase())])
  if (!allowed.has(host)) {
    throw new AuthError(
      `registry ${registry} named the token realm ${u.protocol}//${host}${u.pathname}: its credentials go only to ${[...allowed].join(', ')}, not to ${host}`,
      {hint: ALLOW_HINT(host)},
    )
  }
  return u
}

/** Reads a response body up to `limit` bytes; a longer one is cancelled and refused. */
export async function readCapped(res: Response, limit: number, service: string, op: string): Promise<string> {
  const tooLarge = (): ServiceError =>
    new ServiceError(service, op, `the response is larger than ${limit / (1024 * 1024)} MiB: refused`, {
      status: res.status,
    })
  const declared = Number(res.headers.get('content-length') ?? '')
  if (declared > limit) {
    await res.body?.cancel().catch(() => undefined)
    throw tooLarge()
  }
  if (!res.body) return ''
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let n = 0
  for (;;) {
    const {done, value} = await reader.read()
    if (done) break
    n += value.byteLength
    if (n > limit) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 5

export interface Challenge {
  scheme: 'bearer' | 'basic'
  params: Record<string, string>
}

/** Parses a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header)
  if (!m) return undefined
  const scheme = m[1]!.toLowerCase()
  if (scheme !== 'bearer' && scheme !== 'basic') return undefined
  const params: Record<string, string> = {}
  for (const p of (m[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '')
  }
  return {scheme, params}
}

/**
 * Every challenge in a WWW-Authenticate value. fetch joins repeated headers with ", ", while
 * Docker's engine reads each header as a challenge of its own: `Basic realm="r"` and
 * `Bearer realm="…"` sent as two headers arrive here as one string and must both be seen.
 * Challenges of other schemes (and token68 forms) are skipped.
 */
export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return []
  const out: Challenge[] = []
  let current: Challenge | undefined
  for (const raw of header.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? []) {
    const item = raw.trim()
    const m = /^([\w!#$%&'*+.^`|~-]+)(\s*=\s*)?(.*)$/s.exec(item)
    if (!m) continue
    let param = item
    if (m[2] === undefined) {
      // a scheme, alone or followed by its first parameter
      const scheme = m[1]!.toLowerCase()
      current = scheme === 'bearer' || scheme === 'basic' ? {scheme, params: {}} : undefined
      if (current) out.push(current)
      param = m[3]!.trim()
    }
    const p = /^(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*$/s.exec(param)
    if (current && p)
      current.params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '')
  }
  return out
}

/**
 * A minimal OCI distribution client: answers "does this tag exist?" with one HEAD
 * request (plus one token request when the registry uses bearer tokens), with
 * basic auth, the bearer-token challenge flow, and retries of transient failures.
 * It fails closed: only 200 means present and only 404 means missing.
 *
 * Credentials go only to the registry's own host and to token realms allowed for it
 * ({@link checkRealm}); never over plain HTTP off loopback; never through a redirect
 * to another origin (redirects are followed by hand, without Authorization).
 */
export class RegistryClient {
  readonly requests: RegistryRequest[] = []
  private readonly tokens = new Map<string, string>()
  constructor(private readonly o: RegistryOptions = {}) {}

  private base(registry: string): string {
    return `${this.o.insecure || isLoopback(registry) ? 'http' : 'https'}://${apiHost(registry)}`
  }

  private basic(): string | undefined {
    const c = this.o.credentials
    if (c?.username === undefined || c.password === undefined) return undefined
    return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`
  }

  /** One request, no redirect followed; credentials (a header or a body) only over https or to loopback. */
  private async send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Response> {
    const label = url.replace(/\?.*$/, '')
    const u = new URL(url)
    if ((headers.authorization !== undefined || body !== undefined) && u.protocol !== 'https:' && !isLoopbackUrl(u)) {
      throw new AuthError(`${method} ${label}: credentials are never sent over plain HTTP (only to loopback)`, {
        hint: 'Serve the registry over https.',
      })
    }
    try {
      const res = await fetch(url, {
        method,
        headers,
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
        redirect: 'manual',
        ...(body === undefined ? {} : {body}),
      })
      this.requests.push({method, url: label, status: res.status})
      return res
    } catch (e: unknown) {
      this.requests.push({method, url: label, status: 'error'})
      const timedOut = e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError')
      const cause = (e as {cause?: {code?: string; message?: string}}).cause
      const why = timedOut
        ? `timed out after ${(this.o.timeoutMs ?? 30_000) / 1000}s`
        : (cause?.code ?? cause?.message ?? getErrorMessage(e))
      throw new ServiceError(label.replace(/^https?:\/\//, ''), method, why, {retryable: true, cause: e})
    }
  }

  /**
   * A GET or HEAD that follows redirects by hand: Authorization only while the origin
   * stays the same, never to http off loopback. Returns the last response and its URL.
   */
  private async follow(
    method: 'GET' | 'HEAD',
    url: string,
    headers: Record<string, string>,
  ): Promise<{res: Response; url: URL}> {
    const origin = new URL(url).origin
    let current = new URL(url)
    let h = headers
    for (let hop = 0; ; hop++) {
      const res = await this.send(method, current.toString(), h)
      const location = res.headers.get('location')
      if (!REDIRECTS.has(res.status) || location === null) return {res, url: current}
      await res.body?.cancel().catch(() => undefined)
      const label = `${current.host}${current.pathname}`
      if (hop >= MAX_REDIRECTS) throw new ServiceError(label, method, `more than ${MAX_REDIRECTS} redirects`)
      let next: URL
      try {
        next = new URL(location, current)
      } catch {
        throw new ServiceError(label, method, `${res.status} redirect to an invalid location`)
      }
      const plainOk = next.protocol === 'http:' && (current.protocol === 'http:' || isLoopbackUrl(next))
      if (next.protocol !== 'https:' && !plainOk)
        throw new ServiceError(label, method, `${res.status} redirect to ${next.protocol}//${next.host}: not followed`)
      if (next.origin !== origin && h.authorization !== undefined) {
        h = {...h}
        delete h.authorization
      }
      current = next
    }
  }

  private refused(realm: string, status: number): AuthError {
    const c = this.o.credentials
    return new AuthError(
      `token request to ${realm} refused (${status}): ${c ? 'the registry credentials were rejected' : 'no registry credentials were found'}`,
      {hint: 'Log in with docker/login-action, or pass the username and password inputs.'},
    )
  }

  private async token(ch: Challenge, scope: string, registry: string): Promise<string> {
    const realm = ch.params.realm
    if (!realm) throw new AuthError('registry sent a Bearer challenge without a realm')
    const u = checkRealm(realm, registry, this.o.authRealms)
    const label = `${u.host}${u.pathname}`
    const service = ch.params.service ?? ''
    const c = this.o.credentials
    let res: Response
    let op: string
    if (c?.identityToken) {
      op = 'POST'
      const body = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.identityToken,
        service,
        scope,
        client_id: 'trainer-action',
      })
      res = await this.send(
        'POST',
        u.toString(),
        {'content-type': 'application/x-www-form-urlencoded'},
        body.toString(),
      )
    } else {
      op = 'GET'
      if (service) u.searchParams.set('service', service)
      u.searchParams.set('scope', scope)
      const auth = this.basic()
      res = await this.send('GET', u.toString(), auth ? {authorization: auth} : {})
    }
    if (REDIRECTS.has(res.status)) {
      await res.body?.cancel().catch(() => undefined)
      const to = res.headers.get('location') ?? ''
      throw new AuthError(
        `token request to ${label} answered ${res.status} redirect${to ? ` to ${to.replace(/\?.*$/, '')}` : ''}: not followed with the credentials`,
        {hint: `Allow the token service's final address instead (image.auth-realms in trainer.yml).`},
      )
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined)
      throw this.refused(label, res.status)
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined)
      throw new ServiceError(label, op, `${res.status} ${res.statusText}`, {
        status: res.status,
        retryable: RETRYABLE_STATUS.has(res.status),
      })
    }
    const text = await readCapped(res, MAX_TOKEN_BYTES, label, op)
    let j: {token?: unknown; access_token?: unknown}
    try {
      j = JSON.parse(text) as typeof j
    } catch {
      throw new ServiceError(label, op, `${res.status}: the token response is not JSON`, {status: res.status})
    }
    const t = j.token ?? j.access_token
    if (typeof t !== 'string' || !t) throw new ServiceError(label, op, 'token response has no token')
    this.o.secret?.(t)
    return t
  }

  /** HEAD /v2/<name>/manifests/<tag>: whether the tag exists, and its digest. */
  async manifest(ref: ImageRef): Promise<ManifestState> {
    const path = `/v2/${ref.repository}/manifests/${ref.tag}`
    const url = this.base(ref.registry) + path
    const origin = new URL(url).origin
    const key = `${ref.registry}|repository:${ref.repository}:pull`
    const hint = 'Log in with docker/login-action, or pass the username and password inputs.'
    const op = async (): Promise<ManifestState> => {
      const headers: Record<string, string> = {accept: MANIFEST_ACCEPT}
      const known = (this.o.realms ?? KNOWN_REALMS)[ref.registry]
      if (known && !this.tokens.has(key)) {
        const scope = `repository:${ref.repository}:pull`
        const t = await this.token({scheme: 'bearer', params: known}, scope, ref.registry).catch((e: unknown) => {
          if (e instanceof ServiceError && e.retryable) throw e
          this.o.log?.debug(`token from ${known.realm} refused, falling back to the challenge: ${String(e)}`)
          return undefined
        })
        if (t) this.tokens.set(key, t)
      }
      const cached = this.tokens.get(key)
      // Basic credentials go up front only where they may go at all (https, or loopback)
      const basic = url.startsWith('https:') || isLoopback(ref.registry) ? this.basic() : undefined
      if (cached) headers.authorization = `Bearer ${cached}`
      else if (basic) headers.authorization = basic
      const first = await this.follow('HEAD', url, headers)
      let res = first.res
      if (res.status === 401 && first.url.origin !== origin) {
        throw new AuthError(
          `HEAD ${ref.registry}${path}: redirected to ${first.url.host}, which asks for credentials: credentials for ${ref.registry} go only to ${ref.registry}`,
          {hint},
        )
      }
      if (res.status === 401) {
        const ch = parseChallenge(res.headers.get('www-authenticate'))
        if (ch?.scheme === 'bearer') {
          const t = await this.token(ch, ch.params.scope ?? `repository:${ref.repository}:pull`, ref.registry)
          this.tokens.set(key, t)
          res = (await this.follow('HEAD', url, {...headers, authorization: `Bearer ${t}`})).res
        } else if (ch?.scheme === 'basic' && this.basic() && !headers.authorization) {
          res = (await this.follow('HEAD', url, {...headers, authorization: this.basic()!})).res
        }
      }
      const where = `${ref.registry}${path}`
      if (res.status === 200) return {exists: true, digest: res.headers.get('docker-content-digest') ?? undefined}
      if (res.status === 404) return {exists: false}
      if (res.status === 401 || res.status === 403) {
        throw new AuthError(
          `HEAD ${where}: ${res.status} ${res.statusText}: ${this.o.credentials ? 'the registry refused the credentials' : 'the registry requires credentials'}`,
          {hint},
        )
      }
      throw new ServiceError(where, 'HEAD', `${res.status} ${res.statusText}`, {
        status: res.status,
        retryable: RETRYABLE_STATUS.has(res.status),
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      })
    }
    return this.retrying(op)
  }

  /** Runs `op`, retrying transient failures (retryable ServiceErrors, honouring Retry-After). */
  private retrying<T>(op: () => Promise<T>): Promise<T> {
    return retry(op, {
      retries: this.o.retries ?? 3,
      retryAfterBase: this.o.retryAfterBase ?? 500,
      maxRetryAfterMs: 30_000,
      onRetry: (e, n, ms) => this.o.log?.warning(`${getErrorMessage(e)}; retry ${n} in ${(ms / 1000).toFixed(1)}s`),
    })
  }

  /**
   * The challenge the Docker engine will see before a push: its ping, `GET /v2/` without
   * credentials. The engine answers only challenges recorded from that ping, and would send
   * the registry credentials to whatever realm a Bearer challenge names; so every Bearer
   * realm in it must pass {@link checkRealm} (the same rule, and message, as for the HEAD).
   * A 401 from another origin after a redirect is refused, as for the HEAD.
   */
  async pushChallenge(ref: ImageRef): Promise<PushChallenge> {
    const url = `${this.base(ref.registry)}/v2/`
    const origin = new URL(url).origin
    const where = `${ref.registry}/v2/`
    return this.retrying(async (): Promise<PushChallenge> => {
      const {res, url: at} = await this.follow('GET', url, {})
      await res.body?.cancel().catch(() => undefined)
      if (res.status !== 401) {
        if (RETRYABLE_STATUS.has(res.status)) {
          throw new ServiceError(where, 'GET', `${res.status} ${res.statusText}`, {
            status: res.status,
            retryable: true,
            retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
          })
        }
        return {scheme: 'none'}
      }
      if (at.origin !== origin) {
        throw new AuthError(
          `GET ${where}: redirected to ${at.host}, which asks for credentials: credentials for ${ref.registry} go only to ${ref.registry}`,
          {hint: 'Push to the registry the image names, not to a host it redirects to.'},
        )
      }
      const all = parseChallenges(res.headers.get('www-authenticate'))
      const bearer = all.filter(c => c.scheme === 'bearer')
      for (const c of bearer) {
        if (!c.params.realm) throw new AuthError(`registry ${ref.registry} sent a Bearer challenge without a realm`)
        checkRealm(c.params.realm, ref.registry, this.o.authRealms)
      }
      if (bearer[0]) return {scheme: 'bearer', challenge: bearer[0]}
      return all.some(c => c.scheme === 'basic') ? {scheme: 'basic'} : {scheme: 'none'}
    })
  }

  /**
   * What a push hands the engine, decided from the engine's own challenge ({@link pushChallenge}):
   * - Bearer: a token for `repository:<name>:pull,push`, obtained here through the checked realm
   *   (Docker's `registrytoken`: the engine sends it to the registry as is and asks no realm);
   * - Basic: the credentials (the engine sends them as Basic to the registry only);
   * - no challenge: nothing, since the engine would not use credentials anyway.
   */
  async pushAuth(ref: ImageRef): Promise<PushAuth> {
    if (!this.o.credentials) return {kind: 'none'}
    const ch = await this.pushChallenge(ref)
    if (ch.scheme === 'basic') return {kind: 'credentials'}
    if (ch.scheme === 'none') return {kind: 'none'}
    const scope = `repository:${ref.repository}:pull,push`
    const token = await this.retrying(() => this.token(ch.challenge, scope, ref.registry))
    return {kind: 'token', token}
  }
}
