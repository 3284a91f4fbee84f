import {createHash, createHmac, randomUUID, timingSafeEqual} from 'node:crypto'
import {mkdtempSync, rmSync} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
// The message types of GitHub's cache service as @actions/cache ships them (protobuf-ts, generated from
// github.actions.results.api.v1). The package exports only '.', so they are imported by path.
import {
  CacheService,
  CreateCacheEntryRequest,
  CreateCacheEntryResponse,
  FinalizeCacheEntryUploadRequest,
  FinalizeCacheEntryUploadResponse,
  GetCacheEntryDownloadURLRequest,
  GetCacheEntryDownloadURLResponse,
} from '../../node_modules/@actions/cache/lib/generated/results/api/v1/cache.js'

/**
 * A local GitHub Actions cache service (v2) for tests: the Twirp JSON API `@actions/cache` talks to
 * (`ACTIONS_RESULTS_URL`) and the Azure blob endpoints its signed URLs point at, on 127.0.0.1.
 *
 * ```ts
 * const cache = await startCacheService()
 * Object.assign(process.env, cache.envFor({ref: 'refs/pull/7/merge', base: 'refs/heads/main'}))
 * await saveCache([file], 'key') // the real client
 * expect(cache.rejected()).toEqual([])
 * ```
 *
 * - Every Twirp body is read with the generated message type (`fromJson`: unknown or ill-typed fields
 *   throw), and refused with Twirp's `invalid_argument` (400) when it does not parse; answers are written
 *   with the response types, in proto field names with defaults emitted, as a Twirp server does.
 * - `ACTIONS_RUNTIME_TOKEN` is a JWT whose `ac` claim lists the cache scopes (`runtimeToken`), as the
 *   runner's is: writes go to the first writable scope, reads search the readable ones in order.
 * - Entries, matching and refusals follow GitHub's documentation and observed answers; see README.md.
 */

/** One entry of the token's `ac` claim. Permission bits: 1 read, 2 write. */
export interface CacheScope {
  Scope: string
  Permission: number
}

/** The HMAC key the emulator signs runtime tokens and blob URLs with. */
export const EMULATOR_KEY = 'trainer-action cache emulator'
const ISSUER = 'vstoken.actions.githubusercontent.com'
const SERVICE = 'github.actions.results.api.v1.CacheService'
const ACCOUNT = 'devstoreaccount1'
const CONTAINER = 'actions-cache'
const SAS_VERSION = '2025-01-05'
const KEY_MAX = 512

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url')
const hmac = (data: string): Buffer => createHmac('sha256', EMULATOR_KEY).update(data).digest()

/** A runtime token (HS256 with `EMULATOR_KEY`) carrying `scopes` as its `ac` claim, valid for an hour. */
export function runtimeToken(scopes: readonly CacheScope[], opts: {now?: Date; ttlSeconds?: number} = {}): string {
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000)
  const header = b64url(JSON.stringify({typ: 'JWT', alg: 'HS256'}))
  const claims = b64url(
    JSON.stringify({
      ac: JSON.stringify(scopes),
      scp: 'Actions.Results:00000000-0000-0000-0000-000000000001:00000000-0000-0000-0000-000000000002',
      iss: ISSUER,
      aud: ISSUER,
      nbf: now - 60,
      exp: now + (opts.ttlSeconds ?? 3600),
    }),
  )
  return `${header}.${claims}.${b64url(hmac(`${header}.${claims}`))}`
}

/** Where a job runs, as far as the cache is concerned. */
export interface CacheContext {
  /** `GITHUB_REF`: the scope the job writes to (`refs/heads/main`, `refs/pull/7/merge`). */
  ref: string
  /** A pull request's base branch (`refs/heads/main`): read-only. */
  base?: string
  /** The default branch, when neither `ref` nor `base` is it: read-only. */
  defaultBranch?: string
  /** The job's own scope is read-only too (a token downgraded for an untrusted trigger). */
  readOnly?: boolean
  /** `ACTIONS_CACHE_MODE` as the runner exports it (`read`, `write`, `write-only`, `none`). */
  mode?: string
  /** The `ac` claim exactly (overrides ref/base/defaultBranch/readOnly for the token). */
  scopes?: readonly CacheScope[]
}

export interface CacheEntry {
  id: number
  key: string
  version: string
  scope: string
  /** From FinalizeCacheEntryUpload; undefined before. */
  size: number | undefined
  createdAt: Date
  finalized: boolean
  /** The committed blob, if one was uploaded. */
  blob: Buffer | undefined
}

export interface CacheCall {
  /** The Twirp method (`CreateCacheEntry`), or the blob operation (`PutBlob`, `PutBlock`, `PutBlockList`, `GetBlob`, `GetBlobProperties`); '' when unrouted. */
  method: string
  httpMethod: string
  /** Without the query (blob URLs carry the signature there). */
  path: string
  status: number
  /** Twirp error code or Azure error code of a failed answer. */
  code?: string
  /** What the answer said went wrong (Twirp `msg`, Azure `Message`, or a refusal in an ok:false answer). */
  message?: string
  /** Malformed for the protocol: unknown route, bad JSON, a body the message type refuses, a malformed blob request. */
  rejected: boolean
  /** Answered by `failNext`. */
  fault?: boolean
  /** The scope a Twirp call acted in (the writable one for writes, the matched entry's for reads). */
  scope?: string
  /** The JSON body of a Twirp request. */
  body?: unknown
  /** Bytes received by a blob write. */
  bytes?: number
}

export interface CacheFault {
  /**
   * The answer's status. Twirp methods get a Twirp error body (429 `resource_exhausted`, 503
   * `unavailable`, 5xx `internal`, …), blob operations Azure's XML (500 `InternalError`, 503 `ServerBusy`).
   * A 2xx status is allowed only on blob writes (`PutBlob`, `PutBlock`, `PutBlockList`): the service
   * acknowledges the write and keeps nothing, a lost upload.
   */
  status: number
  /** How many matching requests fail; default 1. */
  times?: number
  /** Only this Twirp method or blob operation. */
  method?: string
  headers?: Record<string, string>
  /** The Twirp `msg` or Azure `Message`; default 'injected fault'. */
  message?: string
}

export interface CacheServiceOptions {
  /** The service's clock (entry creation, token and URL expiry). */
  clock?: () => Date
  /** `GITHUB_SERVER_URL` in `envFor`; default https://github.com (anything that is not GHES keeps the client on v2). */
  serverUrl?: string
}

export interface CacheEmulator {
  url: string
  /** `envFor({ref: 'refs/heads/main'})`. */
  env: Record<string, string>
  /**
   * What the runner gives a JavaScript action for the cache: `ACTIONS_CACHE_SERVICE_V2`,
   * `ACTIONS_RESULTS_URL`, `ACTIONS_RUNTIME_TOKEN` (scoped to the context), `GITHUB_SERVER_URL`,
   * `GITHUB_REF`, `RUNNER_TEMP` (a directory the emulator removes on close) and `ACTIONS_CACHE_MODE` when given.
   */
  envFor(ctx: CacheContext): Record<string, string>
  /** Every entry, finalized or not, oldest first. */
  entries(): CacheEntry[]
  calls: CacheCall[]
  /** The calls (from index `from`) the real service would refuse as malformed; a passing test expects none. */
  rejected(from?: number): CacheCall[]
  failNext(fault: CacheFault): void
  close(): Promise<void>
}

interface Entry {
  id: number
  key: string
  version: string
  scope: string
  size: number | undefined
  createdAt: Date
  finalized: boolean
  blob: string
}

interface Blob {
  data: Buffer | undefined
  md5: string | undefined
  blocks: Map<string, Buffer>
  etag: string
  modified: Date
}

interface Reply {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer
}

// Twirp's error codes and their HTTP statuses (twitchtv/twirp docs/spec_v7.md, "Error Codes").
const TWIRP_STATUS: Record<string, number> = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
}
/** The Twirp code a fault of `status` answers with. */
const twirpCodeFor = (status: number): string =>
  Object.entries(TWIRP_STATUS).find(([code, s]) => s === status && code !== 'malformed' && code !== 'bad_route')?.[0] ??
  'internal'

const BLOB_WRITES = new Set(['PutBlob', 'PutBlock', 'PutBlockList'])
const METHODS = new Set(CacheService.methods.map(m => m.name))

/** Start the emulator on 127.0.0.1 (a free port). Close it in `afterAll`. */
export async function startCacheService(opts: CacheServiceOptions = {}): Promise<CacheEmulator> {
  const clock = opts.clock ?? (() => new Date())
  const serverUrl = opts.serverUrl ?? 'https://github.com'
  const temp = mkdtempSync(join(tmpdir(), 'cache-emulator-'))
  const entries: Entry[] = []
  const blobs = new Map<string, Blob>()
  const calls: CacheCall[] = []
  const faults: (CacheFault & {times: number})[] = []
  let nextId = 1
  let base = ''

  const server = createServer((req, res) => {
    void readBody(req).then(
      body => {
        const call: CacheCall = {method: '', httpMethod: req.method ?? 'GET', path: '', status: 0, rejected: false}
        const reply = handle(req, body, call)
        call.status = reply.status
        calls.push(call)
        send(res, reply, req.method === 'HEAD')
      },
      () => res.destroy(),
    )
  })

  function handle(req: IncomingMessage, body: Buffer, call: CacheCall): Reply {
    const url = new URL(req.url ?? '/', base)
    call.path = url.pathname
    if (url.pathname.startsWith('/twirp/')) return twirp(req, url, body, call)
    if (url.pathname.startsWith(`/${ACCOUNT}/`)) return blob(req, url, body, call)
    call.rejected = true
    return {status: 404, headers: {'content-type': 'text/plain'}, body: '404 page not found\n'}
  }

  // ---- Twirp ----------------------------------------------------------------------------------------

  function twirpError(call: CacheCall, code: string, msg: string, status = TWIRP_STATUS[code] ?? 500): Reply {
    call.code = code
    call.message = msg
    if (!call.fault && (code === 'bad_route' || code === 'malformed' || code === 'invalid_argument'))
      call.rejected = true
    return {
      status,
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({code, msg}),
    }
  }

  function twirp(req: IncomingMessage, url: URL, raw: Buffer, call: CacheCall): Reply {
    const route = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/([^/]+)$`).exec(url.pathname)
    const method = route?.[1] ?? ''
    if (!METHODS.has(method)) return twirpError(call, 'bad_route', `no handler for path "${url.pathname}"`)
    call.method = method
    if (req.method !== 'POST')
      return twirpError(call, 'bad_route', `unsupported method "${req.method ?? ''}" (only POST is allowed)`)
    const contentType = String(req.headers['content-type'] ?? '')
    if (!/^application\/json\b/i.test(contentType))
      return twirpError(call, 'bad_route', `unexpected Content-Type: "${contentType}" (the emulator speaks Twirp JSON)`)

    const auth = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? '').trim())
    if (!auth) return twirpError(call, 'unauthenticated', 'missing bearer token')
    const scopes = verifyToken(auth[1] ?? '')
    if (typeof scopes === 'string') return twirpError(call, 'unauthenticated', `invalid token: ${scopes}`)

    let json: unknown
    try {
      json = JSON.parse(raw.toString('utf8'))
    } catch {
      return twirpError(call, 'malformed', 'the json request could not be decoded')
    }
    call.body = json
    // the body must be the method's request message: unknown or ill-typed fields are refused
    let request: TwirpRequest
    try {
      request = readRequest(method, json)
    } catch (e: unknown) {
      return twirpError(call, 'invalid_argument', e instanceof Error ? e.message : String(e))
    }
    const fault = takeFault(method)
    if (fault) {
      call.fault = true
      const reply = twirpError(call, twirpCodeFor(fault.status), fault.message ?? 'injected fault', fault.status)
      return {...reply, headers: {...reply.headers, ...fault.headers}}
    }
    switch (request.method) {
      case 'CreateCacheEntry':
        return create(call, scopes, request.r)
      case 'FinalizeCacheEntryUpload':
        return finalize(call, scopes, request.r)
      case 'GetCacheEntryDownloadURL':
        return download(call, scopes, request.r)
    }
  }

  const ok = (body: string): Reply => ({status: 200, headers: {'content-type': 'application/json'}, body})
  const writable = (scopes: CacheScope[]): CacheScope | undefined => scopes.find(s => (s.Permission & 2) !== 0)
  /** The job's own (writable) scope first, then the others in the token's order. */
  const readable = (scopes: CacheScope[]): string[] =>
    [...scopes.filter(s => (s.Permission & 3) === 3), ...scopes.filter(s => (s.Permission & 3) === 1)].map(s => s.Scope)
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

  function keyProblem(key: string): string | undefined {
    if (!key) return 'key is required'
    if (key.length > KEY_MAX) return `key is longer than ${KEY_MAX} characters`
    if (key.includes(',')) return 'key cannot contain commas'
    return undefined
  }

  function create(call: CacheCall, scopes: CacheScope[], r: CreateCacheEntryRequest): Reply {
    const bad = keyProblem(r.key) ?? (r.version ? undefined : 'version is required')
    if (bad) return twirpError(call, 'invalid_argument', bad)
    const scope = writable(scopes)
    const answer = (m: {ok: boolean; signedUploadUrl: string; message: string}): Reply =>
      ok(JSON.stringify(CreateCacheEntryResponse.toJson(m, {useProtoFieldName: true, emitDefaultValues: true})))
    if (!scope) {
      call.message = 'cache write denied: token has no writable scopes'
      return answer({ok: false, signedUploadUrl: '', message: call.message})
    }
    call.scope = scope.Scope
    if (entries.some(e => e.scope === scope.Scope && e.version === r.version && same(e.key, r.key)))
      return twirpError(call, 'already_exists', 'cache entry with the same key, version, and scope already exists')
    const id = nextId++
    const name = `${id}-${createHash('sha256').update(`${scope.Scope}\n${r.key}\n${r.version}`).digest('hex').slice(0, 32)}`
    entries.push({
      id,
      key: r.key,
      version: r.version,
      scope: scope.Scope,
      size: undefined,
      createdAt: clock(),
      finalized: false,
      blob: name,
    })
    return answer({ok: true, signedUploadUrl: signedUrl(name, 'cw'), message: ''})
  }

  function finalize(call: CacheCall, scopes: CacheScope[], r: FinalizeCacheEntryUploadRequest): Reply {
    const bad = keyProblem(r.key) ?? (r.version ? undefined : 'version is required')
    if (bad) return twirpError(call, 'invalid_argument', bad)
    const size = Number(r.sizeBytes)
    if (!(size > 0)) return twirpError(call, 'invalid_argument', 'size invalid cache size value')
    const scope = writable(scopes)
    const answer = (m: {ok: boolean; entryId: string; message: string}): Reply =>
      ok(JSON.stringify(FinalizeCacheEntryUploadResponse.toJson(m, {useProtoFieldName: true, emitDefaultValues: true})))
    if (!scope) {
      call.message = 'cache write denied: token has no writable scopes'
      return answer({ok: false, entryId: '0', message: call.message})
    }
    call.scope = scope.Scope
    const entry = entries.find(e => e.scope === scope.Scope && e.version === r.version && same(e.key, r.key))
    if (!entry) return twirpError(call, 'not_found', 'cache entry not found')
    if (entry.finalized) return twirpError(call, 'already_exists', 'cache entry is already finalized')
    const data = blobs.get(entry.blob)?.data
    const refuse = (message: string): Reply => {
      call.message = message
      return answer({ok: false, entryId: '0', message})
    }
    if (!data) return refuse(`cache entry upload not found: nothing was committed to the blob for key ${r.key}`)
    if (data.length !== size)
      return refuse(`cache entry size mismatch: the blob holds ${data.length} bytes, finalize says ${size}`)
    entry.finalized = true
    entry.size = size
    return answer({ok: true, entryId: String(entry.id), message: ''})
  }

  function download(call: CacheCall, scopes: CacheScope[], r: GetCacheEntryDownloadURLRequest): Reply {
    const bad =
      [r.key, ...r.restoreKeys].map(keyProblem).find(p => p !== undefined) ??
      (r.version ? undefined : 'version is required')
    if (bad) return twirpError(call, 'invalid_argument', bad)
    const order = readable(scopes)
    if (order.length === 0)
      return twirpError(call, 'permission_denied', 'cache read denied: token has no readable scopes')
    const hit = match(order, [r.key, ...r.restoreKeys], r.version)
    const answer = (m: {ok: boolean; signedDownloadUrl: string; matchedKey: string}): Reply =>
      ok(JSON.stringify(GetCacheEntryDownloadURLResponse.toJson(m, {useProtoFieldName: true, emitDefaultValues: true})))
    if (!hit) return answer({ok: false, signedDownloadUrl: '', matchedKey: ''})
    call.scope = hit.scope
    return answer({ok: true, signedDownloadUrl: signedUrl(hit.blob, 'r'), matchedKey: hit.key})
  }

  /**
   * GitHub's documented search ("Cache key matching"): in the job's own scope, the key exactly, then
   * keys it prefixes, then each restore key (exactly, then as a prefix); then the same in the next
   * readable scope. Among prefix matches the most recently created wins. Only entries of `version`
   * that were finalized count; keys compare case-insensitively.
   */
  function match(scopes: string[], keys: string[], version: string): Entry | undefined {
    for (const scope of scopes) {
      const pool = entries.filter(e => e.finalized && e.scope === scope && e.version === version)
      for (const key of keys) {
        const exact = pool.find(e => same(e.key, key))
        if (exact) return exact
        const prefixed = pool
          .filter(e => e.key.toLowerCase().startsWith(key.toLowerCase()))
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0]
        if (prefixed) return prefixed
      }
    }
    return undefined
  }

  function verifyToken(token: string): CacheScope[] | string {
    const parts = token.split('.')
    if (parts.length !== 3) return 'not a JWT'
    const [header, claims, sig] = parts as [string, string, string]
    let h: {alg?: unknown}
    let c: {ac?: unknown; exp?: unknown; nbf?: unknown}
    try {
      h = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {alg?: unknown}
      c = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as typeof c
    } catch {
      return 'not a JWT'
    }
    if (h.alg !== 'HS256') return `unsupported alg ${JSON.stringify(h.alg)}`
    const want = hmac(`${header}.${claims}`)
    const got = Buffer.from(sig, 'base64url')
    if (got.length !== want.length || !timingSafeEqual(got, want)) return 'signature mismatch'
    const now = clock().getTime() / 1000
    if (typeof c.exp !== 'number' || c.exp <= now) return 'expired'
    if (typeof c.nbf === 'number' && c.nbf > now + 300) return 'not yet valid'
    let ac: unknown
    try {
      ac = JSON.parse(String(c.ac))
    } catch {
      return 'no ac claim'
    }
    if (
      !Array.isArray(ac) ||
      !ac.every(
        (s: unknown) =>
          typeof s === 'object' &&
          s !== null &&
          typeof (s as CacheScope).Scope === 'string' &&
          typeof (s as CacheScope).Permission === 'number',
      )
    )
      return 'malformed ac claim'
    return ac as CacheScope[]
  }

  // ---- Azure blob storage (path-style, like Azurite) ---------------------------------------------------

  function signature(path: string, sp: string, se: string): string {
    return hmac(`${sp}\n${se}\n${path}`).toString('base64')
  }

  function signedUrl(name: string, sp: string): string {
    const path = `/${ACCOUNT}/${CONTAINER}/${name}`
    const se = new Date(clock().getTime() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const q = new URLSearchParams({sv: SAS_VERSION, se, sr: 'b', sp, sig: signature(path, sp, se)})
    return `${base}${path}?${q.toString()}`
  }

  function azureHeaders(req: IncomingMessage): Record<string, string> {
    const h: Record<string, string> = {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? SAS_VERSION),
      date: clock().toUTCString(),
      server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
    }
    const client = req.headers['x-ms-client-request-id']
    if (typeof client === 'string') h['x-ms-client-request-id'] = client
    return h
  }

  function azureError(
    req: IncomingMessage,
    call: CacheCall,
    status: number,
    code: string,
    message: string,
    rejected = false,
  ): Reply {
    call.code = code
    call.message = message
    if (rejected) call.rejected = true
    const xml =
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\n` +
      `RequestId:${randomUUID()}\nTime:${clock().toISOString()}</Message></Error>`
    return {
      status,
      headers: {...azureHeaders(req), 'x-ms-error-code': code, 'content-type': 'application/xml'},
      ...(req.method === 'HEAD' ? {} : {body: xml}),
    }
  }

  function blobOperation(req: IncomingMessage, q: URLSearchParams): string {
    const comp = q.get('comp')
    if (req.method === 'PUT')
      return comp === 'block' ? 'PutBlock' : comp === 'blocklist' ? 'PutBlockList' : comp ? '' : 'PutBlob'
    if (req.method === 'GET' && !comp) return 'GetBlob'
    if (req.method === 'HEAD' && !comp) return 'GetBlobProperties'
    return ''
  }

  function blob(req: IncomingMessage, url: URL, body: Buffer, call: CacheCall): Reply {
    const q = url.searchParams
    const op = blobOperation(req, q)
    call.method = op
    const [, , container, ...rest] = url.pathname.split('/')
    const name = rest.join('/')
    if (!op)
      return azureError(
        req,
        call,
        400,
        'UnsupportedHttpVerb',
        "The resource doesn't support specified Http Verb.",
        true,
      )

    // Shared access signature: the emulator's own, over path, permissions and expiry.
    const sig = q.get('sig')
    const sp = q.get('sp') ?? ''
    const se = q.get('se') ?? ''
    const authFailed = (detail: string): Reply =>
      azureError(
        req,
        call,
        403,
        'AuthenticationFailed',
        `Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature. (${detail})`,
      )
    if (!sig) return authFailed('no signature: the URL is not the signed one')
    if (sig !== signature(url.pathname, sp, se)) return authFailed('Signature did not match.')
    if (!(Date.parse(se) > clock().getTime())) return authFailed('Signed expiry time has passed.')
    const needs = op.startsWith('Put') ? 'w' : 'r'
    if (!sp.includes(needs))
      return azureError(
        req,
        call,
        403,
        'AuthorizationPermissionMismatch',
        'This request is not authorized to perform this operation using this permission.',
      )
    if (container !== CONTAINER || !name)
      return azureError(req, call, 404, 'ContainerNotFound', 'The specified container does not exist.')

    const fault = takeFault(op)
    if (fault && !(fault.status < 300 && BLOB_WRITES.has(op))) {
      call.fault = true
      const code = fault.status === 503 ? 'ServerBusy' : fault.status === 403 ? 'AuthenticationFailed' : 'InternalError'
      const reply = azureError(req, call, fault.status, code, fault.message ?? 'injected fault')
      return {...reply, headers: {...reply.headers, ...fault.headers}}
    }
    const lost = fault !== undefined
    if (lost) call.fault = true
    const md5 = (b: Buffer): string => createHash('md5').update(b).digest('base64')
    const etag = (): string =>
      `"0x8DC${createHash('sha1').update(randomUUID()).digest('hex').slice(0, 12).toUpperCase()}"`
    const stored = (): Blob => {
      let b = blobs.get(name)
      if (!b)
        blobs.set(name, (b = {data: undefined, md5: undefined, blocks: new Map(), etag: etag(), modified: clock()}))
      return b
    }

    switch (op) {
      case 'PutBlob': {
        call.bytes = body.length
        if (String(req.headers['x-ms-blob-type'] ?? '') !== 'BlockBlob')
          return azureError(
            req,
            call,
            400,
            'MissingRequiredHeader',
            "An HTTP header that's mandatory for this request is not specified. (x-ms-blob-type)",
            true,
          )
        const sent = req.headers['content-md5']
        if (typeof sent === 'string' && sent !== md5(body))
          return azureError(
            req,
            call,
            400,
            'Md5Mismatch',
            'The MD5 value specified in the request did not match with the MD5 value calculated by the server.',
            true,
          )
        const b = lost ? undefined : stored()
        if (b) Object.assign(b, {data: body, md5: md5(body), blocks: new Map(), etag: etag(), modified: clock()})
        return written(req, b?.etag ?? etag(), {'content-md5': md5(body)})
      }
      case 'PutBlock': {
        call.bytes = body.length
        const id = q.get('blockid') ?? ''
        if (!id || Buffer.from(id, 'base64').length === 0 || Buffer.from(id, 'base64').length > 64)
          return azureError(
            req,
            call,
            400,
            'InvalidQueryParameterValue',
            'Value for one of the query parameters specified in the request URI is invalid. (blockid)',
            true,
          )
        if (!lost) stored().blocks.set(id, body)
        return written(req, undefined, {'content-md5': md5(body)})
      }
      case 'PutBlockList': {
        call.bytes = body.length
        const xml = body.toString('utf8')
        if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml))
          return azureError(req, call, 400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.', true)
        const b = stored()
        const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(m => m[2] ?? '')
        const parts = ids.map(id => b.blocks.get(id))
        if (parts.some(p => p === undefined))
          return azureError(req, call, 400, 'InvalidBlockList', 'The specified block list is invalid.', true)
        if (!lost)
          Object.assign(b, {
            data: Buffer.concat(parts as Buffer[]),
            md5: undefined,
            blocks: new Map(),
            etag: etag(),
            modified: clock(),
          })
        return written(req, b.etag, {})
      }
      default: {
        const b = blobs.get(name)
        if (!b?.data) return azureError(req, call, 404, 'BlobNotFound', 'The specified blob does not exist.')
        const total = b.data.length
        const headers: Record<string, string> = {
          ...azureHeaders(req),
          'content-type': 'application/octet-stream',
          'accept-ranges': 'bytes',
          etag: b.etag,
          'last-modified': b.modified.toUTCString(),
          'x-ms-blob-type': 'BlockBlob',
          'x-ms-server-encrypted': 'true',
          'x-ms-lease-status': 'unlocked',
          'x-ms-lease-state': 'available',
          'x-ms-creation-time': b.modified.toUTCString(),
        }
        const range = String(req.headers['x-ms-range'] ?? req.headers.range ?? '')
        if (range) {
          const m = /^bytes=(\d+)-(\d*)$/.exec(range)
          const start = Number(m?.[1])
          const end = Math.min(m?.[2] ? Number(m[2]) : total - 1, total - 1)
          if (!m || start >= total || end < start)
            return {
              ...azureError(
                req,
                call,
                416,
                'InvalidRange',
                'The range specified is invalid for the current size of the resource.',
              ),
              headers: {...azureHeaders(req), 'x-ms-error-code': 'InvalidRange', 'content-range': `bytes */${total}`},
            }
          return {
            status: 206,
            headers: {...headers, 'content-range': `bytes ${start}-${end}/${total}`},
            body: b.data.subarray(start, end + 1),
          }
        }
        if (b.md5) headers['content-md5'] = b.md5
        return {status: 200, headers, body: b.data}
      }
    }
  }

  function written(req: IncomingMessage, etag: string | undefined, extra: Record<string, string>): Reply {
    return {
      status: 201,
      headers: {
        ...azureHeaders(req),
        ...(etag ? {etag, 'last-modified': clock().toUTCString()} : {}),
        'x-ms-request-server-encrypted': 'true',
        ...extra,
      },
    }
  }

  function takeFault(method: string): (CacheFault & {times: number}) | undefined {
    const fault = faults.find(f => f.method === undefined || f.method === method)
    if (fault && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1)
    return fault
  }

  function envFor(ctx: CacheContext): Record<string, string> {
    const scopes = ctx.scopes ?? [
      {Scope: ctx.ref, Permission: ctx.readOnly ? 1 : 3},
      ...(ctx.base ? [{Scope: ctx.base, Permission: 1}] : []),
      ...(ctx.defaultBranch ? [{Scope: ctx.defaultBranch, Permission: 1}] : []),
    ]
    return {
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: `${base}/`,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(scopes, {now: clock()}),
      GITHUB_SERVER_URL: serverUrl,
      GITHUB_REF: ctx.ref,
      RUNNER_TEMP: temp,
      ...(ctx.mode === undefined ? {} : {ACTIONS_CACHE_MODE: ctx.mode}),
    }
  }

  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    env: envFor({ref: 'refs/heads/main'}),
    envFor,
    entries: () =>
      entries.map(e => ({
        id: e.id,
        key: e.key,
        version: e.version,
        scope: e.scope,
        size: e.size,
        createdAt: e.createdAt,
        finalized: e.finalized,
        blob: blobs.get(e.blob)?.data,
      })),
    calls,
    rejected: (from = 0) => calls.slice(from).filter(c => c.rejected),
    failNext: f => {
      if (f.status < 300 && !(f.method && BLOB_WRITES.has(f.method)))
        throw new Error('failNext: a 2xx fault (a lost write) needs method PutBlob, PutBlock or PutBlockList')
      faults.push({...f, times: f.times ?? 1})
    },
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(temp, {recursive: true, force: true})
          r()
        })
      }),
  }
}

type TwirpRequest =
  | {method: 'CreateCacheEntry'; r: CreateCacheEntryRequest}
  | {method: 'FinalizeCacheEntryUpload'; r: FinalizeCacheEntryUploadRequest}
  | {method: 'GetCacheEntryDownloadURL'; r: GetCacheEntryDownloadURLRequest}

/** The request message of `method`, read the way a protobuf JSON server reads it (throws on unknown fields). */
function readRequest(method: string, json: unknown): TwirpRequest {
  const body = json as Parameters<typeof CreateCacheEntryRequest.fromJson>[0]
  switch (method) {
    case 'CreateCacheEntry':
      return {method, r: CreateCacheEntryRequest.fromJson(body)}
    case 'FinalizeCacheEntryUpload':
      return {method, r: FinalizeCacheEntryUploadRequest.fromJson(body)}
    case 'GetCacheEntryDownloadURL':
      return {method, r: GetCacheEntryDownloadURLRequest.fromJson(body)}
    default:
      throw new Error(`no method ${method}`)
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, reply: Reply, head: boolean): void {
  const headers = {...reply.headers}
  if (reply.body !== undefined) headers['content-length'] = String(Buffer.byteLength(reply.body))
  res.writeHead(reply.status, headers)
  res.end(head ? undefined : reply.body)
}
