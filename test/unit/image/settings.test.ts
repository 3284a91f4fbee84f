import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {withoutModem} from '../../../src/image/modem-debug.js'
import {imageSettings, realmHosts, workspaceOutputs} from '../../../src/image/settings.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {suiteTempDir, tempDir} from '../../helpers/temp-dir.js'

describe('realmHosts', () => {
  test.each([
    ['auth.example.com', 'auth.example.com'],
    ['Auth.Example.COM', 'auth.example.com'],
    ['reg.example.com:5001', 'reg.example.com:5001'],
    ['localhost:6001', 'localhost:6001'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]:5000', '[::1]:5000'],
  ])('[%#] %s is the host %s', (given, want) => {
    expect(realmHosts([given], {key: 'auth-realms'})).toEqual([want])
  })

  test.each([
    ['https://auth.example.com/token'],
    ['auth.example.com/token'],
    ['*.example.com'],
    ['user@auth.example.com'],
    ['auth.example.com:'],
    ['-auth.example.com'],
    [''],
  ])('[%#] %s is a ConfigError naming the key and file', given => {
    expect(() => realmHosts([given], {file: 'trainer.yml', key: 'image.auth-realms'})).toThrow(
      expect.objectContaining({where: {file: 'trainer.yml', key: 'image.auth-realms'}}),
    )
  })
})

describe('imageSettings auth-realms', () => {
  const dir = suiteTempDir('settings-')
  test('the input wins over trainer.yml; an empty input leaves trainer.yml in force', async () => {
    const cfg = {'auth-realms': ['auth.example.com']}
    const yml = join(dir, 'trainer.yml')
    expect((await imageSettings(dir, cfg, yml, {}, {})).authRealms).toEqual(['auth.example.com'])
    expect((await imageSettings(dir, cfg, yml, {'auth-realms': []}, {})).authRealms).toEqual(['auth.example.com'])
    expect((await imageSettings(dir, cfg, yml, {'auth-realms': ['other.example.com']}, {})).authRealms).toEqual([
      'other.example.com',
    ])
    expect((await imageSettings(dir, undefined, undefined, {}, {})).authRealms).toEqual([])
  })

  test('a bad entry in trainer.yml names the file and key', async () => {
    await expect(
      imageSettings(dir, {'auth-realms': ['https://x/token']}, join(dir, 'trainer.yml'), {}, {}),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof ConfigError && e.where.key === 'image.auth-realms' && e.where.file !== undefined,
    )
  })
})

describe('workspaceOutputs', () => {
  const defaults = {results: 'results', ledger: '.trainer/ledger.db'}
  test('defaults: the results root, the ledger directory and the ledger files', () => {
    expect(workspaceOutputs('/ws', undefined, defaults)).toEqual([
      '/ws/results',
      '/ws/.trainer',
      '/ws/.trainer/ledger.db',
      '/ws/.trainer/ledger.db-wal',
      '/ws/.trainer/ledger.db-shm',
      '/ws/.trainer/ledger.db-journal',
    ])
  })

  test('a ledger at the workspace root keeps out the files, never the workspace itself', () => {
    const out = workspaceOutputs('/ws', {'results-root': 'out/res', ledger: 'ledger.db'}, defaults)
    expect(out).toEqual([
      '/ws/out/res',
      '/ws/ledger.db',
      '/ws/ledger.db-wal',
      '/ws/ledger.db-shm',
      '/ws/ledger.db-journal',
    ])
  })
})

test.each([
  [undefined, undefined],
  ['', ''],
  ['modem', 'modem,-modem'],
  ['*', '*,-modem'],
  ['app:*,modem', 'app:*,modem,-modem'],
  ['*,-modem', '*,-modem'],
])('[%#] withoutModem(%o) is %o', (given, want) => {
  expect(withoutModem(given)).toBe(want)
})

describe('the manifest is found the way git finds .git (issue 8 #11)', () => {
  test('from a subdirectory, the repository root manifest; never above the repository', async () => {
    const top = tempDir('find-up-')
    mkdirSync(join(top, 'repo/.git'), {recursive: true})
    mkdirSync(join(top, 'repo/src/deep'), {recursive: true})
    writeFileSync(join(top, '.image-manifest'), 'outside\n')
    writeFileSync(join(top, 'repo/.image-manifest'), 'Dockerfile\n')
    const found = await imageSettings(join(top, 'repo/src/deep'), undefined, undefined, {}, {})
    expect(found.manifest).toBe(join(top, 'repo/.image-manifest'))
    // a repository without one: the workspace's own name, never the file above the repository
    rmSync(join(top, 'repo/.image-manifest'))
    const none = await imageSettings(join(top, 'repo/src/deep'), undefined, undefined, {}, {})
    expect(none.manifest).toBe(join(top, 'repo/src/deep/.image-manifest'))
  })
})
