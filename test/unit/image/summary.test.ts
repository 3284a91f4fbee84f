import {expect, test} from 'vitest'
import {buildSummary, hashSummary} from '../../../src/image/summary.js'
import {parseRef} from '../../../src/image/ref.js'
import type {HashResult} from '../../../src/manifest/hash.js'

const hash: HashResult = {
  hash: 'c3ad1e1eff27c3b56c9e7ff08f159b6d0e94bd34e41ad70378569f474c1136ad',
  tag: 'c1136ad',
  count: 2,
  files: [],
  source: 'head',
  root: '/repo',
  manifest: 'Stack/arr-trainer/.image-manifest',
}

test('hash summary', () => {
  expect(hashSummary(hash)).toBe(
    [
      '### Image manifest',
      '',
      '| | |',
      '|---|---|',
      '| tag | `c1136ad` |',
      '| sha256 | `c3ad1e1eff27c3b56c9e7ff08f159b6d0e94bd34e41ad70378569f474c1136ad` |',
      '| manifest | `Stack/arr-trainer/.image-manifest` |',
      '| files | 2 |',
      '| hashed | committed content (HEAD) |',
      '',
    ].join('\n'),
  )
})

test('build summary', () => {
  const r = {
    ref: parseRef('ghcr.io/org/arr-trainer:c1136ad'),
    digest: 'sha256:abc',
    built: false,
    hash,
    requests: [{method: 'HEAD', url: 'x', status: 200}],
  }
  expect(buildSummary(r)).toBe(
    [
      '### Training image',
      '',
      '| | |',
      '|---|---|',
      '| image | `ghcr.io/org/arr-trainer:c1136ad` |',
      '| digest | `sha256:abc` |',
      '| built | no: the tag was already in the registry |',
      '| manifest | `Stack/arr-trainer/.image-manifest`: 2 files, committed content (HEAD) |',
      '| registry requests | 1 |',
      '',
    ].join('\n'),
  )
})
