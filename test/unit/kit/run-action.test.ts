import {describe, expect, test} from 'vitest'
import {AuthError, BuildError, ConfigError, ServiceError} from '../../../src/kit/errors.js'
import {runAction} from '../../../src/kit/run-action.js'
import {RecordingIO} from '../../helpers/recording-io.js'

describe('runAction, the one outer guard', () => {
  test('returns the result and closes resources', async () => {
    const io = new RecordingIO()
    let closed = false
    const r = await runAction(
      'x',
      async i => {
        i.onClose(() => {
          closed = true
        })
        return Promise.resolve(42)
      },
      io,
    )
    expect(r).toBe(42)
    expect(io.failed).toBeUndefined()
    expect(closed).toBe(true)
  })

  test('a ConfigError is one failure at its file and line, with the hint', async () => {
    const io = new RecordingIO()
    await runAction(
      'hash',
      () => Promise.reject(new ConfigError('bad key', {file: 'trainer.yml', line: 3, col: 5}, {hint: 'fix it'})),
      io,
    )
    expect(io.failed).toEqual({
      message: 'hash: trainer.yml:3:5: bad key\nfix it',
      where: {file: 'trainer.yml', line: 3, col: 5},
    })
    expect(io.lines.filter(l => l.level === 'debug')).toEqual([])
    expect(io.closed).toBe(1)
  })

  test('a BuildError shows the failing step output, no stack', async () => {
    const io = new RecordingIO()
    await runAction(
      'build',
      () => Promise.reject(new BuildError('image build failed at Step 2/2', 'Step 2/2 : RUN x\nboom')),
      io,
    )
    expect(io.lines).toEqual([{level: 'error', message: 'Step 2/2 : RUN x\nboom', where: undefined}])
    expect(io.failed?.message).toBe('build: image build failed at Step 2/2')
  })

  test('a service error carries its hint, and its stack at debug level (where it helps find out why)', async () => {
    const io = new RecordingIO()
    await runAction('build', () => Promise.reject(new ServiceError('registry', 'HEAD', '503', {hint: 'try later'})), io)
    expect(io.failed?.message).toBe('build: HEAD registry: 503\ntry later')
    expect(io.lines.find(l => l.level === 'debug')?.message).toMatch(/^ServiceError: HEAD registry: 503\n\s+at /)
  })

  test('a user error (a refused credential) carries its hint and no stack', async () => {
    const io = new RecordingIO()
    await runAction('build', () => Promise.reject(new AuthError('HEAD r: 401', {hint: 'log in'})), io)
    expect(io.failed?.message).toBe('build: HEAD r: 401\nlog in')
    expect(io.lines.filter(l => l.level === 'debug')).toEqual([])
  })

  test('a bug fails the step with its message and logs the stack at debug level', async () => {
    const io = new RecordingIO()
    await runAction('hash', () => Promise.reject(new TypeError('x is undefined')), io)
    expect(io.failed?.message).toBe('hash: x is undefined')
    expect(io.lines.find(l => l.level === 'debug')?.message).toMatch(/^TypeError: x is undefined\n\s+at /)
  })

  test('a thrown non-Error still fails the step', async () => {
    const io = new RecordingIO()
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    await runAction('hash', () => Promise.reject('plain string'), io)
    expect(io.failed?.message).toBe('hash: plain string')
  })
})
