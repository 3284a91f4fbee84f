import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {networkInterfaces} from 'node:os'
import {afterEach, describe, expect, test} from 'vitest'
import {parseRef} from '../../../src/image/ref.js'
import {MAX_TOKEN_BYTES, parseChallenge, readCapped, RegistryClient} from '../../../src/image/registry.js'
import {AuthError, ServiceError} from '../../../src/kit/errors.js'
import {startServer} from '../../helpers/http-server.js'

type Server = Awaited<ReturnType<typeof startServer>>
let server: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const DIGEST = 'sha256:' + 'a'.repeat(64)
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`
const ref = (s: Server, tag = 'fb83ac1') => parseRef(`${s.host}/team/trainer:${tag}`)
const fast = {retryAfterBase: 1, timeoutMs: 2000}

describe('RegistryClient.manifest against a real HTTP server', () => {
  test('200: present, with the digest, after exactly one HEAD', async () => {
    server = await startServer((req, res) => {
      res
        .writeHead(req.url === '/v2/team/trainer/manifests/fb83ac1' ? 200 : 404, {'docker-content-digest': DIGEST})
        .end()
    })
    const c = new RegistryClient(fast)
    expect(await c.manifest(ref(server))).toEqual({exists: true, digest: DIGEST})
    expect(server.requests.map(r => `${r.method} ${r.url}`)).toEqual(['HEAD /v2/team/trainer/manifests/fb83ac1'])
    expect(server.requests[0]!.headers.accept).toContain('application/vnd.oci.image.index.v1+json')
    expect(server.requests[0]!.headers.accept).toContain('application/vnd.docker.distribution.manifest.v2+json')
  })

  test('404: missing, after exactly one HEAD', async () => {
    server = await startServer((_req, res) => res.writeHead(404).end())
    const c = new RegistryClient(fast)
    expect(await c.manifest(ref(server))).toEqual({exists: false})
    expect(server.requests).toHaveLength(1)
  })

  test('basic auth: credentials are sent up front, so still one HEAD', async () => {
    server = await startServer((req, res) => {
      if (req.headers.authorization !== basic('u', 'p'))
        return void res.writeHead(401, {'www-authenticate': 'Basic realm="Registry Realm"'}).end()
      res.writeHead(404).end()
    })
    const c = new RegistryClient({...fast, credentials: {username: 'u', password: 'p'}})
    expect(await c.manifest(ref(server))).toEqual({exists: false})
    expect(server.requests).toHaveLength(1)
  })

  test('basic auth without credentials fails closed with AuthError', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(401, {'www-authenticate': 'Basic realm="Registry Realm"'}).end(),
    )
    await expect(new RegistryClient(fast).manifest(ref(server))).rejects.toSatisfy(
      (e: unknown) => e instanceof AuthError && /401 Unauthorized: the registry requires credentials/.test(e.message),
    )
  })

  test('wrong credentials fail closed with AuthError, not "missing"', async () => {
    server = await startServer((_req, res) => res.writeHead(401, {'www-authenticate': 'Basic realm="r"'}).end())
    await expect(
      new RegistryClient({...fast, credentials: {username: 'u', password: 'bad'}}).manifest(ref(server)),
    ).rejects.toThrow(/the registry refused the credentials/)
    expect(server.requests).toHaveLength(1)
  })

  test('bearer challenge: one token request, then the HEAD; the token is reused and reported as a secret', async () => {
    const secrets: string[] = []
    const tokenQueries: string[] = []
    server = await startServer((req, res) => {
      const u = new URL(req.url ?? '', 'http://x')
      if (u.pathname === '/token') {
        if (req.headers.authorization !== basic('u', 'p')) return void res.writeHead(401).end()
        tokenQueries.push(`${u.searchParams.get('service')} ${u.searchParams.get('scope')}`)
        return void res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({token: 'tok-123'}))
      }
      if (req.headers.authorization !== 'Bearer tok-123') {
        return void res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://127.0.0.1:${server!.port}/token",service="test-registry",scope="repository:team/trainer:pull"`,
          })
          .end()
      }
      res.writeHead(200, {'docker-content-digest': DIGEST}).end()
    })
    const c = new RegistryClient({...fast, credentials: {username: 'u', password: 'p'}, secret: s => secrets.push(s)})
    expect(await c.manifest(ref(server))).toEqual({exists: true, digest: DIGEST})
    expect(await c.manifest(ref(server))).toEqual({exists: true, digest: DIGEST})
    expect(server.requests.map(r => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual([
      'HEAD /v2/team/trainer/manifests/fb83ac1',
      'GET /token',
      'HEAD /v2/team/trainer/manifests/fb83ac1',
      'HEAD /v2/team/trainer/manifests/fb83ac1',
    ])
    expect(secrets).toEqual(['tok-123'])
    expect(tokenQueries).toEqual(['test-registry repository:team/trainer:pull'])
  })

  test('a registry whose token endpoint is known: one token request and exactly one HEAD', async () => {
    server = await startServer((req, res) => {
      const u = new URL(req.url ?? '', 'http://x')
      if (u.pathname === '/token') return void res.writeHead(200).end(JSON.stringify({access_token: 'tok-9'}))
      if (req.headers.authorization !== 'Bearer tok-9')
        return void res.writeHead(401, {'www-authenticate': 'Bearer realm="x"'}).end()
      res.writeHead(404).end()
    })
    const realms = {[server.host]: {realm: `${server.url}/token`, service: 'svc'}}
    const c = new RegistryClient({...fast, realms})
    expect(await c.manifest(ref(server))).toEqual({exists: false})
    expect(server.requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET /token?service=svc&scope=repository%3Ateam%2Ftrainer%3Apull',
      'HEAD /v2/team/trainer/manifests/fb83ac1',
    ])
  })

  test('a known token endpoint that refuses falls back to the challenge flow', async () => {
    server = await startServer((req, res) => {
      const u = new URL(req.url ?? '', 'http://x')
      if (u.pathname === '/guess') return void res.writeHead(403).end()
      if (u.pathname === '/token') return void res.writeHead(200).end(JSON.stringify({token: 'tok-1'}))
      if (req.headers.authorization !== 'Bearer tok-1') {
        return void res.writeHead(401, {'www-authenticate': `Bearer realm="${server!.url}/token",service="s"`}).end()
      }
      res.writeHead(200, {'docker-content-digest': DIGEST}).end()
    })
    const c = new RegistryClient({...fast, realms: {[server.host]: {realm: `${server.url}/guess`, service: 's'}}})
    expect(await c.manifest(ref(server))).toEqual({exists: true, digest: DIGEST})
    expect(server.requests.map(r => `${r.method} ${r.url.replace(/\?.*/, '')}`)).toEqual([
      'GET /guess',
      'HEAD /v2/team/trainer/manifests/fb83ac1',
      'GET /token',
      'HEAD /v2/team/trainer/manifests/fb83ac1',
    ])
  })

  test('a token endpoint that answers non-JSON is a clear error, not a parser trace', async () => {
    server = await startServer((req, res) => {
      if ((req.url ?? '').startsWith('/token')) return void res.writeHead(200).end('<html>proxy login</html>')
      res.writeHead(401, {'www-authenticate': `Bearer realm="${server!.url}/token",service="s"`}).end()
    })
    await expect(new RegistryClient(fast).manifest(ref(server))).rejects.toThrow(/200: the token response is not JSON/)
  })

  test('5xx is retried with backoff, and a recovery answers', async () => {
    server = await startServer((_req, res, n) => res.writeHead(n < 3 ? 503 : 404).end())
    const c = new RegistryClient(fast)
    expect(await c.manifest(ref(server))).toEqual({exists: false})
    expect(c.requests.map(r => r.status)).toEqual([503, 503, 404])
  })

  test('a registry that keeps answering 500 is an error, never "missing" or "present"', async () => {
    server = await startServer((_req, res) => res.writeHead(500).end())
    const c = new RegistryClient({...fast, retries: 2})
    await expect(c.manifest(ref(server))).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ServiceError &&
        e.status === 500 &&
        e.message === `HEAD ${server!.host}/v2/team/trainer/manifests/fb83ac1: 500 Internal Server Error`,
    )
    expect(server.requests).toHaveLength(3)
  })

  test('Retry-After is honoured on 429', async () => {
    server = await startServer((_req, res, n) =>
      n === 1 ? res.writeHead(429, {'retry-after': '1'}).end() : res.writeHead(404).end(),
    )
    const t0 = Date.now()
    expect(await new RegistryClient(fast).manifest(ref(server))).toEqual({exists: false})
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900)
  })

  test('a registry that does not answer times out into an error', async () => {
    server = await startServer(() => undefined)
    const c = new RegistryClient({retryAfterBase: 1, timeoutMs: 200, retries: 1})
    await expect(c.manifest(ref(server))).rejects.toThrow(/timed out after 0.2s/)
    expect(c.requests.map(r => r.status)).toEqual(['error', 'error'])
  })

  test('an unreachable registry names the cause', async () => {
    const s = await startServer(() => undefined)
    const r = ref(s)
    await s.close()
    await expect(new RegistryClient({...fast, retries: 1}).manifest(r)).rejects.toThrow(/ECONNREFUSED/)
  })

  test('other statuses are errors without retry', async () => {
    server = await startServer((_req, res) => res.writeHead(400).end())
    const c = new RegistryClient(fast)
    await expect(c.manifest(ref(server))).rejects.toThrow(/400 Bad Request/)
    expect(server.requests).toHaveLength(1)
  })
})

test('parseChallenge', () => {
  expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/r:pull"')).toEqual({
    scheme: 'bearer',
    params: {realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/r:pull'},
  })
  expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({scheme: 'basic', params: {realm: 'Registry Realm'}})
  expect(parseChallenge('Negotiate')).toBeUndefined()
  expect(parseChallenge(null)).toBeUndefined()
})

describe('RegistryClient redirects and plain HTTP', () => {
  const extra: Server[] = []
  afterEach(async () => {
    await Promise.all(extra.splice(0).map(s => s.close()))
  })

  test('a same-origin redirect keeps the credentials', async () => {
    server = await startServer((req, res) => {
      if (req.url?.startsWith('/v2/team/trainer/manifests/'))
        return void res.writeHead(307, {location: '/v2/moved/manifests/fb83ac1'}).end()
      if (req.headers.authorization !== basic('u', 'p')) return void res.writeHead(401).end()
      res.writeHead(200, {'docker-content-digest': DIGEST}).end()
    })
    const c = new RegistryClient({...fast, credentials: {username: 'u', password: 'p'}})
    expect(await c.manifest(ref(server))).toEqual({exists: true, digest: DIGEST})
    expect(server.requests.map(r => r.headers.authorization)).toEqual([basic('u', 'p'), basic('u', 'p')])
  })

  test('a cross-origin redirect is followed without Authorization, and its answer counts', async () => {
    const other = await startServer((_req, res) => res.writeHead(200, {'docker-content-digest': DIGEST}).end())
    extra.push(other)
    server = await startServer((req, res) => res.writeHead(302, {location: `${other.url}${req.url ?? ''}`}).end())
    const c = new RegistryClient({...fast, credentials: {username: 'u', password: 'p'}})
    expect(await c.manifest(ref(server))).toEqual({exists: true, digest: DIGEST})
    expect(other.requests.map(r => r.headers.authorization)).toEqual([undefined])
  })

  test('endless redirects end in an error', async () => {
    server = await startServer((req, res) => res.writeHead(307, {location: req.url ?? '/'}).end())
    await expect(new RegistryClient(fast).manifest(ref(server))).rejects.toThrow(/more than 5 redirects/)
    expect(server.requests).toHaveLength(6)
  })

  test('an insecure (plain HTTP) registry off loopback never gets the credentials: a clear AuthError instead', async () => {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find(i => i?.family === 'IPv4' && !i.internal)?.address
    if (!lan) throw new Error('this test needs a non-loopback IPv4 interface')
    const requests: (string | undefined)[] = []
    const plain = createServer((req, res) => {
      requests.push(req.headers.authorization)
      res.writeHead(401, {'www-authenticate': 'Basic realm="r"'}).end()
    })
    await new Promise<void>(r => plain.listen(0, lan, r))
    try {
      const port = (plain.address() as AddressInfo).port
      const c = new RegistryClient({...fast, insecure: true, credentials: {username: 'u', password: 'p'}})
      await expect(c.manifest(parseRef(`${lan}:${port}/team/trainer:fb83ac1`))).rejects.toThrow(
        /credentials are never sent over plain HTTP/,
      )
      expect(requests).toEqual([undefined])
    } finally {
      plain.closeAllConnections()
      await new Promise(r => plain.close(r))
    }
  })
})

describe('readCapped', () => {
  test.each([
    [0, ''],
    [10, 'x'.repeat(10)],
    [MAX_TOKEN_BYTES, 'x'.repeat(MAX_TOKEN_BYTES)],
  ])('[%#] a body of %d bytes within the limit is read whole', async (_n, text) => {
    expect(await readCapped(new Response(text), MAX_TOKEN_BYTES, 's', 'GET')).toBe(text)
  })

  test('a body one byte over the limit is refused, by its content-length or as it streams', async () => {
    const big = 'x'.repeat(MAX_TOKEN_BYTES + 1)
    await expect(
      readCapped(new Response(big, {headers: {'content-length': String(big.length)}}), MAX_TOKEN_BYTES, 's', 'GET'),
    ).rejects.toThrow('GET s: the response is larger than 1 MiB: refused')
    const stream = new ReadableStream<Uint8Array>({
      pull: c => c.enqueue(new Uint8Array(64 * 1024)),
    })
    await expect(readCapped(new Response(stream), MAX_TOKEN_BYTES, 's', 'GET')).rejects.toThrow(/larger than 1 MiB/)
  })
})
