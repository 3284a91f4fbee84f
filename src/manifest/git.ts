import {isAscii} from 'node:buffer'
import {createHash} from 'node:crypto'
import {exec} from '../kit/exec.js'
import {ServiceError} from '../kit/errors.js'

/** One file as git records it: mode, object id (the blob's content hash) and path. */
export interface GitEntry {
  mode: string
  oid: string
  path: string
}

async function git(root: string, args: string[]): Promise<Buffer> {
  const r = await exec('git', ['-c', 'core.quotePath=false', ...args], {cwd: root})
  if (r.code !== 0) throw new ServiceError('git', `git ${args[0] ?? ''}`, r.stderr.trim() || `exit ${r.code}`)
  return r.stdout
}

/** The repository's top level, or undefined when `dir` is not inside a git work tree. */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    const r = await exec('git', ['rev-parse', '--show-toplevel'], {cwd: dir})
    return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined
  } catch {
    return undefined // git not installed
  }
}

function splitZ(buf: Buffer): string[] {
  const s = buf.toString('utf8')
  const parts = s.split('\0')
  if (parts.at(-1) === '') parts.pop()
  return parts
}

/**
 * Files as `git ls-tree -r -z` prints them, kept as the raw records
 * (`<mode> SP <type> SP <oid> TAB <path> NUL`) with their offsets: a listing of
 * 100,000 files costs one buffer, three integer arrays and the path strings.
 */
export class Listing {
  constructor(
    readonly buf: Buffer,
    readonly starts: Int32Array,
    readonly tabs: Int32Array,
    readonly ends: Int32Array,
    readonly paths: string[],
  ) {}
  get length(): number {
    return this.paths.length
  }
  entry(i: number): GitEntry {
    const start = this.starts[i]!
    const tab = this.tabs[i]!
    const head = this.buf.toString('latin1', start, tab)
    const sp1 = head.indexOf(' ')
    return {mode: head.slice(0, sp1), oid: head.slice(head.lastIndexOf(' ') + 1), path: this.paths[i]!}
  }
}

/**
 * Parses `ls-tree -r -z` output without splitting it into per-file strings beyond the paths.
 * ASCII output (the usual case) is read as one string, whose offsets are byte offsets: the
 * records are found with the string's own `indexOf` and each path is a slice of it.
 */
export function parseListing(buf: Buffer): Listing {
  if (!isAscii(buf)) return parseListingBytes(buf)
  const text = buf.toString('latin1')
  // the fewest bytes a record can have: `<mode> blob <40 hex>\t<one byte>\0`
  const cap = Math.floor(buf.length / 55) + 1
  const starts = new Int32Array(cap)
  const tabs = new Int32Array(cap)
  const ends = new Int32Array(cap)
  const paths: string[] = []
  let n = 0
  for (let start = 0, end = text.indexOf('\0'); end >= 0; start = end + 1, end = text.indexOf('\0', start)) {
    const tab = text.indexOf('\t', start)
    starts[n] = start
    tabs[n] = tab
    ends[n] = end
    paths.push(text.slice(tab + 1, end))
    n++
  }
  return new Listing(buf, starts.subarray(0, n), tabs.subarray(0, n), ends.subarray(0, n), paths)
}

/** {@link parseListing} for output with non-ASCII paths: byte offsets, each path decoded as UTF-8. */
function parseListingBytes(buf: Buffer): Listing {
  let n = 0
  for (let p = buf.indexOf(0); p >= 0; p = buf.indexOf(0, p + 1)) n++
  const starts = new Int32Array(n)
  const tabs = new Int32Array(n)
  const ends = new Int32Array(n)
  const paths = new Array<string>(n)
  let start = 0
  for (let i = 0; i < n; i++) {
    const tab = buf.indexOf(9, start)
    const end = buf.indexOf(0, tab)
    starts[i] = start
    tabs[i] = tab
    ends[i] = end
    paths[i] = buf.toString('utf8', tab + 1, end)
    start = end + 1
  }
  return new Listing(buf, starts, tabs, ends, paths)
}

const typeOf = (mode: string): string => (mode === '160000' ? 'commit' : mode === '040000' ? 'tree' : 'blob')

/** A listing made from entries (files on disk, the index), sorted by path bytes as git sorts them. */
export function listingFromEntries(entries: GitEntry[]): Listing {
  const keyed = entries.map(e => ({e, key: Buffer.from(e.path, 'utf8')}))
  keyed.sort((a, b) => Buffer.compare(a.key, b.key))
  const buf = Buffer.from(keyed.map(({e}) => `${e.mode} ${typeOf(e.mode)} ${e.oid}\t${e.path}\0`).join(''), 'utf8')
  return parseListing(buf)
}

/** SHA-256 over the records of the selected files (indices ascending), one update per contiguous run. */
export function digestListing(l: Listing, selected: readonly number[]): string {
  const h = createHash('sha256')
  for (let k = 0; k < selected.length;) {
    const first = selected[k]!
    let last = first
    while (k + 1 < selected.length && selected[k + 1] === last + 1) last = selected[++k]!
    k++
    h.update(l.buf.subarray(l.starts[first], l.ends[last]! + 1))
  }
  return h.digest('hex')
}

/**
 * `git ls-tree -r HEAD`: committed files with their modes and blob ids, without reading a byte
 * of content; only those under `bases` (directories or files relative to the top level, whole
 * path components; '' for all). The records are those of the whole listing, in the same order.
 */
export async function headListing(root: string, bases: readonly string[] = ['']): Promise<Listing> {
  const specs = bases.includes('') ? [] : ['--', ...bases.map(b => `:(top,literal)${b}`)]
  return parseListing(await git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', ...specs]))
}

/** `git ls-files -s`: the index (staged state) with modes and blob ids. */
export async function indexEntries(root: string): Promise<GitEntry[]> {
  const out: GitEntry[] = []
  for (const rec of splitZ(await git(root, ['ls-files', '-s', '-z']))) {
    // <mode> SP <oid> SP <stage> TAB <path>
    const tab = rec.indexOf('\t')
    const [mode = '', oid = ''] = rec.slice(0, tab).split(' ')
    out.push({mode, oid, path: rec.slice(tab + 1)})
  }
  return out
}

/**
 * Paths whose work-tree state may differ from HEAD (stat-based, may over-report; callers
 * verify), relative to the top level: those the pathspecs match, or all when there are none.
 * A submodule counts only for its recorded commit: git does not look inside its work tree.
 */
export async function changedSinceHead(root: string, pathspecs: readonly string[] = []): Promise<string[]> {
  const args = ['diff-index', '--name-only', '-z', '--no-renames', '--no-relative', '--ignore-submodules=dirty']
  return splitZ(await git(root, [...args, 'HEAD', '--', ...pathspecs]))
}

/** Paths whose work-tree state may differ from the index (stat-based, may over-report). */
export async function changedSinceIndex(root: string): Promise<string[]> {
  return splitZ(await git(root, ['diff-files', '--name-only', '-z']))
}

/**
 * Blob ids of work-tree files as git would store them (`git hash-object --stdin-paths`:
 * line-ending and clean filters applied), for the few paths that changed.
 */
export async function hashObjects(root: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return []
  const r = await exec('git', ['hash-object', '--stdin-paths'], {cwd: root, input: paths.join('\n') + '\n'})
  if (r.code !== 0) throw new ServiceError('git', 'git hash-object', r.stderr.trim() || `exit ${r.code}`)
  return r.stdout.toString('utf8').trim().split('\n')
}

/** Untracked, not ignored files matching the given pathspecs (none: none), relative to the top level. */
export async function untrackedMatching(root: string, pathspecs: readonly string[]): Promise<string[]> {
  if (pathspecs.length === 0) return []
  return splitZ(await git(root, ['ls-files', '-o', '--exclude-standard', '--full-name', '-z', '--', ...pathspecs]))
}
