import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {expect, test} from 'vitest'

const ENVIRON = join(import.meta.dirname, '../../../src/runner/environ.ts')

// /proc/<pid>/environ shows a process's initial environment: only a fresh process has the
// variable there, so forgetEnv runs in one (Node runs the TypeScript source as is).
test('forgetEnv wipes a variable from process.env and /proc/self/environ; the others stay', () => {
  const script = `
    import {readFileSync} from 'node:fs'
    const {forgetEnv} = await import(${JSON.stringify(ENVIRON)})
    const before = readFileSync('/proc/self/environ', 'latin1')
    const ok = forgetEnv(['RESULT_URL'])
    const after = readFileSync('/proc/self/environ', 'latin1')
    console.log(JSON.stringify({ok, before, after, env: process.env.RESULT_URL ?? null, keep: process.env.KEEP}))
  `
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {RESULT_URL: 'https://h/o?sig=the-secret-value', KEEP: 'kept', PATH: process.env.PATH},
    encoding: 'utf8',
  })
  expect(r.status, r.stderr).toBe(0)
  const out = JSON.parse(r.stdout) as {ok: boolean; before: string; after: string; env: string | null; keep: string}
  expect(out.before).toContain('the-secret-value')
  expect(out).toMatchObject({ok: true, env: null, keep: 'kept'})
  expect(out.after).not.toContain('the-secret-value')
  expect(out.after).not.toContain('RESULT_URL')
  expect(out.after.split('\0')).toContain('KEEP=kept')
})
