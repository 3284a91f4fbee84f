/**
 * The regression issue of a scheduled sweep: one open issue per schedule and experiment, found
 * again by its label and the hidden marker on its first line (written by an app or someone of
 * the repository: anyone may open an issue that starts with the marker, as with the report's
 * comment).
 * - A night with regressions opens it, or updates its body and says so in a comment (one
 *   notification a night while the regression lasts);
 * - the first night without one says so and closes it;
 * - a night that could not be judged (no run succeeded, nothing to compare) leaves it alone.
 */
import type {GithubRun} from '../kit/github.js'
import type {GitHubClient} from '../kit/octokit.js'
import {escapeMarkdown, inlineCode, markdownLink, plainText} from './escape.js'
import {isReport} from './publish.js'

export const DEFAULT_REGRESSION_LABEL = 'trainer-regression'

/** The issue's first line. */
export function regressionMarker(schedule: string, experiment: string): string {
  // names are letters, digits, _ . - (schema): nothing in them can end the comment
  return `<!-- trainer-action:regression schedule=${schedule} experiment=${experiment} -->`
}

export interface Night {
  schedule: string
  experiment: string
  /** This night's regressions, as the report words them (empty: none). */
  regressions: readonly string[]
  /** What tonight was judged against (the baseline's source). */
  against?: string | undefined
  date: string
  sha: string
  checkRunUrl?: string | undefined
  runUrl?: string | undefined
  labels: readonly string[]
  assignees: readonly string[]
}

export interface RegressionIssue {
  action: 'opened' | 'updated' | 'closed' | 'unchanged'
  number?: number | undefined
  url?: string | undefined
}

function links(n: Night): string {
  return [markdownLink("the night's check run", n.checkRunUrl), markdownLink('the workflow run', n.runUrl)]
    .filter(Boolean)
    .join(' · ')
}

/** GitHub's limit on an issue's body, in characters. */
const BODY_MAX = 65_536

function body(n: Night): string {
  const head = [
    regressionMarker(n.schedule, n.experiment),
    `The scheduled sweep ${inlineCode(n.schedule)} of ${inlineCode(n.experiment)} regressed on ${n.date} ` +
      `(commit ${inlineCode(n.sha.slice(0, 7))})${n.against ? `, against the ${escapeMarkdown(n.against, {max: 500})}` : ''}:`,
    '',
  ]
  const tail = [
    '',
    links(n),
    '',
    'Each night that still regresses updates this issue; the first night without a regression closes it. ' +
      "A night is judged against the last night that did not regress, by the schedule's `fail-on` thresholds in trainer.yml.",
  ]
  // the first 100, as many as fit: escaping may make a line several times its length
  let room = BODY_MAX - [...head, ...tail].join('\n').length - 100
  const lines: string[] = []
  for (const r of n.regressions.slice(0, 100)) {
    const line = `- ${escapeMarkdown(r, {max: 500})}`
    if (line.length + 1 > room) break
    lines.push(line)
    room -= line.length + 1
  }
  if (lines.length < n.regressions.length)
    lines.push(`- … and ${n.regressions.length - lines.length} more (the check run lists them)`)
  return [...head, ...lines, ...tail].join('\n')
}

/** Opens, updates or closes the schedule's regression issue for tonight. */
export async function publishRegressionIssue(gh: GitHubClient, g: GithubRun, n: Night): Promise<RegressionIssue> {
  const repo = {owner: g.owner, repo: g.repo}
  const marker = regressionMarker(n.schedule, n.experiment)
  const open = await gh.paginate(gh.rest.issues.listForRepo, {
    ...repo,
    state: 'open',
    labels: n.labels[0] ?? DEFAULT_REGRESSION_LABEL,
    per_page: 100,
  })
  const mine = open.find(i => !i.pull_request && isReport(i, marker))
  if (!n.regressions.length) {
    if (!mine) return {action: 'unchanged'}
    const note = [`No regression on ${n.date} (commit ${inlineCode(n.sha.slice(0, 7))}): closing.`, links(n)]
    await gh.rest.issues.createComment({...repo, issue_number: mine.number, body: note.filter(Boolean).join('\n\n')})
    await gh.rest.issues.update({...repo, issue_number: mine.number, state: 'closed', state_reason: 'completed'})
    return {action: 'closed', number: mine.number, url: mine.html_url}
  }
  const text = body(n)
  const title = plainText(`Regression in the scheduled sweep ${n.schedule} (${n.experiment})`, 256)
  if (!mine) {
    const c = await gh.rest.issues.create({
      ...repo,
      title,
      body: text,
      labels: [...n.labels],
      ...(n.assignees.length ? {assignees: [...n.assignees]} : {}),
    })
    return {action: 'opened', number: c.data.number, url: c.data.html_url}
  }
  if (mine.body !== text) await gh.rest.issues.update({...repo, issue_number: mine.number, body: text})
  const still = `Still regressed on ${n.date} (commit ${inlineCode(n.sha.slice(0, 7))}): ${n.regressions.length} regression${n.regressions.length === 1 ? '' : 's'}.`
  await gh.rest.issues.createComment({
    ...repo,
    issue_number: mine.number,
    body: [still, links(n)].filter(Boolean).join('\n\n'),
  })
  return {action: 'updated', number: mine.number, url: mine.html_url}
}
