import {AuthError, ServiceError} from '../kit/errors.js'
import type {Logger} from '../kit/io.js'
import {parseRetryAfter, retry} from '../kit/retry.js'
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

interface Challenge {
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

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504])

class RetryAfter extends ServiceError {
  retryAfterMs: number | undefined
}

/**
 * A minimal OCI distribution client: answers "does this tag exist?" with one HEAD
 * request (plus one token request when the registry uses bearer tokens), with
 * basic auth, the bearer-token challenge flow, and retries of transient failures.
 * It fails closed: only 200 means present and only 404 means missing.
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

  private async send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Response> {
    const label = url.replace(/\?.*$/, '')
    try {
      const res = await fetch(url, {
        method,
        headers,
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
        redirect: 'follow',
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
        : (cause?.code ?? cause?.message ?? (e as Error).message)
      throw new ServiceError(label.replace(/^https?:\/\//, ''), method, why, {retryable: true, cause: e})
    }
  }

  private async token(ch: Challenge, scope: string): Promise<string> {
    const realm = ch.params.realm
    if (!realm) throw new AuthError('registry sent a Bearer challenge without a realm')
    const service = ch.params.service ?? ''
    const c = this.o.credentials
    let res: Response
    if (c?.identityToken) {
      const body = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.identityToken,
        service,
        scope,
        client_id: 'trainer-action',
      })
      res = await this.send('POST', realm, {'content-type': 'application/x-www-form-urlencoded'}, body.toString())
    } else {
      const u = new URL(realm)
      if (service) u.searchParams.set('service', service)
      u.searchParams.set('scope', scope)
      const auth = this.basic()
      res = await this.send('GET', u.toString(), auth ? {authorization: auth} : {})
    }
    if (res.status === 401 || res.status === 403) {
      throw new AuthError(
        `token request to ${realm} refused (${res.status}): ${c ? 'the registry credentials were rejected' : 'no registry credentials were found'}`,
        {
          hint: 'Log in with docker/login-action, or pass the username and password inputs.',
        },
      )
    }
    if (!res.ok)
      throw new ServiceError(realm, 'GET', `${res.status} ${res.statusText}`, {
        status: res.status,
        retryable: RETRYABLE_STATUS.has(res.status),
      })
    let j: {token?: string; access_token?: string}
    try {
      j = (await res.json()) as typeof j
    } catch {
      throw new ServiceError(realm, 'GET', `${res.status}: the token response is not JSON`, {status: res.status})
    }
    const t = j.token ?? j.access_token
    if (!t) throw new ServiceError(realm, 'GET', 'token response has no token')
    this.o.secret?.(t)
    return t
  }

  /** HEAD /v2/<name>/manifests/<tag>: whether the tag exists, and its digest. */
  async manifest(ref: ImageRef): Promise<ManifestState> {
    const path = `/v2/${ref.repository}/manifests/${ref.tag}`
    const url = this.base(ref.registry) + path
    const key = `${ref.registry}|repository:${ref.repository}:pull`
    const op = async (): Promise<ManifestState> => {
      const headers: Record<string, string> = {accept: MANIFEST_ACCEPT}
      const known = (this.o.realms ?? KNOWN_REALMS)[ref.registry]
      if (known && !this.tokens.has(key)) {
        const scope = `repository:${ref.repository}:pull`
        const t = await this.token({scheme: 'bearer', params: known}, scope).catch((e: unknown) => {
          if (e instanceof ServiceError && e.retryable) throw e
          this.o.log?.debug(`token from ${known.realm} refused, falling back to the challenge: ${String(e)}`)
          return undefined
        })
        if (t) this.tokens.set(key, t)
      }
      const cached = this.tokens.get(key)
      const basic = this.basic()
      if (cached) headers.authorization = `Bearer ${cached}`
      else if (basic) headers.authorization = basic
      let res = await this.send('HEAD', url, headers)
      if (res.status === 401) {
        const ch = parseChallenge(res.headers.get('www-authenticate'))
        if (ch?.scheme === 'bearer') {
          const t = await this.token(ch, ch.params.scope ?? `repository:${ref.repository}:pull`)
          this.tokens.set(key, t)
          res = await this.send('HEAD', url, {...headers, authorization: `Bearer ${t}`})
        } else if (ch?.scheme === 'basic' && basic && !headers.authorization) {
          res = await this.send('HEAD', url, {...headers, authorization: basic})
        }
      }
      const where = `${ref.registry}${path}`
      if (res.status === 200) return {exists: true, digest: res.headers.get('docker-content-digest') ?? undefined}
      if (res.status === 404) return {exists: false}
      if (res.status === 401 || res.status === 403) {
        throw new AuthError(
          `HEAD ${where}: ${res.status} ${res.statusText}: ${this.o.credentials ? 'the registry refused the credentials' : 'the registry requires credentials'}`,
          {
            hint: 'Log in with docker/login-action, or pass the username and password inputs.',
          },
        )
      }
      const err = new RetryAfter(where, 'HEAD', `${res.status} ${res.statusText}`, {
        status: res.status,
        retryable: RETRYABLE_STATUS.has(res.status),
      })
      err.retryAfterMs = parseRetryAfter(res.headers.get('retry-after'))
      throw err
    }
    return retry(op, {
      retries: this.o.retries ?? 3,
      retryAfterBase: this.o.retryAfterBase ?? 500,
      retryable: e => e instanceof ServiceError && e.retryable,
      retryAfterMs: e =>
        e instanceof RetryAfter && e.retryAfterMs !== undefined ? Math.min(e.retryAfterMs, 30_000) : undefined,
      onRetry: (e, n, ms) => this.o.log?.warning(`${(e as Error).message}; retry ${n} in ${(ms / 1000).toFixed(1)}s`),
    })
  }
}
