/**
 * The default branch's baseline through the Actions cache, for reports that have no fixed
 * `report.baseline` file:
 * - a report on the default branch (a push to it, a schedule, a dispatch) that has ended
 *   stores its launch's metrics per sweep point under `trainer-baseline-<experiment>-<sha>`;
 * - a pull request's report restores the baseline of its base commit, else the newest of its
 *   experiment (by the key prefix; the cache service answers with the most recent entry), and
 *   compares against it. A pull request's cache scope can read its base branch's entries, and
 *   its own saves never reach the default branch's scope.
 * Nothing here fails a report: what could not be done is returned, for the summary to say.
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {dirname, join, relative} from 'node:path'
import type {GithubRun} from '../kit/github.js'
import type {ActionIO} from '../kit/io.js'
import {actionsCache, type CachePort} from '../kit/actions-cache.js'
import {BaselineFileSchema, baselineOf} from '../report/baseline.js'
import {baselineCacheKey, baselineCachePrefix} from '../report/baseline-key.js'
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

/** The branch a push, schedule or dispatch ran on is the repository's default branch. */
export function onDefaultBranch(g: GithubRun, env: Readonly<Record<string, string | undefined>>): boolean {
  const repo = g.event?.repository as {default_branch?: unknown} | undefined
  const branch = typeof repo?.default_branch === 'string' ? repo.default_branch : undefined
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
  const {abs, rel} = paths(io)
  await mkdir(dirname(abs), {recursive: true})
  const r = await cache.restore([rel], base ? baselineCacheKey(experiment, base) : prefix, base ? [prefix] : [])
  if (r.status === 'miss') return {}
  if (r.status !== 'hit') return {problem: `the default branch's baseline could not be restored: ${r.message}`}
  try {
    const b = BaselineFileSchema.parse(JSON.parse(await readFile(abs, 'utf8')))
    if (b.experiment !== experiment) return {problem: `the cached baseline ${r.key} is another experiment's`}
    return {baseline: {source: b.source, points: b.points}, key: r.key}
  } catch (e: unknown) {
    return {problem: `the cached baseline ${r.key} is not a baseline file (${(e as Error).message})`}
  }
}

/** Stores an ended launch's metrics as the default branch's baseline at its commit (the launch's, else the step's). */
export async function saveBaseline(
  io: ActionIO,
  cache: CachePort,
  model: ReportModel,
  g: GithubRun,
): Promise<CachedBaseline> {
  const sha = model.github?.headSha ?? g.headSha
  const file = baselineOf({...model, github: model.github ?? {repository: g.repository, headSha: sha}})
  if (!Object.keys(file.points).length) return {problem: 'no run succeeded: no baseline stored'}
  const {abs, rel} = paths(io)
  await mkdir(dirname(abs), {recursive: true})
  await writeFile(abs, `${JSON.stringify(file)}\n`)
  const key = baselineCacheKey(model.experiment, sha)
  const r = await cache.save([rel], key)
  if (r.status === 'saved' || r.status === 'exists') return {key}
  return {problem: `the baseline could not be stored in the cache: ${r.message}`}
}
