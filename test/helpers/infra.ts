import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

export interface Infra {
  DOCKER_HOST: string
  TRAINER_TEST_REGISTRY: string
  TRAINER_TEST_AUTH_REGISTRY: string
  TRAINER_TEST_AUTH_USER: string
  TRAINER_TEST_AUTH_PASSWORD: string
  TRAINER_TEST_BASE_IMAGE: string
}

const KEYS: (keyof Infra)[] = [
  'DOCKER_HOST',
  'TRAINER_TEST_REGISTRY',
  'TRAINER_TEST_AUTH_REGISTRY',
  'TRAINER_TEST_AUTH_USER',
  'TRAINER_TEST_AUTH_PASSWORD',
  'TRAINER_TEST_BASE_IMAGE',
]

/** The KEY=value lines of $TRAINER_INFRA_DIR/env, or why they cannot be read. */
function readEnvFile(): {file: string; env?: Record<string, string>; why?: string} {
  const file = join(process.env.TRAINER_INFRA_DIR ?? '/tmp/trainer-infra', 'env')
  if (!existsSync(file)) return {file, why: `${file} not found (run: npm run infra:up)`}
  const env = Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(l => l.includes('='))
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  ) as Record<string, string>
  return {file, env}
}

/** With CI=true missing infrastructure fails the suite; elsewhere the suite is skipped, saying why. */
function unavailable(suite: string, why: string): undefined {
  if (process.env.CI === 'true') throw new Error(`${suite}: required infrastructure is missing: ${why}`)
  console.warn(`SKIPPED ${suite}: ${why}`)
  return undefined
}

/**
 * The Docker engine and registries started by test/infra/up.sh. Missing: with
 * CI=true the suite fails; elsewhere it is skipped with the reason printed.
 */
export async function requireInfra(suite: string): Promise<Infra | undefined> {
  const {file, env, why} = readEnvFile()
  if (!env) return unavailable(suite, why!)
  const missing = KEYS.filter(k => !env[k])
  if (missing.length) return unavailable(suite, `${file} lacks ${missing.join(', ')}`)
  const infra = env as unknown as Infra
  const ok = await fetch(`http://${infra.TRAINER_TEST_REGISTRY}/v2/`, {signal: AbortSignal.timeout(3000)}).then(
    r => r.ok,
    () => false,
  )
  if (!ok) return unavailable(suite, `registry ${infra.TRAINER_TEST_REGISTRY} is not answering (run: npm run infra:up)`)
  return infra
}

/** The single-node Slurm cluster, slurmrestd and sshd written to the env file by test/infra/slurm-up.sh. */
export interface SlurmInfra {
  /** slurm.conf: Slurm's commands need `SLURM_CONF` set to it (see {@link slurmEnv}). */
  TRAINER_SLURM_CONF: string
  TRAINER_SLURM_CLUSTER: string
  /** Comma-separated; the first (`debug`) is the default partition. */
  TRAINER_SLURM_PARTITIONS: string
  TRAINER_SLURM_ACCOUNT: string
  /** The non-root unix user the tokens and ssh log in as (`trainer`). */
  TRAINER_SLURM_USER: string
  /** A directory (mode 1777) every user can create job directories in. */
  TRAINER_SLURM_JOB_ROOT: string
  /** JWT for TRAINER_SLURM_USER, and one for root (may act as any user). */
  TRAINER_SLURM_JWT: string
  TRAINER_SLURM_JWT_ROOT: string
  /** Unix seconds when both tokens expire. */
  TRAINER_SLURM_JWT_EXPIRES: string
  /** e.g. http://127.0.0.1:6820, serving only /slurm/<TRAINER_SLURMRESTD_API>/ */
  TRAINER_SLURMRESTD_URL: string
  TRAINER_SLURMRESTD_API: string
  TRAINER_SSH_HOST: string
  TRAINER_SSH_PORT: string
  TRAINER_SSH_USER: string
  /** Private ed25519 key (root-owned, 0600) accepted for TRAINER_SSH_USER and root. */
  TRAINER_SSH_KEY: string
  /** `SHA256:…` of the sshd host key. */
  TRAINER_SSH_HOST_FINGERPRINT: string
  /** One known_hosts line, `[127.0.0.1]:2222 ssh-ed25519 AAAA…`, and a file holding it. */
  TRAINER_SSH_KNOWN_HOSTS: string
  TRAINER_SSH_KNOWN_HOSTS_FILE: string
}

const SLURM_KEYS: (keyof SlurmInfra)[] = [
  'TRAINER_SLURM_CONF',
  'TRAINER_SLURM_CLUSTER',
  'TRAINER_SLURM_PARTITIONS',
  'TRAINER_SLURM_ACCOUNT',
  'TRAINER_SLURM_USER',
  'TRAINER_SLURM_JOB_ROOT',
  'TRAINER_SLURM_JWT',
  'TRAINER_SLURM_JWT_ROOT',
  'TRAINER_SLURM_JWT_EXPIRES',
  'TRAINER_SLURMRESTD_URL',
  'TRAINER_SLURMRESTD_API',
  'TRAINER_SSH_HOST',
  'TRAINER_SSH_PORT',
  'TRAINER_SSH_USER',
  'TRAINER_SSH_KEY',
  'TRAINER_SSH_HOST_FINGERPRINT',
  'TRAINER_SSH_KNOWN_HOSTS',
  'TRAINER_SSH_KNOWN_HOSTS_FILE',
]

/**
 * The Slurm cluster started by test/infra/slurm-up.sh (npm run infra:up runs it), checked through
 * slurmrestd's ping. Missing, not answering or with expired tokens: with CI=true the suite fails;
 * elsewhere it is skipped with the reason printed.
 */
export async function requireSlurmInfra(suite: string): Promise<SlurmInfra | undefined> {
  const {file, env, why} = readEnvFile()
  if (!env) return unavailable(suite, why!)
  if (env.TRAINER_SLURM !== '1') return unavailable(suite, `${file} has no Slurm lines (run: npm run infra:up)`)
  const missing = SLURM_KEYS.filter(k => !env[k])
  if (missing.length) return unavailable(suite, `${file} lacks ${missing.join(', ')}`)
  const infra = env as unknown as SlurmInfra
  if (Number(infra.TRAINER_SLURM_JWT_EXPIRES) * 1000 < Date.now() + 3_600_000)
    return unavailable(suite, 'the Slurm tokens in the env file expire within the hour (run: npm run infra:up)')
  const url = `${infra.TRAINER_SLURMRESTD_URL}/slurm/${infra.TRAINER_SLURMRESTD_API}/ping`
  const status = await fetch(url, {
    headers: {'X-SLURM-USER-NAME': 'root', 'X-SLURM-USER-TOKEN': infra.TRAINER_SLURM_JWT_ROOT},
    signal: AbortSignal.timeout(5000),
  }).then(
    r => r.status,
    () => 0,
  )
  if (status !== 200) return unavailable(suite, `GET ${url} answered ${status || 'nothing'} (run: npm run infra:up)`)
  return infra
}

/** The environment Slurm's commands (sbatch, squeue, sacct, scontrol) need to find the test cluster. */
export const slurmEnv = (infra: SlurmInfra): {SLURM_CONF: string} => ({SLURM_CONF: infra.TRAINER_SLURM_CONF})

/**
 * trainer.yml's `backends:` section for the test cluster: one backend `slurm` that runs each task
 * on the node itself (no container) with this Node, under `jobRoot`, in the debug partition.
 */
export function slurmBackendYml(jobRoot: string): string {
  return `backends:
  slurm:
    container: none
    job-root: ${jobRoot}
    node: ${process.execPath}
    partition: debug
    time: "00:05:00"`
}
