import {appendFileSync} from 'node:fs'
import type {Where} from './errors.js'
import {githubRun} from './github.js'
import {Closers, type ActionIO} from './io.js'

/** `file:line:col: ` before a message, unless the message already starts with the file. */
function at(where: Where | undefined, message: string): string {
  if (where?.file === undefined) return ''
  const pos = `${where.file}${where.line === undefined ? '' : `:${where.line}`}${where.col === undefined ? '' : `:${where.col}`}`
  return message.startsWith(`${where.file} `) || message.startsWith(`${pos}:`) ? '' : `${pos}: `
}

export interface ConsoleOptions {
  inputs: Record<string, string>
  verbose?: boolean
  /** Where human-readable logs go; stdout stays free for `--json`. */
  write?: (line: string) => void
  env?: NodeJS.ProcessEnv
  cwd?: string
}

/** The ActionIO of the `trainer` CLI: inputs from flags, logs on stderr, outputs kept in memory. */
export function consoleIO(o: ConsoleOptions): ActionIO & {outputs: Record<string, string>} {
  const closers = new Closers()
  const secrets: string[] = []
  // longest first: a secret that contains a shorter one is masked whole
  const mask = (s: string): string =>
    [...secrets].sort((a, b) => b.length - a.length).reduce((acc, x) => acc.split(x).join('***'), s)
  const write = o.write ?? ((line: string) => process.stderr.write(line + '\n'))
  const out = (line: string): void => write(mask(line))
  const env = o.env ?? process.env
  const outputs: Record<string, string> = {}
  const state: Record<string, string> = {}
  let depth = ''
  return {
    outputs,
    input: name => o.inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = String(value)
    },
    saveState: (name, value) => {
      state[name] = value
    },
    getState: name => state[name] ?? '',
    summary: md => {
      if (env.TRAINER_SUMMARY_FILE) appendFileSync(env.TRAINER_SUMMARY_FILE, md + '\n')
      return Promise.resolve()
    },
    setSecret: value => {
      if (value) secrets.push(value)
    },
    log: {
      debug: m => {
        if (o.verbose) out(`${depth}debug: ${m}`)
      },
      info: m => out(depth + m),
      warning: (m, where) => out(`${depth}warning: ${at(where, m)}${m}`),
      error: (m, where) => out(`${depth}error: ${at(where, m)}${m}`),
      group: async (name, fn) => {
        out(`${depth}▸ ${name}`)
        const prev = depth
        depth += '  '
        try {
          return await fn()
        } finally {
          depth = prev
        }
      },
    },
    env,
    workspace: o.cwd ?? process.cwd(),
    github: () => githubRun(env),
    now: () => new Date(),
    onClose: fn => closers.add(fn),
    close: () => closers.run(),
    setFailed: (m, where) => {
      out(`error: ${m}`)
      // runAction passes a location only for configuration errors: seed 000's exit code 2
      process.exitCode = where === undefined ? 1 : 2
    },
  }
}
