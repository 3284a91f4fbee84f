// Start-up cost of each bundle: its size, the time from process start to its first
// output line, and the size of the repository archive a runner downloads per job.
// Compared with a bare `node -e 0` start in the same run.
import {execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {gzipSync} from 'node:zlib'
import {fmt, stats, table} from './lib.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 20)

function dirSize(dir) {
  let n = 0
  for (const e of readdirSync(dir, {withFileTypes: true}))
    n += e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size
  return n
}

/** ms from spawn to the first byte on stdout (or to exit when it prints nothing). */
function firstOutput(args, env, cwd) {
  return new Promise((res, rej) => {
    const t0 = process.hrtime.bigint()
    const c = spawn(process.execPath, args, {env, cwd, stdio: ['ignore', 'pipe', 'pipe']})
    let first
    c.stdout.once('data', () => (first ??= Number(process.hrtime.bigint() - t0) / 1e6))
    c.on('error', rej)
    c.on('close', () =>
      res([first ?? Number(process.hrtime.bigint() - t0) / 1e6, Number(process.hrtime.bigint() - t0) / 1e6]),
    )
  })
}

async function measure(args, env, cwd) {
  const firsts = []
  const totals = []
  for (let i = 0; i < RUNS + 2; i++) {
    const [f, t] = await firstOutput(args, env, cwd)
    if (i < 2) continue
    firsts.push(f)
    totals.push(t)
  }
  return {first: stats(firsts), total: stats(totals)}
}

// A small repository for hash to work on.
const ws = mkdtempSync(join(tmpdir(), 'bench-startup-'))
writeFileSync(join(ws, '.image-manifest'), 'Dockerfile\n')
writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
for (const a of [
  ['init', '-q'],
  ['add', '-A'],
  ['-c', 'user.email=b@x', '-c', 'user.name=b', 'commit', '-qm', 'x'],
])
  execFileSync('git', a, {cwd: ws})
const out = join(ws, '.out')
writeFileSync(out, '')
const env = {PATH: process.env.PATH, HOME: ws, GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: out}

const cases = [
  ['node -e 0 (bare Node start)', null, ['-e', 'console.log(1)']],
  ['hash: hashes a 1-file manifest', 'hash', [join(ROOT, 'dist/hash/index.js')]],
  // build with an invalid input: loads the whole bundle (dockerode included), then stops
  ['build: loads, rejects a bad input', 'build', [join(ROOT, 'dist/build/index.js')], {INPUT_FORCE: 'maybe'}],
  ['cli: trainer --version', 'cli', [join(ROOT, 'dist/cli/index.js'), '--version']],
  ['run: trainer run --help (in-container runner)', 'run', [join(ROOT, 'dist/run/index.js'), '--help']],
]
const rows = []
for (const [label, bundle, args, extra] of cases) {
  const m = await measure(args, {...env, ...extra}, ws)
  rows.push([
    label,
    bundle ? `${(dirSize(join(ROOT, 'dist', bundle)) / 1024).toFixed(0)} KiB` : '',
    fmt(m.first.median),
    fmt(m.total.median),
  ])
}
const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD'], {cwd: ROOT, maxBuffer: 1 << 30})
console.log(`\nBundle start-up (${RUNS} runs each, median)\n`)
console.log(table(rows, ['bundle', 'size on disk', 'first output', 'exit']))
console.log(
  `\nrepository archive (git archive HEAD): ${(tar.length / 2 ** 20).toFixed(2)} MiB tar, ${(gzipSync(tar).length / 2 ** 20).toFixed(2)} MiB gzipped (goal < 5 MB)`,
)
