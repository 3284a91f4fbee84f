// Hashing benchmark: a repository of 100,000 files and 1 GiB under the manifest.
// Compares, in one run, in interleaved rounds and on the same warm page cache:
//   trainer hash     (node dist/hash/index.js, process start included: git's blob ids, plus
//                     the checks for uncommitted and untracked listed files), also with a
//                     manifest that lists 1% of the files, in a one-file repository, and as
//                     the first run on a machine (an empty compile cache, as on a fresh runner)
//   trainer hash     the CLI (node dist/cli/index.js hash), the same way
//   git ls-files -s  (the floor: git listing what it knows, process start included)
//   the git commands the hash runs, one by one, for reference
//   hashFiles()      (the runner's way: SHA-256 of every file's bytes, then SHA-256 of the digests)
// Machines differ 3-4x in speed, so the figure to compare is the ratio to the floor.
// BENCH_FILES, BENCH_BYTES: the fixture's size; BENCH_RUNS: rounds; BENCH_HASHFILES_RUNS: runs
// of the (slow) byte hashing, 0 to skip it; BENCH_HASH: the hash bundle to time (default
// dist/hash/index.js); BENCH_CLI: the CLI bundle (default dist/cli/index.js); BENCH_BASELINE,
// BENCH_BASELINE_CLI: other bundles to time in the same rounds, e.g. built from the previous commit.
import {execFileSync} from 'node:child_process'
import {randomFillSync} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, resolve} from 'node:path'
import {fmt, table, timeCommand, timeRounds} from './lib.mjs'

const FILES = Number(process.env.BENCH_FILES ?? 100_000)
const BYTES = Number(process.env.BENCH_BYTES ?? 1 << 30)
const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const ROOT = resolve(import.meta.dirname, '..')
const HASHFILES_RUNS = Number(process.env.BENCH_HASHFILES_RUNS ?? Math.max(3, Math.floor(RUNS / 3)))
const BUNDLE = resolve(process.env.BENCH_HASH ?? join(ROOT, 'dist/hash/index.js'))
const CLI = resolve(process.env.BENCH_CLI ?? join(ROOT, 'dist/cli/index.js'))
const BASELINE = process.env.BENCH_BASELINE && resolve(process.env.BENCH_BASELINE)
const BASELINE_CLI = process.env.BENCH_BASELINE_CLI && resolve(process.env.BENCH_BASELINE_CLI)
const REPO = process.env.BENCH_REPO ?? join(tmpdir(), `trainer-bench-repo-${FILES}-${BYTES}`)

function git(...args) {
  return execFileSync('git', args, {cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30}).toString()
}

function makeRepo() {
  if (existsSync(join(REPO, '.git', 'bench-ready'))) return
  rmSync(REPO, {recursive: true, force: true})
  mkdirSync(REPO, {recursive: true})
  console.error(`creating ${REPO}: ${FILES} files, ${(BYTES / 2 ** 30).toFixed(2)} GiB (once; cached for later runs)`)
  const per = Math.floor(BYTES / FILES)
  const buf = Buffer.alloc(per)
  for (let i = 0; i < FILES; i++) {
    const dir = join(REPO, 'data', `d${Math.floor(i / 1000)}`)
    if (i % 1000 === 0) mkdirSync(dir, {recursive: true})
    randomFillSync(buf)
    writeFileSync(join(dir, `f${i}.bin`), buf)
  }
  // unlisted noise: an ignored node_modules and other files that must cost nothing
  mkdirSync(join(REPO, 'node_modules', 'x'), {recursive: true})
  for (let i = 0; i < 1000; i++) writeFileSync(join(REPO, 'node_modules', 'x', `${i}.js`), 'x')
  writeFileSync(join(REPO, '.gitignore'), 'node_modules/\n')
  writeFileSync(join(REPO, '.image-manifest'), 'data/**\n')
  git('init', '-q', '-b', 'main')
  git('-c', 'core.looseCompression=0', '-c', 'core.compression=0', 'add', '-A')
  git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'bench data')
  writeFileSync(join(REPO, '.git', 'bench-ready'), '')
}

// The runner's hashFiles(): glob the files, SHA-256 each file's bytes, SHA-256 over the digests.
const HASHFILES = `
const {createHash} = require('node:crypto'); const fs = require('node:fs'); const path = require('node:path')
const files = []
const walk = d => { for (const e of fs.readdirSync(d, {withFileTypes: true})) { const p = path.join(d, e.name); e.isDirectory() ? walk(p) : files.push(p) } }
walk(process.argv[1]); files.sort()
const all = createHash('sha256')
for (const f of files) { const h = createHash('sha256'); const fd = fs.openSync(f, 'r'); const b = Buffer.allocUnsafe(1 << 20); let n
  while ((n = fs.readSync(fd, b, 0, b.length, null)) > 0) h.update(b.subarray(0, n)); fs.closeSync(fd); all.update(h.digest()) }
console.log(all.digest('hex'), files.length)`

makeRepo()
const out = mkdtempSync(join(tmpdir(), 'bench-out-'))
writeFileSync(join(out, 'o'), '')
const env = {PATH: process.env.PATH, GITHUB_WORKSPACE: REPO, GITHUB_OUTPUT: join(out, 'o'), HOME: out}
const node = process.execPath
// warm the page cache for the byte hashing (the warm-up rounds warm it for the others)
if (HASHFILES_RUNS > 0) execFileSync(node, ['-e', HASHFILES, join(REPO, 'data')], {stdio: 'ignore'})

// the same repository with a manifest that lists 1% of it: the checks should cost 1% too
writeFileSync(join(out, 'part.manifest'), 'data/d7/**\n')
// and a one-file repository: what the hash costs before it has any work to do
const tiny = join(out, 'tiny')
mkdirSync(tiny)
writeFileSync(join(tiny, '.image-manifest'), 'Dockerfile\n')
writeFileSync(join(tiny, 'Dockerfile'), 'FROM scratch\n')
for (const args of [
  ['init', '-q'],
  ['add', '-A'],
  ['-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'x'],
])
  execFileSync('git', args, {cwd: tiny, stdio: 'ignore'})
const run = {env, cwd: REPO}
// Node's compile cache lives under TMPDIR: a new one for every run (the getter runs per spawn)
// is the first run on a machine, as every run on a fresh hosted runner is.
const firstRun = {
  cwd: REPO,
  get env() {
    return {...env, TMPDIR: mkdtempSync(join(out, 'tmp-'))}
  },
}
const part = {env: {...env, INPUT_MANIFEST: join(out, 'part.manifest')}, cwd: REPO}
const contenders = {
  ours: [node, [BUNDLE], run],
  ...(BASELINE ? {baseline: [node, [BASELINE], run]} : {}),
  oursFirst: [node, [BUNDLE], firstRun],
  oursPart: [node, [BUNDLE], part],
  oursTiny: [node, [BUNDLE], {env: {...env, GITHUB_WORKSPACE: tiny}, cwd: tiny}],
  ...(BASELINE ? {baselinePart: [node, [BASELINE], part]} : {}),
  cli: [node, [CLI, 'hash'], run],
  ...(BASELINE_CLI ? {baselineCli: [node, [BASELINE_CLI, 'hash'], run]} : {}),
  floor: ['git', ['ls-files', '-s'], {cwd: REPO}],
  lsTree: ['git', ['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], {cwd: REPO}],
  diffIndex: ['git', ['diff-index', '--name-only', '-z', '--no-renames', 'HEAD'], {cwd: REPO}],
  untracked: ['git', ['ls-files', '-o', '--exclude-standard', '-z'], {cwd: REPO}],
}
const t = timeRounds(contenders, RUNS)
const bytes =
  HASHFILES_RUNS > 0
    ? timeCommand(node, ['-e', HASHFILES, join(REPO, 'data')], {cwd: REPO}, HASHFILES_RUNS, 0)
    : undefined

const floor = t.floor.median
const ratio = s => `${(s.median / floor).toFixed(1)}×`
const row = (name, s) => [name, fmt(s.median), fmt(s.min), ratio(s)]
const rows = [
  row(`trainer hash (${BUNDLE.startsWith(ROOT) ? relative(ROOT, BUNDLE) : BUNDLE}, process start included)`, t.ours),
  ...(BASELINE ? [row(`trainer hash, baseline (${BASELINE})`, t.baseline)] : []),
  row('trainer hash, first run on the machine (empty compile cache)', t.oursFirst),
  row('trainer hash, manifest listing 1% (data/d7/**)', t.oursPart),
  ...(BASELINE ? [row('trainer hash, baseline, manifest listing 1%', t.baselinePart)] : []),
  row('trainer hash, one-file repository (start-up and fixed costs)', t.oursTiny),
  row(`trainer hash, CLI (${CLI.startsWith(ROOT) ? relative(ROOT, CLI) : CLI} hash)`, t.cli),
  ...(BASELINE_CLI ? [row(`trainer hash, CLI baseline (${BASELINE_CLI})`, t.baselineCli)] : []),
  row('git ls-files -s (the floor)', t.floor),
  row('git ls-tree -r -z HEAD (the listing hashed)', t.lsTree),
  row('git diff-index HEAD, whole tree (uncommitted check)', t.diffIndex),
  row('git ls-files -o, whole tree (untracked check)', t.untracked),
  ...(bytes ? [row('hashFiles()-style byte hashing', bytes)] : []),
]
console.log(
  `\nHashing ${FILES.toLocaleString('en')} files, ${(BYTES / 2 ** 30).toFixed(2)} GiB under the manifest (warm cache, ${RUNS} interleaved rounds)\n`,
)
console.log(table(rows, ['contender', 'median', 'min', 'vs git ls-files -s']))
console.log(
  `\ntrainer hash / git ls-files -s (goal ≤ 3×): action ${ratio(t.ours)}, CLI ${ratio(t.cli)}, ` +
    `action's first run ${ratio(t.oursFirst)}; median ${fmt(t.ours.median)} (goal < 250 ms)` +
    (BASELINE ? `; baseline ${ratio(t.baseline)}` : '') +
    (BASELINE_CLI ? `, CLI baseline ${ratio(t.baselineCli)}` : '') +
    (bytes ? `; speed-up over byte hashing: ${(bytes.median / t.ours.median).toFixed(1)}× (goal ≥ 40×)` : ''),
)
rmSync(out, {recursive: true, force: true})
