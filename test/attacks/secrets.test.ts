/**
 * Canary secrets (issue 11, security tests): full launches as GitHub runs them (dist/launch
 * with its report, then dist/reconcile), with a known GitHub token and a known secret in the
 * launcher's environment. Afterwards everything written is searched for each secret in every
 * form GitHub's exact-match masking would miss: raw, base64 (and base64url, and a base64 of a
 * piece starting mid-way), URL-encoded, JSON-escaped, hex. Searched: the steps' stdout and
 * stderr (GitHub masks only exact values), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE,
 * every file of the workspace (results, ledger, reports), and every request body GitHub
 * received (check runs, comments). The token belongs in one place only: the Authorization
 * header, which is not searched.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'

const TOKEN = 'ghs_CANARYtok3n+/=Zq9xWv8Ut7Sr6Qp5On4Ml3Kj2'
const SECRET = 'canary-s3cret"with\\quotes&amp;+/=end'

/** Every form of `s` that GitHub's masking would not catch, with a few pieces of it. */
function forms(s: string): string[] {
  const b64 = (x: string): string => Buffer.from(x).toString('base64')
  return [
    s,
    b64(s),
    Buffer.from(s).toString('base64url'),
    b64(s.slice(3)).slice(0, -4), // a base64 of the value from another offset
    encodeURIComponent(s),
    JSON.stringify(s).slice(1, -1),
    Buffer.from(s).toString('hex'),
  ].filter((x, i, all) => x.length >= 8 && all.indexOf(x) === i)
}

/** Every regular file under `dir`, as text. */
function files(dir: string): {path: string; text: string}[] {
  const out: {path: string; text: string}[] = []
  for (const e of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    const p = join(e.parentPath, e.name)
    if (e.isFile() && statSync(p).size < 64 * 1024 * 1024) out.push({path: p, text: readFileSync(p).toString('latin1')})
  }
  return out
}

describe('canary secrets never appear in anything a launch writes, in any encoding', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHub({tokens: {[TOKEN]: {}}})
  })
  afterAll(() => gh.close())

  test('a reported launch on the local backend, then a reconcile: no form of either secret anywhere', async () => {
    const ev = webhookExample('pull_request', 0) as {
      number: number
      repository: {full_name: string}
      pull_request: {head: {sha: string}}
    }
    gh.state.addPull(ev.repository.full_name, {number: ev.number, head_sha: ev.pull_request.head.sha})
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    sweep: {mode: [ok, fail]}
`)
    const event = join(tempDir('secrets-event-'), 'event.json')
    writeFileSync(event, JSON.stringify(ev))
    const written: {path: string; text: string}[] = []
    const from = gh.calls.length
    for (const bundle of ['launch', 'reconcile'] as const) {
      const io = Object.fromEntries(
        ['output', 'summary', 'state'].map(k => {
          const f = join(ws, `${bundle}-${k}.txt`)
          writeFileSync(f, '')
          return [k, f]
        }),
      ) as Record<'output' | 'summary' | 'state', string>
      const r = await start(bundle, [], {
        cwd: ws,
        env: {
          ...gh.env,
          GITHUB_TOKEN: TOKEN,
          'INPUT_GITHUB-TOKEN': TOKEN,
          MY_API_KEY: SECRET,
          TRAINER_API_KEY: SECRET,
          GITHUB_ACTIONS: 'true',
          GITHUB_REPOSITORY: ev.repository.full_name,
          GITHUB_EVENT_NAME: bundle === 'launch' ? 'pull_request' : 'schedule',
          GITHUB_EVENT_PATH: event,
          GITHUB_SHA: 'f'.repeat(40),
          GITHUB_RUN_ID: '555',
          GITHUB_WORKSPACE: ws,
          GITHUB_OUTPUT: io.output,
          GITHUB_STEP_SUMMARY: io.summary,
          GITHUB_STATE: io.state,
          RUNNER_DEBUG: '1', // debug logging on: the most a step ever prints
          ...(bundle === 'launch' ? {INPUT_EXPERIMENT: 'sweep', INPUT_WAIT: 'true', INPUT_BUILD: 'never'} : {}),
        },
      }).done
      written.push({path: `${bundle} stdout`, text: r.stdout}, {path: `${bundle} stderr`, text: r.stderr})
    }
    written.push(...files(ws))
    written.push(
      ...gh.calls.slice(from).map(c => ({
        path: `GitHub ${c.method} ${c.path}`,
        text: `${String(c.query ?? '')} ${JSON.stringify(c.body ?? null)}`,
      })),
    )
    // the launch did happen and was reported (the search is over real output)
    expect(written.some(w => w.path.startsWith('GitHub POST') && w.text.includes('trainer: sweep'))).toBe(true)
    expect(written.filter(w => w.path.endsWith('metrics.json')).length).toBeGreaterThan(0)

    const leaks: string[] = []
    for (const [name, secret] of [
      ['the GitHub token', TOKEN],
      ['the launcher secret', SECRET],
    ] as const)
      for (const form of forms(secret))
        for (const w of written)
          if (w.text.includes(form)) leaks.push(`${name} as ${JSON.stringify(form)} in ${w.path}`)
    expect(leaks).toEqual([])
  })

  test('the search finds a leak when there is one (it can fail)', () => {
    const text = `token=${Buffer.from(TOKEN).toString('base64')}`
    expect(forms(TOKEN).some(f => text.includes(f))).toBe(true)
    const json = JSON.stringify({s: SECRET})
    expect(forms(SECRET).some(f => json.includes(f))).toBe(true)
  })
})
