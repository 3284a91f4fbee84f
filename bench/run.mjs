// `npm run bench`: every benchmark, one after the other.
import {spawnSync} from 'node:child_process'

for (const b of [
  'startup.mjs',
  'runner.mjs',
  'archive.mjs',
  'hash.mjs',
  'build-cache.mjs',
  'slurm-submit.mjs',
  'report.mjs',
  'command-fuzz.mjs',
]) {
  const r = spawnSync(process.execPath, [new URL(b, import.meta.url).pathname], {stdio: 'inherit'})
  if (r.status !== 0) process.exit(r.status ?? 1)
}
