import {randomBytes} from 'node:crypto'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {TempRepo} from '../helpers/git.js'
import {startServer} from '../helpers/http-server.js'
import {requireInfra} from '../helpers/infra.js'
import {countingProxy} from '../helpers/proxy.js'
import {runCli, runDist} from '../helpers/run-dist.js'

const infra = await requireInfra('build e2e (Docker engine + registry)')
const V2 = 'application/vnd.docker.distribution.manifest.v2+json'
// The engine keeps its layer cache between runs: a nonce in RUN lines makes them run.
const NONCE = randomBytes(4).toString('hex')

function trainingRepo(base: string): TempRepo {
  return new TempRepo()
    .write('.image-manifest', '# files baked into the image\nDockerfile\ntrain.py\n')
    .write(
      'Dockerfile',
      `FROM ${base}\nCOPY train.py /app/train.py\nRUN echo "image built ${NONCE}" && cat /app/train.py\n`,
    )
    .write('train.py', 'print("training")\n')
    .write('README.md', 'not in the image\n')
    .write('gha-creds-0123.json', '{"private_key": "must never reach the image"}')
    .commit()
}

async function registryDigest(registry: string, repo: string, tag: string, auth?: string): Promise<string | null> {
  const r = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {accept: V2, ...(auth ? {authorization: auth} : {})},
  })
  return r.status === 200 ? r.headers.get('docker-content-digest') : null
}

describe.skipIf(!infra)('dist/build against a real Docker engine and registry', () => {
  const i = infra!
  const name = `e2e-${randomBytes(4).toString('hex')}/trainer`
  let proxy: Awaited<ReturnType<typeof countingProxy>>
  beforeAll(async () => {
    proxy = await countingProxy(i.TRAINER_TEST_REGISTRY)
  })
  afterAll(async () => {
    await proxy.close()
  })

  test('hash with check says whether the tag is in the registry, for workflows that build with another tool', async () => {
    const own = randomBytes(4).toString('hex')
    // content of its own, so no other test finds these layers in the engine or the registry
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE).write('train.py', `print("check ${own}")\n`).commit()
    const checked = `e2e-check-${own}/trainer`
    const inputs = {check: 'true', name: checked, registry: proxy.host}
    const before = await runDist('hash', {workspace: r.dir, inputs})
    expect(before.code, before.stdout + before.stderr).toBe(0)
    expect(before.outputs.exists).toBe('false')
    expect(before.outputs.image).toBe(`${proxy.host}/${checked}:${before.outputs.tag}`)
    const built = await runDist('build', {
      workspace: r.dir,
      inputs: {name: checked, registry: proxy.host},
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(built.code, built.stdout + built.stderr).toBe(0)
    const after = await runDist('hash', {workspace: r.dir, inputs})
    expect(after.code, after.stdout + after.stderr).toBe(0)
    expect(after.outputs).toMatchObject({exists: 'true', tag: before.outputs.tag, image: before.outputs.image})
    // without check, no registry request and no image outputs
    const plain = await runDist('hash', {workspace: r.dir})
    expect(plain.outputs.exists).toBeUndefined()
  })

  test('builds once, then an unchanged manifest costs one registry request and no build', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
    const env = {DOCKER_HOST: i.DOCKER_HOST}
    const inputs = {name, registry: proxy.host}

    const first = await runDist('build', {workspace: r.dir, inputs, env})
    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.outputs.built).toBe('true')
    const tag = first.outputs.tag!
    expect(tag).toMatch(/^[0-9a-f]{7}$/)
    expect(first.outputs.image).toBe(`${proxy.host}/${name}:${tag}`)
    // the classic builder's steps appear in a collapsible group, then the push per layer
    expect(first.stdout).toMatch(
      new RegExp(
        // the Dockerfile's three steps, then the OCI labels as steps of their own
        `::group::Build .*\\n[\\s\\S]*Step 1/\\d+ : FROM [\\s\\S]*Step 3/\\d+ : RUN[\\s\\S]*image built ${NONCE}[\\s\\S]*Step \\d+/\\d+ : LABEL org\\.opencontainers\\.image\\.revision=[\\s\\S]*::endgroup::`,
      ),
    )
    expect(first.stdout).toMatch(/::group::Push [\s\S]*: Pushed[\s\S]*::endgroup::/)
    // the digest output is what the registry serves
    expect(first.outputs.digest).toBe(await registryDigest(i.TRAINER_TEST_REGISTRY, name, tag))
    expect(first.summary).toContain('| built | yes: the tag was new |')

    proxy.log.length = 0
    const second = await runDist('build', {workspace: r.dir, inputs, env})
    expect(second.code, second.stdout).toBe(0)
    expect(second.outputs).toMatchObject({
      built: 'false',
      tag,
      digest: first.outputs.digest,
      image: first.outputs.image,
    })
    expect(proxy.log).toEqual([{method: 'HEAD', url: `/v2/${name}/manifests/${tag}`, status: 200}])
    expect(second.stdout).not.toContain('Step 1/')
    expect(second.summary).toContain('| registry requests | 1 |')

    // an unlisted file changes nothing
    r.write('README.md', 'edited\n').commit()
    proxy.log.length = 0
    const third = await runDist('build', {workspace: r.dir, inputs, env})
    expect(third.outputs).toMatchObject({built: 'false', tag})
    expect(proxy.log).toHaveLength(1)

    // a listed, committed file gives a new tag and a push
    r.write('train.py', 'print("training v2")\n').commit()
    const fourth = await runDist('build', {workspace: r.dir, inputs, env})
    expect(fourth.code, fourth.stdout).toBe(0)
    expect(fourth.outputs.built).toBe('true')
    expect(fourth.outputs.tag).not.toBe(tag)
    expect(await registryDigest(i.TRAINER_TEST_REGISTRY, name, fourth.outputs.tag!)).toBe(fourth.outputs.digest)

    // force rebuilds even though the tag exists
    const forced = await runDist('build', {workspace: r.dir, inputs: {...inputs, force: 'true'}, env})
    expect(forced.outputs.built).toBe('true')
    expect(forced.outputs.tag).toBe(fourth.outputs.tag)
  })

  test('credential files in the workspace never reach the image', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
      .write(
        'Dockerfile',
        `FROM ${i.TRAINER_TEST_BASE_IMAGE}\nCOPY . /ctx/\nRUN ls -a /ctx && test ! -e /ctx/gha-creds-0123.json && echo "no creds ${NONCE}"\n`,
      )
      .commit()
    const res = await runDist('build', {
      workspace: r.dir,
      inputs: {name: `${name}-ctx`, registry: i.TRAINER_TEST_REGISTRY},
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(res.code, res.stdout).toBe(0)
    expect(res.stdout).toContain(`no creds ${NONCE}`)
    expect(res.stdout).toContain('train.py')
  })

  test('a failing build shows the failing step and its output, and pushes nothing', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
      .write(
        'Dockerfile',
        `FROM ${i.TRAINER_TEST_BASE_IMAGE}\nRUN echo "compiling" && echo "fatal: no such module" && exit 3\n`,
      )
      .commit()
    const res = await runDist('build', {
      workspace: r.dir,
      inputs: {name: `${name}-fail`, registry: i.TRAINER_TEST_REGISTRY},
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/::error::Step 2\/\d+ : RUN echo "compiling"[^\n]*%0A[\s\S]*fatal: no such module/)
    expect(res.stdout).toMatch(/::error::build: image build failed at Step 2\/\d+ : RUN/)
    expect(res.stdout).toContain('returned a non-zero code: 3')
    expect(res.stdout).not.toMatch(/\n\s+at .*\.js:\d+/) // no stack trace
    expect(res.outputs).toEqual({})
  })

  test('credentials from the Docker config.json docker/login-action writes, masked everywhere', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
    const cfg = join(r.dir, '..', `dockercfg-${randomBytes(3).toString('hex')}`)
    mkdirSync(cfg)
    const auth = Buffer.from(`${i.TRAINER_TEST_AUTH_USER}:${i.TRAINER_TEST_AUTH_PASSWORD}`).toString('base64')
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({auths: {[i.TRAINER_TEST_AUTH_REGISTRY]: {auth}}}))
    const env = {DOCKER_HOST: i.DOCKER_HOST, DOCKER_CONFIG: cfg}
    const res = await runDist('build', {workspace: r.dir, inputs: {name, registry: i.TRAINER_TEST_AUTH_REGISTRY}, env})
    expect(res.code, res.stdout).toBe(0)
    expect(res.outputs.built).toBe('true')
    expect(res.stdout).toContain(`::add-mask::${i.TRAINER_TEST_AUTH_PASSWORD}`)
    expect(res.stdout.split(i.TRAINER_TEST_AUTH_PASSWORD)).toHaveLength(2) // only inside the add-mask command
    expect(await registryDigest(i.TRAINER_TEST_AUTH_REGISTRY, name, res.outputs.tag!, `Basic ${auth}`)).toBe(
      res.outputs.digest,
    )

    const again = await runDist('build', {
      workspace: r.dir,
      inputs: {name, registry: i.TRAINER_TEST_AUTH_REGISTRY},
      env,
    })
    expect(again.outputs.built).toBe('false')
  })

  test('bad credentials fail closed: no build, one clear message, the password masked', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
    const res = await runDist('build', {
      workspace: r.dir,
      inputs: {name, registry: i.TRAINER_TEST_AUTH_REGISTRY, username: 'trainer', password: 'wrong-password-123'},
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('::add-mask::wrong-password-123')
    expect(res.stdout).toMatch(
      /::error::build: HEAD 127\.0\.0\.1:\d+\/v2\/.*: 401 Unauthorized: the registry refused the credentials/,
    )
    expect(res.stdout).not.toContain('Step 1/')
  })

  test('no credentials for a registry that needs them: an error, never "missing"', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
    const res = await runDist('build', {
      workspace: r.dir,
      inputs: {name, registry: i.TRAINER_TEST_AUTH_REGISTRY},
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('the registry requires credentials')
    expect(res.stdout).not.toContain('Step 1/')
  })

  test('a registry answering 5xx is retried, then fails closed without building', async () => {
    const broken = await startServer((_req, res) => res.writeHead(503).end())
    try {
      const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
      const res = await runDist('build', {
        workspace: r.dir,
        inputs: {name, registry: broken.host},
        env: {DOCKER_HOST: i.DOCKER_HOST},
      })
      expect(res.code).toBe(1)
      expect(broken.requests).toHaveLength(4)
      expect(res.stdout).toMatch(/::warning::HEAD .*: 503 Service Unavailable; retry 1 in/)
      expect(res.stdout).toMatch(/::error::build: HEAD 127\.0\.0\.1:\d+\/v2\/.*: 503 Service Unavailable/)
      expect(res.stdout).not.toContain('Step 1/')
    } finally {
      await broken.close()
    }
  })

  test('an unreachable engine is one clear message', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
    const res = await runDist('build', {
      workspace: r.dir,
      inputs: {name: `${name}-noengine`, registry: i.TRAINER_TEST_REGISTRY},
      env: {DOCKER_HOST: `unix://${r.dir}/no-such.sock`},
    })
    expect(res.code).toBe(1)
    expect(res.stdout).toContain(
      `::error::build: ping Docker engine at unix://${r.dir}/no-such.sock: unreachable (ENOENT)`,
    )
  })

  test('a Dockerfile that does not exist is a config error', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
    const res = await runDist('build', {
      workspace: r.dir,
      inputs: {name: `${name}-nodf`, registry: i.TRAINER_TEST_REGISTRY, dockerfile: 'docker/Missing.Dockerfile'},
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('::error::build: Dockerfile docker/Missing.Dockerfile not found')
  })

  test('trainer build --json from the CLI, with build args, platform and trainer.yml', async () => {
    const r = trainingRepo(i.TRAINER_TEST_BASE_IMAGE)
      .write(
        'trainer.yml',
        `image:\n  name: ${name}-cli\n  registry: ${i.TRAINER_TEST_REGISTRY}\n  platform: linux/amd64\n  build-args:\n    GREETING: from-config\n`,
      )
      .write(
        'Dockerfile',
        `FROM ${i.TRAINER_TEST_BASE_IMAGE}\nARG GREETING\nARG EXTRA\nRUN echo "greeting=$GREETING extra=$EXTRA ${NONCE}"\n`,
      )
      .commit()
    const res = await runCli(['build', '--json', '--build-arg', 'EXTRA=from-flag'], {
      cwd: r.dir,
      env: {DOCKER_HOST: i.DOCKER_HOST},
    })
    expect(res.code, res.stderr).toBe(0)
    const out = JSON.parse(res.stdout) as {image: string; built: boolean; digest: string}
    expect(out.built).toBe(true)
    expect(out.image).toMatch(new RegExp(`^${i.TRAINER_TEST_REGISTRY}/${name}-cli:[0-9a-f]{7}$`))
    expect(res.stderr).toContain(`greeting=from-config extra=from-flag ${NONCE}`)
    const again = await runCli(['build', '--json'], {cwd: r.dir, env: {DOCKER_HOST: i.DOCKER_HOST}})
    expect(JSON.parse(again.stdout)).toMatchObject({built: false, digest: out.digest})
  })
})
