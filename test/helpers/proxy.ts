import {request, type IncomingHttpHeaders, type OutgoingHttpHeaders} from 'node:http'
import {startServer} from './http-server.js'

/** A loopback HTTP proxy in front of a registry that records every request it forwards. */
export async function countingProxy(target: string) {
  const [host, port] = target.split(':')
  const log: {method: string; url: string; status: number}[] = []
  const server = await startServer((req, res) => {
    const up = request({host, port: Number(port), method: req.method, path: req.url, headers: req.headers}, upRes => {
      log.push({method: req.method ?? '', url: req.url ?? '', status: upRes.statusCode ?? 0})
      res.writeHead(upRes.statusCode ?? 502, upRes.headers)
      upRes.pipe(res)
    })
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  return {...server, log}
}

/** One request through a {@link recordingProxy}, and its answer. */
export interface Exchange {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Buffer
  status: number
  response: Buffer
}

/**
 * A loopback HTTP proxy in front of `target` (`host:port`) that keeps every request and its
 * answer whole. `authorize` may replace a request's Authorization header first: it returns the
 * header to send on (undefined: none), or false to answer 401 itself (a Basic challenge).
 */
export async function recordingProxy(
  target: string,
  o: {authorize?: (given: string | undefined) => string | undefined | false} = {},
) {
  const [host, port] = target.split(':')
  const log: Exchange[] = []
  const server = await startServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const headers: OutgoingHttpHeaders = {...req.headers}
      const record = (status: number, response: Buffer): void =>
        void log.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, status, response})
      if (o.authorize) {
        const auth = o.authorize(req.headers.authorization)
        if (auth === false) {
          record(401, Buffer.alloc(0))
          return void res.writeHead(401, {'www-authenticate': 'Basic realm="proxy"'}).end()
        }
        if (auth === undefined) delete headers.authorization
        else headers.authorization = auth
      }
      const up = request({host, port: Number(port), method: req.method, path: req.url, headers}, upRes => {
        const out: Buffer[] = []
        upRes.on('data', (c: Buffer) => out.push(c))
        upRes.on('end', () => {
          const response = Buffer.concat(out)
          record(upRes.statusCode ?? 0, response)
          res.writeHead(upRes.statusCode ?? 502, upRes.headers).end(response)
        })
      })
      up.on('error', () => res.writeHead(502).end())
      up.end(body)
    })
  })
  return {...server, log}
}
