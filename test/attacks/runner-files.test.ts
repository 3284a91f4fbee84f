// Issue 7, findings 8, 10, 11, 12, 19 and 21: the run directory is shared with the training,
// and the run spec comes from outside. Planted symlinks and FIFOs are refused, a full disk is
// reported, a bad file name loses only itself, the training's own metrics are not trusted, and
// a spec that leaves the results root or holds a NUL is a configuration error.
import {execFileSync, spawn} from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {RunMetricsSchema} from '../../src/runner/contract.js'
import {HOSTILE, attack} from './runner-harness.js'

const VICTIM_TEXT = '{"step": 1, "stolen": 42}\n'

/** A file outside the workspace that no run may write or read. */
function victim(): string {
  const f = join(mkdtempSync(join(tmpdir(), 'trainer-victim-')), 'victim.txt')
  writeFileSync(f, VICTIM_TEXT)
  return f
}

const metricsOf = (dir: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as Record<string, unknown>

const zipNames = (zip: string): string[] =>
  execFileSync(
    'python3',
    ['-c', 'import sys, zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))', zip],
    {encoding: 'utf8'},
  )
    .trim()
    .split('\n')

describe('runner: symlinks and FIFOs the training plants (issue 7, finding 8)', () => {
  test('[8] metrics.json and metrics.jsonl as symlinks: the victim is neither written nor read', async () => {
    const v = victim()
    const r = await attack({command: [process.execPath, HOSTILE, 'metrics-link', v]})
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(v, 'utf8')).toBe(VICTIM_TEXT)
    expect(lstatSync(join(r.runDir, 'metrics.json')).isFile()).toBe(true)
    const m = metricsOf(r.runDir)
    expect(m.final).toEqual({})
    expect(m.history).toEqual([])
    expect(r.stderr).toContain('metrics.jsonl')
  })

  test('[8] logs.txt swapped for a symlink all along (a sibling run, the training): the victim is not written', async () => {
    const v = victim()
    const ws = mkdtempSync(join(tmpdir(), 'trainer-atk-'))
    const run = join(ws, 'results/atk/runs/000')
    mkdirSync(run, {recursive: true})
    // another run's training, in the same results root, plants the link again and again
    const planter = spawn('sh', ['-c', `while :; do ln -sfn '${v}' logs.txt 2>/dev/null; done`], {
      cwd: run,
      stdio: 'ignore',
    })
    try {
      await new Promise(res => setTimeout(res, 200))
      const swap = `for i in $(seq 100); do ln -sfn '${v}' logs.txt; done; echo 'written through the link'`
      const r = await attack({cwd: ws, command: ['sh', '-c', `cd "$TRAINER_RUN_DIR" && ${swap}`]})
      // the runner either won the name (exit 0) or refused the planted one (exit 2)
      expect([0, 2], r.stderr).toContain(r.code)
    } finally {
      planter.kill('SIGKILL')
    }
    expect(readFileSync(v, 'utf8')).toBe(VICTIM_TEXT)
  })

  test('[8] a run directory planted as a symlink is refused', async () => {
    const v = victim()
    const ws = mkdtempSync(join(tmpdir(), 'trainer-atk-'))
    mkdirSync(join(ws, 'results/atk/runs'), {recursive: true})
    symlinkSync(join(v, '..'), join(ws, 'results/atk/runs/000'))
    const r = await attack({cwd: ws, command: ['true']})
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain('symlink')
    expect(readdirSync(join(v, '..'))).toEqual(['victim.txt'])
  })

  test('[8] FIFOs planted as metrics.json and metrics.jsonl do not block the runner', async () => {
    const r = await attack({command: [process.execPath, HOSTILE, 'fifo'], killAfterMs: 15_000})
    expect(r.killed).toBe(false)
    expect(r.code, r.stderr).toBe(0)
    expect(lstatSync(join(r.runDir, 'metrics.json')).isFile()).toBe(true)
  })

  test('[8] the archive name planted as a symlink: the victim is not overwritten', async () => {
    const v = victim()
    const r = await attack({
      command: [process.execPath, HOSTILE, 'zip-link', v],
      args: ['--archive', 'zip', '--allow-missing-upload'],
    })
    expect(r.code, r.stderr).toBe(0)
    expect(readFileSync(v, 'utf8')).toBe(VICTIM_TEXT)
    expect(lstatSync(`${r.runDir}.zip`).isFile()).toBe(true)
  })
})

/** A 2 MiB tmpfs (we are root in CI); undefined, with the reason printed, where mounting is refused. */
function tinyDisk(): {dir: string; release: () => void} | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'trainer-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], {stdio: 'pipe'})
  } catch (e: unknown) {
    const why = `cannot mount a tmpfs: ${(e as Error).message}`
    if (process.env.CI === 'true') throw new Error(why)
    console.warn(`SKIPPED disk-full attack: ${why}`)
    return undefined
  }
  return {dir, release: () => execFileSync('umount', ['-l', dir])}
}

describe('runner: a full disk (issue 7, finding 10)', () => {
  test('[10] ENOSPC writing metrics.json: no empty file, the cause reported, exit 3', async () => {
    const disk = tinyDisk()
    if (!disk) return
    try {
      const r = await attack({command: [process.execPath, HOSTILE, 'fill'], args: ['--results-root', disk.dir]})
      const run = join(disk.dir, 'atk/runs/000')
      expect(r.stdout).toContain('disk full: ENOSPC')
      expect(r.code, r.stderr).toBe(3)
      expect(r.stderr).toMatch(/metrics\.json.*ENOSPC|ENOSPC.*metrics\.json/)
      expect(existsSync(join(run, 'metrics.json'))).toBe(false)
      expect(readdirSync(run).filter(f => f.endsWith('.tmp'))).toEqual([])
    } finally {
      disk.release()
    }
  })
})

describe('runner: bad file names (issue 7, finding 11)', () => {
  test('[11] a non-UTF-8 name and a `..\\..\\` name are skipped with a warning; the rest is archived', async () => {
    const r = await attack({
      command: [process.execPath, HOSTILE, 'bad-names'],
      args: ['--archive', 'zip', '--allow-missing-upload'],
    })
    expect(r.code, r.stderr).toBe(0)
    expect(zipNames(`${r.runDir}.zip`)).toEqual([
      'checkpoints/',
      'good.txt',
      'logs.txt',
      'metrics.json',
      'sub/',
      'sub/ok.txt',
    ])
    expect(r.stderr).toContain('skipping')
    expect(r.stderr).toContain('not valid UTF-8')
    expect(r.stderr).toContain('..\\..\\evil.txt')
  })
})

describe('runner: leftover metrics (issue 7, finding 12)', () => {
  test("[12] the training's own metrics.json: only numeric finals are taken, bounded; never its status", async () => {
    const r = await attack({command: [process.execPath, HOSTILE, 'forge']})
    expect(r.code, r.stderr).toBe(1)
    const m = RunMetricsSchema.parse(metricsOf(r.runDir))
    expect(m).toMatchObject({status: 'failed', exit_code: 1, reason: 'training exited with code 1'})
    expect(m.final.loss).toBe(0.5)
    expect(m.final).not.toHaveProperty('acc')
    expect(m.final).not.toHaveProperty('nested')
    expect(Object.keys(m.final).length).toBeLessThanOrEqual(1000)
    expect(readFileSync(join(r.runDir, 'metrics.json')).length).toBeLessThan(1 << 20)
  })
})

describe('runner: the run spec (issue 7, findings 19 and 21)', () => {
  test('[19] TRAINER_RUN_SPEC.output leaving the results root: exit 2 naming the field', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'trainer-atk-'))
    const victimDir = `victim-${basename(ws)}`
    const r = await attack({cwd: ws, command: ['true'], spec: {output: `../../${victimDir}`}})
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain('TRAINER_RUN_SPEC.output')
    expect(existsSync(join(ws, '..', victimDir))).toBe(false)
  })

  test.each([
    [{params: {x: 'a\0b'}}, 'TRAINER_RUN_SPEC.params.x'],
    [{command: ['true', 'a\0b']}, 'TRAINER_RUN_SPEC.command.1'],
  ])('[21] [%#] a NUL in %j: exit 2 naming the field', async (spec, field) => {
    const r = await attack({command: ['true'], spec})
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toContain(field)
  })
})
