/**
 * `trainer run` as a process: what only the process can do, around {@link runner}. The
 * pre-signed URL is taken out of the process's own environment (/proc/<pid>/environ) once
 * read, and a runner that fails in any way in-process takes its training down with it.
 */
import {getErrorMessage} from '../kit/errors.js'
import {forgetEnv} from './environ.js'
import {urlRedactor} from './redact.js'
import {EXIT, runner} from './run.js'
import {killLiveTrainings} from './training.js'

/**
 * Runs `trainer run` with `argv` in this process and resolves with its exit code. `early`:
 * signals that came while its code loaded (the entry holds them).
 */
export async function runnerMain(argv: readonly string[], early: readonly NodeJS.Signals[] = []): Promise<number> {
  const log = (line: string): void => void process.stderr.write(line + '\n')
  // a copy for the runner; the process itself no longer holds the URL, not even in the
  // environment the kernel shows (TRAINER_RUN_TOKEN, an identity for launchers, stays)
  const env = {...process.env}
  if (env.RESULT_URL && !forgetEnv(['RESULT_URL']))
    log('[trainer] warning: RESULT_URL could not be wiped from /proc/self/environ')
  const redactor = urlRedactor(env.RESULT_URL)
  // Anything that escapes the runner (a bug, a failing stream) ends the process, and the
  // training with it: it must not run on unsupervised. `kill -9` of the runner is its
  // watchdog's to handle (see training.ts).
  const crash = (e: unknown): void => {
    killLiveTrainings()
    log(redactor.redact(`[trainer] internal error: ${getErrorMessage(e)}; the training was killed`))
    process.exit(EXIT.training)
  }
  process.on('uncaughtException', crash).on('unhandledRejection', crash)
  // a reader that went away (EPIPE) is no reason to fail: the relay stops writing to it
  const ignore = (): void => undefined
  process.stdout.on('error', ignore)
  process.stderr.on('error', ignore)
  try {
    return await runner({
      argv,
      env,
      cwd: process.cwd(),
      log,
      stdout: process.stdout,
      stderr: process.stderr,
      signals: process,
      early,
    })
  } finally {
    process.off('uncaughtException', crash).off('unhandledRejection', crash)
  }
}
