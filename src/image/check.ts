import type {Logger} from '../kit/io.js'
import {hashManifest, type HashResult} from '../manifest/hash.js'
import {dockerCredentials, type Credentials} from './credentials.js'
import {resolveRef, sanitizeName, type ImageRef} from './ref.js'
import {RegistryClient} from './registry.js'
import type {ImageSettings} from './settings.js'

/*
 * The image's reference and its registry, without the Docker engine: what both the build
 * (src/image/pipeline.ts) and the hash action's `check` need. Nothing here loads dockerode,
 * so the small hash bundle stays small.
 */

const SOURCE_WORDS = {head: 'committed files', worktree: 'work-tree files', disk: 'files on disk'} as const

/** Hashes the manifest and resolves the image reference it names. */
export async function imageForManifest(
  s: ImageSettings,
  o: {tag?: string | undefined; includeWorktree?: boolean; log: Logger},
): Promise<{hash: HashResult; ref: ImageRef}> {
  const hash = await hashManifest({
    cwd: s.cwd,
    manifest: s.manifest,
    tagLength: s.tagLength,
    includeWorktree: o.includeWorktree ?? false,
    log: o.log,
  })
  const ref = resolveRef({
    name: s.name,
    registry: s.registry,
    tag: o.tag,
    manifestTag: hash.tag,
    fallbackName: sanitizeName(s.fallbackName),
  })
  return {hash, ref}
}

/** What finding an image's registry needs. */
export interface RegistryOptionsOf {
  settings: ImageSettings
  /** An explicit tag instead of the manifest hash. */
  tag?: string | undefined
  includeWorktree?: boolean
  /** Credentials from inputs; else Docker's config.json is consulted. */
  credentials?: Credentials | undefined
  env: NodeJS.ProcessEnv
  log: Logger
  secret: (value: string) => void
  registryTimeoutMs?: number
  registryRetryBase?: number
}

/**
 * Hashes the manifest, resolves the image reference, finds the credentials for its registry
 * (masked at once) and makes the registry client, under the realm rules of trainer.yml.
 */
export async function imageRegistry(
  o: RegistryOptionsOf,
): Promise<{hash: HashResult; ref: ImageRef; credentials: Credentials | undefined; registry: RegistryClient}> {
  const {settings: s, log} = o
  const {hash, ref} = await imageForManifest(s, {tag: o.tag, includeWorktree: o.includeWorktree ?? false, log})
  log.info(
    `image ${ref.full} (manifest ${hash.manifest}: ${hash.count} ${SOURCE_WORDS[hash.source]}, sha256 ${hash.hash})`,
  )
  const credentials = o.credentials ?? (await dockerCredentials(ref.registry, o.env))
  if (credentials?.password) o.secret(credentials.password)
  if (credentials?.identityToken) o.secret(credentials.identityToken)
  const registry = new RegistryClient({
    credentials,
    log,
    secret: o.secret,
    authRealms: s.authRealms,
    ...(o.registryTimeoutMs === undefined ? {} : {timeoutMs: o.registryTimeoutMs}),
    ...(o.registryRetryBase === undefined ? {} : {retryAfterBase: o.registryRetryBase}),
  })
  return {hash, ref, credentials, registry}
}
