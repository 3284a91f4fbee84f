/**
 * Attacks on the launcher, the ledger and the verbs that read run directories (issue 7:
 * findings 7, 8, 9, 12, 13, 20, 21, 22, 23). Each test reproduces the attack against the
 * committed CLI bundle and real processes, signals, files and SQLite.
 */
import {execFileSync, spawn} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {readRunMetrics} from '../../src/backends/outcome.js'
import {runMetrics} from '../helpers/metrics.js'
import {Ledger} from '../../src/ledger/ledger.js'
import {startTime} from '../../src/kit/proc.js'
import {readInside} from '../../src/kit/safe-fs.js'
import {ROOT, start, workspace} from '../helpers/workspace.js'

const HOSTILE = join(ROOT, 'test/fixtures/training/launcher-attacks.mjs')

const YML = `
experiments:
  nap:
    command: [$NODE, ${HOSTILE}]
    params: {mode: sleep, secs: 1}
    runs: 3
  long:
    command: [$NODE, ${HOSTILE}]
    params: {mode: sleep, secs: 30}
    runs: 2
  env:
    command: [$NODE, ${HOSTILE}]
    params: {mode: env}
    env: [WANDB_API_KEY, MYCO_*]
  plant:
    command: [$NODE, ${HOSTILE}]
    params: {mode: symlink, target: SECRET_FILE}
  text:
    command: [$NODE, ${HOSTILE}]
    params: {mode: env, name: x, lr: 0.1}
`

const cli = (args: string[], ws: string, env: Record<string, string> = {}) => start('cli', args, {cwd: ws, env})
const ledgerOf = (ws: string): Ledger => Ledger.open(join(ws, '.trainer/ledger.db'))
const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** Polls until `fn` is true (or fails the test after `ms`). */
async function until(what: string, fn: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

const alive = (pid: number): boolean => startTime(pid) !== undefined

/** The pid of a run's `trainer run` process, from its ledger handle (`local:<pid>:…`). */
function runnerPid(ws: string, run: string): number {
  const l = ledgerOf(ws)
  try {
    return Number(/^local:(\d+)/.exec(l.getRun(run)?.handle ?? '')?.[1])
  } finally {
    l.close()
  }
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) {
    try {
      c()
    } catch {
      // best effort
    }
  }
})

/**
 * Launches `nap` one run at a time as `id`, kills the launcher with -9 while its first run
 * runs, and waits until that orphaned run has ended on its own, unrecorded.
 */
async function orphanFirstRun(id: string): Promise<string> {
  const ws = workspace(YML)
  const p = cli(['launch', 'exp=nap', '--launch-id', id, '-j', '1'], ws)
  await p.waitFor(`${id}.000 RUNNING`)
  p.child.kill('SIGKILL')
  await p.done
  await until(`${id}.000 metrics.json`, () => existsSync(join(ws, `results/${id}/nap/runs/000/metrics.json`)))
  await until(`${id}.000 to end`, () => !alive(runnerPid(ws, `${id}.000`)))
  return ws
}

describe('finding 7: a launcher killed with -9 leaves the ledger recoverable, and cancel never kills a stranger', () => {
  test('status --refresh settles the runs of a dead launcher from what they left on disk', async () => {
    const ws = await orphanFirstRun('K1')
    const before = ledgerOf(ws)
    expect(before.getRun('K1.000')?.state).toBe('RUNNING')
    before.close()

    const st = await cli(['status', 'K1', '--refresh'], ws).done
    expect(st.code, st.stderr).toBe(0)
    const l = ledgerOf(ws)
    expect(l.listRuns('K1').map(r => [r.id, r.state])).toEqual([
      ['K1.000', 'SUCCEEDED'],
      ['K1.001', 'CANCELLED'],
      ['K1.002', 'CANCELLED'],
    ])
    expect(l.getRun('K1.000')?.metrics).toEqual({loss: 0.5})
    expect(l.getRun('K1.001')?.reason).toMatch(/never started: its launcher \(pid \d+\) is gone/)
    expect(l.getLaunch('K1')?.status).toBe('CANCELLED')
    l.close()
  })

  test('the same launch id again takes the launch over: settles what ran, runs what never started', async () => {
    const ws = await orphanFirstRun('K2')
    const again = await cli(['launch', 'exp=nap', '--launch-id', 'K2', '-j', '2'], ws).done
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain('launch K2: SUCCEEDED')
    const l = ledgerOf(ws)
    expect(l.listRuns('K2').map(r => r.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
    // the first run ran once, by the first launcher
    expect(l.events('K2.000').map(e => e.to)).toEqual(['CREATED', 'STARTING', 'RUNNING', 'SUCCEEDED'])
    l.close()
  })

  test('cancel after kill -9 stops the orphaned runs, and they end CANCELLED rather than STOPPING for ever', async () => {
    const ws = workspace(YML)
    const p = cli(['launch', 'exp=long', '--launch-id', 'K3', '-j', '2', '--grace-period', '2'], ws)
    await p.waitFor('K3.001 RUNNING')
    p.child.kill('SIGKILL')
    await p.done
    const l = ledgerOf(ws)
    const pids = l.listRuns('K3').map(r => (JSON.parse(r.handle ?? '{}') as {native?: {pid?: number}}).native?.pid ?? 0)
    cleanups.push(() => pids.forEach(pid => process.kill(pid, 'SIGKILL')))
    expect(pids.every(alive)).toBe(true)

    const c = await cli(['cancel', 'K3'], ws).done
    expect(c.code, c.stderr).toBe(0)
    await until('the runners to stop', () => !pids.some(alive))
    await until('status --refresh to settle K3', () => {
      execFileSync(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'status', 'K3', '--refresh'], {
        cwd: ws,
        stdio: 'ignore',
      })
      return l.listRuns('K3').every(r => r.state === 'CANCELLED')
    })
    expect(l.getLaunch('K3')?.status).toBe('CANCELLED')
    l.close()
  })

  test.each([
    ['a handle of an older release (pid only)', (pid: number) => `local:${pid}`],
    ['a pid reused by another process (start time differs)', (pid: number) => `local:${pid}:1@${hostname()}`],
  ])('[%#] cancel does not signal a stranger behind %s', async (_, handle) => {
    const ws = workspace(YML)
    const plan = JSON.parse((await cli(['plan', 'exp=nap', '--launch-id', 'K4', '--json'], ws).done).stdout) as {
      launchId: string
      experiment: string
      runs: {id: string}[]
    }
    const stranger = spawn('sleep', ['30'], {stdio: 'ignore'})
    cleanups.push(() => stranger.kill('SIGKILL'))
    const l = ledgerOf(ws)
    l.createLaunch(plan as never, {backend: 'local', config: {resultsRoot: join(ws, 'results/K4')}})
    l.transition('K4.000', 'STARTING')
    l.transition('K4.000', 'RUNNING', {handle: handle(stranger.pid!)})
    const c = await cli(['cancel', 'K4'], ws).done
    expect(c.code, c.stderr).toBe(0)
    await sleep(300)
    expect(stranger.exitCode).toBe(null)
    expect(stranger.signalCode).toBe(null)
    l.close()
  })
})

function hostname(): string {
  return execFileSync('hostname', {encoding: 'utf8'}).trim()
}

describe('finding 8: symlinks planted in a run directory are not followed by the CLI', () => {
  test('trainer logs refuses a logs.txt that the training turned into a symlink to a host file', async () => {
    const ws = workspace(YML)
    const secret = join(ws, 'host-secret.txt')
    writeFileSync(secret, 'HOST-SECRET-CONTENT\n')
    writeFileSync(join(ws, 'trainer.yml'), readFileSync(join(ws, 'trainer.yml'), 'utf8').replace('SECRET_FILE', secret))
    const r = await cli(['launch', 'exp=plant', '--launch-id', 'S1'], ws).done
    expect(r.code, r.stderr).toBe(0)
    const logs = await cli(['logs', 'S1.000'], ws).done
    expect(logs.stdout + logs.stderr).not.toContain('HOST-SECRET-CONTENT')
    expect(logs.code).not.toBe(0)
    expect(logs.stderr).toMatch(/symlink: refused/)
  })

  test('a FIFO planted as logs.txt does not hang trainer logs', async () => {
    const ws = workspace(YML)
    const r = await cli(['launch', 'exp=nap', '--launch-id', 'S2', '-j', '3', 'secs=0'], ws).done
    expect(r.code, r.stderr).toBe(0)
    const log = join(ws, 'results/S2/nap/runs/000/logs.txt')
    execFileSync('rm', [log])
    execFileSync('mkfifo', [log])
    const t0 = Date.now()
    const logs = await cli(['logs', 'S2.000'], ws).done
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(logs.code).not.toBe(0)
    expect(logs.stderr).toMatch(/not a regular file/)
  })
})

describe('finding 9: a ledger locked by another process does not turn success into ERROR', () => {
  test('a run that exits 0 while another process holds BEGIN IMMEDIATE for 9 s is recorded SUCCEEDED', async () => {
    const ws = workspace(YML)
    const p = cli(['launch', 'exp=nap', '--launch-id', 'B1', 'secs=1', '--max-runs', '3', '-j', '3'], ws)
    await p.waitFor('B1.002 RUNNING')
    // a second process takes the write lock and sits on it past the runs' end
    const locker = spawn(
      process.execPath,
      [
        '-e',
        `const {DatabaseSync} = require('node:sqlite'); const db = new DatabaseSync(${JSON.stringify(join(ws, '.trainer/ledger.db'))});
         db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close() }, 9000)`,
      ],
      {stdio: ['ignore', 'pipe', 'inherit']},
    )
    cleanups.push(() => locker.kill('SIGKILL'))
    await new Promise<void>(r => locker.stdout.once('data', () => r()))
    const r = await p.done
    expect(r.code, r.stderr).toBe(0)
    const l = ledgerOf(ws)
    expect(l.listRuns('B1').map(x => x.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
    l.close()
  })
})

describe('finding 12: leftover metrics are not trusted', () => {
  test('non-numeric final values in the ledger do not crash trainer status', async () => {
    const ws = workspace(YML)
    const r = await cli(['launch', 'exp=nap', '--launch-id', 'M1', 'secs=0'], ws).done
    expect(r.code, r.stderr).toBe(0)
    // an older ledger row, or one written from a forged metrics.json
    execFileSync(process.execPath, [
      '-e',
      `const {DatabaseSync} = require('node:sqlite'); const db = new DatabaseSync(${JSON.stringify(join(ws, '.trainer/ledger.db'))});
       db.prepare("UPDATE runs SET metrics_json = ?, reason = 'forged' WHERE id = 'M1.000'").run(JSON.stringify({loss: 'x', acc: {a: 1}, ok: 0.5}))`,
    ])
    const st = await cli(['status', 'M1'], ws).done
    expect(st.code, st.stderr).toBe(0)
    expect(st.stdout).toMatch(/M1\.000\s+SUCCEEDED/)
  })
})

describe('finding 13: the local backend passes an allowlist of the environment, not all of it', () => {
  test('registry password, GitHub tokens and other variables never reach the training; named ones do', async () => {
    const ws = workspace(YML)
    const secrets = {
      TRAINER_REGISTRY_PASSWORD: 'reg-pass-123456',
      GITHUB_TOKEN: 'ghs_abcdefghijklmnop',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-xyz',
      AWS_SECRET_ACCESS_KEY: 'aws-secret-key',
    }
    const r = await cli(['launch', 'exp=env', '--launch-id', 'E1'], ws, {
      ...secrets,
      WANDB_API_KEY: 'wandb-key',
      MYCO_REGION: 'eu',
      LANG: 'C.UTF-8',
    }).done
    expect(r.code, r.stderr).toBe(0)
    const seen = JSON.parse(readFileSync(join(ws, 'results/E1/env/runs/000/env.json'), 'utf8')) as Record<
      string,
      string
    >
    for (const k of Object.keys(secrets)) expect(seen[k], k).toBeUndefined()
    expect(seen.WANDB_API_KEY).toBe('wandb-key')
    expect(seen.MYCO_REGION).toBe('eu')
    expect(seen.LANG).toBe('C.UTF-8')
    expect(seen.PATH).toBeDefined()
    const logs = readFileSync(join(ws, 'results/E1/env/runs/000/logs.txt'), 'utf8')
    for (const v of Object.values(secrets)) expect(logs).not.toContain(v)
  })
})

describe('findings 20 and 21: overrides and names are parsed strictly, bad ones exit 2 with a message', () => {
  test('a comma inside a value does not split it into two overrides', async () => {
    const ws = workspace(YML)
    const r = await cli(['plan', 'exp=text', 'name=a,lr=5', '--json'], ws).done
    expect(r.code, r.stderr).toBe(0)
    const plan = JSON.parse(r.stdout) as {runs: {params: Record<string, unknown>}[]}
    expect(plan.runs[0]?.params).toMatchObject({name: 'a,lr=5', lr: 0.1})
  })

  test('the same key twice is an error, not last-one-wins', async () => {
    const r = await cli(['plan', 'exp=text', 'lr=1', 'lr=2'], workspace(YML)).done
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('override lr is given twice')
  })

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '[%#] exp=%s is an unknown experiment, not a prototype property',
    async name => {
      const r = await cli(['plan', `exp=${name}`], workspace(YML)).done
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toContain(`unknown experiment '${name}'`)
      expect(r.stderr).not.toMatch(/TypeError|at .*\.js:\d+/)
    },
  )

  test('a NUL byte in a parameter value is a config error at its line, not a spawn crash', async () => {
    const ws = workspace(YML.replace('params: {mode: env, name: x, lr: 0.1}', 'params: {mode: env, name: "a\\0b"}'))
    const r = await cli(['launch', 'exp=text', '--launch-id', 'N1'], ws).done
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/trainer\.yml:\d+:\d+: .*NUL/)
    expect(r.stderr).not.toMatch(/TypeError|ERR_INVALID_ARG_VALUE/)
  })
})

describe('finding 22: one launch id, one plan', () => {
  test('the same launch id with another plan is refused, and the first plan is kept', async () => {
    const ws = workspace(YML)
    const first = await cli(['launch', 'exp=nap', 'secs=0', '--launch-id', 'D1', '--max-runs', '3'], ws).done
    expect(first.code, first.stderr).toBe(0)
    const second = await cli(['launch', 'exp=nap', 'secs=2', '--launch-id', 'D1'], ws).done
    expect(second.code).toBe(2)
    expect(second.stderr).toContain('already recorded with a different plan')
    const l = ledgerOf(ws)
    expect(l.getLaunch('D1')?.plan.runs[0]?.params.secs).toBe(0)
    l.close()
  })
})

describe('finding 23: a read-only ledger can be read', () => {
  test('status and logs work on a ledger on a read-only file system', async () => {
    const ws = workspace(YML)
    const r = await cli(['launch', 'exp=nap', 'secs=0', '--launch-id', 'R1'], ws).done
    expect(r.code, r.stderr).toBe(0)
    const dir = join(ws, '.trainer')
    execFileSync('mount', ['--bind', dir, dir])
    cleanups.push(() => execFileSync('umount', [dir]))
    execFileSync('mount', ['-o', 'remount,ro,bind', dir])
    expect(() => writeFileSync(join(dir, 'probe'), '')).toThrow(/EROFS/)
    const st = await cli(['status', 'R1'], ws).done
    expect(st.code, st.stderr).toBe(0)
    expect(st.stdout).toContain('launch R1 (nap, local): SUCCEEDED')
    const lg = await cli(['logs', 'R1.001'], ws).done
    expect(lg.code, lg.stderr).toBe(0)
  })
})

describe('findings 8 and 12: what the launcher reads back from a run directory is checked', () => {
  const metrics = runMetrics()
  const runDir = (): string => {
    const root = workspace('')
    mkdirSync(join(root, 'e/runs/000'), {recursive: true})
    return root
  }

  test("the training's own metrics.json, with a forged reason and non-numeric finals, is not taken", async () => {
    const root = runDir()
    writeFileSync(
      join(root, 'e/runs/000/metrics.json'),
      JSON.stringify({...metrics, status: 'failed', reason: 'forged', final: {acc: 'x'}}),
    )
    const r = await readRunMetrics(root, 'e/runs/000')
    expect(r.metrics).toBeUndefined()
    expect(r.problem).toMatch(/final\.acc/)
  })

  test('a metrics.json symlinked to a file outside the run directory is refused', async () => {
    const root = runDir()
    const outside = join(workspace(''), 'victim.json')
    writeFileSync(outside, JSON.stringify(metrics))
    symlinkSync(outside, join(root, 'e/runs/000/metrics.json'))
    expect((await readRunMetrics(root, 'e/runs/000')).problem).toMatch(/symlink: refused/)
  })

  test('a run directory replaced by a symlink is refused', async () => {
    const root = runDir()
    const elsewhere = workspace('')
    writeFileSync(join(elsewhere, 'metrics.json'), JSON.stringify(metrics))
    execFileSync('rm', ['-r', join(root, 'e/runs/000')])
    symlinkSync(elsewhere, join(root, 'e/runs/000'))
    expect((await readRunMetrics(root, 'e/runs/000')).problem).toMatch(/symlink: refused/)
  })

  test('a valid metrics.json is read', async () => {
    const root = runDir()
    writeFileSync(join(root, 'e/runs/000/metrics.json'), JSON.stringify(metrics))
    expect((await readRunMetrics(root, 'e/runs/000')).metrics?.final).toEqual({acc: 0.5})
  })
})

describe('review of the fixes: what a second attack found', () => {
  test('status --refresh from another pid namespace leaves a live launcher alone', async () => {
    const ws = workspace(YML)
    // the launcher runs in its own pid namespace, where its pid (and its runs') mean nothing outside
    const p = spawn(
      'unshare',
      [
        '-pf',
        '--mount-proc',
        process.execPath,
        join(ROOT, 'dist/cli/index.js'),
        'launch',
        'exp=long',
        '--launch-id',
        'NS',
        '-j',
        '1',
      ],
      {cwd: ws, env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ws}, stdio: 'ignore'},
    )
    cleanups.push(() => p.kill('SIGKILL'))
    await until('NS.000 to run', () => {
      if (!existsSync(join(ws, '.trainer/ledger.db'))) return false
      const l = ledgerOf(ws)
      try {
        return l.getRun('NS.000')?.state === 'RUNNING'
      } finally {
        l.close()
      }
    })
    const st = await cli(['status', 'NS', '--refresh'], ws).done
    expect(st.code, st.stderr).toBe(0)
    const l = ledgerOf(ws)
    expect(l.listRuns('NS').map(r => r.state)).toEqual(['RUNNING', 'CREATED'])
    l.close()
    p.kill('SIGTERM')
  })

  test.each([
    ['G*', /a prefix pattern \(NAME_\*\) needs at least 3 characters/],
    ['GITHUB_TOKEN', /is never passed to a run/],
    ['INPUT_*', /is never passed to a run/],
    ['ACTIONS_RUNTIME_TOKEN', /is never passed to a run/],
  ])('[%#] env: [%s] is refused in trainer.yml', async (name, msg) => {
    const ws = workspace(YML.replace('env: [WANDB_API_KEY, MYCO_*]', `env: [${name}]`))
    const r = await cli(['plan', 'exp=env'], ws).done
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/trainer\.yml:\d+:\d+: experiments\.env\.env\.0/)
    expect(r.stderr).toMatch(msg)
  })

  test('a pattern never matches the workflow credentials, and an action input never passes', async () => {
    const ws = workspace(YML.replace('env: [WANDB_API_KEY, MYCO_*]', 'env: [GITHUB_*, INPUT*, TRA*]'))
    const r = await cli(['launch', 'exp=env', '--launch-id', 'E2'], ws, {
      GITHUB_TOKEN: 'ghs_secret',
      GITHUB_SHA: 'abc123',
      TRAINER_REGISTRY_PASSWORD: 'reg-pass',
      'INPUT_GITHUB-TOKEN': 'ghs_input',
    }).done
    expect(r.code, r.stderr).toBe(0)
    const seen = JSON.parse(readFileSync(join(ws, 'results/E2/env/runs/000/env.json'), 'utf8')) as Record<
      string,
      string
    >
    expect(seen.GITHUB_SHA).toBe('abc123')
    expect(seen.GITHUB_TOKEN).toBeUndefined()
    expect(seen.TRAINER_REGISTRY_PASSWORD).toBeUndefined()
    expect(seen['INPUT_GITHUB-TOKEN']).toBeUndefined()
  })

  test('__proto__ as a parameter or sweep key is a config error at its line, not silently dropped', async () => {
    const ws = workspace(YML.replace('params: {mode: env, name: x, lr: 0.1}', 'params: {mode: env, __proto__: 1}'))
    const r = await cli(['plan', 'exp=text'], ws).done
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/trainer\.yml:\d+:\d+: experiments\.text\.params\.__proto__: '__proto__' cannot be a key/)
  })

  test.each([
    [
      ['plan', 'exp=text', 'batch-size=1', 'batch_size=2'],
      "override batch_size is given twice (as 'batch-size' and 'batch_size')",
    ],
    [['plan', 'exp=text', 'exp=nap'], 'the experiment is given twice'],
  ])('[%#] %j is refused, not last-one-wins', async (args, msg) => {
    const ws = workspace(YML.replace('params: {mode: env, name: x, lr: 0.1}', 'params: {mode: env, batch_size: 8}'))
    const r = await cli(args, ws).done
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(msg)
  })

  test('a metrics.json of millions of empty objects is refused before it is parsed', async () => {
    const root = workspace('')
    mkdirSync(join(root, 'e/runs/000'), {recursive: true})
    writeFileSync(join(root, 'e/runs/000/metrics.json'), `{"history": [${'{},'.repeat(3_000_000)}{}]}`)
    const before = process.memoryUsage().rss
    expect((await readRunMetrics(root, 'e/runs/000')).problem).toMatch(/over 400000 objects/)
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 2 ** 20)
  })

  test('a run directory swapped for a symlink while it is opened is refused, every time', async () => {
    const root = workspace('')
    const run = join(root, 'e/runs/000')
    mkdirSync(run, {recursive: true})
    writeFileSync(join(run, 'logs.txt'), 'the run\n')
    const host = workspace('')
    writeFileSync(join(host, 'logs.txt'), 'HOST FILE\n')
    // a racer flips the run directory between the real one and a symlink to the host directory
    const racer = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const [run, host] = process.argv.slice(1); const end = Date.now() + 3000
         while (Date.now() < end) { fs.renameSync(run, run + '.real'); fs.symlinkSync(host, run); fs.unlinkSync(run); fs.renameSync(run + '.real', run) }`,
        run,
        host,
      ],
      {stdio: 'ignore'},
    )
    cleanups.push(() => racer.kill('SIGKILL'))
    const racing = new Promise<void>(r => racer.once('exit', () => r()))
    let leaked = 0
    let read = 0
    for (const end = Date.now() + 2500; Date.now() < end;) {
      try {
        const r = await readInside(root, 'e/runs/000/logs.txt', {maxBytes: 1024})
        read++
        if (r.text.includes('HOST')) leaked++
      } catch {
        // refused, or caught mid-swap: either is fine
      }
    }
    await racing
    expect(leaked).toBe(0)
    expect(read).toBeGreaterThan(0)
  })
})
