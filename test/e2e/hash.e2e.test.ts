import {rmSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {webhookExample} from '../helpers/events.js'
import {TempRepo} from '../helpers/git.js'
import {runCli, runDist} from '../helpers/run-dist.js'

function repo(): TempRepo {
  return new TempRepo()
    .write('.image-manifest', 'src/**/*.py\nDockerfile\nmissing/**\n')
    .write('Dockerfile', 'FROM scratch\n')
    .write('src/a.py', 'print(1)\n')
    .write('src/b.py', 'print(2)\n')
    .write('README.md', 'docs\n')
    .commit()
}

describe('dist/hash run as a runner runs it', () => {
  test('outputs hash, tag and file count; warns at the manifest line; writes the summary', async () => {
    const r = repo()
    const res = await runDist('hash', {workspace: r.dir, event: webhookExample('push'), inputs: {'tag-length': '8'}})
    expect(res.code, res.stderr + res.stdout).toBe(0)
    expect(res.outputs.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(res.outputs.tag).toBe(res.outputs.hash!.slice(-8))
    expect(res.outputs.files).toBe('3')
    expect(res.stdout).toContain(
      "::warning file=.image-manifest,line=3::pattern 'missing/**' matches no committed file",
    )
    expect(res.summary).toContain(`| tag | \`${res.outputs.tag}\` |`)
    expect(res.summary).toContain('| files | 3 |')
    // the CLI gives the same hash from the same core
    const cli = await runCli(['hash', '--json', '--tag-length', '8'], {cwd: r.dir})
    expect(cli.code, cli.stderr).toBe(0)
    expect(JSON.parse(cli.stdout)).toEqual({
      hash: res.outputs.hash,
      tag: res.outputs.tag,
      files: ['Dockerfile', 'src/a.py', 'src/b.py'],
    })
  })

  test('an uncommitted edit warns with the file, and include-worktree hashes it', async () => {
    const r = repo()
    r.write('src/a.py', 'print("edit")\n')
    const head = await runDist('hash', {workspace: r.dir})
    expect(head.stdout).toContain(
      '::warning file=src/a.py::src/a.py has uncommitted changes: the tag hashes HEAD and does not reflect it',
    )
    const wt = await runDist('hash', {workspace: r.dir, inputs: {'include-worktree': 'true'}})
    expect(wt.code).toBe(0)
    expect(wt.outputs.hash).not.toBe(head.outputs.hash)
  })

  test('only listed files are checked: a new listed file warns, an edited unlisted one does not', async () => {
    const r = repo()
    r.write('src/c.py', 'new\n').write('README.md', 'edited, not listed\n')
    const res = await runDist('hash', {workspace: r.dir})
    expect(res.code, res.stderr + res.stdout).toBe(0)
    expect(res.stdout).toContain(
      '::warning file=src/c.py::src/c.py is not committed: the tag hashes HEAD and does not reflect it',
    )
    expect(res.stdout).not.toContain('README.md')
    expect(res.outputs.files).toBe('3')
  })

  test('trainer.yml names the manifest and tag length', async () => {
    const r = repo()
      .write('trainer.yml', 'image:\n  manifest: images/train.manifest\n  tag-length: 10\n')
      .write('images/train.manifest', 'Dockerfile\n')
      .commit()
    const res = await runDist('hash', {workspace: r.dir})
    expect(res.code, res.stdout).toBe(0)
    expect(res.outputs.tag).toHaveLength(10)
    expect(res.outputs.files).toBe('1')
  })

  test.each([
    [
      {'.image-manifest': 'src/**\n../etc/passwd\n'},
      {},
      "::error file=.image-manifest,line=2,col=1::hash: .image-manifest:2:1: pattern '../etc/passwd' escapes the repository",
    ],
    [
      {'trainer.yml': 'image:\n  nmae: x\n'},
      {},
      "::error file=trainer.yml,line=2,col=3::hash: trainer.yml:2:3: image.nmae: unknown key 'nmae'; valid keys: 'name'",
    ],
    [{}, {manifest: 'nope.manifest'}, '::error file=nope.manifest::hash: nope.manifest: image manifest not found'],
    [
      {},
      {'include-worktree': 'maybe'},
      "::error::hash: Input 'include-worktree': 'maybe' is not a boolean (use true or false)",
    ],
    [{}, {'tag-length': '2'}, "::error::hash: Input 'tag-length': '2' is not an integer from 4 to 64"],
  ])('[%#] bad input %j %j fails with one clear error', async (files, inputs, error) => {
    const r = repo()
    for (const [p, c] of Object.entries(files)) r.write(p, c)
    r.commit()
    const res = await runDist('hash', {workspace: r.dir, inputs})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain(error)
    expect(res.stdout.match(/::error/g)).toHaveLength(1)
    expect(res.outputs).toEqual({})
  })

  test('outside a git checkout the files on disk are hashed, to the same tag', async () => {
    const r = repo()
    const inGit = await runDist('hash', {workspace: r.dir})
    rmSync(r.path('.git'), {recursive: true})
    const onDisk = await runDist('hash', {workspace: r.dir})
    expect(onDisk.code, onDisk.stdout).toBe(0)
    expect(onDisk.outputs.hash).toBe(inGit.outputs.hash)
    expect(onDisk.summary).toContain('files on disk (not a git checkout)')
  })
})

describe('trainer CLI', () => {
  test('usage errors exit 2 with the usage line', async () => {
    const r = repo()
    const res = await runCli(['hash', '--bogus'], {cwd: r.dir})
    expect(res.code).toBe(2)
    expect(res.stderr).toContain("trainer hash: Unknown option '--bogus'")
    expect(res.stderr).toContain('Usage: trainer hash')
    expect((await runCli(['frobnicate'], {cwd: r.dir})).stderr).toContain(
      "unknown command 'frobnicate'; commands: hash, build",
    )
  })
  test('a configuration error exits 2 with one message on stderr and nothing on stdout', async () => {
    const r = repo()
    const res = await runCli(['hash', '--manifest', 'missing.txt'], {cwd: r.dir})
    expect(res.code).toBe(2)
    expect(res.stdout).toBe('')
    expect(res.stderr).toContain('error: hash: missing.txt: image manifest not found')
  })
})
