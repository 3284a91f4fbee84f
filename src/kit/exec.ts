import {spawn} from 'node:child_process'

export interface ExecResult {
  code: number
  stdout: Buffer
  stderr: string
}

/** Runs a program with an argument vector (never through a shell) and collects its output. */
export function exec(
  file: string,
  args: readonly string[],
  opts: {cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv} = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', code =>
      resolve({code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8')}),
    )
    child.stdin.on('error', () => undefined)
    child.stdin.end(opts.input ?? '')
  })
}
