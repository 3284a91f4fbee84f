import {request} from 'node:http'
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
