// Submitting a 1,000-run sweep to the real local Slurm cluster (issue 9):
//   arrays:  `trainer launch --detach` (dist/cli, the Slurm backend's local transport), which
//            submits the sweep as job arrays (split at MaxArraySize: 1001 here, so one array);
//   per run: the obvious alternative, one `sbatch` per run (what a launcher without arrays does),
//            with the same script, from a loop in this process.
// Both submit held jobs (`--hold`), so the single node never runs them; they are cancelled after.
// Measured: wall time from process start to exit, calls to Slurm's commands (counted by shims
// first on PATH that run the real ones), and the calls one status poll costs
// (`trainer status --refresh`: one squeue for the whole launch; per run: one squeue -j per job).
// Needs the test infrastructure (npm run infra:up) and a current dist (npm run build).
import {execFileSync, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fmt, table} from './lib.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_SLURM_RUNS ?? 1000)
const infra = Object.fromEntries(
  readFileSync(join(process.env.TRAINER_INFRA_DIR ?? '/tmp/trainer-infra', 'env'), 'utf8')
    .split('\n')
    .filter(l => l.includes('='))
    .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
)
if (!infra.TRAINER_SLURM_CONF) throw new Error('no Slurm in the test infrastructure: npm run infra:up')

const dir = mkdtempSync(join(tmpdir(), 'bench-slurm-'))
const shims = join(dir, 'bin')
const calls = join(dir, 'calls')
mkdirSync(shims)
for (const cmd of ['sbatch', 'squeue', 'sacct', 'scancel', 'scontrol']) {
  writeFileSync(join(shims, cmd), `#!/bin/sh\necho ${cmd} >> '${calls}'\nexec /usr/bin/${cmd} "$@"\n`)
  chmodSync(join(shims, cmd), 0o755)
}
const env = {PATH: `${shims}:${process.env.PATH}`, HOME: dir, SLURM_CONF: infra.TRAINER_SLURM_CONF}
const counted = () => {
  try {
    const lines = readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean)
    rmSync(calls)
    return Object.fromEntries(
      ['sbatch', 'squeue', 'sacct', 'scancel', 'scontrol'].map(c => [c, lines.filter(l => l === c).length]),
    )
  } catch {
    return {}
  }
}
const total = c => Object.values(c).reduce((a, b) => a + b, 0)
const time = (cmd, args, opts = {}) => {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, {env, encoding: 'utf8', maxBuffer: 1 << 28, ...opts})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return {ms, out: r.stdout}
}

const jobRoot = join(infra.TRAINER_SLURM_JOB_ROOT, `bench-${process.pid}`)
writeFileSync(
  join(dir, 'trainer.yml'),
  `backends:
  slurm:
    container: none
    runner: direct
    job-root: ${jobRoot}
    partition: debug
    sbatch: ["--hold"]
experiments:
  big:
    command: ["true"]
    params: {i: 0}
    runs: ${RUNS}
    backend: slurm
launch:
  max-runs: ${RUNS}
`,
)

// arrays, through the CLI
counted()
const launch = time(
  process.execPath,
  [join(ROOT, 'dist/cli/index.js'), 'launch', 'exp=big', '--detach', '--launch-id', 'B'],
  {cwd: dir},
)
const launchCalls = counted()
const refresh = time(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'status', 'B', '--refresh'], {cwd: dir})
const refreshCalls = counted()

// one sbatch per run, the same script
const script = join(dir, 'one.sh')
writeFileSync(
  script,
  `#!/bin/bash\n#SBATCH --partition=debug\n#SBATCH --hold\n#SBATCH --output=${dir}/one-%j.out\ntrue\n`,
)
const ids = []
const t0 = process.hrtime.bigint()
for (let i = 0; i < RUNS; i++)
  ids.push(
    execFileSync('sbatch', ['--parsable', `--job-name=bench-one-${process.pid}-${i}`, script], {env})
      .toString()
      .trim(),
  )
const perRunMs = Number(process.hrtime.bigint() - t0) / 1e6
const perRunCalls = counted()
// polling each job on its own (W&B Launch's shape): one squeue per run
const t1 = process.hrtime.bigint()
for (const id of ids) execFileSync('squeue', ['-h', '-j', id, '-o', '%T'], {env})
const perRunPollMs = Number(process.hrtime.bigint() - t1) / 1e6
const perRunPollCalls = counted()

// nothing is left on the cluster
const arrayIds = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'status', 'B', '--json'], {
    cwd: dir,
    env,
    maxBuffer: 1 << 28,
  }).toString(),
).runs.map(r => JSON.parse(r.handle).native.arrayJobId)
execFileSync('scancel', [...new Set(arrayIds), ...ids], {env: {...env, PATH: process.env.PATH}})
rmSync(dir, {recursive: true, force: true})

console.log(`\nSlurm submission: a ${RUNS}-run sweep to the local single-node cluster (held jobs)\n`)
console.log(
  table(
    [
      ['submit, arrays (trainer launch --detach)', fmt(launch.ms), total(launchCalls), JSON.stringify(launchCalls)],
      ['submit, one sbatch per run', fmt(perRunMs), total(perRunCalls), JSON.stringify(perRunCalls)],
      [
        'one status poll, arrays (trainer status --refresh)',
        fmt(refresh.ms),
        total(refreshCalls),
        JSON.stringify(refreshCalls),
      ],
      [
        'one status poll, one squeue per run',
        fmt(perRunPollMs),
        total(perRunPollCalls),
        JSON.stringify(perRunPollCalls),
      ],
    ],
    ['what', 'wall time', 'Slurm calls', 'by command'],
  ),
)
console.log(
  `\nsubmission: arrays ${(perRunMs / launch.ms).toFixed(1)}x faster, ${total(perRunCalls)}/${total(launchCalls)} calls; ` +
    `a poll: ${total(perRunPollCalls)}/${total(refreshCalls)} calls`,
)
