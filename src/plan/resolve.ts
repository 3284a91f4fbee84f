import {createHash} from 'node:crypto'
import {ConfigError} from '../kit/errors.js'
import type {Scalar} from './types.js'

/** Edit distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const d = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!
    d[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return d[b.length]!
}

/** The closest of `choices` to `name`, when it is close enough to be a typo. */
export function nearest(name: string, choices: readonly string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of choices) {
    const dd = distance(name.toLowerCase(), c.toLowerCase())
    if (dd < bestD) [best, bestD] = [c, dd]
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

/** Parameter names match across `_` and `-` (seed 000: `--override-batch-size` sets `batch_size`). */
export const normKey = (k: string): string => k.replace(/-/g, '_')

/** A parameter's type: declared in `param-types`, or the type of its default. */
export type ParamType = 'int' | 'float' | 'bool' | 'string'

/** The type a parameter keeps: declared, else its default's (a whole number is an int). */
export function paramType(dflt: Scalar | undefined, declared?: ParamType): ParamType | undefined {
  if (declared) return declared
  if (typeof dflt === 'boolean') return 'bool'
  if (typeof dflt === 'string') return 'string'
  if (typeof dflt === 'number') return Number.isInteger(dflt) ? 'int' : 'float'
  return undefined
}

const INT_TEXT = /^[+-]?\d+$/
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/**
 * Coerces an override (text from a command line, or a typed YAML value of a sweep) to the
 * parameter's type, which it must keep: an int takes whole numbers in decimal, a float
 * decimal or exponent notation, a bool true or false. `0x10`, `1_000`, `2.5` for an int, or
 * `inf`, are errors at plan time. Without a default or declared type, numbers and booleans
 * are recognised.
 */
export function coerce(
  key: string,
  raw: Scalar,
  dflt: Scalar | undefined,
  where: string,
  declared?: ParamType,
): Scalar {
  const type = paramType(dflt, declared)
  const shown = dflt === undefined ? '' : ` (default ${String(dflt)})`
  const bad = (what: string): ConfigError =>
    new ConfigError(`${where}: ${key}=${String(raw)} is not ${what}${shown}`, {key})
  if (typeof raw !== 'string') {
    if (type === 'int' && !(typeof raw === 'number' && Number.isInteger(raw))) throw bad('a whole number')
    if (type === 'float' && typeof raw !== 'number') throw bad('a number')
    if (type === 'bool' && typeof raw !== 'boolean') throw bad('true or false')
    if (type === 'string') return String(raw)
    return raw
  }
  const v = raw.trim()
  switch (type) {
    case 'int':
      if (!INT_TEXT.test(v) || !Number.isSafeInteger(Number(v))) throw bad('a whole number')
      return Number(v)
    case 'float':
      if (!FLOAT_TEXT.test(v) || !Number.isFinite(Number(v))) throw bad('a number')
      return Number(v)
    case 'bool':
      if (v === 'true' || v === 'True') return true
      if (v === 'false' || v === 'False') return false
      throw bad('true or false')
    case 'string':
      return raw
    case undefined:
      if (FLOAT_TEXT.test(v)) return Number(v)
      if (v === 'true' || v === 'false') return v === 'true'
      return raw
  }
}

/** seed 000's deterministic fallback seed: derived from the experiment name and run index. */
export function fallbackSeed(experiment: string, index: number): number {
  return parseInt(createHash('sha256').update(`${experiment}/${index}`).digest('hex').slice(0, 8), 16) % 2 ** 31
}

export interface SeedRule {
  /** The experiment's `seeds` (seed 000 `random_seeds`). */
  seeds: readonly number[] | undefined
  /** An explicit seed (`--seed`). */
  explicit: number | undefined
  /** false: ignore config seeds (seed 000 `--no-prefer-config-seed`). */
  preferConfig: boolean
}

/**
 * Seed selection, exactly as seed 000 says: `seeds[run_index]` when present; an
 * explicit seed overrides; `prefer-config-seed: false` forces the explicit seed or a
 * deterministic fallback.
 */
export function selectSeed(
  experiment: string,
  runIndex: number,
  rule: SeedRule,
): {seed: number; source: 'explicit' | 'config' | 'fallback'} {
  if (rule.explicit !== undefined) return {seed: rule.explicit, source: 'explicit'}
  const fromConfig = rule.preferConfig ? rule.seeds?.[runIndex] : undefined
  if (fromConfig !== undefined) return {seed: fromConfig, source: 'config'}
  return {seed: fallbackSeed(experiment, runIndex), source: 'fallback'}
}

/**
 * Experiment defaults, then this launch's overrides. Unknown keys are an error that
 * lists the valid ones.
 */
export function applyOverrides(
  experiment: string,
  defaults: Record<string, Scalar>,
  overrides: Record<string, Scalar>,
  extraKeys: readonly string[] = [],
  types: Readonly<Record<string, ParamType>> = {},
): {params: Record<string, Scalar>; applied: Record<string, Scalar>} {
  const params = {...defaults}
  const applied: Record<string, Scalar> = {}
  const valid = [...new Set([...Object.keys(defaults), ...extraKeys])]
  const byNorm = new Map(valid.map(k => [normKey(k), k]))
  const given = new Map<string, string>()
  for (const [rawKey, raw] of Object.entries(overrides)) {
    const key = byNorm.get(normKey(rawKey))
    const twice = key === undefined ? undefined : given.get(key)
    if (twice !== undefined)
      throw new ConfigError(`override ${key} is given twice (as '${twice}' and '${rawKey}')`, {key: rawKey})
    if (key !== undefined) given.set(key, rawKey)
    if (key === undefined) {
      const guess = nearest(rawKey, valid)
      throw new ConfigError(
        `experiment '${experiment}' has no parameter '${rawKey}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`,
        {key: rawKey},
      )
    }
    const v = coerce(key, raw, defaults[key], `override for '${experiment}'`, types[key])
    params[key] = v
    applied[key] = v
  }
  return {params, applied}
}
