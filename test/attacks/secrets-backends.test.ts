/**
 * Canary secrets on the Docker and Slurm paths (issue 11, security tests), beside
 * secrets.test.ts (a local launch and a reconcile). Each launch runs dist/launch as GitHub runs
 * it, debug logging on everywhere (RUNNER_DEBUG, ACTIONS_STEP_DEBUG, DEBUG=*, LOG_LEVEL=DEBUG),
 * with known canary values for every credential the path uses and a few it must not:
 *
 * - Docker: the image pipeline builds and pushes to a registry that needs a password (the
 *   test's auth registry, behind a loopback proxy that takes only the canary user and password
 *   and swaps in the real ones), then the run is a container of that image on the local engine.
 * - Slurm: the ssh transport with the private key in an environment variable (`key-env`), and
 *   the rest transport with the JWT in one (`token-env`), slurmrestd behind a recording proxy;
 *   and the failures, whose messages are where a credential would slip out: a key the login
 *   node refuses, a key with a passphrase (the ssh transport takes none), a JWT slurmrestd refuses.
 * - seed 000's upload: `trainer run --archive zip` with a pre-signed RESULT_URL whose first PUT
 *   is answered with an error quoting the URL.
 *
 * Afterwards everything written is searched for each canary in every derived form
 * (test/helpers/canary.ts): the step's stdout and stderr less its `::add-mask::` commands,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE, every file of the workspace (ledger,
 * results), the Slurm job directory (job scripts, task files, job output, results), every request
 * body GitHub, the registry (image layers, gunzipped), slurmrestd and the storage got (the zip,
 * entry by entry). Credentials in the headers that carry them are not searched.
 *
 * The search can fail: a tracer value each run is given through `env:` must be found in what the
 * run wrote, and secrets.test.ts shows the search finding each form.
 */
import {spawnSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {stringify} from 'yaml'
import {connectDocker} from '../../src/image/docker.js'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {actionStep, type StepResult} from '../helpers/action-step.js'
import {expanded, files, leaks, masked, stepOutput, type Written} from '../helpers/canary.js'
import {webhookExample} from '../helpers/events.js'
import {TempRepo} from '../helpers/git.js'
import {startServer} from '../helpers/http-server.js'
import {requireInfra, requireSlurmInfra, slurmEnv} from '../helpers/infra.js'
import {recordingProxy, type Exchange} from '../helpers/proxy.js'
import {keygen} from '../helpers/sshd.js'
import {suiteTempDir, tempDir} from '../helpers/temp-dir.js'
import {ROOT} from '../helpers/workspace.js'
import {attack} from './runner-harness.js'

const docker = await requireInfra('canary secrets on the Docker path (Docker engine, auth registry)')
const slurm = await requireSlurmInfra('canary secrets on the Slurm path (a real single-node cluster)')

const TAG = randomBytes(4).toString('hex')
const PROBE = join(ROOT, 'test/fixtures/training/slurm-probe.mjs')
const DIR = suiteTempDir('atk-secrets-')

const TOKEN = `ghs_CANARY${TAG}tok3n+/=Zq9xWv8Ut7Sr6Qp5On4`
const LAUNCHER_SECRET = `canary-${TAG}-s3cret"with\\quotes&amp;+/=end`
const REGISTRY_USER = 'canary-user'
const REGISTRY_PASSWORD = `reg-CANARY-${TAG}-p4ss+/="q\\z&end`
const SIGNATURE = `Zx9+Qw/Er7Ty8Ui0Op1As2Df3Gh4Jk5${TAG}Xc7Vb8Nm9==`
const RESULT_URL = `https://storage.invalid/bucket/run.zip?X-Amz-Credential=AKIACANARY&X-Amz-Signature=${encodeURIComponent(SIGNATURE)}`
/** Not a secret: each run is given it through `env:`, so the search must find it where the run wrote. */
const TRACER = `tracer-${TAG}-visible-value`

/** The canaries every launch carries in its environment, whatever its path uses. */
const ALWAYS: Record<string, string> = {
  'the GitHub token': TOKEN,
  'a launcher secret': LAUNCHER_SECRET,
  'the registry password': REGISTRY_PASSWORD,
  'the upload URL': RESULT_URL,
  "the upload URL's signature": SIGNATURE,
}

const DEBUG = {RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true', DEBUG: '*', LOG_LEVEL: 'DEBUG'}

let gh: GitHubEmulator
let pr: {number: number; repo: string; event: string}

beforeAll(async () => {
  gh = await startGitHub({tokens: {[TOKEN]: {}}})
  const ev = webhookExample('pull_request', 0) as {
    number: number
    repository: {full_name: string}
    pull_request: {head: {sha: string}}
  }
  gh.state.addPull(ev.repository.full_name, {number: ev.number, head_sha: ev.pull_request.head.sha})
  const event = join(DIR, 'event.json')
  writeFileSync(event, JSON.stringify(ev))
  pr = {number: ev.number, repo: ev.repository.full_name, event}
})
afterAll(() => gh?.close())

/** The launcher's environment: the workflow's, every canary, debug logging on. */
function launcherEnv(more: Record<string, string>): Record<string, string> {
  return {
    ...gh.env,
    ...DEBUG,
    GITHUB_TOKEN: TOKEN,
    'INPUT_GITHUB-TOKEN': TOKEN,
    GITHUB_REPOSITORY: pr.repo,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: pr.event,
    GITHUB_SHA: 'f'.repeat(40),
    MY_API_KEY: LAUNCHER_SECRET,
    TRAINER_API_KEY: LAUNCHER_SECRET,
    TRAINER_REGISTRY_PASSWORD: REGISTRY_PASSWORD,
    RESULT_URL,
    TRACER_VALUE: TRACER,
    ...more,
  }
}

/** What a step wrote: its output less the mask commands, and its file commands' files. */
const stepWritten = (name: string, r: StepResult): Written[] => [
  stepOutput(`${name} stdout`, r.stdout),
  stepOutput(`${name} stderr`, r.stderr),
  ...Object.entries(r.files).map(([k, v]) => ({path: `${name} GITHUB_${k.toUpperCase()}`, data: Buffer.from(v)})),
]

/** The request bodies GitHub got from call `from` on (queries too). */
const githubWritten = (from: number): Written[] =>
  gh.calls.slice(from).map(c => ({
    path: `GitHub ${c.method} ${c.path}`,
    data: Buffer.from(`${JSON.stringify(c.query ?? null)} ${JSON.stringify(c.body ?? null)}`),
  }))

/** The requests a proxied service got: URL and body (compressed bodies expanded). */
const proxyWritten = (service: string, log: readonly Exchange[]): Written[] =>
  log.flatMap(e => [
    {path: `${service} ${e.method} ${e.url} (its URL)`, data: Buffer.from(e.url)},
    ...expanded({path: `${service} ${e.method} ${e.url}`, data: e.body}),
  ])

/** The written items that hold the tracer: proof that the search covers where the run wrote. */
const traced = (written: readonly Written[]): string[] =>
  [...new Set(leaks({tracer: TRACER}, written).map(l => l.replace(/^.* in /, '')))].sort()

// ---------------------------------------------------------------------------------------------

/** seed 000's contract in sh, for an image without Node (runner direct): metrics.json, and the whole environment. */
const MAIN_SH = `#!/bin/sh
set -e
while [ $# -gt 0 ]; do
  case "$1" in
    --experiment) e=$2; shift ;;
    --run_index) n=$2; shift ;;
    --seed) s=$2; shift ;;
    --results-root) r=$2; shift ;;
  esac
  shift
done
d="$r/$e/runs/$(printf %03d "$n")"
mkdir -p "$d"
env > "$d/env.txt"
printf '{"version":1,"experiment":"%s","run_index":%s,"seed":%s,"params":{},"tag":null,"status":"succeeded","exit_code":0,"reason":null,"started_at":"2025-01-01T00:00:00Z","ended_at":"2025-01-01T00:00:01Z","duration_s":1,"final":{"loss":0.5},"history":[]}\\n' "$e" "$n" "$s" > "$d/metrics.json"
`

describe.skipIf(!docker)('the Docker path: the image pipeline with a registry password, a run in a container', () => {
  test('build, push, run: no form of any canary anywhere', {timeout: 240_000}, async () => {
    const real = `Basic ${Buffer.from(`${docker!.TRAINER_TEST_AUTH_USER}:${docker!.TRAINER_TEST_AUTH_PASSWORD}`).toString('base64')}`
    const canary = `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`
    // the registry as the launch sees it: it takes only the canary credentials
    const registry = await recordingProxy(docker!.TRAINER_TEST_AUTH_REGISTRY, {
      authorize: given => (given === undefined ? undefined : given === canary ? real : false),
    })
    const name = `atk-secrets-${TAG}/trainer`
    const engine = connectDocker({DOCKER_HOST: docker!.DOCKER_HOST}).docker
    try {
      const repo = new TempRepo('atk-secrets-docker-')
        .removeAfterTest()
        .write('.image-manifest', 'Dockerfile\nmain.sh\n')
        .write('Dockerfile', `FROM ${docker!.TRAINER_TEST_BASE_IMAGE}\nCOPY main.sh /app/main.sh\nRUN echo ${TAG}\n`)
        .write('main.sh', MAIN_SH)
        .write(
          'trainer.yml',
          stringify({
            image: {name, registry: registry.host},
            backends: {'docker-direct': {type: 'local-docker', runner: 'direct'}},
            experiments: {
              probe: {
                command: ['sh', '/app/main.sh'],
                params: {note: 'x'},
                runs: 2,
                backend: 'docker-direct',
                env: ['TRACER_*'],
              },
            },
          }),
        )
        .commit()
      const ws = repo.dir
      const from = gh.calls.length
      const r = await actionStep('launch', {
        workspace: ws,
        dir: DIR,
        actionYml: 'launch/action.yml',
        env: launcherEnv({DOCKER_HOST: docker!.DOCKER_HOST, TRAINER_DOCKER_NETWORK: 'none'}),
        inputs: {experiment: 'probe', username: REGISTRY_USER, password: REGISTRY_PASSWORD},
        timeoutMs: 200_000,
      })
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.outputs).toMatchObject({built: 'true', status: 'SUCCEEDED', conclusion: 'success'})
      // the password did its work, through the proxy, and was masked
      expect(registry.log.some(e => e.headers.authorization === canary && e.method === 'PUT')).toBe(true)
      expect(masked(r.stdout)).toContain(REGISTRY_PASSWORD)

      const written = [
        ...stepWritten('launch', r),
        ...files(ws, 'workspace'),
        ...githubWritten(from),
        ...proxyWritten('registry', registry.log),
      ]
      expect(written.some(w => w.path.endsWith('(gunzipped)'))).toBe(true) // the layers were read
      expect(traced(written)).toEqual([
        `workspace/results/${r.outputs['launch-id']}/probe/runs/000/env.txt`,
        `workspace/results/${r.outputs['launch-id']}/probe/runs/001/env.txt`,
      ])
      expect(leaks(ALWAYS, written)).toEqual([])
    } finally {
      await registry.close()
      for (const img of await engine.listImages({filters: {reference: [`${registry.host}/${name}`]}}))
        await engine
          .getImage(img.Id)
          .remove({force: true})
          .catch(() => undefined)
    }
  })
})

// ---------------------------------------------------------------------------------------------

/** An ssh private key and its pieces: each line of its body is a secret too. */
const keyCanaries = (name: string, key: string): Record<string, string> => ({
  [name]: key,
  ...Object.fromEntries(
    key
      .split('\n')
      .filter(l => /^[A-Za-z0-9+/=]{16,}$/.test(l))
      .map((l, i) => [`line ${i + 1} of ${name}`, l]),
  ),
})

/** A fresh ed25519 private key (OpenSSH format), nobody's. */
function newKey(passphrase = ''): string {
  const path = join(tempDir('atk-key-'), 'id_ed25519')
  keygen(path, passphrase)
  return readFileSync(path, 'utf8')
}

describe.skipIf(!slurm)('the Slurm path: an ssh key and a slurmrestd JWT in the environment', () => {
  const KEY = slurm ? readFileSync(slurm.TRAINER_SSH_KEY, 'utf8') : ''
  const JWT = slurm?.TRAINER_SLURM_JWT ?? ''
  const SLURM_CANARIES: Record<string, string> = {
    ...ALWAYS,
    ...keyCanaries('the ssh private key', KEY),
    'the slurmrestd JWT': JWT,
    "the JWT's signature": JWT.split('.')[2] ?? '',
  }
  const jobRoot = join(slurm?.TRAINER_SLURM_JOB_ROOT ?? '/nonexistent', `atk-secrets-${TAG}`)
  afterAll(() => {
    if (!slurm) return
    const env = {...process.env, ...slurmEnv(slurm)}
    const q = spawnSync('squeue', ['-h', '-r', '-o', '%F|%j'], {env, encoding: 'utf8'})
    const ours = (q.stdout ?? '').split('\n').filter(l => l.includes(`|tr-probe-${TAG}-`))
    if (ours.length) spawnSync('scancel', [...new Set(ours.map(l => l.split('|')[0]!))], {env})
    rmSync(jobRoot, {recursive: true, force: true})
  })

  /**
   * A launch of two runs of slurm-probe.mjs (it writes its whole environment to seen.json)
   * through `transport`, the key and the JWT given in the launcher's environment; then what it
   * wrote, slurmrestd's requests (through a recording proxy) included.
   */
  async function slurmLaunch(
    transport: 'ssh' | 'rest',
    launchId: string,
    credentials: {key: string; jwt: string},
  ): Promise<{r: StepResult; written: Written[]; rest: Exchange[]}> {
    const rest = transport === 'rest' ? await recordingProxy(new URL(slurm!.TRAINER_SLURMRESTD_URL).host) : undefined
    try {
      const ws = tempDir('atk-secrets-slurm-')
      const options =
        transport === 'ssh'
          ? {
              transport: 'ssh',
              host: slurm!.TRAINER_SSH_HOST,
              port: Number(slurm!.TRAINER_SSH_PORT),
              user: slurm!.TRAINER_SSH_USER,
              'key-env': 'CANARY_SSH_KEY',
              'known-hosts': slurm!.TRAINER_SSH_KNOWN_HOSTS,
            }
          : {transport: 'rest', url: rest!.url, 'token-env': 'CANARY_SLURM_JWT', 'user-name': slurm!.TRAINER_SLURM_USER}
      const cluster = {
        type: 'slurm',
        ...options,
        container: 'none',
        'job-root': jobRoot,
        node: process.execPath,
        partition: 'debug',
        time: '00:05:00',
      }
      const probe = {
        command: [process.execPath, PROBE],
        params: {note: 'x'},
        runs: 2,
        backend: 'cluster',
        env: ['TRACER_*'],
      }
      writeFileSync(join(ws, 'trainer.yml'), stringify({backends: {cluster}, experiments: {probe}}))
      const from = gh.calls.length
      const r = await actionStep('launch', {
        workspace: ws,
        dir: DIR,
        actionYml: 'launch/action.yml',
        env: launcherEnv({...slurmEnv(slurm!), CANARY_SSH_KEY: credentials.key, CANARY_SLURM_JWT: credentials.jwt}),
        inputs: {experiment: 'probe', 'launch-id': launchId},
        timeoutMs: 200_000,
      })
      const jobDir = join(jobRoot, launchId)
      const written = [
        ...stepWritten('launch', r),
        ...files(ws, 'workspace'),
        ...(existsSync(jobDir) ? files(jobDir, 'job directory') : []),
        ...githubWritten(from),
        ...(rest ? proxyWritten('slurmrestd', rest.log) : []),
      ]
      return {r, written, rest: rest?.log ?? []}
    } finally {
      await rest?.close()
    }
  }

  test.each(['ssh', 'rest'] as const)(
    '%s transport: a launch that waits, then searched: no form of any canary anywhere',
    {timeout: 240_000},
    async transport => {
      const {r, written, rest} = await slurmLaunch(transport, `probe-${TAG}-${transport}`, {key: KEY, jwt: JWT})
      expect(r.code, r.stdout + r.stderr).toBe(0)
      expect(r.outputs).toMatchObject({status: 'SUCCEEDED', conclusion: 'success'})
      // the rest transport went through the proxy, with the canary token
      expect(
        transport === 'ssh' || rest.some(e => e.method === 'POST' && e.headers['x-slurm-user-token'] === JWT),
      ).toBe(true)
      expect(written.some(w => /^job directory\/submissions\/.*\.sh$/.test(w.path))).toBe(true)
      // where the run saw it, and the task files that carried it there
      expect(traced(written)).toEqual([
        'job directory/results/probe/runs/000/seen.json',
        'job directory/results/probe/runs/001/seen.json',
        expect.stringMatching(/^job directory\/tasks\/[\w-]+\/0\.env$/) as string,
        expect.stringMatching(/^job directory\/tasks\/[\w-]+\/1\.env$/) as string,
      ])
      expect(leaks(SLURM_CANARIES, written)).toEqual([])
    },
  )

  test.each([
    ['ssh', 'a key the login node does not accept', () => ({key: newKey(), jwt: JWT}), /refused the key/],
    [
      'ssh',
      'a key with a passphrase (not supported)',
      () => ({key: newKey(`pass-${TAG}`), jwt: JWT}),
      /Encrypted private OpenSSH key detected, but no passphrase given/,
    ],
    [
      'rest',
      'a JWT slurmrestd refuses',
      () => ({key: KEY, jwt: `${JWT.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}${TAG}`}),
      /the token from CANARY_SLURM_JWT for user \w+ may be invalid or expired/,
    ],
  ] as const)(
    '%s transport, %s: the launch fails saying why, and no form of any canary anywhere',
    {timeout: 120_000},
    async (transport, _, given, why) => {
      const credentials = given()
      const {r, written} = await slurmLaunch(transport, `probe-${TAG}-bad${transport}`, credentials)
      expect(r.code, r.stdout + r.stderr).toBe(1)
      expect(r.stdout.match(/^::error::.*$/gm)?.join('\n')).toMatch(why)
      expect(
        leaks(
          {...SLURM_CANARIES, ...keyCanaries('the rejected key', credentials.key), 'the rejected JWT': credentials.jwt},
          written,
        ),
      ).toEqual([])
    },
  )
})

// ---------------------------------------------------------------------------------------------

describe("seed 000's upload: a pre-signed URL", () => {
  test('trainer run --archive zip, its first PUT answered with an error quoting the URL: no form of the URL anywhere', async () => {
    const puts: Buffer[] = []
    const storage = await startServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      puts.push(Buffer.concat(chunks))
      if (puts.length === 1)
        res
          .writeHead(500, {'content-type': 'application/xml'})
          .end(
            `<Error><Code>InternalError</Code><Resource>${req.url}</Resource><SignatureProvided>${SIGNATURE}</SignatureProvided></Error>`,
          )
      else res.writeHead(200).end()
    })
    try {
      const url = `${storage.url}/bucket/run.zip?X-Amz-Credential=AKIACANARY&X-Amz-Signature=${encodeURIComponent(SIGNATURE)}`
      const r = await attack({
        command: [process.execPath, PROBE],
        args: ['--archive', 'zip'],
        env: {RESULT_URL: url, TRACER_VALUE: TRACER, LOG_LEVEL: 'DEBUG', TRAINER_UPLOAD_RETRY_BASE_MS: '10'},
      })
      expect(r.code, r.stderr).toBe(0)
      expect(puts).toHaveLength(2)
      const written = [
        stepOutput('stdout', r.stdout),
        stepOutput('stderr', r.stderr),
        ...files(r.ws, 'run'),
        ...puts.flatMap((b, i) => expanded({path: `PUT ${i + 1}`, data: b})),
      ]
      // the run's own file, in the archive it kept and in both uploads of it
      expect(traced(written)).toEqual([
        'PUT 1!seen.json',
        'PUT 2!seen.json',
        'run/results/atk/runs/000.zip!seen.json',
        'run/results/atk/runs/000/seen.json',
      ])
      expect(leaks({'the upload URL': url, "the upload URL's signature": SIGNATURE}, written)).toEqual([])
      rmSync(r.ws, {recursive: true, force: true})
    } finally {
      await storage.close()
    }
  })
})
