import {describe, expect, test} from 'vitest'
import {registryAuthSecrets} from '../../../src/image/docker.js'
import {parseRef} from '../../../src/image/ref.js'
import {parseChallenges, RegistryClient} from '../../../src/image/registry.js'
import {AuthError, ServiceError} from '../../../src/kit/errors.js'
import {serversPerTest, type Server} from '../../helpers/http-server.js'

const serve = serversPerTest()

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`
const ref = (s: Server) => parseRef(`${s.host}/team/trainer:fb83ac1`)
const fast = {retryAfterBase: 1, timeoutMs: 2000, retries: 1}
const creds = {username: 'u', password: 'p'}

describe('parseChallenges', () => {
  test('one challenge, parameters quoted or not', () => {
    expect(parseChallenges('Bearer realm="https://r/token",service=reg,scope="repository:a:pull,push"')).toEqual([
      {scheme: 'bearer', params: {realm: 'https://r/token', service: 'reg', scope: 'repository:a:pull,push'}},
    ])
  })

  test('repeated headers joined by fetch are all seen', () => {
    expect(parseChallenges('Basic realm="r", Bearer realm="http://127.0.0.1:1/token",service="s"')).toEqual([
      {scheme: 'basic', params: {realm: 'r'}},
      {scheme: 'bearer', params: {realm: 'http://127.0.0.1:1/token', service: 's'}},
    ])
    expect(parseChallenges('Negotiate abc==, Bearer realm="x"')).toEqual([{scheme: 'bearer', params: {realm: 'x'}}])
  })

  test('nothing to parse', () => {
    expect(parseChallenges(null)).toEqual([])
    expect(parseChallenges('')).toEqual([])
    expect(parseChallenges('Negotiate')).toEqual([])
  })
})

describe('RegistryClient.pushChallenge and pushAuth: what the engine will be handed', () => {
  test('a Bearer registry: a pull,push token fetched through its own realm; the ping carries nothing', async () => {
    const server = await serve((req, res) => {
      if (req.url?.startsWith('/token')) {
        if (req.headers.authorization !== basic('u', 'p')) return void res.writeHead(401).end()
        return void res.writeHead(200).end(JSON.stringify({token: 'push-token'}))
      }
      res.writeHead(401, {'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="reg"`}).end()
    })
    const secrets: string[] = []
    const c = new RegistryClient({...fast, credentials: creds, secret: s => secrets.push(s)})
    expect(await c.pushAuth(ref(server))).toEqual({kind: 'token', token: 'push-token'})
    expect(server.requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET /v2/',
      'GET /token?service=reg&scope=repository%3Ateam%2Ftrainer%3Apull%2Cpush',
    ])
    expect(server.requests[0]!.headers.authorization).toBeUndefined()
    expect(secrets).toContain('push-token')
  })

  test('a Basic registry: the credentials, sent to nobody by the check', async () => {
    const server = await serve((_req, res) => res.writeHead(401, {'www-authenticate': 'Basic realm="r"'}).end())
    const c = new RegistryClient({...fast, credentials: creds})
    expect(await c.pushAuth(ref(server))).toEqual({kind: 'credentials'})
    expect(server.requests.map(r => [r.method, r.url, r.headers.authorization])).toEqual([['GET', '/v2/', undefined]])
  })

  test('no challenge at /v2/: nothing (the engine would not use credentials)', async () => {
    const server = await serve((_req, res) => res.writeHead(200).end('{}'))
    expect(await new RegistryClient({...fast, credentials: creds}).pushAuth(ref(server))).toEqual({kind: 'none'})
  })

  test('no credentials: no request at all', async () => {
    const server = await serve((_req, res) => res.writeHead(401, {'www-authenticate': 'Basic realm="r"'}).end())
    expect(await new RegistryClient(fast).pushAuth(ref(server))).toEqual({kind: 'none'})
    expect(server.requests).toEqual([])
  })

  test('a refused realm: the same AuthError as on the HEAD path, nothing sent to it', async () => {
    const evil = await serve((_req, res) => res.writeHead(200).end(JSON.stringify({token: 'evil'})))
    const challenge = `Bearer realm="http://127.0.0.1:${evil.port}/token",service="r"`
    const server = await serve((_req, res) => res.writeHead(401, {'www-authenticate': challenge}).end())
    const c = new RegistryClient({...fast, credentials: creds})
    const push = await c.pushAuth(ref(server)).then(
      () => undefined,
      (e: unknown) => e,
    )
    const head = await c.manifest(ref(server)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(push).toBeInstanceOf(AuthError)
    expect((push as AuthError).message).toBe((head as AuthError).message)
    expect((push as AuthError).message).toContain(`not to 127.0.0.1:${evil.port}`)
    expect((push as AuthError).hint).toMatch(/image\.auth-realms/)
    expect(evil.requests).toEqual([])
  })

  test('a Bearer challenge hidden behind a Basic one (two headers) is checked too', async () => {
    const evil = await serve((_req, res) => res.writeHead(200).end(JSON.stringify({token: 'evil'})))
    const server = await serve((_req, res) => {
      res.setHeader('www-authenticate', ['Basic realm="r"', `Bearer realm="http://127.0.0.1:${evil.port}/token"`])
      res.writeHead(401).end()
    })
    const c = new RegistryClient({...fast, credentials: creds})
    await expect(c.pushChallenge(ref(server))).rejects.toThrow(`not to 127.0.0.1:${evil.port}`)
    expect(evil.requests).toEqual([])
  })

  test('an allowed realm on another host (auth-realms) is used', async () => {
    const auth = await serve((_req, res) => res.writeHead(200).end(JSON.stringify({access_token: 't2'})))
    const server = await serve((_req, res) =>
      res.writeHead(401, {'www-authenticate': `Bearer realm="${auth.url}/token"`}).end(),
    )
    const c = new RegistryClient({...fast, credentials: creds, authRealms: [auth.host]})
    expect(await c.pushAuth(ref(server))).toEqual({kind: 'token', token: 't2'})
    expect(auth.requests[0]!.headers.authorization).toBe(basic('u', 'p'))
  })

  test('a Bearer challenge without a realm is an AuthError', async () => {
    const server = await serve((_req, res) => res.writeHead(401, {'www-authenticate': 'Bearer service="r"'}).end())
    await expect(new RegistryClient({...fast, credentials: creds}).pushChallenge(ref(server))).rejects.toThrow(
      /Bearer challenge without a realm/,
    )
  })

  test('a ping redirected to another origin that asks for credentials is refused', async () => {
    const other = await serve((_req, res) =>
      res.writeHead(401, {'www-authenticate': `Bearer realm="http://${_req.headers.host}/token"`}).end(),
    )
    const server = await serve((_req, res) => res.writeHead(302, {location: `${other.url}/v2/`}).end())
    await expect(new RegistryClient({...fast, credentials: creds}).pushChallenge(ref(server))).rejects.toSatisfy(
      (e: unknown) => e instanceof AuthError && e.message.includes(`redirected to ${other.host}`),
    )
    expect(other.requests.every(r => r.headers.authorization === undefined)).toBe(true)
  })

  test('5xx at the ping is retried, then a ServiceError', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end())
    await expect(new RegistryClient({...fast, credentials: creds}).pushChallenge(ref(server))).rejects.toBeInstanceOf(
      ServiceError,
    )
    expect(server.requests).toHaveLength(2)
  })
})

describe('registryAuthSecrets with a registry token', () => {
  test('the token auth config in every form X-Registry-Auth could take', () => {
    const s = registryAuthSecrets({registryToken: 'tok'}, 'r.example')
    const json = JSON.stringify({registrytoken: 'tok', serveraddress: 'r.example'})
    expect(s).not.toContain(json) // it holds the token verbatim, masked on its own
    expect(s).toContain(Buffer.from(json).toString('base64'))
    expect(s.join('\n')).not.toContain('password')
  })
})
