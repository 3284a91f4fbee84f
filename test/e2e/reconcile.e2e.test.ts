/**
 * Runs that outlive their workflow job: a launch is submitted to the real Slurm cluster and
 * reported from a real pull_request payload; then its ledger is thrown away (the job is over),
 * and dist/reconcile, run as a scheduled workflow runs it, finds the launch's check run,
 * reads the launch record it keeps, polls Slurm and completes the report. A local launch
 * whose job ended mid-way is settled as cancelled, with why. `/train cancel` (dist/command from
 * a real issue_comment payload, then dist/reconcile with `cancel` and `head-sha`) stops a
 * launch's jobs on Slurm and completes its check run cancelled. Everything through the GitHub
 * API emulator, which must reject nothing.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {sha, startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {requireSlurmInfra, slurmEnv, slurmBackendYml} from '../helpers/infra.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'
import {parseFileCommands} from '../helpers/run-dist.js'

const infra = await requireSlurmInfra('reconcile (Slurm)')

interface PrEvent {
  path: string
  repo: string
  number: number
  head: string
}

/** A real pull_request `opened` payload (Codertocat/Hello-World #2). */
function pullRequestEvent(): PrEvent {
  const e = webhookExample('pull_request') as {
    number: number
    repository: {full_name: string}
    pull_request: {head: {sha: string}}
  }
  const path = join(tempDir('reconcile-event-'), 'event.json')
  writeFileSync(path, JSON.stringify(e))
  return {path, repo: e.repository.full_name, number: e.number, head: e.pull_request.head.sha}
}

/**
 * A `schedule` payload, written from GitHub's documentation (docs.github.com/webhooks/webhook-events-and-payloads
 * and "Events that trigger workflows": `schedule` carries the cron string; the runner adds the repository):
 * @octokit/webhooks-examples has none.
 */
function scheduleEvent(repo: string): string {
  const [owner, name] = repo.split('/')
  const path = join(tempDir('reconcile-schedule-'), 'event.json')
  writeFileSync(
    path,
    JSON.stringify({
      schedule: '*/15 * * * *',
      repository: {full_name: repo, name, owner: {login: owner}, default_branch: 'main'},
      workflow: '.github/workflows/reconcile.yml',
    }),
  )
  return path
}

describe.skipIf(!infra)('actions/reconcile (dist/reconcile): runs that outlive the workflow', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHub()
  })
  afterAll(() => gh.close())

  function githubEnv(ws: string, ev: PrEvent, runId: string): Record<string, string> {
    return {
      ...gh.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: ev.repo,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: ev.path,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_RUN_ID: runId,
      GITHUB_WORKSPACE: ws,
      'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
    }
  }

  async function step(bundle: 'report' | 'reconcile' | 'command', ws: string, env: Record<string, string>) {
    const out = join(ws, `${bundle}-output.txt`)
    const summary = join(ws, `${bundle}-summary.md`)
    writeFileSync(out, '')
    writeFileSync(summary, '')
    const r = await start(bundle, [], {cwd: ws, env: {...env, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary}}).done
    return {...r, outputs: readFileSync(out, 'utf8'), summary: readFileSync(summary, 'utf8')}
  }

  function reconcileEnv(ws: string, repo: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...slurmEnv(infra!),
      ...gh.env,
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: ws,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: repo,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: scheduleEvent(repo),
      GITHUB_SHA: gh.state.repo(repo).branches.get('main')!,
      GITHUB_RUN_ID: '9001',
      GITHUB_WORKSPACE: ws,
      RUNNER_TEMP: tempDir('reconcile-runner-temp-'),
      'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
      ...extra,
    }
  }

  test('a Slurm launch whose job is over: reconcile completes its check run and PR comment from the record', async () => {
    const jobRoot = join(infra!.TRAINER_SLURM_JOB_ROOT, `reconcile-${process.pid}`)
    const ws = workspace(`
${slurmBackendYml(jobRoot)}
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {mode: ok}
    sweep: {mode: [ok, fail]}
    backend: slurm
`)
    const ev = pullRequestEvent()
    gh.state.addPull(ev.repo, {number: ev.number, head_sha: ev.head})
    // the workflow run that launches: GitHub lists it with the PR head as its commit
    const wf = gh.state.addWorkflowRun(ev.repo, {event: 'pull_request', head_sha: ev.head})
    const env = {...slurmEnv(infra!), PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ws}
    const from = gh.calls.length

    // the launch job: submit and report (the check run holds the runs' handles), then end; its
    // ledger goes with it
    const l = await start('cli', ['launch', 'exp=sweep', '--launch-id', 'G1', '--detach', '--report'], {
      cwd: ws,
      env: {...env, ...githubEnv(ws, ev, String(wf.id)), GITHUB_TOKEN: gh.env.GITHUB_TOKEN},
    }).done
    expect(l.code, l.stderr).toBe(0)
    const repo = gh.state.repo(ev.repo)
    const check = () => [...repo.checkRuns.values()].find(c => c.external_id === 'G1')!
    expect(check().status).toBe('queued')
    expect(check().output.text).toMatch(/^<!-- trainer-action:launch-record v1 /)
    const created = gh.calls.slice(from).find(c => c.operationId === 'checks/create')!
    expect(created.body).toMatchObject({status: 'queued', head_sha: ev.head, external_id: 'G1'})
    expect(repo.commentsOn(ev.number)).toHaveLength(1)
    rmSync(join(ws, '.trainer'), {recursive: true, force: true})
    wf.status = 'completed'
    wf.conclusion = 'success'

    // the schedule: reconcile until the check run completes (the jobs take a few seconds)
    let last: Awaited<ReturnType<typeof step>> | undefined
    for (let i = 0; i < 40 && check().status !== 'completed'; i++) {
      if (i) await new Promise(r => setTimeout(r, 1000))
      last = await step('reconcile', ws, reconcileEnv(ws, ev.repo))
      expect(last.code, last.stderr + last.stdout).toBe(0)
    }
    expect(check()).toMatchObject({status: 'completed', conclusion: 'failure', head_sha: ev.head})
    expect(last!.outputs).toMatch(/finished<<.*\n1\n/s)
    expect(last!.summary).toContain('G1')
    // the failed run is annotated at the experiment's line of trainer.yml
    const yml = readFileSync(join(ws, 'trainer.yml'), 'utf8').split('\n')
    const line = yml.findIndex(x => x.startsWith('  sweep:')) + 1
    expect(check().annotations).toEqual([
      expect.objectContaining({path: 'trainer.yml', start_line: line, annotation_level: 'failure'}),
    ])
    expect(check().annotations[0]!.title).toMatch(/G1\.001 failed \(mode=fail/)
    // one comment, edited in place to the final table
    const comments = repo.commentsOn(ev.number)
    expect(comments).toHaveLength(1)
    // the final table: nothing still running, and the curves drawn from the histories Slurm kept
    expect(comments[0]!.body).toContain('| ok | 1/1 | 0 | 0 |')
    expect(comments[0]!.body).toContain('| fail | 0/1 | 1 | 0 |')
    expect(comments[0]!.body).toContain('line "mode=ok" [1, 0.5, 0.33333, 0.2]')
    expect(gh.rejected(from)).toEqual([])

    // done: the next reconcile finds nothing to do, and writes nothing
    const mark = gh.calls.length
    const again = await step('reconcile', ws, reconcileEnv(ws, ev.repo))
    expect(again.code, again.stderr + again.stdout).toBe(0)
    expect(again.outputs).toMatch(/finished<<.*\n0\n/s)
    expect(gh.calls.slice(mark).filter(c => c.method !== 'GET')).toEqual([])
  })

  test('a local launch whose job ended midway: its unfinished runs are recorded cancelled, with why', async () => {
    const ws = workspace(`
experiments:
  slow:
    command: [$NODE, $TRAIN]
    params: {mode: slow}
    runs: 2
`)
    const ev = pullRequestEvent()
    const repoName = 'acme/local-reconcile'
    const e = JSON.parse(readFileSync(ev.path, 'utf8')) as {repository: {full_name: string}}
    e.repository.full_name = repoName
    writeFileSync(ev.path, JSON.stringify(e))
    const pr = {...ev, repo: repoName}
    gh.state.addPull(repoName, {number: ev.number, head_sha: ev.head})
    const wf = gh.state.addWorkflowRun(repoName, {event: 'pull_request', head_sha: ev.head})
    const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ws, ...githubEnv(ws, pr, String(wf.id))}
    const from = gh.calls.length
    const l = await start('cli', ['launch', 'exp=slow', '--launch-id', 'LL1', '--detach'], {cwd: ws, env}).done
    expect(l.code, l.stderr + l.stdout).toBe(0)
    const rep = await step('report', ws, env)
    expect(rep.code, rep.stderr + rep.stdout).toBe(0)
    const repo = gh.state.repo(repoName)
    const check = () => [...repo.checkRuns.values()].find(c => c.external_id === 'LL1')!
    expect(check().status).not.toBe('completed')

    // while its workflow run goes on, the launch is its job's: polled, never settled
    const during = await step('reconcile', ws, reconcileEnv(ws, repoName))
    expect(during.code, during.stderr + during.stdout).toBe(0)
    expect(check().status).not.toBe('completed')

    // the job ends (its runs with it): stop the detached launcher as the runner would
    const ledger = join(ws, '.trainer')
    const cancel = await start('cli', ['cancel', 'LL1'], {cwd: ws, env}).done
    expect(cancel.code, cancel.stderr + cancel.stdout).toBe(0)
    rmSync(ledger, {recursive: true, force: true})
    wf.status = 'completed'
    wf.conclusion = 'cancelled'
    const after = await step('reconcile', ws, reconcileEnv(ws, repoName))
    expect(after.code, after.stderr + after.stdout).toBe(0)
    expect(check()).toMatchObject({status: 'completed', conclusion: 'cancelled'})
    expect(check().output.summary).toMatch(/workflow run \d+ ended/)
    expect(gh.rejected(from)).toEqual([])
  })

  test('/train cancel on Slurm: the command pins the head, reconcile cancels one launch by id, then all the rest', async () => {
    const jobRoot = join(infra!.TRAINER_SLURM_JOB_ROOT, `reconcile-cancel-${process.pid}`)
    const ws = workspace(`
${slurmBackendYml(jobRoot)}
experiments:
  slow-one:
    command: [$NODE, $TRAIN]
    params: {mode: slow}
    runs: 2
    backend: slurm
  slow-two:
    command: [$NODE, $TRAIN]
    params: {mode: slow}
    backend: slurm
`)
    const repoName = 'acme/cancel-reconcile'
    const number = 31
    const head = sha(`cancel-head-${process.pid}`)
    const [one, two] = [`CA${process.pid}`, `CB${process.pid}`]
    const pr = pullRequestEvent()
    const e = JSON.parse(readFileSync(pr.path, 'utf8')) as {
      number: number
      repository: {full_name: string}
      pull_request: {number: number; head: {sha: string}}
    }
    Object.assign(e, {number})
    e.repository.full_name = repoName
    e.pull_request.number = number
    e.pull_request.head.sha = head
    writeFileSync(pr.path, JSON.stringify(e))
    gh.state.addPull(repoName, {number, head_sha: head})
    gh.state.setRole(repoName, 'writer', 'write')
    // the launching workflow run goes on: a cancel that was asked for does not wait for it
    const wf = gh.state.addWorkflowRun(repoName, {event: 'pull_request', head_sha: head})
    const env = {...slurmEnv(infra!), PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ws}
    const from = gh.calls.length
    for (const [exp, id] of [
      ['slow-one', one],
      ['slow-two', two],
    ] as const) {
      const l = await start('cli', ['launch', `exp=${exp}`, '--launch-id', id, '--detach', '--report'], {
        cwd: ws,
        env: {
          ...env,
          ...githubEnv(ws, {...pr, repo: repoName, number, head}, String(wf.id)),
          GITHUB_TOKEN: gh.env.GITHUB_TOKEN,
        },
      }).done
      expect(l.code, l.stderr + l.stdout).toBe(0)
    }
    rmSync(join(ws, '.trainer'), {recursive: true, force: true})
    const repo = gh.state.repo(repoName)
    const check = (id: string) => [...repo.checkRuns.values()].find(c => c.external_id === id)!
    /** Slurm's word on each job (array task) of a launch: squeue while it is there, then sacct. */
    const slurm = (cmd: 'squeue' | 'sacct', id: string): string[] => {
      const args =
        cmd === 'squeue'
          ? ['-h', '-o', '%j|%T']
          : ['--parsable2', '--noheader', '-X', '-S', 'now-2hours', '--format=JobName,State']
      const out = execFileSync(cmd, args, {env: {...process.env, ...slurmEnv(infra!)}, encoding: 'utf8'})
      return out
        .split('\n')
        .filter(l => l.startsWith(`tr-${id}-`))
        .map(l => l.split('|')[1]!.split(' ')[0]!)
    }
    // the long-running jobs start
    for (let i = 0; i < 60 && slurm('squeue', one).filter(x => x === 'RUNNING').length < 2; i++)
      await new Promise(r => setTimeout(r, 500))
    expect(slurm('squeue', one)).toEqual(['RUNNING', 'RUNNING'])

    /** A `/train …` comment by the writer, checked by dist/command, then dist/reconcile as the workflow runs it. */
    const cancel = async (body: string) => {
      const c = gh.state.addComment(repoName, number, {body, user: 'writer'})
      const ev = structuredClone(webhookExample('issue_comment', 0)) as {
        issue: {number: number; pull_request?: unknown}
        comment: {id: number; body: string; created_at: string; user: {login: string; type: string}}
        repository: {full_name: string}
      }
      ev.issue.number = number
      ev.issue.pull_request = {url: `https://api.github.com/repos/${repoName}/pulls/${number}`}
      ev.comment = {
        ...ev.comment,
        id: c.id,
        body,
        created_at: c.created_at,
        user: {...ev.comment.user, login: 'writer'},
      }
      ev.repository.full_name = repoName
      const path = join(tempDir('reconcile-comment-'), 'event.json')
      writeFileSync(path, JSON.stringify(ev))
      const stepEnv = reconcileEnv(ws, repoName, {
        GITHUB_EVENT_NAME: 'issue_comment',
        GITHUB_EVENT_PATH: path,
        GITHUB_RUN_ID: '9002',
      })
      const cmd = await step('command', ws, stepEnv)
      expect(cmd.code, cmd.stderr + cmd.stdout).toBe(0)
      const out = parseFileCommands(cmd.outputs)
      expect(out).toMatchObject({command: 'cancel', sha: head})
      // the workflow: cancel: ${{ steps.cmd.outputs.launch-id || 'all' }}, head-sha: ${{ steps.cmd.outputs.sha }}
      const r = await step('reconcile', ws, {
        ...stepEnv,
        INPUT_CANCEL: out['launch-id'] || 'all',
        'INPUT_HEAD-SHA': out.sha!,
      })
      expect(r.code, r.stderr + r.stdout).toBe(0)
      return {...r, outputs: parseFileCommands(r.outputs)}
    }

    // /train cancel ONE: that launch only
    const first = await cancel(`/train cancel ${one}`)
    expect(first.outputs).toMatchObject({cancelled: '1', finished: '1'})
    expect(check(one)).toMatchObject({status: 'completed', conclusion: 'cancelled', head_sha: head})
    expect(check(one).output.summary).toMatch(/^### ⏹️ slow-one: 0\/2 succeeded, 2 cancelled/)
    const done = JSON.parse(first.outputs.launches!) as {launch: string; action: string; why: string}[]
    expect(done).toMatchObject([
      {
        launch: one,
        action: 'published',
        cancelled: true,
        why: "cancelled by writer's /train cancel: 2 runs asked to stop, 0 not yet submitted; final",
      },
    ])
    expect(check(two).status).not.toBe('completed')
    expect(slurm('squeue', two)).toEqual(['RUNNING'])
    expect(first.summary).toContain(`cancel <code>${one}</code>`)
    // the PR's report of that experiment is final too
    const report = repo.commentsOn(number).find(c => c.body.includes(one))!
    expect(report.body).toMatch(/cancel/i)
    // each run says who stopped it before how it ended
    expect(check(one).output.summary).toContain("cancelled by writer's /train cancel; ")

    // /train cancel: every unfinished launch on the head
    const all = await cancel('/train cancel')
    expect(all.outputs).toMatchObject({cancelled: '1', finished: '1'})
    expect(check(two)).toMatchObject({status: 'completed', conclusion: 'cancelled'})

    // Slurm says so too (slurmctld hands ended jobs to slurmdbd asynchronously)
    let states: string[] = []
    for (let i = 0; i < 60; i++) {
      states = [...slurm('sacct', one), ...slurm('sacct', two)]
      if (states.length === 3 && states.every(x => x === 'CANCELLED')) break
      await new Promise(r => setTimeout(r, 500))
    }
    expect(states).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(gh.rejected(from)).toEqual([])

    // nothing left to cancel: the step says so and writes nothing
    const mark = gh.calls.length
    const again = await cancel(`/train cancel ${one}`)
    expect(again.outputs).toMatchObject({cancelled: '0'})
    expect(again.stdout).toContain(`launch ${one} has ended (its check run is cancelled): nothing to cancel`)
    expect(gh.calls.slice(mark).filter(c => c.method !== 'GET' && c.operationId?.startsWith('checks/'))).toEqual([])
  })

  test('check runs it must not trust are left alone: another app, no record, a garbled record', async () => {
    const ws = workspace('experiments: {}\n')
    const repoName = 'acme/hostile'
    const head = 'c'.repeat(40)
    const r = gh.state.repo(repoName)
    gh.state.addWorkflowRun(repoName, {event: 'push', head_sha: head})
    const base = {
      head_sha: head,
      status: 'in_progress',
      conclusion: null,
      started_at: gh.state.now(),
      completed_at: null,
      details_url: null,
      annotations: [],
      updates: 0,
    }
    const put = (name: string, text: string | null, app?: {id: number; slug: string; name: string}) => {
      const id = gh.state.nextId('checkRun')
      r.checkRuns.set(id, {...base, id, name, external_id: `X${id}`, output: {title: 't', summary: 's', text}, app})
    }
    put('trainer: evil', '<!-- trainer-action:launch-record v1 AAAA -->', {id: 1, slug: 'evil-app', name: 'Evil'})
    put('trainer: none', 'just text')
    put('trainer: garbled', '<!-- trainer-action:launch-record v1 aGVsbG8= -->')
    const from = gh.calls.length
    const res = await step('reconcile', ws, reconcileEnv(ws, repoName, {GITHUB_SHA: head}))
    expect(res.code, res.stderr + res.stdout).toBe(0)
    const launches = JSON.parse(parseFileCommands(res.outputs).launches!) as {
      experiment: string
      action: string
      why: string
    }[]
    expect(launches.map(x => [x.experiment, x.action])).toEqual(
      expect.arrayContaining([
        ['none', 'skipped'],
        ['garbled', 'skipped'],
      ]),
    )
    expect(launches.find(x => x.experiment === 'evil')).toBeUndefined()
    expect(launches.find(x => x.experiment === 'garbled')!.why).toMatch(/cannot be read/)
    expect(gh.calls.slice(from).filter(c => c.method !== 'GET')).toEqual([])
    expect(gh.rejected(from)).toEqual([])
  })
})

describe('actions/reconcile (dist/reconcile) cancel: what it refuses before touching anything', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHub()
  })
  afterAll(() => gh.close())

  async function reconcile(ws: string, inputs: Record<string, string>) {
    const out = join(ws, 'output.txt')
    writeFileSync(out, '')
    return start('reconcile', [], {
      cwd: ws,
      env: {
        ...gh.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/refusals',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_SHA: 'e'.repeat(40),
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: out,
        RUNNER_TEMP: tempDir('reconcile-refusals-'),
        'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
        ...inputs,
      },
    }).done
  }

  test.each([
    [
      'cancel all without head-sha',
      {INPUT_CANCEL: 'all'},
      /^::error::reconcile: Input 'cancel': all cancels every unfinished launch of one commit: give head-sha too$/m,
    ],
    [
      'a head-sha that is not a SHA',
      {INPUT_CANCEL: 'L1', 'INPUT_HEAD-SHA': 'main'},
      /^::error::reconcile: Input 'head-sha': 'main' is not a commit SHA \(40 lowercase hex digits\)$/m,
    ],
    [
      'a launch id that is not one',
      {INPUT_CANCEL: '../L1'},
      /^::error::reconcile: Input 'cancel': '..\/L1' is neither a launch id \(letters, digits, _ . -, at most 100\) nor all$/m,
    ],
  ])('%s: the step fails naming the input, before any request', async (_, inputs, why) => {
    const from = gh.calls.length
    const r = await reconcile(workspace('experiments: {}\n'), inputs)
    expect(r.code, r.stderr + r.stdout).toBe(1)
    expect(r.stdout).toMatch(why)
    expect(gh.calls.slice(from)).toEqual([])
  })

  test('a launch that is not on the commit: the step fails naming it and the launches there', async () => {
    const head = sha('refusals-head')
    const r = gh.state.repo('acme/refusals')
    const id = gh.state.nextId('checkRun')
    r.checkRuns.set(id, {
      id,
      name: 'trainer: resnet',
      head_sha: head,
      external_id: 'L7',
      status: 'in_progress',
      conclusion: null,
      started_at: gh.state.now(),
      completed_at: null,
      details_url: null,
      output: {title: 't', summary: 's', text: null},
      annotations: [],
      updates: 0,
    })
    const from = gh.calls.length
    const res = await reconcile(workspace('experiments: {}\n'), {INPUT_CANCEL: 'L8', 'INPUT_HEAD-SHA': head})
    expect(res.code, res.stderr + res.stdout).toBe(1)
    expect(res.stdout).toContain(
      `::error::reconcile: no launch L8 among the trainer check runs on commit ${head} (there: L7)`,
    )
    expect(gh.calls.slice(from).map(c => c.operationId)).toEqual(['checks/list-for-ref'])
    expect(r.checkRuns.get(id)!.status).toBe('in_progress')
    // the same from a laptop: trainer reconcile --cancel … --head-sha …
    const ws = workspace('experiments: {}\n')
    const cli = await start('cli', ['reconcile', '--cancel', 'L8', '--head-sha', head], {
      cwd: ws,
      env: {...gh.env, GITHUB_REPOSITORY: 'acme/refusals'},
    }).done
    expect(cli.code, cli.stdout + cli.stderr).not.toBe(0)
    expect(cli.stderr).toContain(`no launch L8 among the trainer check runs on commit ${head} (there: L7)`)
    expect(r.checkRuns.get(id)!.status).toBe('in_progress')
    expect(gh.rejected(from)).toEqual([])
  })
})
