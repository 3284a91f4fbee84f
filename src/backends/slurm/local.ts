/**
 * The `local` transport: Slurm's commands on this machine (a login node, or a workstation that
 * is part of a cluster), the job directory on its file system.
 */
import {spawn} from 'node:child_process'
import {chmod, readdir, rename, writeFile} from 'node:fs/promises'
import {homedir} from 'node:os'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import {makeDirs, openInside} from '../../kit/safe-fs.js'
import {collectOutput, MAX_OUTPUT, type Exec, type ExecResult, type SlurmFiles} from './control.js'

/** What Slurm's commands see of the launcher's environment: where Slurm is, and nothing secret. */
const SLURM_ENV = /^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z]+|TZ|SLURM_CONF|MUNGE_SOCKET)$/

export function localExec(env: Readonly<Record<string, string | undefined>>): Exec {
  const clean: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined && SLURM_ENV.test(k)) clean[k] = v
  return (argv, input) =>
    new Promise<ExecResult>((res, rej) => {
      const child = spawn(argv[0]!, argv.slice(1), {env: clean, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe']})
      if (input && child.stdin) {
        child.stdin.on('error', () => undefined)
        child.stdin.end(input)
      }
      const output = collectOutput(MAX_OUTPUT, () => child.kill('SIGKILL'))
      child.stdout!.on('data', output.stdout)
      child.stderr!.on('data', output.stderr)
      child.once('error', (e: NodeJS.ErrnoException) =>
        e.code === 'ENOENT' ? res({code: 127, stdout: '', stderr: `${argv[0]}: command not found`}) : rej(e),
      )
      child.once('close', code => res(output.result(code ?? 1)))
    })
}

export function localFiles(home = homedir()): SlurmFiles {
  return {
    async write(path, data, mode = 0o644) {
      // whole or not at all: a reader never sees half a task file
      const tmp = join(dirname(path), `.${Date.now()}-${process.pid}.tmp`)
      await writeFile(tmp, data, {mode})
      await chmod(tmp, mode)
      await rename(tmp, path)
    },
    async read(root, rel, maxBytes) {
      let opened
      try {
        opened = await openInside(root, rel)
      } catch (e: unknown) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw e
      }
      const {handle, stat} = opened
      try {
        const n = Math.min(stat.size, maxBytes)
        const buf = Buffer.alloc(n)
        let got = 0
        while (got < n) {
          const {bytesRead} = await handle.read(buf, got, n - got, stat.size - n + got)
          if (bytesRead === 0) break
          got += bytesRead
        }
        return buf.subarray(0, got)
      } finally {
        await handle.close()
      }
    },
    async rename(from, to) {
      await rename(from, to)
    },
    async writeAll(dir, entries) {
      for (const e of entries) await this.write(join(dir, e.name), e.data, e.mode)
    },
    async mkdir(...paths) {
      for (const p of paths) await makeDirs(p)
    },
    async list(path) {
      try {
        return await readdir(path)
      } catch (e: unknown) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw e
      }
    },
    absolute(path) {
      return Promise.resolve(isAbsolute(path) ? path : resolve(home, path.replace(/^~\/?/, '')))
    },
  }
}
