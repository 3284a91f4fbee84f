import {z} from 'zod'
import {loadConfig} from '../config/load.js'
import {hashSummary} from '../image/summary.js'
import {imageSettings} from '../image/settings.js'
import {bool, optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {hashManifest, type HashResult} from '../manifest/hash.js'

/** Inputs of actions/hash, keyed by their action.yml names. */
export const HashInputs = z.object({
  manifest: optString(),
  config: optString(),
  'tag-length': optInt(4, 64),
  'include-worktree': bool(false),
  check: bool(false),
  name: optString(),
  registry: optString(),
})

/**
 * Hashes the files the image manifest lists: outputs `hash`, `tag` and `files` (count). With
 * `check`, also asks the registry whether the image with that tag is there (one HEAD, under
 * the same credential and realm rules as the build) and outputs `image` and `exists`, so a
 * workflow can run its own builder (docker/build-push-action) only when needed.
 */
export async function hash(io: ActionIO): Promise<HashResult> {
  const i = readInputs(io, HashInputs)
  const {config, file} = await loadConfig(io.workspace, i.config)
  const s = await imageSettings(
    io.workspace,
    config.image,
    file,
    {manifest: i.manifest, 'tag-length': i['tag-length'], name: i.name, registry: i.registry},
    io.env,
  )
  let r: HashResult
  if (i.check) {
    // the registry client loads only for a check
    const {imageRegistry} = await import('../image/check.js')
    const found = await imageRegistry({
      settings: s,
      includeWorktree: i['include-worktree'],
      env: {...io.env},
      log: io.log,
      secret: v => io.setSecret(v),
    })
    r = found.hash
    const state = await found.registry.manifest(found.ref)
    io.setOutput('image', found.ref.full)
    io.setOutput('exists', state.exists)
    io.log.info(`${found.ref.full} ${state.exists ? 'is in the registry' : 'is not in the registry yet'}`)
  } else {
    r = await hashManifest({
      cwd: io.workspace,
      manifest: s.manifest,
      tagLength: s.tagLength,
      includeWorktree: i['include-worktree'],
      log: io.log,
    })
  }
  io.setOutput('hash', r.hash)
  io.setOutput('tag', r.tag)
  io.setOutput('files', r.count)
  io.log.info(`${r.tag} (sha256 ${r.hash}, ${r.count} files from ${r.manifest})`)
  await io.summary(hashSummary(r))
  return r
}
