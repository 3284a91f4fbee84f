import {relative} from 'node:path'
import type {Logger} from '../kit/io.js'
import type {HashResult} from '../manifest/hash.js'
import {imageRegistry, type RegistryOptionsOf} from './check.js'
import {buildContext, type BuildContext, type ContextOptions} from './context.js'
import {Buildx, buildxCache, buildxMissing, refusedAfterPushing} from './buildx.js'
import {imageLabels} from './labels.js'
import {dockerConfigDir, type Credentials} from './credentials.js'
import {
  buildImage,
  connectDocker,
  pingDocker,
  pullImage,
  PushAuthError,
  pushImage,
  registryAuthSecrets,
  tagImage,
  type PushCredentials,
} from './docker.js'
import {BuildError, getErrorMessage} from '../kit/errors.js'
import type {ImageRef} from './ref.js'
import {RegistryClient, type PushAuth, type RegistryRequest} from './registry.js'
import type {ImageSettings} from './settings.js'
import {join} from 'node:path'

export interface EnsureOptions extends RegistryOptionsOf {
  force?: boolean
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
  /**
   * The layer cache of a build (absent when nothing was built): off; pulled from `from`, or none
   * there yet (classic); what BuildKit imported and exported (buildx).
   */
  cache?:
    | {state: 'off'}
    | {state: 'pulled' | 'none'; from: string}
    /** Handed to BuildKit: the `--cache-from` and `--cache-to` values. */
    | {state: 'buildx'; from: string[]; to: string[]}
    | undefined
}

/** The tag every build pushes its layers under, for the next build's cache. */
export const CACHE_TAG = 'buildcache'

/** The same repository with another tag. */
export function withTag(ref: ImageRef, tag: string): ImageRef {
  return {...ref, tag, full: `${ref.full.slice(0, ref.full.length - ref.tag.length - 1)}:${tag}`}
}

/**
 * The image pipeline: hash → reference → one registry HEAD → build and push only
 * when the tag is missing (or `force`), with buildx where it is installed (image.builder),
 * else the engine's classic builder → read the pushed digest back.
 */
export async function ensureImage(o: EnsureOptions): Promise<EnsureResult> {
  const {settings: s, log} = o
  const {hash, ref, credentials, registry} = await imageRegistry(o)
  // what a push may send the engine (X-Registry-Auth), in every form a debug log could show
  for (const v of registryAuthSecrets(credentials, ref.registry)) o.secret(v)
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
  const job: BuildJob = {
    ref,
    settings: s,
    credentials,
    registry,
    log,
    secret: o.secret,
    env: o.env,
    labels: await imageLabels(o.env, {root: hash.root, manifestHash: hash.hash}),
    context: {
      context: s.context,
      dockerfile: s.dockerfile,
      dockerignore: s.dockerignore,
      root: s.cwd,
      exclude: [join(dockerConfigDir(o.env), 'config.json'), ...(o.exclude ?? [])],
    },
  }
  const buildx = await openBuildx(s, o.env, log)
  let result: {pushed: string | undefined; cache: NonNullable<EnsureResult['cache']>}
  if (buildx) {
    try {
      result = await buildWithBuildx(buildx, job)
    } finally {
      await buildx.close()
    }
  } else {
    result = await buildClassic(job)
  }
  const {pushed, cache} = result
  // Read the digest back from the registry: the push is only done when the registry says so.
  const back = await registry.manifest(ref)
  if (!back.exists) throw new Error(`pushed ${ref.full} but the registry does not list it`)
  if (back.digest && pushed && back.digest !== pushed)
    log.warning(`registry digest ${back.digest} differs from the pushed ${pushed}`)
  return {ref, digest: back.digest ?? pushed, built: true, hash, requests: registry.requests, cache}
}

/** What either builder needs once the registry has been asked. */
interface BuildJob {
  ref: ImageRef
  settings: ImageSettings
  credentials: Credentials | undefined
  registry: RegistryClient
  log: Logger
  secret: (value: string) => void
  env: NodeJS.ProcessEnv
  labels: Record<string, string>
  context: ContextOptions
}

/** Logs where the build context, the Dockerfile and the ignore file are. */
function logContext(b: BuildJob, ctx: BuildContext): void {
  const {settings: s, log} = b
  log.info(
    `context ${relative(s.cwd, s.context) || '.'}, Dockerfile ${relative(s.cwd, s.dockerfile)}${ctx.ignoreFile ? `, ignore file ${relative(s.cwd, ctx.ignoreFile)}` : ''}`,
  )
}

/** Logs how many files the context sent, and what was kept out of it. */
function logSent(log: Logger, ctx: BuildContext, files: number): void {
  log.info(`context: ${files} files sent`)
  if (ctx.keptOut.length > 0) {
    const shown = ctx.keptOut.slice(0, 20).join(', ')
    const more = ctx.keptOut.length > 20 ? ` and ${ctx.keptOut.length - 20} more` : ''
    log.info(
      `kept out of the build context: ${shown}${more} (git metadata, credentials, results and the ledger are never sent)`,
    )
  }
}

/**
 * The builder to use: buildx (a {@link Buildx} to close) where `docker buildx version` works and
 * image.builder allows it, else undefined for the classic builder. `buildx` asked for and not
 * there is a ConfigError.
 */
async function openBuildx(s: ImageSettings, env: NodeJS.ProcessEnv, log: Logger): Promise<Buildx | undefined> {
  if (s.builder === 'classic') {
    log.info('builder: classic (image.builder or the builder input)')
    return undefined
  }
  const b = await Buildx.open(env)
  const v = await b.version()
  if (v.ok) {
    log.info(`builder: buildx (${v.version})`)
    return b
  }
  await b.close()
  if (s.builder === 'buildx') throw buildxMissing(v.why)
  log.info(`builder: classic (docker buildx is not available: ${v.why})`)
  return undefined
}

/**
 * Builds and pushes with `docker buildx build --push`. The CLI reads its credentials from a private
 * config holding only what the classic push would hand the engine ({@link engineAuth}): a token
 * from a checked realm for a Bearer registry, the credentials for a Basic one, else nothing. A
 * token refused after layers went up may have expired: the build runs again with a new one (every
 * step is in the builder's cache by then).
 */
async function buildWithBuildx(
  buildx: Buildx,
  b: BuildJob,
): Promise<{pushed: string | undefined; cache: NonNullable<EnsureResult['cache']>}> {
  const {ref, settings: s, log} = b
  const driver = await buildx.driver()
  log.info(`buildx driver: ${driver ?? 'unknown (docker buildx inspect failed)'}`)
  const cache = buildxCache({
    cache: s.cache,
    type: s.cacheType,
    driver,
    cacheRef: withTag(ref, CACHE_TAG),
    cacheFrom: s.cacheFrom,
    env: b.env,
  })
  for (const w of cache.warnings) log.warning(w)
  if (cache.gha && b.env.ACTIONS_RUNTIME_TOKEN) b.secret(b.env.ACTIONS_RUNTIME_TOKEN)
  log.info(
    cache.from.length
      ? `cache: from ${cache.from.join(' and ')}, to ${cache.to.join(' and ')}`
      : 'cache: off (image.cache: false or the cache input)',
  )
  for (let attempt = 1; ; attempt++) {
    const {auth, creds} = await engineAuth(b)
    for (const v of await buildx.writeAuth(ref.registry, creds)) b.secret(v)
    if (attempt === 1 && auth.kind === 'token')
      log.info(`${ref.registry} uses bearer tokens: buildx gets a token for ${ref.repository}, not the credentials`)
    const ctx = await buildContext(b.context)
    try {
      const pushed = await log.group(`Build and push ${ref.full} (buildx)`, async () => {
        logContext(b, ctx)
        const r = await buildx.build(
          {
            ref,
            extraTags: cache.extraTags,
            dockerfile: ctx.dockerfile,
            buildArgs: s.buildArgs,
            labels: b.labels,
            platform: s.platform,
            cacheFrom: cache.from,
            cacheTo: cache.to,
          },
          ctx,
          log,
          {gha: cache.gha},
        )
        logSent(log, ctx, r.files)
        return r.digest
      })
      return {
        pushed,
        cache: cache.from.length ? {state: 'buildx', from: cache.from, to: cache.to} : {state: 'off'},
      }
    } catch (e: unknown) {
      if (auth.kind !== 'token' || !(e instanceof BuildError) || !refusedAfterPushing(e)) throw e
      if (attempt >= MAX_PUSH_ATTEMPTS) throw e
      log.warning(`${e.message}; the token may have expired during the build: building again with a new one`)
    }
  }
}

/** Builds with the engine's classic builder, with the registry cache pulled first, then pushes. */
async function buildClassic(b: BuildJob): Promise<{pushed: string; cache: NonNullable<EnsureResult['cache']>}> {
  const {ref, settings: s, credentials, registry, log, secret} = b
  const {docker, host} = connectDocker(b.env)
  await pingDocker(docker, host)
  if (s.cache && s.cacheType === 'gha')
    log.warning(
      `cache: type=gha needs the buildx builder; the classic builder uses ${withTag(ref, CACHE_TAG).full} instead`,
    )
  const cacheRef = s.cache ? (s.cacheFrom ?? withTag(ref, CACHE_TAG)) : undefined
  const pulled = cacheRef
    ? await pullCache({docker, ref: cacheRef, target: ref, credentials, registry, log, secret})
    : false
  if (!cacheRef) log.info('cache: off (image.cache: false or the cache input)')
  const ctx = await buildContext(b.context)
  await log.group(`Build ${ref.full}`, async () => {
    logContext(b, ctx)
    const [, files] = await Promise.all([
      buildImage(
        docker,
        {
          context: ctx.stream,
          dockerfile: ctx.dockerfile,
          ref,
          buildArgs: s.buildArgs,
          platform: s.platform,
          cacheFrom: pulled && cacheRef ? [cacheRef.full] : undefined,
          labels: b.labels,
        },
        log,
      ),
      ctx.done,
    ])
    logSent(log, ctx, files)
  })
  const pushed = await log.group(`Push ${ref.full}`, async () => {
    const digest = await pushWithAuth({docker, ref, credentials, registry, log, secret})
    if (s.cache) await pushCache({docker, ref, credentials, registry, log, secret})
    return digest
  })
  const cache = cacheRef
    ? {state: pulled ? ('pulled' as const) : ('none' as const), from: cacheRef.full}
    : {state: 'off' as const}
  return {pushed, cache}
}

/** Pushes after a token hand-off at most this many times (a token may expire during a long push). */
const MAX_PUSH_ATTEMPTS = 3

/** What a push to the registry needs: the engine, the target, and how to authenticate. */
interface PushContext {
  docker: Parameters<typeof pushImage>[0]
  ref: ImageRef
  credentials: Credentials | undefined
  registry: RegistryClient
  log: Logger
  secret: (value: string) => void
}

/**
 * Pushes with what the engine's own challenge calls for ({@link RegistryClient.pushAuth}): a
 * bearer token obtained through a checked realm instead of the credentials, which dockerd would
 * otherwise send to any realm the registry names; the credentials only to a Basic registry.
 * A token refused after some layers went up may have expired: the push runs again with a new
 * one (the layers already pushed are skipped).
 */
async function pushWithAuth(o: PushContext): Promise<string> {
  const {ref, log} = o
  for (let attempt = 1; ; attempt++) {
    const {auth, creds} = await engineAuth(o)
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

/**
 * What the engine gets for `ref`, by the push's rules ({@link RegistryClient.pushAuth}): a token from
 * a checked realm, the credentials for a Basic registry, else nothing. Every form is a secret.
 */
async function engineAuth(o: {
  ref: ImageRef
  credentials: Credentials | undefined
  registry: RegistryClient
  secret: (value: string) => void
}): Promise<{auth: PushAuth; creds: PushCredentials | undefined}> {
  const auth: PushAuth = o.credentials ? await o.registry.pushAuth(o.ref) : {kind: 'none'}
  const creds: PushCredentials | undefined =
    auth.kind === 'token' ? {registryToken: auth.token} : auth.kind === 'credentials' ? o.credentials : undefined
  for (const v of registryAuthSecrets(creds, o.ref.registry)) o.secret(v)
  return {auth, creds}
}

/**
 * Pulls the layer cache before a build. The credentials go only to the registry the image is
 * pushed to, under the push's realm rules; another registry's cache is pulled anonymously.
 * A tag not there yet is the normal first build; any other failure is a warning, never an error.
 */
async function pullCache(o: {
  docker: Parameters<typeof pullImage>[0]
  ref: ImageRef
  target: ImageRef
  credentials: Credentials | undefined
  registry: RegistryClient
  log: Logger
  secret: (value: string) => void
}): Promise<boolean> {
  const {ref, log} = o
  try {
    const same = ref.registry === o.target.registry
    const {creds} = same ? await engineAuth(o) : {creds: undefined}
    if (
      await log.group(`Pull cache ${ref.full}`, async () => (await pullImage(o.docker, ref, creds, log)) === 'pulled')
    ) {
      log.info(`cache: pulled ${ref.full}`)
      return true
    }
    log.info(`cache: none yet (${ref.full} is not in the registry)`)
  } catch (e: unknown) {
    log.warning(`cache: could not pull ${ref.full}, building without it: ${getErrorMessage(e)}`)
  }
  return false
}

/** Tags the built image `<name>:buildcache` and pushes it (its layers are already there); failures are warnings. */
async function pushCache(o: PushContext): Promise<void> {
  const target = withTag(o.ref, CACHE_TAG)
  try {
    await tagImage(o.docker, o.ref.full, target)
    await pushWithAuth({...o, ref: target})
    o.log.info(`cache: pushed ${target.full}`)
  } catch (e: unknown) {
    o.log.warning(`cache: could not push ${target.full}, the next build starts cold: ${getErrorMessage(e)}`)
  }
}
