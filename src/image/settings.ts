import {access} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, resolve, sep} from 'node:path'
import {REALM_HOST, type Builder, type CacheType, type ImageConfig} from '../config/schema.js'
import {ConfigError} from '../kit/errors.js'
import {parseRef, type ImageRef} from './ref.js'

/** What the hash and build steps need, after config file, inputs and defaults are merged. */
export interface ImageSettings {
  /** The workspace: relative inputs resolve here. */
  cwd: string
  manifest: string
  dockerfile: string
  context: string
  dockerignore: string | undefined
  name: string | undefined
  registry: string | undefined
  tagLength: number
  buildArgs: Record<string, string>
  platform: string | undefined
  fallbackName: string
  /** Hosts (`host` or `host:port`) allowed as token realms of the registry, besides its own and the known ones. */
  authRealms: string[]
  /** Whether to build with a layer cache and export it again for the next build. */
  cache: boolean
  /** Where that cache lives: the registry (`<name>:buildcache`) or the GitHub Actions cache (buildx only). */
  cacheType: CacheType
  /** What builds: buildx, the classic builder, or `auto` (buildx where the plugin is installed). */
  builder: Builder
  /** Where the layer cache comes from instead of `<name>:buildcache` (image.cache-from). */
  cacheFrom: ImageRef | undefined
}

/** Overrides given as action inputs or CLI flags (relative to the workspace). */
export interface ImageOverrides {
  manifest?: string | undefined
  dockerfile?: string | undefined
  context?: string | undefined
  name?: string | undefined
  registry?: string | undefined
  'tag-length'?: number | undefined
  'build-args'?: Record<string, string> | undefined
  platform?: string | undefined
  'auth-realms'?: string[] | undefined
  /**
   * `false` turns the layer cache off; `registry` or `gha` turns it on there, whatever trainer.yml
   * says; `true` (the input's default) leaves trainer.yml to decide.
   */
  cache?: boolean | CacheType | undefined
  /** Overrides image.builder. */
  builder?: Builder | undefined
}

export const DEFAULT_TAG_LENGTH = 7
export const MANIFEST_NAME = '.image-manifest'

/** Checks and normalises realm hosts (lower case); a URL, a path or a wildcard is a ConfigError naming where it came from. */
export function realmHosts(hosts: readonly string[], where: {file?: string | undefined; key: string}): string[] {
  return hosts.map(h => {
    const v = h.trim().toLowerCase()
    if (!REALM_HOST.test(v)) {
      throw new ConfigError(
        `'${h}' is not a host name: ${where.key} lists the hosts (host or host:port, exactly as in the token realm's URL) that may receive the registry credentials`,
        {...(where.file === undefined ? {} : {file: where.file}), key: where.key},
        {hint: 'For a realm https://auth.example.com/token write auth.example.com (no scheme, path or wildcard).'},
      )
    }
    return v
  })
}

/**
 * What a workspace holds that must never reach an image: the results root and the
 * ledger (its directory, unless that is the workspace or above it, and the file with
 * its SQLite companions). `launch` is trainer.yml's `launch:`; the defaults are the
 * launch action's.
 */
export function workspaceOutputs(
  cwd: string,
  launch: {'results-root'?: string | undefined; ledger?: string | undefined} | undefined,
  defaults: {results: string; ledger: string},
): string[] {
  const results = resolve(cwd, launch?.['results-root'] ?? defaults.results)
  const ledger = resolve(cwd, launch?.ledger ?? defaults.ledger)
  const dir = dirname(ledger)
  const under = (p: string, root: string): boolean => p.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)
  return [results, ...(under(dir, cwd) ? [dir] : []), ...['', '-wal', '-shm', '-journal'].map(x => `${ledger}${x}`)]
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  )
}

/**
 * `name` in `dir` or the nearest directory above it, the way git finds `.git`: the search
 * stops at the top of the repository (a directory holding `.git`) or of the file system.
 */
async function findUp(dir: string, name: string): Promise<string | undefined> {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (await exists(join(at, name))) return join(at, name)
    if ((await exists(join(at, '.git'))) || dirname(at) === at) return undefined
  }
}

/**
 * Merges image settings: inputs over trainer.yml over defaults. Paths in trainer.yml
 * are relative to the file's directory; inputs are relative to the workspace. The
 * manifest defaults to `.image-manifest` beside the Dockerfile, else the nearest one from the
 * workspace up to the top of the repository;
 * the context defaults to the Dockerfile's directory when a Dockerfile is named (seed 003).
 */
export async function imageSettings(
  cwd: string,
  cfg: ImageConfig | undefined,
  cfgFile: string | undefined,
  over: ImageOverrides,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ImageSettings> {
  const cfgDir = cfgFile ? dirname(cfgFile) : cwd
  const pick = (input: string | undefined, conf: string | undefined): string | undefined =>
    input !== undefined
      ? resolve(cwd, input)
      : conf !== undefined
        ? isAbsolute(conf)
          ? conf
          : resolve(cfgDir, conf)
        : undefined
  const named = pick(over.dockerfile, cfg?.dockerfile)
  const dockerfile = named ?? join(cwd, 'Dockerfile')
  const context = pick(over.context, cfg?.context) ?? (named ? dirname(named) : cwd)
  let manifest = pick(over.manifest, cfg?.manifest)
  if (manifest === undefined) {
    const beside = join(dirname(dockerfile), MANIFEST_NAME)
    manifest = (await exists(beside)) ? beside : ((await findUp(cwd, MANIFEST_NAME)) ?? join(cwd, MANIFEST_NAME))
  }
  const buildArgs: Record<string, string> = {}
  for (const [k, v] of Object.entries(cfg?.['build-args'] ?? {})) buildArgs[k] = String(v)
  Object.assign(buildArgs, over['build-args'] ?? {})
  const repo = env.GITHUB_REPOSITORY?.split('/')[1]
  return {
    cwd,
    manifest,
    dockerfile,
    context,
    dockerignore: cfg?.dockerignore === undefined ? undefined : resolve(cfgDir, cfg.dockerignore),
    name: over.name ?? cfg?.name,
    registry: over.registry ?? cfg?.registry,
    tagLength: over['tag-length'] ?? cfg?.['tag-length'] ?? DEFAULT_TAG_LENGTH,
    buildArgs,
    platform: over.platform ?? cfg?.platform,
    fallbackName: repo ?? basename(cwd),
    authRealms: over['auth-realms']?.length
      ? realmHosts(over['auth-realms'], {key: 'auth-realms'})
      : realmHosts(cfg?.['auth-realms'] ?? [], {file: cfgFile, key: 'image.auth-realms'}),
    // either the input or trainer.yml turns the cache off: the input always arrives ('true' by default);
    // an input naming where the cache lives is explicit, and wins
    cache: typeof over.cache === 'string' || (over.cache !== false && cfg?.cache !== false),
    cacheType: typeof over.cache === 'string' ? over.cache : typeof cfg?.cache === 'string' ? cfg.cache : 'registry',
    builder: over.builder ?? cfg?.builder ?? 'auto',
    cacheFrom:
      cfg?.['cache-from'] === undefined
        ? undefined
        : parseRef(cfg['cache-from'], {...(cfgFile === undefined ? {} : {file: cfgFile}), key: 'image.cache-from'}),
  }
}
