import {readFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {exec} from '../kit/exec.js'
import {AuthError} from '../kit/errors.js'

export interface Credentials {
  username?: string
  password?: string
  /** An OAuth refresh token (Docker's `identitytoken`), exchanged at the token endpoint. */
  identityToken?: string
}

interface DockerConfig {
  auths?: Record<string, {auth?: string; username?: string; password?: string; identitytoken?: string}>
  credsStore?: string
  credHelpers?: Record<string, string>
}

/** The directory docker/login-action and `docker login` write config.json to. */
export function dockerConfigDir(env: Readonly<Record<string, string | undefined>>): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
}

function keysFor(registry: string): string[] {
  if (registry === 'docker.io')
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`]
}

async function fromHelper(helper: string, registry: string, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry
  let r
  try {
    r = await exec(`docker-credential-${helper}`, ['get'], {input: server, env})
  } catch (e: unknown) {
    throw new AuthError(`credential helper docker-credential-${helper} could not be run: ${(e as Error).message}`)
  }
  if (r.code !== 0) {
    if (/credentials not found/i.test(r.stdout.toString() + r.stderr)) return undefined
    throw new AuthError(
      `credential helper docker-credential-${helper} failed for ${registry}: ${r.stderr.trim() || `exit ${r.code}`}`,
    )
  }
  const j = JSON.parse(r.stdout.toString('utf8')) as {Username?: string; Secret?: string}
  if (!j.Secret) return undefined
  return j.Username === '<token>' ? {identityToken: j.Secret} : {username: j.Username ?? '', password: j.Secret}
}

/**
 * Finds credentials for a registry in Docker's config.json (as docker/login-action
 * writes it): a credHelpers entry, an `auths` entry, or the credsStore.
 */
export async function dockerCredentials(registry: string, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  let cfg: DockerConfig
  try {
    cfg = JSON.parse(await readFile(join(dockerConfigDir(env), 'config.json'), 'utf8')) as DockerConfig
  } catch {
    return undefined
  }
  const helper = cfg.credHelpers?.[registry]
  if (helper) return fromHelper(helper, registry, env)
  for (const k of keysFor(registry)) {
    const a = cfg.auths?.[k]
    if (!a) continue
    if (a.identitytoken) return {identityToken: a.identitytoken}
    if (a.auth) {
      const dec = Buffer.from(a.auth, 'base64').toString('utf8')
      const i = dec.indexOf(':')
      if (i > 0) return {username: dec.slice(0, i), password: dec.slice(i + 1)}
    }
    if (a.username && a.password) return {username: a.username, password: a.password}
  }
  if (cfg.credsStore) return fromHelper(cfg.credsStore, registry, env)
  return undefined
}
