export const id = 713;
export const ids = [713,127,990];
export const modules = {

/***/ 64990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ loadBackend),
/* harmony export */   backendConfig: () => (/* binding */ backendConfig)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);

/** The options of the backend a name stands for (a declared one, or a built-in local one). */
function backendConfig(name, backends) {
    const declared = backends && Object.hasOwn(backends, name) ? backends[name] : undefined;
    if (declared)
        return declared;
    if (name === 'local' || name === 'local-docker')
        return { type: name };
    const known = [...new Set(['local', 'local-docker', ...Object.keys(backends ?? {})])];
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`unknown backend '${name}'; backends: ${known.join(', ')} (declare others under backends:)`, {
        key: 'backend',
    });
}
/** Makes the backend a launch runs on, loading its module. */
async function loadBackend(name, config, deps) {
    switch (config.type) {
        case 'local':
            return (await Promise.all(/* import() */[__webpack_require__.e(805), __webpack_require__.e(449)]).then(__webpack_require__.bind(__webpack_require__, 37449))).createBackend(name, config, deps);
        case 'local-docker':
            return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(118), __webpack_require__.e(805), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 13735))).createBackend(name, config, deps);
        case 'slurm':
            return (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(805), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 29913))).createBackend(name, config, deps);
        case 'vertex':
        case 'self-hosted':
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`backend '${name}' (${config.type}) is not available yet; available: local, local-docker, slurm`, { key: 'backend' });
    }
}


/***/ }),

/***/ 61036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony export DEFAULT_CONFIG */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73713);



const DEFAULT_CONFIG = 'trainer.yml';
/**
 * Loads the configuration: `path` when given (it must exist), else trainer.yml in
 * `cwd` when present, else the built-in defaults.
 */
async function loadConfig(cwd, path) {
    const explicit = path !== undefined && path !== '';
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, explicit ? path : DEFAULT_CONFIG);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        if (!explicit && e.code === 'ENOENT')
            return { config: {}, file: undefined };
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(`config file ${path ?? file} cannot be read: ${e.code ?? String(e)}`, { file: path ?? file });
    }
    const label = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path ?? '') ? file : explicit ? path : DEFAULT_CONFIG;
    // The YAML parser loads only when there is a file to parse (start-up time of the small actions).
    const { parseConfig } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 58353));
    return { config: parseConfig(text, label), file };
}


/***/ }),

/***/ 67127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bool: () => (/* binding */ bool),
/* harmony export */   inputFlags: () => (/* binding */ inputFlags),
/* harmony export */   keyValues: () => (/* binding */ keyValues),
/* harmony export */   lines: () => (/* binding */ lines),
/* harmony export */   list: () => (/* binding */ list),
/* harmony export */   optInt: () => (/* binding */ optInt),
/* harmony export */   optString: () => (/* binding */ optString),
/* harmony export */   readInputs: () => (/* binding */ readInputs),
/* harmony export */   required: () => (/* binding */ required)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29396);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74528);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/**
 * How an input is given as a command-line flag where it is not a plain value: `switch`, a boolean
 * input (`--force`); `repeated`, an input that takes items one per line (`--x a --x b`).
 */
const flagForms = zod__WEBPACK_IMPORTED_MODULE_1__/* .registry */ .u5();
/** An optional string input: '' (unset) becomes undefined. */
const optString = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform(s => (s.trim() === '' ? undefined : s.trim()));
/** A boolean input: only the YAML 1.2 core set, like core.getBooleanInput; '' takes the default. */
const bool = (dflt) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return dflt;
    if (TRUE.includes(v))
        return true;
    if (FALSE.includes(v))
        return false;
    ctx.addIssue({ code: 'custom', message: `'${v}' is not a boolean (use true or false)` });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
})
    .register(flagForms, { flag: 'switch' });
/** An optional integer input within bounds. */
const optInt = (min, max) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform((s, ctx) => {
    const v = s.trim();
    if (v === '')
        return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `'${v}' is not an integer from ${min} to ${max}` });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return n;
});
/** A list input: one item per line, commas also separate (docker/actions-toolkit getInputList). */
const list = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform(s => s
    .split(/\r?\n|,/)
    .map(x => x.trim())
    .filter(x => x !== ''))
    .register(flagForms, { flag: 'repeated' });
/** A list input with one item per line and no other separator (items may hold commas). */
const lines = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform(s => s
    .split(/\r?\n/)
    .map(x => x.trim())
    .filter(x => x !== ''))
    .register(flagForms, { flag: 'repeated' });
/** KEY=VALUE pairs, one per line (values may contain commas and '='). */
const keyValues = () => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform((s, ctx) => {
    const out = {};
    for (const line of s.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const i = line.indexOf('=');
        if (i <= 0) {
            ctx.addIssue({ code: 'custom', message: `'${line.trim()}' is not KEY=VALUE` });
            return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
        }
        out[line.slice(0, i).trim()] = line.slice(i + 1);
    }
    return out;
})
    .register(flagForms, { flag: 'repeated' });
/**
 * The command-line flags of a schema's inputs, for node:util's parseArgs: one per input, under its
 * name; a switch for a boolean input, a repeatable flag for one that takes lines (the CLI joins the
 * values with newlines), a flag with a value for any other. `omit` names the inputs a command line
 * gives another way.
 */
function inputFlags(schema, omit = []) {
    const flags = {};
    for (const [key, input] of Object.entries(schema.shape)) {
        if (omit.includes(key))
            continue;
        const form = flagForms.get(input)?.flag;
        flags[key] =
            form === 'switch' ? { type: 'boolean' } : form === 'repeated' ? { type: 'string', multiple: true } : { type: 'string' };
    }
    return flags;
}
/** Reads every input named by the schema's keys (the action.yml names) and validates them. */
function readInputs(io, schema) {
    const raw = {};
    for (const key of Object.keys(schema.shape))
        raw[key] = io.input(key);
    const r = schema.safeParse(raw);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`Input '${key}': ${issue?.message ?? 'invalid'}`, { key });
}
/** Marks an input as required, with codeql's wording. */
function required(value, name) {
    if (value === undefined || value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`Input required and not supplied: ${name}`, { key: name });
    return value;
}


/***/ }),

/***/ 99424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Oc: () => (/* binding */ Ledger)
});

// UNUSED EXPORTS: MIGRATIONS, SCHEMA_VERSION, TRANSITION_SQL, launchStatus

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/safe-fs.ts
var safe_fs = __webpack_require__(63131);
// EXTERNAL MODULE: ./src/ledger/errors.ts
var ledger_errors = __webpack_require__(99706);
// EXTERNAL MODULE: ./src/ledger/states.ts
var ledger_states = __webpack_require__(86183);
;// CONCATENATED MODULE: ./src/ledger/sqlite.ts
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

const SQLITE_WARNING = 'SQLite is an experimental feature and might change at any time';
/** `process.emitWarning(warning, type)` or `(warning, {type})` naming the SQLite warning. */
function isSqliteWarning(warning, typeOrOptions) {
    const message = warning instanceof Error ? warning.message : warning;
    const type = warning instanceof Error
        ? warning.name
        : typeof typeOrOptions === 'string'
            ? typeOrOptions
            : typeof typeOrOptions === 'object' && typeOrOptions !== null && 'type' in typeOrOptions
                ? typeOrOptions.type
                : undefined;
    return type === 'ExperimentalWarning' && message === SQLITE_WARNING;
}
/** Runs `fn` with the SQLite ExperimentalWarning dropped; restores `process.emitWarning` after. */
function withoutSqliteWarning(fn) {
    const original = Object.getOwnPropertyDescriptor(process, 'emitWarning');
    const emit = process.emitWarning.bind(process);
    process.emitWarning = (warning, ...rest) => {
        if (isSqliteWarning(warning, rest[0]))
            return;
        Reflect.apply(emit, process, [warning, ...rest]);
    };
    try {
        return fn();
    }
    finally {
        if (original)
            Object.defineProperty(process, 'emitWarning', original);
        else
            Reflect.deleteProperty(process, 'emitWarning');
    }
}
/**
 * `node:sqlite`, or a clear error on a Node without it (the ledger needs Node 24; under an
 * older Node, `process.getBuiltinModule` itself is missing).
 */
function loadSqlite() {
    const sqlite = typeof process.getBuiltinModule === 'function'
        ? withoutSqliteWarning(() => process.getBuiltinModule('node:sqlite'))
        : undefined;
    if (!sqlite?.DatabaseSync)
        throw new errors/* TrainerError */.e0(`the run ledger needs Node.js 24 or newer (node:sqlite); this is Node ${process.version}`, {
            hint: "Run the CLI with the project's Node: `npx trainer …` in a checkout after `npm ci` (npm puts its node@24 first on PATH), or install Node 24 (e.g. `npx -y node@24 dist/cli/index.js …`).",
        });
    return sqlite;
}

;// CONCATENATED MODULE: ./src/ledger/ledger.ts
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








/** SQLite's result codes for a lock held by another connection. */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CANTOPEN = 14;
/**
 * Runs `take` (a statement that takes a lock) again while another connection holds the lock
 * (each attempt waits the busy time-out), up to `totalMs`; then a LedgerBusyError.
 */
function busyRetry(path, totalMs, take) {
    const started = Date.now();
    for (;;) {
        try {
            take();
            return;
        }
        catch (e) {
            const code = sqliteCode(e);
            if (code !== SQLITE_BUSY && code !== SQLITE_LOCKED)
                throw e;
            const waited = Date.now() - started;
            if (waited >= totalMs)
                throw new ledger_errors/* LedgerBusyError */.f7(`${path}: another process has held the ledger's lock for ${Math.round(waited / 1000)} s; nothing was written`, { cause: e, hint: 'trainer status --refresh records the true state once the ledger is free' });
            // a short busy time-out would spin: pause between attempts
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        }
    }
}
function sqliteCode(e) {
    const code = e.errcode;
    return typeof code === 'number' ? code & 0xff : undefined;
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
`;
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
`;
/** `MIGRATIONS[i]` takes a file from `user_version` i to i + 1. Append; never edit a shipped one. */
const MIGRATIONS = [SCHEMA_V1, SCHEMA_V2];
const SCHEMA_VERSION = MIGRATIONS.length;
/** The compare-and-set behind every transition: it changes a row only if it is still in `:from`. */
const TRANSITION_SQL = `UPDATE runs SET
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
WHERE id = :id AND state = :from`;
const INSERT_EVENT_SQL = 'INSERT INTO events (run_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)';
const INSERT_LAUNCH_SQL = `INSERT INTO launches (id, experiment, backend, created_at, status, plan_json, config_json,
  backend_json, github_json)
VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;
const INSERT_RUN_SQL = `INSERT INTO runs (id, launch_id, experiment, run_index, seed, state, params_json,
  resources_json, image, output, backend, created_at)
VALUES (?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;
/** A launch's status from how many of its runs are in each state. */
function launchStatus(states) {
    const count = (...s) => s.reduce((n, k) => n + states[k], 0);
    if (ledger_states/* RUN_STATES */.vP.some(s => (0,ledger_states/* isActive */.$m)(s) && states[s] > 0))
        return 'ACTIVE';
    if (count('FAILED', 'ERROR') > 0)
        return 'FAILED';
    if (count('CANCELLED', 'STOPPED') > 0 || states.SUCCEEDED === 0)
        return 'CANCELLED';
    return 'SUCCEEDED';
}
class Ledger {
    path;
    #db;
    #now;
    #statements = new Map();
    #busyTotalMs;
    readOnly;
    constructor(path, db, now, o) {
        this.path = path;
        this.#db = db;
        this.#now = now;
        this.#busyTotalMs = o.busyTotalMs ?? 120_000;
        this.readOnly = o.readOnly ?? false;
    }
    /**
     * Opens (creating it and its parent directories if needed) and migrates a ledger file.
     * With `readOnly`, opens an existing ledger for reading only (NotFoundError when there is
     * none), also on a read-only file system.
     */
    static open(path, options = {}) {
        const memory = path === ':memory:' || path.startsWith('file:');
        const { DatabaseSync } = loadSqlite();
        const timeout = options.busyTimeoutMs ?? 5000;
        if (options.readOnly && !memory) {
            if (!(0,external_node_fs_.existsSync)(path))
                throw new errors/* NotFoundError */.m_(`no ledger at ${path}: nothing has been launched here yet`);
            let db;
            try {
                db = new DatabaseSync(path, { timeout, readOnly: true });
                db.prepare('PRAGMA user_version').get();
            }
            catch (e) {
                if (sqliteCode(e) !== SQLITE_CANTOPEN)
                    throw new ledger_errors/* LedgerError */.oy(`${path}: not a usable ledger (${(0,errors/* getErrorMessage */.u1)(e)})`, { cause: e });
                // A WAL ledger on a read-only file system: SQLite cannot make its shared-memory file,
                // so it reads the file as immutable (no writer can be there to change it).
                const url = (0,external_node_url_.pathToFileURL)((0,external_node_path_.resolve)(path));
                url.searchParams.set('mode', 'ro');
                url.searchParams.set('immutable', '1');
                db = new DatabaseSync(url.href, { timeout, readOnly: true });
            }
            const ledger = new Ledger(path, db, options.now ?? (() => new Date()), options);
            try {
                const version = ledger.#version();
                if (version !== SCHEMA_VERSION)
                    throw new ledger_errors/* LedgerError */.oy(`${path}: ledger schema version ${version}, this trainer reads ${SCHEMA_VERSION}; it is open read-only, so it cannot be migrated`, {
                        hint: 'run any trainer command that writes (launch, cancel) once with write access, or upgrade trainer-action',
                    });
                return ledger;
            }
            catch (e) {
                db.close();
                throw e;
            }
        }
        if (!memory)
            (0,safe_fs/* makeDirsSync */.Iv)((0,external_node_path_.dirname)((0,external_node_path_.resolve)(path)));
        const db = new DatabaseSync(path, { timeout, enableForeignKeyConstraints: true });
        try {
            db.prepare('PRAGMA schema_version').get();
        }
        catch (e) {
            db.close();
            // a file that is not a SQLite database (or a damaged one): name it
            throw new ledger_errors/* LedgerError */.oy(`${path}: not a usable ledger (${(0,errors/* getErrorMessage */.u1)(e)})`, {
                cause: e,
                hint: 'point --ledger (or launch.ledger) at another file, or move this one away',
            });
        }
        try {
            // WAL: one writer and any number of readers at once; NORMAL sync is safe under WAL.
            // Switching a new file to WAL takes a lock that SQLite does not wait for: two processes
            // opening a new ledger together retry here rather than fail.
            busyRetry(path, options.busyTotalMs ?? 120_000, () => db.exec('PRAGMA journal_mode = WAL'));
            db.exec('PRAGMA synchronous = NORMAL');
            const ledger = new Ledger(path, db, options.now ?? (() => new Date()), options);
            ledger.#migrate();
            return ledger;
        }
        catch (e) {
            db.close();
            throw e;
        }
    }
    /**
     * Records a launch and all its runs in CREATED, in one transaction. Calling it again for the
     * same launch id and the same plan changes nothing already recorded (runs keep their state)
     * and returns false; a different plan under a recorded id is a LedgerError, decided inside
     * the same write transaction, so two launchers racing for one id cannot both pass. Returns
     * whether the launch was new.
     */
    createLaunch(plan, options) {
        return this.#transaction(() => {
            const at = this.#stamp();
            const planJson = JSON.stringify(plan);
            const inserted = this.#sql(INSERT_LAUNCH_SQL).run(plan.launchId, plan.experiment, options.backend, at, planJson, json(options.config), json(options.backendConfig), json(options.github));
            if (inserted.changes === 0) {
                const existing = this.#sql('SELECT experiment, plan_json FROM launches WHERE id = ?').get(plan.launchId);
                if (existing?.experiment !== plan.experiment)
                    throw new ledger_errors/* LedgerError */.oy(`launch ${plan.launchId}: already recorded for experiment ${String(existing?.experiment)}, not ${plan.experiment}`);
                if (existing.plan_json !== planJson)
                    throw new ledger_errors/* LedgerError */.oy(`launch ${plan.launchId}: already recorded with a different plan`, {
                        hint: 'choose another --launch-id, or repeat the launch with exactly the same inputs',
                    });
            }
            for (const run of plan.runs) {
                const r = this.#sql(INSERT_RUN_SQL).run(run.id, plan.launchId, run.experiment, run.index, run.seed, JSON.stringify(run.params), JSON.stringify(run.resources), run.image ?? null, run.output, run.backend, at);
                if (r.changes === 1) {
                    this.#sql(INSERT_EVENT_SQL).run(run.id, at, null, 'CREATED', null);
                    continue;
                }
                const owner = this.#sql('SELECT launch_id FROM runs WHERE id = ?').get(run.id)?.launch_id;
                if (owner !== plan.launchId)
                    throw new ledger_errors/* LedgerError */.oy(`run ${run.id}: already recorded for launch ${String(owner)}, not ${plan.launchId}`);
            }
            return inserted.changes === 1;
        });
    }
    /**
     * Moves a run to `to` and records the event, in one transaction. Throws IllegalTransitionError
     * when the lifecycle table has no such edge from the run's current state (the row is left
     * unchanged) and NotFoundError for an unknown run. RUNNING sets `startedAt` the first time;
     * SUCCEEDED, FAILED and CANCELLED set `endedAt`.
     */
    transition(runId, to, fields = {}) {
        this.#transaction(() => {
            const from = this.#state(runId);
            // a caller acting on what it read earlier says so: a run that moved since is not touched
            if (fields.expect !== undefined && !fields.expect.includes(from))
                throw new ledger_errors/* IllegalTransitionError */.gZ(runId, from, to);
            if (!(0,ledger_states/* canTransition */.w)(from, to))
                throw new ledger_errors/* IllegalTransitionError */.gZ(runId, from, to);
            const at = this.#stamp();
            const changed = this.#sql(TRANSITION_SQL).run({
                id: runId,
                from,
                to,
                started_at: to === 'RUNNING' ? at : null,
                ended_at: (0,ledger_states/* isTerminal */.Hd)(to) ? at : null,
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
            });
            // BEGIN IMMEDIATE already serializes writers; the guard keeps the update honest on its own
            if (changed.changes !== 1)
                throw new ledger_errors/* IllegalTransitionError */.gZ(runId, this.#state(runId), to);
            const detail = JSON.stringify({ ...fields, expect: undefined, polled: undefined });
            this.#sql(INSERT_EVENT_SQL).run(runId, at, from, to, detail === '{}' ? null : detail);
        });
    }
    /**
     * Records what a poll saw of a run that did not change state: the backend's state word and
     * its reason (a PENDING job's `Resources` becoming `Priority`), and the time of the poll.
     * No event: events are state changes. A run that moved meanwhile is left alone (false).
     */
    observe(runId, state, seen) {
        return this.#transaction(() => {
            const r = this.#sql(`UPDATE runs SET native_state = COALESCE(?, native_state), reason = COALESCE(?, reason), polled_at = ?
         WHERE id = ? AND state = ?`).run(seen.nativeState ?? null, seen.reason ?? null, this.#stamp(), runId, state);
            return r.changes === 1;
        });
    }
    /**
     * Records a launch as another ledger last saw it (the record a check run keeps of a launch
     * whose ledger died with its workflow job): the launch, then each run with its state,
     * handle and results, in one transaction. Only into a ledger that does not hold the launch
     * yet (a LedgerError otherwise: this is not a merge). Each run gets one event, its arrival
     * in that state.
     */
    importLaunch(launch, runs) {
        this.#transaction(() => {
            if (this.#sql('SELECT 1 FROM launches WHERE id = ?').get(launch.id) !== undefined)
                throw new ledger_errors/* LedgerError */.oy(`launch ${launch.id}: already in this ledger; it is imported only into one without it`);
            this.createLaunch(launch.plan, {
                backend: launch.backend,
                config: launch.config,
                backendConfig: launch.backendConfig,
                github: launch.github,
            });
            const planned = new Set(launch.plan.runs.map(r => r.id));
            for (const r of runs) {
                if (!planned.has(r.id))
                    throw new ledger_errors/* LedgerError */.oy(`launch ${launch.id}: run ${r.id} is not in its plan`);
                this.#sql(`UPDATE runs SET state = ?, handle = ?, exit_code = ?, reason = ?, started_at = ?, ended_at = ?,
             metrics_json = ?, result_url = ?, attempt = ?, native_state = ?, links_json = ?, polled_at = ?,
             submitted_at = ?, image_digest = ?, created_at = ? WHERE id = ? AND launch_id = ?`).run(r.state, r.handle ?? null, r.exitCode ?? null, r.reason ?? null, r.startedAt ?? null, r.endedAt ?? null, json(r.metrics), r.resultUrl ?? null, r.attempt, r.nativeState ?? null, json(r.links), r.polledAt ?? null, r.submittedAt ?? null, r.imageDigest ?? null, r.createdAt, r.id, launch.id);
                if (r.state !== 'CREATED')
                    this.#sql(INSERT_EVENT_SQL).run(r.id, this.#stamp(), 'CREATED', r.state, JSON.stringify({ imported: true }));
            }
            this.#sql('UPDATE launches SET created_at = ?, status = ?, finished_at = ? WHERE id = ?').run(launch.createdAt, launch.status, launch.finishedAt ?? null, launch.id);
        });
    }
    /** Replaces what a launch row records besides its plan (its results root, its launcher). */
    setLaunchConfig(launchId, config) {
        this.#transaction(() => {
            const r = this.#sql('UPDATE launches SET config_json = ? WHERE id = ?').run(json(config), launchId);
            if (r.changes !== 1)
                throw new errors/* NotFoundError */.m_(`launch ${launchId}: not in the ledger`);
        });
    }
    getRun(runId) {
        const row = this.#sql('SELECT * FROM runs WHERE id = ?').get(runId);
        return row && toRun(row);
    }
    /** The launch's runs in plan order. */
    listRuns(launchId) {
        return this.#sql('SELECT * FROM runs WHERE launch_id = ? ORDER BY run_index, id').all(launchId).map(toRun);
    }
    getLaunch(launchId) {
        const row = this.#sql('SELECT * FROM launches WHERE id = ?').get(launchId);
        return row && toLaunch(row);
    }
    latestLaunch() {
        return this.listLaunches(1)[0];
    }
    /** The most recent launches first. */
    listLaunches(limit = 20) {
        return this.#sql('SELECT * FROM launches ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit).map(toLaunch);
    }
    /** The run's history, oldest first, starting with its creation. */
    events(runId) {
        return this.#sql('SELECT * FROM events WHERE run_id = ? ORDER BY id').all(runId).map(toEvent);
    }
    launchSummary(launchId) {
        const states = Object.fromEntries(ledger_states/* RUN_STATES */.vP.map(s => [s, 0]));
        let total = 0;
        for (const row of this.#sql('SELECT state, COUNT(*) AS n FROM runs WHERE launch_id = ? GROUP BY state').all(launchId)) {
            const n = Number(row.n);
            states[stateOf(row.state)] += n;
            total += n;
        }
        return { launchId, total, states };
    }
    /**
     * Sets the launch's status from its runs (see `launchStatus`) and, once no run is under way,
     * its `finishedAt`. Returns the status.
     */
    finishLaunch(launchId) {
        return this.#transaction(() => {
            if (this.#sql('SELECT 1 FROM launches WHERE id = ?').get(launchId) === undefined)
                throw new errors/* NotFoundError */.m_(`launch ${launchId}: not in the ledger`);
            const status = launchStatus(this.launchSummary(launchId).states);
            const finished = status === 'ACTIVE' ? null : this.#stamp();
            this.#sql('UPDATE launches SET status = ?, finished_at = COALESCE(finished_at, ?) WHERE id = ?').run(status, finished, launchId);
            return status;
        });
    }
    close() {
        if (this.#db.isOpen)
            this.#db.close();
    }
    #version() {
        return Number(this.#db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    }
    #migrate() {
        const version = () => this.#version();
        if (version() === SCHEMA_VERSION)
            return;
        this.#transaction(() => {
            const from = version(); // again, now that we hold the write lock: another process may have migrated
            if (from > SCHEMA_VERSION)
                throw new ledger_errors/* LedgerError */.oy(`${this.path}: ledger schema version ${from} is newer than this trainer's (${SCHEMA_VERSION})`, { hint: 'upgrade trainer-action, or point the ledger at a new file' });
            for (let v = from; v < SCHEMA_VERSION; v++) {
                this.#db.exec(MIGRATIONS[v]);
                this.#db.exec(`PRAGMA user_version = ${v + 1}`);
            }
        });
    }
    /**
     * One write transaction. Taking the write lock is retried while another process holds it
     * (each attempt waits the busy time-out), up to `busyTotalMs`; then a LedgerBusyError.
     */
    #transaction(fn) {
        if (this.readOnly)
            throw new ledger_errors/* LedgerError */.oy(`${this.path}: opened read-only`);
        // a write inside another (importLaunch's createLaunch) is part of it
        if (this.#db.isTransaction)
            return fn();
        busyRetry(this.path, this.#busyTotalMs, () => this.#db.exec('BEGIN IMMEDIATE'));
        try {
            const result = fn();
            this.#db.exec('COMMIT');
            return result;
        }
        catch (e) {
            if (this.#db.isTransaction)
                this.#db.exec('ROLLBACK');
            throw e;
        }
    }
    #state(runId) {
        const row = this.#sql('SELECT state FROM runs WHERE id = ?').get(runId);
        if (row === undefined)
            throw new errors/* NotFoundError */.m_(`run ${runId}: not in the ledger`);
        return stateOf(row.state);
    }
    #sql(text) {
        let statement = this.#statements.get(text);
        if (statement === undefined) {
            statement = this.#db.prepare(text);
            this.#statements.set(text, statement);
        }
        return statement;
    }
    #stamp() {
        return this.#now().toISOString();
    }
}
function json(value) {
    return value === undefined ? null : JSON.stringify(value);
}
function parse(value) {
    return typeof value === 'string' ? JSON.parse(value) : undefined;
}
/** The finite numbers of an object, under its own keys; {} for anything else. */
function finiteValues(value) {
    const out = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return out;
    for (const [k, v] of Object.entries(value))
        if (typeof v === 'number' && Number.isFinite(v))
            out[k] = v;
    return out;
}
/** The string values of an object, under its own keys; {} for anything else. */
function stringValues(value) {
    const out = {};
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return out;
    for (const [k, v] of Object.entries(value))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
function ledger_text(value) {
    return typeof value === 'string' ? value : String(value);
}
function optionalText(value) {
    return value === null || value === undefined ? undefined : ledger_text(value);
}
function optionalNumber(value) {
    return value === null || value === undefined ? undefined : Number(value);
}
function stateOf(value) {
    if (!(0,ledger_states/* isRunState */.DO)(value))
        throw new ledger_errors/* LedgerError */.oy(`unknown run state in the ledger: ${String(value)}`);
    return value;
}
function toRun(row) {
    return {
        id: ledger_text(row.id),
        launchId: ledger_text(row.launch_id),
        experiment: ledger_text(row.experiment),
        index: Number(row.run_index),
        seed: Number(row.seed),
        state: stateOf(row.state),
        params: parse(row.params_json),
        resources: parse(row.resources_json),
        image: optionalText(row.image),
        output: ledger_text(row.output),
        backend: ledger_text(row.backend),
        handle: optionalText(row.handle),
        exitCode: optionalNumber(row.exit_code),
        reason: optionalText(row.reason),
        createdAt: ledger_text(row.created_at),
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
    };
}
function toLaunch(row) {
    return {
        id: ledger_text(row.id),
        experiment: ledger_text(row.experiment),
        backend: ledger_text(row.backend),
        createdAt: ledger_text(row.created_at),
        finishedAt: optionalText(row.finished_at),
        status: ledger_text(row.status),
        plan: parse(row.plan_json),
        config: parse(row.config_json),
        backendConfig: parse(row.backend_json),
        github: parse(row.github_json),
    };
}
function toEvent(row) {
    return {
        id: Number(row.id),
        runId: ledger_text(row.run_id),
        at: ledger_text(row.at),
        from: row.from_state === null ? undefined : stateOf(row.from_state),
        to: stateOf(row.to_state),
        detail: parse(row.detail),
    };
}


/***/ }),

/***/ 48720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   QS: () => (/* binding */ LAUNCH_ID),
/* harmony export */   Vp: () => (/* binding */ experimentOf),
/* harmony export */   f$: () => (/* binding */ parseOverrides)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RUNS, gridPoints */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28315);



const DEFAULT_MAX_RUNS = 1000;
/** A launch id: letters, digits, `_ . -`, at most 100 (it names job directories and check runs). */
const LAUNCH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
/** The experiment named, or a ConfigError with the nearest name. */
function experimentOf(config, name) {
    const all = config.experiments ?? {};
    // own keys only: `exp=constructor` must not find Object.prototype.constructor
    const e = Object.hasOwn(all, name) ? all[name] : undefined;
    if (e)
        return e;
    const names = Object.keys(all);
    const guess = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .nearest */ .pA)(name, names);
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(names.length === 0
        ? `unknown experiment '${name}': trainer.yml defines no experiments`
        : `unknown experiment '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; experiments: ${names.join(', ')}`, { key: `experiments.${name}` });
}
/** Every combination of a grid, in a stable order (first key varies slowest). */
function gridPoints(grid) {
    let points = [{}];
    for (const [k, values] of Object.entries(grid))
        points = points.flatMap(p => values.map(v => ({ ...p, [k]: v })));
    return points;
}
const pad = (n, width) => String(n).padStart(width, '0');
/**
 * Materializes a launch: experiment defaults, overrides, the sweep grid (minus its
 * exclusions), and per-run seeds, into fully resolved runs with stable ids. Nothing
 * downstream reads trainer.yml again.
 */
function buildPlan(config, o) {
    const name = o.experiment;
    const exp = experimentOf(config, name);
    const defaults = exp.params ?? {};
    const swept = { ...exp.sweep?.grid };
    for (const [k, values] of Object.entries(o.sweep ?? {})) {
        if (!Object.hasOwn(defaults, k) && !Object.hasOwn(swept, k)) {
            const valid = [...new Set([...Object.keys(defaults), ...Object.keys(swept)])];
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' is not a parameter of '${name}'; parameters: ${valid.join(', ')}`, {
                key: 'sweep',
            });
        }
        if (values.length === 0)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' has no values`, { key: 'sweep' });
        swept[k] = values;
    }
    const types = exp['param-types'] ?? {};
    const { params: base, applied } = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .applyOverrides */ .iu)(name, defaults, o.overrides ?? {}, Object.keys(swept), types);
    // An override of a swept parameter pins it: that dimension collapses to the override.
    // Sweep values take the parameter's type like overrides do.
    const grid = Object.fromEntries(Object.entries(swept)
        .filter(([k]) => !(k in applied))
        .map(([k, values]) => [k, values.map(v => (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .coerce */ .au)(k, v, defaults[k], `sweep of '${name}'`, types[k]))]));
    const exclude = exp.sweep?.exclude ?? [];
    const points = gridPoints(grid).filter(p => !exclude.some(x => Object.entries(x).every(([k, v]) => k in p && p[k] === v)));
    if (points.length === 0) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`the sweep of '${name}' expands to zero runs: every combination is excluded`, {
            key: `experiments.${name}.sweep`,
        });
    }
    if (o.seeds !== undefined && o.runs !== undefined && o.runs !== o.seeds.length)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`runs: ${o.runs} runs per point, but ${o.seeds.length} seeds given: give one or the other`, {
            key: 'runs',
        });
    const seeds = o.seeds?.length ? o.seeds : exp.seeds;
    const replicates = o.runs ?? (o.seeds?.length || undefined) ?? exp.runs ?? (exp.seeds?.length || 1);
    const total = points.length * replicates;
    const max = o.maxRuns ?? config.launch?.['max-runs'] ?? DEFAULT_MAX_RUNS;
    if (total > max) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`'${name}' expands to ${total} runs (${points.length} sweep points × ${replicates} runs), over the limit of ${max}`, { key: 'launch.max-runs' }, { hint: 'Narrow the sweep, or raise launch.max-runs in trainer.yml (or --max-runs).' });
    }
    const rule = {
        seeds,
        explicit: o.seed,
        preferConfig: o.preferConfigSeed ?? exp['prefer-config-seed'] ?? true,
    };
    const width = Math.max(3, String(total - 1).length);
    const backend = o.backend ?? exp.backend ?? 'local';
    const runs = [];
    let index = 0;
    for (const point of points) {
        for (let r = 0; r < replicates; r++) {
            const { seed } = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .selectSeed */ .Sq)(name, r, rule);
            runs.push({
                experiment: name,
                index,
                seed,
                params: { ...base, ...point },
                overrides: { ...applied, ...point },
                point,
                resources: exp.resources ?? {},
                command: exp.command,
                argsStyle: exp['args-style'] ?? 'container-main',
                image: o.image,
                output: `${name}/runs/${pad(index, width)}`,
                outputs: exp.outputs ?? [],
                env: exp.env ?? [],
                backend,
            });
            index++;
        }
    }
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(runs)).digest('hex');
    const launchId = o.launchId ?? defaultLaunchId(name, digest, (o.now ?? (() => new Date()))());
    if (!LAUNCH_ID.test(launchId)) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`launch id '${launchId}' is invalid: letters, digits, _ . - (at most 100)`, {
            key: 'launch-id',
        });
    }
    return { launchId, experiment: name, runs: runs.map(r => ({ id: `${launchId}.${pad(r.index, width)}`, ...r })) };
}
/**
 * `<experiment>-<UTC time>-<plan digest>-<random>`: the time and digest say when and what,
 * the random part makes every launch attempt its own, so two identical launches started in
 * the same second never merge. A deliberate re-launch passes `--launch-id`.
 */
function defaultLaunchId(experiment, digest, now) {
    const t = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    return `${experiment.replace(/[^A-Za-z0-9_.-]/g, '-')}-${t}-${digest.slice(0, 6)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}
/**
 * Parses `key=value` words (a `/train` comment, CLI positionals, lines of the `overrides`
 * input) into overrides. Each word is one override: everything after the first `=` is the
 * value, commas and further `=` included, so `name=a,lr=5` sets `name` to `a,lr=5` and
 * never `lr`. A key given twice is an error rather than a silent last-one-wins.
 */
function parseOverrides(words) {
    const out = Object.create(null);
    for (const w of words) {
        const i = w.indexOf('=');
        if (i <= 0)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`'${w}' is not key=value`, { key: w });
        const key = w.slice(0, i).trim();
        const value = w.slice(i + 1);
        if (value.includes('\0'))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${key}: the value contains a NUL byte`, { key });
        if (Object.hasOwn(out, key))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${key} is given twice ('${key}=${out[key]}' and '${w}')`, { key });
        out[key] = value;
    }
    return out;
}


/***/ }),

/***/ 28315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ normKey),
/* harmony export */   Sq: () => (/* binding */ selectSeed),
/* harmony export */   au: () => (/* binding */ coerce),
/* harmony export */   iu: () => (/* binding */ applyOverrides),
/* harmony export */   pA: () => (/* binding */ nearest)
/* harmony export */ });
/* unused harmony exports distance, paramType, fallbackSeed */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);


/** Edit distance, for "did you mean" suggestions. */
function distance(a, b) {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = d[0];
        d[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = d[j];
            d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return d[b.length];
}
/** The closest of `choices` to `name`, when it is close enough to be a typo. */
function nearest(name, choices) {
    let best;
    let bestD = Infinity;
    for (const c of choices) {
        const dd = distance(name.toLowerCase(), c.toLowerCase());
        if (dd < bestD)
            [best, bestD] = [c, dd];
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
/** Parameter names match across `_` and `-` (seed 000: `--override-batch-size` sets `batch_size`). */
const normKey = (k) => k.replace(/-/g, '_');
/** The type a parameter keeps: declared, else its default's (a whole number is an int). */
function paramType(dflt, declared) {
    if (declared)
        return declared;
    if (typeof dflt === 'boolean')
        return 'bool';
    if (typeof dflt === 'string')
        return 'string';
    if (typeof dflt === 'number')
        return Number.isInteger(dflt) ? 'int' : 'float';
    return undefined;
}
const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Coerces an override (text from a command line, or a typed YAML value of a sweep) to the
 * parameter's type, which it must keep: an int takes whole numbers in decimal, a float
 * decimal or exponent notation, a bool true or false. `0x10`, `1_000`, `2.5` for an int, or
 * `inf`, are errors at plan time. Without a default or declared type, numbers and booleans
 * are recognised.
 */
function coerce(key, raw, dflt, where, declared) {
    const type = paramType(dflt, declared);
    const shown = dflt === undefined ? '' : ` (default ${String(dflt)})`;
    const bad = (what) => new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`${where}: ${key}=${String(raw)} is not ${what}${shown}`, { key });
    if (typeof raw !== 'string') {
        if (type === 'int' && !(typeof raw === 'number' && Number.isInteger(raw)))
            throw bad('a whole number');
        if (type === 'float' && typeof raw !== 'number')
            throw bad('a number');
        if (type === 'bool' && typeof raw !== 'boolean')
            throw bad('true or false');
        if (type === 'string')
            return String(raw);
        return raw;
    }
    const v = raw.trim();
    switch (type) {
        case 'int':
            if (!INT_TEXT.test(v) || !Number.isSafeInteger(Number(v)))
                throw bad('a whole number');
            return Number(v);
        case 'float':
            if (!FLOAT_TEXT.test(v) || !Number.isFinite(Number(v)))
                throw bad('a number');
            return Number(v);
        case 'bool':
            if (v === 'true' || v === 'True')
                return true;
            if (v === 'false' || v === 'False')
                return false;
            throw bad('true or false');
        case 'string':
            return raw;
        case undefined:
            if (FLOAT_TEXT.test(v))
                return Number(v);
            if (v === 'true' || v === 'false')
                return v === 'true';
            return raw;
    }
}
/** seed 000's deterministic fallback seed: derived from the experiment name and run index. */
function fallbackSeed(experiment, index) {
    return parseInt((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${experiment}/${index}`).digest('hex').slice(0, 8), 16) % 2 ** 31;
}
/**
 * Seed selection, exactly as seed 000 says: `seeds[run_index]` when present; an
 * explicit seed overrides; `prefer-config-seed: false` forces the explicit seed or a
 * deterministic fallback.
 */
function selectSeed(experiment, runIndex, rule) {
    if (rule.explicit !== undefined)
        return { seed: rule.explicit, source: 'explicit' };
    const fromConfig = rule.preferConfig ? rule.seeds?.[runIndex] : undefined;
    if (fromConfig !== undefined)
        return { seed: fromConfig, source: 'config' };
    return { seed: fallbackSeed(experiment, runIndex), source: 'fallback' };
}
/**
 * Experiment defaults, then this launch's overrides. Unknown keys are an error that
 * lists the valid ones.
 */
function applyOverrides(experiment, defaults, overrides, extraKeys = [], types = {}) {
    const params = { ...defaults };
    const applied = {};
    const valid = [...new Set([...Object.keys(defaults), ...extraKeys])];
    const byNorm = new Map(valid.map(k => [normKey(k), k]));
    const given = new Map();
    for (const [rawKey, raw] of Object.entries(overrides)) {
        const key = byNorm.get(normKey(rawKey));
        const twice = key === undefined ? undefined : given.get(key);
        if (twice !== undefined)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${key} is given twice (as '${twice}' and '${rawKey}')`, { key: rawKey });
        if (key !== undefined)
            given.set(key, rawKey);
        if (key === undefined) {
            const guess = nearest(rawKey, valid);
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`experiment '${experiment}' has no parameter '${rawKey}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`, { key: rawKey });
        }
        const v = coerce(key, raw, defaults[key], `override for '${experiment}'`, types[key]);
        params[key] = v;
        applied[key] = v;
    }
    return { params, applied };
}


/***/ })

};
