import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {parseFileCommands} from './run-dist.js'
import {ROOT} from './workspace.js'

export interface StepResult {
  code: number | null
  stdout: string
  stderr: string
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>
  /** The file commands' files as the step left them: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE. */
  files: {output: string; summary: string; state: string}
}

/** The defaults of an action.yml's inputs as INPUT_* (the runner passes them; `${{ }}` ones are left out). */
export function inputDefaults(actionYml: string): Record<string, string> {
  const yml = parse(readFileSync(join(ROOT, actionYml), 'utf8')) as {inputs: Record<string, {default?: string}>}
  return Object.fromEntries(
    Object.entries(yml.inputs).flatMap(([k, v]) =>
      v.default === undefined || v.default.includes('${{') ? [] : [[`INPUT_${k.toUpperCase()}`, v.default]],
    ),
  )
}

/**
 * Runs a bundle (`dist/<bundle>/index.js`) as a workflow step: in `workspace`, in an environment
 * built from scratch (PATH, HOME, RUNNER_TEMP, GITHUB_ACTIONS, GITHUB_WORKSPACE, the file
 * commands' files in a directory of their own under `dir`), the defaults of `actionYml`'s
 * inputs, then `env`, then `inputs` as INPUT_*. Killed after `timeoutMs`.
 */
export async function actionStep(
  bundle: string,
  o: {
    workspace: string
    /** Where the step's own files go (default: the workspace). */
    dir?: string
    actionYml: string
    env?: Record<string, string>
    inputs?: Record<string, string>
    timeoutMs: number
  },
): Promise<StepResult> {
  const dir = mkdtempSync(join(o.dir ?? o.workspace, `.step-${bundle}-`))
  const files = {output: join(dir, 'output'), summary: join(dir, 'summary'), state: join(dir, 'state')}
  for (const f of Object.values(files)) writeFileSync(f, '')
  const child = spawn(process.execPath, [join(ROOT, 'dist', bundle, 'index.js')], {
    cwd: o.workspace,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: o.workspace,
      RUNNER_TEMP: dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      ...inputDefaults(o.actionYml),
      ...o.env,
      ...Object.fromEntries(Object.entries(o.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs)
  const code = await new Promise<number | null>(r => child.on('close', c => r(c)))
  clearTimeout(timer)
  const text = {
    output: readFileSync(files.output, 'utf8'),
    summary: readFileSync(files.summary, 'utf8'),
    state: readFileSync(files.state, 'utf8'),
  }
  return {code, stdout, stderr, outputs: parseFileCommands(text.output), files: text}
}
