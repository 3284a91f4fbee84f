import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, realpathSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {buildContext} from '../../src/image/context.js'
import {buildImage, connectDocker} from '../../src/image/docker.js'
import {parseRef} from '../../src/image/ref.js'
import {ROOT, TRAIN} from './workspace.js'

/** A training entry point that implements seed 000's contract itself (no trainer run). */
export const CONTRACT = join(ROOT, 'test/fixtures/training/container-main.mjs')

/**
 * An image with Node and the test training script, made from this machine's own files
 * (no registry has a Node base image here): the node binary, the shared libraries it
 * links, test/fixtures/training/train.mjs at /app/train.mjs and container-main.mjs at
 * /app/container-main.mjs.
 */
export async function nodeImage(dockerHost: string): Promise<string> {
  const node = realpathSync(process.execPath)
  const st = statSync(node)
  const tag = `${st.size.toString(16)}-${statSync(TRAIN).mtimeMs.toFixed(0)}-${statSync(CONTRACT).mtimeMs.toFixed(0)}`
  const ref = parseRef(`trainer-test/node:${tag}`)
  const {docker} = connectDocker({DOCKER_HOST: dockerHost})
  try {
    await docker.getImage(ref.full).inspect()
    return ref.full
  } catch {
    // not built yet
  }
  const dir = mkdtempSync(join(tmpdir(), 'node-image-'))
  const put = (from: string, to: string): void => {
    mkdirSync(dirname(join(dir, to)), {recursive: true})
    copyFileSync(realpathSync(from), join(dir, to))
  }
  put(node, 'usr/local/bin/node')
  for (const line of execFileSync('ldd', [node], {encoding: 'utf8'}).split('\n')) {
    const m = /=>\s*(\/\S+)|^\s*(\/\S+)\s/.exec(line)
    const lib = m?.[1] ?? m?.[2]
    if (lib) put(lib, lib.slice(1))
  }
  put(TRAIN, 'app/train.mjs')
  put(CONTRACT, 'app/container-main.mjs')
  mkdirSync(join(dir, 'tmp'))
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\nENV PATH=/usr/local/bin\nWORKDIR /app\n')
  const ctx = await buildContext({context: dir, dockerfile: join(dir, 'Dockerfile')})
  await Promise.all([
    buildImage(docker, {context: ctx.stream, dockerfile: ctx.dockerfile, ref, buildArgs: {}}, {info: () => undefined}),
    ctx.done,
  ])
  return ref.full
}
