// Docker's config.json as docker/login-action and `docker login` leave it: `auths` entries,
// per-registry `credHelpers` and the `credsStore`. Helpers are real `docker-credential-<name>`
// shell scripts, found on the PATH of the environment passed in. (Malformed helper output and
// helper names that are paths are covered in test/attacks/registry.test.ts.)
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {dockerConfigDir, dockerCredentials, type Credentials} from '../../../src/image/credentials.js'
import {AuthError} from '../../../src/kit/errors.js'
import {tempDir} from '../../helpers/temp-dir.js'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

/** What a helper does for one server URL: prints `out` (stdout) and `err` (stderr), exits `code`. */
interface Answer {
  out?: string
  err?: string
  code?: number
}

/**
 * A `docker-credential-<name>` script that logs each call (`<args> <stdin>`) and answers by
 * the server URL it reads on stdin; any other server gets Docker's "not found" answer.
 */
function helperScript(log: string, answers: Record<string, Answer>): string {
  const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  const cases = Object.entries(answers).map(
    ([server, a]) =>
      `  ${sq(server)}) printf '%s' ${sq(a.out ?? '')}; printf '%s' ${sq(a.err ?? '')} >&2; exit ${a.code ?? 0} ;;`,
  )
  return [
    '#!/bin/sh',
    'server=$(cat)',
    `printf '%s %s\\n' "$*" "$server" >> ${sq(log)}`,
    'case "$server" in',
    ...cases,
    `  *) echo 'credentials not found in native keychain'; exit 1 ;;`,
    'esac',
    '',
  ].join('\n')
}

interface Setup {
  config?: object | string
  /** docker-credential-<name> scripts to put on PATH, by name. */
  helpers?: Record<string, Record<string, Answer> | string>
  /** Put config.json in $HOME/.docker instead of $DOCKER_CONFIG. */
  viaHome?: boolean
}

/** A Docker config dir and helper bin dir in a temp dir, and the environment that finds them. */
function setup(s: Setup): {dir: string; env: NodeJS.ProcessEnv; calls: (name: string) => string[]} {
  const dir = tempDir('creds-')
  const bin = join(dir, 'bin')
  const cfgDir = s.viaHome ? join(dir, 'home', '.docker') : join(dir, 'docker-config')
  mkdirSync(bin)
  mkdirSync(cfgDir, {recursive: true})
  if (s.config !== undefined)
    writeFileSync(join(cfgDir, 'config.json'), typeof s.config === 'string' ? s.config : JSON.stringify(s.config))
  for (const [name, h] of Object.entries(s.helpers ?? {})) {
    const file = join(bin, `docker-credential-${name}`)
    writeFileSync(file, typeof h === 'string' ? h : helperScript(join(dir, `${name}.log`), h))
    chmodSync(file, 0o755)
  }
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    ...(s.viaHome ? {HOME: join(dir, 'home')} : {DOCKER_CONFIG: cfgDir, HOME: join(dir, 'nowhere')}),
  }
  const calls = (name: string): string[] => {
    try {
      return readFileSync(join(dir, `${name}.log`), 'utf8')
        .split('\n')
        .filter(Boolean)
    } catch {
      return []
    }
  }
  return {dir, env, calls}
}

const found = (registry: string, s: Setup): Promise<Credentials | undefined> =>
  dockerCredentials(registry, setup(s).env)

describe('dockerConfigDir', () => {
  test.each([
    [{DOCKER_CONFIG: '/cfg', HOME: '/home/u'}, '/cfg'],
    [{HOME: '/home/u'}, '/home/u/.docker'],
    [{DOCKER_CONFIG: '', HOME: '/home/u'}, '/home/u/.docker'],
    [{}, join(homedir(), '.docker')],
  ])('[%#] %o: %s', (env, dir) => {
    expect(dockerConfigDir(env)).toBe(dir)
  })
})

describe('auths entries', () => {
  test.each<[string, Record<string, object>, Credentials | undefined]>([
    ['ghcr.io', {'ghcr.io': {auth: b64('bot:pw')}}, {username: 'bot', password: 'pw'}],
    // only the first ':' separates: a password may hold more
    ['ghcr.io', {'ghcr.io': {auth: b64('bot:p:w:')}}, {username: 'bot', password: 'p:w:'}],
    ['ghcr.io', {'ghcr.io': {username: 'bot', password: 'pw'}}, {username: 'bot', password: 'pw'}],
    ['ghcr.io', {'ghcr.io': {identitytoken: 'refresh-1'}}, {identityToken: 'refresh-1'}],
    // an identity token wins over a username and password in the same entry
    ['ghcr.io', {'ghcr.io': {auth: b64('bot:pw'), identitytoken: 'refresh-1'}}, {identityToken: 'refresh-1'}],
    // `auth` that is not user:password falls back to the explicit fields, or nothing
    [
      'ghcr.io',
      {'ghcr.io': {auth: b64('no-colon'), username: 'bot', password: 'pw'}},
      {username: 'bot', password: 'pw'},
    ],
    ['ghcr.io', {'ghcr.io': {auth: b64(':pw')}}, undefined],
    ['ghcr.io', {'ghcr.io': {username: 'bot'}}, undefined],
    ['ghcr.io', {'ghcr.io': {}}, undefined],
    // the keys `docker login` has written for a registry over the years
    ['ghcr.io', {'https://ghcr.io': {auth: b64('a:1')}}, {username: 'a', password: '1'}],
    ['ghcr.io', {'http://ghcr.io': {auth: b64('a:1')}}, {username: 'a', password: '1'}],
    ['ghcr.io', {'https://ghcr.io/v1/': {auth: b64('a:1')}}, {username: 'a', password: '1'}],
    ['ghcr.io', {'https://ghcr.io/v2/': {auth: b64('a:1')}}, {username: 'a', password: '1'}],
    ['localhost:5000', {'localhost:5000': {auth: b64('a:1')}}, {username: 'a', password: '1'}],
    // the bare name comes first
    ['ghcr.io', {'https://ghcr.io': {auth: b64('a:1')}, 'ghcr.io': {auth: b64('b:2')}}, {username: 'b', password: '2'}],
    // Docker Hub's names
    ['docker.io', {'https://index.docker.io/v1/': {auth: b64('hub:1')}}, {username: 'hub', password: '1'}],
    ['docker.io', {'index.docker.io': {auth: b64('hub:1')}}, {username: 'hub', password: '1'}],
    ['docker.io', {'docker.io': {auth: b64('hub:1')}}, {username: 'hub', password: '1'}],
    ['docker.io', {'registry-1.docker.io': {auth: b64('hub:1')}}, {username: 'hub', password: '1'}],
    [
      'docker.io',
      {'registry-1.docker.io': {auth: b64('b:2')}, 'https://index.docker.io/v1/': {auth: b64('a:1')}},
      {username: 'a', password: '1'},
    ],
    // entries of other registries, however alike, are never used
    ['ghcr.io', {'ghcr.io.evil.com': {auth: b64('a:1')}, 'https://evil.com/ghcr.io': {auth: b64('a:1')}}, undefined],
    ['ghcr.io', {'GHCR.IO': {auth: b64('a:1')}}, undefined],
    ['docker.io', {'https://index.docker.io/v2/': {auth: b64('a:1')}}, undefined],
    ['quay.io', {'https://index.docker.io/v1/': {auth: b64('a:1')}}, undefined],
  ])('[%#] %s with auths %o: %o', async (registry, auths, expected) => {
    expect(await found(registry, {config: {auths}})).toEqual(expected)
  })

  test.each([
    ['no config.json', undefined],
    ['a config.json that is not JSON', '{"auths": {'],
    ['no auths', {}],
  ])('[%#] %s: no credentials', async (_what, config) => {
    expect(await found('ghcr.io', config === undefined ? {} : {config})).toBeUndefined()
  })
})

describe('credential helpers (credHelpers and credsStore), real docker-credential-* programs', () => {
  const answer = (user: string, secret: string, server = 'ghcr.io'): Answer => ({
    out: JSON.stringify({ServerURL: server, Username: user, Secret: secret}),
  })

  test('credHelpers names the helper for its registry; it is asked `get` with the server on stdin', async () => {
    const s = setup({
      config: {credHelpers: {'ghcr.io': 'gh'}, auths: {'ghcr.io': {auth: b64('stale:old')}}},
      helpers: {gh: {'ghcr.io': answer('bot', 'from-helper')}},
    })
    // the helper wins over an auths entry for the same registry
    expect(await dockerCredentials('ghcr.io', s.env)).toEqual({username: 'bot', password: 'from-helper'})
    expect(s.calls('gh')).toEqual(['get ghcr.io'])
  })

  test('a helper for another registry is not asked; auths and then credsStore are', async () => {
    const s = setup({
      config: {credHelpers: {'quay.io': 'quay'}, credsStore: 'store', auths: {'ghcr.io': {auth: b64('a:1')}}},
      helpers: {quay: {}, store: {'docker.io': answer('x', 'y')}},
    })
    expect(await dockerCredentials('ghcr.io', s.env)).toEqual({username: 'a', password: '1'})
    expect(s.calls('quay')).toEqual([])
    expect(s.calls('store')).toEqual([])
  })

  test('credsStore answers registries without an entry of their own; Docker Hub is asked by its v1 URL', async () => {
    const s = setup({
      config: {credsStore: 'store', auths: {'ghcr.io': {}}},
      helpers: {
        store: {
          'ghcr.io': answer('gh-user', 'gh-secret'),
          'https://index.docker.io/v1/': answer('hub-user', 'hub-secret', 'https://index.docker.io/v1/'),
        },
      },
    })
    expect(await dockerCredentials('ghcr.io', s.env)).toEqual({username: 'gh-user', password: 'gh-secret'})
    expect(await dockerCredentials('docker.io', s.env)).toEqual({username: 'hub-user', password: 'hub-secret'})
    expect(s.calls('store')).toEqual(['get ghcr.io', 'get https://index.docker.io/v1/'])
  })

  test.each<[string, Answer, Credentials | undefined]>([
    ['a username and secret', answer('bot', 's3'), {username: 'bot', password: 's3'}],
    ['the <token> username: an identity token', answer('<token>', 'refresh-9'), {identityToken: 'refresh-9'}],
    ['no username', {out: JSON.stringify({Secret: 's3'})}, {username: '', password: 's3'}],
    ['an empty secret', answer('bot', ''), undefined],
    ['no secret', {out: JSON.stringify({Username: 'bot'})}, undefined],
    [
      '"credentials not found" on stdout, exit 1',
      {out: 'credentials not found in native keychain\n', code: 1},
      undefined,
    ],
    ['"Credentials not found" on stderr, exit 1', {err: 'Credentials not found\n', code: 1}, undefined],
  ])('[%#] the helper answers %s: %o', async (_what, a, expected) => {
    expect(await found('ghcr.io', {config: {credsStore: 'store'}, helpers: {store: {'ghcr.io': a}}})).toEqual(expected)
  })

  test('a helper asked for a registry it does not know: no credentials', async () => {
    expect(await found('quay.io', {config: {credHelpers: {'quay.io': 'gh'}}, helpers: {gh: {}}})).toBeUndefined()
  })

  test.each<[string, Answer, RegExp]>([
    [
      'exits 1 with a message',
      {err: 'error getting credentials - err: exit status 1, out: `dbus not running`\n', code: 1},
      /^credential helper docker-credential-store failed for ghcr\.io: error getting credentials .*dbus not running`$/,
    ],
    ['exits 3 and says nothing', {code: 3}, /^credential helper docker-credential-store failed for ghcr\.io: exit 3$/],
  ])('[%#] a helper that fails (%s) is an AuthError naming it and the registry', async (_what, a, message) => {
    const err = await found('ghcr.io', {config: {credsStore: 'store'}, helpers: {store: {'ghcr.io': a}}}).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AuthError)
    expect((err as AuthError).message).toMatch(message)
  })

  test('a helper message is cut at 500 characters', async () => {
    const err = await found('ghcr.io', {
      config: {credsStore: 'store'},
      helpers: {store: {'ghcr.io': {err: 'x'.repeat(2000), code: 1}}},
    }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect((err as AuthError).message).toBe(
      `credential helper docker-credential-store failed for ghcr.io: ${'x'.repeat(500)}`,
    )
  })

  test('a helper that is not installed is an AuthError saying it could not be run', async () => {
    const err = await found('ghcr.io', {config: {credHelpers: {'ghcr.io': 'missing'}}}).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AuthError)
    expect((err as AuthError).message).toMatch(
      /^credential helper docker-credential-missing could not be run: .*ENOENT/,
    )
  })

  test('the helper runs with the environment passed in, not the process environment', async () => {
    const s = setup({
      config: {credsStore: 'envecho'},
      helpers: {envecho: '#!/bin/sh\ncat >/dev/null\nprintf \'{"Username":"%s","Secret":"s"}\' "$WHO"\n'},
    })
    process.env.WHO = 'from-process'
    expect(await dockerCredentials('ghcr.io', {...s.env, WHO: 'from-env'})).toEqual({
      username: 'from-env',
      password: 's',
    })
  })
})

describe('where config.json is found', () => {
  test('$HOME/.docker/config.json when DOCKER_CONFIG is not set', async () => {
    expect(await found('ghcr.io', {viaHome: true, config: {auths: {'ghcr.io': {auth: b64('h:1')}}}})).toEqual({
      username: 'h',
      password: '1',
    })
  })

  test('DOCKER_CONFIG wins over $HOME/.docker', async () => {
    const s = setup({viaHome: true, config: {auths: {'ghcr.io': {auth: b64('home:1')}}}})
    const other = setup({config: {auths: {'ghcr.io': {auth: b64('docker-config:2')}}}})
    expect(await dockerCredentials('ghcr.io', {...s.env, DOCKER_CONFIG: other.env.DOCKER_CONFIG})).toEqual({
      username: 'docker-config',
      password: '2',
    })
  })

  test('the environment passed in is read, not process.env', async () => {
    const s = setup({config: {auths: {'ghcr.io': {auth: b64('a:1')}}}})
    process.env.DOCKER_CONFIG = join(s.dir, 'elsewhere')
    expect(await dockerCredentials('ghcr.io', s.env)).toEqual({username: 'a', password: '1'})
  })
})
