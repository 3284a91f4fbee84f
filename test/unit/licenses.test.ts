import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, test} from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

// issue 8 #13: ncc's --license saw only the main chunk; every bundled package must ship its licence
test.each([
  ['hash', ['@actions/core', 'undici', 'yaml', 'zod', 'picomatch']],
  ['build', ['@actions/core', 'dockerode', 'docker-modem', 'tar-stream', '@balena/dockerignore', 'yaml', 'zod']],
  ['cli', ['dockerode', 'yazl', 'yaml', 'zod', 'picomatch']],
  ['run', ['yazl', 'zod']],
])('[%#] dist/%s/licenses.txt names %j with their licence text', (bundle, packages) => {
  const text = readFileSync(join(ROOT, 'dist', bundle, 'licenses.txt'), 'utf8')
  for (const p of packages)
    expect(text, p).toMatch(
      new RegExp(`^${p.replace(/[/.]/g, '\\$&')}@\\d+\\.\\d+\\.\\d+\\n(MIT|ISC|Apache-2\\.0|BSD)`, 'm'),
    )
  expect(text).toMatch(/Permission is hereby granted|Permission to use, copy/)
})
