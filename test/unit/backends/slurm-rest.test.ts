/**
 * The rest transport: #SBATCH directives → slurmrestd v0.0.38 job properties, job listings
 * → SlurmJobs, and the HTTP client against a real loopback server. The listings and error
 * answers in test/fixtures/slurmrestd were captured from slurmrestd 22.05.8 (the test
 * cluster, user trainer), listings trimmed to the fx-* jobs submitted for them.
 */
import {chmodSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import type {ServerResponse} from 'node:http'
import {join} from 'node:path'
import {userInfo} from 'node:os'
import {describe, expect, test} from 'vitest'
import type {SlurmConfig} from '../../../src/config/backends.js'
import {AuthError, ConfigError, ServiceError} from '../../../src/kit/errors.js'
import {
  API,
  parseJobs,
  restControl,
  sbatchJob,
  slurmMegabytes,
  slurmMinutes,
  waitStatusCode,
} from '../../../src/backends/slurm/rest.js'
import {renderScript} from '../../../src/backends/slurm/script.js'
import {body, serversPerTest, startServer} from '../../helpers/http-server.js'
import {ROOT} from '../../helpers/workspace.js'
import {tempDir} from '../../helpers/temp-dir.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, 'test/fixtures/slurmrestd', name), 'utf8')) as unknown
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdW4iOiJ0cmFpbmVyIn0.c2VjcmV0LXNpZ25hdHVyZQ'
const ME = userInfo().username

describe('#SBATCH directives → job properties', () => {
  test('the rendered script, every directive it can hold', () => {
    const script = renderScript({
      name: 'tr-L1-a1-0123456789',
      launchId: 'L1',
      jobDir: '/scratch/jobs/L1',
      key: 'a1-0123456789',
      tasks: 3,
      throttle: 2,
      image: undefined,
      config: {
        type: 'slurm',
        container: 'none',
        partition: 'gpu',
        account: 'ml',
        qos: 'high',
        time: '1-02:03:04',
        'cpus-per-task': 8,
        mem: '16G',
        gres: 'gpu:a100:2',
        constraint: 'a100&ib',
        nodes: 1,
        exclusive: true,
        sbatch: ['--mail-type=END,FAIL', '--error=/scratch/jobs/L1/logs/%a.err', '--mem-per-cpu=512M'],
      },
      time: undefined,
      cpus: undefined,
      mem: undefined,
      gpus: undefined,
      gracePeriod: 60,
    })
    expect(sbatchJob(script)).toEqual({
      name: 'tr-L1-a1-0123456789',
      comment: 'trainer-launch=L1',
      array: '0-2%2',
      standard_output: '/scratch/jobs/L1/logs/a1-0123456789_%a.out',
      partition: 'gpu',
      account: 'ml',
      qos: 'high',
      time_limit: 1564,
      cpus_per_task: 8,
      memory_per_node: 16384,
      gres: 'gpu:a100:2',
      constraints: 'a100&ib',
      nodes: [1, 1],
      exclusive: 'exclusive',
      signal: 'TERM@70',
      mail_type: 'END,FAIL',
      standard_error: '/scratch/jobs/L1/logs/%a.err',
      memory_per_cpu: 512,
    })
  })

  test('gpus without gres: gpus_per_task; the experiment resources fill in', () => {
    const script = renderScript({
      name: 'n',
      launchId: 'L',
      jobDir: '/j',
      key: 'k',
      tasks: 1,
      throttle: undefined,
      image: 'reg/img@sha256:0',
      config: {type: 'slurm'},
      time: '30',
      cpus: 2,
      mem: '1536M',
      gpus: 1,
      gracePeriod: 30,
    })
    expect(sbatchJob(script)).toMatchObject({
      array: '0-0',
      time_limit: 30,
      cpus_per_task: 2,
      memory_per_node: 1536,
      gpus_per_task: '1',
      signal: 'TERM@40',
    })
  })

  test('directives are read up to the first command, and the last of a repeated one wins', () => {
    const s = '#!/bin/bash\n# a comment\n#SBATCH --time=5\n\n#SBATCH --time=7\necho hi\n#SBATCH --chdir=/x\n'
    expect(sbatchJob(s)).toEqual({time_limit: 7})
  })

  test.each([
    ['5', 5],
    ['5:30', 6],
    ['02:00:00', 120],
    ['1:00:01', 61],
    ['2-0', 2880],
    ['1-1:30', 1530],
    ['1-02:03:04', 1564],
    ['INFINITE', undefined],
    ['1h', undefined],
  ])('[%#] slurmMinutes(%s) = %s', (t, m) => {
    expect(slurmMinutes(t)).toBe(m)
  })

  test.each([
    ['4096', 4096],
    ['512M', 512],
    ['16G', 16384],
    ['1T', 1048576],
    ['1500K', 2],
    ['1.5G', undefined],
  ])('[%#] slurmMegabytes(%s) = %s', (v, mb) => {
    expect(slurmMegabytes(v)).toBe(mb)
  })

  test.each([
    ['#SBATCH --nodes=2-4', {nodes: [2, 4]}],
    ['#SBATCH --exclusive=user', {exclusive: 'user'}],
    ['#SBATCH --ntasks=4', {tasks: 4}],
    ['#SBATCH --gpus=2', {gpus: '2'}],
  ])('[%#] %s', (line, job) => {
    expect(sbatchJob(`#!/bin/bash\n${line}\n`)).toEqual(job)
  })

  test.each([
    ['#SBATCH --chdir=/tmp', /#SBATCH --chdir: the rest transport has no slurmrestd job property/],
    ['#SBATCH --begin=now+1h', /#SBATCH --begin: .*remove it, or use transport local or ssh/],
    ['#SBATCH -p debug', /#SBATCH -p debug: only the form #SBATCH --option\[=value\]/],
    ['#SBATCH --time 5', /only the form/],
    ['#SBATCH --time=soon', /#SBATCH --time: "soon" is not a time/],
    ['#SBATCH --partition', /#SBATCH --partition: needs a value/],
    ['#SBATCH --mem=lots', /#SBATCH --mem: "lots" is not a size/],
    ['#SBATCH --cpus-per-task=two', /not a whole number/],
    ['#SBATCH --nodes=1,2', /not N or MIN-MAX/],
  ])('[%#] refused: %s', (line, why) => {
    expect(() => sbatchJob(`#!/bin/bash\n${line}\n`)).toThrow(ConfigError)
    expect(() => sbatchJob(`#!/bin/bash\n${line}\n`)).toThrow(why)
  })
})

describe('job listings → SlurmJobs (captured from slurmrestd 22.05.8)', () => {
  const row = (id: string, array: string, task: number | undefined, name: string, native: string) => ({
    id,
    arrayJobId: array,
    task,
    name,
    state: native,
    native,
  })

  test('started tasks, a held array not split into tasks, and the exit codes of ended tasks', () => {
    expect(parseJobs(fixture('jobs-running.json'))).toEqual([
      {...row('2119_0', '2119', 0, 'fx-mixed', 'COMPLETED'), reason: undefined, exitCode: 0},
      {...row('2120_[0-3]', '2120', undefined, 'fx-held', 'PENDING'), reason: 'JobHeldUser', exitCode: undefined},
      {...row('2119_1', '2119', 1, 'fx-mixed', 'FAILED'), reason: 'NonZeroExitCode', exitCode: 2},
      // `kill -9 $$` in the batch script
      {...row('2119_2', '2119', 2, 'fx-mixed', 'FAILED'), reason: 'JobLaunchFailure', exitCode: 137},
      {...row('2119_3', '2119', 3, 'fx-mixed', 'RUNNING'), reason: undefined, exitCode: undefined},
      {...row('2119_4', '2119', 4, 'fx-mixed', 'RUNNING'), reason: undefined, exitCode: undefined},
      // the last pending task carries the array's own job id
      {...row('2119_5', '2119', 5, 'fx-mixed', 'PENDING'), reason: 'JobArrayTaskLimit', exitCode: undefined},
    ])
  })

  test('a running task cancelled alone, and a pending array cancelled whole', () => {
    const jobs = parseJobs(fixture('jobs-cancelled.json'))
    expect(jobs.map(j => [j.id, j.native, j.exitCode])).toEqual([
      ['2119_0', 'COMPLETED', 0],
      // as sacct shows it (0:0) for an array cancelled before it started
      ['2120_[0-3]', 'CANCELLED', 0],
      ['2119_1', 'FAILED', 2],
      ['2119_2', 'FAILED', 137],
      ['2119_3', 'CANCELLED', 143],
      ['2119_4', 'RUNNING', undefined],
      ['2119_5', 'RUNNING', undefined],
    ])
    // the whole-array record stands for each of its tasks
    expect(jobs[1]).toMatchObject({arrayJobId: '2120', task: undefined, state: 'CANCELLED'})
  })

  test('a job that is not an array; records without a job id are skipped; no jobs list is an error', () => {
    expect(
      parseJobs({jobs: [{job_id: 7, name: 'x', array_job_id: 0, array_task_id: null, job_state: 'PENDING'}, {}]}),
    ).toEqual([
      {
        id: '7',
        arrayJobId: '7',
        task: undefined,
        name: 'x',
        state: 'PENDING',
        native: 'PENDING',
        reason: undefined,
        exitCode: undefined,
      },
    ])
    expect(() => parseJobs({errors: []})).toThrow(/no jobs list/)
  })

  test.each([
    [0, 0],
    [512, 2],
    [256 * 255, 255],
    [15, 143],
    [9, 137],
    [null, undefined],
    [-1, undefined],
  ])('[%#] wait status %s → exit code %s', (status, code) => {
    expect(waitStatusCode(status)).toBe(code)
  })
})

describe('restControl against a loopback server', () => {
  const serve = serversPerTest()
  const json = (res: ServerResponse, status: number, value: unknown): void =>
    void res.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(value))
  const config = (url: string, extra: Partial<SlurmConfig> = {}): SlurmConfig => ({
    type: 'slurm',
    transport: 'rest',
    url,
    'user-name': ME,
    ...extra,
  })
  const env = {SLURM_JWT: TOKEN, PATH: '/opt/slurm/bin:/usr/bin', LANG: 'C.UTF-8', SECRET: 'not for the job'}
  const fast = {retries: 2, retryAfterBase: 1, timeoutMs: 2000}
  /** The error a promise rejects with. */
  const rejection = async (p: Promise<unknown>): Promise<Error> => {
    try {
      await p
    } catch (e: unknown) {
      return e as Error
    }
    throw new Error('it did not fail')
  }

  test('submit: the headers, the script as it is, the directives as job properties, no retry after a 500', async () => {
    const sent: unknown[] = []
    const s = await serve(async (req, res, n) => {
      sent.push(JSON.parse(await body(req)))
      if (n === 1) json(res, 200, fixture('submit-ok.json'))
      else json(res, 500, fixture('submit-bad-partition.json'))
    })
    const ctl = await restControl(config(s.url), env, fast)
    const script = '#!/bin/bash\n#SBATCH --job-name=tr-L1-k\n#SBATCH --array=0-2%2\n#SBATCH --partition=debug\necho\n'
    expect(await ctl.submit({script, scriptPath: '/j/submissions/k.sh', jobDir: '/j'})).toBe('2119')
    expect(s.requests[0]).toMatchObject({method: 'POST', url: `${API}/job/submit`})
    expect(s.requests[0]!.headers).toMatchObject({
      'x-slurm-user-name': ME,
      'x-slurm-user-token': TOKEN,
      'content-type': 'application/json',
    })
    expect(sent[0]).toEqual({
      script,
      job: {
        name: 'tr-L1-k',
        array: '0-2%2',
        partition: 'debug',
        current_working_directory: '/j',
        environment: {
          PATH: '/opt/slurm/bin:/usr/bin',
          USER: ME,
          LOGNAME: ME,
          HOME: userInfo().homedir,
          LANG: 'C.UTF-8',
        },
      },
    })
    // a submit that reached slurmrestd is never sent again
    const e = await rejection(ctl.submit({script, scriptPath: '/j/submissions/k.sh', jobDir: '/j'}))
    expect(e).toBeInstanceOf(ServiceError)
    expect(e.message).toBe(
      `POST slurmrestd ${s.url}${API}/job/submit: 500 Internal Server Error: Invalid partition name specified`,
    )
    expect(s.requests).toHaveLength(2)
    expect(ctl.calls()).toBe(2)
    await ctl.close()
  })

  test('submit with no answer in time: not sent again, and the message says the job may exist', async () => {
    const s = await serve(() => undefined) // never answers
    const ctl = await restControl(config(s.url), env, {...fast, timeoutMs: 200})
    const e = await rejection(ctl.submit({script: '#!/bin/bash\ntrue\n', scriptPath: '/j/k.sh', jobDir: '/j'}))
    expect(e).toBeInstanceOf(ServiceError)
    expect(e.message).toMatch(
      /^POST slurmrestd http:\/\/127\.0\.0\.1:\d+\/slurm\/v0\.0\.38\/job\/submit: no answer within 0\.2s; the job may have been submitted, so it is not sent again/,
    )
    expect(s.requests).toHaveLength(1)
  })

  test('jobs: one listing filtered on the names; the next asks with update_time and keeps its list on 304', async () => {
    const s = await serve((_req, res, n) =>
      n === 1 ? json(res, 200, fixture('jobs-running.json')) : void res.writeHead(304).end(),
    )
    const ctl = await restControl(config(s.url), env, fast)
    const first = await ctl.jobs(['fx-held'], new Date())
    expect(first.map(j => j.id)).toEqual(['2120_[0-3]'])
    const before = Math.floor(Date.now() / 1000)
    const second = await ctl.jobs(['fx-mixed'], new Date())
    expect(second.map(j => j.id)).toEqual(['2119_0', '2119_1', '2119_2', '2119_3', '2119_4', '2119_5'])
    expect(s.requests.map(r => r.url.replace(/=\d+$/, '=T'))).toEqual([`${API}/jobs`, `${API}/jobs?update_time=T`])
    // the time of the last answer, less the clock skew allowed
    const t = Number(/update_time=(\d+)/.exec(s.requests[1]!.url)![1])
    expect(before - t).toBeGreaterThanOrEqual(120)
    expect(before - t).toBeLessThan(125)
    expect(await ctl.jobs([], new Date())).toEqual([])
    expect(ctl.calls()).toBe(2)
  })

  test('jobs: a 500 is retried; the bad-token 500 says the token may be invalid, never showing it', async () => {
    const s = await serve((_req, res) => json(res, 500, fixture('jobs-bad-token.json')))
    const ctl = await restControl(config(s.url, {'token-env': 'MY_JWT'}), {MY_JWT: `SLURM_JWT=${TOKEN}\n`}, fast)
    const e = await rejection(ctl.jobs(['x'], new Date()))
    expect(e).toBeInstanceOf(ServiceError)
    expect(e.message).toBe(
      `GET slurmrestd ${s.url}${API}/jobs: 500 Internal Server Error: Failed while looking for jobs (Unspecified error); the token from MY_JWT for user ${ME} may be invalid or expired`,
    )
    expect(s.requests).toHaveLength(3)
    // the `SLURM_JWT=` that scontrol token prints is not sent
    expect(s.requests[0]!.headers['x-slurm-user-token']).toBe(TOKEN)
  })

  test('401: an AuthError naming the URL and the user, not retried, without the token', async () => {
    const s = await serve(
      (_req, res) =>
        void res.writeHead(401, {'content-type': 'text/plain'}).end(fixture('jobs-no-user.json') as string),
    )
    const ctl = await restControl(config(s.url), env, fast)
    const e = await rejection(ctl.jobs(['x'], new Date()))
    expect(e).toBeInstanceOf(AuthError)
    expect(e.message).toBe(
      `GET ${s.url}${API}/jobs: 401 Unauthorized: slurmrestd refused user ${ME} with the token from SLURM_JWT (Authentication failure)`,
    )
    expect(e.message).not.toContain(TOKEN)
    expect(s.requests).toHaveLength(1)
  })

  test('unreachable: a ServiceError naming the URL; GETs are retried, and so is a submit that never connected', async () => {
    const gone = await startServer(() => undefined)
    await gone.close()
    const ctl = await restControl(config(gone.url), env, fast)
    const e = await rejection(ctl.jobs(['x'], new Date()))
    expect(e).toBeInstanceOf(ServiceError)
    expect(e.message).toBe(
      `GET slurmrestd ${gone.url}${API}/jobs: cannot reach slurmrestd at ${gone.url} (ECONNREFUSED)`,
    )
    expect(await rejection(ctl.submit({script: '#!/bin/bash\n', scriptPath: '/k.sh', jobDir: '/j'}))).toBeInstanceOf(
      ServiceError,
    )
    expect(ctl.calls()).toBe(6)
  })

  test('cancel: one DELETE per id; a job already gone is no error; a refused token is', async () => {
    const s = await serve((req, res) => {
      if (req.url!.endsWith('/12_3')) return json(res, 200, fixture('delete-task.json'))
      if (req.url!.endsWith('/999')) return json(res, 500, fixture('delete-unknown.json'))
      return json(res, 500, fixture('delete-bad-token.json'))
    })
    const ctl = await restControl(config(s.url), env, fast)
    await ctl.cancel(['12_3', '999'])
    expect(s.requests.map(r => `${r.method} ${r.url}`)).toEqual([`DELETE ${API}/job/12_3`, `DELETE ${API}/job/999`])
    const e = await rejection(ctl.cancel(['2119']))
    expect(e.message).toMatch(/500 Internal Server Error: unable to kill JobId=2119 .* may be invalid or expired$/)
    await expect(ctl.cancel(['1;rm'])).rejects.toThrow(/not a Slurm job id/)
  })

  test.each([
    [{url: undefined}, {}, /needs url/],
    [{url: 'http://login.cluster:6820'}, {}, /never sent over plain http, except to loopback/],
    [{}, {SLURM_JWT: ''}, /token-env: SLURM_JWT is not set/],
    [{'token-env': 'OTHER'}, {}, /token-env: OTHER is not set/],
  ])('[%#] configuration refused: %o', async (extra, e, why) => {
    const c = {...config('http://127.0.0.1:9'), ...extra} as SlurmConfig
    await expect(restControl(c, {...env, ...e})).rejects.toThrow(why)
  })

  test('limits: Slurm defaults (v0.0.38 shows neither limit), without a call', async () => {
    const ctl = await restControl(config('http://127.0.0.1:9'), env)
    expect(await ctl.limits()).toEqual({maxArraySize: 1001, maxJobCount: 10000})
    expect(ctl.calls()).toBe(0)
  })
})

describe('the job directory, written as the job user', () => {
  const root = process.getuid?.() === 0

  test.runIf(root)('as root: files are made by a helper running as the user (nobody here)', async () => {
    const top = tempDir()
    chmodSync(top, 0o755)
    const dir = join(top, 'shared')
    mkdirSync(dir)
    chmodSync(dir, 0o777)
    const ctl = await restControl({type: 'slurm', url: 'http://127.0.0.1:9', 'user-name': 'nobody'}, {SLURM_JWT: TOKEN})
    try {
      const f = ctl.files
      await f.mkdir(join(dir, 'job/tasks'), join(dir, 'job/logs'))
      await f.writeAll(join(dir, 'job/tasks'), [{name: '0.env', data: 'A=1\0', mode: 0o600}])
      await f.write(join(dir, 'job/logs/x.out'), Buffer.from('one\ntwo\n'))
      await f.rename(join(dir, 'job/logs/x.out'), join(dir, 'job/logs/y.out'))
      const nobody = statSync(join(dir, 'job/tasks/0.env'))
      expect([nobody.uid, nobody.mode & 0o777]).toEqual([65534, 0o600])
      expect(statSync(join(dir, 'job/logs')).uid).toBe(65534)
      expect((await f.read(join(dir, 'job'), 'logs/y.out', 4))?.toString()).toBe('two\n')
      expect(await f.read(join(dir, 'job'), 'logs/none', 4)).toBeUndefined()
      expect(await f.list(join(dir, 'job'))).toEqual(expect.arrayContaining(['tasks', 'logs']))
      expect(await f.list(join(dir, 'nothing'))).toEqual([])
      expect(await f.absolute('jobs')).toBe('/nonexistent/jobs')
      // what nobody may not do, the helper may not either
      await expect(f.write('/etc/trainer-test', 'x')).rejects.toThrow(/EACCES|permission denied/i)
    } finally {
      await ctl.close()
    }
  })

  test.runIf(!root)('as another user: refused, since the job could not read its task files', async () => {
    await expect(
      restControl({type: 'slurm', url: 'http://127.0.0.1:9', 'user-name': 'nobody'}, {SLURM_JWT: TOKEN}),
    ).rejects.toThrow(/jobs run as nobody .* but this launcher runs as uid/)
  })
})
