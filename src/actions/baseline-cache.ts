/**
 * The default branch's baseline through the Actions cache, for reports that have no fixed
 * `report.baseline` file:
 * - a report on the default branch (a push to it, a schedule, a dispatch) that has ended
 *   stores its launch's metrics per sweep point under `trainer-baseline-<experiment>-<sha>`;
 * - a pull request's report restores the baseline of its base commit, else the newest of its
 *   experiment (by the key prefix; the cache service answers with the most recent entry), and
 *   compares against it. A pull request's cache scope can read its base branch's entries, and
 *   its own saves never reach the default branch's scope.
 * - a scheduled sweep (src/actions/schedule.ts) restores the newest night its schedule stored
 *   and is judged against it; a night without a regression is stored for the next one
 *   (`trainer-night-<schedule>-<experiment>-<time>`), so a regression stays one until fixed.
 * Nothing here fails a report: what could not be done is returned, for the summary to say.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {dirname, join, relative} from 'node:path'
import type {GithubRun} from '../kit/github.js'
import type {ActionIO} from '../kit/io.js'
import {actionsCache, type CachePort} from '../kit/actions-cache.js'
import {BaselineFileSchema, baselineOf} from '../report/baseline.js'
import {baselineCacheKey, baselineCachePrefix, nightCacheKey, nightCachePrefix} from '../report/baseline-key.js'
import type {Baseline, ReportModel} from '../report/model.js'

/** Where the baseline file is kept for the cache, under the workspace (save and restore name it the same way). */
const FILE = join('.trainer', 'baseline-cache', 'baseline.json')

export interface CachedBaseline {
  baseline?: Baseline | undefined
  /** The key restored or saved. */
  key?: string | undefined
  /** What could not be done, and why. */
  problem?: string | undefined
}

/**
 * The branch a push, schedule or dispatch ran on is the repository's default branch. A schedule
 * always runs there, and its payload may name nothing else (before GitHub added the repository
 * to it in 2022 it held the cron alone).
 */
export function onDefaultBranch(g: GithubRun, env: Readonly<Record<string, string | undefined>>): boolean {
  const repo = g.event?.repository as {default_branch?: unknown} | undefined
  const branch = typeof repo?.default_branch === 'string' ? repo.default_branch : undefined
  if (g.eventName === 'schedule' && branch === undefined) return true
  return (
    branch !== undefined &&
    env.GITHUB_REF === `refs/heads/${branch}` &&
    ['push', 'schedule', 'workflow_dispatch'].includes(g.eventName)
  )
}

/** The paths as the cache client takes them: relative to the working directory, as on every runner. */
function paths(io: ActionIO): {abs: string; rel: string} {
  const abs = join(io.workspace, FILE)
  return {abs, rel: relative(process.cwd(), abs) || abs}
}

/** A cache port where there is a cache service; undefined (nothing to say) where there is none. */
export function baselineCache(io: ActionIO): CachePort | undefined {
  const cache = actionsCache(io)
  return cache.available() ? cache : undefined
}

/** A pull request's baseline from the cache: its base commit's, else the experiment's newest. */
export async function restoreBaseline(
  io: ActionIO,
  cache: CachePort,
  g: GithubRun,
  experiment: string,
): Promise<CachedBaseline> {
  const pr = g.event?.pull_request as {base?: {sha?: unknown}} | undefined
  const base = typeof pr?.base?.sha === 'string' ? pr.base.sha : undefined
  const prefix = baselineCachePrefix(experiment)
  return restoreFile(io, cache, experiment, base ? baselineCacheKey(experiment, base) : prefix, base ? [prefix] : [])
}

/** Stores an ended launch's metrics as the default branch's baseline at its commit (the launch's, else the step's). */
export async function saveBaseline(
  io: ActionIO,
  cache: CachePort,
  model: ReportModel,
  g: GithubRun,
): Promise<CachedBaseline> {
  const sha = model.github?.headSha ?? g.headSha
  return saveFile(io, cache, model, g, baselineCacheKey(model.experiment, sha))
}

/** The newest night a schedule's sweep stored (saveNight): what tonight's is judged against. */
export async function restoreNight(
  io: ActionIO,
  cache: CachePort,
  schedule: string,
  experiment: string,
): Promise<CachedBaseline> {
  const prefix = nightCachePrefix(schedule, experiment)
  return restoreFile(io, cache, experiment, prefix, [])
}

/** Stores tonight's metrics for the next night to be judged against, as `night of <date> (<sha>)`. */
export async function saveNight(
  io: ActionIO,
  cache: CachePort,
  model: ReportModel,
  g: GithubRun,
  schedule: string,
): Promise<CachedBaseline> {
  const now = io.now()
  const sha = model.github?.headSha ?? g.headSha
  const key = nightCacheKey(schedule, model.experiment, now, g.runId)
  return saveFile(io, cache, model, g, key, `night of ${now.toISOString().slice(0, 10)} (${sha.slice(0, 7)})`)
}

async function restoreFile(
  io: ActionIO,
  cache: CachePort,
  experiment: string,
  key: string,
  restoreKeys: string[],
): Promise<CachedBaseline> {
  const {abs, rel} = paths(io)
  await mkdir(dirname(abs), {recursive: true})
  const r = await cache.restore([rel], key, restoreKeys)
  if (r.status === 'miss') return {}
  if (r.status !== 'hit') return {problem: `the baseline could not be restored: ${r.message}`}
  try {
    const b = BaselineFileSchema.parse(JSON.parse(await readFile(abs, 'utf8')))
    if (b.experiment !== experiment) return {problem: `the cached baseline ${r.key} is another experiment's`}
    return {baseline: {source: b.source, points: b.points}, key: r.key}
  } catch (e: unknown) {
    return {problem: `the cached baseline ${r.key} is not a baseline file (${(e as Error).message})`}
  }
}

async function saveFile(
  io: ActionIO,
  cache: CachePort,
  model: ReportModel,
  g: GithubRun,
  key: string,
  source?: string,
): Promise<CachedBaseline> {
  const sha = model.github?.headSha ?? g.headSha
  const file = baselineOf({...model, github: model.github ?? {repository: g.repository, headSha: sha}})
  if (!Object.keys(file.points).length) return {problem: 'no run succeeded: no baseline stored'}
  const {abs, rel} = paths(io)
  await mkdir(dirname(abs), {recursive: true})
  await writeFile(abs, `${JSON.stringify(source ? {...file, source} : file)}\n`)
  const r = await cache.save([rel], key)
  if (r.status === 'saved' || r.status === 'exists') return {key}
  return {problem: `the baseline could not be stored in the cache: ${r.message}`}
}
