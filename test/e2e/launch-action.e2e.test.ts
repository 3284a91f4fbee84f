/**
 * The launch action (launch/action.yml, the root action.yml: dist/launch, then dist/launch-post)
 * as GitHub runs it: from a real pull_request payload, a sweep on the local backend is planned,
 * run and reported from the start; from a real issue_comment payload, dist/command checks a
 * `/train` comment and the launch bundle runs what it accepted, at the pinned head SHA, on the
 * real Slurm cluster. The check run and the PR comment end with the final table; the emulator
 * rejects nothing.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {sha, startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {requireSlurmInfra, slurmEnv, slurmBackendYml} from '../helpers/infra.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'
import {parseFileCommands} from '../helpers/run-dist.js'
import {inputDefaults} from '../helpers/action-step.js'

const infra = await requireSlurmInfra('launch action on Slurm')

function eventFile(e: unknown): string {
  const path = join(tempDir('launch-action-event-'), 'event.json')
  writeFileSync(path, JSON.stringify(e))
  return path
}

/** The outputs a step wrote to its GITHUB_OUTPUT file. */
const outputsOf = (file: string): Record<string, string> => parseFileCommands(readFileSync(file, 'utf8'))

describe('the launch action (dist/launch) against the GitHub API emulator', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHub()
  })
  afterAll(() => gh.close())

  /** Runs a bundle as a workflow step: INPUT_* from `inputs` (as action.yml defaults them), GITHUB_* from `env`. */
  async function step(bundle: string, ws: string, env: Record<string, string>, inputs: Record<string, string> = {}) {
    const out = join(ws, `${bundle}-output.txt`)
    const summary = join(ws, `${bundle}-summary.md`)
    const state = join(ws, `${bundle}-state.txt`)
    for (const f of [out, summary, state]) writeFileSync(f, '', {flag: 'a'})
    const defaults = inputDefaults(bundle === 'command' ? 'actions/command/action.yml' : 'launch/action.yml')
    const r = await start(bundle, [], {
      cwd: ws,
      env: {
        ...gh.env,
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: ws,
        GITHUB_ACTIONS: 'true',
        GITHUB_RUN_ID: '31337',
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_STATE: state,
        'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
        ...defaults,
        ...env,
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      },
    }).done
    return {...r, outputs: outputsOf(out), state: readFileSync(state, 'utf8')}
  }

  test('a sweep from a pull_request event: run on the local backend, reported from queued to the final table', async () => {
    const ev = webhookExample('pull_request', 0) as {
      number: number
      repository: {full_name: string}
      pull_request: {head: {sha: string}}
    }
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    seeds: [1, 2]
    sweep:
      lr: [0.1, 0.2]
`)
    gh.state.addPull(ev.repository.full_name, {number: ev.number, head_sha: ev.pull_request.head.sha})
    const from = gh.calls.length
    const r = await step(
      'launch',
      ws,
      {
        GITHUB_REPOSITORY: ev.repository.full_name,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile(ev),
        GITHUB_SHA: 'f'.repeat(40),
      },
      {experiment: 'sweep', 'launch-id': 'LA1'},
    )
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs).toMatchObject({'launch-id': 'LA1', conclusion: 'success', status: 'SUCCEEDED'})
    const runs = JSON.parse(r.outputs.runs!) as {id: string; state: string; params: {lr: number}}[]
    expect(runs.map(x => [x.id, x.state])).toEqual([
      ['LA1.000', 'SUCCEEDED'],
      ['LA1.001', 'SUCCEEDED'],
      ['LA1.002', 'SUCCEEDED'],
      ['LA1.003', 'SUCCEEDED'],
    ])
    expect((JSON.parse(r.outputs.matrix!) as {include: unknown[]}).include).toHaveLength(4)
    const repo = gh.state.repo(ev.repository.full_name)
    const check = repo.checkRuns.get(Number(r.outputs['check-run-id']))!
    expect(check).toMatchObject({name: 'trainer: sweep', head_sha: ev.pull_request.head.sha, conclusion: 'success'})
    const created = gh.calls.slice(from).find(c => c.operationId === 'checks/create')!
    expect(created.body).toMatchObject({status: 'queued'})
    expect(repo.commentsOn(ev.number).filter(c => c.body.includes('LA1'))).toHaveLength(1)
    // the post step: the launch ended, so there is nothing to cancel
    expect(r.state).toMatch(/waiting<<.*\nfalse\n/s)
    const post = await step('launch-post', ws, {GITHUB_REPOSITORY: ev.repository.full_name, ...stateEnv(r.state)})
    expect(post.code, post.stdout + post.stderr).toBe(0)
    expect(post.stdout).not.toMatch(/cancelling/)
    expect(gh.rejected(from)).toEqual([])
  })

  test("the job is cancelled while the step waits: the post step cancels the launch's runs", async () => {
    const ws = workspace(`
experiments:
  slow:
    command: [$NODE, $TRAIN]
    params: {mode: slow}
    runs: 2
`)
    const out = join(ws, 'launch-output.txt')
    const state = join(ws, 'launch-state.txt')
    for (const f of [out, state]) writeFileSync(f, '')
    const main = start('launch', [], {
      cwd: ws,
      env: {
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: out,
        GITHUB_STATE: state,
        INPUT_EXPERIMENT: 'slow',
        'INPUT_LAUNCH-ID': 'CX1',
        INPUT_WAIT: 'true',
        INPUT_BUILD: 'auto',
      },
    })
    await main.waitFor('launch CX1', 20_000)
    // both runs under way, then the runner kills the step (a cancelled job's last resort)
    for (let i = 0; i < 100 && !readFileSync(state, 'utf8').includes('waiting'); i++)
      await new Promise(r => setTimeout(r, 100))
    expect(readFileSync(state, 'utf8')).toMatch(/waiting<<.*\ntrue\n/s)
    await new Promise(r => setTimeout(r, 1500))
    main.child.kill('SIGKILL')
    await main.done
    const post = await start('launch-post', [], {
      cwd: ws,
      env: {GITHUB_WORKSPACE: ws, ...stateEnv(readFileSync(state, 'utf8'))},
    }).done
    expect(post.code, post.stdout + post.stderr).toBe(0)
    expect(post.stdout).toMatch(/cancelling its runs/)
    // the runs end: cancelled, not left training with nobody to report them
    let states = ''
    for (let i = 0; i < 50; i++) {
      const s = await start('cli', ['status', 'CX1', '--refresh', '--json'], {cwd: ws}).done
      states = (JSON.parse(s.stdout) as {runs: {state: string}[]}).runs.map(r => r.state).join(',')
      if (!/RUNNING|STOPPING|STARTING|CREATED|QUEUED/.test(states)) break
      await new Promise(r => setTimeout(r, 200))
    }
    expect(states).toBe('CANCELLED,CANCELLED')
  })

  test('a launch from a /train comment that fails is answered with why, on the pull request', async () => {
    const REPO = 'Codertocat/Hello-World'
    const number = 901
    gh.state.addPull(REPO, {number, head_sha: sha('fail-head')})
    const c = gh.state.addComment(REPO, number, {body: '/train exp=sweep', user: 'writer'})
    const e = structuredClone(webhookExample('issue_comment', 0)) as {
      issue: {number: number; pull_request?: unknown}
      comment: {id: number; user: {login: string}}
    }
    e.issue.number = number
    e.issue.pull_request = {url: `https://api.github.com/repos/${REPO}/pulls/${number}`}
    e.comment = {...e.comment, id: c.id, user: {...e.comment.user, login: 'writer'}}
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    sweep: {lr: [0.1, 0.2, 0.3]}
`)
    const r = await step(
      'launch',
      ws,
      {
        GITHUB_REPOSITORY: REPO,
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: eventFile(e),
        GITHUB_SHA: 'd'.repeat(40),
      },
      {experiment: 'sweep', 'max-runs': '2'},
    )
    expect(r.code, r.stdout + r.stderr).not.toBe(0)
    const replies = gh.state
      .repo(REPO)
      .commentsOn(number)
      .filter(x => x.user === 'github-actions[bot]')
    expect(replies, r.stdout + r.stderr).toHaveLength(1)
    expect(replies[0]!.body).toMatch(
      /^> @\u2060writer: \/train\n\n😕 The launch failed: 'sweep' expands to 3 runs .*over the limit of 2\n\nNarrow the sweep, or raise launch\.max-runs/s,
    )
  })

  test.skipIf(!infra)(
    'from a /train comment: dist/command accepts it, the launch runs it on Slurm at the pinned SHA',
    async () => {
      const REPO = 'Codertocat/Hello-World'
      const number = 900
      const head = sha('train-head')
      gh.state.setRole(REPO, 'writer', 'write')
      gh.state.addPull(REPO, {number, head_sha: head})
      const body = 'Please run it.\n\n/train exp=sweep mode=ok sweep.lr=0.1,0.3\n'
      const c = gh.state.addComment(REPO, number, {body, user: 'writer'})
      const e = structuredClone(webhookExample('issue_comment', 0)) as {
        issue: {number: number; pull_request?: unknown}
        comment: {id: number; body: string; created_at: string; user: {login: string; type: string}}
      }
      e.issue.number = number
      e.issue.pull_request = {url: `https://api.github.com/repos/${REPO}/pulls/${number}`}
      e.comment = {...e.comment, id: c.id, body, created_at: c.created_at, user: {...e.comment.user, login: 'writer'}}
      const jobRoot = join(infra!.TRAINER_SLURM_JOB_ROOT, `launch-action-${process.pid}`)
      const ws = workspace(`
${slurmBackendYml(jobRoot)}
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {mode: fail}
    sweep: {lr: [0.1, 0.2]}
    backend: slurm
`)
      const env = {
        ...slurmEnv(infra!),
        GITHUB_REPOSITORY: REPO,
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: eventFile(e),
        GITHUB_SHA: 'd'.repeat(40), // the default branch: not what runs
      }
      const cmd = await step('command', ws, env)
      expect(cmd.code, cmd.stdout + cmd.stderr).toBe(0)
      expect(cmd.outputs).toMatchObject({command: 'train', sha: head, experiment: 'sweep'})
      // the workflow hands the outputs on as inputs (never inside a run: script)
      const overrides = Object.entries(JSON.parse(cmd.outputs.overrides!) as Record<string, string>)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')
      const r = await step('launch', ws, env, {
        experiment: cmd.outputs.experiment!,
        overrides,
        sweep: cmd.outputs.sweep!,
        'head-sha': cmd.outputs.sha!,
        'launch-id': 'TC1',
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.outputs).toMatchObject({'launch-id': 'TC1', conclusion: 'success'})
      const repo = gh.state.repo(REPO)
      const check = repo.checkRuns.get(Number(r.outputs['check-run-id']))!
      expect(check).toMatchObject({head_sha: head, status: 'completed', conclusion: 'success'})
      const comments = repo.commentsOn(number).filter(x => x.body.startsWith('<!-- trainer-action:report'))
      expect(comments).toHaveLength(1)
      expect(comments[0]!.body).toContain('| 0.1 | 1/1 |')
      expect(comments[0]!.body).toContain('| 0.3 | 1/1 |')
      expect(comments[0]!.body).not.toMatch(/^\| 0\.2 \|/m) // the comment's sweep replaced trainer.yml's
      // the /train comment is answered with the launch's check run, once
      const replies = repo.commentsOn(number).filter(x => x.body.includes('Launched'))
      expect(replies.map(x => x.body)).toEqual([
        `> @\u2060writer: /train\n\n🚀 Launched <code>TC1</code>: follow it in [the check run](<https://github.com/${REPO}/runs/${check.id}>).`,
      ])
      expect(gh.rejected()).toEqual([])
    },
  )
})

/** The runner hands a post step the main step's state as STATE_* variables. */
function stateEnv(state: string): Record<string, string> {
  return Object.fromEntries(Object.entries(parseFileCommands(state)).map(([k, v]) => [`STATE_${k}`, v]))
}
