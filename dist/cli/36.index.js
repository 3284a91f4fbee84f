export const id = 36;
export const ids = [36];
export const modules = {

/***/ 97036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_LEDGER: () => (/* binding */ DEFAULT_LEDGER),
/* harmony export */   DEFAULT_RESULTS: () => (/* binding */ DEFAULT_RESULTS),
/* harmony export */   LaunchInputs: () => (/* binding */ LaunchInputs),
/* harmony export */   githubContext: () => (/* binding */ githubContext),
/* harmony export */   launch: () => (/* binding */ launch),
/* harmony export */   launchBackend: () => (/* binding */ launchBackend),
/* harmony export */   launchContext: () => (/* binding */ launchContext),
/* harmony export */   launchSummaries: () => (/* binding */ launchSummaries),
/* harmony export */   ledgerPath: () => (/* binding */ ledgerPath),
/* harmony export */   runsPipelineImage: () => (/* binding */ runsPipelineImage)
/* harmony export */ });
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61036);
/* harmony import */ var _backends_driver_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41799);
/* harmony import */ var _backends_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64990);
/* harmony import */ var _backends_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(16264);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73713);
/* harmony import */ var _kit_proc_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11642);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(63131);
/* harmony import */ var _ledger_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(99706);
/* harmony import */ var _backends_reconcile_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(42805);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(67127);
/* harmony import */ var _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(99424);
/* harmony import */ var _report_results_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(98940);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(17568);















const DEFAULT_LEDGER = '.trainer/ledger.db';
const DEFAULT_RESULTS = 'results';
const LaunchInputs = _plan_js__WEBPACK_IMPORTED_MODULE_13__.PlanInputs.extend({
    parallel: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optInt)(1, 1024),
    'results-root': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
    ledger: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
    'grace-period': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optInt)(0, 3600),
    /** Return once the runs are submitted (remote backends), or run them in a launcher of their own (local). */
    detach: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.bool)(false),
    /** Seconds to wait for a remote launch before returning (the runs go on). */
    'wait-timeout': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optInt)(1, 30 * 86400),
    /** Report on GitHub while it runs: the check run from `queued` to its conclusion, and the PR comment. */
    report: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.bool)(false),
    'github-token': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
    /**
     * The commit the runs' code is, where the launch is reported (default: the event's head; a
     * `/train` command's pinned SHA, which GITHUB_SHA of an issue_comment event is not).
     */
    'head-sha': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.optString)(),
});
/** Opens the ledger a workspace uses (trainer.yml `launch.ledger`, else .trainer/ledger.db). */
function ledgerPath(workspace, input, configured) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, input ?? configured ?? DEFAULT_LEDGER);
}
/** Results per sweep point of a launch's runs, from the ledger and its plan. */
function launchSummaries(plan, runs) {
    const point = new Map(plan.runs.map(r => [r.id, r.point]));
    return (0,_report_results_js__WEBPACK_IMPORTED_MODULE_14__/* .summarize */ .e)(runs.map(r => ({ point: point.get(r.id) ?? {}, state: r.state, final: r.metrics })));
}
/**
 * Whether the launch runs the pipeline's image: trainer.yml has an `image:` section and the
 * experiment's backend (or the one given) runs containers; a Slurm run with `container: none`
 * runs on the node itself.
 */
function runsPipelineImage(config, i) {
    const experiments = config.experiments ?? {};
    const name = i.experiment ?? '';
    const backend = i.backend ?? (Object.hasOwn(experiments, name) ? experiments[name]?.backend : undefined);
    if (!backend || !config.image)
        return false;
    const b = (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(backend, config.backends);
    return b.type === 'local-docker' || (b.type === 'slurm' && b.container !== 'none');
}
/**
 * The image a containerised launch (local-docker, Slurm in a container) uses when none is
 * given: the image pipeline's reference (image.name, registry and the .image-manifest tag),
 * as `trainer build` makes it.
 */
async function pipelineImage(io, i) {
    const { config, file } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z)(io.workspace, i.config);
    if (!config.image || !runsPipelineImage(config, i))
        return undefined;
    const [{ imageSettings }, { imageForManifest }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(692), __webpack_require__.e(812)]).then(__webpack_require__.bind(__webpack_require__, 69692)),
        Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(718), __webpack_require__.e(956), __webpack_require__.e(22)]).then(__webpack_require__.bind(__webpack_require__, 16641)),
    ]);
    const settings = await imageSettings(io.workspace, config.image, file, {}, io.env);
    return (await imageForManifest(settings, { log: io.log })).ref.full;
}
/** Where on GitHub a launch comes from (for reporting); undefined outside Actions. */
function githubContext(io, headSha) {
    const g = io.github();
    if (!g)
        return undefined;
    if (headSha !== undefined && !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(headSha))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`head-sha: '${headSha}' is not a full commit SHA (40 or 64 hex digits)`, { key: 'head-sha' });
    return {
        repository: g.repository,
        headSha: headSha ?? g.headSha,
        ...(g.pullRequest === undefined ? {} : { pullRequest: g.pullRequest }),
        ...(g.runId === undefined ? {} : { runId: g.runId }),
        serverUrl: g.serverUrl,
    };
}
/** The context a backend gets for one launch. */
function launchContext(io, ledger, launch, o = {}) {
    return {
        launch,
        ledger,
        log: m => io.log.info(m),
        warn: m => io.log.warning(m),
        env: io.env,
        workspace: io.workspace,
        signals: o.signals ?? new node_events__WEBPACK_IMPORTED_MODULE_0__.EventEmitter(),
        gracePeriod: o.gracePeriod,
        parallel: o.parallel,
        progress: o.progress,
    };
}
/** The backend a recorded launch ran on, with the options it was launched with. */
async function launchBackend(launch, config, deps) {
    const recorded = launch.backendConfig;
    const bconf = recorded?.type ? recorded : (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(launch.backend, config?.backends);
    return (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadBackend */ .D)(launch.backend, bconf, deps);
}
/**
 * The digest the registry has for a remote launch's image, recorded with each run: what the
 * nodes will pull. An image the registry does not have, or cannot be asked about, is a
 * warning (the cluster may reach a registry this machine cannot), never a failed launch.
 */
async function registryDigest(io, image, authRealms) {
    const [{ parseRef }, { RegistryClient }, { dockerCredentials }] = await Promise.all([
        __webpack_require__.e(/* import() */ 431).then(__webpack_require__.bind(__webpack_require__, 62812)),
        Promise.all(/* import() */[__webpack_require__.e(718), __webpack_require__.e(50)]).then(__webpack_require__.bind(__webpack_require__, 43718)),
        __webpack_require__.e(/* import() */ 791).then(__webpack_require__.bind(__webpack_require__, 50791)),
    ]);
    try {
        const ref = parseRef(image);
        const credentials = await dockerCredentials(ref.registry, { ...io.env });
        if (credentials?.password)
            io.setSecret(credentials.password);
        if (credentials?.identityToken)
            io.setSecret(credentials.identityToken);
        const state = await new RegistryClient({
            credentials,
            log: io.log,
            secret: v => io.setSecret(v),
            authRealms,
            timeoutMs: 10_000,
            retries: 1,
        }).manifest(ref);
        if (!state.exists) {
            io.log.warning(`${image} is not in its registry: the runs will not find it unless the cluster can (trainer build pushes it)`);
            return undefined;
        }
        return state.digest;
    }
    catch (e) {
        io.log.warning(`${image}: its registry could not be asked for its digest (${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e)})`);
        return undefined;
    }
}
/** Whether another live process is recorded as the launch's launcher. */
function ownerRunning(l) {
    const owner = (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_10__/* .launchRecord */ .n)(l).launcher;
    return owner !== undefined && !(0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .sameProcess */ .ID)(owner, (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .identify */ .ls)(process.pid)) && (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .isAlive */ ._n)(owner) !== false;
}
/** Seconds between polls of a remote backend. */
function pollInterval(c) {
    return c.type === 'slurm' ? (c['poll-interval'] ?? 60) : 60;
}
/**
 * `trainer launch`: plans an experiment, records it in the ledger and runs it on its backend.
 * Local backends run it here and return when every run has ended. Remote backends submit it
 * (idempotently: a repeated launch id adopts what was submitted) and then wait, polling,
 * unless `detach`; `trainer status --refresh` moves a detached launch on.
 */
async function launch(io, deps) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_11__.readInputs)(io, LaunchInputs);
    const { config, plan } = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_13__.planFromInputs)(io, { ...i, image: i.image ?? (await pipelineImage(io, i)) });
    const name = plan.runs[0]?.backend ?? 'local';
    const bconf = (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(name, config.backends);
    const backend = await (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .loadBackend */ .D)(name, bconf, deps);
    io.onClose(async () => backend.close?.());
    // a local launch's results are here, one root per launch: seed 000's <experiment>/runs/<NNN> beneath it
    const resultsRoot = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.workspace, i['results-root'] ?? config.launch?.['results-root'] ?? DEFAULT_RESULTS), plan.launchId);
    if (!backend.remote) {
        // before anything is recorded: a launch that cannot even start leaves no ACTIVE row behind
        await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_8__/* .makeDirs */ .X2)(resultsRoot).catch((e) => {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`results root ${resultsRoot} cannot be created: ${e.code ?? (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e)}`, { key: 'results-root' });
        });
    }
    const detachLocal = i.detach && !backend.remote;
    if (detachLocal && !deps.detach)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`a ${bconf.type} launch cannot outlive this step: wait for it (detach: false)`, {
            key: 'detach',
        });
    const path = ledgerPath(io.workspace, i.ledger, config.launch?.ledger);
    const ledger = _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_12__/* .Ledger */ .Oc.open(path);
    io.onClose(() => ledger.close());
    // a detached local launch is run by a launcher of its own, started now
    const launcher = detachLocal ? await deps.detach(plan.launchId, resultsRoot) : (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_7__/* .identify */ .ls)(process.pid);
    // a remote launch's launcher is recorded too: while it submits, nobody else may
    const record = backend.remote ? { launcher } : { resultsRoot, launcher };
    let created;
    try {
        created = ledger.createLaunch(plan, {
            backend: name,
            config: record,
            backendConfig: bconf,
            github: githubContext(io, i['head-sha']),
        });
    }
    catch (e) {
        if (e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .LedgerError */ .oy && !(e instanceof _ledger_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .LedgerBusyError */ .f7))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(e.message, { key: 'launch-id' }, e.hint === undefined ? {} : { hint: e.hint });
        throw e;
    }
    // a detached local launch is reported by its own launcher
    // loaded only when asked for: the GitHub client stays out of the bundles that never report
    const reporter = i.report && !detachLocal
        ? await (await Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(836), __webpack_require__.e(487), __webpack_require__.e(922)]).then(__webpack_require__.bind(__webpack_require__, 88922))).LaunchReporter.start(io, {
            ledger,
            launchId: plan.launchId,
            config,
            configFile: (await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z)(io.workspace, i.config)).file,
            token: i['github-token'] ?? io.env.GITHUB_TOKEN,
            resultsRoot: backend.remote ? undefined : resultsRoot,
            schedule: deps.schedule,
            checkRun: deps.checkRun,
        })
        : undefined;
    const ctx = launchContext(io, ledger, ledger.getLaunch(plan.launchId), {
        signals: deps.signals,
        gracePeriod: i['grace-period'],
        parallel: i.parallel ?? config.launch?.parallel,
        progress: e => {
            deps.progress?.(e, plan);
            reporter?.nudge();
        },
    });
    if (reporter)
        ctx.collected = reporter.collected;
    deps.recorded?.(plan.launchId);
    reporter?.nudge();
    const result = () => {
        const status = ledger.getLaunch(plan.launchId)?.status ?? 'ACTIVE';
        const runs = ledger.listRuns(plan.launchId);
        io.setOutput('status', status);
        return {
            plan,
            status,
            runs,
            summaries: launchSummaries(plan, runs),
            ledger: path,
            resultsRoot,
            detached: i.detach,
            checkRunId: reporter?.checkRunId,
            conclusion: reporter?.conclusion,
            night: reporter?.night,
        };
    };
    if (detachLocal) {
        io.log.info(`launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${name}, run by process ${launcher.pid}`);
        return result();
    }
    if (!created) {
        // The same launch again (--launch-id): what an earlier launcher left behind is settled from
        // what the backend says, and what it never started or submitted is done now, by this one.
        const r = await (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_10__/* .reconcileLaunch */ ._)(backend, ctx, { keepCreated: true });
        if (r.ownerAlive || (backend.remote && ownerRunning(ctx.launch)))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`launch ${plan.launchId} is being run by another trainer process`, { key: 'launch-id' });
        ledger.setLaunchConfig(plan.launchId, record);
    }
    io.log.info(`launch ${plan.launchId}: ${plan.runs.length} runs of ${plan.experiment} on ${name}${backend.remote ? '' : `, results in ${resultsRoot}`}`);
    try {
        if (backend.remote) {
            const image = plan.runs[0]?.image;
            if (image && !(bconf.type === 'slurm' && bconf.container === 'none'))
                ctx.imageDigest = await registryDigest(io, image, config.image?.['auth-realms']);
            const s = await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_3__/* .submitLaunch */ .W7)(backend, ctx);
            if (s.adopted)
                io.log.info(`${s.adopted} runs were already submitted by an earlier attempt: adopted`);
            if (i.detach) {
                await reporter?.record();
                io.log.info(`detached: trainer status ${plan.launchId} --refresh follows it`);
                return result();
            }
            const waited = await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_3__/* .watchLaunch */ .vc)(backend, ctx, {
                interval: pollInterval(bconf),
                retries: bconf.type === 'slurm' ? bconf.retries : undefined,
                deadline: i['wait-timeout'] === undefined ? undefined : Date.now() + i['wait-timeout'] * 1000,
            });
            if (waited === 'deadline') {
                await reporter?.record();
                io.log.warning(`stopped waiting after ${i['wait-timeout']} s; the runs go on (trainer status ${plan.launchId} --refresh)`);
                return result();
            }
        }
        else {
            await backend.submit(ctx, ledger.listRuns(plan.launchId).filter(r => r.state === 'CREATED'));
        }
    }
    catch (e) {
        if (e instanceof _backends_types_js__WEBPACK_IMPORTED_MODULE_5__/* .PartialSubmitError */ .UL && !e.definite) {
            // some runs may be on the cluster after all: they stay CREATED, for a later attempt to adopt
            io.log.warning(`launch ${plan.launchId}: ${e.message}; trainer status ${plan.launchId} --refresh adopts or submits what is left`);
            ledger.setLaunchConfig(plan.launchId, { ...record, launcher: undefined });
            await reporter?.record();
            throw e;
        }
        // Every way a launch ends leaves it final: runs it never started are cancelled, with why.
        for (const r of ledger.listRuns(plan.launchId))
            if (r.state === 'CREATED')
                ledger.transition(r.id, 'CANCELLED', { reason: `launch failed: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e)}`, expect: ['CREATED'] });
        ledger.finishLaunch(plan.launchId);
        await reporter?.final();
        throw e;
    }
    ledger.finishLaunch(plan.launchId);
    await reporter?.final();
    return result();
}


/***/ }),

/***/ 17568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PlanInputs: () => (/* binding */ PlanInputs),
/* harmony export */   PlanOnlyInputs: () => (/* binding */ PlanOnlyInputs),
/* harmony export */   overridesOf: () => (/* binding */ overridesOf),
/* harmony export */   plan: () => (/* binding */ plan),
/* harmony export */   planFromInputs: () => (/* binding */ planFromInputs)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74528);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67127);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48720);





/** Inputs of a plan (the CLI's `trainer plan`, and the launch pipeline's first step). */
const PlanInputs = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    experiment: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    /** One key=value per line (values may hold commas), or a JSON object (actions/command's overrides output). */
    overrides: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.lines)(),
    seed: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(0, 2 ** 32 - 1),
    'prefer-config-seed': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(true),
    'launch-id': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    'max-runs': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 10_000_000),
    backend: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    image: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    /** This launch's seeds, instead of the experiment's (comma-separated whole numbers). */
    seeds: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.list)(),
    /** Runs per sweep point, instead of the experiment's. */
    runs: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 100_000),
    /** Sweeps for this launch as JSON, parameter to values (`{"lr": [0.01, 0.1]}`); actions/command's sweep output. */
    sweep: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
});
/** `trainer plan`'s own inputs. */
const PlanOnlyInputs = PlanInputs.extend({
    /** Also the job script a Slurm backend would submit. */
    'show-script': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(false),
});
/** The experiment asked for; when none is, an error that says how to name one and lists them. */
function experimentName(name, config) {
    if (name !== undefined)
        return name;
    const names = Object.keys(config.experiments ?? {});
    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`no experiment given: name one with exp=NAME (the experiment input in a workflow); ${names.length ? `experiments: ${names.join(', ')}` : 'trainer.yml defines none'}`, { key: 'experiment' });
}
function seedsOf(words) {
    if (!words.length)
        return undefined;
    return words.map(w => {
        if (!/^\d{1,10}$/.test(w) || Number(w) > 2 ** 32 - 1)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`seeds: '${w}' is not a seed (a whole number 0..${2 ** 32 - 1})`, { key: 'seeds' });
        return Number(w);
    });
}
function sweepOf(text) {
    if (text === undefined)
        return undefined;
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sweep: not JSON; give an object of parameter to values, {"lr": [0.01, 0.1]}', { key: 'sweep' });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('sweep: give an object of parameter to values, {"lr": [0.01, 0.1]}', { key: 'sweep' });
    const out = Object.create(null);
    for (const [k, v] of Object.entries(raw)) {
        if (!Array.isArray(v) || !v.every(x => ['string', 'number', 'boolean'].includes(typeof x)))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`sweep: '${k}' must be a list of values`, { key: 'sweep' });
        out[k] = v;
    }
    return out;
}
/**
 * The overrides input: one `key=value` per line, or a JSON object of parameter to value, as
 * actions/command's `overrides` output holds them. A JSON value is kept exactly; a line is not:
 * the runner trims an input and each line is trimmed, so a value ending in a blank (`note="a "`
 * in a /train comment) reaches the training whole only as JSON.
 */
function overridesOf(lines) {
    if (!lines[0]?.startsWith('{'))
        return (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOverrides */ .f$)(lines);
    const shape = 'give key=value lines, or an object of parameter to value, {"lr": "0.01"}';
    let raw;
    try {
        // a JSON string never spans lines, so the lines' trimming left every value alone
        raw = JSON.parse(lines.join('\n'));
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`overrides: not JSON; ${shape}`, { key: 'overrides' });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`overrides: ${shape}`, { key: 'overrides' });
    const out = Object.create(null);
    for (const [k, v] of Object.entries(raw)) {
        if (!['string', 'number', 'boolean'].includes(typeof v))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`overrides: '${k}' must be a string, a number or a boolean`, { key: 'overrides' });
        const value = String(v);
        if (value.includes('\0'))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`override ${k}: the value contains a NUL byte`, { key: k });
        out[k] = value;
    }
    return out;
}
/** The plan the plan inputs describe, and the configuration it came from. */
async function planFromInputs(io, i) {
    const { config } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z)(io.workspace, i.config);
    const p = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildPlan */ .Gg)(config, {
        experiment: experimentName(i.experiment, config),
        overrides: overridesOf(i.overrides),
        seed: i.seed,
        seeds: seedsOf(i.seeds),
        runs: i.runs,
        sweep: sweepOf(i.sweep),
        preferConfigSeed: i['prefer-config-seed'] ? undefined : false,
        launchId: i['launch-id'],
        maxRuns: i['max-runs'],
        backend: i.backend,
        image: i.image,
    });
    io.setOutput('launch-id', p.launchId);
    io.setOutput('runs', p.runs.length);
    return { config, plan: p };
}
/** Materializes an experiment into a plan of runs, without launching anything. */
async function plan(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.readInputs)(io, PlanOnlyInputs);
    const { config, plan: p } = await planFromInputs(io, i);
    if (!i['show-script'])
        return p;
    const name = p.runs[0]?.backend ?? 'local';
    const { backendConfig } = await __webpack_require__.e(/* import() */ 990).then(__webpack_require__.bind(__webpack_require__, 64990));
    const c = backendConfig(name, config.backends);
    if (c.type !== 'slurm')
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`--show-script: backend '${name}' is ${c.type}; only a Slurm backend has a job script`, {
            key: 'backend',
        });
    const { previewScript } = await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(805), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 29913));
    return { ...p, script: previewScript(c, p) };
}


/***/ })

};
