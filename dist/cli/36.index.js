export const id = 36;
export const ids = [36,720];
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
/* harmony export */   ledgerPath: () => (/* binding */ ledgerPath)
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
 * The image a containerised launch (local-docker, Slurm in a container) uses when none is
 * given: the image pipeline's reference (image.name, registry and the .image-manifest tag),
 * as `trainer build` makes it.
 */
async function pipelineImage(io, i) {
    const { config, file } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z)(io.workspace, i.config);
    const experiments = config.experiments ?? {};
    const name = i.experiment ?? '';
    const backend = i.backend ?? (Object.hasOwn(experiments, name) ? experiments[name]?.backend : undefined);
    if (!backend || !config.image)
        return undefined;
    const b = (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_4__.backendConfig)(backend, config.backends);
    // the backends that run containers; a Slurm run with container: none runs on the node itself
    if (b.type !== 'local-docker' && !(b.type === 'slurm' && b.container !== 'none'))
        return undefined;
    const [{ imageSettings }, { imageForManifest }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(692), __webpack_require__.e(812)]).then(__webpack_require__.bind(__webpack_require__, 69692)),
        Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(718), __webpack_require__.e(956), __webpack_require__.e(22)]).then(__webpack_require__.bind(__webpack_require__, 16641)),
    ]);
    const settings = await imageSettings(io.workspace, config.image, file, {}, io.env);
    return (await imageForManifest(settings, { log: io.log })).ref.full;
}
/** Where on GitHub a launch comes from (for reporting); undefined outside Actions. */
function githubContext(io) {
    const g = io.github();
    if (!g)
        return undefined;
    return {
        repository: g.repository,
        headSha: g.headSha,
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
            github: githubContext(io),
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
        ? await (await Promise.all(/* import() */[__webpack_require__.e(167), __webpack_require__.e(836), __webpack_require__.e(254)]).then(__webpack_require__.bind(__webpack_require__, 99254))).LaunchReporter.start(io, {
            ledger,
            launchId: plan.launchId,
            config,
            configFile: (await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z)(io.workspace, i.config)).file,
            token: i['github-token'] ?? io.env.GITHUB_TOKEN,
            resultsRoot: backend.remote ? undefined : resultsRoot,
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
    reporter?.nudge();
    const result = () => {
        const status = ledger.getLaunch(plan.launchId)?.status ?? 'ACTIVE';
        const runs = ledger.listRuns(plan.launchId);
        io.setOutput('status', status);
        return { plan, status, runs, summaries: launchSummaries(plan, runs), ledger: path, resultsRoot, detached: i.detach };
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
    /** One key=value per line (values may hold commas). */
    overrides: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.lines)(),
    seed: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(0, 2 ** 32 - 1),
    'prefer-config-seed': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.bool)(true),
    'launch-id': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    'max-runs': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optInt)(1, 10_000_000),
    backend: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
    image: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_2__.optString)(),
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
/** The plan the plan inputs describe, and the configuration it came from. */
async function planFromInputs(io, i) {
    const { config } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z)(io.workspace, i.config);
    const p = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildPlan */ .Gg)(config, {
        experiment: experimentName(i.experiment, config),
        overrides: (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOverrides */ .f$)(i.overrides),
        seed: i.seed,
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


/***/ }),

/***/ 48720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   Vp: () => (/* binding */ experimentOf),
/* harmony export */   f$: () => (/* binding */ parseOverrides)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RUNS, gridPoints */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73713);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28315);



const DEFAULT_MAX_RUNS = 1000;
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
    const swept = exp.sweep?.grid ?? {};
    const types = exp['param-types'] ?? {};
    const { params: base, applied } = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .applyOverrides */ .iu)(name, defaults, o.overrides ?? {}, Object.keys(swept), types);
    // An override of a swept parameter pins it: that dimension collapses to the override.
    const grid = Object.fromEntries(Object.entries(swept).filter(([k]) => !(k in applied)));
    // Sweep values take the parameter's type like overrides do.
    for (const [k, values] of Object.entries(grid))
        grid[k] = values.map(v => (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .coerce */ .au)(k, v, defaults[k], `sweep of '${name}'`, types[k]));
    const exclude = exp.sweep?.exclude ?? [];
    const points = gridPoints(grid).filter(p => !exclude.some(x => Object.entries(x).every(([k, v]) => k in p && p[k] === v)));
    if (points.length === 0) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`the sweep of '${name}' expands to zero runs: every combination is excluded`, {
            key: `experiments.${name}.sweep`,
        });
    }
    const replicates = exp.runs ?? (exp.seeds?.length || 1);
    const total = points.length * replicates;
    const max = o.maxRuns ?? config.launch?.['max-runs'] ?? DEFAULT_MAX_RUNS;
    if (total > max) {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(`'${name}' expands to ${total} runs (${points.length} sweep points × ${replicates} runs), over the limit of ${max}`, { key: 'launch.max-runs' }, { hint: 'Narrow the sweep, or raise launch.max-runs in trainer.yml (or --max-runs).' });
    }
    const rule = {
        seeds: exp.seeds,
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
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(launchId)) {
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
/* harmony export */   Sq: () => (/* binding */ selectSeed),
/* harmony export */   au: () => (/* binding */ coerce),
/* harmony export */   iu: () => (/* binding */ applyOverrides),
/* harmony export */   pA: () => (/* binding */ nearest)
/* harmony export */ });
/* unused harmony exports distance, normKey, paramType, fallbackSeed */
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
