import {z} from 'zod'
import {loadConfig} from '../config/load.js'
import type {TrainerConfig} from '../config/schema.js'
import {ConfigError} from '../kit/errors.js'
import {bool, lines, optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {buildPlan, parseOverrides} from '../plan/plan.js'
import type {Plan} from '../plan/types.js'

/** Inputs of a plan (the CLI's `trainer plan`, and the launch pipeline's first step). */
export const PlanInputs = z.object({
  config: optString(),
  experiment: optString(),
  /** One key=value per line (values may hold commas). */
  overrides: lines(),
  seed: optInt(0, 2 ** 32 - 1),
  'prefer-config-seed': bool(true),
  'launch-id': optString(),
  'max-runs': optInt(1, 10_000_000),
  backend: optString(),
  image: optString(),
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

/** The plan the plan inputs describe, and the configuration it came from. */
export async function planFromInputs(
  io: ActionIO,
  i: z.output<typeof PlanInputs>,
): Promise<{config: TrainerConfig; plan: Plan}> {
  const {config} = await loadConfig(io.workspace, i.config)
  const p = buildPlan(config, {
    experiment: experimentName(i.experiment, config),
    overrides: parseOverrides(i.overrides),
    seed: i.seed,
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
