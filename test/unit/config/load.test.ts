import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {loadConfig} from '../../../src/config/load.js'
import {parseConfig} from '../../../src/config/parse.js'
import {located} from '../../helpers/config.js'
import {tempDir} from '../../helpers/temp-dir.js'

describe('parseConfig', () => {
  test('accepts the image section', () => {
    const c = parseConfig(
      'image:\n  name: arr-trainer\n  registry: ghcr.io/org\n  dockerfile: Stack/arr-trainer/Dockerfile\n  context: .\n  tag-length: 7\n  build-args:\n    PY: 3.11\n    DEBUG: true\n  platform: linux/amd64\n',
      'trainer.yml',
    )
    expect(c.image).toEqual({
      name: 'arr-trainer',
      registry: 'ghcr.io/org',
      dockerfile: 'Stack/arr-trainer/Dockerfile',
      context: '.',
      'tag-length': 7,
      'build-args': {PY: 3.11, DEBUG: true},
      platform: 'linux/amd64',
    })
  })

  test.each([
    [
      'image:\n  name: x\n  tagg: 3\n',
      "trainer.yml:3:3: image.tagg: unknown key 'tagg'; valid keys: 'name', 'registry', 'dockerfile', 'context', 'manifest', 'tag-length', 'build-args', 'platform', 'dockerignore', 'auth-realms', 'cache', 'cache-from', 'builder'",
    ],
    [
      'imag:\n  name: x\n',
      "trainer.yml:1:1: imag: unknown key 'imag'; valid keys: 'version', 'image', 'experiments', 'report', 'schedules', 'backends', 'launch'",
    ],
    ['image:\n  tag-length: 99\n', 'trainer.yml:2:15: image.tag-length: Too big: expected number to be <=64'],
    ['image:\n  tag-length: seven\n', "trainer.yml:2:15: image.tag-length: expected a number, got the string 'seven'"],
    [
      'image:\n  platform: amd64\n',
      'trainer.yml:2:13: image.platform: must look like os/arch[/variant], e.g. linux/amd64',
    ],
    [
      'image:\n  build-args:\n    A: [1, 2]\n',
      'trainer.yml:3:8: image.build-args.A: must be a string, number or boolean',
    ],
    [
      'image: [1\n',
      'trainer.yml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['image:\n  name: a\n  name: b\n', 'trainer.yml:3:3: invalid YAML: Map keys must be unique'],
    [
      'experiments:\n  e:\n    command: [x]\n    resources: {gpus: 1, gpu_type: l4}\n',
      "trainer.yml:4:26: experiments.e.resources.gpu_type: unknown key 'gpu_type'; valid keys: 'gpus', 'gpu-type', 'cpus', 'memory', 'disk', 'time'",
    ],
    [
      'experiments:\n  e:\n    command: [x]\n    sweepp: {lr: [1]}\n',
      "trainer.yml:4:5: experiments.e.sweepp: unknown key 'sweepp'; valid keys: 'command', 'params', 'param-types', 'seeds', 'runs', 'sweep', 'resources', 'backend', 'outputs', 'env', 'args-style', 'prefer-config-seed'",
    ],
    [
      'experiments:\n  e:\n    command: python train.py\n',
      "trainer.yml:3:14: experiments.e.command: expected a list, got the string 'python train.py'",
    ],
    [
      'experiments:\n  e:\n    command: [x]\n    seeds: 3\n',
      'trainer.yml:4:12: experiments.e.seeds: expected a list, got the number 3',
    ],
    [
      'experiments:\n  e: 5\n',
      'trainer.yml:2:6: experiments.e: expected a mapping of keys to values, got the number 5',
    ],
    ['experiments:\n  e:\n    params: {a: 1}\n', 'trainer.yml:3:5: experiments.e.command: required: expected a list'],
  ])('[%#] %j fails at %s', (text, expected) => {
    expect(located(text)).toBe(expected)
  })

  test('an empty file is the defaults', () => {
    expect(parseConfig('', 'trainer.yml')).toEqual({})
  })
})

describe('loadConfig', () => {
  test('no trainer.yml: built-in defaults', async () => {
    const dir = tempDir('cfg-')
    expect(await loadConfig(dir)).toEqual({config: {}, file: undefined})
  })
  test('an explicit path must exist', async () => {
    const dir = tempDir('cfg-')
    await expect(loadConfig(dir, 'other.yml')).rejects.toThrow('config file other.yml cannot be read: ENOENT')
  })
  test('reads trainer.yml from the directory', async () => {
    const dir = tempDir('cfg-')
    writeFileSync(join(dir, 'trainer.yml'), 'image:\n  name: x\n')
    expect((await loadConfig(dir)).config).toEqual({image: {name: 'x'}})
  })
})
