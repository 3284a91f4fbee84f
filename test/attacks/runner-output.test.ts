// Issue 7, findings 3, 4 and 5: what a training can do to the runner through its output and
// its processes. Huge lines are cut, memory stays bounded however slowly our stdout is read,
// the training dies with its runner, and a grandchild holding the pipes cannot keep it alive.
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, test} from 'vitest'
import {CRASH_PRELOAD, HOSTILE, MiB, attack, gone, killQuietly, launch} from './runner-harness.js'

/** The memory bound a runner keeps, whatever the training prints (VmHWM). */
const PEAK_MIB = 200

const pidIn = (dir: string, file: string): number | undefined => {
  try {
    return Number(readFileSync(join(dir, file), 'utf8'))
  } catch {
    return undefined
  }
}

describe('runner: long lines (issue 7, finding 3)', () => {
  test('[3] a 600 MiB line is cut and marked; the run goes on in bounded memory', async () => {
    const r = await attack({command: [process.execPath, HOSTILE, 'line', String(600 * MiB)], killAfterMs: 90_000})
    expect(r.code, r.stderr.slice(-2000)).toBe(0)
    expect(r.stdout).toMatch(/x{1000}… \[cut: \d+ bytes\]\n/)
    expect(r.stdout).toContain('after the long line')
    expect(r.stdoutBytes).toBeLessThan(MiB)
    const logs = readFileSync(join(r.runDir, 'logs.txt'), 'utf8')
    expect(logs).toContain('after the long line')
    expect(statSync(join(r.runDir, 'logs.txt')).size).toBeLessThan(MiB)
    expect(r.peakMiB).toBeLessThan(PEAK_MIB)
  })
})

describe('runner: the training dies with its runner (issue 7, finding 3)', () => {
  test.each(['exception', 'rejection'])('[3] an uncaught %s in the runner kills the training', async kind => {
    const a = launch({
      command: [process.execPath, HOSTILE, 'sleep', '20000'],
      env: {NODE_OPTIONS: `--import=${pathToFileURL(CRASH_PRELOAD).href}`, CRASH_KIND: kind, CRASH_AFTER_MS: '1500'},
    })
    await a.waitFor('sleeping')
    const pid = pidIn(a.runDir, 'training.pid')
    try {
      const r = await a.result
      expect(r.code).not.toBe(0)
      expect(r.stderr).toContain('injected')
      expect(await gone(pid!, 2000)).toBe(true)
    } finally {
      killQuietly(pid)
    }
  })

  test('[3] SIGKILL of the runner kills the training (its watchdog sees the runner go)', async () => {
    const a = launch({command: [process.execPath, HOSTILE, 'sleep', '20000']})
    await a.waitFor('sleeping')
    const pid = pidIn(a.runDir, 'training.pid')
    try {
      a.child.kill('SIGKILL')
      await a.result
      expect(await gone(pid!, 3000)).toBe(true)
    } finally {
      killQuietly(pid)
    }
  })
})

describe('runner: backpressure (issue 7, finding 4)', () => {
  test('[4] 100 MB of lines to a slow reader: memory stays bounded, nothing is lost', async () => {
    const r = await attack({
      command: [process.execPath, HOSTILE, 'flood', String(100e6)],
      readBytesPerSec: 25e6,
      killAfterMs: 90_000,
    })
    expect(r.code, r.stderr.slice(-2000)).toBe(0)
    expect(r.stdoutBytes).toBeGreaterThanOrEqual(100e6)
    expect(r.stdout).toContain('flood done')
    expect(statSync(join(r.runDir, 'logs.txt')).size).toBeGreaterThanOrEqual(100e6)
    expect(r.peakMiB).toBeLessThan(PEAK_MIB)
  })

  test('[4] one 100 MB line to a slow reader: memory stays bounded', async () => {
    const r = await attack({
      command: [process.execPath, HOSTILE, 'line', String(100e6)],
      readBytesPerSec: 5e6,
      killAfterMs: 90_000,
    })
    expect(r.code, r.stderr.slice(-2000)).toBe(0)
    expect(r.stdout).toContain('after the long line')
    expect(r.peakMiB).toBeLessThan(PEAK_MIB)
  })
})

describe('runner: the end of a run (issue 7, finding 5)', () => {
  const holder = 'setsid sleep 25 & echo $! > "$TRAINER_RUN_DIR/holder.pid"; sleep 0.3; echo started'

  test('[5] a detached grandchild holding stdout does not keep the runner', async () => {
    const a = launch({command: ['sh', '-c', `${holder}; exit 0`], killAfterMs: 20_000})
    await a.waitFor('started')
    const t0 = performance.now()
    const r = await a.result
    killQuietly(pidIn(a.runDir, 'holder.pid'))
    expect(r.killed).toBe(false)
    expect(r.code, r.stderr).toBe(0)
    expect(performance.now() - t0).toBeLessThan(5000)
  })

  test('[5] RUN_TIMEOUT_SEC bounds the whole run, even with the pipes held', async () => {
    const a = launch({
      command: ['sh', '-c', `trap '' TERM; ${holder}; sleep 25`],
      args: ['--grace-period', '1'],
      env: {RUN_TIMEOUT_SEC: '1'},
      killAfterMs: 20_000,
    })
    const r = await a.result
    killQuietly(pidIn(a.runDir, 'holder.pid'))
    expect(r.killed).toBe(false)
    expect(r.code, r.stderr).toBe(130)
    expect(r.ms).toBeLessThan(7000)
    const m = JSON.parse(readFileSync(join(a.runDir, 'metrics.json'), 'utf8')) as {status: string}
    expect(m.status).toBe('timeout')
  })

  test('[5] around a trivial training the runner ends at once (no drain timer left running)', async () => {
    const r = await attack({command: ['true']})
    expect(r.code, r.stderr).toBe(0)
    expect(r.ms).toBeLessThan(1000)
  })
})
