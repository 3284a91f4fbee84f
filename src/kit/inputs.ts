import type {ParseArgsOptionsConfig} from 'node:util'
import {z} from 'zod'
import {ConfigError} from './errors.js'
import type {ActionIO} from './io.js'

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/**
 * How an input is given as a command-line flag where it is not a plain value: `switch`, a boolean
 * input (`--force`); `repeated`, an input that takes items one per line (`--x a --x b`).
 */
const flagForms = z.registry<{flag: 'switch' | 'repeated'}>()

/** An optional string input: '' (unset) becomes undefined. */
export const optString = () => z.string().transform(s => (s.trim() === '' ? undefined : s.trim()))

/** A boolean input: only the YAML 1.2 core set, like core.getBooleanInput; '' takes the default. */
export const bool = (dflt: boolean) =>
  z
    .string()
    .transform((s, ctx) => {
      const v = s.trim()
      if (v === '') return dflt
      if (TRUE.includes(v)) return true
      if (FALSE.includes(v)) return false
      ctx.addIssue({code: 'custom', message: `'${v}' is not a boolean (use true or false)`})
      return z.NEVER
    })
    .register(flagForms, {flag: 'switch'})

/** An optional integer input within bounds. */
export const optInt = (min: number, max: number) =>
  z.string().transform((s, ctx) => {
    const v = s.trim()
    if (v === '') return undefined
    const n = Number(v)
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({code: 'custom', message: `'${v}' is not an integer from ${min} to ${max}`})
      return z.NEVER
    }
    return n
  })

/** A list input: one item per line, commas also separate (docker/actions-toolkit getInputList). */
export const list = () =>
  z
    .string()
    .transform(s =>
      s
        .split(/\r?\n|,/)
        .map(x => x.trim())
        .filter(x => x !== ''),
    )
    .register(flagForms, {flag: 'repeated'})

/** A list input with one item per line and no other separator (items may hold commas). */
export const lines = () =>
  z
    .string()
    .transform(s =>
      s
        .split(/\r?\n/)
        .map(x => x.trim())
        .filter(x => x !== ''),
    )
    .register(flagForms, {flag: 'repeated'})

/** KEY=VALUE pairs, one per line (values may contain commas and '='). */
export const keyValues = () =>
  z
    .string()
    .transform((s, ctx) => {
      const out: Record<string, string> = {}
      for (const line of s.split(/\r?\n/)) {
        if (line.trim() === '') continue
        const i = line.indexOf('=')
        if (i <= 0) {
          ctx.addIssue({code: 'custom', message: `'${line.trim()}' is not KEY=VALUE`})
          return z.NEVER
        }
        out[line.slice(0, i).trim()] = line.slice(i + 1)
      }
      return out
    })
    .register(flagForms, {flag: 'repeated'})

/**
 * The command-line flags of a schema's inputs, for node:util's parseArgs: one per input, under its
 * name; a switch for a boolean input, a repeatable flag for one that takes lines (the CLI joins the
 * values with newlines), a flag with a value for any other. `omit` names the inputs a command line
 * gives another way.
 */
export function inputFlags(schema: z.ZodObject, omit: readonly string[] = []): ParseArgsOptionsConfig {
  const flags: ParseArgsOptionsConfig = {}
  for (const [key, input] of Object.entries(schema.shape)) {
    if (omit.includes(key)) continue
    const form = flagForms.get(input)?.flag
    flags[key] =
      form === 'switch' ? {type: 'boolean'} : form === 'repeated' ? {type: 'string', multiple: true} : {type: 'string'}
  }
  return flags
}

/** Reads every input named by the schema's keys (the action.yml names) and validates them. */
export function readInputs<S extends z.ZodObject>(io: ActionIO, schema: S): z.output<S> {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(schema.shape)) raw[key] = io.input(key)
  const r = schema.safeParse(raw)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const key = String(issue?.path[0] ?? '')
  throw new ConfigError(`Input '${key}': ${issue?.message ?? 'invalid'}`, {key})
}

/** Marks an input as required, with codeql's wording. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '')
    throw new ConfigError(`Input required and not supplied: ${name}`, {key: name})
  return value
}
