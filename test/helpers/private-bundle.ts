import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {ROOT} from './workspace.js'

/**
 * Bundles of `src/entries/<name>.ts` of their own, built now from the sources (rolldown, which
 * vite brings; no type check) into `<dir>/<name>` of one fresh directory, so that tests that
 * spawn `trainer` or copy `trainer run` elsewhere do not depend on dist/, which other work
 * may be rebuilding at the time. The CLI finds `trainer run` at ../run, as in dist/.
 *
 * `run` is self-contained (it is copied to where runs happen). `cli` leaves packages to be
 * imported from the repository's node_modules (ssh2's optional native parts cannot be
 * bundled), so the directory is made under node_modules/.cache. Returns the directory;
 * remove it with {@link removeBundles}.
 */
export async function privateBundles(names: readonly ('cli' | 'run')[]): Promise<string> {
  const cache = join(ROOT, 'node_modules/.cache')
  mkdirSync(cache, {recursive: true})
  const dir = mkdtempSync(join(cache, 'trainer-attack-bundles-'))
  const {build} = await import('rolldown')
  for (const name of names) {
    await build({
      input: join(ROOT, `src/entries/${name}.ts`),
      platform: 'node',
      resolve: {extensionAlias: {'.js': ['.ts', '.js']}},
      // packages of the CLI come from node_modules; `trainer run` takes its own along
      ...(name === 'cli' ? {external: (id: string) => /^[@a-z]/i.test(id) && !id.startsWith('node:')} : {}),
      logLevel: 'silent',
      output: {dir: join(dir, name), format: 'esm', entryFileNames: 'index.js', chunkFileNames: '[name]-[hash].js'},
    })
    writeFileSync(join(dir, name, 'package.json'), '{"type": "module"}\n')
  }
  return dir
}

export function removeBundles(dir: string): void {
  rmSync(dir, {recursive: true, force: true})
}
