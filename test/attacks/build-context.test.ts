// Issue 7, finding 5 (#14): what the build context must never carry into an image:
// `.git/` (actions/checkout keeps its token in .git/config), credential files such as
// .npmrc, the Docker config in use under another name, and the workspace's results
// and ledger.
import {linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import type {IncomingMessage} from 'node:http'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {Readable} from 'node:stream'
import {extract} from 'tar-stream'
import {afterEach, describe, expect, test} from 'vitest'
import {build} from '../../src/actions/build.js'
import {buildContext} from '../../src/image/context.js'
import {startServer} from '../helpers/http-server.js'
import {RecordingIO} from '../helpers/recording-io.js'

type Server = Awaited<ReturnType<typeof startServer>>
const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
})

const TOKEN = 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA=='
const DIGEST = 'sha256:' + 'c'.repeat(64)

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'attack-ctx-'))
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), {recursive: true})
    writeFileSync(join(dir, p), c)
  }
  return dir
}

async function tarNames(stream: Readable): Promise<string[]> {
  const ex = extract()
  const names: string[] = []
  ex.on('entry', (h, s, next) => {
    names.push(h.type === 'directory' ? `${h.name}/` : h.name)
    s.on('end', next)
    s.resume()
  })
  const done = new Promise<void>(r => ex.on('finish', () => r()))
  stream.pipe(ex)
  await done
  return names.sort()
}

const CHECKOUT = {
  Dockerfile: 'FROM scratch\n',
  'train.py': 'print(1)\n',
  '.git/config': `[http "https://github.com/"]\n\textraheader = ${TOKEN}\n`,
  '.git/HEAD': 'ref: refs/heads/main\n',
  'vendor/lib/.git': 'gitdir: ../../.git/modules/lib\n',
  'vendor/lib/code.py': 'x = 1\n',
  'deep/sub/.git/config': `[credential]\n\thelper = store\n`,
  '.npmrc': '//registry.npmjs.org/:_authToken=npm_secret\n',
  'web/.npmrc': '//npm.pkg.github.com/:_authToken=ghp_secret\n',
  '.netrc': 'machine github.com login x password ghp_secret\n',
  '.pypirc': '[pypi]\npassword = pypi-secret\n',
  '.git-credentials': 'https://x:ghp_secret@github.com\n',
}

describe('finding 5: the build context', () => {
  test('never carries .git (root or nested) or credential files, whatever the ignore file says, and says what it kept out', async () => {
    const dir = tree({...CHECKOUT, '.dockerignore': '!.git\n!.git/config\n!.npmrc\n!**/.git\n'})
    const ctx = await buildContext({context: dir, dockerfile: join(dir, 'Dockerfile')})
    const names = await tarNames(ctx.stream)
    await ctx.done
    expect(names.filter(n => /(^|\/)(\.git|\.npmrc|\.netrc|\.pypirc|\.git-credentials)(\/|$)/.test(n))).toEqual([])
    expect(names).toEqual(expect.arrayContaining(['Dockerfile', 'train.py', 'vendor/lib/code.py']))
    expect(ctx.keptOut).toEqual(
      expect.arrayContaining(['.git', '.npmrc', '.netrc', '.pypirc', '.git-credentials', 'vendor/lib/.git']),
    )
  })

  test('the Docker config in use is kept out under a symlinked alias of its directory, and as a hard link', async () => {
    const dir = tree({Dockerfile: 'FROM scratch\n', 'auth/config.json': '{"auths":{"ghcr.io":{"auth":"c2VjcmV0"}}}'})
    symlinkSync('auth', join(dir, 'alias'))
    linkSync(join(dir, 'auth/config.json'), join(dir, 'copy.json'))
    const ctx = await buildContext({
      context: dir,
      dockerfile: join(dir, 'Dockerfile'),
      exclude: [join(dir, 'alias/config.json')],
    })
    const names = await tarNames(ctx.stream)
    expect(names).not.toContain('auth/config.json')
    expect(names).not.toContain('copy.json')
    expect(names).toContain('alias') // the link itself, not what it points to
  })

  test('the build action keeps .git, the results root and the ledger out of what the engine receives', async () => {
    const sent: string[][] = []
    let pushed = false
    const engine = await startServer(async (req: IncomingMessage, res) => {
      const url = req.url ?? ''
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      if (url.startsWith('/_ping')) return void res.writeHead(200).end('OK')
      if (url.startsWith('/build')) {
        sent.push(await tarNames(Readable.from([Buffer.concat(chunks)])))
        return void res.writeHead(200).end(JSON.stringify({aux: {ID: 'sha256:1'}}) + '\n')
      }
      if (/^\/images\/.+\/push/.test(url)) {
        pushed = true
        return void res.writeHead(200).end(JSON.stringify({aux: {Tag: 'x', Digest: DIGEST, Size: 1}}) + '\n')
      }
      res.writeHead(404).end('{}')
    })
    servers.push(engine)
    const registry = await startServer((_req, res) =>
      res.writeHead(pushed ? 200 : 404, pushed ? {'docker-content-digest': DIGEST} : {}).end(),
    )
    servers.push(registry)
    const dir = tree({
      ...CHECKOUT,
      '.image-manifest': 'Dockerfile\ntrain.py\n',
      'trainer.yml': `image:\n  name: team/trainer\n  registry: ${registry.host}\nlaunch:\n  results-root: out/results\n`,
      'out/results/exp/runs/000/metrics.jsonl': '{"loss":1}\n',
      'out/keep.txt': 'k\n',
      '.trainer/ledger.db': 'SQLite format 3\0',
      '.trainer/ledger.db-wal': 'wal',
      'results/old/metrics.jsonl': '{}\n',
    })
    const io = new RecordingIO({}, dir, {HOME: dir, DOCKER_HOST: `tcp://${engine.host}`})
    const r = await build(io)
    expect(r.built).toBe(true)
    expect(sent).toHaveLength(1)
    const names = sent[0]!
    expect(names).toEqual(expect.arrayContaining(['Dockerfile', 'train.py', 'out/keep.txt', 'trainer.yml']))
    expect(names.filter(n => n.startsWith('.git') || n.includes('/.git'))).toEqual([])
    expect(names.filter(n => n.startsWith('out/results'))).toEqual([])
    expect(names.filter(n => n.startsWith('.trainer'))).toEqual([])
    expect(io.lines.map(l => l.message).join('\n')).toMatch(/kept out of the build context: .*\.git/)
  })
})
