import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, onTestFinished} from 'vitest'

const remove = (dir: string) => (): void => rmSync(dir, {recursive: true, force: true})

/** A fresh directory under the system temp dir, removed when the current test finishes (call it inside a test). */
export function tempDir(prefix = 'trainer-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(remove(dir))
  return dir
}

/**
 * A directory shared by the tests of a file or a describe block (call it at that level, not
 * inside a test), removed once they have all run.
 */
export function suiteTempDir(prefix = 'trainer-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(remove(dir))
  return dir
}
