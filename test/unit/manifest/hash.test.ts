import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {ConfigError} from '../../../src/kit/errors.js'
import {blobId, decodeManifest, hashManifest, type HashOptions} from '../../../src/manifest/hash.js'
import {parseManifest, selectPaths} from '../../../src/manifest/patterns.js'
import {TempRepo} from '../../helpers/git.js'
import {RecordingIO} from '../../helpers/recording-io.js'
import {tempDir} from '../../helpers/temp-dir.js'

function repo(): TempRepo {
  return new TempRepo()
    .removeAfterTest()
    .write('.image-manifest', '# what goes into the image\nsrc/**/*.py\nDockerfile\n')
    .write('Dockerfile', 'FROM scratch\n')
    .write('src/a.py', 'print(1)\n')
    .write('src/pkg/b.py', 'print(2)\n')
    .write('README.md', 'docs\n')
    .commit()
}

async function h(dir: string, extra: Partial<HashOptions> = {}) {
  const io = new RecordingIO()
  const r = await hashManifest({cwd: dir, manifest: '.image-manifest', tagLength: 7, log: io.log, ...extra})
  return {...r, io}
}

describe('hashManifest in a git checkout', () => {
  test('hashes committed files: 64 hex digits, the tag is the last 7', async () => {
    const r = repo()
    const a = await h(r.dir)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(a.tag).toBe(a.hash.slice(-7))
    expect(a.source).toBe('head')
    expect(a.files.map(f => f.path)).toEqual(['Dockerfile', 'src/a.py', 'src/pkg/b.py'])
    // blob ids are git's own
    expect(a.files[1]!.oid).toBe(r.git('rev-parse', 'HEAD:src/a.py').trim())
    expect(a.io.warnings()).toEqual([])
  })

  test('the hash is `git ls-tree -r -z HEAD -- <files> | sha256sum`', async () => {
    const r = repo()
    const a = await h(r.dir)
    const records = execFileSync(
      'git',
      ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', '--', ...a.files.map(f => f.path)],
      {cwd: r.dir},
    )
    expect(a.hash).toBe(createHash('sha256').update(records).digest('hex'))
    expect(a.count).toBe(3)
  })

  // HEAD is listed only under the directories an anchored manifest names (issue 8 #16): the
  // files, their order and the hash must be those the whole listing gives.
  test.each([
    ['src/**/*.py\n/Dockerfile\n'],
    ['lit\\*eral/**\n/sp ace/\n:colon/**\n/ünï/*.txt\n'],
    ['src/[ab]*.py\nsrc/**/deep/*.txt\n!src/pkg/\nsrc/pkg/keep.py\n/x/a[b]c/**\n/nothing/**\n'],
  ])('%j selects from the listing under its directories what it selects from the whole', async manifest => {
    const r = repo().write('.image-manifest', manifest)
    for (const f of [
      'src/b.py',
      'src/c.py',
      'src/pkg/keep.py',
      'src/x/deep/t.txt',
      'src/deep/u.txt',
      'lit*eral/f',
      'litXeral/f',
      'sp ace/f',
      ':colon/f',
      'ünï/a.txt',
      'x/abc/f',
      'x/a[b]c/f',
      'sub/Dockerfile',
    ])
      r.write(f, `${f}\n`)
    r.commit()
    const trace = join(tempDir('trainer-trace-'), 'trace')
    process.env.GIT_TRACE = trace
    const a = await h(r.dir)
    delete process.env.GIT_TRACE
    const all = r.git('-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', 'HEAD').split('\0')
    all.pop()
    const paths = all.map(rec => rec.slice(rec.indexOf('\t') + 1))
    const {selected, unmatched} = selectPaths(paths, parseManifest(manifest, '.image-manifest'))
    const wanted = new Set(selected)
    const records = all.filter((_, i) => wanted.has(paths[i]!)).map(rec => `${rec}\0`)
    expect(a.files.map(f => f.path)).toEqual(selected)
    expect(a.hash).toBe(createHash('sha256').update(records.join(''), 'utf8').digest('hex'))
    expect(a.io.warnings().map(w => w.where?.line)).toEqual(unmatched.map(p => p.line))
    // and git was asked for those directories only
    const lsTree = readFileSync(trace, 'utf8')
      .split('\n')
      .filter(l => /trace: built-in: git ls-tree\b/.test(l))
    expect(lsTree).toHaveLength(1)
    expect(lsTree[0]).toContain(" -- ':(top,literal)")
  })

  test('non-ASCII paths hash the same from git and from disk', async () => {
    const r = repo().write('src/ünïcode/ß.py', 'x\n').write('src/日本/モデル.py', 'y\n').commit()
    const inGit = await h(r.dir)
    expect(inGit.files.map(f => f.path)).toContain('src/日本/モデル.py')
    rmSync(r.path('.git'), {recursive: true})
    expect((await h(r.dir)).hash).toBe(inGit.hash)
  })

  test('tag-length picks the trailing digits', async () => {
    const a = await h(repo().dir, {tagLength: 12})
    expect(a.tag).toBe(a.hash.slice(-12))
  })

  test('an unlisted file changes nothing; a listed one changes the tag', async () => {
    const r = repo()
    const before = await h(r.dir)
    r.write('README.md', 'more docs\n').commit()
    expect((await h(r.dir)).hash).toBe(before.hash)
    r.write('src/pkg/b.py', 'print(3)\n').commit()
    expect((await h(r.dir)).hash).not.toBe(before.hash)
  })

  test('a rename changes the tag', async () => {
    const r = repo()
    const before = await h(r.dir)
    r.git('mv', 'src/a.py', 'src/c.py')
    r.commit('rename')
    expect((await h(r.dir)).hash).not.toBe(before.hash)
  })

  test('a chmod changes the tag', async () => {
    const r = repo()
    const before = await h(r.dir)
    chmodSync(r.path('src/a.py'), 0o755)
    r.commit('chmod')
    const after = await h(r.dir)
    expect(after.files.find(f => f.path === 'src/a.py')!.mode).toBe('100755')
    expect(after.hash).not.toBe(before.hash)
  })

  test('the order in which globs enumerate files does not count', async () => {
    const r = repo()
    const a = await h(r.dir)
    r.write('.image-manifest', 'Dockerfile\nsrc/pkg/*.py\nsrc/a.py\n# reordered\n').commit()
    // the manifest itself is not listed, so only the selection matters
    expect((await h(r.dir)).hash).toBe(a.hash)
  })

  test('uncommitted edits of listed files are warned about, not hashed', async () => {
    const r = repo()
    const before = await h(r.dir)
    r.write('src/a.py', 'print("dirty")\n')
    r.write('src/new.py', 'x = 1\n')
    r.git('add', 'src/new.py')
    r.write('README.md', 'unlisted and dirty\n')
    const after = await h(r.dir)
    expect(after.hash).toBe(before.hash)
    expect(after.io.warnings().map(w => w.message)).toEqual([
      'src/a.py has uncommitted changes: the tag hashes HEAD and does not reflect it',
      'src/new.py is not committed: the tag hashes HEAD and does not reflect it',
    ])
    expect(after.io.warnings()[0]!.where).toEqual({file: 'src/a.py'})
  })

  test('touching a file (stat change, same content) is not a change', async () => {
    const r = repo()
    execFileSync('touch', ['-d', '2001-01-01', r.path('src/a.py')])
    expect((await h(r.dir)).io.warnings()).toEqual([])
  })

  test('include-worktree hashes the work tree; it equals HEAD once committed', async () => {
    const r = repo()
    const head = await h(r.dir)
    r.write('src/a.py', 'print("edited")\n')
    const wt = await h(r.dir, {includeWorktree: true})
    expect(wt.source).toBe('worktree')
    expect(wt.hash).not.toBe(head.hash)
    r.commit()
    expect((await h(r.dir)).hash).toBe(wt.hash)
  })

  test('line-ending rules apply: touching a CRLF-converted file is no change', async () => {
    const r = repo().write('.gitattributes', '*.py text eol=crlf\n').commit()
    rmSync(r.path('src/a.py'))
    r.git('checkout', '--', 'src/a.py') // now CRLF on disk, LF in git
    expect(readFileSync(r.path('src/a.py'), 'utf8')).toContain('\r\n')
    execFileSync('touch', ['-d', '2001-01-01', r.path('src/a.py')])
    const a = await h(r.dir)
    expect(a.io.warnings()).toEqual([])
    expect((await h(r.dir, {includeWorktree: true})).hash).toBe(a.hash)
  })

  test('a new untracked file the manifest lists is warned about', async () => {
    const r = repo().write('.image-manifest', 'src/**\n/Dockerfile\n').commit()
    r.write('src/new.py', 'x\n')
    expect((await h(r.dir)).io.warnings().map(w => w.message)).toEqual([
      'src/new.py is not committed: the tag hashes HEAD and does not reflect it',
    ])
  })

  test('an unanchored pattern does not turn the untracked-file warning off (issue 8 #5)', async () => {
    const r = repo().write('.image-manifest', 'src/**\nDockerfile\nconfigs/\n*.toml\n').commit()
    r.write('src/new.py', 'x\n').write('configs/deep/new.yaml', 'x\n').write('sub/Dockerfile', 'x\n')
    r.write('sub/pyproject.toml', 'x\n').write('notes/unlisted.txt', 'x\n')
    expect(
      (await h(r.dir)).io
        .warnings()
        .map(w => w.message)
        .filter(m => m.includes('is not committed'))
        .sort(),
    ).toEqual([
      'configs/deep/new.yaml is not committed: the tag hashes HEAD and does not reflect it',
      'src/new.py is not committed: the tag hashes HEAD and does not reflect it',
      'sub/Dockerfile is not committed: the tag hashes HEAD and does not reflect it',
      'sub/pyproject.toml is not committed: the tag hashes HEAD and does not reflect it',
    ])
  })

  test.each([
    ['edited', (r: TempRepo) => r.write('src/a.py', 'print("edit")\n'), 'has uncommitted changes'],
    ['new and untracked', (r: TempRepo) => r.write('src/pkg/c.py', 'x\n'), 'is not committed'],
    ['deleted', (r: TempRepo) => rmSync(r.path('src/a.py')), 'is deleted in the work tree'],
    ['made executable', (r: TempRepo) => chmodSync(r.path('src/a.py'), 0o755), 'has an uncommitted mode change'],
  ])('[%#] a listed file %s is warned about', async (_, change, why) => {
    const r = repo()
    change(r)
    const warnings = (await h(r.dir)).io.warnings().map(w => w.message)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(new RegExp(`^src/(a|pkg/c)\\.py ${why}`))
  })

  test('git compares the work tree with HEAD only under the manifest’s paths (issue 8 #16)', async () => {
    const r = repo()
    r.write('README.md', 'unlisted and edited\n').write('notes/new.txt', 'unlisted and untracked\n')
    r.write('src/a.py', 'print("listed and edited")\n')
    const trace = join(tempDir('trainer-trace-'), 'trace')
    process.env.GIT_TRACE = trace
    const a = await h(r.dir)
    expect(a.io.warnings().map(w => w.message)).toEqual([
      'src/a.py has uncommitted changes: the tag hashes HEAD and does not reflect it',
    ])
    // every git command that looks at the work tree is limited to the manifest's patterns
    const worktree = readFileSync(trace, 'utf8')
      .split('\n')
      .filter(l => /trace: built-in: git (diff-index|diff-files|status|ls-files -o)\b/.test(l))
    expect(worktree.length).toBeGreaterThan(0)
    for (const line of worktree) {
      const specs = line.slice(line.indexOf(' -- ') + 4).split(' ')
      for (const spec of specs) expect(spec, line).toMatch(/^':\(top,\w+\)(src\/\*\*\/\*\.py|\*\*\/Dockerfile)/)
    }
  })

  test('past a few unanchored patterns the whole tree is compared; only listed files still warn', async () => {
    const names = Array.from({length: 10}, (_, i) => `conf${i}.toml`)
    const r = repo().write('.image-manifest', `src/**\n${names.join('\n')}\n`)
    for (const n of names) r.write(`conf/${n}`, 'x = 1\n')
    r.commit()
    r.write('README.md', 'unlisted and edited\n').write('conf/conf3.toml', 'x = 2\n').write('sub/conf4.toml', 'y\n')
    expect(
      (await h(r.dir)).io
        .warnings()
        .map(w => w.message)
        .sort(),
    ).toEqual([
      'conf/conf3.toml has uncommitted changes: the tag hashes HEAD and does not reflect it',
      'sub/conf4.toml is not committed: the tag hashes HEAD and does not reflect it',
    ])
  })

  test('run from a subdirectory, a new listed file is still warned about by its path from the root', async () => {
    const r = repo().write('.image-manifest', 'src/**\n').commit()
    r.write('src/pkg/new.py', 'x\n')
    expect((await h(r.path('src/pkg'), {manifest: '../../.image-manifest'})).io.warnings()).toEqual([
      {
        level: 'warning',
        message: 'src/pkg/new.py is not committed: the tag hashes HEAD and does not reflect it',
        where: {file: 'src/pkg/new.py'},
      },
    ])
  })

  test('include-worktree keeps a submodule at its recorded commit even when its files changed', async () => {
    const sub = new TempRepo().removeAfterTest().write('s.txt', 'sub\n').commit()
    const r = repo()
    r.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'vendor')
    r.write('.image-manifest', 'src/**\nvendor\n').commit()
    const before = await h(r.dir, {includeWorktree: true})
    expect(before.files.map(f => f.path)).toContain('vendor')
    r.write('vendor/s.txt', 'dirty\n')
    const after = await h(r.dir, {includeWorktree: true})
    expect(after.files.map(f => f.path)).toContain('vendor')
    expect(after.hash).toBe(before.hash)
  })

  test('untracked and ignored files are never listed', async () => {
    const r = repo()
    const before = await h(r.dir)
    r.write('.gitignore', 'node_modules/\n').commit()
    r.write('node_modules/x/y.py', 'ignored\n')
    r.write('src/untracked.py', 'untracked\n')
    const after = await h(r.dir)
    expect(after.hash).toBe(before.hash)
    expect(after.files.map(f => f.path)).not.toContain('src/untracked.py')
  })

  test('a pattern that matches nothing is a warning with its line', async () => {
    const r = repo().write('.image-manifest', 'Dockerfile\nmissing/**\n').commit()
    const a = await h(r.dir)
    expect(a.io.warnings()).toEqual([
      {
        level: 'warning',
        message: "pattern 'missing/**' matches no committed file",
        where: {file: '.image-manifest', line: 2},
      },
    ])
  })

  test('a manifest that selects nothing is an error', async () => {
    const r = repo().write('.image-manifest', 'nothing/**\n').commit()
    await expect(h(r.dir)).rejects.toThrow(/\.image-manifest matches no committed file/)
  })

  test('a missing manifest names the file', async () => {
    const r = repo()
    await expect(h(r.dir, {manifest: 'nope/.image-manifest'})).rejects.toSatisfy(
      (e: unknown) => e instanceof ConfigError && e.located() === 'nope/.image-manifest: image manifest not found',
    )
  })

  test('a repository without commits asks for a commit', async () => {
    const r = new TempRepo().removeAfterTest().write('.image-manifest', 'x\n').write('x', '1')
    await expect(h(r.dir)).rejects.toThrow(/cannot read HEAD/)
  })

  test('runs from a subdirectory: paths stay relative to the repository root', async () => {
    const r = repo()
    const top = await h(r.dir)
    const sub = await h(r.path('src'), {manifest: '../.image-manifest'})
    expect(sub.hash).toBe(top.hash)
  })
})

describe('hashManifest outside git', () => {
  test('hashes files on disk exactly as git would hash the same commit', async () => {
    const r = repo()
    chmodSync(r.path('src/a.py'), 0o755)
    r.commit('exec bit')
    const inGit = await h(r.dir)
    const plain = tempDir('trainer-plain-')
    cpSync(r.dir, plain, {recursive: true})
    rmSync(join(plain, '.git'), {recursive: true})
    const onDisk = await h(plain)
    expect(onDisk.source).toBe('disk')
    expect(onDisk.files).toEqual(inGit.files)
    expect(onDisk.hash).toBe(inGit.hash)
  })

  test('blobId matches git hash-object', () => {
    const r = new TempRepo().removeAfterTest()
    r.write('f', 'hello\n')
    expect(blobId(Buffer.from('hello\n'))).toBe(r.git('hash-object', 'f').trim())
  })
})

describe('hashManifest outside git: symbolic links', () => {
  test('a directory link inside the tree is not followed: its files are not listed', async () => {
    const dir = tempDir('trainer-links-')
    mkdirSync(join(dir, 'src/lib'), {recursive: true})
    writeFileSync(join(dir, 'src/lib/a.py'), 'a\n')
    writeFileSync(join(dir, 'train.py'), 't\n')
    symlinkSync('src/lib', join(dir, 'lib'))
    writeFileSync(join(dir, '.image-manifest'), 'train.py\nlib/a.py\n/lib\n')
    const io = new RecordingIO()
    const r = await hashManifest({cwd: dir, manifest: '.image-manifest', tagLength: 7, log: io.log})
    expect(r.files.map(f => [f.path, f.mode])).toEqual([
      ['lib', '120000'],
      ['train.py', '100644'],
    ])
    expect(io.lines.map(l => l.message)).toContain("pattern 'lib/a.py' matches no file")
  })
})

describe('a manifest that is not text (issue 8 #10)', () => {
  test.each([
    [
      Buffer.concat([Buffer.from('src/**\nDockerfile\n'), Buffer.from([0x66, 0xff, 0xfe, 0x0a])]),
      'is not valid UTF-8',
      3,
    ],
    [Buffer.from('src/**\nDocker\0file\n'), 'contains a NUL byte', 2],
  ])('[%#] is refused at its line', (bytes, what, line) => {
    let err: unknown
    try {
      decodeManifest(bytes, '.image-manifest')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as ConfigError).located()).toBe(`.image-manifest:${line}: the image manifest ${what}`)
  })
  test('UTF-8 names pass', () => {
    expect(decodeManifest(Buffer.from('données/**\n'), 'm')).toBe('données/**\n')
  })
})
