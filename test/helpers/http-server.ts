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
