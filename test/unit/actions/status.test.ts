// `trainer cancel LAUNCH` (src/actions/status.ts) against a real ledger file, real processes
// and real run directories: queued runs are cancelled, running ones signalled only when the
// handle can be verified, and runs whose launcher is gone settled from what they left on disk.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, onTestFinished, test} from 'vitest'
import {cancel} from '../../../src/actions/status.js'
import {localHandle} from '../../../src/backends/local/process.js'
import {encodeHandle} from '../../../src/backends/types.js'
import type {LaunchRecord} from '../../../src/backends/reconcile.js'
import {parseConfig} from '../../../src/config/parse.js'
import {ConfigError, NotFoundError} from '../../../src/kit/errors.js'
import {identify, type ProcessIdentity} from '../../../src/kit/proc.js'
import {Ledger} from '../../../src/ledger/ledger.js'
import type {RunState} from '../../../src/ledger/states.js'
import {buildPlan} from '../../../src/plan/plan.js'
import type {RunMetricsContract} from '../../../src/runner/contract.js'
import {RecordingIO} from '../../helpers/recording-io.js'
import {tempDir} from '../../helpers/temp-dir.js'
import {runMetrics} from '../../helpers/metrics.js'

/**
 * A process that says `ready`, prints `TERM` for each SIGTERM (and stays), and prints `WINCH`
 * and exits on SIGWINCH. SIGWINCH (28) is delivered after a pending SIGTERM (15), so the
 * output after a WINCH shows every TERM that was sent before it.
 */
const SCRIPT = `process.on('SIGTERM', () => console.log('TERM'))
process.on('SIGWINCH', () => { console.log('WINCH'); process.exit(0) })
setInterval(() => {}, 1 << 30)
console.log('ready')`

interface Child {
  proc: ChildProcess
  identity: ProcessIdentity
  /** Resolves once stdout has shown `text`. */
  waitFor: (text: string) => Promise<void>
  /** Everything it printed, once it has exited. */
  exited: Promise<string>
}

async function child(): Promise<Child> {
  const proc = spawn(process.execPath, ['-e', SCRIPT], {stdio: ['ignore', 'pipe', 'inherit']})
  onTestFinished(() => void proc.kill('SIGKILL'))
  let out = ''
  const waiters: (() => void)[] = []
  proc.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s
    for (const w of waiters.splice(0)) w()
  })
  const exited = new Promise<string>(r => proc.once('close', () => r(out)))
  const waitFor = (text: string): Promise<void> =>
    new Promise<void>(function check(res) {
      if (out.includes(text)) res()
      else waiters.push(() => check(res))
    })
  await waitFor('ready')
  return {proc, identity: identify(proc.pid!), waitFor, exited}
}

/** The identity of a process that has ended (as a ledger holds it for a run or launcher that died). */
async function deadProcess(): Promise<ProcessIdentity> {
  const c = await child()
  c.proc.kill('SIGKILL')
  await c.exited
  return c.identity
}

/** A results root, and a valid metrics.json in a run directory. */
function metricsJson(root: string, output: string, m: Partial<RunMetricsContract> = {}): void {
  const full = runMetrics({run_index: 1, final: {loss: 0.25}, history: [{loss: 0.5}, {loss: 0.25}], ...m})
  mkdirSync(join(root, output), {recursive: true})
  writeFileSync(join(root, output, 'metrics.json'), JSON.stringify(full))
}

/** How each run of the launch stands before the cancel. */
type Given = {state: 'CREATED'} | {state: Exclude<RunState, 'CREATED'>; handle?: string}

/** How a run gets to the state it is given in (the handle is recorded with RUNNING). */
const PATHS: Partial<Record<RunState, RunState[]>> = {
  STARTING: ['STARTING'],
  RUNNING: ['STARTING', 'RUNNING'],
  PAUSED: ['STARTING', 'RUNNING', 'PAUSED'],
}

/** A workspace with a ledger holding launch L: one run per entry of `runs`, moved to its state. */
function launch(runs: Given[], launcher: ProcessIdentity | undefined) {
  const ws = tempDir('cancel-')
  const resultsRoot = join(ws, 'results')
  const cfg = parseConfig(`experiments:\n  e:\n    command: [x]\n    runs: ${runs.length}\n`, 'trainer.yml')
  const plan = buildPlan(cfg, {experiment: 'e', launchId: 'L'})
  const ledger = Ledger.open(join(ws, 'ledger.db'))
  onTestFinished(() => ledger.close())
  const record: LaunchRecord = {resultsRoot, ...(launcher ? {launcher} : {})}
  ledger.createLaunch(plan, {backend: 'local', config: record})
  runs.forEach((g, i) => {
    if (g.state === 'CREATED') return
    const path = PATHS[g.state] ?? ['STARTING', 'RUNNING', g.state]
    for (const s of path) ledger.transition(plan.runs[i]!.id, s, s === 'RUNNING' && g.handle ? {handle: g.handle} : {})
  })
  const io = new RecordingIO({ledger: 'ledger.db', id: 'L'}, ws)
  const run = async () => {
    try {
      return await cancel(io)
    } finally {
      await io.close()
    }
  }
  return {ws, resultsRoot, plan, ledger, io, run, ids: plan.runs.map(r => r.id)}
}

describe('cancel, its launcher gone', () => {
  test('queued runs are cancelled; a run whose process died goes to STOPPING, then is settled from its metrics.json', async () => {
    const [gone, launcher] = await Promise.all([deadProcess(), deadProcess()])
    const l = launch(
      [{state: 'CREATED'}, {state: 'RUNNING', handle: encodeHandle(localHandle(gone))}, {state: 'SUCCEEDED'}],
      launcher,
    )
    metricsJson(l.resultsRoot, l.plan.runs[1]!.output, {final: {loss: 0.25, acc: 0.9}})

    expect(await l.run()).toEqual({launch: 'L', cancelled: 1, stopping: 1})

    const [queued, died, done] = l.ids.map(id => l.ledger.getRun(id)!)
    expect(queued).toMatchObject({state: 'CANCELLED', reason: 'cancelled'})
    expect(died).toMatchObject({
      state: 'SUCCEEDED',
      exitCode: 0,
      metrics: {loss: 0.25, acc: 0.9},
      resultUrl: join(l.resultsRoot, 'e/runs/001'),
      reason: 'cancelled; it had already ended',
    })
    expect(l.ledger.events(died!.id).map(e => e.to)).toEqual([
      'CREATED',
      'STARTING',
      'RUNNING',
      'STOPPING',
      'SUCCEEDED',
    ])
    expect(done?.state).toBe('SUCCEEDED')
    // every run is final: the launch is finished
    expect(l.ledger.getLaunch('L')).toMatchObject({status: 'CANCELLED', finishedAt: expect.any(String) as string})
    expect(l.io.lines).toEqual([
      {level: 'info', message: 'L.001: STOPPING -> SUCCEEDED', where: undefined},
      {level: 'info', message: 'launch L: 1 runs moved, 0 still under way', where: undefined},
    ])
  })

  test.each<[string, Given | 'dead', Partial<RunMetricsContract> | undefined, RunState, string | undefined]>([
    [
      'process died, metrics.json says failed',
      'dead',
      {status: 'failed', exit_code: 1, reason: 'OOM'},
      'FAILED',
      'OOM',
    ],
    [
      'process died, metrics.json says interrupted',
      'dead',
      {status: 'interrupted', exit_code: 130},
      'CANCELLED',
      undefined,
    ],
    [
      'process died, no metrics.json',
      'dead',
      undefined,
      'FAILED',
      'its launcher (pid LAUNCHER) is gone and the run left no result (no metrics.json)',
    ],
    [
      'still starting (no handle), no metrics.json',
      {state: 'STARTING'},
      undefined,
      'FAILED',
      'its launcher (pid LAUNCHER) is gone and the run left no result (no metrics.json)',
    ],
    [
      'paused, process died, metrics.json succeeded',
      {state: 'PAUSED'},
      {},
      'SUCCEEDED',
      'cancelled; it had already ended',
    ],
  ])('[%#] a run whose %s ends %s', async (_what, given, metrics, state, reason) => {
    const [gone, launcher] = await Promise.all([deadProcess(), deadProcess()])
    const g: Given =
      given === 'dead'
        ? {state: 'RUNNING', handle: encodeHandle(localHandle(gone))}
        : given.state === 'PAUSED'
          ? {state: 'PAUSED', handle: encodeHandle(localHandle(gone))}
          : given
    const l = launch([g], launcher)
    if (metrics) metricsJson(l.resultsRoot, l.plan.runs[0]!.output, metrics)
    expect(await l.run()).toEqual({launch: 'L', cancelled: 0, stopping: 1})
    const r = l.ledger.getRun(l.ids[0]!)
    expect(r?.state).toBe(state)
    expect(r?.reason).toBe(reason?.replace('LAUNCHER', String(launcher.pid)) ?? 'cancelled; it had already ended')
    expect(l.ledger.getLaunch('L')?.finishedAt).toEqual(expect.any(String))
  })

  test('an old-format handle (local:<pid>) cannot be verified: the process is not signalled, the run is left', async () => {
    const [live, launcher] = await Promise.all([child(), deadProcess()])
    const handle = `local:${live.proc.pid}`
    const l = launch([{state: 'RUNNING', handle}, {state: 'CREATED'}], launcher)

    expect(await l.run()).toEqual({launch: 'L', cancelled: 1, stopping: 0})

    expect(l.io.warnings()).toEqual([
      {
        level: 'warning',
        message: `run L.000: it cannot be checked from here (${handle}): not stopped`,
        where: undefined,
      },
    ])
    expect(l.ledger.getRun('L.000')).toMatchObject({state: 'RUNNING', handle})
    expect(l.ledger.getRun('L.001')?.state).toBe('CANCELLED')
    expect(l.ledger.getLaunch('L')).toMatchObject({status: 'ACTIVE', finishedAt: undefined})
    // no SIGTERM reached it: the probe signal is the first thing it saw
    live.proc.kill('SIGWINCH')
    expect(await live.exited).toBe('ready\nWINCH\n')
  })

  test('a run whose process still runs gets SIGTERM and stays STOPPING (its grace period)', async () => {
    const [live, launcher] = await Promise.all([child(), deadProcess()])
    const l = launch([{state: 'RUNNING', handle: encodeHandle(localHandle(live.identity))}], launcher)

    expect(await l.run()).toEqual({launch: 'L', cancelled: 0, stopping: 1})

    await live.waitFor('TERM')
    expect(l.ledger.getRun('L.000')).toMatchObject({state: 'STOPPING', reason: 'cancelled'})
    expect(l.ledger.getLaunch('L')?.status).toBe('ACTIVE')
    expect(l.io.lines.map(x => x.message)).toEqual(['launch L: 0 runs moved, 1 still under way'])
  })
})

describe('cancel, its launcher running', () => {
  test('queued runs are cancelled and a dead run moves to STOPPING, but settling is left to the launcher', async () => {
    const [launcher, gone] = await Promise.all([child(), deadProcess()])
    const l = launch(
      [{state: 'CREATED'}, {state: 'RUNNING', handle: encodeHandle(localHandle(gone))}],
      launcher.identity,
    )
    metricsJson(l.resultsRoot, l.plan.runs[1]!.output)

    expect(await l.run()).toEqual({launch: 'L', cancelled: 1, stopping: 1})

    expect(l.ids.map(id => l.ledger.getRun(id)?.state)).toEqual(['CANCELLED', 'STOPPING'])
    expect(l.io.lines.map(x => x.message)).toEqual(['launch L: its launcher is running; it records its runs itself'])
    // the launcher was never signalled
    launcher.proc.kill('SIGWINCH')
    expect(await launcher.exited).toBe('ready\nWINCH\n')
  })
})

test('a run whose handle this backend cannot read is left, with a warning, and the others are cancelled', async () => {
  const l = launch([{state: 'RUNNING', handle: 'slurm:42'}, {state: 'CREATED'}], undefined)
  expect(await l.run()).toEqual({launch: 'L', cancelled: 1, stopping: 0})
  expect(l.io.warnings().map(w => w.message)).toEqual([
    'run L.000: it cannot be checked from here (slurm:42): not stopped',
  ])
  expect(l.ids.map(id => l.ledger.getRun(id)?.state)).toEqual(['RUNNING', 'CANCELLED'])
})

describe('cancel, its inputs', () => {
  test('no launch id: a ConfigError naming the input', async () => {
    const l = launch([{state: 'CREATED'}], undefined)
    l.io.inputs.id = ''
    await expect(l.run()).rejects.toSatisfy(
      e => e instanceof ConfigError && e.message === 'Input required and not supplied: id',
    )
    expect(l.ledger.getRun('L.000')?.state).toBe('CREATED')
  })

  test('a launch that is not in the ledger: NotFoundError listing recent ones', async () => {
    const l = launch([{state: 'CREATED'}], undefined)
    l.io.inputs.id = 'M'
    await expect(l.run()).rejects.toSatisfy(
      e => e instanceof NotFoundError && e.message === "no launch 'M' in the ledger; recent: L",
    )
  })
})
