export const id = 23;
export const ids = [23];
export const modules = {

/***/ 15023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LaunchReporter: () => (/* binding */ LaunchReporter)
});

// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(37607);
;// CONCATENATED MODULE: ./src/kit/octokit.ts
/**
 * The one GitHub client: @octokit/rest with plugin-throttling (primary and secondary rate
 * limits: wait and retry, twice) and plugin-retry (5xx and network errors). The token comes
 * from the `github-token` input (default `${{ github.token }}`) or GITHUB_TOKEN in the CLI;
 * GITHUB_API_URL is honoured (GitHub Enterprise Server, the tests' emulator).
 */




const GitHubClient = dist_src/* Octokit */.E.plugin(plugin_throttling_dist_bundle/* throttling */.A, dist_bundle/* retry */.L);
/** A client for GitHub's REST API; a missing token is a ConfigError naming where it comes from. */
function githubClient(o) {
    if (!o.token)
        throw new errors/* ConfigError */.xL('no GitHub token: the github-token input (default ${{ github.token }}), or GITHUB_TOKEN', {
            key: 'github-token',
        });
    const retries = o.rateLimitRetries ?? 2;
    const limited = (kind) => (after, options, _o, count) => {
        o.log.warning(`GitHub ${kind} rate limit on ${options.method} ${options.url}: waiting ${after} s`);
        return count < retries;
    };
    return new GitHubClient({
        auth: o.token,
        baseUrl: o.apiUrl,
        userAgent: 'trainer-action',
        log: {
            debug: m => o.log.debug(m),
            info: m => o.log.debug(m),
            warn: m => o.log.warning(m),
            error: m => o.log.debug(m),
        },
        throttle: { ...o.throttle, onRateLimit: limited('primary'), onSecondaryRateLimit: limited('secondary') },
        ...(o.retryBaseMs === undefined ? {} : { retry: { retryAfterBaseValue: o.retryBaseMs } }),
    });
}
/** Counts the requests a client sends from now on (each retry too): what reporting spends of GitHub's budget. */
function countRequests(gh) {
    let n = 0;
    gh.hook.before('request', () => {
        n++;
    });
    return { count: () => n };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/backends/outcome.ts
var outcome = __webpack_require__(41893);
// EXTERNAL MODULE: ./src/ledger/states.ts
var states = __webpack_require__(86183);
;// CONCATENATED MODULE: ./src/report/model.ts
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

;// CONCATENATED MODULE: ./src/report/points.ts
/** Sweep points and run outcomes, as every part of a report counts them. */


function groupPoints(runs) {
    const groups = new Map();
    for (const r of runs) {
        const key = pointKey(r.point);
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
function points_outcome(state) {
    if (state === 'SUCCEEDED')
        return 'ok';
    if (state === 'FAILED' || state === 'ERROR')
        return 'failed';
    if ((0,states/* isActive */.$m)(state))
        return 'running';
    return 'cancelled'; // CANCELLED, STOPPED, DELETED
}
function tally(runs) {
    const t = { runs: runs.length, ok: 0, failed: 0, cancelled: 0, running: 0 };
    for (const r of runs)
        t[points_outcome(r.state)]++;
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

;// CONCATENATED MODULE: ./src/report/escape.ts
/**
 * Escaping user text (parameter values, reasons, metric names, run ids, links) for the
 * places a report goes: GitHub-flavoured Markdown (tables and prose), inline HTML, Mermaid.
 *
 * The rules, and why:
 * - `&`, `<`, `>`, `"` become entities, so no HTML gets through (not even inside our own
 *   `<details>`/`<code>`, where backslash escapes would not work).
 * - Every other character Markdown gives a meaning inline (`\` `` ` `` `*` `_` `[` `]` `(` `)`
 *   `#` `!` `~` `|` `$`) gets a backslash. `|` must: GFM splits table rows on an unescaped
 *   pipe before anything else, even inside code spans and link destinations. `$` starts math.
 * - Line breaks (CR, LF, VT, FF, NEL, U+2028/2029) become a space, or `<br>` where a table
 *   cell may keep them: a table stays one row per line. Other control characters and the
 *   bidirectional overrides (Trojan Source) are removed; a tab is a space.
 * - `@name` gets a WORD JOINER (U+2060, invisible) after the `@`, so GitHub's mention filter
 *   no longer sees a login and nobody is pinged. A backslash would not do: the filter runs on
 *   the rendered text, after the escape is gone. The same for `#123`: GitHub would link the
 *   issue and add a cross-reference event to its timeline, so issue references in reasons are
 *   broken too (`owner/repo#1` included). `GH-123`, commit SHAs and bare URLs are left to
 *   GitHub's autolinker: they notify no one.
 * - Text is cut at `max` code points (never inside a surrogate pair), with `…`.
 */
const WORD_JOINER = '\u2060';
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Cuts text at `max` code points, with `…` when something was cut. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const cps = Array.from(text);
    return cps.length <= max ? text : `${cps.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/** Text without control characters, bidirectional overrides or line breaks (`newline` instead). */
function clean(text, newline) {
    return (text
        .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, '\n')
        // a tab is a space; other C0/C1 controls, DEL and the bidi embedding/override/isolate marks go
        .replace(/\t/g, ' ')
        .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/\n+/g, newline));
}
/** User text for GitHub Markdown: safe in prose, table cells, link text and inline HTML. */
function escapeMarkdown(text, o = {}) {
    const newline = o.newline ?? ' ';
    const cut = o.max === undefined ? text : truncate(text, o.max);
    // line breaks become a placeholder first, so `<br>` is not escaped with the rest
    let s = clean(cut, '\n')
        .replace(/[&<>"]/g, c => ENTITIES[c])
        .replace(/[\\`*_[\]()#!~|$]/g, c => `\\${c}`);
    if (o.breakRefs ?? true)
        s = s.replace(/@(?=[\p{L}\p{N}])/gu, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`);
    return s.replace(/\n+/g, newline);
}
/** User text shown as code, in prose or a table cell: `<code>` with the text escaped (no backtick games). */
function inlineCode(text, o = {}) {
    return `<code>${escapeMarkdown(text, { ...o, breakRefs: false })}</code>`;
}
/**
 * An http(s) URL made safe for a Markdown link destination, or undefined for anything else
 * (relative paths, `ssh://`, `file:`, `javascript:`). Credentials in it are dropped; the
 * characters that could end the destination, start a code span, split a table row or look
 * like Markdown link syntax are percent-encoded. Meant for `[text](<url>)`.
 */
function httpUrl(url) {
    let u;
    try {
        u = new URL(url.trim());
    }
    catch {
        return undefined;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
        return undefined;
    u.username = '';
    u.password = '';
    const origin = `${u.protocol}//${u.host}`;
    const pct = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    // brackets stay only in an IPv6 host; after it, Markdown's brackets and parentheses go too
    return origin.replace(/[<>|`\\"'\s]/g, pct) + u.href.slice(origin.length).replace(/[<>|`\\"'\s()[\]]/g, pct);
}
/**
 * A link: `[text](<url>)` for an http(s) URL; anything else (a path, `user@host:/dir`, an
 * `ssh://` URL) is shown, not linked, as `text: <code>…</code>`. Empty when there is no URL.
 */
function markdownLink(text, url) {
    if (url === undefined || url.trim() === '')
        return '';
    const href = httpUrl(url);
    if (href !== undefined)
        return `[${escapeMarkdown(text)}](<${href}>)`;
    return `${escapeMarkdown(text)}: ${inlineCode(url, { max: 300 })}`;
}
/**
 * Text inside a Mermaid diagram (a title, an axis or line name): letters, digits and a few
 * harmless marks only. Quotes would end the string, `%%` starts a comment, `;` ends a
 * statement, and backticks start a Markdown string; all of them become `_`.
 */
function mermaidText(text, max = 60) {
    const s = truncate(clean(text, ' ').replace(/[^\p{L}\p{N} _.,:=+/()-]/gu, '_'), max).trim();
    return s === '' ? '_' : s;
}
/** Plain text on one line (a check run's title, which GitHub does not render as Markdown). */
function plainText(text, max = 200) {
    return truncate(clean(text, ' '), max);
}

;// CONCATENATED MODULE: ./src/report/annotations.ts


/** GitHub's limit per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** At most this many per launch: two requests. */
const MAX_ANNOTATIONS = 100;
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** One failure annotation per run that failed (FAILED or ERROR), at most MAX_ANNOTATIONS. */
function failureAnnotations(model, where) {
    if (!where)
        return [];
    const failed = model.runs.filter(r => points_outcome(r.state) === 'failed');
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
            title: plainText(`run ${r.id} ${r.state.toLowerCase()} (${pointLabel(r.point)}, seed ${r.seed})`, 255),
            message: plainText(r.reason ?? 'no reason recorded', 4000),
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(74528);
;// CONCATENATED MODULE: ./src/report/results.ts

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
    return textTable(head, rows, { rule: true });
}

;// CONCATENATED MODULE: ./src/report/baseline.ts
/**
 * Baselines: what a report compares against. Every report writes its launch's metrics per
 * sweep point as a baseline file (`baseline-<launch>.json`); `report.baseline` in trainer.yml
 * names such a file to compare later launches with.
 */





const Stat = schemas/* object */.Ikc({ mean: schemas/* number */.aig(), std: schemas/* number */.aig(), n: schemas/* number */.aig().int().min(0) });
const BaselineFileSchema = schemas/* object */.Ikc({
    v: schemas/* literal */.euz(1),
    experiment: schemas/* string */.YjP(),
    /** Where it came from: `<launch id>`, with the commit when known. */
    source: schemas/* string */.YjP(),
    points: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), Stat)),
});
/** A launch's metrics per sweep point, as a baseline for later launches (succeeded runs only). */
function baselineOf(model) {
    const points = {};
    for (const s of summarize(model.runs.map(r => ({ point: r.point, state: r.state, final: r.final }))))
        if (Object.keys(s.metrics).length)
            points[pointKey(s.point)] = s.metrics;
    const sha = model.github?.headSha;
    return {
        v: 1,
        experiment: model.experiment,
        source: sha ? `${model.launchId}@${sha.slice(0, 7)}` : model.launchId,
        points,
    };
}
/**
 * The points of `model` that `baseline` has a value of one of `metrics` for and that have none
 * here (their runs failed, or did not report it): a comparison that says nothing about them.
 */
function unmeasured(model, baseline, metrics) {
    return summarize(model.runs.map(r => ({ point: r.point, state: r.state, final: r.final })))
        .map(s => ({ key: pointKey(s.point), metrics: s.metrics }))
        .filter(s => metrics.some(m => baseline.points[s.key]?.[m] !== undefined && s.metrics[m] === undefined))
        .map(s => s.key);
}
/** A baseline file for an experiment; a file that is not one, or is another experiment's, is a ConfigError naming it. */
async function readBaseline(file, experiment) {
    let raw;
    try {
        raw = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (e) {
        throw new errors/* ConfigError */.xL(`report.baseline: ${file} cannot be read as JSON (${e.message})`, {
            key: 'report.baseline',
        });
    }
    const r = BaselineFileSchema.safeParse(raw);
    if (!r.success)
        throw new errors/* ConfigError */.xL(`report.baseline: ${file} is not a baseline file (trainer report writes them)`, {
            key: 'report.baseline',
        });
    if (r.data.experiment !== experiment)
        throw new errors/* ConfigError */.xL(`report.baseline: ${file} is experiment '${r.data.experiment}''s baseline, not '${experiment}''s`, { key: 'report.baseline' });
    return { source: r.data.source, points: r.data.points };
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(48720);
// EXTERNAL MODULE: ./src/runner/contract.ts
var contract = __webpack_require__(46670);
;// CONCATENATED MODULE: ./src/report/record.ts
/**
 * A launch's durable record on GitHub. On GitHub the ledger file dies with the workflow job,
 * but training may outlive the job: the launch's check run keeps what is needed to find its
 * runs again, as a hidden block in its output text (an HTML comment, which GitHub does not
 * show): the launch and its runs as the ledger last saw them, gzipped and base64-encoded, and
 * what reporting has spent of its request budget. `trainer reconcile` (actions/reconcile)
 * reads it back into a ledger of its own, polls the backend, and writes the record again.
 *
 * The record is data, never configuration: a reconcile takes the backend's options from its
 * own trainer.yml (the default branch's), so a record cannot point it at another host.
 */






const PREFIX = '<!-- trainer-action:launch-record v1 ';
const SUFFIX = ' -->';
const BLOCK = /<!-- trainer-action:launch-record v1 ([A-Za-z0-9+/]+={0,2}) -->/;
/**
 * Bounds on a record, checked before it is parsed and validated: a crafted block of a few
 * hundred bytes can inflate to millions of empty objects, which take a GiB to parse and
 * more to validate (an issue per missing field). A check run's text (65,535 characters)
 * holds about 1.5 MB of a real record, ten objects or so per run.
 */
const MAX_JSON_BYTES = 8 * 1024 * 1024;
const MAX_CONTAINERS = 200_000;
const MAX_RUNS = 10_000;
/** Objects and arrays in a JSON text, at most (a `{` or `[` inside a string counts too). */
function containers(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x7b || c === 0x5b)
            n++;
    }
    return n;
}
const runCount = (x) => (Array.isArray(x) ? x.length : 0);
/** A run's fields that its plan entry holds too: left out of the block, taken from the plan again. */
const FROM_PLAN = [
    'launchId',
    'experiment',
    'index',
    'seed',
    'params',
    'resources',
    'image',
    'output',
    'backend',
];
const RunShape = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1),
    state: schemas/* enum */.k5n(states/* RUN_STATES */.vP),
    attempt: schemas/* number */.aig().int().min(1),
    handle: schemas/* string */.YjP().optional(),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()),
    links: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()),
});
const launchId = schemas/* string */.YjP().regex(plan/* LAUNCH_ID */.QS, 'not a launch id');
const experiment = schemas/* string */.YjP().regex(schema/* EXPERIMENT_NAME */.QJ, 'not an experiment name');
const RecordShape = schemas/* object */.Ikc({
    v: schemas/* literal */.euz(1),
    launch: schemas/* looseObject */._H3({
        id: launchId,
        experiment,
        backend: schemas/* string */.YjP().min(1),
        createdAt: schemas/* string */.YjP(),
        status: schemas/* enum */.k5n(['ACTIVE', 'SUCCEEDED', 'FAILED', 'CANCELLED']),
        plan: schemas/* looseObject */._H3({
            launchId,
            experiment,
            runs: schemas/* array */.YOg(schemas/* looseObject */._H3({
                id: schemas/* string */.YjP().min(1),
                experiment: schemas/* string */.YjP(),
                index: schemas/* number */.aig().int().min(0),
                seed: schemas/* number */.aig().int(),
                params: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
                point: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
                resources: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()),
                output: contract/* RunOutput */.NF,
                backend: schemas/* string */.YjP(),
            }))
                .min(1),
        }),
    }),
    runs: schemas/* array */.YOg(RunShape),
    budget: schemas/* object */.Ikc({
        requests: schemas/* number */.aig().int().min(0),
        updatedAt: schemas/* string */.YjP().optional(),
        states: schemas/* string */.YjP().optional(),
        commentId: schemas/* number */.aig().int().positive().optional(),
    }),
});
/** The hidden block for a check run's output text. */
function encodeRecord(r) {
    const skip = new Set(FROM_PLAN);
    const runs = r.runs.map(run => Object.fromEntries(Object.entries(run).filter(([k]) => !skip.has(k))));
    return PREFIX + (0,external_node_zlib_.gzipSync)(JSON.stringify({ ...r, runs }), { level: 9 }).toString('base64') + SUFFIX;
}
/**
 * The record a check run's output text holds, or why it cannot be read (`none` when the text
 * has no block: a check run made by something else, or by a release before records).
 */
function decodeRecord(text) {
    const m = BLOCK.exec(text ?? '');
    if (!m)
        return { problem: 'none' };
    let raw;
    try {
        const json = (0,external_node_zlib_.gunzipSync)(Buffer.from(m[1], 'base64'), { maxOutputLength: MAX_JSON_BYTES }).toString('utf8');
        if (containers(json) > MAX_CONTAINERS)
            return { problem: `its launch record cannot be read (over ${MAX_CONTAINERS} objects)` };
        raw = JSON.parse(json);
    }
    catch (e) {
        return { problem: `its launch record cannot be read (${e.message})` };
    }
    const shape = raw;
    if (Math.max(runCount(shape?.runs), runCount(shape?.launch?.plan?.runs)) > MAX_RUNS)
        return { problem: `its launch record is not one (over ${MAX_RUNS} runs)` };
    const r = RecordShape.safeParse(raw);
    if (!r.success) {
        const i = r.error.issues[0];
        return { problem: `its launch record is not one (${i.path.join('.') || 'the record'}: ${i.message})` };
    }
    const launch = r.data.launch;
    const not = (why) => ({ problem: `its launch record is not one (${why})` });
    // one launch, whole: its plan's, every run of it once, nothing of another launch
    if (launch.plan.launchId !== launch.id)
        return not(`launch ${launch.id} holds the plan of ${launch.plan.launchId}`);
    if (launch.plan.experiment !== launch.experiment || launch.plan.runs.some(x => x.experiment !== launch.experiment))
        return not(`its plan is not experiment ${launch.experiment}'s`);
    const planned = new Map(launch.plan.runs.map(x => [x.id, x]));
    if (planned.size !== launch.plan.runs.length)
        return not('its plan holds a run twice');
    const alien = launch.plan.runs.find(x => !x.id.startsWith(`${launch.id}.`));
    if (alien)
        return not(`run ${alien.id} is not a run of launch ${launch.id}`);
    const runs = [];
    for (const x of r.data.runs) {
        const p = planned.get(x.id);
        if (!p)
            return not(`run ${x.id} is not in launch ${launch.id}`);
        runs.push({
            ...x,
            launchId: launch.id,
            experiment: p.experiment,
            index: p.index,
            seed: p.seed,
            params: p.params,
            resources: p.resources,
            image: p.image,
            output: p.output,
            backend: p.backend,
        });
    }
    if (runs.length !== planned.size || new Set(runs.map(x => x.id)).size !== planned.size)
        return not(`it holds ${runs.length} runs for the ${planned.size} of its plan`);
    return { v: 1, launch, runs, budget: r.data.budget };
}
/** Bytes the block of this record takes. */
const recordSize = (r) => encodeRecord(r).length;
/** Requests to GitHub's API one launch may use over its whole life (issue 10). */
const REQUEST_BUDGET = 200;
/** Kept back from progress updates for the final report (the check run, its annotations, the comment). */
const FINAL_RESERVE = 20;
/** A check run is updated at most this often, unless a run changed state. */
const MIN_UPDATE_S = 30;
/** The runs' states as a key: a report whose key changed is a state change. */
function statesKey(runs) {
    const n = new Map();
    for (const r of runs)
        n.set(r.state, (n.get(r.state) ?? 0) + 1);
    return [...n]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([s, k]) => `${s}:${k}`)
        .join(',');
}
/**
 * Whether a report update is due. A final one always is, and so is the first. A progress update
 * is due when a run changed state since the last one, at most every MIN_UPDATE_S (`waitMs`
 * says how long until it may be sent), and only while the launch's budget has more than
 * FINAL_RESERVE requests left.
 */
function updateDue(prev, o) {
    if (o.final)
        return { due: true, why: 'final' };
    if (!prev)
        return { due: true, why: 'first report' };
    if (prev.requests >= REQUEST_BUDGET - FINAL_RESERVE)
        return {
            due: false,
            why: `${prev.requests} of ${REQUEST_BUDGET} requests used; the rest are kept for the final report`,
        };
    if (prev.states === o.states)
        return { due: false, why: 'no run changed state' };
    const since = prev.updatedAt ? (o.now.getTime() - Date.parse(prev.updatedAt)) / 1000 : Infinity;
    return since >= MIN_UPDATE_S
        ? { due: true, why: 'a run changed state' }
        : {
            due: false,
            why: `a run changed state, but the check run was updated ${Math.round(since)} s ago (at most every ${MIN_UPDATE_S} s)`,
            waitMs: Math.ceil((MIN_UPDATE_S - since) * 1000),
        };
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** Numbers and durations as a report shows them. */
/** A metric value: 3 significant digits, exponent notation outside [0.001, 1000); `–` when not finite. */
function format_num(x) {
    if (!Number.isFinite(x))
        return '–';
    if (x === 0)
        return '0';
    return Math.abs(x) >= 1000 || Math.abs(x) < 0.001 ? x.toExponential(2) : String(+x.toPrecision(3));
}
/** A difference with its sign: `+0.05`, `-0.012`, `0`. */
function signed(x) {
    return x > 0 ? `+${format_num(x)}` : format_num(x);
}
/** A mean over seeds: `0.91 ± 0.01 (3)`; one seed has no spread: `0.91 (1)`. */
function meanStd(v) {
    return v.n > 1 ? `${format_num(v.mean)} ± ${format_num(v.std)} (${v.n})` : `${format_num(v.mean)} (${v.n})`;
}
/** A count with thousands separators: `5,000`. */
function count(n) {
    return n.toLocaleString('en-US');
}
/** `1 run`, `3 runs`. */
function plural(n, one, many = `${one}s`) {
    return `${count(n)} ${n === 1 ? one : many}`;
}
/** A duration in seconds: `45s`, `3m 05s`, `2h 04m`, `3d 02h`; `–` when unknown. */
function duration(s) {
    if (s === undefined || !Number.isFinite(s) || s < 0)
        return '–';
    const t = Math.round(s);
    const two = (n) => String(n).padStart(2, '0');
    if (t < 60)
        return `${t}s`;
    if (t < 3600)
        return `${Math.floor(t / 60)}m ${two(t % 60)}s`;
    if (t < 86_400)
        return `${Math.floor(t / 3600)}h ${two(Math.floor((t % 3600) / 60))}m`;
    return `${Math.floor(t / 86_400)}d ${two(Math.floor((t % 86_400) / 3600))}h`;
}
const MERMAID_NUMBER = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 5 });
/**
 * A number as Mermaid's xychart grammar reads it (`[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent, no
 * grouping): 5 significant digits.
 */
function mermaidNumber(x) {
    const y = +x.toPrecision(5);
    if (y === 0)
        return '0';
    const s = String(y);
    // String() switches to exponent notation below 1e-6 and from 1e21 on; Intl never does (but is slow)
    return s.includes('e') ? MERMAID_NUMBER.format(y) : s;
}

;// CONCATENATED MODULE: ./src/report/curves.ts
/**
 * Training curves as Mermaid `xychart-beta` blocks, which GitHub draws in comments, check runs
 * and job summaries: the loss and the primary metric against the step, one line per sweep
 * point, its seeds averaged.
 *
 * What the chart grammar allows, and what follows from it (mermaid's `xychart.jison` and
 * `xychartDb.ts`):
 * - numbers are `[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent, so values are written in full;
 * - a numeric x-axis (`x-axis "step" 0 --> 1000`) spreads each line's values evenly from its
 *   minimum to its maximum, so every line has one value per point of one shared, evenly
 *   spaced grid of steps. Mermaid makes the grid by adding (max - min)/(n - 1) up to max: the
 *   step between grid points is kept a whole number (or checked) so no point is lost to
 *   rounding; when it cannot be, the axis is categorical instead;
 * - there is no legend (in the versions GitHub runs), so the lines get a fixed palette
 *   (front matter `themeVariables.xyChart.plotColorPalette`), a name, and a caption under the
 *   chart that says which coloured line is which point;
 * - texts are quoted and may not hold `"`; `%%` starts a comment anywhere.
 *
 * The grid: at most `maxPoints` (100) steps. A point's value at a grid step is the mean of its
 * seed-averaged values in that step's bucket (half a grid step either side); a bucket with no
 * value is interpolated from the neighbouring steps; before a point's first or after its last
 * step its line is held flat at that value (the caption says where a line's steps end).
 * Steps: a history entry's `step`, else its position in the history. NaN and ±Infinity are
 * skipped, never written.
 */



/** Line colours, and the emoji square each is told by in the caption (GitHub Primer colours). */
const PALETTE = [
    { color: '#2f81f7', square: '🟦' },
    { color: '#f0883e', square: '🟧' },
    { color: '#3fb950', square: '🟩' },
    { color: '#f85149', square: '🟥' },
    { color: '#a371f7', square: '🟪' },
    { color: '#9e6a03', square: '🟫' },
    { color: '#d29922', square: '🟨' },
    { color: '#6e7781', square: '⬛' },
];
/** The metrics the curves plot: `loss` and the primary metric, those that some history has. */
function curveMetrics(model) {
    const primary = primaryMetric(model);
    const wanted = primary && primary !== 'loss' ? ['loss', primary] : ['loss'];
    return wanted.filter(m => model.runs.some(r => r.history?.some(h => m in h)));
}
/** Curves already computed, per model and metric: a report renders the same curves for each target. */
const computed = new WeakMap();
/** Each sweep point's curve of `metric`: per step, the mean over the seeds that reached it (computed once per model). */
function curve(model, metric) {
    let byMetric = computed.get(model);
    if (!byMetric)
        computed.set(model, (byMetric = new Map()));
    const known = byMetric.get(metric);
    if (known)
        return known;
    const c = computeCurve(model, metric);
    byMetric.set(metric, c);
    return c;
}
function computeCurve(model, metric) {
    let skipped = 0;
    const lines = [];
    for (const g of groupPoints(model.runs)) {
        const acc = new Map();
        let runs = 0;
        const ends = [];
        for (const r of g.runs) {
            if (!r.history)
                continue;
            const seen = new Map(); // a step logged twice in one run: its last value
            r.history.forEach((h, i) => {
                const v = h[metric];
                if (typeof v !== 'number')
                    return;
                if (!Number.isFinite(v))
                    return void skipped++;
                const s = h.step;
                seen.set(typeof s === 'number' && Number.isFinite(s) ? s : i, v);
            });
            if (seen.size === 0)
                continue;
            runs++;
            let end = -Infinity;
            for (const k of seen.keys())
                if (k > end)
                    end = k;
            ends.push(end);
            for (const [s, v] of seen) {
                const a = acc.get(s);
                if (a) {
                    a.sum += v;
                    a.n++;
                }
                else
                    acc.set(s, { sum: v, n: 1 });
            }
        }
        if (runs === 0)
            continue;
        const points = [...acc].map(([s, a]) => [s, a.sum / a.n]).sort((a, b) => a[0] - b[0]);
        lines.push({ label: pointLabel(g.point), runs, ends, points });
    }
    return { metric, lines, skipped };
}
/** How many categories Mermaid makes for a numeric x-axis and `n` values (its own loop, in doubles). */
function mermaidLinearCount(min, max, n) {
    if (n < 2)
        return n;
    const step = (max - min) / (n - 1);
    if (!(step > 0))
        return 1;
    let k = 0;
    for (let i = min; i <= max; i += step)
        k++;
    return k;
}
/** The number written for an x-axis step: whole numbers in full, others to 10 significant digits. */
const stepText = (x) => Number.isInteger(x) && Math.abs(x) < 1e21 ? String(x) : String(+x.toPrecision(10));
function grid(lines, max = 100) {
    const distinct = [...new Set(lines.flatMap(l => l.points.map(p => p[0])))].sort((a, b) => a - b);
    const lo = distinct[0] ?? 0;
    const hi = distinct[distinct.length - 1] ?? 0;
    if (distinct.length <= 1)
        return { steps: [lo], linear: false };
    const whole = distinct.every(Number.isInteger);
    const gaps = distinct.slice(1).map((s, i) => s - distinct[i]);
    let step;
    if (distinct.length <= max && gaps.every(g => g === gaps[0]))
        step = gaps[0];
    else
        step = (hi - lo) / (Math.max(2, max) - 1);
    if (whole)
        step = Math.max(1, Math.ceil(step));
    const n = Math.min(max, Math.ceil((hi - lo) / step - 1e-9) + 1);
    const steps = Array.from({ length: n }, (_, j) => lo + j * step);
    const first = Number(stepText(steps[0]));
    const last = Number(stepText(steps[n - 1]));
    return { steps, linear: mermaidLinearCount(first, last, n) === n };
}
/** A line's values on the grid: bucket means, interpolated where a bucket is empty, held flat outside. */
function resample(points, steps) {
    const n = steps.length;
    if (points.length === 0)
        return [];
    const half = n > 1 ? (steps[1] - steps[0]) / 2 : Infinity;
    const sum = new Array(n).fill(0);
    const cnt = new Array(n).fill(0);
    let j = 0;
    for (const [s, v] of points) {
        while (j < n - 1 && s >= steps[j] + half)
            j++;
        if (Math.abs(s - steps[j]) <= half) {
            sum[j] += v;
            cnt[j]++;
        }
    }
    const first = points[0];
    const last = points[points.length - 1];
    let k = 0; // points[k] is the first point at or after the grid step
    return steps.map((x, i) => {
        if (cnt[i] > 0)
            return sum[i] / cnt[i];
        if (x <= first[0])
            return first[1];
        if (x >= last[0])
            return last[1];
        while (points[k][0] < x)
            k++;
        const [x1, y1] = points[k];
        const [x0, y0] = points[k - 1];
        return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    });
}
/** The y-axis range: the values' span with 5% to spare, never empty. */
function yRange(values) {
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const pad = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
    return [lo, hi];
}
const bound = (x, dir) => {
    // 4 significant digits, rounded outward so every value stays inside the axis
    if (x === 0)
        return '0';
    const e = Math.floor(Math.log10(Math.abs(x))) - 3;
    const f = 10 ** e;
    // (a hair of tolerance: 0.7 / 0.0001 is 6999.999… in doubles; the 5% pad leaves room)
    const r = dir === 'down' ? Math.floor(x / f + 1e-9) * f : Math.ceil(x / f - 1e-9) * f;
    return mermaidNumber(+r.toPrecision(4));
};
/** One chart: the ```mermaid fence. */
function chart(title, metric, g, lines) {
    const all = lines.flatMap(l => l.values);
    const [lo, hi] = yRange(all);
    const colors = lines.map((_, i) => PALETTE[i % PALETTE.length].color).join(', ');
    const x = g.linear
        ? `${stepText(g.steps[0])} --> ${stepText(g.steps[g.steps.length - 1])}`
        : `[${g.steps.map(s => `"${stepText(s)}"`).join(', ')}]`;
    return [
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    width: 900',
        '    xAxis:',
        '      labelFontSize: 12',
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${colors}"`,
        '---',
        'xychart-beta',
        `  title "${mermaidText(title, 80)}"`,
        `  x-axis "step" ${x}`,
        `  y-axis "${mermaidText(metric)}" ${bound(lo, 'down')} --> ${bound(hi, 'up')}`,
        ...lines.map(l => `  line "${mermaidText(l.label)}" [${l.values.map(mermaidNumber).join(', ')}]`),
        '```',
    ].join('\n');
}
/**
 * The curves of a report: charts (a Mermaid block and its caption each) for `loss` and the
 * primary metric, and notes on what they could not show.
 */
function curves_curveBlocks(model, o = {}) {
    const maxPoints = Math.max(2, o.maxPoints ?? 100);
    const per = Math.max(1, Math.min(o.linesPerChart ?? PALETTE.length, PALETTE.length));
    const blocks = [];
    const notes = [];
    const total = model.runs.length;
    const withHistory = model.runs.filter(r => r.history && r.history.length > 0).length;
    if (total > 0 && withHistory < total)
        notes.push(`${plural(total - withHistory, 'run')} ${total - withHistory === 1 ? 'has' : 'have'} no metric history: curves from ${count(withHistory)} of ${plural(total, 'run')}.`);
    const metrics = curveMetrics(model);
    const primary = primaryMetric(model);
    for (const m of ['loss', ...(primary && primary !== 'loss' ? [primary] : [])])
        if (!metrics.includes(m) && withHistory > 0)
            notes.push(`No history has ${inlineCode(m)}: no curve of it.`);
    for (const m of metrics) {
        const c = curve(model, m);
        if (c.skipped > 0)
            notes.push(`${plural(c.skipped, 'value')} of ${inlineCode(m)} in the histories ${c.skipped === 1 ? 'was' : 'were'} NaN or infinite: left out of the curves.`);
        const withMetric = c.lines.reduce((n, l) => n + l.runs, 0);
        if (withMetric < withHistory)
            notes.push(`${plural(withHistory - withMetric, 'run')} with a history ${withHistory - withMetric === 1 ? 'has' : 'have'} no ${inlineCode(m)} in it: ${m === 'loss' ? 'the loss' : 'its'} curves are from the other runs.`);
        const g = grid(c.lines, maxPoints);
        const resampled = c.lines.map(l => ({ ...l, values: resample(l.points, g.steps) }));
        const parts = Math.ceil(resampled.length / per);
        for (let p = 0; p < parts; p++) {
            const lines = resampled.slice(p * per, (p + 1) * per);
            const title = parts > 1 ? `${m} (${p + 1} of ${parts})` : m;
            const caption = lines.map((l, i) => {
                const last = l.points[l.points.length - 1][0];
                const early = l.ends.filter(e => e < last).length;
                const end = (early ? `; ${count(early)} of them ${early === 1 ? 'ends' : 'end'} before step ${stepText(last)}` : '') +
                    (last < g.steps[g.steps.length - 1] ? `; to step ${stepText(last)}` : '');
                return `${PALETTE[i % PALETTE.length].square} ${escapeMarkdown(l.label, { max: 120 })} (${plural(l.runs, 'run')}${end})`;
            });
            blocks.push(`${chart(title, m, g, lines)}\n\n<sub>${caption.join(' · ')}</sub>`);
        }
    }
    return { blocks, notes, withHistory };
}

;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * A launch's report as Markdown, for the three places it goes: a check run's output summary,
 * the sticky PR comment and the job summary. Pure functions of a ReportModel: no I/O, no
 * clock. Every piece of user text goes through ./escape.ts.
 *
 * Size limits (GitHub's, as documented and as enforced):
 * - check run `output.summary` and `output.text`: 65,535 each. The REST description says
 *   "characters" (`maxLength: 65535` in @octokit/openapi), but GitHub enforces *bytes*: "summary
 *   exceeds a maximum bytesize of 65535" (github/docs#35252, github/rest-api-description#5399);
 * - an issue/PR comment body: 65,536 characters ("Body is too long (maximum is 65536
 *   characters)", the 422 every comment-posting action has met);
 * - a job summary: 1 MiB per step, counted in bytes ("$GITHUB_STEP_SUMMARY upload aborted,
 *   supports content up to a size of 1024k"); over it the upload fails, nothing is truncated.
 * Every target is measured here in UTF-8 bytes: a byte count is never smaller than a count of
 * characters (code points or UTF-16 units), so a report that fits in bytes fits whatever
 * GitHub counts; non-ASCII text only makes the report shorten a little earlier.
 *
 * Over a limit the report is shortened in this order, stopping as soon as it fits, and says
 * so at the top ("Shortened …; the full report is in the artifact"):
 * 1. the runs table keeps only the runs that did not succeed;
 * 2. the runs table goes;
 * 3. the curves are drawn on 25 steps instead of 100;
 * 4. the curves go;
 * 5. the points table keeps its first rows, with "N more points";
 * 6. the notes on what could not be shown keep their first lines.
 * Tables and code fences are only ever dropped or cut between whole rows.
 */





/** GitHub's limits per target (see the module comment), all measured here in UTF-8 bytes. */
const REPORT_LIMITS = { check: 65_535, comment: 65_536, summary: 1_048_576 };
const MARKER = /^<!-- trainer-action:report experiment=(\S+) -->$/;
const MAX_METRIC_COLUMNS = 10;
const MAX_IDS = 10;
const MAX_NOTES = 20;
const FOLD_RUNS = 10;
/**
 * The hidden first line of the sticky comment: `<!-- trainer-action:report experiment=<exp> -->`.
 * The name is URI-encoded (and `-` where another follows or it ends the name), so it can
 * neither end the comment early nor break it, nor hold a space.
 */
function reportMarker(experiment) {
    // cmark-gfm takes `<!-- … -->` as a comment only if the text holds no `--` and does not end with `-`
    const name = encodeURIComponent(experiment).replace(/-(?=-|$)/g, '%2D');
    return `<!-- trainer-action:report experiment=${name} -->`;
}
/** The experiment named by a report marker on the first line of `text`, or undefined. */
function parseReportMarker(text) {
    const m = MARKER.exec((text.split('\n', 1)[0] ?? '').trim());
    if (!m)
        return undefined;
    try {
        return decodeURIComponent(m[1]);
    }
    catch {
        return undefined;
    }
}
// ---------------------------------------------------------------------------------------------
// numbers behind the tables
/** A run's final values that are finite numbers (the model promises it; a renderer checks). */
const finite = (final) => Object.fromEntries(Object.entries(final).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
function pointRows(model) {
    return groupPoints(model.runs).map(g => {
        const s = summarize(g.runs.map(r => ({ point: r.point, state: r.state, final: finite(r.final) })))[0];
        return { key: g.key, label: pointLabel(g.point), point: g.point, tally: tally(g.runs), summary: s?.metrics ?? {} };
    });
}
/** The metrics shown as columns: the primary metric, then `loss`, then the rest by name; at most `max`. */
function metricColumns(model, max = MAX_METRIC_COLUMNS) {
    const names = [...new Set(model.runs.flatMap(r => Object.keys(finite(r.final))))].sort();
    const primary = primaryMetric(model);
    const first = [primary, 'loss'].filter((m) => m !== undefined && names.includes(m));
    const ordered = [...new Set([...first, ...names])];
    return { shown: ordered.slice(0, max), hidden: ordered.slice(max) };
}
/** The change against the baseline's mean: an arrow only beyond the larger of the two spreads. */
function delta(current, base) {
    const d = current.mean - base.mean;
    const spread = Math.max(current.std, base.std);
    return { d, arrow: Math.abs(d) > spread ? (d > 0 ? '↑' : '↓') : '≈' };
}
// ---------------------------------------------------------------------------------------------
// Markdown tables
/** A Markdown table from cells that are already escaped; a cell never holds a line break. */
function table(head, rows) {
    const line = (cells) => `| ${head.map((_, i) => (cells[i] ?? '').replace(/[\r\n]+/g, ' ')).join(' | ')} |`;
    return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)];
}
function pointsParts(model) {
    const rows = pointRows(model);
    const params = paramNames(model.runs);
    const { shown, hidden } = metricColumns(model);
    const base = model.baseline;
    const withDelta = new Set(base ? shown.filter(m => Object.values(base.points).some(p => p[m] !== undefined)) : []);
    const any = tally(model.runs);
    const head = [
        ...params.map(p => escapeMarkdown(p, { max: 60 })),
        'ok/runs',
        'failed',
        'running',
        ...(any.cancelled ? ['cancelled'] : []),
        ...shown.flatMap(m => [
            escapeMarkdown(m, { max: 60 }),
            ...(withDelta.has(m) ? [`Δ ${escapeMarkdown(m, { max: 60 })}`] : []),
        ]),
    ];
    const body = rows.map(r => [
        ...params.map(p => (p in r.point ? escapeMarkdown(String(r.point[p]), { max: 100 }) : '–')),
        `${r.tally.ok}/${r.tally.runs}`,
        String(r.tally.failed),
        String(r.tally.running),
        ...(any.cancelled ? [String(r.tally.cancelled)] : []),
        ...shown.flatMap(m => {
            const v = r.summary[m];
            const cells = [v ? meanStd(v) : '–'];
            if (withDelta.has(m)) {
                const b = base?.points[r.key]?.[m];
                const x = v && b ? delta(v, b) : undefined;
                cells.push(x ? `${x.arrow} ${signed(x.d)}` : '–');
            }
            return cells;
        }),
    ]);
    const notes = [];
    if (hidden.length)
        notes.push(`${plural(hidden.length, 'more metric')} not shown as columns: ${ids(hidden.map(m => inlineCode(m, { max: 60 })))}.`);
    const legend = [];
    if (base) {
        legend.push(`Mean ± sample standard deviation over seeds (n: succeeded runs with the metric). Δ: change of the mean against ${escapeMarkdown(base.source, { max: 100 })}; ↑/↓ when it is larger than the larger of the two spreads, ≈ otherwise.`, '');
        const missing = rows.filter(r => !base.points[r.key]).length;
        if (missing)
            notes.push(`The baseline (${escapeMarkdown(base.source, { max: 100 })}) has no values for ${missing} of ${plural(rows.length, 'point')}: no Δ for them.`);
    }
    else
        legend.push('Mean ± sample standard deviation over seeds (n: succeeded runs with the metric).', '');
    return { head: [...legend, ...table(head, [])], rows: table(head, body).slice(2), notes };
}
/**
 * One row per sweep point: its swept parameters, `ok/runs` (succeeded of all), failed and
 * running runs (and cancelled ones when there are any), each metric as `mean ± std (n)` over
 * the succeeded seeds, and, with a baseline, each metric's change against it.
 */
function pointsTable(model) {
    const p = pointsParts(model);
    return [...p.head, ...p.rows].join('\n');
}
const STATE_ICON = { ok: '✅', failed: '❌', cancelled: '⏹️', running: '⏳' };
function runRow(r, o) {
    const final = finite(r.final);
    const gpuH = r.gpus !== undefined && r.runS !== undefined ? (r.gpus * r.runS) / 3600 : undefined;
    const links = [
        markdownLink('log', r.links.log),
        markdownLink('artifacts', r.links.artifacts),
        markdownLink('page', r.links.page),
    ].filter(Boolean);
    return [
        escapeMarkdown(r.id, { max: 80 }),
        `${STATE_ICON[points_outcome(r.state)]} ${r.state}`,
        String(r.seed),
        ...o.params.map(p => (p in r.point ? escapeMarkdown(String(r.point[p]), { max: 100 }) : '–')),
        ...o.metrics.map(m => (final[m] !== undefined ? format_num(final[m]) : '–')),
        duration(r.queuedS),
        duration(r.runS),
        ...(o.gpu ? [gpuH !== undefined ? format_num(gpuH) : '–'] : []),
        ...(o.reason
            ? [r.reason && r.state !== 'SUCCEEDED' ? escapeMarkdown(r.reason, { max: 300, newline: '<br>' }) : '']
            : []),
        ...(o.links ? [links.join(' · ')] : []),
    ];
}
function runsParts(model, runs = model.runs) {
    const params = paramNames(model.runs);
    const metrics = metricColumns(model).shown;
    const gpu = model.runs.some(r => r.gpus !== undefined);
    const reason = model.runs.some(r => r.reason && r.state !== 'SUCCEEDED');
    const links = model.runs.some(r => r.links.log || r.links.artifacts || r.links.page);
    const head = [
        'run',
        'state',
        'seed',
        ...params.map(p => escapeMarkdown(p, { max: 60 })),
        ...metrics.map(m => escapeMarkdown(m, { max: 60 })),
        'queued',
        'ran',
        ...(gpu ? ['GPU-h'] : []),
        ...(reason ? ['reason'] : []),
        ...(links ? ['links'] : []),
    ];
    return table(head, runs.map(r => runRow(r, { params, metrics, gpu, reason, links })));
}
/**
 * One row per run: id, state, seed, swept parameters, final metrics, time queued and running,
 * GPU-hours (where the GPU count is known), the reason (runs that did not succeed), and links
 * to its log, artifacts and backend page (http(s) links only; anything else shown as code).
 */
function runsTable(model) {
    return runsParts(model).join('\n');
}
/**
 * The training curves: Mermaid `xychart-beta` blocks (loss and the primary metric, one line
 * per sweep point, seeds averaged), each with a caption naming its lines (see ./curves.ts).
 */
function curves(model, o = {}) {
    return curveBlocks(model, o).blocks.join('\n\n');
}
// ---------------------------------------------------------------------------------------------
// conclusion and title
const TIME_LIMIT = /time ?limit|timed? ?out|timeout|deadline|RUN_TIMEOUT_SEC/i;
/**
 * The check run's conclusion and title:
 * - undefined while the launch is ACTIVE or a run is still under way;
 * - failure: a run failed (or errored) for any reason but its time limit, or a metric is worse
 *   than the baseline beyond its `fail` threshold;
 * - timed_out: the only failures are runs that reached their time limit (their reason says
 *   `time limit`, `timeout`, `timed out` or `deadline`: Slurm's TIMEOUT/DEADLINE, RUN_TIMEOUT_SEC);
 * - cancelled: a run was cancelled or stopped, or no run succeeded;
 * - neutral: a metric is worse than the baseline beyond its `warn` threshold only, or a
 *   threshold names a metric there is nothing to compare for;
 * - success otherwise.
 * A regression counts only where the arrow would show it too: beyond the larger of the two
 * spreads, and beyond the threshold.
 */
function conclusion(model, o = {}) {
    const t = tally(model.runs);
    const reasons = [];
    const regressions = regressionsOf(model, o.failOn ?? {});
    const title = titleOf(model, t, regressions.fail.length + regressions.warn.length);
    if (model.status === 'ACTIVE' || t.running > 0)
        return { conclusion: undefined, title, reasons };
    const failed = model.runs.filter(r => points_outcome(r.state) === 'failed');
    const timedOut = failed.filter(r => r.reason !== undefined && TIME_LIMIT.test(r.reason));
    if (failed.length > timedOut.length)
        reasons.push(`${plural(failed.length - timedOut.length, 'run')} failed.`);
    if (timedOut.length)
        reasons.push(`${plural(timedOut.length, 'run')} reached ${timedOut.length === 1 ? 'its' : 'their'} time limit.`);
    reasons.push(...regressions.fail, ...regressions.warn, ...regressions.unknown);
    let c;
    if (failed.length > timedOut.length || regressions.fail.length)
        c = 'failure';
    else if (timedOut.length)
        c = 'timed_out';
    else if (t.cancelled > 0 || t.ok === 0) {
        c = 'cancelled';
        reasons.push(t.ok === 0
            ? 'No run succeeded.'
            : `${plural(t.cancelled, 'run')} ${t.cancelled === 1 ? 'was' : 'were'} cancelled.`);
    }
    else if (regressions.warn.length || regressions.unknown.length)
        c = 'neutral';
    else
        c = 'success';
    return { conclusion: c, title, reasons };
}
function regressionsOf(model, failOn) {
    const out = { fail: [], warn: [], unknown: [] };
    const names = Object.keys(failOn);
    if (!names.length)
        return out;
    const base = model.baseline;
    if (!base) {
        out.unknown.push(`No baseline to compare ${names.join(', ')} with.`);
        return out;
    }
    const rows = pointRows(model);
    for (const m of names) {
        const th = failOn[m];
        const lower = th.better ? th.better === 'lower' : lowerIsBetter(m);
        let compared = 0;
        for (const r of rows) {
            const v = r.summary[m];
            const b = base.points[r.key]?.[m];
            if (!v || !b)
                continue;
            compared++;
            const { d, arrow } = delta(v, b);
            const worse = lower ? d : -d;
            if (arrow === '≈' || worse <= 0)
                continue;
            const what = `${m} at ${r.label}: ${format_num(v.mean)} against ${format_num(b.mean)} on ${base.source} (${signed(d)}`;
            if (th.fail !== undefined && worse > th.fail)
                out.fail.push(`${what}, worse by more than ${format_num(th.fail)}).`);
            else if (th.warn !== undefined && worse > th.warn)
                out.warn.push(`${what}, worse by more than ${format_num(th.warn)}).`);
        }
        if (compared === 0)
            out.unknown.push(`Nothing to compare ${m} with: no point has it here and in ${base.source}.`);
    }
    return out;
}
function titleOf(model, t, regressions) {
    const counts = [
        `${t.ok}/${t.runs} succeeded`,
        ...(t.failed ? [`${t.failed} failed`] : []),
        ...(t.cancelled ? [`${t.cancelled} cancelled`] : []),
        ...(t.running ? [`${t.running} running`] : []),
    ].join(', ');
    const parts = [`${model.experiment}: ${counts}`];
    const m = primaryMetric(model);
    if (m) {
        const rows = pointRows(model).filter(r => r.summary[m] !== undefined);
        const lower = lowerIsBetter(m);
        const best = rows.reduce((a, r) => {
            if (!a)
                return r;
            const x = r.summary[m].mean;
            const y = a.summary[m].mean;
            return (lower ? x < y : x > y) ? r : a;
        }, undefined);
        if (best) {
            const v = best.summary[m];
            const spread = v.n > 1 ? ` ± ${format_num(v.std)}` : '';
            parts.push(rows.length > 1 || groupPoints(model.runs).length > 1
                ? `best ${m} ${format_num(v.mean)}${spread} (${truncate(best.label, 60)})`
                : `${m} ${format_num(v.mean)}${spread}`);
        }
    }
    if (regressions)
        parts.push(plural(regressions, 'regression'));
    return plainText(parts.join(' · '), 200);
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const ICON = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹️',
    timed_out: '⏱️',
    neutral: '⚠️',
    active: '⏳',
};
/** A list of ids (already escaped), the first `max` of them and how many more. */
function ids(items, max = MAX_IDS) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown} and ${count(items.length - max)} more` : shown;
}
function header(model, v) {
    const g = model.github;
    const facts = [
        `launch ${inlineCode(model.launchId, { max: 80 })}`,
        `backend ${escapeMarkdown(model.backend, { max: 40 })}`,
        `status ${escapeMarkdown(model.status)}`,
    ];
    if (g?.serverUrl && g.runId && /^\d+$/.test(g.runId) && /^[\w.-]+\/[\w.-]+$/.test(g.repository)) {
        const url = httpUrl(`${g.serverUrl.replace(/\/+$/, '')}/${g.repository}/actions/runs/${g.runId}`);
        if (url)
            facts.push(`[workflow run](<${url}>)`);
    }
    if (g?.headSha)
        facts.push(`commit ${inlineCode(g.headSha.slice(0, 12))}`);
    if (model.baseline)
        facts.push(`baseline ${escapeMarkdown(model.baseline.source, { max: 100 })}`);
    const lines = [`### ${ICON[v.conclusion ?? 'active']} ${escapeMarkdown(v.title)}`, '', facts.join(' · ')];
    if (v.reasons.length)
        lines.push('', ...v.reasons.map(r => `- ${escapeMarkdown(r, { max: 500 })}`));
    return lines;
}
function totals(model) {
    const runs = model.runs;
    const sum = (xs) => {
        const known = xs.filter((x) => x !== undefined && Number.isFinite(x));
        return { total: known.reduce((a, b) => a + b, 0), n: known.length };
    };
    const q = sum(runs.map(r => r.queuedS));
    const ran = sum(runs.map(r => r.runS));
    const gpu = sum(runs.map(r => (r.gpus !== undefined && r.runS !== undefined ? (r.gpus * r.runS) / 3600 : undefined)));
    const of = (n) => (n < runs.length ? ` (${count(n)} of ${plural(runs.length, 'run')} known)` : '');
    const parts = [
        `queued ${duration(q.total)} in all${of(q.n)}`,
        `ran ${duration(ran.total)} in all${of(ran.n)}`,
        gpu.n ? `${format_num(gpu.total)} GPU-hours${of(gpu.n)}` : 'GPU-hours unknown',
    ];
    const end = model.finishedAt;
    if (end)
        parts.push(`launch to end ${duration((Date.parse(end) - Date.parse(model.createdAt)) / 1000)}`);
    return `**Time and cost:** ${parts.join(' · ')}`;
}
function modelNotes(model, metrics) {
    const notes = [];
    const id = (r) => escapeMarkdown(r.id, { max: 80 });
    const byProblem = new Map();
    for (const r of model.runs)
        for (const p of r.problems ?? [])
            byProblem.set(p, [...(byProblem.get(p) ?? []), r]);
    for (const [p, rs] of byProblem)
        notes.push(`${escapeMarkdown(p, { max: 200 })}: ${ids(rs.map(id))} (${plural(rs.length, 'run')}).`);
    const badFinal = model.runs.filter(r => Object.values(r.final).some(v => typeof v !== 'number' || !Number.isFinite(v)));
    if (badFinal.length)
        notes.push(`${plural(badFinal.length, 'run')} had NaN or infinite final values, left out: ${ids(badFinal.map(id))}.`);
    const ok = model.runs.filter(r => r.state === 'SUCCEEDED');
    const empty = ok.filter(r => Object.keys(finite(r.final)).length === 0);
    if (empty.length)
        notes.push(`${plural(empty.length, 'succeeded run')} ${empty.length === 1 ? 'has' : 'have'} no final metrics: ${ids(empty.map(id))}.`);
    for (const m of metrics) {
        const without = ok.filter(r => finite(r.final)[m] === undefined && !empty.includes(r));
        if (without.length && without.length < ok.length - empty.length)
            notes.push(`${inlineCode(m, { max: 60 })} is missing from ${count(without.length)} of ${plural(ok.length, 'succeeded run')}: ${ids(without.map(id))}.`);
    }
    return notes;
}
/**
 * The report for one target: a hidden marker first (comment only; see reportMarker), the
 * header (experiment, conclusion, backend, links to the workflow run), the points table, the
 * time and cost totals, the curves, the runs table (folded when long) and what could not be
 * shown; shortened in the stated order when over the limit.
 */
function renderReport(model, o) {
    const limit = o.limit ?? REPORT_LIMITS[o.target];
    const v = conclusion(model, o);
    const head = [...(o.target === 'comment' ? [reportMarker(model.experiment), ''] : []), ...header(model, v)].join('\n');
    const points = pointsParts(model);
    const { shown } = metricColumns(model);
    const curveOpts = o.curves ?? {};
    const fullCurves = curves_curveBlocks(model, curveOpts);
    let coarse;
    const notes = [...modelNotes(model, shown), ...points.notes, ...fullCurves.notes];
    const totalsLine = totals(model);
    const unfinished = model.runs.filter(r => r.state !== 'SUCCEEDED');
    const runTables = new Map();
    const runsBlock = (which) => {
        let s = runTables.get(which);
        if (s !== undefined)
            return s;
        if (which === 'none' || model.runs.length === 0)
            s = '';
        else {
            const rs = which === 'all' ? model.runs : unfinished;
            const rows = runsParts(model, rs).join('\n');
            const what = which === 'all'
                ? `Runs (${count(rs.length)})`
                : `Runs that did not succeed (${count(rs.length)} of ${count(model.runs.length)})`;
            s =
                rs.length > FOLD_RUNS
                    ? `<details><summary>${what}</summary>\n\n${rows}\n\n</details>`
                    : `#### ${what}\n\n${rows}`;
        }
        runTables.set(which, s);
        return s;
    };
    const curvesBlock = (which) => {
        if (which === 'none')
            return '';
        const c = which === 'full' ? fullCurves : (coarse ??= curves_curveBlocks(model, { ...curveOpts, maxPoints: 25 }));
        return c.blocks.length ? ['#### Curves', ...c.blocks].join('\n\n') : '';
    };
    const where = o.artifact
        ? httpUrl(o.artifact)
            ? markdownLink('the artifact', o.artifact)
            : `the artifact ${inlineCode(o.artifact, { max: 100 })}`
        : "the workflow run's artifacts";
    const dropped = (c) => {
        const out = [];
        if (c.runs === 'unfinished')
            out.push(`the runs table keeps only the ${plural(unfinished.length, 'run')} that did not succeed`);
        if (c.runs === 'none' && model.runs.length)
            out.push(`the runs table (${plural(model.runs.length, 'run')}) is left out`);
        if (c.curves === 'coarse')
            out.push('the curves are drawn on 25 steps');
        if (c.curves === 'none' && fullCurves.blocks.length)
            out.push(`the curves (${plural(fullCurves.blocks.length, 'chart')}) are left out`);
        if (c.points < points.rows.length)
            out.push(`the points table shows ${count(c.points)} of ${plural(points.rows.length, 'point')}`);
        if (c.notes < notes.length)
            out.push(`${plural(notes.length - c.notes, 'note')} on what could not be shown ${notes.length - c.notes === 1 ? 'is' : 'are'} left out`);
        return out;
    };
    const assemble = (c) => {
        const what = dropped(c);
        const sections = [head];
        if (what.length)
            sections.push(`> **Shortened** to fit GitHub's limit for a ${o.target === 'check' ? 'check run' : o.target === 'comment' ? 'comment' : 'job summary'} (${count(limit)} bytes): ${what.join('; ')}. The full report is in ${where}.`);
        if (points.rows.length) {
            const more = points.rows.length - c.points;
            sections.push([...points.head, ...points.rows.slice(0, c.points)].join('\n') +
                (more > 0 ? `\n\n…and ${plural(more, 'more point')}, in the full report.` : ''));
        }
        else
            sections.push('No runs.');
        sections.push(totalsLine);
        const cb = curvesBlock(c.curves);
        if (cb)
            sections.push(cb);
        const rb = runsBlock(c.runs);
        if (rb)
            sections.push(rb);
        const kept = notes.slice(0, Math.min(c.notes, MAX_NOTES)).map(n => `- ${n}`);
        if (c.notes > MAX_NOTES)
            kept.push(`- …and ${plural(c.notes - MAX_NOTES, 'more note')}.`);
        if (kept.length)
            sections.push(['**What this report could not show:**', '', ...kept].join('\n'));
        return sections.join('\n\n') + '\n';
    };
    const fits = (c) => bytes(assemble(c)) <= limit;
    const all = { runs: 'all', curves: 'full', points: points.rows.length, notes: notes.length };
    const steps = [
        all,
        ...(unfinished.length && unfinished.length < model.runs.length ? [{ ...all, runs: 'unfinished' }] : []),
        { ...all, runs: 'none' },
        ...(fullCurves.blocks.length ? [{ ...all, runs: 'none', curves: 'coarse' }] : []),
        { ...all, runs: 'none', curves: 'none' },
    ];
    let chosen = steps.find(fits);
    if (!chosen) {
        // keep as many points rows as fit (binary search), then as many notes
        const base = { runs: 'none', curves: 'none', points: 0, notes: all.notes };
        let lo = 0;
        let hi = points.rows.length;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (fits({ ...base, points: mid }))
                lo = mid;
            else
                hi = mid - 1;
        }
        chosen = { ...base, points: lo };
        if (!fits(chosen)) {
            let n = all.notes;
            while (n > 0 && !fits({ ...chosen, notes: n }))
                n--;
            chosen = { ...chosen, notes: n };
        }
    }
    let markdown = assemble(chosen);
    if (bytes(markdown) > limit)
        markdown = cutLines(markdown, limit);
    const what = dropped(chosen);
    return { markdown, shortened: what.length ? what.join('; ') : undefined };
}
/** The last resort for a limit too small for even the header: whole lines, outside any table or fence. */
function cutLines(markdown, limit) {
    const out = [];
    let size = 1;
    for (const line of markdown.split('\n')) {
        if (line.startsWith('|') || line.startsWith('```'))
            break;
        size += bytes(line) + 1;
        if (size > limit)
            break;
        out.push(line);
    }
    return out.join('\n') + '\n';
}
/**
 * The report for all three targets at once; `limits` lowers a target's limit, to leave room
 * for what the caller adds (a hidden block in the check run, a problem list under the summary).
 */
function renderReports(model, o = {}) {
    const v = conclusion(model, o);
    const shortened = {};
    const one = (target) => {
        const r = renderReport(model, { ...o, target, limit: o.limits?.[target] });
        if (r.shortened)
            shortened[target] = r.shortened;
        return r.markdown;
    };
    return {
        title: v.title,
        conclusion: v.conclusion,
        reasons: v.reasons,
        check: one('check'),
        comment: one('comment'),
        summary: one('summary'),
        marker: reportMarker(model.experiment),
        shortened,
    };
}

;// CONCATENATED MODULE: ./src/report/launch-report.ts
/**
 * One launch's report, from its ledger rows to what is published: the model (with each run's
 * history and what could not be read of it), the three renderings, the failure annotations,
 * and the hidden launch record for the check run. Shared by `trainer report` (actions/report)
 * and `trainer reconcile` (actions/reconcile), so the two publish the same thing.
 */








/** The report settings of trainer.yml for one experiment. */
async function reportSettings(config, configFile, workspace, experiment) {
    const rc = config.report;
    const baseline = rc?.baseline
        ? await readBaseline((0,external_node_path_.resolve)(configFile ? (0,external_node_path_.dirname)(configFile) : workspace, rc.baseline), experiment)
        : undefined;
    return { primaryMetric: rc?.['primary-metric'], failOn: rc?.['fail-on'], baseline, source: await sourceOf() };
    async function sourceOf() {
        if (!configFile)
            return undefined;
        const path = (0,external_node_path_.relative)(workspace, configFile);
        // annotations name a file of the repository: nothing outside the workspace
        if (path.startsWith('..') || (0,external_node_path_.isAbsolute)(path))
            return undefined;
        const { experimentLine } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 58353));
        const line = experimentLine(await (0,promises_.readFile)(configFile, 'utf8'), experiment);
        return line === undefined ? undefined : { path: path.split(external_node_path_.sep).join('/'), line };
    }
}
/** Each finished run's history from the metrics.json it left under `root` (local results). */
async function localHistories(root, runs) {
    if (!root)
        return new Map();
    return new Map(await Promise.all(runs.map(async (r) => {
        const m = await (0,outcome/* readRunMetrics */.xD)(root, r.output);
        // a run under way has no metrics.json yet: that is not a problem
        const running = !['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(r.state);
        return [r.id, { history: m.metrics?.history, problem: running ? undefined : m.problem }];
    })));
}
/** The report of a launch as its ledger rows say. */
function launchReport(launch, runs, histories, s, o) {
    const base = reportModel(launch, runs, {
        history: r => histories.get(r.id)?.history,
        now: o.now,
        ...(s.baseline ? { baseline: s.baseline } : {}),
    });
    const model = {
        ...base,
        primaryMetric: s.primaryMetric,
        runs: base.runs.map(r => {
            const problem = histories.get(r.id)?.problem;
            return problem ? { ...r, problems: [problem] } : r;
        }),
    };
    const rendered = renderReports(model, { failOn: s.failOn, ...(o.limits ? { limits: o.limits } : {}) });
    return { model, rendered, annotations: failureAnnotations(model, s.source), states: statesKey(runs) };
}
/**
 * The check run's output text: the hidden launch record, with the requests spent so far on
 * this launch (those before, from `before` or else the record there, and `spent` now, plus the
 * writes about to be made) and the sticky comment written. A record too large for the text is
 * left out, and the text says so.
 */
function recordText(launch, runs, o) {
    return (existing, commentId) => {
        const before = o.before ?? previousBudget(existing);
        const comment = commentId ?? before?.commentId;
        const budget = {
            requests: (before?.requests ?? 0) + o.spent() + o.writes,
            updatedAt: o.now.toISOString(),
            states: o.states,
            ...(comment === undefined ? {} : { commentId: comment }),
        };
        const block = encodeRecord({ v: 1, launch, runs, budget });
        if (block.length <= REPORT_LIMITS.check)
            return block;
        return (`This launch's record (${block.length} bytes) is larger than a check run's text holds ` +
            `(${REPORT_LIMITS.check}): it cannot be reconciled from here, so keep the job waiting for it (wait: true).`);
    };
}
/** The budget the check run's record holds, if it holds one. */
function previousBudget(existing) {
    if (!existing)
        return undefined;
    const r = decodeRecord(existing.text);
    return 'problem' in r ? undefined : r.budget;
}

;// CONCATENATED MODULE: ./src/report/publish.ts


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
    const first = annotations.splice(0, ANNOTATIONS_PER_REQUEST);
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
            output: output(annotations.splice(0, ANNOTATIONS_PER_REQUEST)),
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
                ? `${what} could not be written: ${refusedWhy} (${(0,errors/* getErrorMessage */.u1)(e)})`
                : `${what} could not be written: ${(0,errors/* getErrorMessage */.u1)(e)}`);
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/kit/actions-cache.ts
/**
 * The Actions cache as a port: save and restore a few files under a key through GitHub's cache
 * service with the real `@actions/cache` client, and say in words what happened.
 *
 * `@actions/cache` never throws for a service problem: it logs through `@actions/core` (stdout) and
 * answers -1 or undefined. So each call here, one at a time:
 * - installs the cache variables of `io.env` (`CACHE_ENV`) into `process.env`, which is where the
 *   client reads them, and puts the old values back afterwards (a no-op when `io.env` is
 *   `process.env`, as in an action). `RUNNER_TEMP` falls back to the OS temp dir;
 * - collects what the client writes to stdout meanwhile, hands `::add-mask::` values to
 *   `io.setSecret` and the rest to `io.log` (debug; the client's warnings and errors at info),
 *   and reads the outcome from it (`failed`, `denied`, `exists` with the service's reason).
 *   Anything else the process writes to stdout during the call is routed the same way, so do not
 *   run other work that annotates concurrently with a cache call.
 *
 * Paths are handed to the client as given: the cache *version* is a hash of these strings (and the
 * compression), so save and restore must name the files the same way. Relative paths resolve
 * against the working directory and are archived relative to `GITHUB_WORKSPACE` (or it).
 *
 * `@actions/cache` (and the Azure SDK under it) is imported on first use, so bundles that never
 * call the cache do not load it.
 */


/** What `@actions/cache` 6.x reads from `process.env` (lib/internal/config.js, cacheUtils.js, tar.js, options.js). */
const CACHE_ENV = [
    'ACTIONS_CACHE_SERVICE_V2',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_CACHE_MODE',
    'GITHUB_SERVER_URL',
    'GITHUB_REF',
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
    'RUNNER_DEBUG',
    'CACHE_UPLOAD_CONCURRENCY',
    'CACHE_UPLOAD_CHUNK_SIZE',
    'SEGMENT_DOWNLOAD_TIMEOUT_MINS',
];
const KEY_MAX = 512;
const KEYS_MAX = 10;
/** Why the cache would refuse `key` (the client's own rules: at most 512 characters, no commas), or undefined. */
function cacheKeyProblem(key) {
    if (key === '')
        return 'a cache key cannot be empty';
    if (key.length > KEY_MAX)
        return `cache key is ${key.length} characters long; the limit is ${KEY_MAX}: ${key}`;
    if (key.includes(','))
        return `cache key cannot contain commas: ${key}`;
    return undefined;
}
/** The client's choice of service (lib/internal/config.js): v1 on GHES or without ACTIONS_CACHE_SERVICE_V2. */
function serviceOf(env) {
    let ghes;
    try {
        const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
        ghes = !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
    }
    catch {
        ghes = true;
    }
    const version = !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? 'v2' : 'v1';
    const url = version === 'v2' ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL';
    return { version, missing: [url, 'ACTIONS_RUNTIME_TOKEN'].filter(k => !env[k]) };
}
/** ACTIONS_CACHE_MODE as the client reads it; unknown values permit everything. */
function modeOf(env) {
    const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
    const known = ['none', 'read', 'write', 'write-only'].includes(mode);
    return {
        mode,
        read: !known || mode === 'read' || mode === 'write',
        write: !known || mode === 'write' || mode === 'write-only',
    };
}
const actions_cache_unescape = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
/** One line @actions/core wrote: a workflow command (`::warning::…`) or plain info. */
function parseLine(line) {
    const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/s.exec(line);
    if (!m)
        return { kind: 'info', text: line };
    const [, command = '', data = ''] = m;
    const kind = command === 'add-mask' ? 'mask' : command === 'warning' || command === 'error' ? command : 'debug';
    return { kind, text: actions_cache_unescape(data) };
}
// process.env and process.stdout are the process's: one cache call at a time.
let tail = Promise.resolve();
function exclusive(fn) {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
}
/** Runs `fn` with `env`'s cache variables in process.env and stdout collected; restores both. */
async function captured(io, fn) {
    const saved = new Map(CACHE_ENV.map(k => [k, process.env[k]]));
    for (const k of CACHE_ENV) {
        const v = k === 'RUNNER_TEMP' ? io.env[k] || (0,external_node_os_.tmpdir)() : io.env[k];
        if (v === undefined)
            Reflect.deleteProperty(process.env, k);
        else
            process.env[k] = v;
    }
    const out = process.stdout;
    const write = Object.getOwnPropertyDescriptor(out, 'write');
    const lines = [];
    let pending = '';
    const collect = (chunk, encoding, cb) => {
        pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const p of parts)
            lines.push(parseLine(p.replace(/\r$/, '')));
        const done = typeof encoding === 'function' ? encoding : cb;
        if (typeof done === 'function')
            queueMicrotask(() => done());
        return true;
    };
    out.write = collect;
    try {
        return { value: await fn(), lines };
    }
    finally {
        if (write)
            Object.defineProperty(out, 'write', write);
        else
            Reflect.deleteProperty(out, 'write');
        if (pending)
            lines.push(parseLine(pending));
        for (const [k, v] of saved) {
            if (v === undefined)
                Reflect.deleteProperty(process.env, k);
            else
                process.env[k] = v;
        }
        // masks first, so nothing logged below shows a signed URL
        for (const l of lines)
            if (l.kind === 'mask')
                io.setSecret(l.text);
        for (const l of lines) {
            if (l.kind === 'warning' || l.kind === 'error')
                io.log.info(`@actions/cache: ${l.text}`);
            else if (l.kind !== 'mask')
                io.log.debug(`@actions/cache: ${l.text}`);
        }
    }
}
/** The client's own account of a failure: its warnings and errors, else its `Failed to …` info line. */
function failureOf(lines, verb) {
    const said = lines.filter(l => l.kind === 'warning' || l.kind === 'error').map(l => l.text);
    const info = lines.find(l => l.kind === 'info' && l.text.startsWith(`Failed to ${verb}: `))?.text;
    const all = info && !said.includes(info) ? [...said, info] : said;
    if (all.length === 0)
        return undefined;
    const text = all.map(t => t.replace(new RegExp(`^Failed to ${verb}: `), '')).join('; ');
    // "another job may be creating this cache" stands for any refused reservation; the debug line has the service's answer
    const detail = lines.find(l => l.kind === 'debug' && l.text.startsWith('Failed to reserve cache: '))?.text;
    return detail
        ? text.replace(/, another job may be creating this cache\.$/, `: ${detail.replace(/^Failed to reserve cache: (Error: )?/, '')}`)
        : text;
}
/** The cache port over `@actions/cache` for the environment and log of `io`. */
function actionsCache(io) {
    const unavailable = () => {
        const { version, missing } = serviceOf(io.env);
        if (missing.length === 0)
            return undefined;
        return {
            status: 'unavailable',
            message: `no Actions cache service here (cache service ${version}: ${missing.join(' and ')} not set; the runner sets them for JavaScript actions)`,
        };
    };
    const checkKeys = (keys) => {
        if (keys.length > KEYS_MAX)
            throw new errors/* TrainerError */.e0(`a cache restore takes at most ${KEYS_MAX} keys (a key and 9 restore keys); got ${keys.length}`);
        for (const k of keys) {
            const problem = cacheKeyProblem(k);
            if (problem)
                throw new errors/* TrainerError */.e0(problem);
        }
    };
    return {
        available: () => unavailable() === undefined,
        save: (paths, key) => {
            checkKeys([key]);
            const none = unavailable();
            if (none)
                return Promise.resolve(none);
            const { write, mode } = modeOf(io.env);
            if (!write)
                return Promise.resolve({
                    status: 'denied',
                    message: `this run may not write the cache (ACTIONS_CACHE_MODE=${mode})`,
                });
            return exclusive(async () => {
                let id;
                let lines;
                try {
                    const { saveCache } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 57131));
                    ({ value: id, lines } = await captured(io, () => saveCache(paths, key)));
                }
                catch (e) {
                    return { status: 'failed', message: (0,errors/* getErrorMessage */.u1)(e) };
                }
                if (id !== -1)
                    return { status: 'saved', key };
                const message = failureOf(lines, 'save') ?? 'the cache client saved nothing and said why only in its debug log';
                if (/cache write denied:/.test(message))
                    return { status: 'denied', message };
                if (/\balready exists\b/i.test(message))
                    return {
                        status: 'exists',
                        key,
                        message: `the cache already holds ${key} for this run's branch (entries are never overwritten)`,
                    };
                return { status: 'failed', message };
            });
        },
        restore: (paths, key, restoreKeys = []) => {
            checkKeys([key, ...restoreKeys]);
            const none = unavailable();
            if (none)
                return Promise.resolve(none);
            const { read, mode } = modeOf(io.env);
            if (!read)
                return Promise.resolve({
                    status: 'denied',
                    message: `this run may not read the cache (ACTIONS_CACHE_MODE=${mode})`,
                });
            return exclusive(async () => {
                let hit;
                let lines;
                try {
                    const { restoreCache } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 57131));
                    ({ value: hit, lines } = await captured(io, () => restoreCache(paths, key, restoreKeys)));
                }
                catch (e) {
                    return { status: 'failed', message: (0,errors/* getErrorMessage */.u1)(e) };
                }
                if (hit !== undefined)
                    return { status: 'hit', key: hit, exact: hit.toLowerCase() === key.toLowerCase() };
                const message = failureOf(lines, 'restore');
                if (message === undefined)
                    return { status: 'miss' };
                if (/cache read denied:/.test(message))
                    return { status: 'denied', message };
                return { status: 'failed', message };
            });
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/report/baseline-key.ts
/**
 * Cache keys for baselines: `trainer-baseline-<experiment>-<sha>`, restored on a pull request by the
 * base commit's key and, failing that, by the experiment's prefix (the newest baseline); and a
 * scheduled sweep's nights, `trainer-night-<schedule>-<experiment>-<time>`, restored by the prefix.
 *
 * The Actions cache matches keys by prefix and case-insensitively, and refuses commas and keys over
 * 512 characters, so the experiment name is encoded: `[a-z0-9_.]` stay, an upper-case letter
 * becomes `^` and the letter, every other byte of its UTF-8 `~` and two lower-case hex digits
 * (`mnist-cnn` → `mnist~2dcnn`, `MNIST` → `^m^n^i^s^t`). The result is lower case, never contains
 * `-` or `,`, and different names give different results, so the `-` that ends it keeps one
 * experiment's prefix from matching another's keys (`a` and `ab`, `a` and `a-b`). Encodings over
 * 100 characters keep their first 80 and end in `~~` and 16 hex digits of the name's SHA-256.
 */

const baseline_key_PREFIX = 'trainer-baseline-';
const ENC_MAX = 100;
const ENC_KEEP = 80;
/** The experiment name as it appears in its cache keys. */
function encodeExperiment(name) {
    const units = [];
    for (const ch of name) {
        if (/^[a-z0-9_.]$/.test(ch))
            units.push(ch);
        else if (/^[A-Z]$/.test(ch))
            units.push(`^${ch.toLowerCase()}`);
        else
            for (const b of Buffer.from(ch, 'utf8'))
                units.push(`~${b.toString(16).padStart(2, '0')}`);
    }
    const full = units.join('');
    if (full.length <= ENC_MAX)
        return full;
    let kept = '';
    for (const u of units) {
        if (kept.length + u.length > ENC_KEEP)
            break;
        kept += u;
    }
    return `${kept}~~${(0,external_node_crypto_.createHash)('sha256').update(name, 'utf8').digest('hex').slice(0, 16)}`;
}
/** The restore key that matches every baseline of `experiment` and no other experiment's. */
function baselineCachePrefix(experiment) {
    return `${baseline_key_PREFIX}${encodeExperiment(experiment)}-`;
}
/** The cache key of `experiment`'s baseline at commit `sha` (hex, 4 to 64 digits). */
function baselineCacheKey(experiment, sha) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha))
        throw new Error(`baselineCacheKey: not a commit SHA: ${JSON.stringify(sha)}`);
    return `${baselineCachePrefix(experiment)}${sha.toLowerCase()}`;
}
const NIGHT = 'trainer-night-';
/** The restore key that matches every night `schedule` stored for `experiment`, and no other's. */
function nightCachePrefix(schedule, experiment) {
    return `${NIGHT}${encodeExperiment(schedule)}-${encodeExperiment(experiment)}-`;
}
/** A night's key: unique per save (the cache keeps the first entry of a key), newest restored by the prefix. */
function nightCacheKey(schedule, experiment, at, runId) {
    const stamp = at.toISOString().replace(/[-:.]/g, '').toLowerCase();
    const run = runId && /^\d{1,20}$/.test(runId) ? `.${runId}` : '';
    return `${nightCachePrefix(schedule, experiment)}${stamp}${run}`;
}

;// CONCATENATED MODULE: ./src/actions/baseline-cache.ts
/**
 * The default branch's baseline through the Actions cache, for reports that have no fixed
 * `report.baseline` file:
 * - a report on the default branch (a push to it, a schedule, a dispatch) that has ended
 *   stores its launch's metrics per sweep point under `trainer-baseline-<experiment>-<sha>`;
 * - a pull request's report restores the baseline of its base commit, else the newest of its
 *   experiment (by the key prefix; the cache service answers with the most recent entry), and
 *   compares against it. A pull request's cache scope can read its base branch's entries, and
 *   its own saves never reach the default branch's scope.
 * - a scheduled sweep (src/actions/schedule.ts) restores the newest night its schedule stored
 *   and is judged against it; a night without a regression is stored for the next one
 *   (`trainer-night-<schedule>-<experiment>-<time>`), so a regression stays one until fixed.
 * Nothing here fails a report: what could not be done is returned, for the summary to say.
 */





/** Where the baseline file is kept for the cache, under the workspace (save and restore name it the same way). */
const FILE = (0,external_node_path_.join)('.trainer', 'baseline-cache', 'baseline.json');
/**
 * The branch a push, schedule or dispatch ran on is the repository's default branch. A schedule
 * always runs there, and its payload may name nothing else (before GitHub added the repository
 * to it in 2022 it held the cron alone).
 */
function onDefaultBranch(g, env) {
    const repo = g.event?.repository;
    const branch = typeof repo?.default_branch === 'string' ? repo.default_branch : undefined;
    if (g.eventName === 'schedule' && branch === undefined)
        return true;
    return (branch !== undefined &&
        env.GITHUB_REF === `refs/heads/${branch}` &&
        ['push', 'schedule', 'workflow_dispatch'].includes(g.eventName));
}
/** The paths as the cache client takes them: relative to the working directory, as on every runner. */
function paths(io) {
    const abs = (0,external_node_path_.join)(io.workspace, FILE);
    return { abs, rel: (0,external_node_path_.relative)(process.cwd(), abs) || abs };
}
/** A cache port where there is a cache service; undefined (nothing to say) where there is none. */
function baselineCache(io) {
    const cache = actionsCache(io);
    return cache.available() ? cache : undefined;
}
/** A pull request's baseline from the cache: its base commit's, else the experiment's newest. */
async function restoreBaseline(io, cache, g, experiment) {
    const pr = g.event?.pull_request;
    const base = typeof pr?.base?.sha === 'string' ? pr.base.sha : undefined;
    const prefix = baselineCachePrefix(experiment);
    return restoreFile(io, cache, experiment, base ? baselineCacheKey(experiment, base) : prefix, base ? [prefix] : []);
}
/** Stores an ended launch's metrics as the default branch's baseline at its commit (the launch's, else the step's). */
async function saveBaseline(io, cache, model, g) {
    const sha = model.github?.headSha ?? g.headSha;
    return saveFile(io, cache, model, g, baselineCacheKey(model.experiment, sha));
}
/** The newest night a schedule's sweep stored (saveNight): what tonight's is judged against. */
async function restoreNight(io, cache, schedule, experiment) {
    const prefix = nightCachePrefix(schedule, experiment);
    return restoreFile(io, cache, experiment, prefix, []);
}
/** Stores tonight's metrics for the next night to be judged against, as `night of <date> (<sha>)`. */
async function saveNight(io, cache, model, g, schedule) {
    const now = io.now();
    const sha = model.github?.headSha ?? g.headSha;
    const key = nightCacheKey(schedule, model.experiment, now, g.runId);
    return saveFile(io, cache, model, g, key, `night of ${now.toISOString().slice(0, 10)} (${sha.slice(0, 7)})`);
}
async function restoreFile(io, cache, experiment, key, restoreKeys) {
    const { abs, rel } = paths(io);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
    const r = await cache.restore([rel], key, restoreKeys);
    if (r.status === 'miss')
        return {};
    if (r.status !== 'hit')
        return { problem: `the baseline could not be restored: ${r.message}` };
    try {
        const b = BaselineFileSchema.parse(JSON.parse(await (0,promises_.readFile)(abs, 'utf8')));
        if (b.experiment !== experiment)
            return { problem: `the cached baseline ${r.key} is another experiment's` };
        return { baseline: { source: b.source, points: b.points }, key: r.key };
    }
    catch (e) {
        return { problem: `the cached baseline ${r.key} is not a baseline file (${e.message})` };
    }
}
async function saveFile(io, cache, model, g, key, source) {
    const sha = model.github?.headSha ?? g.headSha;
    const file = baselineOf({ ...model, github: model.github ?? { repository: g.repository, headSha: sha } });
    if (!Object.keys(file.points).length)
        return { problem: 'no run succeeded: no baseline stored' };
    const { abs, rel } = paths(io);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
    await (0,promises_.writeFile)(abs, `${JSON.stringify(source ? { ...file, source } : file)}\n`);
    const r = await cache.save([rel], key);
    if (r.status === 'saved' || r.status === 'exists')
        return { key };
    return { problem: `the baseline could not be stored in the cache: ${r.message}` };
}

// EXTERNAL MODULE: ./src/kit/github.ts
var github = __webpack_require__(60369);
;// CONCATENATED MODULE: ./src/report/regression-issue.ts


const DEFAULT_REGRESSION_LABEL = 'trainer-regression';
/** The issue's first line. */
function regressionMarker(schedule, experiment) {
    // names are letters, digits, _ . - (schema): nothing in them can end the comment
    return `<!-- trainer-action:regression schedule=${schedule} experiment=${experiment} -->`;
}
function links(n) {
    return [markdownLink("the night's check run", n.checkRunUrl), markdownLink('the workflow run', n.runUrl)]
        .filter(Boolean)
        .join(' · ');
}
/** GitHub's limit on an issue's body, in characters. */
const BODY_MAX = 65_536;
function body(n) {
    const head = [
        regressionMarker(n.schedule, n.experiment),
        `The scheduled sweep ${inlineCode(n.schedule)} of ${inlineCode(n.experiment)} regressed on ${n.date} ` +
            `(commit ${inlineCode(n.sha.slice(0, 7))})${n.against ? `, against the ${escapeMarkdown(n.against, { max: 500 })}` : ''}:`,
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
        const line = `- ${escapeMarkdown(r, { max: 500 })}`;
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
    const mine = open.find(i => !i.pull_request && isReport(i, marker));
    if (!n.regressions.length) {
        if (!mine)
            return { action: 'unchanged' };
        const note = [`No regression on ${n.date} (commit ${inlineCode(n.sha.slice(0, 7))}): closing.`, links(n)];
        await gh.rest.issues.createComment({ ...repo, issue_number: mine.number, body: note.filter(Boolean).join('\n\n') });
        await gh.rest.issues.update({ ...repo, issue_number: mine.number, state: 'closed', state_reason: 'completed' });
        return { action: 'closed', number: mine.number, url: mine.html_url };
    }
    const text = body(n);
    const title = plainText(`Regression in the scheduled sweep ${n.schedule} (${n.experiment})`, 256);
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
    const still = `Still regressed on ${n.date} (commit ${inlineCode(n.sha.slice(0, 7))}): ${n.regressions.length} regression${n.regressions.length === 1 ? '' : 's'}.`;
    await gh.rest.issues.createComment({
        ...repo,
        issue_number: mine.number,
        body: [still, links(n)].filter(Boolean).join('\n\n'),
    });
    return { action: 'updated', number: mine.number, url: mine.html_url };
}

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
        const settings = await reportSettings(o.config, o.configFile, io.workspace, launch.experiment);
        // without a fixed baseline file, the default branch's through the Actions cache
        const cache = settings.baseline ? undefined : baselineCache(io);
        if (o.schedule) {
            // a night is judged by its schedule's thresholds against the last night that did not regress
            settings.failOn = o.schedule.failOn;
            if (!settings.failOn || !Object.keys(settings.failOn).length)
                io.log.warning(`schedule ${o.schedule.name}: no fail-on thresholds (schedules.${o.schedule.name}.fail-on or report.fail-on): nights are not judged for regressions`);
            const nightCache = baselineCache(io);
            if (!nightCache)
                io.log.warning(`schedule ${o.schedule.name}: no Actions cache service here (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN): the previous night cannot be compared`);
            else {
                const b = await restoreNight(io, nightCache, o.schedule.name, launch.experiment);
                settings.baseline = b.baseline;
                if (b.problem)
                    io.log.warning(`report: ${b.problem}`);
                if (b.baseline)
                    io.log.info(`schedule ${o.schedule.name}: judged against the ${b.baseline.source}`);
            }
        }
        else if (cache && g.pullRequest !== undefined) {
            const b = await restoreBaseline(io, cache, g, launch.experiment);
            if (b.baseline)
                settings.baseline = b.baseline;
            if (b.problem)
                io.log.warning(`report: ${b.problem}`);
        }
        const gh = githubClient({ token: o.token, apiUrl: g.apiUrl, log: io.log });
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
            const states = statesKey(runs);
            if (!this.#existing && this.checkRunId === undefined) {
                const finding = countRequests(this.gh);
                this.#existing = await findCheckRun(this.gh, this.g, {
                    experiment: launch.experiment,
                    launchId: launch.id,
                    github: launch.github,
                });
                // what an earlier report of this launch spent, and this search
                const earlier = previousBudget(this.#existing);
                this.#budget = { ...earlier, requests: (earlier?.requests ?? 0) + finding.count() };
            }
            if (kind === 'progress') {
                const due = updateDue(this.#budget, { now, states, final: false });
                if (!due.due) {
                    if (due.waitMs !== undefined && !this.#closed) {
                        clearTimeout(this.#timer);
                        this.#timer = setTimeout(() => this.nudge(), due.waitMs);
                        this.#timer.unref();
                    }
                    return;
                }
            }
            const histories = new Map([...(await localHistories(this.resultsRoot, runs)), ...this.#histories]);
            const report = launchReport(launch, runs, histories, this.settings, { now });
            // a scheduled sweep keeps its nights (#judge), not the experiment's baseline: its parameters may differ
            if (kind === 'final' &&
                this.cache &&
                !this.schedule &&
                report.rendered.conclusion &&
                onDefaultBranch(this.g, this.io.env)) {
                const b = await saveBaseline(this.io, this.cache, report.model, this.g);
                if (b.problem)
                    this.io.log.warning(`report: ${b.problem}`);
            }
            const spent = countRequests(this.gh);
            const before = this.#budget;
            const published = await publishReport(this.gh, this.g, report.model, report.rendered, {
                check: {
                    existing: this.#existing,
                    annotations: report.annotations,
                    // what this launch spent is counted here: the check run as last written holds no record
                    text: recordText(launch, runs, {
                        spent: spent.count,
                        now,
                        states,
                        writes: writesFor(report.annotations),
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
                    status: checkStatus(report.model, report.rendered),
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
        const found = regressionsOf(model, this.settings.failOn ?? {});
        const regressions = [...found.fail, ...found.warn];
        this.night = { regressions };
        if (!onDefaultBranch(this.g, this.io.env)) {
            this.io.log.info(`schedule ${s.name}: not on the default branch: this night is neither kept for the next nor written to an issue`);
            return;
        }
        // a night without a regression closes the issue only if it was compared: a first night, one
        // whose previous night the cache lost, or one that lacks a point the previous night measured
        // (its runs failed: the point that regressed, maybe) says nothing about a regression
        const metrics = Object.keys(this.settings.failOn ?? {});
        const missed = this.settings.baseline ? unmeasured(model, this.settings.baseline, metrics) : [];
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
        const cache = baselineCache(this.io);
        if (!cache)
            return;
        const b = await saveNight(this.io, cache, model, this.g, s.name);
        if (b.problem)
            this.io.log.warning(`report: ${b.problem}`);
        else
            this.io.log.info(`schedule ${s.name}: this night is kept for the next to be judged against (${b.key})`);
    }
}


/***/ })

};
