import type {Where} from './errors.js'
import type {GithubRun} from './github.js'

export type Level = 'debug' | 'info' | 'warning' | 'error'

/** Logging port: core-backed in actions, stderr in the CLI, recorded in tests. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  /** A warning; with `where` it becomes a file annotation in an action. */
  warning(message: string, where?: Where): void
  error(message: string, where?: Where): void
  /** Runs `fn` inside a collapsible log group. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/**
 * The seam between an action (or CLI verb) and the outside world. Everything an
 * action reads or writes goes through here; nothing is read at import time.
 */
export interface ActionIO {
  /** The raw input value; '' when unset (the runner's convention). */
  input(name: string): string
  setOutput(name: string, value: string | number | boolean): void
  saveState(name: string, value: string): void
  getState(name: string): string
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>
  /** Registers a value that must never appear in logs. */
  setSecret(value: string): void
  log: Logger
  /** The process environment the action runs in. */
  env: Readonly<Record<string, string | undefined>>
  /** The directory relative paths are resolved against (GITHUB_WORKSPACE or cwd). */
  workspace: string
  /** Where the step runs on GitHub (read from the environment and the event when asked); undefined elsewhere. */
  github(): GithubRun | undefined
  /** The clock. */
  now(): Date
  /** Registers a resource to release when the action ends. */
  onClose(fn: () => Promise<void> | void): void
  /** Releases every registered resource. */
  close(): Promise<void>
  /** Marks the step failed with one error (an annotation at `where` when given) and a non-zero exit code. */
  setFailed(message: string, where?: Where): void
}

/** Shared `onClose`/`close` bookkeeping for the IO implementations. */
export class Closers {
  private fns: (() => Promise<void> | void)[] = []
  add(fn: () => Promise<void> | void): void {
    this.fns.push(fn)
  }
  async run(): Promise<void> {
    const fns = this.fns.splice(0).reverse()
    for (const fn of fns) {
      try {
        await fn()
      } catch {
        // closing is best-effort
      }
    }
  }
}

/**
 * The same IO with some inputs given (an action that runs another's code with values it
 * decided: the launch action hands the image it built to the launch). Everything else is `io`'s.
 */
export function withInputs(io: ActionIO, given: Readonly<Record<string, string>>): ActionIO {
  return {
    input: name => (Object.hasOwn(given, name) ? given[name]! : io.input(name)),
    setOutput: (name, value) => io.setOutput(name, value),
    saveState: (name, value) => io.saveState(name, value),
    getState: name => io.getState(name),
    summary: markdown => io.summary(markdown),
    setSecret: value => io.setSecret(value),
    log: io.log,
    env: io.env,
    workspace: io.workspace,
    github: () => io.github(),
    now: () => io.now(),
    onClose: fn => io.onClose(fn),
    close: () => io.close(),
    setFailed: (message, where) => io.setFailed(message, where),
  }
}
