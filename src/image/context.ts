import * as dockerignoreModule from '@balena/dockerignore'
import type {Ignore} from '@balena/dockerignore'
import {createReadStream} from 'node:fs'
import type {Stats} from 'node:fs'
import {lstat, readFile, readlink, stat} from 'node:fs/promises'
import {basename, join, relative, resolve, sep} from 'node:path'
import type {Readable} from 'node:stream'
import {pack as tarPack, type Pack} from 'tar-stream'
import {ConfigError} from '../kit/errors.js'
import {walk} from '../kit/walk.js'

// The package is CommonJS with `module.exports = factory` but types it as a default export.
const dockerignore = ((dockerignoreModule as unknown as {default?: unknown}).default ??
  dockerignoreModule) as () => Ignore

/**
 * Files other actions leave in the workspace that must never reach an image:
 * google-github-actions/auth credentials and Docker's config.json.
 */
export const CREDENTIAL_PATTERNS = ['**/gha-creds-*.json', '**/.docker/config.json']

/**
 * Names never sent at any depth, whatever the ignore file says: git metadata (a
 * directory, or the file a submodule or worktree has; actions/checkout keeps its
 * token in .git/config) and the usual credential files of package managers and tools.
 */
export const NEVER_SENT = new Set(['.git', '.npmrc', '.netrc', '_netrc', '.pypirc', '.git-credentials'])

export interface ContextOptions {
  /** The build context directory. */
  context: string
  /** The Dockerfile (absolute or relative to cwd). */
  dockerfile: string
  /** An explicit ignore file, overriding the defaults below. */
  dockerignore?: string | undefined
  /**
   * Extra paths never to send (the Docker config in use, the results root, the ledger),
   * matched by what they are (device and inode), not by how they are spelled.
   */
  exclude?: string[]
  /** Paths in messages are shown relative to this directory. */
  root?: string
}

export interface BuildContext {
  stream: Readable
  /** The Dockerfile's name inside the tar, for the engine's `dockerfile` parameter. */
  dockerfile: string
  /** Which ignore file applied, if any. */
  ignoreFile: string | undefined
  /** Resolves to the number of files sent once the tar is complete. */
  done: Promise<number>
  /** Paths (relative to the context) kept out whatever the ignore file says; complete once `done` resolves. */
  keptOut: string[]
}

/** A file's identity, so an alias (a symlinked directory, a hard link) cannot pass for another path. */
const identity = (st: Stats): string => `${st.dev}:${st.ino}`

async function identities(paths: readonly string[]): Promise<Set<string>> {
  const ids = await Promise.all(
    paths.map(p =>
      stat(p).then(
        st => identity(st),
        () => undefined,
      ),
    ),
  )
  return new Set(ids.filter((i): i is string => i !== undefined))
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p)
    return true
  } catch {
    return false
  }
}

/** `<Dockerfile>.dockerignore` beside the Dockerfile wins over the context's `.dockerignore` (BuildKit's rule). */
export async function findIgnoreFile(
  context: string,
  dockerfile: string,
  explicit?: string,
): Promise<string | undefined> {
  if (explicit) {
    if (!(await exists(explicit)))
      throw new ConfigError(`dockerignore file ${explicit} not found`, {key: 'image.dockerignore'})
    return explicit
  }
  const perFile = `${dockerfile}.dockerignore`
  if (await exists(perFile)) return perFile
  const inContext = join(context, '.dockerignore')
  return (await exists(inContext)) ? inContext : undefined
}

function parseIgnore(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
}

/**
 * Streams the build context as a tar the way the Docker CLI sends it: honouring the
 * ignore file, always including the Dockerfile, never including credential files.
 * Directories are pruned when no `!` exception could bring something back.
 */
export async function buildContext(o: ContextOptions): Promise<BuildContext> {
  const context = resolve(o.context)
  const dockerfile = resolve(o.dockerfile)
  const label = (p: string): string => (o.root ? relative(o.root, p) || '.' : p)
  if (!(await lstat(dockerfile).catch(() => undefined))?.isFile()) {
    throw new ConfigError(
      `Dockerfile ${label(dockerfile)} not found`,
      {key: 'image.dockerfile'},
      {hint: 'Set image.dockerfile in trainer.yml or the dockerfile input.'},
    )
  }
  const top = await lstat(context).catch(() => undefined)
  if (!top?.isDirectory())
    throw new ConfigError(`build context ${label(context)} is not a directory`, {key: 'image.context'})
  const ignoreFile = await findIgnoreFile(context, dockerfile, o.dockerignore)
  const rules = ignoreFile ? parseIgnore(await readFile(ignoreFile, 'utf8')) : []
  const ig = dockerignore().add(rules)
  const creds = dockerignore().add(CREDENTIAL_PATTERNS)
  const hasExceptions = rules.some(r => r.startsWith('!'))
  const excluded = await identities(o.exclude ?? [])
  const keptOut: string[] = []

  const relDockerfile = relative(context, dockerfile)
  const inside = !relDockerfile.startsWith('..') && !relDockerfile.startsWith(sep)
  // A Dockerfile outside the context is added under a private name, as the Docker CLI does.
  const tarDockerfile = inside ? relDockerfile.split(sep).join('/') : `.trainer-dockerfile-${basename(dockerfile)}`
  const always = new Set([tarDockerfile, ignoreFile ? relative(context, ignoreFile).split(sep).join('/') : ''])
  // directories above what is always sent are walked even when ignored
  const alwaysDirs = new Set(
    [...always].flatMap(a =>
      a
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  )

  const tar = tarPack()
  const done = (async () => {
    let n = 0
    // in name order, each entry's type from lstat (what is sent is what is there now)
    await walk(context, async ({name, rel: path, abs}) => {
      const st = await lstat(abs)
      const ignored = !always.has(path) && ig.ignores(path)
      if (NEVER_SENT.has(name) || creds.ignores(path) || excluded.has(identity(st))) {
        // said only where the ignore file would have let it through
        if (!ignored || (st.isDirectory() && hasExceptions)) keptOut.push(path)
        return false
      }
      if (st.isDirectory()) {
        if (ignored && !hasExceptions && !alwaysDirs.has(path)) return false
        if (!ignored) await addEntry(tar, abs, path, st)
        return true
      }
      if (ignored) return false
      await addEntry(tar, abs, path, st)
      n++
      return false
    })
    if (!inside) {
      await addEntry(tar, dockerfile, tarDockerfile, await lstat(dockerfile))
      n++
    }
    tar.finalize()
    return n
  })()
  done.catch((e: unknown) => tar.destroy(e as Error))
  return {stream: tar as unknown as Readable, dockerfile: tarDockerfile, ignoreFile, done, keptOut}
}

async function addEntry(tar: Pack, abs: string, name: string, st: Stats): Promise<void> {
  const base = {name, mode: st.mode & 0o7777, mtime: st.mtime, uid: 0, gid: 0}
  if (st.isSymbolicLink()) {
    await entry(tar, {...base, type: 'symlink', linkname: await readlink(abs)})
  } else if (st.isDirectory()) {
    await entry(tar, {...base, type: 'directory'})
  } else if (st.isFile()) {
    await new Promise<void>((res, rej) => {
      const sink = tar.entry({...base, type: 'file', size: st.size}, err => (err ? rej(err) : res()))
      const src = createReadStream(abs)
      src.on('error', rej)
      src.pipe(sink)
    })
  }
  // sockets, fifos and devices are skipped, as `docker build` does
}

function entry(tar: Pack, header: Parameters<Pack['entry']>[0]): Promise<void> {
  return new Promise((res, rej) => {
    tar.entry(header, err => (err ? rej(err) : res()))
  })
}
