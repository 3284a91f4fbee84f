export const id = 254;
export const ids = [254];
export const modules = {

/***/ 99254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LaunchReporter: () => (/* binding */ LaunchReporter)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _kit_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48204);
/* harmony import */ var _report_launch_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80854);
/* harmony import */ var _report_publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4617);
/* harmony import */ var _report_annotations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(856);
/* harmony import */ var _baseline_cache_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7487);
/* harmony import */ var _report_record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(51117);







class LaunchReporter {
    io;
    gh;
    g;
    ledger;
    launchId;
    settings;
    resultsRoot;
    cache;
    #budget;
    #existing;
    #inFlight;
    #pending = false;
    #timer;
    #closed = false;
    #histories = new Map();
    /** What could not be published, said once each. */
    #said = new Set();
    checkRunId;
    /** The check run's conclusion, once a report of the ended launch was published. */
    conclusion;
    constructor(io, gh, g, ledger, launchId, settings, resultsRoot, cache) {
        this.io = io;
        this.gh = gh;
        this.g = g;
        this.ledger = ledger;
        this.launchId = launchId;
        this.settings = settings;
        this.resultsRoot = resultsRoot;
        this.cache = cache;
    }
    /**
     * A reporter for the launch, or undefined (with a warning saying why) where it cannot
     * report: not in a workflow step, or no token.
     */
    static async start(io, o) {
        const g = io.github();
        if (!g || !o.token) {
            io.log.warning(`report: not reported on GitHub (${g ? 'no token: the github-token input or GITHUB_TOKEN' : 'not in a GitHub Actions step'})`);
            return undefined;
        }
        const launch = o.ledger.getLaunch(o.launchId);
        const settings = await (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .reportSettings */ .kC)(o.config, o.configFile, io.workspace, launch.experiment);
        // without a fixed baseline file, the default branch's through the Actions cache
        const cache = settings.baseline ? undefined : (0,_baseline_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .baselineCache */ .wN)(io);
        if (cache && g.pullRequest !== undefined) {
            const b = await (0,_baseline_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .restoreBaseline */ .W3)(io, cache, g, launch.experiment);
            if (b.baseline)
                settings.baseline = b.baseline;
            if (b.problem)
                io.log.warning(`report: ${b.problem}`);
        }
        const gh = (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .githubClient */ .$f)({ token: o.token, apiUrl: g.apiUrl, log: io.log });
        const r = new LaunchReporter(io, gh, g, o.ledger, o.launchId, settings, o.resultsRoot, cache);
        io.onClose(() => r.close());
        return r;
    }
    /** Keeps what a poll collected of ended runs (their histories draw the curves). */
    collected = (run, res) => {
        this.#histories.set(run.id, { history: res.metrics?.history, problem: res.problem });
    };
    /** A run changed state: report it when due. Never throws, never waits. */
    nudge() {
        if (this.#closed)
            return;
        if (this.#inFlight) {
            this.#pending = true;
            return;
        }
        this.#inFlight = this.#send('progress').finally(() => {
            this.#inFlight = undefined;
            if (this.#pending) {
                this.#pending = false;
                this.nudge();
            }
        });
    }
    /** Writes the check run now (the launch's record with every run's handle). */
    async record() {
        await this.#settle();
        await this.#send('record');
    }
    /** The final report: the launch has ended (or this step stops following it). */
    async final() {
        await this.#settle();
        await this.#send('final');
        this.close();
    }
    close() {
        this.#closed = true;
        clearTimeout(this.#timer);
    }
    async #settle() {
        clearTimeout(this.#timer);
        this.#pending = false;
        while (this.#inFlight)
            await this.#inFlight;
    }
    async #send(kind) {
        try {
            const runs = this.ledger.listRuns(this.launchId);
            const launch = this.ledger.getLaunch(this.launchId);
            const now = this.io.now();
            const states = (0,_report_record_js__WEBPACK_IMPORTED_MODULE_6__/* .statesKey */ .AC)(runs);
            if (!this.#existing && this.checkRunId === undefined) {
                const finding = (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .countRequests */ .Kx)(this.gh);
                this.#existing = await (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .findCheckRun */ .TU)(this.gh, this.g, {
                    experiment: launch.experiment,
                    launchId: launch.id,
                    github: launch.github,
                });
                // what an earlier report of this launch spent, and this search
                const earlier = (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .previousBudget */ .de)(this.#existing);
                this.#budget = { ...earlier, requests: (earlier?.requests ?? 0) + finding.count() };
            }
            if (kind === 'progress') {
                const due = (0,_report_record_js__WEBPACK_IMPORTED_MODULE_6__/* .updateDue */ .w2)(this.#budget, { now, states, final: false });
                if (!due.due) {
                    if (due.waitMs !== undefined && !this.#closed) {
                        clearTimeout(this.#timer);
                        this.#timer = setTimeout(() => this.nudge(), due.waitMs);
                        this.#timer.unref();
                    }
                    return;
                }
            }
            const histories = new Map([...(await (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .localHistories */ .OE)(this.resultsRoot, runs)), ...this.#histories]);
            const report = (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .launchReport */ .kB)(launch, runs, histories, this.settings, { now });
            if (kind === 'final' && this.cache && report.rendered.conclusion && (0,_baseline_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .onDefaultBranch */ .Lt)(this.g, this.io.env)) {
                const b = await (0,_baseline_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .saveBaseline */ .XY)(this.io, this.cache, report.model, this.g);
                if (b.problem)
                    this.io.log.warning(`report: ${b.problem}`);
            }
            const spent = (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .countRequests */ .Kx)(this.gh);
            const before = this.#budget;
            const published = await (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .publishReport */ .S3)(this.gh, this.g, report.model, report.rendered, {
                check: {
                    existing: this.#existing,
                    annotations: report.annotations,
                    // what this launch spent is counted here: the check run as last written holds no record
                    text: (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_2__/* .recordText */ .Pe)(launch, runs, {
                        spent: spent.count,
                        now,
                        states,
                        writes: (0,_report_annotations_js__WEBPACK_IMPORTED_MODULE_4__/* .writesFor */ .c5)(report.annotations),
                        before,
                    }),
                },
                comment: true,
                commentId: before?.commentId,
            });
            const commentId = published.commentId ?? before?.commentId;
            this.#budget = {
                requests: (before?.requests ?? 0) + spent.count(),
                updatedAt: now.toISOString(),
                states,
                ...(commentId === undefined ? {} : { commentId }),
            };
            for (const p of published.problems)
                if (!this.#said.has(p)) {
                    this.#said.add(p);
                    this.io.log.warning(`report: ${p}`);
                }
            if (published.checkRunId !== undefined) {
                this.checkRunId = published.checkRunId;
                this.conclusion = report.rendered.conclusion;
                this.#existing = {
                    id: published.checkRunId,
                    url: published.checkRunUrl ?? '',
                    status: (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .checkStatus */ .dO)(report.model, report.rendered),
                    conclusion: report.rendered.conclusion ?? null,
                    summary: report.rendered.check,
                    text: null,
                    annotationsCount: 0,
                };
            }
        }
        catch (e) {
            // reporting never stops a launch
            this.io.log.warning(`report: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}`);
        }
    }
}


/***/ })

};
