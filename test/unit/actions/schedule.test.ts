import {describe, expect, test} from 'vitest'
import {scheduledSweep, scheduleFor, scheduleInputs} from '../../../src/actions/schedule.js'
import {parseConfig} from '../../../src/config/parse.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {nightCacheKey, nightCachePrefix} from '../../../src/report/baseline-key.js'
import {located} from '../../helpers/config.js'

const EXP = 'experiments:\n  resnet:\n    command: [python, train.py]\n    params: {lr: 0.1, epochs: 3}\n'
const config = parseConfig(
  `${EXP}report:\n  fail-on: {loss: {fail: 0.1}}\nschedules:\n  nightly:\n    experiment: resnet\n    cron: '17 3 * * *'\n    params: {epochs: 20}\n    sweep: {lr: [0.01, 0.1]}\n    seeds: [1, 2]\n  weekly:\n    experiment: resnet\n    cron: '0  4 * * 0'\n    backend: local-docker\n    fail-on: {acc: {warn: 0.01}}\n    issue: {labels: [nightly, ml], assignees: [octocat]}\n  manual:\n    experiment: resnet\n    issue: false\n`,
  'trainer.yml',
)

describe('trainer.yml schedules:', () => {
  test.each([
    [
      `${EXP}schedules:\n  n:\n    experiment: nope\n`,
      "trainer.yml:7:17: schedules.n.experiment: unknown experiment 'nope'; experiments: resnet",
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    backend: slurm\n`,
      "trainer.yml:8:14: schedules.n.backend: unknown backend 'slurm'; backends: local, local-docker",
    ],
    [
      `${EXP}schedules:\n  a:\n    experiment: resnet\n    cron: '1 2 * * *'\n  b:\n    experiment: resnet\n    cron: '1  2 * * *'\n`,
      "trainer.yml:11:11: schedules.b.cron: '1  2 * * *' is schedules.a's cron too: a schedule event could not say which to launch",
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    cron: '@daily'\n`,
      "trainer.yml:8:11: schedules.n.cron: five fields, as the workflow's on.schedule writes it ('17 3 * * *')",
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    issue: {labels: ['a,b']}\n`,
      'trainer.yml:8:22: schedules.n.issue.labels.0: a label cannot contain a comma',
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    sweep: {lr: []}\n`,
      'trainer.yml:8:17: schedules.n.sweep.lr: a sweep needs at least one value',
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    when: nightly\n`,
      "trainer.yml:8:5: schedules.n.when: unknown key 'when'; valid keys: 'experiment', 'cron', 'params', 'sweep', 'seeds', 'runs', 'backend', 'fail-on', 'issue'",
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    params: {lrr: 0.1}\n`,
      "trainer.yml:8:19: schedules.n.params.lrr: experiment 'resnet' has no parameter 'lrr' (did you mean 'lr'?); valid: lr, epochs",
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    params: {epochs: 2.5}\n`,
      'trainer.yml:8:22: schedules.n.params.epochs: schedule n: epochs=2.5 is not a whole number (default 3)',
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    sweep: {lr: [0.1, fast]}\n`,
      'trainer.yml:8:17: schedules.n.sweep.lr: schedule n: lr=fast is not a number (default 0.1)',
    ],
    [
      `${EXP}schedules:\n  n:\n    experiment: resnet\n    sweep: {batch: [1, 2]}\n`,
      "trainer.yml:8:20: schedules.n.sweep.batch: experiment 'resnet' has no parameter 'batch'; valid: lr, epochs",
    ],
  ])('[%#] %j fails at %s', (text, expected) => {
    expect(located(text)).toBe(expected)
  })
})

describe('scheduleFor: which sweep a step launches', () => {
  const ev = (eventName: string, event: Record<string, unknown>) => ({eventName, event})

  test('the schedule input, whatever the event', () => {
    expect(scheduleFor(config, {schedule: 'weekly'}, ev('push', {}))?.name).toBe('weekly')
    expect(scheduleFor(config, {schedule: 'manual'}, undefined)?.name).toBe('manual')
  })

  test("a schedule event: the schedule whose cron is the event's (spaces as the workflow wrote them)", () => {
    expect(scheduleFor(config, {}, ev('schedule', {schedule: '17 3 * * *'}))?.name).toBe('nightly')
    expect(scheduleFor(config, {}, ev('schedule', {schedule: '0 4 * * 0'}))?.name).toBe('weekly')
  })

  test('a dispatch: its schedule input; none, or an experiment given: not a scheduled sweep', () => {
    expect(scheduleFor(config, {}, ev('workflow_dispatch', {inputs: {schedule: ' weekly '}}))?.name).toBe('weekly')
    expect(scheduleFor(config, {}, ev('workflow_dispatch', {inputs: {}}))).toBeUndefined()
    expect(scheduleFor(config, {experiment: 'resnet'}, ev('schedule', {schedule: 'nope'}))).toBeUndefined()
    expect(scheduleFor(config, {}, ev('push', {}))).toBeUndefined()
  })

  test.each([
    [
      {schedule: 'daily'},
      ev('push', {}),
      "schedule: no schedule 'daily' in trainer.yml; schedules: nightly ('17 3 * * *'), weekly ('0  4 * * 0'), manual",
    ],
    [
      {},
      ev('schedule', {schedule: '* * * * *'}),
      "this schedule event's cron '* * * * *' is no schedule's cron in trainer.yml",
    ],
    [{}, ev('schedule', {}), 'this schedule event names no cron (github.event.schedule): give the schedule input'],
    [
      {},
      ev('workflow_dispatch', {inputs: {schedule: '$(id)'}}),
      "the dispatch's schedule input: no schedule '$(id)' in trainer.yml",
    ],
  ])('[%#] refused: %j', (i, g, message) => {
    expect(() => scheduleFor(config, i, g)).toThrow(ConfigError)
    expect(() => scheduleFor(config, i, g)).toThrow(message)
  })

  test('trainer.yml without schedules says so', () => {
    expect(() => scheduleFor(parseConfig(EXP, 'trainer.yml'), {schedule: 'n'}, undefined)).toThrow(
      "no schedule 'n' in trainer.yml; trainer.yml has no schedules:",
    )
  })
})

describe('scheduleInputs and scheduledSweep', () => {
  const nightly = {name: 'nightly', schedule: config.schedules!.nightly!}

  test("the schedule's experiment, overrides, sweep and seeds; the step's own win", () => {
    expect(scheduleInputs(nightly, {})).toEqual({
      experiment: 'resnet',
      overrides: '{"epochs":20}',
      sweep: '{"lr":[0.01,0.1]}',
      seeds: '1,2',
    })
    expect(scheduleInputs(nightly, {overrides: 'epochs=1', seeds: '7', runs: '', backend: ' local '})).toEqual({
      experiment: 'resnet',
      overrides: '{"epochs":"1"}',
      sweep: '{"lr":[0.01,0.1]}',
      seeds: '7',
      backend: 'local',
    })
  })

  test('JSON keeps every value exactly; the step replaces a key the schedule sets, - and _ alike', () => {
    const s = {name: 'n', schedule: {experiment: 'resnet', params: {msg: ' a\nb ', 'max-len': 3, epochs: 20}}}
    expect(JSON.parse(scheduleInputs(s, {}).overrides!)).toEqual({msg: ' a\nb ', 'max-len': 3, epochs: 20})
    expect(JSON.parse(scheduleInputs(s, {overrides: 'max_len=4\n'}).overrides!)).toEqual({
      msg: ' a\nb ',
      epochs: 20,
      max_len: '4',
    })
    expect(JSON.parse(scheduleInputs(s, {overrides: '{"epochs": 1}'}).overrides!)).toEqual({
      msg: ' a\nb ',
      'max-len': 3,
      epochs: '1',
    })
    expect(() => scheduleInputs(s, {overrides: 'epochs'})).toThrow("'epochs' is not key=value")
  })

  test("thresholds: the schedule's, else report.fail-on; the issue's labels", () => {
    expect(scheduledSweep(config, nightly)).toEqual({
      name: 'nightly',
      experiment: 'resnet',
      failOn: {loss: {fail: 0.1}},
      issue: {labels: ['trainer-regression'], assignees: []},
    })
    expect(scheduledSweep(config, {name: 'weekly', schedule: config.schedules!.weekly!})).toMatchObject({
      failOn: {acc: {warn: 0.01}},
      issue: {labels: ['nightly', 'ml'], assignees: ['octocat']},
    })
    expect(scheduledSweep(config, {name: 'manual', schedule: config.schedules!.manual!}).issue).toBe(false)
  })
})

describe('night keys', () => {
  const at = new Date('2026-11-26T03:17:04.250Z')
  test('unique per save, under a prefix no other schedule or experiment matches', () => {
    expect(nightCacheKey('nightly', 'resnet', at, '1234')).toBe('trainer-night-nightly-resnet-20261126t031704250z.1234')
    expect(nightCacheKey('nightly', 'resnet', at, 'x;y')).toBe('trainer-night-nightly-resnet-20261126t031704250z')
    const prefixes = [
      nightCachePrefix('a', 'b-c'),
      nightCachePrefix('a-b', 'c'),
      nightCachePrefix('a', 'b'),
      nightCachePrefix('A', 'b'),
    ]
    expect(new Set(prefixes.map(p => p.toLowerCase())).size).toBe(4)
    const keys = prefixes.map((p, i) => `${p}${i}`.toLowerCase())
    expect(prefixes.flatMap((p, i) => keys.filter((k, j) => i !== j && k.startsWith(p.toLowerCase())))).toEqual([])
  })
})
