import {existsSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, test} from 'vitest'
import {Ledger} from '../../../src/ledger/ledger.js'
import {loadSqlite} from '../../../src/ledger/sqlite.js'
import {tempDir} from '../../helpers/temp-dir.js'

test('a read-only open of a ledger that does not exist creates nothing (issue 8 #9)', () => {
  const dir = tempDir('ledger-')
  const path = join(dir, 'nonexistent', 'dir', 'l.db')
  expect(() => Ledger.open(path, {readOnly: true})).toThrow(`no ledger at ${path}`)
  expect(existsSync(join(dir, 'nonexistent'))).toBe(false)
})

test.each([{readOnly: true}, {readOnly: false}])('[%#] a corrupt ledger is an error naming the file (%j)', o => {
  const path = join(tempDir('ledger-'), 'ledger.db')
  writeFileSync(path, 'this is not a database, just text that is long enough to have a header\n'.repeat(20))
  expect(() => Ledger.open(path, o)).toThrow(
    new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a usable ledger`),
  )
})

test('on a Node without node:sqlite the ledger says which Node it needs (issue 8 #8)', () => {
  const original = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule')
  Object.defineProperty(process, 'getBuiltinModule', {value: undefined, configurable: true, writable: true})
  try {
    expect(() => loadSqlite()).toThrow(/the run ledger needs Node\.js 24 or newer \(node:sqlite\); this is Node v/)
  } finally {
    if (original) Object.defineProperty(process, 'getBuiltinModule', original)
  }
})
