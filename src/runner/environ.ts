/**
 * Taking a secret out of this process's environment for good. `delete process.env.X` unsets
 * the variable, but the kernel still shows the process's initial environment in
 * /proc/<pid>/environ, to any process of the same user (the training, its parent's
 * environment one `cat` away). That initial environment lies on this process's stack, between
 * `env_start` and `env_end` of /proc/self/stat, and a process may write its own memory
 * through /proc/self/mem: the entry is overwritten there with NUL bytes.
 */
import {closeSync, openSync, readFileSync, readSync, writeSync} from 'node:fs'

/**
 * Removes the variables `names` from process.env and wipes them from /proc/self/environ.
 * False when they could not be wiped (no /proc, a kernel that refuses): they stay readable
 * there.
 */
export function forgetEnv(names: readonly string[]): boolean {
  for (const n of names) Reflect.deleteProperty(process.env, n)
  let fd: number | undefined
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // fields after the command name's ')'; the first is field 3, env_start and env_end are 50 and 51
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const start = Number(fields[47])
    const end = Number(fields[48])
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start <= 0 || end <= start) return false
    fd = openSync('/proc/self/mem', 'r+')
    const env = Buffer.alloc(end - start)
    if (readSync(fd, env, 0, env.length, start) !== env.length) return false
    for (let at = 0; at < env.length;) {
      const next = env.indexOf(0, at)
      const stop = next < 0 ? env.length : next
      const entry = env.toString('latin1', at, stop)
      if (names.some(n => entry.startsWith(`${n}=`))) {
        const zeros = Buffer.alloc(stop - at)
        if (writeSync(fd, zeros, 0, zeros.length, start + at) !== zeros.length) return false
      }
      at = stop + 1
    }
    return true
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
