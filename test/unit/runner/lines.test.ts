import {open, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {LineSplitter, readLines} from '../../../src/runner/lines.js'
import {tempDir} from '../../helpers/temp-dir.js'

/** The lines `chunks` split into. */
function split(chunks: (string | Buffer)[], max?: number): string[] {
  const lines: string[] = []
  const s = new LineSplitter(l => lines.push(l), max)
  for (const c of chunks) s.push(Buffer.isBuffer(c) ? c : Buffer.from(c))
  s.end()
  return lines
}

describe('LineSplitter', () => {
  test.each([
    [['a\nb\n'], ['a', 'b']],
    [['a\r\nb'], ['a', 'b']],
    [
      ['a\r', '\nb\n'],
      ['a', 'b'],
    ], // \r\n split across chunks is one break
    [['50%\r100%\rdone\n'], ['50%', '100%', 'done']], // a progress bar's updates
    [
      ['par', 'tial', ' line\n', 'last'],
      ['partial line', 'last'],
    ],
    [['\n\n'], ['', '']],
    [[''], []],
  ])('[%#] %j gives %j', (chunks, want) => {
    expect(split(chunks)).toEqual(want)
  })

  test('a line over the cap keeps its first bytes and says how much was cut', () => {
    expect(split(['abcdef', 'ghij\nok\n'], 4)).toEqual(['abcd… [cut: 6 bytes]', 'ok'])
  })

  test('a chunk reused by the caller does not change a kept partial line', () => {
    const lines: string[] = []
    const s = new LineSplitter(l => lines.push(l))
    const buf = Buffer.from('abc')
    s.push(buf)
    buf.write('xyz')
    s.push(Buffer.from('\n'))
    expect(lines).toEqual(['abc'])
  })

  test('a multi-byte character split across chunks', () => {
    const e = Buffer.from('é\n')
    expect(split([e.subarray(0, 1), e.subarray(1)])).toEqual(['é'])
  })
})

test('readLines reads at most maxBytes and says the file was longer', async () => {
  const f = join(tempDir('lines-'), 'm.jsonl')
  await writeFile(f, '{"a":1}\n{"a":2}\n{"a":3}\n')
  const h = await open(f)
  const lines: string[] = []
  try {
    expect(await readLines(h, l => lines.push(l), 16)).toEqual({truncated: true})
  } finally {
    await h.close()
  }
  expect(lines).toEqual(['{"a":1}', '{"a":2}'])
})
