import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {imageSettings} from '../../../src/image/settings.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {BuildInputs} from '../../../src/actions/build.js'
import {parseConfig} from '../../../src/config/parse.js'
import {readInputs} from '../../../src/kit/inputs.js'
import {RecordingIO} from '../../helpers/recording-io.js'
import {suiteTempDir} from '../../helpers/temp-dir.js'

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

describe('imageSettings: where the cache lives, and the builder', () => {
  const dir = suiteTempDir('settings-builder-')
  const yml = join(dir, 'trainer.yml')
  test.each([
    // [input, image.cache, cache, cacheType]
    [undefined, undefined, true, 'registry'],
    [true, 'gha', true, 'gha'],
    ['gha', undefined, true, 'gha'],
    ['gha', false, true, 'gha'],
    ['registry', 'gha', true, 'registry'],
    [false, 'gha', false, 'gha'],
    [undefined, 'registry', true, 'registry'],
  ] as const)('[%#] input %o, image.cache %o: cache %o in %o', async (input, conf, cache, type) => {
    const cfg = conf === undefined ? {} : {cache: conf}
    const s = await imageSettings(dir, cfg, yml, {cache: input}, {})
    expect([s.cache, s.cacheType]).toEqual([cache, type])
  })

  test.each([
    [undefined, undefined, 'auto'],
    [undefined, 'classic', 'classic'],
    ['buildx', 'classic', 'buildx'],
  ] as const)('[%#] input %o, image.builder %o: %o', async (input, conf, want) => {
    const cfg = conf === undefined ? {} : {builder: conf}
    expect((await imageSettings(dir, cfg, yml, {builder: input}, {})).builder).toBe(want)
  })
})

/** The located message of the ConfigError parsing `text` throws. */
function located(text: string): string | undefined {
  try {
    parseConfig(text, 'trainer.yml')
    return undefined
  } catch (e: unknown) {
    return e instanceof ConfigError ? e.located() : String(e)
  }
}

describe('trainer.yml image.builder and image.cache: file:line, key and the valid choices', () => {
  test.each([
    [
      'image:\n  name: x\n  builder: docker\n',
      "trainer.yml:3:12: image.builder: must be one of 'auto', 'buildx', 'classic'",
    ],
    ['image:\n  cache: gh\n', "trainer.yml:2:10: image.cache: must be one of true, false, 'registry', 'gha'"],
    ['image:\n  cache: 3\n', "trainer.yml:2:10: image.cache: must be one of true, false, 'registry', 'gha'"],
  ])('[%#] %o', (text, want) => {
    expect(located(text)).toBe(want)
  })

  test('valid values parse', () => {
    expect(parseConfig('image:\n  builder: buildx\n  cache: gha\n', 'trainer.yml').image).toEqual({
      builder: 'buildx',
      cache: 'gha',
    })
  })
})

describe('the build action inputs cache and builder', () => {
  test.each([
    ['', '', true, undefined],
    ['false', 'classic', false, 'classic'],
    ['gha', 'buildx', 'gha', 'buildx'],
    ['registry', 'auto', 'registry', 'auto'],
  ])('[%#] cache %o, builder %o', (cache, builder, wantCache, wantBuilder) => {
    const i = readInputs(new RecordingIO({cache, builder}), BuildInputs)
    expect([i.cache, i.builder]).toEqual([wantCache, wantBuilder])
  })

  test.each([
    [{cache: 'yes'}, "Input 'cache': 'yes' is not one of true, false, registry, gha"],
    [{builder: 'docker'}, "Input 'builder': 'docker' is not one of auto, buildx, classic"],
  ])('[%#] %o: %s', (inputs, want) => {
    expect(() => readInputs(new RecordingIO(inputs), BuildInputs)).toThrow(want)
  })
})
