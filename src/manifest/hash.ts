import {createHash} from 'node:crypto'
import {lstat, readFile, readlink, realpath} from 'node:fs/promises'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {ConfigError} from '../kit/errors.js'
import type {Logger} from '../kit/io.js'
import {walk} from '../kit/walk.js'
import {
  changedSinceHead,
  changedSinceIndex,
  digestListing,
  gitTopLevel,
  headListing,
  indexEntries,
  listingFromEntries,
  hashObjects,
  untrackedMatching,
  type GitEntry,
  type Listing,
} from './git.js'
import {
  manifestPathspecs,
  parseManifest,
  patternBases,
  selectIndices,
  selectPaths,
  type ManifestPattern,
} from './patterns.js'

export interface HashOptions {
  /** Where to start: the repository (or any directory inside it). */
  cwd: string
  /** The manifest file, relative to `cwd` or absolute. */
  manifest: string
  tagLength: number
  /** Hash the work tree (index plus unstaged edits) instead of HEAD. */
  includeWorktree?: boolean
  log: Pick<Logger, 'warning' | 'debug'>
}

export type HashSource = 'head' | 'worktree' | 'disk'

export interface HashResult {
  /** SHA-256 over the listed files' paths, modes and content ids: 64 hex digits. */
  hash: string
  /** The last `tagLength` hex digits of `hash`. */
  tag: string
  /** How many files the manifest selected. */
  count: number
  /** The selected files in path order (built on first use). */
  readonly files: GitEntry[]
  source: HashSource
  /** The repository root the manifest's paths are relative to. */
  root: string
  manifest: string
}

/** Git's blob id of some content (`git hash-object`), so disk files hash like committed ones. */
export function blobId(content: Buffer, algo: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(algo).update(`blob ${content.length}\0`).update(content).digest('hex')
}

/**
 * Work-tree entries of changed paths in a git checkout: regular files hashed by git
 * itself (so line-ending and filter rules apply), symlinks by their target.
 */
async function worktreeEntries(
  root: string,
  paths: readonly string[],
  algo: 'sha1' | 'sha256',
): Promise<Map<string, GitEntry>> {
  const out = new Map<string, GitEntry>()
  const files: {path: string; mode: string}[] = []
  const realRoot = await realpath(root)
  await Promise.all(
    paths.map(async path => {
      // beyond a symbolic link (a directory replaced by a link) the path is gone, as git sees it
      if (await throughLink(root, realRoot, path)) return
      const st = await lstat(join(root, path)).catch(() => undefined)
      if (!st) return
      if (st.isSymbolicLink()) {
        const e = await diskEntry(root, path, algo)
        if (e) out.set(path, e)
      } else if (st.isFile()) files.push({path, mode: st.mode & 0o100 ? '100755' : '100644'})
    }),
  )
  const oids = await hashObjects(
    root,
    files.map(f => f.path),
  )
  files.forEach((f, i) => out.set(f.path, {mode: f.mode, oid: oids[i]!, path: f.path}))
  return out
}

/** Mode and blob id of a file on disk, as git would record them; undefined if it is gone or a directory. */
export async function diskEntry(
  root: string,
  path: string,
  algo: 'sha1' | 'sha256' = 'sha1',
): Promise<GitEntry | undefined> {
  const abs = join(root, path)
  let st
  try {
    st = await lstat(abs)
  } catch {
    return undefined
  }
  if (st.isSymbolicLink()) return {mode: '120000', oid: blobId(Buffer.from(await readlink(abs), 'utf8'), algo), path}
  if (!st.isFile()) return undefined
  return {mode: st.mode & 0o100 ? '100755' : '100644', oid: blobId(await readFile(abs), algo), path}
}

/**
 * The hash of a set of files, independent of the order they were found in: SHA-256
 * over their `git ls-tree -r -z` records (`<mode> <type> <id>\t<path>\0`) in path
 * order, i.e. `git ls-tree -r -z --full-tree HEAD -- <files> | sha256sum`.
 */
export function digestEntries(entries: GitEntry[]): string {
  const l = listingFromEntries(entries)
  return digestListing(
    l,
    l.paths.map((_, i) => i),
  )
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)
}

/** Whether a directory on the way to `path` is reached through a symbolic link (read: would be followed). */
async function throughLink(root: string, realRoot: string, path: string): Promise<boolean> {
  const parent = dirname(path)
  if (parent === '.' || parent === '') return false
  const real = await realpath(join(root, parent)).catch(() => undefined)
  return real !== undefined && real !== join(realRoot, parent)
}

/**
 * Outside git, the directories a pattern names are read from disk: refuses a pattern whose
 * static part goes through a symbolic link that leads out of the repository (`etclink/hostname`
 * with etclink -> /etc). Links inside the repository are not followed either: git records
 * a link, never what is beyond it.
 */
async function confine(root: string, realRoot: string, p: ManifestPattern, file: string): Promise<void> {
  const parts = p.base.split('/')
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join('/')
    const st = await lstat(join(root, rel)).catch(() => undefined)
    if (!st) return
    if (!st.isSymbolicLink()) continue
    if (i === parts.length) return // the last part is a link: hashed (or matched) as one, never followed
    const target = await realpath(join(root, rel)).catch(() => undefined)
    if (target === undefined || !inside(target, realRoot)) {
      throw new ConfigError(
        `pattern '${p.source}' leaves the repository through the symbolic link ${rel}${target ? ` (to ${target})` : ''}`,
        {file, line: p.line},
        {hint: 'List files inside the repository; a link is hashed as a link, never followed.'},
      )
    }
    return
  }
}

/**
 * The paths on disk at or under `base` (a file, or a directory's files and links, `.git` left
 * out), in no particular order. A path that is gone, or a directory that is gone by the time it is
 * reached, gives nothing; one replaced by a file is listed as that file.
 */
async function listDisk(root: string, base: string, out: string[]): Promise<void> {
  const st = await lstat(join(root, base)).catch(() => undefined)
  if (!st) return
  if (!st.isDirectory()) {
    if (base) out.push(base)
    return
  }
  await walk(
    root,
    async e => {
      if (e.name === '.git') return false
      if (!e.dirent.isDirectory()) {
        out.push(e.rel)
        return false
      }
      const now = await lstat(e.abs).catch(() => undefined)
      if (now && !now.isDirectory()) out.push(e.rel)
      return now?.isDirectory() === true
    },
    {from: base, sort: false},
  )
}

/**
 * A manifest's text: UTF-8 with no NUL byte, or a ConfigError at the first bad line (bad
 * bytes would otherwise become patterns, and NULs reach the terminal).
 */
export function decodeManifest(bytes: Buffer, label: string): string {
  const at = (offset: number): number => bytes.subarray(0, offset).toString('latin1').split('\n').length
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw new ConfigError('the image manifest contains a NUL byte', {file: label, line: at(nul)})
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    // the first byte sequence that is not UTF-8: decode line by line to find it
    let offset = 0
    for (const line of bytes.toString('latin1').split('\n')) {
      const raw = bytes.subarray(offset, offset + line.length)
      try {
        new TextDecoder('utf-8', {fatal: true}).decode(raw)
      } catch {
        throw new ConfigError('the image manifest is not valid UTF-8', {file: label, line: at(offset)})
      }
      offset += line.length + 1
    }
    throw new ConfigError('the image manifest is not valid UTF-8', {file: label})
  }
}

/** The manifest's bytes, or why they cannot be read (reported once its label is known). */
async function readManifest(path: string): Promise<Buffer | NodeJS.ErrnoException> {
  try {
    return await readFile(path)
  } catch (e: unknown) {
    return e as NodeJS.ErrnoException
  }
}

function manifestText(bytes: Buffer | NodeJS.ErrnoException, label: string): string {
  if (Buffer.isBuffer(bytes)) return decodeManifest(bytes, label)
  const code = bytes.code
  const why =
    code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(bytes)})`
  throw new ConfigError(
    `image manifest ${why}`,
    {file: label},
    {
      hint: 'List the files that define the image, one glob per line, in .image-manifest (or set image.manifest in trainer.yml).',
    },
  )
}

function algoOf(entries: GitEntry[]): 'sha1' | 'sha256' {
  return entries[0]?.oid.length === 64 ? 'sha256' : 'sha1'
}

/**
 * Hashes the files an `.image-manifest` lists. In a git checkout it uses the blob
 * ids git already has (HEAD's tree, or the index for `includeWorktree`), reading
 * file content only where git cannot vouch for it; outside git it hashes the files
 * on disk the same way, so the same content gives the same tag everywhere.
 */
export async function hashManifest(o: HashOptions): Promise<HashResult> {
  const cwd = resolve(o.cwd)
  const manifestPath = isAbsolute(o.manifest) ? o.manifest : resolve(cwd, o.manifest)
  const [top, bytes] = await Promise.all([gitTopLevel(cwd), readManifest(manifestPath)])
  const root = top ?? cwd
  const manifestRel = relative(root, manifestPath).split(sep).join('/')
  const manifestLabel = manifestRel.startsWith('..') ? manifestPath : manifestRel
  const text = manifestText(bytes, manifestLabel)
  const patterns = parseManifest(text, manifestLabel)
  if (patterns.every(p => p.negated))
    throw new ConfigError(`image manifest ${manifestLabel} lists no files`, {file: manifestLabel})
  // HEAD is listed under the manifest's own directories only (all of it once a pattern is
  // unanchored), and the work-tree checks start at the same time: git runs all three while
  // this process selects and hashes.
  const tree = top !== undefined && !o.includeWorktree ? headListing(top, patternBases(patterns)) : undefined
  tree?.catch(() => undefined)
  const changed = tree && top !== undefined ? uncommittedCandidates(top, patterns) : undefined
  changed?.catch(() => undefined)

  let listing: Listing
  let selected: number[]
  let source: HashSource
  let unmatched: ManifestPattern[]
  const all = (l: Listing): number[] => Array.from({length: l.length}, (_, i) => i)
  if (top === undefined) {
    source = 'disk'
    const realRoot = await realpath(root)
    for (const p of patterns) if (!p.negated && p.base !== '') await confine(root, realRoot, p, manifestLabel)
    const paths: string[] = []
    for (const base of patternBases(patterns)) {
      if (!(await throughLink(root, realRoot, base))) await listDisk(root, base, paths)
    }
    const sel = selectPaths([...new Set(paths)], patterns)
    unmatched = sel.unmatched
    const entries = await Promise.all(sel.selected.map(p => diskEntry(root, p)))
    listing = listingFromEntries(entries.filter((e): e is GitEntry => e !== undefined))
    selected = all(listing)
  } else if (o.includeWorktree) {
    source = 'worktree'
    const [index, changed] = await Promise.all([indexEntries(root), changedSinceIndex(root)])
    const sel = selectIndices(
      index.map(e => e.path),
      patterns,
    )
    unmatched = sel.unmatched
    const dirty = new Set(changed)
    const picked = sel.selected.map(i => index[i]!)
    // a submodule is its recorded commit; files that changed are hashed as git would store them
    const now = await worktreeEntries(
      root,
      picked.filter(e => dirty.has(e.path) && e.mode !== '160000').map(e => e.path),
      algoOf(index),
    )
    const entries = picked.map(e => (dirty.has(e.path) && e.mode !== '160000' ? now.get(e.path) : e))
    listing = listingFromEntries(entries.filter((e): e is GitEntry => e !== undefined))
    selected = all(listing)
  } else {
    source = 'head'
    // Select and hash while git is still comparing the work tree with HEAD.
    try {
      listing = await tree!
    } catch (e: unknown) {
      throw new ConfigError(
        `cannot read HEAD of the repository at ${root}: ${e instanceof Error ? e.message : String(e)}`,
        {file: manifestLabel},
        {
          hint: 'The tag hashes committed files: commit them first, or pass include-worktree to hash the work tree.',
        },
      )
    }
    const sel = selectIndices(listing.paths, patterns)
    unmatched = sel.unmatched
    selected = sel.selected
  }
  for (const p of unmatched)
    o.log.warning(`pattern '${p.source}' matches no ${source === 'disk' ? '' : 'committed '}file`, {
      file: manifestLabel,
      line: p.line,
    })
  if (selected.length === 0) {
    throw new ConfigError(
      `image manifest ${manifestLabel} matches no ${source === 'head' ? 'committed ' : ''}file`,
      {file: manifestLabel},
      {
        hint:
          source === 'head'
            ? 'Files must be committed to count; commit them or pass include-worktree.'
            : 'Check the globs against the repository layout.',
      },
    )
  }
  const hash = digestListing(listing, selected)
  if (source === 'head') await warnUncommitted(root, await changed!, listing, patterns, o.log)
  const l = listing
  let files: GitEntry[] | undefined
  return {
    hash,
    tag: hash.slice(-o.tagLength),
    count: selected.length,
    get files() {
      return (files ??= selected.map(i => l.entry(i)))
    },
    source,
    root,
    manifest: manifestLabel,
  }
}

/**
 * Beyond this many pathspecs that git must glob-match against every tracked path (an unanchored
 * `*.toml` or `Dockerfile`: about 5 ms per 100,000 files each), comparing every tracked file's
 * stat (about 70 ms per 100,000) is cheaper than narrowing the comparison to the manifest's paths.
 */
const MAX_UNANCHORED_PATHSPECS = 8

/**
 * Listed paths that may differ from HEAD: tracked files git sees changed (stat-based) and
 * untracked files, asked of git at once and limited to the manifest's own paths. Paths are
 * relative to `top`; callers keep the listed ones and compare them with HEAD.
 */
async function uncommittedCandidates(top: string, patterns: ManifestPattern[]): Promise<string[]> {
  const specs = manifestPathspecs(patterns)
  const unanchored = specs.filter(s => s.startsWith(':(top,glob)**/')).length
  const [edited, fresh] = await Promise.all([
    changedSinceHead(top, unanchored > MAX_UNANCHORED_PATHSPECS ? [] : specs),
    untrackedMatching(top, specs).catch(() => []),
  ])
  return [...edited, ...fresh]
}

/** Warns, per listed file, when the work tree differs from HEAD: the tag would not reflect it. */
async function warnUncommitted(
  root: string,
  changed: string[],
  tree: Listing,
  patterns: ManifestPattern[],
  log: Pick<Logger, 'warning'>,
): Promise<void> {
  const listed = selectPaths(changed, patterns).selected
  if (listed.length === 0) return
  const wanted = new Set(listed)
  const head = new Map<string, GitEntry>()
  tree.paths.forEach((p, i) => {
    if (wanted.has(p)) head.set(p, tree.entry(i))
  })
  const algo = tree.length && tree.entry(0).oid.length === 64 ? 'sha256' : 'sha1'
  const current = await worktreeEntries(
    root,
    listed.filter(p => head.get(p)?.mode !== '160000'),
    algo,
  )
  const limit = 20
  let n = 0
  for (const path of listed) {
    const committed = head.get(path)
    if (committed?.mode === '160000') continue // submodule: its own repository
    const now = current.get(path)
    let why: string | undefined
    if (!committed) why = now ? 'is not committed' : undefined
    else if (!now) why = 'is deleted in the work tree'
    else if (now.oid !== committed.oid) why = 'has uncommitted changes'
    else if (now.mode !== committed.mode) why = `has an uncommitted mode change (${committed.mode} → ${now.mode})`
    if (!why) continue
    if (++n <= limit) log.warning(`${path} ${why}: the tag hashes HEAD and does not reflect it`, {file: path})
  }
  if (n > limit) log.warning(`${n - limit} more listed files differ from HEAD`)
}
