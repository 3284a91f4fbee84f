import {join} from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {Ledger} from '../../src/ledger/ledger.js'
import type {RunMetrics} from '../../src/runner/metrics.js'
import {requireInfra} from '../helpers/infra.js'
import {nodeImage} from '../helpers/node-image.js'
import {readJson, start, workspace} from '../helpers/workspace.js'

const infra = await requireInfra('local-docker backend e2e (Docker engine)')

const YML = `
backends:
  direct:
    type: local-docker
    runner: direct
experiments:
  own:
    command: [node, /app/container-main.mjs]
    backend: direct
    params: {mode: ok, note: plain}
    runs: 2
  dock:
    command: [node, /app/train.mjs]
    backend: local-docker
    params: {mode: ok}
    resources: {cpus: 1, memory: 512M}
    sweep:
      mode: [ok, fail]
  slow:
    command: [node, /app/train.mjs]
    backend: local-docker
    params: {mode: slow}
    runs: 3
`

describe.skipIf(!infra)('trainer launch --backend local-docker: runs in containers on the local engine', () => {
  let image = ''
  beforeAll(async () => {
    image = await nodeImage(infra!.DOCKER_HOST)
  })
  const env = () => ({DOCKER_HOST: infra!.DOCKER_HOST, TRAINER_DOCKER_NETWORK: 'none'})

  test('each run is a container running trainer run: same layout, metrics and exit codes', async () => {
    const ws = workspace(YML)
    const r = await start('cli', ['launch', 'exp=dock', '--image', image, '--launch-id', 'D', '-j', '2'], {
      cwd: ws,
      env: env(),
    }).done
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toContain('launch D: FAILED')
    const l = Ledger.open(join(ws, '.trainer/ledger.db'))
    const runs = l.listRuns('D')
    expect(runs.map(x => [x.state, x.exitCode, x.reason ?? null])).toEqual([
      ['SUCCEEDED', 0, null],
      ['FAILED', 1, 'training exited with code 5'],
    ])
    expect(JSON.parse(runs[0]!.handle!)).toEqual({
      v: 1,
      kind: 'local-docker',
      attempt: 1,
      native: {container: expect.stringMatching(/^[0-9a-f]{64}$/) as string},
    })
    expect(runs[0]!.metrics).toEqual({loss: 0.2, acc: 0.9})
    l.close()
    const m = readJson<RunMetrics>(join(ws, 'results/D/dock/runs/000/metrics.json'))
    expect(m).toMatchObject({status: 'succeeded', experiment: 'dock', params: {mode: 'ok'}})
    const seen = readJson<{env: Record<string, string>}>(join(ws, 'results/D/dock/runs/000/seen.json'))
    expect(seen.env.TRAINER_RUN_DIR).toBe('/results/dock/runs/000')
  })

  test('SIGINT to the launch stops the containers gracefully; the ledger keeps the true states', async () => {
    const ws = workspace(YML)
    const p = start('cli', ['launch', 'exp=slow', '--image', image, '--launch-id', 'DS', '-j', '2'], {
      cwd: ws,
      env: env(),
    })
    await p.waitFor('DS.001 RUNNING', 60_000)
    await new Promise(r => setTimeout(r, 1500)) // the trainings are running inside
    p.child.kill('SIGINT')
    const r = await p.done
    expect(r.code, r.stderr).toBe(130)
    const l = Ledger.open(join(ws, '.trainer/ledger.db'))
    expect(l.listRuns('DS').map(x => [x.state, x.exitCode ?? null])).toEqual([
      ['CANCELLED', 130],
      ['CANCELLED', 130],
      ['CANCELLED', null],
    ])
    l.close()
    expect(readJson<RunMetrics>(join(ws, 'results/DS/slow/runs/000/metrics.json')).status).toBe('interrupted')
  })

  test('runner direct: the image implements seed 000 itself; no trainer run, no Node needed by the contract', async () => {
    const ws = workspace(YML)
    const r = await start('cli', ['launch', 'exp=own', 'note=$(id) `id`; x', '--image', image, '--launch-id', 'O'], {
      cwd: ws,
      env: env(),
    }).done
    expect(r.code, r.stderr).toBe(0)
    const seen = readJson<{argv: string[]}>(join(ws, 'results/O/own/runs/001/seen.json'))
    expect(seen.argv).toEqual([
      '--experiment',
      'own',
      '--run_index',
      '1',
      '--seed',
      expect.any(String) as string,
      '--override-mode',
      'ok',
      '--override-note',
      '$(id) `id`; x',
      '--results-root',
      '/results',
    ])
    const l = Ledger.open(join(ws, '.trainer/ledger.db'))
    expect(l.listRuns('O').map(x => [x.state, x.metrics])).toEqual([
      ['SUCCEEDED', {loss: 0.5}],
      ['SUCCEEDED', {loss: 0.25}],
    ])
    l.close()
  })

  test('an image that does not exist is an error for its runs, with a hint', async () => {
    const ws = workspace(YML)
    const r = await start(
      'cli',
      ['launch', 'exp=dock', '--image', 'trainer-test/no-such-image:1', '--launch-id', 'N'],
      {cwd: ws, env: env()},
    ).done
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/No such image[\s\S]*build it first: trainer build/)
    const l = Ledger.open(join(ws, '.trainer/ledger.db'))
    expect(l.listRuns('N').map(x => x.state)).toEqual(['ERROR', 'ERROR'])
    l.close()
  })
})
