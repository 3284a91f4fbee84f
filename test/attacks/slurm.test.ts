/**
 * Attacks on the Slurm backend (issue 9, "Bad input" and "Done when"), against the real
 * single-node cluster of test/infra (slurmctld, slurmd, slurmdbd, and a private sshd), through
 * the `local` and `ssh` transports. Launches go through the action functions (launch, status,
 * cancel) with a RecordingIO, as the e2e tests do; the kill tests run the CLI in a process of
 * its own. `trainer run` and the CLI are bundled privately for this file (dist/ may be rebuilt
 * by other work at any moment).
 *
 * Slurm's commands are replaced for a test by wrappers first on PATH (the local transport
 * passes PATH to them): a slow sbatch to kill the launcher at a chosen moment, a failing
 * squeue for an unreachable controller, a squeue that no longer lists a job for one that
 * slurmctld forgot.
 *
 * Findings (each test below fails until its fix):
 * - credentials (GITHUB_TOKEN, INPUT_*, ACTIONS_*, RESULT_URL…) reach the job through an env:
 *   prefix pattern: slurm/index.ts runEnv skips neverPassed();
 * - a launcher variable whose name is not a shell identifier kills every task (`export` under set -e);
 * - a run that ends without metrics.json shows Slurm's "NonZeroExitCode", not its log (driver.ts apply);
 * - docker mode: an image reference starting with - becomes a docker run option (no `--`);
 * - job-root may hold `:` `,` (the job directory mount breaks) and `%` (sbatch expands it in --output);
 * - a submission that fails after sbatch took an array (a second array refused, a lost reply):
 *   the runs on the cluster are marked CANCELLED and never followed;
 * - collect follows symlinks (a log linked to a file outside the job directory reaches the
 *   ledger; a metrics.json linked elsewhere is believed) and blocks for ever on a FIFO;
 * - a poll skips sacct while any array of the launch is listed: a forgotten array is never settled;
 * - ssh: a failed handshake leaves an ssh2 client whose next 'error' crashes the process; a
 *   dropped or failed connection is cached, so a waiting launch never reconnects.
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {EventEmitter} from 'node:events'
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import {connect, createServer, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, onTestFinished, test} from 'vitest'
import {stringify} from 'yaml'
import {launch, type LaunchDeps} from '../../src/actions/launch.js'
import {plan} from '../../src/actions/plan.js'
import {cancel, status, type StatusResult} from '../../src/actions/status.js'
import {mountList, nulJoin, renderScript, type ScriptOptions} from '../../src/backends/slurm/script.js'
import {SlurmBackendSchema, type SlurmConfig} from '../../src/config/backends.js'
import {ConfigError} from '../../src/kit/errors.js'
import {Ledger, type LedgerRun} from '../../src/ledger/ledger.js'
import {requireInfra, requireSlurmInfra, slurmEnv} from '../helpers/infra.js'
import {nodeImage} from '../helpers/node-image.js'
import {privateBundles, removeBundles} from '../helpers/private-bundle.js'
import {RecordingIO} from '../helpers/recording-io.js'
import {tempDir} from '../helpers/temp-dir.js'
import {ROOT, TRAIN} from '../helpers/workspace.js'

const infra = await requireSlurmInfra('slurm attacks (a real single-node cluster)')

const FIXTURES = join(ROOT, 'test/fixtures/training')
const PROBE = join(FIXTURES, 'slurm-probe.mjs')
const CONTRACT = join(FIXTURES, 'container-main.mjs')
/** Unique to this run of the file: job names are global on the cluster. */
const TAG = `${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`
/** A file that exists only if something a user wrote was executed. */
const MARK = `/tmp/atk-slurm-pwned-${TAG}`
const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))
let seq = 0
const newId = (what: string): string => `atk${TAG}-${what}${++seq}`

type Env = Record<string, string>
type Transport = 'local' | 'ssh'
const TRANSPORTS: Transport[] = ['local', 'ssh']

/** The private bundles (`<dir>/cli`, `<dir>/run`). */
let BUNDLES = ''
const deps = (): LaunchDeps => ({
  runner: [process.execPath, join(BUNDLES, 'run/index.js')],
  runnerDir: join(BUNDLES, 'run'),
  signals: new EventEmitter(),
})

beforeAll(async () => {
  if (infra) BUNDLES = await privateBundles(['run', 'cli'])
}, 180_000)
afterAll(() => {
  if (BUNDLES) removeBundles(BUNDLES)
  // the job directories of this file's launches (the runs have ended or were cancelled)
  if (infra)
    for (const d of readdirSync(infra.TRAINER_SLURM_JOB_ROOT).filter(n => n.startsWith(`atk-${TAG}-`)))
      rmSync(join(infra.TRAINER_SLURM_JOB_ROOT, d), {recursive: true, force: true})
})

// ---------------------------------------------------------------------------------------
// helpers

/** How each transport reaches the cluster: backend options. */
function transportOptions(t: Transport): Record<string, unknown> {
  if (t === 'local') return {}
  return {
    transport: 'ssh',
    host: infra!.TRAINER_SSH_HOST,
    port: Number(infra!.TRAINER_SSH_PORT),
    user: infra!.TRAINER_SSH_USER,
    'key-file': infra!.TRAINER_SSH_KEY,
    'known-hosts': infra!.TRAINER_SSH_KNOWN_HOSTS,
  }
}

/** A job root of its own under the cluster's shared (1777) one. */
const jobRootOf = (what: string): string => join(infra!.TRAINER_SLURM_JOB_ROOT, `atk-${TAG}-${what}-${++seq}`)

/** A Slurm backend's options: partition debug, 5 minutes, no container, trainer run with this Node. */
function slurmBackend(t: Transport, jobRoot: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'slurm',
    ...transportOptions(t),
    container: 'none',
    'job-root': jobRoot,
    node: process.execPath,
    partition: 'debug',
    time: '00:05:00',
    ...more,
  }
}

interface Setup {
  ws: string
  env: Env
}

/** A workspace whose trainer.yml holds these backends and experiments. */
function setup(
  config: {backends: Record<string, unknown>; experiments: Record<string, unknown>},
  env: Env = {},
): Setup {
  const ws = tempDir('trainer-atk-slurm-')
  writeFileSync(join(ws, 'trainer.yml'), stringify(config, {lineWidth: 0}))
  return {ws, env: {...slurmEnv(infra!), PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ws, ...env}}
}

async function call<T>(s: Setup, inputs: Record<string, string>, fn: (io: RecordingIO) => Promise<T>): Promise<T> {
  const io = new RecordingIO(inputs, s.ws, s.env)
  try {
    return await fn(io)
  } finally {
    await io.close()
  }
}

/** Submits a launch and returns at once (--detach). */
const submit = (s: Setup, inputs: Record<string, string>) =>
  call(s, {detach: 'true', ...inputs}, io => launch(io, deps()))
const refresh = (s: Setup, id: string): Promise<StatusResult> => call(s, {id, refresh: 'true'}, status)

/** The error a promise fails with (the test fails if it does not). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (e: unknown) {
    return e as Error
  }
  throw new Error('expected a failure, but it succeeded')
}

/** Polls (status --refresh) until the launch is no longer ACTIVE. */
async function settle(s: Setup, id: string, ms = 100_000): Promise<StatusResult> {
  const end = Date.now() + ms
  for (;;) {
    const r = await refresh(s, id)
    if (r.launch.status !== 'ACTIVE') return r
    if (Date.now() > end) throw new Error(`launch ${id} still ACTIVE after ${ms} ms: ${describeRuns(r.runs)}`)
    await sleep(1000)
  }
}

const describeRuns = (runs: readonly LedgerRun[]): string =>
  runs.map(r => `${r.id} ${r.state} (${r.nativeState ?? '-'}) ${r.reason ?? ''}`).join('; ')

/** A run's Slurm log, as its links say (for messages). */
const logText = (r: LedgerRun | undefined): string =>
  r?.links.log && existsSync(r.links.log) ? readFileSync(r.links.log, 'utf8') : '(no log)'

function ledgerRuns(s: Setup, id: string): {runs: LedgerRun[]; status: string | undefined} {
  const l = Ledger.open(join(s.ws, '.trainer/ledger.db'))
  try {
    return {runs: l.listRuns(id), status: l.getLaunch(id)?.status}
  } finally {
    l.close()
  }
}

const slurmCmd = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, {env: {...process.env, ...slurmEnv(infra!)}, encoding: 'utf8', maxBuffer: 64 << 20})

interface ClusterTask {
  array: string
  task: string
  name: string
  state: string
}

/** Every array task the controller knows of launch `id` (its job names are `tr-<id>-<key>`). */
function clusterTasks(id: string): ClusterTask[] {
  return slurmCmd('squeue', ['-h', '-r', '-t', 'all', '-o', '%F|%K|%j|%T'])
    .split('\n')
    .filter(Boolean)
    .map(l => {
      const [array = '', task = '', name = '', state = ''] = l.split('|')
      return {array, task, name, state}
    })
    .filter(j => j.name.startsWith(`tr-${id}-`))
}

/** Waits until the controller says every task of launch `id` (n of them) has ended. */
async function clusterDone(id: string, n: number, ms = 100_000): Promise<ClusterTask[]> {
  const end = Date.now() + ms
  for (;;) {
    const t = clusterTasks(id)
    if (t.length === n && t.every(x => /^(COMPLETED|FAILED|CANCELLED|TIMEOUT|OUT_OF_MEMORY)$/.test(x.state))) return t
    if (Date.now() > end) throw new Error(`launch ${id}: tasks not done: ${JSON.stringify(t)}`)
    await sleep(500)
  }
}

/** Cancels whatever launch `id` left on the cluster (cleanup). */
function scancelLaunch(id: string): void {
  const arrays = [...new Set(clusterTasks(id).map(t => t.array))]
  if (arrays.length) spawnSync('scancel', arrays, {env: {...process.env, ...slurmEnv(infra!)}})
}

interface Seen {
  argv: string[]
  env: Record<string, string>
  cwd: string
  read: string | null
}
const seenOf = (jobDir: string, output: string): Seen =>
  JSON.parse(readFileSync(join(jobDir, 'results', output, 'seen.json'), 'utf8')) as Seen

/** A directory of executables that stand in front of Slurm's commands (first on PATH). */
function wrappers(scripts: Record<string, string>): string {
  const dir = tempDir('trainer-atk-bin-')
  chmodSync(dir, 0o755)
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/bin/bash\n${body}\n`)
    chmodSync(join(dir, name), 0o755)
  }
  return dir
}
const withPath = (s: Setup, bin: string): Setup => ({...s, env: {...s.env, PATH: `${bin}:${s.env.PATH}`}})

/** A TCP port on loopback that accepts connections and never says anything (closed after the test). */
async function silentServer(): Promise<number> {
  const sockets: Socket[] = []
  const srv = createServer(c => sockets.push(c))
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
  onTestFinished(() => {
    for (const c of sockets) c.destroy()
    srv.close()
  })
  return (srv.address() as {port: number}).port
}

/** A TCP relay on loopback to `port` that can cut every connection and refuse new ones for a while. */
async function relay(port: number): Promise<{port: number; cut: () => void; restore: () => void}> {
  const sockets = new Set<Socket>()
  let open = true
  const srv = createServer(c => {
    if (!open) return void c.destroy()
    const up = connect(port, '127.0.0.1')
    const done = (): void => {
      for (const x of [c, up]) {
        x.destroy()
        sockets.delete(x)
      }
    }
    for (const x of [c, up]) {
      sockets.add(x)
      x.on('error', done).on('close', done)
    }
    c.pipe(up).pipe(c)
  })
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
  onTestFinished(() => {
    for (const x of sockets) x.destroy()
    srv.close()
  })
  return {
    port: (srv.address() as {port: number}).port,
    cut: () => {
      open = false
      for (const x of sockets) x.destroy()
    },
    restore: () => void (open = true),
  }
}

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as {port: number}).port
  await new Promise(r => srv.close(r))
  return port
}

/** The handle's Slurm reference of a run. */
const nativeOf = (r: LedgerRun): {jobId: string; arrayJobId: string; task: number; key: string; jobDir: string} =>
  (
    JSON.parse(r.handle ?? '{}') as {
      native: {jobId: string; arrayJobId: string; task: number; key: string; jobDir: string}
    }
  ).native

// ---------------------------------------------------------------------------------------
// 1. override values

/** Values that would do something if any shell, sbatch or Slurm parsed them. */
const HOSTILE: Record<string, string> = {
  sub: `$(touch ${MARK})`,
  tick: `\`touch ${MARK}\``,
  semi: `a; touch ${MARK}; b`,
  amp: `a && touch ${MARK} || touch ${MARK} &`,
  quotes: `it's "double" 'single' \\ \\' \\" '\\''`,
  flag: '--partition=long',
  dashdash: '--',
  dollar: '${IFS}$PATH $1 $@ %j %A %% ${SLURM_JOB_ID}',
  glob: '* ? [a-z] ~root {a,b}',
  directive: '#SBATCH --partition=long',
  uni: 'héllo ✓ 🚀 \u202eevil\u202c 中文 \u00a0nbsp \u2028sep',
  cr: 'a\rb\r#SBATCH --x',
  tab: 'a\tb\t\tc',
  backslashN: 'a\\nb\\0c',
  long: 'L'.repeat(100 * 1024),
}

function probeExperiment(backend: string, params: Record<string, string>, more: Record<string, unknown> = {}) {
  return {
    command: [process.execPath, PROBE],
    params: Object.fromEntries(Object.keys(params).map(k => [k, 'x'])),
    'param-types': Object.fromEntries(Object.keys(params).map(k => [k, 'string'])),
    backend,
    ...more,
  }
}

const overridesInput = (values: Record<string, string>): string =>
  Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')

describe.skipIf(!infra)('1. override values reach the training byte for byte; none is executed', () => {
  for (const transport of TRANSPORTS)
    for (const runner of ['trainer', 'direct'] as const)
      test(`${transport} transport, runner ${runner}`, async () => {
        const jobRoot = jobRootOf(`ovr-${transport}-${runner}`)
        const s = setup({
          backends: {slurm: slurmBackend(transport, jobRoot, {runner})},
          experiments: {probe: probeExperiment('slurm', HOSTILE)},
        })
        const id = newId('ovr')
        await submit(s, {experiment: 'probe', 'launch-id': id, overrides: overridesInput(HOSTILE)})
        const r = await settle(s, id)
        expect(
          r.runs.map(x => x.state),
          describeRuns(r.runs),
        ).toEqual(['SUCCEEDED'])
        const seen = seenOf(join(jobRoot, id), 'probe/runs/000')
        const want = [
          '--experiment',
          'probe',
          '--run_index',
          '0',
          '--seed',
          expect.any(String) as string,
          ...Object.entries(HOSTILE).flatMap(([k, v]) => [`--override-${k}`, v]),
          ...(runner === 'direct' ? ['--results-root', join(jobRoot, id, 'results')] : []),
        ]
        expect(seen.argv).toEqual(want)
        // runner trainer: TRAINER_RUN_SPEC crossed the NUL-separated env file and srun intact
        const spec = JSON.parse(seen.env.TRAINER_RUN_SPEC ?? '{"params": null}') as {params: unknown}
        const params = Object.fromEntries(
          Object.keys(HOSTILE).map(k => [k, seen.env[`TRAINER_PARAM_${k.toUpperCase()}`]]),
        )
        expect(runner === 'trainer' ? [spec.params, params] : [HOSTILE, HOSTILE]).toEqual([HOSTILE, HOSTILE])
        expect(existsSync(MARK)).toBe(false)
        // the script holds none of them: values live only in the task files
        const subs = readdirSync(join(jobRoot, id, 'submissions')).filter(f => f.endsWith('.sh'))
        const script = readFileSync(join(jobRoot, id, 'submissions', subs[0]!), 'utf8')
        expect(script).not.toContain('touch')
        expect(script.match(/^#SBATCH --partition=/gm)).toEqual(['#SBATCH --partition='])
      })

  test('a NUL byte in an override is refused before anything is submitted', async () => {
    const s = setup({
      backends: {slurm: slurmBackend('local', jobRootOf('nul'))},
      experiments: {probe: probeExperiment('slurm', {sub: ''})},
    })
    const e = await failure(submit(s, {experiment: 'probe', 'launch-id': newId('nul'), overrides: 'sub=a\0b'}))
    expect(e).toBeInstanceOf(ConfigError)
    expect(e.message).toMatch(/NUL/)
  })

  test('values too large together for one exec (2 x 100 KB): the run ends with why, it is not left waiting', async () => {
    const big = {a: 'A'.repeat(100 * 1024), b: 'B'.repeat(100 * 1024)}
    const jobRoot = jobRootOf('e2big')
    const s = setup({
      backends: {slurm: slurmBackend('local', jobRoot)},
      experiments: {probe: probeExperiment('slurm', big)},
    })
    const id = newId('e2big')
    // refused before submission, or FAILED on the cluster: either way saying why
    const outcome = await submit(s, {experiment: 'probe', 'launch-id': id, overrides: overridesInput(big)}).then(
      async () => {
        const r = await settle(s, id)
        return {state: r.runs[0]?.state, why: r.runs[0]?.reason, log: logText(r.runs[0])}
      },
      (e: unknown) => ({state: 'refused', why: (e as Error).message, log: ''}),
    )
    expect(['refused', 'FAILED']).toContain(outcome.state)
    expect(outcome.why, `its log:\n${outcome.log}`).toMatch(/Argument list too long|E2BIG|too (long|large)/i)
  })
})

// ---------------------------------------------------------------------------------------
// 2. environment values

const ENV_VALUES: Record<string, string> = {
  ATK_NL: 'line one\nline two\n\nend\n',
  ATK_EQ: '=a=b==c=',
  ATK_Q: `'"\`$(touch ${MARK})\` ; exit 1 # `,
  ATK_CTL: Array.from({length: 31}, (_, i) => String.fromCharCode(i + 1)).join('') + '\x7f',
  ATK_BIN: Array.from({length: 95}, (_, i) => String.fromCharCode(i + 32)).join('') + 'ÿ€\u2028\u2029🚀\ufffd',
  ATK_EMPTY: '',
  ATK_SPACE: '  lead and trail  ',
  ATK_BS: 'back\\slash\\',
  ATK_DASH: '-e',
  ATK_LONG: 'E'.repeat(64 * 1024),
}

describe.skipIf(!infra)('2. environment values the experiment names reach the job byte for byte', () => {
  for (const transport of TRANSPORTS)
    test(`${transport} transport`, async () => {
      const jobRoot = jobRootOf(`env-${transport}`)
      const s = setup(
        {
          backends: {slurm: slurmBackend(transport, jobRoot)},
          experiments: {probe: probeExperiment('slurm', {}, {env: ['ATK_*']})},
        },
        ENV_VALUES,
      )
      const id = newId('env')
      await submit(s, {experiment: 'probe', 'launch-id': id})
      const r = await settle(s, id)
      expect(
        r.runs.map(x => x.state),
        describeRuns(r.runs),
      ).toEqual(['SUCCEEDED'])
      const seen = seenOf(join(jobRoot, id), 'probe/runs/000')
      for (const [k, v] of Object.entries(ENV_VALUES)) expect(seen.env[k], k).toBe(v)
      expect(existsSync(MARK)).toBe(false)
    })

  test('a launcher variable whose name bash cannot export (ATK2_BAD-NAME) does not kill the job', async () => {
    // env: [ATK2_*] matches it; the job script's `export "$kv"` fails on it under set -e
    const jobRoot = jobRootOf('badname')
    const s = setup(
      {
        backends: {slurm: slurmBackend('local', jobRoot)},
        experiments: {probe: probeExperiment('slurm', {}, {env: ['ATK2_*']})},
      },
      {'ATK2_BAD-NAME': 'x', ATK2_OK: 'passed'},
    )
    const id = newId('badname')
    await submit(s, {experiment: 'probe', 'launch-id': id})
    const r = await settle(s, id)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED'])
    expect(seenOf(join(jobRoot, id), 'probe/runs/000').env.ATK2_OK).toBe('passed')
  })

  test("the launcher's credentials never reach the job, whatever pattern env: names", async () => {
    // the schema refuses `env: [GITHUB_TOKEN]`, but a prefix pattern matches it; the local
    // backends drop these names (src/backends/env.ts neverPassed) whatever env: says
    const secrets = {
      GITHUB_TOKEN: 'ghs_atk_secret_token',
      INPUT_PASSWORD: 'atk-input-password',
      ACTIONS_RUNTIME_TOKEN: 'atk-runtime-token',
      TRAINER_REGISTRY_PASSWORD: 'atk-registry-password',
      RESULT_URL: 'https://atk.invalid/upload?sig=secret',
    }
    const jobRoot = jobRootOf('secret')
    const s = setup(
      {
        backends: {slurm: slurmBackend('local', jobRoot)},
        experiments: {probe: probeExperiment('slurm', {}, {env: ['GITHUB_*', 'INP*', 'ACT*', 'TRAINER_REG*', 'RES*']})},
      },
      secrets,
    )
    const id = newId('secret')
    await submit(s, {experiment: 'probe', 'launch-id': id})
    const r = await settle(s, id)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED'])
    const seen = seenOf(join(jobRoot, id), 'probe/runs/000')
    const taskFiles = readdirSync(join(jobRoot, id, 'tasks'), {recursive: true, encoding: 'utf8'})
      .filter(f => f.endsWith('.env'))
      .map(f => readFileSync(join(jobRoot, id, 'tasks', f), 'utf8'))
      .join('')
    for (const [k, v] of Object.entries(secrets)) {
      expect(seen.env[k], `${k} reached the training`).toBeUndefined()
      expect(taskFiles, `${k} is in the job directory's env file`).not.toContain(v)
    }
  })
})

// ---------------------------------------------------------------------------------------
// 3. mounts with spaces and quotes

/** Executables that record their argv (NUL-separated) in $REC/<name>.<pid>, and do nothing. */
function recorders(names: string[]): string {
  return wrappers(Object.fromEntries(names.map(n => [n, `printf '%s\\0' "$@" > "$REC/${n}.$$"`])))
}
const recorded = (dir: string, name: string): string[][] =>
  readdirSync(dir)
    .filter(f => f.startsWith(`${name}.`))
    .map(f => readFileSync(join(dir, f), 'utf8').split('\0').slice(0, -1))

describe.skipIf(!infra)('3. mount paths with spaces and quotes', () => {
  const HOSTILE_MOUNT = `/tmp/a b'c"d $(touch ${MARK.split('/').pop()}) \`id\`;x`
  const scriptConfig = (container: SlurmConfig['container'], jobDir: string): SlurmConfig =>
    SlurmBackendSchema.parse({
      type: 'slurm',
      container,
      'job-root': jobDir,
      mounts: [
        {host: HOSTILE_MOUNT, container: '/data', mode: 'ro'},
        "/tmp/p q:/r s'",
        {host: '/x', container: "/in put's"},
      ],
      'srun-args': [`--export=ALL;touch ${MARK}`, "--comment=it's $(id)"],
      workdir: "/w d'ir $(id)",
      modules: ['cuda/12.1'],
    })
  const options = (c: SlurmConfig, jobDir: string, image = "img:tag'$(touch x)"): ScriptOptions => ({
    name: 'tr-X-a1-k',
    launchId: 'X',
    jobDir,
    key: 'k',
    tasks: 1,
    throttle: undefined,
    image,
    config: c,
    time: undefined,
    cpus: undefined,
    mem: undefined,
    gpus: undefined,
    gracePeriod: 30,
  })
  const ARGV = ['/usr/bin/env', 'x y', `$(touch ${MARK})`, "it's", '']
  const TASK_ENV = ['ATK_A=1\n2', `ATK_B=$(touch ${MARK})`]

  /** Renders the script, checks it with bash -n and shellcheck, runs it with recording srun/docker/apptainer/module. */
  function runScript(container: SlurmConfig['container'], image?: string): {rec: string; script: string} {
    const jobDir = tempDir('trainer-atk-job-')
    const c = scriptConfig(container, jobDir)
    const script = renderScript(options(c, jobDir, image))
    const file = join(jobDir, 'job.sh')
    writeFileSync(file, script)
    mkdirSync(join(jobDir, 'tasks', 'k'), {recursive: true})
    writeFileSync(join(jobDir, 'tasks', 'k', '0.argv'), nulJoin(ARGV))
    writeFileSync(join(jobDir, 'tasks', 'k', '0.env'), nulJoin(TASK_ENV))
    const syntax = spawnSync('bash', ['-n', file], {encoding: 'utf8'})
    expect(syntax.status, syntax.stderr).toBe(0)
    // SC2089/SC2090: a value holding quotes (the image here) is meant to stay literal
    const lint = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-e', 'SC2089,SC2090', file], {
      encoding: 'utf8',
    })
    expect(lint.status, `${lint.stdout}\n${script}`).toBe(0)
    const rec = tempDir('trainer-atk-rec-')
    const bin = recorders(['srun', 'docker', 'apptainer', 'module'])
    const r = spawnSync('bash', [file], {
      cwd: rec,
      encoding: 'utf8',
      env: {PATH: `${bin}:/usr/bin:/bin`, REC: rec, SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_JOB_ID: '7'},
    })
    expect(r.status, r.stderr).toBe(0)
    expect(existsSync(MARK)).toBe(false)
    expect(readdirSync(rec).filter(f => !/^(srun|docker|apptainer|module)\.\d+$/.test(f))).toEqual([])
    return {rec, script}
  }

  test('the schema takes such mounts (they are worth attacking)', () => {
    expect(() => scriptConfig('pyxis', '/tmp/j')).not.toThrow()
  })

  test('pyxis: the whole mount list is one --container-mounts argument; argv and workdir intact', () => {
    const {rec} = runScript('pyxis')
    const [srun] = recorded(rec, 'srun')
    expect(srun).toBeDefined()
    const mounts = srun!.find(a => a.startsWith('--container-mounts='))
    expect(mounts?.split(',').slice(1)).toEqual([`${HOSTILE_MOUNT}:/data:ro`, "/tmp/p q:/r s'", "/x:/in put's"])
    expect(srun).toContain("--container-workdir=/w d'ir $(id)")
    expect(srun).toContain(`--export=ALL;touch ${MARK}`)
    expect(srun).toContain("--comment=it's $(id)")
    expect(srun).toContain("--container-image=img:tag'$(touch x)")
    expect(srun!.slice(-ARGV.length)).toEqual(ARGV)
    expect(recorded(rec, 'module')).toEqual([['load', 'cuda/12.1']])
  })

  test('docker: each mount is one -v argument; the environment by name; argv intact', () => {
    const {rec} = runScript('docker')
    const [srun] = recorded(rec, 'srun')
    const d = srun!.slice(srun!.indexOf('docker'))
    const vs = d.flatMap((a, i) => (a === '-v' ? [d[i + 1]] : []))
    expect(vs.slice(1)).toEqual([`${HOSTILE_MOUNT}:/data:ro`, "/tmp/p q:/r s'", "/x:/in put's"])
    expect(d[d.indexOf('-w') + 1]).toBe("/w d'ir $(id)")
    expect(d.flatMap((a, i) => (a === '-e' ? [d[i + 1]] : []))).toEqual(['ATK_A', 'ATK_B'])
    expect(d.slice(-ARGV.length)).toEqual(ARGV)
  })

  test('apptainer and none: mounts, workdir and argv intact', () => {
    const app = recorded(runScript('apptainer').rec, 'srun')[0]!
    expect(app.flatMap((a, i) => (a === '--bind' ? [app[i + 1]] : [])).slice(1)).toEqual([
      `${HOSTILE_MOUNT}:/data:ro`,
      "/tmp/p q:/r s'",
      "/x:/in put's",
    ])
    expect(app.slice(-ARGV.length)).toEqual(ARGV)
    const none = recorded(runScript('none').rec, 'srun')[0]!
    expect(none).toContain("--chdir=/w d'ir $(id)")
    expect(none.slice(-ARGV.length)).toEqual(ARGV)
  })

  test('docker: an image reference that looks like an option cannot become one of docker run', () => {
    // `docker run … "$CONTAINER_IMAGE" "${ARGV[@]}"`: --privileged would be docker's, and argv[0] the image
    let docker: string[] = ['(refused)']
    try {
      const [srun] = recorded(runScript('docker', '--privileged').rec, 'srun')
      docker = srun!.slice(srun!.indexOf('docker'))
    } catch (e: unknown) {
      if (!/image/i.test((e as Error).message)) throw e
    }
    const i = docker.indexOf('--privileged')
    // refused, or after an end of options
    expect(i === -1 ? 'refused' : docker[i - 1], `docker argv: ${JSON.stringify(docker)}`).toMatch(/^(refused|--)$/)
  })

  test('a job root with , or : cannot break the job directory mount', () => {
    // jobPath (src/config/backends.ts) allows , and :, which separate mounts and their parts
    for (const root of ['/tmp/jobs:v2', '/tmp/jobs,v2']) {
      const parsed = SlurmBackendSchema.safeParse({type: 'slurm', 'job-root': root, container: 'docker'})
      if (!parsed.success) continue // refused by the schema: fine
      const [jobMount] = mountList(parsed.data, join(root, 'L1'))
      expect(jobMount?.split(/[,:]/), `mount ${jobMount}`).toHaveLength(3)
    }
  })
})

const dockerInfra = infra ? await requireInfra('slurm attacks, docker container mode') : undefined

describe.skipIf(!infra || !dockerInfra)('3. mounts with spaces and quotes, for real in docker mode', () => {
  let image = ''
  beforeAll(async () => {
    image = await nodeImage(dockerInfra!.DOCKER_HOST)
  }, 120_000)

  test('a host directory named with spaces, quotes, $( ) and backticks is mounted and read in the container', async () => {
    const base = tempDir('trainer-atk-mnt-')
    chmodSync(base, 0o755)
    const host = join(base, `a b'c"d $(touch pwned) \`id\`;x`)
    mkdirSync(host)
    writeFileSync(join(host, 'hello.txt'), 'hello through a hostile mount\n')
    const jobRoot = jobRootOf('docker')
    const s = setup(
      {
        backends: {
          slurm: slurmBackend('local', jobRoot, {
            container: 'docker',
            node: 'node',
            mounts: [{host, container: '/data', mode: 'ro'}, `${FIXTURES}:/probe:ro`],
          }),
        },
        experiments: {
          probe: {
            command: ['node', '/probe/slurm-probe.mjs'],
            params: {read: '/data/hello.txt', note: `$(touch ${MARK})`},
            env: ['DOCKER_HOST'],
            backend: 'slurm',
          },
        },
      },
      {DOCKER_HOST: dockerInfra!.DOCKER_HOST},
    )
    const id = newId('dock')
    await submit(s, {experiment: 'probe', 'launch-id': id, image})
    const r = await settle(s, id, 150_000)
    const log = r.runs[0]?.links.log
    expect(
      r.runs.map(x => x.state),
      `${describeRuns(r.runs)}\n${log && existsSync(log) ? readFileSync(log, 'utf8') : ''}`,
    ).toEqual(['SUCCEEDED'])
    const seen = seenOf(join(jobRoot, id), 'probe/runs/000')
    expect(seen.read).toBe('hello through a hostile mount\n')
    expect(seen.argv).toContain(`$(touch ${MARK})`)
    expect(existsSync(MARK)).toBe(false)
    expect(existsSync(join(base, 'pwned'))).toBe(false)
  }, 200_000)

  test('a job root with a : in it: the job directory is still mounted (docker -v splits on :)', async () => {
    const jobRoot = `${jobRootOf('colon')}:v2`
    const s = setup(
      {
        backends: {
          slurm: slurmBackend('local', jobRoot, {container: 'docker', node: 'node', mounts: [`${FIXTURES}:/probe:ro`]}),
        },
        experiments: {
          probe: {command: ['node', '/probe/slurm-probe.mjs'], env: ['DOCKER_HOST'], backend: 'slurm'},
        },
      },
      {DOCKER_HOST: dockerInfra!.DOCKER_HOST},
    )
    const id = newId('colon')
    // refused before submission naming the key, or run with its job directory mounted
    const outcome = await submit(s, {experiment: 'probe', 'launch-id': id, image}).then(
      async () => {
        const r = await settle(s, id, 150_000)
        return {states: r.runs.map(x => x.state), why: `${describeRuns(r.runs)}\n${logText(r.runs[0])}`}
      },
      (e: unknown) => ({states: [e instanceof ConfigError ? e.where.key : String(e)], why: String(e)}),
    )
    expect(outcome.states, outcome.why).toEqual([expect.stringMatching(/^(SUCCEEDED|.*job-root)$/)])
  }, 200_000)
})

// ---------------------------------------------------------------------------------------
// 4. directive injection

describe.skipIf(!infra)('4. directive injection', () => {
  /** trainer.yml with one backend option set to a YAML value, on a line of its own. */
  const HOSTILE_OPTIONS: [key: string, yaml: string][] = [
    ['partition', '"debug\\n#SBATCH --partition=long"'],
    ['partition', '"debug --qos=high"'],
    ['partition', '"debug\\r#SBATCH --x"'],
    ['time', '"00:05:00 --partition=long"'],
    ['account', `"a'b"`],
    ['qos', '"normal#x"'],
    ['gres', '"gpu:1 --exclusive"'],
    ['constraint', '"a b"'],
    ['modules', '["cuda; touch /tmp/x"]'],
    ['sbatch', '["--mail-type=END --partition=long"]'],
    ['sbatch', '["--comment=a b"]'],
    ['sbatch', '["-p long"]'],
    ['sbatch', '["--x=1\\n#SBATCH --partition=long"]'],
    ['job-root', '"/tmp/a b"'],
    ['job-root', '"/tmp/#x"'],
    ['job-root', '"/tmp/x\\ny"'],
    ['mounts', '["/a,b:/c"]'],
    ['mounts', '[{host: rel, container: /c}]'],
    ['mounts', '[{host: "/a:b", container: /c}]'],
    ['workdir', 'relative/dir'],
    ['srun-args', '["x"]'],
    ['srun-args', '["--a\\n--b"]'],
    ['mem', '"1G --x"'],
    ['host', '"a;b"'],
    ['user', '"a b"'],
    ['host-fingerprint', 'MD5:aa:bb'],
    ['node', '"node\\nrm -rf /"'],
  ]
  test.each(HOSTILE_OPTIONS)('backends.slurm.%s: %s is refused at its file:line, naming the key', async (key, yaml) => {
    const ws = tempDir('trainer-atk-slurm-')
    const lines = [
      'backends:',
      '  slurm:',
      '    partition: debug',
      `    ${key}: ${yaml}`,
      'experiments:',
      '  probe:',
      `    command: [${process.execPath}, ${PROBE}]`,
      '    backend: slurm',
    ]
    if (key === 'partition') lines.splice(2, 1)
    writeFileSync(join(ws, 'trainer.yml'), `${lines.join('\n')}\n`)
    const line = lines.findIndex(l => l.startsWith(`    ${key}:`)) + 1
    const e = await failure(call({ws, env: {}}, {experiment: 'probe'}, plan))
    expect(e).toBeInstanceOf(ConfigError)
    const c = e as ConfigError
    expect(c.where.file).toBe('trainer.yml')
    expect(c.where.line).toBe(line)
    expect(c.where.key).toMatch(new RegExp(`^backends\\.slurm\\.${key}(\\.|$)`))
    expect(c.located()).toMatch(new RegExp(`^trainer\\.yml:${line}:\\d+: backends\\.slurm\\.${key}`))
  })

  test('renderScript refuses a directive value the schema would have refused (defence in depth)', () => {
    const c: SlurmConfig = {type: 'slurm', container: 'none', partition: 'debug\n#SBATCH --x'}
    expect(() =>
      renderScript({
        name: 'n',
        launchId: 'L',
        jobDir: '/tmp/j',
        key: 'k',
        tasks: 1,
        throttle: undefined,
        image: undefined,
        config: c,
        time: undefined,
        cpus: undefined,
        mem: undefined,
        gpus: undefined,
        gracePeriod: 30,
      }),
    ).toThrow(/not a valid directive value/)
  })

  test.each(['a b', '$(id)', '../up', '-x', 'a,b', 'a\nb', 'x'.repeat(101), '.hidden', 'a;b'])(
    'launch id %j is refused before anything reaches --job-name or --comment',
    async bad => {
      const s = setup({
        backends: {slurm: slurmBackend('local', jobRootOf('lid'))},
        experiments: {probe: probeExperiment('slurm', {})},
      })
      const e = await failure(submit(s, {experiment: 'probe', 'launch-id': bad}))
      expect(e).toBeInstanceOf(ConfigError)
      expect((e as ConfigError).where.key).toBe('launch-id')
    },
  )

  test('the longest launch id (100 characters) and an odd experiment name: submitted, and found again by a fresh ledger', async () => {
    // a fresh CI runner with the same launch id has no ledger: the job name is how it finds the array
    const jobRoot = jobRootOf('long')
    const exp = 'a.-_b'
    const s = setup({
      backends: {slurm: slurmBackend('local', jobRoot)},
      experiments: {[exp]: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 2, backend: 'slurm'}},
    })
    const id = `${newId('L')}-${'x'.repeat(100)}`.slice(0, 100)
    await submit(s, {experiment: exp, 'launch-id': id})
    const first = clusterTasks(id)
    expect(first).toHaveLength(2)
    expect(first[0]!.name).toMatch(new RegExp(`^tr-${id.replace(/[.]/g, '\\.')}-a1-[0-9a-f]{10}$`))
    rmSync(join(s.ws, '.trainer'), {recursive: true})
    const io = new RecordingIO({experiment: exp, 'launch-id': id, detach: 'true'}, s.ws, s.env)
    const again = await launch(io, deps()).finally(() => io.close())
    expect(io.lines.map(l => l.message).join('\n')).toMatch(
      /2 runs were already submitted by an earlier attempt: adopted/,
    )
    expect(new Set(clusterTasks(id).map(t => t.array)).size).toBe(1)
    expect(again.runs.map(r => nativeOf(r).arrayJobId)).toEqual([first[0]!.array, first[0]!.array])
    const r = await settle(s, id)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED', 'SUCCEEDED'])
  })

  test('a relative job root is made in the login home; one with .. is normalised', async () => {
    const home = tempDir('trainer-atk-home-')
    process.env.HOME = home // the local transport's home (restored after the test)
    const rel = `rel-${TAG}/jobs`
    const dotted = join(jobRootOf('dot'), 'x', '..', 'y')
    const s = setup({
      backends: {
        rel: slurmBackend('local', rel),
        dotted: slurmBackend('local', dotted),
        sshrel: slurmBackend('ssh', `ssh-${rel}`),
      },
      experiments: {
        rel: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'rel'},
        dotted: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'dotted'},
        sshrel: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'sshrel'},
      },
    })
    const ids = {rel: newId('rel'), dotted: newId('dot'), sshrel: newId('sshrel')}
    for (const [exp, id] of Object.entries(ids)) await submit(s, {experiment: exp, 'launch-id': id})
    try {
      for (const [exp, id] of Object.entries(ids)) {
        const r = await settle(s, id)
        expect(
          r.runs.map(x => x.state),
          `${exp}: ${describeRuns(r.runs)}`,
        ).toEqual(['SUCCEEDED'])
        const jobDir = nativeOf(r.runs[0]!).jobDir
        expect(jobDir.startsWith('/')).toBe(true)
        expect(jobDir.split('/')).not.toContain('..')
      }
      expect(existsSync(join(home, rel, ids.rel, 'results/rel/runs/000/metrics.json'))).toBe(true)
      const sshHome = execFileSync('getent', ['passwd', infra!.TRAINER_SSH_USER], {encoding: 'utf8'}).split(':')[5]!
      expect(existsSync(join(sshHome, `ssh-${rel}`, ids.sshrel, 'results/sshrel/runs/000/metrics.json'))).toBe(true)
    } finally {
      const sshHome = execFileSync('getent', ['passwd', infra!.TRAINER_SSH_USER], {encoding: 'utf8'}).split(':')[5]!
      rmSync(join(sshHome, `ssh-rel-${TAG}`), {recursive: true, force: true})
    }
  })

  test('a job root with a % in it: Slurm expands %j in #SBATCH --output, the job directory does not', async () => {
    // jobPath (src/config/backends.ts) allows %; the log file Slurm opens would be in another directory
    const jobRoot = `${jobRootOf('pct')}-%j`
    const parsed = SlurmBackendSchema.safeParse({type: 'slurm', 'job-root': jobRoot})
    if (!parsed.success) return // refused by the schema: fine
    const s = setup({
      backends: {slurm: slurmBackend('local', jobRoot)},
      experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'slurm'}},
    })
    const id = newId('pct')
    await submit(s, {experiment: 'probe', 'launch-id': id})
    const r = await settle(s, id)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED'])
    expect(existsSync(r.runs[0]!.links.log!), `the log is not at ${r.runs[0]!.links.log}`).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------
// 5. the login node: unreachable, wrong or unpinned host key, refused key, missing key

describe.skipIf(!infra)('5. ssh transport failures: a clear error, non-zero, nothing left QUEUED or ACTIVE', () => {
  let keys = ''
  beforeAll(() => {
    keys = mkdtempSync(join(tmpdir(), 'trainer-atk-keys-'))
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keys, 'stranger')])
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret', '-f', join(keys, 'locked')])
  })
  afterAll(() => rmSync(keys, {recursive: true, force: true}))

  const base = (): Record<string, unknown> => ({
    type: 'slurm',
    transport: 'ssh',
    host: infra!.TRAINER_SSH_HOST,
    port: Number(infra!.TRAINER_SSH_PORT),
    user: infra!.TRAINER_SSH_USER,
    'key-file': infra!.TRAINER_SSH_KEY,
    'known-hosts': infra!.TRAINER_SSH_KNOWN_HOSTS,
    container: 'none',
    'job-root': jobRootOf('sshfail'),
    node: process.execPath,
    partition: 'debug',
  })
  const without = (o: Record<string, unknown>, ...keys: string[]): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)))

  const CASES: [what: string, backend: () => Promise<Record<string, unknown>>, env: Env, error: RegExp][] = [
    [
      'a closed port',
      async () => ({...base(), port: await freePort()}),
      {},
      /cannot reach the login node: .*ECONNREFUSED/,
    ],
    [
      // (this sandbox's network accepts and drops connections to any address)
      'a non-routable address',
      () => Promise.resolve({...base(), host: '10.255.255.1', port: 22}),
      {},
      /cannot reach the login node: .*(Timed out|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|Connection lost before handshake)/i,
    ],
    [
      'a wrong pinned fingerprint (the fingerprint seen is shown)',
      () => Promise.resolve({...without(base(), 'known-hosts'), 'host-fingerprint': `SHA256:${'A'.repeat(43)}`}),
      {},
      new RegExp(
        `host key is ${infra?.TRAINER_SSH_HOST_FINGERPRINT.replace(/[+/]/g, '\\$&')}, not the pinned SHA256:A{43}: refused`,
      ),
    ],
    [
      'a known_hosts line of another key',
      () =>
        Promise.resolve({
          ...base(),
          'known-hosts': `[127.0.0.1]:${infra!.TRAINER_SSH_PORT} ${readFileSync(join(keys, 'stranger.pub'), 'utf8').trim()}`,
        }),
      {},
      new RegExp(
        `host key is ${infra?.TRAINER_SSH_HOST_FINGERPRINT.replace(/[+/]/g, '\\$&')}, not the pinned .*: refused`,
      ),
    ],
    ['an unpinned host key', () => Promise.resolve(without(base(), 'known-hosts')), {}, /host key must be pinned/],
    [
      'a key the login node does not accept',
      () => Promise.resolve({...base(), 'key-file': join(keys, 'stranger')}),
      {},
      /refused the key/,
    ],
    [
      'a missing key file',
      () => Promise.resolve({...base(), 'key-file': join(keys, 'nosuchkey')}),
      {},
      /key-file: .*nosuchkey cannot be read \(ENOENT\)/,
    ],
    [
      'a key-env that is not set',
      () => Promise.resolve({...without(base(), 'key-file'), 'key-env': 'ATK_SSH_KEY'}),
      {},
      /key-env: ATK_SSH_KEY is not set/,
    ],
    [
      'a key-env that holds no key',
      () => Promise.resolve({...without(base(), 'key-file'), 'key-env': 'ATK_SSH_KEY'}),
      {ATK_SSH_KEY: 'not a key at all'},
      /key/i,
    ],
    [
      'a key with a passphrase',
      () => Promise.resolve({...base(), 'key-file': join(keys, 'locked')}),
      {},
      /passphrase|encrypted/i,
    ],
  ]
  test.each(CASES)(
    '%s',
    async (_what, backend, env, error) => {
      const s = setup(
        {
          backends: {slurm: await backend()},
          experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 2, backend: 'slurm'}},
        },
        env,
      )
      const id = newId('ssh')
      const started = Date.now()
      const e = await failure(submit(s, {experiment: 'probe', 'launch-id': id}))
      expect(e.message).toMatch(error)
      expect(e.message).not.toMatch(/undefined|\[object/)
      expect(Date.now() - started).toBeLessThan(30_000)
      const l = ledgerRuns(s, id)
      expect(l.runs.map(r => r.state)).toEqual(['CANCELLED', 'CANCELLED'])
      expect(l.runs[0]?.reason).toMatch(/^launch failed: /)
      expect(l.status).toBe('CANCELLED')
      expect(clusterTasks(id)).toEqual([])
    },
    60_000,
  )

  test('through the CLI: a wrong host key exits non-zero with the fingerprint seen, and no stack trace', () => {
    const s = setup({
      backends: {slurm: {...without(base(), 'known-hosts'), 'host-fingerprint': `SHA256:${'B'.repeat(43)}`}},
      experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'slurm'}},
    })
    const r = spawnSync(
      process.execPath,
      [join(BUNDLES, 'cli/index.js'), 'launch', 'exp=probe', '--launch-id', newId('cli'), '--detach'],
      {cwd: s.ws, env: s.env, encoding: 'utf8', timeout: 60_000},
    )
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain(infra!.TRAINER_SSH_HOST_FINGERPRINT)
    expect(r.stderr).not.toMatch(/^\s+at /m)
  })

  test('through the CLI: a login node that never answers: the handshake times out, a clean error, no crash afterwards', async () => {
    // the connection is taken and no ssh banner ever comes (a black hole after the TCP handshake)
    const s = setup({
      backends: {slurm: {...base(), port: await silentServer()}},
      experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'slurm'}},
    })
    const id = newId('silent')
    const started = Date.now()
    const r = spawnSync(
      process.execPath,
      [join(BUNDLES, 'cli/index.js'), 'launch', 'exp=probe', '--launch-id', id, '--detach'],
      {cwd: s.ws, env: s.env, encoding: 'utf8', timeout: 60_000},
    )
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/cannot reach the login node: Timed out while waiting for handshake/)
    // ssh2 emits a second 'error' when the timed-out socket closes: nobody listens any more
    expect(r.stderr, 'the CLI crashed after its error').not.toMatch(/Unhandled 'error' event|^\s+at /m)
    expect(ledgerRuns(s, id).runs.map(x => x.state)).toEqual(['CANCELLED'])
  }, 90_000)

  test('a launch that waits, through ssh: the login node away for a while, then back: it reconnects and ends SUCCEEDED', async () => {
    const r = await relay(Number(infra!.TRAINER_SSH_PORT))
    const s = setup({
      backends: {slurm: slurmBackend('ssh', jobRootOf('relay'), {port: r.port, 'poll-interval': 30})},
      experiments: {ok: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 2, backend: 'slurm'}},
    })
    const id = newId('relay')
    const io = new RecordingIO({experiment: 'ok', 'launch-id': id, 'wait-timeout': '45'}, s.ws, s.env)
    const waiting = launch(io, deps())
      .then(
        x => x.status,
        (e: unknown) => `failed: ${String(e)}`,
      )
      .finally(() => io.close())
    // once the runs are submitted and recorded, the launcher polls
    const end = Date.now() + 60_000
    for (;;) {
      const runs = existsSync(join(s.ws, '.trainer/ledger.db')) ? ledgerRuns(s, id).runs : []
      if (Date.now() > end || (runs.length === 2 && runs.every(x => x.state !== 'CREATED'))) break
      await sleep(100)
    }
    r.cut() // the login node goes away: established sessions drop, new ones are refused
    await sleep(6000)
    r.restore()
    const status = await waiting
    // the polls after the cut say why; the first one after the login node is back must reconnect
    expect(
      status,
      io
        .warnings()
        .map(w => w.message)
        .join('\n'),
    ).toBe('SUCCEEDED')
  }, 150_000)
})

// ---------------------------------------------------------------------------------------
// 6. sbatch refusing the script

describe.skipIf(!infra)('6. sbatch rejecting the script: its message shown, nothing left QUEUED', () => {
  const CASES: [what: string, options: Record<string, unknown>, message: RegExp][] = [
    ['an invalid --gres', {gres: 'nosuchgres:1'}, /Invalid generic resource \(gres\) specification/i],
    ['a partition that does not exist', {partition: 'nosuchpart'}, /invalid partition specified/i],
    ['an invalid --time', {time: '1-99:99:99:99'}, /Invalid --time specification/i],
    [
      'more memory than the node has',
      {mem: '999999G'},
      /Memory specification can not be satisfied|Requested node configuration is not available/i,
    ],
    ['an option sbatch does not know', {sbatch: ['--nosuch-option=1']}, /unrecognized option|unknown option/i],
  ]
  test.each(CASES)('%s', async (_what, options, message) => {
    const s = setup({
      backends: {slurm: slurmBackend('local', jobRootOf('rej'), options)},
      experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 3, backend: 'slurm'}},
    })
    const id = newId('rej')
    const e = await failure(submit(s, {experiment: 'probe', 'launch-id': id}))
    expect(e.message).toMatch(/sbatch/)
    expect(e.message).toMatch(message)
    const l = ledgerRuns(s, id)
    expect(l.runs.map(r => r.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(l.runs[0]?.reason).toMatch(message)
    expect(l.status).toBe('CANCELLED')
    // a refused job may stay listed, FAILED (Slurm 22.05 records some refusals): nothing pending or running
    expect(clusterTasks(id).filter(t => !/^(FAILED|CANCELLED)$/.test(t.state))).toEqual([])
  })

  test.each([
    ['--time over the partition limit', {time: '00:05:00'}, 'PartitionTimeLimit'],
    ['more CPUs per task than any node has', {'cpus-per-task': 64}, 'PartitionConfig'],
  ] as const)('%s: sbatch takes it (EnforcePartLimits=NO); the ledger says why it waits', async (_what, more, why) => {
    // a partition of this test's own, made at run time and deleted after it
    const part = `atk${TAG}${++seq}`
    slurmCmd('scontrol', ['create', `PartitionName=${part}`, 'Nodes=localhost', 'MaxTime=1', 'State=UP'])
    const id = newId('pend')
    try {
      const s = setup({
        backends: {slurm: slurmBackend('local', jobRootOf('pend'), {partition: part, ...more})},
        experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, backend: 'slurm'}},
      })
      await submit(s, {experiment: 'probe', 'launch-id': id})
      let r = await refresh(s, id)
      for (let i = 0; i < 20 && !r.runs[0]?.reason?.includes(why); i++) {
        await sleep(500)
        r = await refresh(s, id)
      }
      expect(r.runs.map(x => [x.state, x.reason])).toEqual([['QUEUED', expect.stringContaining(why)]])
      // and it can be cancelled
      await call(s, {id}, cancel)
      expect((await settle(s, id)).runs.map(x => x.state)).toEqual(['CANCELLED'])
    } finally {
      scancelLaunch(id)
      spawnSync('scontrol', ['delete', `PartitionName=${part}`], {env: {...process.env, ...slurmEnv(infra!)}})
    }
  })

  test('the second of two arrays refused: the first, already on the cluster, is not forgotten', async () => {
    // MaxArraySize 2 (scontrol says so) splits 3 runs into two sbatch calls; the second one fails
    const count = join(tempDir('trainer-atk-count-'), 'n')
    const bin = wrappers({
      scontrol: `/usr/bin/scontrol "$@" | sed -E 's/^MaxArraySize( *)= .*/MaxArraySize\\1= 2/'`,
      sbatch: [
        `n=$(cat ${count} 2>/dev/null || echo 0); echo $((n + 1)) > ${count}`,
        `if [ "$n" -ge 1 ]; then echo 'sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified' >&2; exit 1; fi`,
        'exec /usr/bin/sbatch "$@"',
      ].join('\n'),
    })
    const s = withPath(
      setup({
        backends: {slurm: slurmBackend('local', jobRootOf('split'))},
        experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 3, backend: 'slurm'}},
      }),
      bin,
    )
    const id = newId('split')
    try {
      const e = await failure(submit(s, {experiment: 'probe', 'launch-id': id}))
      expect(e.message).toMatch(/Invalid account/)
      const onCluster = clusterTasks(id)
      const l = ledgerRuns(s, id)
      // either the first array is still followed (QUEUED with its handle), or it was cancelled on the cluster
      const followed = l.runs.filter(r => r.handle).map(r => nativeOf(r).arrayJobId)
      const live = onCluster.filter(t => !/CANCELLED/.test(t.state)).map(t => t.array)
      expect(
        live.every(a => followed.includes(a)),
        `on the cluster: ${JSON.stringify(onCluster)}; ledger: ${describeRuns(l.runs)}`,
      ).toBe(true)
    } finally {
      scancelLaunch(id)
    }
  })
})

describe.skipIf(!infra)('6. sbatch failing after the controller took the job', () => {
  test('sbatch "Socket timed out" though the array was queued: its runs are not called CANCELLED while they run', async () => {
    // a busy slurmctld: sbatch gives up waiting for the reply, the job is queued all the same (as a
    // reply lost with a dropped ssh connection). The next refresh or launch must find the array.
    const bin = wrappers({
      sbatch: [
        '/usr/bin/sbatch "$@" > /dev/null',
        "echo 'sbatch: error: Batch job submission failed: Socket timed out on send/recv operation' >&2",
        'exit 1',
      ].join('\n'),
    })
    const plain = setup({
      backends: {slurm: slurmBackend('local', jobRootOf('lost'))},
      experiments: {probe: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 2, backend: 'slurm'}},
    })
    const id = newId('lost')
    try {
      // the launcher asks the controller after the time-out: it finds the array and adopts it (or,
      // had it not found it, it leaves the runs CREATED for a later attempt): never CANCELLED
      const outcome = await submit(withPath(plain, bin), {experiment: 'probe', 'launch-id': id}).then(
        () => 'adopted',
        (e: Error) => e.message,
      )
      expect(outcome).toMatch(/^adopted$|Socket timed out/)
      expect(clusterTasks(id)).toHaveLength(2)
      const r = await settle(plain, id).catch(() => ({runs: ledgerRuns(plain, id).runs}))
      expect(
        r.runs.map(x => x.state),
        describeRuns(r.runs),
      ).toEqual(['SUCCEEDED', 'SUCCEEDED'])
    } finally {
      scancelLaunch(id)
    }
  })
})

// ---------------------------------------------------------------------------------------
// 7. the launcher killed with -9 during submission

describe.skipIf(!infra)('7. a launcher killed with -9 during submission: nothing is submitted twice', () => {
  /**
   * Starts `trainer launch exp=probe --launch-id ID --detach` (the private CLI bundle) in a
   * process group of its own with `sbatch` replaced by `sbatchBody`, and returns once the
   * wrapper has touched `marker`.
   */
  async function launchUntilSbatch(s: Setup, id: string, sbatchBody: (marker: string) => string) {
    const marker = join(tempDir('trainer-atk-mark-'), 'reached')
    const bin = wrappers({sbatch: sbatchBody(marker)})
    const child = spawn(
      process.execPath,
      [join(BUNDLES, 'cli/index.js'), 'launch', 'exp=probe', '--launch-id', id, '--detach'],
      {cwd: s.ws, env: {...s.env, PATH: `${bin}:${s.env.PATH}`}, detached: true, stdio: ['ignore', 'pipe', 'pipe']},
    )
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr.on('data', (b: Buffer) => (out += b.toString()))
    const closed = new Promise<{code: number | null; out: string}>(r => child.on('close', code => r({code, out})))
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
    })
    const end = Date.now() + 60_000
    while (!existsSync(marker)) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`the wrapper sbatch was never reached:\n${out}`)
      await sleep(50)
    }
    return {child, closed}
  }

  /** As {@link launchUntilSbatch}, then kills the launcher's process group with -9 (the wrapper too). */
  async function killDuringSubmit(s: Setup, id: string, sbatchBody: (marker: string) => string): Promise<void> {
    const {child, closed} = await launchUntilSbatch(s, id, sbatchBody)
    process.kill(-child.pid!, 'SIGKILL')
    await closed
  }
  const experiment = (jobRoot: string) => ({
    backends: {slurm: slurmBackend('local', jobRoot, {runner: 'direct'})},
    experiments: {probe: {command: [process.execPath, CONTRACT], params: {mode: 'ok'}, runs: 3, backend: 'slurm'}},
  })

  test('killed right after sbatch: the same launch id again adopts the array and submits nothing', async () => {
    const s = setup(experiment(jobRootOf('kill-after')))
    const id = newId('ka')
    await killDuringSubmit(s, id, m => `/usr/bin/sbatch "$@"; rc=$?\n: > ${m}\nsleep 60\nexit $rc`)
    const before = clusterTasks(id)
    expect(new Set(before.map(t => t.array)).size).toBe(1)
    expect(ledgerRuns(s, id).runs.map(r => r.state)).toEqual(['CREATED', 'CREATED', 'CREATED'])
    const io = new RecordingIO({experiment: 'probe', 'launch-id': id, detach: 'true'}, s.ws, s.env)
    const again = await launch(io, deps()).finally(() => io.close())
    expect(io.lines.map(l => l.message).join('\n')).toMatch(
      /3 runs were already submitted by an earlier attempt: adopted/,
    )
    expect(again.runs.map(r => nativeOf(r).arrayJobId)).toEqual(before.slice(0, 3).map(t => t.array))
    const r = await settle(s, id)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
    const after = clusterTasks(id)
    expect(new Set(after.map(t => t.array)).size).toBe(1)
    expect(after).toHaveLength(3)
    // one handle per run, recorded once
    const l = Ledger.open(join(s.ws, '.trainer/ledger.db'))
    try {
      for (const run of r.runs) expect(l.events(run.id).filter(e => e.to === 'QUEUED')).toHaveLength(1)
    } finally {
      l.close()
    }
    expect(new Set(r.runs.map(x => nativeOf(x).jobId)).size).toBe(3)
  })

  test('killed right after sbatch: status --refresh finds the submitted runs too', async () => {
    // issue 9: "the next trainer launch with the same launch id, or status --refresh, finds every run that was submitted"
    const s = setup(experiment(jobRootOf('kill-refresh')))
    const id = newId('kr')
    try {
      await killDuringSubmit(s, id, m => `/usr/bin/sbatch "$@"; rc=$?\n: > ${m}\nsleep 60\nexit $rc`)
      expect(clusterTasks(id)).toHaveLength(3)
      await clusterDone(id, 3)
      const r = await refresh(s, id)
      expect(
        r.runs.map(x => x.state),
        describeRuns(r.runs),
      ).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
      expect(r.launch.status).toBe('SUCCEEDED')
    } finally {
      scancelLaunch(id)
    }
  })

  test('killed between the submission record and sbatch: the next launch submits the array once', async () => {
    const s = setup(experiment(jobRootOf('kill-before')))
    const id = newId('kb')
    await killDuringSubmit(s, id, m => `: > ${m}\nsleep 60\nexec /usr/bin/sbatch "$@"`)
    expect(clusterTasks(id)).toEqual([])
    const subs = readdirSync(join(nativeDir(s, id), 'submissions')).filter(f => f.endsWith('.json'))
    expect(subs).toHaveLength(1) // the record was written; its sbatch never ran
    const io = new RecordingIO({experiment: 'probe', 'launch-id': id, detach: 'true'}, s.ws, s.env)
    await launch(io, deps()).finally(() => io.close())
    const r = await settle(s, id)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
    const tasks = clusterTasks(id)
    expect(new Set(tasks.map(t => t.array)).size).toBe(1)
    expect(tasks).toHaveLength(3)
  })

  test('while the launcher is still submitting: status --refresh and the same launch again submit nothing', async () => {
    const s = setup(experiment(jobRootOf('race')))
    const id = newId('race')
    const {closed} = await launchUntilSbatch(s, id, m => `: > ${m}\nsleep 4\nexec /usr/bin/sbatch "$@"`)
    const r = await refresh(s, id)
    expect(r.runs.map(x => x.state)).toEqual(['CREATED', 'CREATED', 'CREATED'])
    const e = await failure(submit(s, {experiment: 'probe', 'launch-id': id}))
    expect(e.message).toMatch(/being run by another trainer process/)
    const first = await closed
    expect(first.code, first.out).toBe(0)
    const tasks = clusterTasks(id)
    expect(new Set(tasks.map(t => t.array)).size).toBe(1)
    expect(tasks).toHaveLength(3)
    expect((await settle(s, id)).runs.map(x => x.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
  })

  /** The job directory of a launch of this file's setups (its trainer.yml's job-root). */
  function nativeDir(s: Setup, id: string): string {
    const yml = readFileSync(join(s.ws, 'trainer.yml'), 'utf8')
    return join(/job-root: (\S+)/.exec(yml)![1]!, id)
  }
})

// ---------------------------------------------------------------------------------------
// 8. a job directory tampered with by the training

describe.skipIf(!infra)('8. results tampered with by the training: collect stays bounded and tells why', () => {
  /** Launches `n` direct runs of container-main.mjs and waits until the cluster says they ended. */
  async function finished(
    t: Transport,
    n: number,
    what: string,
  ): Promise<{s: Setup; id: string; jobDir: string; runs: LedgerRun[]}> {
    const jobRoot = jobRootOf(what)
    const s = setup({
      backends: {slurm: slurmBackend(t, jobRoot, {runner: 'direct'})},
      experiments: {probe: {command: [process.execPath, CONTRACT], params: {mode: 'ok'}, runs: n, backend: 'slurm'}},
    })
    const id = newId(what)
    const r = await submit(s, {experiment: 'probe', 'launch-id': id})
    await clusterDone(id, n)
    return {s, id, jobDir: join(jobRoot, id), runs: r.runs}
  }
  const metricsOf = (jobDir: string, i: number): string =>
    join(jobDir, 'results', `probe/runs/${String(i).padStart(3, '0')}`, 'metrics.json')
  const logOf = (jobDir: string, r: LedgerRun): string =>
    join(jobDir, 'logs', `${nativeOf(r).key}_${nativeOf(r).task}.out`)

  /** `p`, or 'hung' after `ms`; a hung read is then released by opening the FIFOs for writing. */
  async function bounded<T>(p: Promise<T>, ms: number, fifos: string[]): Promise<T | 'hung'> {
    let timer: NodeJS.Timeout | undefined
    const won = await Promise.race([
      p.then(v => ({v})),
      new Promise<'hung'>(r => (timer = setTimeout(() => r('hung'), ms))),
    ])
    clearTimeout(timer)
    if (won !== 'hung') return won.v
    let settled = false
    void p.finally(() => (settled = true)).catch(() => undefined)
    for (let i = 0; i < 100 && !settled; i++) {
      for (const f of fifos) {
        try {
          closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK))
        } catch {
          // no reader yet
        }
      }
      await sleep(100)
    }
    return 'hung'
  }

  for (const t of TRANSPORTS)
    test(`${t}: symlinks out of the job directory, a 1 GB metrics.json, garbage, a directory`, async () => {
      const {s, id, jobDir, runs} = await finished(t, 6, `tamper-${t}`)
      // a file the training cannot see from its container, but the reader of results can
      const secretDir =
        t === 'local' ? tempDir('trainer-atk-secret-') : mkdtempSync(join('/home', infra!.TRAINER_SSH_USER, 'atk-'))
      const secret = join(secretDir, 'secret.txt')
      writeFileSync(secret, `first line\nTOPSECRET-${TAG}\n`, {mode: 0o600})
      if (t === 'ssh') execFileSync('chown', ['-R', `${infra!.TRAINER_SSH_USER}:`, secretDir])
      const forged = join(secretDir, 'forged.json')
      writeFileSync(
        forged,
        readFileSync(metricsOf(jobDir, 3), 'utf8').replace(/"final":\{[^}]*\}/, '"final":{"loss":1e-9}'),
      )
      if (t === 'ssh') execFileSync('chown', [`${infra!.TRAINER_SSH_USER}:`, forged])
      try {
        const swap = (path: string, make: (p: string) => void): void => {
          rmSync(path, {force: true, recursive: true})
          make(path)
        }
        swap(metricsOf(jobDir, 0), p => symlinkSync('/etc/shadow', p))
        swap(metricsOf(jobDir, 1), p => {
          writeFileSync(p, '')
          truncateSync(p, 1 << 30)
        })
        swap(metricsOf(jobDir, 2), p => writeFileSync(p, '{"version": 1, "status": "succ'))
        swap(metricsOf(jobDir, 3), p => symlinkSync(forged, p))
        swap(metricsOf(jobDir, 4), p => mkdirSync(p))
        rmSync(metricsOf(jobDir, 5))
        swap(logOf(jobDir, runs[5]!), p => symlinkSync(secret, p))
        const started = Date.now()
        const r = await bounded(refresh(s, id), 60_000, [])
        expect(r, 'status --refresh hung').not.toBe('hung')
        if (r === 'hung') return
        expect(Date.now() - started).toBeLessThan(60_000)
        const by = r.runs
        expect
          .soft(
            by.map(x => x.state),
            describeRuns(by),
          )
          .toEqual(['FAILED', 'FAILED', 'FAILED', 'FAILED', 'FAILED', 'FAILED'])
        expect.soft(by[0]?.reason).not.toMatch(/root:/)
        expect.soft(by[1]?.reason).toMatch(/over 32 MiB/)
        expect.soft(by[2]?.reason).toMatch(/not JSON/)
        expect
          .soft(by[3]?.metrics, 'a metrics.json symlinked out of the job directory was believed')
          .not.toEqual({loss: 1e-9})
        expect.soft(by[4]?.reason).toMatch(/metrics\.json|cannot be read/)
        expect
          .soft(by[5]?.reason, 'a log symlinked to a file outside the job directory reached the ledger')
          .not.toContain(`TOPSECRET-${TAG}`)
      } finally {
        rmSync(metricsOf(jobDir, 1), {force: true})
        rmSync(secretDir, {recursive: true, force: true})
      }
    }, 150_000)

  for (const t of TRANSPORTS)
    test(`${t}: a FIFO as a run's log and as another's metrics.json: status --refresh does not hang`, async () => {
      const {s, id, jobDir, runs} = await finished(t, 2, `fifo-${t}`)
      const fifos = [logOf(jobDir, runs[0]!), metricsOf(jobDir, 1)]
      for (const f of fifos) {
        unlinkSync(f)
        execFileSync('mkfifo', ['-m', '0666', f])
      }
      const r = await bounded(refresh(s, id), 30_000, fifos)
      expect(r, 'status --refresh hung on a FIFO the training left in its job directory').not.toBe('hung')
      if (r === 'hung') return
      expect(
        r.runs.map(x => x.state),
        describeRuns(r.runs),
      ).toEqual(['SUCCEEDED', 'FAILED'])
      expect(r.runs[1]?.reason).toMatch(/metrics\.json/)
    }, 150_000)
})

describe.skipIf(!infra)('8. a failed task: its log is what the ledger says', () => {
  test("a run that exits 3 without a metrics.json: the reason holds its log's last line, not only Slurm's NonZeroExitCode", async () => {
    // issue 9: "a failed task's last log lines are shown"
    const s = setup({
      backends: {slurm: slurmBackend('local', jobRootOf('nometrics'), {runner: 'direct'})},
      experiments: {probe: {command: [process.execPath, PROBE], params: {metrics: 'no', exit: 3}, backend: 'slurm'}},
    })
    const id = newId('nometrics')
    await submit(s, {experiment: 'probe', 'launch-id': id})
    const r = await settle(s, id)
    expect(
      r.runs.map(x => [x.state, x.reason]),
      logText(r.runs[0]),
    ).toEqual([['FAILED', expect.stringContaining('probe: no metrics.json on purpose')]])
  })
})

// ---------------------------------------------------------------------------------------
// 9. polling: the controller away for a while, and jobs it forgot

describe.skipIf(!infra)('9. polling: absence is not death', () => {
  const experiments = (backend = 'slurm') => ({
    ok: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, runs: 2, backend},
    mixed: {command: [process.execPath, TRAIN], params: {mode: 'ok'}, sweep: {mode: ['slow', 'ok', 'ok']}, backend},
  })
  const DOWN = `echo 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' >&2; exit 1`

  test('squeue and sacct failing (controller and slurmdbd unreachable): the poll fails, the runs stay as they were', async () => {
    const s = setup({backends: {slurm: slurmBackend('local', jobRootOf('down'))}, experiments: experiments()})
    const id = newId('down')
    await submit(s, {experiment: 'ok', 'launch-id': id})
    const down = withPath(s, wrappers({squeue: DOWN, sacct: DOWN}))
    const e = await failure(refresh(down, id))
    expect(e.message).toMatch(/squeue.*Unable to contact slurm controller/)
    await clusterDone(id, 2)
    // they ended meanwhile; the controller is still away
    const e2 = await failure(refresh(down, id))
    expect(e2.message).toMatch(/Unable to contact slurm controller/)
    expect(ledgerRuns(s, id).runs.map(r => r.state)).toEqual(['QUEUED', 'QUEUED'])
    expect((await settle(s, id)).runs.map(r => r.state)).toEqual(['SUCCEEDED', 'SUCCEEDED'])
  })

  test('a launch that waits: polls failing for a while are retried, and the launch ends SUCCEEDED', async () => {
    const flag = join(tempDir('trainer-atk-flag-'), 'down')
    writeFileSync(flag, '')
    const bin = wrappers({
      squeue: `if [ -e ${flag} ]; then ${DOWN}; fi\nexec /usr/bin/squeue "$@"`,
      sacct: `if [ -e ${flag} ]; then ${DOWN}; fi\nexec /usr/bin/sacct "$@"`,
    })
    const s = withPath(
      setup({
        backends: {slurm: slurmBackend('local', jobRootOf('flaky'), {'poll-interval': 30})},
        experiments: experiments(),
      }),
      bin,
    )
    const id = newId('flaky')
    setTimeout(() => rmSync(flag, {force: true}), 8_000)
    const io = new RecordingIO({experiment: 'ok', 'launch-id': id}, s.ws, s.env)
    const r = await launch(io, deps()).finally(() => io.close())
    expect(r.status).toBe('SUCCEEDED')
    expect(
      io
        .warnings()
        .map(w => w.message)
        .join('\n'),
    ).toMatch(/poll failed \(will try again\).*Unable to contact/)
  }, 120_000)

  test('squeue and sacct both saying nothing (accounting lagging): the runs are left as they are', async () => {
    const s = setup({backends: {slurm: slurmBackend('local', jobRootOf('quiet'))}, experiments: experiments()})
    const id = newId('quiet')
    await submit(s, {experiment: 'ok', 'launch-id': id})
    await clusterDone(id, 2)
    const quiet = withPath(s, wrappers({squeue: 'exit 0', sacct: 'exit 0'}))
    const r = await refresh(quiet, id)
    expect(r.runs.map(x => x.state)).toEqual(['QUEUED', 'QUEUED'])
    expect(r.launch.status).toBe('ACTIVE')
    expect((await settle(s, id)).runs.map(x => x.state)).toEqual(['SUCCEEDED', 'SUCCEEDED'])
  })

  test('a job slurmctld forgot (past MinJobAge) but sacct knows: its runs end as sacct says', async () => {
    const s = setup({backends: {slurm: slurmBackend('local', jobRootOf('forgot'))}, experiments: experiments()})
    const id = newId('forgot')
    await submit(s, {experiment: 'ok', 'launch-id': id})
    await clusterDone(id, 2)
    const forgot = withPath(s, wrappers({squeue: 'exit 0'}))
    const r = await settle(forgot, id, 60_000)
    expect(
      r.runs.map(x => x.state),
      describeRuns(r.runs),
    ).toEqual(['SUCCEEDED', 'SUCCEEDED'])
    expect(r.runs.map(x => x.nativeState)).toEqual(['COMPLETED', 'COMPLETED'])
  })

  test('one array of a launch forgotten while another is still listed: sacct is asked about the forgotten one', async () => {
    // MaxArraySize 2: runs 0 (slow, for ever) and 1 are one array, run 2 another; squeue stops listing the second
    const hide = join(tempDir('trainer-atk-hide-'), 'id')
    writeFileSync(hide, 'none')
    const bin = wrappers({
      scontrol: `/usr/bin/scontrol "$@" | sed -E 's/^MaxArraySize( *)= .*/MaxArraySize\\1= 2/'`,
      squeue: `/usr/bin/squeue "$@" | grep -v -F "$(printf '\\x1f')$(cat ${hide})$(printf '\\x1f')" || true`,
    })
    const s = withPath(
      setup({backends: {slurm: slurmBackend('local', jobRootOf('half'))}, experiments: experiments()}),
      bin,
    )
    const id = newId('half')
    try {
      const sub = await submit(s, {experiment: 'mixed', 'launch-id': id})
      const arrays = sub.runs.map(r => nativeOf(r).arrayJobId)
      expect(new Set(arrays).size).toBe(2)
      writeFileSync(hide, arrays[2]!)
      // wait until runs 1 and 2 have ended and run 0 runs
      const end = Date.now() + 100_000
      for (;;) {
        const t = clusterTasks(id)
        const st = (a: string, k: number) => t.find(x => x.array === a && x.task === String(k))?.state
        if (st(arrays[1]!, 1) === 'COMPLETED' && st(arrays[2]!, 0) === 'COMPLETED' && st(arrays[0]!, 0) === 'RUNNING')
          break
        if (Date.now() > end) throw new Error(`not there yet: ${JSON.stringify(t)}`)
        await sleep(500)
      }
      // a job's record reaches slurmdbd a few seconds after it ends: refresh until it is there
      let r = await refresh(s, id)
      for (let i = 0; i < 20 && r.runs[2]?.state === 'QUEUED'; i++) {
        await sleep(1000)
        r = await refresh(s, id)
      }
      expect(
        r.runs.map(x => x.state),
        describeRuns(r.runs),
      ).toEqual(['RUNNING', 'SUCCEEDED', 'SUCCEEDED'])
    } finally {
      scancelLaunch(id)
    }
  })
})
