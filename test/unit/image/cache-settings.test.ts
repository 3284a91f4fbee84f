import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {imageSettings} from '../../../src/image/settings.js'
import {ConfigError} from '../../../src/kit/errors.js'

describe('imageSettings cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-cache-'))
  const yml = () => join(dir, 'trainer.yml')
  test.each([
    [undefined, undefined, true],
    [true, undefined, true],
    [false, undefined, false],
    [undefined, false, false],
    [true, false, false],
    [false, true, false],
    [true, true, true],
  ])('[%#] input %o, image.cache %o: cache %o', async (input, conf, want) => {
    const cfg = conf === undefined ? {} : {cache: conf}
    expect((await imageSettings(dir, cfg, yml(), {cache: input}, {})).cache).toBe(want)
  })

  test('image.cache-from is parsed as a full reference; absent, the build uses <name>:buildcache', async () => {
    expect((await imageSettings(dir, {}, yml(), {}, {})).cacheFrom).toBeUndefined()
    expect((await imageSettings(dir, {'cache-from': 'ghcr.io/org/base:cache'}, yml(), {}, {})).cacheFrom).toEqual({
      registry: 'ghcr.io',
      repository: 'org/base',
      tag: 'cache',
      full: 'ghcr.io/org/base:cache',
    })
  })

  test('a cache-from without a tag names the file and key', async () => {
    await expect(imageSettings(dir, {'cache-from': 'ghcr.io/org/base'}, yml(), {}, {})).rejects.toSatisfy(
      (e: unknown) => e instanceof ConfigError && e.where.key === 'image.cache-from' && e.where.file === yml(),
    )
  })
})
