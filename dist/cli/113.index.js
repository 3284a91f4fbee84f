export const id = 113;
export const ids = [113];
export const modules = {

/***/ 6113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERSION: () => (/* binding */ VERSION),
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/report/results.ts
var results = __webpack_require__(98940);
;// CONCATENATED MODULE: ./src/cli/progress.ts
/**
 * Progress of a launch on a terminal: one live line (queued, running, done, failed,
 * elapsed); when not a terminal, one plain line per state change.
 */
function progressReporter(stream, now = Date.now) {
    const t0 = now();
    const state = new Map();
    const elapsed = () => {
        const s = Math.floor((now() - t0) / 1000);
        return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    };
    return (e, plan) => {
        state.set(e.run.id, e.state);
        if (!stream.isTTY) {
            if (e.state === 'STARTING')
                return;
            const done = [...state.values()].filter(x => !['STARTING', 'RUNNING'].includes(x)).length;
            const point = Object.entries(e.run.point)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(' ');
            stream.write(`[${elapsed()}] ${e.run.id} ${e.state} (${done}/${plan.runs.length} done${point ? `; ${point}` : ''}; seed ${e.run.seed})` +
                `${e.detail ? `\n${e.detail.replace(/^/gm, '    ')}` : ''}\n`);
            return;
        }
        const n = (pred) => [...state.values()].filter(pred).length;
        const done = n(s => s === 'SUCCEEDED');
        const failed = n(s => s === 'FAILED' || s === 'ERROR');
        const cancelled = n(s => s === 'CANCELLED');
        const running = n(s => s === 'STARTING' || s === 'RUNNING');
        const unrecorded = n(s => s === 'UNRECORDED');
        const queued = plan.runs.length - done - failed - cancelled - running - unrecorded;
        const line = `${plan.launchId}: ${queued} queued, ${running} running, ${done} done, ${failed} failed${cancelled ? `, ${cancelled} cancelled` : ''}${unrecorded ? `, ${unrecorded} not recorded (ledger busy)` : ''}, ${elapsed()}`;
        stream.write(`\r\x1b[2K${line}`);
        if (e.state === 'FAILED' && e.detail)
            stream.write(`\r\x1b[2K${e.run.id} failed:\n${e.detail.replace(/^/gm, '    ')}\n${line}`);
        if (queued === 0 && running === 0)
            stream.write('\n');
    };
}

// EXTERNAL MODULE: ./src/report/text-table.ts
var text_table = __webpack_require__(42906);
;// CONCATENATED MODULE: ./src/cli/tables.ts

const secs = (r) => {
    if (!r.startedAt)
        return '';
    const end = r.endedAt ? Date.parse(r.endedAt) : Date.now();
    return `${((end - Date.parse(r.startedAt)) / 1000).toFixed(1)}s`;
};
/** The runs of a launch as a terminal table: id, state, the swept parameters, seed, exit code, duration, final metrics. */
function runsTable(runs, swept = []) {
    const metricKeys = [...new Set(runs.flatMap(r => Object.keys(r.metrics)))].sort().slice(0, 4);
    const head = ['run', 'state', ...swept, 'seed', 'exit', 'time', ...metricKeys, 'reason'];
    const rows = runs.map(r => {
        const m = r.metrics;
        return [
            r.id,
            // the backend's own word where it says more (QUEUED (PENDING), FAILED (TIMEOUT))
            r.nativeState && !r.state.startsWith(r.nativeState) ? `${r.state} (${r.nativeState})` : r.state,
            ...swept.map(k => (k in r.params ? String(r.params[k]) : '')),
            String(r.seed),
            r.exitCode === undefined ? '' : String(r.exitCode),
            secs(r),
            ...metricKeys.map(k => (m[k] === undefined ? '' : String(+m[k].toPrecision(4)))),
            r.reason ?? '',
        ];
    });
    return (0,text_table/* textTable */.e)(head, rows);
}
/** A plan as a terminal table. */
function planTable(p) {
    const keys = [...new Set(p.runs.flatMap(r => Object.keys(r.overrides)))];
    return [
        `${p.experiment}: ${p.runs.length} run${p.runs.length === 1 ? '' : 's'} (launch ${p.launchId})`,
        (0,text_table/* textTable */.e)(['run', 'seed', ...keys], p.runs.map(r => [r.id, String(r.seed), ...keys.map(k => String(r.params[k]))])),
    ].join('\n');
}

// EXTERNAL MODULE: ./src/kit/github.ts
var github = __webpack_require__(60369);
;// CONCATENATED MODULE: ./src/kit/io.ts
/** Shared `onClose`/`close` bookkeeping for the IO implementations. */
class Closers {
    fns = [];
    add(fn) {
        this.fns.push(fn);
    }
    async run() {
        const fns = this.fns.splice(0).reverse();
        for (const fn of fns) {
            try {
                await fn();
            }
            catch {
                // closing is best-effort
            }
        }
    }
}
/**
 * The same IO with some inputs given (an action that runs another's code with values it
 * decided: the launch action hands the image it built to the launch). Everything else is `io`'s.
 */
function withInputs(io, given) {
    return {
        input: name => (Object.hasOwn(given, name) ? given[name] : io.input(name)),
        setOutput: (name, value) => io.setOutput(name, value),
        saveState: (name, value) => io.saveState(name, value),
        getState: name => io.getState(name),
        summary: markdown => io.summary(markdown),
        setSecret: value => io.setSecret(value),
        log: io.log,
        env: io.env,
        workspace: io.workspace,
        github: () => io.github(),
        now: () => io.now(),
        onClose: fn => io.onClose(fn),
        close: () => io.close(),
        setFailed: (message, where) => io.setFailed(message, where),
    };
}

;// CONCATENATED MODULE: ./src/kit/console-io.ts



/** `file:line:col: ` before a message, unless the message already starts with the file. */
function at(where, message) {
    if (where?.file === undefined)
        return '';
    const pos = `${where.file}${where.line === undefined ? '' : `:${where.line}`}${where.col === undefined ? '' : `:${where.col}`}`;
    return message.startsWith(`${where.file} `) || message.startsWith(`${pos}:`) ? '' : `${pos}: `;
}
/** The ActionIO of the `trainer` CLI: inputs from flags, logs on stderr, outputs kept in memory. */
function consoleIO(o) {
    const closers = new Closers();
    const secrets = [];
    // longest first: a secret that contains a shorter one is masked whole
    const mask = (s) => [...secrets].sort((a, b) => b.length - a.length).reduce((acc, x) => acc.split(x).join('***'), s);
    const write = o.write ?? ((line) => process.stderr.write(line + '\n'));
    const out = (line) => write(mask(line));
    const env = o.env ?? process.env;
    const outputs = {};
    const state = {};
    let depth = '';
    return {
        outputs,
        input: name => o.inputs[name] ?? '',
        setOutput: (name, value) => {
            outputs[name] = String(value);
        },
        saveState: (name, value) => {
            state[name] = value;
        },
        getState: name => state[name] ?? '',
        summary: md => {
            if (env.TRAINER_SUMMARY_FILE)
                (0,external_node_fs_.appendFileSync)(env.TRAINER_SUMMARY_FILE, md + '\n');
            return Promise.resolve();
        },
        setSecret: value => {
            if (value)
                secrets.push(value);
        },
        log: {
            debug: m => {
                if (o.verbose)
                    out(`${depth}debug: ${m}`);
            },
            info: m => out(depth + m),
            warning: (m, where) => out(`${depth}warning: ${at(where, m)}${m}`),
            error: (m, where) => out(`${depth}error: ${at(where, m)}${m}`),
            group: async (name, fn) => {
                out(`${depth}▸ ${name}`);
                const prev = depth;
                depth += '  ';
                try {
                    return await fn();
                }
                finally {
                    depth = prev;
                }
            },
        },
        env,
        workspace: o.cwd ?? process.cwd(),
        github: () => (0,github/* githubRun */.p)(env),
        now: () => new Date(),
        onClose: fn => closers.add(fn),
        close: () => closers.run(),
        setFailed: (m, where) => {
            out(`error: ${m}`);
            // runAction passes a location only for configuration errors: seed 000's exit code 2
            process.exitCode = where === undefined ? 1 : 2;
        },
    };
}

// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/proc.ts
var proc = __webpack_require__(11642);
// EXTERNAL MODULE: ./src/kit/safe-fs.ts
var safe_fs = __webpack_require__(63131);
;// CONCATENATED MODULE: ./src/kit/run-action.ts

/**
 * The one outer guard of every action and CLI verb: runs `fn`, turns errors into
 * a failed step with one clear message (and an annotation for config errors), and
 * always releases resources so Node exits on its own.
 */
async function runAction(name, fn, io) {
    try {
        return await fn(io);
    }
    catch (e) {
        if (e instanceof errors/* ConfigError */.xL) {
            io.setFailed(`${name}: ${e.located()}${e.hint ? `\n${e.hint}` : ''}`, e.where);
        }
        else if (e instanceof errors/* BuildError */.zS) {
            if (e.output)
                io.log.error(e.output);
            io.setFailed(`${name}: ${e.message}`);
        }
        else {
            const err = (0,errors/* wrapError */.J4)(e);
            if (!(0,errors/* isUserError */.iU)(e) && err.stack)
                io.log.debug(err.stack);
            const hint = e instanceof errors/* TrainerError */.e0 && e.hint ? `\n${e.hint}` : '';
            io.setFailed(`${name}: ${(0,errors/* getErrorMessage */.u1)(e)}${hint}`);
        }
        return undefined;
    }
    finally {
        await io.close();
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts












const VERSION = '0.1.0';
/** The CLI's own flags, on every verb. */
const COMMON = {
    json: { type: 'boolean' },
    cwd: { type: 'string', short: 'C' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
};
/**
 * A verb's flags: one per input of its schema, under the input's name (a switch for a boolean, a
 * repeatable flag for a list: see inputFlags), less the inputs given another way (`omit`), plus
 * the common flags and the verb's `own` (short names, flags that stand for an input). The schema
 * is the verb's code, which loads only when that verb is used.
 */
function flags(schema, own = {}, omit = []) {
    return async () => {
        const [kit, s] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(127)]).then(__webpack_require__.bind(__webpack_require__, 67127)), schema()]);
        return { ...kit.inputFlags(s, omit), ...COMMON, ...own };
    };
}
/** Plan and launch: the overrides are key=value words, and --no-prefer-config-seed turns prefer-config-seed off. */
const PLAN_FLAGS = { experiment: { type: 'string', short: 'e' }, 'no-prefer-config-seed': { type: 'boolean' } };
const PLAN_OMIT = ['overrides', 'prefer-config-seed'];
const PLAN_DETAILS = [
    '  exp=NAME              the experiment in trainer.yml (also -e NAME)',
    "  key=value             a parameter override, one per word; it keeps the parameter's type",
    '  --seed S              one explicit seed for every run',
    "  --no-prefer-config-seed  ignore the experiment's seeds (explicit or derived seeds)",
    '  --launch-id ID        name the launch (the same id and inputs again resume it)',
    '  --max-runs N          refuse a plan of more than N runs (default launch.max-runs, 1000)',
    '  --backend NAME        local (default), local-docker, or a backend of trainer.yml backends: (slurm)',
    "  --image REF           the image for local-docker (default: the image pipeline's tag)",
].join('\n');
const LEDGER_DETAILS = '  --ledger FILE         the ledger (default launch.ledger, else .trainer/ledger.db)';
const VERBS = {
    hash: {
        summary: 'hash the files listed in .image-manifest; print the image tag',
        usage: 'trainer hash [--manifest FILE] [--config FILE] [--tag-length N] [--include-worktree]\n' +
            '             [--check [--name NAME] [--registry HOST/PREFIX]] [--json]',
        details: '  --check               also ask the registry whether the image with this tag is there (logged; exit 0\n' +
            '                        either way; the action outputs image and exists)',
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(6), __webpack_require__.e(956), __webpack_require__.e(692), __webpack_require__.e(104)]).then(__webpack_require__.bind(__webpack_require__, 96591))).HashInputs),
        // each verb's code loads only when it runs: `trainer hash` never loads the ledger or dockerode
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(6), __webpack_require__.e(956), __webpack_require__.e(692), __webpack_require__.e(104)]).then(__webpack_require__.bind(__webpack_require__, 96591))).hash(io),
        json: (r) => ({ hash: r.hash, tag: r.tag, files: r.files.map(f => f.path) }),
        human: (r) => r.tag,
    },
    build: {
        summary: 'build and push the training image, only when its tag is not in the registry',
        usage: 'trainer build [--name NAME[:TAG]] [--registry HOST/PREFIX] [--tag TAG] [--dockerfile FILE] [--context DIR]\n' +
            '              [--build-arg K=V ...] [--platform OS/ARCH] [--username U --password-stdin]\n' +
            '              [--auth-realms HOST ...] [--builder auto|buildx|classic] [--cache true|false|registry|gha]\n' +
            '              [--force] [--json]',
        // the password only from stdin (or TRAINER_REGISTRY_PASSWORD), never in argv; build args as docker's --build-arg
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(6), __webpack_require__.e(472), __webpack_require__.e(118), __webpack_require__.e(830), __webpack_require__.e(40), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(718), __webpack_require__.e(36), __webpack_require__.e(956), __webpack_require__.e(692), __webpack_require__.e(957), __webpack_require__.e(674)]).then(__webpack_require__.bind(__webpack_require__, 67674))).BuildInputs, { 'build-arg': { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' } }, ['build-args', 'password']),
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(6), __webpack_require__.e(472), __webpack_require__.e(118), __webpack_require__.e(830), __webpack_require__.e(40), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(718), __webpack_require__.e(36), __webpack_require__.e(956), __webpack_require__.e(692), __webpack_require__.e(957), __webpack_require__.e(674)]).then(__webpack_require__.bind(__webpack_require__, 67674))).build(io),
        json: (r) => ({
            image: r.ref.full,
            tag: r.ref.tag,
            digest: r.digest ?? null,
            built: r.built,
            hash: r.hash.hash,
        }),
        human: (r) => r.ref.full,
    },
    plan: {
        summary: 'show the runs an experiment expands to (parameters, seeds, sweep), without launching',
        usage: 'trainer plan exp=NAME [key=value ...] [--seed S] [--no-prefer-config-seed] [--launch-id ID] [--max-runs N]\n' +
            '             [--backend NAME [--show-script]] [--json]',
        details: [
            PLAN_DETAILS,
            '  --show-script         print the job script a Slurm backend would submit (nothing is submitted)',
        ].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(568)]).then(__webpack_require__.bind(__webpack_require__, 17568))).PlanOnlyInputs, PLAN_FLAGS, PLAN_OMIT),
        positionals: 'overrides',
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(568)]).then(__webpack_require__.bind(__webpack_require__, 17568))).plan(io),
        json: (r) => r,
        human: (r) => (r.script === undefined ? planTable(r) : r.script.trimEnd()),
    },
    launch: {
        summary: 'run an experiment: plan it, run each run here, record every state in the ledger',
        usage: 'trainer launch exp=NAME [key=value ...] [--backend NAME] [--image REF] [-j N] [--seed S] [--detach]\n' +
            '              [--launch-id ID] [--results-root DIR] [--ledger FILE] [--grace-period SECONDS]\n' +
            '              [--wait-timeout SECONDS] [--report] [--json]',
        details: [
            PLAN_DETAILS,
            '  -j, --parallel N      runs at a time (default launch.parallel, 2)',
            '  --results-root DIR    where runs write (default launch.results-root, results); each launch',
            '                        gets <DIR>/<launch-id>/<experiment>/runs/<NNN>',
            LEDGER_DETAILS,
            '  --grace-period S      seconds a stopped run gets to checkpoint before it is killed (30)',
            '  --detach              return once the runs are submitted (a local launch gets a launcher of its',
            '                        own, logging to <results>/<launch-id>/launcher.log); prints the launch id',
            '  --wait-timeout S      stop waiting for a remote launch after S seconds (its runs go on)',
            '  --report              in a GitHub Actions step (GITHUB_TOKEN): the check run and PR comment follow',
            '                        the launch, from queued to the final table',
            'Ctrl-C cancels queued runs and stops running ones; trainer status --refresh moves a detached',
            'launch on, and settles one whose launcher was killed.',
        ].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36)]).then(__webpack_require__.bind(__webpack_require__, 97036))).LaunchInputs, { ...PLAN_FLAGS, parallel: { type: 'string', short: 'j' } }, [...PLAN_OMIT, 'github-token']),
        positionals: 'overrides',
        run: async (io) => {
            const { launch } = await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36)]).then(__webpack_require__.bind(__webpack_require__, 97036));
            process.once('SIGINT', () => process.stderr.write('\nstopping: queued runs are cancelled, running ones get their grace period to checkpoint\n'));
            return launch(io, {
                // the runner's own bundle beside this one: a third of the CLI's start-up, per run
                runner: [process.execPath, (0,external_node_path_.join)((0,external_node_path_.dirname)(process.argv[1]), '..', 'run', 'index.js')],
                runnerDir: (0,external_node_path_.join)((0,external_node_path_.dirname)(process.argv[1]), '..', 'run'),
                signals: process,
                progress: progressReporter(process.stderr),
                detach: detachedLauncher,
            });
        },
        json: (r) => ({
            launch: r.plan.launchId,
            status: r.status,
            runs: r.runs,
            results: r.summaries,
        }),
        human: (r) => r.detached
            ? r.plan.launchId
            : `${(0,results/* resultsTable */.r)(r.summaries)}\n\nlaunch ${r.plan.launchId}: ${r.status} (see it again: ${seeAgain(r.plan.launchId, r.ledger)}${r.runs[0]?.backend === 'local' || r.runs[0]?.backend === 'local-docker' ? `; results in ${(0,external_node_path_.relative)(process.cwd(), r.resultsRoot) || '.'}` : ''})`,
        exitCode: (r) => r.detached ? 0 : r.status === 'SUCCEEDED' ? 0 : r.status === 'CANCELLED' ? 130 : 1,
    },
    status: {
        summary: 'the runs of a launch (default: the latest) and their results; --refresh settles runs whose launcher is gone',
        usage: 'trainer status [LAUNCH-ID] [--refresh] [--ledger FILE] [--json]',
        details: [
            '  LAUNCH-ID             default: the latest launch',
            '  --refresh             ask the backend where each run stands (Slurm: one squeue); settle runs',
            '                        whose launcher is gone from what they left on disk',
            LEDGER_DETAILS,
        ].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(101)]).then(__webpack_require__.bind(__webpack_require__, 75101))).StatusInputs, {}, ['id']),
        positionals: 'id',
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(101)]).then(__webpack_require__.bind(__webpack_require__, 75101))).status(io),
        json: (r) => r,
        human: (r) => `launch ${r.launch.id} (${r.launch.experiment}, ${r.launch.backend}): ${r.launch.status}\n\n${runsTable(r.runs, sweptKeys(r.launch.plan))}\n\n${(0,results/* resultsTable */.r)(r.summaries)}`,
    },
    logs: {
        summary: "print a run's training output (its logs.txt)",
        usage: 'trainer logs RUN-ID [--ledger FILE]',
        details: ['  RUN-ID                <launch-id>.<NNN>, as trainer status lists them', LEDGER_DETAILS].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(101)]).then(__webpack_require__.bind(__webpack_require__, 75101))).LedgerInputs, {}, ['id']),
        positionals: 'id',
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(101)]).then(__webpack_require__.bind(__webpack_require__, 75101))).logs(io),
        json: (r) => ({ logs: r }),
        human: (r) => r.replace(/\n$/, ''),
    },
    cancel: {
        summary: 'cancel a launch: queued runs are cancelled, running ones stopped',
        usage: 'trainer cancel LAUNCH-ID [--ledger FILE]',
        details: [
            '  queued runs are cancelled; running ones get SIGTERM (after a check that the process is',
            '  still theirs) and their grace period to checkpoint',
            LEDGER_DETAILS,
        ].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(101)]).then(__webpack_require__.bind(__webpack_require__, 75101))).LedgerInputs, {}, ['id']),
        positionals: 'id',
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(101)]).then(__webpack_require__.bind(__webpack_require__, 75101))).cancel(io),
        json: (r) => r,
        human: (r) => `${r.launch}: ${r.cancelled} cancelled, ${r.stopping} stopping`,
    },
    report: {
        summary: "report a launch: check run, sticky PR comment and job summary on GitHub; the report's file here",
        usage: 'trainer report [LAUNCH-ID] [--publish check,comment,summary] [--report-file FILE] [--ledger FILE]',
        details: [
            '  LAUNCH-ID             default: the latest launch',
            '  --publish LIST        where it goes (default check, comment, summary); outside a workflow step',
            '                        (GITHUB_ACTIONS, GITHUB_REPOSITORY, GITHUB_TOKEN) only the file is written',
            '  --report-file FILE    the full report (default <results>/<launch-id>/report-<launch-id>.md)',
            LEDGER_DETAILS,
        ].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(167), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(836), __webpack_require__.e(487), __webpack_require__.e(434)]).then(__webpack_require__.bind(__webpack_require__, 94434))).ReportInputs, {}, ['id', 'github-token']),
        positionals: 'id',
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(167), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(36), __webpack_require__.e(836), __webpack_require__.e(487), __webpack_require__.e(434)]).then(__webpack_require__.bind(__webpack_require__, 94434))).report(io),
        json: (r) => ({
            launch: r.model.launchId,
            conclusion: r.rendered.conclusion ?? 'pending',
            file: r.file,
            ...r.published,
        }),
        human: (r) => [
            `${r.rendered.title}`,
            `report: ${r.file}`,
            ...(r.published.checkRunUrl ? [`check run: ${r.published.checkRunUrl}`] : []),
            ...(r.published.commentUrl ? [`comment: ${r.published.commentUrl}`] : []),
        ].join('\n'),
    },
    reconcile: {
        summary: "bring the reports of launches that outlived their workflow job up to date (GitHub's check runs)",
        usage: 'trainer reconcile [--max-age-hours N] [--max-refs N] [--head-sha SHA] [--cancel LAUNCH-ID|all] [--dry-run]',
        details: [
            '  finds the unfinished launch check runs of GITHUB_REPOSITORY (token: GITHUB_TOKEN), polls',
            "  their runs' backends (declared in this trainer.yml) and updates each check run and PR comment",
            '  --max-age-hours N     search the commits of workflow runs of the last N hours (default 72)',
            '  --max-refs N          at most N commits, one request each (default 60)',
            "  --head-sha SHA        only this commit's launches",
            '  --cancel ID|all       cancel that launch (all: every unfinished one on --head-sha) and report it',
            '  --dry-run             poll and say what would be published; write nothing to GitHub',
        ].join('\n'),
        options: flags(async () => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(167), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(836), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 41095))).ReconcileInputs, {}, ['github-token']),
        run: async (io) => (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(167), __webpack_require__.e(805), __webpack_require__.e(713), __webpack_require__.e(836), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 41095))).reconcile(io),
        json: (r) => r,
        human: (r) => [
            `${r.launches.length} unfinished launches; ${r.requests} GitHub API requests`,
            ...r.launches.map(l => `${l.launch} ${l.experiment}: ${l.cancelled ? 'cancel sent, ' : ''}${l.action}${l.conclusion ? ` (${l.conclusion})` : ''}: ${l.why}`),
        ].join('\n'),
    },
};
/**
 * Starts the launcher of a detached local launch: this same command again, without --detach
 * and with the launch id, in a session of its own (a closed terminal does not stop it), its
 * output in `<results root>/<launch id>/launcher.log`. Returns its identity, which the ledger
 * records as the launch's owner.
 */
async function detachedLauncher(launchId, root) {
    // this command's own words, less --detach and any --launch-id (the id is given below)
    const args = [];
    const own = process.argv.slice(2);
    for (let i = 0; i < own.length; i++) {
        if (own[i] === '--detach' || own[i].startsWith('--launch-id='))
            continue;
        if (own[i] === '--launch-id')
            i++;
        else
            args.push(own[i]);
    }
    await (0,safe_fs/* makeDirs */.X2)(root);
    const log = (0,external_node_fs_.openSync)((0,external_node_path_.join)(root, 'launcher.log'), 'a', 0o600);
    const child = (0,external_node_child_process_.spawn)(process.execPath, [process.argv[1], ...args, '--launch-id', launchId], {
        cwd: process.cwd(),
        detached: true,
        stdio: ['ignore', log, log],
    });
    (0,external_node_fs_.closeSync)(log);
    await new Promise((res, rej) => {
        child.once('spawn', res);
        child.once('error', rej);
    });
    child.unref();
    return (0,proc/* identify */.ls)(child.pid);
}
/**
 * The `trainer status` command that finds this launch from where the user stands: the
 * ledger is only found by default from the workspace it was made in.
 */
function seeAgain(launchId, ledger) {
    const rel = (0,external_node_path_.relative)(process.cwd(), ledger);
    return rel === (0,external_node_path_.join)('.trainer', 'ledger.db')
        ? `trainer status ${launchId}`
        : `trainer status ${launchId} --ledger ${rel.includes(' ') ? JSON.stringify(rel) : rel}`;
}
/** The parameters a launch's sweep varies, in plan order. */
function sweptKeys(plan) {
    return [...new Set(plan.runs.flatMap(r => Object.keys(r.point)))];
}
function help() {
    const verbs = [
        ...Object.entries(VERBS).map(([k, v]) => `  ${k.padEnd(8)} ${v.summary}`),
        `  run      run one training run in a container (seed 000's container_main.py): trainer run --help`,
    ];
    return [
        `trainer ${VERSION}: GitHub Actions as the control plane for ML training`,
        '',
        'Usage: trainer <command> [options]',
        '',
        'Commands:',
        ...verbs,
        '',
        'Common options:',
        '  -C, --cwd DIR         run as if started in DIR',
        '  --config FILE         trainer.yml to use (default: ./trainer.yml when present)',
        '  --json                machine-readable output on stdout',
        '  -v, --verbose         debug logging',
        '',
        'Run `trainer <command> --help` for the options of one command.',
    ].join('\n');
}
/** Flags become the action's inputs, under the same kebab-case names. */
function toInputs(values, stdin, positionals = [], mode = 'overrides') {
    const inputs = {};
    for (const [k, v] of Object.entries(values)) {
        if (v === undefined ||
            ['json', 'cwd', 'verbose', 'help', 'password-stdin', 'build-arg', 'no-prefer-config-seed'].includes(k))
            continue;
        inputs[k] = Array.isArray(v) ? v.join('\n') : String(v);
    }
    if (values['no-prefer-config-seed'])
        inputs['prefer-config-seed'] = 'false';
    const overrides = [];
    for (const w of positionals) {
        if (mode === 'id')
            inputs.id = w;
        else if (w.startsWith('exp=') || w.startsWith('experiment=')) {
            if (inputs.experiment !== undefined)
                throw new Error(`the experiment is given twice (${w})`);
            inputs.experiment = w.slice(w.indexOf('=') + 1);
        }
        else if (/[\r\n]/.test(w))
            throw new Error(`'${w.split(/\r?\n/)[0]}…': a value cannot span lines`);
        else
            overrides.push(w);
    }
    if (overrides.length)
        inputs.overrides = overrides.join('\n');
    const args = values['build-arg'];
    if (Array.isArray(args))
        inputs['build-args'] = args.join('\n');
    if (values['password-stdin'])
        inputs.password = stdin().replace(/\r?\n$/, '');
    else if (process.env.TRAINER_REGISTRY_PASSWORD)
        inputs.password = process.env.TRAINER_REGISTRY_PASSWORD;
    return inputs;
}
/** `trainer <verb> …`: the same action functions, with inputs from flags and logs on stderr. Returns the exit code. */
async function main(argv) {
    const [verb, ...rest] = argv;
    if (verb === undefined || verb === 'help' || verb === '--help' || verb === '-h') {
        process.stdout.write(help() + '\n');
        return verb === undefined ? 2 : 0;
    }
    if (verb === '--version' || verb === 'version') {
        process.stdout.write(VERSION + '\n');
        return 0;
    }
    // the runner's own process wrapper: RESULT_URL wiped from /proc/self/environ, EPIPE ignored
    // (a launcher killed with -9 takes our stderr's reader with it), a crash takes the training down
    if (verb === 'run')
        return (await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(6), __webpack_require__.e(44), __webpack_require__.e(614)]).then(__webpack_require__.bind(__webpack_require__, 85614))).runnerMain(rest);
    const v = VERBS[verb];
    if (!v) {
        process.stderr.write(`trainer: unknown command '${verb}'; commands: ${[...Object.keys(VERBS), 'run'].join(', ')}\n`);
        return 2;
    }
    const options = await v.options();
    let values;
    let positionals;
    let inputs;
    try {
        ;
        ({ values, positionals } = (0,external_node_util_.parseArgs)({
            args: rest,
            options,
            allowPositionals: v.positionals !== undefined,
            strict: true,
        }));
        if (v.positionals === 'id' && positionals.length > 1)
            throw new Error(`one id expected, got: ${positionals.join(' ')}`);
        inputs = toInputs(values, () => (0,external_node_fs_.readFileSync)(0, 'utf8'), positionals, v.positionals);
    }
    catch (e) {
        process.stderr.write(`trainer ${verb}: ${(0,errors/* getErrorMessage */.u1)(e)}\nUsage: ${v.usage}\n`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(`Usage: ${v.usage}\n${v.details ? `\n${v.details}\n` : ''}`);
        return 0;
    }
    const cwd = (0,external_node_path_.resolve)(typeof values.cwd === 'string' ? values.cwd : '.');
    const io = consoleIO({
        inputs,
        verbose: values.verbose === true,
        cwd,
    });
    process.exitCode = 0;
    const result = await runAction(verb, v.run, io);
    // a configuration error exits 2 (seed 000's code), any other failure 1
    if (result === undefined)
        return typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1;
    process.stdout.write((values.json ? JSON.stringify(v.json(result), null, 2) : v.human(result)) + '\n');
    return v.exitCode?.(result) ?? 0;
}


/***/ }),

/***/ 73713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ wrapError),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   e0: () => (/* binding */ TrainerError),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   zS: () => (/* binding */ BuildError)
/* harmony export */ });
/** Base of every error the toolkit raises on purpose. */
class TrainerError extends Error {
    name = 'TrainerError';
    hint;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.hint = options.hint;
    }
}
/** Bad input from the user: config files, manifests, inputs, flags. Reported without a stack. */
class ConfigError extends TrainerError {
    name = 'ConfigError';
    where;
    constructor(message, where = {}, options = {}) {
        super(message, options);
        this.where = where;
    }
    /** `file:line:col: message` (the compiler-style form editors and CI logs link). */
    located() {
        const { file, line, col } = this.where;
        if (file === undefined)
            return this.message;
        const pos = line === undefined ? file : col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`;
        return `${pos}: ${this.message}`;
    }
}
/** Credentials missing or refused by a service. */
class AuthError extends TrainerError {
    name = 'AuthError';
}
/** A remote service (registry, Docker engine, API) failed or could not be reached. */
class ServiceError extends TrainerError {
    name = 'ServiceError';
    service;
    op;
    status;
    retryable;
    /** How long the service asked us to wait before trying again (its Retry-After), in ms. */
    retryAfterMs;
    constructor(service, op, message, options = {}) {
        super(`${op} ${service}: ${message}`, options);
        this.service = service;
        this.op = op;
        this.status = options.status;
        this.retryable = options.retryable ?? false;
        this.retryAfterMs = options.retryAfterMs;
    }
}
class NotFoundError extends TrainerError {
    name = 'NotFoundError';
}
class CancelledError extends TrainerError {
    name = 'CancelledError';
}
/** A build step failed: the message is the failing step's output, not a stack trace. */
class BuildError extends TrainerError {
    name = 'BuildError';
    output;
    constructor(message, output) {
        super(message);
        this.output = output;
    }
}
function getErrorMessage(e) {
    if (e instanceof ConfigError)
        return e.located();
    if (e instanceof Error)
        return e.message;
    return String(e);
}
function wrapError(e) {
    return e instanceof Error ? e : new Error(String(e));
}
/**
 * Errors the user can act on from the message alone (bad input, refused credentials, a
 * missing thing, a stop): no stack. A ServiceError (a service failed or could not be
 * reached) and anything else keep their stack at debug level, where it helps find out why.
 */
function isUserError(e) {
    return e instanceof TrainerError && !(e instanceof ServiceError);
}


/***/ }),

/***/ 60369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ runUrl),
/* harmony export */   p: () => (/* binding */ githubRun)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Where a step runs on GitHub, read from the runner's environment and the event payload when
 * asked (never at import): the repository, the event, the pull request and its **head** SHA
 * (for `pull_request` events `pull_request.head.sha`, not GITHUB_SHA, which is the temporary
 * merge commit), the workflow run, and the server and API URLs (GitHub Enterprise Server, or
 * the emulator in the tests).
 */

function readEvent(env) {
    if (!env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        const e = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        return e !== null && typeof e === 'object' && !Array.isArray(e) ? e : undefined;
    }
    catch {
        return undefined;
    }
}
const SHA = /^[0-9a-f]{40,64}$/;
/** The run's GitHub context, or undefined outside GitHub Actions (no repository or SHA). */
function githubRun(env) {
    const repository = env.GITHUB_REPOSITORY;
    if (env.GITHUB_ACTIONS !== 'true' || !repository || !repository.includes('/'))
        return undefined;
    const event = readEvent(env);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pr = event?.pull_request;
    const issue = event?.issue;
    const prHead = eventName.startsWith('pull_request') ? pr?.head?.sha : undefined;
    const headSha = typeof prHead === 'string' && SHA.test(prHead) ? prHead : env.GITHUB_SHA;
    if (!headSha)
        return undefined;
    const number = pr?.number ?? (issue?.pull_request ? issue.number : undefined);
    const [owner = '', repo = ''] = repository.split('/');
    return {
        repository,
        owner,
        repo,
        eventName,
        headSha,
        pullRequest: typeof number === 'number' ? number : undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        event,
    };
}
/** The address of the workflow run, where it has one. */
function runUrl(g) {
    return g.runId ? `${g.serverUrl}/${g.repository}/actions/runs/${g.runId}` : undefined;
}


/***/ }),

/***/ 11642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ sameProcess),
/* harmony export */   _n: () => (/* binding */ isAlive),
/* harmony export */   ls: () => (/* binding */ identify),
/* harmony export */   xs: () => (/* binding */ signalVerified)
/* harmony export */ });
/* unused harmony exports here, startTime, recordedHere */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Which process a pid is. A pid alone is not an identity: once its process ends, the kernel
 * hands the number to the next process, so a pid read from a ledger later may belong to a
 * stranger. The pair (pid, start time) does not repeat: the start time is the field
 * `starttime` of /proc/<pid>/stat (clock ticks after boot), which a reused pid changes.
 */


const read = (f) => {
    try {
        return f().trim();
    }
    catch {
        return undefined;
    }
};
/** Where pids read here are valid: this host, pid namespace and boot. */
function here() {
    return {
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(),
        ns: read(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)('/proc/self/ns/pid')),
        boot: read(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8')),
    };
}
/** The start time of a live process (/proc/<pid>/stat field 22), or undefined when it is gone. */
function startTime(pid) {
    let stat;
    try {
        stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return undefined;
    }
    // the command name (field 2) is in parentheses and may hold spaces or ')': read after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 is fields[19]; a zombie has ended already
    if (fields[0] === 'Z')
        return undefined;
    return fields[19];
}
function identify(pid) {
    return { pid, start: startTime(pid), ...here() };
}
/** Whether `id` was recorded in this place (host, pid namespace and boot), so its pid means something here. */
function recordedHere(id) {
    const h = here();
    return id.host === h.host && id.ns === h.ns && id.boot === h.boot && id.ns !== undefined;
}
/** Whether `a` and `b` are the same process (pid, start time and place). */
function sameProcess(a, b) {
    return a.pid === b.pid && a.start === b.start && a.host === b.host && a.ns === b.ns && a.boot === b.boot;
}
/**
 * Whether the process recorded as `id` is still running: recorded in this place, and the pid
 * now has the recorded start time. undefined when this process cannot tell (another host, pid
 * namespace or boot; no /proc; an identity of an older release).
 */
function isAlive(id) {
    if (id.start === undefined || !recordedHere(id))
        return undefined;
    return startTime(id.pid) === id.start;
}
/**
 * Sends a signal to the process recorded as `id`, only after checking that the pid is still
 * that process. 'sent', 'gone' (ended, or the pid now belongs to another process) or
 * 'unknown' (cannot be checked here: never signalled).
 */
function signalVerified(id, sig) {
    const alive = isAlive(id);
    if (alive === undefined)
        return 'unknown';
    if (!alive)
        return 'gone';
    try {
        process.kill(id.pid, sig);
        return 'sent';
    }
    catch {
        return 'gone';
    }
}


/***/ }),

/***/ 63131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ makeDirsSync),
/* harmony export */   Mt: () => (/* binding */ writeInside),
/* harmony export */   X$: () => (/* binding */ openInside),
/* harmony export */   X2: () => (/* binding */ makeDirs),
/* harmony export */   dQ: () => (/* binding */ createInside),
/* harmony export */   k0: () => (/* binding */ UnsafePathError),
/* harmony export */   nx: () => (/* binding */ inside),
/* harmony export */   xO: () => (/* binding */ readInside)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73713);
/**
 * File access inside a directory that someone else also writes: a run directory, where the
 * training (or a root container with the directory bind-mounted) can plant symlinks, FIFOs
 * or huge files. Every function here:
 * - refuses a relative path that leaves `root` (`..`, absolute paths);
 * - refuses a symlink at any component between `root` and the file (lstat, component by
 *   component), and opens the file itself with O_NOFOLLOW, so a symlink swapped in after
 *   the check is refused by the kernel rather than followed;
 * - opens for reading with O_NONBLOCK and reads only regular files, so a FIFO never blocks;
 * - reads at most `maxBytes`;
 * - checks, once the file is open, where the descriptor really points (/proc/self/fd): a
 *   directory component swapped for a symlink between the checks and the open is caught.
 *   (What is left: a swap between that check and the rename of an atomic write could move
 *   the new file, named as the run file, into another directory.)
 */





const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NOFOLLOW, O_NONBLOCK } = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants;
/** A run file could not be used safely: a symlink, a path outside its directory, not a regular file. */
class UnsafePathError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .TrainerError */ .e0 {
    name = 'UnsafePathError';
}
/** `root/rel`, refusing a `rel` that is absolute or leaves `root`. */
function inside(root, rel) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root);
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(base, rel);
    const r = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(base, target);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(rel) || rel.includes('\0') || r === '' || r === '..' || r.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(r))
        throw new UnsafePathError(`${rel}: not a path inside ${base}`);
    return target;
}
/** Throws when a component from `root` (exclusive) down to `dir` (inclusive) is a symlink or not a directory. */
async function checkDirs(root, dir) {
    const base = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root);
    const r = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(base, dir);
    if (r === '')
        return;
    let at = base;
    for (const part of r.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep)) {
        at = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(at, part);
        const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(at);
        if (s.isSymbolicLink())
            throw new UnsafePathError(`${at} is a symlink: refused`);
        if (!s.isDirectory())
            throw new UnsafePathError(`${at} is not a directory`);
    }
}
/**
 * Throws (after closing and, for a file we created, removing it) when the open descriptor is not
 * `file` under the real path of `root`. Where /proc is not mounted the check is skipped.
 */
async function checkOpened(handle, root, file, created) {
    let actual;
    try {
        actual = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(`/proc/self/fd/${handle.fd}`);
    }
    catch {
        return;
    }
    const expected = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root), (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root), file));
    if (actual === expected)
        return;
    await handle.close();
    if (created)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(actual, { force: true });
    throw new UnsafePathError(`${file} moved while it was opened (to ${actual}): refused`);
}
function refuse(file, e) {
    const code = e.code;
    // O_NOFOLLOW on a symlink: ELOOP (Linux), EMLINK (FreeBSD)
    if (code === 'ELOOP' || code === 'EMLINK')
        throw new UnsafePathError(`${file} is a symlink: refused`, { cause: e });
    throw e;
}
/** Opens `root/rel` for reading: no symlinks, regular files only, never blocks on a FIFO. */
async function openInside(root, rel) {
    const file = inside(root, rel);
    await checkDirs(root, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(file));
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (e) {
        refuse(file, e);
    }
    await checkOpened(handle, root, file, false);
    const stat = await handle.stat();
    if (!stat.isFile()) {
        await handle.close();
        throw new UnsafePathError(`${file} is not a regular file`);
    }
    return { handle, stat, path: file };
}
/**
 * Reads `root/rel` as UTF-8, at most `maxBytes` of it: the first bytes, or with `from: 'end'`
 * the last ones (a log's tail).
 */
async function readInside(root, rel, o) {
    const { handle, stat } = await openInside(root, rel);
    try {
        const size = stat.size;
        const n = Math.min(size, o.maxBytes);
        const position = o.from === 'end' ? size - n : 0;
        const buf = Buffer.alloc(n);
        let got = 0;
        while (got < n) {
            const { bytesRead } = await handle.read(buf, got, n - got, position + got);
            if (bytesRead === 0)
                break;
            got += bytesRead;
        }
        return { text: buf.subarray(0, got).toString('utf8'), truncated: size > o.maxBytes, size };
    }
    finally {
        await handle.close();
    }
}
/**
 * Creates `root/rel` afresh for writing (an existing file or symlink there is removed
 * first, then the file is created with O_EXCL | O_NOFOLLOW): the handle is ours, whatever
 * is planted at that name later.
 */
async function createInside(root, rel, o = {}) {
    const file = inside(root, rel);
    await checkDirs(root, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(file));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | (o.append ? O_APPEND : O_TRUNC), 0o644);
    }
    catch (e) {
        refuse(file, e);
    }
    await checkOpened(handle, root, file, true);
    return handle;
}
/**
 * Writes `root/rel` atomically: a new temp file beside it (O_EXCL | O_NOFOLLOW), flushed,
 * then renamed over the name. A symlink planted at the name is replaced, never followed;
 * a failed write (ENOSPC) leaves the old file as it was and removes the temp file.
 */
async function writeInside(root, rel, data) {
    const file = inside(root, rel);
    await checkDirs(root, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(file));
    const tmp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(4).toString('hex')}.tmp`;
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644);
    }
    catch (e) {
        refuse(tmp, e);
    }
    await checkOpened(handle, root, tmp, true);
    try {
        try {
            await handle.writeFile(data);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
        throw e;
    }
}
/**
 * `mkdir -p` one level at a time. Node's recursive mkdir loops for ever where mkdir answers
 * ENOENT although the parent exists (`/proc/nope`); this gives that error instead.
 */
async function makeDirs(path) {
    for (const at of prefixes(path)) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(at);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(at)).isDirectory())
                throw notDirectory(at);
        }
    }
}
/** {@link makeDirs}, synchronously. */
function makeDirsSync(path) {
    for (const at of prefixes(path)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(at);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(at).isDirectory())
                throw notDirectory(at);
        }
    }
}
/** `/a`, `/a/b`, `/a/b/c` for `/a/b/c`. */
function prefixes(path) {
    const out = [];
    let at = node_path__WEBPACK_IMPORTED_MODULE_3__.sep;
    for (const part of (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(path).split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).filter(Boolean))
        out.push((at = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(at, part)));
    return out;
}
const notDirectory = (at) => Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });


/***/ }),

/***/ 98940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ summarize),
/* harmony export */   r: () => (/* binding */ resultsTable)
/* harmony export */ });
/* harmony import */ var _text_table_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42906);

/** Groups runs by sweep point and gives each metric's mean and spread across seeds. */
function summarize(results) {
    const groups = new Map();
    for (const r of results) {
        const key = JSON.stringify(Object.entries(r.point).sort(([a], [b]) => (a < b ? -1 : 1)));
        const g = groups.get(key) ?? { point: r.point, rs: [] };
        g.rs.push(r);
        groups.set(key, g);
    }
    return [...groups.values()].map(({ point, rs }) => {
        const ok = rs.filter(r => r.state === 'SUCCEEDED');
        const names = [...new Set(ok.flatMap(r => Object.keys(r.final)))].sort();
        const metrics = {};
        for (const m of names) {
            const xs = ok.map(r => r.final[m]).filter((x) => x !== undefined);
            const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
            const std = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
            metrics[m] = { mean, std, n: xs.length };
        }
        return { point, runs: rs.length, succeeded: ok.length, metrics };
    });
}
const num = (x) => x === 0 ? '0' : Math.abs(x) >= 1000 || Math.abs(x) < 0.001 ? x.toExponential(2) : String(+x.toPrecision(3));
/** The results table of a launch, for a terminal: one row per sweep point, mean ± std per metric. */
function resultsTable(summaries) {
    const pointKeys = [...new Set(summaries.flatMap(s => Object.keys(s.point)))];
    const metricKeys = [...new Set(summaries.flatMap(s => Object.keys(s.metrics)))].sort();
    const head = [...pointKeys, 'ok/runs', ...metricKeys.map(m => `${m} (mean ± std)`)];
    const rows = summaries.map(s => [
        ...pointKeys.map(k => (k in s.point ? String(s.point[k]) : '')),
        `${s.succeeded}/${s.runs}`,
        ...metricKeys.map(m => {
            const v = s.metrics[m];
            return v ? `${num(v.mean)} ± ${num(v.std)}` : '-';
        }),
    ]);
    return (0,_text_table_js__WEBPACK_IMPORTED_MODULE_0__/* .textTable */ .e)(head, rows, { rule: true });
}


/***/ }),

/***/ 42906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ textTable)
/* harmony export */ });
/**
 * A table for a terminal: columns padded to their widest cell, two spaces apart, trailing
 * space trimmed; with `rule`, a line of dashes under the header.
 */
function textTable(head, rows, o = {}) {
    const all = [head, ...rows];
    const widths = head.map((_, c) => Math.max(...all.map(r => (r[c] ?? '').length)));
    const line = (r) => widths
        .map((w, c) => (r[c] ?? '').padEnd(w))
        .join('  ')
        .trimEnd();
    return [line(head), ...(o.rule ? [widths.map(w => '-'.repeat(w)).join('  ')] : []), ...rows.map(line)].join('\n');
}


/***/ })

};
