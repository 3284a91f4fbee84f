import {spawn} from 'node:child_process'
import {createReadStream, createWriteStream} from 'node:fs'
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {createInterface} from 'node:readline'
import {CancelledError, ConfigError, getErrorMessage} from '../kit/errors.js'
import {parseRunnerArgs, RUNNER_USAGE, type RunnerArgs} from './args.js'
import {zipDirectory} from './archive.js'
import {MetricsCollector, type RunMetrics, type RunStatus} from './metrics.js'
import {containerMainArgs, keepFilter, resolveSpec, runEnv, type RunSpec} from './spec.js'
import {putFile, redactUrl} from './upload.js'

/** seed 000's exit codes. */
export const EXIT = {success: 0, training: 1, config: 2, upload: 3, interrupted: 130} as const

export interface RunnerContext {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** The runner's own log lines (stderr in a container). */
  log: (line: string) => void
  /** Where the training's output is streamed live. */
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** Where SIGINT/SIGTERM arrive (the process). */
  signals: NodeJS.EventEmitter
  now?: () => Date
}

const TAIL_LINES = 20
/** Longest delay setTimeout takes (about 24.8 days); longer waits are chained. */
const MAX_DELAY = 2 ** 31 - 1
/** How long the training's output may keep flowing after it exits (e.g. from its workers). */
const DRAIN_MS = 2000
/** Variables the training never sees: the pre-signed URL is a secret, the upload knobs are ours. */
const RUNNER_ONLY = [
  'RESULT_URL',
  'TRAINER_UPLOAD_RETRIES',
  'TRAINER_UPLOAD_RETRY_BASE_MS',
  'TRAINER_UPLOAD_TIMEOUT_SEC',
]

/** Upload knobs for slow or flaky links: TRAINER_UPLOAD_RETRIES, _RETRY_BASE_MS, _TIMEOUT_SEC. */
function uploadTuning(env: Readonly<Record<string, string | undefined>>): {
  retries?: number
  retryAfterBase?: number
  timeoutMs?: number
} {
  const n = (k: string): number | undefined => {
    const v = env[k]
    return v !== undefined && v !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined
  }
  const retries = n('TRAINER_UPLOAD_RETRIES')
  const base = n('TRAINER_UPLOAD_RETRY_BASE_MS')
  const timeout = n('TRAINER_UPLOAD_TIMEOUT_SEC')
  return {
    ...(retries === undefined ? {} : {retries}),
    ...(base === undefined ? {} : {retryAfterBase: base}),
    ...(timeout === undefined ? {} : {timeoutMs: timeout * 1000}),
  }
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
 * `trainer run`: seed 000's container_main.py around any training command. Resolves
 * the run, runs the command with its run directory and parameters, streams and keeps
 * its output, always writes metrics.json, zips and uploads the results when asked,
 * and exits with seed 000's codes.
 */
export async function runner(ctx: RunnerContext): Promise<number> {
  const now = ctx.now ?? (() => new Date())
  const debug = (ctx.env.LOG_LEVEL ?? 'INFO').toUpperCase() === 'DEBUG'
  const resultUrl = ctx.env.RESULT_URL || undefined
  // the query of a pre-signed URL is its signature: scrub it (and the URL) from every line we relay
  const secret = resultUrl ? [resultUrl, URL.parse(resultUrl)?.search.slice(1) ?? ''].filter(x => x.length > 8) : []
  const scrub = (m: string): string =>
    secret.reduce((acc, x) => acc.split(x).join(x === resultUrl ? redactUrl(x) : '<redacted>'), m)
  const say = (m: string): void => ctx.log(`[trainer] ${scrub(m)}`)
  const sayDebug = (m: string): void => {
    if (debug) say(`debug: ${m}`)
  }

  // Signals are ours for the whole run. Before the training exists one means it is never
  // started; while it runs it goes to the training; afterwards it stops the upload.
  let signalled: NodeJS.Signals | undefined
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
    let runDir: string
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
      const t = ctx.env.RUN_TIMEOUT_SEC
      if (t !== undefined && t !== '') {
        timeoutSec = Number(t)
        if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) {
          throw new ConfigError(`RUN_TIMEOUT_SEC must be a positive number of seconds, got '${t}'`, {
            key: 'RUN_TIMEOUT_SEC',
          })
        }
      }
      runDir = resolve(ctx.cwd, args.resultsRoot, spec.output)
      await mkdir(join(runDir, 'checkpoints'), {recursive: true})
      // a new attempt starts from clean logs and metrics
      await Promise.all(['logs.txt', 'metrics.json', 'metrics.jsonl'].map(f => rm(join(runDir, f), {force: true})))
    } catch (e: unknown) {
      say(`error: ${getErrorMessage(e)}`)
      return EXIT.config
    }

    const logs = createWriteStream(join(runDir, 'logs.txt'))
    let logError: Error | undefined
    logs.on('error', e => (logError ??= e))
    const started = now()
    const collector = new MetricsCollector()
    const tail: string[] = []
    const keep = (line: string): void => {
      tail.push(line)
      if (tail.length > TAIL_LINES) tail.shift()
    }

    /** Builds metrics.json once: the training's reported points and its own final values. */
    const metricsOf = async (status: RunStatus, exitCode: number, reason: string | null): Promise<RunMetrics> => {
      await new Promise<void>(r => logs.end(r))
      try {
        const lines = createInterface({input: createReadStream(join(runDir, 'metrics.jsonl')), crlfDelay: Infinity})
        for await (const l of lines) collector.jsonl(l)
      } catch {
        // no metrics.jsonl
      }
      let own: unknown
      try {
        const prev = JSON.parse(await readFile(join(runDir, 'metrics.json'), 'utf8')) as {
          version?: unknown
          final?: unknown
        }
        own = prev.version === 1 && prev.final !== undefined ? prev.final : prev
      } catch {
        // the training wrote no metrics.json of its own
      }
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
    const write = (m: RunMetrics): Promise<void> =>
      writeFile(join(runDir, 'metrics.json'), JSON.stringify(m, null, 2) + '\n')

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
    const child = spawn(cmd!, argv, {
      cwd: ctx.cwd,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own process group, so a stop reaches the workers it starts too
      detached: true,
    })
    const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(res =>
      child.once('exit', (code, signal) => res({code, signal})),
    )
    const closed = new Promise<void>(res => child.once('close', () => res()))
    const spawnError = await new Promise<NodeJS.ErrnoException | undefined>(res => {
      child.once('spawn', () => res(undefined))
      child.once('error', e => res(e))
    })
    if (spawnError) {
      const why =
        spawnError.code === 'ENOENT'
          ? `training command not found: ${cmd}`
          : `cannot start ${cmd}: ${spawnError.message}`
      say(`error: ${why}`)
      await write(await metricsOf('config_error', EXIT.config, why))
      return EXIT.config
    }

    // Output: live to our streams, kept in logs.txt, metric lines collected.
    const relay = (out: NodeJS.WritableStream, parse: boolean) => (raw: string) => {
      const line = scrub(raw)
      logs.write(line + '\n')
      out.write(line + '\n')
      keep(line)
      if (parse) collector.line(line)
    }
    createInterface({input: child.stdout, crlfDelay: Infinity}).on('line', relay(ctx.stdout, true))
    createInterface({input: child.stderr, crlfDelay: Infinity}).on('line', relay(ctx.stderr, false))

    // Stopping: the signal goes to the training's process group, which gets a grace
    // period to checkpoint before it is killed.
    let leaderGone = false
    const signalGroup = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, sig)
      } catch {
        // the group is gone
      }
    }
    let stopped: 'interrupted' | 'timeout' | undefined
    let stopReason: string | null = null
    let cancelGrace = (): void => undefined
    const stop = (why: 'interrupted' | 'timeout', sig: NodeJS.Signals, reason: string): void => {
      if (stopped || leaderGone) return
      stopped = why
      stopReason = reason
      say(`${reason}: sending ${sig} to the training, ${args.gracePeriod}s to finish before it is killed`)
      signalGroup(sig)
      cancelGrace = after(args.gracePeriod * 1000, () => {
        if (leaderGone) return
        say(`grace period over: killing the training`)
        signalGroup('SIGKILL')
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

    const {code, signal} = await exited
    leaderGone = true
    cancelTimeout()
    cancelGrace()
    // Workers the training left behind go with it; then its output drains.
    signalGroup('SIGKILL')
    await Promise.race([closed, new Promise(r => setTimeout(r, DRAIN_MS))])

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
    await write(metrics)
    // An external stop means the platform is about to end us: results stay on disk. A
    // time-out is ours: its results are still uploaded.
    if (stopped === 'interrupted' || args.archive !== 'zip') return exit

    // From here a signal stops the upload.
    const abort = new AbortController()
    onSignal = sig => {
      signalled = sig
      abort.abort()
    }
    signalled = undefined
    const zipPath = `${runDir}.zip`
    try {
      const include = keepFilter(spec.outputs)
      await zipDirectory(runDir, zipPath, {log: say, ...(include ? {include} : {})})
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
      if (signalled) {
        say(`interrupted (${String(signalled)}) during the upload; results stay in ${runDir}`)
        await write({
          ...metrics,
          status: 'interrupted',
          exit_code: EXIT.interrupted,
          reason: `interrupted (${String(signalled)}) during the upload`,
        })
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
