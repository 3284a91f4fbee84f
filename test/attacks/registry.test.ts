// Issue 7, findings 1-4: registry credentials reach only the registry (and the token
// realms known or configured for it), never over plain HTTP except on loopback, never
// through a redirect; token bodies are capped; docker-modem's debug output and a
// credential helper's malformed output do not leak secrets.
import {spawn} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {dockerCredentials} from '../../src/image/credentials.js'
import {registryAuthSecrets} from '../../src/image/docker.js'
import {parseRef} from '../../src/image/ref.js'
import {checkRealm, RegistryClient} from '../../src/image/registry.js'
import {AuthError, ConfigError, ServiceError} from '../../src/kit/errors.js'
import {body, fakeEngine as engineOn, serversPerTest, type Server} from '../helpers/http-server.js'
import {RecordingIO} from '../helpers/recording-io.js'
import {ROOT} from '../helpers/workspace.js'

const serve = serversPerTest()

const DIGEST = 'sha256:' + 'b'.repeat(64)
const USER = 'ci-bot'
const PASSWORD = 'hunter2-registry-password'
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
const fast = {retryAfterBase: 1, timeoutMs: 5000, retries: 0}
const ref = (s: Server) => parseRef(`${s.host}/team/trainer:fb83ac1`)

describe('finding 1: credentials go only to the registry or a realm known or configured for it', () => {
  test('a realm on another host is refused, naming the host and how to allow it; the password never leaves', async () => {
    const attacker = await serve((_req, res) => res.writeHead(200).end(JSON.stringify({token: 'evil'})))
    const registry = await serve((_req, res) =>
      res
        .writeHead(401, {'www-authenticate': `Bearer realm="http://localhost:${attacker.port}/token",service="r"`})
        .end(),
    )
    const c = new RegistryClient({...fast, credentials: {username: USER, password: PASSWORD}})
    const err = await c.manifest(ref(registry)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AuthError)
    expect((err as AuthError).message).toContain(`localhost:${attacker.port}`)
    expect((err as AuthError).hint).toMatch(/image\.auth-realms/)
    expect((err as AuthError).hint).toMatch(/auth-realms input/)
    expect(attacker.requests).toEqual([])
  })

  test('the refresh token is not POSTed to a realm on another host either', async () => {
    const seen: string[] = []
    const attacker = await serve(async (req, res) => {
      seen.push(await body(req))
      res.writeHead(200).end(JSON.stringify({access_token: 'evil'}))
    })
    const registry = await serve((_req, res) =>
      res.writeHead(401, {'www-authenticate': `Bearer realm="http://localhost:${attacker.port}/token"`}).end(),
    )
    const c = new RegistryClient({...fast, credentials: {identityToken: 'refresh-secret-42'}})
    await expect(c.manifest(ref(registry))).rejects.toBeInstanceOf(AuthError)
    expect(attacker.requests).toEqual([])
    expect(seen.join('')).not.toContain('refresh-secret-42')
  })

  test('a 307 to another host and that host’s challenge get no credentials, and its token never reaches the registry', async () => {
    const attacker = await serve((req, res) => {
      if ((req.url ?? '').startsWith('/token'))
        return void res.writeHead(200).end(JSON.stringify({token: 'evil-token'}))
      res.writeHead(401, {'www-authenticate': `Bearer realm="${attacker.url}/token",service="evil"`}).end()
    })
    const registry = await serve((req, res) => res.writeHead(307, {location: `${attacker.url}${req.url ?? '/'}`}).end())
    const c = new RegistryClient({...fast, credentials: {username: USER, password: PASSWORD}})
    await expect(c.manifest(ref(registry))).rejects.toBeInstanceOf(AuthError)
    expect(attacker.requests.map(r => r.headers.authorization)).not.toContain(BASIC)
    expect(attacker.requests.filter(r => r.headers.authorization !== undefined)).toEqual([])
    expect(registry.requests.map(r => r.headers.authorization)).not.toContain('Bearer evil-token')
  })

  test('a redirect of the token request itself is not followed with the credentials', async () => {
    const attacker = await serve((_req, res) => res.writeHead(200).end(JSON.stringify({token: 'evil'})))
    const registry = await serve((req, res) => {
      if ((req.url ?? '').startsWith('/token'))
        return void res.writeHead(307, {location: `${attacker.url}/token`}).end()
      res.writeHead(401, {'www-authenticate': `Bearer realm="${registry.url}/token",service="r"`}).end()
    })
    const c = new RegistryClient({...fast, credentials: {username: USER, password: PASSWORD}})
    await expect(c.manifest(ref(registry))).rejects.toThrow(/redirect/)
    expect(attacker.requests).toEqual([])
  })

  test('a realm host allowed in the configuration gets the token request', async () => {
    const auth = await serve((req, res) => {
      if (req.headers.authorization !== BASIC) return void res.writeHead(401).end()
      res.writeHead(200).end(JSON.stringify({token: 'good'}))
    })
    const registry = await serve((req, res) => {
      if (req.headers.authorization === 'Bearer good')
        return void res.writeHead(200, {'docker-content-digest': DIGEST}).end()
      res.writeHead(401, {'www-authenticate': `Bearer realm="http://localhost:${auth.port}/token",service="r"`}).end()
    })
    const c = new RegistryClient({
      ...fast,
      credentials: {username: USER, password: PASSWORD},
      authRealms: [`localhost:${auth.port}`],
    })
    expect(await c.manifest(ref(registry))).toEqual({exists: true, digest: DIGEST})
  })

  const refused: [string, string][] = [
    ['ghcr.io', 'https://ghcr.io.evil.com/token'],
    ['ghcr.io', 'https://ghcr.io@evil.com/token'],
    ['ghcr.io', 'https://ghcr.io:443@evil.com/token'],
    ['ghcr.io', 'https://user:pw@ghcr.io/token'],
    ['ghcr.io', 'https://evil.com/ghcr.io/token'],
    ['ghcr.io', 'https://evil.com/token?ghcr.io'],
    ['ghcr.io', 'https://evilghcr.io/token'],
    ['ghcr.io', 'https://sub.ghcr.io/token'],
    ['ghcr.io', 'https://ghcr.io./token'],
    ['ghcr.io', 'http://ghcr.io/token'],
    ['ghcr.io', 'ftp://ghcr.io/token'],
    ['ghcr.io', '/token'],
    ['docker.io', 'https://auth.docker.io.evil.com/token'],
    ['docker.io', 'https://evil-auth.docker.io/token'],
    ['docker.io', 'http://auth.docker.io/token'],
    ['registry.gitlab.com', 'https://gitlab.com.evil.org/jwt/auth'],
    ['registry.gitlab.com', 'https://evil.gitlab.com/jwt/auth'],
    ['us-docker.pkg.dev', 'https://evil-docker.pkg.dev/v2/token'],
    ['quay.io', 'https://quay.io.evil/v2/auth'],
    ['127.0.0.1:5000', 'http://localhost:5000/token'],
    ['127.0.0.1:5000', 'http://127.0.0.1:6001/token'],
  ]
  test.each(refused)('[%#] registry %s: realm %s is refused', (registry, realm) => {
    expect(() => checkRealm(realm, registry)).toThrow(AuthError)
  })

  const allowed: [string, string, string[]][] = [
    ['ghcr.io', 'https://ghcr.io/token', []],
    ['docker.io', 'https://auth.docker.io/token', []],
    ['registry.gitlab.com', 'https://gitlab.com/jwt/auth', []],
    ['us-docker.pkg.dev', 'https://us-docker.pkg.dev/v2/token', []],
    ['quay.io', 'https://quay.io/v2/auth', []],
    ['reg.example.com', 'https://auth.example.com/token', ['auth.example.com']],
    ['reg.example.com', 'https://reg.example.com:5001/token', ['reg.example.com:5001']],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000/token', []],
  ]
  test.each(allowed)('[%#] registry %s: realm %s is allowed', (registry, realm, configured) => {
    expect(checkRealm(realm, registry, configured).toString()).toBe(new URL(realm).toString())
  })

  test('credentials never go over plain HTTP to a registry off loopback', () => {
    expect(() => checkRealm('http://reg.example.com/token', 'reg.example.com', ['reg.example.com'])).toThrow(
      /plain HTTP/,
    )
  })
})

describe('finding 2: DEBUG=modem does not print the push credentials', () => {
  const fakeEngine = () => engineOn(serve, DIGEST)

  // Run the real module in a fresh Node process that starts with DEBUG=modem, as a user would.
  const hooks = `export async function resolve(s, c, n) { try { return await n(s, c) } catch (e) { if (/^\\.\\.?\\//.test(s) && s.endsWith('.js')) return n(s.slice(0, -3) + '.ts', c); throw e } }`
  const loader = `data:text/javascript,${encodeURIComponent(`import {register} from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hooks))})`)}`

  test.each([['modem'], ['*'], ['app,modem']])(
    '[%#] a push with DEBUG=%s leaves neither the password nor X-Registry-Auth in the output',
    async debug => {
      const {engine, auths} = await fakeEngine()
      const script = `
      const {connectDocker, pushImage} = await import(${JSON.stringify(join(ROOT, 'src/image/docker.ts'))})
      const {parseRef} = await import(${JSON.stringify(join(ROOT, 'src/image/ref.ts'))})
      const {docker} = connectDocker({DOCKER_HOST: 'tcp://${engine.host}'})
      const digest = await pushImage(docker, parseRef('127.0.0.1:5999/team/trainer:fb83ac1'),
        {username: ${JSON.stringify(USER)}, password: ${JSON.stringify(PASSWORD)}}, {info: () => undefined})
      console.log('pushed ' + digest)`
      const child = spawn(
        process.execPath,
        ['--experimental-transform-types', '--no-warnings', '--import', loader, '--input-type=module', '-e', script],
        {env: {PATH: process.env.PATH ?? '/usr/bin:/bin', DEBUG: debug, DEBUG_COLORS: 'no'}, cwd: ROOT},
      )
      let out = ''
      child.stdout.on('data', (b: Buffer) => (out += b.toString()))
      child.stderr.on('data', (b: Buffer) => (out += b.toString()))
      const code = await new Promise<number | null>(r => child.on('close', r))
      expect(code, out).toBe(0)
      expect(out).toContain(`pushed ${DIGEST}`)
      expect(auths).toHaveLength(1)
      expect(out).not.toContain(PASSWORD)
      expect(out).not.toContain(auths[0]!)
      for (const s of registryAuthSecrets({username: USER, password: PASSWORD}, '127.0.0.1:5999'))
        expect(out).not.toContain(s)
    },
  )

  test('the pipeline registers the exact X-Registry-Auth value (and the password inside it) as secrets', async () => {
    const {engine, auths} = await fakeEngine()
    let pushed = false
    const registry = await serve((req, res) => {
      if (auths.length > 0) pushed = true
      if (req.headers.authorization !== BASIC)
        return void res.writeHead(401, {'www-authenticate': 'Basic realm="r"'}).end()
      res.writeHead(pushed ? 200 : 404, pushed ? {'docker-content-digest': DIGEST} : {}).end()
    })
    const dir = mkdtempSync(join(tmpdir(), 'attack-push-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n')
    writeFileSync(join(dir, '.image-manifest'), 'Dockerfile\n')
    const {ensureImage} = await import('../../src/image/pipeline.js')
    const {imageSettings} = await import('../../src/image/settings.js')
    const io = new RecordingIO({}, dir)
    const settings = await imageSettings(dir, {registry: registry.host, name: 'team/trainer'}, undefined, {}, {})
    const r = await ensureImage({
      settings,
      credentials: {username: USER, password: PASSWORD},
      env: {DOCKER_HOST: `tcp://${engine.host}`, HOME: dir},
      log: io.log,
      secret: v => io.setSecret(v),
      registryRetryBase: 1,
    })
    expect(r.built).toBe(true)
    expect(auths).toHaveLength(1)
    expect(io.secrets).toContain(PASSWORD)
    expect(io.secrets).toContain(auths[0])
    // the JSON inside holds the password verbatim, which is masked on its own
    const json = Buffer.from(auths[0]!.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')
    expect(json).toContain(PASSWORD)
    expect(io.secrets).toContain(Buffer.from(json).toString('base64'))
  })
})

describe('finding 3: credential helpers', () => {
  function helperSetup(config: object, script?: string) {
    const dir = mkdtempSync(join(tmpdir(), 'attack-helper-'))
    const bin = join(dir, 'bin')
    mkdirSync(bin)
    if (script !== undefined) {
      writeFileSync(join(bin, 'docker-credential-evil'), script)
      chmodSync(join(bin, 'docker-credential-evil'), 0o755)
    }
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
    return {dir, env: {PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, DOCKER_CONFIG: dir}}
  }

  test.each([
    ['an unquoted secret', '{"Username":"u","Secret":s3cr3t-helper-value-77}'],
    ['a bare secret', 's3cr3t-helper-value-77'],
    ['trailing garbage', '{"Username":"u","Secret":"s3cr3t-helper-value-77"} s3cr3t-helper-value-77'],
    ['a secret of the wrong type', '{"Username":"u","Secret":["s3cr3t-helper-value-77"]}'],
  ])('[%#] malformed helper output (%s) is an AuthError that shows none of it', async (_what, output) => {
    const {env} = helperSetup({credsStore: 'evil'}, `#!/bin/sh\ncat >/dev/null\nprintf '%s\\n' '${output}'\n`)
    const err = await dockerCredentials('ghcr.io', env).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(AuthError)
    expect(String((err as Error).message)).toMatch(/docker-credential-evil/)
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err))).not.toContain('s3cr3t')
    expect(String((err as Error).message)).not.toContain('s3cr3t')
  })

  test.each([
    [{credsStore: '../../tmp/evil'}, 'credsStore'],
    [{credsStore: 'evil/x'}, 'credsStore'],
    [{credsStore: 'evil x'}, 'credsStore'],
    [{credHelpers: {'ghcr.io': '/abs/evil'}}, 'credHelpers'],
    [{credHelpers: {'ghcr.io': 'ev$il'}}, 'credHelpers'],
  ])('[%#] a helper name %o that is not [A-Za-z0-9._-]+ is a ConfigError naming the file and key', async (cfg, key) => {
    const {dir, env} = helperSetup(cfg, '#!/bin/sh\necho should-not-run\n')
    const err = await dockerCredentials('ghcr.io', env).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as ConfigError).where.file).toBe(join(dir, 'config.json'))
    expect((err as ConfigError).where.key).toContain(key)
  })
})

describe('finding 4: response bodies are capped', () => {
  test('an endless token body fails fast with a clear error, reading about 1 MiB', async () => {
    let sent = 0
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const registry = await serve((req, res) => {
      if (!(req.url ?? '').startsWith('/token'))
        return void res.writeHead(401, {'www-authenticate': `Bearer realm="${registry.url}/token",service="r"`}).end()
      res.writeHead(200, {'content-type': 'application/json'})
      res.write('{"token":"')
      let closed = false
      res.on('close', () => (closed = true))
      // endless as far as the client can tell; a safety stop at 256 MiB keeps a broken client from exhausting memory
      const pump = (): void => {
        while (!closed && sent < 256 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
      }
      pump()
    })
    const t0 = Date.now()
    const err = await new RegistryClient({...fast, timeoutMs: 20_000}).manifest(ref(registry)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ServiceError)
    expect((err as Error).message).toMatch(/larger than 1 MiB/)
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(sent).toBeLessThan(32 * 1024 * 1024)
  })
})
