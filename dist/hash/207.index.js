export const id = 207;
export const ids = [207];
export const modules = {

/***/ 8207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  coreIO: () => (/* binding */ coreIO)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/kit/github.ts
/**
 * Where a step runs on GitHub, read from the runner's environment and the event payload when
 * asked (never at import): the repository, the event, the pull request and its **head** SHA
 * (for `pull_request` events `pull_request.head.sha`, not GITHUB_SHA, which is the temporary
 * merge commit), the workflow run, and the server and API URLs (GitHub Enterprise Server, or
 * the emulator in the tests).
 */

function readEvent(env) {
    if (!env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        const e = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        return e !== null && typeof e === 'object' && !Array.isArray(e) ? e : undefined;
    }
    catch {
        return undefined;
    }
}
const SHA = /^[0-9a-f]{40,64}$/;
/** The run's GitHub context, or undefined outside GitHub Actions (no repository or SHA). */
function githubRun(env) {
    const repository = env.GITHUB_REPOSITORY;
    if (env.GITHUB_ACTIONS !== 'true' || !repository || !repository.includes('/'))
        return undefined;
    const event = readEvent(env);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pr = event?.pull_request;
    const issue = event?.issue;
    const prHead = eventName.startsWith('pull_request') ? pr?.head?.sha : undefined;
    const headSha = typeof prHead === 'string' && SHA.test(prHead) ? prHead : env.GITHUB_SHA;
    if (!headSha)
        return undefined;
    const number = pr?.number ?? (issue?.pull_request ? issue.number : undefined);
    const [owner = '', repo = ''] = repository.split('/');
    return {
        repository,
        owner,
        repo,
        eventName,
        headSha,
        pullRequest: typeof number === 'number' ? number : undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        event,
    };
}
/** The address of the workflow run, where it has one. */
function runUrl(g) {
    return g.runId ? `${g.serverUrl}/${g.repository}/actions/runs/${g.runId}` : undefined;
}

;// CONCATENATED MODULE: ./src/kit/io.ts
/** Shared `onClose`/`close` bookkeeping for the IO implementations. */
class Closers {
    fns = [];
    add(fn) {
        this.fns.push(fn);
    }
    async run() {
        const fns = this.fns.splice(0).reverse();
        for (const fn of fns) {
            try {
                await fn();
            }
            catch {
                // closing is best-effort
            }
        }
    }
}
/**
 * The same IO with some inputs given (an action that runs another's code with values it
 * decided: the launch action hands the image it built to the launch). Everything else is `io`'s.
 */
function withInputs(io, given) {
    return {
        input: name => (Object.hasOwn(given, name) ? given[name] : io.input(name)),
        setOutput: (name, value) => io.setOutput(name, value),
        saveState: (name, value) => io.saveState(name, value),
        getState: name => io.getState(name),
        summary: markdown => io.summary(markdown),
        setSecret: value => io.setSecret(value),
        log: io.log,
        env: io.env,
        workspace: io.workspace,
        github: () => io.github(),
        now: () => io.now(),
        onClose: fn => io.onClose(fn),
        close: () => io.close(),
        setFailed: (message, where) => io.setFailed(message, where),
    };
}

;// CONCATENATED MODULE: ./src/kit/core-io.ts



function props(where, title) {
    const p = {};
    if (title !== undefined)
        p.title = title;
    if (where?.file !== undefined)
        p.file = where.file;
    if (where?.line !== undefined)
        p.startLine = where.line;
    if (where?.col !== undefined)
        p.startColumn = where.col;
    return p;
}
/** The ActionIO of a step run by a GitHub runner, built when the action starts. */
function coreIO(env = process.env) {
    const closers = new Closers();
    return {
        input: name => core/* getInput */.V4(name),
        setOutput: (name, value) => core/* setOutput */.uH(name, String(value)),
        saveState: (name, value) => core/* saveState */.LZ(name, value),
        getState: name => core/* getState */.Gu(name),
        summary: async (md) => {
            if (!env.GITHUB_STEP_SUMMARY)
                return;
            await core/* summary */.z.addRaw(md, true).write();
        },
        setSecret: value => {
            if (value)
                core/* setSecret */.Pq(value);
        },
        log: {
            debug: m => core/* debug */.Yz(m),
            info: m => core/* info */.pq(m),
            warning: (m, where) => core/* warning */.$e(m, props(where)),
            error: (m, where) => core/* error */.z3(m, props(where)),
            group: (name, fn) => core/* group */.Os(name, fn),
        },
        env,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        github: () => githubRun(env),
        now: () => new Date(),
        onClose: fn => closers.add(fn),
        close: () => closers.run(),
        setFailed: (m, where) => {
            core/* error */.z3(m, props(where));
            process.exitCode = core/* ExitCode */.yU.Failure;
        },
    };
}


/***/ })

};
