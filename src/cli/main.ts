import {spawn} from 'node:child_process'
import {closeSync, openSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {build} from '../actions/build.js'
import type {hash} from '../actions/hash.js'
import type {launch} from '../actions/launch.js'
import type {plan} from '../actions/plan.js'
import type {reconcile} from '../actions/reconcile.js'
import type {report} from '../actions/report.js'
import type {cancel, status} from '../actions/status.js'
import {resultsTable} from '../report/results.js'
import {progressReporter} from './progress.js'
import {planTable, runsTable} from './tables.js'
import {consoleIO} from '../kit/console-io.js'
import {getErrorMessage} from '../kit/errors.js'
import {identify, type ProcessIdentity} from '../kit/proc.js'
import {makeDirs} from '../kit/safe-fs.js'
import type {inputFlags} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import type {Plan} from '../plan/types.js'
import {runAction} from '../kit/run-action.js'

export const VERSION = '0.1.0'

type Options = NonNullable<ParseArgsConfig['options']>

/** The CLI's own flags, on every verb. */
const COMMON: Options = {
  json: {type: 'boolean'},
  cwd: {type: 'string', short: 'C'},
  verbose: {type: 'boolean', short: 'v'},
  help: {type: 'boolean', short: 'h'},
}

/**
 * A verb's flags: one per input of its schema, under the input's name (a switch for a boolean, a
 * repeatable flag for a list: see inputFlags), less the inputs given another way (`omit`), plus
 * the common flags and the verb's `own` (short names, flags that stand for an input). The schema
 * is the verb's code, which loads only when that verb is used.
 */
function flags(
  schema: () => Promise<Parameters<typeof inputFlags>[0]>,
  own: Options = {},
  omit: readonly string[] = [],
): () => Promise<Options> {
  return async () => {
    const [kit, s] = await Promise.all([import('../kit/inputs.js'), schema()])
    return {...kit.inputFlags(s, omit), ...COMMON, ...own}
  }
}

/** Plan and launch: the overrides are key=value words, and --no-prefer-config-seed turns prefer-config-seed off. */
const PLAN_FLAGS: Options = {experiment: {type: 'string', short: 'e'}, 'no-prefer-config-seed': {type: 'boolean'}}
const PLAN_OMIT = ['overrides', 'prefer-config-seed']

interface Verb {
  summary: string
  usage: string
  /** What `--help` adds under the usage: one line per option. */
  details?: string
  /** Its flags, once its code is loaded. */
  options: () => Promise<Options>
  /**
   * overrides: key=value words become the `overrides` input (`exp=NAME` the experiment);
   * id: one word, the `id` input (a launch or run id).
   */
  positionals?: 'overrides' | 'id'
  run: (io: ActionIO) => Promise<unknown>
  /** The exit code a result means (default 0). */
  exitCode?: (result: never) => number
  /** What `--json` prints. */
  json: (result: never) => unknown
  /** What a person sees on stdout. */
  human: (result: never) => string
}

const PLAN_DETAILS = [
  '  exp=NAME              the experiment in trainer.yml (also -e NAME)',
  "  key=value             a parameter override, one per word; it keeps the parameter's type",
  '  --seed S              one explicit seed for every run',
  "  --no-prefer-config-seed  ignore the experiment's seeds (explicit or derived seeds)",
  '  --launch-id ID        name the launch (the same id and inputs again resume it)',
  '  --max-runs N          refuse a plan of more than N runs (default launch.max-runs, 1000)',
  '  --backend NAME        local (default), local-docker, or a backend of trainer.yml backends: (slurm)',
  "  --image REF           the image for local-docker (default: the image pipeline's tag)",
].join('\n')

const LEDGER_DETAILS = '  --ledger FILE         the ledger (default launch.ledger, else .trainer/ledger.db)'

const VERBS: Record<string, Verb> = {
  hash: {
    summary: 'hash the files listed in .image-manifest; print the image tag',
    usage:
      'trainer hash [--manifest FILE] [--config FILE] [--tag-length N] [--include-worktree]\n' +
      '             [--check [--name NAME] [--registry HOST/PREFIX]] [--json]',
    details:
      '  --check               also ask the registry whether the image with this tag is there (logged; exit 0\n' +
      '                        either way; the action outputs image and exists)',
    options: flags(async () => (await import('../actions/hash.js')).HashInputs),
    // each verb's code loads only when it runs: `trainer hash` never loads the ledger or dockerode
    run: async io => (await import('../actions/hash.js')).hash(io),
    json: (r: Awaited<ReturnType<typeof hash>>) => ({hash: r.hash, tag: r.tag, files: r.files.map(f => f.path)}),
    human: (r: Awaited<ReturnType<typeof hash>>) => r.tag,
  },
  build: {
    summary: 'build and push the training image, only when its tag is not in the registry',
    usage:
      'trainer build [--name NAME[:TAG]] [--registry HOST/PREFIX] [--tag TAG] [--dockerfile FILE] [--context DIR]\n' +
      '              [--build-arg K=V ...] [--platform OS/ARCH] [--username U --password-stdin]\n' +
      '              [--auth-realms HOST ...] [--builder auto|buildx|classic] [--cache true|false|registry|gha]\n' +
      '              [--force] [--json]',
    // the password only from stdin (or TRAINER_REGISTRY_PASSWORD), never in argv; build args as docker's --build-arg
    options: flags(
      async () => (await import('../actions/build.js')).BuildInputs,
      {'build-arg': {type: 'string', multiple: true}, 'password-stdin': {type: 'boolean'}},
      ['build-args', 'password'],
    ),
    run: async io => (await import('../actions/build.js')).build(io),
    json: (r: Awaited<ReturnType<typeof build>>) => ({
      image: r.ref.full,
      tag: r.ref.tag,
      digest: r.digest ?? null,
      built: r.built,
      hash: r.hash.hash,
    }),
    human: (r: Awaited<ReturnType<typeof build>>) => r.ref.full,
  },
  plan: {
    summary: 'show the runs an experiment expands to (parameters, seeds, sweep), without launching',
    usage:
      'trainer plan exp=NAME [key=value ...] [--seed S] [--no-prefer-config-seed] [--launch-id ID] [--max-runs N]\n' +
      '             [--backend NAME [--show-script]] [--json]',
    details: [
      PLAN_DETAILS,
      '  --show-script         print the job script a Slurm backend would submit (nothing is submitted)',
    ].join('\n'),
    options: flags(async () => (await import('../actions/plan.js')).PlanOnlyInputs, PLAN_FLAGS, PLAN_OMIT),
    positionals: 'overrides',
    run: async io => (await import('../actions/plan.js')).plan(io),
    json: (r: Awaited<ReturnType<typeof plan>>) => r,
    human: (r: Awaited<ReturnType<typeof plan>>) => (r.script === undefined ? planTable(r) : r.script.trimEnd()),
  },
  launch: {
    summary: 'run an experiment: plan it, run each run here, record every state in the ledger',
    usage:
      'trainer launch exp=NAME [key=value ...] [--backend NAME] [--image REF] [-j N] [--seed S] [--detach]\n' +
      '              [--launch-id ID] [--results-root DIR] [--ledger FILE] [--grace-period SECONDS]\n' +
      '              [--wait-timeout SECONDS] [--report] [--json]',
    details: [
      PLAN_DETAILS,
      '  -j, --parallel N      runs at a time (default launch.parallel, 2)',
      '  --results-root DIR    where runs write (default launch.results-root, results); each launch',
      '                        gets <DIR>/<launch-id>/<experiment>/runs/<NNN>',
      LEDGER_DETAILS,
      '  --grace-period S      seconds a stopped run gets to checkpoint before it is killed (30)',
      '  --detach              return once the runs are submitted (a local launch gets a launcher of its',
      '                        own, logging to <results>/<launch-id>/launcher.log); prints the launch id',
      '  --wait-timeout S      stop waiting for a remote launch after S seconds (its runs go on)',
      '  --report              in a GitHub Actions step (GITHUB_TOKEN): the check run and PR comment follow',
      '                        the launch, from queued to the final table',
      'Ctrl-C cancels queued runs and stops running ones; trainer status --refresh moves a detached',
      'launch on, and settles one whose launcher was killed.',
    ].join('\n'),
    options: flags(
      async () => (await import('../actions/launch.js')).LaunchInputs,
      {...PLAN_FLAGS, parallel: {type: 'string', short: 'j'}},
      [...PLAN_OMIT, 'github-token'],
    ),
    positionals: 'overrides',
    run: async io => {
      const {launch} = await import('../actions/launch.js')
      process.once('SIGINT', () =>
        process.stderr.write(
          '\nstopping: queued runs are cancelled, running ones get their grace period to checkpoint\n',
        ),
      )
      return launch(io, {
        // the runner's own bundle beside this one: a third of the CLI's start-up, per run
        runner: [process.execPath, join(dirname(process.argv[1]!), '..', 'run', 'index.js')],
        runnerDir: join(dirname(process.argv[1]!), '..', 'run'),
        signals: process,
        progress: progressReporter(process.stderr),
        detach: detachedLauncher,
      })
    },
    json: (r: Awaited<ReturnType<typeof launch>>) => ({
      launch: r.plan.launchId,
      status: r.status,
      runs: r.runs,
      results: r.summaries,
    }),
    human: (r: Awaited<ReturnType<typeof launch>>) =>
      r.detached
        ? r.plan.launchId
        : `${resultsTable(r.summaries)}\n\nlaunch ${r.plan.launchId}: ${r.status} (see it again: ${seeAgain(r.plan.launchId, r.ledger)}${r.runs[0]?.backend === 'local' || r.runs[0]?.backend === 'local-docker' ? `; results in ${relative(process.cwd(), r.resultsRoot) || '.'}` : ''})`,
    exitCode: (r: Awaited<ReturnType<typeof launch>>) =>
      r.detached ? 0 : r.status === 'SUCCEEDED' ? 0 : r.status === 'CANCELLED' ? 130 : 1,
  },
  status: {
    summary:
      'the runs of a launch (default: the latest) and their results; --refresh settles runs whose launcher is gone',
    usage: 'trainer status [LAUNCH-ID] [--refresh] [--ledger FILE] [--json]',
    details: [
      '  LAUNCH-ID             default: the latest launch',
      '  --refresh             ask the backend where each run stands (Slurm: one squeue); settle runs',
      '                        whose launcher is gone from what they left on disk',
      LEDGER_DETAILS,
    ].join('\n'),
    options: flags(async () => (await import('../actions/status.js')).StatusInputs, {}, ['id']),
    positionals: 'id',
    run: async io => (await import('../actions/status.js')).status(io),
    json: (r: Awaited<ReturnType<typeof status>>) => r,
    human: (r: Awaited<ReturnType<typeof status>>) =>
      `launch ${r.launch.id} (${r.launch.experiment}, ${r.launch.backend}): ${r.launch.status}\n\n${runsTable(r.runs, sweptKeys(r.launch.plan))}\n\n${resultsTable(r.summaries)}`,
  },
  logs: {
    summary: "print a run's training output (its logs.txt)",
    usage: 'trainer logs RUN-ID [--ledger FILE]',
    details: ['  RUN-ID                <launch-id>.<NNN>, as trainer status lists them', LEDGER_DETAILS].join('\n'),
    options: flags(async () => (await import('../actions/status.js')).LedgerInputs, {}, ['id']),
    positionals: 'id',
    run: async io => (await import('../actions/status.js')).logs(io),
    json: (r: string) => ({logs: r}),
    human: (r: string) => r.replace(/\n$/, ''),
  },
  cancel: {
    summary: 'cancel a launch: queued runs are cancelled, running ones stopped',
    usage: 'trainer cancel LAUNCH-ID [--ledger FILE]',
    details: [
      '  queued runs are cancelled; running ones get SIGTERM (after a check that the process is',
      '  still theirs) and their grace period to checkpoint',
      LEDGER_DETAILS,
    ].join('\n'),
    options: flags(async () => (await import('../actions/status.js')).LedgerInputs, {}, ['id']),
    positionals: 'id',
    run: async io => (await import('../actions/status.js')).cancel(io),
    json: (r: Awaited<ReturnType<typeof cancel>>) => r,
    human: (r: Awaited<ReturnType<typeof cancel>>) => `${r.launch}: ${r.cancelled} cancelled, ${r.stopping} stopping`,
  },
  report: {
    summary: "report a launch: check run, sticky PR comment and job summary on GitHub; the report's file here",
    usage: 'trainer report [LAUNCH-ID] [--publish check,comment,summary] [--report-file FILE] [--ledger FILE]',
    details: [
      '  LAUNCH-ID             default: the latest launch',
      '  --publish LIST        where it goes (default check, comment, summary); outside a workflow step',
      '                        (GITHUB_ACTIONS, GITHUB_REPOSITORY, GITHUB_TOKEN) only the file is written',
      '  --report-file FILE    the full report (default <results>/<launch-id>/report-<launch-id>.md)',
      LEDGER_DETAILS,
    ].join('\n'),
    options: flags(async () => (await import('../actions/report.js')).ReportInputs, {}, ['id', 'github-token']),
    positionals: 'id',
    run: async io => (await import('../actions/report.js')).report(io),
    json: (r: Awaited<ReturnType<typeof report>>) => ({
      launch: r.model.launchId,
      conclusion: r.rendered.conclusion ?? 'pending',
      file: r.file,
      ...r.published,
    }),
    human: (r: Awaited<ReturnType<typeof report>>) =>
      [
        `${r.rendered.title}`,
        `report: ${r.file}`,
        ...(r.published.checkRunUrl ? [`check run: ${r.published.checkRunUrl}`] : []),
        ...(r.published.commentUrl ? [`comment: ${r.published.commentUrl}`] : []),
      ].join('\n'),
  },
  reconcile: {
    summary: "bring the reports of launches that outlived their workflow job up to date (GitHub's check runs)",
    usage: 'trainer reconcile [--max-age-hours N] [--max-refs N] [--head-sha SHA] [--cancel LAUNCH-ID|all] [--dry-run]',
    details: [
      '  finds the unfinished launch check runs of GITHUB_REPOSITORY (token: GITHUB_TOKEN), polls',
      "  their runs' backends (declared in this trainer.yml) and updates each check run and PR comment",
      '  --max-age-hours N     search the commits of workflow runs of the last N hours (default 72)',
      '  --max-refs N          at most N commits, one request each (default 60)',
      "  --head-sha SHA        only this commit's launches",
      '  --cancel ID|all       cancel that launch (all: every unfinished one on --head-sha) and report it',
      '  --dry-run             poll and say what would be published; write nothing to GitHub',
    ].join('\n'),
    options: flags(async () => (await import('../actions/reconcile.js')).ReconcileInputs, {}, ['github-token']),
    run: async io => (await import('../actions/reconcile.js')).reconcile(io),
    json: (r: Awaited<ReturnType<typeof reconcile>>) => r,
    human: (r: Awaited<ReturnType<typeof reconcile>>) =>
      [
        `${r.launches.length} unfinished launches; ${r.requests} GitHub API requests`,
        ...r.launches.map(
          l =>
            `${l.launch} ${l.experiment}: ${l.cancelled ? 'cancel sent, ' : ''}${l.action}${l.conclusion ? ` (${l.conclusion})` : ''}: ${l.why}`,
        ),
      ].join('\n'),
  },
}

/**
 * Starts the launcher of a detached local launch: this same command again, without --detach
 * and with the launch id, in a session of its own (a closed terminal does not stop it), its
 * output in `<results root>/<launch id>/launcher.log`. Returns its identity, which the ledger
 * records as the launch's owner.
 */
async function detachedLauncher(launchId: string, root: string): Promise<ProcessIdentity> {
  // this command's own words, less --detach and any --launch-id (the id is given below)
  const args: string[] = []
  const own = process.argv.slice(2)
  for (let i = 0; i < own.length; i++) {
    if (own[i] === '--detach' || own[i]!.startsWith('--launch-id=')) continue
    if (own[i] === '--launch-id') i++
    else args.push(own[i]!)
  }
  await makeDirs(root)
  const log = openSync(join(root, 'launcher.log'), 'a', 0o600)
  const child = spawn(process.execPath, [process.argv[1]!, ...args, '--launch-id', launchId], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  await new Promise<void>((res, rej) => {
    child.once('spawn', res)
    child.once('error', rej)
  })
  child.unref()
  return identify(child.pid!)
}

/**
 * The `trainer status` command that finds this launch from where the user stands: the
 * ledger is only found by default from the workspace it was made in.
 */
function seeAgain(launchId: string, ledger: string): string {
  const rel = relative(process.cwd(), ledger)
  return rel === join('.trainer', 'ledger.db')
    ? `trainer status ${launchId}`
    : `trainer status ${launchId} --ledger ${rel.includes(' ') ? JSON.stringify(rel) : rel}`
}

/** The parameters a launch's sweep varies, in plan order. */
function sweptKeys(plan: Plan): string[] {
  return [...new Set(plan.runs.flatMap(r => Object.keys(r.point)))]
}

function help(): string {
  const verbs = [
    ...Object.entries(VERBS).map(([k, v]) => `  ${k.padEnd(8)} ${v.summary}`),
    `  run      run one training run in a container (seed 000's container_main.py): trainer run --help`,
  ]
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
  positionals: readonly string[] = [],
  mode: Verb['positionals'] = 'overrides',
): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const [k, v] of Object.entries(values)) {
    if (
      v === undefined ||
      ['json', 'cwd', 'verbose', 'help', 'password-stdin', 'build-arg', 'no-prefer-config-seed'].includes(k)
    )
      continue
    inputs[k] = Array.isArray(v) ? v.join('\n') : String(v)
  }
  if (values['no-prefer-config-seed']) inputs['prefer-config-seed'] = 'false'
  const overrides: string[] = []
  for (const w of positionals) {
    if (mode === 'id') inputs.id = w
    else if (w.startsWith('exp=') || w.startsWith('experiment=')) {
      if (inputs.experiment !== undefined) throw new Error(`the experiment is given twice (${w})`)
      inputs.experiment = w.slice(w.indexOf('=') + 1)
    } else if (/[\r\n]/.test(w)) throw new Error(`'${w.split(/\r?\n/)[0]}…': a value cannot span lines`)
    else overrides.push(w)
  }
  if (overrides.length) inputs.overrides = overrides.join('\n')
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
  // the runner's own process wrapper: RESULT_URL wiped from /proc/self/environ, EPIPE ignored
  // (a launcher killed with -9 takes our stderr's reader with it), a crash takes the training down
  if (verb === 'run') return (await import('../runner/main.js')).runnerMain(rest)
  const v = VERBS[verb]
  if (!v) {
    process.stderr.write(`trainer: unknown command '${verb}'; commands: ${[...Object.keys(VERBS), 'run'].join(', ')}\n`)
    return 2
  }
  const options = await v.options()
  let values
  let positionals: string[]
  let inputs: Record<string, string>
  try {
    ;({values, positionals} = parseArgs({
      args: rest,
      options,
      allowPositionals: v.positionals !== undefined,
      strict: true,
    }))
    if (v.positionals === 'id' && positionals.length > 1)
      throw new Error(`one id expected, got: ${positionals.join(' ')}`)
    inputs = toInputs(values, () => readFileSync(0, 'utf8'), positionals, v.positionals)
  } catch (e: unknown) {
    process.stderr.write(`trainer ${verb}: ${getErrorMessage(e)}\nUsage: ${v.usage}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`Usage: ${v.usage}\n${v.details ? `\n${v.details}\n` : ''}`)
    return 0
  }
  const cwd = resolve(typeof values.cwd === 'string' ? values.cwd : '.')
  const io = consoleIO({
    inputs,
    verbose: values.verbose === true,
    cwd,
  })
  process.exitCode = 0
  const result = await runAction(verb, v.run, io)
  // a configuration error exits 2 (seed 000's code), any other failure 1
  if (result === undefined) return typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1
  process.stdout.write(
    (values.json ? JSON.stringify(v.json(result as never), null, 2) : v.human(result as never)) + '\n',
  )
  return v.exitCode?.(result as never) ?? 0
}
