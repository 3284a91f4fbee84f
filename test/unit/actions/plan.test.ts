// The plan inputs' `overrides` (src/actions/plan.ts): key=value lines, or the JSON object
// actions/command writes. Found by test/attacks/injection.test.ts: a value ending in a blank
// (`note="a "` in a /train comment) lost it on the way, because the runner trims an input and
// each line is trimmed; as JSON it arrives exactly.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {plan} from '../../../src/actions/plan.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {RecordingIO} from '../../helpers/recording-io.js'
import {tempDir} from '../../helpers/temp-dir.js'

const YML = `
experiments:
  e:
    command: [python, train.py]
    params: {note: x, lr: 0.1, flag: false}
    param-types: {note: string}
`

async function paramsOf(overrides: string): Promise<Record<string, unknown> | undefined> {
  const ws = tempDir('plan-inputs-')
  writeFileSync(join(ws, 'trainer.yml'), YML)
  const io = new RecordingIO({experiment: 'e', overrides, 'launch-id': 'P'}, ws)
  return (await plan(io)).runs[0]?.params
}

describe('the overrides input', () => {
  test.each([
    ['lines', 'note=a b\nlr=0.5', {note: 'a b', lr: 0.5, flag: false}],
    ['lines: each is trimmed', '  note=a   \n\n', {note: 'a', lr: 0.1, flag: false}],
    ['JSON: values exactly', '{"note":"  a b  ","lr":"0.5"}', {note: '  a b  ', lr: 0.5, flag: false}],
    [
      'JSON: = , and quotes kept',
      '{"note":"k=v, \\"q\\" \'s\' : "}',
      {note: 'k=v, "q" \'s\' : ', lr: 0.1, flag: false},
    ],
    ['JSON over lines', '{\n  "note": "x ",\n  "flag": true\n}', {note: 'x ', lr: 0.1, flag: true}],
    ['JSON: numbers and booleans', '{"lr": 0.25, "flag": "true"}', {note: 'x', lr: 0.25, flag: true}],
    ['JSON: empty', '{}', {note: 'x', lr: 0.1, flag: false}],
  ])('[%#] %s', async (_, overrides, params) => {
    expect(await paramsOf(overrides)).toEqual(params)
  })

  test.each([
    ['{"note": ', /overrides: not JSON/],
    ['{"note": ["a"]}', /overrides: 'note' must be a string, a number or a boolean/],
    ['{"note": "a\\u0000b"}', /override note: the value contains a NUL byte/],
    ['{"nope": "1"}', /nope/],
  ])('[%#] %j is refused with why', async (overrides, why) => {
    const e = await paramsOf(overrides).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ConfigError)
    expect((e as Error).message).toMatch(why)
  })
})
