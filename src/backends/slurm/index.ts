/**
 * The Slurm backend. A launch's runs become job arrays (`sbatch --array=0-N%K`, split at the
 * cluster's MaxArraySize); each task finds its run's argv and environment in the job directory
 * (`<job-root>/<launch id>`), runs it in a container (seed 003's Pyxis script, or docker,
 * apptainer, none), and writes `results/<run output>/metrics.json` there.
 *
 * Idempotent submission: before each sbatch, a submission record (its runs, its job name
 * `tr-<launch>-<key>`) is written to `submissions/`. A later attempt of the same launch (after
 * a dropped connection, or a launcher killed with -9) reads those records, asks the controller
 * for jobs of those names, adopts what it finds and submits only what is missing.
 *
 * Polls cost one controller call for every run of the launch (squeue over the launch's job
 * names; sacct only for tasks squeue no longer shows).
 */
import {createHash} from 'node:crypto'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {BackendConfig, SlurmConfig} from '../../config/backends.js'
import {ConfigError, ServiceError, getErrorMessage} from '../../kit/errors.js'
import type {LedgerRun} from '../../ledger/ledger.js'
import type {Plan, Run} from '../../plan/types.js'
import {containerMainArgs} from '../../runner/spec.js'
import {runEnvironment} from '../env.js'
import {needed, type LocalDeps} from '../local/index.js'
import {METRICS_MAX_BYTES, parseRunMetrics} from '../outcome.js'
import {seconds, specOf} from '../pool.js'
import {
  parseHandle,
  PartialSubmitError,
  type Backend,
  type Handle,
  type LaunchContext,
  type Observation,
  type Submitted,
} from '../types.js'
import {cliControl, type FileEntry, type SlurmControl, type SlurmJob} from './control.js'
import {localExec, localFiles} from './local.js'
import {nulJoin, renderScript, slurmMem} from './script.js'
import {SLURM_TO_LEDGER} from './states.js'

/** What a Slurm handle's `native` holds. */
interface SlurmNative {
  /** `<array job id>_<task>` */
  jobId: string
  arrayJobId: string
  task: number
  /** The job's name (the submission's idempotency key). */
  name: string
  key: string
  jobDir: string
  where: string
}

/** A submission record in `<job dir>/submissions/<key>.json`, written before its sbatch. */
interface SubmissionRecord {
  v: 1
  key: string
  name: string
  attempt: number
  /** Run ids by task id. */
  runs: string[]
}

const LOG_TAIL_BYTES = 64 << 10
/** Variables a run on the cluster gets besides those its experiment names. */
const RUN_BASE_ENV = ['LANG', 'LC_ALL', 'TZ']

function nativeOf(h: Handle | undefined): SlurmNative | undefined {
  const n = h?.kind === 'slurm' ? (h.native as Partial<SlurmNative>) : undefined
  return n && typeof n.jobId === 'string' && typeof n.jobDir === 'string' ? (n as SlurmNative) : undefined
}

/** sbatch's words for an answer that never came: the job may have been queued all the same. */
const UNCERTAIN = /timed out|time-out|timeout|Unable to contact|connection was lost|Socket|Zero Bytes/i

/**
 * One sbatch. When it fails, the controller is asked whether the job exists all the same (a
 * time-out after it was queued): a job found is adopted; otherwise a PartialSubmitError
 * carries what this submission already placed, and whether the rest were surely not submitted.
 */
async function submitOrFind(
  s: SlurmControl,
  job: {script: string; scriptPath: string; jobDir: string},
  name: string,
  ctx: LaunchContext,
  placed: readonly Submitted[],
): Promise<string> {
  try {
    return await s.submit(job)
  } catch (e: unknown) {
    // a refusal sbatch gave a reason for is definite (Slurm may even keep a FAILED record of it)
    if (!UNCERTAIN.test(getErrorMessage(e))) throw new PartialSubmitError(getErrorMessage(e), placed, true, {cause: e})
    const found = await s.jobs([name], new Date(ctx.launch.createdAt)).catch(() => undefined)
    const existing = found?.find(j => j.name === name)
    if (existing) {
      ctx.warn(`sbatch failed (${getErrorMessage(e)}), but job ${existing.arrayJobId} (${name}) is there: adopted`)
      return existing.arrayJobId
    }
    const definite = found !== undefined && !UNCERTAIN.test(getErrorMessage(e))
    throw new PartialSubmitError(getErrorMessage(e), placed, definite, {
      cause: e,
      ...(definite
        ? {}
        : {hint: `whether ${name} reached the cluster is unknown: trainer status --refresh adopts it or submits it`}),
    })
  }
}

/** Paths on a login node read `ssh user@host:port:/path`; local and shared (rest) paths are plain. */
function remotePrefix(n: SlurmNative): string {
  return n.where.startsWith('ssh ') ? `${n.where}:` : ''
}

/** The control for a backend's transport (ssh and rest load their clients only when used). */
async function connect(c: SlurmConfig, env: Readonly<Record<string, string | undefined>>): Promise<SlurmControl> {
  const transport = c.transport ?? (c.url ? 'rest' : c.host ? 'ssh' : 'local')
  switch (transport) {
    case 'local':
      return cliControl('local', localExec(env), localFiles())
    case 'ssh': {
      const {sshControl} = await import('./ssh.js')
      return sshControl(c, env)
    }
    case 'rest': {
      const {restControl} = await import('./rest.js')
      return restControl(c, env)
    }
  }
}

/**
 * The environment a run gets on the cluster: the variables its experiment names (never a
 * credential of the launcher's: src/backends/env.ts), `trainer run`'s own knobs, and the
 * locale. A name the job script cannot export (`A-B`) is left out with a warning.
 */
function runEnv(
  run: Run,
  launcher: Readonly<Record<string, string | undefined>>,
  warn: (m: string) => void,
): Record<string, string> {
  const out: Record<string, string> = {}
  const passed = runEnvironment(launcher, [...run.env, ...RUN_BASE_ENV], {container: true})
  for (const [k, v] of Object.entries(passed)) {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) out[k] = v
    else warn(`environment variable ${JSON.stringify(k)} is not a shell name: not passed to the runs`)
  }
  return out
}

/** The job script of one submission: its runs' resources (the first run's: a sweep shares them) as directives. */
export function scriptFor(
  c: SlurmConfig,
  o: {name: string; launchId: string; jobDir: string; key: string; runs: readonly Run[]; gracePeriod: number},
): string {
  const first = o.runs[0]
  if (!first) throw new Error('a submission needs runs')
  const time = first.resources.time
  return renderScript({
    name: o.name,
    launchId: o.launchId,
    jobDir: o.jobDir,
    key: o.key,
    tasks: o.runs.length,
    throttle: c['max-parallel'],
    image: first.image,
    config: c,
    // Slurm reads a bare number as minutes: `90m` becomes 90
    time: time && /^\d+[smhd]$/.test(time) ? String(Math.ceil((seconds(time) ?? 60) / 60)) : time,
    cpus: first.resources.cpus === undefined ? undefined : Math.ceil(first.resources.cpus),
    mem: slurmMem(first.resources.memory),
    gpus: first.resources.gpus,
    gracePeriod: o.gracePeriod,
  })
}

/** The script a plan would be submitted with (`trainer plan --show-script`), without reaching the cluster. */
export function previewScript(c: SlurmConfig, plan: Plan, gracePeriod = 30): string {
  const jobDir = join(c['job-root'] ?? '~/.trainer/slurm-jobs', plan.launchId)
  return scriptFor(c, {
    name: `tr-${plan.launchId}-a1-<key>`,
    launchId: plan.launchId,
    jobDir,
    key: 'a1-<key>',
    runs: plan.runs,
    gracePeriod,
  })
}

/** srun's line for a task that exited non-zero. */
const SRUN_EXIT = /^srun: error: \S+: tasks? [\d,-]+: Exited with exit code \d+$/

export function createBackend(name: string, config: BackendConfig, deps: LocalDeps): Backend {
  if (config.type !== 'slurm') throw new Error(`backend ${name} is not a Slurm backend`)
  const c = config
  const runner = c.runner ?? 'trainer'
  let control: Promise<SlurmControl> | undefined
  /** The control, connected again when the last connection failed or was lost. */
  const ctl = async (ctx: LaunchContext): Promise<SlurmControl> => {
    const current = control && (await control.catch(() => undefined))
    if (current && !current.lost?.()) return current
    if (current) await current.close().catch(() => undefined)
    const next = connect(c, ctx.env)
    control = next
    return next
  }
  const jobDirOf = async (ctx: LaunchContext): Promise<string> => {
    const s = await ctl(ctx)
    return s.files.absolute(join(c['job-root'] ?? '.trainer/slurm-jobs', ctx.launch.id))
  }

  /** Copies the `trainer run` bundle into the job directory, once per launch. */
  async function deliverRunner(s: SlurmControl, jobDir: string): Promise<void> {
    const dir = join(jobDir, 'trainer-run')
    if ((await s.files.list(dir)).includes('index.js')) return
    const from = needed(deps.runnerDir, 'runner directory')
    const names = (await readdir(from)).filter(n => n.endsWith('.js') || n === 'package.json')
    if (!names.includes('index.js')) throw new Error(`${from} has no trainer run bundle (npm run build)`)
    // into a fresh directory, renamed into place: a present trainer-run/index.js is a whole copy
    const tmp = `${dir}.${process.pid}-${Date.now()}`
    await s.files.mkdir(tmp)
    await s.files.writeAll(
      tmp,
      await Promise.all(names.map(async n => ({name: n, data: await readFile(join(from, n)), mode: 0o644}))),
    )
    // another launcher may have put one there first: theirs is as good
    await s.files.rename(tmp, dir).catch(async (e: unknown) => {
      if (!(await s.files.list(dir)).includes('index.js')) throw e
    })
  }

  /** The argv of one run's task. */
  function argvOf(run: Run, jobDir: string, grace: number): string[] {
    const results = join(jobDir, 'results')
    if (runner === 'trainer')
      return [
        c.node ?? 'node',
        join(jobDir, 'trainer-run', 'index.js'),
        '--results-root',
        results,
        '--grace-period',
        String(grace),
      ]
    return [...run.command, ...containerMainArgs(specOf(run)), '--results-root', results]
  }

  async function records(s: SlurmControl, jobDir: string): Promise<SubmissionRecord[]> {
    const out: SubmissionRecord[] = []
    for (const f of (await s.files.list(join(jobDir, 'submissions'))).filter(n => n.endsWith('.json')).sort()) {
      const raw = await s.files.read(jobDir, `submissions/${f}`, 1 << 20).catch(() => undefined)
      try {
        const r = JSON.parse(raw?.toString('utf8') ?? '') as SubmissionRecord
        if (r.v === 1 && Array.isArray(r.runs)) out.push(r)
      } catch {
        // a record cut short by a killed launcher: its sbatch never ran
      }
    }
    return out
  }

  function handleOf(
    rec: SubmissionRecord,
    job: SlurmJob | {arrayJobId: string},
    task: number,
    jobDir: string,
    where: string,
  ): Handle {
    const native: SlurmNative = {
      jobId: `${job.arrayJobId}_${task}`,
      arrayJobId: job.arrayJobId,
      task,
      name: rec.name,
      key: rec.key,
      jobDir,
      where,
    }
    return {v: 1, kind: 'slurm', attempt: rec.attempt, native: {...native}}
  }

  return {
    type: 'slurm',
    name,
    remote: true,
    async submit(ctx, runs) {
      const s = await ctl(ctx)
      const jobDir = await jobDirOf(ctx)
      const grace = ctx.gracePeriod ?? 30
      await s.files.mkdir(...['submissions', 'tasks', 'logs', 'results'].map(d => join(jobDir, d)))
      const byId = new Map(ctx.launch.plan.runs.map(r => [r.id, r]))
      const attemptOf = (r: LedgerRun): number => (r.state === 'CREATED' ? 1 : r.attempt + 1)
      const wanted = new Map(runs.map(r => [`${r.id}#${attemptOf(r)}`, r]))
      const out: Submitted[] = []

      // adopt what an earlier attempt of this launch submitted
      const recs = (await records(s, jobDir)).filter(r => r.runs.some(id => wanted.has(`${id}#${r.attempt}`)))
      if (recs.length) {
        const jobs = await s.jobs(
          recs.map(r => r.name),
          new Date(ctx.launch.createdAt),
        )
        for (const rec of recs) {
          const job = jobs.find(j => j.name === rec.name)
          if (!job) continue // written, never submitted
          rec.runs.forEach((id, task) => {
            if (!wanted.delete(`${id}#${rec.attempt}`)) return
            out.push({runId: id, handle: handleOf(rec, job, task, jobDir, s.where), adopted: true})
          })
          ctx.log(
            `slurm: adopted job ${job.arrayJobId} (${rec.name}, ${rec.runs.length} tasks) from an earlier attempt`,
          )
        }
      }
      if (wanted.size === 0) return out

      const {maxArraySize, maxJobCount} = await s.limits()
      const missing = [...wanted.values()]
      if (missing.length > maxJobCount)
        throw new ConfigError(
          `${missing.length} runs exceed the cluster's MaxJobCount of ${maxJobCount}; narrow the sweep`,
          {key: 'launch.max-runs'},
        )
      if (runner === 'trainer') await deliverRunner(s, jobDir)
      for (let i = 0; i < missing.length; i += maxArraySize) {
        const chunk = missing.slice(i, i + maxArraySize)
        const attempt = attemptOf(chunk[0]!)
        const ids = chunk.map(r => r.id)
        const key = `a${attempt}-${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 10)}`
        const rec: SubmissionRecord = {v: 1, key, name: `tr-${ctx.launch.id}-${key}`, attempt, runs: ids}
        await s.files.mkdir(join(jobDir, 'tasks', key))
        const taskFiles: FileEntry[] = []
        for (const [task, r] of chunk.entries()) {
          const run = byId.get(r.id)
          if (!run) throw new Error(`run ${r.id} is not in launch ${ctx.launch.id}'s plan`)
          const env: Record<string, string> = {
            ...runEnv(run, ctx.env, ctx.warn),
            TRAINER_RUN_SPEC: JSON.stringify(specOf(run)),
          }
          const limit = seconds(run.resources.time)
          if (limit !== undefined) env.RUN_TIMEOUT_SEC = String(limit)
          taskFiles.push(
            {name: `${task}.argv`, data: nulJoin(argvOf(run, jobDir, grace)), mode: 0o600},
            // the environment may hold secrets the experiment names: readable by the job's user only
            {name: `${task}.env`, data: nulJoin(Object.entries(env).map(([k, v]) => `${k}=${v}`)), mode: 0o600},
          )
        }
        await s.files.writeAll(join(jobDir, 'tasks', key), taskFiles)
        const script = scriptFor(c, {
          name: rec.name,
          launchId: ctx.launch.id,
          jobDir,
          key,
          runs: chunk.map(r => byId.get(r.id)!),
          gracePeriod: grace,
        })
        const scriptPath = join(jobDir, 'submissions', `${key}.sh`)
        await s.files.write(scriptPath, script, 0o755)
        await s.files.write(join(jobDir, 'submissions', `${key}.json`), JSON.stringify(rec))
        const arrayJobId = await submitOrFind(s, {script, scriptPath, jobDir}, rec.name, ctx, out)
        ctx.log(`slurm: submitted job ${arrayJobId} (${chunk.length} tasks) via ${s.where}; job directory ${jobDir}`)
        chunk.forEach((r, task) =>
          out.push({runId: r.id, handle: handleOf(rec, {arrayJobId}, task, jobDir, s.where), adopted: false}),
        )
      }
      return out
    },

    async poll(ctx, runs) {
      const s = await ctl(ctx)
      const natives = new Map<string, SlurmNative>()
      for (const r of runs) {
        const n = nativeOf(parseHandle(r.handle))
        if (n) natives.set(r.id, n)
      }
      const names = [...new Set([...natives.values()].map(n => n.name))]
      const jobs = await s.jobs(names, new Date(ctx.launch.createdAt))
      const byTask = new Map(jobs.map(j => [j.id, j]))
      // a pending range not expanded into tasks (123_[2-4%2]) stands for each of its tasks
      const ranges = jobs.filter(j => j.task === undefined)
      const seen = new Map<string, Observation>()
      for (const [runId, n] of natives) {
        const j = byTask.get(n.jobId) ?? ranges.find(x => x.arrayJobId === n.arrayJobId)
        if (!j?.state) continue // not seen: absence is not death (the next poll asks again)
        const m = SLURM_TO_LEDGER[j.state]
        const reason = [m.why, j.reason].filter(Boolean).join(': ') || undefined
        seen.set(runId, {
          state: m.state,
          native: j.native,
          reason: m.state === 'SUCCEEDED' ? undefined : reason,
          exitCode: j.exitCode,
          requeue: m.requeue,
        })
      }
      return seen
    },

    async cancel(ctx, runs) {
      const s = await ctl(ctx)
      const natives = runs.map(r => nativeOf(parseHandle(r.handle))).filter(n => n !== undefined)
      // a whole array in one word when every task of it is cancelled
      const tasksOf = new Map<string, SlurmNative[]>()
      for (const n of natives) tasksOf.set(n.arrayJobId, [...(tasksOf.get(n.arrayJobId) ?? []), n])
      const ids: string[] = []
      for (const [array, ns] of tasksOf) {
        const all = ctx.ledger
          .listRuns(ctx.launch.id)
          .filter(r => nativeOf(parseHandle(r.handle))?.arrayJobId === array)
        ids.push(...(ns.length === all.length ? [array] : ns.map(n => n.jobId)))
      }
      await s.cancel(ids)
      return new Map(runs.map(r => [r.id, nativeOf(parseHandle(r.handle)) ? 'sent' : 'unknown'] as const))
    },

    async collect(ctx, run) {
      const n = nativeOf(parseHandle(run.handle))
      if (!n) return {problem: 'no Slurm job', logTail: []}
      const s = await ctl(ctx)
      let read: ReturnType<typeof parseRunMetrics>
      try {
        const text = await s.files.read(n.jobDir, `results/${run.output}/metrics.json`, METRICS_MAX_BYTES + 1)
        read = text ? parseRunMetrics(text.toString('utf8')) : {problem: 'no metrics.json'}
      } catch (e: unknown) {
        read = {problem: `metrics.json refused: ${getErrorMessage(e)}`}
      }
      const log = await s.files
        .read(n.jobDir, `logs/${n.key}_${n.task}.out`, LOG_TAIL_BYTES)
        .catch((e: unknown) => Buffer.from(`(its log cannot be read: ${getErrorMessage(e)})`))
      // the job's own last words: srun's `task N: Exited with exit code N`, appended whenever
      // srun gets to it, only restates the exit code that Slurm's state already gives
      const logTail = (log?.toString('utf8') ?? '')
        .split('\n')
        .filter(l => l && !SRUN_EXIT.test(l))
        .slice(-15)
      return {
        metrics: read.metrics,
        problem: read.problem,
        logTail,
        resultUrl: `${remotePrefix(n)}${join(n.jobDir, 'results', run.output)}`,
      }
    },

    async foreignHandle(ctx, run) {
      if (!run.handle) return undefined
      const n = nativeOf(parseHandle(run.handle))
      if (!n) return `run ${run.id}: its handle is not a Slurm job`
      const jobDir = await jobDirOf(ctx)
      if (n.jobDir !== jobDir) return `run ${run.id}: its job directory ${n.jobDir} is not this launch's (${jobDir})`
      if (!/^a\d+-[0-9a-f]{10}$/.test(String(n.key)) || n.name !== `tr-${ctx.launch.id}-${n.key}`)
        return `run ${run.id}: its job name ${n.name} is not one of launch ${ctx.launch.id}'s`
      if (
        !/^\d+$/.test(String(n.arrayJobId)) ||
        !Number.isSafeInteger(n.task) ||
        n.task < 0 ||
        n.jobId !== `${n.arrayJobId}_${n.task}`
      )
        return `run ${run.id}: its job ${n.jobId} is not a task of an array job`
      return undefined
    },

    links(_ctx, run) {
      const n = nativeOf(parseHandle(run.handle))
      if (!n) return {}
      const prefix = remotePrefix(n)
      return {
        log: `${prefix}${join(n.jobDir, 'logs', `${n.key}_${n.task}.out`)}`,
        artifacts: `${prefix}${join(n.jobDir, 'results', run.output)}`,
        page: `${prefix}${n.jobDir} (job ${n.jobId})`,
      }
    },

    async close() {
      const current = control && (await control.catch(() => undefined))
      await current?.close()
    },
  }
}

/** Raised when a transport cannot reach the cluster at all. */
export function unreachable(where: string, why: string): ServiceError {
  return new ServiceError(`Slurm (${where})`, 'connect', why)
}
