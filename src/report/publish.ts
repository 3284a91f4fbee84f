/**
 * Publishing a launch's report where reviewers look: one check run on the head SHA (found
 * again by its name and `external_id`, so a second report edits it), one sticky PR comment
 * per experiment (found by the id the launch's record keeps, else by its hidden marker through
 * a paginated lookup; made again if a person deleted it), and the job summary. Each is
 * independent: a check run that cannot be written (a fork's read-only token) does not stop the
 * comment or the summary, and the report says what it could not do and why.
 */
import type {GitHubClient} from '../kit/octokit.js'
import {getErrorMessage} from '../kit/errors.js'
import type {GithubRun} from '../kit/github.js'
import {ANNOTATIONS_PER_REQUEST, type CheckAnnotation} from './annotations.js'
import type {ReportModel} from './model.js'
import type {RenderedReports} from './render.js'

/** The report in its three forms (src/report/render.ts `renderReports`). */
export type RenderedReport = Pick<RenderedReports, 'title' | 'conclusion' | 'check' | 'comment' | 'summary' | 'marker'>

export interface Published {
  checkRunId?: number | undefined
  checkRunUrl?: string | undefined
  commentId?: number | undefined
  commentUrl?: string | undefined
  /** What could not be published, and why (shown in the summary). */
  problems: string[]
}

/** What every launch's check run is named with: `trainer: <experiment>`. */
export const CHECK_PREFIX = 'trainer: '

/** The check run's name for an experiment. */
export const checkName = (experiment: string): string => `${CHECK_PREFIX}${experiment}`

/** Whether an API error is GitHub refusing this token a write (a fork PR's read-only token, missing permissions). */
function refused(e: unknown): boolean {
  const status = (e as {status?: unknown}).status
  return status === 403 || status === 404
}

/** The check run's status for a report: queued until a run starts, in_progress, completed with a conclusion. */
export function checkStatus(
  model: ReportModel,
  r: Pick<RenderedReport, 'conclusion'>,
): 'queued' | 'in_progress' | 'completed' {
  if (r.conclusion !== undefined) return 'completed'
  return model.runs.some(x => x.state !== 'CREATED' && x.state !== 'QUEUED') ? 'in_progress' : 'queued'
}

/** The launch's check run as GitHub has it now. */
export interface ExistingCheck {
  id: number
  url: string
  status: string
  conclusion: string | null
  summary: string | null
  /** The output text: the hidden launch record (src/report/record.ts). */
  text: string | null
  annotationsCount: number
}

/** The launch's check run on its head SHA, if a report made one (found by name and external_id). */
export async function findCheckRun(
  gh: GitHubClient,
  g: GithubRun,
  model: Pick<ReportModel, 'experiment' | 'launchId' | 'github'>,
): Promise<ExistingCheck | undefined> {
  const existing = await gh.paginate(gh.rest.checks.listForRef, {
    owner: g.owner,
    repo: g.repo,
    ref: model.github?.headSha ?? g.headSha,
    check_name: checkName(model.experiment),
    filter: 'all',
    per_page: 100,
  })
  const mine = existing.find(c => c.external_id === model.launchId)
  return mine && existingCheck(mine)
}

/** A check run as the API lists it, as far as a report needs it. */
export function existingCheck(c: {
  id: number
  html_url: string | null
  status: string
  conclusion: string | null
  output: {summary: string | null; text: string | null; annotations_count: number}
}): ExistingCheck {
  return {
    id: c.id,
    url: c.html_url ?? '',
    status: c.status,
    conclusion: c.conclusion,
    summary: c.output.summary,
    text: c.output.text,
    annotationsCount: c.output.annotations_count,
  }
}

/** A launch's check run as listed on its commit. */
export interface LaunchCheck {
  check: ExistingCheck
  /** `trainer: <experiment>` */
  name: string
  experiment: string
  /** The launch id. */
  externalId: string
  headSha: string
  title: string | null
}

/**
 * The launch check runs on a commit, newest first: named `trainer: *`, with a launch id
 * (`external_id`), and made by `app` (a slug: `github-actions` for a workflow's GITHUB_TOKEN).
 * A check run of any other app is never a launch, whatever its name: anyone whose workflow may
 * write checks could make one.
 */
export async function launchChecks(
  gh: GitHubClient,
  g: Pick<GithubRun, 'owner' | 'repo'>,
  sha: string,
  app: string,
): Promise<LaunchCheck[]> {
  const checks = await gh.paginate(gh.rest.checks.listForRef, {
    owner: g.owner,
    repo: g.repo,
    ref: sha,
    filter: 'all',
    per_page: 100,
  })
  return checks
    .filter(c => c.name.startsWith(CHECK_PREFIX) && c.app?.slug === app && c.external_id)
    .sort((a, b) => b.id - a.id)
    .map(c => ({
      check: existingCheck(c),
      name: c.name,
      experiment: c.name.slice(CHECK_PREFIX.length),
      externalId: c.external_id ?? '',
      headSha: c.head_sha,
      title: c.output.title,
    }))
}

export interface CheckRunWrite {
  /** The check run found before (findCheckRun): updated, not made again. */
  existing?: ExistingCheck | undefined
  /** The output text (the hidden launch record); given what was there and the sticky comment written. */
  text?: ((existing: ExistingCheck | undefined, commentId: number | undefined) => string) | undefined
  /** The sticky comment this report wrote, for the record. */
  commentId?: number | undefined
  /** Annotations, sent only with the update that completes the check run, 50 a request. */
  annotations?: readonly CheckAnnotation[] | undefined
}

/**
 * Creates or updates the launch's check run on the head SHA: queued/in_progress while runs
 * are under way, completed with a conclusion when they end. An update that would change
 * neither the status, the conclusion nor the summary is not sent (the request budget). Annotations go with
 * the completing update, the first 50 in it and the rest 50 to a further update, and only
 * once: a check run completed with annotations already gets none again.
 */
export async function publishCheckRun(
  gh: GitHubClient,
  g: GithubRun,
  model: ReportModel,
  r: RenderedReport,
  o: CheckRunWrite = {},
): Promise<{id: number; url: string; written: boolean}> {
  const name = checkName(model.experiment)
  const repo = {owner: g.owner, repo: g.repo}
  const mine = o.existing
  const status = checkStatus(model, r)
  const state =
    r.conclusion !== undefined
      ? {status: 'completed' as const, conclusion: r.conclusion, completed_at: new Date().toISOString()}
      : {status: status as 'queued' | 'in_progress'}
  const same =
    mine?.status === state.status &&
    mine.summary === r.check &&
    (state.status !== 'completed' || mine.conclusion === r.conclusion)
  if (mine && same) return {id: mine.id, url: mine.url, written: false}
  const completing = state.status === 'completed' && !(mine?.status === 'completed' && mine.annotationsCount > 0)
  const annotations = completing ? [...(o.annotations ?? [])] : []
  const text = o.text?.(mine, o.commentId)
  const output = (batch: CheckAnnotation[]) => ({
    title: r.title,
    summary: r.check,
    ...(text === undefined ? {} : {text}),
    ...(batch.length ? {annotations: batch} : {}),
  })
  const first = annotations.splice(0, ANNOTATIONS_PER_REQUEST)
  const written = mine
    ? await gh.rest.checks.update({...repo, check_run_id: mine.id, output: output(first), ...state})
    : await gh.rest.checks.create({
        ...repo,
        name,
        head_sha: model.github?.headSha ?? g.headSha,
        external_id: model.launchId,
        output: output(first),
        ...(g.runId ? {details_url: `${g.serverUrl}/${g.repository}/actions/runs/${g.runId}`} : {}),
        ...state,
      })
  const id = written.data.id
  while (annotations.length)
    await gh.rest.checks.update({
      ...repo,
      check_run_id: id,
      output: output(annotations.splice(0, ANNOTATIONS_PER_REQUEST)),
    })
  return {id, url: written.data.html_url ?? '', written: true}
}

/**
 * Whether a comment is the report: its first line the marker, written by an app
 * (`github-actions[bot]` for a workflow's GITHUB_TOKEN) or by someone of the repository (a
 * token of theirs). Anyone may post a comment whose first line is the marker; taken for the
 * report, it would be edited by the bot and rewritten by its author afterwards, and the bot's
 * own report never made.
 */
export function isReport(
  c: {user?: {type?: string} | null; author_association?: string; body?: string | null | undefined},
  marker: string,
): boolean {
  const writer = c.user?.type === 'Bot' || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(c.author_association ?? '')
  return writer && (c.body ?? '').split('\n', 1)[0]?.trim() === marker
}

/**
 * Edits the PR's sticky comment for this experiment in place, or makes it (first report, or a
 * person deleted it). Only a comment whose first line is the marker, written by an app or by
 * someone of the repository, counts.
 */
export async function publishComment(
  gh: GitHubClient,
  g: GithubRun,
  pr: number,
  r: RenderedReport,
  known?: number,
): Promise<{id: number; url: string}> {
  const repo = {owner: g.owner, repo: g.repo}
  // the comment an earlier report wrote, if it is still there and still the report: two
  // requests, however many comments the PR has
  const earlier =
    known === undefined
      ? undefined
      : await gh.rest.issues.getComment({...repo, comment_id: known}).then(
          c => c.data,
          (e: unknown) => {
            if ((e as {status?: unknown}).status === 404) return undefined
            throw e
          },
        )
  if (earlier && earlier.issue_url.endsWith(`/issues/${pr}`) && isReport(earlier, r.marker)) {
    if (earlier.body === r.comment) return {id: earlier.id, url: earlier.html_url}
    const u = await gh.rest.issues.updateComment({...repo, comment_id: earlier.id, body: r.comment})
    return {id: u.data.id, url: u.data.html_url}
  }
  const comments = await gh.paginate(gh.rest.issues.listComments, {...repo, issue_number: pr, per_page: 100})
  const mine = comments.find(c => isReport(c, r.marker))
  // the same report again: nothing to send (the request budget)
  if (mine && mine.body === r.comment) return {id: mine.id, url: mine.html_url}
  if (mine) {
    const u = await gh.rest.issues.updateComment({...repo, comment_id: mine.id, body: r.comment})
    return {id: u.data.id, url: u.data.html_url}
  }
  const c = await gh.rest.issues.createComment({...repo, issue_number: pr, body: r.comment})
  return {id: c.data.id, url: c.data.html_url}
}

/** Publishes the check run and the comment where the context allows; problems are collected, not thrown. */
export async function publishReport(
  gh: GitHubClient | undefined,
  g: GithubRun | undefined,
  model: ReportModel,
  r: RenderedReport,
  o: {
    check: boolean | CheckRunWrite
    comment: boolean
    /** The sticky comment an earlier report of the launch wrote (its record says), if any. */
    commentId?: number | undefined
  },
): Promise<Published> {
  const out: Published = {problems: []}
  if (!g || !gh) {
    if (o.check || o.comment)
      out.problems.push('not on GitHub (no GITHUB_REPOSITORY or token): nothing published there')
    return out
  }
  /** One part of the report; what goes wrong is said in the problems, with the permission it may lack. */
  const part = async <T>(what: string, refusedWhy: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn()
    } catch (e: unknown) {
      out.problems.push(
        refused(e)
          ? `${what} could not be written: ${refusedWhy} (${getErrorMessage(e)})`
          : `${what} could not be written: ${getErrorMessage(e)}`,
      )
      return undefined
    }
  }
  // the comment first: the check run's record counts the requests made for it
  const pr = model.github?.pullRequest ?? g.pullRequest
  if (o.comment && pr !== undefined) {
    const c = await part(
      'the PR comment',
      "this token may not write comments (a fork's read-only token; permissions: pull-requests: write)",
      () => publishComment(gh, g, pr, r, o.commentId),
    )
    out.commentId = c?.id
    out.commentUrl = c?.url
  }
  if (o.check) {
    const c = await part(
      'the check run',
      'this token may not write checks (a pull request from a fork gets a read-only token; permissions: checks: write)',
      async () => {
        const w = o.check === true ? {} : (o.check as CheckRunWrite)
        const existing = w.existing ?? (await findCheckRun(gh, g, model))
        return publishCheckRun(gh, g, model, r, {...w, existing, commentId: out.commentId})
      },
    )
    out.checkRunId = c?.id
    out.checkRunUrl = c?.url
  }
  return out
}
