/**
 * Canary secrets (issue 11, security tests): full launches as GitHub runs them (dist/launch
 * with its report, then dist/reconcile), with a known GitHub token and a known secret in the
 * launcher's environment. Afterwards everything written is searched for each secret in every
 * form GitHub's exact-match masking would miss (test/helpers/canary.ts: raw, base64 and base64url
 * at each alignment, URL-encoded, JSON-escaped once and twice, hex). Searched: the steps' stdout and
 * stderr (GitHub masks only exact values), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE,
 * every file of the workspace (results, ledger, reports), and every request body GitHub
 * received (check runs, comments). The token belongs in one place only: the Authorization
 * header, which is not searched. The Slurm and Docker paths: secrets-backends.test.ts.
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {expanded, files, leaks, stepOutput, type Written} from '../helpers/canary.js'
import {webhookExample} from '../helpers/events.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'

const TOKEN = 'ghs_CANARYtok3n+/=Zq9xWv8Ut7Sr6Qp5On4Ml3Kj2'
const SECRET = 'canary-s3cret"with\\quotes&amp;+/=end'

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
    const written: Written[] = []
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
      written.push(stepOutput(`${bundle} stdout`, r.stdout), stepOutput(`${bundle} stderr`, r.stderr))
    }
    written.push(...files(ws))
    written.push(
      ...gh.calls.slice(from).map(c => ({
        path: `GitHub ${c.method} ${c.path}`,
        data: Buffer.from(`${JSON.stringify(c.query ?? null)} ${JSON.stringify(c.body ?? null)}`),
      })),
    )
    // the launch did happen and was reported (the search is over real output)
    expect(written.some(w => w.path.startsWith('GitHub POST') && w.data.includes('trainer: sweep'))).toBe(true)
    expect(written.filter(w => w.path.endsWith('metrics.json')).length).toBeGreaterThan(0)

    expect(leaks({'the GitHub token': TOKEN, 'the launcher secret': SECRET}, written)).toEqual([])
  })

  test('the search finds a leak when there is one, in any form (it can fail)', () => {
    const b64 = (x: string): string => Buffer.from(x).toString('base64')
    const found = (w: Written[]): boolean => leaks({SECRET}, w).length > 0
    const text = (t: string): Written[] => [{path: 'x', data: Buffer.from(t)}]
    for (const t of [
      SECRET,
      JSON.stringify({s: SECRET}),
      JSON.stringify({body: JSON.stringify({s: SECRET})}),
      // a base64 of the secret with something before it, at each alignment (Basic auth, X-Registry-Auth)
      b64(`user:${SECRET}`),
      b64(`us:${SECRET}!`),
      b64(`u:${SECRET}!!`),
      b64(JSON.stringify({username: 'u', password: SECRET}))
        .replace(/\+/g, '-')
        .replace(/\//g, '_'),
      `https://x.invalid/?p=${encodeURIComponent(SECRET)}`,
      new URLSearchParams({p: SECRET}).toString(),
      Buffer.from(`..${SECRET}..`).toString('hex'),
    ])
      expect(found(text(t)), t).toBe(true)
    expect(found(expanded({path: 'layer.tar.gz', data: gzipSync(`a file holding ${SECRET}`)}))).toBe(true)
    expect(found(text(`${SECRET.slice(0, 7)} ${b64(SECRET.slice(0, 5))}`))).toBe(false)
    expect(found(text(`token=${b64(TOKEN)}`))).toBe(false)
    expect(leaks({TOKEN}, text(`token=${b64(TOKEN)}`))).not.toEqual([])
  })
})
