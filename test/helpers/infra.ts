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

/**
 * The Docker engine and registries started by test/infra/up.sh. Missing: with
 * CI=true the suite fails; elsewhere it is skipped with the reason printed.
 */
export async function requireInfra(suite: string): Promise<Infra | undefined> {
  const file = join(process.env.TRAINER_INFRA_DIR ?? '/tmp/trainer-infra', 'env')
  let why: string | undefined
  let infra: Infra | undefined
  if (!existsSync(file)) why = `${file} not found (run: npm run infra:up)`
  else {
    const env = Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(l => l.includes('='))
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    ) as Record<string, string>
    const missing = KEYS.filter(k => !env[k])
    if (missing.length) why = `${file} lacks ${missing.join(', ')}`
    else {
      infra = env as unknown as Infra
      const ok = await fetch(`http://${infra.TRAINER_TEST_REGISTRY}/v2/`, {signal: AbortSignal.timeout(3000)}).then(
        r => r.ok,
        () => false,
      )
      if (!ok) why = `registry ${infra.TRAINER_TEST_REGISTRY} is not answering (run: npm run infra:up)`
    }
  }
  if (why === undefined) return infra
  if (process.env.CI === 'true') throw new Error(`${suite}: required infrastructure is missing: ${why}`)
  console.warn(`SKIPPED ${suite}: ${why}`)
  return undefined
}
