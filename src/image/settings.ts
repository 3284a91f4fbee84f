import {access} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, resolve} from 'node:path'
import type {ImageConfig} from '../config/schema.js'

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
}

export const DEFAULT_TAG_LENGTH = 7
export const MANIFEST_NAME = '.image-manifest'

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  )
}

/**
 * Merges image settings: inputs over trainer.yml over defaults. Paths in trainer.yml
 * are relative to the file's directory; inputs are relative to the workspace. The
 * manifest defaults to `.image-manifest` beside the Dockerfile, else at the root;
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
    manifest = (await exists(beside)) ? beside : join(cwd, MANIFEST_NAME)
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
  }
}
