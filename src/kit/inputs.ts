import {z} from 'zod'
import {ConfigError} from './errors.js'
import type {ActionIO} from './io.js'

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** An optional string input: '' (unset) becomes undefined. */
export const optString = () => z.string().transform(s => (s.trim() === '' ? undefined : s.trim()))

/** A boolean input: only the YAML 1.2 core set, like core.getBooleanInput; '' takes the default. */
export const bool = (dflt: boolean) =>
  z.string().transform((s, ctx) => {
    const v = s.trim()
    if (v === '') return dflt
    if (TRUE.includes(v)) return true
    if (FALSE.includes(v)) return false
    ctx.addIssue({code: 'custom', message: `'${v}' is not a boolean (use true or false)`})
    return z.NEVER
  })

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
  z.string().transform(s =>
    s
      .split(/\r?\n|,/)
      .map(x => x.trim())
      .filter(x => x !== ''),
  )

/** A list input with one item per line and no other separator (items may hold commas). */
export const lines = () =>
  z.string().transform(s =>
    s
      .split(/\r?\n/)
      .map(x => x.trim())
      .filter(x => x !== ''),
  )

/** KEY=VALUE pairs, one per line (values may contain commas and '='). */
export const keyValues = () =>
  z.string().transform((s, ctx) => {
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
