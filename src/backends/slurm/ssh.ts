/**
 * The `ssh` transport: Slurm's commands on a login node over ssh (the ssh2 package), the job
 * directory over SFTP on the same connection.
 *
 * The login node's host key must be pinned (`host-fingerprint`, or a `known-hosts` line): an
 * unknown key is never accepted, and a mismatch is refused showing the fingerprint seen. The
 * private key comes from an environment variable (`key-env`, a secret), a file (`key-file`),
 * or the ssh agent (SSH_AUTH_SOCK). Commands are argv arrays, quoted word by word for the
 * remote shell.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {dirname, posix} from 'node:path'
import {Client, type ConnectConfig, type SFTPWrapper} from 'ssh2'
import {pack} from 'tar-stream'
import type {SlurmConfig} from '../../config/backends.js'
import {AuthError, ConfigError, ServiceError, getErrorMessage} from '../../kit/errors.js'
import {cliControl, collectOutput, type ExecResult, type SlurmControl, type SlurmFiles} from './control.js'
import {shellQuote} from './script.js'

/** SHA256:… of a host key blob, as ssh-keygen -lf prints it. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`
}

/** The key blob of a known_hosts line (`host keytype base64`), or undefined. */
export function knownHostKey(line: string): Buffer | undefined {
  const parts = line.trim().split(/\s+/)
  const b64 = parts.find((p, i) => i > 0 && /^AAAA[A-Za-z0-9+/]+=*$/.test(p))
  return b64 ? Buffer.from(b64, 'base64') : undefined
}

/** How long reading one file of a job directory may take. */
const READ_DEADLINE_MS = 30_000

function connectError(where: string, e: unknown): Error {
  const msg = getErrorMessage(e)
  if (/authentication methods failed/i.test(msg))
    return new AuthError(`${where}: the login node refused the key (${msg})`, {
      hint: 'check backends.<name>.user and the key (key-env, key-file or the ssh agent)',
    })
  if (e instanceof ConfigError || e instanceof AuthError) return e
  return new ServiceError(`Slurm (${where})`, 'connect', `cannot reach the login node: ${msg}`, {cause: e})
}

export async function sshControl(
  c: SlurmConfig,
  env: Readonly<Record<string, string | undefined>>,
): Promise<SlurmControl> {
  if (!c.host) throw new ConfigError('the ssh transport needs host', {key: 'host'})
  const user = c.user ?? env.USER ?? 'root'
  const port = c.port ?? 22
  const where = `ssh ${user}@${c.host}:${port}`
  const pinned = c['known-hosts'] ? knownHostKey(c['known-hosts']) : undefined
  if (c['known-hosts'] && !pinned)
    throw new ConfigError('known-hosts: not a known_hosts line (host keytype AAAA…)', {key: 'known-hosts'})
  const want = pinned ? fingerprint(pinned) : c['host-fingerprint']
  if (!want)
    throw new ConfigError(
      `${where}: the login node's host key must be pinned (host-fingerprint: SHA256:…, or known-hosts: a known_hosts line); it is never accepted unseen`,
      {key: 'host-fingerprint'},
    )
  let privateKey: string | Buffer | undefined
  if (c['key-env']) {
    privateKey = env[c['key-env']]
    if (!privateKey) throw new ConfigError(`key-env: ${c['key-env']} is not set`, {key: 'key-env'})
  } else if (c['key-file']) {
    const path = c['key-file'].replace(/^~(?=\/|$)/, homedir())
    privateKey = await readFile(path).catch((e: unknown) => {
      throw new ConfigError(`key-file: ${path} cannot be read (${(e as NodeJS.ErrnoException).code})`, {
        key: 'key-file',
      })
    })
  }
  const agent = privateKey === undefined ? env.SSH_AUTH_SOCK : undefined
  if (privateKey === undefined && !agent)
    throw new ConfigError(`${where}: no key: set key-env, key-file, or run an ssh agent`, {key: 'key-file'})

  let seen: string | undefined
  const conn = new Client()
  const cfg: ConnectConfig = {
    host: c.host.replace(/^\[|\]$/g, ''),
    port,
    username: user,
    readyTimeout: 20_000,
    keepaliveInterval: 15_000,
    hostVerifier: (key: Buffer) => {
      seen = fingerprint(key)
      return seen === want
    },
    ...(privateKey === undefined ? {} : {privateKey}),
    ...(agent ? {agent} : {}),
  }
  // one listener for the connection's whole life: an error after the handshake (the login node
  // went away) marks it lost, and the backend connects again on its next call
  let lost = false
  let failed: ((e: Error) => void) | undefined
  conn.on('error', (e: Error) => {
    lost = true
    failed?.(e)
  })
  conn.on('close', () => {
    lost = true
  })
  await new Promise<void>((res, rej) => {
    conn.once('ready', () => {
      failed = undefined
      res()
    })
    failed = (e: Error) => {
      failed = undefined
      conn.destroy()
      if (seen !== undefined && seen !== want)
        rej(
          new AuthError(`${where}: the login node's host key is ${seen}, not the pinned ${want}: refused`, {
            hint: 'if the host key really changed, update host-fingerprint (or known-hosts) after checking it',
          }),
        )
      else rej(connectError(where, e))
    }
    conn.connect(cfg)
  })
  let sftp: Promise<SFTPWrapper> | undefined
  const files = (): Promise<SFTPWrapper> =>
    (sftp ??= new Promise((res, rej) => conn.sftp((e, s) => (e ? rej(connectError(where, e)) : res(s)))))

  const exec = (argv: readonly string[], input?: Buffer): Promise<ExecResult> =>
    new Promise((res, rej) => {
      conn.exec(argv.map(shellQuote).join(' '), (e, stream) => {
        if (e) return rej(connectError(where, e))
        stream.end(input)
        const output = collectOutput()
        stream.on('data', output.stdout)
        stream.stderr.on('data', output.stderr)
        stream.once('close', (code: number | null, signal?: string) => {
          // no exit status: the channel closed under the command (the connection was lost), so
          // whether it ran is unknown, which is not the same as a command that failed
          if (code === null && !signal)
            rej(
              new ServiceError(
                `Slurm (${where})`,
                argv[0] ?? 'exec',
                'the connection was lost before the command ended',
              ),
            )
          else res(output.result(code ?? 128))
        })
      })
    })

  /** Gives up on an SFTP operation after `ms`, dropping the channel (the next call opens another). */
  const withDeadline = async <T>(ms: number, op: string, fn: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        fn(),
        new Promise<never>((_, rej) => {
          timer = setTimeout(() => {
            const old = sftp
            sftp = undefined
            void old?.then(c => c.end()).catch(() => undefined)
            rej(new ServiceError(`Slurm (${where})`, op, `no answer within ${ms / 1000} s`))
          }, ms)
        }),
      ])
    } finally {
      clearTimeout(timer)
    }
  }
  const call = <T>(fn: (s: SFTPWrapper, cb: (e: Error | null | undefined, v?: T) => void) => void): Promise<T> =>
    files().then(s => new Promise<T>((res, rej) => fn(s, (e, v) => (e ? rej(e) : res(v as T)))))
  const noSuchFile = (e: unknown): boolean => (e as {code?: unknown}).code === 2

  const sftpFiles: SlurmFiles = {
    async write(path, data, mode = 0o644) {
      const tmp = posix.join(dirname(path), `.${Date.now()}-${process.pid}.tmp`)
      await call<undefined>((s, cb) => s.writeFile(tmp, data, {mode}, e => cb(e)))
      await call<undefined>((s, cb) => s.chmod(tmp, mode, e => cb(e)))
      // whole or not at all: a reader never sees half a file
      await this.rename(tmp, path)
    },
    async rename(from, to) {
      await call<undefined>((s, cb) => s.ext_openssh_rename(from, to, e => cb(e))).catch(() =>
        call<undefined>((s, cb) => s.rename(from, to, e => cb(e))),
      )
    },
    async read(root, rel, maxBytes) {
      // every component below the root is looked at, not followed: a symlink or a FIFO
      // planted by the training is refused; a read that stalls gives up and drops the channel
      const parts = rel.split('/').filter(p => p && p !== '.')
      if (parts.includes('..'))
        throw new ServiceError(`Slurm (${where})`, `read ${rel}`, 'a path that leaves the job directory')
      let at = root
      for (const [i, part] of parts.entries()) {
        at = posix.join(at, part)
        let st: {isSymbolicLink(): boolean; isFile(): boolean; isDirectory(): boolean}
        try {
          st = await call((s, cb) => s.lstat(at, cb))
        } catch (e: unknown) {
          if (noSuchFile(e)) return undefined
          throw e
        }
        const last = i === parts.length - 1
        if (st.isSymbolicLink() || (last ? !st.isFile() : !st.isDirectory()))
          throw new ServiceError(
            `Slurm (${where})`,
            `read ${at}`,
            `refused: ${st.isSymbolicLink() ? 'a symlink' : 'not a regular file'}`,
          )
      }
      return withDeadline(READ_DEADLINE_MS, `read ${at}`, async () => {
        const handle = await call<Buffer>((s, cb) => s.open(at, 'r', cb))
        try {
          const st = await call<{size: number}>((s, cb) => s.fstat(handle, cb))
          const n = Math.min(st.size, maxBytes)
          const buf = Buffer.alloc(n)
          let got = 0
          while (got < n) {
            const r = await call<number>((s, cb) =>
              s.read(handle, buf, got, n - got, st.size - n + got, (e, bytes) => cb(e, bytes)),
            )
            if (r === 0) break
            got += r
          }
          return buf.subarray(0, got)
        } finally {
          await call<undefined>((s, cb) => s.close(handle, e => cb(e))).catch(() => undefined)
        }
      })
    },
    async mkdir(...paths) {
      // SFTP has no mkdir -p: one command for all of them
      const r = await exec(['mkdir', '-p', '--', ...paths])
      if (r.code !== 0) throw new ServiceError(`Slurm (${where})`, 'mkdir', r.stderr.trim() || `exit ${r.code}`)
    },
    async writeAll(dir, entries) {
      // one tar stream, unpacked by one command: thousands of task files in one round trip
      const tar = pack()
      for (const e of entries)
        tar.entry({name: e.name, mode: e.mode}, typeof e.data === 'string' ? Buffer.from(e.data) : e.data)
      tar.finalize()
      const chunks: Buffer[] = []
      for await (const c of tar) chunks.push(c as Buffer)
      const r = await exec(['tar', '-x', '-p', '-f', '-', '-C', dir], Buffer.concat(chunks))
      if (r.code !== 0)
        throw new ServiceError(`Slurm (${where})`, `write files in ${dir}`, r.stderr.trim() || `exit ${r.code}`)
    },
    async list(path) {
      try {
        return (await call<{filename: string}[]>((s, cb) => s.readdir(path, cb))).map(f => f.filename)
      } catch (e: unknown) {
        if (noSuchFile(e)) return []
        throw e
      }
    },
    async absolute(path) {
      if (path.startsWith('/')) return path
      const home = await call<string>((s, cb) => s.realpath('.', cb))
      return posix.join(home, path.replace(/^~\/?/, ''))
    },
  }
  const control = cliControl(where, exec, sftpFiles)
  return {
    ...control,
    lost: () => lost,
    close() {
      conn.end()
      return Promise.resolve()
    },
  }
}
