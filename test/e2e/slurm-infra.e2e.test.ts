import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {describe, expect, onTestFinished, test} from 'vitest'
import {requireSlurmInfra, slurmEnv} from '../helpers/infra.js'
import {tempDir} from '../helpers/temp-dir.js'

const infra = await requireSlurmInfra('Slurm test cluster (test/infra/slurm-up.sh)')

interface Done {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command from an argv array (no shell) with a clean environment. */
function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Done> {
  const child = spawn(cmd, args, {
    env: {PATH: process.env.PATH ?? '/usr/bin:/bin', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => resolve({code, stdout, stderr}))
  })
}

describe.skipIf(!infra)('test Slurm cluster: sbatch + sacct, slurmrestd with JWT, sshd with a pinned host key', () => {
  const s = infra!
  const env = (): Record<string, string> => slurmEnv(s)

  /** ssh to the test sshd as the test user, checking the host key against `knownHosts` only. */
  const ssh = (knownHosts: string, command: string): Promise<Done> =>
    run(
      'ssh',
      [
        ...['-F', '/dev/null', '-i', s.TRAINER_SSH_KEY, '-p', s.TRAINER_SSH_PORT],
        ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'ConnectTimeout=10'],
        ...['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`],
        ...['-o', 'GlobalKnownHostsFile=/dev/null'],
        `${s.TRAINER_SSH_USER}@${s.TRAINER_SSH_HOST}`,
        command,
      ],
      {HOME: tempDir('slurm-infra-home-')},
    )

  test('a 3-task array from sbatch runs, and sacct lists each task COMPLETED', async () => {
    const dir = mkdtempSync(join(s.TRAINER_SLURM_JOB_ROOT, 'e2e-'))
    onTestFinished(() => rmSync(dir, {recursive: true, force: true}))
    const partition = s.TRAINER_SLURM_PARTITIONS.split(',')[1]!
    const sub = await run(
      'sbatch',
      [
        ...['--parsable', '--job-name=slurm-infra-e2e', '--array=0-2', `--partition=${partition}`, '--time=2'],
        ...[`--chdir=${dir}`, `--output=${join(dir, 'out_%A_%a.log')}`, '--wrap=echo task $SLURM_ARRAY_TASK_ID'],
      ],
      env(),
    )
    expect(sub.code, sub.stderr).toBe(0)
    const id = sub.stdout.trim().split(';')[0]!
    expect(id).toMatch(/^\d+$/)

    // slurmctld hands finished jobs to slurmdbd asynchronously: poll sacct until all three are in.
    const want = [0, 1, 2].map(t => `${id}_${t}|COMPLETED|0:0`)
    let rows: string[] = []
    for (let i = 0; i < 120 && rows.join() !== want.join(); i++) {
      if (i) await sleep(500)
      const r = await run(
        'sacct',
        ['--parsable2', '--noheader', '-X', '-j', id, '--format=JobID,State,ExitCode'],
        env(),
      )
      expect(r.code, r.stderr).toBe(0)
      rows = r.stdout.trim().split('\n').filter(Boolean).sort()
    }
    expect(rows).toEqual(want)
    for (const t of [0, 1, 2]) expect(readFileSync(join(dir, `out_${id}_${t}.log`), 'utf8')).toBe(`task ${t}\n`)
  })

  test('slurmrestd lists jobs with the user name and token headers, and refuses the token alone', async () => {
    const url = `${s.TRAINER_SLURMRESTD_URL}/slurm/${s.TRAINER_SLURMRESTD_API}/jobs`
    const token = {'X-SLURM-USER-TOKEN': s.TRAINER_SLURM_JWT}
    const ok = await fetch(url, {headers: {'X-SLURM-USER-NAME': s.TRAINER_SLURM_USER, ...token}})
    const body = await ok.text()
    expect(ok.status, body).toBe(200)
    expect(JSON.parse(body)).toMatchObject({jobs: expect.any(Array) as unknown, errors: []})
    const bare = await fetch(url, {headers: token})
    expect(bare.status).toBe(401)
  })

  test('ssh with the key and a strictly checked host key runs Slurm commands as the test user', async () => {
    const knownHosts = join(tempDir('slurm-infra-ssh-'), 'known_hosts')
    writeFileSync(knownHosts, `${s.TRAINER_SSH_KNOWN_HOSTS}\n`)
    const fp = await run('ssh-keygen', ['-lf', knownHosts])
    expect(fp.stdout.split(' ')[1], fp.stderr).toBe(s.TRAINER_SSH_HOST_FINGERPRINT)

    // the second squeue talks to slurmctld: the login session finds the cluster's slurm.conf
    const r = await ssh(knownHosts, 'squeue --version && id -un && squeue -h -o %i >/dev/null && echo queue-ok')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^slurm(-wlm)? \\d+\\.\\d+\\.\\d+\\n${s.TRAINER_SSH_USER}\\nqueue-ok\\n$`))
  })

  test('ssh refuses the server when known_hosts pins a different host key', async () => {
    const dir = tempDir('slurm-infra-ssh-')
    const gen = await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'other')])
    expect(gen.code, gen.stderr).toBe(0)
    const [type, key] = readFileSync(join(dir, 'other.pub'), 'utf8').split(' ')
    const hostPattern = s.TRAINER_SSH_KNOWN_HOSTS.split(' ')[0]!
    writeFileSync(join(dir, 'known_hosts'), `${hostPattern} ${type} ${key}\n`)

    const r = await ssh(join(dir, 'known_hosts'), 'echo should-not-run')
    expect(r.code).toBe(255)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('REMOTE HOST IDENTIFICATION HAS CHANGED')
    expect(r.stderr).toContain('Host key verification failed')
  })
})
