import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import type {Readable} from 'node:stream'
import {extract} from 'tar-stream'
import {describe, expect, test} from 'vitest'
import {buildContext} from '../../../src/image/context.js'
import {tempDir} from '../../helpers/temp-dir.js'

function tree(files: Record<string, string>): string {
  const dir = tempDir('ctx-')
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), {recursive: true})
    writeFileSync(join(dir, p), c)
  }
  return dir
}

async function names(stream: Readable): Promise<{files: Record<string, string>; all: string[]}> {
  const ex = extract()
  const files: Record<string, string> = {}
  const all: string[] = []
  ex.on('entry', (h, s, next) => {
    all.push(h.type === 'directory' ? `${h.name}/` : h.name)
    const chunks: Buffer[] = []
    s.on('data', (c: unknown) => void chunks.push(c as Buffer))
    s.on('end', () => {
      if (h.type === 'file') files[h.name] = Buffer.concat(chunks).toString()
      next()
    })
  })
  const done = new Promise<void>(r => ex.on('finish', () => r()))
  stream.pipe(ex)
  await done
  return {files, all}
}

describe('buildContext', () => {
  test('honours .dockerignore and always sends the Dockerfile', async () => {
    const dir = tree({
      Dockerfile: 'FROM scratch',
      '.dockerignore': '*.log\ndata/\n!data/keep.txt\nDockerfile\n',
      'app.py': 'a',
      'x.log': 'no',
      'data/big.bin': 'no',
      'data/keep.txt': 'yes',
    })
    const ctx = await buildContext({context: dir, dockerfile: join(dir, 'Dockerfile')})
    const {files} = await names(ctx.stream)
    expect(Object.keys(files).sort()).toEqual(['.dockerignore', 'Dockerfile', 'app.py', 'data/keep.txt'])
    expect(await ctx.done).toBe(4)
    expect(ctx.dockerfile).toBe('Dockerfile')
  })

  test('<Dockerfile>.dockerignore beside the Dockerfile wins over the context one', async () => {
    const dir = tree({
      'Stack/arr-trainer/Dockerfile': 'FROM scratch',
      'Stack/arr-trainer/Dockerfile.dockerignore': 'CLI/\nHFApp/\nStack/other/\n',
      '.dockerignore': 'ARR_COC/\n',
      'ARR_COC/model.py': 'm',
      'CLI/cli.py': 'c',
      'HFApp/app.py': 'h',
      'Stack/other/Dockerfile': 'o',
    })
    const ctx = await buildContext({context: dir, dockerfile: join(dir, 'Stack/arr-trainer/Dockerfile')})
    const {files} = await names(ctx.stream)
    expect(Object.keys(files).sort()).toEqual([
      '.dockerignore',
      'ARR_COC/model.py',
      'Stack/arr-trainer/Dockerfile',
      'Stack/arr-trainer/Dockerfile.dockerignore',
    ])
    expect(ctx.dockerfile).toBe('Stack/arr-trainer/Dockerfile')
  })

  test('credential files other actions leave are never sent, whatever the ignore file says', async () => {
    const dir = tree({
      Dockerfile: 'FROM scratch',
      'gha-creds-1a2b3c.json': '{"private_key":"x"}',
      'sub/gha-creds-9.json': '{}',
      '.docker/config.json': '{"auths":{}}',
      'cfg/config.json': '{"auths":{}}',
      'app.py': 'a',
    })
    const ctx = await buildContext({
      context: dir,
      dockerfile: join(dir, 'Dockerfile'),
      exclude: [join(dir, 'cfg/config.json')],
    })
    const {files} = await names(ctx.stream)
    expect(Object.keys(files).sort()).toEqual(['Dockerfile', 'app.py'])
  })

  test('.git and credential files are kept out and reported, unless the ignore file already leaves them out', async () => {
    const dir = tree({
      Dockerfile: 'FROM scratch',
      '.dockerignore': '.git\n',
      '.git/config': 'token',
      'sub/.npmrc': 'token',
      'app.py': 'a',
    })
    const ctx = await buildContext({context: dir, dockerfile: join(dir, 'Dockerfile')})
    const {files} = await names(ctx.stream)
    expect(Object.keys(files).sort()).toEqual(['.dockerignore', 'Dockerfile', 'app.py'])
    expect(ctx.keptOut).toEqual(['sub/.npmrc'])
  })

  test('excluded directories (results, ledger) are matched by identity and not walked', async () => {
    const dir = tree({Dockerfile: 'FROM scratch', 'results/a/metrics.jsonl': '{}', '.trainer/ledger.db': 'x'})
    const ctx = await buildContext({
      context: dir,
      dockerfile: join(dir, 'Dockerfile'),
      exclude: [join(dir, 'results'), join(dir, '.trainer'), join(dir, 'missing')],
    })
    const {all} = await names(ctx.stream)
    expect(all).toEqual(['Dockerfile'])
    expect(ctx.keptOut).toEqual(['.trainer', 'results'])
  })

  test('a Dockerfile in an ignored directory is still sent (as Docker does), nothing else from there', async () => {
    const dir = tree({
      'docker/Dockerfile': 'FROM scratch',
      'docker/secret.txt': 's',
      '.dockerignore': 'docker\n',
      'app.py': 'a',
    })
    const ctx = await buildContext({context: dir, dockerfile: join(dir, 'docker/Dockerfile')})
    const {files} = await names(ctx.stream)
    expect(Object.keys(files).sort()).toEqual(['.dockerignore', 'app.py', 'docker/Dockerfile'])
  })

  test('a Dockerfile outside the context is added under a private name', async () => {
    const dir = tree({'ctx/app.py': 'a', 'docker/train.Dockerfile': 'FROM scratch'})
    const ctx = await buildContext({context: join(dir, 'ctx'), dockerfile: join(dir, 'docker/train.Dockerfile')})
    const {files} = await names(ctx.stream)
    expect(files).toEqual({'app.py': 'a', '.trainer-dockerfile-train.Dockerfile': 'FROM scratch'})
    expect(ctx.dockerfile).toBe('.trainer-dockerfile-train.Dockerfile')
  })

  test('symlinks are sent as links', async () => {
    const dir = tree({Dockerfile: 'FROM scratch', 'real.txt': 'r'})
    symlinkSync('real.txt', join(dir, 'link.txt'))
    const ctx = await buildContext({context: dir, dockerfile: join(dir, 'Dockerfile')})
    const {all} = await names(ctx.stream)
    expect(all.sort()).toEqual(['Dockerfile', 'link.txt', 'real.txt'])
  })

  test('a missing Dockerfile or context is a config error', async () => {
    const dir = tree({'a.txt': 'a'})
    await expect(buildContext({context: dir, dockerfile: join(dir, 'Dockerfile')})).rejects.toThrow(
      /Dockerfile .*Dockerfile not found/,
    )
    await expect(buildContext({context: join(dir, 'nope'), dockerfile: join(dir, 'a.txt'), root: dir})).rejects.toThrow(
      'build context nope is not a directory',
    )
  })
})
