import {lstat, mkdir, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import type {Writable} from 'node:stream'
import {finished} from 'node:stream/promises'
import {CancelledError, ConfigError, getErrorMessage} from '../kit/errors.js'
import {createInside, inside, makeDirs, openInside, readInside, UnsafePathError, writeInside} from '../kit/safe-fs.js'
import {parseRunnerArgs, RUNNER_USAGE, type RunnerArgs} from './args.js'
import {zipDirectory} from './archive.js'
import {readLines} from './lines.js'
import {MetricsCollector, serializeMetrics, type RunMetrics, type RunStatus} from './metrics.js'
import {urlRedactor} from './redact.js'
import {containerMainArgs, keepFilter, resolveSpec, runEnv, type RunSpec} from './spec.js'
import {Relay, Training} from './training.js'
import {putFile, redactUrl, uploadTarget, type PutOptions} from './upload.js'

/** seed 000's exit codes. */
export const EXIT = {success: 0, training: 1, config: 2, upload: 3, interrupted: 130} as const

export interface RunnerContext {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** The runner's own log lines (stderr in a container). */
  log: (line: string) => void
  /** Where the training's output is streamed live. */
  stdout: Writable
  stderr: Writable
  /** Where SIGINT/SIGTERM arrive (the process). */
  signals: NodeJS.EventEmitter
  /** Signals that came before the runner was called (while its code loaded). */
  early?: readonly NodeJS.Signals[]
  now?: () => Date
}

const TAIL_LINES = 20
/** Longest delay setTimeout takes (about 24.8 days); longer waits are chained. */
const MAX_DELAY = 2 ** 31 - 1
/** How long the training's output may keep flowing after its main process ends. */
const DRAIN_MS = 2000
/** How much of metrics.jsonl is read. */
const JSONL_MAX_BYTES = 256 << 20
/** How much of the training's own metrics.json is read (an object of final values). */
const OWN_METRICS_MAX_BYTES = 1 << 20
/** The run contract's longest reason. */
const MAX_REASON = 4096
/** Variables the training never sees: the pre-signed URL is a secret, the upload knobs are ours. */
const RUNNER_ONLY = [
  'RESULT_URL',
  'TRAINER_UPLOAD_RETRIES',
  'TRAINER_UPLOAD_RETRY_BASE_MS',
  'TRAINER_UPLOAD_TIMEOUT_SEC',
  'TRAINER_UPLOAD_ATTEMPT_SEC',
  'TRAINER_UPLOAD_DEADLINE_SEC',
]

/**
 * Upload knobs for slow or flaky links: TRAINER_UPLOAD_RETRIES, _RETRY_BASE_MS, _TIMEOUT_SEC
 * (inactivity), _ATTEMPT_SEC (one attempt) and _DEADLINE_SEC (the whole upload).
 */
function uploadTuning(env: Readonly<Record<string, string | undefined>>): PutOptions {
  const n = (k: string, scale = 1): number | undefined => {
    const v = env[k]
    return v !== undefined && v !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) * scale : undefined
  }
  const o: PutOptions = {}
  const set = <K extends keyof PutOptions>(k: K, v: PutOptions[K] | undefined): void => {
    if (v !== undefined) o[k] = v
  }
  set('retries', n('TRAINER_UPLOAD_RETRIES'))
  set('retryAfterBase', n('TRAINER_UPLOAD_RETRY_BASE_MS'))
  set('timeoutMs', n('TRAINER_UPLOAD_TIMEOUT_SEC', 1000))
  set('attemptDeadlineMs', n('TRAINER_UPLOAD_ATTEMPT_SEC', 1000))
  set('deadlineMs', n('TRAINER_UPLOAD_DEADLINE_SEC', 1000))
  return o
}

/** setTimeout for any delay (chained past Node's 24.8-day limit); returns a cancel function. */
export function after(ms: number, fn: () => void): () => void {
  let t: NodeJS.Timeout
  const arm = (left: number): void => {
    t = setTimeout(() => (left > MAX_DELAY ? arm(left - MAX_DELAY) : fn()), Math.min(left, MAX_DELAY))
  }
  arm(Math.max(0, ms))
  return () => clearTimeout(t)
}

/**
 * Creates `root/rel` and the directories on the way below `root`, refusing a symlink (or a
 * file) at any of them: a training that planted `runs/001 -> /elsewhere` gets nothing there.
 */
async function makeDirInside(root: string, rel: string): Promise<string> {
  const dir = inside(root, rel)
  let at = resolve(root)
  // the results root is the operator's: made as asked
  await makeDirs(at)
  for (const part of rel.split('/')) {
    at = join(at, part)
    await mkdir(at).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    })
    const s = await lstat(at)
    if (s.isSymbolicLink()) throw new UnsafePathError(`${at} is a symlink: refused`)
    if (!s.isDirectory()) throw new UnsafePathError(`${at} is not a directory`)
  }
  return dir
}

const missing = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT'

/** The runner's own lines: each scrubbed of every piece of the upload URL's signature. */
interface RunLog {
  /** Removes the URL's secrets from a line (relayed lines, logs.txt and metrics.json go through it too). */
  scrub: (m: string) => string
  /** Says a line, `[trainer] `-prefixed. */
  say: (m: string) => void
  /** Says a line only with LOG_LEVEL=DEBUG. */
  debug: (m: string) => void
}

function runLog(ctx: RunnerContext, resultUrl: string | undefined): RunLog {
  const redactor = urlRedactor(resultUrl)
  const scrub = (m: string): string => redactor.redact(m)
  const say = (m: string): void => ctx.log(`[trainer] ${scrub(m)}`)
  const debug = (ctx.env.LOG_LEVEL ?? 'INFO').toUpperCase() === 'DEBUG'
  return {scrub, say, debug: m => (debug ? say(`debug: ${m}`) : undefined)}
}

/**
 * SIGINT and SIGTERM, ours for the whole run. Each step says what a signal does from then on
 * ({@link handle}); until one does, the first signal is kept in {@link first}, the signals that
 * came before the runner was called included.
 */
class RunSignals {
  first: NodeJS.Signals | undefined
  private handler: (sig: NodeJS.Signals) => void = sig => void (this.first ??= sig)
  private readonly emitter: NodeJS.EventEmitter
  private readonly onInt = (): void => this.handler('SIGINT')
  private readonly onTerm = (): void => this.handler('SIGTERM')

  constructor(emitter: NodeJS.EventEmitter, early: readonly NodeJS.Signals[] = []) {
    this.emitter = emitter
    this.first = early[0]
    emitter.on('SIGINT', this.onInt)
    emitter.on('SIGTERM', this.onTerm)
  }

  handle(fn: (sig: NodeJS.Signals) => void): void {
    this.handler = fn
  }

  close(): void {
    this.emitter.off('SIGINT', this.onInt)
    this.emitter.off('SIGTERM', this.onTerm)
  }
}

/** What every step shares. */
interface Runner {
  ctx: RunnerContext
  log: RunLog
  signals: RunSignals
  /** RESULT_URL: the pre-signed PUT URL the zip goes to (a secret). */
  resultUrl: string | undefined
}

/** The run as the first step resolved it. */
interface RunSetup {
  args: RunnerArgs
  spec: RunSpec
  /** RUN_TIMEOUT_SEC, when set. */
  timeoutSec: number | undefined
  /** The results root. */
  root: string
  /** The run's directory: `root/spec.output`. */
  runDir: string
  /** logs.txt, created as ours. */
  logs: Writable
}

/**
 * `trainer run`: seed 000's container_main.py around any training command. Resolves
 * the run, runs the command with its run directory and parameters, streams and keeps
 * its output, always writes metrics.json, zips and uploads the results when asked,
 * and exits with seed 000's codes.
 */
export async function runner(ctx: RunnerContext): Promise<number> {
  const resultUrl = ctx.env.RESULT_URL || undefined
  // Signals are ours for the whole run. Before the training exists one means it is never
  // started; while it runs it goes to the training; afterwards it stops the archive and upload.
  const signals = new RunSignals(ctx.signals, ctx.early)
  try {
    return await supervise({ctx, log: runLog(ctx, resultUrl), signals, resultUrl})
  } finally {
    signals.close()
  }
}

/** The steps of a run, each ending it early with its exit code where it must. */
async function supervise(r: Runner): Promise<number> {
  let run: RunSetup | 'help'
  try {
    run = await setUp(r)
  } catch (e: unknown) {
    r.log.say(`error: ${getErrorMessage(e)}`)
    return EXIT.config
  }
  if (run === 'help') {
    r.ctx.log(RUNNER_USAGE)
    return EXIT.success
  }
  const record = new RunRecord(run, r.log, r.ctx.now ?? (() => new Date()))
  if (r.signals.first) {
    const why = `interrupted (${r.signals.first}) before the training started`
    r.log.say(why)
    await record.write(await record.metrics('interrupted', EXIT.interrupted, why))
    return EXIT.interrupted
  }
  const started = await startTraining(r, run, record)
  if (typeof started === 'number') return started
  const {status, exit, reason, stopped} = await waitForTraining(r, run, record, started)
  if (record.logError) r.log.say(`warning: logs.txt could not be written: ${record.logError.message}`)
  const metrics = await record.metrics(status, exit, reason)
  if (!(await record.write(metrics))) {
    // the results are not all there: a run that succeeded is not delivered
    return exit === EXIT.success ? EXIT.upload : exit
  }
  // An external stop means the platform is about to end us: results stay on disk. A
  // time-out is ours: its results are still uploaded.
  if (stopped === 'interrupted' || run.args.archive !== 'zip') return exit
  return archiveAndUpload(r, run, record, metrics, exit)
}

/**
 * Step 1: parses the arguments and resolves the run. Refuses, before anything runs, a zip with
 * nowhere to go, an upload URL that can never take it and a bad RUN_TIMEOUT_SEC. Makes the run
 * directory and its checkpoints/ (no symlink on the way), removes an earlier attempt's metrics and
 * creates logs.txt. Returns 'help' for --help; throws what is wrong (a configuration error).
 */
async function setUp(r: Runner): Promise<RunSetup | 'help'> {
  const {ctx, resultUrl} = r
  const args = parseRunnerArgs(ctx.argv)
  if (args.help) return 'help'
  const spec = await resolveSpec(args, ctx.env, ctx.cwd)
  if (args.archive === 'zip' && !resultUrl && !args.allowMissingUpload) {
    throw new ConfigError(
      'RESULT_URL is not set: it must be a pre-signed PUT URL for --archive zip (or pass --allow-missing-upload)',
      {key: 'RESULT_URL'},
    )
  }
  // a URL that can never take the upload is refused now, not after hours of training
  if (args.archive === 'zip' && resultUrl) uploadTarget(resultUrl)
  let timeoutSec: number | undefined
  const t = ctx.env.RUN_TIMEOUT_SEC
  if (t !== undefined && t !== '') {
    timeoutSec = Number(t)
    if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) {
      throw new ConfigError(`RUN_TIMEOUT_SEC must be a positive number of seconds, got '${t}'`, {
        key: 'RUN_TIMEOUT_SEC',
      })
    }
  }
  const root = resolve(ctx.cwd, args.resultsRoot)
  const runDir = await makeDirInside(root, spec.output)
  await makeDirInside(root, `${spec.output}/checkpoints`)
  // a new attempt starts from clean metrics; logs.txt is opened as ours before the
  // training exists, so nothing it plants at that name later is ever opened
  await Promise.all(['metrics.json', 'metrics.jsonl'].map(f => rm(join(runDir, f), {force: true})))
  const logs = (await createInside(root, `${spec.output}/logs.txt`)).createWriteStream()
  return {args, spec, timeoutSec, root, runDir, logs}
}

/**
 * What the run records besides the training's own files: its output in logs.txt (and the last
 * lines, for an error message), the metric points in it, and metrics.json. The run starts (its
 * `started_at`) when the record is made.
 */
class RunRecord {
  readonly collector = new MetricsCollector()
  /** logs.txt's first write error. */
  logError: Error | undefined
  private readonly tail: string[] = []
  private readonly run: RunSetup
  private readonly log: RunLog
  private readonly now: () => Date
  private readonly started: Date

  constructor(run: RunSetup, log: RunLog, now: () => Date) {
    this.run = run
    this.log = log
    this.now = now
    run.logs.on('error', e => (this.logError ??= e))
    this.started = now()
  }

  /** Keeps a line of output among the last ones. */
  keep(line: string): void {
    this.tail.push(line)
    if (this.tail.length > TAIL_LINES) this.tail.shift()
  }

  /** The last lines of output, for an error message. */
  lastLines(): string {
    return this.tail.map(l => `  | ${l}`).join('\n')
  }

  /**
   * Builds metrics.json once the output is over (logs.txt is closed): the training's reported
   * points and its own final values, each read safely.
   */
  async metrics(status: RunStatus, exitCode: number, reason: string | null): Promise<RunMetrics> {
    const {run, collector} = this
    run.logs.end()
    await finished(run.logs).catch(() => undefined)
    await this.readRunFile('metrics.jsonl', async () => {
      const {handle} = await openInside(run.root, this.rel('metrics.jsonl'))
      try {
        const {truncated} = await readLines(handle, l => collector.jsonLine(l), JSONL_MAX_BYTES)
        if (truncated) this.log.say(`warning: metrics.jsonl is over ${JSONL_MAX_BYTES >> 20} MiB: the rest is not read`)
      } finally {
        await handle.close()
      }
    })
    let own: unknown
    await this.readRunFile('metrics.json', async () => {
      const r = await readInside(run.root, this.rel('metrics.json'), {maxBytes: OWN_METRICS_MAX_BYTES})
      if (r.truncated) throw new Error(`over ${OWN_METRICS_MAX_BYTES >> 20} MiB`)
      own = JSON.parse(r.text)
    })
    if (collector.dropped > 0)
      this.log.say(`warning: ${collector.dropped} metric points or names over the limits dropped`)
    const ended = this.now()
    const {spec, args} = run
    return {
      version: 1,
      experiment: spec.experiment,
      run_index: spec.index,
      seed: spec.seed,
      params: spec.params,
      tag: args.tag ?? null,
      status,
      exit_code: exitCode,
      reason,
      started_at: this.started.toISOString(),
      ended_at: ended.toISOString(),
      duration_s: (ended.getTime() - this.started.getTime()) / 1000,
      final: collector.final(own),
      history: collector.sortedHistory(),
    }
  }

  /**
   * Writes metrics.json atomically (a symlink planted at the name is replaced, not followed),
   * its reason scrubbed. When it cannot, says why, leaves no metrics.json (not even one the
   * training wrote) and returns false.
   */
  async write(m: RunMetrics): Promise<boolean> {
    const reason = m.reason === null ? null : this.log.scrub(m.reason).slice(0, MAX_REASON)
    try {
      await writeInside(this.run.root, this.rel('metrics.json'), serializeMetrics({...m, reason}))
      return true
    } catch (e: unknown) {
      this.log.say(`error: cannot write metrics.json: ${getErrorMessage(e)}`)
      if (!(e instanceof UnsafePathError))
        await rm(join(this.run.runDir, 'metrics.json'), {force: true}).catch(() => undefined)
      return false
    }
  }

  private rel(f: string): string {
    return `${this.run.spec.output}/${f}`
  }

  /** Reads a file the training may have written, safely; says why when it cannot (unless it is not there). */
  private async readRunFile(name: string, read: () => Promise<void>): Promise<void> {
    try {
      await read()
    } catch (e: unknown) {
      if (!missing(e)) this.log.say(`warning: ${name} of the training not read: ${getErrorMessage(e)}`)
    }
  }
}

/** The training, started, and the relay of its output. */
interface Started {
  training: Training
  relay: Relay
}

/**
 * Step 2: starts the training command (for container-main, with the run's arguments) in the run's
 * environment, less the runner's own variables, and relays its output: live to our streams, into
 * logs.txt, the last lines kept and stdout's metric lines collected; the training waits while any
 * of those is full. When it cannot start, says why, writes metrics.json (config_error) and returns
 * the exit code.
 */
async function startTraining(r: Runner, run: RunSetup, record: RunRecord): Promise<Started | number> {
  const {ctx, log} = r
  const {spec, runDir, logs} = run
  const [cmd, ...cmdArgs] = spec.command
  const argv = spec.argsStyle === 'container-main' ? [...cmdArgs, ...containerMainArgs(spec)] : cmdArgs
  const childEnv: NodeJS.ProcessEnv = {...ctx.env, ...runEnv(spec, runDir)}
  for (const k of RUNNER_ONLY) Reflect.deleteProperty(childEnv, k)
  log.say(`run ${spec.experiment}#${spec.index} seed ${spec.seed} in ${runDir}`)
  log.debug(`command: ${JSON.stringify([cmd, ...argv])}`)
  const cannotStart = async (why: string): Promise<number> => {
    log.say(`error: ${why}`)
    await record.write(await record.metrics('config_error', EXIT.config, why))
    return EXIT.config
  }
  let training: Training
  try {
    training = new Training({command: cmd!, args: argv, cwd: ctx.cwd, env: childEnv})
  } catch (e: unknown) {
    // what the system cannot take (a NUL byte in the environment): refused before a process exists
    return cannotStart(`cannot start ${cmd}: ${getErrorMessage(e)}`)
  }
  const spawnError = await training.started()
  if (spawnError) {
    return cannotStart(
      spawnError.code === 'ENOENT'
        ? `training command not found: ${cmd}`
        : `cannot start ${cmd}: ${spawnError.message}`,
    )
  }

  const relay = new Relay([ctx.stdout, ctx.stderr, logs])
  const relayTo = (out: Writable, parse: boolean) => (raw: string) => {
    const line = log.scrub(raw)
    relay.write(logs, line + '\n')
    relay.write(out, line + '\n')
    record.keep(line)
    if (parse) record.collector.line(line)
  }
  relay.from(training.stdout, relayTo(ctx.stdout, true))
  relay.from(training.stderr, relayTo(ctx.stderr, false))
  return {training, relay}
}

/** How the training ended, as metrics.json says it. */
interface Outcome {
  status: RunStatus
  exit: number
  reason: string | null
  /** Why it was stopped, if it was. */
  stopped: 'interrupted' | 'timeout' | undefined
}

/**
 * Step 3: waits for the training to end. A signal (from now on, or one that came while it was
 * starting) or RUN_TIMEOUT_SEC stops it: the signal goes to its process group, which gets the
 * grace period to checkpoint before it is killed. Once its main process has ended, the workers it
 * left go with it and its output drains, for DRAIN_MS at most. A failure is said with the last
 * lines of output.
 */
async function waitForTraining(
  r: Runner,
  run: RunSetup,
  record: RunRecord,
  {training, relay}: Started,
): Promise<Outcome> {
  const {log, signals} = r
  const {args, timeoutSec} = run
  let stopped: 'interrupted' | 'timeout' | undefined
  let stopReason: string | null = null
  let cancelGrace = (): void => undefined
  const stop = (why: 'interrupted' | 'timeout', sig: NodeJS.Signals, reason: string): void => {
    if (stopped || training.ended) return
    stopped = why
    stopReason = reason
    log.say(`${reason}: sending ${sig} to the training, ${args.gracePeriod}s to finish before it is killed`)
    training.signal(sig)
    cancelGrace = after(args.gracePeriod * 1000, () => {
      if (training.ended) return
      log.say(`grace period over: killing the training`)
      training.signal('SIGKILL')
    })
  }
  signals.handle(sig => stop('interrupted', sig, `interrupted (${sig})`))
  // a signal may have come while the training was starting
  const late = signals.first
  if (late) stop('interrupted', late, `interrupted (${late})`)
  const cancelTimeout =
    timeoutSec === undefined
      ? () => undefined
      : after(timeoutSec * 1000, () => stop('timeout', 'SIGTERM', `RUN_TIMEOUT_SEC=${timeoutSec} reached`))

  const {code, signal} = await training.exited
  cancelTimeout()
  cancelGrace()
  // workers the training left behind go with it; its output drains, for a bounded time
  await training.finish(DRAIN_MS)
  relay.close()

  if (stopped) return {status: stopped, exit: EXIT.interrupted, reason: stopReason, stopped}
  if (code === 0) return {status: 'succeeded', exit: EXIT.success, reason: null, stopped}
  const reason = signal ? `training killed by ${signal}` : `training exited with code ${code}`
  log.say(`error: ${reason}; last lines:\n${record.lastLines()}`)
  return {status: 'failed', exit: EXIT.training, reason, stopped}
}

/**
 * Step 5 (--archive zip, after metrics.json is written): zips the run directory, the outputs it
 * keeps, into `<run>.zip` beside it and PUTs that to RESULT_URL (with --allow-missing-upload and
 * no URL, the results stay on disk). A signal stops both: the run becomes interrupted. A failure
 * leaves no partial zip and turns a run that succeeded into upload_failed. metrics.json is
 * rewritten for either. Returns the exit code.
 */
async function archiveAndUpload(
  r: Runner,
  run: RunSetup,
  record: RunRecord,
  metrics: RunMetrics,
  exit: number,
): Promise<number> {
  const {ctx, log, resultUrl} = r
  const {root, runDir, spec} = run
  // From here a signal stops the archive and the upload.
  const abort = new AbortController()
  let signalled: NodeJS.Signals | undefined
  r.signals.handle(sig => {
    signalled = sig
    abort.abort()
  })
  const zipPath = `${runDir}.zip`
  let zipped = false
  try {
    const include = keepFilter(spec.outputs)
    const out = await createInside(root, `${spec.output}.zip`)
    log.debug(`archiving ${runDir}`)
    await zipDirectory(runDir, out.createWriteStream(), {
      log: log.say,
      signal: abort.signal,
      ...(include ? {include} : {}),
    })
    zipped = true
    if (signalled) throw new CancelledError(`stopped by ${String(signalled)}`)
    if (resultUrl) {
      const up = await putFile(resultUrl, zipPath, {log: log.say, signal: abort.signal, ...uploadTuning(ctx.env)})
      log.say(
        `uploaded ${(up.bytes / 2 ** 20).toFixed(1)} MiB to ${redactUrl(resultUrl)} (${up.attempts} attempt${up.attempts > 1 ? 's' : ''})`,
      )
    } else {
      log.say(`RESULT_URL not set (--allow-missing-upload): results stay in ${runDir}`)
    }
  } catch (e: unknown) {
    // a partial archive is no result
    if (!zipped) await rm(zipPath, {force: true}).catch(() => undefined)
    if (signalled) {
      const why = `interrupted (${String(signalled)}) during the ${zipped ? 'upload' : 'archive'}`
      log.say(`${why}; results stay in ${runDir}`)
      await record.write({...metrics, status: 'interrupted', exit_code: EXIT.interrupted, reason: why})
      return EXIT.interrupted
    }
    log.say(`error: upload failed: ${getErrorMessage(e)}; results stay in ${runDir}`)
    if (exit === EXIT.success) {
      await record.write({
        ...metrics,
        status: 'upload_failed',
        exit_code: EXIT.upload,
        reason: `upload failed: ${getErrorMessage(e)}`,
      })
      return EXIT.upload
    }
  }
  return exit
}
