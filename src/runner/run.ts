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

/**
 * `trainer run`: seed 000's container_main.py around any training command. Resolves
 * the run, runs the command with its run directory and parameters, streams and keeps
 * its output, always writes metrics.json, zips and uploads the results when asked,
 * and exits with seed 000's codes.
 */
export async function runner(ctx: RunnerContext): Promise<number> {
  const now = ctx.now ?? (() => new Date())
  const debug = (ctx.env.LOG_LEVEL ?? 'INFO').toUpperCase() === 'DEBUG'
  const resultUrl = ctx.env.RESULT_URL || undefined
  // every piece of the URL's signature is scrubbed from all we write: relayed lines, logs.txt,
  // our own lines, metrics.json
  const redactor = urlRedactor(resultUrl)
  const scrub = (m: string): string => redactor.redact(m)
  const say = (m: string): void => ctx.log(`[trainer] ${scrub(m)}`)
  const sayDebug = (m: string): void => {
    if (debug) say(`debug: ${m}`)
  }

  // Signals are ours for the whole run. Before the training exists one means it is never
  // started; while it runs it goes to the training; afterwards it stops the archive and upload.
  let signalled: NodeJS.Signals | undefined = ctx.early?.[0]
  let onSignal: (sig: NodeJS.Signals) => void = sig => void (signalled ??= sig)
  const handleInt = (): void => onSignal('SIGINT')
  const handleTerm = (): void => onSignal('SIGTERM')
  ctx.signals.on('SIGINT', handleInt)
  ctx.signals.on('SIGTERM', handleTerm)
  try {
    return await supervise()
  } finally {
    ctx.signals.off('SIGINT', handleInt)
    ctx.signals.off('SIGTERM', handleTerm)
  }

  async function supervise(): Promise<number> {
    let args: RunnerArgs
    let spec: RunSpec
    let timeoutSec: number | undefined
    let root: string
    let runDir: string
    let logs: Writable
    try {
      args = parseRunnerArgs(ctx.argv)
      if (args.help) {
        ctx.log(RUNNER_USAGE)
        return EXIT.success
      }
      spec = await resolveSpec(args, ctx.env, ctx.cwd)
      if (args.archive === 'zip' && !resultUrl && !args.allowMissingUpload) {
        throw new ConfigError(
          'RESULT_URL is not set: it must be a pre-signed PUT URL for --archive zip (or pass --allow-missing-upload)',
          {key: 'RESULT_URL'},
        )
      }
      // a URL that can never take the upload is refused now, not after hours of training
      if (args.archive === 'zip' && resultUrl) uploadTarget(resultUrl)
      const t = ctx.env.RUN_TIMEOUT_SEC
      if (t !== undefined && t !== '') {
        timeoutSec = Number(t)
        if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) {
          throw new ConfigError(`RUN_TIMEOUT_SEC must be a positive number of seconds, got '${t}'`, {
            key: 'RUN_TIMEOUT_SEC',
          })
        }
      }
      root = resolve(ctx.cwd, args.resultsRoot)
      runDir = await makeDirInside(root, spec.output)
      await makeDirInside(root, `${spec.output}/checkpoints`)
      // a new attempt starts from clean metrics; logs.txt is opened as ours before the
      // training exists, so nothing it plants at that name later is ever opened
      await Promise.all(['metrics.json', 'metrics.jsonl'].map(f => rm(join(runDir, f), {force: true})))
      logs = (await createInside(root, `${spec.output}/logs.txt`)).createWriteStream()
    } catch (e: unknown) {
      say(`error: ${getErrorMessage(e)}`)
      return EXIT.config
    }

    let logError: Error | undefined
    logs.on('error', e => (logError ??= e))
    const started = now()
    const collector = new MetricsCollector()
    const tail: string[] = []
    const keep = (line: string): void => {
      tail.push(line)
      if (tail.length > TAIL_LINES) tail.shift()
    }
    const rel = (f: string): string => `${spec.output}/${f}`

    /** Reads a file the training may have written, safely; says why when it cannot (unless it is not there). */
    const readRunFile = async (name: string, read: () => Promise<void>): Promise<void> => {
      try {
        await read()
      } catch (e: unknown) {
        if (!missing(e)) say(`warning: ${name} of the training not read: ${getErrorMessage(e)}`)
      }
    }

    /** Builds metrics.json once: the training's reported points and its own final values. */
    const metricsOf = async (status: RunStatus, exitCode: number, reason: string | null): Promise<RunMetrics> => {
      logs.end()
      await finished(logs).catch(() => undefined)
      await readRunFile('metrics.jsonl', async () => {
        const {handle} = await openInside(root, rel('metrics.jsonl'))
        try {
          const {truncated} = await readLines(handle, l => collector.jsonLine(l), JSONL_MAX_BYTES)
          if (truncated) say(`warning: metrics.jsonl is over ${JSONL_MAX_BYTES >> 20} MiB: the rest is not read`)
        } finally {
          await handle.close()
        }
      })
      let own: unknown
      await readRunFile('metrics.json', async () => {
        const r = await readInside(root, rel('metrics.json'), {maxBytes: OWN_METRICS_MAX_BYTES})
        if (r.truncated) throw new Error(`over ${OWN_METRICS_MAX_BYTES >> 20} MiB`)
        own = JSON.parse(r.text)
      })
      if (collector.dropped > 0) say(`warning: ${collector.dropped} metric points or names over the limits dropped`)
      const ended = now()
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
        started_at: started.toISOString(),
        ended_at: ended.toISOString(),
        duration_s: (ended.getTime() - started.getTime()) / 1000,
        final: collector.final(own),
        history: collector.sortedHistory(),
      }
    }
    /**
     * Writes metrics.json atomically (a symlink planted at the name is replaced, not followed),
     * its reason scrubbed. When it cannot, says why and leaves no metrics.json, not even one
     * the training wrote.
     */
    const write = async (m: RunMetrics): Promise<boolean> => {
      const reason = m.reason === null ? null : scrub(m.reason).slice(0, MAX_REASON)
      try {
        await writeInside(root, rel('metrics.json'), serializeMetrics({...m, reason}))
        return true
      } catch (e: unknown) {
        say(`error: cannot write metrics.json: ${getErrorMessage(e)}`)
        if (!(e instanceof UnsafePathError))
          await rm(join(runDir, 'metrics.json'), {force: true}).catch(() => undefined)
        return false
      }
    }

    if (signalled) {
      const why = `interrupted (${signalled}) before the training started`
      say(why)
      await write(await metricsOf('interrupted', EXIT.interrupted, why))
      return EXIT.interrupted
    }

    const [cmd, ...cmdArgs] = spec.command
    const argv = spec.argsStyle === 'container-main' ? [...cmdArgs, ...containerMainArgs(spec)] : cmdArgs
    const childEnv: NodeJS.ProcessEnv = {...ctx.env, ...runEnv(spec, runDir)}
    for (const k of RUNNER_ONLY) Reflect.deleteProperty(childEnv, k)
    say(`run ${spec.experiment}#${spec.index} seed ${spec.seed} in ${runDir}`)
    sayDebug(`command: ${JSON.stringify([cmd, ...argv])}`)
    const cannotStart = async (why: string): Promise<number> => {
      say(`error: ${why}`)
      await write(await metricsOf('config_error', EXIT.config, why))
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

    // Output: live to our streams, kept in logs.txt, metric lines collected; the training
    // waits while any of those is full.
    const relay = new Relay([ctx.stdout, ctx.stderr, logs])
    const relayTo = (out: Writable, parse: boolean) => (raw: string) => {
      const line = scrub(raw)
      relay.write(logs, line + '\n')
      relay.write(out, line + '\n')
      keep(line)
      if (parse) collector.line(line)
    }
    relay.from(training.stdout, relayTo(ctx.stdout, true))
    relay.from(training.stderr, relayTo(ctx.stderr, false))

    // Stopping: the signal goes to the training's process group, which gets a grace
    // period to checkpoint before it is killed.
    let stopped: 'interrupted' | 'timeout' | undefined
    let stopReason: string | null = null
    let cancelGrace = (): void => undefined
    const stop = (why: 'interrupted' | 'timeout', sig: NodeJS.Signals, reason: string): void => {
      if (stopped || training.ended) return
      stopped = why
      stopReason = reason
      say(`${reason}: sending ${sig} to the training, ${args.gracePeriod}s to finish before it is killed`)
      training.signal(sig)
      cancelGrace = after(args.gracePeriod * 1000, () => {
        if (training.ended) return
        say(`grace period over: killing the training`)
        training.signal('SIGKILL')
      })
    }
    onSignal = sig => stop('interrupted', sig, `interrupted (${sig})`)
    // a signal may have come while the training was starting
    const late = signalled as NodeJS.Signals | undefined
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

    let status: RunStatus
    let exit: number
    let reason: string | null
    if (stopped) {
      ;[status, exit, reason] = [stopped, EXIT.interrupted, stopReason]
    } else if (code === 0) {
      ;[status, exit, reason] = ['succeeded', EXIT.success, null]
    } else {
      reason = signal ? `training killed by ${signal}` : `training exited with code ${code}`
      ;[status, exit] = ['failed', EXIT.training]
      say(`error: ${reason}; last lines:\n${tail.map(l => `  | ${l}`).join('\n')}`)
    }
    if (logError) say(`warning: logs.txt could not be written: ${logError.message}`)
    const metrics = await metricsOf(status, exit, reason)
    if (!(await write(metrics))) {
      // the results are not all there: a run that succeeded is not delivered
      return exit === EXIT.success ? EXIT.upload : exit
    }
    // An external stop means the platform is about to end us: results stay on disk. A
    // time-out is ours: its results are still uploaded.
    if (stopped === 'interrupted' || args.archive !== 'zip') return exit

    // From here a signal stops the archive and the upload.
    const abort = new AbortController()
    onSignal = sig => {
      signalled = sig
      abort.abort()
    }
    signalled = undefined
    const zipPath = `${runDir}.zip`
    let zipped = false
    try {
      const include = keepFilter(spec.outputs)
      const out = await createInside(root, `${spec.output}.zip`)
      sayDebug(`archiving ${runDir}`)
      await zipDirectory(runDir, out.createWriteStream(), {
        log: say,
        signal: abort.signal,
        ...(include ? {include} : {}),
      })
      zipped = true
      if (signalled) throw new CancelledError(`stopped by ${String(signalled)}`)
      if (resultUrl) {
        const up = await putFile(resultUrl, zipPath, {log: say, signal: abort.signal, ...uploadTuning(ctx.env)})
        say(
          `uploaded ${(up.bytes / 2 ** 20).toFixed(1)} MiB to ${redactUrl(resultUrl)} (${up.attempts} attempt${up.attempts > 1 ? 's' : ''})`,
        )
      } else {
        say(`RESULT_URL not set (--allow-missing-upload): results stay in ${runDir}`)
      }
    } catch (e: unknown) {
      // a partial archive is no result
      if (!zipped) await rm(zipPath, {force: true}).catch(() => undefined)
      if (signalled) {
        const why = `interrupted (${String(signalled)}) during the ${zipped ? 'upload' : 'archive'}`
        say(`${why}; results stay in ${runDir}`)
        await write({...metrics, status: 'interrupted', exit_code: EXIT.interrupted, reason: why})
        return EXIT.interrupted
      }
      say(`error: upload failed: ${getErrorMessage(e)}; results stay in ${runDir}`)
      if (exit === EXIT.success) {
        await write({
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
}
