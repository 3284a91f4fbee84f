import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {ErrorObject} from 'ajv'
import ajvFormats from 'ajv-formats'
import {OpenAPIBackend, type Document, type Operation} from 'openapi-backend'

/** GitHub's published REST description (OpenAPI 3.0.3, 811 paths, 13 MB), from `@octokit/openapi`. */
export const SPEC_MODULE = '@octokit/openapi/generated/api.github.com.json'

type Json = Record<string, unknown>

/** ajv-formats is CommonJS: under NodeNext its default import is typed as the module object. */
const addFormats = ajvFormats as unknown as typeof ajvFormats.default

/**
 * About 145 schemas in GitHub's description say `nullable: true` without a `type`, which ajv
 * refuses (at the first use of the operation in quick mode). Each becomes
 * `anyOf: [schema, {type: 'null'}]`, in place. `nullable` next to a `type` is left to ajv, which
 * understands it, except that ajv still applies an `enum` that lacks null (a check run's
 * `conclusion: null`, an issue's `state_reason: null` would fail): null is added to such enums.
 * Returns how many schemas were rewritten.
 */
export function patchNullable(root: unknown): number {
  let n = 0
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = walk(node[i])
      return node
    }
    if (!node || typeof node !== 'object') return node
    const o = node as Json
    for (const k of Object.keys(o)) o[k] = walk(o[k])
    if (o.nullable === true && Array.isArray(o.enum) && !o.enum.includes(null)) {
      o.enum = [...(o.enum as unknown[]), null]
      n++
    }
    if (typeof o.nullable !== 'boolean' || 'type' in o) return o
    const {nullable, description, ...schema} = o
    if (!nullable) return schema
    n++
    return {...(description === undefined ? {} : {description}), anyOf: [schema, {type: 'null'}]}
  }
  walk(root)
  return n
}

export interface GitHubSpec {
  api: OpenAPIBackend
  document: Document
  /** Milliseconds spent reading, patching and initialising (once per process). */
  loadMs: number
  patched: number
  /** operationId → its operation, with `method` and `path`. */
  operations: Map<string, Operation>
  /**
   * The operation for a request (openapi-backend's `matchOperation` tries every one of the ~1,100
   * operations, ~6 ms a request; this indexes them by method and segment count, literal paths first).
   */
  route(method: string, path: string): Operation | undefined
}

let loaded: Promise<GitHubSpec> | undefined

/**
 * The spec and its openapi-backend router/validator, built once per process (vitest: once per
 * test file). Costs about 0.3–0.5 s and 150–200 MB of heap; each operation's validator then
 * compiles on its first request (tens of ms, up to ~360 ms for the largest bodies).
 */
export function githubSpec(): Promise<GitHubSpec> {
  return (loaded ??= load())
}

async function load(): Promise<GitHubSpec> {
  const t0 = performance.now()
  const file = createRequire(import.meta.url).resolve(SPEC_MODULE)
  const document = JSON.parse(readFileSync(file, 'utf8')) as Document
  const patched = patchNullable(document)
  const api = new OpenAPIBackend({
    definition: document,
    quick: true,
    strict: false,
    ajvOpts: {allErrors: true},
    customizeAjv: ajv => (addFormats(ajv), ajv),
  })
  await api.init()
  const operations = new Map(api.getOperations().map(op => [op.operationId ?? '', op]))
  const index = new Map<string, {re: RegExp; params: number; op: Operation}[]>()
  for (const op of operations.values()) {
    const segments = op.path.split('/')
    const key = `${op.method.toUpperCase()} ${segments.length}`
    const pattern = segments.map(s =>
      s
        .split(/(\{[^}]+\})/)
        .map(part => (part.startsWith('{') ? '[^/]+?' : escapeRe(part)))
        .join(''),
    )
    const re = new RegExp(`^${pattern.join('/')}$`)
    index.set(key, [...(index.get(key) ?? []), {re, params: op.path.split('{').length - 1, op}])
  }
  for (const list of index.values()) list.sort((a, b) => a.params - b.params)
  const route = (method: string, path: string): Operation | undefined =>
    index.get(`${method.toUpperCase()} ${path.split('/').length}`)?.find(x => x.re.test(path))?.op
  return {api, document, loadMs: performance.now() - t0, patched, operations, route}
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One entry of a GitHub 422 body's `errors` (codes as in docs.github.com/rest "Client errors"). */
export interface FieldError {
  resource: string
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom'
  field?: string
  message?: string
  value?: unknown
}

/** ajv's errors for one request, as GitHub's `errors` entries (deduplicated). */
export function fieldErrors(errors: ErrorObject[], resource: string): FieldError[] {
  const out = new Map<string, FieldError>()
  for (const e of errors) {
    // '/requestBody/output/annotations' → 'output.annotations'; '/query/per_page' → 'per_page'
    const path = e.instancePath
      .replace(/^\/(requestBody|query|path|header|cookie)/, '')
      .split('/')
      .filter(Boolean)
    if (e.keyword === 'required') {
      const field = [...path, String((e.params as {missingProperty?: string}).missingProperty)].join('.')
      out.set(`missing:${field}`, {resource, code: 'missing_field', field})
    } else if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if') {
      const field = path.join('.')
      const error: FieldError = {
        resource,
        code: 'invalid',
        field,
        message: `${field || 'body'} ${e.message ?? ''}`.trim(),
      }
      if (e.keyword === 'enum') error.value = (e.params as {allowedValues?: unknown}).allowedValues
      out.set(`invalid:${field}:${e.keyword}`, error)
    }
  }
  return [...out.values()]
}

/** The first example GitHub documents for an operation's response (an array's first item). */
export function example(spec: GitHubSpec, operationId: string, status: number): Json {
  const op = spec.operations.get(operationId)
  if (!op) throw new Error(`no operation ${operationId}`)
  const doc = spec.document as unknown as {components: {examples: Record<string, {value: unknown}>; responses: Json}}
  let response = op.responses?.[String(status)] as Json | undefined
  const ref = (x: unknown): string | undefined => (x as {$ref?: string} | undefined)?.$ref?.split('/').pop()
  const responseRef = ref(response)
  if (responseRef) response = doc.components.responses[responseRef] as Json
  const content = (response?.content as Record<string, Json> | undefined)?.['application/json']
  const first = Object.values((content?.examples ?? {}) as Record<string, Json>)[0]
  const exampleRef = ref(first)
  const value = exampleRef ? doc.components.examples[exampleRef]?.value : first?.value
  if (value === undefined) throw new Error(`no documented example for ${operationId} ${status}`)
  return structuredClone((Array.isArray(value) ? value[0] : value) as Json)
}
