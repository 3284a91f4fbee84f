// Builds that reuse layers (issue 8): a cold build vs the rebuild on a fresh runner that
// pulls <name>:buildcache from the registry, after the last COPY's file changed.
//   Each round: a new image name and a Dockerfile with a slow early step (`sleep`), built by
//   dist/build against the test registry (cold: no local layers, no cache in the registry);
//   then the local images are removed (a fresh runner), app.txt changes, and it builds again.
// Needs the test infrastructure (npm run infra:up) and a current dist (npm run build);
// TRAINER_BUILD_BUNDLE points at another bundle of src/entries/build.ts.
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {randomBytes} from 'node:crypto'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import Docker from 'dockerode'
import {fmt, stats, table} from './lib.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SLOW_S = Number(process.env.BENCH_SLOW_S ?? 3)
const BUNDLE = process.env.TRAINER_BUILD_BUNDLE ?? join(ROOT, 'dist/build/index.js')
const infraFile = join(process.env.TRAINER_INFRA_DIR ?? '/tmp/trainer-infra', 'env')
const infra = Object.fromEntries(
  readFileSync(infraFile, 'utf8')
    .split('\n')
    .filter(l => l.includes('='))
    .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
)
const docker = new Docker({socketPath: infra.DOCKER_HOST.replace(/^unix:\/\//, '')})
const git = (cwd, ...args) => execFileSync('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe']})

function repo(nonce) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-build-cache-'))
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.email', 'bench@example.com')
  git(dir, 'config', 'user.name', 'Bench')
  git(dir, 'config', 'commit.gpgsign', 'false')
  writeFileSync(join(dir, '.image-manifest'), 'Dockerfile\napp.txt\n')
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM ${infra.TRAINER_TEST_BASE_IMAGE}\nRUN echo "slow ${nonce}" && sleep ${SLOW_S} && echo ${nonce} > /slow.txt\nRUN echo "${nonce}" > /second.txt\nCOPY app.txt /app.txt\n`,
  )
  writeFileSync(join(dir, 'app.txt'), 'v1\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'v1')
  return dir
}

/** Runs dist/build the way the runner does; returns the wall time and stdout. */
function build(ws, inputs) {
  const env = {PATH: process.env.PATH, HOME: ws, DOCKER_CONFIG: ws, DOCKER_HOST: infra.DOCKER_HOST}
  Object.assign(env, {RUNNER_TEMP: ws, GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: 'octo/bench'})
  for (const f of ['OUTPUT', 'STATE', 'STEP_SUMMARY', 'ENV', 'PATH'])
    writeFileSync((env[`GITHUB_${f}`] = join(ws, `.gh-${f}`)), '')
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [BUNDLE], {cwd: ws, env, encoding: 'utf8', maxBuffer: 1 << 30})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`build exited ${r.status}:\n${r.stdout}\n${r.stderr}`)
  return {ms, stdout: r.stdout}
}

/** A fresh runner: the tag and the buildcache tag gone, with the intermediate images under them. */
async function forget(ref) {
  const cache = ref.replace(/:[^:/]+$/, ':buildcache')
  for (const r of [ref, cache]) await docker.getImage(r).remove()
}

const imageOf = stdout => /^image (\S+) \(manifest/m.exec(stdout)?.[1]
const cold = []
const warm = []
let cachedSteps = ''
for (let i = 0; i < RUNS; i++) {
  const nonce = randomBytes(4).toString('hex')
  const ws = repo(nonce)
  const inputs = {name: `bench-cache-${nonce}/trainer`, registry: infra.TRAINER_TEST_REGISTRY}
  const c = build(ws, inputs)
  if (!c.stdout.includes('cache: none yet')) throw new Error(`cold build did not start cold:\n${c.stdout}`)
  cold.push(c.ms)
  await forget(imageOf(c.stdout))
  writeFileSync(join(ws, 'app.txt'), 'v2\n')
  git(ws, 'commit', '-q', '-am', 'v2')
  const w = build(ws, inputs)
  if (!w.stdout.includes('cache: pulled')) throw new Error(`rebuild pulled no cache:\n${w.stdout}`)
  if (new RegExp(`^slow ${nonce}$`, 'm').test(w.stdout)) throw new Error(`the slow step ran again:\n${w.stdout}`)
  cachedSteps = `${w.stdout.split('Using cache').length - 1} of 3 steps after FROM`
  warm.push(w.ms)
  await forget(imageOf(w.stdout))
}

const c = stats(cold)
const w = stats(warm)
console.log(`\nBuild cache from the registry (dist/build, ${RUNS} rounds, median; slow step: sleep ${SLOW_S})\n`)
console.log(
  table(
    [
      ['cold build (no local layers, no cache in the registry)', fmt(c.median), `${fmt(c.min)}–${fmt(c.max)}`, ''],
      [
        'fresh-runner rebuild, app.txt changed, cache pulled',
        fmt(w.median),
        `${fmt(w.min)}–${fmt(w.max)}`,
        `cached: ${cachedSteps}`,
      ],
    ],
    ['what', 'median', 'range', ''],
  ),
)
console.log(`\ncold / cached rebuild: ${(c.median / w.median).toFixed(1)}×`)
