import {describe, expect, test} from 'vitest'
import {PIECE, Redactor, urlSecrets} from '../../../src/runner/redact.js'

const SIG = 'c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ'
const r = new Redactor([SIG])

describe('Redactor', () => {
  test.each([
    ['no secret here', 'no secret here'],
    [`sig ${SIG} end`, 'sig <redacted> end'],
    [`head ${SIG.slice(0, PIECE)}!`, 'head <redacted>!'],
    [`short ${SIG.slice(0, PIECE - 1)}!`, `short ${SIG.slice(0, PIECE - 1)}!`],
    [`two ${SIG.slice(0, 10)} and ${SIG.slice(12, 22)}`, 'two <redacted> and <redacted>'],
    [`${SIG.slice(3)}${SIG.slice(0, 9)}`, '<redacted>'], // adjacent runs merge
    [`b64 ${Buffer.from(SIG).toString('base64')}`, 'b64 <redacted>'],
    [`b64url ${Buffer.from(SIG.slice(4)).toString('base64url')}.`, 'b64url <redacted>.'],
    [SIG.slice(0, PIECE), '<redacted>'],
    ['', ''],
  ])('[%#] redact(%o) is %o', (text, want) => {
    expect(r.redact(text)).toBe(want)
  })

  test('URL-encoded and base64 pieces at any offset', () => {
    const s = 'Zx9+Qw/Er7Ty8Ui0Op1As2Df3Gh4=='
    const red = new Redactor([s])
    for (let i = 0; i + 12 <= s.length; i++) {
      const piece = s.slice(i, i + 12)
      const b64 = Buffer.from(piece).toString('base64').slice(0, -4)
      for (const form of [piece, encodeURIComponent(piece), b64])
        expect(red.redact(`<${form}>`)).toMatch(/^<.{0,3}<redacted>.{0,4}>$/)
    }
  })

  test('linear: a long line with many near misses takes milliseconds', () => {
    const line = SIG.slice(0, PIECE - 1).repeat(20_000)
    const t0 = performance.now()
    expect(r.redact(line)).toBe(line)
    expect(performance.now() - t0).toBeLessThan(200)
  })

  test('without secrets a line comes back as it is', () => {
    expect(new Redactor([]).redact(`x ${SIG}`)).toBe(`x ${SIG}`)
  })
})

test.each([
  ['https://s3/b/o?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc123&X-Amz-Expires=600', ['abc123']],
  ['https://h/o?sig=a%2Bb%3D&se=2024', ['a%2Bb%3D', 'a+b=']],
  ['https://h/o?t=opaque-token-value&n=1', ['opaque-token-value', '1']], // no name says: every value
  ['https://h/o', []],
])('[%#] urlSecrets(%o)', (url, want) => {
  expect(new Set(urlSecrets(url))).toEqual(new Set(want))
})
