import {spawn} from 'node:child_process'
import {createWriteStream} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {createInterface} from 'node:readline'
import {ConfigError, getErrorMessage} from '../kit/errors.js'
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

/**
 * `trainer run`: seed 000's container_main.py around any training command. Resolves
 * the run, runs the command with its run directory and parameters, streams and keeps
 * its output, always writes metrics.json, zips and uploads the results when asked,
 * and exits with seed 000's codes.
 */
export async function runner(ctx: RunnerContext): Promise<number> {
  const now = ctx.now ?? (() => new Date())
  const debug = (ctx.env.LOG_LEVEL ?? 'INFO').toUpperCase() === 'DEBUG'
  const resultUrl = ctx.env.RESULT_URL
  const say = (m: string): void => ctx.log(`[trainer] ${resultUrl ? m.split(resultUrl).join(redactUrl(resultUrl)) : m}`)
  const sayDebug = (m: string): void => {
    if (debug) say(`debug: ${m}`)
  }

  let args: RunnerArgs
  let spec: RunSpec
  let timeoutSec: number | undefined
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
      if (!Number.isFinite(timeoutSec) || timeoutSec <= 0)
        throw new ConfigError(`RUN_TIMEOUT_SEC must be a positive number of seconds, got '${t}'`, {
          key: 'RUN_TIMEOUT_SEC',
        })
    }
  } catch (e: unknown) {
    say(`error: ${getErrorMessage(e)}`)
    return EXIT.config
  }

  // Signals are caught from here on: one that arrives before the training exists
  // means the training is never started.
  let early: NodeJS.Signals | undefined
  const onEarlyInt = (): void => void (early ??= 'SIGINT')
  const onEarlyTerm = (): void => void (early ??= 'SIGTERM')
  ctx.signals.on('SIGINT', onEarlyInt)
  ctx.signals.on('SIGTERM', onEarlyTerm)
  const dropEarly = (): void => {
    ctx.signals.off('SIGINT', onEarlyInt)
    ctx.signals.off('SIGTERM', onEarlyTerm)
  }

  const runDir = resolve(ctx.cwd, args.resultsRoot, spec.output)
  await mkdir(join(runDir, 'checkpoints'), {recursive: true})
  const logs = createWriteStream(join(runDir, 'logs.txt'), {flags: 'a'})
  const started = now()
  const collector = new MetricsCollector()
  const tail: string[] = []
  const keep = (line: string): void => {
    tail.push(line)
    if (tail.length > TAIL_LINES) tail.shift()
  }

  const finish = async (status: RunStatus, exitCode: number, reason: string | null): Promise<void> => {
    await new Promise<void>(r => logs.end(r))
    const ended = now()
    let own: unknown
    try {
      collector.jsonl(await readFile(join(runDir, 'metrics.jsonl'), 'utf8'))
    } catch {
      // no metrics.jsonl
    }
    try {
      const prev = JSON.parse(await readFile(join(runDir, 'metrics.json'), 'utf8')) as {
        version?: number
        final?: unknown
      }
      own = prev.version === 1 ? prev.final : prev
    } catch {
      // no metrics.json of the training's own
    }
    const m: RunMetrics = {
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
    await writeFile(join(runDir, 'metrics.json'), JSON.stringify(m, null, 2) + '\n')
  }

  if (early) {
    dropEarly()
    const why = `interrupted (${early}) before the training started`
    say(why)
    await finish('interrupted', EXIT.interrupted, why)
    return EXIT.interrupted
  }

  const [cmd, ...cmdArgs] = spec.command
  const argv = spec.argsStyle === 'container-main' ? [...cmdArgs, ...containerMainArgs(spec)] : cmdArgs
  say(`run ${spec.experiment}#${spec.index} seed ${spec.seed} in ${runDir}`)
  sayDebug(`command: ${JSON.stringify([cmd, ...argv])}`)
  const child = spawn(cmd!, argv, {
    cwd: ctx.cwd,
    env: {...ctx.env, ...runEnv(spec, runDir)},
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so a stop reaches the workers it starts too
    detached: true,
  })
  const spawnError = await new Promise<NodeJS.ErrnoException | undefined>(res => {
    child.once('spawn', () => res(undefined))
    child.once('error', e => res(e))
  })

  if (spawnError) {
    dropEarly()
    const why =
      spawnError.code === 'ENOENT' ? `training command not found: ${cmd}` : `cannot start ${cmd}: ${spawnError.message}`
    say(`error: ${why}`)
    await finish('config_error', EXIT.config, why)
    return EXIT.config
  }

  // Output: live to our streams, kept in logs.txt, metric lines collected.
  const lines = createInterface({input: child.stdout, crlfDelay: Infinity})
  lines.on('line', line => {
    logs.write(line + '\n')
    ctx.stdout.write(line + '\n')
    keep(line)
    collector.line(line)
  })
  const errLines = createInterface({input: child.stderr, crlfDelay: Infinity})
  errLines.on('line', line => {
    logs.write(line + '\n')
    ctx.stderr.write(line + '\n')
    keep(line)
  })

  // Stopping: the signal goes to the training's process group, which gets a grace
  // period to checkpoint before it is killed.
  let stopped: 'interrupted' | 'timeout' | undefined
  let stopReason: string | null = null
  let grace: NodeJS.Timeout | undefined
  const signalGroup = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, sig)
    } catch {
      // already gone
    }
  }
  const stop = (why: 'interrupted' | 'timeout', sig: NodeJS.Signals, reason: string): void => {
    if (stopped) return
    stopped = why
    stopReason = reason
    say(`${reason}: sending ${sig} to the training, ${args.gracePeriod}s to finish before it is killed`)
    signalGroup(sig)
    grace = setTimeout(() => {
      say(`grace period over: killing the training`)
      signalGroup('SIGKILL')
    }, args.gracePeriod * 1000)
  }
  const onInt = (): void => stop('interrupted', 'SIGINT', 'interrupted (SIGINT)')
  const onTerm = (): void => stop('interrupted', 'SIGTERM', 'interrupted (SIGTERM)')
  ctx.signals.on('SIGINT', onInt)
  ctx.signals.on('SIGTERM', onTerm)
  dropEarly()
  // a signal may have come while the training was starting
  const late = early as NodeJS.Signals | undefined
  if (late) stop('interrupted', late, `interrupted (${late})`)
  const timer =
    timeoutSec === undefined
      ? undefined
      : setTimeout(() => stop('timeout', 'SIGTERM', `RUN_TIMEOUT_SEC=${timeoutSec} reached`), timeoutSec * 1000)

  const {code, signal} = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>(res =>
    child.once('close', (c, s) => res({code: c, signal: s})),
  )
  clearTimeout(timer)
  clearTimeout(grace)

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
  await finish(status, exit, reason)
  ctx.signals.off('SIGINT', onInt)
  ctx.signals.off('SIGTERM', onTerm)
  if (stopped) return exit

  if (args.archive === 'zip') {
    const zipPath = `${runDir}.zip`
    try {
      const include = keepFilter(spec.outputs)
      await zipDirectory(runDir, zipPath, {log: say, ...(include ? {include} : {})})
      if (resultUrl) {
        const up = await putFile(resultUrl, zipPath, {log: say, ...uploadTuning(ctx.env)})
        say(
          `uploaded ${(up.bytes / 2 ** 20).toFixed(1)} MiB to ${redactUrl(resultUrl)} (${up.attempts} attempt${up.attempts > 1 ? 's' : ''})`,
        )
      } else {
        say(`RESULT_URL not set (--allow-missing-upload): results stay in ${runDir}`)
      }
    } catch (e: unknown) {
      say(`error: upload failed: ${getErrorMessage(e)}; results stay in ${runDir}`)
      if (exit === EXIT.success) {
        await finish('upload_failed', EXIT.upload, `upload failed: ${getErrorMessage(e)}`).catch(() => undefined)
        return EXIT.upload
      }
    }
  }
  return exit
}
