import {EventEmitter} from 'node:events'
import {tmpdir} from 'node:os'
import {describe, expect, test} from 'vitest'
import {bytes, demux} from '../../../src/backends/local-docker/executor.js'
import {runPool, seconds, type Executor, type Started} from '../../../src/backends/pool.js'
import {parseHandle} from '../../../src/backends/types.js'
import {parseConfig} from '../../../src/config/parse.js'
import {Ledger} from '../../../src/ledger/ledger.js'
import {buildPlan} from '../../../src/plan/plan.js'
import {tempDir} from '../../helpers/temp-dir.js'

test.each([
  ['90m', 5400],
  ['30s', 30],
  ['2h', 7200],
  ['1d', 86400],
  ['02:00:00', 7200],
  ['1-00:00:00', 86400],
  ['10:30', 37800],
  [undefined, undefined],
  ['soon', undefined],
])('[%#] seconds(%s) = %s', (t, s) => {
  expect(seconds(t)).toBe(s)
})

test.each([
  ['512M', 512 * 2 ** 20],
  ['16G', 16 * 2 ** 30],
  ['1.5Gi', 1.5 * 2 ** 30],
  ['64k', 64 * 1024],
  ['lots', undefined],
])('[%#] bytes(%s) = %s', (t, n) => {
  expect(bytes(t)).toBe(n)
})

test('demux splits the engine log frames', () => {
  const frame = (stream: number, text: string): Buffer => {
    const h = Buffer.alloc(8)
    h[0] = stream
    h.writeUInt32BE(Buffer.byteLength(text), 4)
    return Buffer.concat([h, Buffer.from(text)])
  }
  expect(demux(Buffer.concat([frame(2, 'error: a\n'), frame(1, 'out\n')]))).toBe('error: a\nout\n')
})

/**
 * An executor whose runs end when the test says, with the exit code it says. It logs every
 * start and end in order, and the test waits on its starts rather than on the clock.
 */
class FakeExecutor implements Executor {
  started: string[] = []
  stopped: string[] = []
  /** `start <id>` and `end <id>`, in the order they happened. */
  log: string[] = []
  private ends = new Map<string, (r: {code: number | null; signal: NodeJS.Signals | null}) => void>()
  private waiters: {n: number; resolve: () => void}[] = []
  start(req: Parameters<Executor['start']>[0]): Promise<Started> {
    const id = req.run.id
    this.started.push(id)
    this.log.push(`start ${id}`)
    const done = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(r => this.ends.set(id, r))
    for (const w of this.waiters.filter(w => this.started.length >= w.n)) {
      this.waiters.splice(this.waiters.indexOf(w), 1)
      w.resolve()
    }
    return Promise.resolve({
      handle: {v: 1, kind: 'local', attempt: 1, native: {fake: id}},
      done,
      stop: () => {
        this.stopped.push(id)
        if (this.ends.has(id)) this.end(id, 130)
      },
      tail: () => ['last line'],
    })
  }
  /** Resolves once `n` runs have been started. */
  untilStarted(n: number): Promise<void> {
    return this.started.length >= n ? Promise.resolve() : new Promise(resolve => this.waiters.push({n, resolve}))
  }
  end(id: string, code: number): void {
    const end = this.ends.get(id)
    if (!end) throw new Error(`${id} is not running`)
    this.ends.delete(id)
    this.log.push(`end ${id}`)
    end({code, signal: null})
  }
}

describe('runPool', () => {
  const cfg = parseConfig('experiments:\n  e:\n    command: [x]\n    runs: 4\n', 'trainer.yml')

  test('runs N at a time and records each outcome from the exit code', async () => {
    const plan = buildPlan(cfg, {experiment: 'e', launchId: 'P'})
    const ledger = Ledger.open(':memory:')
    ledger.createLaunch(plan, {backend: 'fake'})
    const ex = new FakeExecutor()
    const pool = runPool({
      plan,
      ledger,
      resultsRoot: tempDir('pool-'),
      parallel: 2,
      executor: ex,
      signals: new EventEmitter(),
      progress: () => undefined,
    })
    await ex.untilStarted(2)
    ex.end('P.000', 0)
    await ex.untilStarted(3)
    ex.end('P.001', 1)
    ex.end('P.002', 130)
    await ex.untilStarted(4)
    ex.end('P.003', 0)
    await pool
    // never more than two at a time: each start after the second waited for an end
    expect(ex.log).toEqual([
      'start P.000',
      'start P.001',
      'end P.000',
      'start P.002',
      'end P.001',
      'end P.002',
      'start P.003',
      'end P.003',
    ])
    expect(ledger.listRuns('P').map(r => [r.state, r.exitCode, parseHandle(r.handle)?.native.fake])).toEqual([
      ['SUCCEEDED', 0, 'P.000'],
      ['FAILED', 1, 'P.001'],
      ['CANCELLED', 130, 'P.002'],
      ['SUCCEEDED', 0, 'P.003'],
    ])
    expect(ledger.getRun('P.001')?.reason).toBe('last line (no metrics.json)')
    expect(ledger.finishLaunch('P')).toBe('FAILED')
  })

  test('a signal cancels queued runs and stops running ones', async () => {
    const plan = buildPlan(cfg, {experiment: 'e', launchId: 'Q'})
    const ledger = Ledger.open(':memory:')
    ledger.createLaunch(plan, {backend: 'fake'})
    const ex = new FakeExecutor()
    const signals = new EventEmitter()
    const pool = runPool({
      plan,
      ledger,
      resultsRoot: tempDir('pool-'),
      parallel: 1,
      executor: ex,
      signals,
      progress: () => undefined,
    })
    await ex.untilStarted(1)
    signals.emit('SIGINT')
    await pool
    expect(ex.stopped).toEqual(['Q.000'])
    expect(ledger.listRuns('Q').map(r => r.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(signals.listenerCount('SIGINT')).toBe(0)
  })

  test('an executor that cannot start a run leaves it in ERROR with the reason', async () => {
    const plan = buildPlan(cfg, {experiment: 'e', launchId: 'R', maxRuns: 4})
    const ledger = Ledger.open(':memory:')
    ledger.createLaunch(plan, {backend: 'fake'})
    const broken: Executor = {start: () => Promise.reject(new Error('no such image'))}
    await runPool({
      plan,
      ledger,
      resultsRoot: tmpdir(),
      parallel: 2,
      executor: broken,
      signals: new EventEmitter(),
      progress: () => undefined,
    })
    expect(ledger.listRuns('R').map(r => [r.state, r.reason])).toEqual(
      Array(4).fill(['ERROR', 'cannot start: no such image']),
    )
  })
})
