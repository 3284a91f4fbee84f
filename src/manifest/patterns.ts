import picomatch from 'picomatch'
import {posix} from 'node:path'
import {ConfigError} from '../kit/errors.js'

/** One line of an `.image-manifest`: a gitignore-style glob relative to the repository root. */
export interface ManifestPattern {
  line: number
  source: string
  negated: boolean
  test: (path: string) => boolean
  /** The static directory (or file) under which it can match; '' for anywhere. */
  base: string
  /**
   * git pathspecs that match at least what the pattern matches (the pattern, and everything
   * under it), for asking git about new files under the manifest's own paths only.
   */
  pathspecs: string[]
}

/** Characters picomatch gives a meaning that gitignore does not: literal in a manifest. */
const PICO_ONLY = new Set(['(', ')', '{', '}', '|', '+', '@', '$', '^'])

/**
 * Rewrites a gitignore glob (`*`, `?`, `[...]` with `!` for "not", `**`, `\x` escapes)
 * for picomatch, escaping what picomatch alone treats specially; and gives the literal
 * text when the glob has no wildcard at all.
 */
export function gitGlob(p: string): {glob: string; literal: string | undefined} {
  let glob = ''
  let literal = ''
  let wild = false
  let inClass = false
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i]!
      glob += `\\${n}`
      literal += n
      continue
    }
    if (inClass) {
      glob += c
      if (c === ']') inClass = false
      continue
    }
    if (c === '[' && p.indexOf(']', i + 2) > 0) {
      wild = inClass = true
      glob += '['
      if (p[i + 1] === '!') {
        glob += '^'
        i++
      }
      continue
    }
    if (c === '*' || c === '?') wild = true
    glob += PICO_ONLY.has(c) ? `\\${c}` : c
    literal += c
  }
  return {glob, literal: wild ? undefined : literal}
}

/**
 * Parses an `.image-manifest`: one gitignore-style pattern per line, `#` comments,
 * blank lines, `!` negation, `\#`/`\!` escapes, trailing `/` for directories. A
 * pattern without a slash matches at any depth; with one it is anchored to the root.
 * A pattern that names a directory covers everything under it.
 */
export function parseManifest(text: string, file: string): ManifestPattern[] {
  const out: ManifestPattern[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = i + 1
    let p = raw.replace(/(?<!\\)\s+$/, '')
    if (p === '' || p.startsWith('#')) return
    let negated = false
    if (p.startsWith('!')) {
      negated = true
      p = p.slice(1)
    } else if (p.startsWith('\\#') || p.startsWith('\\!')) {
      p = p.slice(1)
    }
    const where = {file, line, col: 1, key: raw.trim()}
    if (p === '' || p === '/') throw new ConfigError(`empty pattern '${raw.trim()}'`, where)
    const dirOnly = p.endsWith('/')
    if (dirOnly) p = p.replace(/\/+$/, '')
    const anchored = p.startsWith('/') || p.includes('/')
    p = p.replace(/^\/+/, '')
    // `\.\./x`, `.\./x` and `..\/x` are `../x` once the escapes are read: check the unescaped path
    const unescaped = p.replace(/\\(.)/g, '$1')
    const norm = posix.normalize(unescaped)
    if (norm === '..' || norm.startsWith('../') || unescaped.split('/').includes('..')) {
      throw new ConfigError(
        `pattern '${raw.trim()}' escapes the repository: manifest paths are relative to the repository root`,
        where,
      )
    }
    if (/^[A-Za-z]:[\\/]/.test(p)) throw new ConfigError(`pattern '${raw.trim()}' is an absolute path`, where)
    const {glob, literal} = gitGlob(p)
    out.push({
      line,
      source: raw.trim(),
      negated,
      ...compile(anchored ? glob : `**/${glob}`, dirOnly, anchored ? literal : undefined, anchored),
      pathspecs: pathspecsOf(anchored ? p : `**/${p}`, anchored ? literal : undefined),
    })
  })
  return out
}

/**
 * git pathspecs that cover a pattern and everything under what it matches. git matches a
 * literal pathspec by prefix (a directory covers its files) without any glob matching; a glob
 * (git's glob magic reads a gitignore glob the same way: `*` stays in a component) needs a
 * second pathspec for the files under what it matches, unless it already ends in `/**`.
 */
function pathspecsOf(spec: string, literal: string | undefined): string[] {
  if (literal !== undefined) return [`:(top,literal)${literal}`]
  return spec.endsWith('/**') ? [`:(top,glob)${spec}`] : [`:(top,glob)${spec}`, `:(top,glob)${spec}/**`]
}

/**
 * The git pathspecs of a manifest's positive patterns, without repeats: what git is asked
 * about when it looks for uncommitted and untracked listed files.
 */
export function manifestPathspecs(patterns: readonly ManifestPattern[]): string[] {
  return [...new Set(patterns.filter(p => !p.negated).flatMap(p => p.pathspecs))]
}

/**
 * A path test for one pattern: the pattern itself, or anything under it (a pattern
 * naming a directory covers its files). Literal names and `dir/**` become string
 * tests; everything else a plain RegExp (picomatch's matcher allocates result objects
 * on every call, and a manifest is tested against every file in the repository).
 */
function compile(
  glob: string,
  dirOnly: boolean,
  literal: string | undefined,
  anchored: boolean,
): {test: (path: string) => boolean; base: string} {
  if (literal !== undefined) {
    const under = `${literal}/`
    return {test: dirOnly ? p => p.startsWith(under) : p => p === literal || p.startsWith(under), base: literal}
  }
  const scan = picomatch.scan(glob)
  const base = anchored ? scan.base.replace(/\\(.)/g, '$1') : ''
  if (anchored && scan.glob === '**' && base && !/[\\*?[]/.test(scan.base)) {
    // `dir/**`: everything inside dir, not a file named dir
    const under = `${base}/`
    return {test: p => p.startsWith(under), base}
  }
  const globs = dirOnly ? [`${glob}/**/*`] : glob.endsWith('/**') ? [`${glob}/*`] : [glob, `${glob}/**/*`]
  const res = globs.map(g => picomatch.makeRe(g, {dot: true, noextglob: true, nobrace: true}))
  return {test: res.length === 1 ? p => res[0]!.test(p) : p => res.some(r => r.test(p)), base}
}

/**
 * The static directory prefixes under which any positive pattern can match (for
 * walking a tree outside git without visiting unrelated directories). '' means the
 * whole tree.
 */
export function patternBases(patterns: ManifestPattern[]): string[] {
  const bases = new Set<string>()
  for (const p of patterns) {
    if (p.negated) continue
    if (p.base === '') return ['']
    bases.add(p.base)
  }
  return [...bases]
}

/**
 * Selects the paths a manifest lists: the last pattern that matches a path decides,
 * as in gitignore. Returns the indices of the selected paths (in input order) and the
 * positive patterns that matched nothing.
 */
export function selectIndices(
  paths: readonly string[],
  patterns: ManifestPattern[],
): {selected: number[]; unmatched: ManifestPattern[]} {
  const selected: number[] = []
  const matched = new Uint8Array(patterns.length)
  let pending = patterns.filter(p => !p.negated).length
  const n = patterns.length
  for (let k = 0; k < paths.length; k++) {
    const path = paths[k]!
    let decided = -1
    for (let i = n - 1; i >= 0; i--) {
      if (patterns[i]!.test(path)) {
        decided = i
        break
      }
    }
    if (decided >= 0) {
      if (!patterns[decided]!.negated) selected.push(k)
      if (!matched[decided]) {
        matched[decided] = 1
        if (!patterns[decided]!.negated) pending--
      }
    }
    // Patterns shadowed by a later one still count as matching something.
    if (pending > 0) {
      for (let i = 0; i < decided; i++) {
        if (!matched[i] && !patterns[i]!.negated && patterns[i]!.test(path)) {
          matched[i] = 1
          pending--
        }
      }
    }
  }
  return {selected, unmatched: patterns.filter((p, i) => !p.negated && !matched[i])}
}

/** {@link selectIndices}, returning the selected paths themselves. */
export function selectPaths(
  paths: readonly string[],
  patterns: ManifestPattern[],
): {selected: string[]; unmatched: ManifestPattern[]} {
  const r = selectIndices(paths, patterns)
  return {selected: r.selected.map(i => paths[i]!), unmatched: r.unmatched}
}
