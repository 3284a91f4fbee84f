// Hashing benchmark: a repository of 100,000 files and 1 GiB under the manifest.
// Compares, in one run and on the same warm page cache:
//   trainer hash   (node dist/hash/index.js, process start included: git's blob ids)
//   hashFiles()    (the runner's way: SHA-256 of every file's bytes, then SHA-256 of the digests)
//   git ls-files -s over the same files (the floor: git listing what it knows)
import {execFileSync} from 'node:child_process'
import {randomFillSync} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fmt, table, timeCommand} from './lib.mjs'

const FILES = Number(process.env.BENCH_FILES ?? 100_000)
const BYTES = Number(process.env.BENCH_BYTES ?? 1 << 30)
const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const ROOT = resolve(import.meta.dirname, '..')
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
// warm the page cache for every contender alike
execFileSync(node, ['-e', HASHFILES, join(REPO, 'data')], {stdio: 'ignore'})

const ours = timeCommand(node, [join(ROOT, 'dist/hash/index.js')], {env, cwd: REPO}, RUNS)
const cli = timeCommand(node, [join(ROOT, 'dist/cli/index.js'), 'hash'], {env, cwd: REPO}, RUNS)
const floor = timeCommand('git', ['ls-files', '-s', '--', 'data'], {cwd: REPO}, RUNS)
const bytes = timeCommand(
  node,
  ['-e', HASHFILES, join(REPO, 'data')],
  {cwd: REPO},
  Math.max(3, Math.floor(RUNS / 3)),
  0,
)

const rows = [
  ['trainer hash (dist/hash, process start included)', fmt(ours.median), fmt(ours.min), '1.0×'],
  ['trainer hash (dist/cli)', fmt(cli.median), fmt(cli.min), `${(cli.median / ours.median).toFixed(2)}×`],
  ['git ls-files -s (floor)', fmt(floor.median), fmt(floor.min), `${(floor.median / ours.median).toFixed(2)}×`],
  ['hashFiles()-style byte hashing', fmt(bytes.median), fmt(bytes.min), `${(bytes.median / ours.median).toFixed(1)}×`],
]
console.log(
  `\nHashing ${FILES.toLocaleString('en')} files, ${(BYTES / 2 ** 30).toFixed(2)} GiB under the manifest (warm cache, ${RUNS} runs)\n`,
)
console.log(table(rows, ['contender', 'median', 'min', 'vs trainer hash']))
console.log(
  `\nspeed-up over byte hashing: ${(bytes.median / ours.median).toFixed(1)}× (goal ≥ 40×); trainer hash median ${fmt(ours.median)} (goal < 250 ms)`,
)
rmSync(out, {recursive: true, force: true})
