import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {fallbackSeed} from '../../src/plan/resolve.js'
import type {RunMetrics} from '../../src/runner/metrics.js'
import {startServer} from '../helpers/http-server.js'
import {gone} from '../attacks/runner-harness.js'
import {readJson, start, workspace} from '../helpers/workspace.js'

const YML = `
experiments:
  exp:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, batch_size: 32, mode: ok, tag_name: base}
    seeds: [11, 22, 33]
  envstyle:
    command: [$NODE, $TRAIN]
    args-style: env
    params: {mode: ok, lr: 0.5}
  missing:
    command: [no-such-trainer-binary, --x]
  kept:
    command: [$NODE, $TRAIN]
    params: {mode: ok}
    outputs: ["checkpoints/*.pt"]
`

async function run(args: string[], env: Record<string, string> = {}, ws = workspace(YML)) {
  const p = start('run', args, {cwd: ws, env})
  const r = await p.done
  return {...r, ws, dir: (exp = 'exp', i = '000') => join(ws, 'results', exp, 'runs', i)}
}

interface Seen {
  argv: string[]
  env: Record<string, string>
}

describe('trainer run (dist/run): seed 000 parameter resolution, against a real training process', () => {
  test('defaults; the layout; metrics.json with final values and history; logs.txt', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0'])
    expect(r.code, r.stderr).toBe(0)
    const d = r.dir()
    const seen = readJson<Seen>(join(d, 'seen.json'))
    expect(seen.argv).toEqual([
      '--experiment',
      'exp',
      '--run_index',
      '0',
      '--seed',
      '11',
      '--override-lr',
      '0.1',
      '--override-batch-size',
      '32',
      '--override-mode',
      'ok',
      '--override-tag-name',
      'base',
    ])
    expect(seen.env.TRAINER_RUN_DIR).toBe(d)
    expect(statSync(join(d, 'checkpoints')).isDirectory()).toBe(true)
    const m = readJson<RunMetrics>(join(d, 'metrics.json'))
    expect(m).toMatchObject({
      version: 1,
      experiment: 'exp',
      run_index: 0,
      seed: 11,
      status: 'succeeded',
      exit_code: 0,
      reason: null,
    })
    expect(m.params).toEqual({lr: 0.1, batch_size: 32, mode: 'ok', tag_name: 'base'})
    expect(m.final).toEqual({loss: 0.2, acc: 0.9})
    expect(m.history.map(h => h.step)).toEqual([1, 2, 3, 4])
    const logs = readFileSync(join(d, 'logs.txt'), 'utf8')
    expect(logs).toContain('done')
    expect(logs).toContain('a warning on stderr')
    expect(r.stdout).toContain('done') // streamed live too
  })

  test.each([
    [['--override-lr', '0.01'], {lr: 0.01}, 11],
    [['--override-batch-size=64'], {batch_size: 64}, 11], // dashes match underscores
    [['--override-tag-name', 'x', '--override-lr', '1'], {tag_name: 'x', lr: 1}, 11],
  ])('[%#] overrides %j', async (args, params, seed) => {
    const r = await run(['--experiment', 'exp', '--run_index', '0', ...args])
    expect(r.code, r.stderr).toBe(0)
    const m = readJson<RunMetrics>(join(r.dir(), 'metrics.json'))
    expect(m.params).toMatchObject(params)
    expect(m.seed).toBe(seed)
  })

  test.each([
    [['--run_index', '2'], '002', 33], // seeds[run_index]
    [['--run_index', '1', '--seed', '7'], '001', 7], // explicit seed overrides
    [['--run_index', '1', '--seed', '7', '--no-prefer-config-seed'], '001', 7], // forced explicit
    [['--run_index', '1', '--no-prefer-config-seed'], '001', fallbackSeed('exp', 1)], // deterministic fallback
    [['--run_index', '5'], '005', fallbackSeed('exp', 5)], // past the end of seeds
  ])('[%#] seed rule %j', async (args, dir, seed) => {
    const r = await run(['--experiment', 'exp', ...args])
    expect(r.code, r.stderr).toBe(0)
    expect(readJson<RunMetrics>(join(r.dir('exp', dir), 'metrics.json')).seed).toBe(seed)
    expect(readJson<Seen>(join(r.dir('exp', dir), 'seen.json')).argv.slice(4, 6)).toEqual(['--seed', String(seed)])
  })

  test('args-style env: TRAINER_* variables and TRAINER_RUN_SPEC, no arguments', async () => {
    const r = await run(['--experiment', 'envstyle', '--run_index', '0'])
    expect(r.code, r.stderr).toBe(0)
    const seen = readJson<Seen>(join(r.dir('envstyle'), 'seen.json'))
    expect(seen.argv).toEqual([])
    expect(seen.env).toMatchObject({
      TRAINER_EXPERIMENT: 'envstyle',
      TRAINER_RUN_INDEX: '0',
      TRAINER_PARAM_LR: '0.5',
      TRAINER_PARAM_MODE: 'ok',
    })
    expect(JSON.parse(seen.env.TRAINER_RUN_SPEC!)).toMatchObject({experiment: 'envstyle', params: {lr: 0.5}})
  })
})

describe('trainer run: seed 000 exit codes', () => {
  test('1: a training error, with its last lines shown', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0', '--override-mode', 'fail'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('training exited with code 5; last lines:')
    expect(r.stderr).toContain('  | Traceback: ValueError: bad shape (3, 4)')
    expect(readJson<RunMetrics>(join(r.dir(), 'metrics.json'))).toMatchObject({
      status: 'failed',
      exit_code: 1,
      reason: 'training exited with code 5',
    })
  })

  test.each([
    [['--experiment', 'nope', '--run_index', '0'], "unknown experiment 'nope'"],
    [['--experiment', 'exp', '--run_index', '0', '--override-lrr', '1'], "has no parameter 'lrr' (did you mean 'lr'?)"],
    [['--experiment', 'exp', '--run_index', '0', '--override-lr', 'fast'], 'lr=fast is not a number'],
    [['--experiment', 'exp'], '--run_index is required'],
    [['--experiment', 'exp', '--run_index', '0', '--bogus'], "unknown argument '--bogus'"],
    [['--experiment', 'exp', '--run_index', '0', '--archive', 'zip'], 'RESULT_URL is not set'],
  ])('[%#] 2: configuration error %j', async (args, msg) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(msg)
  })

  test.each(['not a url', 'ftp://storage.example/bucket/x.zip', 'https://user:pw@storage.example/x.zip'])(
    '[%#] 2: RESULT_URL %s is refused before the training starts',
    async url => {
      const r = await run(['--experiment', 'exp', '--run_index', '0', '--archive', 'zip'], {RESULT_URL: url})
      expect(r.code, r.stderr).toBe(2)
      expect(r.stderr).toMatch(/upload URL .* (is not an http\(s\) URL|must not hold a user name or password)/)
      expect(r.stderr).not.toContain('pw@')
      expect(existsSync(join(r.dir(), 'seen.json'))).toBe(false) // the training never ran
    },
  )

  test('2: a training command that is not found', async () => {
    const r = await run(['--experiment', 'missing', '--run_index', '0'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('training command not found: no-such-trainer-binary')
    expect(readJson<RunMetrics>(join(r.dir('missing'), 'metrics.json')).status).toBe('config_error')
  })

  test.each(['SIGTERM', 'SIGINT'] as const)(
    '130: %s reaches the training, which checkpoints in its grace period',
    async sig => {
      const ws = workspace(YML)
      const p = start('run', ['--experiment', 'exp', '--run_index', '0', '--override-mode', 'slow'], {cwd: ws})
      await p.waitFor('"step":3')
      p.child.kill(sig)
      const r = await p.done
      expect(r.code).toBe(130)
      const d = join(ws, 'results/exp/runs/000')
      expect(r.stdout).toContain(`got ${sig} at step`)
      expect(existsSync(join(d, 'checkpoints/interrupted.pt'))).toBe(true)
      const m = readJson<RunMetrics>(join(d, 'metrics.json'))
      expect(m).toMatchObject({status: 'interrupted', exit_code: 130, reason: `interrupted (${sig})`})
      expect(m.history.length).toBeGreaterThanOrEqual(3)
    },
  )

  test('130: a training that ignores the signal is killed after the grace period', async () => {
    const ws = workspace(YML)
    const p = start(
      'run',
      ['--experiment', 'exp', '--run_index', '0', '--override-mode', 'stubborn', '--grace-period', '1'],
      {cwd: ws},
    )
    await p.waitFor('"step":2')
    const t0 = Date.now()
    p.child.kill('SIGTERM')
    const r = await p.done
    expect(r.code).toBe(130)
    expect(r.stdout).toContain('ignoring SIGTERM')
    expect(r.stderr).toContain('grace period over: killing the training')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900)
  })

  test('workers the training leaves behind are killed with it', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0', '--override-mode', 'forker'])
    expect(r.code, r.stderr).toBe(0)
    const pid = Number(readFileSync(join(r.dir(), 'worker.pid'), 'utf8'))
    // killed by the runner before it exits; its reaping is up to init: a zombie counts as gone
    expect(await gone(pid, 2000)).toBe(true)
  })

  test('a time limit past the 24.8 days setTimeout takes does not fire at once', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0'], {RUN_TIMEOUT_SEC: '2160000'})
    expect(r.code, r.stderr).toBe(0)
  })

  test('130: RUN_TIMEOUT_SEC ends the run the same way and records why', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0', '--override-mode', 'slow'], {
      RUN_TIMEOUT_SEC: '0.5',
    })
    expect(r.code).toBe(130)
    expect(readJson<RunMetrics>(join(r.dir(), 'metrics.json'))).toMatchObject({
      status: 'timeout',
      reason: 'RUN_TIMEOUT_SEC=0.5 reached',
    })
    expect(existsSync(join(r.dir(), 'checkpoints/interrupted.pt'))).toBe(true)
  })
})

describe('trainer run --archive zip: PUT to RESULT_URL', () => {
  const SECRET = 'X-Goog-Signature=c2VjcmV0LXNpZ25hdHVyZQ'

  test('0: the zipped run directory arrives; the URL query never reaches a log', async () => {
    const bodies: Buffer[] = []
    const server = await startServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks))
        res.writeHead(200).end()
      })
    })
    try {
      const url = `${server.url}/bucket/results.zip?${SECRET}&X-Goog-Expires=600`
      const r = await run(['--experiment', 'exp', '--run_index', '1', '--archive', 'zip', '--tag', 'batch1'], {
        RESULT_URL: url,
        LOG_LEVEL: 'DEBUG',
      })
      expect(r.code, r.stderr).toBe(0)
      expect(server.requests.map(q => `${q.method} ${q.url}`)).toEqual([
        `PUT /bucket/results.zip?${SECRET}&X-Goog-Expires=600`,
      ])
      expect(Number(server.requests[0]!.headers['content-length'])).toBe(bodies[0]!.length)
      const zip = join(r.ws, 'got.zip')
      const {writeFileSync} = await import('node:fs')
      writeFileSync(zip, bodies[0]!)
      const names = execFileSync(
        'python3',
        [
          '-c',
          'import sys, zipfile; print("\\n".join(i.filename + " " + str(i.compress_type) for i in zipfile.ZipFile(sys.argv[1]).infolist()))',
          zip,
        ],
        {encoding: 'utf8'},
      )
      expect(names).toContain('metrics.json 8') // deflated
      expect(names).toContain('checkpoints/final.pt 0') // already compressed: stored
      expect(names).toContain('logs.txt 8')
      expect(readJson<RunMetrics>(join(r.dir('exp', '001'), 'metrics.json')).tag).toBe('batch1')
      expect(r.stderr + r.stdout).not.toContain('c2VjcmV0')
      expect(r.stderr).toContain('uploaded')
    } finally {
      await server.close()
    }
  })

  test('the training never sees RESULT_URL, and a line with it is scrubbed', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0', '--override-mode', 'forker', '--archive', 'zip'], {
      RESULT_URL: `http://127.0.0.1:9/r.zip?${SECRET}`,
      TRAINER_UPLOAD_RETRIES: '0',
    })
    expect(readJson<Seen>(join(r.dir(), 'seen.json')).env.RESULT_URL).toBeUndefined()
    expect(readFileSync(join(r.dir(), 'logs.txt'), 'utf8')).toContain('url: not given')
    expect(r.code).toBe(3) // nothing listens on port 9
    expect(r.stderr + r.stdout).not.toContain('c2VjcmV0')
  })

  test('130: a signal during the upload stops it; the results stay on disk', async () => {
    const server = await startServer(req => req.resume()) // takes the body, never answers
    try {
      const ws = workspace(YML)
      const p = start('run', ['--experiment', 'exp', '--run_index', '0', '--archive', 'zip'], {
        cwd: ws,
        env: {RESULT_URL: `${server.url}/r.zip?${SECRET}`},
      })
      await p.waitFor('zip ')
      await new Promise(res => setTimeout(res, 300))
      p.child.kill('SIGTERM')
      const r = await p.done
      expect(r.code, r.stderr).toBe(130)
      expect(r.stderr).toContain('interrupted (SIGTERM) during the upload')
      expect(readJson<RunMetrics>(join(ws, 'results/exp/runs/000/metrics.json')).status).toBe('interrupted')
    } finally {
      await server.close()
    }
  })

  test('0: a slow server is waited for', async () => {
    const server = await startServer((req, res) => {
      req.resume()
      req.on('end', () => setTimeout(() => res.writeHead(200).end(), 1500))
    })
    try {
      const r = await run(['--experiment', 'exp', '--run_index', '0', '--archive', 'zip'], {
        RESULT_URL: `${server.url}/r.zip?${SECRET}`,
        TRAINER_UPLOAD_TIMEOUT_SEC: '5',
      })
      expect(r.code, r.stderr).toBe(0)
      expect(server.requests).toHaveLength(1)
    } finally {
      await server.close()
    }
  })

  test('3: an upload that keeps failing, after retries; the results stay on disk', async () => {
    const server = await startServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(503).end())
    })
    try {
      const r = await run(['--experiment', 'exp', '--run_index', '0', '--archive', 'zip'], {
        RESULT_URL: `${server.url}/r.zip?${SECRET}`,
        TRAINER_UPLOAD_RETRIES: '2',
        TRAINER_UPLOAD_RETRY_BASE_MS: '10',
      })
      expect(r.code).toBe(3)
      expect(server.requests).toHaveLength(3)
      expect(r.stderr).toContain('upload failed')
      expect(r.stderr + r.stdout).not.toContain('c2VjcmV0')
      expect(existsSync(join(r.dir(), 'checkpoints/final.pt'))).toBe(true)
      expect(existsSync(`${r.dir()}.zip`)).toBe(true)
      expect(readJson<RunMetrics>(join(r.dir(), 'metrics.json')).status).toBe('upload_failed')
    } finally {
      await server.close()
    }
  })

  test('outputs: the archive keeps the listed files, metrics.json and logs.txt', async () => {
    const r = await run(['--experiment', 'kept', '--run_index', '0', '--archive', 'zip', '--allow-missing-upload'])
    expect(r.code, r.stderr).toBe(0)
    const names = execFileSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))',
        `${r.dir('kept')}.zip`,
      ],
      {encoding: 'utf8'},
    )
    expect(names.trim().split('\n')).toEqual(['checkpoints/', 'checkpoints/final.pt', 'logs.txt', 'metrics.json'])
    expect(existsSync(join(r.dir('kept'), 'seen.json'))).toBe(true) // still on disk
  })

  test('--allow-missing-upload keeps the zip on disk without RESULT_URL', async () => {
    const r = await run(['--experiment', 'exp', '--run_index', '0', '--archive', 'zip', '--allow-missing-upload'])
    expect(r.code, r.stderr).toBe(0)
    expect(existsSync(`${r.dir()}.zip`)).toBe(true)
  })
})
