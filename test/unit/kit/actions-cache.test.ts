// The cache port over the real @actions/cache, against the cache-service emulator; and the baseline keys.
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, test, vi} from 'vitest'
import {actionsCache, CACHE_ENV, cacheKeyProblem, type CacheIO} from '../../../src/kit/actions-cache.js'
import {TrainerError} from '../../../src/kit/errors.js'
import {baselineCacheKey, baselineCachePrefix, encodeExperiment} from '../../../src/report/baseline-key.js'
import {startCacheService, type CacheContext, type CacheEmulator} from '../../emulators/cache.js'
import {RecordingIO} from '../../helpers/recording-io.js'
import {tempDir} from '../../helpers/temp-dir.js'

const MAIN = 'refs/heads/main'
const PR7 = 'refs/pull/7/merge'
const SHA = 'c0ffee0000000000000000000000000000000001'

let cache: CacheEmulator
beforeAll(async () => (cache = await startCacheService()))
afterAll(() => cache.close())

/** A baseline file in a fresh workspace. */
function baselineFile(content = '{"v":1}'): {dir: string; file: string} {
  const dir = tempDir('cache-port-')
  const file = join(dir, 'baseline.json')
  writeFileSync(file, content)
  return {dir, file}
}

/** An IO for a job in `ctx`: its env is its own, not process.env. */
function jobIO(ctx: CacheContext | undefined, dir: string): RecordingIO & CacheIO {
  return new RecordingIO({}, dir, {...(ctx ? cache.envFor(ctx) : {}), GITHUB_WORKSPACE: dir})
}

describe('actionsCache', () => {
  it('saves, then restores exactly and by prefix; process.env and stdout are left as they were', async () => {
    const {dir, file} = baselineFile('{"loss":0.1}')
    const before = Object.fromEntries(CACHE_ENV.map(k => [k, process.env[k]]))
    const write = vi.spyOn(process.stdout, 'write')
    const main = jobIO({ref: MAIN}, dir)
    const port = actionsCache(main)
    expect(port.available()).toBe(true)
    expect(await port.save([file], 'port-a-1')).toEqual({status: 'saved', key: 'port-a-1'})

    rmSync(file)
    const pr = jobIO({ref: PR7, base: MAIN}, dir)
    expect(await actionsCache(pr).restore([file], 'port-a-1')).toEqual({status: 'hit', key: 'port-a-1', exact: true})
    expect(readFileSync(file, 'utf8')).toBe('{"loss":0.1}')
    expect(await actionsCache(pr).restore([file], 'port-a-2', ['port-a-'])).toEqual({
      status: 'hit',
      key: 'port-a-1',
      exact: false,
    })

    expect(Object.fromEntries(CACHE_ENV.map(k => [k, process.env[k]]))).toEqual(before)
    expect(write).not.toHaveBeenCalled()
    // the client's log went to the IO: the signed URLs' signatures were registered as secrets first
    expect(pr.secrets.length).toBeGreaterThan(0)
    expect(main.lines.some(l => l.level === 'debug' && l.message.startsWith('@actions/cache: '))).toBe(true)
    expect(cache.rejected()).toEqual([])
  })

  it('runs calls one at a time, each with its own env', async () => {
    const {dir, file} = baselineFile()
    const a = actionsCache(jobIO({ref: 'refs/heads/a'}, dir))
    const b = actionsCache(jobIO({ref: 'refs/heads/b'}, dir))
    const results = await Promise.all([a.save([file], 'par-1'), b.save([file], 'par-1'), a.save([file], 'par-2')])
    expect(results.map(r => r.status)).toEqual(['saved', 'saved', 'saved'])
    expect(
      cache
        .entries()
        .filter(e => e.key.startsWith('par-'))
        .map(e => [e.key, e.scope]),
    ).toEqual([
      ['par-1', 'refs/heads/a'],
      ['par-1', 'refs/heads/b'],
      ['par-2', 'refs/heads/a'],
    ])
  })

  it('says a second save of a key exists', async () => {
    const {dir, file} = baselineFile()
    const port = actionsCache(jobIO({ref: MAIN}, dir))
    expect((await port.save([file], 'port-twice')).status).toBe('saved')
    expect(await port.save([file], 'port-twice')).toEqual({
      status: 'exists',
      key: 'port-twice',
      message: "the cache already holds port-twice for this run's branch (entries are never overwritten)",
    })
  })

  it('says a miss is a miss', async () => {
    const {dir, file} = baselineFile()
    expect(await actionsCache(jobIO({ref: MAIN}, dir)).restore([file], 'nothing-here', ['nor-this-'])).toEqual({
      status: 'miss',
    })
  })

  it('is unavailable outside a job, without calling anything', async () => {
    const {dir, file} = baselineFile()
    const from = cache.calls.length
    const port = actionsCache(jobIO(undefined, dir))
    expect(port.available()).toBe(false)
    const unavailable = {
      status: 'unavailable',
      message:
        'no Actions cache service here (cache service v1: ACTIONS_CACHE_URL and ACTIONS_RUNTIME_TOKEN not set; the runner sets them for JavaScript actions)',
    }
    expect(await port.save([file], 'k')).toEqual(unavailable)
    expect(await port.restore([file], 'k')).toEqual(unavailable)
    expect(cache.calls.length).toBe(from)
  })

  test.each([
    [
      1,
      {ref: MAIN, mode: 'read'},
      'save',
      {status: 'denied', message: 'this run may not write the cache (ACTIONS_CACHE_MODE=read)'},
    ],
    [
      2,
      {ref: MAIN, mode: 'write-only'},
      'restore',
      {status: 'denied', message: 'this run may not read the cache (ACTIONS_CACHE_MODE=write-only)'},
    ],
    [
      3,
      {ref: MAIN, readOnly: true},
      'save',
      {
        status: 'denied',
        message:
          'Unable to reserve cache with key denied-1. More details: cache write denied: token has no writable scopes',
      },
    ],
    [
      4,
      {ref: MAIN, scopes: []},
      'restore',
      {
        status: 'denied',
        message:
          'Failed to GetCacheEntryDownloadURL: Received non-retryable error: Failed request: (403) Forbidden: cache read denied: token has no readable scopes',
      },
    ],
  ] as const)('[%d] in %o, %s is denied', async (_, ctx, op, want) => {
    const {dir, file} = baselineFile()
    const port = actionsCache(jobIO(ctx, dir))
    expect(op === 'save' ? await port.save([file], 'denied-1') : await port.restore([file], 'denied-1')).toEqual(want)
  })

  it('reports what the service did wrong, in the words of the client', async () => {
    const {dir, file} = baselineFile()
    const io = jobIO({ref: MAIN}, dir)
    const port = actionsCache(io)
    cache.failNext({status: 429, method: 'CreateCacheEntry'})
    expect(await port.save([file], 'limited-1')).toEqual({
      status: 'failed',
      message:
        'Unable to reserve cache with key limited-1: Failed to CreateCacheEntry: Rate limited: Failed request: (429) Too Many Requests: injected fault',
    })
    cache.failNext({status: 201, method: 'PutBlob'})
    expect(await port.save([file], 'lost-1')).toEqual({
      status: 'failed',
      message: 'cache entry upload not found: nothing was committed to the blob for key lost-1',
    })
    cache.failNext({status: 429, method: 'GetCacheEntryDownloadURL'})
    expect(await port.restore([file], 'x')).toEqual({
      status: 'failed',
      message:
        'Failed to GetCacheEntryDownloadURL: Rate limited: Failed request: (429) Too Many Requests: injected fault',
    })
    // the client's warnings are in the log, not annotations
    expect(io.warnings()).toEqual([])
    expect(io.lines.filter(l => l.level === 'info').map(l => l.message)).toEqual([
      '@actions/cache: cache entry upload not found: nothing was committed to the blob for key lost-1',
      '@actions/cache: Failed to restore: Failed to GetCacheEntryDownloadURL: Rate limited: Failed request: (429) Too Many Requests: injected fault',
    ])
  })

  it('says a path that does not exist fails the save', async () => {
    const {dir} = baselineFile()
    expect(await actionsCache(jobIO({ref: MAIN}, dir)).save([join(dir, 'missing.json')], 'nofile-1')).toEqual({
      status: 'failed',
      message:
        'Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.',
    })
  })

  const badKeys = [
    [1, 'a,b', 'cache key cannot contain commas: a,b'],
    [2, 'x'.repeat(513), `cache key is 513 characters long; the limit is 512: ${'x'.repeat(513)}`],
    [3, '', 'a cache key cannot be empty'],
  ] as const
  test.each(badKeys)('[%d] refuses to save under %j before calling anything', (_, key, message) => {
    expect(() => actionsCache(jobIO({ref: MAIN}, process.cwd())).save(['f'], key)).toThrow(new TrainerError(message))
  })
  const badKeyLists: [number, string[], string][] = [
    ...badKeys.map(([n, key, message]): [number, string[], string] => [n, [key], message]),
    [
      4,
      Array.from({length: 11}, (_, i) => `k${i}`),
      'a cache restore takes at most 10 keys (a key and 9 restore keys); got 11',
    ],
  ]
  test.each(badKeyLists)('[%d] refuses to restore %j before calling anything', (_, keys, message) => {
    const [key = '', ...rest] = keys
    expect(() => actionsCache(jobIO({ref: MAIN}, process.cwd())).restore(['f'], key, rest)).toThrow(
      new TrainerError(message),
    )
  })

  it('takes a key of 512 characters', () => {
    expect(cacheKeyProblem('x'.repeat(512))).toBeUndefined()
  })
})

describe('baseline keys', () => {
  test.each([
    [1, 'mnist', 'mnist'],
    [2, 'logreg_sweep.v2', 'logreg_sweep.v2'],
    [3, 'mnist-cnn', 'mnist~2dcnn'],
    [4, 'MNIST', '^m^n^i^s^t'],
    [5, 'a,b c', 'a~2cb~20c'],
    [6, 'ñandú', '~c3~b1and~c3~ba'],
    [7, '~^', '~7e~5e'],
    [8, '模型', '~e6~a8~a1~e5~9e~8b'],
  ])('[%d] encodes %j as %j', (_, name, enc) => {
    expect(encodeExperiment(name)).toBe(enc)
    expect(baselineCacheKey(name, SHA)).toBe(`trainer-baseline-${enc}-${SHA}`)
    expect(baselineCachePrefix(name)).toBe(`trainer-baseline-${enc}-`)
  })

  it('gives names that differ (in case too) keys no prefix of the other matches', () => {
    const names = ['a', 'ab', 'a-b', 'a~2db', 'A', 'a.', 'a_', '', 'x'.repeat(300), `${'x'.repeat(300)}y`]
    const keys = names.map(n => baselineCacheKey(n, SHA).toLowerCase())
    const clashes = names.flatMap((n, i) =>
      keys.filter((k, j) => i !== j && k.startsWith(baselineCachePrefix(n).toLowerCase())).map(k => [n, k]),
    )
    expect(clashes).toEqual([])
  })

  it('bounds long names, keeping them apart by a hash', () => {
    const long = 'Experiment-'.repeat(40)
    const enc = encodeExperiment(long)
    expect(enc.length).toBeLessThanOrEqual(100)
    expect(enc).toMatch(/^\^experiment~2d\^experiment.*~~[0-9a-f]{16}$/)
    expect(encodeExperiment(`${long}!`)).not.toBe(enc)
    const key = baselineCacheKey('é'.repeat(1000), 'f'.repeat(64))
    expect(key.length).toBeLessThanOrEqual(512)
    expect(cacheKeyProblem(key)).toBeUndefined()
  })

  it('refuses a SHA that is not one', () => {
    expect(() => baselineCacheKey('m', 'HEAD')).toThrow('baselineCacheKey: not a commit SHA: "HEAD"')
    expect(baselineCacheKey('m', 'ABCDEF1')).toBe('trainer-baseline-m-abcdef1')
  })

  it("restore by one experiment's prefix never returns another's baseline", async () => {
    const {dir, file} = baselineFile()
    const port = actionsCache(jobIO({ref: 'refs/heads/keys'}, dir))
    for (const name of ['ab', 'a-b', 'A'])
      expect((await port.save([file], baselineCacheKey(name, SHA))).status).toBe('saved')
    expect(await port.restore([file], baselineCacheKey('a', SHA), [baselineCachePrefix('a')])).toEqual({status: 'miss'})
    expect((await port.save([file], baselineCacheKey('a', SHA))).status).toBe('saved')
    expect(await port.restore([file], baselineCacheKey('a', 'beef'), [baselineCachePrefix('a')])).toEqual({
      status: 'hit',
      key: baselineCacheKey('a', SHA),
      exact: false,
    })
  })
})
