export const id = 742;
export const ids = [742];
export const modules = {

/***/ 5742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  coreIO: () => (/* binding */ coreIO)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
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
