import {readFileSync} from 'node:fs'
import {exec} from '../kit/exec.js'

/**
 * OCI labels for a training image: where it came from and what it was built from.
 * - `org.opencontainers.image.revision`: the commit that was reviewed. For a
 *   `pull_request` event that is the PR's head (`pull_request.head.sha`), not
 *   `GITHUB_SHA`, which is the temporary merge commit; elsewhere `GITHUB_SHA`, and outside
 *   Actions the repository's HEAD.
 * - `org.opencontainers.image.source`: the repository's address.
 * - `dev.trainer-action.manifest.sha256`: the hash of the files the tag stands for.
 */
export async function imageLabels(
  env: Readonly<Record<string, string | undefined>>,
  o: {root: string; manifestHash: string},
): Promise<Record<string, string>> {
  const labels: Record<string, string> = {'dev.trainer-action.manifest.sha256': o.manifestHash}
  const revision = headSha(env) ?? (await gitHead(o.root))
  if (revision) labels['org.opencontainers.image.revision'] = revision
  if (env.GITHUB_REPOSITORY)
    labels['org.opencontainers.image.source'] =
      `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`
  return labels
}

/** The commit a workflow run is about: a pull request's head, else GITHUB_SHA. */
export function headSha(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.GITHUB_EVENT_PATH && env.GITHUB_EVENT_NAME?.startsWith('pull_request')) {
    try {
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {pull_request?: {head?: {sha?: unknown}}}
      const sha = event.pull_request?.head?.sha
      if (typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha)) return sha
    } catch {
      // no readable event: fall back to GITHUB_SHA
    }
  }
  return env.GITHUB_SHA || undefined
}

async function gitHead(root: string): Promise<string | undefined> {
  try {
    const r = await exec('git', ['rev-parse', 'HEAD'], {cwd: root})
    const sha = r.stdout.toString().trim()
    return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined
  } catch {
    return undefined
  }
}
