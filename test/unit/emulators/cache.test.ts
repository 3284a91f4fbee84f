// The cache-service emulator, driven by the real @actions/cache client (v2: Twirp + Azure blob SDK)
// and, for what the client never sends, by plain HTTP.
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {restoreCache, saveCache} from '@actions/cache'
import {BlockBlobClient} from '@azure/storage-blob'
import {afterAll, beforeAll, beforeEach, describe, expect, it, test, vi} from 'vitest'
import {runtimeToken, startCacheService, type CacheEmulator} from '../../emulators/cache.js'
import {tempDir} from '../../helpers/temp-dir.js'

const MAIN = 'refs/heads/main'
const PR7 = 'refs/pull/7/merge'
const SERVICE = '/twirp/github.actions.results.api.v1.CacheService'

let cache: CacheEmulator
beforeAll(async () => (cache = await startCacheService()))
afterAll(() => cache.close())

/** A workspace holding `baseline.json`; the env points the client at it and at the emulator. */
function workspace(content = '{"loss":0.5}'): {dir: string; file: string} {
  const dir = tempDir('cache-ws-')
  const file = join(dir, 'baseline.json')
  writeFileSync(file, content)
  process.env.GITHUB_WORKSPACE = dir
  return {dir, file}
}

/** Runs as a job on `ctx` (the setup file restores process.env after each test). */
function job(ctx: Parameters<CacheEmulator['envFor']>[0], c: CacheEmulator = cache): void {
  Object.assign(process.env, c.envFor(ctx))
}

/** stdout, line by line: @actions/core writes its logs and workflow commands there. */
function stdout(): string[] {
  const lines: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).split('\n'))
    return true
  })
  return lines
}

/** The client's retry sleeps (3 s to 15 s) shortened to 1 ms; other timers keep their delay. */
function fastRetries(): void {
  const real = globalThis.setTimeout
  const fast = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): NodeJS.Timeout =>
    real(fn, ms !== undefined && ms >= 3000 && ms <= 20_000 ? 1 : ms, ...args)
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(fast as unknown as typeof setTimeout)
}

async function twirp(
  method: string,
  body: unknown,
  token: string | null = runtimeToken([{Scope: MAIN, Permission: 3}]),
  init: RequestInit = {},
): Promise<{status: number; json: Record<string, unknown>}> {
  const res = await fetch(`${cache.url}${SERVICE}/${method}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {})},
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  })
  return {status: res.status, json: (await res.json()) as Record<string, unknown>}
}

const since = (from: number) => cache.calls.slice(from).map(c => [c.method, c.status, c.code ?? c.scope])

describe('the real client', () => {
  // the client logs to stdout: keep it, to assert on and out of the test output
  let out: string[]
  beforeEach(() => {
    out = stdout()
  })

  it('saves on main; a pull request restores it by prefix from the base branch', async () => {
    const from = cache.calls.length
    const {file} = workspace('{"loss":0.25}')
    job({ref: MAIN})
    expect(await saveCache([file], 'baseline-mnist-aaa')).toBeGreaterThan(0)
    const [entry] = cache.entries().filter(e => e.key === 'baseline-mnist-aaa')
    expect(entry).toMatchObject({scope: MAIN, finalized: true})
    expect(entry?.version).toMatch(/^[0-9a-f]{64}$/)
    expect(entry?.blob?.length).toBe(entry?.size)

    rmSync(file)
    job({ref: PR7, base: MAIN})
    expect(await restoreCache([file], 'baseline-mnist-bbb', ['baseline-mnist-'])).toBe('baseline-mnist-aaa')
    expect(readFileSync(file, 'utf8')).toBe('{"loss":0.25}')
    expect(since(from)).toEqual([
      ['CreateCacheEntry', 200, MAIN],
      ['PutBlob', 201, undefined],
      ['FinalizeCacheEntryUpload', 200, MAIN],
      ['GetCacheEntryDownloadURL', 200, MAIN],
      ['GetBlob', 200, undefined],
    ])
    expect(cache.rejected(from)).toEqual([])
  })

  it('prefers an exact key, else the newest entry the prefix matches', async () => {
    let now = Date.parse('2026-05-01T10:00:00Z')
    const c = await startCacheService({clock: () => new Date(now)})
    try {
      const {file} = workspace()
      job({ref: MAIN}, c)
      for (const key of ['run-a', 'run-ab', 'run-c']) {
        expect(await saveCache([file], key)).toBeGreaterThan(0)
        now += 60_000
      }
      expect(await restoreCache([file], 'run-a')).toBe('run-a') // exact beats the newer run-ab
      expect(await restoreCache([file], 'run-x', ['run-'])).toBe('run-c')
      expect(await restoreCache([file], 'run-x', ['nothing-', 'run-a'])).toBe('run-a')
      expect(await restoreCache([file], 'RUN-AB')).toBe('run-ab') // keys compare case-insensitively
      expect(c.rejected()).toEqual([])
    } finally {
      await c.close()
    }
  })

  it("keeps a pull request's own save from main and from other pull requests", async () => {
    const {file} = workspace()
    job({ref: PR7, base: MAIN})
    expect(await saveCache([file], 'pr-only-1')).toBeGreaterThan(0)
    expect(cache.entries().find(e => e.key === 'pr-only-1')?.scope).toBe(PR7)
    expect(await restoreCache([file], 'pr-only-1')).toBe('pr-only-1')
    job({ref: MAIN})
    expect(await restoreCache([file], 'pr-only-1')).toBeUndefined()
    job({ref: 'refs/pull/8/merge', base: MAIN})
    expect(await restoreCache([file], 'pr-only-')).toBeUndefined()
  })

  it('searches the own scope completely (key, prefix, restore keys) before the base branch', async () => {
    const {file} = workspace()
    job({ref: MAIN})
    await saveCache([file], 'deps-new')
    job({ref: PR7, base: MAIN})
    await saveCache([file], 'deps-old')
    // docs "Cache key matching": the restore key hits in the pull request's scope first
    expect(await restoreCache([file], 'deps-new', ['deps-'])).toBe('deps-old')
    expect(await restoreCache([file], 'deps-new')).toBe('deps-new')
  })

  it('only matches entries of the same version (paths and compression)', async () => {
    const {dir, file} = workspace()
    job({ref: MAIN})
    await saveCache([file], 'versioned-1')
    const other = join(dir, 'other.json')
    writeFileSync(other, '{}')
    expect(await restoreCache([other], 'versioned-1')).toBeUndefined()
    expect(await saveCache([other], 'versioned-1')).toBeGreaterThan(0) // same key, another version
  })

  it('answers a second save of a key with 409 already_exists; the client says another job may be creating it', async () => {
    const {file} = workspace()
    job({ref: MAIN})
    expect(await saveCache([file], 'twice-1')).toBeGreaterThan(0)
    const from = cache.calls.length
    expect(await saveCache([file], 'TWICE-1')).toBe(-1)
    expect(since(from)).toEqual([['CreateCacheEntry', 409, 'already_exists']])
    expect(out).toContain(
      'Failed to save: Unable to reserve cache with key TWICE-1, another job may be creating this cache.',
    )
    expect(out.join('\n')).toContain('(409) Conflict: cache entry with the same key, version, and scope already exists')
    expect(cache.entries().filter(e => e.key.toLowerCase() === 'twice-1')).toHaveLength(1)
  })

  it('refuses writes with a read-only token (ok: false, cache write denied) and the client warns', async () => {
    const {file} = workspace()
    job({ref: MAIN, readOnly: true})
    expect(await saveCache([file], 'ro-1')).toBe(-1)
    expect(out).toContain(
      '::warning::Failed to save: Unable to reserve cache with key ro-1. More details: cache write denied: token has no writable scopes',
    )
    expect(cache.entries().find(e => e.key === 'ro-1')).toBeUndefined()
  })

  it('refuses reads with no readable scope (403 cache read denied): a warning and a miss', async () => {
    const {file} = workspace()
    job({ref: MAIN, scopes: []})
    expect(await restoreCache([file], 'any')).toBeUndefined()
    expect(out.find(l => l.startsWith('::warning::Failed to restore:'))).toContain(
      '(403) Forbidden: cache read denied: token has no readable scopes',
    )
  })

  it('skips the service when ACTIONS_CACHE_MODE is read (saves) or none (restores)', async () => {
    const {file} = workspace()
    const from = cache.calls.length
    job({ref: MAIN, mode: 'read'})
    expect(await saveCache([file], 'mode-1')).toBe(-1)
    job({ref: MAIN, mode: 'none'})
    expect(await restoreCache([file], 'mode-1')).toBeUndefined()
    expect(cache.calls.length).toBe(from)
  })

  it('answers a missing or garbled token with 401; the client warns and misses', async () => {
    const {file} = workspace()
    job({ref: MAIN})
    process.env.ACTIONS_RUNTIME_TOKEN = `${runtimeToken([{Scope: MAIN, Permission: 3}])}x`
    expect(await restoreCache([file], 'k')).toBeUndefined()
    expect(out.find(l => l.startsWith('::warning::Failed to restore:'))).toContain(
      '(401) Unauthorized: invalid token: signature mismatch',
    )
    expect((await twirp('GetCacheEntryDownloadURL', {key: 'k', version: 'v'}, null)).json).toEqual({
      code: 'unauthenticated',
      msg: 'missing bearer token',
    })
  })

  it('retries a 500 four times; when all five fail the restore is a warning and a miss, not a crash', async () => {
    fastRetries()
    const {file} = workspace()
    job({ref: MAIN})
    const from = cache.calls.length
    cache.failNext({status: 500, times: 5, method: 'GetCacheEntryDownloadURL'})
    expect(await restoreCache([file], 'k')).toBeUndefined()
    expect(since(from)).toEqual(Array(5).fill(['GetCacheEntryDownloadURL', 500, 'internal']))
    expect(out.filter(l => l.startsWith('::warning::'))).toEqual([
      '::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Failed to make request after 5 attempts: Failed request: (500) Internal Server Error: injected fault',
    ])
    expect(cache.rejected(from)).toEqual([])
  })

  it('does not retry a 429; the save is a warning', async () => {
    const {file} = workspace()
    job({ref: MAIN})
    cache.failNext({status: 429, method: 'CreateCacheEntry', headers: {'retry-after': '30'}})
    expect(await saveCache([file], 'limited-1')).toBe(-1)
    expect(out.join('\n')).toContain("You've hit a rate limit, your rate limit will reset in 30 seconds")
    expect(out.join('\n')).toContain('Rate limited: Failed request: (429) Too Many Requests')
  })

  it('finalizes only what was uploaded: a lost upload fails FinalizeCacheEntryUpload', async () => {
    const {file} = workspace()
    job({ref: MAIN})
    cache.failNext({status: 201, method: 'PutBlob'}) // acknowledged, not stored
    expect(await saveCache([file], 'lost-1')).toBe(-1)
    expect(out.find(l => l.startsWith('::warning::'))).toBe(
      '::warning::cache entry upload not found: nothing was committed to the blob for key lost-1',
    )
    expect(cache.entries().find(e => e.key === 'lost-1')).toMatchObject({finalized: false, blob: undefined})
    // and an unfinalized entry is invisible
    expect(await restoreCache([file], 'lost-1')).toBeUndefined()
  })
})

describe('the Twirp API', () => {
  test.each([
    [1, 'CreateCacheEntry', {key: 'k', version: 'v', bogus: 1}, 'invalid_argument', /unknown field.*bogus/],
    [2, 'CreateCacheEntry', {key: 5, version: 'v'}, 'invalid_argument', /#key/],
    [3, 'FinalizeCacheEntryUpload', {key: 'k', version: 'v', size_bytes: 'ten'}, 'invalid_argument', /size_bytes/],
    [4, 'GetCacheEntryDownloadURL', {key: 'k', version: 'v', restore_keys: 'k-'}, 'invalid_argument', /restore_keys/],
    [5, 'CreateCacheEntry', {key: 'a,b', version: 'v'}, 'invalid_argument', /commas/],
    [6, 'CreateCacheEntry', {key: 'k'}, 'invalid_argument', /version is required/],
    [7, 'CreateCacheEntry', '{"key":', 'malformed', /could not be decoded/],
    [8, 'DeleteCacheEntry', {key: 'k'}, 'bad_route', /no handler for path/],
  ])('[%d] %s %j → %s, recorded as rejected', async (_, method, body, code, msg) => {
    const from = cache.calls.length
    const {status, json} = await twirp(method, body)
    expect([status, json.code]).toEqual([code === 'bad_route' ? 404 : 400, code])
    expect(json.msg).toMatch(msg)
    expect(cache.rejected(from)).toHaveLength(1)
  })

  it('accepts the camelCase JSON names too, as a protobuf JSON server does', async () => {
    const from = cache.calls.length
    const {json} = await twirp('GetCacheEntryDownloadURL', {key: 'k', version: 'v', restoreKeys: ['x']})
    expect(json).toEqual({ok: false, signed_download_url: '', matched_key: ''})
    expect(cache.rejected(from)).toEqual([])
  })

  it('refuses FinalizeCacheEntryUpload without a reservation (not_found) or with the wrong size (ok: false)', async () => {
    const token = runtimeToken([{Scope: 'refs/heads/sizes', Permission: 3}])
    expect((await twirp('FinalizeCacheEntryUpload', {key: 'nope', version: 'v', size_bytes: '3'}, token)).json).toEqual(
      {
        code: 'not_found',
        msg: 'cache entry not found',
      },
    )
    const created = await twirp('CreateCacheEntry', {key: 'sized', version: 'v'}, token)
    const put = await fetch(String(created.json.signed_upload_url), {
      method: 'PUT',
      headers: {'x-ms-blob-type': 'BlockBlob'},
      body: 'abc',
    })
    expect(put.status).toBe(201)
    expect(
      (await twirp('FinalizeCacheEntryUpload', {key: 'sized', version: 'v', size_bytes: '4'}, token)).json,
    ).toEqual({
      ok: false,
      entry_id: '0',
      message: 'cache entry size mismatch: the blob holds 3 bytes, finalize says 4',
    })
    const done = await twirp('FinalizeCacheEntryUpload', {key: 'sized', version: 'v', size_bytes: '3'}, token)
    expect(done.json.ok).toBe(true)
    expect(done.json.entry_id).toMatch(/^\d+$/)
  })
})

describe('the blob endpoints', () => {
  async function reserve(key: string): Promise<{upload: string; token: string}> {
    const token = runtimeToken([{Scope: 'refs/heads/blobs', Permission: 3}])
    const {json} = await twirp('CreateCacheEntry', {key, version: 'v1'}, token)
    return {upload: String(json.signed_upload_url), token}
  }

  it('refuse a URL without its signature, a tampered one, and a write through a read URL', async () => {
    const from = cache.calls.length
    const {upload, token} = await reserve('signed-1')
    const unsigned = new URL(upload)
    unsigned.searchParams.delete('sig')
    const tampered = new URL(upload)
    tampered.searchParams.set('sp', 'rcw')
    const put = (url: string) =>
      fetch(url, {method: 'PUT', headers: {'x-ms-blob-type': 'BlockBlob'}, body: 'x'}).then(async r => [
        r.status,
        r.headers.get('x-ms-error-code'),
        (await r.text()).includes('<Code>AuthenticationFailed</Code>'),
      ])
    expect(await put(unsigned.href)).toEqual([403, 'AuthenticationFailed', true])
    expect(await put(tampered.href)).toEqual([403, 'AuthenticationFailed', true])
    expect(await put(upload)).toEqual([201, null, false])
    await twirp('FinalizeCacheEntryUpload', {key: 'signed-1', version: 'v1', size_bytes: '1'}, token)
    const {json} = await twirp('GetCacheEntryDownloadURL', {key: 'signed-1', version: 'v1'}, token)
    expect(await put(String(json.signed_download_url))).toEqual([403, 'AuthorizationPermissionMismatch', false])
    expect(cache.rejected(from)).toEqual([])
  })

  it('take blocks and a block list from the Azure SDK, and serve ranges', async () => {
    const from = cache.calls.length
    const {upload, token} = await reserve('blocks-1')
    const data = Buffer.from(Array.from({length: 2500}, (_, i) => i % 251))
    await new BlockBlobClient(upload).uploadData(data, {maxSingleShotSize: 1024, blockSize: 1000, concurrency: 2})
    expect(cache.calls.slice(from + 1).map(c => c.method)).toEqual(['PutBlock', 'PutBlock', 'PutBlock', 'PutBlockList'])
    const size = String(data.length)
    expect(
      (await twirp('FinalizeCacheEntryUpload', {key: 'blocks-1', version: 'v1', size_bytes: size}, token)).json.ok,
    ).toBe(true)
    const {json} = await twirp('GetCacheEntryDownloadURL', {key: 'blocks-', version: 'v1'}, token)
    expect(json.matched_key).toBe('blocks-1')
    const url = String(json.signed_download_url)
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(data)
    const part = await fetch(url, {headers: {range: 'bytes=1000-1009'}})
    expect([part.status, part.headers.get('content-range')]).toEqual([206, 'bytes 1000-1009/2500'])
    expect(Buffer.from(await part.arrayBuffer())).toEqual(data.subarray(1000, 1010))
    expect(await new BlockBlobClient(url).downloadToBuffer(0, undefined, {blockSize: 700})).toEqual(data)
    expect(cache.rejected(from)).toEqual([])
  })
})
