import type {Where} from '../../src/kit/errors.js'
import {githubRun, type GithubRun} from '../../src/kit/github.js'
import {Closers, type ActionIO} from '../../src/kit/io.js'

export interface LogLine {
  level: 'debug' | 'info' | 'warning' | 'error' | 'group'
  message: string
  where?: Where | undefined
}

/** An ActionIO that records everything an action does, for unit tests. */
export class RecordingIO implements ActionIO {
  outputs: Record<string, string> = {}
  state: Record<string, string> = {}
  secrets: string[] = []
  summaries: string[] = []
  lines: LogLine[] = []
  failed: {message: string; where?: Where | undefined} | undefined
  closed = 0
  private closers = new Closers()
  constructor(
    public inputs: Record<string, string> = {},
    public workspace: string = process.cwd(),
    public env: Record<string, string | undefined> = {},
  ) {}
  /** The clock: fixed when a test sets it. */
  clock: Date | undefined
  github(): GithubRun | undefined {
    return githubRun(this.env)
  }
  now(): Date {
    return this.clock ?? new Date()
  }
  input(name: string): string {
    return this.inputs[name] ?? ''
  }
  setOutput(name: string, value: string | number | boolean): void {
    this.outputs[name] = String(value)
  }
  saveState(name: string, value: string): void {
    this.state[name] = value
  }
  getState(name: string): string {
    return this.state[name] ?? ''
  }
  summary(md: string): Promise<void> {
    this.summaries.push(md)
    return Promise.resolve()
  }
  setSecret(value: string): void {
    this.secrets.push(value)
  }
  log = {
    debug: (m: string) => void this.lines.push({level: 'debug', message: m}),
    info: (m: string) => void this.lines.push({level: 'info', message: m}),
    warning: (m: string, where?: Where) => void this.lines.push({level: 'warning', message: m, where}),
    error: (m: string, where?: Where) => void this.lines.push({level: 'error', message: m, where}),
    group: async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      this.lines.push({level: 'group', message: name})
      return fn()
    },
  }
  onClose(fn: () => Promise<void> | void): void {
    this.closers.add(fn)
  }
  async close(): Promise<void> {
    this.closed++
    await this.closers.run()
  }
  setFailed(message: string, where?: Where): void {
    this.failed = {message, where}
  }
  warnings(): LogLine[] {
    return this.lines.filter(l => l.level === 'warning')
  }
}
