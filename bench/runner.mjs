// The runner's own cost per run, and plan building at scale.
//   trainer run around a command that does nothing (`true`), vs running `true` directly:
//   the difference is what the runner adds per run (start-up, run directory, logs,
//   metrics.json), measured end to end as a process.
//   trainer plan of a 10,000-run sweep (100 × 100 grid), process start included, vs `trainer --version`.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fmt, table, timeCommand} from './lib.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const ws = mkdtempSync(join(tmpdir(), 'bench-runner-'))
const values = Array.from({length: 100}, (_, i) => i / 100)
writeFileSync(
  join(ws, 'trainer.yml'),
  `experiments:\n  noop:\n    command: ["true"]\n    args-style: env\n  big:\n    command: ["true"]\n    sweep:\n      a: [${values.join(', ')}]\n      b: [${values.join(', ')}]\nlaunch:\n  max-runs: 10000\n`,
)
const env = {PATH: process.env.PATH, HOME: ws}
const node = process.execPath
const opts = {env, cwd: ws}

const bare = timeCommand('true', [], opts, RUNS)
const nodeStart = timeCommand(node, ['-e', '0'], opts, RUNS)
// process start to exit, as a user waits for it: a timer or pipe left behind shows up here
const run = timeCommand(node, [join(ROOT, 'dist/run/index.js'), '--experiment', 'noop', '--run_index', '0'], opts, RUNS)
// the same through the CLI bundle, which is what the local backend starts for every run
const cliRun = timeCommand(
  node,
  [join(ROOT, 'dist/cli/index.js'), 'run', '--experiment', 'noop', '--run_index', '0'],
  opts,
  RUNS,
)
const version = timeCommand(node, [join(ROOT, 'dist/cli/index.js'), '--version'], opts, RUNS)
const plan = timeCommand(
  node,
  [join(ROOT, 'dist/cli/index.js'), 'plan', 'exp=big', '--json', '--launch-id', 'B'],
  opts,
  Math.max(5, RUNS / 4),
)

console.log(`\nRunner overhead and plan building (${RUNS} runs each, median)\n`)
console.log(
  table(
    [
      ['`true` run directly', fmt(bare.median), ''],
      ['node -e 0', fmt(nodeStart.median), ''],
      ['trainer run (dist/run) around `true`', fmt(run.median), `+${fmt(run.median - bare.median)} per run`],
      ['trainer run (dist/cli) around `true`', fmt(cliRun.median), `+${fmt(cliRun.median - bare.median)} per run`],
      ['trainer --version (dist/cli)', fmt(version.median), ''],
      [
        'trainer plan of 10,000 runs --json (dist/cli)',
        fmt(plan.median),
        `+${fmt(plan.median - version.median)} over start-up`,
      ],
    ],
    ['what', 'median', 'cost'],
  ),
)
