export const id = 489;
export const ids = [489];
export const modules = {

/***/ 4489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ReportInputs: () => (/* binding */ ReportInputs),
/* harmony export */   report: () => (/* binding */ report)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(4528);
/* harmony import */ var _backends_reconcile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2805);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7127);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3131);
/* harmony import */ var _kit_octokit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9313);
/* harmony import */ var _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9424);
/* harmony import */ var _report_annotations_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(856);
/* harmony import */ var _report_baseline_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7355);
/* harmony import */ var _report_launch_report_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(854);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4031);
/* harmony import */ var _report_publish_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4617);
/* harmony import */ var _report_render_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1736);
/* harmony import */ var _launch_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(440);

















const ReportInputs = zod__WEBPACK_IMPORTED_MODULE_16__/* .object */ .Ikc({
    config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.optString)(),
    ledger: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.optString)(),
    /** The launch (default: the latest in the ledger). */
    id: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.optString)(),
    'github-token': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.optString)(),
    /** Where the report goes: check, comment, summary (default all three). */
    publish: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.list)(),
    /** Where the full report is written (default <results root or .trainer>/report-<launch>.md). */
    'report-file': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.optString)(),
});
/** Bytes of the job summary kept for what could not be published. */
const SUMMARY_ROOM = 16_384;
const TARGETS = ['check', 'comment', 'summary'];
/**
 * `trainer report [LAUNCH]` / actions/report: builds one report of a launch from the ledger and
 * publishes it: a check run on the head SHA, the sticky PR comment, the job summary. What could
 * not be published is said in the summary, with why; the full report is also written to a file.
 */
async function report(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_5__.readInputs)(io, ReportInputs);
    const targets = i.publish.length ? i.publish : [...TARGETS];
    for (const t of targets)
        if (!TARGETS.includes(t))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(`publish: '${t}' is not one of ${TARGETS.join(', ')}`, { key: 'publish' });
    const { config, file: configFile } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z)(io.workspace, i.config);
    const ledger = _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_8__/* .Ledger */ .Oc.open((0,_launch_js__WEBPACK_IMPORTED_MODULE_15__.ledgerPath)(io.workspace, i.ledger, config.launch?.ledger), { readOnly: true });
    io.onClose(() => ledger.close());
    const launch = i.id ? ledger.getLaunch(i.id) : ledger.latestLaunch();
    if (!launch)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NotFoundError */ .m_(i.id ? `no launch '${i.id}' in the ledger` : 'the ledger has no launches yet');
    const runs = ledger.listRuns(launch.id);
    const root = (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_2__/* .launchRecord */ .n)(launch).resultsRoot;
    const settings = await (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_11__/* .reportSettings */ .kC)(config, configFile, io.workspace, launch.experiment);
    const now = io.now();
    // the summary leaves room for the problems said after it
    const { model, rendered, annotations, states } = (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_11__/* .launchReport */ .kB)(launch, runs, await (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_11__/* .localHistories */ .OE)(root, runs), settings, {
        now,
        limits: { summary: _report_render_js__WEBPACK_IMPORTED_MODULE_14__/* .REPORT_LIMITS */ .S4.summary - SUMMARY_ROOM },
    });
    const failOn = settings.failOn;
    const g = io.github();
    const token = i['github-token'] ?? io.env.GITHUB_TOKEN;
    const gh = g && token ? (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_7__/* .githubClient */ .$f)({ token, apiUrl: g.apiUrl, log: io.log }) : undefined;
    const spent = gh ? (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_7__/* .countRequests */ .Kx)(gh) : { count: () => 0 };
    const published = await (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_13__/* .publishReport */ .S3)(gh, g, model, rendered, {
        check: targets.includes('check') && {
            annotations,
            text: (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_11__/* .recordText */ .Pe)(launch, runs, { spent: spent.count, now, states, writes: (0,_report_annotations_js__WEBPACK_IMPORTED_MODULE_9__/* .writesFor */ .c5)(annotations) }),
        },
        comment: targets.includes('comment'),
    });
    for (const p of published.problems)
        io.log.warning(p);
    if (targets.includes('summary')) {
        const problems = published.problems.length
            ? `\n\n> [!WARNING]\n${published.problems.map(p => `> ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_12__/* .escapeMarkdown */ .FV)(p, { max: 2000 })}`).join('\n>\n')}\n`
            : '';
        await io.summary(rendered.summary + problems);
    }
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.workspace, i['report-file'] ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root ?? '.trainer', `report-${launch.id}.md`));
    await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_6__/* .makeDirs */ .X2)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, (0,_report_render_js__WEBPACK_IMPORTED_MODULE_14__/* .renderReport */ .B1)(model, { target: 'summary', limit: Number.MAX_SAFE_INTEGER, failOn }).markdown);
    // this launch as a baseline for later ones (report.baseline names such a file)
    const baselineFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), `baseline-${launch.id}.json`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(baselineFile, `${JSON.stringify((0,_report_baseline_js__WEBPACK_IMPORTED_MODULE_10__/* .baselineOf */ .Bv)(model), null, 2)}\n`);
    io.setOutput('baseline-file', baselineFile);
    io.setOutput('conclusion', rendered.conclusion ?? 'pending');
    io.setOutput('report-file', file);
    if (published.checkRunId !== undefined)
        io.setOutput('check-run-id', published.checkRunId);
    if (published.commentId !== undefined)
        io.setOutput('comment-id', published.commentId);
    return { model, rendered, published, file };
}


/***/ })

};
