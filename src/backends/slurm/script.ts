/**
 * The Slurm job script, section by section as seed 003 lays it out: `#SBATCH` directives;
 * setup (srun is there, CONTAINER_IMAGE exported and echoed, modules loaded); then the
 * wrapped command under `srun --container-image … --container-mounts … --container-workdir`.
 *
 * One script serves every task of an array. Nothing a user writes for one run (an override
 * value, an environment value) is in the script at all: each task reads its argv and its
 * environment from NUL-separated files in the job directory, so a value reaches the training
 * byte for byte and is never parsed by a shell. What the script does hold (the image, paths,
 * modules, srun arguments) is quoted for bash, and directive values are checked, since sbatch
 * silently stops reading directives at the first line it cannot parse.
 */
import type {SlurmConfig} from '../../config/backends.js'
import {SBATCH_VALUE} from '../../config/backends.js'

/** One word for bash: single-quoted, with `'` written as `'\''`. */
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new Error('a NUL byte cannot reach a shell')
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

export interface ScriptOptions {
  /** The job's name: the idempotency key (`tr-<launch>-<submission>`). */
  name: string
  /** The launch id, in the job's comment. */
  launchId: string
  /** The job directory on the cluster (absolute). */
  jobDir: string
  /** The submission's key: its task files are `tasks/<key>/<task>.argv` and `.env`. */
  key: string
  /** Tasks in the array (0 … tasks-1) and the throttle. */
  tasks: number
  throttle: number | undefined
  /** The image, resolved at submission (a digest or a content tag, never a floating tag). */
  image: string | undefined
  config: SlurmConfig
  /** Slurm's --time when the backend gives none (the experiment's resources.time). */
  time: string | undefined
  cpus: number | undefined
  /** Slurm's --mem (`16G`) when the backend gives none (from resources.memory). */
  mem: string | undefined
  gpus: number | undefined
  /** Seconds between SIGTERM and SIGKILL the training gets on cancel or time-out. */
  gracePeriod: number
}

function directive(flag: string, value: string | number | undefined): string[] {
  if (value === undefined) return []
  const v = String(value)
  if (!SBATCH_VALUE.test(v))
    throw new Error(`#SBATCH --${flag}=${JSON.stringify(v)}: not a valid directive value (no spaces or quotes)`)
  return [`#SBATCH --${flag}=${v}`]
}

/** Slurm's --mem from `16G`, `512M`, `1.5Gi` (whole megabytes when it has a fraction). */
export function slurmMem(size: string | undefined): string | undefined {
  if (!size) return undefined
  const m = /^(\d+(?:\.\d+)?)([KMGT])i?B?$/i.exec(size)
  if (!m) return undefined
  const unit = m[2]!.toUpperCase()
  if (!m[1]!.includes('.')) return `${m[1]}${unit}`
  return `${Math.ceil(Number(m[1]) * 1024 ** ('KMGT'.indexOf(unit) + 1 - 2))}M`
}

/** Mounts as Pyxis writes them (`host:container[:mode]`), the job directory first when mounted. */
export function mountList(c: SlurmConfig, jobDir: string): string[] {
  const out = c['mount-job-dir'] === false ? [] : [`${jobDir}:${jobDir}:rw`]
  for (const m of c.mounts ?? [])
    out.push(typeof m === 'string' ? m : `${m.host}:${m.container}${m.mode ? `:${m.mode}` : ''}`)
  return out
}

/** The job script (see the module comment). */
export function renderScript(o: ScriptOptions): string {
  const c = o.config
  const container = c.container ?? 'pyxis'
  if (container !== 'none' && !o.image)
    throw new Error(`container ${container} needs an image (image.name in trainer.yml, or --image)`)
  if (o.image?.startsWith('-'))
    throw new Error(`image ${JSON.stringify(o.image)}: an image reference cannot start with -`)
  const q = shellQuote
  const workdir = c.workdir ?? o.jobDir
  const mounts = mountList(c, o.jobDir)
  const lines: string[] = [
    '#!/bin/bash',
    `# trainer-action: launch ${o.launchId}, submission ${o.key} (${o.tasks} task${o.tasks === 1 ? '' : 's'})`,
    ...directive('job-name', o.name),
    ...directive('comment', `trainer-launch=${o.launchId}`),
    ...directive('array', `0-${o.tasks - 1}${o.throttle ? `%${o.throttle}` : ''}`),
    ...directive('output', `${o.jobDir}/logs/${o.key}_%a.out`),
    ...directive('partition', c.partition),
    ...directive('account', c.account),
    ...directive('qos', c.qos),
    ...directive('time', c.time ?? o.time),
    ...directive('cpus-per-task', c['cpus-per-task'] ?? o.cpus),
    ...directive('mem', c.mem ?? o.mem),
    ...(c.gres ? directive('gres', c.gres) : directive('gpus-per-task', (c.gpus ?? o.gpus) || undefined)),
    ...directive('constraint', c.constraint),
    ...directive('nodes', c.nodes),
    ...(c.exclusive ? ['#SBATCH --exclusive'] : []),
    // the grace period before a time limit: trainer run checkpoints on SIGTERM
    ...directive('signal', `TERM@${Math.max(30, o.gracePeriod + 10)}`),
    ...(c.sbatch ?? []).map(s => `#SBATCH ${s}`),
    '',
    'set -euo pipefail',
    '',
    '# --- setup ---',
    `echo '--- trainer: configuring container execution (${container}) ---'`,
    "command -v srun >/dev/null 2>&1 || { echo 'ERROR: srun not found on PATH' >&2; exit 1; }",
    `JOB_DIR=${q(o.jobDir)}`,
    ...(o.image
      ? [
          `CONTAINER_IMAGE=${q(o.image)}`,
          'export CONTAINER_IMAGE',
          'echo "Resolved container image reference: $CONTAINER_IMAGE"',
        ]
      : []),
    ...(c.modules ?? []).map(m => `module load ${q(m)}`),
    'TASK="${SLURM_ARRAY_TASK_ID:?not an array task}"',
    `TASK_FILE="$JOB_DIR/tasks/${o.key}/$TASK"`,
    '# argv and environment of this task: NUL-separated, never parsed by a shell',
    'ARGV=()',
    'while IFS= read -r -d \'\' word; do ARGV+=("$word"); done < "$TASK_FILE.argv"',
    'ENV_NAMES=()',
    'while IFS= read -r -d \'\' kv; do export "${kv?}"; ENV_NAMES+=("${kv%%=*}"); done < "$TASK_FILE.env"',
    'mkdir -p "$JOB_DIR/results"',
    'echo "trainer: task $TASK of job ${SLURM_ARRAY_JOB_ID:-?} on $(hostname)"',
    '',
    '# --- execution ---',
  ]
  const srun = ['srun', '--mpi=none', ...(c['srun-args'] ?? []).map(q)]
  switch (container) {
    case 'pyxis':
      lines.push(
        [
          ...srun,
          '--container-image="$CONTAINER_IMAGE"',
          `--container-mounts=${q(mounts.join(','))}`,
          `--container-workdir=${q(workdir)}`,
          '"${ARGV[@]}"',
        ].join(' \\\n  '),
      )
      break
    case 'docker': {
      // the task's environment by name: docker takes each value from this script's environment
      lines.push('DOCKER_ENV=()', 'for n in "${ENV_NAMES[@]}"; do DOCKER_ENV+=(-e "$n"); done')
      lines.push(
        [
          ...srun,
          'docker run --rm --init',
          `--name "tr-\${SLURM_ARRAY_JOB_ID:-0}-\${TASK}"`,
          `--stop-timeout ${o.gracePeriod + 5}`,
          ...mounts.map(m => `-v ${q(m)}`),
          `-w ${q(workdir)}`,
          '"${DOCKER_ENV[@]}"',
          // the image is an argument, never an option (an image named `--privileged`)
          '--',
          '"$CONTAINER_IMAGE"',
          '"${ARGV[@]}"',
        ].join(' \\\n  '),
      )
      break
    }
    case 'apptainer':
      lines.push(
        [
          ...srun,
          'apptainer exec --cleanenv',
          ...mounts.map(m => `--bind ${q(m)}`),
          `--pwd ${q(workdir)}`,
          '"docker://$CONTAINER_IMAGE"',
          '"${ARGV[@]}"',
        ].join(' \\\n  '),
      )
      break
    case 'none':
      lines.push([...srun, `--chdir=${q(workdir)}`, '"${ARGV[@]}"'].join(' \\\n  '))
      break
  }
  return `${lines.join('\n')}\n`
}

/** Words as one NUL-separated file (the script reads it with `read -d ''`). */
export function nulJoin(words: readonly string[]): string {
  for (const w of words) if (w.includes('\0')) throw new Error('a NUL byte cannot be passed to a run')
  return words.map(w => `${w}\0`).join('')
}
