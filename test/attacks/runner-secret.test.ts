// Issue 7, finding 2: RESULT_URL hidden from the training. The runner reads the pre-signed URL
// and then no longer holds it in its initial environment (/proc/<pid>/environ), and every
// 8-character piece of the signature, raw, URL-encoded or base64, is redacted from all it writes.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {startServer} from '../helpers/http-server.js'
import {HOSTILE, launch, leaked} from './runner-harness.js'

/** A signature with characters that need URL-encoding (an Azure SAS `sig` looks like this). */
const SIG = 'Zx9+Qw/Er7Ty8Ui0Op1As2Df3Gh4Jk5Lz6Xc7Vb8Nm9=='
const b64 = (s: string): string => Buffer.from(s).toString('base64')
/** Every form the hostile training prints (the last group of a base64 piece depends on its end). */
const FORMS = [
  SIG,
  encodeURIComponent(SIG),
  b64(SIG),
  Buffer.from(SIG).toString('base64url'),
  b64(SIG.slice(5, 40)).slice(0, -4),
]

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.map(c => c()))
  closers = []
})

async function storage(status = 200, body = '') {
  const server = await startServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(status, {'content-type': 'application/xml'}).end(body))
  })
  closers.push(server.close)
  const url = `${server.url}/bucket/r.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature=${encodeURIComponent(SIG)}`
  return {server, url}
}

describe('runner: RESULT_URL is hidden from the training (issue 7, finding 2)', () => {
  test('[2] neither /proc/<runner>/environ nor the grandparent shows RESULT_URL; TRAINER_RUN_TOKEN stays', async () => {
    const {server, url} = await storage()
    const a = launch({
      command: [process.execPath, HOSTILE, 'snoop', '1500'],
      args: ['--archive', 'zip'],
      env: {RESULT_URL: url, TRAINER_RUN_TOKEN: 'tok-123'},
    })
    await a.waitFor('snooped')
    const environ = readFileSync(`/proc/${a.child.pid}/environ`, 'latin1')
    const cmdline = readFileSync(`/proc/${a.child.pid}/cmdline`, 'latin1')
    const r = await a.result
    expect(r.code, r.stderr).toBe(0)
    // the URL was still used: the upload went to it
    expect(server.requests.map(q => q.url)).toEqual([url.slice(url.indexOf('/bucket'))])
    expect(leaked(environ + cmdline, FORMS)).toEqual([])
    expect(environ).not.toContain('RESULT_URL=')
    expect(environ.split('\0')).toContain('TRAINER_RUN_TOKEN=tok-123')
    const snooped = readFileSync(join(a.runDir, 'snooped.json'), 'utf8')
    expect(leaked(snooped, FORMS)).toEqual([])
    expect(leaked(r.stdout + r.stderr + readFileSync(join(a.runDir, 'logs.txt'), 'utf8'), FORMS)).toEqual([])
  })

  test('[2] pieces of the signature, raw, base64 or URL-encoded, never reach stdout, stderr or logs.txt', async () => {
    const {url} = await storage()
    const a = launch({
      command: [process.execPath, HOSTILE, 'leak'],
      args: ['--archive', 'zip'],
      env: {RESULT_URL: url, LEAK: SIG, LOG_LEVEL: 'DEBUG'},
    })
    const r = await a.result
    expect(r.code, r.stderr).toBe(0)
    const logs = readFileSync(join(a.runDir, 'logs.txt'), 'utf8')
    expect(leaked(r.stdout, FORMS)).toEqual([])
    expect(leaked(r.stderr, FORMS)).toEqual([])
    expect(leaked(logs, FORMS)).toEqual([])
    // the rest of each line is kept
    expect(r.stdout).toContain('head: <redacted>!')
    expect(r.stderr).toContain('mid: x<redacted>x')
    const m = JSON.parse(readFileSync(join(a.runDir, 'metrics.json'), 'utf8')) as {final: unknown}
    expect(m.final).toEqual({loss: 0.5})
  })

  test('[2] a storage error quoting part of the signature is redacted in stderr and metrics.json', async () => {
    const {url} = await storage(
      403,
      `<Error><Code>SignatureDoesNotMatch</Code><Message>expected ${SIG.slice(3, 30)}</Message></Error>`,
    )
    const a = launch({
      command: ['true'],
      args: ['--archive', 'zip'],
      env: {RESULT_URL: url, TRAINER_UPLOAD_RETRIES: '0'},
    })
    const r = await a.result
    expect(r.code, r.stderr).toBe(3)
    expect(r.stderr).toContain('SignatureDoesNotMatch')
    const metrics = readFileSync(join(a.runDir, 'metrics.json'), 'utf8')
    expect(metrics).toContain('SignatureDoesNotMatch')
    expect(leaked(r.stderr + metrics, FORMS)).toEqual([])
  })
})
