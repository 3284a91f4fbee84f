/**
 * The Actions cache as a port: save and restore a few files under a key through GitHub's cache
 * service with the real `@actions/cache` client, and say in words what happened.
 *
 * `@actions/cache` never throws for a service problem: it logs through `@actions/core` (stdout) and
 * answers -1 or undefined. So each call here, one at a time:
 * - installs the cache variables of `io.env` (`CACHE_ENV`) into `process.env`, which is where the
 *   client reads them, and puts the old values back afterwards (a no-op when `io.env` is
 *   `process.env`, as in an action). `RUNNER_TEMP` falls back to the OS temp dir;
 * - collects what the client writes to stdout meanwhile, hands `::add-mask::` values to
 *   `io.setSecret` and the rest to `io.log` (debug; the client's warnings and errors at info),
 *   and reads the outcome from it (`failed`, `denied`, `exists` with the service's reason).
 *   Anything else the process writes to stdout during the call is routed the same way, so do not
 *   run other work that annotates concurrently with a cache call.
 *
 * Paths are handed to the client as given: the cache *version* is a hash of these strings (and the
 * compression), so save and restore must name the files the same way. Relative paths resolve
 * against the working directory and are archived relative to `GITHUB_WORKSPACE` (or it).
 *
 * `@actions/cache` (and the Azure SDK under it) is imported on first use, so bundles that never
 * call the cache do not load it.
 */
import {tmpdir} from 'node:os'
import type {ActionIO} from './io.js'
import {TrainerError, getErrorMessage} from './errors.js'

export type CacheSave =
  | {status: 'saved'; key: string}
  /** An entry with this key and version is already in the job's scope (entries are immutable). */
  | {status: 'exists'; key: string; message: string}
  /** No cache service here (not in an Actions job, or a runner without one). */
  | {status: 'unavailable'; message: string}
  /** The run may not write the cache: `ACTIONS_CACHE_MODE`, or a token without a writable scope. */
  | {status: 'denied'; message: string}
  | {status: 'failed'; message: string}

export type CacheRestore =
  /** `exact`: the key itself matched (ignoring case, as the service does), not a prefix or a restore key. */
  | {status: 'hit'; key: string; exact: boolean}
  | {status: 'miss'}
  | {status: 'unavailable'; message: string}
  /** The run may not read the cache: `ACTIONS_CACHE_MODE`, or a token without a readable scope. */
  | {status: 'denied'; message: string}
  | {status: 'failed'; message: string}

export interface CachePort {
  /** A cache service is configured in the environment (it may still refuse or fail). */
  available(): boolean
  /** Saves `paths` under `key`. Never throws for the service; throws a TrainerError for an invalid key. */
  save(paths: string[], key: string): Promise<CacheSave>
  /**
   * Restores the entry `key` matches (exactly, else the newest it prefixes), else the first restore
   * key's; the job's own scope first, then the base and default branches'. Never throws for the
   * service; throws a TrainerError for an invalid key or more than 10 keys.
   */
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<CacheRestore>
}

export type CacheIO = Pick<ActionIO, 'env' | 'log' | 'setSecret'>

/** What `@actions/cache` 6.x reads from `process.env` (lib/internal/config.js, cacheUtils.js, tar.js, options.js). */
export const CACHE_ENV = [
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_MODE',
  'GITHUB_SERVER_URL',
  'GITHUB_REF',
  'GITHUB_WORKSPACE',
  'RUNNER_TEMP',
  'RUNNER_DEBUG',
  'CACHE_UPLOAD_CONCURRENCY',
  'CACHE_UPLOAD_CHUNK_SIZE',
  'SEGMENT_DOWNLOAD_TIMEOUT_MINS',
] as const

const KEY_MAX = 512
const KEYS_MAX = 10

/** Why the cache would refuse `key` (the client's own rules: at most 512 characters, no commas), or undefined. */
export function cacheKeyProblem(key: string): string | undefined {
  if (key === '') return 'a cache key cannot be empty'
  if (key.length > KEY_MAX) return `cache key is ${key.length} characters long; the limit is ${KEY_MAX}: ${key}`
  if (key.includes(',')) return `cache key cannot contain commas: ${key}`
  return undefined
}

type Env = Readonly<Record<string, string | undefined>>

/** The client's choice of service (lib/internal/config.js): v1 on GHES or without ACTIONS_CACHE_SERVICE_V2. */
function serviceOf(env: Env): {version: 'v1' | 'v2'; missing: string[]} {
  let ghes: boolean
  try {
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase()
    ghes = !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'))
  } catch {
    ghes = true
  }
  const version = !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? 'v2' : 'v1'
  const url = version === 'v2' ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL'
  return {version, missing: [url, 'ACTIONS_RUNTIME_TOKEN'].filter(k => !env[k])}
}

/** ACTIONS_CACHE_MODE as the client reads it; unknown values permit everything. */
function modeOf(env: Env): {read: boolean; write: boolean; mode: string} {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase()
  const known = ['none', 'read', 'write', 'write-only'].includes(mode)
  return {
    mode,
    read: !known || mode === 'read' || mode === 'write',
    write: !known || mode === 'write' || mode === 'write-only',
  }
}

interface Line {
  kind: 'debug' | 'info' | 'warning' | 'error' | 'mask'
  text: string
}

const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/** One line @actions/core wrote: a workflow command (`::warning::…`) or plain info. */
function parseLine(line: string): Line {
  const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/s.exec(line)
  if (!m) return {kind: 'info', text: line}
  const [, command = '', data = ''] = m
  const kind = command === 'add-mask' ? 'mask' : command === 'warning' || command === 'error' ? command : 'debug'
  return {kind, text: unescape(data)}
}

// process.env and process.stdout are the process's: one cache call at a time.
let tail: Promise<unknown> = Promise.resolve()
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn)
  tail = run.catch(() => undefined)
  return run
}

/** Runs `fn` with `env`'s cache variables in process.env and stdout collected; restores both. */
async function captured<T>(io: CacheIO, fn: () => Promise<T>): Promise<{value: T; lines: Line[]}> {
  const saved = new Map(CACHE_ENV.map(k => [k, process.env[k]]))
  for (const k of CACHE_ENV) {
    const v = k === 'RUNNER_TEMP' ? io.env[k] || tmpdir() : io.env[k]
    if (v === undefined) Reflect.deleteProperty(process.env, k)
    else process.env[k] = v
  }
  const out = process.stdout
  const write = Object.getOwnPropertyDescriptor(out, 'write')
  const lines: Line[] = []
  let pending = ''
  const collect = (chunk: unknown, encoding?: unknown, cb?: unknown): boolean => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
    const parts = pending.split('\n')
    pending = parts.pop() ?? ''
    for (const p of parts) lines.push(parseLine(p.replace(/\r$/, '')))
    const done = typeof encoding === 'function' ? encoding : cb
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)())
    return true
  }
  out.write = collect
  try {
    return {value: await fn(), lines}
  } finally {
    if (write) Object.defineProperty(out, 'write', write)
    else Reflect.deleteProperty(out, 'write')
    if (pending) lines.push(parseLine(pending))
    for (const [k, v] of saved) {
      if (v === undefined) Reflect.deleteProperty(process.env, k)
      else process.env[k] = v
    }
    // masks first, so nothing logged below shows a signed URL
    for (const l of lines) if (l.kind === 'mask') io.setSecret(l.text)
    for (const l of lines) {
      if (l.kind === 'warning' || l.kind === 'error') io.log.info(`@actions/cache: ${l.text}`)
      else if (l.kind !== 'mask') io.log.debug(`@actions/cache: ${l.text}`)
    }
  }
}

/** The client's own account of a failure: its warnings and errors, else its `Failed to …` info line. */
function failureOf(lines: Line[], verb: 'save' | 'restore'): string | undefined {
  const said = lines.filter(l => l.kind === 'warning' || l.kind === 'error').map(l => l.text)
  const info = lines.find(l => l.kind === 'info' && l.text.startsWith(`Failed to ${verb}: `))?.text
  const all = info && !said.includes(info) ? [...said, info] : said
  if (all.length === 0) return undefined
  const text = all.map(t => t.replace(new RegExp(`^Failed to ${verb}: `), '')).join('; ')
  // "another job may be creating this cache" stands for any refused reservation; the debug line has the service's answer
  const detail = lines.find(l => l.kind === 'debug' && l.text.startsWith('Failed to reserve cache: '))?.text
  return detail
    ? text.replace(
        /, another job may be creating this cache\.$/,
        `: ${detail.replace(/^Failed to reserve cache: (Error: )?/, '')}`,
      )
    : text
}

/** The cache port over `@actions/cache` for the environment and log of `io`. */
export function actionsCache(io: CacheIO): CachePort {
  const unavailable = (): {status: 'unavailable'; message: string} | undefined => {
    const {version, missing} = serviceOf(io.env)
    if (missing.length === 0) return undefined
    return {
      status: 'unavailable',
      message: `no Actions cache service here (cache service ${version}: ${missing.join(' and ')} not set; the runner sets them for JavaScript actions)`,
    }
  }
  const checkKeys = (keys: string[]): void => {
    if (keys.length > KEYS_MAX)
      throw new TrainerError(
        `a cache restore takes at most ${KEYS_MAX} keys (a key and 9 restore keys); got ${keys.length}`,
      )
    for (const k of keys) {
      const problem = cacheKeyProblem(k)
      if (problem) throw new TrainerError(problem)
    }
  }

  return {
    available: () => unavailable() === undefined,

    save: (paths, key) => {
      checkKeys([key])
      const none = unavailable()
      if (none) return Promise.resolve(none)
      const {write, mode} = modeOf(io.env)
      if (!write)
        return Promise.resolve({
          status: 'denied',
          message: `this run may not write the cache (ACTIONS_CACHE_MODE=${mode})`,
        })
      return exclusive(async () => {
        let id: number
        let lines: Line[]
        try {
          const {saveCache} = await import('@actions/cache')
          ;({value: id, lines} = await captured(io, () => saveCache(paths, key)))
        } catch (e: unknown) {
          return {status: 'failed', message: getErrorMessage(e)}
        }
        if (id !== -1) return {status: 'saved', key}
        const message = failureOf(lines, 'save') ?? 'the cache client saved nothing and said why only in its debug log'
        if (/cache write denied:/.test(message)) return {status: 'denied', message}
        if (/\balready exists\b/i.test(message))
          return {
            status: 'exists',
            key,
            message: `the cache already holds ${key} for this run's branch (entries are never overwritten)`,
          }
        return {status: 'failed', message}
      })
    },

    restore: (paths, key, restoreKeys = []) => {
      checkKeys([key, ...restoreKeys])
      const none = unavailable()
      if (none) return Promise.resolve(none)
      const {read, mode} = modeOf(io.env)
      if (!read)
        return Promise.resolve({
          status: 'denied',
          message: `this run may not read the cache (ACTIONS_CACHE_MODE=${mode})`,
        })
      return exclusive(async () => {
        let hit: string | undefined
        let lines: Line[]
        try {
          const {restoreCache} = await import('@actions/cache')
          ;({value: hit, lines} = await captured(io, () => restoreCache(paths, key, restoreKeys)))
        } catch (e: unknown) {
          return {status: 'failed', message: getErrorMessage(e)}
        }
        if (hit !== undefined) return {status: 'hit', key: hit, exact: hit.toLowerCase() === key.toLowerCase()}
        const message = failureOf(lines, 'restore')
        if (message === undefined) return {status: 'miss'}
        if (/cache read denied:/.test(message)) return {status: 'denied', message}
        return {status: 'failed', message}
      })
    },
  }
}
