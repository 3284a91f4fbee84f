import picomatch from 'picomatch'
import {loadConfig} from '../config/load.js'
import {ConfigError} from '../kit/errors.js'
import {buildPlan, experimentOf} from '../plan/plan.js'
import {applyOverrides, selectSeed} from '../plan/resolve.js'
import type {ArgsStyle, Scalar} from '../plan/types.js'
import type {RunnerArgs} from './args.js'
import {RunSpecSchema, type RunSpecInput} from './contract.js'

/** What one run needs to know, however it was told. */
export interface RunSpec {
  experiment: string
  index: number
  seed: number
  params: Record<string, Scalar>
  command: string[]
  argsStyle: ArgsStyle
  /** The run directory, relative to the results root. */
  output: string
  /** Globs of files to keep in the archive (empty: all; metrics.json and logs.txt always). */
  outputs: string[]
}

const pad = (n: number): string => String(n).padStart(3, '0')

/**
 * The run to do: from `--experiment`/`--run_index` and trainer.yml, resolved exactly
 * as seed 000 says (defaults, then `--override-*`, then the seed rule), or, without
 * `--experiment`, from the `TRAINER_RUN_SPEC` JSON a launcher passed.
 */
export async function resolveSpec(
  a: RunnerArgs,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<RunSpec> {
  if (a.experiment === undefined) {
    const raw = env.TRAINER_RUN_SPEC
    if (!raw)
      throw new ConfigError('--experiment is required (or a TRAINER_RUN_SPEC from a launcher)', {key: '--experiment'})
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw new ConfigError('TRAINER_RUN_SPEC is not valid JSON', {key: 'TRAINER_RUN_SPEC'})
    }
    const s = checked(json, 'TRAINER_RUN_SPEC')
    const spec: RunSpec = {
      experiment: s.experiment,
      index: s.index,
      seed:
        a.seed ??
        s.seed ??
        selectSeed(s.experiment, s.index, {seeds: undefined, explicit: undefined, preferConfig: false}).seed,
      params: s.params ?? {},
      command: s.command,
      argsStyle: s.argsStyle ?? 'container-main',
      output: s.output ?? `${s.experiment}/runs/${pad(s.index)}`,
      outputs: s.outputs ?? [],
    }
    // --seed too
    checked(spec, 'TRAINER_RUN_SPEC')
    return spec
  }
  if (a.runIndex === undefined) throw new ConfigError('--run_index is required with --experiment', {key: '--run_index'})
  const {config} = await loadConfig(cwd, a.config ?? env.TRAINER_CONFIG)
  const exp = experimentOf(config, a.experiment)
  const preferConfig = a.preferConfigSeed && (exp['prefer-config-seed'] ?? true)
  // Run N of the plan the same inputs make (sweep point, replicate seed) when there is one;
  // past its end, seed 000's rule: defaults and overrides, seeds[run_index] or the fallback.
  const plan = buildPlan(config, {
    experiment: a.experiment,
    overrides: a.overrides,
    seed: a.seed,
    preferConfigSeed: preferConfig,
    launchId: 'run',
    maxRuns: Infinity,
  })
  const planned = plan.runs[a.runIndex]
  const {params} =
    planned ??
    applyOverrides(
      a.experiment,
      exp.params ?? {},
      a.overrides,
      Object.keys(exp.sweep?.grid ?? {}),
      exp['param-types'] ?? {},
    )
  const seed =
    planned?.seed ?? selectSeed(a.experiment, a.runIndex, {seeds: exp.seeds, explicit: a.seed, preferConfig}).seed
  const spec: RunSpec = {
    experiment: a.experiment,
    index: a.runIndex,
    seed,
    params,
    command: exp.command,
    argsStyle: exp['args-style'] ?? 'container-main',
    output: planned?.output ?? `${a.experiment}/runs/${pad(a.runIndex)}`,
    outputs: exp.outputs ?? [],
  }
  checked(spec, `experiment '${a.experiment}'`)
  return spec
}

/**
 * A run spec checked against the run contract: the run directory stays inside the results
 * root, nothing holds a NUL. Fails as a ConfigError naming the field (`TRAINER_RUN_SPEC.output: …`).
 */
function checked(spec: unknown, source: string): RunSpecInput {
  const r = RunSpecSchema.safeParse(spec)
  if (r.success) return r.data
  const i = r.error.issues[0]
  const field = i?.path.length ? `${source}.${i.path.join('.')}` : source
  throw new ConfigError(`${field}: ${i?.message ?? 'invalid'}`, {key: field})
}

/** Which files of a run directory its archive keeps: `outputs` globs, plus metrics.json and logs.txt. */
export function keepFilter(outputs: readonly string[]): ((rel: string) => boolean) | undefined {
  if (outputs.length === 0) return undefined
  const res = outputs.map(g => picomatch.makeRe(g, {dot: true}))
  return rel => rel === 'metrics.json' || rel === 'logs.txt' || res.some(r => r.test(rel))
}

/** seed 000's command line for a run: `--experiment X --run_index N --seed S --override-<key> <value> …`. */
export function containerMainArgs(s: RunSpec): string[] {
  const out = ['--experiment', s.experiment, '--run_index', String(s.index), '--seed', String(s.seed)]
  for (const [k, v] of Object.entries(s.params)) out.push(`--override-${k.replace(/_/g, '-')}`, String(v))
  return out
}

/** `TRAINER_*` variables of a run (always set; the only channel with args-style env). */
export function runEnv(s: RunSpec, runDir: string): Record<string, string> {
  const env: Record<string, string> = {
    TRAINER_RUN_DIR: runDir,
    TRAINER_EXPERIMENT: s.experiment,
    TRAINER_RUN_INDEX: String(s.index),
    TRAINER_SEED: String(s.seed),
    TRAINER_RUN_SPEC: JSON.stringify(s),
  }
  for (const [k, v] of Object.entries(s.params))
    env[`TRAINER_PARAM_${k.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = String(v)
  return env
}
