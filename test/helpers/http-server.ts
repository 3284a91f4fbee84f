import {afterEach} from 'vitest'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface Recorded {
  method: string
  url: string
  headers: IncomingMessage['headers']
}

/** A real HTTP server on loopback that records every request. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse, n: number) => unknown) {
  const requests: Recorded[] = []
  const server = createServer((req, res) => {
    requests.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers})
    void handler(req, res, requests.length)
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

export type Server = Awaited<ReturnType<typeof startServer>>

/** `serve(handler)` for a test file: servers it starts are closed after each test. */
export function serversPerTest(): (handler: Parameters<typeof startServer>[0]) => Promise<Server> {
  const servers: Server[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.close()))
  })
  return async handler => {
    const s = await startServer(handler)
    servers.push(s)
    return s
  }
}

/** A request's whole body as text. */
export function body(req: IncomingMessage): Promise<string> {
  return new Promise(r => {
    let b = ''
    req.on('data', (c: Buffer) => (b += c.toString()))
    req.on('end', () => r(b))
  })
}

/**
 * A Docker engine on loopback (ping, build, push) that records every X-Registry-Auth it is
 * sent; `push(n)` gives the progress events of the n-th push.
 */
export async function fakeEngine(
  serve: (handler: Parameters<typeof startServer>[0]) => Promise<Server>,
  digest: string,
  push: (n: number) => object[] = () => [{status: 'pushed'}, {aux: {Digest: digest}}],
) {
  const auths: string[] = []
  const engine = await serve(async (req, res) => {
    const url = req.url ?? ''
    await body(req)
    if (url.startsWith('/_ping')) return void res.writeHead(200, {'content-type': 'text/plain'}).end('OK')
    if (url.startsWith('/build')) {
      return void res
        .writeHead(200, {'content-type': 'application/json'})
        .end(`${JSON.stringify({stream: 'Step 1/1 : FROM scratch\n'})}\n${JSON.stringify({aux: {ID: 'sha256:1'}})}\n`)
    }
    if (/^\/images\/.+\/push/.test(url)) {
      auths.push(String(req.headers['x-registry-auth']))
      return void res.writeHead(200, {'content-type': 'application/json'}).end(
        push(auths.length)
          .map(e => JSON.stringify(e) + '\n')
          .join(''),
      )
    }
    res.writeHead(404).end('{}')
  })
  const decode = (a: string): string => Buffer.from(a.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')
  const decoded = (): Record<string, string>[] => auths.map(a => JSON.parse(decode(a)) as Record<string, string>)
  return {engine, auths, decoded}
}
