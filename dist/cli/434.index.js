export const id = 434;
export const ids = [434];
export const modules = {

/***/ 94434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ReportInputs: () => (/* binding */ ReportInputs),
  report: () => (/* binding */ report)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(74528);
// EXTERNAL MODULE: ./src/backends/reconcile.ts
var reconcile = __webpack_require__(42805);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(61036);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/inputs.ts
var inputs = __webpack_require__(67127);
// EXTERNAL MODULE: ./src/kit/safe-fs.ts
var safe_fs = __webpack_require__(63131);
// EXTERNAL MODULE: ./src/kit/octokit.ts
var octokit = __webpack_require__(89313);
// EXTERNAL MODULE: ./src/ledger/ledger.ts + 1 modules
var ledger_ledger = __webpack_require__(99424);
// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/baseline.ts
var baseline = __webpack_require__(67355);
// EXTERNAL MODULE: ./src/actions/baseline-cache.ts + 2 modules
var baseline_cache = __webpack_require__(7487);
// EXTERNAL MODULE: ./src/kit/exec.ts
var exec = __webpack_require__(29495);
;// CONCATENATED MODULE: ./src/report/chart-images.ts
/**
 * The report's charts as images, for an artifact: GitHub draws the Mermaid blocks in comments,
 * check runs and summaries, but a file to download or attach elsewhere needs pictures.
 * mermaid-cli (`mmdc`) renders every Mermaid block of the full report in a headless Chrome:
 * `<dir>/charts.md` (the report with images in place of the blocks) and `<dir>/charts-N.svg|png`.
 * The browser is the one puppeteer finds, or PUPPETEER_EXECUTABLE_PATH / CHROME_PATH; it runs
 * with `--no-sandbox` (a CI runner's user namespace may not allow Chrome's sandbox).
 *
 * A chart that cannot be drawn never fails a report: the problem is returned, to be said.
 */




/** Renders the Mermaid blocks of `reportFile` into `dir`; returns the image files, or why not. */
async function chartImages(reportFile, dir, o) {
    await (0,safe_fs/* makeDirs */.X2)(dir);
    const browser = o.env.PUPPETEER_EXECUTABLE_PATH || o.env.CHROME_PATH;
    const config = (0,external_node_path_.join)(dir, 'puppeteer.json');
    await (0,promises_.writeFile)(config, JSON.stringify({ ...(browser ? { executablePath: browser } : {}), args: ['--no-sandbox', '--disable-gpu'] }));
    const [cmd, ...pre] = o.mmdc;
    if (!cmd)
        return { problem: 'no mmdc command' };
    let r;
    try {
        r = await (0,exec/* exec */.m)(cmd, [...pre, '-q', '-w', '1000', '-p', config, '-i', reportFile, '-o', (0,external_node_path_.join)(dir, 'charts.md'), '-e', o.format], { env: { ...process.env, ...o.env } });
    }
    catch (e) {
        const code = e.code;
        return {
            problem: `the charts could not be drawn: ${cmd} ${code === 'ENOENT' ? 'is not installed (npm i -g @mermaid-js/mermaid-cli)' : `failed to start (${code ?? String(e)})`}`,
        };
    }
    if (r.code !== 0) {
        const last = r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
        return { problem: `the charts could not be drawn: ${cmd} exited ${r.code}${last ? ` (${last})` : ''}` };
    }
    const files = (await (0,promises_.readdir)(dir))
        .filter(f => f.startsWith('charts-') && f.endsWith(`.${o.format}`))
        .sort((a, b) => parseInt(a.slice(7)) - parseInt(b.slice(7)))
        .map(f => (0,external_node_path_.join)(dir, f));
    return { files };
}

// EXTERNAL MODULE: ./src/report/launch-report.ts
var launch_report = __webpack_require__(80854);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/render.ts + 2 modules
var render = __webpack_require__(21736);
// EXTERNAL MODULE: ./src/actions/launch.ts
var actions_launch = __webpack_require__(97036);
;// CONCATENATED MODULE: ./src/actions/report.ts



















const ReportInputs = schemas/* object */.Ikc({
    config: (0,inputs.optString)(),
    ledger: (0,inputs.optString)(),
    /** The launch (default: the latest in the ledger). */
    id: (0,inputs.optString)(),
    'github-token': (0,inputs.optString)(),
    /** Where the report goes: check, comment, summary (default all three). */
    publish: (0,inputs.list)(),
    /** Where the full report is written (default <results root or .trainer>/report-<launch>.md). */
    'report-file': (0,inputs.optString)(),
    /** The charts as images too (svg or png), drawn by mermaid-cli, for an artifact (default none). */
    'chart-images': (0,inputs.optString)(),
    /** The mermaid-cli command (default mmdc). */
    mmdc: (0,inputs.optString)(),
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
    const i = (0,inputs.readInputs)(io, ReportInputs);
    const targets = i.publish.length ? i.publish : [...TARGETS];
    for (const t of targets)
        if (!TARGETS.includes(t))
            throw new errors/* ConfigError */.xL(`publish: '${t}' is not one of ${TARGETS.join(', ')}`, { key: 'publish' });
    const { config, file: configFile } = await (0,load/* loadConfig */.Z)(io.workspace, i.config);
    const ledger = ledger_ledger/* Ledger */.Oc.open((0,actions_launch.ledgerPath)(io.workspace, i.ledger, config.launch?.ledger), { readOnly: true });
    io.onClose(() => ledger.close());
    const launch = i.id ? ledger.getLaunch(i.id) : ledger.latestLaunch();
    if (!launch)
        throw new errors/* NotFoundError */.m_(i.id ? `no launch '${i.id}' in the ledger` : 'the ledger has no launches yet');
    const runs = ledger.listRuns(launch.id);
    const root = (0,reconcile/* launchRecord */.n)(launch).resultsRoot;
    const settings = await (0,launch_report/* reportSettings */.kC)(config, configFile, io.workspace, launch.experiment);
    const now = io.now();
    const g = io.github();
    // without a fixed baseline file, the default branch's through the Actions cache
    const cache = g && !settings.baseline ? (0,baseline_cache/* baselineCache */.wN)(io) : undefined;
    const cacheProblems = [];
    if (cache && g?.pullRequest !== undefined) {
        const b = await (0,baseline_cache/* restoreBaseline */.W3)(io, cache, g, launch.experiment);
        if (b.baseline)
            settings.baseline = b.baseline;
        if (b.problem)
            cacheProblems.push(b.problem);
    }
    // the summary leaves room for the problems said after it
    const { model, rendered, annotations, states } = (0,launch_report/* launchReport */.kB)(launch, runs, await (0,launch_report/* localHistories */.OE)(root, runs), settings, {
        now,
        limits: { summary: render/* REPORT_LIMITS */.S4.summary - SUMMARY_ROOM },
    });
    const failOn = settings.failOn;
    const token = i['github-token'] ?? io.env.GITHUB_TOKEN;
    const gh = g && token ? (0,octokit/* githubClient */.$f)({ token, apiUrl: g.apiUrl, log: io.log }) : undefined;
    const spent = gh ? (0,octokit/* countRequests */.Kx)(gh) : { count: () => 0 };
    const published = await (0,publish/* publishReport */.S3)(gh, g, model, rendered, {
        check: targets.includes('check') && {
            annotations,
            text: (0,launch_report/* recordText */.Pe)(launch, runs, { spent: spent.count, now, states, writes: (0,report_annotations/* writesFor */.c5)(annotations) }),
        },
        comment: targets.includes('comment'),
    });
    if (cache && g && (0,baseline_cache/* onDefaultBranch */.Lt)(g, io.env) && rendered.conclusion !== undefined) {
        const b = await (0,baseline_cache/* saveBaseline */.XY)(io, cache, model, g);
        if (b.key)
            io.setOutput('baseline-cache-key', b.key);
        if (b.problem)
            cacheProblems.push(b.problem);
    }
    published.problems.push(...cacheProblems);
    for (const p of published.problems)
        io.log.warning(p);
    if (targets.includes('summary')) {
        const problems = published.problems.length
            ? `\n\n> [!WARNING]\n${published.problems.map(p => `> ${(0,report_escape/* escapeMarkdown */.FV)(p, { max: 2000 })}`).join('\n>\n')}\n`
            : '';
        await io.summary(rendered.summary + problems);
    }
    const file = (0,external_node_path_.resolve)(io.workspace, i['report-file'] ?? (0,external_node_path_.join)(root ?? '.trainer', `report-${launch.id}.md`));
    await (0,safe_fs/* makeDirs */.X2)((0,external_node_path_.dirname)(file));
    await (0,promises_.writeFile)(file, (0,render/* renderReport */.B1)(model, { target: 'summary', limit: Number.MAX_SAFE_INTEGER, failOn }).markdown);
    // this launch as a baseline for later ones (report.baseline names such a file)
    const baselineFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `baseline-${launch.id}.json`);
    await (0,promises_.writeFile)(baselineFile, `${JSON.stringify((0,baseline/* baselineOf */.Bv)(model), null, 2)}\n`);
    io.setOutput('baseline-file', baselineFile);
    const format = i['chart-images'] ?? 'none';
    if (!['none', 'svg', 'png'].includes(format))
        throw new errors/* ConfigError */.xL(`chart-images: '${format}' is not one of none, svg, png`, { key: 'chart-images' });
    if (format !== 'none') {
        const dir = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `charts-${launch.id}`);
        const c = await chartImages(file, dir, {
            format: format,
            mmdc: i.mmdc ? [i.mmdc] : ['mmdc'],
            env: io.env,
        });
        if ('problem' in c)
            io.log.warning(c.problem);
        else
            io.log.info(`${c.files.length} charts drawn in ${dir}`);
        io.setOutput('charts-dir', dir);
    }
    io.setOutput('conclusion', rendered.conclusion ?? 'pending');
    io.setOutput('report-file', file);
    if (published.checkRunId !== undefined)
        io.setOutput('check-run-id', published.checkRunId);
    if (published.commentId !== undefined)
        io.setOutput('comment-id', published.commentId);
    return { model, rendered, published, file };
}


/***/ }),

/***/ 29495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ exec)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Runs a program with an argument vector (never through a shell) and collects its output. */
function exec(file, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input ?? '');
    });
}


/***/ })

};
