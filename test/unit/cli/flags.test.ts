import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import {BuildInputs} from '../../../src/actions/build.js'
import {HashInputs} from '../../../src/actions/hash.js'
import {LaunchInputs} from '../../../src/actions/launch.js'
import {PlanOnlyInputs} from '../../../src/actions/plan.js'
import {ReconcileInputs} from '../../../src/actions/reconcile.js'
import {ReportInputs} from '../../../src/actions/report.js'
import {LedgerInputs, StatusInputs} from '../../../src/actions/status.js'
import {main} from '../../../src/cli/main.js'
import {inputFlags} from '../../../src/kit/inputs.js'

/**
 * Each verb, its inputs' schema, and the inputs its command line gives another way than a flag
 * of the same name, with the words that give them (all of them accepted by `--help` below).
 */
const VERBS: [verb: string, schema: Parameters<typeof inputFlags>[0], otherwise: Record<string, string[]>][] = [
  ['hash', HashInputs, {}],
  // the password never in argv (ps shows it): from stdin or TRAINER_REGISTRY_PASSWORD
  ['build', BuildInputs, {'build-args': ['--build-arg', 'A=1', '--build-arg', 'B=2'], password: []}],
  ['plan', PlanOnlyInputs, {overrides: ['lr=0.1', 'epochs=2'], 'prefer-config-seed': ['--no-prefer-config-seed']}],
  // the token never in argv either: GITHUB_TOKEN
  [
    'launch',
    LaunchInputs,
    {overrides: ['lr=0.1'], 'prefer-config-seed': ['--no-prefer-config-seed'], 'github-token': []},
  ],
  ['report', ReportInputs, {id: ['L1'], 'github-token': []}],
  ['reconcile', ReconcileInputs, {'github-token': []}],
  ['status', StatusInputs, {id: ['L1']}],
  ['logs', LedgerInputs, {id: ['L1.000']}],
  ['cancel', LedgerInputs, {id: ['L1']}],
]

let err: string
beforeEach(() => {
  err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  vi.spyOn(process.stderr, 'write').mockImplementation(s => ((err += String(s)), true))
})
afterEach(() => {
  process.exitCode = undefined
})

/** The exit code of `trainer <verb> <words> --help`: 0 once every word is parsed, 2 for a flag it does not take. */
const parses = (verb: string, words: string[]): Promise<number> => main([verb, ...words, '--help'])

describe.each(VERBS)('trainer %s', (verb, schema, otherwise) => {
  const flags = inputFlags(schema)
  const inputs = Object.keys(schema.shape).filter(k => !(k in otherwise))

  test.each(inputs)('takes the input %s as a flag', async key => {
    const f = flags[key]!
    const words =
      f.type === 'boolean' ? [`--${key}`] : f.multiple ? [`--${key}`, 'a', `--${key}`, 'b'] : [`--${key}`, 'v']
    expect(await parses(verb, words), err).toBe(0)
  })

  test('takes every input at once, and the CLI flags', async () => {
    const words = inputs.flatMap(k => (flags[k]!.type === 'boolean' ? [`--${k}`] : [`--${k}`, 'v']))
    expect(await parses(verb, [...words, '--json', '-v', '-C', '.'])).toBe(0)
  })

  test('refuses a flag that is no input of it', async () => {
    expect(await parses(verb, ['--no-such-input', 'v'])).toBe(2)
    expect(err).toContain("Unknown option '--no-such-input'")
  })
})

const OTHERWISE = VERBS.flatMap(([verb, , otherwise]) =>
  Object.entries(otherwise).map(([key, words]): [string, string, string[]] => [verb, key, words]),
)

describe('inputs a command line gives another way', () => {
  test.each(OTHERWISE.filter(([, , words]) => words.length > 0))(
    'trainer %s takes %s as %j',
    async (verb, _key, words) => {
      expect(await parses(verb, words), err).toBe(0)
    },
  )

  test.each(OTHERWISE)('trainer %s has no flag --%s: one way only to give it', async (verb, key) => {
    expect(await parses(verb, [`--${key}`, 'v'])).toBe(2)
  })
})

describe('inputFlags', () => {
  test.each([
    [1, 'check', {type: 'boolean'}, HashInputs],
    [2, 'tag-length', {type: 'string'}, HashInputs],
    [3, 'force', {type: 'boolean'}, BuildInputs],
    [4, 'auth-realms', {type: 'string', multiple: true}, BuildInputs],
    [5, 'build-args', {type: 'string', multiple: true}, BuildInputs],
    // true|false|registry|gha: a value, although it takes booleans
    [6, 'cache', {type: 'string'}, BuildInputs],
    [7, 'overrides', {type: 'string', multiple: true}, PlanOnlyInputs],
    [8, 'show-script', {type: 'boolean'}, PlanOnlyInputs],
    [9, 'detach', {type: 'boolean'}, LaunchInputs],
    [10, 'refresh', {type: 'boolean'}, StatusInputs],
  ])('[%d] %s gives %o', (_n, key, flag, schema) => {
    expect(inputFlags(schema)[key]).toEqual(flag)
  })

  test('one flag per input, less those omitted', () => {
    expect(Object.keys(inputFlags(StatusInputs, ['id']))).toEqual(['config', 'ledger', 'refresh'])
  })

  test.each([
    [1, 'plan', ['--manifest', 'm']],
    [2, 'launch', ['--include-worktree']],
    [3, 'status', ['--tag-length', '7']],
  ])('[%d] trainer %s refuses %j: an input of another verb', async (_n, verb, words) => {
    expect(await parses(verb, words)).toBe(2)
  })
})
