import {z} from 'zod'
import {describe, expect, test} from 'vitest'
import {ConfigError} from '../../../src/kit/errors.js'
import {bool, keyValues, list, optInt, optString, readInputs} from '../../../src/kit/inputs.js'
import {RecordingIO} from '../../helpers/recording-io.js'

const S = z.object({flag: bool(false), n: optInt(4, 64), s: optString(), l: list(), kv: keyValues()})

describe('readInputs', () => {
  test('unset inputs take their defaults', () => {
    expect(readInputs(new RecordingIO(), S)).toEqual({flag: false, n: undefined, s: undefined, l: [], kv: {}})
  })
  test.each(['true', 'True', 'TRUE'])('[%#] %s is true', v => {
    expect(readInputs(new RecordingIO({flag: v}), S).flag).toBe(true)
  })
  test('values are parsed', () => {
    expect(readInputs(new RecordingIO({n: '12', s: ' x ', l: 'a, b\nc', kv: 'A=1\nB=x=y,z\n'}), S)).toMatchObject({
      n: 12,
      s: 'x',
      l: ['a', 'b', 'c'],
      kv: {A: '1', B: 'x=y,z'},
    })
  })
  test.each([
    [{flag: 'yes'}, "Input 'flag': 'yes' is not a boolean (use true or false)"],
    [{n: '3'}, "Input 'n': '3' is not an integer from 4 to 64"],
    [{n: '7.5'}, "Input 'n': '7.5' is not an integer from 4 to 64"],
    [{kv: 'novalue'}, "Input 'kv': 'novalue' is not KEY=VALUE"],
  ])('[%#] %j → %s', (inputs, msg) => {
    let err: unknown
    try {
      readInputs(new RecordingIO(inputs), S)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as ConfigError).message).toBe(msg)
    expect((err as ConfigError).where.key).toBe(Object.keys(inputs)[0])
  })
})
