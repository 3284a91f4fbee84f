import {spawn} from 'node:child_process'
import {mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Readable} from 'node:stream'
import type {CacheType} from '../config/schema.js'
import {BuildError, ConfigError, getErrorMessage} from '../kit/errors.js'
import {exec} from '../kit/exec.js'
import type {Logger} from '../kit/io.js'
import {dockerConfigDir} from './credentials.js'
import type {PushCredentials} from './docker.js'
import type {ImageRef} from './ref.js'

/*
 * BuildKit through the `docker buildx` CLI plugin. Everything the CLI is given is an argument
 * vector (never a shell line) and a private DOCKER_CONFIG: a directory of this process's own
 * (mode 0700) whose config.json (mode 0600) holds at most one auth, for the push registry, decided
 * by the same realm rules as the classic push (pipeline.ts). The build context is the tar that
 * context.ts streams for the classic builder, given on stdin (`-`).
 */

/** Variables of the GitHub Actions cache service that buildx reads for `type=gha` (docker/buildx addGithubToken). */
export const GHA_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2']

/**
 * Never handed to the docker CLI: the action's inputs and state, the workflow's tokens, this
 * tool's password variable, an auth config given in the environment (the CLI would use it
 * instead of the private config), and the Actions runtime (except the cache service for `gha`).
 */
function withheld(name: string, gha: boolean): boolean {
  if (/^(INPUT_|STATE_)/.test(name)) return true
  if (['GITHUB_TOKEN', 'GH_TOKEN', 'TRAINER_REGISTRY_PASSWORD', 'RESULT_URL', 'DOCKER_AUTH_CONFIG'].includes(name))
    return true
  return name.startsWith('ACTIONS_') && !(gha && GHA_ENV.includes(name))
}

/** A docker CLI with a private config directory; {@link Buildx.close} removes it. */
export class Buildx {
  private constructor(
    /** The private DOCKER_CONFIG. */
    readonly dir: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
    /** The user's own Docker config directory: its plugins and buildx builders stay in use. */
    private readonly userConfig: string,
    /** The user's current Docker context (config.json `currentContext`). */
    private readonly currentContext?: string | undefined,
  ) {}

  /**
   * Makes the private config directory (mode 0700, under RUNNER_TEMP when set) with a config without
   * auths. The user's Docker contexts stay in use (a link to their directory, and the current one):
   * docker/setup-buildx-action's builders may point at a context.
   */
  static async open(env: Readonly<Record<string, string | undefined>>): Promise<Buildx> {
    const dir = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'trainer-buildx-'))
    const user = dockerConfigDir(env)
    let currentContext: string | undefined
    try {
      // only this one key is read from the user's config, which may hold credentials
      const c = (JSON.parse(await readFile(join(user, 'config.json'), 'utf8')) as {currentContext?: unknown})
        .currentContext
      if (typeof c === 'string' && c) currentContext = c
    } catch {
      // no config, or not JSON: the default context
    }
    await symlink(join(user, 'contexts'), join(dir, 'contexts')).catch(() => undefined)
    const b = new Buildx(dir, env, user, currentContext)
    await b.writeAuth(undefined, undefined)
    return b
  }

  /** The environment of every docker call: the pipeline's, less what it must not see, with the private config. */
  cliEnv(o: {gha?: boolean} = {}): NodeJS.ProcessEnv {
    const out: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(this.env)) if (v !== undefined && !withheld(k, o.gha ?? false)) out[k] = v
    out.DOCKER_CONFIG = this.dir
    // buildx keeps its builders (docker/setup-buildx-action's included) under $DOCKER_CONFIG/buildx
    out.BUILDX_CONFIG = this.env.BUILDX_CONFIG || join(this.userConfig, 'buildx')
    return out
  }

  /**
   * Writes config.json: the auth for `registry` in the form the push rules chose (a registry token,
   * an identity token, or user and password), or none. `cliPluginsExtraDirs` keeps the plugins
   * installed in the user's own config directory (docker/setup-buildx-action puts buildx there),
   * `currentContext` the user's context.
   * Returns the values written that are secrets besides those already masked.
   */
  async writeAuth(registry: string | undefined, creds: PushCredentials | undefined): Promise<string[]> {
    const entry = creds?.registryToken
      ? {registrytoken: creds.registryToken}
      : creds?.identityToken
        ? {identitytoken: creds.identityToken}
        : creds?.username !== undefined
          ? {auth: Buffer.from(`${creds.username}:${creds.password ?? ''}`).toString('base64')}
          : undefined
    const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry
    const config = {
      auths: entry && key ? {[key]: entry} : {},
      cliPluginsExtraDirs: [join(this.userConfig, 'cli-plugins')],
      ...(this.currentContext ? {currentContext: this.currentContext} : {}),
    }
    const file = join(this.dir, 'config.json')
    await rm(file, {force: true})
    await writeFile(file, JSON.stringify(config), {mode: 0o600, flag: 'wx'})
    return entry && 'auth' in entry ? [entry.auth] : []
  }

  /** `docker buildx version`: the version line, or why buildx cannot be used. */
  async version(): Promise<{ok: true; version: string} | {ok: false; why: string}> {
    try {
      const r = await exec('docker', ['buildx', 'version'], {env: this.cliEnv()})
      const out = r.stdout.toString('utf8').trim()
      if (r.code === 0) return {ok: true, version: out.split('\n')[0] ?? ''}
      return {ok: false, why: (r.stderr.trim() || out).split('\n')[0] || `exit ${r.code}`}
    } catch (e: unknown) {
      const code = (e as NodeJS.ErrnoException).code
      return {ok: false, why: code === 'ENOENT' ? 'no docker CLI in PATH' : getErrorMessage(e)}
    }
  }

  /** The current builder's driver (`docker`, `docker-container`, ...), from `docker buildx inspect`. */
  async driver(): Promise<string | undefined> {
    try {
      const r = await exec('docker', ['buildx', 'inspect'], {env: this.cliEnv()})
      return r.code === 0 ? /^Driver:\s*(\S+)/m.exec(r.stdout.toString('utf8'))?.[1] : undefined
    } catch {
      return undefined
    }
  }

  /**
   * Runs `docker buildx build` with the context tar on stdin, logging every progress line.
   * Resolves with the pushed digest (from the metadata file); a failure is a BuildError with the
   * failing step's output.
   */
  async build(
    args: BuildxArgs,
    context: {stream: Readable; done: Promise<number>},
    log: Pick<Logger, 'info'>,
    o: {gha?: boolean} = {},
  ): Promise<{digest: string | undefined; files: number}> {
    const metadata = join(this.dir, 'metadata.json')
    await rm(metadata, {force: true})
    const argv = buildxArgs({...args, metadataFile: metadata})
    const lines: string[] = []
    let partial = ''
    const onData = (b: Buffer): void => {
      const parts = (partial + b.toString('utf8')).split('\n')
      partial = parts.pop() ?? ''
      for (const raw of parts) {
        const line = raw.replace(/\r$/, '')
        lines.push(line)
        log.info(line)
      }
    }
    const child = spawn('docker', argv, {env: this.cliEnv(o), stdio: ['pipe', 'pipe', 'pipe']})
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.stdin.on('error', () => undefined) // the CLI may exit before reading all of it
    const exited = new Promise<number>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', code => resolve(code ?? 1))
    })
    context.stream.on('error', () => child.stdin.destroy())
    context.stream.pipe(child.stdin)
    const [files, code] = await Promise.allSettled([context.done, exited])
    if (partial) {
      lines.push(partial)
      log.info(partial)
    }
    // the context could not be read: the CLI saw a truncated tar, and whatever it said is beside the point
    if (files.status === 'rejected') throw files.reason
    if (code.status === 'rejected') {
      const e = code.reason as NodeJS.ErrnoException
      throw new BuildError(
        `docker buildx could not be run: ${e.code === 'ENOENT' ? 'no docker CLI in PATH' : getErrorMessage(e)}`,
        '',
      )
    }
    if (code.value !== 0) throw buildxFailure(lines, code.value)
    let digest: string | undefined
    try {
      const m = JSON.parse(await readFile(metadata, 'utf8')) as Record<string, unknown>
      const d = m['containerimage.digest']
      if (typeof d === 'string' && /^sha256:[0-9a-f]{64}$/.test(d)) digest = d
    } catch {
      // no metadata: the digest is read back from the registry
    }
    return {digest, files: files.value}
  }

  async close(): Promise<void> {
    await rm(this.dir, {recursive: true, force: true})
  }
}

/** A failed `docker buildx build`: the last ERROR line, and the output of the step that failed. */
export function buildxFailure(lines: readonly string[], code: number): BuildError {
  const error = [...lines].reverse().find(l => /^ERROR:/.test(l))
  // `#7 ERROR: process "/bin/sh -c ..." did not complete successfully: exit code: 3`
  const failed = [...lines].reverse().find(l => /^#\d+ ERROR:/.test(l))
  const n = failed ? /^#(\d+) /.exec(failed)?.[1] : undefined
  const step = n === undefined ? [] : lines.filter(l => l.startsWith(`#${n} `))
  const title = step[0]?.replace(/^#\d+ /, '')
  const why = (error ?? failed?.replace(/^#\d+ /, '') ?? `docker buildx build exited with ${code}`).trim()
  return new BuildError(
    `image build failed${title ? ` at ${title}` : ''}: ${why}`,
    (step.length ? step : lines.slice(-40)).join('\n'),
  )
}

/** Whether a failed build's output says the registry refused the push after layers went up (an expired token). */
export function refusedAfterPushing(e: BuildError): boolean {
  return /unauthorized|authentication required|401/i.test(e.message) && /pushing layers/i.test(e.output + e.message)
}

export interface BuildxArgs {
  ref: ImageRef
  /** Other tags pushed with the image (the registry cache's reference, with inline cache). */
  extraTags?: readonly ImageRef[]
  /** The Dockerfile's name inside the context tar. */
  dockerfile: string
  buildArgs: Readonly<Record<string, string>>
  labels?: Readonly<Record<string, string>> | undefined
  platform?: string | undefined
  cacheFrom?: readonly string[]
  cacheTo?: readonly string[]
  metadataFile?: string
}

/**
 * The argument vector of `docker buildx build`: every value joined to its flag (`--tag=x`), so
 * that no user text can be read as a flag, and the context (`-`) from stdin. Pure.
 */
export function buildxArgs(o: BuildxArgs): string[] {
  return [
    'buildx',
    'build',
    '--progress=plain',
    // a plain image manifest, not an index with an attestation manifest beside it
    '--provenance=false',
    '--push',
    ...(o.metadataFile ? [`--metadata-file=${o.metadataFile}`] : []),
    `--file=${o.dockerfile}`,
    `--tag=${o.ref.full}`,
    ...(o.extraTags ?? []).map(t => `--tag=${t.full}`),
    ...Object.entries(o.buildArgs).map(([k, v]) => `--build-arg=${k}=${v}`),
    ...Object.entries(o.labels ?? {}).map(([k, v]) => `--label=${k}=${v}`),
    ...(o.platform ? [`--platform=${o.platform}`] : []),
    ...(o.cacheFrom ?? []).map(c => `--cache-from=${c}`),
    ...(o.cacheTo ?? []).map(c => `--cache-to=${c}`),
    '-',
  ]
}

export interface BuildxCache {
  from: string[]
  to: string[]
  /** Tags pushed besides the image: `<name>:buildcache` when the cache is inline. */
  extraTags: ImageRef[]
  /** Why the cache differs from what was asked, for the log. */
  warnings: string[]
  gha: boolean
}

/** What `type=gha` lacks in `env`, or nothing. */
export function missingGhaEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const missing = env.ACTIONS_RUNTIME_TOKEN ? [] : ['ACTIONS_RUNTIME_TOKEN']
  // the v2 service (ACTIONS_CACHE_SERVICE_V2 set) is at ACTIONS_RESULTS_URL; v1 at ACTIONS_CACHE_URL
  if (env.ACTIONS_CACHE_SERVICE_V2 ? !env.ACTIONS_RESULTS_URL : !env.ACTIONS_CACHE_URL)
    missing.push(env.ACTIONS_CACHE_SERVICE_V2 ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL')
  return missing
}

/**
 * The cache flags of a buildx build. `registry`: imported from `from` (image.cache-from, else
 * `<name>:buildcache`) and exported to `<name>:buildcache` with every layer (mode=max); the `docker`
 * driver cannot export a cache, so there the image carries it (type=inline) and is pushed as
 * `<name>:buildcache` too, as the classic path does. `gha`: the Actions cache, one scope per image
 * name, where its runtime variables are set and the builder can export; else the registry's. Pure.
 */
export function buildxCache(o: {
  cache: boolean
  type: CacheType
  driver: string | undefined
  cacheRef: ImageRef
  cacheFrom: ImageRef | undefined
  env: Readonly<Record<string, string | undefined>>
}): BuildxCache {
  const none: BuildxCache = {from: [], to: [], extraTags: [], warnings: [], gha: false}
  if (!o.cache) return none
  const warnings: string[] = []
  const inline = o.driver === undefined || o.driver === 'docker'
  const name = o.cacheRef.full.slice(0, o.cacheRef.full.length - o.cacheRef.tag.length - 1)
  const from = `type=registry,ref=${(o.cacheFrom ?? o.cacheRef).full}`
  if (o.type === 'gha') {
    const missing = missingGhaEnv(o.env)
    if (inline) {
      warnings.push(
        `cache: type=gha needs a BuildKit builder that can export a cache, and the current one uses the ${o.driver ?? 'unknown'} driver (docker/setup-buildx-action makes one): using ${o.cacheRef.full} instead`,
      )
    } else if (missing.length) {
      warnings.push(
        `cache: type=gha needs ${missing.join(' and ')}, which GitHub gives only to the steps of JavaScript actions (this one, on a runner): using ${o.cacheRef.full} instead`,
      )
    } else {
      const scope = `type=gha,scope=${name}`
      return {
        from: [scope, ...(o.cacheFrom ? [from] : [])],
        to: [`${scope},mode=max`],
        extraTags: [],
        warnings,
        gha: true,
      }
    }
  }
  if (inline) return {from: [from], to: ['type=inline'], extraTags: [o.cacheRef], warnings, gha: false}
  return {from: [from], to: [`type=registry,ref=${o.cacheRef.full},mode=max`], extraTags: [], warnings, gha: false}
}

/** The error for `builder: buildx` where buildx cannot run. */
export function buildxMissing(why: string): ConfigError {
  return new ConfigError(
    `the buildx builder was asked for, but docker buildx cannot be used here: ${why}`,
    {key: 'image.builder'},
    {
      hint: 'Install the buildx plugin (docker/setup-buildx-action), or set image.builder (or the builder input) to auto or classic.',
    },
  )
}
