// Results archiving benchmark: zip a 1 GiB training-run results directory and PUT it to a
// loopback server that discards the body. Compares, in one run and on the same warm page cache:
//   ours       zipDirectory() to a file, then putFile() streaming it (src/runner, the TS modules)
//   in-memory  every file read whole into memory, zipped into one buffer (yazl addBuffer), one PUT
//   zip + curl the system `zip -r` (same STORED suffixes), then `curl -T` (only where both exist)
// Each contender runs in its own process, whose peak RSS (VmHWM/maxRSS) is reported.
// Our TypeScript runs unbundled: Node 24 strips the types, and a resolve hook maps our `.js`
// import specifiers to the `.ts` files beside them.
//   node bench/archive.mjs            (BENCH_ZIP_BYTES=… to change the 1 GiB, BENCH_ZIP_DIR=… to reuse a tree)
import {execFile} from 'node:child_process'
import {randomFillSync} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:http'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {table} from './lib.mjs'

const BYTES = Number(process.env.BENCH_ZIP_BYTES ?? 1 << 30)
const ROOT = resolve(import.meta.dirname, '..')
const DATA = process.env.BENCH_ZIP_DIR ?? join(tmpdir(), `trainer-bench-results-${BYTES}`)
const CHECKPOINTS = 4
const LOG_FILES = 2000

/** A training run's results: a few large incompressible checkpoints, many small text logs. */
function makeResults() {
  if (existsSync(`${DATA}.ready`)) return
  rmSync(DATA, {recursive: true, force: true})
  console.error(`creating ${DATA}: ${(BYTES / 2 ** 30).toFixed(2)} GiB (once; cached for later runs)`)
  const ckptBytes = Math.floor((BYTES * 7) / 8 / CHECKPOINTS)
  const logBytes = Math.floor((BYTES - ckptBytes * CHECKPOINTS) / LOG_FILES)
  mkdirSync(join(DATA, 'checkpoints'), {recursive: true})
  const buf = Buffer.allocUnsafe(16 << 20)
  for (let i = 0; i < CHECKPOINTS; i++) {
    const file = join(DATA, 'checkpoints', i === CHECKPOINTS - 1 ? 'final.pt' : `epoch-${(i + 1) * 10}.pt`)
    writeFileSync(file, '')
    for (let left = ckptBytes; left > 0; left -= buf.length) {
      randomFillSync(buf)
      writeFileSync(file, left >= buf.length ? buf : buf.subarray(0, left), {flag: 'a'})
    }
  }
  // JSON lines of metrics, like a logger's: compressible, but not trivially
  let seed = 1
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31).toFixed(6)
  for (let f = 0; f < LOG_FILES; f++) {
    const dir = join(DATA, 'logs', `rank-${f % 8}`)
    if (f < 8) mkdirSync(dir, {recursive: true})
    const lines = []
    let n = 0
    for (let step = 0; n < logBytes; step++) {
      const line = `{"step":${step},"loss":${rnd()},"lr":${rnd()},"grad_norm":${rnd()},"time":"2025-01-0${f % 9}T00:00:${step % 60}Z"}\n`
      lines.push(line)
      n += line.length
    }
    writeFileSync(join(dir, `events-${f}.jsonl`), lines.join('').slice(0, logBytes))
  }
  mkdirSync(join(DATA, 'tensorboard'), {recursive: true})
  writeFileSync(join(DATA, 'config.json'), JSON.stringify({lr: 0.1, epochs: 40}, null, 2))
  writeFileSync(`${DATA}.ready`, '')
}

// Runs in a child process; prints one JSON line. BENCH_MODE: baseline | stream | memory.
const WORKER = `
import {registerHooks} from 'node:module'
import {readFileSync} from 'node:fs'
registerHooks({
  resolve(spec, ctx, next) {
    try { return next(spec, ctx) } catch (e) {
      if (/^(\\.|file:)/.test(spec) && spec.endsWith('.js')) return next(spec.slice(0, -3) + '.ts', ctx)
      throw e
    }
  },
})
const {BENCH_MODE: mode, BENCH_DIR: dir, BENCH_URL: url, BENCH_OUT: out, BENCH_SRC: src} = process.env
const {zipDirectory, shouldStore} = await import(src + '/runner/archive.js')
const {putFile} = await import(src + '/runner/upload.js')
const vmHWM = () => Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0)
const r = {mode}
if (mode === 'stream') {
  let t = performance.now()
  const z = await zipDirectory(dir, out)
  r.zipMs = performance.now() - t
  t = performance.now()
  const p = await putFile(url, out, {retries: 0})
  r.putMs = performance.now() - t
  Object.assign(r, {files: z.files, zipBytes: z.bytes, sent: p.bytes})
} else if (mode === 'memory') {
  const {ZipFile} = await import('yazl')
  const {readdir, readFile} = await import('node:fs/promises')
  const {join} = await import('node:path')
  let t = performance.now()
  const zip = new ZipFile()
  let files = 0
  const walk = async (abs, rel) => {
    const es = (await readdir(abs, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const e of es) {
      const p = join(abs, e.name), r2 = rel ? rel + '/' + e.name : e.name
      if (e.isDirectory()) { zip.addEmptyDirectory(r2); await walk(p, r2) }
      else if (e.isFile()) { files++; zip.addBuffer(await readFile(p), r2, {compress: !shouldStore(r2)}) }
    }
  }
  await walk(dir, '')
  zip.end()
  const chunks = []
  for await (const c of zip.outputStream) chunks.push(c)
  const body = Buffer.concat(chunks)
  r.zipMs = performance.now() - t
  t = performance.now()
  const res = await fetch(url, {method: 'PUT', body, headers: {'content-type': 'application/zip'}})
  await res.arrayBuffer()
  if (!res.ok) throw new Error('PUT ' + res.status)
  r.putMs = performance.now() - t
  Object.assign(r, {files, zipBytes: body.length, sent: body.length})
}
r.maxRssKiB = Math.max(process.resourceUsage().maxRSS, vmHWM())
console.log(JSON.stringify(r))
`

const run = promisify(execFile)

async function worker(mode, url, out) {
  const env = {...process.env, BENCH_MODE: mode, BENCH_DIR: DATA, BENCH_URL: url, BENCH_OUT: out}
  env.BENCH_SRC = `file://${ROOT}/src`
  env.NODE_NO_WARNINGS = '1'
  const {stdout} = await run(process.execPath, ['--input-type=module', '-e', WORKER], {env, cwd: ROOT})
  return JSON.parse(stdout.trim().split('\n').at(-1))
}

/** zip -r then curl -T, each under /usr/bin/time for its peak RSS. */
async function system(url, out) {
  const have = async cmd =>
    run('sh', ['-c', `command -v ${cmd}`]).then(
      () => true,
      () => false,
    )
  if (!(await have('zip')) || !(await have('curl'))) return undefined
  const timed = existsSync('/usr/bin/time')
  const exec = async (cmd, args, cwd) => {
    const t = performance.now()
    const r = timed
      ? await run('/usr/bin/time', ['-f', '%M', cmd, ...args], {cwd, maxBuffer: 1 << 24})
      : await run(cmd, args, {cwd, maxBuffer: 1 << 24})
    return {ms: performance.now() - t, rss: timed ? Number(r.stderr.trim().split('\n').at(-1)) : NaN}
  }
  rmSync(out, {force: true})
  const z = await exec('zip', ['-r', '-q', '-6', '-n', '.pt', out, '.'], DATA)
  const p = await exec('curl', ['-sS', '-f', '-T', out, '-H', 'content-type: application/zip', url], DATA)
  return {zipMs: z.ms, putMs: p.ms, zipBytes: statSync(out).size, maxRssKiB: Math.max(z.rss, p.rss)}
}

makeResults()
const received = []
const server = createServer((req, res) => {
  let n = 0
  req.on('data', c => (n += c.length))
  req.on('end', () => {
    received.push(n)
    res.writeHead(200).end()
  })
})
await new Promise(r => server.listen(0, '127.0.0.1', r))
const url = `http://127.0.0.1:${server.address().port}/bucket/results.zip?X-Goog-Signature=bench`
const tmp = mkdtempSync(join(tmpdir(), 'bench-zip-'))
const input = Number((await run('du', ['-sb', DATA])).stdout.split('\t')[0])

try {
  // warm the page cache for every contender alike, and get Node's own floor
  await run('tar', ['-cf', '/dev/null', '.'], {cwd: DATA})
  const base = await worker('baseline', url, '')
  const results = []
  for (const [name, fn] of [
    ['ours: zipDirectory + putFile (streaming)', () => worker('stream', url, join(tmp, 'ours.zip'))],
    ['in-memory: read all, zip to a buffer, one PUT', () => worker('memory', url, '')],
    ['system: zip -r, then curl -T', () => system(url, join(tmp, 'sys.zip'))],
  ]) {
    const before = received.length
    const r = await fn()
    if (r === undefined) continue
    if (received.length !== before + 1 || received.at(-1) !== r.zipBytes) {
      throw new Error(`${name}: server got ${received.slice(before)} bytes, zip is ${r.zipBytes}`)
    }
    results.push({name, ...r})
    rmSync(join(tmp, 'ours.zip'), {force: true})
  }
  const mbs = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(0)
  const ours = results[0]
  const total = r => r.zipMs + r.putMs
  const rows = results.map(r => [
    r.name,
    `${(r.zipMs / 1000).toFixed(2)} s`,
    `${(r.putMs / 1000).toFixed(2)} s`,
    mbs(input, total(r)),
    `${(total(ours) / total(r)).toFixed(2)}×`,
    `${(r.maxRssKiB / 1024).toFixed(0)} MiB`,
    `${(r.zipBytes / 2 ** 20).toFixed(0)} MiB`,
  ])
  console.log(
    `\nZip and upload of ${(input / 2 ** 30).toFixed(2)} GiB (${CHECKPOINTS} .pt checkpoints, ${LOG_FILES} JSON-lines logs) to a loopback PUT (warm cache)\n`,
  )
  console.log(table(rows, ['contender', 'zip', 'PUT', 'MB/s end to end', 'speed vs ours', 'peak RSS', 'zip size']))
  const mem = results.find(r => r.name.startsWith('in-memory'))
  console.log(
    `\nNode floor (process with our modules loaded, no work): ${(base.maxRssKiB / 1024).toFixed(0)} MiB peak RSS; ` +
      `ours adds ${((ours.maxRssKiB - base.maxRssKiB) / 1024).toFixed(0)} MiB` +
      (mem ? `, in-memory adds ${((mem.maxRssKiB - base.maxRssKiB) / 1024).toFixed(0)} MiB` : '') +
      ` (input ${(input / 2 ** 20).toFixed(0)} MiB)`,
  )
} finally {
  server.close()
  rmSync(tmp, {recursive: true, force: true})
}
