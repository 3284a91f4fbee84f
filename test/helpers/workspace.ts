import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const TRAIN = join(ROOT, 'test/fixtures/training/train.mjs')

/** A temp workspace with a trainer.yml whose experiments run the test training script. */
export function workspace(yml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'trainer-ws-'))
  writeFileSync(join(dir, 'trainer.yml'), yml.replace(/\$TRAIN/g, TRAIN).replace(/\$NODE/g, process.execPath))
  return dir
}

export interface Proc {
  child: ChildProcess
  done: Promise<{code: number | null; stdout: string; stderr: string}>
  /** Resolves once stdout or stderr has shown `text`. */
  waitFor: (text: string, ms?: number) => Promise<void>
}

/** Starts a bundle (`dist/<name>/index.js`) with arguments, in `cwd`, with a clean environment. */
export function start(bundle: string, args: string[], o: {cwd: string; env?: Record<string, string>}): Proc {
  const child = spawn(process.execPath, [join(ROOT, 'dist', bundle, 'index.js'), ...args], {
    cwd: o.cwd,
    env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: o.cwd, ...o.env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const waiters: {text: string; resolve: () => void}[] = []
  const check = (): void => {
    for (const w of waiters.splice(0))
      (stdout.includes(w.text) || stderr.includes(w.text) ? w.resolve : () => waiters.push(w))()
  }
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString()
    check()
  })
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString()
    check()
  })
  const done = new Promise<{code: number | null; stdout: string; stderr: string}>(r =>
    child.on('close', code => r({code, stdout, stderr})),
  )
  const waitFor = (text: string, ms = 10_000): Promise<void> =>
    new Promise((res, rej) => {
      const t = setTimeout(
        () => rej(new Error(`timed out waiting for '${text}'; stdout:\n${stdout}\nstderr:\n${stderr}`)),
        ms,
      )
      waiters.push({text, resolve: () => (clearTimeout(t), res())})
      check()
    })
  return {child, done, waitFor}
}

export const readJson = <T = Record<string, unknown>>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T
