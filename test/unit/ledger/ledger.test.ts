import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi} from 'vitest'
import {NotFoundError, TrainerError} from '../../../src/kit/errors.js'
import {IllegalTransitionError, LedgerError} from '../../../src/ledger/errors.js'
import {Ledger, MIGRATIONS, SCHEMA_VERSION, launchStatus, type LaunchStatus} from '../../../src/ledger/ledger.js'
import {parseHandle} from '../../../src/backends/types.js'
import {SQLITE_WARNING, withoutSqliteWarning} from '../../../src/ledger/sqlite.js'
import {
  RUN_STATES,
  TRANSITIONS,
  canTransition,
  isTerminal,
  legalTransitions,
  type RunState,
} from '../../../src/ledger/states.js'
import type {Plan, Run} from '../../../src/plan/types.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-test-'))
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
})

/** A clock that moves one second per reading, so every timestamp is distinct and predictable. */
function tickingClock(start = Date.parse('2025-01-01T00:00:00.000Z')): () => Date {
  let t = start
  return () => new Date((t += 1000))
}

function makeRun(launchId: string, index: number): Run {
  return {
    id: `${launchId}-r${String(index).padStart(3, '0')}`,
    experiment: 'mnist',
    index,
    seed: 1000 + index,
    params: {lr: 0.001 * (index + 1), epochs: 3, amp: true},
    overrides: {},
    point: {},
    resources: {gpus: 1, memory: '16G'},
    command: ['python', 'train.py'],
    argsStyle: 'container-main',
    image: 'ghcr.io/octo/mnist:abc123',
    output: `mnist/runs/${String(index).padStart(3, '0')}`,
    outputs: [],
    env: [],
    backend: 'local',
  }
}

function makePlan(launchId: string, runs: number): Plan {
  return {launchId, experiment: 'mnist', runs: Array.from({length: runs}, (_, i) => makeRun(launchId, i))}
}

/** The shortest way from CREATED to every state, found in the table itself. */
function pathsFromCreated(): Map<RunState, RunState[]> {
  const paths = new Map<RunState, RunState[]>([['CREATED', []]])
  const queue: RunState[] = ['CREATED']
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of TRANSITIONS[s]) {
      if (paths.has(next)) continue
      paths.set(next, [...paths.get(s)!, next])
      queue.push(next)
    }
  }
  return paths
}
const PATHS = pathsFromCreated()

describe('the lifecycle table', () => {
  // written out in full so that any change to the table is a deliberate change to this test
  const EXPECTED = `
    CREATED>QUEUED CREATED>STARTING CREATED>CANCELLED CREATED>ERROR CREATED>DELETED
    QUEUED>STARTING QUEUED>RUNNING QUEUED>PAUSED QUEUED>STOPPING QUEUED>SUCCEEDED QUEUED>FAILED
    QUEUED>CANCELLED QUEUED>ERROR
    STARTING>RUNNING STARTING>ERROR STARTING>FAILED STARTING>CANCELLED STARTING>STOPPING
    RUNNING>QUEUED RUNNING>PAUSED RUNNING>STOPPING RUNNING>SUCCEEDED RUNNING>FAILED RUNNING>ERROR RUNNING>CANCELLED
    PAUSED>RUNNING PAUSED>STOPPING PAUSED>CANCELLED PAUSED>ERROR
    STOPPING>STOPPED STOPPING>CANCELLED STOPPING>FAILED STOPPING>ERROR STOPPING>SUCCEEDED
    STOPPED>STARTING STOPPED>DELETED
    ERROR>STARTING ERROR>QUEUED ERROR>DELETED
    SUCCEEDED>DELETED FAILED>DELETED CANCELLED>DELETED`
    .trim()
    .split(/\s+/)

  test('has exactly the designed edges', () => {
    expect(legalTransitions().map(([a, b]) => `${a}>${b}`)).toEqual(EXPECTED)
  })

  test('canTransition agrees with the table on all 144 pairs', () => {
    for (const from of RUN_STATES)
      for (const to of RUN_STATES)
        expect(canTransition(from, to), `${from}>${to}`).toBe(EXPECTED.includes(`${from}>${to}`))
  })

  test('every state is reachable from CREATED', () => {
    expect([...PATHS.keys()].sort()).toEqual([...RUN_STATES].sort())
  })

  test.each([
    ['SUCCEEDED', true],
    ['FAILED', true],
    ['CANCELLED', true],
    ['CREATED', false],
    ['RUNNING', false],
    ['STOPPED', false],
    ['ERROR', false],
    ['DELETED', false],
  ] as const)('[%#] isTerminal(%s) is %s', (state, terminal) => {
    expect(isTerminal(state)).toBe(terminal)
  })
})

describe('Ledger', () => {
  let ledger: Ledger
  let n = 0
  const fresh = (runs = 1): Plan => {
    const plan = makePlan(`L${String(++n).padStart(4, '0')}`, runs)
    ledger.createLaunch(plan, {backend: 'local'})
    return plan
  }
  const runIn = (state: RunState): string => {
    const id = fresh().runs[0]!.id
    for (const s of PATHS.get(state)!) ledger.transition(id, s)
    return id
  }

  beforeEach(() => {
    ledger = Ledger.open(join(dir, `unit-${++n}`, 'nested', 'ledger.db'), {now: tickingClock()})
  })
  afterEach(() => {
    ledger.close()
  })

  test.each(legalTransitions())('[%#] legal %s -> %s is applied and recorded', (from, to) => {
    const id = runIn(from)
    const before = ledger.events(id).length
    ledger.transition(id, to, {reason: `to ${to}`})
    expect(ledger.getRun(id)?.state).toBe(to)
    const events = ledger.events(id)
    expect(events).toHaveLength(before + 1)
    expect(events.at(-1)).toMatchObject({runId: id, from, to, detail: {reason: `to ${to}`}})
  })

  test.each([
    ['CREATED', 'RUNNING'],
    ['CREATED', 'SUCCEEDED'],
    ['CREATED', 'CREATED'],
    ['STARTING', 'STARTING'],
    ['STARTING', 'PAUSED'],
    ['RUNNING', 'CREATED'],
    ['RUNNING', 'STOPPED'],
    ['RUNNING', 'DELETED'],
    ['PAUSED', 'SUCCEEDED'],
    ['STOPPING', 'RUNNING'],
    ['STOPPED', 'RUNNING'],
    ['ERROR', 'RUNNING'],
    ['SUCCEEDED', 'RUNNING'],
    ['FAILED', 'STARTING'],
    ['CANCELLED', 'FAILED'],
    ['DELETED', 'STARTING'],
    ['DELETED', 'DELETED'],
  ] as const)('[%#] illegal %s -> %s is refused and changes nothing', (from, to) => {
    const id = runIn(from)
    const row = ledger.getRun(id)
    const events = ledger.events(id)
    let error: unknown
    try {
      ledger.transition(id, to, {exitCode: 9, reason: 'nope', handle: 'job-9'})
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(IllegalTransitionError)
    expect(error).toBeInstanceOf(TrainerError)
    expect(error).toMatchObject({runId: id, from, to, message: `run ${id}: illegal transition ${from} -> ${to}`})
    expect(ledger.getRun(id)).toEqual(row)
    expect(ledger.events(id)).toEqual(events)
  })

  test('the error hint lists where the run may go', () => {
    const id = runIn('STOPPED')
    expect(() => ledger.transition(id, 'RUNNING')).toThrow(
      expect.objectContaining({hint: 'from STOPPED a run may move to STARTING, DELETED'}),
    )
  })

  test('an unknown run is a NotFoundError', () => {
    expect(() => ledger.transition('nope', 'STARTING')).toThrow(NotFoundError)
    expect(ledger.getRun('nope')).toBeUndefined()
  })

  test('createLaunch records the plan, its runs in CREATED and a creation event each', () => {
    const plan = makePlan('launch-a', 3)
    expect(ledger.createLaunch(plan, {backend: 'slurm', config: {partition: 'gpu'}})).toBe(true)
    expect(ledger.getLaunch('launch-a')).toEqual({
      id: 'launch-a',
      experiment: 'mnist',
      backend: 'slurm',
      createdAt: '2025-01-01T00:00:01.000Z',
      finishedAt: undefined,
      status: 'ACTIVE',
      plan,
      config: {partition: 'gpu'},
      backendConfig: undefined,
      github: undefined,
    })
    expect(ledger.listRuns('launch-a')).toEqual(
      plan.runs.map(r => ({
        id: r.id,
        launchId: 'launch-a',
        experiment: 'mnist',
        index: r.index,
        seed: r.seed,
        state: 'CREATED',
        params: r.params,
        resources: r.resources,
        image: r.image,
        output: r.output,
        backend: 'local',
        handle: undefined,
        exitCode: undefined,
        reason: undefined,
        createdAt: '2025-01-01T00:00:01.000Z',
        startedAt: undefined,
        endedAt: undefined,
        metrics: {},
        resultUrl: undefined,
        attempt: 1,
        nativeState: undefined,
        links: {},
        polledAt: undefined,
        submittedAt: undefined,
        imageDigest: undefined,
      })),
    )
    expect(ledger.events(plan.runs[2]!.id)).toEqual([
      {
        id: expect.any(Number) as number,
        runId: plan.runs[2]!.id,
        at: '2025-01-01T00:00:01.000Z',
        from: undefined,
        to: 'CREATED',
        detail: undefined,
      },
    ])
  })

  test('createLaunch is idempotent: a second call neither duplicates nor resets runs', () => {
    const plan = makePlan('launch-b', 2)
    ledger.createLaunch(plan, {backend: 'local'})
    ledger.transition(plan.runs[0]!.id, 'STARTING', {handle: 'pid-1'})
    const runs = ledger.listRuns('launch-b')
    const events = plan.runs.map(r => ledger.events(r.id))

    expect(ledger.createLaunch(plan, {backend: 'local'})).toBe(false)
    expect(ledger.listRuns('launch-b')).toEqual(runs)
    expect(plan.runs.map(r => ledger.events(r.id))).toEqual(events)
    expect(ledger.listLaunches()).toHaveLength(1)

    // a different plan under the same id is refused, inside the write transaction: nothing changes
    const grown = makePlan('launch-b', 3)
    expect(() => ledger.createLaunch(grown, {backend: 'local'})).toThrow(/already recorded with a different plan/)
    expect(ledger.listRuns('launch-b').map(r => [r.id, r.state])).toEqual([
      ['launch-b-r000', 'STARTING'],
      ['launch-b-r001', 'CREATED'],
    ])
  })

  test('createLaunch refuses a launch id or run id that belongs to something else, all or nothing', () => {
    ledger.createLaunch(makePlan('launch-c', 1), {backend: 'local'})
    expect(() => ledger.createLaunch({...makePlan('launch-c', 1), experiment: 'cifar'}, {backend: 'local'})).toThrow(
      LedgerError,
    )
    // launch-d's second run reuses launch-c's run id: nothing of launch-d may be left behind
    const clash: Plan = {...makePlan('launch-d', 1), runs: [makeRun('launch-d', 0), makeRun('launch-c', 0)]}
    expect(() => ledger.createLaunch(clash, {backend: 'local'})).toThrow(
      'run launch-c-r000: already recorded for launch launch-c, not launch-d',
    )
    expect(ledger.getLaunch('launch-d')).toBeUndefined()
    expect(ledger.getRun('launch-d-r000')).toBeUndefined()
  })

  test('transition stores the fields, startedAt on the first RUNNING and endedAt on the outcome', () => {
    const id = fresh().runs[0]!.id // the clock read 1 for the launch
    ledger.transition(id, 'STARTING', {handle: 'slurm-42'}) // 2
    ledger.transition(id, 'RUNNING') // 3
    ledger.transition(id, 'PAUSED') // 4
    ledger.transition(id, 'RUNNING') // 5: a resume keeps the first start
    ledger.transition(id, 'SUCCEEDED', {exitCode: 0, metrics: {acc: 0.98}, resultUrl: 'results/mnist/000'}) // 6
    expect(ledger.getRun(id)).toMatchObject({
      state: 'SUCCEEDED',
      handle: 'slurm-42',
      exitCode: 0,
      metrics: {acc: 0.98},
      resultUrl: 'results/mnist/000',
      startedAt: '2025-01-01T00:00:03.000Z',
      endedAt: '2025-01-01T00:00:06.000Z',
    })
    expect(ledger.events(id).map(e => [e.at.slice(17, 19), e.from, e.to, e.detail])).toEqual([
      ['01', undefined, 'CREATED', undefined],
      ['02', 'CREATED', 'STARTING', {handle: 'slurm-42'}],
      ['03', 'STARTING', 'RUNNING', undefined],
      ['04', 'RUNNING', 'PAUSED', undefined],
      ['05', 'PAUSED', 'RUNNING', undefined],
      ['06', 'RUNNING', 'SUCCEEDED', {exitCode: 0, metrics: {acc: 0.98}, resultUrl: 'results/mnist/000'}],
    ])
  })

  test('launchSummary counts runs per state and finishLaunch derives the status', () => {
    const plan = fresh(5)
    const [a, b, c, d] = plan.runs.map(r => r.id)
    for (const id of [a!, b!, c!, d!]) ledger.transition(id, 'STARTING')
    ledger.transition(a!, 'RUNNING')
    ledger.transition(a!, 'SUCCEEDED')
    ledger.transition(b!, 'RUNNING')
    ledger.transition(c!, 'FAILED', {exitCode: 1, reason: 'OOM'})

    const summary = ledger.launchSummary(plan.launchId)
    expect(summary.total).toBe(5)
    expect(Object.entries(summary.states).filter(([, k]) => k > 0)).toEqual([
      ['CREATED', 1],
      ['STARTING', 1],
      ['RUNNING', 1],
      ['SUCCEEDED', 1],
      ['FAILED', 1],
    ])
    expect(Object.keys(summary.states)).toEqual([...RUN_STATES])

    expect(ledger.finishLaunch(plan.launchId)).toBe('ACTIVE')
    expect(ledger.getLaunch(plan.launchId)?.finishedAt).toBeUndefined()

    ledger.transition(plan.runs[4]!.id, 'CANCELLED')
    ledger.transition(b!, 'SUCCEEDED')
    ledger.transition(d!, 'CANCELLED')
    expect(ledger.finishLaunch(plan.launchId)).toBe('FAILED')
    expect(ledger.getLaunch(plan.launchId)).toMatchObject({status: 'FAILED', finishedAt: expect.any(String) as string})
    expect(() => ledger.finishLaunch('nope')).toThrow(NotFoundError)
  })

  test('launches list newest first; latestLaunch is the newest', () => {
    expect(ledger.latestLaunch()).toBeUndefined()
    const ids = [fresh(0), fresh(0), fresh(0)].map(p => p.launchId)
    expect(ledger.listLaunches().map(l => l.id)).toEqual([...ids].reverse())
    expect(ledger.listLaunches(2).map(l => l.id)).toEqual([ids[2], ids[1]])
    expect(ledger.latestLaunch()?.id).toBe(ids[2])
  })

  test(':memory: works', () => {
    const mem = Ledger.open(':memory:')
    mem.createLaunch(makePlan('m', 1), {backend: 'local'})
    expect(mem.listRuns('m')).toHaveLength(1)
    mem.close()
  })
})

test.each<[Partial<Record<RunState, number>>, LaunchStatus]>([
  [{SUCCEEDED: 3}, 'SUCCEEDED'],
  [{SUCCEEDED: 2, DELETED: 1}, 'SUCCEEDED'],
  [{SUCCEEDED: 2, CREATED: 1}, 'ACTIVE'],
  [{SUCCEEDED: 2, PAUSED: 1}, 'ACTIVE'],
  [{FAILED: 1, STOPPING: 1}, 'ACTIVE'],
  [{SUCCEEDED: 2, FAILED: 1}, 'FAILED'],
  [{SUCCEEDED: 2, ERROR: 1}, 'FAILED'],
  [{CANCELLED: 1, FAILED: 1}, 'FAILED'],
  [{SUCCEEDED: 2, CANCELLED: 1}, 'CANCELLED'],
  [{SUCCEEDED: 2, STOPPED: 1}, 'CANCELLED'],
  [{DELETED: 2}, 'CANCELLED'],
  [{}, 'CANCELLED'],
])('[%#] launchStatus(%o) is %s', (counts, status) => {
  const states = Object.fromEntries(RUN_STATES.map(s => [s, counts[s] ?? 0])) as Record<RunState, number>
  expect(launchStatus(states)).toBe(status)
})

describe('the ledger file', () => {
  test('is WAL, versioned, and shows the same data after reopening', () => {
    const file = join(dir, 'reopen', 'ledger.db')
    const first = Ledger.open(file, {now: tickingClock()})
    const plan = makePlan('launch-r', 2)
    first.createLaunch(plan, {backend: 'vertex', config: {region: 'europe-west4'}})
    first.transition(plan.runs[1]!.id, 'STARTING', {handle: 'projects/p/jobs/1'})
    const snapshot = {
      launch: first.getLaunch('launch-r'),
      runs: first.listRuns('launch-r'),
      events: first.events(plan.runs[1]!.id),
    }
    first.close()

    const raw = new DatabaseSync(file, {readOnly: true})
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({journal_mode: 'wal'})
    expect(raw.prepare('PRAGMA user_version').get()).toEqual({user_version: SCHEMA_VERSION})
    raw.close()

    const second = Ledger.open(file)
    expect({
      launch: second.getLaunch('launch-r'),
      runs: second.listRuns('launch-r'),
      events: second.events(plan.runs[1]!.id),
    }).toEqual(snapshot)
    expect(second.latestLaunch()?.id).toBe('launch-r')
    second.close()
  })

  test('a version 1 ledger (before the backend seam) is migrated: its rows keep their values, its handles still read', () => {
    const file = join(dir, 'v1.db')
    const raw = new DatabaseSync(file)
    raw.exec(MIGRATIONS[0]!)
    raw.exec('PRAGMA user_version = 1')
    raw.exec(`INSERT INTO launches (id, experiment, backend, created_at, status, plan_json, config_json)
      VALUES ('old', 'mnist', 'local', '2026-11-01T00:00:00.000Z', 'ACTIVE', '{"launchId":"old","experiment":"mnist","runs":[]}', '{"resultsRoot":"/r"}')`)
    raw.exec(`INSERT INTO runs (id, launch_id, experiment, run_index, seed, state, params_json, resources_json, output,
      backend, handle, created_at) VALUES ('old.000', 'old', 'mnist', 0, 1, 'RUNNING', '{}', '{}', 'mnist/runs/000',
      'local', 'local:4242:99@box#4026531836#b00t', '2026-11-01T00:00:00.000Z')`)
    raw.close()
    // read-only, it is not migrated: it says so
    expect(() => Ledger.open(file, {readOnly: true})).toThrow(/ledger schema version 1, this trainer reads 2/)
    const l = Ledger.open(file)
    expect(l.getRun('old.000')).toMatchObject({
      state: 'RUNNING',
      attempt: 1,
      handle: 'local:4242:99@box#4026531836#b00t',
      nativeState: undefined,
      links: {},
    })
    expect(parseHandle(l.getRun('old.000')!.handle)).toEqual({
      v: 1,
      kind: 'local',
      attempt: 1,
      native: {pid: 4242, start: '99', host: 'box', ns: '4026531836', boot: 'b00t'},
    })
    expect(l.getLaunch('old')).toMatchObject({config: {resultsRoot: '/r'}, backendConfig: undefined, github: undefined})
    // the new columns work on the old rows
    expect(l.observe('old.000', 'RUNNING', {nativeState: 'RUNNING', reason: 'on node 3'})).toBe(true)
    expect(l.getRun('old.000')).toMatchObject({
      nativeState: 'RUNNING',
      reason: 'on node 3',
      polledAt: expect.any(String) as string,
    })
    l.close()
    const again = new DatabaseSync(file, {readOnly: true})
    expect(again.prepare('PRAGMA user_version').get()).toEqual({user_version: 2})
    again.close()
  })

  test('written by a newer schema is refused, not migrated', () => {
    const file = join(dir, 'newer.db')
    const raw = new DatabaseSync(file)
    raw.exec('PRAGMA user_version = 99')
    raw.close()
    expect(() => Ledger.open(file)).toThrow(
      expect.objectContaining({
        constructor: LedgerError,
        message: `${file}: ledger schema version 99 is newer than this trainer's (${SCHEMA_VERSION})`,
      }),
    )
  })
})

describe('the SQLite ExperimentalWarning filter', () => {
  test('drops exactly that warning and lets the others through', () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    withoutSqliteWarning(() => {
      process.emitWarning(SQLITE_WARNING, 'ExperimentalWarning')
      process.emitWarning(SQLITE_WARNING, {type: 'ExperimentalWarning'})
      process.emitWarning('WASI is an experimental feature and might change at any time', 'ExperimentalWarning')
      process.emitWarning(SQLITE_WARNING, 'DeprecationWarning')
    })
    expect(emitted.mock.calls).toEqual([
      ['WASI is an experimental feature and might change at any time', 'ExperimentalWarning'],
      [SQLITE_WARNING, 'DeprecationWarning'],
    ])
    // and the original is back in place afterwards
    expect(Object.getOwnPropertyDescriptor(process, 'emitWarning')?.value).toBe(emitted)
  })
})

// Runs in a child node: loads the real Ledger from src/ through Node's type stripping, with a
// resolve hook that maps our `./x.js` specifiers to the `./x.ts` files beside them. It reads a
// start time on stdin, then goes for run k at start + 2k ms, the same instant as its sibling, so
// every run is a real race; it prints how many transitions it won and lost.
const CHILD = `
import {registerHooks} from 'node:module'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {createInterface} from 'node:readline'
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL)
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context)
    }
    return next(specifier, context)
  },
})
const [ledgerUrl, errorsUrl, file, ids] = process.argv.slice(2)
const {Ledger} = await import(ledgerUrl)
const {IllegalTransitionError} = await import(errorsUrl)
const ledger = Ledger.open(file, {busyTimeoutMs: 10000})
process.stdout.write('ready\\n')
let start = 0
for await (const line of createInterface({input: process.stdin})) if ((start = Number(line))) break
let won = 0, lost = 0
for (const [k, id] of ids.split(',').entries()) {
  // both children go for run k at the same instant, so every run is a real race
  while (performance.timeOrigin + performance.now() < start + 2 * k);
  try {
    ledger.transition(id, 'STARTING', {handle: 'pid-' + process.pid})
    won++
  } catch (e) {
    if (!(e instanceof IllegalTransitionError)) throw e
    lost++
  }
}
ledger.close()
process.stdout.write(JSON.stringify({won, lost}) + '\\n')
`

interface Child {
  ready: Promise<void>
  done: Promise<{code: number | null; stdout: string; stderr: string}>
  go(at: number): void
}

function startChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, [script, ...args], {stdio: ['pipe', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  let markReady: () => void = () => undefined
  const ready = new Promise<void>(r => (markReady = r))
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
    if (stdout.includes('ready\n')) markReady()
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const done = new Promise<{code: number | null; stdout: string; stderr: string}>(r =>
    child.on('close', code => {
      markReady()
      r({code, stdout, stderr})
    }),
  )
  return {ready, done, go: at => child.stdin.end(`${at}\n`)}
}

test('two processes racing the same 50 runs: each run starts exactly once', async () => {
  const file = join(dir, 'race', 'ledger.db')
  const ledger = Ledger.open(file)
  const plan = makePlan('race', 50)
  ledger.createLaunch(plan, {backend: 'local'})

  const script = join(dir, 'race-child.mjs')
  writeFileSync(script, CHILD)
  const src = new URL('../../../src/ledger/', import.meta.url)
  expect(existsSync(new URL('ledger.ts', src))).toBe(true)
  const args = [
    new URL('ledger.ts', src).href,
    new URL('errors.ts', src).href,
    file,
    plan.runs.map(r => r.id).join(','),
  ]
  const children = [startChild(script, args), startChild(script, args)]
  await Promise.all(children.map(c => c.ready))
  const at = Date.now() + 50
  for (const c of children) c.go(at)
  const results = await Promise.all(children.map(c => c.done))

  for (const r of results) {
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('') // no ExperimentalWarning or anything else on stderr
  }
  const tallies = results.map(r => JSON.parse(r.stdout.split('\n').at(-2)!) as {won: number; lost: number})
  expect(tallies.reduce((n, t) => n + t.won, 0)).toBe(50)
  expect(tallies.reduce((n, t) => n + t.lost, 0)).toBe(50)
  for (const run of ledger.listRuns('race')) {
    expect(run.state).toBe('STARTING')
    const starts = ledger.events(run.id).filter(e => e.to === 'STARTING')
    expect(starts).toHaveLength(1)
    expect(starts[0]!.detail).toEqual({handle: run.handle})
  }
  ledger.close()
})
