// Issue 8: DOCKER_HOST=ssh://user@host:port, the usual way to reach a GPU host. docker-modem connects
// with ssh2 and runs `docker system dial-stdio` on the host; an sshd of this file's own on 127.0.0.1
// hands its sessions DOCKER_HOST of the test engine, so that command reaches it.
import {randomBytes} from 'node:crypto'
import {execFileSync} from 'node:child_process'
import {appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {connectDocker, pingDocker} from '../../src/image/docker.js'
import {ensureImage} from '../../src/image/pipeline.js'
import {imageSettings} from '../../src/image/settings.js'
import {AuthError, ServiceError} from '../../src/kit/errors.js'
import {TempRepo} from '../helpers/git.js'
import {requireInfra} from '../helpers/infra.js'
import {keygen, sshdMissing, startSshd, type Sshd} from '../helpers/sshd.js'
import {RecordingIO} from '../helpers/recording-io.js'
import {suiteTempDir} from '../helpers/temp-dir.js'

const infra = await requireInfra('build over ssh:// e2e (Docker engine + registry + sshd)')
const noSshd = sshdMissing()
if (noSshd) {
  if (process.env.CI === 'true') throw new Error(`build over ssh:// e2e: ${noSshd}`)
  console.warn(`SKIPPED build over ssh:// e2e: ${noSshd}`)
}

/** What a ping through `host` throws, with `home` as HOME. */
async function pingError(host: string, home: string): Promise<unknown> {
  const {docker, host: h} = connectDocker({DOCKER_HOST: host, HOME: home})
  return pingDocker(docker, h).then(
    () => undefined,
    (e: unknown) => e,
  )
}

describe.skipIf(!infra || noSshd)('an engine reached through DOCKER_HOST=ssh://', () => {
  const i = infra!
  const dir = suiteTempDir('trainer-sshd-')
  let sshd: Sshd
  let host = ''
  beforeAll(async () => {
    sshd = await startSshd(dir, {DOCKER_HOST: i.DOCKER_HOST})
    host = `ssh://root@127.0.0.1:${sshd.port}`
  })
  afterAll(async () => {
    await sshd?.stop()
  })

  test('pings the test engine, then builds and pushes an image through it', async () => {
    const env = {DOCKER_HOST: host, HOME: sshd.home}
    const {docker} = connectDocker(env)
    await pingDocker(docker, host)
    // the same engine as the one on the unix socket
    const local = (await connectDocker({DOCKER_HOST: i.DOCKER_HOST}).docker.info()) as {ID: string}
    expect(((await docker.info()) as {ID: string}).ID).toBe(local.ID)

    const nonce = randomBytes(4).toString('hex')
    const repo = new TempRepo()
      .write('.image-manifest', 'Dockerfile\n')
      .write('Dockerfile', `FROM ${i.TRAINER_TEST_BASE_IMAGE}\nRUN echo "over ssh ${nonce}"\n`)
      .commit()
      .removeAfterTest()
    const name = `e2e-ssh-${nonce}/trainer`
    const io = new RecordingIO({}, repo.dir)
    const settings = await imageSettings(
      repo.dir,
      {name, registry: i.TRAINER_TEST_REGISTRY, builder: 'classic'},
      undefined,
      {},
      {},
    )
    const r = await ensureImage({
      settings,
      env: {...env, DOCKER_CONFIG: join(dir, 'no-docker-config')},
      log: io.log,
      secret: v => io.setSecret(v),
    })
    const log = io.lines.map(l => l.message)
    expect(r.built).toBe(true)
    expect(log).toContain(`over ssh ${nonce}`)
    const head = await fetch(`http://${i.TRAINER_TEST_REGISTRY}/v2/${name}/manifests/${r.ref.tag}`, {
      method: 'HEAD',
      headers: {accept: 'application/vnd.docker.distribution.manifest.v2+json'},
    })
    expect(head.status).toBe(200)
    expect(r.digest).toBe(head.headers.get('docker-content-digest'))
  })

  test('an unknown host key is refused, naming the host and the key fingerprint', async () => {
    const home = join(dir, 'home-unknown')
    mkdirSync(join(home, '.ssh'), {recursive: true})
    keygen(join(home, '.ssh', 'id_ed25519'))
    const e = await pingError(host, home)
    expect(e).toBeInstanceOf(AuthError)
    expect((e as Error).message).toMatch(
      new RegExp(`^ssh root@127\\.0\\.0\\.1:${sshd.port}: the host key SHA256:\\S+ is not in known_hosts`),
    )
    expect((e as AuthError).hint).toContain(`ssh-keyscan -p ${sshd.port} 127.0.0.1`)
  })

  test('a host key other than the known one is refused', async () => {
    const home = join(dir, 'home-changed')
    mkdirSync(join(home, '.ssh'), {recursive: true})
    const other = keygen(join(dir, 'other-host-key'))
    writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd.port} ${other}\n`)
    const e = await pingError(host, home)
    expect(e).toBeInstanceOf(AuthError)
    expect((e as Error).message).toContain(`is not the one known_hosts`)
    expect((e as Error).message).toContain(`[127.0.0.1]:${sshd.port}`)
  })

  test('a hashed known_hosts entry (ssh-keygen -H) is honoured', async () => {
    const home = join(dir, 'home-hashed')
    mkdirSync(join(home, '.ssh'), {recursive: true})
    for (const f of ['id_ed25519', 'id_ed25519.pub']) copyFileSync(join(sshd.home, '.ssh', f), join(home, '.ssh', f))
    const known = join(home, '.ssh', 'known_hosts')
    writeFileSync(known, `${sshd.knownHosts}\n`)
    execFileSync('ssh-keygen', ['-q', '-H', '-f', known], {stdio: 'ignore'})
    expect(readFileSync(known, 'utf8')).toMatch(/^\|1\|/)
    expect(await pingError(host, home)).toBeUndefined()
  })

  test('a key the host does not accept: an authentication error naming what was tried', async () => {
    const home = join(dir, 'home-wrong-key')
    mkdirSync(join(home, '.ssh'), {recursive: true})
    keygen(join(home, '.ssh', 'id_ed25519'))
    appendFileSync(join(home, '.ssh', 'known_hosts'), `${sshd.knownHosts}\n`)
    const e = await pingError(host, home)
    expect(e).toBeInstanceOf(AuthError)
    expect((e as Error).message).toBe(
      `ssh root@127.0.0.1:${sshd.port}: authentication failed (tried key ${join(home, '.ssh', 'id_ed25519')})`,
    )
  })

  test('nobody listening: unreachable, naming the host', async () => {
    const e = await pingError('ssh://root@127.0.0.1:9', sshd.home)
    expect(e).toBeInstanceOf(ServiceError)
    expect((e as Error).message).toBe(
      'ping Docker engine at ssh://root@127.0.0.1:9: ssh to root@127.0.0.1:9 failed: unreachable (ECONNREFUSED)',
    )
  })
})
