// Issue 8: builds that reuse layers. A fresh runner has no local layers; the build pulls
// <name>:buildcache from the registry it pushes to and builds with it as cache-from, so only
// the steps after the changed file run again. These tests call ensureImage directly.
import {randomBytes} from 'node:crypto'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {connectDocker} from '../../src/image/docker.js'
import {ensureImage, type EnsureResult} from '../../src/image/pipeline.js'
import {imageSettings, type ImageOverrides} from '../../src/image/settings.js'
import type {ImageConfig} from '../../src/config/schema.js'
import {TempRepo} from '../helpers/git.js'
import {requireInfra} from '../helpers/infra.js'
import {countingProxy} from '../helpers/proxy.js'
import {RecordingIO} from '../helpers/recording-io.js'

const infra = await requireInfra('build cache e2e (Docker engine + registry)')
const V2 = 'application/vnd.docker.distribution.manifest.v2+json'

/**
 * A Dockerfile whose early step is slow, and whose last step copies the file that changes. The
 * engine keeps its layer cache between runs: a nonce per repository makes its RUN lines new.
 */
function cacheRepo(base: string, nonce: string): TempRepo {
  return new TempRepo()
    .write('.image-manifest', 'Dockerfile\napp.txt\n')
    .write(
      'Dockerfile',
      [
        `FROM ${base}`,
        `RUN echo "slow step ${nonce}" && sleep 3 && echo ${nonce} > /slow.txt`,
        `RUN echo "second step ${nonce}" > /second.txt`,
        'COPY app.txt /app.txt',
        '',
      ].join('\n'),
    )
    .write('app.txt', 'v1\n')
    .commit()
}

async function tagInRegistry(registry: string, repo: string, tag: string): Promise<boolean> {
  const r = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, {method: 'HEAD', headers: {accept: V2}})
  return r.status === 200
}

/** The build's `Step N/M` lines, each with the lines it printed. */
function steps(log: string[]): {step: string; lines: string[]}[] {
  const out: {step: string; lines: string[]}[] = []
  for (const line of log) {
    if (/^Step \d+\/\d+ :/.test(line)) out.push({step: line, lines: []})
    else out.at(-1)?.lines.push(line)
  }
  return out
}

describe.skipIf(!infra)('the registry layer cache against a real Docker engine and registry', () => {
  const i = infra!
  const {docker} = connectDocker({DOCKER_HOST: i.DOCKER_HOST})
  let proxy: Awaited<ReturnType<typeof countingProxy>>
  beforeAll(async () => {
    proxy = await countingProxy(i.TRAINER_TEST_REGISTRY)
  })
  afterAll(async () => {
    await proxy.close()
  })

  async function build(
    dir: string,
    cfg: ImageConfig,
    over: ImageOverrides = {},
    credentials?: {username: string; password: string},
  ): Promise<{r: EnsureResult; io: RecordingIO; log: string[]; ms: number}> {
    const io = new RecordingIO({}, dir)
    const settings = await imageSettings(dir, cfg, undefined, over, {})
    const t0 = performance.now()
    const r = await ensureImage({
      settings,
      credentials,
      env: {DOCKER_HOST: i.DOCKER_HOST, HOME: dir, DOCKER_CONFIG: dir},
      log: io.log,
      secret: v => io.setSecret(v),
    })
    const ms = performance.now() - t0
    return {r, io, log: io.lines.map(l => l.message), ms}
  }

  /** A fresh runner: no tag, no buildcache tag, none of the build's intermediate images, no builder cache. */
  async function forgetLocally(r: EnsureResult): Promise<void> {
    const id = (await docker.getImage(r.ref.full).inspect()).Id
    const cache = r.ref.full.replace(/:[^:/]+$/, ':buildcache')
    for (const ref of [r.ref.full, cache]) await docker.getImage(ref).remove()
    // removing the last tag removed the image and its untagged parents (the intermediate images)
    await expect(docker.getImage(id).inspect()).rejects.toMatchObject({statusCode: 404})
    await docker.pruneImages({filters: {dangling: {true: true}}})
    // BuildKit's cache (the classic builder keeps its cache as the images removed above)
    await docker.pruneBuilder()
  }

  test('a fresh runner reuses every layer before the changed COPY through <name>:buildcache', async () => {
    const nonce = randomBytes(4).toString('hex')
    const repo = cacheRepo(i.TRAINER_TEST_BASE_IMAGE, nonce)
    const name = `e2e-cache-${randomBytes(4).toString('hex')}/trainer`
    const cfg = {name, registry: proxy.host}

    const cold = await build(repo.dir, cfg)
    expect(cold.r.built).toBe(true)
    expect(cold.r.cache).toEqual({state: 'none', from: `${proxy.host}/${name}:buildcache`})
    expect(cold.log).toContain(`cache: none yet (${proxy.host}/${name}:buildcache is not in the registry)`)
    expect(cold.log).toContain(`cache: pushed ${proxy.host}/${name}:buildcache`)
    expect(cold.log.join('\n')).not.toContain('Using cache')
    expect(cold.io.lines.filter(l => l.level === 'warning')).toEqual([])
    expect(await tagInRegistry(i.TRAINER_TEST_REGISTRY, name, 'buildcache')).toBe(true)

    await forgetLocally(cold.r)
    repo.write('app.txt', 'v2\n').commit()
    proxy.log.length = 0
    const warm = await build(repo.dir, cfg)
    console.log(`cold build ${(cold.ms / 1000).toFixed(2)}s, fresh-runner rebuild ${(warm.ms / 1000).toFixed(2)}s`)
    expect(warm.r.built).toBe(true)
    expect(warm.r.ref.tag).not.toBe(cold.r.ref.tag)
    expect(warm.r.cache).toEqual({state: 'pulled', from: `${proxy.host}/${name}:buildcache`})
    expect(warm.log).toContain(`cache: pulled ${proxy.host}/${name}:buildcache`)
    // the engine pulled the cache image from the registry
    expect(proxy.log).toContainEqual({method: 'HEAD', url: `/v2/${name}/manifests/buildcache`, status: 200})
    expect(proxy.log.some(l => l.method === 'GET' && l.url.startsWith(`/v2/${name}/blobs/`))).toBe(true)

    const s = steps(warm.log)
    // the Dockerfile's four steps (the OCI labels follow as steps of their own, after every one of them)
    expect(s.slice(0, 4).map(x => x.step.replace(/\/\d+ : .*/, ''))).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 4'])
    for (const x of s.slice(1, 3)) expect(x.lines, x.step).toContain(' ---> Using cache')
    expect(s[3]!.step).toMatch(/^Step 4\/\d+ : COPY app.txt \/app.txt$/)
    expect(s[3]!.lines).not.toContain(' ---> Using cache')
    expect(warm.log).not.toContain(`slow step ${nonce}`) // the slow RUN did not run
    // OCI labels: the commit built and the manifest hash the tag stands for
    const labels = (await docker.getImage(warm.r.ref.full).inspect()).Config.Labels
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': repo.git('rev-parse', 'HEAD').trim(),
      'dev.trainer-action.manifest.sha256': warm.r.hash.hash,
    })
    expect(await tagInRegistry(i.TRAINER_TEST_REGISTRY, name, warm.r.ref.tag)).toBe(true)
  })

  test.each([
    ['image.cache: false', {cache: false}, {}],
    ['the cache input false', {}, {cache: false}],
  ] as const)('[%#] %s: no pull, no cache-from, no buildcache push', async (_what, conf, over) => {
    const nonce = randomBytes(4).toString('hex')
    const repo = cacheRepo(i.TRAINER_TEST_BASE_IMAGE, nonce)
    const name = `e2e-nocache-${randomBytes(4).toString('hex')}/trainer`
    proxy.log.length = 0
    const res = await build(repo.dir, {name, registry: proxy.host, ...conf}, over)
    expect(res.r.built).toBe(true)
    expect(res.r.cache).toEqual({state: 'off'})
    expect(res.log).toContain('cache: off (image.cache: false or the cache input)')
    expect(res.log.filter(l => /^cache: (pulled|none yet|pushed)/.test(l))).toEqual([])
    expect(res.io.lines.filter(l => l.level === 'group').map(l => l.message)).toEqual([
      `Build ${proxy.host}/${name}:${res.r.ref.tag}`,
      `Push ${proxy.host}/${name}:${res.r.ref.tag}`,
    ])
    // the engine never asked the registry for the cache, and nothing was pushed under it
    expect(proxy.log.filter(l => l.url.includes('buildcache'))).toEqual([])
    expect(await tagInRegistry(i.TRAINER_TEST_REGISTRY, name, 'buildcache')).toBe(false)
  })

  test('an htpasswd registry: the cache is pulled and pushed with the push credentials', async () => {
    const nonce = randomBytes(4).toString('hex')
    const repo = cacheRepo(i.TRAINER_TEST_BASE_IMAGE, nonce)
    const name = `e2e-cache-auth-${randomBytes(4).toString('hex')}/trainer`
    const cfg = {name, registry: i.TRAINER_TEST_AUTH_REGISTRY}
    const creds = {username: i.TRAINER_TEST_AUTH_USER, password: i.TRAINER_TEST_AUTH_PASSWORD}
    const cold = await build(repo.dir, cfg, {}, creds)
    expect(cold.log).toContain(
      `cache: none yet (${i.TRAINER_TEST_AUTH_REGISTRY}/${name}:buildcache is not in the registry)`,
    )
    expect(cold.log).toContain(`cache: pushed ${i.TRAINER_TEST_AUTH_REGISTRY}/${name}:buildcache`)
    await forgetLocally(cold.r)
    repo.write('app.txt', 'v2\n').commit()
    const warm = await build(repo.dir, cfg, {}, creds)
    expect(warm.r.cache).toEqual({state: 'pulled', from: `${i.TRAINER_TEST_AUTH_REGISTRY}/${name}:buildcache`})
    expect(steps(warm.log)[1]!.lines).toContain(' ---> Using cache')
    expect(warm.io.secrets).toContain(i.TRAINER_TEST_AUTH_PASSWORD)
    expect(warm.log.join('\n')).not.toContain(i.TRAINER_TEST_AUTH_PASSWORD)
  })

  test('a cache that cannot be pulled (not a 404) is a warning; the build goes on without it', async () => {
    const nonce = randomBytes(4).toString('hex')
    const repo = cacheRepo(i.TRAINER_TEST_BASE_IMAGE, nonce)
    const name = `e2e-cache-warn-${randomBytes(4).toString('hex')}/trainer`
    // image.cache-from on a registry nobody listens on: the engine's pull fails to connect
    const res = await build(repo.dir, {name, registry: proxy.host, 'cache-from': '127.0.0.1:9/nowhere/cache:latest'})
    expect(res.r.built).toBe(true)
    expect(res.r.cache).toEqual({state: 'none', from: '127.0.0.1:9/nowhere/cache:latest'})
    const warnings = res.io.lines.filter(l => l.level === 'warning').map(l => l.message)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^cache: could not pull 127\.0\.0\.1:9\/nowhere\/cache:latest, building without it: /)
    // its own buildcache is still pushed for the next build
    expect(await tagInRegistry(i.TRAINER_TEST_REGISTRY, name, 'buildcache')).toBe(true)
  })
})
