import {execFileSync} from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {buildContext} from '../../src/image/context.js'
import {buildImage, connectDocker} from '../../src/image/docker.js'
import {parseRef} from '../../src/image/ref.js'
import {ROOT, TRAIN} from './workspace.js'

/** A training entry point that implements seed 000's contract itself (no trainer run). */
export const CONTRACT = join(ROOT, 'test/fixtures/training/container-main.mjs')

/** A root file system made of this machine's own files: binaries with the shared libraries they link. */
class HostFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'host-image-'))
  put(from: string, to: string): this {
    mkdirSync(dirname(join(this.dir, to)), {recursive: true})
    copyFileSync(realpathSync(from), join(this.dir, to))
    return this
  }
  /** A binary at `to`, and every shared library `ldd` says it links, at its own path. */
  binary(from: string, to: string): this {
    this.put(from, to)
    for (const line of execFileSync('ldd', [from], {encoding: 'utf8'}).split('\n')) {
      const m = /=>\s*(\/\S+)|^\s*(\/\S+)\s/.exec(line)
      const lib = m?.[1] ?? m?.[2]
      if (lib) this.put(lib, lib.slice(1))
    }
    return this
  }
  /** Builds it as `ref` (FROM scratch, then `dockerfile`'s lines), unless the engine has that image. */
  async build(dockerHost: string, ref: string, lines: string): Promise<string> {
    try {
      writeFileSync(join(this.dir, 'Dockerfile'), `FROM scratch\nCOPY . /\n${lines}\n`)
      const r = parseRef(ref)
      const {docker} = connectDocker({DOCKER_HOST: dockerHost})
      const ctx = await buildContext({context: this.dir, dockerfile: join(this.dir, 'Dockerfile')})
      await Promise.all([
        buildImage(
          docker,
          {context: ctx.stream, dockerfile: ctx.dockerfile, ref: r, buildArgs: {}},
          {info: () => undefined},
        ),
        ctx.done,
      ])
      return r.full
    } finally {
      rmSync(this.dir, {recursive: true, force: true})
    }
  }
}

async function has(dockerHost: string, ref: string): Promise<boolean> {
  const {docker} = connectDocker({DOCKER_HOST: dockerHost})
  return docker
    .getImage(ref)
    .inspect()
    .then(
      () => true,
      () => false,
    )
}

/**
 * An image with Node and the test training script, made from this machine's own files
 * (no registry has a Node base image here): the node binary, the shared libraries it
 * links, test/fixtures/training/train.mjs at /app/train.mjs and container-main.mjs at
 * /app/container-main.mjs.
 */
export async function nodeImage(dockerHost: string): Promise<string> {
  const node = realpathSync(process.execPath)
  const tag = `${statSync(node).size.toString(16)}-${statSync(TRAIN).mtimeMs.toFixed(0)}-${statSync(CONTRACT).mtimeMs.toFixed(0)}`
  const ref = `trainer-test/node:${tag}`
  if (await has(dockerHost, ref)) return ref
  const files = new HostFiles()
    .binary(node, 'usr/local/bin/node')
    .put(TRAIN, 'app/train.mjs')
    .put(CONTRACT, 'app/container-main.mjs')
  mkdirSync(join(files.dir, 'tmp'))
  return files.build(dockerHost, ref, 'ENV PATH=/usr/local/bin\nWORKDIR /app')
}

/** This machine's Python: its interpreter and standard library (no site packages, tests or caches). */
const PYTHON = realpathSync('/usr/bin/python3')
const STDLIB = `/usr/lib/${PYTHON.split('/').pop()}`
const STDLIB_SKIP =
  /\/(dist-packages|site-packages|test|tests|__pycache__|idlelib|tkinter|turtledemo|ensurepip|lib2to3|pydoc_data)(\/|$)/

/**
 * A stand-in for `node:24-bookworm-slim` with Python installed (what examples/quickstart's
 * Dockerfile makes of it), from this machine's own files: Node, Python 3 and its standard
 * library, and busybox for `/bin/sh` (a Dockerfile's `RUN`).
 */
export async function pythonNodeImage(dockerHost: string): Promise<string> {
  const node = realpathSync(process.execPath)
  const tag = `${statSync(node).size.toString(16)}-${statSync(PYTHON).size.toString(16)}`
  const ref = `trainer-test/node-python:${tag}`
  if (await has(dockerHost, ref)) return ref
  if (!existsSync(STDLIB)) throw new Error(`${STDLIB}: this machine's Python standard library is not there`)
  const files = new HostFiles()
    .binary(node, 'usr/local/bin/node')
    .binary(PYTHON, 'usr/bin/python3')
    .put('/bin/busybox', 'bin/busybox')
  cpSync(STDLIB, join(files.dir, STDLIB.slice(1)), {recursive: true, filter: src => !STDLIB_SKIP.test(src)})
  mkdirSync(join(files.dir, 'tmp'))
  return files.build(
    dockerHost,
    ref,
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]\nENV PATH=/usr/local/bin:/usr/bin:/bin\nWORKDIR /',
  )
}
