import {createHash, createHmac, timingSafeEqual} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {homedir, userInfo} from 'node:os'
import {join} from 'node:path'
import {AuthError, ConfigError, ServiceError, getErrorMessage} from '../kit/errors.js'

/*
 * What docker-modem needs to reach an engine at ssh://user@host:port: it connects with ssh2 and
 * runs `docker system dial-stdio` there. ssh2 accepts any host key unless told otherwise, so the
 * key is checked here against known_hosts, as ssh(1) does without a terminal
 * (StrictHostKeyChecking=ask, which refuses what it cannot ask about): an unknown host or a changed
 * key is refused. Authentication: the ssh-agent (SSH_AUTH_SOCK), and the first default key
 * (~/.ssh/id_ed25519, id_ecdsa, id_rsa) that has no passphrase.
 */

/** Where a DOCKER_HOST of ssh:// points. */
export interface SshTarget {
  host: string
  port: number
  username: string
}

/** What happened during a connection, for the error message. */
export interface SshState {
  target: SshTarget
  /** How the client may authenticate, in words (`ssh-agent`, `key ~/.ssh/id_ed25519`). */
  tried: string[]
  /** Keys left out, with why. */
  skipped: string[]
  /** Set when the host key was refused. */
  hostKey?: {why: 'unknown' | 'changed' | 'revoked'; fingerprint: string} | undefined
  /** The known_hosts files read. */
  knownHosts: string[]
}

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa']

/** The name a host has in known_hosts: `host`, or `[host]:port` off port 22. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`
}

/** `SHA256:…`, as ssh-keygen -l prints a key's fingerprint. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|')
    if (!salt || !hash) return false
    const want = Buffer.from(hash, 'base64')
    const got = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest()
    return want.length === got.length && timingSafeEqual(want, got)
  }
  const re = new RegExp(
    `^${pattern
      .toLowerCase()
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  )
  return re.test(name.toLowerCase())
}

/** Whether a known_hosts host field (comma-separated patterns, `!` negations, hashed names) names `name`. */
export function hostFieldMatches(field: string, name: string): boolean {
  let hit = false
  for (const p of field.split(',')) {
    if (p.startsWith('!')) {
      if (patternMatches(p.slice(1), name)) return false
    } else if (patternMatches(p, name)) hit = true
  }
  return hit
}

interface KnownKey {
  type: string
  blob: Buffer
  revoked: boolean
}

/** The keys known_hosts text holds for `name` (certificate authorities are not supported, and skipped). */
export function knownKeys(text: string, name: string): KnownKey[] {
  const out: KnownKey[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const f = line.split(/\s+/)
    let marker: string | undefined
    if (f[0]?.startsWith('@')) marker = f.shift()
    if (marker === '@cert-authority') continue
    const [hosts, type, key] = f
    if (!hosts || !type || !key || !hostFieldMatches(hosts, name)) continue
    out.push({type, blob: Buffer.from(key, 'base64'), revoked: marker === '@revoked'})
  }
  return out
}

/** The host key algorithms that give a key of this known_hosts type (RSA keys sign with several). */
function algorithmsFor(type: string): string[] {
  return type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type]
}

/** Whether a private key file is protected by a passphrase (OpenSSH or PEM format). */
export function isEncryptedKey(text: string): boolean {
  if (/^Proc-Type:.*ENCRYPTED/m.test(text) || text.includes('BEGIN ENCRYPTED PRIVATE KEY')) return true
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text)
  if (!m) return false
  const b = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')
  const magic = 'openssh-key-v1\0'
  if (b.subarray(0, magic.length).toString('latin1') !== magic || b.length < magic.length + 4) return false
  const n = b.readUInt32BE(magic.length)
  return b.subarray(magic.length + 4, magic.length + 4 + n).toString('latin1') !== 'none'
}

const readText = (p: string): string | undefined => {
  try {
    return readFileSync(p, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * The target of an ssh:// DOCKER_HOST, read with the WHATWG URL parser as docker-modem reads it.
 * A password in it, or a path after the host, is a ConfigError.
 */
export function sshTarget(dockerHost: string, env: Readonly<Record<string, string | undefined>>): SshTarget {
  let u: URL
  try {
    u = new URL(dockerHost)
  } catch {
    throw new ConfigError(`DOCKER_HOST '${dockerHost}' is not a URL: use ssh://user@host[:port]`, {key: 'DOCKER_HOST'})
  }
  if (u.password) {
    throw new ConfigError(
      'DOCKER_HOST holds an ssh password: refused (it would be logged with the host); use a key, through ssh-agent or ~/.ssh/id_*',
      {key: 'DOCKER_HOST'},
    )
  }
  if ((u.pathname && u.pathname !== '/') || u.search || u.hash || !u.hostname) {
    throw new ConfigError(`DOCKER_HOST '${dockerHost}' must be ssh://user@host[:port], with nothing after the host`, {
      key: 'DOCKER_HOST',
    })
  }
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port || 22),
    username: decodeURIComponent(u.username) || env.USER || env.LOGNAME || userInfo().username,
  }
}

/**
 * ssh2 connection options for `target` (docker-modem's `sshOptions`): the agent, a default key
 * without passphrase, and a host key verifier over ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts,
 * with the host key algorithms narrowed to the types known for the host (as ssh(1) prefers them).
 */
export function sshOptions(
  target: SshTarget,
  env: Readonly<Record<string, string | undefined>>,
): {options: Record<string, unknown>; state: SshState} {
  const home = env.HOME || homedir()
  const ssh = join(home, '.ssh')
  const state: SshState = {target, tried: [], skipped: [], knownHosts: []}
  const options: Record<string, unknown> = {readyTimeout: 20_000}
  if (env.SSH_AUTH_SOCK) {
    options.agent = env.SSH_AUTH_SOCK
    state.tried.push('ssh-agent (SSH_AUTH_SOCK)')
  }
  for (const name of DEFAULT_KEYS) {
    const path = join(ssh, name)
    const text = readText(path)
    if (text === undefined) continue
    if (isEncryptedKey(text)) {
      state.skipped.push(`${path} (it has a passphrase: add it to ssh-agent)`)
      continue
    }
    options.privateKey = text
    state.tried.push(`key ${path}`)
    break
  }
  const name = knownHostsName(target.host, target.port)
  const known: KnownKey[] = []
  for (const file of [join(ssh, 'known_hosts'), '/etc/ssh/ssh_known_hosts']) {
    const text = readText(file)
    if (text === undefined) continue
    state.knownHosts.push(file)
    known.push(...knownKeys(text, name))
  }
  const trusted = known.filter(k => !k.revoked)
  if (trusted.length) options.algorithms = {serverHostKey: [...new Set(trusted.flatMap(k => algorithmsFor(k.type)))]}
  options.hostVerifier = (key: Buffer): boolean => {
    const fp = fingerprint(key)
    if (known.some(k => k.revoked && k.blob.equals(key))) state.hostKey = {why: 'revoked', fingerprint: fp}
    else if (trusted.some(k => k.blob.equals(key))) return true
    else state.hostKey = {why: trusted.length ? 'changed' : 'unknown', fingerprint: fp}
    return false
  }
  return {options, state}
}

/** The error for a failure to reach an engine over ssh, naming the host and what went wrong. */
export function sshFailure(e: unknown, state: SshState, dockerHost: string): Error {
  const {host, port, username} = state.target
  const at = `${username}@${host}:${port}`
  const err = e as NodeJS.ErrnoException & {level?: string}
  if (state.hostKey) {
    const {why, fingerprint: fp} = state.hostKey
    const files = state.knownHosts.length ? state.knownHosts.join(', ') : `no known_hosts file`
    const scan = `ssh-keyscan${port === 22 ? '' : ` -p ${port}`} ${host} >> ~/.ssh/known_hosts`
    const words = {
      unknown: `is not in known_hosts (${files}): refused, as ssh does without a terminal`,
      changed: `is not the one known_hosts (${files}) holds for ${knownHostsName(host, port)}: refused (the host was reinstalled, or someone is in between)`,
      revoked: `is marked @revoked in known_hosts (${files}): refused`,
    }[why]
    return new AuthError(`ssh ${at}: the host key ${fp} ${words}`, {
      cause: e,
      hint: `Check the fingerprint with the host's owner, then add the key: ${scan} (in a workflow, write the line to ~/.ssh/known_hosts from a secret).`,
    })
  }
  if (err.level === 'client-authentication') {
    const tried = state.tried.length ? state.tried.join(', ') : 'nothing: no ssh-agent and no default key'
    const skipped = state.skipped.length ? `; skipped ${state.skipped.join(', ')}` : ''
    return new AuthError(`ssh ${at}: authentication failed (tried ${tried}${skipped})`, {
      cause: e,
      hint: `Authorize a key for ${username} on ${host}, and load it into ssh-agent (webfactory/ssh-agent) or write it to ~/.ssh/id_ed25519.`,
    })
  }
  const code = err.code ?? (err.level === 'client-timeout' ? 'timed out' : undefined)
  if (code && code !== 'ECONNRESET')
    return new ServiceError(`Docker engine at ${dockerHost}`, 'ping', `ssh to ${at} failed: unreachable (${code})`, {
      cause: e,
      hint: `Check that ${host} accepts ssh on port ${port} from here.`,
    })
  return new ServiceError(
    `Docker engine at ${dockerHost}`,
    'ping',
    `ssh to ${at} worked, but \`docker system dial-stdio\` there did not answer: ${getErrorMessage(e)}`,
    {cause: e, hint: `Check that \`docker info\` works on ${host} for the user ${username}.`},
  )
}
