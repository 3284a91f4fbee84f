import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {ConfigError} from '../../../src/kit/errors.js'
import {fallbackSeed} from '../../../src/plan/resolve.js'
import {parseRunnerArgs} from '../../../src/runner/args.js'
import {resolveSpec, type RunSpec} from '../../../src/runner/spec.js'
import {suiteTempDir} from '../../helpers/temp-dir.js'

/** resolveSpec for a command line, an environment and a working directory. */
const resolve = (argv: string[], env: Record<string, string> = {}, cwd = '/nonexistent'): Promise<RunSpec> =>
  resolveSpec(parseRunnerArgs(argv), env, cwd)

const failure = async (p: Promise<unknown>): Promise<ConfigError> => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  if (e instanceof ConfigError) return e
  throw new Error(`expected a ConfigError, got ${String(e)}`)
}

const fromEnv = (spec: unknown, argv: string[] = []): Promise<RunSpec> =>
  resolve(argv, {TRAINER_RUN_SPEC: typeof spec === 'string' ? spec : JSON.stringify(spec)})

const MINIMAL = {experiment: 'mnist', index: 7, command: ['python', 'train.py']}

describe('resolveSpec from TRAINER_RUN_SPEC (no --experiment)', () => {
  test('a minimal spec: the fallback seed, no params, container-main, the default run directory', async () => {
    expect(await fromEnv(MINIMAL)).toEqual({
      experiment: 'mnist',
      index: 7,
      seed: fallbackSeed('mnist', 7),
      params: {},
      command: ['python', 'train.py'],
      argsStyle: 'container-main',
      output: 'mnist/runs/007',
      outputs: [],
    })
  })

  test('a full spec is taken as given', async () => {
    const spec: RunSpec = {
      experiment: 'sweep.v2',
      index: 1234,
      seed: 2 ** 32 - 1,
      params: {lr: 0.1, name: 'a b', amp: true},
      command: ['node', 'train.mjs'],
      argsStyle: 'env',
      output: 'sweep.v2/runs/1234',
      outputs: ['ckpt/**', '*.png'],
    }
    expect(await fromEnv({version: 1, ...spec})).toEqual(spec)
  })

  test.each([
    [[], 11],
    [['--seed', '99'], 99],
    [['--seed=0'], 0],
  ])('[%#] %o with seed 11 in the spec: seed %d', async (argv, seed) => {
    expect((await fromEnv({...MINIMAL, seed: 11}, argv)).seed).toBe(seed)
  })

  test.each<[string, Record<string, string>, string, string]>([
    ['no spec', {}, '--experiment is required (or a TRAINER_RUN_SPEC from a launcher)', '--experiment'],
    [
      'an empty spec',
      {TRAINER_RUN_SPEC: ''},
      '--experiment is required (or a TRAINER_RUN_SPEC from a launcher)',
      '--experiment',
    ],
    ['invalid JSON', {TRAINER_RUN_SPEC: '{"experiment": '}, 'TRAINER_RUN_SPEC is not valid JSON', 'TRAINER_RUN_SPEC'],
  ])('[%#] %s: a ConfigError', async (_what, env, message, key) => {
    const e = await failure(resolve([], env))
    expect(e.message).toBe(message)
    expect(e.where).toEqual({key})
  })

  test.each<[unknown, string]>([
    [null, 'TRAINER_RUN_SPEC'],
    [[MINIMAL], 'TRAINER_RUN_SPEC'],
    [{...MINIMAL, extra: 1}, 'TRAINER_RUN_SPEC'],
    [{...MINIMAL, version: 2}, 'TRAINER_RUN_SPEC.version'],
    [{...MINIMAL, experiment: ''}, 'TRAINER_RUN_SPEC.experiment'],
    [{...MINIMAL, experiment: '../x'}, 'TRAINER_RUN_SPEC.experiment'],
    [{...MINIMAL, index: -1}, 'TRAINER_RUN_SPEC.index'],
    [{...MINIMAL, index: 1.5}, 'TRAINER_RUN_SPEC.index'],
    [{...MINIMAL, index: '7'}, 'TRAINER_RUN_SPEC.index'],
    [{...MINIMAL, seed: -1}, 'TRAINER_RUN_SPEC.seed'],
    [{...MINIMAL, seed: 2 ** 32}, 'TRAINER_RUN_SPEC.seed'],
    [{...MINIMAL, command: []}, 'TRAINER_RUN_SPEC.command'],
    [{...MINIMAL, command: ['']}, 'TRAINER_RUN_SPEC.command.0'],
    [{...MINIMAL, command: ['python', 'a\0b']}, 'TRAINER_RUN_SPEC.command.1'],
    [{...MINIMAL, params: {lr: [1]}}, 'TRAINER_RUN_SPEC.params.lr'],
    [{...MINIMAL, params: {x: 'a\0'}}, 'TRAINER_RUN_SPEC.params.x'],
    [{...MINIMAL, argsStyle: 'shell'}, 'TRAINER_RUN_SPEC.argsStyle'],
    [{...MINIMAL, outputs: ['']}, 'TRAINER_RUN_SPEC.outputs.0'],
  ])('[%#] %o: a ConfigError naming %s', async (spec, field) => {
    const e = await failure(fromEnv(spec))
    expect(e.message.startsWith(`${field}: `)).toBe(true)
    expect(e.where).toEqual({key: field})
  })

  test('a --seed out of range is checked like one in the spec', async () => {
    const e = await failure(fromEnv(MINIMAL, ['--seed', String(2 ** 32)]))
    expect(e.where).toEqual({key: 'TRAINER_RUN_SPEC.seed'})
  })

  test.each([
    '../escape',
    'mnist/../../escape',
    'mnist/runs/../../../x',
    '..',
    '/etc',
    '/tmp/runs/000',
    'mnist\\..\\x',
    './mnist',
    'mnist//runs',
    'mnist/runs/',
    '.',
    '',
    'mnist/\0',
  ])('[%#] an output of %o, outside the results root, is refused', async output => {
    const e = await failure(fromEnv({...MINIMAL, output}))
    expect(e.message).toMatch(/^TRAINER_RUN_SPEC\.output: /)
    expect(e.where).toEqual({key: 'TRAINER_RUN_SPEC.output'})
  })

  test.each(['mnist/runs/007', 'a', 'a/b.c/d-e_f', '..a/b..'])('[%#] an output of %o is kept', async output => {
    expect((await fromEnv({...MINIMAL, output})).output).toBe(output)
  })
})

describe('resolveSpec from --experiment/--run_index and trainer.yml', () => {
  const dir = suiteTempDir('spec-')
  writeFileSync(
    join(dir, 'trainer.yml'),
    `experiments:
  plain:
    command: [python, train.py]
    params: {lr: 0.01, batch_size: 32, name: base}
    seeds: [11, 22]
    outputs: ['ckpt/*']
  sweep:
    command: [python, sweep.py]
    args-style: env
    params: {lr: 0.01, depth: 2}
    sweep: {lr: [0.1, 0.2], depth: [3, 4]}
  noprefer:
    command: [x]
    seeds: [5]
    prefer-config-seed: false
`,
  )
  writeFileSync(join(dir, 'other.yml'), 'experiments:\n  other:\n    command: [other]\n')
  const at = (argv: string[], env: Record<string, string> = {}): Promise<RunSpec> => resolve(argv, env, dir)

  test('run 0: the defaults, seeds[0], the experiment command and outputs', async () => {
    expect(await at(['--experiment', 'plain', '--run_index', '0'])).toEqual({
      experiment: 'plain',
      index: 0,
      seed: 11,
      params: {lr: 0.01, batch_size: 32, name: 'base'},
      command: ['python', 'train.py'],
      argsStyle: 'container-main',
      output: 'plain/runs/000',
      outputs: ['ckpt/*'],
    })
  })

  test.each<[string[], number]>([
    [['--run_index', '1'], 22],
    // past the plan's end: seed 000's rule, seeds[run_index] or the fallback
    [['--run_index', '5'], fallbackSeed('plain', 5)],
    [['--run_index', '1', '--seed', '3'], 3],
    [['--run_index', '1', '--no-prefer-config-seed'], fallbackSeed('plain', 1)],
  ])('[%#] plain %o: seed %d', async (argv, seed) => {
    expect((await at(['--experiment', 'plain', ...argv])).seed).toBe(seed)
  })

  test('overrides are typed like the defaults; batch-size names batch_size', async () => {
    const s = await at([
      '--experiment=plain',
      '--run_index=0',
      '--override-batch-size',
      '64',
      '--override-lr=0.5',
      '--override-name',
      'x',
    ])
    expect(s.params).toEqual({lr: 0.5, batch_size: 64, name: 'x'})
  })

  test('a run past the plan keeps the defaults and overrides, in a three-digit run directory', async () => {
    const s = await at(['--experiment', 'plain', '--run_index', '12', '--override-lr', '1'])
    expect(s).toMatchObject({index: 12, params: {lr: 1, batch_size: 32, name: 'base'}, output: 'plain/runs/012'})
  })

  test.each<[number, Record<string, number>]>([
    [0, {lr: 0.1, depth: 3}],
    [1, {lr: 0.1, depth: 4}],
    [2, {lr: 0.2, depth: 3}],
    [3, {lr: 0.2, depth: 4}],
  ])('[%#] sweep run %d is the plan’s point %o', async (index, params) => {
    const s = await at(['--experiment', 'sweep', '--run_index', String(index)])
    expect(s).toEqual({
      experiment: 'sweep',
      index,
      seed: fallbackSeed('sweep', 0),
      params,
      command: ['python', 'sweep.py'],
      argsStyle: 'env',
      output: `sweep/runs/00${index}`,
      outputs: [],
    })
  })

  test('an override of a swept parameter pins it', async () => {
    expect((await at(['--experiment', 'sweep', '--run_index', '1', '--override-lr', '0.3'])).params).toEqual({
      lr: 0.3,
      depth: 4,
    })
  })

  test('prefer-config-seed: false in trainer.yml ignores seeds', async () => {
    expect((await at(['--experiment', 'noprefer', '--run_index', '0'])).seed).toBe(fallbackSeed('noprefer', 0))
  })

  test.each<[string[], Record<string, string>]>([
    [['--config', 'other.yml'], {}],
    [[], {TRAINER_CONFIG: 'other.yml'}],
    [['--config', join(dir, 'other.yml')], {TRAINER_CONFIG: 'missing.yml'}],
  ])('[%#] %o with %o reads other.yml', async (argv, env) => {
    expect((await at(['--experiment', 'other', '--run_index', '0', ...argv], env)).command).toEqual(['other'])
  })

  test('--experiment wins over TRAINER_RUN_SPEC', async () => {
    const s = await at(['--experiment', 'plain', '--run_index', '0'], {TRAINER_RUN_SPEC: JSON.stringify(MINIMAL)})
    expect(s.experiment).toBe('plain')
  })

  test.each<[string[], string, string]>([
    [['--experiment', 'plain'], '--run_index is required with --experiment', '--run_index'],
    [['--experiment', 'plian', '--run_index', '0'], "unknown experiment 'plian'", 'experiments.plian'],
    [['--experiment', 'plain', '--run_index', '0', '--override-epochs', '3'], "has no parameter 'epochs'", 'epochs'],
    [['--experiment', 'plain', '--run_index', '0', '--override-lr', 'fast'], 'lr=fast is not a number', 'lr'],
  ])('[%#] %o: a ConfigError (%s)', async (argv, message, key) => {
    const e = await failure(at(argv))
    expect(e.message).toContain(message)
    expect(e.where.key).toBe(key)
  })

  test('a config file that is not there is a ConfigError naming it', async () => {
    const e = await failure(at(['--experiment', 'plain', '--run_index', '0', '--config', 'missing.yml']))
    expect(e.message).toBe('config file missing.yml cannot be read: ENOENT')
  })
})
