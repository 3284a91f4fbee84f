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
