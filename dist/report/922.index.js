export const id = 922;
export const ids = [922];
export const modules = {

/***/ 88922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LaunchReporter: () => (/* binding */ LaunchReporter)
});

// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/octokit.ts + 25 modules
var octokit = __webpack_require__(48204);
// EXTERNAL MODULE: ./src/report/launch-report.ts
var launch_report = __webpack_require__(80854);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/annotations.ts
var annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/actions/baseline-cache.ts + 2 modules
var baseline_cache = __webpack_require__(7487);
// EXTERNAL MODULE: ./src/kit/github.ts
var github = __webpack_require__(60369);
// EXTERNAL MODULE: ./src/report/baseline.ts
var baseline = __webpack_require__(67355);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/regression-issue.ts


const DEFAULT_REGRESSION_LABEL = 'trainer-regression';
/** The issue's first line. */
function regressionMarker(schedule, experiment) {
    // names are letters, digits, _ . - (schema): nothing in them can end the comment
    return `<!-- trainer-action:regression schedule=${schedule} experiment=${experiment} -->`;
}
function links(n) {
    return [(0,report_escape/* markdownLink */.iQ)("the night's check run", n.checkRunUrl), (0,report_escape/* markdownLink */.iQ)('the workflow run', n.runUrl)]
        .filter(Boolean)
        .join(' · ');
}
/** GitHub's limit on an issue's body, in characters. */
const BODY_MAX = 65_536;
function body(n) {
    const head = [
        regressionMarker(n.schedule, n.experiment),
        `The scheduled sweep ${(0,report_escape/* inlineCode */.ti)(n.schedule)} of ${(0,report_escape/* inlineCode */.ti)(n.experiment)} regressed on ${n.date} ` +
            `(commit ${(0,report_escape/* inlineCode */.ti)(n.sha.slice(0, 7))})${n.against ? `, against the ${(0,report_escape/* escapeMarkdown */.FV)(n.against, { max: 500 })}` : ''}:`,
        '',
    ];
    const tail = [
        '',
        links(n),
        '',
        'Each night that still regresses updates this issue; the first night without a regression closes it. ' +
            "A night is judged against the last night that did not regress, by the schedule's `fail-on` thresholds in trainer.yml.",
    ];
    // the first 100, as many as fit: escaping may make a line several times its length
    let room = BODY_MAX - [...head, ...tail].join('\n').length - 100;
    const lines = [];
    for (const r of n.regressions.slice(0, 100)) {
        const line = `- ${(0,report_escape/* escapeMarkdown */.FV)(r, { max: 500 })}`;
        if (line.length + 1 > room)
            break;
        lines.push(line);
        room -= line.length + 1;
    }
    if (lines.length < n.regressions.length)
        lines.push(`- … and ${n.regressions.length - lines.length} more (the check run lists them)`);
    return [...head, ...lines, ...tail].join('\n');
}
/** Opens, updates or closes the schedule's regression issue for tonight. */
async function publishRegressionIssue(gh, g, n) {
    const repo = { owner: g.owner, repo: g.repo };
    const marker = regressionMarker(n.schedule, n.experiment);
    const open = await gh.paginate(gh.rest.issues.listForRepo, {
        ...repo,
        state: 'open',
        labels: n.labels[0] ?? DEFAULT_REGRESSION_LABEL,
        per_page: 100,
    });
    const mine = open.find(i => !i.pull_request && (0,publish/* isReport */.PS)(i, marker));
    if (!n.regressions.length) {
        if (!mine)
            return { action: 'unchanged' };
        const note = [`No regression on ${n.date} (commit ${(0,report_escape/* inlineCode */.ti)(n.sha.slice(0, 7))}): closing.`, links(n)];
        await gh.rest.issues.createComment({ ...repo, issue_number: mine.number, body: note.filter(Boolean).join('\n\n') });
        await gh.rest.issues.update({ ...repo, issue_number: mine.number, state: 'closed', state_reason: 'completed' });
        return { action: 'closed', number: mine.number, url: mine.html_url };
    }
    const text = body(n);
    const title = (0,report_escape/* plainText */.wh)(`Regression in the scheduled sweep ${n.schedule} (${n.experiment})`, 256);
    if (!mine) {
        const c = await gh.rest.issues.create({
            ...repo,
            title,
            body: text,
            labels: [...n.labels],
            ...(n.assignees.length ? { assignees: [...n.assignees] } : {}),
        });
        return { action: 'opened', number: c.data.number, url: c.data.html_url };
    }
    if (mine.body !== text)
        await gh.rest.issues.update({ ...repo, issue_number: mine.number, body: text });
    const still = `Still regressed on ${n.date} (commit ${(0,report_escape/* inlineCode */.ti)(n.sha.slice(0, 7))}): ${n.regressions.length} regression${n.regressions.length === 1 ? '' : 's'}.`;
    await gh.rest.issues.createComment({
        ...repo,
        issue_number: mine.number,
        body: [still, links(n)].filter(Boolean).join('\n\n'),
    });
    return { action: 'updated', number: mine.number, url: mine.html_url };
}

// EXTERNAL MODULE: ./src/report/render.ts + 2 modules
var render = __webpack_require__(21736);
// EXTERNAL MODULE: ./src/report/record.ts
var record = __webpack_require__(51117);
;// CONCATENATED MODULE: ./src/actions/reporter.ts











class LaunchReporter {
    io;
    gh;
    g;
    ledger;
    launchId;
    settings;
    resultsRoot;
    cache;
    schedule;
    #budget;
    #existing;
    #inFlight;
    #pending = false;
    #timer;
    #closed = false;
    #checkRun;
    #histories = new Map();
    /** What could not be published, said once each. */
    #said = new Set();
    checkRunId;
    /** The check run's conclusion, once a report of the ended launch was published. */
    conclusion;
    /** A scheduled sweep's night, once its final report judged it. */
    night;
    constructor(io, gh, g, ledger, launchId, settings, resultsRoot, cache, schedule) {
        this.io = io;
        this.gh = gh;
        this.g = g;
        this.ledger = ledger;
        this.launchId = launchId;
        this.settings = settings;
        this.resultsRoot = resultsRoot;
        this.cache = cache;
        this.schedule = schedule;
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
        const settings = await (0,launch_report/* reportSettings */.kC)(o.config, o.configFile, io.workspace, launch.experiment);
        // without a fixed baseline file, the default branch's through the Actions cache
        const cache = settings.baseline ? undefined : (0,baseline_cache/* baselineCache */.wN)(io);
        if (o.schedule) {
            // a night is judged by its schedule's thresholds against the last night that did not regress
            settings.failOn = o.schedule.failOn;
            if (!settings.failOn || !Object.keys(settings.failOn).length)
                io.log.warning(`schedule ${o.schedule.name}: no fail-on thresholds (schedules.${o.schedule.name}.fail-on or report.fail-on): nights are not judged for regressions`);
            const nightCache = (0,baseline_cache/* baselineCache */.wN)(io);
            if (!nightCache)
                io.log.warning(`schedule ${o.schedule.name}: no Actions cache service here (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN): the previous night cannot be compared`);
            else {
                const b = await (0,baseline_cache/* restoreNight */.Hb)(io, nightCache, o.schedule.name, launch.experiment);
                settings.baseline = b.baseline;
                if (b.problem)
                    io.log.warning(`report: ${b.problem}`);
                if (b.baseline)
                    io.log.info(`schedule ${o.schedule.name}: judged against the ${b.baseline.source}`);
            }
        }
        else if (cache && g.pullRequest !== undefined) {
            const b = await (0,baseline_cache/* restoreBaseline */.W3)(io, cache, g, launch.experiment);
            if (b.baseline)
                settings.baseline = b.baseline;
            if (b.problem)
                io.log.warning(`report: ${b.problem}`);
        }
        const gh = (0,octokit/* githubClient */.$f)({ token: o.token, apiUrl: g.apiUrl, log: io.log });
        const r = new LaunchReporter(io, gh, g, o.ledger, o.launchId, settings, o.resultsRoot, cache, o.schedule);
        r.#checkRun = o.checkRun;
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
            const states = (0,record/* statesKey */.AC)(runs);
            if (!this.#existing && this.checkRunId === undefined) {
                const finding = (0,octokit/* countRequests */.Kx)(this.gh);
                this.#existing = await (0,publish/* findCheckRun */.TU)(this.gh, this.g, {
                    experiment: launch.experiment,
                    launchId: launch.id,
                    github: launch.github,
                });
                // what an earlier report of this launch spent, and this search
                const earlier = (0,launch_report/* previousBudget */.de)(this.#existing);
                this.#budget = { ...earlier, requests: (earlier?.requests ?? 0) + finding.count() };
            }
            if (kind === 'progress') {
                const due = (0,record/* updateDue */.w2)(this.#budget, { now, states, final: false });
                if (!due.due) {
                    if (due.waitMs !== undefined && !this.#closed) {
                        clearTimeout(this.#timer);
                        this.#timer = setTimeout(() => this.nudge(), due.waitMs);
                        this.#timer.unref();
                    }
                    return;
                }
            }
            const histories = new Map([...(await (0,launch_report/* localHistories */.OE)(this.resultsRoot, runs)), ...this.#histories]);
            const report = (0,launch_report/* launchReport */.kB)(launch, runs, histories, this.settings, { now });
            // a scheduled sweep keeps its nights (#judge), not the experiment's baseline: its parameters may differ
            if (kind === 'final' &&
                this.cache &&
                !this.schedule &&
                report.rendered.conclusion &&
                (0,baseline_cache/* onDefaultBranch */.Lt)(this.g, this.io.env)) {
                const b = await (0,baseline_cache/* saveBaseline */.XY)(this.io, this.cache, report.model, this.g);
                if (b.problem)
                    this.io.log.warning(`report: ${b.problem}`);
            }
            const spent = (0,octokit/* countRequests */.Kx)(this.gh);
            const before = this.#budget;
            const published = await (0,publish/* publishReport */.S3)(this.gh, this.g, report.model, report.rendered, {
                check: {
                    existing: this.#existing,
                    annotations: report.annotations,
                    // what this launch spent is counted here: the check run as last written holds no record
                    text: (0,launch_report/* recordText */.Pe)(launch, runs, {
                        spent: spent.count,
                        now,
                        states,
                        writes: (0,annotations/* writesFor */.c5)(report.annotations),
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
            if (kind === 'final' && this.schedule && report.rendered.conclusion)
                await this.#judge(report.model, published.checkRunUrl ?? this.#existing?.url);
            if (published.checkRunId !== undefined) {
                if (this.checkRunId === undefined)
                    this.#checkRun?.(published.checkRunId, published.checkRunUrl ?? '');
                this.checkRunId = published.checkRunId;
                this.conclusion = report.rendered.conclusion;
                this.#existing = {
                    id: published.checkRunId,
                    url: published.checkRunUrl ?? '',
                    status: (0,publish/* checkStatus */.dO)(report.model, report.rendered),
                    conclusion: report.rendered.conclusion ?? null,
                    summary: report.rendered.check,
                    text: null,
                    annotationsCount: 0,
                };
            }
        }
        catch (e) {
            // reporting never stops a launch
            this.io.log.warning(`report: ${(0,errors/* getErrorMessage */.u1)(e)}`);
        }
    }
    /**
     * A scheduled sweep's ended night: its regressions against the previous night open, update or
     * close the regression issue, and a night without one is kept for the next to be judged
     * against. Only on the default branch: a dispatch on another branch is judged, not kept.
     */
    async #judge(model, checkRunUrl) {
        const s = this.schedule;
        const found = (0,render/* regressionsOf */.W2)(model, this.settings.failOn ?? {});
        const regressions = [...found.fail, ...found.warn];
        this.night = { regressions };
        if (!(0,baseline_cache/* onDefaultBranch */.Lt)(this.g, this.io.env)) {
            this.io.log.info(`schedule ${s.name}: not on the default branch: this night is neither kept for the next nor written to an issue`);
            return;
        }
        // a night without a regression closes the issue only if it was compared: a first night, one
        // whose previous night the cache lost, or one that lacks a point the previous night measured
        // (its runs failed: the point that regressed, maybe) says nothing about a regression
        const metrics = Object.keys(this.settings.failOn ?? {});
        const missed = this.settings.baseline ? (0,baseline/* unmeasured */.Q8)(model, this.settings.baseline, metrics) : [];
        const compared = this.settings.baseline !== undefined &&
            metrics.length > 0 &&
            found.unknown.length === 0 &&
            missed.length === 0 &&
            model.runs.some(r => r.state === 'SUCCEEDED');
        if (s.issue && (regressions.length || compared)) {
            try {
                const sha = model.github?.headSha ?? this.g.headSha;
                const issue = await publishRegressionIssue(this.gh, this.g, {
                    schedule: s.name,
                    experiment: model.experiment,
                    regressions,
                    against: this.settings.baseline?.source,
                    date: this.io.now().toISOString().slice(0, 10),
                    sha,
                    checkRunUrl,
                    runUrl: (0,github/* runUrl */.V)(this.g),
                    labels: s.issue.labels,
                    assignees: s.issue.assignees,
                });
                this.night.issue = issue.number;
                if (issue.action !== 'unchanged')
                    this.io.log.info(`schedule ${s.name}: regression issue #${issue.number} ${issue.action}`);
            }
            catch (e) {
                this.io.log.warning(`schedule ${s.name}: the regression issue could not be written (permissions: issues: write): ${(0,errors/* getErrorMessage */.u1)(e)}`);
            }
        }
        if (regressions.length)
            return;
        // kept, it would be the next night's baseline without those points: their regression lost
        if (missed.length) {
            this.io.log.info(`schedule ${s.name}: ${missed.length} sweep point${missed.length === 1 ? '' : 's'} the previous night measured ${missed.length === 1 ? 'has' : 'have'} no value tonight: this night is not kept`);
            return;
        }
        const cache = (0,baseline_cache/* baselineCache */.wN)(this.io);
        if (!cache)
            return;
        const b = await (0,baseline_cache/* saveNight */.a3)(this.io, cache, model, this.g, s.name);
        if (b.problem)
            this.io.log.warning(`report: ${b.problem}`);
        else
            this.io.log.info(`schedule ${s.name}: this night is kept for the next to be judged against (${b.key})`);
    }
}


/***/ })

};
