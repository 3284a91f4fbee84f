/**
 * The training as a process. It runs in a process group of its own, so a stop reaches the
 * workers it starts; a watchdog process kills that group when the runner goes away in any
 * way, SIGKILL included, which no handler of ours sees; and its output is relayed line by
 * line with backpressure, so memory stays bounded however much it prints.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import type {Readable, Writable} from 'node:stream'
import {LineSplitter} from './lines.js'

/** Process groups of the trainings this process started and has not seen end. */
const live = new Set<number>()

function signalGroup(pgid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pgid, sig)
  } catch {
    // the group is gone
  }
}

/**
 * Kills the process group of every training this process still has. For a runner that is
 * failing (an uncaught exception): its training must not run on unsupervised.
 */
export function killLiveTrainings(): void {
  for (const pgid of live) signalGroup(pgid, 'SIGKILL')
}

/**
 * The watchdog: a process of its own whose stdin is a pipe from the runner. The runner never
 * writes to it; when it reads end-of-file, the runner is gone, and it kills the training's group.
 */
const WATCHDOG =
  "const k=()=>{try{process.kill(-Number(process.argv[1]),'SIGKILL')}catch{}};process.stdin.on('end',k).on('error',k).resume()"

export interface TrainingCommand {
  command: string
  args: readonly string[]
  cwd: string
  env: NodeJS.ProcessEnv
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

export class Training {
  readonly child: ChildProcess
  readonly exited: Promise<Exit>
  /** The training's main process has ended (its workers may not have). */
  ended = false
  private readonly closed: Promise<void>
  private watchdog: ChildProcess | undefined

  /** Starts `c`; throws at once when the system cannot take its arguments (a NUL byte). */
  constructor(c: TrainingCommand) {
    this.child = spawn(c.command, c.args, {cwd: c.cwd, env: c.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true})
    this.exited = new Promise(res =>
      this.child.once('exit', (code, signal) => {
        this.ended = true
        res({code, signal})
      }),
    )
    this.closed = new Promise(res => this.child.once('close', () => res()))
  }

  get stdout(): Readable {
    return this.child.stdout!
  }

  get stderr(): Readable {
    return this.child.stderr!
  }

  /** Resolves once the training runs (and is watched), or with why it could not start (ENOENT…). */
  async started(): Promise<NodeJS.ErrnoException | undefined> {
    const error = await new Promise<NodeJS.ErrnoException | undefined>(res => {
      this.child.once('spawn', () => res(undefined))
      this.child.once('error', e => res(e))
    })
    const pgid = this.child.pid
    if (error || pgid === undefined) return error
    live.add(pgid)
    const w = spawn(process.execPath, ['-e', WATCHDOG, String(pgid)], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
      env: {},
    })
    w.on('error', () => undefined)
    w.stdin.on('error', () => undefined)
    // it must not keep the runner alive: only the runner's end closes its pipe
    w.unref()
    ;(w.stdin as Writable & {unref?: () => void}).unref?.()
    this.watchdog = w
    return undefined
  }

  /** Sends `sig` to the training's process group, while its main process runs. */
  signal(sig: NodeJS.Signals): void {
    if (!this.ended && this.child.pid !== undefined) signalGroup(this.child.pid, sig)
  }

  /**
   * Once the main process has ended: kills the workers it left in its group, lets its output
   * drain for at most `drainMs`, then closes the pipes, whoever still holds them (a process
   * that left the group, `setsid sleep &`).
   */
  async finish(drainMs: number): Promise<void> {
    const pgid = this.child.pid!
    signalGroup(pgid, 'SIGKILL')
    live.delete(pgid)
    // before the pipe closes, or the watchdog would signal a group id that may be reused
    this.watchdog?.kill('SIGKILL')
    let timer: NodeJS.Timeout | undefined
    await Promise.race([this.closed, new Promise(res => (timer = setTimeout(res, drainMs)))])
    clearTimeout(timer)
    this.stdout.destroy()
    this.stderr.destroy()
    // the relay has had the last lines once the pipes report closed
    await this.closed
  }
}

/**
 * Copies a training's output line by line (lines cut at 64 KiB) to our streams and logs.txt.
 * While any of those is full, the training's pipes are paused, so the training blocks on its
 * writes instead of our heap growing. An output that fails (EPIPE, ENOSPC) is written no more.
 */
export class Relay {
  private readonly inputs: Readable[] = []
  private readonly full = new Set<Writable>()
  private readonly failed = new Set<Writable>()
  private readonly onError = new Map<Writable, () => void>()

  constructor(outputs: readonly Writable[]) {
    for (const out of outputs) {
      const f = (): void => {
        this.failed.add(out)
        this.resume(out)
      }
      this.onError.set(out, f)
      out.on('error', f)
    }
  }

  /** Feeds `input` to `onLine` line by line; its last line too, however the stream ends. */
  from(input: Readable, onLine: (line: string) => void): void {
    this.inputs.push(input)
    const split = new LineSplitter(onLine)
    input.on('data', (chunk: Buffer) => split.push(chunk))
    input.once('close', () => split.end())
  }

  write(out: Writable, text: string): void {
    if (this.failed.has(out) || out.destroyed) return
    if (out.write(text) || this.full.has(out)) return
    this.full.add(out)
    for (const i of this.inputs) i.pause()
    const go = (): void => {
      out.off('drain', go).off('close', go)
      this.resume(out)
    }
    out.on('drain', go).on('close', go)
  }

  /** Stops listening to the outputs' errors. */
  close(): void {
    for (const [out, f] of this.onError) out.off('error', f)
  }

  private resume(out: Writable): void {
    if (!this.full.delete(out) || this.full.size > 0) return
    for (const i of this.inputs) i.resume()
  }
}
