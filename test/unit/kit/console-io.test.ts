import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import type {Where} from '../../../src/kit/errors.js'
import {consoleIO, type ConsoleOptions} from '../../../src/kit/console-io.js'
import {tempDir} from '../../helpers/temp-dir.js'

/** A console IO whose log lines are collected instead of written to stderr. */
function io(o: Partial<ConsoleOptions> = {}) {
  const lines: string[] = []
  const c = consoleIO({inputs: {}, write: l => void lines.push(l), ...o})
  return {c, lines}
}

let exitCode: typeof process.exitCode
beforeEach(() => {
  exitCode = process.exitCode
})
afterEach(() => {
  process.exitCode = exitCode
})

describe('consoleIO', () => {
  test('inputs come from the flags; an unset one is empty', () => {
    const {c} = io({inputs: {'max-runs': '4', empty: ''}})
    expect([c.input('max-runs'), c.input('empty'), c.input('missing')]).toEqual(['4', '', ''])
  })

  test('outputs are kept as strings; state is kept for getState', () => {
    const {c} = io()
    c.setOutput('n', 3)
    c.setOutput('ok', false)
    c.setOutput('name', 'x')
    c.saveState('launch-id', 'L1')
    expect(c.outputs).toEqual({n: '3', ok: 'false', name: 'x'})
    expect([c.getState('launch-id'), c.getState('other')]).toEqual(['L1', ''])
  })

  test('env, workspace: given, or the process’s', () => {
    const env = {A: '1'}
    expect(io({env, cwd: '/w'}).c).toMatchObject({env, workspace: '/w'})
    expect(io().c).toMatchObject({env: process.env, workspace: process.cwd()})
  })

  test.each<[string, (c: ReturnType<typeof consoleIO>) => void, string[]]>([
    ['info', c => c.log.info('hello'), ['hello']],
    ['debug, not verbose', c => c.log.debug('details'), []],
    ['warning', c => c.log.warning('careful'), ['warning: careful']],
    ['error', c => c.log.error('broken'), ['error: broken']],
    ['warning with a key only', c => c.log.warning('careful', {key: 'image.name'}), ['warning: careful']],
  ])('[%#] %s', (_what, act, expected) => {
    const {c, lines} = io()
    act(c)
    expect(lines).toEqual(expected)
  })

  test('debug lines appear when verbose', () => {
    const {c, lines} = io({verbose: true})
    c.log.debug('details')
    expect(lines).toEqual(['debug: details'])
  })

  test.each<[Where, string, string]>([
    [{file: 'trainer.yml'}, 'bad key', 'trainer.yml: bad key'],
    [{file: 'trainer.yml', line: 3}, 'bad key', 'trainer.yml:3: bad key'],
    [{file: 'trainer.yml', line: 3, col: 5}, 'bad key', 'trainer.yml:3:5: bad key'],
    [{file: 'trainer.yml', line: 3, col: 5, key: 'x'}, 'bad key', 'trainer.yml:3:5: bad key'],
    // a message that already names its file or position is not prefixed twice
    [{file: 'trainer.yml', line: 3}, 'trainer.yml cannot be read', 'trainer.yml cannot be read'],
    [{file: 'trainer.yml', line: 3, col: 5}, 'trainer.yml:3:5: bad key', 'trainer.yml:3:5: bad key'],
    [{file: 'trainer.yml', line: 3}, 'trainer.yml:3: bad key', 'trainer.yml:3: bad key'],
    // …but only when it is the same position
    [{file: 'trainer.yml', line: 4}, 'trainer.yml:3: bad key', 'trainer.yml:4: trainer.yml:3: bad key'],
    [{file: 'a.yml'}, 'a.ymlx', 'a.yml: a.ymlx'],
  ])('[%#] warning and error at %o: %s', (where, message, expected) => {
    const {c, lines} = io()
    c.log.warning(message, where)
    c.log.error(message, where)
    expect(lines).toEqual([`warning: ${expected}`, `error: ${expected}`])
  })

  test('groups indent what is logged inside them, nested, and return what their function returns', async () => {
    const {c, lines} = io({verbose: true})
    const r = await c.log.group('Build image', async () => {
      c.log.info('step 1')
      await c.log.group('Push', () => {
        c.log.warning('slow')
        c.log.debug('retry')
        return Promise.resolve()
      })
      c.log.error('step 2 failed')
      return 42
    })
    c.log.info('after')
    expect(r).toBe(42)
    expect(lines).toEqual([
      '▸ Build image',
      '  step 1',
      '  ▸ Push',
      '    warning: slow',
      '    debug: retry',
      '  error: step 2 failed',
      'after',
    ])
  })

  test('a group whose function throws passes the error on and ends its indentation', async () => {
    const {c, lines} = io()
    await expect(c.log.group('G', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    c.log.info('after')
    expect(lines).toEqual(['▸ G', 'after'])
  })

  test('secrets are masked in every line, wherever they appear, once registered', async () => {
    const {c, lines} = io({verbose: true})
    c.log.info('before: hunter2')
    c.setSecret('hunter2')
    c.setSecret('tok-42')
    c.log.info('password hunter2, token tok-42, again hunter2hunter2')
    c.log.debug('debug hunter2')
    c.log.warning('warn tok-42', {file: 'x.yml', line: 1})
    c.log.error('error hunter2')
    await c.log.group('group tok-42', () => Promise.resolve())
    c.setFailed('failed: hunter2')
    expect(lines).toEqual([
      'before: hunter2',
      'password ***, token ***, again ******',
      'debug: debug ***',
      'warning: x.yml:1: warn ***',
      'error: error ***',
      '▸ group ***',
      'error: failed: ***',
    ])
  })

  test('a secret that contains an earlier, shorter one is masked whole', () => {
    const {c, lines} = io()
    c.setSecret('token')
    c.setSecret('token-abc123')
    c.log.info('a token-abc123 and a token')
    expect(lines).toEqual(['a *** and a ***'])
  })

  test('an empty secret masks nothing', () => {
    const {c, lines} = io()
    c.setSecret('')
    c.log.info('all visible')
    expect(lines).toEqual(['all visible'])
  })

  test.each<[string, Where | undefined, number]>([
    ['a configuration error with a location', {file: 'trainer.yml', line: 2}, 2],
    ['a configuration error with a key', {key: 'image.name'}, 2],
    ['any other failure', undefined, 1],
  ])('[%#] setFailed for %s: exit code %d, and one error line', (_what, where, code) => {
    const {c, lines} = io()
    process.exitCode = undefined
    c.setFailed('launch: it broke', where)
    expect(process.exitCode).toBe(code)
    expect(lines).toEqual(['error: launch: it broke'])
  })

  test('summaries are appended to TRAINER_SUMMARY_FILE when it is set, and dropped otherwise', async () => {
    const file = join(tempDir('console-io-'), 'summary.md')
    const {c} = io({env: {TRAINER_SUMMARY_FILE: file}})
    await c.summary('# one')
    await c.summary('two')
    expect(readFileSync(file, 'utf8')).toBe('# one\ntwo\n')
    await expect(io({env: {}}).c.summary('nowhere')).resolves.toBeUndefined()
  })

  test('close runs what was registered, last first, once, despite a failing closer', async () => {
    const {c} = io()
    const order: string[] = []
    c.onClose(() => void order.push('ledger'))
    c.onClose(() => {
      order.push('docker')
      throw new Error('socket gone')
    })
    c.onClose(() => Promise.resolve().then(() => void order.push('http')))
    await c.close()
    await c.close()
    expect(order).toEqual(['http', 'docker', 'ledger'])
  })

  test('without a writer, log lines go to stderr, never stdout (kept for --json)', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const c = consoleIO({inputs: {}})
    c.setSecret('s3')
    c.log.info('to stderr s3')
    expect(err.mock.calls).toEqual([['to stderr ***\n']])
    expect(out).not.toHaveBeenCalled()
  })
})
