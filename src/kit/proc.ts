/**
 * Which process a pid is. A pid alone is not an identity: once its process ends, the kernel
 * hands the number to the next process, so a pid read from a ledger later may belong to a
 * stranger. The pair (pid, start time) does not repeat: the start time is the field
 * `starttime` of /proc/<pid>/stat (clock ticks after boot), which a reused pid changes.
 */
import {readFileSync, readlinkSync} from 'node:fs'
import {hostname} from 'node:os'

/** A process as recorded in the ledger: the pair that identifies it, and where it ran. */
export interface ProcessIdentity {
  pid: number
  /** /proc/<pid>/stat `starttime`; undefined where /proc is not there. */
  start: string | undefined
  host: string
  /**
   * The pid namespace the pid was read in (the inode of /proc/self/ns/pid): containers that
   * share a host name, or a launcher started under `unshare -p`, number their processes apart.
   */
  ns?: string | undefined
  /** The kernel's boot id: the same host name after a reboot, or on another machine, is another place. */
  boot?: string | undefined
}

const read = (f: () => string): string | undefined => {
  try {
    return f().trim()
  } catch {
    return undefined
  }
}

/** Where pids read here are valid: this host, pid namespace and boot. */
export function here(): Pick<ProcessIdentity, 'host' | 'ns' | 'boot'> {
  return {
    host: hostname(),
    ns: read(() => readlinkSync('/proc/self/ns/pid')),
    boot: read(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
  }
}

/** The start time of a live process (/proc/<pid>/stat field 22), or undefined when it is gone. */
export function startTime(pid: number): string | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // the command name (field 2) is in parentheses and may hold spaces or ')': read after the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state), so field 22 is fields[19]; a zombie has ended already
  if (fields[0] === 'Z') return undefined
  return fields[19]
}

export function identify(pid: number): ProcessIdentity {
  return {pid, start: startTime(pid), ...here()}
}

/** Whether `id` was recorded in this place (host, pid namespace and boot), so its pid means something here. */
export function recordedHere(id: ProcessIdentity): boolean {
  const h = here()
  return id.host === h.host && id.ns === h.ns && id.boot === h.boot && id.ns !== undefined
}

/** Whether `a` and `b` are the same process (pid, start time and place). */
export function sameProcess(a: ProcessIdentity, b: ProcessIdentity): boolean {
  return a.pid === b.pid && a.start === b.start && a.host === b.host && a.ns === b.ns && a.boot === b.boot
}

/**
 * Whether the process recorded as `id` is still running: recorded in this place, and the pid
 * now has the recorded start time. undefined when this process cannot tell (another host, pid
 * namespace or boot; no /proc; an identity of an older release).
 */
export function isAlive(id: ProcessIdentity): boolean | undefined {
  if (id.start === undefined || !recordedHere(id)) return undefined
  return startTime(id.pid) === id.start
}

/**
 * Sends a signal to the process recorded as `id`, only after checking that the pid is still
 * that process. 'sent', 'gone' (ended, or the pid now belongs to another process) or
 * 'unknown' (cannot be checked here: never signalled).
 */
export function signalVerified(id: ProcessIdentity, sig: NodeJS.Signals): 'sent' | 'gone' | 'unknown' {
  const alive = isAlive(id)
  if (alive === undefined) return 'unknown'
  if (!alive) return 'gone'
  try {
    process.kill(id.pid, sig)
    return 'sent'
  } catch {
    return 'gone'
  }
}
