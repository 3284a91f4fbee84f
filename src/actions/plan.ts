import {z} from 'zod'
import type {Scalar} from '../plan/types.js'
import {loadConfig} from '../config/load.js'
import type {TrainerConfig} from '../config/schema.js'
import {ConfigError} from '../kit/errors.js'
import {bool, lines, list, optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {buildPlan, parseOverrides} from '../plan/plan.js'
import type {Plan} from '../plan/types.js'

/** Inputs of a plan (the CLI's `trainer plan`, and the launch pipeline's first step). */
export const PlanInputs = z.object({
  config: optString(),
  experiment: optString(),
  /** One key=value per line (values may hold commas), or a JSON object (actions/command's overrides output). */
  overrides: lines(),
  seed: optInt(0, 2 ** 32 - 1),
  'prefer-config-seed': bool(true),
  'launch-id': optString(),
  'max-runs': optInt(1, 10_000_000),
  backend: optString(),
  image: optString(),
  /** This launch's seeds, instead of the experiment's (comma-separated whole numbers). */
  seeds: list(),
  /** Runs per sweep point, instead of the experiment's. */
  runs: optInt(1, 100_000),
  /** Sweeps for this launch as JSON, parameter to values (`{"lr": [0.01, 0.1]}`); actions/command's sweep output. */
  sweep: optString(),
})

/** `trainer plan`'s own inputs. */
export const PlanOnlyInputs = PlanInputs.extend({
  /** Also the job script a Slurm backend would submit. */
  'show-script': bool(false),
})

/** The experiment asked for; when none is, an error that says how to name one and lists them. */
function experimentName(name: string | undefined, config: TrainerConfig): string {
  if (name !== undefined) return name
  const names = Object.keys(config.experiments ?? {})
  throw new ConfigError(
    `no experiment given: name one with exp=NAME (the experiment input in a workflow); ${names.length ? `experiments: ${names.join(', ')}` : 'trainer.yml defines none'}`,
    {key: 'experiment'},
  )
}

function seedsOf(words: readonly string[]): number[] | undefined {
  if (!words.length) return undefined
  return words.map(w => {
    if (!/^\d{1,10}$/.test(w) || Number(w) > 2 ** 32 - 1)
      throw new ConfigError(`seeds: '${w}' is not a seed (a whole number 0..${2 ** 32 - 1})`, {key: 'seeds'})
    return Number(w)
  })
}

function sweepOf(text: string | undefined): Record<string, Scalar[]> | undefined {
  if (text === undefined) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new ConfigError('sweep: not JSON; give an object of parameter to values, {"lr": [0.01, 0.1]}', {key: 'sweep'})
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError('sweep: give an object of parameter to values, {"lr": [0.01, 0.1]}', {key: 'sweep'})
  const out = Object.create(null) as Record<string, Scalar[]>
  for (const [k, v] of Object.entries(raw)) {
    if (!Array.isArray(v) || !v.every(x => ['string', 'number', 'boolean'].includes(typeof x)))
      throw new ConfigError(`sweep: '${k}' must be a list of values`, {key: 'sweep'})
    out[k] = v as Scalar[]
  }
  return out
}

/**
 * The overrides input: one `key=value` per line, or a JSON object of parameter to value, as
 * actions/command's `overrides` output holds them. A JSON value is kept exactly; a line is not:
 * the runner trims an input and each line is trimmed, so a value ending in a blank (`note="a "`
 * in a /train comment) reaches the training whole only as JSON.
 */
export function overridesOf(lines: readonly string[]): Record<string, string> {
  if (!lines[0]?.startsWith('{')) return parseOverrides(lines)
  const shape = 'give key=value lines, or an object of parameter to value, {"lr": "0.01"}'
  let raw: unknown
  try {
    // a JSON string never spans lines, so the lines' trimming left every value alone
    raw = JSON.parse(lines.join('\n'))
  } catch {
    throw new ConfigError(`overrides: not JSON; ${shape}`, {key: 'overrides'})
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`overrides: ${shape}`, {key: 'overrides'})
  const out = Object.create(null) as Record<string, string>
  for (const [k, v] of Object.entries(raw)) {
    if (!['string', 'number', 'boolean'].includes(typeof v))
      throw new ConfigError(`overrides: '${k}' must be a string, a number or a boolean`, {key: 'overrides'})
    const value = String(v)
    if (value.includes('\0')) throw new ConfigError(`override ${k}: the value contains a NUL byte`, {key: k})
    out[k] = value
  }
  return out
}

/** The plan the plan inputs describe, and the configuration it came from. */
export async function planFromInputs(
  io: ActionIO,
  i: z.output<typeof PlanInputs>,
): Promise<{config: TrainerConfig; plan: Plan}> {
  const {config} = await loadConfig(io.workspace, i.config)
  const p = buildPlan(config, {
    experiment: experimentName(i.experiment, config),
    overrides: overridesOf(i.overrides),
    seed: i.seed,
    seeds: seedsOf(i.seeds),
    runs: i.runs,
    sweep: sweepOf(i.sweep),
    preferConfigSeed: i['prefer-config-seed'] ? undefined : false,
    launchId: i['launch-id'],
    maxRuns: i['max-runs'],
    backend: i.backend,
    image: i.image,
  })
  io.setOutput('launch-id', p.launchId)
  io.setOutput('runs', p.runs.length)
  return {config, plan: p}
}

/** Materializes an experiment into a plan of runs, without launching anything. */
export async function plan(io: ActionIO): Promise<Plan & {script?: string}> {
  const i = readInputs(io, PlanOnlyInputs)
  const {config, plan: p} = await planFromInputs(io, i)
  if (!i['show-script']) return p
  const name = p.runs[0]?.backend ?? 'local'
  const {backendConfig} = await import('../backends/registry.js')
  const c = backendConfig(name, config.backends)
  if (c.type !== 'slurm')
    throw new ConfigError(`--show-script: backend '${name}' is ${c.type}; only a Slurm backend has a job script`, {
      key: 'backend',
    })
  const {previewScript} = await import('../backends/slurm/index.js')
  return {...p, script: previewScript(c, p)}
}
