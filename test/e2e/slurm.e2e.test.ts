import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {execFileSync} from 'node:child_process'
import {describe, expect, test} from 'vitest'
import {launch, type LaunchDeps} from '../../src/actions/launch.js'
import {cancel, status} from '../../src/actions/status.js'
import {Ledger} from '../../src/ledger/ledger.js'
import {requireInfra, requireSlurmInfra, slurmEnv} from '../helpers/infra.js'
import {nodeImage} from '../helpers/node-image.js'
import {RecordingIO} from '../helpers/recording-io.js'
import {ROOT, workspace} from '../helpers/workspace.js'
import {EventEmitter} from 'node:events'

const infra = await requireSlurmInfra('slurm backend (local transport)')
const CONTRACT = join(ROOT, 'test/fixtures/training/container-main.mjs')
const deps = (): LaunchDeps => ({
  runner: [process.execPath, join(ROOT, 'dist/run/index.js')],
  runnerDir: join(ROOT, 'dist/run'),
  signals: new EventEmitter(),
})

/** How each transport reaches the cluster, as trainer.yml lines of a backend. */
const TRANSPORTS: Record<string, string> = {
  local: '',
  ssh: [
    '    transport: ssh',
    `    host: ${infra?.TRAINER_SSH_HOST}`,
    `    port: ${infra?.TRAINER_SSH_PORT}`,
    `    user: ${infra?.TRAINER_SSH_USER}`,
    `    key-file: ${infra?.TRAINER_SSH_KEY}`,
    `    known-hosts: "${infra?.TRAINER_SSH_KNOWN_HOSTS}"`,
  ].join('\n'),
  rest: [
    '    transport: rest',
    `    url: ${infra?.TRAINER_SLURMRESTD_URL}`,
    '    token-env: TRAINER_SLURM_JWT',
    `    user-name: ${infra?.TRAINER_SLURM_USER}`,
  ].join('\n'),
}

let n = 0
function setup(
  extra = '',
  transport = 'local',
  experiments = '',
): {ws: string; jobRoot: string; env: Record<string, string>} {
  const jobRoot = join(infra!.TRAINER_SLURM_JOB_ROOT, `e2e-${process.pid}-${++n}`)
  const ws = workspace(`
backends:
  slurm:
${TRANSPORTS[transport]}
    container: none
    job-root: ${jobRoot}
    node: ${process.execPath}
    max-parallel: 2
    partition: debug
    time: "00:05:00"
  direct:
    type: slurm
    container: none
    runner: direct
    job-root: ${jobRoot}
    partition: debug
${extra}
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    sweep: {lr: [0.1, 0.2, 0.3]}
    backend: slurm
  slow:
    command: [$NODE, $TRAIN]
    params: {mode: slow}
    runs: 3
    backend: slurm
  direct:
    command: [$NODE, ${CONTRACT}]
    params: {note: plain, mode: ok}
    runs: 2
    backend: direct
${experiments}
`)
  return {
    ws,
    jobRoot,
    env: {
      ...slurmEnv(infra!),
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: ws,
      // the rest transport's token (token-env above)
      TRAINER_SLURM_JWT: infra!.TRAINER_SLURM_JWT,
    },
  }
}

function io(ws: string, env: Record<string, string>, inputs: Record<string, string>): RecordingIO {
  return new RecordingIO(inputs, ws, env)
}

async function run<T>(r: RecordingIO, fn: (io: RecordingIO) => Promise<T>): Promise<T> {
  try {
    return await fn(r)
  } finally {
    await r.close()
  }
}

describe.skipIf(!infra).each(Object.keys(TRANSPORTS))(
  'slurm backend, %s transport (a real single-node cluster)',
  transport => {
    test('a 3-run sweep is one array; it runs, its metrics come back, the ledger records every state', async () => {
      const {ws, jobRoot, env} = setup('', transport)
      const r = await run(io(ws, env, {experiment: 'sweep', 'launch-id': 'S1'}), x => launch(x, deps()))
      expect(r.status).toBe('SUCCEEDED')
      expect(r.runs.map(x => [x.id, x.state, x.metrics.loss])).toEqual([
        ['S1.000', 'SUCCEEDED', 0.2],
        ['S1.001', 'SUCCEEDED', 0.2],
        ['S1.002', 'SUCCEEDED', 0.2],
      ])
      // one sbatch: one submission record, one array job id shared by the three runs
      const subs = readdirSync(join(jobRoot, 'S1', 'submissions')).filter(f => f.endsWith('.json'))
      expect(subs).toHaveLength(1)
      const handles = r.runs.map(
        x => JSON.parse(x.handle!) as {kind: string; native: {arrayJobId: string; task: number}},
      )
      expect(new Set(handles.map(h => h.native.arrayJobId)).size).toBe(1)
      expect(handles.map(h => [h.kind, h.native.task])).toEqual([
        ['slurm', 0],
        ['slurm', 1],
        ['slurm', 2],
      ])
      const l = Ledger.open(join(ws, '.trainer/ledger.db'))
      expect(l.events('S1.000').map(e => e.to)).toEqual(expect.arrayContaining(['CREATED', 'QUEUED', 'SUCCEEDED']))
      expect(l.getRun('S1.002')).toMatchObject({nativeState: 'COMPLETED', attempt: 1})
      expect(l.getRun('S1.002')?.links.log).toMatch(/logs\/a1-[0-9a-f]{10}_2\.out$/)
      l.close()
      // the submitted script is kept, and the run's output is in its job directory
      const script = readFileSync(join(jobRoot, 'S1', 'submissions', subs[0]!.replace('.json', '.sh')), 'utf8')
      expect(script).toContain('#SBATCH --array=0-2%2')
      expect(script).toContain('#SBATCH --partition=debug')
      expect(readFileSync(join(jobRoot, 'S1', 'results', 'sweep/runs/001', 'logs.txt'), 'utf8')).toContain('done')
    })

    test('--detach returns once submitted; status --refresh moves the launch to its end', async () => {
      const {ws, env} = setup('', transport)
      const r = await run(io(ws, env, {experiment: 'sweep', 'launch-id': 'D1', detach: 'true'}), x => launch(x, deps()))
      expect(r.detached).toBe(true)
      expect(r.status).toBe('ACTIVE')
      expect(r.runs.every(x => x.state === 'QUEUED')).toBe(true)
      let last = ''
      for (let i = 0; i < 60 && last !== 'SUCCEEDED'; i++) {
        await new Promise(res => setTimeout(res, 1000))
        const s = await run(io(ws, env, {id: 'D1', refresh: 'true'}), status)
        last = s.launch.status
      }
      expect(last).toBe('SUCCEEDED')
    })

    test('cancel midway: every task ends CANCELLED', async () => {
      const {ws, env} = setup('', transport)
      await run(io(ws, env, {experiment: 'slow', 'launch-id': 'C1', detach: 'true'}), x => launch(x, deps()))
      // wait until two run (the throttle is 2) and one waits
      for (let i = 0; i < 60; i++) {
        const s = await run(io(ws, env, {id: 'C1', refresh: 'true'}), status)
        if (s.runs.filter(x => x.state === 'RUNNING').length === 2) break
        await new Promise(res => setTimeout(res, 500))
      }
      const c = await run(io(ws, env, {id: 'C1'}), cancel)
      expect(c.stopping).toBe(3)
      let s = await run(io(ws, env, {id: 'C1', refresh: 'true'}), status)
      for (let i = 0; i < 60; i++) {
        s = await run(io(ws, env, {id: 'C1', refresh: 'true'}), status)
        if (s.launch.status !== 'ACTIVE') break
        await new Promise(res => setTimeout(res, 1000))
      }
      expect(s.runs.map(x => x.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED'])
      expect(s.launch.status).toBe('CANCELLED')
    })
  },
)

describe.skipIf(!infra)('slurm backend: runners and bad input', () => {
  test('container docker: each task runs in a container of the image (trainer run copied into the job directory)', async () => {
    const docker = await requireInfra('slurm backend, container docker')
    if (!docker) return
    // the image in the registry, as a cluster's nodes would pull it
    const local = await nodeImage(docker.DOCKER_HOST)
    const image = `${docker.TRAINER_TEST_REGISTRY}/slurm-e2e/node:${local.split(':').pop()}`
    const dk = (...args: string[]): string =>
      execFileSync('docker', args, {env: {...process.env, DOCKER_HOST: docker.DOCKER_HOST}}).toString()
    dk('tag', local, image)
    dk('push', image)
    const digest = dk('image', 'inspect', '--format', '{{index .RepoDigests 0}}', image).trim().split('@')[1]
    const {ws, env} = setup(
      `  boxed:
    type: slurm
    container: docker
    job-root: ${infra!.TRAINER_SLURM_JOB_ROOT}/e2e-${process.pid}-boxed
    partition: debug`,
      'local',
      `  boxed:
    command: [node, /app/train.mjs]
    params: {mode: ok, note: "it's $(id)"}
    runs: 2
    backend: boxed
    env: [DOCKER_HOST]`,
    )
    const r = await run(
      io(ws, {...env, DOCKER_HOST: docker.DOCKER_HOST}, {experiment: 'boxed', 'launch-id': 'K1', image}),
      x => launch(x, deps()),
    )
    expect(r.runs.map(x => [x.state, x.metrics.acc, x.imageDigest])).toEqual([
      ['SUCCEEDED', 0.9, digest],
      ['SUCCEEDED', 0.9, digest],
    ])
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const dir = join(`${infra!.TRAINER_SLURM_JOB_ROOT}/e2e-${process.pid}-boxed`, 'K1/results/boxed/runs/001')
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as {
      argv: string[]
      env: Record<string, string>
    }
    // inside the container: its own node, the job directory mounted at the same path, values intact
    expect(seen.env.TRAINER_RUN_DIR).toBe(dir)
    expect(seen.argv).toContain("it's $(id)")
  })

  test('direct runner: an image that implements seed 000 itself; hostile values reach it byte for byte', async () => {
    const {ws, jobRoot, env} = setup()
    const hostile = ['$(touch /tmp/pwned-slurm)', '`id`', 'a;b', 'it\'s "q"', '--flag']
    const r = await run(
      io(ws, env, {experiment: 'direct', 'launch-id': 'X1', overrides: `note=${hostile.join(' ')}`}),
      x => launch(x, deps()),
    )
    expect(r.status).toBe('SUCCEEDED')
    const seen = JSON.parse(readFileSync(join(jobRoot, 'X1/results/direct/runs/000/seen.json'), 'utf8')) as {
      argv: string[]
    }
    expect(seen.argv).toEqual([
      '--experiment',
      'direct',
      '--run_index',
      '0',
      '--seed',
      expect.any(String) as string,
      '--override-note',
      hostile.join(' '),
      '--override-mode',
      'ok',
      '--results-root',
      join(jobRoot, 'X1/results'),
    ])
    expect(existsSync('/tmp/pwned-slurm')).toBe(false)
  })

  test('sbatch refusing a partition: its message is shown, nothing is left queued', async () => {
    const {ws, env} = setup()
    const yml = join(ws, 'trainer.yml')
    writeFileSync(yml, readFileSync(yml, 'utf8').replace('partition: debug', 'partition: nosuchpart'))
    const x = io(ws, env, {experiment: 'sweep', 'launch-id': 'P1'})
    await expect(run(x, y => launch(y, deps()))).rejects.toThrow(/invalid partition/i)
    const l = Ledger.open(join(ws, '.trainer/ledger.db'))
    expect(l.listRuns('P1').map(r => r.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(l.getLaunch('P1')?.status).toBe('CANCELLED')
    l.close()
  })
})
