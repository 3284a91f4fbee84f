export const id = 95;
export const ids = [95];
export const modules = {

/***/ 41095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ReconcileInputs: () => (/* binding */ ReconcileInputs),
/* harmony export */   reconcile: () => (/* binding */ reconcile)
/* harmony export */ });
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(74528);
/* harmony import */ var _backends_driver_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41799);
/* harmony import */ var _backends_reconcile_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(42805);
/* harmony import */ var _backends_registry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(64990);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(61036);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(73713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(67127);
/* harmony import */ var _kit_octokit_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(89313);
/* harmony import */ var _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(99424);
/* harmony import */ var _ledger_states_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(86183);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(48720);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(14031);
/* harmony import */ var _report_launch_report_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(80854);
/* harmony import */ var _report_publish_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(4617);
/* harmony import */ var _report_annotations_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(856);
/* harmony import */ var _report_record_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(51117);
/**
 * `trainer reconcile` / actions/reconcile: brings the reports of launches that outlived their
 * workflow job up to date, with nothing but GitHub itself as the database. Run on a schedule
 * (examples/workflows/reconcile.yml, every 15 minutes), it:
 *
 * 1. finds every unfinished launch check run in the repository: `trainer: *` check runs of
 *    this app that are not completed, on the heads of open pull requests and the commits of
 *    recent workflow runs (`max-age-hours`, at most `max-refs` commits: one request each);
 * 2. reads each one's hidden launch record (src/report/record.ts) into a ledger of its own;
 * 3. polls the runs' backend through the backend interface: the backend's options come from
 *    this workspace's trainer.yml (the default branch's), never from the record;
 * 4. publishes the report again (check run and PR comment) when an update is due within the
 *    launch's request budget, and completes the check run once every run has ended.
 *
 * A launch whose workflow run is still going is polled but never submitted to or cancelled:
 * that job owns it. Runs of a local backend lived in their job: once its workflow run is
 * over, those still under way are recorded CANCELLED, and the report says why.
 *
 * With `cancel` (a launch id, or `all` with `head-sha`: `/train cancel` through
 * actions/command's outputs), the matching unfinished launches are cancelled through their
 * backend instead, even while their job goes on (it was asked for), polled until the backend
 * shows the runs ended (at most a minute), and their final report published.
 */




















const ReconcileInputs = zod__WEBPACK_IMPORTED_MODULE_19__/* .object */ .Ikc({
    config: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optString)(),
    'github-token': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optString)(),
    /** Commits of workflow runs older than this are not searched (default 72 hours). */
    'max-age-hours': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optInt)(1, 24 * 90),
    /** At most this many commits are searched for check runs, one request each (default 60). */
    'max-refs': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optInt)(1, 1000),
    /** The app whose check runs are launches (default github-actions: a workflow's GITHUB_TOKEN). */
    'check-app': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optString)(),
    /** Poll and report, but write nothing to GitHub. */
    'dry-run': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.bool)(false),
    /** Cancel this launch (an id), or every unfinished launch on head-sha (`all`). */
    cancel: (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optString)(),
    /** Only this commit's launches: the head a `/train` comment pinned (actions/command's sha). */
    'head-sha': (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.optString)(),
});
/** How long a cancel waits for the backend to show the runs ended before it reports what it saw. */
const CANCEL_WAIT_MS = 60_000;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** What to cancel, and the one commit to look at, from the inputs; a ConfigError naming the input. */
function target(i) {
    const sha = i['head-sha'];
    const cancel = i.cancel;
    if (sha !== undefined && !SHA.test(sha))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigError */ .xL(`Input 'head-sha': '${sha}' is not a commit SHA (40 lowercase hex digits)`, { key: 'head-sha' });
    if (cancel !== undefined && cancel !== 'all' && !_plan_plan_js__WEBPACK_IMPORTED_MODULE_13__/* .LAUNCH_ID */ .QS.test(cancel))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigError */ .xL(`Input 'cancel': '${cancel}' is neither a launch id (letters, digits, _ . -, at most 100) nor all`, { key: 'cancel' });
    if (cancel === 'all' && sha === undefined)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigError */ .xL("Input 'cancel': all cancels every unfinished launch of one commit: give head-sha too", {
            key: 'cancel',
        });
    return { ...(cancel === undefined ? {} : { cancel }), ...(sha === undefined ? {} : { sha }) };
}
/** The reason a cancelled run records: who asked. */
function cancelReason(g) {
    const login = g.event?.comment?.user?.login;
    if (g.eventName === 'issue_comment' && typeof login === 'string')
        return `cancelled by ${login}'s /train cancel`;
    if (g.runId)
        return `cancelled by workflow run ${g.runId}`;
    return 'cancelled by trainer reconcile --cancel';
}
/** The repository to reconcile: the step's GitHub context, or GITHUB_REPOSITORY from a laptop. */
function repository(io) {
    const g = io.github();
    if (g)
        return g;
    const repo = io.env.GITHUB_REPOSITORY;
    if (!repo || !/^[^/\s]+\/[^/\s]+$/.test(repo))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigError */ .xL('trainer reconcile needs the repository: GITHUB_REPOSITORY=owner/name (and GITHUB_TOKEN)', {
            key: 'GITHUB_REPOSITORY',
        });
    const [owner = '', name = ''] = repo.split('/');
    return {
        repository: repo,
        owner,
        repo: name,
        eventName: 'cli',
        headSha: '',
        serverUrl: (io.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (io.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    };
}
/**
 * The commits launches may have put check runs on, and what GitHub says of recent workflow
 * runs (a launch's own run tells whether its job is still there): open pull requests' heads,
 * then the commits of workflow runs in the last `hours`, newest first, at most `max`.
 */
async function candidates(gh, g, hours, max, now) {
    const repo = { owner: g.owner, repo: g.repo };
    const since = new Date(now.getTime() - hours * 3_600_000);
    const pulls = await gh.rest.pulls.list({ ...repo, state: 'open', sort: 'updated', direction: 'desc', per_page: 100 });
    // newest first; one page. (The `created` filter takes GitHub's search syntax, `>=DATE`, which
    // the REST description declares a plain date-time: filtering here keeps to both.)
    const wf = await gh.rest.actions.listWorkflowRunsForRepo({ ...repo, per_page: 100 });
    const recent = wf.data.workflow_runs.filter(r => Date.parse(r.created_at) >= since.getTime());
    const shas = new Set();
    for (const p of pulls.data)
        if (Date.parse(p.updated_at) >= since.getTime())
            shas.add(p.head.sha);
    for (const r of recent)
        shas.add(r.head_sha);
    if (g.headSha)
        shas.add(g.headSha);
    const runs = new Map(wf.data.workflow_runs.map(r => [String(r.id), r.status ?? 'unknown']));
    return { shas: [...shas].slice(0, max), runs };
}
/** The launch check runs of `app` on each commit (src/report/publish.ts `launchChecks`), each once. */
async function launchesOn(gh, g, shas, app) {
    const found = new Map();
    for (const sha of shas)
        for (const c of await (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_16__/* .launchChecks */ .T)(gh, g, sha, app))
            found.set(c.check.id, c);
    return [...found.values()];
}
async function reconcile(io) {
    const i = (0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_9__.readInputs)(io, ReconcileInputs);
    const { cancel, sha } = target(i);
    const g = repository(io);
    const { config, file: configFile } = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_7__/* .loadConfig */ .Z)(io.workspace, i.config);
    const gh = (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_10__/* .githubClient */ .$f)({ token: i['github-token'] ?? io.env.GITHUB_TOKEN, apiUrl: g.apiUrl, log: io.log });
    const spent = (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_10__/* .countRequests */ .Kx)(gh);
    const now = io.now();
    // one commit when it is named (the head a /train comment pinned), else every commit launches may be on
    const { shas, runs: workflowRuns } = sha
        ? { shas: [sha], runs: new Map() }
        : await candidates(gh, g, i['max-age-hours'] ?? 72, i['max-refs'] ?? 60, now);
    const launches = await launchesOn(gh, g, shas, i['check-app'] ?? 'github-actions');
    let found = launches.filter(c => c.check.status !== 'completed');
    if (cancel !== undefined) {
        found = found.filter(c => cancel === 'all' || c.externalId === cancel);
        if (cancel !== 'all' && !found.length) {
            const ended = launches.find(c => c.externalId === cancel);
            const where = sha ? `commit ${sha}` : `the ${shas.length} commits searched`;
            if (!ended) {
                const known = [...new Set(launches.map(c => c.externalId))].slice(0, 10);
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .NotFoundError */ .m_(`no launch ${cancel} among the trainer check runs on ${where}${known.length ? ` (there: ${known.join(', ')})` : ''}`);
            }
            io.log.info(`launch ${cancel} has ended (its check run is ${ended.check.conclusion ?? 'completed'}): nothing to cancel`);
        }
    }
    io.log.info(`${found.length} unfinished launch check runs${cancel === undefined ? '' : ' to cancel'} on ${shas.length} commits`);
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(io.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'trainer-reconcile-'));
    const ledger = _ledger_ledger_js__WEBPACK_IMPORTED_MODULE_11__/* .Ledger */ .Oc.open((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'ledger.db'));
    io.onClose(async () => {
        ledger.close();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    });
    const out = [];
    for (const f of found) {
        const scope = {
            gh,
            g,
            ledger,
            config,
            configFile,
            workflowRuns,
            now,
            dryRun: i['dry-run'],
            ...(cancel === undefined ? {} : { cancel: cancelReason(g) }),
        };
        // one launch that cannot be reconciled is said; the others still are
        const r = await reconcileOne(io, scope, f).catch((e) => ({
            launch: f.externalId,
            experiment: f.experiment,
            checkRunId: f.check.id,
            headSha: f.headSha,
            states: '',
            action: 'skipped',
            why: `it could not be reconciled: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .getErrorMessage */ .u1)(e)}`,
        }));
        io.log.info(`${r.launch} (${r.experiment}): ${r.action}: ${r.why}`);
        out.push(r);
    }
    await io.summary(summaryOf(out, spent.count(), cancel));
    io.setOutput('launches', JSON.stringify(out));
    io.setOutput('finished', out.filter(r => r.conclusion).length);
    io.setOutput('cancelled', out.filter(r => r.cancelled).length);
    return { launches: out, requests: spent.count() };
}
async function reconcileOne(io, s, f) {
    const base = {
        launch: f.externalId,
        experiment: f.experiment,
        checkRunId: f.check.id,
        headSha: f.headSha,
        states: '',
    };
    const rec = (0,_report_record_js__WEBPACK_IMPORTED_MODULE_18__/* .decodeRecord */ .eT)(f.check.text);
    if ('problem' in rec)
        return {
            ...base,
            action: 'skipped',
            why: rec.problem === 'none' ? 'its check run holds no launch record' : rec.problem,
        };
    const launch = rec.launch;
    const at = { ...base, launch: launch.id, experiment: launch.experiment };
    const before = (0,_report_record_js__WEBPACK_IMPORTED_MODULE_18__/* .statesKey */ .AC)(rec.runs);
    const stranger = disagreement(s.g, f, launch);
    if (stranger)
        return { ...at, states: before, action: 'skipped', why: stranger };
    // the launch's job: still running (it owns the launch), over, or not known
    const runId = launch.github?.runId;
    const job = runId ? await workflowRunStatus(s, runId) : 'unknown';
    let backend;
    try {
        backend = await (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .loadBackend */ .D)(launch.backend, (0,_backends_registry_js__WEBPACK_IMPORTED_MODULE_6__.backendConfig)(launch.backend, s.config.backends), {});
    }
    catch (e) {
        return { ...at, states: before, action: 'skipped', why: `its backend cannot be used here: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .getErrorMessage */ .u1)(e)}` };
    }
    io.onClose(async () => backend.close?.());
    if (s.ledger.getLaunch(launch.id))
        return { ...at, states: before, action: 'skipped', why: 'a second check run of it' };
    s.ledger.importLaunch(launch, rec.runs);
    const ctx = {
        launch: s.ledger.getLaunch(launch.id),
        ledger: s.ledger,
        log: m => io.log.info(m),
        warn: m => io.log.warning(m),
        env: io.env,
        workspace: io.workspace,
        signals: new node_events__WEBPACK_IMPORTED_MODULE_0__.EventEmitter(),
    };
    const histories = new Map();
    ctx.collected = (run, res) => void histories.set(run.id, { history: res.metrics?.history, problem: res.problem });
    let cancelled;
    try {
        // a handle is data too: the backend must know it for one of this launch's (its job directory, its job name)
        for (const r of rec.runs) {
            const why = await backend.foreignHandle?.(ctx, r);
            if (why)
                return { ...at, states: before, action: 'skipped', why };
        }
        if (s.cancel !== undefined && backend.remote) {
            if (s.dryRun)
                return { ...at, states: before, action: 'polled', why: 'dry run: its runs would be cancelled' };
            // asked for, so even while its workflow run goes on (that job then sees its runs cancelled)
            const c = await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_4__/* .cancelLaunch */ .o9)(backend, ctx, s.cancel);
            cancelled = `${s.cancel}: ${c.stopping} runs asked to stop, ${c.cancelled} not yet submitted`;
            io.log.info(`launch ${launch.id}: ${cancelled}`);
            // a cancel is a request: a run is CANCELLED once the backend shows it so
            await (0,_backends_driver_js__WEBPACK_IMPORTED_MODULE_4__/* .watchLaunch */ .vc)(backend, ctx, { interval: 2, retries: 0, deadline: Date.now() + CANCEL_WAIT_MS });
        }
        else {
            // the launching job (if any) submits again what the cluster lost; reconcile never submits
            if (backend.remote)
                await (0,_backends_reconcile_js__WEBPACK_IMPORTED_MODULE_5__/* .reconcileLaunch */ ._)(backend, ctx, { keepCreated: true, resubmit: false });
            if (job === 'completed')
                settleOrphans(s.ledger, launch, backend, runId);
            else if (s.cancel !== undefined)
                return {
                    ...at,
                    states: before,
                    action: 'skipped',
                    why: `its runs live in its workflow run ${runId ?? '(unknown)'}, which is ${job} (a ${backend.type} backend runs there): cancel that workflow run`,
                };
        }
    }
    catch (e) {
        return { ...at, states: before, action: 'skipped', why: `its backend could not be asked: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .getErrorMessage */ .u1)(e)}` };
    }
    const after = cancelled === undefined ? at : { ...at, cancelled: true };
    const said = (why) => (cancelled === undefined ? why : `${cancelled}; ${why}`);
    const runs = s.ledger.listRuns(launch.id);
    const states = (0,_report_record_js__WEBPACK_IMPORTED_MODULE_18__/* .statesKey */ .AC)(runs);
    const final = !runs.some(r => (0,_ledger_states_js__WEBPACK_IMPORTED_MODULE_12__/* .isActive */ .$m)(r.state));
    const due = (0,_report_record_js__WEBPACK_IMPORTED_MODULE_18__/* .updateDue */ .w2)(rec.budget, { now: s.now, states, final });
    if (!due.due)
        return { ...after, states, action: 'polled', why: said(due.why) };
    if (final)
        await finalHistories(backend, ctx, runs, histories);
    const settings = await (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_15__/* .reportSettings */ .kC)(s.config, s.configFile, io.workspace, launch.experiment);
    const done = s.ledger.getLaunch(launch.id);
    const report = (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_15__/* .launchReport */ .kB)(done, runs, histories, settings, { now: s.now });
    if (s.dryRun)
        return { ...after, states, action: 'polled', why: `dry run (${due.why})`, conclusion: report.rendered.conclusion };
    const spent = (0,_kit_octokit_js__WEBPACK_IMPORTED_MODULE_10__/* .countRequests */ .Kx)(s.gh);
    const published = await (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_16__/* .publishReport */ .S3)(s.gh, s.g, report.model, report.rendered, {
        check: {
            existing: f.check,
            annotations: report.annotations,
            text: (0,_report_launch_report_js__WEBPACK_IMPORTED_MODULE_15__/* .recordText */ .Pe)(done, runs, { spent: spent.count, now: s.now, states, writes: (0,_report_annotations_js__WEBPACK_IMPORTED_MODULE_17__/* .writesFor */ .c5)(report.annotations) }),
        },
        comment: true,
        commentId: rec.budget.commentId,
    });
    if (published.problems.length)
        return { ...after, states, action: 'skipped', why: said(published.problems.join('; ')), conclusion: undefined };
    return { ...after, states, action: 'published', why: said(due.why), conclusion: report.rendered.conclusion };
}
/**
 * Why a record is not the launch of the check run it was found in, or undefined: a record is
 * believed only where it agrees with what GitHub says of its check run (the launch id is its
 * external_id, the experiment its name, the commit its head, the repository this one).
 */
function disagreement(g, f, launch) {
    const gh = launch.github;
    if (f.externalId !== launch.id)
        return `its record is launch ${launch.id}, but the check run's is ${f.externalId}`;
    if (f.name !== (0,_report_publish_js__WEBPACK_IMPORTED_MODULE_16__/* .checkName */ .I3)(launch.experiment))
        return `its record is experiment ${launch.experiment}, but the check run is ${f.name}`;
    if (gh && gh.headSha !== f.headSha)
        return `its record is of commit ${gh.headSha}, but the check run is on ${f.headSha}`;
    if (gh && gh.repository.toLowerCase() !== g.repository.toLowerCase())
        return `its record is of repository ${gh.repository}, but the check run is in ${g.repository}`;
    return undefined;
}
/** The status of the workflow run that launched: from the recent runs listed, else asked. */
async function workflowRunStatus(s, runId) {
    const listed = s.workflowRuns.get(runId);
    if (listed)
        return listed;
    const id = Number(runId);
    if (!Number.isSafeInteger(id))
        return 'unknown';
    try {
        const r = await s.gh.rest.actions.getWorkflowRun({ owner: s.g.owner, repo: s.g.repo, run_id: id });
        return r.data.status ?? 'unknown';
    }
    catch {
        return 'unknown';
    }
}
/**
 * Runs nobody will move any more once the launching job is over: a local backend's runs lived
 * in it, and runs never submitted will not be.
 */
function settleOrphans(ledger, launch, backend, runId) {
    for (const r of ledger.listRuns(launch.id)) {
        const orphan = r.state === 'CREATED' || (!backend.remote && (0,_ledger_states_js__WEBPACK_IMPORTED_MODULE_12__/* .isActive */ .$m)(r.state));
        if (!orphan)
            continue;
        const why = r.state === 'CREATED'
            ? `never submitted: its workflow run ${runId ?? ''} ended first`
            : `its workflow run ${runId ?? ''} ended while it ran (a ${backend.type} run lives in its job)`;
        try {
            ledger.transition(r.id, 'CANCELLED', { reason: why, expect: [r.state] });
        }
        catch {
            // moved meanwhile: what it is now stands
        }
    }
    ledger.finishLaunch(launch.id);
}
/** The histories of ended runs a poll did not just collect (curves of the final report). */
async function finalHistories(backend, ctx, runs, into) {
    if (!backend.remote)
        return;
    const todo = runs.filter(r => !into.has(r.id) && (r.state === 'SUCCEEDED' || r.state === 'FAILED'));
    const workers = Array.from({ length: Math.min(8, todo.length) }, async () => {
        for (let r = todo.shift(); r; r = todo.shift()) {
            const res = await backend
                .collect(ctx, r)
                .catch((e) => ({ metrics: undefined, problem: (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .getErrorMessage */ .u1)(e) }));
            into.set(r.id, { history: res.metrics?.history, problem: res.problem });
        }
    });
    await Promise.all(workers);
}
function summaryOf(rs, requests, cancel) {
    const what = cancel === undefined ? '' : cancel === 'all' ? ': cancel all' : `: cancel ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_14__/* .inlineCode */ .ti)(cancel)}`;
    const head = `### trainer reconcile${what}\n\n${rs.length} unfinished launches found; ${requests} GitHub API requests.\n`;
    if (!rs.length)
        return head;
    const rows = rs.map(r => `| ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_14__/* .inlineCode */ .ti)(r.launch)} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_14__/* .escapeMarkdown */ .FV)(r.experiment)} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_14__/* .inlineCode */ .ti)(r.headSha.slice(0, 7))} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_14__/* .escapeMarkdown */ .FV)(r.states)} | ${r.action}${r.conclusion ? ` (${r.conclusion})` : ''} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_14__/* .escapeMarkdown */ .FV)(r.why)} |`);
    return `${head}\n| launch | experiment | commit | runs | done | why |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}


/***/ })

};
