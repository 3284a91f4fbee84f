import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {walk, type WalkEntry, type WalkOptions} from '../../../src/kit/walk.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'walk-test-'))
  // names chosen so that code-unit order differs from readdir's and from a locale's
  for (const f of ['b/z.txt', 'b/a/deep.txt', 'B.txt', 'a.txt', '_x/y.txt', 'é.txt']) {
    await mkdir(join(root, f, '..'), {recursive: true})
    await writeFile(join(root, f), f)
  }
  await mkdir(join(root, 'empty'))
})
afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

/** The walk's visits as `rel` (with a trailing `/` for a directory), descending into every directory. */
async function visits(o?: WalkOptions): Promise<string[]> {
  const seen: string[] = []
  await walk(
    root,
    e => {
      seen.push(e.dirent.isDirectory() ? `${e.rel}/` : e.rel)
      return e.dirent.isDirectory()
    },
    o,
  )
  return seen
}

describe('walk', () => {
  test('visits every entry depth-first, each directory right before its contents, names in code-unit order', async () => {
    expect(await visits()).toEqual([
      'B.txt',
      '_x/',
      '_x/y.txt',
      'a.txt',
      'b/',
      'b/a/',
      'b/a/deep.txt',
      'b/z.txt',
      'empty/',
      'é.txt',
    ])
  })

  test('without sorting: the same entries, each directory still before its contents', async () => {
    const seen = await visits({sort: false})
    expect([...seen].sort()).toEqual([...(await visits())].sort())
    expect(seen.indexOf('b/')).toBeLessThan(seen.indexOf('b/a/'))
    expect(seen.indexOf('b/a/')).toBeLessThan(seen.indexOf('b/a/deep.txt'))
  })

  test.each([
    [1, 'b', ['b/a/', 'b/a/deep.txt', 'b/z.txt']],
    [2, 'b/a', ['b/a/deep.txt']],
    [3, 'empty', []],
  ])('[%d] from %o: paths stay relative to the root', async (_n, from, expected) => {
    expect(await visits({from})).toEqual(expected)
  })

  test('gives each entry its name, bytes, directory, relative and absolute path', async () => {
    const entries: Omit<WalkEntry, 'dirent'>[] = []
    await walk(root, ({dirent, ...e}) => {
      entries.push(e)
      return dirent.isDirectory()
    })
    expect(entries.find(e => e.rel === 'b/a/deep.txt')).toEqual({
      name: 'deep.txt',
      bytes: Buffer.from('deep.txt'),
      dir: 'b/a',
      rel: 'b/a/deep.txt',
      abs: join(root, 'b', 'a', 'deep.txt'),
    })
    expect(entries.find(e => e.rel === 'a.txt')).toMatchObject({dir: '', abs: join(root, 'a.txt')})
  })

  test('descends only where the visitor says so', async () => {
    const seen: string[] = []
    await walk(root, e => {
      seen.push(e.rel)
      return e.rel === 'b'
    })
    expect(seen).toEqual(['B.txt', '_x', 'a.txt', 'b', 'b/a', 'b/z.txt', 'empty', 'é.txt'])
  })

  test('a symlink is seen as a symlink, and not followed unless the visitor descends into it', async () => {
    await symlink(join(root, 'b'), join(root, 'link'))
    const seen: string[] = []
    await walk(root, e => {
      if (e.dirent.isSymbolicLink()) seen.push(`${e.rel} -> link`)
      return e.dirent.isDirectory()
    })
    expect(seen).toEqual(['link -> link'])
    // a visitor that descends into it anyway lists the target's entries under the link's name
    const through: string[] = []
    await walk(root, e => {
      through.push(e.rel)
      return e.rel === 'link'
    })
    expect(through).toContain('link/z.txt')
  })

  test('a name that is not UTF-8: its bytes as they are, its name with U+FFFD', async () => {
    const raw = Buffer.from([0x62, 0x61, 0x64, 0xff])
    await writeFile(Buffer.concat([Buffer.from(`${root}/`), raw]), '')
    const found: WalkEntry[] = []
    await walk(root, e => {
      if (e.bytes.equals(raw)) found.push(e)
      return false
    })
    expect(found.map(e => [e.name, e.rel])).toEqual([['bad\uFFFD', 'bad\uFFFD']])
  })

  test('each visit is awaited before the next begins', async () => {
    const log: string[] = []
    await walk(root, async e => {
      log.push(`start ${e.rel}`)
      await new Promise(res => setTimeout(res, 1))
      log.push(`end ${e.rel}`)
      return e.dirent.isDirectory()
    })
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]!.replace('start', 'end'))
  })

  test.each([
    [1, 'a missing root', (r: string) => join(r, 'nope'), () => false, /ENOENT/],
    [2, 'descending into a file', (r: string) => r, (e: WalkEntry) => e.rel === 'a.txt', /ENOTDIR/],
    [
      3,
      'a visitor that throws',
      (r: string) => r,
      (e: WalkEntry) => {
        if (e.rel === 'a.txt') throw new Error('boom')
        return false
      },
      /boom/,
    ],
  ])('[%d] %s rejects the walk', async (_n, _what, at, visit, error) => {
    await expect(walk(at(root), visit)).rejects.toThrow(error)
  })

  test('a visitor that throws stops the walk there', async () => {
    const seen: string[] = []
    await expect(
      walk(root, e => {
        seen.push(e.rel)
        if (e.rel === 'a.txt') throw new Error('stop')
        return e.dirent.isDirectory()
      }),
    ).rejects.toThrow('stop')
    expect(seen).toEqual(['B.txt', '_x', '_x/y.txt', 'a.txt'])
  })
})
