import {createHash, randomBytes} from 'node:crypto'
import type {ExperimentConfig, TrainerConfig} from '../config/schema.js'
import {ConfigError} from '../kit/errors.js'
import {applyOverrides, coerce, nearest, selectSeed} from './resolve.js'
import type {Plan, Run, Scalar} from './types.js'

export const DEFAULT_MAX_RUNS = 1000

/** A launch id: letters, digits, `_ . -`, at most 100 (it names job directories and check runs). */
export const LAUNCH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/

export interface PlanOptions {
  experiment: string
  /** key=value overrides for this launch (text from a command line, or typed). */
  overrides?: Record<string, Scalar>
  /** An explicit seed for every run (seed 000 `--seed`). */
  seed?: number | undefined
  /** false: ignore the experiment's `seeds` (seed 000 `--no-prefer-config-seed`). */
  preferConfigSeed?: boolean | undefined
  /** This launch's seeds instead of the experiment's: one run per seed and sweep point (`/train seeds=1,2,3`). */
  seeds?: readonly number[] | undefined
  /** Runs per sweep point instead of the experiment's (`/train runs=N`). */
  runs?: number | undefined
  /** Sweeps over parameters for this launch: each replaces the experiment's sweep of that parameter, or adds one. */
  sweep?: Readonly<Record<string, readonly Scalar[]>> | undefined
  image?: string | undefined
  backend?: string | undefined
  /** A launch id to use (makes a launch idempotent); default: experiment, time and plan hash. */
  launchId?: string | undefined
  maxRuns?: number | undefined
  now?: () => Date
}

/** The experiment named, or a ConfigError with the nearest name. */
export function experimentOf(config: TrainerConfig, name: string): ExperimentConfig {
  const all = config.experiments ?? {}
  // own keys only: `exp=constructor` must not find Object.prototype.constructor
  const e = Object.hasOwn(all, name) ? all[name] : undefined
  if (e) return e
  const names = Object.keys(all)
  const guess = nearest(name, names)
  throw new ConfigError(
    names.length === 0
      ? `unknown experiment '${name}': trainer.yml defines no experiments`
      : `unknown experiment '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; experiments: ${names.join(', ')}`,
    {key: `experiments.${name}`},
  )
}

/** Every combination of a grid, in a stable order (first key varies slowest). */
export function gridPoints(grid: Record<string, Scalar[]>): Record<string, Scalar>[] {
  let points: Record<string, Scalar>[] = [{}]
  for (const [k, values] of Object.entries(grid)) points = points.flatMap(p => values.map(v => ({...p, [k]: v})))
  return points
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/**
 * Materializes a launch: experiment defaults, overrides, the sweep grid (minus its
 * exclusions), and per-run seeds, into fully resolved runs with stable ids. Nothing
 * downstream reads trainer.yml again.
 */
export function buildPlan(config: TrainerConfig, o: PlanOptions): Plan {
  const name = o.experiment
  const exp = experimentOf(config, name)
  const defaults = exp.params ?? {}
  const swept: Record<string, readonly Scalar[]> = {...exp.sweep?.grid}
  for (const [k, values] of Object.entries(o.sweep ?? {})) {
    if (!Object.hasOwn(defaults, k) && !Object.hasOwn(swept, k)) {
      const valid = [...new Set([...Object.keys(defaults), ...Object.keys(swept)])]
      throw new ConfigError(`sweep: '${k}' is not a parameter of '${name}'; parameters: ${valid.join(', ')}`, {
        key: 'sweep',
      })
    }
    if (values.length === 0) throw new ConfigError(`sweep: '${k}' has no values`, {key: 'sweep'})
    swept[k] = values
  }
  const types = exp['param-types'] ?? {}
  const {params: base, applied} = applyOverrides(name, defaults, o.overrides ?? {}, Object.keys(swept), types)
  // An override of a swept parameter pins it: that dimension collapses to the override.
  // Sweep values take the parameter's type like overrides do.
  const grid: Record<string, Scalar[]> = Object.fromEntries(
    Object.entries(swept)
      .filter(([k]) => !(k in applied))
      .map(([k, values]) => [k, values.map(v => coerce(k, v, defaults[k], `sweep of '${name}'`, types[k]))]),
  )
  const exclude = exp.sweep?.exclude ?? []
  const points = gridPoints(grid).filter(
    p => !exclude.some(x => Object.entries(x).every(([k, v]) => k in p && p[k] === v)),
  )
  if (points.length === 0) {
    throw new ConfigError(`the sweep of '${name}' expands to zero runs: every combination is excluded`, {
      key: `experiments.${name}.sweep`,
    })
  }
  if (o.seeds !== undefined && o.runs !== undefined && o.runs !== o.seeds.length)
    throw new ConfigError(`runs: ${o.runs} runs per point, but ${o.seeds.length} seeds given: give one or the other`, {
      key: 'runs',
    })
  const seeds = o.seeds?.length ? o.seeds : exp.seeds
  const replicates = o.runs ?? (o.seeds?.length || undefined) ?? exp.runs ?? (exp.seeds?.length || 1)
  const total = points.length * replicates
  const max = o.maxRuns ?? config.launch?.['max-runs'] ?? DEFAULT_MAX_RUNS
  if (total > max) {
    throw new ConfigError(
      `'${name}' expands to ${total} runs (${points.length} sweep points × ${replicates} runs), over the limit of ${max}`,
      {key: 'launch.max-runs'},
      {hint: 'Narrow the sweep, or raise launch.max-runs in trainer.yml (or --max-runs).'},
    )
  }
  const rule = {
    seeds,
    explicit: o.seed,
    preferConfig: o.preferConfigSeed ?? exp['prefer-config-seed'] ?? true,
  }
  const width = Math.max(3, String(total - 1).length)
  const backend = o.backend ?? exp.backend ?? 'local'
  const runs: Omit<Run, 'id'>[] = []
  let index = 0
  for (const point of points) {
    for (let r = 0; r < replicates; r++) {
      const {seed} = selectSeed(name, r, rule)
      runs.push({
        experiment: name,
        index,
        seed,
        params: {...base, ...point},
        overrides: {...applied, ...point},
        point,
        resources: exp.resources ?? {},
        command: exp.command,
        argsStyle: exp['args-style'] ?? 'container-main',
        image: o.image,
        output: `${name}/runs/${pad(index, width)}`,
        outputs: exp.outputs ?? [],
        env: exp.env ?? [],
        backend,
      })
      index++
    }
  }
  const digest = createHash('sha256').update(JSON.stringify(runs)).digest('hex')
  const launchId = o.launchId ?? defaultLaunchId(name, digest, (o.now ?? (() => new Date()))())
  if (!LAUNCH_ID.test(launchId)) {
    throw new ConfigError(`launch id '${launchId}' is invalid: letters, digits, _ . - (at most 100)`, {
      key: 'launch-id',
    })
  }
  return {launchId, experiment: name, runs: runs.map(r => ({id: `${launchId}.${pad(r.index, width)}`, ...r}))}
}

/**
 * `<experiment>-<UTC time>-<plan digest>-<random>`: the time and digest say when and what,
 * the random part makes every launch attempt its own, so two identical launches started in
 * the same second never merge. A deliberate re-launch passes `--launch-id`.
 */
function defaultLaunchId(experiment: string, digest: string, now: Date): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
  return `${experiment.replace(/[^A-Za-z0-9_.-]/g, '-')}-${t}-${digest.slice(0, 6)}-${randomBytes(3).toString('hex')}`
}

/**
 * Parses `key=value` words (a `/train` comment, CLI positionals, lines of the `overrides`
 * input) into overrides. Each word is one override: everything after the first `=` is the
 * value, commas and further `=` included, so `name=a,lr=5` sets `name` to `a,lr=5` and
 * never `lr`. A key given twice is an error rather than a silent last-one-wins.
 */
export function parseOverrides(words: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>
  for (const w of words) {
    const i = w.indexOf('=')
    if (i <= 0) throw new ConfigError(`'${w}' is not key=value`, {key: w})
    const key = w.slice(0, i).trim()
    const value = w.slice(i + 1)
    if (value.includes('\0')) throw new ConfigError(`override ${key}: the value contains a NUL byte`, {key})
    if (Object.hasOwn(out, key))
      throw new ConfigError(`override ${key} is given twice ('${key}=${out[key]}' and '${w}')`, {key})
    out[key] = value
  }
  return out
}
