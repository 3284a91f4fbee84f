import {execFileSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {onTestFinished} from 'vitest'

/** A real git repository in a temporary directory. */
export class TempRepo {
  readonly dir: string
  constructor(prefix = 'trainer-repo-', init = true) {
    this.dir = mkdtempSync(join(tmpdir(), prefix))
    if (init) {
      this.git('init', '-q', '-b', 'main')
      this.git('config', 'user.email', 'test@example.com')
      this.git('config', 'user.name', 'Test')
      this.git('config', 'commit.gpgsign', 'false')
    }
  }
  git(...args: string[]): string {
    return execFileSync('git', args, {cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  }
  write(path: string, content: string | Buffer, mode?: number): this {
    const abs = join(this.dir, path)
    mkdirSync(dirname(abs), {recursive: true})
    writeFileSync(abs, content)
    if (mode !== undefined) chmodSync(abs, mode)
    return this
  }
  commit(message = 'commit'): this {
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this
  }
  path(p = ''): string {
    return join(this.dir, p)
  }
  /** Removes the repository when the current test finishes (call it inside a test). */
  removeAfterTest(): this {
    onTestFinished(() => rmSync(this.dir, {recursive: true, force: true}))
    return this
  }
}
