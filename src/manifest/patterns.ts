import picomatch from 'picomatch'
import {posix} from 'node:path'
import {ConfigError} from '../kit/errors.js'

/** One line of an `.image-manifest`: a gitignore-style glob relative to the repository root. */
export interface ManifestPattern {
  line: number
  source: string
  negated: boolean
  test: (path: string) => boolean
}

/**
 * Parses an `.image-manifest`: one gitignore-style pattern per line, `#` comments,
 * blank lines, `!` negation, `\#`/`\!` escapes, trailing `/` for directories. A
 * pattern without a slash matches at any depth; with one it is anchored to the root.
 * A pattern that names a directory covers everything under it.
 */
export function parseManifest(text: string, file: string): ManifestPattern[] {
  const out: ManifestPattern[] = []
  const lines = text.split(/\r?\n/)
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
    const norm = posix.normalize(p)
    if (norm === '..' || norm.startsWith('../') || p.split('/').includes('..')) {
      throw new ConfigError(
        `pattern '${raw.trim()}' escapes the repository: manifest paths are relative to the repository root`,
        where,
      )
    }
    if (/^[A-Za-z]:[\\/]/.test(p)) throw new ConfigError(`pattern '${raw.trim()}' is an absolute path`, where)
    const glob = anchored ? p : `**/${p}`
    const test = compile(glob, dirOnly, anchored ? p : undefined)
    out.push({line, source: raw.trim(), negated, test})
  })
  return out
}

/**
 * A path test for one pattern: the pattern itself, or anything under it (a pattern
 * naming a directory covers its files). Literal names and `dir/**` become string
 * tests; everything else a plain RegExp (picomatch's matcher allocates result objects
 * on every call, and a manifest is tested against every file in the repository).
 */
function compile(glob: string, dirOnly: boolean, anchoredLiteral: string | undefined): (path: string) => boolean {
  const scan = picomatch.scan(glob)
  if (anchoredLiteral !== undefined && !scan.isGlob) {
    const under = `${anchoredLiteral}/`
    return dirOnly ? p => p.startsWith(under) : p => p === anchoredLiteral || p.startsWith(under)
  }
  if (anchoredLiteral !== undefined && scan.glob === '**' && scan.base && !picomatch.scan(scan.base).isGlob) {
    const base = scan.base
    const under = `${base}/`
    return p => p === base || p.startsWith(under)
  }
  const globs = dirOnly ? [`${glob}/**/*`] : glob.endsWith('/**') ? [glob] : [glob, `${glob}/**/*`]
  const res = globs.map(g => picomatch.makeRe(g, {dot: true}))
  return res.length === 1 ? p => res[0]!.test(p) : p => res.some(r => r.test(p))
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
    let s = p.source.replace(/^\\/, '').replace(/\/+$/, '')
    const anchored = s.startsWith('/') || s.includes('/')
    if (!anchored) return ['']
    s = s.replace(/^\/+/, '')
    const scan = picomatch.scan(s)
    bases.add(scan.isGlob ? scan.base : s)
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
