// Issue 7, finding 6: an upload always ends. Each attempt and the whole upload have a
// deadline (a server trickling a byte at a time cannot hold the job), and no response body is
// read past a small bound.
import {createServer, type Server, type Socket} from 'node:net'
import {describe, expect, test} from 'vitest'
import {attack} from './runner-harness.js'

interface Raw {
  url: string
  requests: () => number
  /** Bytes the server managed to send before the runner went away. */
  sent: () => number
  close: () => Promise<void>
}

/**
 * A storage server on loopback that reads each request head, then answers with `reply`
 * (raw HTTP). Its timers and sockets are gone once `close` resolves.
 */
async function rawServer(reply: (s: Socket, count: (n: number) => void) => void): Promise<Raw> {
  const sockets = new Set<Socket>()
  let requests = 0
  let sent = 0
  const server: Server = createServer(s => {
    sockets.add(s)
    s.on('error', () => undefined)
    s.on('close', () => sockets.delete(s))
    let head = ''
    const onData = (b: Buffer): void => {
      head += b.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      requests++
      s.off('data', onData)
      s.resume()
      // answer `100 Continue` so the body goes out, then take it whole
      if (/expect: 100-continue/i.test(head)) s.write('HTTP/1.1 100 Continue\r\n\r\n')
      reply(s, n => (sent += n))
    }
    s.on('data', onData)
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const {port} = server.address() as {port: number}
  return {
    url: `http://127.0.0.1:${port}/bucket/r.zip?sig=c2lnbmF0dXJlLXNlY3JldA`,
    requests: () => requests,
    sent: () => sent,
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>(r => server.close(() => r()))
    },
  }
}

/** Writes `text` one byte every `ms`, until the socket closes. */
function trickle(s: Socket, text: string, ms: number, count: (n: number) => void): void {
  let i = 0
  const t = setInterval(() => {
    if (s.destroyed) return clearInterval(t)
    s.write(text[i++ % text.length]!)
    count(1)
  }, ms)
  s.on('close', () => clearInterval(t))
}

const run = (url: string, env: Record<string, string> = {}) =>
  attack({
    command: ['true'],
    args: ['--archive', 'zip'],
    env: {RESULT_URL: url, TRAINER_UPLOAD_RETRY_BASE_MS: '10', ...env},
    killAfterMs: 30_000,
  })

describe('runner upload deadlines (issue 7, finding 6)', () => {
  test('[6] a server trickling its response head: each attempt ends at its deadline', async () => {
    const server = await rawServer((s, count) => trickle(s, 'HTTP/1.1 200 OK\r\nx-slow: ', 500, count))
    try {
      const r = await run(server.url, {
        TRAINER_UPLOAD_TIMEOUT_SEC: '2',
        TRAINER_UPLOAD_ATTEMPT_SEC: '2',
        TRAINER_UPLOAD_RETRIES: '1',
      })
      expect(r.killed).toBe(false)
      expect(r.code, r.stderr).toBe(3)
      expect(r.stderr).toMatch(/attempt deadline of 2 s/)
      expect(server.requests()).toBe(2)
      expect(r.ms).toBeLessThan(10_000)
    } finally {
      await server.close()
    }
  })

  test('[6] the whole upload has a deadline, Retry-After or not', async () => {
    const server = await rawServer(s =>
      s.end('HTTP/1.1 503 Service Unavailable\r\nretry-after: 30\r\ncontent-length: 0\r\n\r\n'),
    )
    try {
      const r = await run(server.url, {TRAINER_UPLOAD_DEADLINE_SEC: '3', TRAINER_UPLOAD_RETRIES: '4'})
      expect(r.killed).toBe(false)
      expect(r.code, r.stderr).toBe(3)
      expect(r.stderr).toMatch(/upload deadline of 3 s/)
      expect(r.ms).toBeLessThan(10_000)
    } finally {
      await server.close()
    }
  })

  test('[6] a 2xx whose body never ends: the upload is done at its status', async () => {
    const server = await rawServer((s, count) => {
      s.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n')
      const t = setInterval(() => {
        if (s.destroyed) return clearInterval(t)
        s.write('1\r\nx\r\n')
        count(1)
      }, 200)
      s.on('close', () => clearInterval(t))
    })
    try {
      const r = await run(server.url, {TRAINER_UPLOAD_TIMEOUT_SEC: '2'})
      expect(r.killed).toBe(false)
      expect(r.code, r.stderr).toBe(0)
      expect(r.ms).toBeLessThan(5000)
    } finally {
      await server.close()
    }
  })

  test('[6] a huge error body is read only in part', async () => {
    const server = await rawServer((s, count) => {
      s.write('HTTP/1.1 500 Internal Server Error\r\ncontent-length: 1073741824\r\n\r\n')
      const chunk = Buffer.alloc(1 << 20, 'e')
      const pump = (): void => {
        while (!s.destroyed && server.sent() < 1 << 30) {
          count(chunk.length)
          if (!s.write(chunk)) return void s.once('drain', pump)
        }
      }
      pump()
    })
    try {
      const r = await run(server.url, {TRAINER_UPLOAD_RETRIES: '0'})
      expect(r.killed).toBe(false)
      expect(r.code, r.stderr).toBe(3)
      expect(r.stderr).toContain('500 Internal Server Error')
      expect(server.sent()).toBeLessThan(256 << 20)
    } finally {
      await server.close()
    }
  })
})
