import type {HashResult} from '../manifest/hash.js'
import {code, kvTable} from '../report/markdown.js'
import type {EnsureResult} from './pipeline.js'

const SOURCE = {
  head: 'committed content (HEAD)',
  worktree: 'work tree',
  disk: 'files on disk (not a git checkout)',
} as const

/** Job summary of `hash`: pure, compared whole in tests. */
export function hashSummary(r: HashResult): string {
  return [
    '### Image manifest',
    '',
    kvTable([
      ['tag', code(r.tag)],
      ['sha256', code(r.hash)],
      ['manifest', code(r.manifest)],
      ['files', String(r.count)],
      ['hashed', SOURCE[r.source]],
    ]),
    '',
  ].join('\n')
}

/** Job summary of `build`. */
export function buildSummary(r: EnsureResult): string {
  return [
    '### Training image',
    '',
    kvTable([
      ['image', code(r.ref.full)],
      ['digest', r.digest ? code(r.digest) : 'unknown'],
      ['built', r.built ? 'yes: the tag was new' : 'no: the tag was already in the registry'],
      ['manifest', `${code(r.hash.manifest)}: ${r.hash.count} files, ${SOURCE[r.hash.source]}`],
      ['registry requests', String(r.requests.length)],
    ]),
    '',
  ].join('\n')
}
