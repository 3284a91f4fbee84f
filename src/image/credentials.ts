import {readFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {exec} from '../kit/exec.js'
import {AuthError, ConfigError, getErrorMessage} from '../kit/errors.js'

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

/** What Docker itself accepts after `docker-credential-`: a bare program name, never a path. */
const HELPER_NAME = /^[A-Za-z0-9._-]+$/

function checkHelper(name: unknown, file: string, key: string): string {
  if (typeof name !== 'string' || !HELPER_NAME.test(name)) {
    throw new ConfigError(
      `${key} in ${file} names the credential helper ${JSON.stringify(name)}, which is not a helper name (letters, digits, '.', '_', '-'; no path)`,
      {file, key},
      {hint: 'Name an installed docker-credential-<name> program, e.g. "credsStore": "secretservice".'},
    )
  }
  return name
}

/** The helper's answer, or undefined when it is not the JSON object Docker defines. */
function parseHelperOutput(out: Buffer): {Username?: string; Secret?: string} | undefined {
  let j: unknown
  try {
    j = JSON.parse(out.toString('utf8'))
  } catch {
    return undefined
  }
  if (j === null || typeof j !== 'object' || Array.isArray(j)) return undefined
  const {Username, Secret} = j as Record<string, unknown>
  if (Secret !== undefined && typeof Secret !== 'string') return undefined
  if (Username !== undefined && typeof Username !== 'string') return undefined
  return {...(Username === undefined ? {} : {Username}), ...(Secret === undefined ? {} : {Secret})}
}

async function fromHelper(helper: string, registry: string, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry
  let r
  try {
    r = await exec(`docker-credential-${helper}`, ['get'], {input: server, env})
  } catch (e: unknown) {
    throw new AuthError(`credential helper docker-credential-${helper} could not be run: ${getErrorMessage(e)}`)
  }
  if (r.code !== 0) {
    if (/credentials not found/i.test(r.stdout.toString() + r.stderr)) return undefined
    throw new AuthError(
      `credential helper docker-credential-${helper} failed for ${registry}: ${r.stderr.trim().slice(0, 500) || `exit ${r.code}`}`,
    )
  }
  // Never echo the output: a JSON parse error quotes it, and it holds the secret.
  const j = parseHelperOutput(r.stdout)
  if (!j) {
    throw new AuthError(
      `credential helper docker-credential-${helper} answered ${registry} with malformed output (not {"Username": ..., "Secret": ...} JSON); it is not shown, as it may hold the secret`,
    )
  }
  const {Secret: secret, Username: user} = j
  if (!secret) return undefined
  return user === '<token>' ? {identityToken: secret} : {username: user ?? '', password: secret}
}

/**
 * Finds credentials for a registry in Docker's config.json (as docker/login-action
 * writes it): a credHelpers entry, an `auths` entry, or the credsStore.
 */
export async function dockerCredentials(registry: string, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  const file = join(dockerConfigDir(env), 'config.json')
  let cfg: DockerConfig
  try {
    cfg = JSON.parse(await readFile(file, 'utf8')) as DockerConfig
  } catch {
    return undefined
  }
  const helper = cfg.credHelpers?.[registry]
  if (helper) return fromHelper(checkHelper(helper, file, `credHelpers.${registry}`), registry, env)
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
  if (cfg.credsStore) return fromHelper(checkHelper(cfg.credsStore, file, 'credsStore'), registry, env)
  return undefined
}
