// First: keeps docker-modem's request log (with X-Registry-Auth) off before dockerode loads.
import './modem-debug.js'
import Docker from 'dockerode'
import type {Readable} from 'node:stream'
import {readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {AuthError, BuildError, ConfigError, ServiceError, getErrorMessage} from '../kit/errors.js'
import type {Logger} from '../kit/io.js'
import type {Credentials} from './credentials.js'
import type {ImageRef} from './ref.js'
import {sshFailure, sshOptions, sshTarget, type SshState} from './ssh-host.js'

/** The ssh connections' state of clients made for ssh:// hosts, for {@link pingDocker}'s message. */
const sshStates = new WeakMap<Docker, SshState>()

/**
 * A Docker engine client honouring DOCKER_HOST (unix://, tcp:// or ssh://), DOCKER_TLS_VERIFY
 * and DOCKER_CERT_PATH, as the docker CLI does. For ssh:// docker-modem connects with ssh2 and
 * runs `docker system dial-stdio` on the host; the host key is checked against known_hosts
 * (see ssh-host.ts).
 */
export function connectDocker(env: Readonly<Record<string, string | undefined>>): {docker: Docker; host: string} {
  const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock'
  if (host.startsWith('unix://')) return {docker: new Docker({socketPath: host.slice('unix://'.length)}), host}
  if (host.startsWith('ssh://')) {
    const target = sshTarget(host, env)
    const {options, state} = sshOptions(target, env)
    // docker-modem's own defaults (from process.env) fill only what is not given here
    const docker = new Docker({
      protocol: 'ssh',
      host: target.host,
      port: target.port,
      username: target.username,
      sshOptions: options,
    })
    sshStates.set(docker, state)
    return {docker, host}
  }
  if (!host.startsWith('tcp://')) {
    throw new ConfigError(
      `DOCKER_HOST '${host}' is not supported: use unix:///path/to/docker.sock, tcp://host:port or ssh://user@host[:port]`,
      {key: 'DOCKER_HOST'},
    )
  }
  const u = new URL(host.replace(/^tcp:/, 'http:'))
  const tls = env.DOCKER_TLS_VERIFY === '1'
  const certs = env.DOCKER_CERT_PATH || join(env.HOME || homedir(), '.docker')
  const pem = (f: string): Buffer | undefined => {
    try {
      return readFileSync(join(certs, f))
    } catch {
      return undefined
    }
  }
  const tlsFiles = tls ? {ca: pem('ca.pem'), cert: pem('cert.pem'), key: pem('key.pem')} : {}
  return {
    docker: new Docker({
      host: u.hostname,
      port: Number(u.port || (tls ? 2376 : 2375)),
      protocol: tls ? 'https' : 'http',
      ...Object.fromEntries(Object.entries(tlsFiles).filter(([, v]) => v !== undefined)),
    }),
    host,
  }
}

/** Fails with one clear message when the engine cannot be reached. */
export async function pingDocker(docker: Docker, host: string): Promise<void> {
  try {
    await docker.ping()
  } catch (e: unknown) {
    const ssh = sshStates.get(docker)
    if (ssh) throw sshFailure(e, ssh, host)
    const code = (e as NodeJS.ErrnoException).code
    throw new ServiceError(`Docker engine at ${host}`, 'ping', `unreachable (${code ?? getErrorMessage(e)})`, {
      cause: e,
      hint: 'Start the Docker engine, or set DOCKER_HOST to the socket of a running one.',
    })
  }
}

interface ProgressEvent {
  stream?: string
  status?: string
  id?: string
  error?: string
  errorDetail?: {message?: string}
  aux?: {ID?: string; Digest?: string; Tag?: string}
}

function follow(docker: Docker, stream: NodeJS.ReadableStream, onEvent: (e: ProgressEvent) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (e: ProgressEvent) => onEvent(e),
    )
  })
}

export interface BuildOptions {
  context: Readable
  dockerfile: string
  ref: ImageRef
  buildArgs: Record<string, string>
  platform?: string | undefined
  noCache?: boolean
  /** Images whose layers the classic builder may reuse (the Engine API's `cachefrom`); they must be local. */
  cacheFrom?: readonly string[] | undefined
  /** Labels set on the image (see labels.ts). */
  labels?: Record<string, string> | undefined
}

/**
 * Builds with the engine's classic builder, streaming `Step N/M` lines to the log.
 * A failing step ends in a BuildError carrying that step's output.
 */
export async function buildImage(
  docker: Docker,
  o: BuildOptions,
  log: Pick<Logger, 'info'>,
): Promise<string | undefined> {
  let stream: NodeJS.ReadableStream
  try {
    stream = await docker.buildImage(o.context, {
      t: o.ref.full,
      dockerfile: o.dockerfile,
      buildargs: o.buildArgs,
      rm: true,
      forcerm: true,
      nocache: o.noCache ?? false,
      // a JSON-encoded array, as the Engine API wants it
      ...(o.cacheFrom?.length ? {cachefrom: JSON.stringify(o.cacheFrom)} : {}),
      ...(o.labels ? {labels: o.labels} : {}),
      ...(o.platform ? {platform: o.platform} : {}),
    })
  } catch (e: unknown) {
    throw new ServiceError('Docker engine', 'build', getErrorMessage(e), {cause: e})
  }
  let step = ''
  let stepOutput: string[] = []
  let imageId: string | undefined
  let failure: string | undefined
  let partial = ''
  await follow(docker, stream, e => {
    if (e.stream !== undefined) {
      const text = partial + e.stream
      const lines = text.split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        if (/^Step \d+\/\d+ :/.test(line)) {
          step = line
          stepOutput = []
        }
        stepOutput.push(line)
        log.info(line)
      }
    }
    if (e.aux?.ID) imageId = e.aux.ID
    if (e.error !== undefined) failure = e.errorDetail?.message ?? e.error
  }).catch((err: unknown) => {
    failure ??= getErrorMessage(err)
  })
  if (partial) stepOutput.push(partial)
  if (failure !== undefined) {
    throw new BuildError(`image build failed${step ? ` at ${step}` : ''}: ${failure.trim()}`, stepOutput.join('\n'))
  }
  return imageId
}

/**
 * What a push hands the engine: the registry credentials, or (`registryToken`) a bearer token
 * obtained through a checked realm, which the engine sends to the registry as is.
 */
export type PushCredentials = Credentials & {registryToken?: string}

type AuthConfig = {
  serveraddress: string
  registrytoken?: string
  identitytoken?: string
  username?: string
  password?: string
}

/** The auth config a push sends the engine (as X-Registry-Auth). */
function authConfig(creds: PushCredentials | undefined, registry: string): AuthConfig {
  return creds?.registryToken
    ? {registrytoken: creds.registryToken, serveraddress: registry}
    : creds?.identityToken
      ? {identitytoken: creds.identityToken, serveraddress: registry}
      : creds?.username !== undefined
        ? {username: creds.username, password: creds.password ?? '', serveraddress: registry}
        : {serveraddress: registry}
}

/**
 * Every form in which a push's credentials travel or could be logged: the auth config
 * as JSON, in base64, and in the URL-safe base64 docker-modem puts in X-Registry-Auth
 * (its exact header value). Empty when there are no credentials.
 */
export function registryAuthSecrets(creds: PushCredentials | undefined, registry: string): string[] {
  if (!creds?.registryToken && !creds?.identityToken && creds?.username === undefined) return []
  const json = JSON.stringify(authConfig(creds, registry))
  const b64 = Buffer.from(json).toString('base64')
  const header = b64.replace(/\+/g, '-').replace(/\//g, '_')
  // The JSON itself is not registered: it holds the password (or token) verbatim, which is
  // registered on its own, and masking it would print the password once more, in the
  // add-mask command. Its base64 forms hide it, so they are registered.
  return [...new Set([b64, header, header.replace(/=+$/, ''), b64.replace(/=+$/, '')])]
}

/** A push refused by the registry; `layersPushed` counts the layers it had taken before. */
export class PushAuthError extends AuthError {
  constructor(
    message: string,
    readonly layersPushed: number,
    options: {hint?: string} = {},
  ) {
    super(message, options)
  }
}

/** Pushes a tag, logging each layer's progress once per state, and returns the pushed digest. */
export async function pushImage(
  docker: Docker,
  ref: ImageRef,
  creds: PushCredentials | undefined,
  log: Pick<Logger, 'info'>,
): Promise<string> {
  const name = ref.full.slice(0, ref.full.length - ref.tag.length - 1)
  const authconfig = authConfig(creds, ref.registry)
  let stream: NodeJS.ReadableStream
  try {
    stream = await docker.getImage(name).push({tag: ref.tag, authconfig})
  } catch (e: unknown) {
    throw new ServiceError('Docker engine', `push ${ref.full}`, getErrorMessage(e), {cause: e})
  }
  const layers = new Map<string, string>()
  let digest: string | undefined
  let failure: string | undefined
  await follow(docker, stream, e => {
    if (e.error !== undefined) failure = e.errorDetail?.message ?? e.error
    if (e.aux?.Digest) digest = e.aux.Digest
    if (e.id && e.status && layers.get(e.id) !== e.status) {
      layers.set(e.id, e.status)
      log.info(`${e.id}: ${e.status}`)
    } else if (!e.id && e.status) {
      log.info(e.status)
    }
  }).catch((err: unknown) => {
    failure ??= getErrorMessage(err)
  })
  if (failure !== undefined) {
    if (/unauthorized|authentication required|denied|forbidden/i.test(failure)) {
      const pushed = [...layers.values()].filter(s => s === 'Pushed').length
      throw new PushAuthError(`push ${ref.full}: ${failure.trim()}`, pushed, {
        hint: 'Log in with docker/login-action, or pass the username and password inputs.',
      })
    }
    throw new ServiceError(ref.registry, `push ${ref.full}`, failure.trim())
  }
  if (!digest) throw new ServiceError(ref.registry, `push ${ref.full}`, 'the engine reported no digest')
  return digest
}

/**
 * Pulls an image with the same auth config a push would send. `missing` when the registry has
 * no such tag (the engine's 404 / "not found" / "manifest unknown"); any other failure throws.
 */
export async function pullImage(
  docker: Docker,
  ref: ImageRef,
  creds: PushCredentials | undefined,
  log: Pick<Logger, 'debug'>,
): Promise<'pulled' | 'missing'> {
  const notFound = (m: string): boolean => /not found|manifest unknown|no such (image|manifest)/i.test(m)
  let stream: NodeJS.ReadableStream
  try {
    // auth as its own argument: in the options it would also land in the query string
    const fromImage = ref.full.slice(0, ref.full.length - ref.tag.length - 1)
    stream = await docker.createImage(authConfig(creds, ref.registry), {fromImage, tag: ref.tag})
  } catch (e: unknown) {
    const status = (e as {statusCode?: unknown}).statusCode
    if (status === 404 || notFound(getErrorMessage(e))) return 'missing'
    throw new ServiceError('Docker engine', `pull ${ref.full}`, getErrorMessage(e), {cause: e})
  }
  let failure: string | undefined
  await follow(docker, stream, e => {
    if (e.error !== undefined) failure = e.errorDetail?.message ?? e.error
    else if (e.status && !e.id) log.debug(e.status)
  }).catch((err: unknown) => {
    failure ??= getErrorMessage(err)
  })
  if (failure === undefined) return 'pulled'
  if (notFound(failure)) return 'missing'
  if (/unauthorized|authentication required|denied|forbidden/i.test(failure))
    throw new AuthError(`pull ${ref.full}: ${failure.trim()}`)
  throw new ServiceError(ref.registry, `pull ${ref.full}`, failure.trim())
}

/** Gives a local image (by reference or id) another tag. */
export async function tagImage(docker: Docker, source: string, target: ImageRef): Promise<void> {
  const repo = target.full.slice(0, target.full.length - target.tag.length - 1)
  try {
    await docker.getImage(source).tag({repo, tag: target.tag})
  } catch (e: unknown) {
    throw new ServiceError('Docker engine', `tag ${source} as ${target.full}`, getErrorMessage(e), {cause: e})
  }
}
