/**
 * The run ledger: one SQLite file (Node's built-in `node:sqlite`) that records every launch, its
 * runs and each state change, so the CLI, the actions and a reconciler in another process agree
 * on where every run stands. Tables adapt seed 002's containers / training_sessions /
 * resource_usage: `launches`, `runs`, `events`.
 *
 * Concurrency: WAL journal (readers never block the writer) and a busy timeout (a second writer
 * waits instead of failing). Every write is one `BEGIN IMMEDIATE` transaction, and a transition
 * is a compare-and-set (`UPDATE … WHERE id = ? AND state = ?`), so of two processes moving the
 * same run only one wins; the other sees the new state and gets an IllegalTransitionError.
 */
import {existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync} from 'node:sqlite'
import {NotFoundError, getErrorMessage} from '../kit/errors.js'
import {makeDirsSync} from '../kit/safe-fs.js'
import type {Plan, Resources, Scalar} from '../plan/types.js'
import {IllegalTransitionError, LedgerBusyError, LedgerError} from './errors.js'
import {RUN_STATES, canTransition, isActive, isRunState, isTerminal, type RunState} from './states.js'
import {loadSqlite} from './sqlite.js'

/** Where a launch stands: ACTIVE until `finishLaunch` finds no run under way. */
export type LaunchStatus = 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED'

export interface LedgerOptions {
  /** The clock behind every timestamp (ISO 8601 strings). */
  now?: () => Date
  /** How long one attempt at a write waits for another process's lock (default 5 s). */
  busyTimeoutMs?: number
  /**
   * How long a write keeps trying, over several attempts, before it gives up with a
   * LedgerBusyError (default 120 s): a long lock held by another process delays a write
   * rather than losing it.
   */
  busyTotalMs?: number
  /**
   * Open for reading only (status, logs): nothing is created, migrated or written, so a
   * ledger on a read-only file or file system can still be read.
   */
  readOnly?: boolean
}

/** SQLite's result codes for a lock held by another connection. */
const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6
const SQLITE_CANTOPEN = 14

/**
 * Runs `take` (a statement that takes a lock) again while another connection holds the lock
 * (each attempt waits the busy time-out), up to `totalMs`; then a LedgerBusyError.
 */
function busyRetry(path: string, totalMs: number, take: () => void): void {
  const started = Date.now()
  for (;;) {
    try {
      take()
      return
    } catch (e: unknown) {
      const code = sqliteCode(e)
      if (code !== SQLITE_BUSY && code !== SQLITE_LOCKED) throw e
      const waited = Date.now() - started
      if (waited >= totalMs)
        throw new LedgerBusyError(
          `${path}: another process has held the ledger's lock for ${Math.round(waited / 1000)} s; nothing was written`,
          {cause: e, hint: 'trainer status --refresh records the true state once the ledger is free'},
        )
      // a short busy time-out would spin: pause between attempts
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
    }
  }
}

function sqliteCode(e: unknown): number | undefined {
  const code = (e as {errcode?: unknown}).errcode
  return typeof code === 'number' ? code & 0xff : undefined
}

/** What a transition may record besides the new state; omitted fields keep their value. */
export interface TransitionFields {
  exitCode?: number
  reason?: string
  /** The backend's job id (Slurm job id, Vertex resource name, container id). */
  handle?: string
  metrics?: unknown
  resultUrl?: string
  /** The backend's attempt at the run (a requeue adds one). */
  attempt?: number
  /** The backend's own state word (Slurm `PENDING`). */
  nativeState?: string
  links?: Record<string, string>
  imageDigest?: string
  /** The time of the poll that saw the change. */
  polled?: boolean
  /** Move only from one of these states (compare-and-set on what the caller last read). */
  expect?: readonly RunState[]
}

export interface LedgerLaunch {
  id: string
  experiment: string
  backend: string
  createdAt: string
  finishedAt: string | undefined
  status: LaunchStatus
  plan: Plan
  config: unknown
  /** The backend's options as resolved at launch (no secrets: those are named, not held). */
  backendConfig: unknown
  /** Where on GitHub it was launched from; undefined from a laptop. */
  github: GithubContext | undefined
}

/** The GitHub context of a launch, for reporting (check runs on the head SHA, the PR comment). */
export interface GithubContext {
  repository: string
  headSha: string
  pullRequest?: number | undefined
  runId?: string | undefined
  serverUrl?: string | undefined
}

export interface LedgerRun {
  id: string
  launchId: string
  experiment: string
  index: number
  seed: number
  state: RunState
  params: Record<string, Scalar>
  resources: Resources
  image: string | undefined
  output: string
  backend: string
  handle: string | undefined
  exitCode: number | undefined
  reason: string | undefined
  createdAt: string
  /** When the run first reached RUNNING. */
  startedAt: string | undefined
  /** When the run reached SUCCEEDED, FAILED or CANCELLED. */
  endedAt: string | undefined
  /** The run's final metric values: only finite numbers, whatever the row holds. */
  metrics: Record<string, number>
  resultUrl: string | undefined
  attempt: number
  nativeState: string | undefined
  links: Record<string, string>
  /** When a poll last saw the run. */
  polledAt: string | undefined
  /** When it was submitted to its backend (QUEUED). */
  submittedAt: string | undefined
  imageDigest: string | undefined
}

export interface LedgerEvent {
  id: number
  runId: string
  at: string
  /** undefined for the run's creation. */
  from: RunState | undefined
  to: RunState
  detail: TransitionFields | undefined
}

export interface LaunchSummary {
  launchId: string
  total: number
  /** Every state, zero where no run is in it. */
  states: Record<RunState, number>
}

const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS launches (
  id TEXT PRIMARY KEY,
  experiment TEXT NOT NULL,
  backend TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  plan_json TEXT NOT NULL,
  config_json TEXT
);
CREATE INDEX IF NOT EXISTS launches_created ON launches (created_at);
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  launch_id TEXT NOT NULL REFERENCES launches (id),
  experiment TEXT NOT NULL,
  run_index INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  state TEXT NOT NULL,
  params_json TEXT NOT NULL,
  resources_json TEXT NOT NULL,
  image TEXT,
  output TEXT NOT NULL,
  backend TEXT NOT NULL,
  handle TEXT,
  exit_code INTEGER,
  reason TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  ended_at TEXT,
  metrics_json TEXT,
  result_url TEXT
);
CREATE INDEX IF NOT EXISTS runs_launch ON runs (launch_id, run_index);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES runs (id),
  at TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS events_run ON events (run_id, id);
`

/**
 * Version 2, the backend seam: per run the attempt, the backend's own state word, links,
 * when it was last polled and submitted, and the image digest; per launch the resolved
 * backend options and the GitHub context it was launched from. QUEUED needs no DDL.
 */
const SCHEMA_V2 = `
ALTER TABLE runs ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE runs ADD COLUMN native_state TEXT;
ALTER TABLE runs ADD COLUMN links_json TEXT;
ALTER TABLE runs ADD COLUMN polled_at TEXT;
ALTER TABLE runs ADD COLUMN submitted_at TEXT;
ALTER TABLE runs ADD COLUMN image_digest TEXT;
ALTER TABLE launches ADD COLUMN backend_json TEXT;
ALTER TABLE launches ADD COLUMN github_json TEXT;
`

/** `MIGRATIONS[i]` takes a file from `user_version` i to i + 1. Append; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [SCHEMA_V1, SCHEMA_V2]

export const SCHEMA_VERSION = MIGRATIONS.length

/** The compare-and-set behind every transition: it changes a row only if it is still in `:from`. */
export const TRANSITION_SQL = `UPDATE runs SET
  state = :to,
  started_at = COALESCE(started_at, :started_at),
  ended_at = COALESCE(:ended_at, ended_at),
  exit_code = COALESCE(:exit_code, exit_code),
  reason = COALESCE(:reason, reason),
  handle = COALESCE(:handle, handle),
  metrics_json = COALESCE(:metrics_json, metrics_json),
  result_url = COALESCE(:result_url, result_url),
  attempt = COALESCE(:attempt, attempt),
  native_state = COALESCE(:native_state, native_state),
  links_json = COALESCE(:links_json, links_json),
  image_digest = COALESCE(:image_digest, image_digest),
  submitted_at = COALESCE(submitted_at, :submitted_at),
  polled_at = COALESCE(:polled_at, polled_at)
WHERE id = :id AND state = :from`

const INSERT_EVENT_SQL = 'INSERT INTO events (run_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)'

const INSERT_LAUNCH_SQL = `INSERT INTO launches (id, experiment, backend, created_at, status, plan_json, config_json,
  backend_json, github_json)
VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`

const INSERT_RUN_SQL = `INSERT INTO runs (id, launch_id, experiment, run_index, seed, state, params_json,
  resources_json, image, output, backend, created_at)
VALUES (?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`

/** A launch's status from how many of its runs are in each state. */
export function launchStatus(states: Readonly<Record<RunState, number>>): LaunchStatus {
  const count = (...s: RunState[]): number => s.reduce((n, k) => n + states[k], 0)
  if (RUN_STATES.some(s => isActive(s) && states[s] > 0)) return 'ACTIVE'
  if (count('FAILED', 'ERROR') > 0) return 'FAILED'
  if (count('CANCELLED', 'STOPPED') > 0 || states.SUCCEEDED === 0) return 'CANCELLED'
  return 'SUCCEEDED'
}

export class Ledger {
  readonly path: string
  readonly #db: DatabaseSync
  readonly #now: () => Date
  readonly #statements = new Map<string, StatementSync>()
  readonly #busyTotalMs: number
  readonly readOnly: boolean

  private constructor(path: string, db: DatabaseSync, now: () => Date, o: LedgerOptions) {
    this.path = path
    this.#db = db
    this.#now = now
    this.#busyTotalMs = o.busyTotalMs ?? 120_000
    this.readOnly = o.readOnly ?? false
  }

  /**
   * Opens (creating it and its parent directories if needed) and migrates a ledger file.
   * With `readOnly`, opens an existing ledger for reading only (NotFoundError when there is
   * none), also on a read-only file system.
   */
  static open(path: string, options: LedgerOptions = {}): Ledger {
    const memory = path === ':memory:' || path.startsWith('file:')
    const {DatabaseSync} = loadSqlite()
    const timeout = options.busyTimeoutMs ?? 5000
    if (options.readOnly && !memory) {
      if (!existsSync(path)) throw new NotFoundError(`no ledger at ${path}: nothing has been launched here yet`)
      let db: DatabaseSync
      try {
        db = new DatabaseSync(path, {timeout, readOnly: true})
        db.prepare('PRAGMA user_version').get()
      } catch (e: unknown) {
        if (sqliteCode(e) !== SQLITE_CANTOPEN)
          throw new LedgerError(`${path}: not a usable ledger (${getErrorMessage(e)})`, {cause: e})
        // A WAL ledger on a read-only file system: SQLite cannot make its shared-memory file,
        // so it reads the file as immutable (no writer can be there to change it).
        const url = pathToFileURL(resolve(path))
        url.searchParams.set('mode', 'ro')
        url.searchParams.set('immutable', '1')
        db = new DatabaseSync(url.href, {timeout, readOnly: true})
      }
      const ledger = new Ledger(path, db, options.now ?? (() => new Date()), options)
      try {
        const version = ledger.#version()
        if (version !== SCHEMA_VERSION)
          throw new LedgerError(
            `${path}: ledger schema version ${version}, this trainer reads ${SCHEMA_VERSION}; it is open read-only, so it cannot be migrated`,
            {
              hint: 'run any trainer command that writes (launch, cancel) once with write access, or upgrade trainer-action',
            },
          )
        return ledger
      } catch (e) {
        db.close()
        throw e
      }
    }
    if (!memory) makeDirsSync(dirname(resolve(path)))
    const db = new DatabaseSync(path, {timeout, enableForeignKeyConstraints: true})
    try {
      db.prepare('PRAGMA schema_version').get()
    } catch (e: unknown) {
      db.close()
      // a file that is not a SQLite database (or a damaged one): name it
      throw new LedgerError(`${path}: not a usable ledger (${getErrorMessage(e)})`, {
        cause: e,
        hint: 'point --ledger (or launch.ledger) at another file, or move this one away',
      })
    }
    try {
      // WAL: one writer and any number of readers at once; NORMAL sync is safe under WAL.
      // Switching a new file to WAL takes a lock that SQLite does not wait for: two processes
      // opening a new ledger together retry here rather than fail.
      busyRetry(path, options.busyTotalMs ?? 120_000, () => db.exec('PRAGMA journal_mode = WAL'))
      db.exec('PRAGMA synchronous = NORMAL')
      const ledger = new Ledger(path, db, options.now ?? (() => new Date()), options)
      ledger.#migrate()
      return ledger
    } catch (e) {
      db.close()
      throw e
    }
  }

  /**
   * Records a launch and all its runs in CREATED, in one transaction. Calling it again for the
   * same launch id and the same plan changes nothing already recorded (runs keep their state)
   * and returns false; a different plan under a recorded id is a LedgerError, decided inside
   * the same write transaction, so two launchers racing for one id cannot both pass. Returns
   * whether the launch was new.
   */
  createLaunch(
    plan: Plan,
    options: {backend: string; config?: unknown; backendConfig?: unknown; github?: GithubContext | undefined},
  ): boolean {
    return this.#transaction(() => {
      const at = this.#stamp()
      const planJson = JSON.stringify(plan)
      const inserted = this.#sql(INSERT_LAUNCH_SQL).run(
        plan.launchId,
        plan.experiment,
        options.backend,
        at,
        planJson,
        json(options.config),
        json(options.backendConfig),
        json(options.github),
      )
      if (inserted.changes === 0) {
        const existing = this.#sql('SELECT experiment, plan_json FROM launches WHERE id = ?').get(plan.launchId)
        if (existing?.experiment !== plan.experiment)
          throw new LedgerError(
            `launch ${plan.launchId}: already recorded for experiment ${String(existing?.experiment)}, not ${plan.experiment}`,
          )
        if (existing.plan_json !== planJson)
          throw new LedgerError(`launch ${plan.launchId}: already recorded with a different plan`, {
            hint: 'choose another --launch-id, or repeat the launch with exactly the same inputs',
          })
      }
      for (const run of plan.runs) {
        const r = this.#sql(INSERT_RUN_SQL).run(
          run.id,
          plan.launchId,
          run.experiment,
          run.index,
          run.seed,
          JSON.stringify(run.params),
          JSON.stringify(run.resources),
          run.image ?? null,
          run.output,
          run.backend,
          at,
        )
        if (r.changes === 1) {
          this.#sql(INSERT_EVENT_SQL).run(run.id, at, null, 'CREATED', null)
          continue
        }
        const owner = this.#sql('SELECT launch_id FROM runs WHERE id = ?').get(run.id)?.launch_id
        if (owner !== plan.launchId)
          throw new LedgerError(`run ${run.id}: already recorded for launch ${String(owner)}, not ${plan.launchId}`)
      }
      return inserted.changes === 1
    })
  }

  /**
   * Moves a run to `to` and records the event, in one transaction. Throws IllegalTransitionError
   * when the lifecycle table has no such edge from the run's current state (the row is left
   * unchanged) and NotFoundError for an unknown run. RUNNING sets `startedAt` the first time;
   * SUCCEEDED, FAILED and CANCELLED set `endedAt`.
   */
  transition(runId: string, to: RunState, fields: TransitionFields = {}): void {
    this.#transaction(() => {
      const from = this.#state(runId)
      // a caller acting on what it read earlier says so: a run that moved since is not touched
      if (fields.expect !== undefined && !fields.expect.includes(from))
        throw new IllegalTransitionError(runId, from, to)
      if (!canTransition(from, to)) throw new IllegalTransitionError(runId, from, to)
      const at = this.#stamp()
      const changed = this.#sql(TRANSITION_SQL).run({
        id: runId,
        from,
        to,
        started_at: to === 'RUNNING' ? at : null,
        ended_at: isTerminal(to) ? at : null,
        exit_code: fields.exitCode ?? null,
        reason: fields.reason ?? null,
        handle: fields.handle ?? null,
        metrics_json: json(fields.metrics),
        result_url: fields.resultUrl ?? null,
        attempt: fields.attempt ?? null,
        native_state: fields.nativeState ?? null,
        links_json: json(fields.links),
        image_digest: fields.imageDigest ?? null,
        submitted_at: to === 'QUEUED' ? at : null,
        polled_at: fields.polled ? at : null,
      })
      // BEGIN IMMEDIATE already serializes writers; the guard keeps the update honest on its own
      if (changed.changes !== 1) throw new IllegalTransitionError(runId, this.#state(runId), to)
      const detail = JSON.stringify({...fields, expect: undefined, polled: undefined})
      this.#sql(INSERT_EVENT_SQL).run(runId, at, from, to, detail === '{}' ? null : detail)
    })
  }

  /**
   * Records what a poll saw of a run that did not change state: the backend's state word and
   * its reason (a PENDING job's `Resources` becoming `Priority`), and the time of the poll.
   * No event: events are state changes. A run that moved meanwhile is left alone (false).
   */
  observe(runId: string, state: RunState, seen: {nativeState?: string; reason?: string | undefined}): boolean {
    return this.#transaction(() => {
      const r = this.#sql(
        `UPDATE runs SET native_state = COALESCE(?, native_state), reason = COALESCE(?, reason), polled_at = ?
         WHERE id = ? AND state = ?`,
      ).run(seen.nativeState ?? null, seen.reason ?? null, this.#stamp(), runId, state)
      return r.changes === 1
    })
  }

  /**
   * Records a launch as another ledger last saw it (the record a check run keeps of a launch
   * whose ledger died with its workflow job): the launch, then each run with its state,
   * handle and results, in one transaction. Only into a ledger that does not hold the launch
   * yet (a LedgerError otherwise: this is not a merge). Each run gets one event, its arrival
   * in that state.
   */
  importLaunch(launch: LedgerLaunch, runs: readonly LedgerRun[]): void {
    this.#transaction(() => {
      if (this.#sql('SELECT 1 FROM launches WHERE id = ?').get(launch.id) !== undefined)
        throw new LedgerError(`launch ${launch.id}: already in this ledger; it is imported only into one without it`)
      this.createLaunch(launch.plan, {
        backend: launch.backend,
        config: launch.config,
        backendConfig: launch.backendConfig,
        github: launch.github,
      })
      const planned = new Set(launch.plan.runs.map(r => r.id))
      for (const r of runs) {
        if (!planned.has(r.id)) throw new LedgerError(`launch ${launch.id}: run ${r.id} is not in its plan`)
        this.#sql(
          `UPDATE runs SET state = ?, handle = ?, exit_code = ?, reason = ?, started_at = ?, ended_at = ?,
             metrics_json = ?, result_url = ?, attempt = ?, native_state = ?, links_json = ?, polled_at = ?,
             submitted_at = ?, image_digest = ?, created_at = ? WHERE id = ? AND launch_id = ?`,
        ).run(
          r.state,
          r.handle ?? null,
          r.exitCode ?? null,
          r.reason ?? null,
          r.startedAt ?? null,
          r.endedAt ?? null,
          json(r.metrics),
          r.resultUrl ?? null,
          r.attempt,
          r.nativeState ?? null,
          json(r.links),
          r.polledAt ?? null,
          r.submittedAt ?? null,
          r.imageDigest ?? null,
          r.createdAt,
          r.id,
          launch.id,
        )
        if (r.state !== 'CREATED')
          this.#sql(INSERT_EVENT_SQL).run(r.id, this.#stamp(), 'CREATED', r.state, JSON.stringify({imported: true}))
      }
      this.#sql('UPDATE launches SET created_at = ?, status = ?, finished_at = ? WHERE id = ?').run(
        launch.createdAt,
        launch.status,
        launch.finishedAt ?? null,
        launch.id,
      )
    })
  }

  /** Replaces what a launch row records besides its plan (its results root, its launcher). */
  setLaunchConfig(launchId: string, config: unknown): void {
    this.#transaction(() => {
      const r = this.#sql('UPDATE launches SET config_json = ? WHERE id = ?').run(json(config), launchId)
      if (r.changes !== 1) throw new NotFoundError(`launch ${launchId}: not in the ledger`)
    })
  }

  getRun(runId: string): LedgerRun | undefined {
    const row = this.#sql('SELECT * FROM runs WHERE id = ?').get(runId)
    return row && toRun(row)
  }

  /** The launch's runs in plan order. */
  listRuns(launchId: string): LedgerRun[] {
    return this.#sql('SELECT * FROM runs WHERE launch_id = ? ORDER BY run_index, id').all(launchId).map(toRun)
  }

  getLaunch(launchId: string): LedgerLaunch | undefined {
    const row = this.#sql('SELECT * FROM launches WHERE id = ?').get(launchId)
    return row && toLaunch(row)
  }

  latestLaunch(): LedgerLaunch | undefined {
    return this.listLaunches(1)[0]
  }

  /** The most recent launches first. */
  listLaunches(limit = 20): LedgerLaunch[] {
    return this.#sql('SELECT * FROM launches ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit).map(toLaunch)
  }

  /** The run's history, oldest first, starting with its creation. */
  events(runId: string): LedgerEvent[] {
    return this.#sql('SELECT * FROM events WHERE run_id = ? ORDER BY id').all(runId).map(toEvent)
  }

  launchSummary(launchId: string): LaunchSummary {
    const states = Object.fromEntries(RUN_STATES.map(s => [s, 0])) as Record<RunState, number>
    let total = 0
    for (const row of this.#sql('SELECT state, COUNT(*) AS n FROM runs WHERE launch_id = ? GROUP BY state').all(
      launchId,
    )) {
      const n = Number(row.n)
      states[stateOf(row.state)] += n
      total += n
    }
    return {launchId, total, states}
  }

  /**
   * Sets the launch's status from its runs (see `launchStatus`) and, once no run is under way,
   * its `finishedAt`. Returns the status.
   */
  finishLaunch(launchId: string): LaunchStatus {
    return this.#transaction(() => {
      if (this.#sql('SELECT 1 FROM launches WHERE id = ?').get(launchId) === undefined)
        throw new NotFoundError(`launch ${launchId}: not in the ledger`)
      const status = launchStatus(this.launchSummary(launchId).states)
      const finished = status === 'ACTIVE' ? null : this.#stamp()
      this.#sql('UPDATE launches SET status = ?, finished_at = COALESCE(finished_at, ?) WHERE id = ?').run(
        status,
        finished,
        launchId,
      )
      return status
    })
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close()
  }

  #version(): number {
    return Number(this.#db.prepare('PRAGMA user_version').get()?.user_version ?? 0)
  }

  #migrate(): void {
    const version = (): number => this.#version()
    if (version() === SCHEMA_VERSION) return
    this.#transaction(() => {
      const from = version() // again, now that we hold the write lock: another process may have migrated
      if (from > SCHEMA_VERSION)
        throw new LedgerError(
          `${this.path}: ledger schema version ${from} is newer than this trainer's (${SCHEMA_VERSION})`,
          {hint: 'upgrade trainer-action, or point the ledger at a new file'},
        )
      for (let v = from; v < SCHEMA_VERSION; v++) {
        this.#db.exec(MIGRATIONS[v]!)
        this.#db.exec(`PRAGMA user_version = ${v + 1}`)
      }
    })
  }

  /**
   * One write transaction. Taking the write lock is retried while another process holds it
   * (each attempt waits the busy time-out), up to `busyTotalMs`; then a LedgerBusyError.
   */
  #transaction<T>(fn: () => T): T {
    if (this.readOnly) throw new LedgerError(`${this.path}: opened read-only`)
    // a write inside another (importLaunch's createLaunch) is part of it
    if (this.#db.isTransaction) return fn()
    busyRetry(this.path, this.#busyTotalMs, () => this.#db.exec('BEGIN IMMEDIATE'))
    try {
      const result = fn()
      this.#db.exec('COMMIT')
      return result
    } catch (e) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw e
    }
  }

  #state(runId: string): RunState {
    const row = this.#sql('SELECT state FROM runs WHERE id = ?').get(runId)
    if (row === undefined) throw new NotFoundError(`run ${runId}: not in the ledger`)
    return stateOf(row.state)
  }

  #sql(text: string): StatementSync {
    let statement = this.#statements.get(text)
    if (statement === undefined) {
      statement = this.#db.prepare(text)
      this.#statements.set(text, statement)
    }
    return statement
  }

  #stamp(): string {
    return this.#now().toISOString()
  }
}

type Row = Record<string, SQLOutputValue>

function json(value: unknown): SQLInputValue {
  return value === undefined ? null : JSON.stringify(value)
}

function parse(value: SQLOutputValue | undefined): unknown {
  return typeof value === 'string' ? JSON.parse(value) : undefined
}

/** The finite numbers of an object, under its own keys; {} for anything else. */
function finiteValues(value: unknown): Record<string, number> {
  const out: Record<string, number> = {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out
  for (const [k, v] of Object.entries(value)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v
  return out
}

/** The string values of an object, under its own keys; {} for anything else. */
function stringValues(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v
  return out
}

function text(value: SQLOutputValue | undefined): string {
  return typeof value === 'string' ? value : String(value)
}

function optionalText(value: SQLOutputValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : text(value)
}

function optionalNumber(value: SQLOutputValue | undefined): number | undefined {
  return value === null || value === undefined ? undefined : Number(value)
}

function stateOf(value: SQLOutputValue | undefined): RunState {
  if (!isRunState(value)) throw new LedgerError(`unknown run state in the ledger: ${String(value)}`)
  return value
}

function toRun(row: Row): LedgerRun {
  return {
    id: text(row.id),
    launchId: text(row.launch_id),
    experiment: text(row.experiment),
    index: Number(row.run_index),
    seed: Number(row.seed),
    state: stateOf(row.state),
    params: parse(row.params_json) as Record<string, Scalar>,
    resources: parse(row.resources_json) as Resources,
    image: optionalText(row.image),
    output: text(row.output),
    backend: text(row.backend),
    handle: optionalText(row.handle),
    exitCode: optionalNumber(row.exit_code),
    reason: optionalText(row.reason),
    createdAt: text(row.created_at),
    startedAt: optionalText(row.started_at),
    endedAt: optionalText(row.ended_at),
    metrics: finiteValues(parse(row.metrics_json)),
    resultUrl: optionalText(row.result_url),
    attempt: Number(row.attempt ?? 1),
    nativeState: optionalText(row.native_state),
    links: stringValues(parse(row.links_json)),
    polledAt: optionalText(row.polled_at),
    submittedAt: optionalText(row.submitted_at),
    imageDigest: optionalText(row.image_digest),
  }
}

function toLaunch(row: Row): LedgerLaunch {
  return {
    id: text(row.id),
    experiment: text(row.experiment),
    backend: text(row.backend),
    createdAt: text(row.created_at),
    finishedAt: optionalText(row.finished_at),
    status: text(row.status) as LaunchStatus,
    plan: parse(row.plan_json) as Plan,
    config: parse(row.config_json),
    backendConfig: parse(row.backend_json),
    github: parse(row.github_json) as GithubContext | undefined,
  }
}

function toEvent(row: Row): LedgerEvent {
  return {
    id: Number(row.id),
    runId: text(row.run_id),
    at: text(row.at),
    from: row.from_state === null ? undefined : stateOf(row.from_state),
    to: stateOf(row.to_state),
    detail: parse(row.detail) as TransitionFields | undefined,
  }
}
