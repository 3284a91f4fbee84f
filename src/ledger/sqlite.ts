/**
 * Loads `node:sqlite` on first use.
 *
 * Node 22.13–24.14 print `ExperimentalWarning: SQLite is an experimental feature and might
 * change at any time` on stderr the first time the module loads (24.15 made it a release
 * candidate and dropped the warning). That line is noise in a job log, so the load runs with
 * exactly that warning filtered; every other warning still goes through. Loading lazily through
 * `process.getBuiltinModule` also keeps SQLite out of bundles and processes that never open a
 * ledger, and a static `import` would load the module before any filter could be installed.
 */
import {TrainerError} from '../kit/errors.js'

type Sqlite = typeof import('node:sqlite')

export const SQLITE_WARNING = 'SQLite is an experimental feature and might change at any time'

/** `process.emitWarning(warning, type)` or `(warning, {type})` naming the SQLite warning. */
export function isSqliteWarning(warning: unknown, typeOrOptions: unknown): boolean {
  const message = warning instanceof Error ? warning.message : warning
  const type =
    warning instanceof Error
      ? warning.name
      : typeof typeOrOptions === 'string'
        ? typeOrOptions
        : typeof typeOrOptions === 'object' && typeOrOptions !== null && 'type' in typeOrOptions
          ? typeOrOptions.type
          : undefined
  return type === 'ExperimentalWarning' && message === SQLITE_WARNING
}

/** Runs `fn` with the SQLite ExperimentalWarning dropped; restores `process.emitWarning` after. */
export function withoutSqliteWarning<T>(fn: () => T): T {
  const original = Object.getOwnPropertyDescriptor(process, 'emitWarning')
  const emit = process.emitWarning.bind(process)
  process.emitWarning = (warning: string | Error, ...rest: unknown[]): void => {
    if (isSqliteWarning(warning, rest[0])) return
    Reflect.apply(emit, process, [warning, ...rest])
  }
  try {
    return fn()
  } finally {
    if (original) Object.defineProperty(process, 'emitWarning', original)
    else Reflect.deleteProperty(process, 'emitWarning')
  }
}

/**
 * `node:sqlite`, or a clear error on a Node without it (the ledger needs Node 24; under an
 * older Node, `process.getBuiltinModule` itself is missing).
 */
export function loadSqlite(): Sqlite {
  const sqlite =
    typeof process.getBuiltinModule === 'function'
      ? withoutSqliteWarning(() => process.getBuiltinModule('node:sqlite') as Sqlite | undefined)
      : undefined
  if (!sqlite?.DatabaseSync)
    throw new TrainerError(`the run ledger needs Node.js 24 or newer (node:sqlite); this is Node ${process.version}`, {
      hint: "Run the CLI with the project's Node: `npx trainer …` in a checkout after `npm ci` (npm puts its node@24 first on PATH), or install Node 24 (e.g. `npx -y node@24 dist/cli/index.js …`).",
    })
  return sqlite
}
