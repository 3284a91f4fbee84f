import {describe, expect, test} from 'vitest'
import {parseTeam} from '../../../src/chatops/teams.js'

describe('parseTeam', () => {
  test.each([
    ['acme/ml-team', {org: 'acme', slug: 'ml-team'}],
    ['@acme/ml-team', {org: 'acme', slug: 'ml-team'}],
    ['Acme-Corp/ML_team2', {org: 'Acme-Corp', slug: 'ML_team2'}],
    ['a/b', {org: 'a', slug: 'b'}],
    [`${'o'.repeat(39)}/${'t'.repeat(100)}`, {org: 'o'.repeat(39), slug: 't'.repeat(100)}],
  ])('[%#] %s is a team', (text, team) => {
    expect(parseTeam(text)).toEqual(team)
  })

  test.each([
    'ml-team',
    '/ml-team',
    'acme/',
    'acme/ml-team/x',
    'acme/../x',
    '-acme/t',
    'acme-/t',
    'ac--me/t',
    `${'o'.repeat(40)}/t`,
    `acme/${'t'.repeat(101)}`,
    'acme/-t',
    'acme/t.x',
    'acme/t x',
    'ac me/t',
    '@@acme/t',
    'acme/tëam',
  ])('[%#] %j is refused, saying how to write one', text => {
    expect(parseTeam(text)).toEqual({
      problem: `${JSON.stringify(text)} is not a team: write org/team-slug, the organization's login and the team's slug as its address has them (github.com/orgs/ORG/teams/SLUG)`,
    })
  })
})
