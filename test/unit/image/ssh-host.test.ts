// Issue 8: DOCKER_HOST=ssh://. docker-modem connects with ssh2, which accepts any host key unless
// given a verifier: these check the one built from known_hosts, and what connectDocker hands it.
import {createHmac, randomBytes} from 'node:crypto'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {connectDocker} from '../../../src/image/docker.js'
import {
  fingerprint,
  hostFieldMatches,
  isEncryptedKey,
  knownHostsName,
  knownKeys,
  sshOptions,
  sshTarget,
} from '../../../src/image/ssh-host.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {keygen} from '../../helpers/sshd.js'
import {tempDir} from '../../helpers/temp-dir.js'

const hashed = (name: string): string => {
  const salt = randomBytes(20)
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`
}

describe('known_hosts host fields', () => {
  test.each([
    ['gpu.example.com', 'gpu.example.com', true],
    ['GPU.example.com', 'gpu.example.com', true],
    ['gpu.example.com', '[gpu.example.com]:2222', false],
    ['[gpu.example.com]:2222', '[gpu.example.com]:2222', true],
    ['[gpu.example.com]:2222', '[gpu.example.com]:22', false],
    ['other,gpu.example.com', 'gpu.example.com', true],
    ['*.example.com', 'gpu.example.com', true],
    ['gpu?.example.com', 'gpu1.example.com', true],
    ['*.example.com,!gpu.example.com', 'gpu.example.com', false],
    ['!gpu.example.com', 'gpu.example.com', false],
    ['gpu.example.com.evil', 'gpu.example.com', false],
    ['gpu.example.co', 'gpu.example.com', false],
    ['127.0.0.1', '127.0.0.2', false],
  ])('[%#] %s names %s: %o', (field, name, want) => {
    expect(hostFieldMatches(field, name)).toBe(want)
  })

  test('hashed names (ssh-keygen -H): the HMAC of the exact name', () => {
    expect(hostFieldMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2222')).toBe(true)
    expect(hostFieldMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2223')).toBe(false)
    expect(hostFieldMatches('|1|bad', '127.0.0.1')).toBe(false)
  })

  test('knownHostsName: [host]:port off port 22', () => {
    expect(knownHostsName('gpu', 22)).toBe('gpu')
    expect(knownHostsName('gpu', 2222)).toBe('[gpu]:2222')
  })
})

describe('knownKeys', () => {
  const blob = (s: string) => Buffer.from(s).toString('base64')
  test('the keys for the name; comments, other hosts and @cert-authority lines skipped; @revoked kept as revoked', () => {
    const text = [
      '# a comment',
      '',
      `gpu ssh-ed25519 ${blob('k1')} comment words`,
      `other ssh-ed25519 ${blob('k2')}`,
      `@cert-authority gpu ssh-ed25519 ${blob('ca')}`,
      `@revoked gpu ssh-rsa ${blob('old')}`,
      'gpu truncated',
    ].join('\n')
    expect(knownKeys(text, 'gpu')).toEqual([
      {type: 'ssh-ed25519', blob: Buffer.from('k1'), revoked: false},
      {type: 'ssh-rsa', blob: Buffer.from('old'), revoked: true},
    ])
  })
})

describe('sshOptions: the host key verifier and the identities', () => {
  function home(known: string): string {
    const h = tempDir('ssh-home-')
    mkdirSync(join(h, '.ssh'))
    writeFileSync(join(h, '.ssh', 'known_hosts'), known)
    return h
  }
  const target = {host: '127.0.0.1', port: 2222, username: 'root'}
  const key = Buffer.from('\0\0\0\x0bssh-ed25519\0\0\0\x20' + 'k'.repeat(32), 'latin1')
  const line = (name: string, k: Buffer, type = 'ssh-ed25519') => `${name} ${type} ${k.toString('base64')}\n`
  type Verify = (key: Buffer) => boolean

  test('the known key is accepted; the algorithms narrowed to its type', () => {
    const {options, state} = sshOptions(target, {HOME: home(line('[127.0.0.1]:2222', key))})
    expect((options.hostVerifier as Verify)(key)).toBe(true)
    expect(options.algorithms).toEqual({serverHostKey: ['ssh-ed25519']})
    expect(state.hostKey).toBeUndefined()
  })

  test('an unknown host: refused, with the fingerprint', () => {
    const {options, state} = sshOptions(target, {HOME: home(line('[127.0.0.1]:22', key))})
    expect((options.hostVerifier as Verify)(key)).toBe(false)
    expect(state.hostKey).toEqual({why: 'unknown', fingerprint: fingerprint(key)})
    expect(options.algorithms).toBeUndefined()
  })

  test('another key than the known one: refused as changed', () => {
    const other = Buffer.from(key)
    other[other.length - 1] = 0x41
    const {options, state} = sshOptions(target, {HOME: home(line('[127.0.0.1]:2222', other, 'ssh-rsa'))})
    expect((options.hostVerifier as Verify)(key)).toBe(false)
    expect(state.hostKey?.why).toBe('changed')
    expect(options.algorithms).toEqual({serverHostKey: ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']})
  })

  test('a revoked key: refused even when also listed as known', () => {
    const h = home(line('[127.0.0.1]:2222', key) + `@revoked ${line('*', key)}`)
    const {options, state} = sshOptions(target, {HOME: h})
    expect((options.hostVerifier as Verify)(key)).toBe(false)
    expect(state.hostKey?.why).toBe('revoked')
  })

  test('no known_hosts at all: refused as unknown', () => {
    const {options, state} = sshOptions(target, {HOME: tempDir('ssh-empty-')})
    expect((options.hostVerifier as Verify)(key)).toBe(false)
    expect(state).toMatchObject({hostKey: {why: 'unknown'}, knownHosts: []})
  })

  test('identities: the agent, the first default key without a passphrase; a key with one skipped', () => {
    const h = home('')
    keygen(join(h, '.ssh', 'id_ed25519'), 'a passphrase')
    keygen(join(h, '.ssh', 'id_ecdsa'))
    const {options, state} = sshOptions(target, {HOME: h, SSH_AUTH_SOCK: '/tmp/agent.sock'})
    expect(options.agent).toBe('/tmp/agent.sock')
    expect(options.privateKey).toBe(readFileSync(join(h, '.ssh', 'id_ecdsa'), 'utf8'))
    expect(state.tried).toEqual(['ssh-agent (SSH_AUTH_SOCK)', `key ${join(h, '.ssh', 'id_ecdsa')}`])
    expect(state.skipped).toEqual([`${join(h, '.ssh', 'id_ed25519')} (it has a passphrase: add it to ssh-agent)`])
  })

  test('isEncryptedKey: OpenSSH and PEM forms', () => {
    const d = tempDir('ssh-keys-')
    keygen(join(d, 'plain'))
    keygen(join(d, 'locked'), 'pw')
    expect(isEncryptedKey(readFileSync(join(d, 'plain'), 'utf8'))).toBe(false)
    expect(isEncryptedKey(readFileSync(join(d, 'locked'), 'utf8'))).toBe(true)
    expect(isEncryptedKey('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n')).toBe(true)
    expect(isEncryptedKey('-----BEGIN ENCRYPTED PRIVATE KEY-----\n')).toBe(true)
  })
})

describe('sshTarget and connectDocker with ssh://', () => {
  test.each([
    ['ssh://root@gpu.example.com', {host: 'gpu.example.com', port: 22, username: 'root'}],
    ['ssh://ci@10.0.0.5:2222', {host: '10.0.0.5', port: 2222, username: 'ci'}],
    ['ssh://ci@[::1]:2222', {host: '::1', port: 2222, username: 'ci'}],
    ['ssh://gpu', {host: 'gpu', port: 22, username: 'runner'}],
  ])('[%#] %s', (host, want) => {
    expect(sshTarget(host, {USER: 'runner'})).toEqual(want)
  })

  test.each([
    ['ssh://root:hunter2@gpu', 'holds an ssh password'],
    ['ssh://root@gpu/var/run/docker.sock', 'nothing after the host'],
    ['ssh://root@gpu?x=1', 'nothing after the host'],
  ])('[%#] %s is a ConfigError on DOCKER_HOST', (host, words) => {
    expect(() => connectDocker({DOCKER_HOST: host})).toThrow(
      expect.objectContaining({constructor: ConfigError, where: {key: 'DOCKER_HOST'}}),
    )
    expect(() => connectDocker({DOCKER_HOST: host})).toThrow(words)
    expect(() => connectDocker({DOCKER_HOST: host})).not.toThrow('hunter2')
  })

  test('connectDocker gives docker-modem the ssh target and the verifier, never accepting any key', () => {
    const h = tempDir('ssh-home-')
    const {docker, host} = connectDocker({DOCKER_HOST: 'ssh://ci@gpu.example.com:2222', HOME: h})
    expect(host).toBe('ssh://ci@gpu.example.com:2222')
    const m = docker.modem as unknown as {
      protocol: string
      host: string
      port: number
      username: string
      sshOptions: {hostVerifier?: unknown}
    }
    expect({protocol: m.protocol, host: m.host, port: m.port, username: m.username}).toEqual({
      protocol: 'ssh',
      host: 'gpu.example.com',
      port: 2222,
      username: 'ci',
    })
    expect(typeof m.sshOptions.hostVerifier).toBe('function')
  })

  test('other schemes name ssh:// among the supported ones', () => {
    expect(() => connectDocker({DOCKER_HOST: 'npipe:////./pipe/docker'})).toThrow(/ssh:\/\/user@host\[:port\]/)
  })
})
