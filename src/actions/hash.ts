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
})

/** Hashes the files the image manifest lists: outputs `hash`, `tag` and `files` (count). */
export async function hash(io: ActionIO): Promise<HashResult> {
  const i = readInputs(io, HashInputs)
  const {config, file} = await loadConfig(io.workspace, i.config)
  const s = await imageSettings(
    io.workspace,
    config.image,
    file,
    {manifest: i.manifest, 'tag-length': i['tag-length']},
    io.env,
  )
  const r = await hashManifest({
    cwd: io.workspace,
    manifest: s.manifest,
    tagLength: s.tagLength,
    includeWorktree: i['include-worktree'],
    log: io.log,
  })
  io.setOutput('hash', r.hash)
  io.setOutput('tag', r.tag)
  io.setOutput('files', r.count)
  io.log.info(`${r.tag} (sha256 ${r.hash}, ${r.count} files from ${r.manifest})`)
  await io.summary(hashSummary(r))
  return r
}
