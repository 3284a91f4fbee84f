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

/** `git ls-tree -r HEAD`: every committed file with its mode and blob id, without reading a byte of content. */
export async function headTree(root: string): Promise<GitEntry[]> {
  const out: GitEntry[] = []
  for (const rec of splitZ(await git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD']))) {
    // <mode> SP <type> SP <oid> TAB <path>
    const tab = rec.indexOf('\t')
    const sp1 = rec.indexOf(' ')
    const sp2 = rec.indexOf(' ', sp1 + 1)
    out.push({mode: rec.slice(0, sp1), oid: rec.slice(sp2 + 1, tab), path: rec.slice(tab + 1)})
  }
  return out
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

/** Paths whose work-tree state may differ from HEAD (stat-based, may over-report; callers verify). */
export async function changedSinceHead(root: string): Promise<string[]> {
  return splitZ(await git(root, ['diff-index', '--name-only', '-z', '--no-renames', 'HEAD']))
}

/** Paths whose work-tree state may differ from the index (stat-based, may over-report). */
export async function changedSinceIndex(root: string): Promise<string[]> {
  return splitZ(await git(root, ['diff-files', '--name-only', '-z']))
}
