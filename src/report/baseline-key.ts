/**
 * Cache keys for baselines: `trainer-baseline-<experiment>-<sha>`, restored on a pull request by the
 * base commit's key and, failing that, by the experiment's prefix (the newest baseline); and a
 * scheduled sweep's nights, `trainer-night-<schedule>-<experiment>-<time>`, restored by the prefix.
 *
 * The Actions cache matches keys by prefix and case-insensitively, and refuses commas and keys over
 * 512 characters, so the experiment name is encoded: `[a-z0-9_.]` stay, an upper-case letter
 * becomes `^` and the letter, every other byte of its UTF-8 `~` and two lower-case hex digits
 * (`mnist-cnn` → `mnist~2dcnn`, `MNIST` → `^m^n^i^s^t`). The result is lower case, never contains
 * `-` or `,`, and different names give different results, so the `-` that ends it keeps one
 * experiment's prefix from matching another's keys (`a` and `ab`, `a` and `a-b`). Encodings over
 * 100 characters keep their first 80 and end in `~~` and 16 hex digits of the name's SHA-256.
 */
import {createHash} from 'node:crypto'

const PREFIX = 'trainer-baseline-'
const ENC_MAX = 100
const ENC_KEEP = 80

/** The experiment name as it appears in its cache keys. */
export function encodeExperiment(name: string): string {
  const units: string[] = []
  for (const ch of name) {
    if (/^[a-z0-9_.]$/.test(ch)) units.push(ch)
    else if (/^[A-Z]$/.test(ch)) units.push(`^${ch.toLowerCase()}`)
    else for (const b of Buffer.from(ch, 'utf8')) units.push(`~${b.toString(16).padStart(2, '0')}`)
  }
  const full = units.join('')
  if (full.length <= ENC_MAX) return full
  let kept = ''
  for (const u of units) {
    if (kept.length + u.length > ENC_KEEP) break
    kept += u
  }
  return `${kept}~~${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 16)}`
}

/** The restore key that matches every baseline of `experiment` and no other experiment's. */
export function baselineCachePrefix(experiment: string): string {
  return `${PREFIX}${encodeExperiment(experiment)}-`
}

/** The cache key of `experiment`'s baseline at commit `sha` (hex, 4 to 64 digits). */
export function baselineCacheKey(experiment: string, sha: string): string {
  if (!/^[0-9a-f]{4,64}$/i.test(sha)) throw new Error(`baselineCacheKey: not a commit SHA: ${JSON.stringify(sha)}`)
  return `${baselineCachePrefix(experiment)}${sha.toLowerCase()}`
}

const NIGHT = 'trainer-night-'

/** The restore key that matches every night `schedule` stored for `experiment`, and no other's. */
export function nightCachePrefix(schedule: string, experiment: string): string {
  return `${NIGHT}${encodeExperiment(schedule)}-${encodeExperiment(experiment)}-`
}

/** A night's key: unique per save (the cache keeps the first entry of a key), newest restored by the prefix. */
export function nightCacheKey(schedule: string, experiment: string, at: Date, runId?: string): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '').toLowerCase()
  const run = runId && /^\d{1,20}$/.test(runId) ? `.${runId}` : ''
  return `${nightCachePrefix(schedule, experiment)}${stamp}${run}`
}
