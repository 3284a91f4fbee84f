import {describe, expect, test} from 'vitest'
import {parseRunnerArgs, RUNNER_USAGE, type RunnerArgs} from '../../../src/runner/args.js'
import {ConfigError} from '../../../src/kit/errors.js'

const DEFAULTS: RunnerArgs = {
  experiment: undefined,
  runIndex: undefined,
  seed: undefined,
  preferConfigSeed: true,
  overrides: {},
  tag: undefined,
  resultsRoot: 'results',
  archive: undefined,
  allowMissingUpload: false,
  config: undefined,
  gracePeriod: 30,
  help: false,
}

const failure = (argv: string[]): ConfigError => {
  try {
    parseRunnerArgs(argv)
  } catch (e: unknown) {
    if (e instanceof ConfigError) return e
    throw e
  }
  throw new Error(`parseRunnerArgs(${JSON.stringify(argv)}) did not fail`)
}

describe('parseRunnerArgs', () => {
  test('no arguments: the defaults', () => {
    expect(parseRunnerArgs([])).toEqual(DEFAULTS)
  })

  test.each<[string[], Partial<RunnerArgs>]>([
    [['--experiment', 'mnist'], {experiment: 'mnist'}],
    [['--experiment=mnist'], {experiment: 'mnist'}],
    [['--run_index', '3'], {runIndex: 3}],
    [['--run-index', '3'], {runIndex: 3}],
    [['--run_index=0'], {runIndex: 0}],
    [['--seed', '42'], {seed: 42}],
    [['--seed=0'], {seed: 0}],
    [['--seed', ' 7 '], {seed: 7}],
    [['--no-prefer-config-seed'], {preferConfigSeed: false}],
    [['--tag', 'nightly'], {tag: 'nightly'}],
    // only the first '=' separates the flag from its value
    [['--tag=a=b'], {tag: 'a=b'}],
    [['--tag='], {tag: ''}],
    [['--results-root', '/out'], {resultsRoot: '/out'}],
    [['--archive', 'zip'], {archive: 'zip'}],
    [['--archive=zip'], {archive: 'zip'}],
    [['--allow-missing-upload'], {allowMissingUpload: true}],
    [['--config', 'ci/trainer.yml'], {config: 'ci/trainer.yml'}],
    [['--grace-period', '0'], {gracePeriod: 0}],
    [['--grace-period=120'], {gracePeriod: 120}],
    [['-h'], {help: true}],
    [['--help'], {help: true}],
    [['--override-lr', '0.1'], {overrides: {lr: '0.1'}}],
    [['--override-batch-size=64'], {overrides: {'batch-size': '64'}}],
    // a value may itself start with dashes
    [['--override-delta', '-1'], {overrides: {delta: '-1'}}],
    [['--override-x', 'a=b'], {overrides: {x: 'a=b'}}],
    [['--override-lr', '1', '--override-lr', '2'], {overrides: {lr: '2'}}],
    [['--experiment', 'a', '--experiment', 'b'], {experiment: 'b'}],
    [
      ['--experiment', 'mnist', '--run_index', '2', '--seed', '5', '--override-lr', '0.1', '--override-epochs', '3'],
      {experiment: 'mnist', runIndex: 2, seed: 5, overrides: {lr: '0.1', epochs: '3'}},
    ],
  ])('[%#] %o', (argv, expected) => {
    expect(parseRunnerArgs(argv)).toEqual({...DEFAULTS, ...expected})
  })

  test.each<[string[], string, string]>([
    // whole numbers only
    [['--run_index', '-1'], "--run_index needs a whole number, got '-1'", '--run_index'],
    [['--run_index', '1.5'], "--run_index needs a whole number, got '1.5'", '--run_index'],
    [['--run_index', '1e3'], "--run_index needs a whole number, got '1e3'", '--run_index'],
    [['--run_index', '0x10'], "--run_index needs a whole number, got '0x10'", '--run_index'],
    [['--run_index', ''], "--run_index needs a whole number, got ''", '--run_index'],
    [['--run-index=two'], "--run-index needs a whole number, got 'two'", '--run-index'],
    [['--seed', 'abc'], "--seed needs a whole number, got 'abc'", '--seed'],
    [['--grace-period='], "--grace-period needs a whole number, got ''", '--grace-period'],
    // a flag at the end with no value
    [['--experiment'], '--experiment needs a value', '--experiment'],
    [['--seed'], '--seed needs a value', '--seed'],
    [['--override-lr'], '--override-lr needs a value', '--override-lr'],
    // only zip archives
    [['--archive', 'tar'], "--archive supports 'zip', got 'tar'", '--archive'],
    // unknown arguments, named as given
    [['--epochs', '3'], "unknown argument '--epochs'", '--epochs'],
    [['--verbose=1'], "unknown argument '--verbose=1'", '--verbose=1'],
    [['mnist'], "unknown argument 'mnist'", 'mnist'],
    [['-x'], "unknown argument '-x'", '-x'],
    [['--override-'], "unknown argument '--override-'", '--override-'],
    [['--override-=1'], "unknown argument '--override-=1'", '--override-=1'],
    // an on-off flag given a value is a mistake, not a silent yes
    [
      ['--allow-missing-upload=no'],
      "--allow-missing-upload takes no value, got '--allow-missing-upload=no'",
      '--allow-missing-upload',
    ],
    [
      ['--no-prefer-config-seed=false'],
      "--no-prefer-config-seed takes no value, got '--no-prefer-config-seed=false'",
      '--no-prefer-config-seed',
    ],
    [['--help=1'], "--help takes no value, got '--help=1'", '--help'],
  ])('[%#] %o is a ConfigError: %s', (argv, message, key) => {
    const e = failure(argv)
    expect(e.message).toBe(message)
    expect(e.where).toEqual({key})
  })

  test('an unknown argument comes with the usage as its hint', () => {
    expect(failure(['--nope']).hint).toBe(RUNNER_USAGE)
  })
})
