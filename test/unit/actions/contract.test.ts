import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {BuildInputs} from '../../../src/actions/build.js'
import {HashInputs} from '../../../src/actions/hash.js'
import {CommandInputs} from '../../../src/actions/command.js'
import {LaunchStepInputs} from '../../../src/actions/launch-step.js'
import {ReconcileInputs} from '../../../src/actions/reconcile.js'
import {ReportInputs} from '../../../src/actions/report.js'

interface ActionYml {
  name: string
  description: string
  inputs: Record<string, {description?: string; default?: unknown; required?: boolean}>
  outputs?: Record<string, {description?: string}>
  runs: {using: string; main: string; post?: string}
  branding?: unknown
}

const ACTIONS: [string, {shape: Record<string, unknown>}][] = [
  ['action.yml', LaunchStepInputs],
  ['launch/action.yml', LaunchStepInputs],
  ['actions/hash/action.yml', HashInputs],
  ['actions/build/action.yml', BuildInputs],
  ['actions/report/action.yml', ReportInputs],
  ['actions/reconcile/action.yml', ReconcileInputs],
  ['actions/command/action.yml', CommandInputs],
]

describe.each(ACTIONS)('%s', (file, schema) => {
  const a = parse(readFileSync(file, 'utf8')) as ActionYml
  test('schema keys equal the declared inputs', () => {
    expect(Object.keys(schema.shape).sort()).toEqual(Object.keys(a.inputs).sort())
  })
  test('every input and output has a description; defaults are strings; ids are kebab-case', () => {
    for (const [k, v] of [...Object.entries(a.inputs), ...Object.entries(a.outputs ?? {})]) {
      expect(k).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(v.description, k).toBeTruthy()
    }
    const defaults = Object.values(a.inputs).flatMap(v => ('default' in v ? [typeof v.default] : []))
    expect(defaults.filter(t => t !== 'string')).toEqual([])
  })
  test('runs node24 from a bundle that exists in dist/', () => {
    expect(a.runs.using).toBe('node24')
    for (const p of [a.runs.main, a.runs.post].filter(Boolean))
      expect(existsSync(join(dirname(file), p!)), p).toBe(true)
  })
  test('branding only on the root action', () => {
    expect(a.branding !== undefined).toBe(file === 'action.yml')
  })
})

test('the root action is the launch action (uses: <owner>/trainer-action@v1 and …/launch@v1 are one)', () => {
  const root = parse(readFileSync('action.yml', 'utf8')) as ActionYml
  const launch = parse(readFileSync('launch/action.yml', 'utf8')) as ActionYml
  expect({...root, branding: undefined}).toEqual({
    ...launch,
    branding: undefined,
    runs: {...launch.runs, main: 'dist/launch/index.js', post: 'dist/launch-post/index.js'},
  })
  expect(launch.runs).toMatchObject({main: '../dist/launch/index.js', post: '../dist/launch-post/index.js'})
})

test('each action has a docs page', () => {
  for (const n of ['hash', 'build', 'report', 'reconcile', 'command', 'launch'])
    expect(existsSync(`docs/actions/${n}.md`), n).toBe(true)
})
