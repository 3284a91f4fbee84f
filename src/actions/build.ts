import {z} from 'zod'
import {loadConfig} from '../config/load.js'
import {BUILDERS, CACHE_TYPES, type Builder, type CacheType} from '../config/schema.js'
import {ensureImage, type EnsureResult} from '../image/pipeline.js'
import {imageSettings, workspaceOutputs} from '../image/settings.js'
import {buildSummary} from '../image/summary.js'
import {bool, keyValues, list, optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {DEFAULT_LEDGER, DEFAULT_RESULTS} from './launch.js'

/** The cache input: a boolean (YAML core set), or where the cache lives ('registry', 'gha'). */
const cacheInput = () =>
  z.string().transform((s, ctx): boolean | CacheType => {
    const v = s.trim()
    if ((CACHE_TYPES as readonly string[]).includes(v)) return v as CacheType
    const b = bool(true).safeParse(v)
    if (b.success) return b.data
    ctx.addIssue({code: 'custom', message: `'${v}' is not one of true, false, ${CACHE_TYPES.join(', ')}`})
    return z.NEVER
  })

/** The builder input: '' leaves image.builder (default auto) to decide. */
const builderInput = () =>
  z.string().transform((s, ctx): Builder | undefined => {
    const v = s.trim()
    if (v === '') return undefined
    if ((BUILDERS as readonly string[]).includes(v)) return v as Builder
    ctx.addIssue({code: 'custom', message: `'${v}' is not one of ${BUILDERS.join(', ')}`})
    return z.NEVER
  })

/** Inputs of actions/build (and of the root action for now), keyed by their action.yml names. */
export const BuildInputs = z.object({
  config: optString(),
  manifest: optString(),
  'tag-length': optInt(4, 64),
  'include-worktree': bool(false),
  name: optString(),
  registry: optString(),
  tag: optString(),
  dockerfile: optString(),
  context: optString(),
  'build-args': keyValues(),
  platform: optString(),
  username: optString(),
  password: optString(),
  'auth-realms': list(),
  force: bool(false),
  cache: cacheInput(),
  builder: builderInput(),
})

/** Builds and pushes the training image only when its manifest tag is not in the registry. */
export async function build(io: ActionIO): Promise<EnsureResult> {
  const i = readInputs(io, BuildInputs)
  if (i.password) io.setSecret(i.password)
  const {config, file} = await loadConfig(io.workspace, i.config)
  const settings = await imageSettings(io.workspace, config.image, file, i, io.env)
  const credentials = i.username && i.password ? {username: i.username, password: i.password} : undefined
  const r = await ensureImage({
    settings,
    tag: i.tag,
    force: i.force,
    includeWorktree: i['include-worktree'],
    credentials,
    env: {...io.env},
    log: io.log,
    secret: v => io.setSecret(v),
    exclude: workspaceOutputs(io.workspace, config.launch, {results: DEFAULT_RESULTS, ledger: DEFAULT_LEDGER}),
  })
  io.setOutput('image', r.ref.full)
  io.setOutput('tag', r.ref.tag)
  io.setOutput('digest', r.digest ?? '')
  io.setOutput('built', r.built)
  io.setOutput('hash', r.hash.hash)
  await io.summary(buildSummary(r))
  return r
}
