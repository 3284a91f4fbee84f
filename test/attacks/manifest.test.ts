// Issue 7, finding 6 (#18): outside git, a manifest could hash files outside the
// repository through an escaped `..` or a symbolic link to a directory.
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {ConfigError} from '../../src/kit/errors.js'
import {hashManifest} from '../../src/manifest/hash.js'
import {RecordingIO} from '../helpers/recording-io.js'

/** A plain directory (not a git checkout) beside a directory holding a secret. */
function layout(manifest: string): {root: string; outside: string} {
  const base = mkdtempSync(join(tmpdir(), 'attack-manifest-'))
  const root = join(base, 'repo')
  const outside = join(base, 'outside')
  mkdirSync(join(root, 'src'), {recursive: true})
  mkdirSync(outside)
  writeFileSync(join(root, 'src/train.py'), 'print(1)\n')
  writeFileSync(join(outside, 'outside.txt'), 'secret\n')
  writeFileSync(join(root, '.image-manifest'), manifest)
  return {root, outside}
}

async function hashError(root: string): Promise<unknown> {
  return hashManifest({cwd: root, manifest: '.image-manifest', tagLength: 7, log: new RecordingIO().log}).then(
    r => r,
    (e: unknown) => e,
  )
}

describe('finding 6: manifest paths cannot leave the repository outside git', () => {
  test.each([
    ['\\../outside/outside.txt'],
    ['src/\\../\\../outside/outside.txt'],
    ['.\\./outside/outside.txt'],
    ['..\\/outside/outside.txt'],
  ])('[%#] an escaped parent (%s) is a ConfigError at manifest file:line', async line => {
    const {root} = layout(`src/train.py\n${line}\n`)
    const e = await hashError(root)
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as ConfigError).located()).toMatch(/^\.image-manifest:2(:\d+)?: .*escapes the repository/)
  })

  test('a path through a symlinked directory that leads outside is a ConfigError at manifest file:line', async () => {
    const {root, outside} = layout('src/train.py\netclink/outside.txt\n')
    symlinkSync(outside, join(root, 'etclink'))
    const e = await hashError(root)
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as ConfigError).located()).toMatch(/^\.image-manifest:2(:\d+)?: .*etclink.*leaves the repository/)
  })

  test('the same through a link to /etc (etclink/hostname)', async () => {
    const {root} = layout('src/train.py\netclink/hostname\n')
    symlinkSync('/etc', join(root, 'etclink'))
    const e = await hashError(root)
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as ConfigError).where).toMatchObject({file: '.image-manifest', line: 2})
  })

  test('a glob under a symlinked directory does not reach outside either', async () => {
    const {root, outside} = layout('src/train.py\netclink/sub/*.txt\n')
    mkdirSync(join(outside, 'sub'))
    writeFileSync(join(outside, 'sub/x.txt'), 'secret\n')
    symlinkSync(outside, join(root, 'etclink'))
    const e = await hashError(root)
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as ConfigError).where).toMatchObject({file: '.image-manifest', line: 2})
  })
})
