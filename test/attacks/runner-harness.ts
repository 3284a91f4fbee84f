// Runs the real `trainer run` bundle (dist/run/index.js) around a hostile training, the way a
// launcher does: a clean environment, the run described by TRAINER_RUN_SPEC. Every run is
// bounded: past `killAfterMs` the runner is killed and the result says so.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {StringDecoder} from 'node:string_decoder'
import {ROOT} from '../helpers/workspace.js'

export const HOSTILE = join(ROOT, 'test/fixtures/training/hostile.mjs')
export const CRASH_PRELOAD = join(ROOT, 'test/fixtures/training/crash-runner.mjs')
/** The bundle attacked; TRAINER_ATTACK_BUNDLE points at another build (an older release, to see an attack succeed). */
export const BUNDLE = process.env.TRAINER_ATTACK_BUNDLE || join(ROOT, 'dist/run/index.js')
export const MiB = 2 ** 20

export interface AttackOptions {
  /** The training command; run with args-style env (no arguments added). */
  command: string[]
  /** More fields of TRAINER_RUN_SPEC (they replace the defaults). */
  spec?: Record<string, unknown>
  /** Raw TRAINER_RUN_SPEC, instead of the one built from `command` and `spec`. */
  rawSpec?: string
  /** `trainer run` flags. */
  args?: string[]
  env?: Record<string, string>
  cwd?: string
  /** The runner is SIGKILLed past this (default 30 s). */
  killAfterMs?: number
  /** Reads the runner's stdout at most this fast (a slow consumer); default: as fast as it comes. */
  readBytesPerSec?: number
}

export interface AttackResult {
  code: number | null
  signal: NodeJS.Signals | null
  /** Output as seen; past 1 MiB only its first MiB and last 64 KiB are kept. */
  stdout: string
  stderr: string
  stdoutBytes: number
  ms: number
  /** The harness had to kill the runner. */
  killed: boolean
  /** The runner's peak resident memory (VmHWM) in MiB, as last sampled. */
  peakMiB: number
}

export interface Attack {
  child: ChildProcess
  ws: string
  runDir: string
  waitFor: (text: string, ms?: number) => Promise<void>
  result: Promise<AttackResult>
}

const HEAD = MiB
const TAIL = 64 << 10

/** Keeps what a test may look at of a long output, and its size. */
class Capture {
  head = ''
  tail = ''
  bytes = 0
  private readonly decoder = new StringDecoder('utf8')
  add(b: Buffer): void {
    this.bytes += b.length
    const s = this.decoder.write(b)
    if (this.head.length < HEAD) this.head += s.slice(0, HEAD - this.head.length)
    else this.tail = (this.tail + s).slice(-TAIL)
  }
  text(): string {
    return this.tail === '' ? this.head : `${this.head}\n…\n${this.tail}`
  }
}

export function vmHwmMiB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

export function launch(o: AttackOptions): Attack {
  const ws = o.cwd ?? mkdtempSync(join(tmpdir(), 'trainer-atk-'))
  const spec =
    o.rawSpec ?? JSON.stringify({experiment: 'atk', index: 0, command: o.command, argsStyle: 'env', ...o.spec})
  const started = performance.now()
  const child = spawn(process.execPath, [BUNDLE, ...(o.args ?? [])], {
    cwd: ws,
    env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ws, TRAINER_RUN_SPEC: spec, ...o.env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const out = new Capture()
  const err = new Capture()
  const waiters: {text: string; resolve: () => void}[] = []
  const check = (): void => {
    for (const w of waiters.splice(0))
      (out.text().includes(w.text) || err.text().includes(w.text) ? w.resolve : () => waiters.push(w))()
  }
  const rate = o.readBytesPerSec
  child.stdout.on('data', (b: Buffer) => {
    out.add(b)
    check()
    if (rate === undefined) return
    const ahead = (out.bytes / rate) * 1000 - (performance.now() - started)
    if (ahead > 5) {
      child.stdout.pause()
      setTimeout(() => child.stdout.resume(), ahead)
    }
  })
  child.stderr.on('data', (b: Buffer) => {
    err.add(b)
    check()
  })
  let peak = 0
  const sample = setInterval(() => (peak = Math.max(peak, vmHwmMiB(child.pid!) ?? 0)), 20)
  let killed = false
  const killer = setTimeout(() => {
    killed = true
    child.kill('SIGKILL')
  }, o.killAfterMs ?? 30_000)
  const result = new Promise<AttackResult>(res =>
    child.on('close', (code, signal) => {
      clearInterval(sample)
      clearTimeout(killer)
      res({
        code,
        signal,
        stdout: out.text(),
        stderr: err.text(),
        stdoutBytes: out.bytes,
        ms: performance.now() - started,
        killed,
        peakMiB: peak,
      })
    }),
  )
  const waitFor = (text: string, ms = 10_000): Promise<void> =>
    new Promise((res, rej) => {
      const t = setTimeout(
        () => rej(new Error(`timed out waiting for '${text}'; stdout:\n${out.text()}\nstderr:\n${err.text()}`)),
        ms,
      )
      waiters.push({text, resolve: () => (clearTimeout(t), res())})
      check()
    })
  return {child, ws, runDir: join(ws, 'results/atk/runs/000'), waitFor, result}
}

/** Runs an attack to its end. */
export async function attack(o: AttackOptions): Promise<AttackResult & {ws: string; runDir: string}> {
  const a = launch(o)
  return {...(await a.result), ws: a.ws, runDir: a.runDir}
}

/** Every 8-character piece of `s`: what the redaction must never let through. */
export function pieces(s: string, n = 8): string[] {
  return Array.from({length: Math.max(0, s.length - n + 1)}, (_, i) => s.slice(i, i + n))
}

/** The pieces of `forms` found in `text` (none expected). */
export function leaked(text: string, forms: readonly string[]): string[] {
  return forms.flatMap(f => pieces(f)).filter(p => text.includes(p))
}

/** Whether a process is alive (a zombie counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** Polls until `pid` is gone; false when it is still there after `ms`. */
export async function gone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (!alive(pid)) return true
    await new Promise(r => setTimeout(r, 25))
  }
  return !alive(pid)
}

export const killQuietly = (pid: number | undefined): void => {
  try {
    if (pid) process.kill(pid, 'SIGKILL')
  } catch {
    // gone
  }
}
