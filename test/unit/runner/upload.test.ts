import {randomBytes} from 'node:crypto'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {ConfigError, ServiceError, TrainerError} from '../../../src/kit/errors.js'
import {putFile, redactUrl} from '../../../src/runner/upload.js'
import {startServer} from '../../helpers/http-server.js'

const SECRET = 'SECRET123'
const QUERY = `?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=runner%40proj.iam.gserviceaccount.com&X-Goog-Signature=${SECRET}`
const fast = {retries: 2, retryAfterBase: 1}

let work: string
let file: string
let data: Buffer
let logs: string[]
let servers: {close: () => Promise<void>}[]
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'upload-test-'))
  file = join(work, 'results.zip')
  data = randomBytes(300_000)
  await writeFile(file, data)
  logs = []
  servers = []
})
afterEach(async () => {
  await Promise.all(servers.map(s => s.close()))
  await rm(work, {recursive: true, force: true})
})

const log = (m: string): void => void logs.push(m)

async function server(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler)
  servers.push(s)
  return {...s, signed: `${s.url}/bucket/runs/7/results.zip${QUERY}`}
}

function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  return new Promise(r => req.on('end', () => r(Buffer.concat(chunks))))
}

/** The rejection of `p`, which must be a ServiceError. */
async function failure(p: Promise<unknown>): Promise<ServiceError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(ServiceError)
  return e as ServiceError
}

/** Everything a user could see: the error's message, stack and causes, and every log line. */
function visible(e: unknown): string {
  const parts = [...logs]
  for (let c: unknown = e; c instanceof Error; c = c.cause) parts.push(c.message, c.stack ?? '')
  return parts.join('\n')
}

/** A server that takes bodies; `onExpect` sees each request that carries `Expect: 100-continue`. */
async function rawServer(onExpect: (req: IncomingMessage, res: ServerResponse, s: Server) => void) {
  const bodies: Buffer[] = []
  const expects: (string | undefined)[] = []
  const raw = createServer((req, res) => {
    expects.push(req.headers.expect)
    void body(req).then(b => {
      bodies.push(b)
      res.writeHead(200).end()
    })
  })
  raw.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => onExpect(req, res, raw))
  await new Promise<void>(r => raw.listen(0, '127.0.0.1', r))
  servers.push({
    close: () =>
      new Promise<void>(r => {
        raw.closeAllConnections()
        raw.close(() => r())
      }),
  })
  return {bodies, expects, url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/b/o.zip${QUERY}`}
}

describe('putFile', () => {
  test('streams the file with its Content-Length and Content-Type', async () => {
    const bodies: Buffer[] = []
    const s = await server(async (req, res) => {
      bodies.push(await body(req))
      res.writeHead(200).end()
    })

    const r = await putFile(s.signed, file, {log})

    expect(r).toEqual({status: 200, bytes: data.length, attempts: 1})
    expect(bodies).toHaveLength(1)
    expect(bodies[0]!.equals(data)).toBe(true)
    expect(s.requests).toHaveLength(1)
    expect(s.requests[0]).toMatchObject({method: 'PUT', url: `/bucket/runs/7/results.zip${QUERY}`})
    expect(s.requests[0]!.headers).toMatchObject({
      'content-length': String(data.length),
      'content-type': 'application/zip',
    })
    expect(s.requests[0]!.headers['transfer-encoding']).toBeUndefined()
    expect(logs).toEqual([
      expect.stringMatching(
        /^PUT http:\/\/127\.0\.0\.1:\d+\/bucket\/runs\/7\/results\.zip\?<redacted>: 200, 300000 bytes in /,
      ),
    ])
  })

  test('retries a 500 and sends the whole file again', async () => {
    const bodies: Buffer[] = []
    const s = await server(async (req, res, n) => {
      bodies.push(await body(req))
      res.writeHead(n === 1 ? 500 : 201).end()
    })

    const r = await putFile(s.signed, file, {...fast, log})

    expect(r).toEqual({status: 201, bytes: data.length, attempts: 2})
    expect(bodies.map(b => b.equals(data))).toEqual([true, true])
    expect(logs[0]).toMatch(
      /^PUT http:\/\/127\.0\.0\.1:\d+\/bucket\/runs\/7\/results\.zip\?<redacted>: 500 Internal Server Error; retry 1 of 2 in \d+ ms$/,
    )
    expect(visible(undefined)).not.toContain(SECRET)
  })

  test('gives up after the last retry with a ServiceError', async () => {
    const s = await server(async (req, res) => {
      await body(req)
      res.writeHead(503).end('<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>')
    })

    const e = await failure(putFile(s.signed, file, {...fast, log}))

    expect(e.message).toBe(
      `PUT ${s.url}/bucket/runs/7/results.zip?<redacted>: 503 Service Unavailable (SlowDown: Please reduce your request rate.) (gave up after 3 attempts)`,
    )
    expect(e).toMatchObject({status: 503, op: 'PUT', retryable: true})
    expect(s.requests).toHaveLength(3)
    expect(logs).toHaveLength(2)
    expect(visible(e)).not.toContain(SECRET)
  })

  test('does not retry a 403, and shows the service code but not what was signed', async () => {
    const s = await server(async (req, res) => {
      await body(req)
      const xml = `<?xml version='1.0' encoding='UTF-8'?><Error><Code>SignatureDoesNotMatch</Code><Message>Access denied.</Message><StringToSign>GOOG4-RSA-SHA256 ${SECRET}</StringToSign><CanonicalRequest>PUT /bucket X-Goog-Signature=${SECRET}</CanonicalRequest></Error>`
      res.writeHead(403, {'content-type': 'application/xml'}).end(xml)
    })

    const e = await failure(putFile(s.signed, file, {...fast, log}))

    expect(e.message).toBe(
      `PUT ${s.url}/bucket/runs/7/results.zip?<redacted>: 403 Forbidden (SignatureDoesNotMatch: Access denied.)`,
    )
    expect(e).toMatchObject({status: 403, retryable: false})
    expect(s.requests).toHaveLength(1)
    expect(visible(e)).not.toContain(SECRET)
  })

  test('honours Retry-After on a 429', async () => {
    const s = await server(async (req, res, n) => {
      await body(req)
      if (n === 1) res.writeHead(429, {'retry-after': '1'}).end()
      else res.writeHead(200).end()
    })

    const t0 = performance.now()
    const r = await putFile(s.signed, file, {...fast, log})

    expect(r.attempts).toBe(2)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(990)
    expect(logs[0]).toMatch(/: 429 Too Many Requests; retry 1 of 2 in 1000 ms$/)
  })

  test('times out on a server that never answers, retries, then fails', async () => {
    const s = await server(() => undefined)

    const t0 = performance.now()
    const e = await failure(putFile(s.signed, file, {retries: 1, retryAfterBase: 1, timeoutMs: 200, log}))

    expect(performance.now() - t0).toBeLessThan(2000)
    expect(e.message).toBe(
      `PUT ${s.url}/bucket/runs/7/results.zip?<redacted>: no progress for 200 ms (300000 of 300000 bytes sent) (gave up after 2 attempts)`,
    )
    expect(e.retryable).toBe(true)
    expect(s.requests).toHaveLength(2)
    expect(visible(e)).not.toContain(SECRET)
  })

  test('times out an upload the server stops reading', async () => {
    const big = join(work, 'big.zip')
    await writeFile(big, Buffer.alloc(64 << 20))
    const s = await server(req => req.pause())

    const e = await failure(putFile(s.signed, big, {retries: 0, timeoutMs: 300, log}))

    const m = /no progress for 300 ms \((\d+) of 67108864 bytes sent\)$/.exec(e.message)
    expect(m).not.toBeNull()
    expect(Number(m![1])).toBeLessThan(64 << 20)
  })

  test('sends the body anyway when a server ignores Expect', async () => {
    // never writes 100 Continue: hands the request straight to the handler
    const s = await rawServer((req, res, raw) => raw.emit('request', req, res))

    const r = await putFile(s.url, file, {...fast, timeoutMs: 400, log})

    expect(r).toEqual({status: 200, bytes: data.length, attempts: 1})
    expect(s.expects).toEqual(['100-continue'])
    expect(s.bodies.map(b => b.equals(data))).toEqual([true])
  })

  test('retries without Expect after a 417', async () => {
    const s = await rawServer((_req, res) => res.writeHead(417).end())

    const r = await putFile(s.url, file, {...fast, log})

    expect(r).toEqual({status: 200, bytes: data.length, attempts: 2})
    expect(s.expects).toEqual([undefined])
    expect(s.bodies.map(b => b.equals(data))).toEqual([true])
    expect(logs[0]).toMatch(/: 417 Expectation Failed; retry 1 of 2 in \d+ ms$/)
  })

  test('waits for 100 Continue, so a refusal comes back as the status, not a broken pipe', async () => {
    const big = join(work, 'big.zip')
    await writeFile(big, Buffer.alloc(64 << 20))
    // a storage service checks the signature before it takes the body
    const s = await rawServer((req, res) => {
      s.expects.push(req.headers.expect)
      res.writeHead(403).end('<Error><Code>ExpiredToken</Code><Message>Request has expired</Message></Error>')
    })

    const e = await failure(putFile(s.url, big, {...fast, log}))

    expect(e.message).toBe(`PUT ${redactUrl(s.url)}: 403 Forbidden (ExpiredToken: Request has expired)`)
    expect(s.expects).toEqual(['100-continue'])
    expect(s.bodies).toEqual([])
  })

  test('retries network errors', async () => {
    const gone = await startServer(() => undefined)
    await gone.close()

    const e = await failure(putFile(`${gone.url}/b/o.zip${QUERY}`, file, {...fast, log}))

    expect(e.message).toMatch(
      /^PUT http:\/\/127\.0\.0\.1:\d+\/b\/o\.zip\?<redacted>: network error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up after 3 attempts\)$/,
    )
    expect(logs).toHaveLength(2)
    expect(visible(e)).not.toContain(SECRET)
  })

  test('does not follow redirects', async () => {
    const s = await server(async (req, res) => {
      await body(req)
      res.writeHead(307, {location: `/elsewhere${QUERY}`}).end()
    })

    const e = await failure(putFile(s.signed, file, {...fast, log}))

    expect(e.message).toMatch(/: 307 Temporary Redirect \(redirects are not followed\)$/)
    expect(s.requests).toHaveLength(1)
  })

  test.each([
    [`ftp://h/x${QUERY}`, /^upload URL ftp:\/\/h\/x\?<redacted> is not an http\(s\) URL$/],
    [`not a url${QUERY}`, /^upload URL <invalid URL> is not an http\(s\) URL$/],
    [
      `https://user:${SECRET}@h/x${QUERY}`,
      /^upload URL https:\/\/h\/x\?<redacted> must not hold a user name or password$/,
    ],
  ])('[%#] rejects %s as a ConfigError without showing it', async (url, message) => {
    const e: unknown = await putFile(url, file).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as Error).message).toMatch(message)
    expect(visible(e)).not.toContain(SECRET)
  })

  test('a missing file fails before any request', async () => {
    const s = await server((_req, res) => res.writeHead(200).end())
    await expect(putFile(s.signed, join(work, 'nope.zip'))).rejects.toThrow(TrainerError)
    expect(s.requests).toHaveLength(0)
  })
})

test.each([
  ['https://storage.googleapis.com/b/o.zip?X-Goog-Signature=abc', 'https://storage.googleapis.com/b/o.zip?<redacted>'],
  ['https://user:pw@s3.amazonaws.com:8443/b/o.zip?a=1#frag', 'https://s3.amazonaws.com:8443/b/o.zip?<redacted>'],
  ['http://127.0.0.1:9/b/o.zip', 'http://127.0.0.1:9/b/o.zip'],
  ['https://h/', 'https://h/'],
  ['nonsense?sig=abc', '<invalid URL>'],
])('[%#] redactUrl(%o) is %o', (url, shown) => {
  expect(redactUrl(url)).toBe(shown)
})
