import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer, connect} from 'node:net'
import {join} from 'node:path'

/** An OpenSSH server of a test's own on 127.0.0.1 (/work/shared/slurm-notes.md, "sshd for the SSH transport"). */
export interface Sshd {
  port: number
  /** `[127.0.0.1]:port ssh-ed25519 AAAA…`: the known_hosts line of its host key. */
  knownHosts: string
  /** A HOME whose ~/.ssh holds an authorized key and the host's known_hosts line. */
  home: string
  /** Its log file. */
  log: string
  stop: () => Promise<void>
}

export const SSHD = '/usr/sbin/sshd'

/** Why no sshd can be started here, or undefined. */
export function sshdMissing(): string | undefined {
  if (!existsSync(SSHD)) return `${SSHD} not found (apt-get install openssh-server)`
  try {
    execFileSync('ssh-keygen', ['-?'], {stdio: 'ignore'})
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'ssh-keygen not found (apt-get install openssh-client)'
  }
  return undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

function listening(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const c = connect(port, '127.0.0.1')
    c.on('connect', () => (c.destroy(), resolve(true)))
    c.on('error', () => resolve(false))
  })
}

/** An ed25519 key pair at `path` (and `path.pub`), without passphrase unless given. */
export function keygen(path: string, passphrase = ''): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'trainer-test', '-f', path])
  return readFileSync(`${path}.pub`, 'utf8').trim()
}

/**
 * Starts sshd in the foreground (`-D`, so the test owns its process) in `dir`, with its own host
 * key, the login key of `home` authorized for root, and `SetEnv` lines for the sessions.
 */
export async function startSshd(dir: string, setEnv: Record<string, string> = {}): Promise<Sshd> {
  mkdirSync('/run/sshd', {recursive: true})
  const port = await freePort()
  const hostKey = join(dir, 'ssh_host_ed25519_key')
  const hostPub = keygen(hostKey)
  const home = join(dir, 'home')
  mkdirSync(join(home, '.ssh'), {recursive: true, mode: 0o700})
  const userPub = keygen(join(home, '.ssh', 'id_ed25519'))
  writeFileSync(join(dir, 'authorized_keys'), `${userPub}\n`)
  const knownHosts = `[127.0.0.1]:${port} ${hostPub.split(' ').slice(0, 2).join(' ')}`
  writeFileSync(join(home, '.ssh', 'known_hosts'), `${knownHosts}\n`)
  const config = join(dir, 'sshd_config')
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      'PidFile none',
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      ...Object.entries(setEnv).map(([k, v]) => `SetEnv ${k}=${v}`),
      '',
    ].join('\n'),
  )
  const log = join(dir, 'sshd.log')
  const child: ChildProcess = spawn(SSHD, ['-D', '-f', config, '-E', log], {stdio: 'ignore'})
  const exited = new Promise<void>(r => child.on('exit', () => r()))
  for (let i = 0; i < 100 && !(await listening(port)); i++) {
    if (child.exitCode !== null) break
    await new Promise(r => setTimeout(r, 50))
  }
  if (!(await listening(port))) {
    child.kill()
    throw new Error(`sshd did not start on 127.0.0.1:${port}: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`)
  }
  return {
    port,
    knownHosts,
    home,
    log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
