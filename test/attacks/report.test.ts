/**
 * Attacks on reporting to GitHub (issue 10): the launch record a check run keeps, read back by
 * dist/reconcile; the check run, sticky comment and request budget of dist/report and
 * `trainer launch --report`; the default branch's baseline through the Actions cache. The
 * bundles run against the GitHub API emulator (which must reject nothing) and the cache
 * emulator. Slurm is reached through the `local` transport with Slurm's commands replaced by
 * recording stubs first on PATH: what reconcile asks the cluster, and whether it ever submits,
 * is read from their log (no real cluster is needed, so the file runs anywhere).
 *
 * A forged record is made the way a launch makes one (a plan, a ledger, encodeRecord), then
 * changed, and put in a `trainer: *` check run of the github-actions app: what anyone whose
 * workflow may write checks in the repository (any branch's workflow) can do.
 *
 * Findings (each test below fails until its fix):
 * - a record of a few hundred bytes that inflates to 100,000 empty objects takes a GiB to
 *   validate, and one a few KiB long kills the reconcile (record.ts: bounded before parsing);
 * - a Slurm handle's job directory and job name were believed: a record could make reconcile
 *   read (and publish) metrics and logs from any directory the cluster account can read, and
 *   list other jobs by name (`--name=a,b`); reconcile now checks each handle against this
 *   workspace's backend (Backend.foreignHandle);
 * - a run the cluster lost (NODE_FAIL, PREEMPTED) was submitted again by reconcile, with the
 *   record's command, as the reconcile's account (pollLaunch resubmit: false);
 * - a record whose launch id is not its plan's, whose runs are another launch's, or whose plan
 *   is empty threw in reconcile and stopped it for every launch (or completed another
 *   launch's check run with no runs); records are checked whole, and one launch that fails is
 *   said, not fatal;
 * - a record that disagrees with its check run (another launch's external_id, another
 *   experiment's name, another commit) was believed;
 * - a comment anyone wrote with the report's marker on its first line became "the" sticky
 *   comment: the bot edited a stranger's comment (which the stranger can then rewrite) and
 *   never made its own;
 * - `trainer launch --report` wrote records that forgot what earlier reports of the launch had
 *   spent (after its first update each record counted only that update, and never the search
 *   for the check run), so a reconcile started the launch's budget again; and every report
 *   read all of the PR's comments to find its own (1,500 comments: 15 requests a report). The
 *   record now carries the count through and keeps the sticky comment's id;
 * - an empty metrics.json was reported as "not JSON".
 */
import {chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync, gzipSync} from 'node:zlib'
import {spawn} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {encodeHandle} from '../../src/backends/types.js'
import {parseConfig} from '../../src/config/parse.js'
import {Ledger, type GithubContext} from '../../src/ledger/ledger.js'
import {buildPlan} from '../../src/plan/plan.js'
import {decodeRecord, encodeRecord, type LaunchRecordBlock} from '../../src/report/record.js'
import {startCacheService, type CacheEmulator} from '../emulators/cache.js'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import type {CheckRun} from '../emulators/github-state.js'
import {tempDir} from '../helpers/temp-dir.js'
import {ROOT, start, workspace} from '../helpers/workspace.js'
import {parseFileCommands} from '../helpers/run-dist.js'

let gh: GitHubEmulator
beforeAll(async () => {
  gh = await startGitHub()
})
afterAll(() => gh.close())

// ---------------------------------------------------------------------------------------
// helpers

/** A record's JSON as a forger edits it (encodeRecord's layout). */
interface Json {
  launch: {
    id: string
    experiment: string
    plan: {launchId: string; experiment: string; runs: Record<string, unknown>[]}
  }
  runs: Record<string, unknown>[]
}

let seq = 0
/** A repository of its own for each test: the emulator keeps state per repository. */
const newRepo = (what: string): string => `acme/atk-${what}-${++seq}`
const hex = (n: number): string => n.toString(16).padStart(40, '0')

interface RecordOptions {
  yml?: string
  experiment?: string
  launchId: string
  backend?: string
  github?: GithubContext
  /** Changes each run in the ledger before the record is made (transitions with handles). */
  runs?: (ledger: Ledger, launchId: string) => void
}

/** A record as a launch writes it: a plan from a trainer.yml, a ledger, its runs moved on. */
function recordOf(o: RecordOptions): LaunchRecordBlock {
  const experiment = o.experiment ?? 'sweep'
  const config = parseConfig(
    o.yml ??
      `experiments:\n  ${experiment}:\n    command: [python, train.py]\n    params: {lr: 0.1}\n    sweep: {lr: [0.1, 0.2]}\n`,
    'trainer.yml',
  )
  const plan = buildPlan(config, {experiment, launchId: o.launchId})
  const ledger = Ledger.open(':memory:')
  ledger.createLaunch(plan, {
    backend: o.backend ?? 'local',
    backendConfig: {type: o.backend ?? 'local'},
    github: o.github,
  })
  o.runs?.(ledger, o.launchId)
  return {v: 1, launch: ledger.getLaunch(o.launchId)!, runs: ledger.listRuns(o.launchId), budget: {requests: 3}}
}

/** Every run of the launch SUCCEEDED (or FAILED, with `reason`), with a handle of `kind`. */
function ended(o: {reason?: string; metrics?: Record<string, number>} = {}) {
  return (ledger: Ledger, id: string): void => {
    for (const r of ledger.listRuns(id)) {
      ledger.transition(r.id, 'QUEUED', {handle: `local:${4000 + r.index}:1`})
      ledger.transition(r.id, 'RUNNING')
      if (o.reason === undefined) ledger.transition(r.id, 'SUCCEEDED', {metrics: o.metrics ?? {acc: 0.9}})
      else ledger.transition(r.id, 'FAILED', {reason: o.reason})
    }
    ledger.finishLaunch(id)
  }
}

/** The record's JSON changed by `f`, gzipped into a block as encodeRecord writes it. */
function forged(rec: LaunchRecordBlock, f: (json: Json) => void): string {
  const block = encodeRecord(rec)
  const json = JSON.parse(gunzipSync(Buffer.from(/v1 (\S+) -->/.exec(block)![1]!, 'base64')).toString()) as Json
  f(json)
  return blockOf(JSON.stringify(json))
}

const blockOf = (json: string | Buffer): string =>
  `<!-- trainer-action:launch-record v1 ${gzipSync(json, {level: 9}).toString('base64')} -->`

/** A check run as a workflow's GITHUB_TOKEN makes one (the github-actions app), unfinished. */
function putCheck(
  repo: string,
  o: {
    name: string
    externalId: string
    head: string
    text: string | null
    app?: CheckRun['app']
    status?: string
  },
): number {
  const r = gh.state.repo(repo)
  const id = gh.state.nextId('checkRun')
  r.checkRuns.set(id, {
    id,
    name: o.name,
    head_sha: o.head,
    status: o.status ?? 'in_progress',
    conclusion: null,
    started_at: gh.state.now(),
    completed_at: null,
    external_id: o.externalId,
    details_url: null,
    output: {title: 't', summary: 's', text: o.text},
    annotations: [],
    updates: 0,
    app: o.app,
  })
  return id
}

const checkOf = (repo: string, id: number): CheckRun => gh.state.repo(repo).checkRuns.get(id)!

/** A `schedule` event, as the reconcile workflow gets it. */
function scheduleEvent(repo: string): string {
  const [owner, name] = repo.split('/')
  const path = join(tempDir('atk-report-schedule-'), 'event.json')
  writeFileSync(
    path,
    JSON.stringify({
      schedule: '*/15 * * * *',
      repository: {full_name: repo, name, owner: {login: owner}, default_branch: 'main'},
    }),
  )
  return path
}

interface Reconciled {
  launch: string
  experiment: string
  checkRunId: number
  action: string
  why: string
  states: string
  conclusion?: string
}

interface StepResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: string
  summary: string
  launches: Reconciled[]
}

/** dist/reconcile on a schedule, searching `head` (GITHUB_SHA) and the repository's open PRs and workflow runs. */
async function reconcile(
  ws: string,
  repo: string,
  head: string,
  env: Record<string, string> = {},
): Promise<StepResult> {
  const out = join(ws, 'reconcile-output.txt')
  const summary = join(ws, 'reconcile-summary.md')
  writeFileSync(out, '')
  writeFileSync(summary, '')
  const r = await start('reconcile', [], {
    cwd: ws,
    env: {
      ...gh.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: repo,
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: scheduleEvent(repo),
      GITHUB_SHA: head,
      GITHUB_RUN_ID: '9001',
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: tempDir('atk-report-runner-'),
      'INPUT_GITHUB-TOKEN': gh.env.GITHUB_TOKEN,
      ...env,
    },
  }).done
  const outputs = readFileSync(out, 'utf8')
  const launches = parseFileCommands(outputs).launches
  return {
    ...r,
    outputs,
    summary: readFileSync(summary, 'utf8'),
    launches: launches === undefined ? [] : (JSON.parse(launches) as Reconciled[]),
  }
}

const writes = (from: number) => gh.calls.slice(from).filter(c => c.method !== 'GET')

/**
 * Slurm's commands as recording stubs in a directory of their own, first on PATH: each logs
 * its argv (one line, words joined by spaces) to `<dir>/calls`; squeue prints `<dir>/squeue.out`;
 * sbatch "submits" job 999. The local transport passes PATH to them.
 */
function fakeSlurm(): {path: string; calls: () => string[]; squeue: (lines: string[]) => void} {
  const dir = tempDir('atk-report-slurm-')
  const bin = join(dir, 'bin')
  mkdirSync(bin)
  const log = join(dir, 'calls')
  writeFileSync(log, '')
  writeFileSync(join(dir, 'squeue.out'), '')
  const stub = (name: string, body: string): void => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> '${log}'\n${body}\n`)
    chmodSync(join(bin, name), 0o755)
  }
  stub('squeue', `cat '${join(dir, 'squeue.out')}'`)
  stub('sacct', '')
  stub('sbatch', 'echo 999')
  stub('scancel', '')
  stub('scontrol', 'echo "MaxArraySize = 1001"; echo "MaxJobCount = 10000"')
  stub('srun', '')
  return {
    path: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    squeue: lines => writeFileSync(join(dir, 'squeue.out'), lines.map(l => `${l}\n`).join('')),
  }
}

/** squeue's line for one array task, as the backend asks for it (%i %F %K %j %T %r). */
const squeueLine = (arrayJobId: string, task: number, name: string, state: string): string =>
  [`${arrayJobId}_${task}`, arrayJobId, String(task), name, state, 'None'].join('\x1f')

/** A workspace whose trainer.yml declares a Slurm backend (local transport) with its own job root. */
function slurmWorkspace(runner: 'trainer' | 'direct' = 'trainer'): {ws: string; jobRoot: string} {
  const jobRoot = tempDir('atk-report-jobs-')
  const ws = workspace(`
backends:
  slurm:
    runner: ${runner}
    container: none
    job-root: ${jobRoot}
    node: ${process.execPath}
    partition: debug
experiments:
  sweep:
    command: [python, train.py]
    params: {lr: 0.1}
    sweep: {lr: [0.1, 0.2]}
    backend: slurm
`)
  return {ws, jobRoot}
}

/** A Slurm handle as the backend writes one (src/backends/slurm/index.ts handleOf). */
function slurmHandle(o: {jobDir: string; launchId: string; task: number; arrayJobId?: string; name?: string}): string {
  const key = 'a1-0123456789'
  const arrayJobId = o.arrayJobId ?? '4242'
  return encodeHandle({
    v: 1,
    kind: 'slurm',
    attempt: 1,
    native: {
      jobId: `${arrayJobId}_${o.task}`,
      arrayJobId,
      task: o.task,
      name: o.name ?? `tr-${o.launchId}-${key}`,
      key,
      jobDir: o.jobDir,
      where: 'local',
    },
  })
}

/** metrics.json as `trainer run` writes it, with `history`. */
function metricsJson(history: Record<string, number>[], o: {experiment?: string; index?: number} = {}): string {
  return JSON.stringify({
    version: 1,
    experiment: o.experiment ?? 'sweep',
    run_index: o.index ?? 0,
    seed: 0,
    params: {},
    tag: null,
    status: 'succeeded',
    exit_code: 0,
    reason: null,
    started_at: '2025-01-01T00:00:00Z',
    ended_at: '2025-01-01T00:01:00Z',
    duration_s: 60,
    final: history.at(-1) ?? {},
    history,
  })
}

// ---------------------------------------------------------------------------------------
// forged records

describe('dist/reconcile: a forged launch record in a check run', () => {
  test('a Slurm handle naming a job directory outside the job root: nothing is read there, nothing published', async () => {
    const repo = newRepo('jobdir')
    const head = hex(1)
    const {ws, jobRoot} = slurmWorkspace()
    const slurm = fakeSlurm()
    // someone else's job directory the reconcile's account can read: their metrics and logs
    const victim = tempDir('atk-report-victim-')
    const rec = recordOf({
      launchId: 'JD1',
      backend: 'slurm',
      github: {repository: repo, headSha: head},
      runs: (ledger, id) => {
        for (const r of ledger.listRuns(id)) {
          ledger.transition(r.id, 'QUEUED', {handle: slurmHandle({jobDir: victim, launchId: id, task: r.index})})
          ledger.transition(r.id, 'RUNNING')
          ledger.transition(r.id, 'SUCCEEDED', {metrics: {acc: 0.5}})
        }
      },
    })
    for (const r of rec.runs) {
      mkdirSync(join(victim, 'results', r.output), {recursive: true})
      writeFileSync(
        join(victim, 'results', r.output, 'metrics.json'),
        metricsJson([
          {step: 1, victimsecret: 0.123456},
          {step: 2, victimsecret: 0.654321},
        ]),
      )
      mkdirSync(join(victim, 'logs'), {recursive: true})
      writeFileSync(join(victim, 'logs', `a1-0123456789_${r.index}.out`), 'VICTIM-LOG-LINE\n')
    }
    // the launch's own job directory would be here
    expect(existsSync(join(jobRoot, 'JD1'))).toBe(false)
    const id = putCheck(repo, {name: 'trainer: sweep', externalId: 'JD1', head, text: encodeRecord(rec)})
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head, {PATH: slurm.path})
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const l = r.launches.find(x => x.checkRunId === id)!
    expect(l.action).toBe('skipped')
    expect(l.why).toMatch(/job directory/)
    const sent = JSON.stringify(gh.calls.slice(from).map(c => c.body))
    expect(sent).not.toMatch(/victimsecret|VICTIM-LOG-LINE|0\.123456/)
    expect(writes(from)).toEqual([])
    expect(checkOf(repo, id).status).toBe('in_progress')
  })

  test('a Slurm handle whose job name lists other jobs (a comma in --name): the cluster is never asked', async () => {
    const repo = newRepo('jobname')
    const head = hex(2)
    const {ws, jobRoot} = slurmWorkspace()
    const slurm = fakeSlurm()
    const rec = recordOf({
      launchId: 'JN1',
      backend: 'slurm',
      github: {repository: repo, headSha: head},
      runs: (ledger, id) => {
        for (const r of ledger.listRuns(id)) {
          const handle = slurmHandle({
            jobDir: join(jobRoot, id),
            launchId: id,
            task: r.index,
            name: `tr-${id}-a1-0123456789,someone-elses-job`,
          })
          ledger.transition(r.id, 'QUEUED', {handle})
          ledger.transition(r.id, 'RUNNING')
        }
      },
    })
    slurm.squeue([squeueLine('77', 0, 'someone-elses-job', 'RUNNING')])
    const id = putCheck(repo, {name: 'trainer: sweep', externalId: 'JN1', head, text: encodeRecord(rec)})
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head, {PATH: slurm.path})
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(slurm.calls().join('\n')).not.toContain('someone-elses-job')
    expect(r.launches.find(x => x.checkRunId === id)).toMatchObject({action: 'skipped', why: /job name/})
    expect(writes(from)).toEqual([])
  })

  test('a run the cluster lost (NODE_FAIL) is never submitted again by reconcile: the record’s command never reaches sbatch', async () => {
    const repo = newRepo('requeue')
    const head = hex(3)
    // runner direct: the plan's command is the job's (no `trainer run` bundle to copy)
    const {ws, jobRoot} = slurmWorkspace('direct')
    const slurm = fakeSlurm()
    const mark = join(tempDir('atk-report-mark-'), 'pwned')
    const rec = recordOf({
      launchId: 'RQ1',
      backend: 'slurm',
      github: {repository: repo, headSha: head},
      runs: (ledger, id) => {
        for (const r of ledger.listRuns(id)) {
          ledger.transition(r.id, 'QUEUED', {
            handle: slurmHandle({jobDir: join(jobRoot, id), launchId: id, task: r.index}),
          })
          ledger.transition(r.id, 'RUNNING')
        }
      },
    })
    const text = forged(rec, j => {
      for (const p of j.launch.plan.runs) p.command = ['touch', mark]
    })
    slurm.squeue(rec.runs.map(x => squeueLine('4242', x.index, 'tr-RQ1-a1-0123456789', 'NODE_FAIL')))
    const id = putCheck(repo, {name: 'trainer: sweep', externalId: 'RQ1', head, text})
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head, {PATH: slurm.path})
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(slurm.calls().filter(c => /^(sbatch|srun|scontrol)/.test(c))).toEqual([])
    expect(existsSync(join(jobRoot, 'RQ1', 'submissions'))).toBe(false)
    // what the cluster said is reported: the runs were lost, and are not run again from here
    const l = r.launches.find(x => x.checkRunId === id)!
    expect(l.action).toBe('published')
    expect(checkOf(repo, id)).toMatchObject({status: 'completed', conclusion: 'failure'})
    expect(checkOf(repo, id).output.summary).toMatch(/node failed/)
    expect(gh.rejected(from)).toEqual([])
  })

  test('records that are not a launch’s, and records that inflate: each refused with why; the good launch beside them is still reconciled', async () => {
    const repo = newRepo('garbage')
    const head = hex(4)
    const ws = workspace('experiments: {}\n')
    gh.state.addPull(repo, {number: 3, head_sha: head})
    const good = recordOf({
      launchId: 'OK1',
      github: {repository: repo, headSha: head, pullRequest: 3},
      runs: ended(),
    })
    const goodId = putCheck(repo, {name: 'trainer: sweep', externalId: 'OK1', head, text: encodeRecord(good)})
    const base = (id: string) =>
      recordOf({launchId: id, github: {repository: repo, headSha: head, pullRequest: 3}, runs: ended()})
    const rename = (j: Json, from: string, to: string): void => {
      for (const r of [...j.launch.plan.runs, ...j.runs]) r.id = (r.id as string).replace(from, to)
    }
    const header = (id: string, plan: string) =>
      `{"v":1,"launch":{"id":"${id}","experiment":"sweep","backend":"local","createdAt":"x","status":"ACTIVE",` +
      `"plan":{"launchId":"${id}","experiment":"sweep","runs":${plan}}},"runs":[],"budget":{"requests":0}}`
    const bad: [string, string, string, RegExp][] = [
      ['B1', 'sweep', forged(base('B1'), j => (j.launch.id = 'B1x')), /not one/],
      [
        'B2',
        'sweep',
        forged(base('B2'), j => {
          j.launch.id = j.launch.plan.launchId = '../../../tmp/b2'
          rename(j, 'B2', '../../../tmp/b2')
        }),
        /not one/,
      ],
      // its runs are the good launch's: imported first, they would leave OK1 with none
      ['B3', 'sweep', forged(base('B3'), j => rename(j, 'B3', 'OK1')), /not one/],
      ['B4', 'sweep', forged(base('B4'), j => (j.launch.plan.runs = j.runs = [])), /not one/],
      ['B5', 'sweep', forged(base('B5'), j => j.runs.push(j.runs[0]!)), /not one/],
      ['B6', 'sweep', forged(base('B6'), j => (j.launch.plan.runs[0]!.output = '../../../etc')), /not one/],
      [
        'B7',
        'x @admin </details>',
        forged(base('B7'), j => (j.launch.experiment = j.launch.plan.experiment = 'x @admin </details>')),
        /not one/,
      ],
      // a few hundred bytes that inflate to 100,000 empty objects (a GiB to validate)
      ['B8', 'sweep', blockOf(header('B8', `[${'{},'.repeat(99_999)}{}]`)), /not one|cannot be read/],
      // 2.5 million empty arrays in 7.5 MiB (a few KiB of text)
      [
        'B9',
        'sweep',
        blockOf(header('B9', '[]').replace('"budget"', `"x":[${'[],'.repeat(2_500_000)}[]],"budget"`)),
        /cannot be read/,
      ],
      // 60 MiB of spaces
      ['B10', 'sweep', blockOf(Buffer.alloc(60 << 20, 0x20)), /cannot be read/],
    ]
    const ids = bad.map(([id, exp, text]) => putCheck(repo, {name: `trainer: ${exp}`, externalId: id, head, text}))
    const from = gh.calls.length
    const t0 = Date.now()
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(Date.now() - t0).toBeLessThan(15_000)
    for (const [i, [id, , , why]] of bad.entries()) {
      const l = r.launches.find(x => x.checkRunId === ids[i])
      expect(l, id).toMatchObject({action: 'skipped', why})
      expect(checkOf(repo, ids[i]!).updates, id).toBe(0)
    }
    expect(r.launches.find(x => x.checkRunId === goodId)).toMatchObject({action: 'published', conclusion: 'success'})
    expect(checkOf(repo, goodId)).toMatchObject({status: 'completed', conclusion: 'success'})
    const comments = gh.state.repo(repo).commentsOn(3)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('2/2')
    expect(gh.rejected(from)).toEqual([])
  })

  test('a record that disagrees with the check run it is in (launch, experiment, commit, repository) is not believed', async () => {
    const repo = newRepo('mismatch')
    const head = hex(5)
    const ws = workspace('experiments: {}\n')
    gh.state.addPull(repo, {number: 4, head_sha: head})
    const victimPr = gh.state.addPull(repo, {number: 5, head_sha: hex(55)})
    const rec = (id: string, github: GithubContext, experiment = 'sweep') =>
      encodeRecord(recordOf({launchId: id, experiment, github, runs: ended()}))
    const mine = {repository: repo, headSha: head, pullRequest: 4}
    const cases: [string, {name: string; externalId: string; text: string}][] = [
      ['another launch id', {name: 'trainer: sweep', externalId: 'M1', text: rec('M1x', mine)}],
      ['another experiment', {name: 'trainer: sweep', externalId: 'M2', text: rec('M2', mine, 'other')}],
      [
        'another commit, another PR',
        {name: 'trainer: sweep', externalId: 'M3', text: rec('M3', {...mine, headSha: hex(55), pullRequest: 5})},
      ],
      [
        'another repository',
        {name: 'trainer: sweep', externalId: 'M4', text: rec('M4', {...mine, repository: 'evil/fork'})},
      ],
    ]
    const ids = cases.map(([, c]) => putCheck(repo, {...c, head}))
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    for (const [i, [what]] of cases.entries()) {
      expect(
        r.launches.find(x => x.checkRunId === ids[i]),
        what,
      ).toMatchObject({action: 'skipped', why: /check run/})
      expect(checkOf(repo, ids[i]!).updates, what).toBe(0)
    }
    expect(gh.state.repo(repo).commentsOn(victimPr.number)).toEqual([])
    expect(writes(from)).toEqual([])
  })

  test('a record naming a backend this trainer.yml does not declare is not polled (its options never come from the record)', async () => {
    const repo = newRepo('backend')
    const head = hex(6)
    const ws = workspace('experiments: {}\n')
    const slurm = fakeSlurm()
    const active = (ledger: Ledger, id: string) => {
      for (const r of ledger.listRuns(id))
        ledger.transition(r.id, 'QUEUED', {
          handle: slurmHandle({jobDir: `/scratch/${id}`, launchId: id, task: r.index}),
        })
    }
    const ids = [
      putCheck(repo, {
        name: 'trainer: sweep',
        externalId: 'U1',
        head,
        text: encodeRecord(
          recordOf({launchId: 'U1', backend: 'gpu-cluster', github: {repository: repo, headSha: head}, runs: active}),
        ),
      }),
      putCheck(repo, {
        name: 'trainer: sweep',
        externalId: 'U2',
        head,
        text: encodeRecord(
          recordOf({launchId: 'U2', backend: 'slurm', github: {repository: repo, headSha: head}, runs: active}),
        ),
      }),
    ]
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head, {PATH: slurm.path})
    expect(r.code, r.stderr + r.stdout).toBe(0)
    for (const id of ids)
      expect(r.launches.find(x => x.checkRunId === id)).toMatchObject({action: 'skipped', why: /cannot be used here/})
    expect(slurm.calls()).toEqual([])
    expect(writes(from)).toEqual([])
  })

  test('check runs that are not launches: an empty external_id, another app’s (with a valid record), a completed one', async () => {
    const repo = newRepo('notmine')
    const head = hex(7)
    const ws = workspace('experiments: {}\n')
    const text = (id: string) =>
      encodeRecord(recordOf({launchId: id, github: {repository: repo, headSha: head}, runs: ended()}))
    putCheck(repo, {name: 'trainer: sweep', externalId: '', head, text: text('E1')})
    putCheck(repo, {
      name: 'trainer: sweep',
      externalId: 'E2',
      head,
      text: text('E2'),
      app: {id: 9, slug: 'evil-app', name: 'Evil'},
    })
    putCheck(repo, {name: 'trainer: sweep', externalId: 'E3', head, text: text('E3'), status: 'completed'})
    putCheck(repo, {name: 'trainers: sweep', externalId: 'E4', head, text: text('E4')})
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.launches).toEqual([])
    expect(writes(from)).toEqual([])
  })

  test('two check runs with the same external_id: one launch, reconciled once, one comment', async () => {
    const repo = newRepo('dup')
    const head = hex(8)
    const ws = workspace('experiments: {}\n')
    gh.state.addPull(repo, {number: 6, head_sha: head})
    const text = encodeRecord(
      recordOf({launchId: 'D1', github: {repository: repo, headSha: head, pullRequest: 6}, runs: ended()}),
    )
    const a = putCheck(repo, {name: 'trainer: sweep', externalId: 'D1', head, text})
    const b = putCheck(repo, {name: 'trainer: sweep', externalId: 'D1', head, text})
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.launches.map(x => x.action).sort()).toEqual(['published', 'skipped'])
    expect(r.launches.find(x => x.action === 'skipped')!.why).toMatch(/second check run/)
    expect([checkOf(repo, a).status, checkOf(repo, b).status].sort()).toEqual(['completed', 'in_progress'])
    expect(gh.state.repo(repo).commentsOn(6)).toHaveLength(1)
    expect(gh.rejected(from)).toEqual([])
  })

  test('hostile text in a record (reasons, parameter values): escaped everywhere; the check run text is the one real record', async () => {
    const repo = newRepo('hostile')
    const head = hex(9)
    const ws = workspace('experiments: {}\n')
    gh.state.addPull(repo, {number: 7, head_sha: head})
    const fake = blockOf(JSON.stringify({v: 1, evil: true}))
    const hostile = `@admin look </details>\n\`\`\`\n| a | b |\n# head ${fake} <img src=x onerror=alert(1)> #1`
    const rec = recordOf({
      launchId: 'H1',
      github: {repository: repo, headSha: head, pullRequest: 7},
      runs: ended({reason: hostile}),
    })
    const text = forged(rec, j => {
      j.launch.plan.runs[0]!.point = {lr: hostile}
      j.launch.plan.runs[0]!.params = {lr: hostile}
    })
    const id = putCheck(repo, {name: 'trainer: sweep', externalId: 'H1', head, text})
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const check = checkOf(repo, id)
    expect(check).toMatchObject({status: 'completed', conclusion: 'failure'})
    const comment = gh.state.repo(repo).commentsOn(7)[0]!.body
    for (const shown of [comment, check.output.summary!]) {
      expect(shown).not.toMatch(/@admin|<img|#1\b|<!-- trainer-action:launch-record/)
      expect(shown.match(/<\/details>/g)?.length ?? 0).toBe(shown.match(/<details>/g)?.length ?? 0)
      expect(shown.split('\n').filter(l => /^```/.test(l)).length % 2).toBe(0)
      expect(shown).not.toMatch(/^# head/m)
    }
    // the text is exactly one block, the real record
    expect(check.output.text!.match(/<!--/g)).toHaveLength(1)
    const back = decodeRecord(check.output.text)
    expect('problem' in back ? back.problem : back.launch.id).toBe('H1')
    for (const a of check.annotations) {
      expect(a.title).not.toMatch(/\n/)
      expect(a.message).not.toMatch(/\n/)
    }
  })
})

// ---------------------------------------------------------------------------------------
// GitHub faults while reconciling

describe('dist/reconcile: GitHub failing part way', () => {
  /** A local launch whose runs have ended, on a PR head: reconcile completes it (comment, then check run). */
  function endedLaunch(what: string, n: number) {
    const repo = newRepo(what)
    const head = hex(100 + n)
    gh.state.addPull(repo, {number: 1, head_sha: head})
    const rec = recordOf({launchId: `F${n}`, github: {repository: repo, headSha: head, pullRequest: 1}, runs: ended()})
    const id = putCheck(repo, {name: 'trainer: sweep', externalId: `F${n}`, head, text: encodeRecord(rec)})
    return {repo, head, id, ws: workspace('experiments: {}\n')}
  }

  test('a secondary rate limit on the check run update is waited out (retry-after), and the launch completed', async () => {
    const {repo, head, id, ws} = endedLaunch('secondary', 1)
    const from = gh.calls.length
    gh.failNext({status: 403, headers: {'retry-after': '1'}, op: 'checks/update'})
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.launches[0]).toMatchObject({action: 'published', conclusion: 'success'})
    expect(checkOf(repo, id)).toMatchObject({status: 'completed', conclusion: 'success'})
    expect(
      gh.calls
        .slice(from)
        .filter(c => c.operationId === 'checks/update')
        .map(c => c.status),
    ).toEqual([403, 200])
    expect(gh.state.repo(repo).commentsOn(1)).toHaveLength(1)
    expect(gh.rejected(from)).toEqual([])
  })

  test('a 500 while listing comments is retried: one comment, not two', async () => {
    const {repo, head, id, ws} = endedLaunch('five-hundred', 2)
    const from = gh.calls.length
    gh.failNext({status: 500, op: 'issues/list-comments'})
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(checkOf(repo, id).status).toBe('completed')
    expect(gh.state.repo(repo).commentsOn(1)).toHaveLength(1)
    expect(gh.rejected(from)).toEqual([])
  })

  test('a token that expires mid-way (401): said for that launch, not fatal; the next reconcile finishes it, with no duplicates', async () => {
    const {repo, head, id, ws} = endedLaunch('expired', 3)
    const from = gh.calls.length
    gh.failNext({status: 401, op: 'checks/update'})
    const first = await reconcile(ws, repo, head)
    expect(first.code, first.stderr + first.stdout).toBe(0)
    expect(first.launches[0]).toMatchObject({action: 'skipped', why: /check run could not be written.*Bad credentials/})
    expect(checkOf(repo, id).status).toBe('in_progress')
    const second = await reconcile(ws, repo, head)
    expect(second.code, second.stderr + second.stdout).toBe(0)
    expect(checkOf(repo, id)).toMatchObject({status: 'completed', conclusion: 'success'})
    expect([...gh.state.repo(repo).checkRuns.values()]).toHaveLength(1)
    expect(gh.state.repo(repo).commentsOn(1)).toHaveLength(1)
    expect(gh.rejected(from)).toEqual([])
  })

  test('a check run gone (404) when it is updated: said, and never made again as a second one', async () => {
    const {repo, head, ws} = endedLaunch('gone', 4)
    const from = gh.calls.length
    gh.failNext({status: 404, op: 'checks/update'})
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.launches[0]).toMatchObject({action: 'skipped', why: /check run could not be written/})
    expect(gh.calls.slice(from).filter(c => c.operationId === 'checks/create')).toEqual([])
    expect(gh.rejected(from)).toEqual([])
  })

  test('the sticky comment deleted between two reconciles is made again, once', async () => {
    const repo = newRepo('deleted')
    const head = hex(105)
    const ws = workspace('experiments: {}\n')
    gh.state.addPull(repo, {number: 1, head_sha: head})
    const wf = gh.state.addWorkflowRun(repo, {event: 'pull_request', head_sha: head})
    const rec = recordOf({
      launchId: 'DEL1',
      github: {repository: repo, headSha: head, pullRequest: 1, runId: String(wf.id)},
      runs: (ledger, id) => {
        for (const r of ledger.listRuns(id)) {
          ledger.transition(r.id, 'QUEUED', {handle: `local:${4000 + r.index}:1`})
          ledger.transition(r.id, 'RUNNING')
        }
      },
    })
    // its last report was long ago, when the runs were still queued: an update is due
    rec.budget = {requests: 3, updatedAt: '2020-01-01T00:00:00.000Z', states: 'QUEUED:2'}
    const id = putCheck(repo, {name: 'trainer: sweep', externalId: 'DEL1', head, text: encodeRecord(rec)})
    const from = gh.calls.length
    const first = await reconcile(ws, repo, head)
    expect(first.code, first.stderr + first.stdout).toBe(0)
    expect(first.launches[0]).toMatchObject({action: 'published'})
    const [comment] = gh.state.repo(repo).commentsOn(1)
    expect(comment).toBeDefined()
    gh.state.repo(repo).comments.delete(comment!.id)
    // its job ends: the runs it held are recorded cancelled, and the report goes out again
    wf.status = 'completed'
    const second = await reconcile(ws, repo, head)
    expect(second.code, second.stderr + second.stdout).toBe(0)
    expect(checkOf(repo, id)).toMatchObject({status: 'completed', conclusion: 'cancelled'})
    const comments = gh.state.repo(repo).commentsOn(1)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.id).not.toBe(comment!.id)
    expect(gh.rejected(from)).toEqual([])
  })

  test('a stranger’s comment carrying the report’s marker is not taken for the sticky comment', async () => {
    const {repo, head, ws} = endedLaunch('hijack', 6)
    // posted before the first report, by someone who may comment but not push
    const fake = gh.state.addComment(repo, 1, {
      body: '<!-- trainer-action:report experiment=sweep -->\n### ✅ sweep: all good, merge it',
      user: 'mallory',
    })
    const from = gh.calls.length
    const r = await reconcile(ws, repo, head)
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(gh.state.repo(repo).comments.get(fake.id)!.body).toMatch(/merge it/)
    const mine = gh.state
      .repo(repo)
      .commentsOn(1)
      .filter(c => c.user === 'github-actions[bot]')
    expect(mine).toHaveLength(1)
    expect(mine[0]!.body).toMatch(/^<!-- trainer-action:report experiment=sweep -->/)
    expect(gh.rejected(from)).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------
// the request budget

/** A `pull_request` event for PR `number` of `repo` at `head` (what kit/github.ts reads of it). */
function pullRequestEvent(repo: string, number: number, head: string): string {
  const [owner, name] = repo.split('/')
  const path = join(tempDir('atk-report-pr-'), 'event.json')
  writeFileSync(
    path,
    JSON.stringify({
      action: 'synchronize',
      number,
      pull_request: {number, head: {sha: head, ref: `pr-${number}`}, base: {sha: hex(0), ref: 'main'}},
      repository: {full_name: repo, name, owner: {login: owner}, default_branch: 'main'},
    }),
  )
  return path
}

/** `trainer launch --report` as a pull request's workflow step runs it. */
async function launchReported(ws: string, repo: string, pr: number, head: string, args: string[]) {
  return start('cli', ['launch', ...args, '--report'], {
    cwd: ws,
    env: {
      ...gh.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: repo,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: pullRequestEvent(repo, pr, head),
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_RUN_ID: '5151',
      GITHUB_WORKSPACE: ws,
    },
  }).done
}

const SWEEP10 = `
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {mode: ok}
    seeds: [1, 2, 3, 4, 5]
    sweep: {mode: [ok, fail]}
`

describe('the request budget of one launch (200 over its life)', () => {
  test('a launch near its budget on a PR with 1,500 comments: progress stops in time, and the final report still fits', async () => {
    const repo = newRepo('budget')
    const head = hex(200)
    gh.state.addPull(repo, {number: 1, head_sha: head})
    // someone has flooded the PR: every lookup of the sticky comment takes 15 pages
    for (let i = 0; i < 1500; i++) gh.state.addComment(repo, 1, {body: `spam ${i}`, user: 'mallory'})
    const ws = workspace(SWEEP10)
    // an earlier attempt of this launch (same --launch-id) already spent 178 of its requests,
    // and wrote the sticky comment
    const sticky = gh.state.addComment(repo, 1, {
      body: '<!-- trainer-action:report experiment=sweep -->\nan earlier report',
      user: 'github-actions[bot]',
    })
    const earlier = recordOf({
      yml: SWEEP10.replace(/\$NODE/g, process.execPath).replace(/\$TRAIN/g, 'train.mjs'),
      launchId: 'BUD1',
      github: {repository: repo, headSha: head, pullRequest: 1},
    })
    earlier.budget = {requests: 178, updatedAt: '2020-01-01T00:00:00.000Z', states: 'CREATED:10', commentId: sticky.id}
    const id = putCheck(repo, {
      name: 'trainer: sweep',
      externalId: 'BUD1',
      head,
      text: encodeRecord(earlier),
      status: 'queued',
    })
    const from = gh.calls.length
    const l = await launchReported(ws, repo, 1, head, ['exp=sweep', '--launch-id', 'BUD1'])
    expect(l.code, l.stderr + l.stdout).toBe(1) // mode=fail runs fail
    const spent = gh.calls.length - from
    expect(gh.rejected(from)).toEqual([])
    expect(checkOf(repo, id)).toMatchObject({status: 'completed', conclusion: 'failure'})
    const rec = decodeRecord(checkOf(repo, id).output.text)
    if ('problem' in rec) throw new Error(rec.problem)
    // what the record says was spent is what was spent, and it is within the budget
    expect(rec.budget.requests).toBe(178 + spent)
    expect(rec.budget.requests).toBeLessThanOrEqual(200)
    // the comment it wrote was edited in place, found without reading the 1,500 others
    expect(gh.calls.slice(from).filter(c => c.operationId === 'issues/list-comments')).toEqual([])
    expect(gh.state.repo(repo).comments.get(sticky.id)!.body).toContain('BUD1')
    expect(rec.budget.commentId).toBe(sticky.id)
  })
})

describe('dist/reconcile: nothing changed, nothing written', () => {
  test('a Slurm launch still running, reconciled three times: polled each time, no write, three reads each', async () => {
    const repo = newRepo('quiet')
    const head = hex(300)
    const {ws, jobRoot} = slurmWorkspace()
    const slurm = fakeSlurm()
    const rec = recordOf({
      launchId: 'Q1',
      backend: 'slurm',
      github: {repository: repo, headSha: head},
      runs: (ledger, id) => {
        for (const r of ledger.listRuns(id)) {
          ledger.transition(r.id, 'QUEUED', {
            handle: slurmHandle({jobDir: join(jobRoot, id), launchId: id, task: r.index}),
          })
          ledger.transition(r.id, 'RUNNING')
        }
      },
    })
    rec.budget = {requests: 7, updatedAt: '2020-01-01T00:00:00.000Z', states: 'RUNNING:2'}
    slurm.squeue(rec.runs.map(x => squeueLine('4242', x.index, 'tr-Q1-a1-0123456789', 'RUNNING')))
    putCheck(repo, {name: 'trainer: sweep', externalId: 'Q1', head, text: encodeRecord(rec)})
    for (let i = 1; i <= 3; i++) {
      const from = gh.calls.length
      const r = await reconcile(ws, repo, head, {PATH: slurm.path})
      expect(r.code, r.stderr + r.stdout).toBe(0)
      expect(r.launches).toMatchObject([{action: 'polled', states: 'RUNNING:2'}])
      expect(slurm.calls().filter(c => c.startsWith('squeue'))).toHaveLength(i)
      expect(gh.calls.slice(from).map(c => c.operationId)).toEqual([
        'pulls/list',
        'actions/list-workflow-runs-for-repo',
        'checks/list-for-ref',
      ])
    }
  })
})

// ---------------------------------------------------------------------------------------
// metrics that cannot be shown

/** dist/report of the workspace's latest launch, with `inputs`; GitHub left out unless `env` brings it. */
async function reportStep(ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const out = join(ws, 'report-output.txt')
  const summary = join(ws, 'report-summary.md')
  writeFileSync(out, '')
  writeFileSync(summary, '')
  const r = await start('report', [], {
    cwd: ws,
    env: {
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...env,
    },
  }).done
  return {...r, outputs: readFileSync(out, 'utf8'), summary: readFileSync(summary, 'utf8')}
}

describe('dist/report: metrics files that cannot be shown are said, per run', () => {
  test('missing, empty, not JSON, NaN, Infinity, other metrics than the rest', async () => {
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {mode: ok}
    seeds: [1, 2, 3, 4, 5, 6, 7]
`)
    const l = await start('cli', ['launch', 'exp=sweep', '--launch-id', 'MX1'], {cwd: ws}).done
    expect(l.code, l.stderr + l.stdout).toBe(0)
    const runs = join(ws, 'results/MX1/sweep/runs')
    const file = (i: number) => join(runs, String(i).padStart(3, '0'), 'metrics.json')
    const good = JSON.parse(readFileSync(file(0), 'utf8')) as Record<string, unknown>
    rmSync(file(0))
    writeFileSync(file(1), '')
    writeFileSync(file(2), '{"version": 1, "history": [')
    writeFileSync(file(3), JSON.stringify(good).replace(/"history":\[/, '"history":[{"loss":NaN},'))
    writeFileSync(file(4), JSON.stringify(good).replace(/"history":\[/, '"history":[{"loss":1e999},'))
    writeFileSync(
      file(5),
      JSON.stringify({
        ...good,
        history: [
          {step: 1, perplexity: 3},
          {step: 2, perplexity: 2},
        ],
      }),
    )
    const r = await reportStep(ws, {publish: 'summary'})
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const said = r.summary
    const run = (i: number) => `MX1.${String(i).padStart(3, '0')}`
    for (const [i, why] of [
      [0, /no metrics\.json/],
      [1, /metrics\.json is empty/],
      [2, /not JSON/],
      [3, /not JSON/],
      [4, /finite/],
    ] as const) {
      expect(said, `run ${i}`).toMatch(why)
      expect(
        said.split('\n').find(x => why.test(x)),
        `run ${i}`,
      ).toContain(run(i))
    }
    // the run with other metrics than the rest: its curve is drawn, and what it lacks is said
    expect(said).toMatch(/title "perplexity"/)
    expect(said).toMatch(/1 run with a history has no <code>loss<\/code>/)
    expect(said).toMatch(/5 runs have no metric history: curves from 2 of 7 runs/)
  })
})

// ---------------------------------------------------------------------------------------
// the default branch's baseline through the Actions cache

/**
 * An entry in the default branch's cache scope under `key`, holding `content` as the baseline
 * file, saved with the real @actions/cache client as a job on main would (the same path string,
 * so the same cache version as the report's restore).
 */
async function seedBaseline(cache: CacheEmulator, key: string, content: string): Promise<void> {
  const dir = tempDir('atk-report-seed-')
  mkdirSync(join(dir, '.trainer/baseline-cache'), {recursive: true})
  writeFileSync(join(dir, '.trainer/baseline-cache/baseline.json'), content)
  const lib = pathToFileURL(join(ROOT, 'node_modules/@actions/cache/lib/cache.js')).href
  // not spawnSync: the cache service answers from this process
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const {saveCache} = await import(${JSON.stringify(lib)})\n` +
        `console.log('ID', await saveCache(['.trainer/baseline-cache/baseline.json'], process.argv[1]))`,
      key,
    ],
    {cwd: dir, env: {PATH: process.env.PATH, ...cache.envFor({ref: 'refs/heads/main'}), GITHUB_WORKSPACE: dir}},
  )
  let out = ''
  child.stdout.on('data', (b: Buffer) => (out += b.toString()))
  child.stderr.on('data', (b: Buffer) => (out += b.toString()))
  await new Promise(r => child.on('close', r))
  expect(out).toMatch(/ID \d+/)
}

describe('dist/report on a pull request: a baseline from the cache that is not this experiment’s', () => {
  const YML = `
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {mode: ok}
    seeds: [1, 2]
report:
  fail-on:
    acc: {fail: 0.01}
`
  test.each([
    [
      'another experiment’s',
      JSON.stringify({
        v: 1,
        experiment: 'other',
        source: 'main@1234567',
        points: {'[]': {acc: {mean: 99, std: 0, n: 2}}},
      }),
      /another experiment's/,
    ],
    ['not JSON', '{"v": 1, "points": ', /not a baseline file/],
    [
      'a baseline file of the wrong shape',
      JSON.stringify({v: 1, experiment: 'sweep', source: 'x', points: {'[]': {acc: {mean: 'high'}}}}),
      /not a baseline file/,
    ],
  ])('%s: said in the summary, not compared with, and the report still published', async (_what, content, why) => {
    const cache = await startCacheService()
    try {
      const repo = newRepo('cache')
      const head = hex(400 + ++seq)
      // the key a pull request restores first: its base commit's (the event's base.sha)
      await seedBaseline(cache, `trainer-baseline-sweep-${hex(0)}`, content)
      const ws = workspace(YML)
      const l = await start('cli', ['launch', 'exp=sweep', '--launch-id', 'C1'], {cwd: ws}).done
      expect(l.code, l.stderr + l.stdout).toBe(0)
      gh.state.addPull(repo, {number: 1, head_sha: head})
      const from = gh.calls.length
      const r = await reportStep(
        ws,
        {'github-token': gh.env.GITHUB_TOKEN},
        {
          ...gh.env,
          ...cache.envFor({ref: 'refs/pull/1/merge', base: 'refs/heads/main'}),
          GITHUB_ACTIONS: 'true',
          GITHUB_REPOSITORY: repo,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: pullRequestEvent(repo, 1, head),
          GITHUB_SHA: 'e'.repeat(40),
          GITHUB_REF: 'refs/pull/1/merge',
          GITHUB_RUN_ID: '6161',
        },
      )
      expect(r.code, r.stderr + r.stdout).toBe(0)
      expect(r.summary).toMatch(why)
      // not compared with (a baseline of 99 would fail it): fail-on has no baseline, a warning
      expect(r.summary).toMatch(/No baseline to compare acc with/)
      expect(r.summary).not.toMatch(/main@/)
      expect(r.outputs).toMatch(/conclusion<<.*\nneutral\n/s)
      expect([...gh.state.repo(repo).checkRuns.values()]).toMatchObject([{status: 'completed', conclusion: 'neutral'}])
      expect(gh.rejected(from)).toEqual([])
      expect(cache.rejected()).toEqual([])
    } finally {
      await cache.close()
    }
  })
})

// ---------------------------------------------------------------------------------------
// hostile text from the training itself

describe('trainer launch --report: what the training prints cannot rewrite the report', () => {
  test('metric names with a mention, HTML, a fence, pipes and Mermaid syntax; a run that fails', async () => {
    const repo = newRepo('names')
    const head = hex(500)
    gh.state.addPull(repo, {number: 1, head_sha: head})
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, hostile.mjs]
    params: {mode: ok}
    sweep: {mode: [ok, fail]}
`)
    const names = [
      '@admin </details> <img src=x onerror=alert(1)>',
      '```\n# pwned',
      'a | b | c',
      'acc"] %%{init: {"theme": "dark"}}%%\nline "x',
    ]
    writeFileSync(
      join(ws, 'hostile.mjs'),
      `const names = ${JSON.stringify(names)}
for (let step = 1; step <= 3; step++)
  console.log('TRAINER_METRIC ' + JSON.stringify({step, ...Object.fromEntries(names.map((n, i) => [n, step / (i + 2)]))}))
if (process.argv.includes('fail')) { console.error('@admin </details> failed'); process.exit(3) }
`,
    )
    const from = gh.calls.length
    const l = await launchReported(ws, repo, 1, head, ['exp=sweep', '--launch-id', 'N1'])
    expect(l.code, l.stderr + l.stdout).toBe(1)
    expect(gh.rejected(from)).toEqual([])
    const check = [...gh.state.repo(repo).checkRuns.values()][0]!
    expect(check).toMatchObject({status: 'completed', conclusion: 'failure'})
    const comment = gh.state.repo(repo).commentsOn(1)[0]!.body
    for (const shown of [comment, check.output.summary!]) {
      expect(shown).not.toMatch(/@admin|<img|^# pwned/m)
      expect(shown.match(/<\/details>/g)?.length ?? 0).toBe(shown.match(/<details>/g)?.length ?? 0)
      // fences open and close in pairs, and each Mermaid block holds only what the renderer wrote
      const fences = shown.split('\n').filter(x => x.startsWith('```'))
      expect(fences.length % 2).toBe(0)
      for (const block of shown.match(/```mermaid\n[\s\S]*?\n```/g) ?? []) {
        expect(block).not.toMatch(/%%\{|dark/)
        for (const line of block.split('\n').filter(x => /^\s+(line|title)\b/.test(x)))
          expect(line).toMatch(/^\s+(line|title) "[^"]*"( \[[-0-9., e]*\])?$/)
      }
      // every table row has as many cells as its header
      const lines = shown.split('\n')
      const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length
      const ragged: string[] = []
      for (let i = 1; i < lines.length; i++) {
        if (!/^\|(\s*-+\s*\|)+$/.test(lines[i]!)) continue
        const n = cells(lines[i]!)
        for (let j = i - 1; j < lines.length && lines[j]!.startsWith('|'); j++)
          if (cells(lines[j]!) !== n) ragged.push(lines[j]!)
      }
      expect(ragged).toEqual([])
    }
    for (const a of check.annotations) expect(`${a.title}${a.message}`).not.toMatch(/\n/)
  })
})
