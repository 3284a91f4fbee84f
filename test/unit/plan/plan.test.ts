import {describe, expect, test} from 'vitest'
import {parseConfig} from '../../../src/config/parse.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {buildPlan, gridPoints, parseOverrides} from '../../../src/plan/plan.js'
import {coerce, fallbackSeed, nearest, selectSeed} from '../../../src/plan/resolve.js'

const CONFIG = parseConfig(
  `
experiments:
  resnet_cifar10:
    command: [python3, train.py]
    params: {lr: 0.1, batch_size: 128, epochs: 200, dataset: cifar10, model: resnet18, augment: true}
    seeds: [11, 22, 33]
  tiny:
    command: [node, train.js]
    params: {lr: 0.1, width: 8}
    runs: 2
    sweep:
      lr: [0.1, 0.01]
      width: [8, 16, 32]
      exclude:
        - {lr: 0.01, width: 32}
  noseeds:
    command: [train]
    runs: 3
`,
  'trainer.yml',
)

const plan = (o: Partial<Parameters<typeof buildPlan>[1]> & {experiment?: string} = {}) =>
  buildPlan(CONFIG, {experiment: 'resnet_cifar10', launchId: 'L1', ...o})

function configError(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConfigError) return e.message
    throw e
  }
  return 'no error'
}

describe('seed 000 parameter resolution', () => {
  test('1. experiment defaults', () => {
    const p = plan()
    expect(p.runs).toHaveLength(3)
    expect(p.runs[0]!.params).toEqual({
      lr: 0.1,
      batch_size: 128,
      epochs: 200,
      dataset: 'cifar10',
      model: 'resnet18',
      augment: true,
    })
    expect(p.runs[0]!.overrides).toEqual({})
  })

  test.each([
    [{lr: '0.01'}, {lr: 0.01}],
    [{'batch-size': '256'}, {batch_size: 256}], // --override-batch-size sets batch_size
    [
      {epochs: '5', dataset: 'cifar100', augment: 'false'},
      {epochs: 5, dataset: 'cifar100', augment: false},
    ],
    [{model: '18'}, {model: '18'}], // a string parameter stays a string
  ])('[%#] 2. overrides %j replace defaults for this launch only', (overrides, expected) => {
    const p = plan({overrides})
    expect(p.runs[0]!.overrides).toEqual(expected)
    expect(p.runs[0]!.params).toMatchObject(expected)
    expect(plan().runs[0]!.params).toMatchObject({lr: 0.1}) // defaults untouched
  })

  test.each([
    [
      {lrr: '0.1'},
      "experiment 'resnet_cifar10' has no parameter 'lrr' (did you mean 'lr'?); valid: lr, batch_size, epochs, dataset, model, augment",
    ],
    [{lr: 'fast'}, "override for 'resnet_cifar10': lr=fast is not a number (default 0.1)"],
    [{augment: 'yes'}, "override for 'resnet_cifar10': augment=yes is not true or false (default true)"],
  ])('[%#] bad override %j', (overrides, msg) => {
    expect(configError(() => plan({overrides}))).toBe(msg)
  })

  describe('an override keeps its parameter type (issue 8 #6)', () => {
    const cfg = parseConfig(
      'experiments:\n  t:\n    command: [x]\n' +
        '    params: {epochs: 4, lr: 0.1, dropout: 0.0, decay: 1e-3, scale: 1, flag: false, name: a}\n' +
        '    param-types: {scale: float}\n',
      't.yml',
    )
    const one = (overrides: Record<string, string>): unknown =>
      buildPlan(cfg, {experiment: 't', launchId: 'x', overrides}).runs[0]!.overrides
    test.each([
      [{epochs: '7'}, {epochs: 7}],
      [{epochs: '-2'}, {epochs: -2}],
      [{dropout: '0.1'}, {dropout: 0.1}], // `0.0` in YAML is a float, though JavaScript reads 0
      [{decay: '5e-4'}, {decay: 0.0005}],
      [{scale: '0.5'}, {scale: 0.5}], // declared float
      [{lr: '1'}, {lr: 1}],
      [{lr: '.5'}, {lr: 0.5}],
      [{flag: 'True'}, {flag: true}],
      [{name: '0x10'}, {name: '0x10'}],
    ])('[%#] %j is taken as %j', (overrides, expected) => {
      expect(one(overrides)).toEqual(expected)
    })
    test.each([
      [{epochs: '2.5'}, "override for 't': epochs=2.5 is not a whole number (default 4)"],
      [{epochs: '1e3'}, "override for 't': epochs=1e3 is not a whole number (default 4)"],
      [{lr: '0x10'}, "override for 't': lr=0x10 is not a number (default 0.1)"],
      [{lr: '1_000'}, "override for 't': lr=1_000 is not a number (default 0.1)"],
      [{lr: 'Infinity'}, "override for 't': lr=Infinity is not a number (default 0.1)"],
      [{lr: ''}, "override for 't': lr= is not a number (default 0.1)"],
      [{flag: '1'}, "override for 't': flag=1 is not true or false (default false)"],
    ])('[%#] %j is refused at plan time', (overrides, msg) => {
      expect(configError(() => one(overrides))).toBe(msg)
    })
    test('a sweep value keeps the type too', () => {
      const bad = parseConfig(
        'experiments:\n  t:\n    command: [x]\n    params: {epochs: 4}\n    sweep: {epochs: [2, 2.5]}\n',
        't.yml',
      )
      expect(configError(() => buildPlan(bad, {experiment: 't'}))).toBe(
        "sweep of 't': epochs=2.5 is not a whole number (default 4)",
      )
    })
  })

  test('3a. seed: seeds[run_index] by default', () => {
    expect(plan().runs.map(r => r.seed)).toEqual([11, 22, 33])
  })
  test('3b. an explicit seed overrides', () => {
    expect(plan({seed: 7}).runs.map(r => r.seed)).toEqual([7, 7, 7])
  })
  test('3c. prefer-config-seed false: the explicit seed, else a deterministic fallback', () => {
    expect(plan({seed: 7, preferConfigSeed: false}).runs.map(r => r.seed)).toEqual([7, 7, 7])
    const fb = plan({preferConfigSeed: false}).runs.map(r => r.seed)
    expect(fb).toEqual([0, 1, 2].map(i => fallbackSeed('resnet_cifar10', i)))
    expect(fb).not.toContain(11)
    expect(new Set(fb).size).toBe(3)
  })
  test('3d. no seeds configured: the deterministic fallback, stable across calls', () => {
    const a = buildPlan(CONFIG, {experiment: 'noseeds', launchId: 'L'}).runs.map(r => r.seed)
    expect(a).toEqual(buildPlan(CONFIG, {experiment: 'noseeds', launchId: 'L'}).runs.map(r => r.seed))
    expect(a).toEqual([0, 1, 2].map(i => fallbackSeed('noseeds', i)))
  })
  test('selectSeed names its source', () => {
    expect(selectSeed('e', 1, {seeds: [5, 6], explicit: undefined, preferConfig: true})).toEqual({
      seed: 6,
      source: 'config',
    })
    expect(selectSeed('e', 2, {seeds: [5, 6], explicit: undefined, preferConfig: true}).source).toBe('fallback')
    expect(selectSeed('e', 0, {seeds: [5], explicit: 9, preferConfig: true})).toEqual({seed: 9, source: 'explicit'})
  })
})

describe('sweeps', () => {
  test('every combination minus the excluded, times runs, with stable ids and output dirs', () => {
    const p = buildPlan(CONFIG, {experiment: 'tiny', launchId: 'sweep-1'})
    expect(p.runs).toHaveLength((2 * 3 - 1) * 2)
    expect(p.runs.map(r => `${r.params.lr}/${r.params.width}`)).toEqual([
      '0.1/8',
      '0.1/8',
      '0.1/16',
      '0.1/16',
      '0.1/32',
      '0.1/32',
      '0.01/8',
      '0.01/8',
      '0.01/16',
      '0.01/16',
    ])
    expect(p.runs.map(r => r.id).slice(0, 2)).toEqual(['sweep-1.000', 'sweep-1.001'])
    expect(p.runs[9]!.output).toBe('tiny/runs/009')
    expect(p.runs[2]!.point).toEqual({lr: 0.1, width: 16})
    // replicates of a point get the fallback seeds of their replicate index
    expect(p.runs[0]!.seed).toBe(p.runs[2]!.seed)
    expect(p.runs[0]!.seed).not.toBe(p.runs[1]!.seed)
  })
  test('an override pins a swept parameter', () => {
    const p = buildPlan(CONFIG, {experiment: 'tiny', launchId: 'x', overrides: {width: '64'}})
    expect(p.runs.map(r => `${r.params.lr}/${r.params.width}`)).toEqual(['0.1/64', '0.1/64', '0.01/64', '0.01/64'])
  })
  test('a sweep that excludes everything is an error', () => {
    const cfg = parseConfig(
      'experiments:\n  e:\n    command: [x]\n    sweep:\n      a: [1]\n      exclude: [{a: 1}]\n',
      't.yml',
    )
    expect(configError(() => buildPlan(cfg, {experiment: 'e'}))).toBe(
      "the sweep of 'e' expands to zero runs: every combination is excluded",
    )
  })
  test('more runs than the limit is an error naming the count', () => {
    expect(configError(() => buildPlan(CONFIG, {experiment: 'tiny', maxRuns: 5}))).toBe(
      "'tiny' expands to 10 runs (5 sweep points × 2 runs), over the limit of 5",
    )
  })
  test('10,000 runs plan quickly', () => {
    const values = Array.from({length: 100}, (_, i) => i)
    const cfg = parseConfig(
      `experiments:\n  big:\n    command: [x]\n    runs: 1\n    sweep:\n      a: [${values.join(',')}]\n      b: [${values.join(',')}]\n`,
      't.yml',
    )
    const t0 = performance.now()
    const p = buildPlan(cfg, {experiment: 'big', maxRuns: 10_000})
    expect(p.runs).toHaveLength(10_000)
    expect(p.runs[9999]!.output).toBe('big/runs/9999')
    expect(performance.now() - t0).toBeLessThan(5000) // generous: the bench gives the real figure
  })
})

describe('plans', () => {
  test('the same inputs give the same plan and ids', () => {
    expect(plan({overrides: {lr: '0.5'}})).toEqual(plan({overrides: {lr: '0.5'}}))
  })
  test('the default launch id names the experiment, the time and the plan, and is new every time', () => {
    const now = (): Date => new Date('2026-11-25T13:00:07Z')
    const p = buildPlan(CONFIG, {experiment: 'tiny', now})
    expect(p.launchId).toMatch(/^tiny-20261125-130007-[0-9a-f]{6}-[0-9a-f]{6}$/)
    // two identical launches in the same second are two launches
    const ids = new Set(Array.from({length: 20}, () => buildPlan(CONFIG, {experiment: 'tiny', now}).launchId))
    expect(ids.size).toBeGreaterThan(15)
  })
  test('an unknown experiment suggests the nearest name', () => {
    expect(configError(() => buildPlan(CONFIG, {experiment: 'resnet_cifar'}))).toBe(
      "unknown experiment 'resnet_cifar' (did you mean 'resnet_cifar10'?); experiments: resnet_cifar10, tiny, noseeds",
    )
  })
  test('container args and env style are carried', () => {
    expect(plan().runs[0]!.argsStyle).toBe('container-main')
    expect(plan().runs[0]!.command).toEqual(['python3', 'train.py'])
  })
})

test('helpers', () => {
  expect(gridPoints({a: [1, 2], b: ['x']})).toEqual([
    {a: 1, b: 'x'},
    {a: 2, b: 'x'},
  ])
  expect(parseOverrides(['lr=0.1', 'name=a=b'])).toEqual({lr: '0.1', name: 'a=b'})
  expect(() => parseOverrides(['oops'])).toThrow("'oops' is not key=value")
  expect(nearest('reznet', ['resnet', 'vit'])).toBe('resnet')
  expect(nearest('zzz', ['resnet', 'vit'])).toBeUndefined()
  expect(coerce('k', '3', undefined, 'w')).toBe(3)
  expect(coerce('k', 'true', undefined, 'w')).toBe(true)
  expect(coerce('k', 'abc', undefined, 'w')).toBe('abc')
})

describe("a launch's own seeds, runs and sweep (a /train comment's)", () => {
  const config = {
    experiments: {
      e: {command: ['x'], params: {lr: 0.1, depth: 4, opt: 'sgd'}, seeds: [7, 8], sweep: {grid: {depth: [2, 4]}}},
    },
  } as unknown as Parameters<typeof buildPlan>[0]

  test('seeds replace the experiment’s: one run per seed and point', () => {
    const p = buildPlan(config, {experiment: 'e', seeds: [1, 2, 3], launchId: 'S'})
    expect(p.runs.map(r => [r.point.depth, r.seed])).toEqual([
      [2, 1],
      [2, 2],
      [2, 3],
      [4, 1],
      [4, 2],
      [4, 3],
    ])
  })

  test('a sweep replaces the experiment’s sweep of that parameter and adds others; values typed', () => {
    const p = buildPlan(config, {experiment: 'e', sweep: {lr: ['0.01', '0.1'], depth: ['8']}, runs: 1, launchId: 'W'})
    expect(p.runs.map(r => r.point)).toEqual([
      {depth: 8, lr: 0.01},
      {depth: 8, lr: 0.1},
    ])
  })

  test.each([
    [{sweep: {nope: ['1']}}, /sweep: 'nope' is not a parameter of 'e'; parameters: lr, depth, opt/],
    [{sweep: {lr: []}}, /sweep: 'lr' has no values/],
    [{seeds: [1, 2], runs: 3}, /3 runs per point, but 2 seeds given/],
    [{sweep: {depth: ['deep']}}, /depth/],
  ])('%j is refused with why', (o, why) => {
    expect(() => buildPlan(config, {experiment: 'e', launchId: 'X', ...o})).toThrow(why)
  })
})
