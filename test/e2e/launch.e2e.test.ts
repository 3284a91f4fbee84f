import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {Ledger} from '../../src/ledger/ledger.js'
import {start, workspace} from '../helpers/workspace.js'

const YML = `
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    seeds: [1, 2]
    sweep:
      lr: [0.1, 0.2]
  mixed:
    command: [$NODE, $TRAIN]
    params: {mode: ok}
    sweep:
      mode: [ok, fail]
  slow:
    command: [$NODE, $TRAIN]
    params: {mode: slow}
    runs: 4
`

const cli = (args: string[], ws: string) => start('cli', args, {cwd: ws})

function ledger(ws: string): Ledger {
  return Ledger.open(join(ws, '.trainer/ledger.db'))
}

describe('trainer launch --backend local (dist/cli)', () => {
  test('a sweep runs here, two at a time; the results table has mean and spread per point; status and logs', async () => {
    const ws = workspace(YML)
    const r = await cli(['launch', 'exp=sweep', '--launch-id', 'L1', '-j', '2'], ws).done
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/lr\s+ok\/runs\s+acc \(mean ± std\)\s+loss \(mean ± std\)/)
    expect(r.stdout).toMatch(/0\.1\s+2\/2\s+0\.9 ± 0\s+0\.2 ± 0/)
    expect(r.stdout).toContain('launch L1: SUCCEEDED')
    expect(r.stderr).toContain('L1.003 SUCCEEDED')
    const l = ledger(ws)
    expect(l.listRuns('L1').map(x => [x.id, x.state, x.exitCode, x.seed])).toEqual([
      ['L1.000', 'SUCCEEDED', 0, 1],
      ['L1.001', 'SUCCEEDED', 0, 2],
      ['L1.002', 'SUCCEEDED', 0, 1],
      ['L1.003', 'SUCCEEDED', 0, 2],
    ])
    expect(l.events('L1.000').map(e => e.to)).toEqual(['CREATED', 'STARTING', 'RUNNING', 'SUCCEEDED'])
    l.close()
    const st = await cli(['status'], ws).done
    expect(st.code, st.stderr).toBe(0)
    expect(st.stdout).toContain('launch L1 (sweep, local): SUCCEEDED')
    expect(st.stdout).toMatch(/L1\.002\s+SUCCEEDED\s+0\.2\s+1\s+0/) // the swept lr is a column
    const lg = await cli(['logs', 'L1.001'], ws).done
    expect(lg.stdout).toContain('done')
    const json = JSON.parse((await cli(['status', 'L1', '--json'], ws).done).stdout) as {runs: unknown[]}
    expect(json.runs).toHaveLength(4)
  })

  test('a failing run: the launch fails, the ledger keeps every true state, the failure is shown', async () => {
    const ws = workspace(YML)
    const r = await cli(['launch', 'exp=mixed', '--launch-id', 'M'], ws).done
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('launch M: FAILED')
    expect(r.stderr).toContain('Traceback: ValueError: bad shape (3, 4)')
    const l = ledger(ws)
    const runs = l.listRuns('M')
    expect(runs.map(x => [x.state, x.exitCode, x.reason ?? null])).toEqual([
      ['SUCCEEDED', 0, null],
      ['FAILED', 1, 'training exited with code 5'],
    ])
    l.close()
  })

  test('SIGINT to the launch: queued runs are cancelled, running ones stop gracefully; nothing finished is lost', async () => {
    const ws = workspace(YML)
    const p = cli(['launch', 'exp=slow', '--launch-id', 'S', '-j', '2'], ws)
    await p.waitFor('S.001 RUNNING')
    p.child.kill('SIGINT')
    const r = await p.done
    expect(r.code).toBe(130)
    const l = ledger(ws)
    const runs = l.listRuns('S')
    expect(runs.map(x => x.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(runs.slice(0, 2).map(x => x.exitCode)).toEqual([130, 130])
    expect(runs.slice(2).map(x => x.exitCode)).toEqual([undefined, undefined])
    expect(l.getLaunch('S')?.status).toBe('CANCELLED')
    l.close()
  })

  test('--detach: the launch id at once; a launcher of its own runs the launch; status follows it', async () => {
    const ws = workspace(YML)
    const p = cli(['launch', 'exp=sweep', '--launch-id', 'DT', '--detach', '-j', '2'], ws)
    const r = await p.done
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).toBe('DT')
    const l = ledger(ws)
    // the owner recorded is the detached launcher, not the command that returned
    const owner = (l.getLaunch('DT')?.config as {launcher?: {pid: number}}).launcher?.pid
    expect(owner).toBeGreaterThan(0)
    expect(owner).not.toBe(p.child.pid)
    let status = ''
    for (let i = 0; i < 100 && status !== 'SUCCEEDED'; i++) {
      await new Promise(res => setTimeout(res, 200))
      status = l.getLaunch('DT')?.status ?? ''
    }
    expect(status).toBe('SUCCEEDED')
    expect(l.listRuns('DT').map(x => x.state)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'])
    l.close()
    expect(readFileSync(join(ws, 'results/DT/launcher.log'), 'utf8')).toContain('launch DT: SUCCEEDED')
  })

  test('trainer cancel from another process stops a running launch', async () => {
    const ws = workspace(YML)
    const p = cli(['launch', 'exp=slow', '--launch-id', 'C', '-j', '1'], ws)
    await p.waitFor('C.000 RUNNING')
    const c = await cli(['cancel', 'C'], ws).done
    expect(c.code, c.stderr).toBe(0)
    expect(c.stdout).toContain('C: 3 cancelled, 1 stopping')
    const r = await p.done
    expect(r.code).toBe(130)
    const l = ledger(ws)
    expect(l.listRuns('C').map(x => x.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(l.events('C.000').map(e => e.to)).toEqual(['CREATED', 'STARTING', 'RUNNING', 'STOPPING', 'CANCELLED'])
    l.close()
  })

  test.each([
    [['launch', 'exp=swep'], 2, "unknown experiment 'swep' (did you mean 'sweep'?)"],
    [['launch', 'exp=sweep', 'lrr=1'], 2, "has no parameter 'lrr' (did you mean 'lr'?); valid: lr, mode"],
    [
      ['launch', 'exp=sweep', '--max-runs', '2'],
      2,
      "'sweep' expands to 4 runs (2 sweep points × 2 runs), over the limit of 2",
    ],
    [
      ['launch'],
      2,
      'no experiment given: name one with exp=NAME (the experiment input in a workflow); experiments: sweep, mixed, slow',
    ],
    [['launch', 'exp=sweep', '--results-root', '/proc/nope'], 2, 'results root /proc/nope/'],
    [['logs', 'nope.000'], 1, 'nothing has been launched here yet'],
  ])('[%#] bad input %j: one clear message, exit %i', async (args, code, msg) => {
    const ws = workspace(YML)
    const r = await cli(args, ws).done
    expect(r.code, r.stderr).toBe(code)
    expect(r.stderr).toContain(msg)
    // nothing half-made is left in the ledger: no launch stays ACTIVE
    expect(existsSync(join(ws, '.trainer/ledger.db'))).toBe(false)
  })

  test('two identical launches started together are two launches of their own', async () => {
    const ws = workspace(YML)
    const [a, b] = await Promise.all([cli(['launch', 'exp=sweep'], ws).done, cli(['launch', 'exp=sweep'], ws).done])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    const l = ledger(ws)
    const launches = l.listLaunches()
    expect(launches).toHaveLength(2)
    expect(launches.flatMap(x => l.listRuns(x.id).map(r => r.state))).toEqual(Array(8).fill('SUCCEEDED'))
    l.close()
  })

  test('a launch id is one plan: reusing it with other parameters is refused, the same plan skips what is done', async () => {
    const ws = workspace(YML)
    expect((await cli(['launch', 'exp=sweep', '--launch-id', 'R'], ws).done).code).toBe(0)
    const other = await cli(['launch', 'exp=sweep', 'lr=0.5', '--launch-id', 'R'], ws).done
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('launch R: already recorded with a different plan')
    const again = await cli(['launch', 'exp=sweep', '--launch-id', 'R'], ws).done
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).not.toContain('RUNNING') // every run was already done
    const l = ledger(ws)
    expect(l.events('R.000').map(e => e.to)).toEqual(['CREATED', 'STARTING', 'RUNNING', 'SUCCEEDED'])
    l.close()
  })

  test('trainer plan --json shows every combination without launching', async () => {
    const ws = workspace(YML)
    const r = await cli(['plan', 'exp=sweep', 'lr=0.3', '--launch-id', 'P', '--json'], ws).done
    expect(r.code, r.stderr).toBe(0)
    const plan = JSON.parse(r.stdout) as {runs: {id: string; params: {lr: number}; seed: number}[]}
    expect(plan.runs.map(x => [x.id, x.params.lr, x.seed])).toEqual([
      ['P.000', 0.3, 1],
      ['P.001', 0.3, 2],
    ])
  })
})
