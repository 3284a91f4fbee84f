import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {build} from '../actions/build.js'
import {hash} from '../actions/hash.js'
import {consoleIO} from '../kit/console-io.js'
import type {ActionIO} from '../kit/io.js'
import {runAction} from '../kit/run-action.js'

export const VERSION = '0.1.0'

type Options = NonNullable<ParseArgsConfig['options']>

const COMMON: Options = {
  config: {type: 'string'},
  manifest: {type: 'string'},
  'tag-length': {type: 'string'},
  'include-worktree': {type: 'boolean'},
  json: {type: 'boolean'},
  cwd: {type: 'string', short: 'C'},
  verbose: {type: 'boolean', short: 'v'},
  help: {type: 'boolean', short: 'h'},
}

interface Verb {
  summary: string
  usage: string
  options: Options
  run: (io: ActionIO) => Promise<unknown>
  /** What `--json` prints. */
  json: (result: never) => unknown
  /** What a person sees on stdout. */
  human: (result: never) => string
}

const VERBS: Record<string, Verb> = {
  hash: {
    summary: 'hash the files listed in .image-manifest; print the image tag',
    usage: 'trainer hash [--manifest FILE] [--config FILE] [--tag-length N] [--include-worktree] [--json]',
    options: COMMON,
    run: hash,
    json: (r: Awaited<ReturnType<typeof hash>>) => ({hash: r.hash, tag: r.tag, files: r.files.map(f => f.path)}),
    human: (r: Awaited<ReturnType<typeof hash>>) => r.tag,
  },
  build: {
    summary: 'build and push the training image, only when its tag is not in the registry',
    usage:
      'trainer build [--name NAME[:TAG]] [--registry HOST/PREFIX] [--tag TAG] [--dockerfile FILE] [--context DIR]\n' +
      '              [--build-arg K=V ...] [--platform OS/ARCH] [--username U --password-stdin] [--force] [--json]',
    options: {
      ...COMMON,
      name: {type: 'string'},
      registry: {type: 'string'},
      tag: {type: 'string'},
      dockerfile: {type: 'string'},
      context: {type: 'string'},
      'build-arg': {type: 'string', multiple: true},
      platform: {type: 'string'},
      username: {type: 'string'},
      'password-stdin': {type: 'boolean'},
      force: {type: 'boolean'},
    },
    run: build,
    json: (r: Awaited<ReturnType<typeof build>>) => ({
      image: r.ref.full,
      tag: r.ref.tag,
      digest: r.digest ?? null,
      built: r.built,
      hash: r.hash.hash,
    }),
    human: (r: Awaited<ReturnType<typeof build>>) => r.ref.full,
  },
}

function help(): string {
  const verbs = Object.entries(VERBS).map(([k, v]) => `  ${k.padEnd(8)} ${v.summary}`)
  return [
    `trainer ${VERSION}: GitHub Actions as the control plane for ML training`,
    '',
    'Usage: trainer <command> [options]',
    '',
    'Commands:',
    ...verbs,
    '',
    'Common options:',
    '  -C, --cwd DIR         run as if started in DIR',
    '  --config FILE         trainer.yml to use (default: ./trainer.yml when present)',
    '  --json                machine-readable output on stdout',
    '  -v, --verbose         debug logging',
    '',
    'Run `trainer <command> --help` for the options of one command.',
  ].join('\n')
}

/** Flags become the action's inputs, under the same kebab-case names. */
function toInputs(
  values: Record<string, string | boolean | (string | boolean)[] | undefined>,
  stdin: () => string,
): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || ['json', 'cwd', 'verbose', 'help', 'password-stdin', 'build-arg'].includes(k)) continue
    inputs[k] = Array.isArray(v) ? v.join('\n') : String(v)
  }
  const args = values['build-arg']
  if (Array.isArray(args)) inputs['build-args'] = args.join('\n')
  if (values['password-stdin']) inputs.password = stdin().replace(/\r?\n$/, '')
  else if (process.env.TRAINER_REGISTRY_PASSWORD) inputs.password = process.env.TRAINER_REGISTRY_PASSWORD
  return inputs
}

/** `trainer <verb> …`: the same action functions, with inputs from flags and logs on stderr. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv
  if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
    process.stdout.write(help() + '\n')
    return verb === undefined ? 2 : 0
  }
  if (verb === '--version' || verb === 'version') {
    process.stdout.write(VERSION + '\n')
    return 0
  }
  const v = VERBS[verb]
  if (!v) {
    process.stderr.write(`trainer: unknown command '${verb}'; commands: ${Object.keys(VERBS).join(', ')}\n`)
    return 2
  }
  let values
  try {
    values = parseArgs({args: rest, options: v.options, allowPositionals: false, strict: true}).values
  } catch (e: unknown) {
    process.stderr.write(`trainer ${verb}: ${(e as Error).message}\nUsage: ${v.usage}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`Usage: ${v.usage}\n`)
    return 0
  }
  const cwd = resolve(typeof values.cwd === 'string' ? values.cwd : '.')
  const io = consoleIO({inputs: toInputs(values, () => readFileSync(0, 'utf8')), verbose: values.verbose === true, cwd})
  process.exitCode = 0
  const result = await runAction(verb, v.run, io)
  if (result === undefined) return 1
  process.stdout.write(
    (values.json ? JSON.stringify(v.json(result as never), null, 2) : v.human(result as never)) + '\n',
  )
  return 0
}
