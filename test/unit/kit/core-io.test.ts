// coreIO through @actions/core, as a runner sees it: file commands in GITHUB_OUTPUT and
// GITHUB_STATE, workflow commands (`::add-mask::`, `::error file=…::`) on stdout.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'
import type {Where} from '../../../src/kit/errors.js'
import {coreIO} from '../../../src/kit/core-io.js'
import {suiteTempDir, tempDir} from '../../helpers/temp-dir.js'

/** stdout, collected (the runner reads workflow commands there). */
function captureStdout(): () => string {
  let text = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  })
  return () => text
}

/** Empty GITHUB_OUTPUT and GITHUB_STATE files, as the runner creates them for a step. */
function fileCommands(): {output: () => string; state: () => string} {
  const dir = tempDir('core-io-')
  for (const f of ['OUTPUT', 'STATE']) writeFileSync((process.env[`GITHUB_${f}`] = join(dir, f)), '')
  return {
    output: () => readFileSync(join(dir, 'OUTPUT'), 'utf8'),
    state: () => readFileSync(join(dir, 'STATE'), 'utf8'),
  }
}

/** Parses `name<<DELIM\nvalue\nDELIM\n` file commands, checking each delimiter is core's random one. */
function parseFileCommands(text: string): [string, string][] {
  const out: [string, string][] = []
  const re = /([^\n]+?)<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*?)\n\2\n/y
  let end = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m[1]!, m[3]!])
    end = re.lastIndex
  }
  // nothing but file commands
  expect(text.slice(end)).toBe('')
  return out
}

let exitCode: typeof process.exitCode
beforeEach(() => {
  exitCode = process.exitCode
  // the runner's variables of the machine running these tests must not leak in
  for (const k of Object.keys(process.env))
    if (/^(INPUT_|STATE_|GITHUB_)/.test(k)) Reflect.deleteProperty(process.env, k)
})
afterEach(() => {
  process.exitCode = exitCode
})

describe('coreIO', () => {
  test('inputs come from INPUT_<NAME> (upper case, spaces as _, hyphens kept), trimmed; unset is empty', () => {
    process.env['INPUT_MAX-RUNS'] = ' 4 \n'
    process.env.INPUT_WORKING_DIRECTORY = 'sub'
    process.env.INPUT_EMPTY = ''
    const io = coreIO()
    expect([io.input('max-runs'), io.input('working directory'), io.input('empty'), io.input('missing')]).toEqual([
      '4',
      'sub',
      '',
      '',
    ])
  })

  test('outputs and state are file commands in GITHUB_OUTPUT and GITHUB_STATE, each with its own delimiter', () => {
    const files = fileCommands()
    const stdout = captureStdout()
    const io = coreIO()
    io.setOutput('hash', 'sha256:abc')
    io.setOutput('runs', 3)
    io.setOutput('ok', true)
    io.setOutput('multi', 'line 1\nline 2')
    io.saveState('launch-id', 'L1')
    expect(parseFileCommands(files.output())).toEqual([
      ['hash', 'sha256:abc'],
      ['runs', '3'],
      ['ok', 'true'],
      ['multi', 'line 1\nline 2'],
    ])
    expect(parseFileCommands(files.state())).toEqual([['launch-id', 'L1']])
    const delimiters = [...files.output().matchAll(/<<(\S+)/g)].map(m => m[1])
    expect(new Set(delimiters).size).toBe(4)
    expect(stdout()).toBe('')
  })

  test('getState reads STATE_<name>, as the runner passes it to the post step', () => {
    process.env['STATE_launch-id'] = 'L1'
    const io = coreIO()
    expect([io.getState('launch-id'), io.getState('other')]).toEqual(['L1', ''])
  })

  test('setSecret is ::add-mask:: on stdout; an empty value is not registered', () => {
    const stdout = captureStdout()
    const io = coreIO()
    io.setSecret('hunter2')
    io.setSecret('')
    io.setSecret('two\nlines')
    expect(stdout()).toBe('::add-mask::hunter2\n::add-mask::two%0Alines\n')
  })

  test.each<[Where | undefined, string]>([
    [undefined, ''],
    [{key: 'image.name'}, ''],
    [{file: 'trainer.yml'}, ' file=trainer.yml'],
    [{file: 'trainer.yml', line: 3}, ' file=trainer.yml,line=3'],
    [{file: 'trainer.yml', line: 3, col: 5, key: 'x'}, ' file=trainer.yml,line=3,col=5'],
    // properties are escaped: a file name cannot add properties of its own
    [{file: 'a,line=9:b.yml'}, ' file=a%2Cline=9%3Ab.yml'],
  ])('[%#] warning and error at %o are annotations%s', (where, props) => {
    const stdout = captureStdout()
    const io = coreIO()
    io.log.warning('careful: 50%\nsecond line', where)
    io.log.error('broken', where)
    expect(stdout()).toBe(`::warning${props}::careful: 50%25%0Asecond line\n::error${props}::broken\n`)
  })

  test('debug, info and groups', async () => {
    const stdout = captureStdout()
    const io = coreIO()
    const r = await io.log.group('Build image', () => {
      io.log.debug('details')
      io.log.info('plain line')
      return Promise.resolve(7)
    })
    expect(r).toBe(7)
    expect(stdout()).toBe('::group::Build image\n::debug::details\nplain line\n::endgroup::\n')
  })

  test.each<[Where | undefined, string]>([
    [{file: 'trainer.yml', line: 2, col: 1}, '::error file=trainer.yml,line=2,col=1::hash: bad key\n'],
    [undefined, '::error::hash: it broke\n'],
  ])('[%#] setFailed at %o: one error annotation and exit code 1', (where, line) => {
    const stdout = captureStdout()
    process.exitCode = undefined
    coreIO().setFailed(where ? 'hash: bad key' : 'hash: it broke', where)
    expect(stdout()).toBe(line)
    expect(process.exitCode).toBe(1)
  })

  // @actions/core keeps the summary path it first reads: one file for this file's tests
  const summaryFile = join(suiteTempDir('core-io-summary-'), 'SUMMARY')

  test('summaries are appended to GITHUB_STEP_SUMMARY', async () => {
    writeFileSync(summaryFile, '')
    process.env.GITHUB_STEP_SUMMARY = summaryFile
    const io = coreIO()
    await io.summary('### Image')
    await io.summary('| a | b |')
    expect(readFileSync(summaryFile, 'utf8')).toBe('### Image\n| a | b |\n')
  })

  test('without GITHUB_STEP_SUMMARY (a runner too old for summaries) a summary is dropped', async () => {
    const stdout = captureStdout()
    await expect(coreIO().summary('### nowhere')).resolves.toBeUndefined()
    expect(stdout()).toBe('')
  })

  test.each([
    [{GITHUB_WORKSPACE: '/home/runner/work/r/r'}, '/home/runner/work/r/r'],
    [{GITHUB_WORKSPACE: ''}, process.cwd()],
    [{}, process.cwd()],
  ])('[%#] env %o: workspace %s', (env, workspace) => {
    const io = coreIO(env)
    expect(io.workspace).toBe(workspace)
    expect(io.env).toBe(env)
  })

  test('close runs what was registered, last first, once, despite a failing closer', async () => {
    const io = coreIO()
    const order: string[] = []
    io.onClose(() => void order.push('first'))
    io.onClose(() => {
      order.push('second')
      throw new Error('gone')
    })
    await io.close()
    await io.close()
    expect(order).toEqual(['second', 'first'])
  })
})
