import {relative} from 'node:path'
import type {Logger} from '../kit/io.js'
import {hashManifest, type HashResult} from '../manifest/hash.js'
import {buildContext} from './context.js'
import {dockerConfigDir, dockerCredentials, type Credentials} from './credentials.js'
import {
  buildImage,
  connectDocker,
  pingDocker,
  PushAuthError,
  pushImage,
  registryAuthSecrets,
  type PushCredentials,
} from './docker.js'
import {resolveRef, sanitizeName, type ImageRef} from './ref.js'
import {RegistryClient, type PushAuth, type RegistryRequest} from './registry.js'
import type {ImageSettings} from './settings.js'
import {join} from 'node:path'

const SOURCE_WORDS = {head: 'committed files', worktree: 'work-tree files', disk: 'files on disk'} as const

export interface EnsureOptions {
  settings: ImageSettings
  /** An explicit tag instead of the manifest hash. */
  tag?: string | undefined
  force?: boolean
  includeWorktree?: boolean
  /** Credentials from inputs; else Docker's config.json is consulted. */
  credentials?: Credentials | undefined
  env: NodeJS.ProcessEnv
  log: Logger
  secret: (value: string) => void
  registryTimeoutMs?: number
  registryRetryBase?: number
  /** Paths never to send in the build context besides the Docker config (the results root, the ledger). */
  exclude?: readonly string[]
}

export interface EnsureResult {
  ref: ImageRef
  digest: string | undefined
  built: boolean
  hash: HashResult
  /** Every request sent to the registry, for the log and for tests. */
  requests: RegistryRequest[]
}

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

/**
 * The image pipeline: hash → reference → one registry HEAD → build and push only
 * when the tag is missing (or `force`) → read the pushed digest back.
 */
export async function ensureImage(o: EnsureOptions): Promise<EnsureResult> {
  const {settings: s, log} = o
  const {hash, ref} = await imageForManifest(s, {tag: o.tag, includeWorktree: o.includeWorktree ?? false, log})
  log.info(
    `image ${ref.full} (manifest ${hash.manifest}: ${hash.count} ${SOURCE_WORDS[hash.source]}, sha256 ${hash.hash})`,
  )
  const credentials = o.credentials ?? (await dockerCredentials(ref.registry, o.env))
  if (credentials?.password) o.secret(credentials.password)
  if (credentials?.identityToken) o.secret(credentials.identityToken)
  // what a push may send the engine (X-Registry-Auth), in every form a debug log could show
  for (const v of registryAuthSecrets(credentials, ref.registry)) o.secret(v)
  const registry = new RegistryClient({
    credentials,
    log,
    secret: o.secret,
    authRealms: s.authRealms,
    ...(o.registryTimeoutMs === undefined ? {} : {timeoutMs: o.registryTimeoutMs}),
    ...(o.registryRetryBase === undefined ? {} : {retryAfterBase: o.registryRetryBase}),
  })
  if (!o.force) {
    const state = await registry.manifest(ref)
    if (state.exists) {
      log.info(`${ref.full} is in the registry (${state.digest ?? 'no digest header'}): no build`)
      return {ref, digest: state.digest, built: false, hash, requests: registry.requests}
    }
    log.info(`${ref.full} is not in the registry: building`)
  } else {
    log.info('force: building without asking the registry')
  }
  // The engine's push answers the challenge of its own ping: check that realm now, before a
  // build that would be wasted (the push checks it again, just before handing anything over).
  if (credentials) await registry.pushChallenge(ref)
  const {docker, host} = connectDocker(o.env)
  await pingDocker(docker, host)
  const ctx = await buildContext({
    context: s.context,
    dockerfile: s.dockerfile,
    dockerignore: s.dockerignore,
    root: s.cwd,
    exclude: [join(dockerConfigDir(o.env), 'config.json'), ...(o.exclude ?? [])],
  })
  await log.group(`Build ${ref.full}`, async () => {
    log.info(
      `context ${relative(s.cwd, s.context) || '.'}, Dockerfile ${relative(s.cwd, s.dockerfile)}${ctx.ignoreFile ? `, ignore file ${relative(s.cwd, ctx.ignoreFile)}` : ''}`,
    )
    const [, files] = await Promise.all([
      buildImage(
        docker,
        {context: ctx.stream, dockerfile: ctx.dockerfile, ref, buildArgs: s.buildArgs, platform: s.platform},
        log,
      ),
      ctx.done,
    ])
    log.info(`context: ${files} files sent`)
    if (ctx.keptOut.length > 0) {
      const shown = ctx.keptOut.slice(0, 20).join(', ')
      const more = ctx.keptOut.length > 20 ? ` and ${ctx.keptOut.length - 20} more` : ''
      log.info(
        `kept out of the build context: ${shown}${more} (git metadata, credentials, results and the ledger are never sent)`,
      )
    }
  })
  const pushed = await log.group(`Push ${ref.full}`, () =>
    pushWithAuth({docker, ref, credentials, registry, log, secret: o.secret}),
  )
  // Read the digest back from the registry: the push is only done when the registry says so.
  const back = await registry.manifest(ref)
  if (!back.exists) throw new Error(`pushed ${ref.full} but the registry does not list it`)
  if (back.digest && back.digest !== pushed)
    log.warning(`registry digest ${back.digest} differs from the pushed ${pushed}`)
  return {ref, digest: back.digest ?? pushed, built: true, hash, requests: registry.requests}
}

/** Pushes after a token hand-off at most this many times (a token may expire during a long push). */
const MAX_PUSH_ATTEMPTS = 3

/**
 * Pushes with what the engine's own challenge calls for ({@link RegistryClient.pushAuth}): a
 * bearer token obtained through a checked realm instead of the credentials, which dockerd would
 * otherwise send to any realm the registry names; the credentials only to a Basic registry.
 * A token refused after some layers went up may have expired: the push runs again with a new
 * one (the layers already pushed are skipped).
 */
async function pushWithAuth(o: {
  docker: Parameters<typeof pushImage>[0]
  ref: ImageRef
  credentials: Credentials | undefined
  registry: RegistryClient
  log: Logger
  secret: (value: string) => void
}): Promise<string> {
  const {ref, log} = o
  for (let attempt = 1; ; attempt++) {
    const auth: PushAuth = o.credentials ? await o.registry.pushAuth(ref) : {kind: 'none'}
    const creds: PushCredentials | undefined =
      auth.kind === 'token' ? {registryToken: auth.token} : auth.kind === 'credentials' ? o.credentials : undefined
    for (const v of registryAuthSecrets(creds, ref.registry)) o.secret(v)
    if (attempt === 1 && auth.kind === 'token')
      log.info(`${ref.registry} uses bearer tokens: the engine gets a token for ${ref.repository}, not the credentials`)
    if (auth.kind === 'none' && o.credentials)
      log.debug(`${ref.registry}/v2/ asks for no credentials: the engine gets none`)
    try {
      return await pushImage(o.docker, ref, creds, log)
    } catch (e: unknown) {
      if (auth.kind !== 'token' || !(e instanceof PushAuthError) || e.layersPushed === 0) throw e
      if (attempt >= MAX_PUSH_ATTEMPTS) throw e
      log.warning(
        `${e.message}; the token may have expired after ${e.layersPushed} layers: pushing again with a new one`,
      )
    }
  }
}
