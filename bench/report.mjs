// Reports (issue 10): what a report costs in API calls and time.
//   - A 100-run sweep reported again and again (a launch's progress updates): the calls per
//     update, against one check run per run (the obvious alternative, a check per run).
//   - A report of 1,000 runs with histories of 10,000 steps each: the time `dist/report` takes,
//     process start to exit, against the floor (a bare Node process that only reads and parses
//     the same 1,000 metrics.json files).
// GitHub is a small counting server on loopback answering what the report asks (the request
// validation against GitHub's description is the tests' emulator's job). Needs a current dist.
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:http'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {fmt, stats, table} from './lib.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 1000)
const STEPS = Number(process.env.BENCH_REPORT_STEPS ?? 10000)
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3)

/** A GitHub that remembers one check run and one comment, and counts every call. */
function fakeGitHub() {
  const calls = []
  let check
  let comment
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', c => (body += c))
    req.on('end', () => {
      const path = req.url.split('?')[0]
      calls.push(`${req.method} ${path.replace(/[0-9a-f]{40}/g, 'SHA').replace(/\d+/g, 'N')}`)
      const send = (status, json) => {
        res.writeHead(status, {'content-type': 'application/json'})
        res.end(JSON.stringify(json))
      }
      if (req.method === 'GET' && path.endsWith('/check-runs'))
        return send(200, {total_count: check ? 1 : 0, check_runs: check ? [check] : []})
      // a check run as GitHub lists it: its status, conclusion and output (what a report compares)
      const apply = b => {
        check = {
          ...check,
          ...(b.name ? {name: b.name, external_id: b.external_id} : {}),
          id: 1,
          html_url: 'http://x/c/1',
          status: b.conclusion ? 'completed' : (b.status ?? check?.status ?? 'queued'),
          conclusion: b.conclusion ?? check?.conclusion ?? null,
          output: {
            summary: b.output?.summary ?? check?.output.summary ?? null,
            text: b.output?.text ?? check?.output.text ?? null,
            annotations_count: (check?.output.annotations_count ?? 0) + (b.output?.annotations?.length ?? 0),
          },
        }
      }
      if (req.method === 'POST' && path.endsWith('/check-runs')) {
        apply(JSON.parse(body))
        return send(201, check)
      }
      if (req.method === 'PATCH' && /\/check-runs\/\d+$/.test(path)) {
        apply(JSON.parse(body))
        return send(200, check)
      }
      if (req.method === 'GET' && path.endsWith('/comments')) return send(200, comment ? [comment] : [])
      if (req.method === 'POST' && path.endsWith('/comments')) {
        // written by the workflow's token: GitHub Actions' bot
        comment = {
          id: 2,
          body: JSON.parse(body).body,
          html_url: 'http://x/m/2',
          user: {login: 'github-actions[bot]', type: 'Bot'},
          author_association: 'NONE',
        }
        return send(201, comment)
      }
      if (req.method === 'PATCH' && /\/comments\/\d+$/.test(path)) {
        comment = {...comment, body: JSON.parse(body).body}
        return send(200, comment)
      }
      send(404, {message: 'Not Found'})
    })
  })
  return new Promise(res =>
    server.listen(0, '127.0.0.1', () => res({server, calls, url: `http://127.0.0.1:${server.address().port}`})),
  )
}

/** A workspace whose ledger holds one finished local launch of `runs` runs with `steps`-step histories. */
function launchOf(runs, steps) {
  const ws = mkdtempSync(join(tmpdir(), 'bench-report-'))
  const root = join(ws, 'results', 'L')
  const points = 10
  const plan = {
    launchId: 'L',
    experiment: 'big',
    runs: Array.from({length: runs}, (_, i) => ({
      id: `L.${String(i).padStart(4, '0')}`,
      experiment: 'big',
      index: i,
      seed: i,
      params: {lr: i % points},
      overrides: {lr: i % points},
      point: {lr: i % points},
      resources: {},
      command: ['train'],
      argsStyle: 'env',
      image: undefined,
      output: `big/runs/${String(i).padStart(4, '0')}`,
      outputs: [],
      env: [],
      backend: 'local',
    })),
  }
  const now = new Date().toISOString()
  // the ledger's own schema, made by a launch of nothing; then filled here
  writeFileSync(join(ws, 'trainer.yml'), 'experiments:\n  warm:\n    command: ["true"]\n')
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'launch', 'exp=warm', '--launch-id', 'W'], {cwd: ws})
  const l = new DatabaseSync(join(ws, '.trainer/ledger.db'))
  l.prepare(
    `INSERT INTO launches (id, experiment, backend, created_at, finished_at, status, plan_json, config_json) VALUES ('L', 'big', 'local', ?, ?, 'SUCCEEDED', ?, ?)`,
  ).run(now, now, JSON.stringify(plan), JSON.stringify({resultsRoot: root}))
  const ins = l.prepare(
    `INSERT INTO runs (id, launch_id, experiment, run_index, seed, state, params_json, resources_json, output, backend, created_at, started_at, ended_at, metrics_json)
     VALUES (?, 'L', 'big', ?, ?, 'SUCCEEDED', ?, '{}', ?, 'local', ?, ?, ?, ?)`,
  )
  l.exec('BEGIN')
  for (const r of plan.runs) {
    const history = Array.from({length: steps}, (_, s) => ({
      step: s + 1,
      loss: 1 / (s + 1 + r.seed),
      acc: 1 - 1 / (s + 2),
    }))
    const final = history.at(-1)
    const dir = join(root, r.output)
    mkdirSync(dir, {recursive: true})
    writeFileSync(
      join(dir, 'metrics.json'),
      JSON.stringify({
        version: 1,
        experiment: 'big',
        run_index: r.index,
        seed: r.seed,
        params: r.params,
        tag: null,
        status: 'succeeded',
        exit_code: 0,
        reason: null,
        started_at: now,
        ended_at: now,
        duration_s: 1,
        final: {loss: final.loss, acc: final.acc},
        history,
      }),
    )
    ins.run(
      r.id,
      r.index,
      r.seed,
      JSON.stringify(r.params),
      r.output,
      now,
      now,
      now,
      JSON.stringify({loss: final.loss, acc: final.acc}),
    )
  }
  l.exec('COMMIT')
  l.close()
  return {ws, root}
}

/** Runs dist/report as a runner would (async: the fake GitHub answers from this process). */
async function reportStep(ws, url, event) {
  const t0 = process.hrtime.bigint()
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/rprof'] : []),
      join(ROOT, 'dist/report/index.js'),
    ],
    {
      cwd: ws,
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'octo/bench',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_SHA: 'f'.repeat(40),
        GITHUB_API_URL: url,
        GITHUB_WORKSPACE: ws,
        'INPUT_GITHUB-TOKEN': 'ghs_bench',
        INPUT_PUBLISH: 'check,comment',
        INPUT_ID: 'L',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  child.stdout.on('data', b => (out += b))
  child.stderr.on('data', b => (out += b))
  const code = await new Promise(res => child.once('close', res))
  if (code !== 0) throw new Error(`dist/report exited ${code}: ${out}`)
  return Number(process.hrtime.bigint() - t0) / 1e6
}

const gh = await fakeGitHub()
const eventDir = mkdtempSync(join(tmpdir(), 'bench-report-event-'))
const event = join(eventDir, 'event.json')
writeFileSync(event, JSON.stringify({pull_request: {number: 7, head: {sha: 'a'.repeat(40)}}}))

// calls per update of a 100-run sweep, reported six times: the first makes the check run and
// the comment; then, in turn, a report with nothing new (a run's metrics unchanged) and one
// after a run's result changed
const small = launchOf(100, 100)
const perUpdate = []
for (let i = 0; i < 6; i++) {
  if (i && i % 2 === 0) {
    const l = new DatabaseSync(join(small.ws, '.trainer/ledger.db'))
    l.prepare(`UPDATE runs SET metrics_json = ? WHERE id = 'L.0000'`).run(JSON.stringify({loss: 0.5 + i, acc: 0.1}))
    l.close()
  }
  const before = gh.calls.length
  await reportStep(small.ws, gh.url, event)
  perUpdate.push({changed: i === 0 ? 'first' : i % 2 === 0 ? 'yes' : 'no', calls: gh.calls.slice(before)})
}

// time of a 1,000 × 10,000 report, against reading and parsing the same files
const big = launchOf(RUNS, STEPS)
const floorScript = `const fs=require('node:fs'),p=require('node:path');let n=0;for(const d of fs.readdirSync(${JSON.stringify(join(big.root, 'big/runs'))}))n+=JSON.parse(fs.readFileSync(p.join(${JSON.stringify(join(big.root, 'big/runs'))},d,'metrics.json'),'utf8')).history.length;console.log(n)`
const times = {report: [], floor: []}
for (let i = 0; i < ROUNDS; i++) {
  times.report.push(await reportStep(big.ws, gh.url, event))
  const t0 = process.hrtime.bigint()
  spawnSync(process.execPath, ['-e', floorScript], {encoding: 'utf8'})
  times.floor.push(Number(process.hrtime.bigint() - t0) / 1e6)
}
gh.server.close()
if (process.env.BENCH_KEEP) console.log(`kept: ${big.ws}`)
else for (const d of [small.ws, big.ws, eventDir]) rmSync(d, {recursive: true, force: true})

const r = stats(times.report)
const f = stats(times.floor)
console.log(`\nReports: API calls per update (100-run sweep, reported 6 times)\n`)
console.log(
  table(
    perUpdate.map((u, i) => [String(i + 1), u.changed, String(u.calls.length), u.calls.join(', ')]),
    ['update', 'changed', 'calls', 'which'],
  ),
)
console.log(`\nthe alternative, one check run per run: ${100} calls per update\n`)
console.log(`Report of ${RUNS} runs × ${STEPS} steps (process start to exit, median of ${ROUNDS})\n`)
console.log(
  table(
    [
      ['dist/report (read, summarize, curves, render 3 targets, publish)', fmt(r.median), '1.0×'],
      ['floor: read and JSON.parse the same metrics.json files', fmt(f.median), `${(f.median / r.median).toFixed(2)}×`],
    ],
    ['what', 'median', 'vs report'],
  ),
)
