import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {createWriteStream, rmSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {crc32} from 'node:zlib'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {NotFoundError} from '../../../src/kit/errors.js'
import {shouldStore, zipDirectory} from '../../../src/runner/archive.js'

interface Listed {
  name: string
  /** 0 STORED, 8 DEFLATED */
  method: number
  crc: number
  size: number
  dir: boolean
}

/** Reads a zip back with Python's zipfile (an independent reader) and CRC-checks every entry. */
function listZip(file: string): {entries: Listed[]; bad: string | null} {
  const py = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    out = [{"name": i.filename, "method": i.compress_type, "crc": i.CRC, "size": i.file_size, "dir": i.is_dir()} for i in z.infolist()]
    print(json.dumps({"entries": out, "bad": z.testzip()}))
`
  return JSON.parse(execFileSync('python3', ['-c', py, file], {encoding: 'utf8'})) as {
    entries: Listed[]
    bad: string | null
  }
}

let dir: string
let work: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'archive-test-'))
  dir = join(work, 'results')
})
afterEach(async () => {
  await rm(work, {recursive: true, force: true})
})

/** A results directory like a training run's: nested logs, an empty dir, a checkpoint. */
async function makeRun(): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {
    'metrics.json': Buffer.from(JSON.stringify({loss: [0.9, 0.5, 0.25], acc: 0.91}).repeat(200)),
    'logs/train.log': Buffer.from('step 1 loss 0.9\n'.repeat(5000)),
    'logs/deep/nested/events.txt': Buffer.from('event\n'.repeat(100)),
    'model/final.pt': randomBytes(200_000),
    'model/EMA.PT': randomBytes(1000),
    'samples/grid.png': randomBytes(5000),
    'samples/acts.npy': Buffer.alloc(50_000),
    'empty.txt': Buffer.alloc(0),
  }
  for (const [name, data] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), {recursive: true})
    await writeFile(join(dir, name), data)
  }
  await mkdir(join(dir, 'checkpoints'), {recursive: true})
  return files
}

describe('zipDirectory', () => {
  test('writes every file and directory in sorted order with the right method and CRC', async () => {
    const files = await makeRun()
    const out = join(work, 'results.zip')
    const logs: string[] = []

    const r = await zipDirectory(dir, out, {log: m => logs.push(m)})

    expect(r).toEqual({files: 8, bytes: (await stat(out)).size})
    const z = listZip(out)
    expect(z.bad).toBeNull()
    expect(z.entries.map(e => e.name)).toEqual([
      'checkpoints/',
      'empty.txt',
      'logs/',
      'logs/deep/',
      'logs/deep/nested/',
      'logs/deep/nested/events.txt',
      'logs/train.log',
      'metrics.json',
      'model/',
      'model/EMA.PT',
      'model/final.pt',
      'samples/',
      'samples/acts.npy',
      'samples/grid.png',
    ])
    for (const e of z.entries.filter(x => !x.dir)) {
      const data = files[e.name]!
      expect({name: e.name, crc: e.crc, size: e.size}).toEqual({name: e.name, crc: crc32(data), size: data.length})
    }
    const method = Object.fromEntries(z.entries.filter(e => !e.dir).map(e => [e.name, e.method]))
    expect(method).toEqual({
      'empty.txt': 8,
      'logs/deep/nested/events.txt': 8,
      'logs/train.log': 8,
      'metrics.json': 8,
      'model/EMA.PT': 0,
      'model/final.pt': 0,
      'samples/acts.npy': 8,
      'samples/grid.png': 0,
    })
    // deflate did its work on the text: the zip is far smaller than the text alone
    expect(r.bytes).toBeLessThan(200_000 + 1000 + 5000 + 20_000)
    expect(logs.at(-1)).toMatch(/^zip .*results: 8 files, /)
  })

  test('gives the same entry order and data every time', async () => {
    await makeRun()
    await zipDirectory(dir, join(work, 'a.zip'))
    await zipDirectory(dir, join(work, 'b.zip'))
    expect(listZip(join(work, 'b.zip'))).toEqual(listZip(join(work, 'a.zip')))
  })

  test('skips symlinks, in or out of the directory, with a log line', async () => {
    await mkdir(join(dir, 'sub'), {recursive: true})
    await writeFile(join(dir, 'sub', 'real.txt'), 'real')
    await writeFile(join(work, 'outside.txt'), 'secret')
    await symlink(join(work, 'outside.txt'), join(dir, 'escape.txt'))
    await symlink('sub', join(dir, 'loop'))
    const logs: string[] = []

    const r = await zipDirectory(dir, join(work, 'out.zip'), {log: m => logs.push(m)})

    expect(r.files).toBe(1)
    expect(listZip(join(work, 'out.zip')).entries.map(e => e.name)).toEqual(['sub/', 'sub/real.txt'])
    expect(logs.slice(0, 2)).toEqual(['zip: skipping symlink escape.txt', 'zip: skipping symlink loop'])
  })

  test('leaves out the archive itself when it is written inside the directory', async () => {
    await mkdir(dir)
    await writeFile(join(dir, 'a.txt'), 'a')
    await writeFile(join(dir, 'results.zip'), 'a stale archive of an earlier try')
    const logs: string[] = []

    await zipDirectory(dir, join(dir, 'results.zip'), {log: m => logs.push(m)})

    expect(listZip(join(dir, 'results.zip')).entries.map(e => e.name)).toEqual(['a.txt'])
    expect(logs[0]).toBe('zip: skipping results.zip: it is the archive being written')
  })

  test('writes to a stream and ends it', async () => {
    await mkdir(dir)
    await writeFile(join(dir, 'x.txt'), 'hello')
    const out = join(work, 'stream.zip')
    const ws = createWriteStream(out)

    const r = await zipDirectory(dir, ws)

    expect(ws.writableFinished).toBe(true)
    expect(r.bytes).toBe((await readFile(out)).length)
    expect(listZip(out).entries.map(e => [e.name, e.crc])).toEqual([['x.txt', crc32('hello')]])
  })

  test('an empty directory gives a valid empty zip', async () => {
    await mkdir(dir)
    const r = await zipDirectory(dir, join(work, 'e.zip'))
    expect(r.files).toBe(0)
    expect(listZip(join(work, 'e.zip'))).toEqual({entries: [], bad: null})
  })

  test('a missing directory is a NotFoundError and writes nothing', async () => {
    await expect(zipDirectory(join(work, 'nope'), join(work, 'n.zip'))).rejects.toThrow(NotFoundError)
    await expect(stat(join(work, 'n.zip'))).rejects.toThrow(/ENOENT/)
  })

  test('a file that cannot be read fails the zip and removes the partial archive', async () => {
    await mkdir(join(dir, 'b'), {recursive: true})
    await writeFile(join(dir, 'a.txt'), 'a')
    await symlink('../a.txt', join(dir, 'b', 'link'))
    const out = join(work, 'bad.zip')
    // the walk lists a.txt, then logs the symlink in b/: a.txt goes before its data is read
    const r = zipDirectory(dir, out, {log: () => rmSync(join(dir, 'a.txt'), {force: true})})
    await expect(r).rejects.toThrow(/^zip .*results: ENOENT: no such file or directory, open .*a\.txt'$/)
    await expect(stat(out)).rejects.toThrow(/ENOENT/)
  })
})

test.each([
  ['model.pt', true],
  ['x/y/ckpt.CKPT', true],
  ['w.safetensors', true],
  ['data.npz', true],
  ['a.tar.gz', true],
  ['frames.mp4', true],
  ['arr.npy', false],
  ['weights.h5', false],
  ['log.txt', false],
  ['Makefile', false],
  ['.pt', false],
])('[%#] shouldStore(%o) is %o', (name, stored) => {
  expect(shouldStore(name)).toBe(stored)
})
