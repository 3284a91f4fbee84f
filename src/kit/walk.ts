import type {Dirent} from 'node:fs'
import {readdir} from 'node:fs/promises'
import {join} from 'node:path'

/** One entry of a directory that {@link walk} lists. */
export interface WalkEntry {
  /** The name decoded as UTF-8, as `readdir` gives it (a byte that is not UTF-8 becomes U+FFFD). */
  name: string
  /** The name's bytes as the file system has them. */
  bytes: Buffer
  /** The POSIX path of the directory it is in, relative to the walk's root ('' for the root). */
  dir: string
  /** Its POSIX path relative to the walk's root: `dir/name`. */
  rel: string
  /** Its absolute path: the root joined with each name on the way. */
  abs: string
  /** Its type as `readdir` saw it: a symlink is a symlink, never what it points to. */
  dirent: Dirent<Buffer>
}

export interface WalkOptions {
  /** The directory to start in, a POSIX path relative to the root ('' for the root itself). */
  from?: string
  /**
   * List each directory's names in code-unit order, so the same tree is always walked in the same
   * order (default true). Callers that sort what they collect themselves can save the sort.
   */
  sort?: boolean
}

/**
 * Whether {@link walk} goes into an entry: true descends into it (it must be a directory; the
 * walker never checks, and `readdir` follows a symlink), false moves on to the next entry.
 */
export type Visit = (entry: WalkEntry) => boolean | Promise<boolean>

/**
 * Walks a directory tree depth-first, one entry at a time: `visit` sees every entry of a
 * directory (`.` and `..` excepted), and the walker descends into an entry, right after visiting
 * it, only where `visit` says so; everything else (which entries to keep, symlinks, ignore rules,
 * what may have been swapped since `readdir`) is the visitor's. Entries are visited one after
 * another, each visit awaited, so a visitor may stream what it finds. A directory that cannot be
 * read, or a visitor that throws, rejects the walk with that error; nothing is skipped silently.
 */
export async function walk(root: string, visit: Visit, o: WalkOptions = {}): Promise<void> {
  await walkDir(o.from ?? '', join(root, o.from ?? ''), visit, o.sort ?? true)
}

async function walkDir(dir: string, abs: string, visit: Visit, sort: boolean): Promise<void> {
  const entries = (await readdir(abs, {withFileTypes: true, encoding: 'buffer'})).map(dirent => ({
    dirent,
    name: dirent.name.toString('utf8'),
  }))
  if (sort) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const {dirent, name} of entries) {
    const entry: WalkEntry = {
      name,
      bytes: dirent.name,
      dir,
      rel: dir === '' ? name : `${dir}/${name}`,
      abs: join(abs, name),
      dirent,
    }
    if (await visit(entry)) await walkDir(entry.rel, entry.abs, visit, sort)
  }
}
