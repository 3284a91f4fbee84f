import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import type {SlurmConfig} from '../../../src/config/backends.js'
import {parseLimits, parseSacct, parseSqueue} from '../../../src/backends/slurm/control.js'
import {nulJoin, renderScript, shellQuote, slurmMem, type ScriptOptions} from '../../../src/backends/slurm/script.js'
import {SLURM_STATES, SLURM_TO_LEDGER, slurmState} from '../../../src/backends/slurm/states.js'
import {tempDir} from '../../helpers/temp-dir.js'

const base = (config: Partial<SlurmConfig> = {}, o: Partial<ScriptOptions> = {}): ScriptOptions => ({
  name: 'tr-L-a1-0123456789',
  launchId: 'L',
  jobDir: '/scratch/jobs/L',
  key: 'a1-0123456789',
  tasks: 3,
  throttle: 2,
  image: 'ghcr.io/org/img:abc123',
  config: {type: 'slurm', ...config},
  time: '01:00:00',
  cpus: 4,
  mem: '16G',
  gpus: 1,
  gracePeriod: 30,
  ...o,
})

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0

describe('the job script', () => {
  test('seed 003 section by section: directives, setup, srun with the container', () => {
    const s = renderScript(
      base({
        partition: 'gpu',
        account: 'ml',
        modules: ['pyxis/0.15.0'],
        mounts: ['/data:/data:ro'],
        'srun-args': ['--gpus-per-node=4'],
      }),
    )
    expect(s.split('\n').filter(l => l.startsWith('#SBATCH'))).toEqual([
      '#SBATCH --job-name=tr-L-a1-0123456789',
      '#SBATCH --comment=trainer-launch=L',
      '#SBATCH --array=0-2%2',
      '#SBATCH --output=/scratch/jobs/L/logs/a1-0123456789_%a.out',
      '#SBATCH --partition=gpu',
      '#SBATCH --account=ml',
      '#SBATCH --time=01:00:00',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --mem=16G',
      '#SBATCH --gpus-per-task=1',
      '#SBATCH --signal=TERM@40',
    ])
    expect(s).toContain("command -v srun >/dev/null 2>&1 || { echo 'ERROR: srun not found on PATH' >&2; exit 1; }")
    expect(s).toContain('CONTAINER_IMAGE=ghcr.io/org/img:abc123\nexport CONTAINER_IMAGE')
    expect(s).toContain('module load pyxis/0.15.0')
    expect(s).toContain(
      'srun \\\n  --mpi=none \\\n  --gpus-per-node=4 \\\n  --container-image="$CONTAINER_IMAGE" \\\n  --container-mounts=/scratch/jobs/L:/scratch/jobs/L:rw,/data:/data:ro \\\n  --container-workdir=/scratch/jobs/L \\\n  "${ARGV[@]}"',
    )
  })

  test.each(['pyxis', 'docker', 'apptainer', 'none'] as const)('container %s: bash parses it', mode => {
    const s = renderScript(
      base({container: mode, mounts: [{host: "/tmp/a b'c", container: '/data', mode: 'ro'}], modules: ['cuda/12']}),
    )
    const dir = tempDir('slurm-script-')
    writeFileSync(join(dir, 'job.sh'), s)
    expect(spawnSync('bash', ['-n', join(dir, 'job.sh')]).status).toBe(0)
  })

  // shellcheck comes with the test infrastructure (npm run infra:up); with CI=true it must be there
  test.skipIf(!hasShellcheck && process.env.CI !== 'true').each(['pyxis', 'docker', 'apptainer', 'none'] as const)(
    'container %s: shellcheck finds nothing',
    mode => {
      const dir = tempDir('slurm-shellcheck-')
      writeFileSync(
        join(dir, 'job.sh'),
        renderScript(base({container: mode, mounts: [{host: "/tmp/a b'c", container: '/data'}], modules: ['x/1']})),
      )
      const r = spawnSync('shellcheck', ['-s', 'bash', join(dir, 'job.sh')], {encoding: 'utf8'})
      expect(r.error).toBeUndefined()
      expect(r.stdout).toBe('')
    },
  )

  test('a task reads its argv and environment byte for byte, and nothing in them is run', () => {
    // the script for real, with a fake srun: what srun is given is what the task file held
    const dir = tempDir('slurm-task-')
    const jobDir = join(dir, 'jobdir')
    mkdirSync(join(jobDir, 'tasks', 'k'), {recursive: true})
    mkdirSync(join(dir, 'bin'))
    writeFileSync(
      join(dir, 'bin', 'srun'),
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done > "${dir}/argv"\nenv -0 > "${dir}/env"\n`,
      {mode: 0o755},
    )
    const hostile = ['$(touch pwned)', '`touch pwned`', 'a;b', 'it\'s "q"', 'two\nlines', '*', '', '--x']
    writeFileSync(join(jobDir, 'tasks', 'k', '1.argv'), nulJoin(['train', ...hostile]))
    writeFileSync(join(jobDir, 'tasks', 'k', '1.env'), nulJoin(['SECRET=a\nb=$(c)', 'TRAINER_RUN_SPEC={"a":"`x`"}']))
    const s = renderScript(base({container: 'none'}, {jobDir, key: 'k'}))
    writeFileSync(join(dir, 'job.sh'), s.replace(/#SBATCH[^\n]*\n/g, ''))
    execFileSync('bash', [join(dir, 'job.sh')], {
      cwd: dir,
      env: {PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, SLURM_ARRAY_TASK_ID: '1'},
      stdio: 'ignore',
    })
    const argv = readFileSync(join(dir, 'argv'), 'utf8').split('\0').slice(0, -1)
    expect(argv.slice(-(hostile.length + 1))).toEqual(['train', ...hostile])
    const env = readFileSync(join(dir, 'env'), 'utf8').split('\0')
    expect(env).toContain('SECRET=a\nb=$(c)')
    expect(env).toContain('TRAINER_RUN_SPEC={"a":"`x`"}')
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
  })

  test('a directive value with a space is refused (sbatch would drop every directive after it)', () => {
    expect(() => renderScript(base({}, {time: '1:00 :00'}))).toThrow(
      /#SBATCH --time="1:00 :00": not a valid directive value/,
    )
    expect(() => renderScript(base({}, {name: 'tr-a\n#SBATCH --x'}))).toThrow(/not a valid directive value/)
  })

  test('an image is needed in a container', () => {
    expect(() => renderScript(base({container: 'pyxis'}, {image: undefined}))).toThrow(/container pyxis needs an image/)
    expect(renderScript(base({container: 'none'}, {image: undefined}))).not.toContain('CONTAINER_IMAGE')
  })

  test.each([
    ['plain', 'plain'],
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ['$(x) `y`', "'$(x) `y`'"],
    ['a b', "'a b'"],
  ])('shellQuote(%j) is %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted)
    expect(execFileSync('bash', ['-c', `printf %s ${quoted}`]).toString()).toBe(word)
  })

  test.each([
    ['16G', '16G'],
    ['512M', '512M'],
    ['1.5G', '1536M'],
    ['2Gi', '2G'],
    [undefined, undefined],
  ])('slurmMem(%j) is %j', (size, want) => {
    expect(slurmMem(size)).toBe(want)
  })
})

describe('Slurm states', () => {
  test('every state maps to a ledger state; lost ones are requeued', () => {
    for (const s of SLURM_STATES) expect(SLURM_TO_LEDGER[s].state).toBeTruthy()
    expect(SLURM_STATES.filter(s => SLURM_TO_LEDGER[s].requeue)).toEqual([
      'NODE_FAIL',
      'PREEMPTED',
      'BOOT_FAIL',
      'REVOKED',
    ])
  })
  test.each([
    ['CANCELLED by 0', 'CANCELLED'],
    ['completed', 'COMPLETED'],
    ['RUNNING+', 'RUNNING'],
    ['WHATEVER', undefined],
  ])('%j reads as %j', (word, state) => {
    expect(slurmState(word)).toBe(state)
  })
})

describe('Slurm command output', () => {
  const F = '\x1f'
  test('squeue -r: one job per task; a pending range stays one', () => {
    const out = [
      ['14_0', '14', '0', 'tr-L-a1', 'RUNNING', 'None'],
      ['15', '14', '1', 'tr-L-a1', 'COMPLETED', 'None'],
      ['14_[2-4%2]', '14', '2-4%2', 'tr-L-a1', 'PENDING', 'JobArrayTaskLimit'],
    ]
      .map(l => l.join(F))
      .join('\n')
    expect(parseSqueue(out)).toEqual([
      {
        id: '14_0',
        arrayJobId: '14',
        task: 0,
        name: 'tr-L-a1',
        state: 'RUNNING',
        native: 'RUNNING',
        reason: undefined,
        exitCode: undefined,
      },
      {
        id: '14_1',
        arrayJobId: '14',
        task: 1,
        name: 'tr-L-a1',
        state: 'COMPLETED',
        native: 'COMPLETED',
        reason: undefined,
        exitCode: undefined,
      },
      {
        id: '14_[2-4%2]',
        arrayJobId: '14',
        task: undefined,
        name: 'tr-L-a1',
        state: 'PENDING',
        native: 'PENDING',
        reason: 'JobArrayTaskLimit',
        exitCode: undefined,
      },
    ])
  })
  test('sacct -P: tasks with their exit codes; a signal is 128 + its number; ranges and steps are skipped', () => {
    expect(
      parseSacct(
        '20_0|tr-L|COMPLETED|0:0|None\n20_1|tr-L|FAILED|3:0|NonZeroExitCode\n20_2|tr-L|CANCELLED by 0|0:15|None\n20_[3-4]|tr-L|PENDING|0:0|None\n20_0.batch|batch|COMPLETED|0:0|\n',
      ),
    ).toMatchObject([
      {id: '20_0', task: 0, state: 'COMPLETED', exitCode: 0},
      {id: '20_1', task: 1, state: 'FAILED', exitCode: 3, reason: 'NonZeroExitCode'},
      {id: '20_2', task: 2, state: 'CANCELLED', native: 'CANCELLED by 0', exitCode: 143},
    ])
  })
  test('scontrol show config: the limits, with the defaults when absent', () => {
    expect(parseLimits('MaxArraySize            = 1001\nMaxJobCount             = 10000\n')).toEqual({
      maxArraySize: 1001,
      maxJobCount: 10000,
    })
    expect(parseLimits('MaxArraySize = 50\n')).toEqual({maxArraySize: 50, maxJobCount: 10000})
  })
})
