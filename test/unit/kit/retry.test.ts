import {expect, test} from 'vitest'
import {ServiceError} from '../../../src/kit/errors.js'
import {RETRYABLE_STATUS, parseRetryAfter, retry} from '../../../src/kit/retry.js'

/** Runs `retry` over errors given in turn (then a success), recording the delays it sleeps. */
async function delays(errors: Error[], o: Partial<Parameters<typeof retry>[1]> = {}) {
  const slept: number[] = []
  let n = 0
  const result = await retry(() => (n < errors.length ? Promise.reject(errors[n++]!) : Promise.resolve('ok')), {
    retries: 5,
    retryAfterBase: 100,
    sleep: ms => (slept.push(ms), Promise.resolve()),
    ...o,
  }).catch((e: unknown) => e)
  return {result, slept, calls: n + (n < errors.length ? 0 : 1)}
}

const svc = (o: ConstructorParameters<typeof ServiceError>[3] = {}) => new ServiceError('s', 'GET', 'x', o)

test('one policy: a retryable ServiceError is retried with (n+1)^2 backoff and jitter', async () => {
  const r = await delays([svc({retryable: true}), svc({retryable: true})])
  expect(r.result).toBe('ok')
  expect(r.slept).toHaveLength(2)
  expect(r.slept[0]).toBeGreaterThanOrEqual(75)
  expect(r.slept[0]).toBeLessThanOrEqual(125)
  expect(r.slept[1]).toBeGreaterThanOrEqual(300)
  expect(r.slept[1]).toBeLessThanOrEqual(500)
})

test("a service's Retry-After is honoured, up to the cap", async () => {
  const r = await delays(
    [svc({retryable: true, retryAfterMs: 2000}), svc({retryable: true, retryAfterMs: 3_600_000})],
    {
      maxRetryAfterMs: 30_000,
    },
  )
  expect(r.slept).toEqual([2000, 30_000])
})

test.each([
  ['a ServiceError not marked retryable', svc({retryable: false})],
  ['any other error', new TypeError('bug')],
])('[%#] %s is not retried', async (_, e) => {
  const r = await delays([e])
  expect(r.result).toBe(e)
  expect(r.slept).toEqual([])
})

test('the shared list: time-outs, rate limits and transient server errors', () => {
  expect([...RETRYABLE_STATUS].sort()).toEqual([408, 425, 429, 500, 502, 503, 504])
  expect(parseRetryAfter('7')).toBe(7000)
  expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:10 GMT', Date.parse('2026-11-25T12:00:00Z'))).toBe(10_000)
  expect(parseRetryAfter('soon')).toBeUndefined()
})
