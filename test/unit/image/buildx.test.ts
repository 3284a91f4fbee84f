// Issue 8: BuildKit through `docker buildx` where the runner has the plugin. There is no buildx on
// this machine: a fake `docker` first on PATH (test/helpers/fake-docker.ts) records the argument
// vector, stdin, environment and private config of every call, and a loopback registry answers.
import {existsSync, mkdirSync, readFileSync, readlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {extract} from 'tar-stream'
import {describe, expect, test} from 'vitest'
import type {ImageConfig} from '../../../src/config/schema.js'
import {Buildx, buildxArgs, buildxCache, buildxFailure} from '../../../src/image/buildx.js'
import {ensureImage, withTag} from '../../../src/image/pipeline.js'
import {parseRef} from '../../../src/image/ref.js'
import {imageSettings, type ImageOverrides} from '../../../src/image/settings.js'
import {BuildError, ConfigError} from '../../../src/kit/errors.js'
import {fakeDocker, type FakeDockerScript} from '../../helpers/fake-docker.js'
import {TempRepo} from '../../helpers/git.js'
import {serversPerTest, type Server} from '../../helpers/http-server.js'
import {RecordingIO} from '../../helpers/recording-io.js'
import {tempDir} from '../../helpers/temp-dir.js'

const serve = serversPerTest()
const DIGEST = `sha256:${'ab'.repeat(32)}`
const PASSWORD = 's3cret-Passw0rd'
const ref = parseRef('ghcr.io/org/trainer:abc1234')

describe('buildxArgs: the argument vector of docker buildx build', () => {
  test('every value joined to its flag, user text as single elements, the context from stdin', () => {
    expect(
      buildxArgs({
        ref,
        extraTags: [withTag(ref, 'buildcache')],
        dockerfile: 'docker/Train.Dockerfile',
        buildArgs: {GREETING: 'a b; $(touch /tmp/pwned) `id`', EMPTY: ''},
        labels: {'org.opencontainers.image.revision': 'f'.repeat(40)},
        platform: 'linux/amd64',
        cacheFrom: ['type=registry,ref=ghcr.io/org/trainer:buildcache'],
        cacheTo: ['type=inline'],
        metadataFile: '/tmp/x/metadata.json',
      }),
    ).toEqual([
      'buildx',
      'build',
      '--progress=plain',
      '--provenance=false',
      '--push',
      '--metadata-file=/tmp/x/metadata.json',
      '--file=docker/Train.Dockerfile',
      '--tag=ghcr.io/org/trainer:abc1234',
      '--tag=ghcr.io/org/trainer:buildcache',
      '--build-arg=GREETING=a b; $(touch /tmp/pwned) `id`',
      '--build-arg=EMPTY=',
      `--label=org.opencontainers.image.revision=${'f'.repeat(40)}`,
      '--platform=linux/amd64',
      '--cache-from=type=registry,ref=ghcr.io/org/trainer:buildcache',
      '--cache-to=type=inline',
      '-',
    ])
  })
})

describe('buildxCache: the cache flags', () => {
  const cacheRef = withTag(ref, 'buildcache')
  const gha = {ACTIONS_RUNTIME_TOKEN: 'rt', ACTIONS_RESULTS_URL: 'https://results/', ACTIONS_CACHE_SERVICE_V2: 'True'}
  test.each([
    [
      'registry, docker-container driver: exported with every layer',
      {type: 'registry', driver: 'docker-container', env: {}},
      {
        from: ['type=registry,ref=ghcr.io/org/trainer:buildcache'],
        to: ['type=registry,ref=ghcr.io/org/trainer:buildcache,mode=max'],
        extraTags: [],
      },
    ],
    [
      'registry, docker driver (no cache export): inline, the image pushed as buildcache too',
      {type: 'registry', driver: 'docker', env: {}},
      {from: ['type=registry,ref=ghcr.io/org/trainer:buildcache'], to: ['type=inline'], extraTags: [cacheRef]},
    ],
    [
      'gha with its variables: one scope per image name',
      {type: 'gha', driver: 'docker-container', env: gha},
      {from: ['type=gha,scope=ghcr.io/org/trainer'], to: ['type=gha,scope=ghcr.io/org/trainer,mode=max'], gha: true},
    ],
    [
      'gha (v1 service) with its variables',
      {type: 'gha', driver: 'remote', env: {ACTIONS_RUNTIME_TOKEN: 'rt', ACTIONS_CACHE_URL: 'https://c/'}},
      {from: ['type=gha,scope=ghcr.io/org/trainer'], gha: true, warnings: []},
    ],
  ] as const)('[%#] %s', (_what, given, want) => {
    expect(buildxCache({cache: true, cacheRef, cacheFrom: undefined, ...given})).toMatchObject(want)
  })

  test.each([
    [{}, 'ACTIONS_RUNTIME_TOKEN and ACTIONS_CACHE_URL'],
    [{ACTIONS_RUNTIME_TOKEN: 'rt', ACTIONS_CACHE_SERVICE_V2: 'True'}, 'ACTIONS_RESULTS_URL,'],
  ])('[%#] gha without %o: a warning naming what is missing, and the registry cache', (env, missing) => {
    const c = buildxCache({cache: true, type: 'gha', driver: 'docker-container', cacheRef, cacheFrom: undefined, env})
    expect(c.gha).toBe(false)
    expect(c.to).toEqual(['type=registry,ref=ghcr.io/org/trainer:buildcache,mode=max'])
    expect(c.warnings).toHaveLength(1)
    expect(c.warnings[0]).toContain(`cache: type=gha needs ${missing}`)
  })

  test('gha on the docker driver: a warning, and the registry cache inline', () => {
    const c = buildxCache({cache: true, type: 'gha', driver: 'docker', cacheRef, cacheFrom: undefined, env: gha})
    expect(c.to).toEqual(['type=inline'])
    expect(c.warnings[0]).toMatch(/uses the docker driver \(docker\/setup-buildx-action makes one\)/)
  })

  test('image.cache-from is imported; the export still goes to <name>:buildcache', () => {
    const from = parseRef('ghcr.io/org/base:cache')
    const c = buildxCache({cache: true, type: 'registry', driver: 'kubernetes', cacheRef, cacheFrom: from, env: {}})
    expect(c.from).toEqual(['type=registry,ref=ghcr.io/org/base:cache'])
    expect(c.to).toEqual(['type=registry,ref=ghcr.io/org/trainer:buildcache,mode=max'])
  })

  test('off: no flags', () => {
    expect(
      buildxCache({cache: false, type: 'gha', driver: 'docker', cacheRef, cacheFrom: undefined, env: gha}),
    ).toEqual({from: [], to: [], extraTags: [], warnings: [], gha: false})
  })
})

test('buildxFailure: the failing step and its output', () => {
  const e = buildxFailure(
    [
      '#5 [1/2] FROM docker.io/library/busybox',
      '#5 DONE 0.1s',
      '#6 [2/2] RUN echo compiling && exit 3',
      '#6 0.210 compiling',
      '#6 ERROR: process "/bin/sh -c echo compiling && exit 3" did not complete successfully: exit code: 3',
      '------',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c echo compiling && exit 3" did not complete successfully: exit code: 3',
    ],
    1,
  )
  expect(e.message).toBe(
    'image build failed at [2/2] RUN echo compiling && exit 3: ERROR: failed to build: failed to solve: process "/bin/sh -c echo compiling && exit 3" did not complete successfully: exit code: 3',
  )
  expect(e.output.split('\n')).toEqual([
    '#6 [2/2] RUN echo compiling && exit 3',
    '#6 0.210 compiling',
    '#6 ERROR: process "/bin/sh -c echo compiling && exit 3" did not complete successfully: exit code: 3',
  ])
})

/** The files of a tar (base64), by name. */
async function tarNames(b64: string): Promise<string[]> {
  const names: string[] = []
  const ex = extract()
  ex.on('entry', (h, stream, next) => {
    names.push(h.name)
    stream.on('end', next)
    stream.resume()
  })
  await new Promise<void>((resolve, reject) => {
    ex.on('finish', resolve)
    ex.on('error', reject)
    Readable.from(Buffer.from(b64, 'base64')).pipe(ex)
  })
  return names.sort()
}

/**
 * A registry on loopback: `/v2/` asks for Basic or Bearer credentials (a realm on itself), a
 * manifest is there once the fake docker has run a successful build.
 */
async function fakeRegistry(scheme: 'basic' | 'bearer' | 'none', pushed: () => boolean): Promise<Server> {
  let tokens = 0
  return serve((req, res) => {
    const url = req.url ?? ''
    const host = req.headers.host ?? ''
    if (url.startsWith('/token')) return void res.writeHead(200).end(JSON.stringify({token: `tok-${++tokens}`}))
    if (url === '/v2/') {
      if (scheme === 'none') return void res.writeHead(200).end('{}')
      const challenge = scheme === 'basic' ? 'Basic realm="r"' : `Bearer realm="http://${host}/token",service="${host}"`
      return void res.writeHead(401, {'www-authenticate': challenge}).end()
    }
    if (/\/manifests\//.test(url)) {
      if (!pushed()) return void res.writeHead(404).end()
      return void res.writeHead(200, {'docker-content-digest': DIGEST}).end()
    }
    res.writeHead(404).end()
  })
}

function trainingRepo(): TempRepo {
  return new TempRepo()
    .write('.image-manifest', 'Dockerfile\ntrain.py\n')
    .write('Dockerfile', 'FROM busybox\nCOPY train.py /app/train.py\n')
    .write('train.py', 'print("training")\n')
    .write('gha-creds-0123.json', '{"private_key": "never sent"}')
    .write('.npmrc', '//registry.npmjs.org/:_authToken=never-sent\n')
    .commit()
    .removeAfterTest()
}

describe('ensureImage with docker buildx (a fake docker first on PATH)', () => {
  async function run(o: {
    script?: FakeDockerScript
    scheme?: 'basic' | 'bearer' | 'none'
    cfg?: ImageConfig
    over?: ImageOverrides
    env?: Record<string, string>
  }) {
    const home = tempDir('buildx-home-')
    const bin = join(home, 'bin')
    mkdirSync(bin)
    const docker = fakeDocker(bin, {digest: DIGEST, ...o.script})
    const registry = await fakeRegistry(o.scheme ?? 'bearer', docker.pushed)
    const repo = trainingRepo()
    const io = new RecordingIO({}, repo.dir)
    const settings = await imageSettings(
      repo.dir,
      {name: 'team/trainer', registry: registry.host, ...o.cfg},
      undefined,
      o.over ?? {},
      {},
    )
    const env = {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: home,
      DOCKER_CONFIG: join(home, 'user-docker'),
      INPUT_PASSWORD: PASSWORD,
      GITHUB_TOKEN: 'ghs_never_passed',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-never-passed',
      ...o.env,
    }
    const result = ensureImage({
      settings,
      credentials: {username: 'trainer', password: PASSWORD},
      env,
      log: io.log,
      secret: v => io.setSecret(v),
    })
    return {result, docker, registry, repo, io, env, home}
  }

  test('builds and pushes with buildx: argv, context tar on stdin, private config, filtered environment', async () => {
    const {result, docker, registry, repo, io, env} = await run({
      cfg: {'build-args': {GREETING: "it's $(id); rm -rf /"}},
    })
    const r = await result
    expect(r.built).toBe(true)
    expect(r.digest).toBe(DIGEST)
    const [build, ...more] = docker.builds()
    expect(more).toEqual([])
    const head = repo.git('rev-parse', 'HEAD').trim()
    const img = `${registry.host}/team/trainer`
    expect(build!.argv).toEqual([
      'buildx',
      'build',
      '--progress=plain',
      '--provenance=false',
      '--push',
      expect.stringMatching(/^--metadata-file=.*\/trainer-buildx-[^/]+\/metadata\.json$/),
      '--file=Dockerfile',
      `--tag=${img}:${r.ref.tag}`,
      `--tag=${img}:buildcache`,
      "--build-arg=GREETING=it's $(id); rm -rf /",
      `--label=dev.trainer-action.manifest.sha256=${r.hash.hash}`,
      `--label=org.opencontainers.image.revision=${head}`,
      `--cache-from=type=registry,ref=${img}:buildcache`,
      '--cache-to=type=inline',
      '-',
    ])
    // the calls before it: detection and the driver
    expect(docker.calls().map(c => c.argv.join(' '))).toEqual([
      'buildx version',
      'buildx inspect',
      build!.argv.join(' '),
    ])
    // no secret in any argument; the token reached buildx only through the private config
    const all = docker.calls()
    for (const c of all)
      for (const s of [PASSWORD, 'tok-1', 'ghs_never_passed']) expect(c.argv.join('\n')).not.toContain(s)
    expect(build!.config).toEqual({
      auths: {[registry.host]: {registrytoken: 'tok-1'}},
      cliPluginsExtraDirs: [join(env.DOCKER_CONFIG, 'cli-plugins')],
    })
    expect(build!.dirMode).toBe(0o700)
    expect(build!.configMode).toBe(0o600)
    expect(JSON.stringify(build!.config)).not.toContain(PASSWORD)
    // the environment: the private config, the user's builders, nothing of the action's secrets
    expect(build!.env.DOCKER_CONFIG).toMatch(/\/trainer-buildx-[^/]+$/)
    expect(build!.env.BUILDX_CONFIG).toBe(join(env.DOCKER_CONFIG, 'buildx'))
    for (const k of ['INPUT_PASSWORD', 'GITHUB_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
      expect(build!.env[k], k).toBeUndefined()
    expect(Object.values(build!.env).join('\n')).not.toContain(PASSWORD)
    // the context is the classic builder's tar: no git metadata, no credential files
    expect(await tarNames(build!.stdin)).toEqual(['.image-manifest', 'Dockerfile', 'train.py'])
    // the private config is gone
    expect(existsSync(build!.env.DOCKER_CONFIG!)).toBe(false)
    const log = io.lines.map(l => l.message)
    expect(log).toContain('builder: buildx (github.com/docker/buildx v0.99.0-fake 0000000)')
    expect(log).toContain('buildx driver: docker')
    expect(log).toContain(
      `${registry.host} uses bearer tokens: buildx gets a token for team/trainer, not the credentials`,
    )
    expect(io.lines.filter(l => l.level === 'group').map(l => l.message)).toEqual([
      `Build and push ${img}:${r.ref.tag} (buildx)`,
    ])
    expect(io.secrets).toContain('tok-1')
    expect(r.cache).toEqual({
      state: 'buildx',
      from: [`type=registry,ref=${img}:buildcache`],
      to: ['type=inline'],
    })
  })

  test('a Basic registry: its credentials in the private config, registered as a secret; mode=max on docker-container', async () => {
    const {result, docker, registry, io} = await run({scheme: 'basic', script: {driver: 'docker-container'}})
    await result
    const [build] = docker.builds()
    const auth = Buffer.from(`trainer:${PASSWORD}`).toString('base64')
    expect(build!.config).toMatchObject({auths: {[registry.host]: {auth}}})
    expect(io.secrets).toContain(auth)
    expect(build!.argv).toContain(`--cache-to=type=registry,ref=${registry.host}/team/trainer:buildcache,mode=max`)
    expect(build!.argv.filter(a => a.startsWith('--tag='))).toHaveLength(1)
  })

  test('a registry without a challenge: no auth at all in the private config', async () => {
    const {result, docker} = await run({scheme: 'none'})
    await result
    expect(docker.builds()[0]!.config).toMatchObject({auths: {}})
  })

  test('gha: the Actions cache variables reach buildx, and only then', async () => {
    const gha = {ACTIONS_RUNTIME_TOKEN: 'runtime-tok', ACTIONS_CACHE_URL: 'https://cache/', ACTIONS_RUNTIME_URL: 'x'}
    const {result, docker, io} = await run({script: {driver: 'docker-container'}, over: {cache: 'gha'}, env: gha})
    const r = await result
    const [build] = docker.builds()
    const name = r.ref.full.replace(/:[^:]+$/, '')
    expect(build!.argv).toContain(`--cache-from=type=gha,scope=${name}`)
    expect(build!.argv).toContain(`--cache-to=type=gha,scope=${name},mode=max`)
    expect(build!.env).toMatchObject({ACTIONS_RUNTIME_TOKEN: 'runtime-tok', ACTIONS_CACHE_URL: 'https://cache/'})
    expect(build!.env.ACTIONS_RUNTIME_URL).toBeUndefined()
    expect(build!.argv.join(' ')).not.toContain('runtime-tok')
    expect(io.secrets).toContain('runtime-tok')
    // the detection never sees the runtime token
    expect(docker.calls()[0]!.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined()
  })

  test('gha without its variables: a warning naming them, the registry cache instead', async () => {
    const {result, docker, io} = await run({script: {driver: 'docker-container'}, cfg: {cache: 'gha'}})
    await result
    expect(io.lines.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      expect.stringMatching(/^cache: type=gha needs ACTIONS_RUNTIME_TOKEN and ACTIONS_CACHE_URL, /),
    ])
    expect(docker.builds()[0]!.argv.some(a => a.startsWith('--cache-to=type=registry,'))).toBe(true)
  })

  test('image.cache: false: no cache flags', async () => {
    const {result, docker, io} = await run({cfg: {cache: false}})
    expect((await result).cache).toEqual({state: 'off'})
    expect(docker.builds()[0]!.argv.filter(a => a.startsWith('--cache'))).toEqual([])
    expect(io.lines.map(l => l.message)).toContain('cache: off (image.cache: false or the cache input)')
  })

  test('a failing step: a BuildError with its output; nothing read back as pushed', async () => {
    const lines = [
      '#6 [2/2] RUN make',
      '#6 0.2 fatal: no such module',
      '#6 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    ]
    const {result, io} = await run({script: {builds: [{lines, code: 1}]}})
    const e = await result.then(
      () => undefined,
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(BuildError)
    expect((e as BuildError).message).toMatch(/^image build failed at \[2\/2\] RUN make: ERROR: failed to build/)
    expect((e as BuildError).output).toContain('fatal: no such module')
    expect(io.lines.map(l => l.message)).toContain('#6 0.2 fatal: no such module')
  })

  test('a token refused after layers went up: built again with a new token', async () => {
    const refused = {
      lines: ['#9 pushing layers', 'ERROR: failed to push x: unexpected status from HEAD request: 401 Unauthorized'],
      code: 1,
    }
    const {result, docker, io} = await run({script: {builds: [refused, {lines: ['#9 DONE'], code: 0}]}})
    const r = await result
    expect(r.built).toBe(true)
    const builds = docker.builds()
    expect(builds.map(b => b.config)).toMatchObject([
      {auths: {[r.ref.registry]: {registrytoken: 'tok-1'}}},
      {auths: {[r.ref.registry]: {registrytoken: 'tok-2'}}},
    ])
    expect(io.lines.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      expect.stringContaining('the token may have expired during the build: building again with a new one'),
    ])
  })

  test('builder classic: docker buildx is never asked', async () => {
    const {result, docker, io} = await run({cfg: {builder: 'classic'}, env: {DOCKER_HOST: 'unix:///nonexistent.sock'}})
    await expect(result).rejects.toThrow(/ping Docker engine at unix:\/\/\/nonexistent\.sock: unreachable/)
    expect(docker.calls()).toEqual([])
    expect(io.lines.map(l => l.message)).toContain('builder: classic (image.builder or the builder input)')
  })

  test('auto without the plugin: the classic builder, saying why', async () => {
    const {result, docker, io} = await run({script: {versionCode: 1}, env: {DOCKER_HOST: 'unix:///nonexistent.sock'}})
    await expect(result).rejects.toThrow(/ping Docker engine/)
    expect(docker.calls().map(c => c.argv.join(' '))).toEqual(['buildx version'])
    expect(io.lines.map(l => l.message)).toContain(
      "builder: classic (docker buildx is not available: docker: 'buildx' is not a docker command.)",
    )
  })

  test('builder buildx without the plugin: a ConfigError on image.builder', async () => {
    const {result} = await run({script: {versionCode: 1}, over: {builder: 'buildx'}})
    const e = await result.then(
      () => undefined,
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as ConfigError).where.key).toBe('image.builder')
    expect((e as ConfigError).message).toContain(
      "docker buildx cannot be used here: docker: 'buildx' is not a docker command.",
    )
  })
})

test('the private config directory is made under RUNNER_TEMP when set', async () => {
  const runnerTemp = tempDir('runner-temp-')
  const b = await Buildx.open({RUNNER_TEMP: runnerTemp, HOME: runnerTemp})
  expect(b.dir.startsWith(`${runnerTemp}/trainer-buildx-`)).toBe(true)
  expect(JSON.parse(readFileSync(join(b.dir, 'config.json'), 'utf8'))).toEqual({
    auths: {},
    cliPluginsExtraDirs: [join(runnerTemp, '.docker', 'cli-plugins')],
  })
  await b.close()
  expect(existsSync(b.dir)).toBe(false)
})

test("the user's Docker contexts stay in use: a link to their directory and the current context, nothing else of the config", async () => {
  const home = tempDir('buildx-ctx-')
  const user = join(home, '.docker')
  mkdirSync(join(user, 'contexts'), {recursive: true})
  writeFileSync(
    join(user, 'config.json'),
    JSON.stringify({currentContext: 'builders', auths: {'ghcr.io': {auth: 'dXNlcjpwYXNz'}}, credsStore: 'desktop'}),
  )
  const b = await Buildx.open({HOME: home})
  expect(JSON.parse(readFileSync(join(b.dir, 'config.json'), 'utf8'))).toEqual({
    auths: {},
    cliPluginsExtraDirs: [join(user, 'cli-plugins')],
    currentContext: 'builders',
  })
  expect(readlinkSync(join(b.dir, 'contexts'))).toBe(join(user, 'contexts'))
  await b.close()
  expect(existsSync(join(user, 'contexts'))).toBe(true) // the link went, not what it points to
})
