/**
 * File access inside a directory that someone else also writes: a run directory, where the
 * training (or a root container with the directory bind-mounted) can plant symlinks, FIFOs
 * or huge files. Every function here:
 * - refuses a relative path that leaves `root` (`..`, absolute paths);
 * - refuses a symlink at any component between `root` and the file (lstat, component by
 *   component), and opens the file itself with O_NOFOLLOW, so a symlink swapped in after
 *   the check is refused by the kernel rather than followed;
 * - opens for reading with O_NONBLOCK and reads only regular files, so a FIFO never blocks;
 * - reads at most `maxBytes`;
 * - checks, once the file is open, where the descriptor really points (/proc/self/fd): a
 *   directory component swapped for a symlink between the checks and the open is caught.
 *   (What is left: a swap between that check and the rename of an atomic write could move
 *   the new file, named as the run file, into another directory.)
 */
import {constants, mkdirSync, statSync, type Stats} from 'node:fs'
import {lstat, mkdir, open, readlink, realpath, rename, rm, stat, type FileHandle} from 'node:fs/promises'
import {randomBytes} from 'node:crypto'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {TrainerError} from './errors.js'

const {O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NOFOLLOW, O_NONBLOCK} = constants

/** A run file could not be used safely: a symlink, a path outside its directory, not a regular file. */
export class UnsafePathError extends TrainerError {
  override name = 'UnsafePathError'
}

/** `root/rel`, refusing a `rel` that is absolute or leaves `root`. */
export function inside(root: string, rel: string): string {
  const base = resolve(root)
  const target = resolve(base, rel)
  const r = relative(base, target)
  if (isAbsolute(rel) || rel.includes('\0') || r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r))
    throw new UnsafePathError(`${rel}: not a path inside ${base}`)
  return target
}

/** Throws when a component from `root` (exclusive) down to `dir` (inclusive) is a symlink or not a directory. */
async function checkDirs(root: string, dir: string): Promise<void> {
  const base = resolve(root)
  const r = relative(base, dir)
  if (r === '') return
  let at = base
  for (const part of r.split(sep)) {
    at = join(at, part)
    const s = await lstat(at)
    if (s.isSymbolicLink()) throw new UnsafePathError(`${at} is a symlink: refused`)
    if (!s.isDirectory()) throw new UnsafePathError(`${at} is not a directory`)
  }
}

/**
 * Throws (after closing and, for a file we created, removing it) when the open descriptor is not
 * `file` under the real path of `root`. Where /proc is not mounted the check is skipped.
 */
async function checkOpened(handle: FileHandle, root: string, file: string, created: boolean): Promise<void> {
  let actual: string
  try {
    actual = await readlink(`/proc/self/fd/${handle.fd}`)
  } catch {
    return
  }
  const expected = join(await realpath(root), relative(resolve(root), file))
  if (actual === expected) return
  await handle.close()
  if (created) await rm(actual, {force: true})
  throw new UnsafePathError(`${file} moved while it was opened (to ${actual}): refused`)
}

function refuse(file: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code
  // O_NOFOLLOW on a symlink: ELOOP (Linux), EMLINK (FreeBSD)
  if (code === 'ELOOP' || code === 'EMLINK') throw new UnsafePathError(`${file} is a symlink: refused`, {cause: e})
  throw e
}

/** Opens `root/rel` for reading: no symlinks, regular files only, never blocks on a FIFO. */
export async function openInside(root: string, rel: string): Promise<{handle: FileHandle; stat: Stats; path: string}> {
  const file = inside(root, rel)
  await checkDirs(root, dirname(file))
  let handle: FileHandle
  try {
    handle = await open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
  } catch (e: unknown) {
    refuse(file, e)
  }
  await checkOpened(handle, root, file, false)
  const stat = await handle.stat()
  if (!stat.isFile()) {
    await handle.close()
    throw new UnsafePathError(`${file} is not a regular file`)
  }
  return {handle, stat, path: file}
}

export interface ReadInsideResult {
  text: string
  /** The file was larger than `maxBytes`: `text` holds its last (`from: 'end'`) or first bytes. */
  truncated: boolean
  size: number
}

/**
 * Reads `root/rel` as UTF-8, at most `maxBytes` of it: the first bytes, or with `from: 'end'`
 * the last ones (a log's tail).
 */
export async function readInside(
  root: string,
  rel: string,
  o: {maxBytes: number; from?: 'start' | 'end'},
): Promise<ReadInsideResult> {
  const {handle, stat} = await openInside(root, rel)
  try {
    const size = stat.size
    const n = Math.min(size, o.maxBytes)
    const position = o.from === 'end' ? size - n : 0
    const buf = Buffer.alloc(n)
    let got = 0
    while (got < n) {
      const {bytesRead} = await handle.read(buf, got, n - got, position + got)
      if (bytesRead === 0) break
      got += bytesRead
    }
    return {text: buf.subarray(0, got).toString('utf8'), truncated: size > o.maxBytes, size}
  } finally {
    await handle.close()
  }
}

/**
 * Creates `root/rel` afresh for writing (an existing file or symlink there is removed
 * first, then the file is created with O_EXCL | O_NOFOLLOW): the handle is ours, whatever
 * is planted at that name later.
 */
export async function createInside(root: string, rel: string, o: {append?: boolean} = {}): Promise<FileHandle> {
  const file = inside(root, rel)
  await checkDirs(root, dirname(file))
  await rm(file, {force: true})
  let handle: FileHandle
  try {
    handle = await open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | (o.append ? O_APPEND : O_TRUNC), 0o644)
  } catch (e: unknown) {
    refuse(file, e)
  }
  await checkOpened(handle, root, file, true)
  return handle
}

/**
 * Writes `root/rel` atomically: a new temp file beside it (O_EXCL | O_NOFOLLOW), flushed,
 * then renamed over the name. A symlink planted at the name is replaced, never followed;
 * a failed write (ENOSPC) leaves the old file as it was and removes the temp file.
 */
export async function writeInside(root: string, rel: string, data: string | Uint8Array): Promise<void> {
  const file = inside(root, rel)
  await checkDirs(root, dirname(file))
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  let handle: FileHandle
  try {
    handle = await open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
  } catch (e: unknown) {
    refuse(tmp, e)
  }
  await checkOpened(handle, root, tmp, true)
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, file)
  } catch (e: unknown) {
    await rm(tmp, {force: true})
    throw e
  }
}

/**
 * `mkdir -p` one level at a time. Node's recursive mkdir loops for ever where mkdir answers
 * ENOENT although the parent exists (`/proc/nope`); this gives that error instead.
 */
export async function makeDirs(path: string): Promise<void> {
  for (const at of prefixes(path)) {
    try {
      await mkdir(at)
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      if (!(await stat(at)).isDirectory()) throw notDirectory(at)
    }
  }
}

/** {@link makeDirs}, synchronously. */
export function makeDirsSync(path: string): void {
  for (const at of prefixes(path)) {
    try {
      mkdirSync(at)
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      if (!statSync(at).isDirectory()) throw notDirectory(at)
    }
  }
}

/** `/a`, `/a/b`, `/a/b/c` for `/a/b/c`. */
function prefixes(path: string): string[] {
  const out: string[] = []
  let at: string = sep
  for (const part of resolve(path).split(sep).filter(Boolean)) out.push((at = join(at, part)))
  return out
}

const notDirectory = (at: string): Error => Object.assign(new Error(`${at} is not a directory`), {code: 'ENOTDIR'})
