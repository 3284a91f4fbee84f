/**
 * Injection end to end (issue 11, security tests): "An injection corpus … through the comment
 * path into every backend's submission: nothing executes, every value arrives at the training
 * process byte for byte or is refused."
 *
 * The path, as examples/workflows/train-on-comment.yml runs it: a real `issue_comment` payload
 * (@octokit/webhooks-examples) carrying `/train exp=inj backend=B p000="<payload>" …` goes to
 * dist/command against the GitHub emulator; its outputs become the command job's outputs (the
 * job's `outputs:` of the workflow file, resolved); the launch job's `run:` steps, if it has any,
 * run in bash as the runner runs them; the launch step's `with:` (from the workflow file, its
 * `${{ }}` resolved) becomes INPUT_* of dist/launch on each backend: local, local-docker (the test
 * Docker engine) and slurm (the test cluster through sbatch here, ssh and slurmrestd). The
 * training (test/fixtures/training/train.mjs) records its argv and TRAINER_* environment in
 * seen.json; every parameter must be there exactly, as an argument, in TRAINER_PARAM_* and in
 * TRAINER_RUN_SPEC, and in metrics.json.
 *
 * The payloads: every payload of the corpus (test/fixtures/injection-corpus.ts) that the grammar
 * takes in double quotes, and payloads that would create a canary file if anything ran them
 * (`$(touch …)`, backticks, `;`, `&&`, `--output=…` for sbatch, an `#SBATCH` line under the
 * command); a few also as a sweep (the sweep output is JSON). They are packed into as few
 * comments as the grammar allows (8192 characters a line, 100 parameters), so each backend gets
 * a few launches of one run each and one sweep. Of the payloads the grammar refuses, a few of
 * each category go through dist/command alone: refused with a reply, and no launch job runs.
 *
 * Found: a value ending in a blank (`': '`, `'a b '` × 256) arrived without it, trimmed by the
 * runner's input and the overrides lines; the workflow's jq step made them lines. Now the launch
 * takes the command's JSON as it is (src/actions/plan.ts), and the example passes it straight on.
 *
 * Deviations from the workflow, each needed to observe the result: the launch waits (`wait:
 * true`), and local-docker is given the test image (`image`, `build: never`).
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test, type ExpectStatic} from 'vitest'
import {parse, stringify} from 'yaml'
import {LIMITS, parseComment} from '../../src/chatops/command.js'
import {connectDocker} from '../../src/image/docker.js'
import {sha, startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {CATEGORIES, CORPUS, dq, quotable} from '../fixtures/injection-corpus.js'
import {webhookExample} from '../helpers/events.js'
import {requireInfra, requireSlurmInfra, slurmEnv} from '../helpers/infra.js'
import {nodeImage} from '../helpers/node-image.js'
import {parseFileCommands} from '../helpers/run-dist.js'
import {actionStep, type StepResult} from '../helpers/action-step.js'
import {suiteTempDir} from '../helpers/temp-dir.js'
import {ROOT, TRAIN} from '../helpers/workspace.js'

const docker = await requireInfra('injection attacks, local-docker backend (Docker engine)')
const slurm = await requireSlurmInfra('injection attacks, slurm backend (a real single-node cluster)')

/** Unique to this run of the file: job names and job roots are shared on the cluster. */
const TAG = `${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`
/** A file (and a prefix of files) that exists only if something a comment held was executed. */
const MARK = join(tmpdir(), `atk-inj-pwned-${TAG}`)
const REPO = 'Codertocat/Hello-World'
/** Workspaces, events and step files of this file (removed after it). */
const DIR = suiteTempDir('atk-inj-')

// ---------------------------------------------------------------------------------------------
// the payloads

/** Values that create a file under MARK if any shell, sbatch, srun or docker parsed them. */
const CANARIES = [
  `$(touch ${MARK})`,
  `\`touch ${MARK}\``,
  `;touch ${MARK}`,
  `a; touch ${MARK}; b`,
  `| touch ${MARK}`,
  `a && touch ${MARK} || touch ${MARK} &`,
  `$(touch\${IFS}${MARK})`,
  `'$(touch ${MARK})'`,
  `"; touch ${MARK}; echo "`,
  `\${{ github.token }}$(touch ${MARK})`,
  `$'\\x3btouch ${MARK}'`,
  `--output=${MARK}-output`,
  `-o${MARK}-o`,
  `--wrap=touch ${MARK}`,
  `#SBATCH --output=${MARK}-sbatch`,
  `--export=ALL,LD_PRELOAD=${MARK}`,
  `-v /:/host --entrypoint=touch ${MARK}`,
  `%x%j%A ${MARK}-%j`,
]

/** Every value a comment can carry in double quotes: the canaries, then the corpus's quotable payloads. */
const ACCEPTED = [...new Set([...CANARIES, ...CORPUS.filter(quotable)])]
/** A sweep in one comment: JSON breakers and a canary (the sweep output is JSON). */
const SWEEP = [`$(touch ${MARK})`, '"}', '{"__proto__":{"polluted":1}}', 'a,b', '\\"', 'Ω≈ç√ 中文 🚀 \\u0000']
/** Under the command line: never part of the command. */
const TRAILER = `\n#SBATCH --wrap="touch ${MARK}"\n#SBATCH --output=${MARK}-trailer\n`
/** Of the payloads the grammar refuses, this many per category go through dist/command. */
const REFUSED_PER_CATEGORY = 3

const KEYS = Array.from({length: LIMITS.params - 1}, (_, i) => `p${String(i).padStart(3, '0')}`)
const DEFAULTS: Record<string, string> = Object.fromEntries([...KEYS, 's'].map(k => [k, 'x']))

interface Batch {
  /** The comment's command line without `backend=`. */
  args: string
  overrides: Record<string, string>
  sweep: string[]
}

/**
 * The accepted payloads packed into as few command lines as the grammar allows (first fit,
 * longest first; room left for `backend=`); the first line also sweeps `s` over SWEEP.
 */
function batches(): Batch[] {
  const room = LIMITS.line - ' backend=local-docker'.length
  const out: Batch[] = []
  const line = (b: Batch, key: string, p: string): string => `/train ${b.args} ${key}=${dq(p)}`
  for (const p of [...ACCEPTED].sort((a, b) => dq(b).length - dq(a).length)) {
    const fits = (b: Batch): boolean =>
      Object.keys(b.overrides).length < KEYS.length && line(b, KEYS[Object.keys(b.overrides).length]!, p).length <= room
    let b = out.find(fits)
    if (!b) {
      const sweep = out.length === 0 ? SWEEP : []
      b = {args: `exp=inj${sweep.length ? ` sweep.s=${sweep.map(dq).join(',')}` : ''}`, overrides: {}, sweep}
      out.push(b)
    }
    const key = KEYS[Object.keys(b.overrides).length]!
    b.args += ` ${key}=${dq(p)}`
    b.overrides[key] = p
  }
  return out
}
const BATCHES = batches()

/** `n` items of `xs`, spread from its first to its last. */
const spread = <T>(xs: readonly T[], n: number): T[] =>
  xs.length <= n ? [...xs] : Array.from({length: n}, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]!)

/** The refused payloads that go through dist/command: a few of each category, first to last. */
const REFUSED: {category: string; body: string}[] = [
  ...Object.entries(CATEGORIES).flatMap(([category, ps]) =>
    spread(
      ps.filter(p => !quotable(p)),
      REFUSED_PER_CATEGORY,
    ).map(p => ({category, body: `/train exp=inj p000=${dq(p)}`})),
  ),
  // unquoted, as an attacker types them; a quoted value spanning lines
  ...[`$(touch ${MARK})`, `\`touch ${MARK}\``, `a;touch${MARK}`, `--output=${MARK}`].map(p => ({
    category: 'unquoted canary',
    body: `/train exp=inj p000=${p}`,
  })),
  {category: 'canary across lines', body: `/train exp=inj p000="a\n#SBATCH --wrap=touch ${MARK}"`},
]

/** Files whose name says a canary ran. */
const pwned = (): string[] => readdirSync(tmpdir()).filter(n => n.startsWith(basename(MARK)))

// ---------------------------------------------------------------------------------------------
// the workflow

interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, string | boolean | number>
}
interface Workflow {
  jobs: Record<string, {if?: string; outputs?: Record<string, string>; steps: Step[]}>
}

const WORKFLOW = parse(readFileSync(join(ROOT, 'examples/workflows/train-on-comment.yml'), 'utf8')) as Workflow

/** `${{ needs.J.outputs.X }}` and `${{ steps.S.outputs.X }}` resolved as Actions does (missing: ''); anything else fails. */
function evaluate(text: string, ctx: {needs?: Record<string, string>; steps?: Record<string, Record<string, string>>}) {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => {
    const needs = /^needs\.command\.outputs\.([\w-]+)$/.exec(e)
    if (needs && ctx.needs) return ctx.needs[needs[1]!] ?? ''
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e)
    if (step && ctx.steps) return ctx.steps[step[1]!]?.[step[2]!] ?? ''
    throw new Error(`the test cannot evaluate \${{ ${e} }}`)
  })
}

/** Runs a bundle as a workflow step (test/helpers/action-step.ts), killed after `ms`. */
const step = (
  bundle: 'command' | 'launch',
  ws: string,
  env: Record<string, string>,
  ms: number,
  inputs: Record<string, string> = {},
): Promise<StepResult> =>
  actionStep(bundle, {
    workspace: ws,
    actionYml: bundle === 'command' ? 'actions/command/action.yml' : 'launch/action.yml',
    env: {'INPUT_GITHUB-TOKEN': env.GITHUB_TOKEN ?? '', ...env},
    inputs,
    timeoutMs: ms,
  })

/**
 * The launch job up to its launch step: each `run:` step in bash as the runner starts it
 * (`bash --noprofile --norc -eo pipefail`), its `env:` resolved, its GITHUB_OUTPUT read back;
 * then the launch step's `with:`, resolved. Checkout steps are what the test's workspace is.
 */
function launchJob(needs: Record<string, string>): Record<string, string> {
  const steps: Record<string, Record<string, string>> = {}
  for (const s of WORKFLOW.jobs.launch!.steps) {
    if (s.uses?.includes('/launch@'))
      return Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, evaluate(String(v), {needs, steps})]))
    if (s.run === undefined) continue
    const dir = mkdtempSync(join(DIR, 'step-'))
    const script = join(dir, 'step.sh')
    const output = join(dir, 'output')
    writeFileSync(script, s.run)
    writeFileSync(output, '')
    const env = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, evaluate(v, {needs, steps})]))
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      env: {PATH: process.env.PATH ?? '/usr/bin:/bin', GITHUB_OUTPUT: output, ...env},
      encoding: 'utf8',
      timeout: 30_000,
    })
    if (r.status !== 0) throw new Error(`step ${s.id ?? s.run} failed (${r.status}): ${r.stderr}`)
    if (s.id) steps[s.id] = parseFileCommands(readFileSync(output, 'utf8'))
  }
  throw new Error('the launch job has no launch step')
}

/** The command job's outputs, from the command step's (the job's `outputs:` resolved). */
const jobOutputs = (cmd: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(WORKFLOW.jobs.command!.outputs ?? {}).map(([k, v]) => [k, evaluate(v, {steps: {cmd}})]),
  )

// ---------------------------------------------------------------------------------------------
// the backends

interface Backend {
  name: string
  /** The experiment's command (the training must exist where the run runs). */
  command: string[]
  /** More backends of trainer.yml. */
  backends?: () => Record<string, unknown>
  inputs?: () => Record<string, string>
  env?: () => Record<string, string>
  /** Slurm: the job root (a launch's job directory is `<job root>/<launch id>`). */
  jobRoot?: string
  /** Where run `output` (`inj/runs/000`) of launch `id` writes, seen from here. */
  runDir: (ws: string, id: string, output: string) => string
}

const jobRoots: string[] = []
const launchIds: string[] = []
let image = ''

function slurmBackend(name: string, transport: Record<string, unknown>): Backend {
  const jobRoot = join(slurm?.TRAINER_SLURM_JOB_ROOT ?? '/nonexistent', `atk-inj-${TAG}-${name}`)
  jobRoots.push(jobRoot)
  return {
    name,
    command: [process.execPath, TRAIN],
    backends: () => ({
      [name]: {
        type: 'slurm',
        ...transport,
        container: 'none',
        'job-root': jobRoot,
        node: process.execPath,
        partition: 'debug',
        time: '00:05:00',
      },
    }),
    env: () => ({...slurmEnv(slurm!), TRAINER_SLURM_JWT: slurm!.TRAINER_SLURM_JWT}),
    jobRoot,
    runDir: (_, id, output) => join(jobRoot, id, 'results', output),
  }
}

const LOCAL: Backend = {
  name: 'local',
  command: [process.execPath, TRAIN],
  runDir: (ws, id, output) => join(ws, 'results', id, output),
}
const LOCAL_DOCKER: Backend = {
  name: 'local-docker',
  command: ['node', '/app/train.mjs'],
  inputs: () => ({image, build: 'never'}),
  env: () => ({DOCKER_HOST: docker!.DOCKER_HOST, TRAINER_DOCKER_NETWORK: 'none'}),
  runDir: (ws, id, output) => join(ws, 'results', id, output),
}
const SLURM = [
  slurmBackend('slurm', {}),
  slurmBackend('slurm-ssh', {
    transport: 'ssh',
    host: slurm?.TRAINER_SSH_HOST,
    port: Number(slurm?.TRAINER_SSH_PORT),
    user: slurm?.TRAINER_SSH_USER,
    'key-file': slurm?.TRAINER_SSH_KEY,
    'known-hosts': slurm?.TRAINER_SSH_KNOWN_HOSTS,
  }),
  slurmBackend('slurm-rest', {
    transport: 'rest',
    url: slurm?.TRAINER_SLURMRESTD_URL,
    'token-env': 'TRAINER_SLURM_JWT',
    'user-name': slurm?.TRAINER_SLURM_USER,
  }),
]

// ---------------------------------------------------------------------------------------------
// the comment path

let gh: GitHubEmulator
let prNumber = 700

beforeAll(async () => {
  gh = await startGitHub()
  gh.state.setRole(REPO, 'writer', 'write')
  if (docker) image = await nodeImage(docker.DOCKER_HOST)
}, 180_000)

afterAll(async () => {
  await gh?.close()
  // whatever a failed test left on the cluster, and the job directories
  if (slurm) {
    const q = spawnSync('squeue', ['-h', '-r', '-o', '%F|%j'], {
      env: {...process.env, ...slurmEnv(slurm)},
      encoding: 'utf8',
    })
    const arrays = (q.stdout ?? '')
      .split('\n')
      .filter(l => launchIds.some(id => l.includes(`|tr-${id}-`)))
      .map(l => l.split('|')[0]!)
    if (arrays.length) spawnSync('scancel', [...new Set(arrays)], {env: {...process.env, ...slurmEnv(slurm)}})
    for (const d of jobRoots) rmSync(d, {recursive: true, force: true})
  }
  for (const f of pwned()) rmSync(join(tmpdir(), f), {force: true, recursive: true})
}, 60_000)

/** A workspace whose trainer.yml has the experiment `inj` (99 string parameters and `s`) on `b`. */
function workspaceFor(b: Backend): string {
  const ws = mkdtempSync(join(DIR, `${b.name}-`))
  const config = {
    ...(b.backends ? {backends: b.backends()} : {}),
    experiments: {
      inj: {
        command: b.command,
        params: DEFAULTS,
        'param-types': Object.fromEntries(Object.keys(DEFAULTS).map(k => [k, 'string'])),
        backend: b.name,
      },
    },
  }
  writeFileSync(join(ws, 'trainer.yml'), stringify(config, {lineWidth: 0}))
  return ws
}

/** An `issue_comment` `created` payload of a writer's comment on a new pull request. */
function commentEvent(body: string): {path: string; number: number; comment: number; head: string} {
  const number = ++prNumber
  const head = sha(`inj-head-${number}`)
  gh.state.addPull(REPO, {number, head_sha: head})
  const c = gh.state.addComment(REPO, number, {body, user: 'writer'})
  const e = structuredClone(webhookExample('issue_comment', 0)) as {
    action: string
    issue: {number: number; pull_request?: unknown}
    comment: {id: number; body: string; created_at: string; user: {login: string; type: string}}
  }
  e.action = 'created'
  e.issue.number = number
  e.issue.pull_request = {url: `https://api.github.com/repos/${REPO}/pulls/${number}`}
  e.comment = {...e.comment, id: c.id, body, created_at: c.created_at, user: {...e.comment.user, login: 'writer'}}
  const path = join(mkdtempSync(join(DIR, 'event-')), 'event.json')
  writeFileSync(path, JSON.stringify(e))
  return {path, number, comment: c.id, head}
}

const githubEnv = (event: string): Record<string, string> => ({
  ...gh.env,
  GITHUB_REPOSITORY: REPO,
  GITHUB_EVENT_NAME: 'issue_comment',
  GITHUB_EVENT_PATH: event,
  GITHUB_SHA: 'd'.repeat(40), // the default branch: never what runs
})

interface Seen {
  argv: string[]
  env: Record<string, string>
}

/** What differs between the parameters a run was meant to get and what its training saw, in every channel. */
function differences(want: Record<string, string>, dir: string, index: number): string[] {
  const out: string[] = []
  const seenFile = join(dir, 'seen.json')
  if (!existsSync(seenFile)) return [`${seenFile} is missing`]
  const seen = JSON.parse(readFileSync(seenFile, 'utf8')) as Seen
  const head = ['--experiment', 'inj', '--run_index', String(index), '--seed']
  if (JSON.stringify(seen.argv.slice(0, 5)) !== JSON.stringify(head))
    out.push(`argv starts ${JSON.stringify(seen.argv)}`)
  const pairs = seen.argv.slice(6)
  const argv: Record<string, string> = {}
  for (let i = 0; i < pairs.length; i += 2) argv[pairs[i]!.replace(/^--override-/, '')] = pairs[i + 1]!
  const spec = (JSON.parse(seen.env.TRAINER_RUN_SPEC ?? '{}') as {params?: Record<string, unknown>}).params ?? {}
  const metrics = (JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as {params?: Record<string, unknown>})
    .params
  if (pairs.length !== 2 * Object.keys(want).length) out.push(`argv has ${pairs.length / 2} parameters`)
  for (const [k, v] of Object.entries(want)) {
    const got = {
      argv: argv[k],
      env: seen.env[`TRAINER_PARAM_${k.toUpperCase()}`],
      spec: spec[k],
      'metrics.json': metrics?.[k],
    }
    for (const [where, g] of Object.entries(got))
      if (g !== v)
        out.push(`${k} in ${where}: ${JSON.stringify(g)?.slice(0, 120)}, sent ${JSON.stringify(v).slice(0, 120)}`)
  }
  return out
}

/** Workflow-command payloads a step printing user text at the start of a line would hand the runner. */
const COMMAND_PAYLOADS = ACCEPTED.filter(p => p.startsWith('::'))

interface RunOutput {
  id: string
  index: number
  state: string
  params: Record<string, string>
}

/** One comment through the workflow on backend `b`: command, the overrides step, the launch. */
interface Launched {
  id: string
  runs: RunOutput[]
  /** Slurm: the launch's job directory. */
  jobDir?: string
}

async function throughWorkflow(b: Backend, batch: Batch, expect: ExpectStatic): Promise<Launched> {
  const ws = workspaceFor(b)
  const body = `Please try these.\n\n/train ${batch.args.replace('exp=inj', `exp=inj backend=${b.name}`)}${TRAILER}`
  expect(parseComment(body).kind, 'the test comment is well formed').toBe('train')
  const ev = commentEvent(body)
  const from = gh.calls.length
  const cmd = await step('command', ws, githubEnv(ev.path), 60_000)
  expect(cmd.code, cmd.stdout + cmd.stderr).toBe(0)
  expect(cmd.outputs).toMatchObject({command: 'train', sha: ev.head, experiment: 'inj', backend: b.name})
  expect(JSON.parse(cmd.outputs.overrides!)).toEqual(batch.overrides)
  expect(JSON.parse(cmd.outputs.sweep!)).toEqual(batch.sweep.length ? {s: batch.sweep} : {})

  const inputs = {...launchJob(jobOutputs(cmd.outputs)), wait: 'true', ...b.inputs?.()}
  const r = await step('launch', ws, {...githubEnv(ev.path), ...b.env?.()}, 240_000, inputs)
  const id = r.outputs['launch-id'] ?? ''
  launchIds.push(id)
  expect(r.code, r.stdout + r.stderr).toBe(0)
  const runs = JSON.parse(r.outputs.runs ?? '[]') as RunOutput[]
  expect(
    runs.map(x => x.state),
    r.stdout,
  ).toEqual(Array.from({length: Math.max(1, batch.sweep.length)}, () => 'SUCCEEDED'))
  if (batch.sweep.length) expect(runs.map(x => x.params.s).sort()).toEqual([...batch.sweep].sort())
  const problems = runs.flatMap(run => {
    const want = {...DEFAULTS, ...batch.overrides, ...(batch.sweep.length ? {s: run.params.s!} : {})}
    const dir = b.runDir(ws, id, `inj/runs/${String(run.index).padStart(3, '0')}`)
    return differences(want, dir, run.index).map(d => `${run.id}: ${d}`)
  })
  expect(problems).toEqual([])
  // the report carried every value, and GitHub took every request
  expect(gh.rejected(from)).toEqual([])
  // no value printed where the runner would read it as a workflow command
  for (const out of [cmd.stdout, r.stdout])
    for (const line of out.split('\n'))
      expect(
        COMMAND_PAYLOADS.some(p => line.startsWith(p)),
        line,
      ).toBe(false)
  expect(pwned()).toEqual([])
  return {id, runs, ...(b.jobRoot ? {jobDir: join(b.jobRoot, id)} : {})}
}

// ---------------------------------------------------------------------------------------------

test('the payloads: every category, each accepted payload in exactly one comment, within the grammar', () => {
  expect(BATCHES.flatMap(b => Object.values(b.overrides)).sort()).toEqual([...ACCEPTED].sort())
  for (const b of BATCHES) {
    const line = `/train ${b.args} backend=local-docker`
    expect(line.length).toBeLessThanOrEqual(LIMITS.line)
    const parsed = parseComment(line)
    expect(parsed.kind === 'train' && parsed.args.overrides).toEqual(b.overrides)
  }
  for (const [name, ps] of Object.entries(CATEGORIES))
    expect(ACCEPTED.some(p => ps.includes(p)) || REFUSED.some(r => r.category === name), name).toBe(true)
  expect(BATCHES.length).toBeLessThanOrEqual(4)
})

test('the canaries are live: a shell that took one as code would leave the file (the check can fail)', () => {
  try {
    spawnSync('bash', ['-c', `echo ${CANARIES[0]}`], {timeout: 10_000})
    expect(pwned()).toEqual([basename(MARK)])
  } finally {
    rmSync(MARK, {force: true})
  }
  expect(pwned()).toEqual([])
})

describe('refused in the comment: a reply says why, and nothing runs', () => {
  // each command step waits on Octokit's write throttle (about a second a write): a few at a time
  test.concurrent.for(REFUSED.map(r => ({...r, title: JSON.stringify(r.body).slice(0, 70)})))(
    '$category: $title',
    {timeout: 60_000},
    async ({body}, {expect}) => {
      const ws = workspaceFor(LOCAL)
      const ev = commentEvent(body)
      const r = await step('command', ws, githubEnv(ev.path), 60_000)
      expect(r.code, r.stdout + r.stderr).toBe(0)
      // the launch job runs only `if: needs.command.outputs.command == 'train'`
      expect(jobOutputs(r.outputs).command).toBe('refused')
      expect(r.outputs.refused).toMatch(/\S/)
      for (const k of ['sha', 'experiment', 'overrides', 'sweep']) expect(r.outputs[k], k).toBeUndefined()
      const replies = gh.state
        .repo(REPO)
        .commentsOn(ev.number)
        .filter(c => c.user === 'github-actions[bot]')
      expect(replies.map(c => /^> @\u2060writer: \/train\n\nNot run: [^]*Usage/.test(c.body))).toEqual([true])
      expect(
        gh.state
          .repo(REPO)
          .reactions.filter(x => x.comment === ev.comment)
          .map(x => x.content),
      ).toEqual(['eyes', 'confused'])
      expect(existsSync(join(ws, '.trainer'))).toBe(false)
      expect(pwned()).toEqual([])
    },
  )
})

/** The launches of one backend: one per comment, a few at a time (the cluster and the engine queue them). */
function launches(b: Backend, after?: (r: Launched, expect: ExpectStatic) => Promise<void> | void): void {
  test.concurrent.for(
    BATCHES.map((batch, i) => ({i, batch, values: Object.keys(batch.overrides).length, runs: batch.sweep.length || 1})),
  )('comment $i: $values values, $runs runs', {timeout: 300_000}, async ({batch}, {expect}) => {
    const r = await throughWorkflow(b, batch, expect)
    await after?.(r, expect)
  })
}

describe('accepted: every value reaches the training byte for byte, nothing executes', () => {
  describe('local', () => {
    launches(LOCAL)
  })

  describe.skipIf(!docker)('local-docker', () => {
    launches(LOCAL_DOCKER, async ({runs}, expect) => {
      // the executor removed the launch's containers
      const {docker: engine} = connectDocker({DOCKER_HOST: docker!.DOCKER_HOST})
      const left = await engine.listContainers({all: true, filters: {label: runs.map(x => `trainer.run=${x.id}`)}})
      expect(left.map(c => c.Names)).toEqual([])
    })
  })

  describe.skipIf(!slurm).each(SLURM.map(b => [b.name, b] as const))('%s', (_, b) => {
    launches(b, ({jobDir}, expect) => {
      // no value in the job script: each task reads its argv and environment from files
      const subs = join(jobDir!, 'submissions')
      const scripts = readdirSync(subs).filter(x => x.endsWith('.sh'))
      expect(scripts.length).toBeGreaterThan(0)
      for (const f of scripts) {
        const script = readFileSync(join(subs, f), 'utf8')
        expect(script, f).not.toContain('pwned')
        expect(script, f).not.toContain('touch')
      }
    })
  })
})
