import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

export interface RunOpts {
  workspace?: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  event?: unknown
  eventName?: string
  state?: Record<string, string>
  post?: boolean
  timeoutMs?: number
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  state: Record<string, string>
}

const ROOT = resolve(import.meta.dirname, '../..')

// core writes `name<<ghadelimiter_<uuid>\nvalue\nghadelimiter_<uuid>` (packages/core/src/file-command.ts)
export const parseFileCommands = (t: string): Record<string, string> =>
  Object.fromEntries([...t.matchAll(/^([^\n]+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(m => [m[1] ?? '', m[3] ?? '']))

/**
 * Runs a committed bundle the way a GitHub runner does: `node dist/<name>/index.js`
 * with INPUT_* variables and the file-command files, in an environment built from
 * scratch so no host GITHUB_* variable leaks in.
 */
export async function runDist(name: string, o: RunOpts = {}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `e2e-${name}-`))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace ?? dir,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_EVENT_NAME: o.eventName ?? 'push',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    ...o.env,
  }
  for (const f of ['OUTPUT', 'STATE', 'STEP_SUMMARY', 'ENV', 'PATH'])
    writeFileSync((env[`GITHUB_${f}`] = join(dir, f)), '')
  if (o.event !== undefined) writeFileSync((env.GITHUB_EVENT_PATH = join(dir, 'event.json')), JSON.stringify(o.event))
  for (const [k, v] of Object.entries(o.inputs ?? {})) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v // hyphens kept
  for (const [k, v] of Object.entries(o.state ?? {})) env[`STATE_${k}`] = v
  const child = spawn(process.execPath, [join(ROOT, `dist/${name}${o.post ? '-post' : ''}/index.js`)], {
    env,
    cwd: env.GITHUB_WORKSPACE,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000)
  const code = await new Promise<number | null>(r => child.on('close', c => r(c)))
  clearTimeout(timer)
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    outputs: parseFileCommands(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    state: parseFileCommands(readFileSync(env.GITHUB_STATE!, 'utf8')),
  }
}

/** Runs the CLI bundle (`trainer …`) as a user would. */
export async function runCli(
  args: string[],
  o: {cwd: string; env?: Record<string, string>; input?: string},
): Promise<{code: number | null; stdout: string; stderr: string}> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args], {
    cwd: o.cwd,
    env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: o.cwd, ...o.env},
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  child.stdin.end(o.input ?? '')
  const code = await new Promise<number | null>(r => child.on('close', c => r(c)))
  return {code, stdout, stderr}
}
