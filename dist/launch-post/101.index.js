export const id = 101;
export const ids = [101];
export const modules = {

/***/ 75101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancel: () => (/* binding */ cancel)
/* harmony export */ });
/* unused harmony exports LedgerInputs, StatusInputs, status, logs */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74528);
/* harmony import */ var _backends_driver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41799);
/* harmony import */ var _backends_reconcile_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42805);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67127);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(63131);
/* harmony import */ var _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99424);
/* harmony import */ var _launch_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(97036);









const LedgerInputs = zod__WEBPACK_IMPORTED_MODULE_8__/* .object */ .Ikc({ config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .optString */ .$2)(), ledger: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .optString */ .$2)(), id: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .optString */ .$2)() });
const StatusInputs = LedgerInputs.extend({ refresh: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .bool */ .lc)(false) });
/** Opens the ledger; read-only for the verbs that only read, so a read-only ledger can be read. */
async function openLedger(io, i, o = {}) {
    const { config } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__.loadConfig)(io.workspace, i.config);
    const ledger = _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_6__/* .Ledger */ .Oc.open((0,_launch_js__WEBPACK_IMPORTED_MODULE_7__/* .ledgerPath */ .tf)(io.workspace, i.ledger, config.launch?.ledger), o);
    io.onClose(() => ledger.close());
    return { ledger, config };
}
/** The recorded launch's backend and the context it is asked in. */
async function backendFor(io, ledger, launch, config) {
    const backend = await (0,_launch_js__WEBPACK_IMPORTED_MODULE_7__/* .launchBackend */ .ib)(launch, config, {});
    io.onClose(async () => backend.close?.());
    return { backend, ctx: (0,_launch_js__WEBPACK_IMPORTED_MODULE_7__/* .launchContext */ .RC)(io, ledger, launch) };
}
/** Moves a launch on from what its backend says (see src/backends/reconcile.ts). */
async function refreshLaunch(io, ledger, launch, config) {
    const { backend, ctx } = await backendFor(io, ledger, launch, config);
    const r = await (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_1__/* .reconcileLaunch */ ._)(backend, ctx);
    if (r.ownerAlive)
        io.log.info(`launch ${launch.id}: its launcher is running; it records its runs itself`);
    else if (r.settled || r.running)
        io.log.info(`launch ${launch.id}: ${r.settled} runs moved, ${r.running} still under way`);
    return ledger.getLaunch(launch.id) ?? launch;
}
function launchOf(ledger, id) {
    const l = id ? ledger.getLaunch(id) : ledger.latestLaunch();
    if (!l) {
        const known = ledger.listLaunches(5).map(x => x.id);
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotFoundError */ .m_(id
            ? `no launch '${id}' in the ledger${known.length ? `; recent: ${known.join(', ')}` : ''}`
            : 'the ledger has no launches yet');
    }
    return l;
}
/**
 * `trainer status [launch-id] [--refresh]`: the runs of a launch (default: the latest) and
 * their results. With refresh, a launch whose launcher is gone is first reconciled.
 */
async function status(io) {
    const i = readInputs(io, StatusInputs);
    const { ledger, config } = await openLedger(io, i, { readOnly: !i.refresh });
    let launch = launchOf(ledger, i.id);
    if (i.refresh)
        launch = await refreshLaunch(io, ledger, launch, config);
    const runs = ledger.listRuns(launch.id);
    return { launch, runs, summaries: launchSummaries(launch.plan, runs) };
}
/** How much of a log `trainer logs` prints: its end, when it is longer. */
const LOG_TAIL_BYTES = (/* unused pure expression or super */ null && (16 << 20));
/**
 * `trainer logs RUN`: the training output of one run (its logs.txt; the last 16 MiB of a
 * longer one). The run directory is the training's: a symlink or FIFO planted there is refused.
 */
async function logs(io) {
    const i = readInputs(io, LedgerInputs);
    const id = required(i.id, 'id');
    const { ledger } = await openLedger(io, i, { readOnly: true });
    const run = ledger.getRun(id);
    if (!run)
        throw new NotFoundError(`no run '${id}' in the ledger (run ids look like <launch-id>.000)`);
    const launch = ledger.getLaunch(run.launchId);
    const root = (launch && launchRecord(launch).resultsRoot) ?? 'results';
    try {
        const r = await readInside(root, `${run.output}/logs.txt`, { maxBytes: LOG_TAIL_BYTES, from: 'end' });
        if (r.truncated)
            io.log.warning(`logs.txt is ${r.size} bytes: showing its last ${LOG_TAIL_BYTES >> 20} MiB`);
        return r.text;
    }
    catch (e) {
        if (e.code === 'ENOENT')
            throw new NotFoundError(`run ${id} (${run.state}) has no logs at ${root}/${run.output}/logs.txt yet`);
        throw new NotFoundError(`run ${id}: its logs cannot be read: ${getErrorMessage(e)}`, { cause: e });
    }
}
/**
 * `trainer cancel LAUNCH`: runs not yet started are cancelled; those on the backend are asked
 * to stop (they get their grace period) and are CANCELLED once seen so. Runs whose launcher
 * is gone are then settled from what they left.
 */
async function cancel(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readInputs */ .Ko)(io, LedgerInputs);
    const { ledger, config } = await openLedger(io, i);
    const launch = launchOf(ledger, (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .required */ .mw)(i.id, 'id'));
    const { backend, ctx } = await backendFor(io, ledger, launch, config);
    const r = await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_0__/* .cancelLaunch */ .o9)(backend, ctx);
    // Runs whose launcher is gone have nobody to record their end: settle what has ended.
    await refreshLaunch(io, ledger, ledger.getLaunch(launch.id) ?? launch, config);
    // a launch whose runs are all final now is final too, whoever ends up recording the last one
    ledger.finishLaunch(launch.id);
    return { launch: launch.id, ...r };
}


/***/ })

};
