/**
 * The reply to `/train status`: the launches on the pull request's pinned head commit, one
 * table row each (experiment linked to its check run, launch id, status, the check run's
 * title). Pure: the check runs in, Markdown out. Everything but the SHA is user-controlled
 * (experiment names and launch ids come from comments and trainer.yml; titles from reports)
 * and is escaped.
 */
import {escapeMarkdown, inlineCode, markdownLink} from '../report/escape.js'
import type {LaunchCheck} from '../report/publish.js'

/** Rows shown at most; the rest are counted. */
export const STATUS_ROWS = 50

/** `queued`, `in progress`, `completed: success`. */
function statusText(c: LaunchCheck['check']): string {
  if (c.status !== 'completed') return c.status.replace(/_/g, ' ')
  return c.conclusion ? `completed: ${c.conclusion.replace(/_/g, ' ')}` : 'completed'
}

export function statusReply(o: {sha: string; launches: readonly LaunchCheck[]}): string {
  const at = `${inlineCode(o.sha.slice(0, 7))}, the pull request's head`
  if (!o.launches.length) return `No launches on ${at}.`
  const rows = o.launches.slice(0, STATUS_ROWS).map(l => {
    const experiment = markdownLink(l.experiment, l.check.url) || escapeMarkdown(l.experiment)
    const title = escapeMarkdown(l.title ?? '', {max: 200})
    return `| ${experiment} | ${inlineCode(l.externalId)} | ${escapeMarkdown(statusText(l.check))} | ${title} |`
  })
  const more = o.launches.length - rows.length
  return [
    `${o.launches.length} launch${o.launches.length === 1 ? '' : 'es'} on ${at}, newest first:`,
    '',
    '| experiment | launch | status | title |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(more > 0 ? ['', `and ${more} more.`] : []),
  ].join('\n')
}
