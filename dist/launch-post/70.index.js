export const id = 70;
export const ids = [70];
export const modules = {

/***/ 71070:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scheduleFor: () => (/* binding */ scheduleFor),
/* harmony export */   scheduleInputs: () => (/* binding */ scheduleInputs),
/* harmony export */   scheduledSweep: () => (/* binding */ scheduledSweep)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _kit_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67127);
/* harmony import */ var _plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28315);
/* harmony import */ var _report_regression_issue_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86815);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17568);





const cronOf = (c) => c.trim().replace(/\s+/g, ' ');
function names(config) {
    const all = Object.entries(config.schedules ?? {});
    return all.length
        ? `schedules: ${all.map(([n, s]) => (s.cron ? `${n} ('${s.cron}')` : n)).join(', ')}`
        : 'trainer.yml has no schedules:';
}
/** The schedule this step launches, if any (see the module's comment). */
function scheduleFor(config, i, g) {
    const all = config.schedules ?? {};
    const named = (name, from) => {
        if (!Object.hasOwn(all, name))
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`${from}: no schedule '${name}' in trainer.yml; ${names(config)}`, { key: 'schedule' });
        return { name, schedule: all[name] };
    };
    if (i.schedule !== undefined)
        return named(i.schedule, 'schedule');
    if (i.experiment !== undefined || !g)
        return undefined;
    if (g.eventName === 'schedule') {
        const cron = g.event?.schedule;
        if (typeof cron !== 'string')
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('this schedule event names no cron (github.event.schedule): give the schedule input', {
                key: 'schedule',
            });
        const found = Object.entries(all).find(([, s]) => s.cron !== undefined && cronOf(s.cron) === cronOf(cron));
        if (!found)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`this schedule event's cron '${cron}' is no schedule's cron in trainer.yml; ${names(config)} (or give the schedule input)`, { key: 'schedule' });
        return { name: found[0], schedule: found[1] };
    }
    if (g.eventName === 'workflow_dispatch') {
        const v = g.event?.inputs?.schedule;
        if (typeof v === 'string' && v.trim() !== '')
            return named(v.trim(), "the dispatch's schedule input");
    }
    return undefined;
}
/** The launch inputs a schedule gives, under the step's own (which win where given). */
function scheduleInputs(s, given) {
    const c = s.schedule;
    const out = { experiment: c.experiment };
    // as JSON, every value is kept exactly (a line is trimmed); the step's override of a key
    // replaces the schedule's (keys matched as overrides match them: - and _ alike)
    const step = given.overrides?.trim() ? (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .overridesOf */ .FB)((0,_kit_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .lines */ .Mn)().parse(given.overrides)) : {};
    const norm = new Set(Object.keys(step).map(_plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .normKey */ .MI));
    const overrides = {
        ...Object.fromEntries(Object.entries(c.params ?? {}).filter(([k]) => !norm.has((0,_plan_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .normKey */ .MI)(k)))),
        ...step,
    };
    if (Object.keys(overrides).length)
        out.overrides = JSON.stringify(overrides);
    if (c.sweep)
        out.sweep = JSON.stringify(c.sweep);
    if (c.seeds)
        out.seeds = c.seeds.join(',');
    if (c.runs !== undefined)
        out.runs = String(c.runs);
    if (c.backend)
        out.backend = c.backend;
    for (const k of ['sweep', 'seeds', 'runs', 'backend']) {
        const v = given[k]?.trim();
        if (v)
            out[k] = v;
    }
    return out;
}
/** What the reporter judges a night by. */
function scheduledSweep(config, s) {
    const issue = s.schedule.issue ?? true;
    return {
        name: s.name,
        experiment: s.schedule.experiment,
        failOn: s.schedule['fail-on'] ?? config.report?.['fail-on'],
        issue: issue === false
            ? false
            : {
                labels: (issue === true ? undefined : issue.labels) ?? [_report_regression_issue_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_REGRESSION_LABEL */ .$e],
                assignees: (issue === true ? undefined : issue.assignees) ?? [],
            },
    };
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c5: () => (/* binding */ writesFor),
/* harmony export */   jg: () => (/* binding */ ANNOTATIONS_PER_REQUEST),
/* harmony export */   rb: () => (/* binding */ failureAnnotations)
/* harmony export */ });
/* unused harmony export MAX_ANNOTATIONS */
/* harmony import */ var _points_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49135);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);


/** GitHub's limit per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** At most this many per launch: two requests. */
const MAX_ANNOTATIONS = 100;
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** One failure annotation per run that failed (FAILED or ERROR), at most MAX_ANNOTATIONS. */
function failureAnnotations(model, where) {
    if (!where)
        return [];
    const failed = model.runs.filter(r => (0,_points_js__WEBPACK_IMPORTED_MODULE_0__/* .outcome */ .bu)(r.state) === 'failed');
    const shown = failed.length > MAX_ANNOTATIONS ? failed.slice(0, MAX_ANNOTATIONS - 1) : failed;
    const out = shown.map(r => {
        const details = [r.links.log && `log: ${r.links.log}`, r.links.page && `page: ${r.links.page}`]
            .filter(Boolean)
            .join('\n');
        return {
            path: where.path,
            start_line: where.line,
            end_line: where.line,
            annotation_level: 'failure',
            title: (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(`run ${r.id} ${r.state.toLowerCase()} (${(0,_points_js__WEBPACK_IMPORTED_MODULE_0__/* .pointLabel */ .HV)(r.point)}, seed ${r.seed})`, 255),
            message: (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(r.reason ?? 'no reason recorded', 4000),
            ...(details ? { raw_details: clip(details, 4000) } : {}),
        };
    });
    if (failed.length > shown.length)
        out.push({
            path: where.path,
            start_line: where.line,
            end_line: where.line,
            annotation_level: 'failure',
            title: `${failed.length - shown.length} more runs failed`,
            message: `${failed.length} runs of ${model.experiment} failed; the report lists them all.`,
        });
    return out;
}
/** The check run writes a report makes: one, and one more per further 50 annotations. */
const writesFor = (annotations) => 1 + Math.max(0, Math.ceil(annotations.length / ANNOTATIONS_PER_REQUEST) - 1);


/***/ }),

/***/ 96867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ pointKey),
/* harmony export */   S: () => (/* binding */ reportModel)
/* harmony export */ });
/** A sweep point's key: its entries sorted by name, as JSON. */
function pointKey(point) {
    return JSON.stringify(Object.entries(point).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
const seconds = (from, to) => from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : undefined;
/** The report of a recorded launch; `history` reads a run's metric history when it can. */
function reportModel(launch, runs, o = {}) {
    const points = new Map(launch.plan.runs.map(r => [r.id, r.point]));
    const now = (o.now ?? new Date()).toISOString();
    return {
        launchId: launch.id,
        experiment: launch.experiment,
        backend: launch.backend,
        status: launch.status,
        createdAt: launch.createdAt,
        finishedAt: launch.finishedAt,
        github: launch.github,
        baseline: o.baseline,
        runs: runs.map(r => ({
            id: r.id,
            state: r.state,
            point: points.get(r.id) ?? {},
            seed: r.seed,
            final: r.metrics,
            history: o.history?.(r),
            reason: r.reason,
            links: r.links,
            queuedS: seconds(r.submittedAt, r.startedAt ?? (r.endedAt ? undefined : now)),
            runS: seconds(r.startedAt, r.endedAt ?? (r.startedAt ? now : undefined)),
            gpus: r.resources.gpus,
        })),
    };
}


/***/ }),

/***/ 49135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ groupPoints),
/* harmony export */   HV: () => (/* binding */ pointLabel),
/* harmony export */   N4: () => (/* binding */ tally),
/* harmony export */   Pn: () => (/* binding */ primaryMetric),
/* harmony export */   _b: () => (/* binding */ paramNames),
/* harmony export */   bu: () => (/* binding */ outcome),
/* harmony export */   cv: () => (/* binding */ lowerIsBetter)
/* harmony export */ });
/* harmony import */ var _ledger_states_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86183);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96867);
/** Sweep points and run outcomes, as every part of a report counts them. */


function groupPoints(runs) {
    const groups = new Map();
    for (const r of runs) {
        const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .pointKey */ .G)(r.point);
        const g = groups.get(key);
        if (g)
            g.runs.push(r);
        else
            groups.set(key, { key, point: r.point, runs: [r] });
    }
    return [...groups.values()];
}
/** The swept parameters' names, in the order they first appear. */
function paramNames(runs) {
    return [...new Set(runs.flatMap(r => Object.keys(r.point)))];
}
/** A point as `lr=0.1, bs=32` (raw text: escape it where it goes); `all runs` when nothing is swept. */
function pointLabel(point) {
    const e = Object.entries(point);
    return e.length ? e.map(([k, v]) => `${k}=${String(v)}`).join(', ') : 'all runs';
}
function outcome(state) {
    if (state === 'SUCCEEDED')
        return 'ok';
    if (state === 'FAILED' || state === 'ERROR')
        return 'failed';
    if ((0,_ledger_states_js__WEBPACK_IMPORTED_MODULE_0__/* .isActive */ .$m)(state))
        return 'running';
    return 'cancelled'; // CANCELLED, STOPPED, DELETED
}
function tally(runs) {
    const t = { runs: runs.length, ok: 0, failed: 0, cancelled: 0, running: 0 };
    for (const r of runs)
        t[outcome(r.state)]++;
    return t;
}
/** Metrics whose smaller values are better, by name, unless a threshold says otherwise. */
function lowerIsBetter(metric) {
    return /loss|err|perplexity|ppl|mse|mae|rmse|nll|wer|cer|latency|time|regret/i.test(metric);
}
/**
 * The metric a report features besides the loss: `model.primaryMetric`, else the first metric
 * other than `loss` and `step` in the runs' histories, else in their final values.
 */
function primaryMetric(model) {
    if (model.primaryMetric)
        return model.primaryMetric;
    const skip = (k) => k === 'loss' || k === 'step';
    for (const r of model.runs)
        for (const h of r.history ?? [])
            for (const k of Object.keys(h))
                if (!skip(k))
                    return k;
    for (const r of model.runs)
        for (const k of Object.keys(r.final))
            if (!skip(k))
                return k;
    return undefined;
}


/***/ }),

/***/ 4617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PS: () => (/* binding */ isReport),
/* harmony export */   S3: () => (/* binding */ publishReport),
/* harmony export */   TU: () => (/* binding */ findCheckRun),
/* harmony export */   dO: () => (/* binding */ checkStatus)
/* harmony export */ });
/* unused harmony exports CHECK_PREFIX, checkName, existingCheck, launchChecks, publishCheckRun, publishComment */
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(856);


/** What every launch's check run is named with: `trainer: <experiment>`. */
const CHECK_PREFIX = 'trainer: ';
/** The check run's name for an experiment. */
const checkName = (experiment) => `${CHECK_PREFIX}${experiment}`;
/** Whether an API error is GitHub refusing this token a write (a fork PR's read-only token, missing permissions). */
function refused(e) {
    const status = e.status;
    return status === 403 || status === 404;
}
/** The check run's status for a report: queued until a run starts, in_progress, completed with a conclusion. */
function checkStatus(model, r) {
    if (r.conclusion !== undefined)
        return 'completed';
    return model.runs.some(x => x.state !== 'CREATED' && x.state !== 'QUEUED') ? 'in_progress' : 'queued';
}
/** The launch's check run on its head SHA, if a report made one (found by name and external_id). */
async function findCheckRun(gh, g, model) {
    const existing = await gh.paginate(gh.rest.checks.listForRef, {
        owner: g.owner,
        repo: g.repo,
        ref: model.github?.headSha ?? g.headSha,
        check_name: checkName(model.experiment),
        filter: 'all',
        per_page: 100,
    });
    const mine = existing.find(c => c.external_id === model.launchId);
    return mine && existingCheck(mine);
}
/** A check run as the API lists it, as far as a report needs it. */
function existingCheck(c) {
    return {
        id: c.id,
        url: c.html_url ?? '',
        status: c.status,
        conclusion: c.conclusion,
        summary: c.output.summary,
        text: c.output.text,
        annotationsCount: c.output.annotations_count,
    };
}
/**
 * The launch check runs on a commit, newest first: named `trainer: *`, with a launch id
 * (`external_id`), and made by `app` (a slug: `github-actions` for a workflow's GITHUB_TOKEN).
 * A check run of any other app is never a launch, whatever its name: anyone whose workflow may
 * write checks could make one.
 */
async function launchChecks(gh, g, sha, app) {
    const checks = await gh.paginate(gh.rest.checks.listForRef, {
        owner: g.owner,
        repo: g.repo,
        ref: sha,
        filter: 'all',
        per_page: 100,
    });
    return checks
        .filter(c => c.name.startsWith(CHECK_PREFIX) && c.app?.slug === app && c.external_id)
        .sort((a, b) => b.id - a.id)
        .map(c => ({
        check: existingCheck(c),
        name: c.name,
        experiment: c.name.slice(CHECK_PREFIX.length),
        externalId: c.external_id ?? '',
        headSha: c.head_sha,
        title: c.output.title,
    }));
}
/**
 * Creates or updates the launch's check run on the head SHA: queued/in_progress while runs
 * are under way, completed with a conclusion when they end. An update that would change
 * neither the status, the conclusion nor the summary is not sent (the request budget). Annotations go with
 * the completing update, the first 50 in it and the rest 50 to a further update, and only
 * once: a check run completed with annotations already gets none again.
 */
async function publishCheckRun(gh, g, model, r, o = {}) {
    const name = checkName(model.experiment);
    const repo = { owner: g.owner, repo: g.repo };
    const mine = o.existing;
    const status = checkStatus(model, r);
    const state = r.conclusion !== undefined
        ? { status: 'completed', conclusion: r.conclusion, completed_at: new Date().toISOString() }
        : { status: status };
    const same = mine?.status === state.status &&
        mine.summary === r.check &&
        (state.status !== 'completed' || mine.conclusion === r.conclusion);
    if (mine && same)
        return { id: mine.id, url: mine.url, written: false };
    const completing = state.status === 'completed' && !(mine?.status === 'completed' && mine.annotationsCount > 0);
    const annotations = completing ? [...(o.annotations ?? [])] : [];
    const text = o.text?.(mine, o.commentId);
    const output = (batch) => ({
        title: r.title,
        summary: r.check,
        ...(text === undefined ? {} : { text }),
        ...(batch.length ? { annotations: batch } : {}),
    });
    const first = annotations.splice(0, _annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS_PER_REQUEST */ .jg);
    const written = mine
        ? await gh.rest.checks.update({ ...repo, check_run_id: mine.id, output: output(first), ...state })
        : await gh.rest.checks.create({
            ...repo,
            name,
            head_sha: model.github?.headSha ?? g.headSha,
            external_id: model.launchId,
            output: output(first),
            ...(g.runId ? { details_url: `${g.serverUrl}/${g.repository}/actions/runs/${g.runId}` } : {}),
            ...state,
        });
    const id = written.data.id;
    while (annotations.length)
        await gh.rest.checks.update({
            ...repo,
            check_run_id: id,
            output: output(annotations.splice(0, _annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS_PER_REQUEST */ .jg)),
        });
    return { id, url: written.data.html_url ?? '', written: true };
}
/**
 * Whether a comment is the report: its first line the marker, written by an app
 * (`github-actions[bot]` for a workflow's GITHUB_TOKEN) or by someone of the repository (a
 * token of theirs). Anyone may post a comment whose first line is the marker; taken for the
 * report, it would be edited by the bot and rewritten by its author afterwards, and the bot's
 * own report never made.
 */
function isReport(c, marker) {
    const writer = c.user?.type === 'Bot' || ['OWNER', 'MEMBER', 'COLLABORATOR'].includes(c.author_association ?? '');
    return writer && (c.body ?? '').split('\n', 1)[0]?.trim() === marker;
}
/**
 * Edits the PR's sticky comment for this experiment in place, or makes it (first report, or a
 * person deleted it). Only a comment whose first line is the marker, written by an app or by
 * someone of the repository, counts.
 */
async function publishComment(gh, g, pr, r, known) {
    const repo = { owner: g.owner, repo: g.repo };
    // the comment an earlier report wrote, if it is still there and still the report: two
    // requests, however many comments the PR has
    const earlier = known === undefined
        ? undefined
        : await gh.rest.issues.getComment({ ...repo, comment_id: known }).then(c => c.data, (e) => {
            if (e.status === 404)
                return undefined;
            throw e;
        });
    if (earlier && earlier.issue_url.endsWith(`/issues/${pr}`) && isReport(earlier, r.marker)) {
        if (earlier.body === r.comment)
            return { id: earlier.id, url: earlier.html_url };
        const u = await gh.rest.issues.updateComment({ ...repo, comment_id: earlier.id, body: r.comment });
        return { id: u.data.id, url: u.data.html_url };
    }
    const comments = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 });
    const mine = comments.find(c => isReport(c, r.marker));
    // the same report again: nothing to send (the request budget)
    if (mine && mine.body === r.comment)
        return { id: mine.id, url: mine.html_url };
    if (mine) {
        const u = await gh.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: r.comment });
        return { id: u.data.id, url: u.data.html_url };
    }
    const c = await gh.rest.issues.createComment({ ...repo, issue_number: pr, body: r.comment });
    return { id: c.data.id, url: c.data.html_url };
}
/** Publishes the check run and the comment where the context allows; problems are collected, not thrown. */
async function publishReport(gh, g, model, r, o) {
    const out = { problems: [] };
    if (!g || !gh) {
        if (o.check || o.comment)
            out.problems.push('not on GitHub (no GITHUB_REPOSITORY or token): nothing published there');
        return out;
    }
    /** One part of the report; what goes wrong is said in the problems, with the permission it may lack. */
    const part = async (what, refusedWhy, fn) => {
        try {
            return await fn();
        }
        catch (e) {
            out.problems.push(refused(e)
                ? `${what} could not be written: ${refusedWhy} (${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)})`
                : `${what} could not be written: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(e)}`);
            return undefined;
        }
    };
    // the comment first: the check run's record counts the requests made for it
    const pr = model.github?.pullRequest ?? g.pullRequest;
    if (o.comment && pr !== undefined) {
        const c = await part('the PR comment', "this token may not write comments (a fork's read-only token; permissions: pull-requests: write)", () => publishComment(gh, g, pr, r, o.commentId));
        out.commentId = c?.id;
        out.commentUrl = c?.url;
    }
    if (o.check) {
        const c = await part('the check run', 'this token may not write checks (a pull request from a fork gets a read-only token; permissions: checks: write)', async () => {
            const w = o.check === true ? {} : o.check;
            const existing = w.existing ?? (await findCheckRun(gh, g, model));
            return publishCheckRun(gh, g, model, r, { ...w, existing, commentId: out.commentId });
        });
        out.checkRunId = c?.id;
        out.checkRunUrl = c?.url;
    }
    return out;
}


/***/ }),

/***/ 86815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ DEFAULT_REGRESSION_LABEL),
/* harmony export */   iW: () => (/* binding */ publishRegressionIssue)
/* harmony export */ });
/* unused harmony export regressionMarker */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4617);


const DEFAULT_REGRESSION_LABEL = 'trainer-regression';
/** The issue's first line. */
function regressionMarker(schedule, experiment) {
    // names are letters, digits, _ . - (schema): nothing in them can end the comment
    return `<!-- trainer-action:regression schedule=${schedule} experiment=${experiment} -->`;
}
function links(n) {
    return [(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownLink */ .iQ)("the night's check run", n.checkRunUrl), (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownLink */ .iQ)('the workflow run', n.runUrl)]
        .filter(Boolean)
        .join(' · ');
}
/** GitHub's limit on an issue's body, in characters. */
const BODY_MAX = 65_536;
function body(n) {
    const head = [
        regressionMarker(n.schedule, n.experiment),
        `The scheduled sweep ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(n.schedule)} of ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(n.experiment)} regressed on ${n.date} ` +
            `(commit ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(n.sha.slice(0, 7))})${n.against ? `, against the ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(n.against, { max: 500 })}` : ''}:`,
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
        const line = `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(r, { max: 500 })}`;
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
    const mine = open.find(i => !i.pull_request && (0,_publish_js__WEBPACK_IMPORTED_MODULE_1__/* .isReport */ .PS)(i, marker));
    if (!n.regressions.length) {
        if (!mine)
            return { action: 'unchanged' };
        const note = [`No regression on ${n.date} (commit ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(n.sha.slice(0, 7))}): closing.`, links(n)];
        await gh.rest.issues.createComment({ ...repo, issue_number: mine.number, body: note.filter(Boolean).join('\n\n') });
        await gh.rest.issues.update({ ...repo, issue_number: mine.number, state: 'closed', state_reason: 'completed' });
        return { action: 'closed', number: mine.number, url: mine.html_url };
    }
    const text = body(n);
    const title = (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .plainText */ .wh)(`Regression in the scheduled sweep ${n.schedule} (${n.experiment})`, 256);
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
    const still = `Still regressed on ${n.date} (commit ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(n.sha.slice(0, 7))}): ${n.regressions.length} regression${n.regressions.length === 1 ? '' : 's'}.`;
    await gh.rest.issues.createComment({
        ...repo,
        issue_number: mine.number,
        body: [still, links(n)].filter(Boolean).join('\n\n'),
    });
    return { action: 'updated', number: mine.number, url: mine.html_url };
}


/***/ })

};
