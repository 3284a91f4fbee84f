import {isMap, isScalar, LineCounter, parseDocument, type Document} from 'yaml'
import type {z} from 'zod'
import {ConfigError} from '../kit/errors.js'
import {ConfigSchema, type TrainerConfig} from './schema.js'

function keyList(valid: readonly string[]): string {
  return valid.map(k => `'${k}'`).join(', ')
}

/** Turns the first schema issue into a ConfigError at the offending node's line and column. */
function locate(doc: Document, lc: LineCounter, file: string, issue: z.core.$ZodIssue): ConfigError {
  let path = issue.path.map(p => (typeof p === 'symbol' ? String(p) : p))
  let message = issue.message
  let key = path.join('.')
  let offset: number | undefined
  if (issue.code === 'unrecognized_keys') {
    const bad = issue.keys[0] ?? ''
    const parent = doc.getIn(path, true)
    const valid = Object.keys(shapeAt(path))
    key = [...path, bad].join('.')
    message = `unknown key '${bad}'${valid.length ? `; valid keys: ${keyList(valid)}` : ''}`
    if (isMap(parent)) {
      const item = parent.items.find(it => isScalar(it.key) && it.key.value === bad)
      if (item && isScalar(item.key)) offset = item.key.range?.[0]
    }
    path = [...path, bad]
  }
  if (offset === undefined) {
    // the deepest node that exists along the path
    for (let n = path.length; n >= 0 && offset === undefined; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
      if (node && typeof node === 'object' && 'range' in node)
        offset = (node.range as [number, number, number] | undefined)?.[0]
    }
  }
  const pos = offset === undefined ? undefined : lc.linePos(offset)
  return new ConfigError(`${key ? `${key}: ` : ''}${message}`, {
    file,
    ...(pos ? {line: pos.line, col: pos.col} : {}),
    key,
  })
}

function shapeAt(path: (string | number)[]): Record<string, unknown> {
  let s: unknown = ConfigSchema
  for (const p of path) {
    const shape = (s as {shape?: Record<string, unknown>}).shape
    s = shape?.[String(p)]
    // unwrap optional
    while (s && typeof s === 'object' && 'unwrap' in s && typeof s.unwrap === 'function')
      s = (s as {unwrap: () => unknown}).unwrap()
  }
  return (s as {shape?: Record<string, unknown>} | undefined)?.shape ?? {}
}

/** Parses and validates trainer.yml text; errors name the file, line, column and key. */
export function parseConfig(text: string, file: string): TrainerConfig {
  const lc = new LineCounter()
  const doc = parseDocument(text, {lineCounter: lc, prettyErrors: false, uniqueKeys: true})
  const err = doc.errors[0]
  if (err) {
    const pos = lc.linePos(err.pos[0])
    throw new ConfigError(`invalid YAML: ${err.message.split('\n')[0]}`, {file, line: pos.line, col: pos.col})
  }
  const data: unknown = doc.toJS() ?? {}
  const r = ConfigSchema.safeParse(data)
  if (!r.success) throw locate(doc, lc, file, r.error.issues[0]!)
  return r.data
}
