// Issue 7, follow-up: the realm check covered only our own tag-exists HEAD. The push goes
// through the Docker engine, which sends the X-Registry-Auth credentials to whatever token
// realm the registry's challenge names (over http, to any host). A registry answering our HEAD
// anonymously with 404 and everything else with `401 Bearer realm="http://<evil>/token"` got
// `Basic user:password` at the evil realm. Now the engine's own challenge (GET /v2/) is checked
// before any build or push, and a bearer registry gets a token (registrytoken), never the password.
import {randomBytes} from 'node:crypto'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {request, type IncomingMessage} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {ensureImage, type EnsureResult} from '../../src/image/pipeline.js'
import {imageSettings} from '../../src/image/settings.js'
import {AuthError} from '../../src/kit/errors.js'
import {fakeEngine as engineOn, serversPerTest} from '../helpers/http-server.js'
import {requireInfra} from '../helpers/infra.js'
import {RecordingIO} from '../helpers/recording-io.js'

const serve = serversPerTest()

const DIGEST = 'sha256:' + 'c'.repeat(64)
const USER = 'ci-bot'
const PASSWORD = 'hunter2-push-password'
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
const NONCE = randomBytes(4).toString('hex')

/** Whether a recorded request carries the password in any form (header, URL, Basic). */
function carriesPassword(r: {url: string; headers: IncomingMessage['headers']}): boolean {
  const all = `${r.url} ${JSON.stringify(r.headers)}`
  return all.includes(PASSWORD) || all.includes(BASIC.slice('Basic '.length))
}

/** A workspace whose Dockerfile builds a tiny image (a fresh layer each run). */
function workspace(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'attack-push-auth-'))
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${from}\nCOPY nonce.txt /nonce.txt\n`)
  writeFileSync(join(dir, 'nonce.txt'), `${NONCE} ${randomBytes(8).toString('hex')}\n`)
  writeFileSync(join(dir, '.image-manifest'), 'Dockerfile\nnonce.txt\n')
  return dir
}

async function build(o: {
  dir: string
  registry: string
  dockerHost: string
  credentials?: {username: string; password: string}
}): Promise<{io: RecordingIO; result: EnsureResult | undefined; error: unknown}> {
  const io = new RecordingIO({}, o.dir)
  const settings = await imageSettings(o.dir, {registry: o.registry, name: 'team/trainer'}, undefined, {}, {})
  try {
    const result = await ensureImage({
      settings,
      credentials: o.credentials ?? {username: USER, password: PASSWORD},
      env: {DOCKER_HOST: o.dockerHost, HOME: o.dir},
      log: io.log,
      secret: v => io.setSecret(v),
      registryRetryBase: 1,
      registryTimeoutMs: 10_000,
    })
    return {io, result, error: undefined}
  } catch (error: unknown) {
    return {io, result: undefined, error}
  }
}

const logText = (io: RecordingIO): string => io.lines.map(l => l.message).join('\n')

/**
 * The reviewer's registry: HEAD on a manifest answers 404 anonymously (so our client never
 * sees a challenge), everything else 401 with a Bearer realm on another loopback port.
 */
async function evilRegistry(headers: (evilPort: number) => Record<string, string | string[]>) {
  const evil = await serve((_req, res) =>
    res.writeHead(200, {'content-type': 'application/json'}).end('{"token":"t","access_token":"t"}'),
  )
  const registry = await serve((req, res) => {
    if (req.method === 'HEAD' && /\/manifests\//.test(req.url ?? '')) return void res.writeHead(404).end()
    if (req.headers.authorization?.startsWith('Bearer')) return void res.writeHead(404).end()
    for (const [k, v] of Object.entries({'docker-distribution-api-version': 'registry/2.0', ...headers(evil.port)}))
      res.setHeader(k, v)
    res.writeHead(401).end()
  })
  return {evil, registry}
}

const bearerEvil = (port: number) => ({'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="r"`})
const basicThenBearerEvil = (port: number) => ({
  'www-authenticate': ['Basic realm="r"', `Bearer realm="http://127.0.0.1:${port}/token",service="r"`],
})

const fakeEngine = (push?: (n: number) => object[]) => engineOn(serve, DIGEST, push)

/** A bearer registry on loopback: its realm on its own host, a new token per request. */
async function bearerRegistry() {
  const issued: string[] = []
  let pushes = 0
  const registry = await serve((req, res) => {
    if (req.url?.startsWith('/token')) {
      if (req.headers.authorization !== BASIC) return void res.writeHead(401).end()
      issued.push(`tok-${issued.length + 1}-${randomBytes(6).toString('hex')}`)
      return void res.writeHead(200).end(JSON.stringify({token: issued.at(-1)}))
    }
    if (!issued.some(t => req.headers.authorization === `Bearer ${t}`)) {
      return void res
        .writeHead(401, {'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="reg"`})
        .end()
    }
    res.writeHead(pushes > 0 ? 200 : 404, pushes > 0 ? {'docker-content-digest': DIGEST} : {}).end()
  })
  return {registry, issued, pushed: () => void pushes++}
}

describe('the push hands the engine only what the engine-side challenge allows (fake engine)', () => {
  test('an evil realm at /v2/ fails the step before the build; the engine gets no push, the realm no request', async () => {
    const {evil, registry} = await evilRegistry(bearerEvil)
    const {engine, auths} = await fakeEngine()
    const {io, error} = await build({
      dir: workspace('scratch'),
      registry: registry.host,
      dockerHost: `tcp://${engine.host}`,
    })
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).message).toContain(
      `named the token realm http://127.0.0.1:${evil.port}/token: its credentials go only to ${registry.host}, not to 127.0.0.1:${evil.port}`,
    )
    expect(evil.requests).toEqual([])
    expect(auths).toEqual([])
    expect(engine.requests).toEqual([])
    expect(logText(io)).not.toContain('Step 1/')
  })

  test('a bearer registry: X-Registry-Auth carries a registrytoken, never the password; all its encoded forms are secrets', async () => {
    const {registry, issued, pushed} = await bearerRegistry()
    const {engine, auths, decoded} = await fakeEngine(() => {
      pushed()
      return [{status: 'pushed'}, {aux: {Digest: DIGEST}}]
    })
    const {io, result, error} = await build({
      dir: workspace('scratch'),
      registry: registry.host,
      dockerHost: `tcp://${engine.host}`,
    })
    expect(error).toBeUndefined()
    expect(result?.built).toBe(true)
    expect(auths).toHaveLength(1)
    expect(decoded()).toEqual([{registrytoken: issued.at(-1), serveraddress: registry.host}])
    expect(auths[0]).not.toContain(Buffer.from(PASSWORD).toString('base64').slice(0, 12))
    // the push token was asked for with push scope, through the registry's own realm
    expect(registry.requests.some(r => r.url.includes('scope=repository%3Ateam%2Ftrainer%3Apull%2Cpush'))).toBe(true)
    expect(io.secrets).toContain(issued.at(-1))
    expect(io.secrets).toContain(auths[0])
    // the JSON holds the token verbatim (masked on its own); its base64 forms are secrets
    const json = JSON.stringify(decoded()[0])
    expect(io.secrets).not.toContain(json)
    expect(io.secrets).toContain(Buffer.from(json).toString('base64'))
    expect(logText(io)).toContain('the engine gets a token for team/trainer, not the credentials')
  })

  test('a token refused after layers went up (expired) is replaced once per attempt, with a new token', async () => {
    const {registry, issued, pushed} = await bearerRegistry()
    const {engine, decoded} = await fakeEngine(n => {
      if (n === 1)
        return [
          {id: 'l1', status: 'Pushed'},
          {error: 'unauthorized: token expired', errorDetail: {}},
        ]
      pushed()
      return [{id: 'l1', status: 'Layer already exists'}, {aux: {Digest: DIGEST}}]
    })
    const {io, result, error} = await build({
      dir: workspace('scratch'),
      registry: registry.host,
      dockerHost: `tcp://${engine.host}`,
    })
    expect(error).toBeUndefined()
    expect(result?.built).toBe(true)
    const tokens = decoded().map(a => a.registrytoken)
    expect(tokens).toHaveLength(2)
    expect(tokens[0]).not.toBe(tokens[1])
    expect(tokens.every(t => issued.includes(t!))).toBe(true)
    expect(io.lines.some(l => l.level === 'warning' && /pushing again with a new one/.test(l.message))).toBe(true)
  })

  test('a push refused before any layer went up is not retried', async () => {
    const {registry} = await bearerRegistry()
    const {engine, auths} = await fakeEngine(() => [{error: 'denied: requested access to the resource is denied'}])
    const {error} = await build({
      dir: workspace('scratch'),
      registry: registry.host,
      dockerHost: `tcp://${engine.host}`,
    })
    expect(error).toBeInstanceOf(AuthError)
    expect(auths).toHaveLength(1)
  })
})

const infra = await requireInfra('push-auth attacks (Docker engine + registries)')

describe.skipIf(!infra)('the push through a real Docker engine', () => {
  const i = infra!

  test.each([
    ['a Bearer challenge', bearerEvil],
    ['a Basic and a Bearer challenge (two headers)', basicThenBearerEvil],
  ])(
    '[%#] the reviewer registry (%s at /v2/): the step fails with the realm message, the evil realm gets nothing',
    async (_what, headers) => {
      const {evil, registry} = await evilRegistry(headers)
      const {io, error} = await build({
        dir: workspace(i.TRAINER_TEST_BASE_IMAGE),
        registry: registry.host,
        dockerHost: i.DOCKER_HOST,
      })
      expect(evil.requests.filter(carriesPassword)).toEqual([])
      expect(evil.requests).toEqual([])
      expect(error).toBeInstanceOf(AuthError)
      expect((error as AuthError).message).toContain(
        `named the token realm http://127.0.0.1:${evil.port}/token: its credentials go only to ${registry.host}, not to 127.0.0.1:${evil.port}`,
      )
      // the engine never pushed: no request from it reached the registry
      expect(registry.requests.filter(r => /^docker\//.test(r.headers['user-agent'] ?? ''))).toEqual([])
      expect(logText(io)).not.toContain('Step 1/')
    },
  )

  test('a bearer registry in front of the real one: the engine pushes with the token, never with the password', async () => {
    const [upHost, upPort] = i.TRAINER_TEST_REGISTRY.split(':')
    const issued: string[] = []
    const proxy = await serve((req, res) => {
      if (req.url?.startsWith('/token')) {
        if (req.headers.authorization !== BASIC) return void res.writeHead(401).end()
        issued.push(`push-tok-${randomBytes(8).toString('hex')}`)
        return void res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({token: issued.at(-1)}))
      }
      if (!issued.some(t => req.headers.authorization === `Bearer ${t}`)) {
        return void res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="reg"`,
            'docker-distribution-api-version': 'registry/2.0',
          })
          .end()
      }
      const headers = {...req.headers}
      delete headers.authorization
      const up = request({host: upHost, port: Number(upPort), method: req.method, path: req.url, headers}, upRes => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        upRes.pipe(res)
      })
      up.on('error', () => res.writeHead(502).end())
      req.pipe(up)
    })
    const {io, result, error} = await build({
      dir: workspace(i.TRAINER_TEST_BASE_IMAGE),
      registry: proxy.host,
      dockerHost: i.DOCKER_HOST,
    })
    expect(error, logText(io)).toBeUndefined()
    expect(result?.built).toBe(true)
    expect(result?.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const fromEngine = proxy.requests.filter(r => /^docker\//.test(r.headers['user-agent'] ?? ''))
    expect(fromEngine.length).toBeGreaterThan(0)
    // the engine asked no realm and never held the password: it sent the token we obtained
    expect(fromEngine.filter(r => r.url.startsWith('/token'))).toEqual([])
    expect(fromEngine.filter(carriesPassword)).toEqual([])
    expect(fromEngine.some(r => r.headers.authorization?.startsWith('Bearer push-tok-'))).toBe(true)
    expect(io.secrets).toEqual(expect.arrayContaining(issued))
  })

  test('an htpasswd (Basic) registry still gets the push, with the credentials', async () => {
    const {io, result, error} = await build({
      dir: workspace(i.TRAINER_TEST_BASE_IMAGE),
      registry: i.TRAINER_TEST_AUTH_REGISTRY,
      dockerHost: i.DOCKER_HOST,
      credentials: {username: i.TRAINER_TEST_AUTH_USER, password: i.TRAINER_TEST_AUTH_PASSWORD},
    })
    expect(error, logText(io)).toBeUndefined()
    expect(result?.built).toBe(true)
    const auth = `Basic ${Buffer.from(`${i.TRAINER_TEST_AUTH_USER}:${i.TRAINER_TEST_AUTH_PASSWORD}`).toString('base64')}`
    const r = await fetch(`http://${i.TRAINER_TEST_AUTH_REGISTRY}/v2/team/trainer/manifests/${result!.ref.tag}`, {
      method: 'HEAD',
      headers: {authorization: auth, accept: 'application/vnd.docker.distribution.manifest.v2+json'},
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('docker-content-digest')).toBe(result!.digest)
  })
})
