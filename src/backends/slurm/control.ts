/**
 * Talking to a Slurm controller. `SlurmControl` is what the backend needs (limits, submit,
 * one listing of a launch's jobs, cancel, and the job directory's files); `cliControl`
 * implements it with Slurm's commands over any `Exec` (this machine, or ssh to a login node),
 * and src/backends/slurm/rest.ts with slurmrestd.
 *
 * Commands are argv arrays. Over ssh they are quoted word by word for the remote shell.
 */
import {ServiceError} from '../../kit/errors.js'
import {slurmState, type SlurmState} from './states.js'

export interface ExecResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs one command (an argv array) where Slurm's commands are, with `input` on its stdin. */
export type Exec = (argv: readonly string[], input?: Buffer) => Promise<ExecResult>

/** A file to write: its path below a directory, its content and mode. */
export interface FileEntry {
  name: string
  data: string | Buffer
  mode: number
}

/** The job directory's files, wherever the cluster keeps them. */
export interface SlurmFiles {
  write(path: string, data: string | Buffer, mode?: number): Promise<void>
  /** Many files below `dir` at once (one round trip where the transport has latency). */
  writeAll(dir: string, entries: readonly FileEntry[]): Promise<void>
  /**
   * At most `maxBytes` of the end of `root/rel`; undefined when there is no such file. The
   * job directory is the training's to write too: a symlink at any component below `root`,
   * or anything but a regular file (a FIFO), is refused, never followed or waited on.
   */
  read(root: string, rel: string, maxBytes: number): Promise<Buffer | undefined>
  /** Renames a file or directory. */
  rename(from: string, to: string): Promise<void>
  /** mkdir -p, for each path. */
  mkdir(...paths: string[]): Promise<void>
  /** The names in a directory ([] when there is none). */
  list(path: string): Promise<string[]>
  /** The absolute form of a path relative to the login home. */
  absolute(path: string): Promise<string>
}

/** One array task (or plain job) as the controller reports it. */
export interface SlurmJob {
  /** `<array job id>_<task id>`, or the job id of a job that is not an array. */
  id: string
  arrayJobId: string
  /** The task id; undefined for a pending task range that was not expanded. */
  task: number | undefined
  name: string
  state: SlurmState | undefined
  /** The state word as printed (`CANCELLED by 0`). */
  native: string
  reason: string | undefined
  exitCode: number | undefined
}

export interface SlurmLimits {
  maxArraySize: number
  maxJobCount: number
}

export interface SlurmControl {
  /** `local`, `ssh trainer@login:22`, `rest http://…`: for messages. */
  readonly where: string
  readonly files: SlurmFiles
  limits(): Promise<SlurmLimits>
  /** Submits the script kept at `scriptPath` (its text is `script`); returns the array's job id. */
  submit(s: {script: string; scriptPath: string; jobDir: string}): Promise<string>
  /** Every task of the jobs with these names: one controller call (plus accounting for ended ones). */
  jobs(names: readonly string[], since: Date): Promise<SlurmJob[]>
  /** Cancels jobs or tasks (`123`, `123_4`). */
  cancel(ids: readonly string[]): Promise<void>
  /** The connection is gone (the login node went away): make a new control. */
  lost?(): boolean
  /** How many calls to the controller this control has made (for the benchmark). */
  calls(): number
  close(): Promise<void>
}

const FIELD = '\x1f'

/** What a Slurm command may print: a controller listing thousands of tasks is a few MiB. */
export const MAX_OUTPUT = 64 << 20

/**
 * Collects a command's stdout and stderr, at most `max` bytes of the two together; `over` is
 * told each time more comes (a local command is killed, a remote one's rest is dropped).
 */
export function collectOutput(max = MAX_OUTPUT, over: () => void = () => undefined) {
  const out: Buffer[] = []
  const err: Buffer[] = []
  let size = 0
  const take =
    (into: Buffer[]) =>
    (b: Buffer): void => {
      size += b.length
      if (size > max) over()
      else into.push(b)
    }
  return {
    stdout: take(out),
    stderr: take(err),
    result: (code: number): ExecResult => ({
      code,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    }),
  }
}

function fail(where: string, op: string, r: ExecResult): ServiceError {
  const msg = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') || `exit code ${r.code}`
  return new ServiceError(`Slurm (${where})`, op, msg)
}

/** Slurm's `3:0` (exit code : signal). */
function exitOf(text: string | undefined): number | undefined {
  const m = /^(\d+):(\d+)$/.exec(text?.trim() ?? '')
  if (!m) return undefined
  return Number(m[2]) > 0 ? 128 + Number(m[2]) : Number(m[1])
}

/** squeue -r -o '%i…%T…' lines: one per task; a pending range that was not expanded keeps its `[2-4%2]`. */
export function parseSqueue(text: string): SlurmJob[] {
  const out: SlurmJob[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const [id = '', arrayJobId = '', task = '', name = '', state = '', reason = ''] = line.split(FIELD)
    const t = /^\d+$/.test(task) ? Number(task) : undefined
    out.push({
      id: t === undefined ? id : `${arrayJobId}_${t}`,
      arrayJobId,
      task: t,
      name,
      state: slurmState(state),
      native: state,
      reason: reason && reason !== 'None' ? reason : undefined,
      exitCode: undefined,
    })
  }
  return out
}

/** sacct -P lines (JobID|JobName|State|ExitCode|Reason): array tasks as `123_4`. */
export function parseSacct(text: string): SlurmJob[] {
  const out: SlurmJob[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const [id = '', name = '', state = '', exit = '', reason = ''] = line.split('|')
    const m = /^(\d+)(?:_(\d+))?$/.exec(id)
    if (!m) continue // a pending range (123_[1-3]) or a step
    out.push({
      id,
      arrayJobId: m[1]!,
      task: m[2] === undefined ? undefined : Number(m[2]),
      name,
      state: slurmState(state),
      native: state,
      reason: reason && reason !== 'None' ? reason : undefined,
      exitCode: exitOf(exit),
    })
  }
  return out
}

/** `scontrol show config` → the limits a submission must respect. */
export function parseLimits(text: string): SlurmLimits {
  const num = (key: string, dflt: number): number => {
    const m = new RegExp(`^${key}\\s*=\\s*(\\d+)`, 'm').exec(text)
    return m ? Number(m[1]) : dflt
  }
  return {maxArraySize: num('MaxArraySize', 1001), maxJobCount: num('MaxJobCount', 10000)}
}

/** Slurm through its commands (sbatch, squeue, sacct, scancel, scontrol). */
export function cliControl(where: string, exec: Exec, files: SlurmFiles): SlurmControl {
  let calls = 0
  let accounting: boolean | undefined
  const run = async (argv: readonly string[]): Promise<ExecResult> => {
    calls++
    return exec(argv)
  }
  return {
    where,
    files,
    async limits() {
      const r = await run(['scontrol', 'show', 'config'])
      if (r.code !== 0) throw fail(where, 'scontrol show config', r)
      return parseLimits(r.stdout)
    },
    async submit(s) {
      const r = await run(['sbatch', '--parsable', `--chdir=${s.jobDir}`, s.scriptPath])
      const id = /^(\d+)(;\S+)?\s*$/.exec(r.stdout)?.[1]
      if (r.code !== 0 || !id) throw fail(where, 'sbatch', r)
      return id
    },
    async jobs(names, since) {
      if (names.length === 0) return []
      const q = await run([
        'squeue',
        '-h',
        '-r',
        '-t',
        'all',
        `--name=${names.join(',')}`,
        '-o',
        ['%i', '%F', '%K', '%j', '%T', '%r'].join(FIELD),
      ])
      if (q.code !== 0) throw fail(where, 'squeue', q)
      const live = parseSqueue(q.stdout)
      // accounting is asked only when a name squeue no longer lists (slurmctld forgot it), if there is one
      const listed = new Set(live.map(j => j.name))
      if (accounting === false || names.every(n => listed.has(n))) return live
      const start = new Date(since.getTime() - 86_400_000).toISOString().slice(0, 19)
      const a = await run([
        'sacct',
        '-X',
        '-n',
        '-P',
        `--name=${names.join(',')}`,
        '-S',
        start,
        '-E',
        'now',
        '-o',
        'JobID,JobName,State,ExitCode,Reason',
      ])
      if (a.code !== 0) {
        if (/accounting storage is disabled/i.test(a.stderr)) {
          accounting = false
          return live
        }
        throw fail(where, 'sacct', a)
      }
      accounting = true
      const byId = new Map(live.map(j => [j.id, j]))
      for (const j of parseSacct(a.stdout)) {
        const known = byId.get(j.id)
        // squeue is the fresher word on a job it still shows; sacct adds the exit code
        if (known) known.exitCode ??= j.exitCode
        else byId.set(j.id, j)
      }
      return [...byId.values()]
    },
    async cancel(ids) {
      if (ids.length === 0) return
      const r = await run(['scancel', ...ids])
      // a job that already ended is not an error for a cancel
      if (r.code !== 0 && !/Invalid job id|already completing or completed|Job\/step already/i.test(r.stderr))
        throw fail(where, 'scancel', r)
    },
    calls: () => calls,
    close: () => Promise.resolve(),
  }
}
