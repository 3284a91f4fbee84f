/**
 * Attacks on the local-docker backend (issue 7 review): a run in a container must not reach
 * its siblings' results, since the host reads them back as the truth.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {Ledger} from '../../src/ledger/ledger.js'
import {requireInfra} from '../helpers/infra.js'
import {nodeImage} from '../helpers/node-image.js'
import {start, workspace} from '../helpers/workspace.js'

const infra = await requireInfra('local-docker attacks (Docker engine)')

// run 001 tries to overwrite run 000's metrics.json with a forged result, then lists what it sees
const FORGE = `
const fs = require('fs'); const i = process.env.TRAINER_RUN_INDEX
console.log('sees: ' + fs.readdirSync('/results/forge/runs').join(','))
const forged = {version: 1, experiment: 'forge', run_index: 0, seed: 1, params: {}, tag: null, status: 'succeeded',
  exit_code: 0, reason: null, started_at: 'a', ended_at: 'b', duration_s: 1, final: {acc: 0.999}, history: []}
if (i === '1') for (let n = 0; n < 50; n++) { try { fs.mkdirSync('/results/forge/runs/000', {recursive: true}); fs.writeFileSync('/results/forge/runs/000/metrics.json', JSON.stringify(forged)) } catch (e) { console.log('refused: ' + e.code) } }
console.log('TRAINER_METRIC ' + JSON.stringify({acc: 0.42}))
`

const YML = `
experiments:
  forge:
    command: [node, -e, ${JSON.stringify(FORGE)}]
    backend: local-docker
    args-style: env
    runs: 2
`

describe.skipIf(!infra)('local-docker: each run sees only its own results', () => {
  let image = ''
  beforeAll(async () => {
    image = await nodeImage(infra!.DOCKER_HOST)
  })

  test("a run cannot forge a sibling's metrics.json", async () => {
    const ws = workspace(YML)
    const r = await start('cli', ['launch', 'exp=forge', '--image', image, '--launch-id', 'F', '-j', '1'], {
      cwd: ws,
      env: {DOCKER_HOST: infra!.DOCKER_HOST, TRAINER_DOCKER_NETWORK: 'none'},
    }).done
    expect(r.code, r.stderr).toBe(0)
    const l = Ledger.open(join(ws, '.trainer/ledger.db'))
    expect(l.listRuns('F').map(x => x.metrics)).toEqual([{acc: 0.42}, {acc: 0.42}])
    l.close()
    const seen = readFileSync(join(ws, 'results/F/forge/runs/001/logs.txt'), 'utf8')
    expect(seen).toContain('sees: 001')
    expect(seen).not.toContain('000,001')
  })
})
