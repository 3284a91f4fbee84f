/**
 * Teams as a `/train` permission gate (actions/command's `teams` input): `org/team-slug`, as a
 * team's address names it (github.com/orgs/ORG/teams/SLUG), with an optional `@` in front as
 * CODEOWNERS writes it. Pure: text in, a team or why not out.
 */

export interface Team {
  org: string
  slug: string
}

/** An organization's login: letters, digits and single hyphens, not at either end, at most 39. */
const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/
/** A team's slug: letters, digits, `_` and `-`, starting with a letter or digit, at most 100. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/

/** `org/team-slug` (or `@org/team-slug`) as a team, or why it is not one. */
export function parseTeam(text: string): Team | {problem: string} {
  const [org = '', slug, ...rest] = text.replace(/^@/, '').split('/')
  if (slug !== undefined && !rest.length && ORG.test(org) && SLUG.test(slug)) return {org, slug}
  return {
    problem: `${JSON.stringify(text)} is not a team: write org/team-slug, the organization's login and the team's slug as its address has them (github.com/orgs/ORG/teams/SLUG)`,
  }
}

/** A team as the inputs and messages name it. */
export const teamName = (t: Team): string => `${t.org}/${t.slug}`
