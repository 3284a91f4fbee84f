import type {ExperimentConfig} from '../config/schema.js'
import {ConfigError} from '../kit/errors.js'
import {applyOverrides, coerce, nearest, normKey} from '../plan/resolve.js'
import type {Scalar} from '../plan/types.js'
import type {TrainArgs} from './command.js'

/** A `/train` command's overrides and sweep, typed against the experiment's parameters. */
export interface TypedParams {
  /** By parameter name as trainer.yml spells it (`batch-size=` sets `batch_size`). */
  overrides: Record<string, Scalar>
  sweep: Record<string, Scalar[]>
}

/**
 * Types a command's string values the way a launch would (src/plan/resolve.ts: each parameter
 * keeps its declared `param-types` type, else its default's), before anything runs: an unknown
 * parameter, or a value of the wrong type, is a ConfigError that names it and the valid ones.
 * A swept parameter must be a parameter of the experiment (a default, or a key of its sweep).
 *
 * This checks; it does not plan. buildPlan (src/plan/plan.ts) takes the overrides as they are,
 * but has no input yet for a sweep, seeds or runs given in a comment: the caller must bring
 * those to the plan (or refuse them) itself.
 */
export function typedOverrides(
  args: TrainArgs,
  experiment: ExperimentConfig,
  name: string = args.experiment ?? 'experiment',
): TypedParams {
  const defaults = experiment.params ?? {}
  const types = experiment['param-types'] ?? {}
  const swept = Object.keys(experiment.sweep?.grid ?? {})
  const {applied} = applyOverrides(name, defaults, args.overrides, swept, types)
  const valid = [...new Set([...Object.keys(defaults), ...swept])]
  const byNorm = new Map(valid.map(k => [normKey(k), k]))
  const sweep = Object.create(null) as Record<string, Scalar[]>
  for (const [raw, values] of Object.entries(args.sweep)) {
    const key = byNorm.get(normKey(raw))
    if (key === undefined) {
      const guess = nearest(raw, valid)
      throw new ConfigError(
        `sweep.${raw}: experiment '${name}' has no parameter '${raw}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`,
        {key: `sweep.${raw}`},
      )
    }
    if (Object.hasOwn(applied, key))
      throw new ConfigError(`${key} is both overridden and swept; give one of them`, {key: `sweep.${raw}`})
    sweep[key] = values.map(v => coerce(key, v, defaults[key], `sweep.${raw} of '${name}'`, types[key]))
  }
  return {overrides: applied, sweep}
}
