export const id = 910;
export const ids = [910,449];
export const modules = {

/***/ 7449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createBackend: () => (/* binding */ createBackend),
/* harmony export */   needed: () => (/* binding */ needed)
/* harmony export */ });
/* harmony import */ var _kit_proc_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1642);
/* harmony import */ var _pooled_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2534);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3576);



/** A dependency only starting runs needs (status and cancel do without). */
function needed(value, what) {
    if (value === undefined || value === null)
        throw new Error(`starting runs needs the ${what} (a launcher bug)`);
    return value;
}
/** The local backend: each run is a `trainer run` process on this machine. */
function createBackend(name, config, deps) {
    return (0,_pooled_js__WEBPACK_IMPORTED_MODULE_1__/* .pooledBackend */ .A)({
        type: 'local',
        name,
        parallel: config.type === 'local' ? config.parallel : undefined,
        executor: (ctx, resultsRoot) => Promise.resolve((0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .processExecutor */ .Pm)({ runner: needed(deps.runner, 'runner'), resultsRoot, cwd: ctx.workspace, env: ctx.env })),
        alive: h => {
            const p = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .processOf */ .hh)(h);
            return Promise.resolve(p ? (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_0__/* .isAlive */ ._n)(p) : undefined);
        },
        stop: h => {
            const p = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .processOf */ .hh)(h);
            return Promise.resolve(p ? (0,_kit_proc_js__WEBPACK_IMPORTED_MODULE_0__/* .signalVerified */ .xs)(p, 'SIGTERM') : 'unknown');
        },
    });
}


/***/ }),

/***/ 2534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ pooledBackend)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3131);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1893);
/* harmony import */ var _pool_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6919);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8977);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6264);
/**
 * What the two local backends share: their runs are the launcher's own work, a few at a time
 * through the pool (src/backends/pool.ts), each writing its results under the launch's results
 * root on this machine. They differ only in how a run starts (a process, a container), how
 * to tell whether it still runs, and how to stop it.
 */






const LOG_TAIL_BYTES = 64 << 10;
function resultsRootOf(ctx) {
    const root = (0,_reconcile_js__WEBPACK_IMPORTED_MODULE_4__/* .launchRecord */ .n)(ctx.launch).resultsRoot;
    if (!root)
        throw new Error(`launch ${ctx.launch.id} records no results root`);
    return root;
}
function pooledBackend(o) {
    return {
        type: o.type,
        name: o.name,
        remote: false,
        async submit(ctx, runs) {
            const root = resultsRootOf(ctx);
            const executor = await o.executor(ctx, root);
            const wanted = new Set(runs.map(r => r.id));
            await (0,_pool_js__WEBPACK_IMPORTED_MODULE_3__/* .runPool */ .kD)({
                plan: { ...ctx.launch.plan, runs: ctx.launch.plan.runs.filter(r => wanted.has(r.id)) },
                ledger: ctx.ledger,
                resultsRoot: root,
                parallel: ctx.parallel ?? o.parallel ?? 2,
                executor,
                signals: ctx.signals,
                progress: e => ctx.progress?.(e),
                gracePeriod: ctx.gracePeriod,
            });
            // the pool recorded every run itself, handles included
            return [];
        },
        async poll(ctx, runs) {
            const { resultsRoot: root, launcher } = (0,_reconcile_js__WEBPACK_IMPORTED_MODULE_4__/* .launchRecord */ .n)(ctx.launch);
            const gone = launcher ? `its launcher (pid ${launcher.pid}) is gone` : 'its launcher is gone';
            const seen = new Map();
            for (const r of runs) {
                const h = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseHandle */ .S$)(r.handle);
                const alive = h ? await o.alive(h, ctx) : undefined;
                if (alive === true) {
                    seen.set(r.id, { state: 'RUNNING' });
                    continue;
                }
                const read = root ? await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunMetrics */ .xD)(root, r.output) : { problem: 'no results root' };
                // a run that cannot be checked from here counts as ended only once it has left its result
                if (alive === undefined && r.handle !== undefined && !read.metrics)
                    continue;
                const m = read.metrics;
                seen.set(r.id, m
                    ? { state: (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .stateOfStatus */ .tG)(m.status), exitCode: m.exit_code, reason: m.reason ?? undefined }
                    : {
                        state: r.state === 'STARTING' ? 'ERROR' : 'FAILED',
                        reason: `${gone} and the run left no result (${read.problem})`,
                    });
            }
            return seen;
        },
        async cancel(ctx, runs) {
            const out = new Map();
            // a run still starting has no handle yet: its launcher stops it once it starts
            for (const r of runs) {
                const h = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseHandle */ .S$)(r.handle);
                out.set(r.id, h ? await o.stop(h, ctx) : r.handle === undefined ? 'sent' : 'unknown');
            }
            return out;
        },
        async collect(ctx, run) {
            const root = resultsRootOf(ctx);
            const read = await (0,_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .readRunMetrics */ .xD)(root, run.output);
            let logTail = [];
            try {
                const log = await (0,_kit_safe_fs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInside */ .xO)(root, `${run.output}/logs.txt`, { maxBytes: LOG_TAIL_BYTES, from: 'end' });
                logTail = log.text.split('\n').filter(Boolean).slice(-15);
            }
            catch {
                // no log (yet): nothing to show
            }
            return { metrics: read.metrics, problem: read.problem, logTail, resultUrl: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, run.output) };
        },
        links(ctx, run) {
            const root = (0,_reconcile_js__WEBPACK_IMPORTED_MODULE_4__/* .launchRecord */ .n)(ctx.launch).resultsRoot;
            return root ? { log: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, run.output, 'logs.txt'), artifacts: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, run.output) } : {};
        },
    };
}


/***/ }),

/***/ 1489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cR: () => (/* binding */ containerMainArgs)
});

// UNUSED EXPORTS: keepFilter, resolveSpec, runEnv

// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(3713);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/plan/resolve.ts


/** Edit distance, for "did you mean" suggestions. */
function distance(a, b) {
    const d = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = d[0];
        d[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = d[j];
            d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return d[b.length];
}
/** The closest of `choices` to `name`, when it is close enough to be a typo. */
function resolve_nearest(name, choices) {
    let best;
    let bestD = Infinity;
    for (const c of choices) {
        const dd = distance(name.toLowerCase(), c.toLowerCase());
        if (dd < bestD)
            [best, bestD] = [c, dd];
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}
/** Parameter names match across `_` and `-` (seed 000: `--override-batch-size` sets `batch_size`). */
const normKey = (k) => k.replace(/-/g, '_');
/** The type a parameter keeps: declared, else its default's (a whole number is an int). */
function paramType(dflt, declared) {
    if (declared)
        return declared;
    if (typeof dflt === 'boolean')
        return 'bool';
    if (typeof dflt === 'string')
        return 'string';
    if (typeof dflt === 'number')
        return Number.isInteger(dflt) ? 'int' : 'float';
    return undefined;
}
const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Coerces an override (text from a command line, or a typed YAML value of a sweep) to the
 * parameter's type, which it must keep: an int takes whole numbers in decimal, a float
 * decimal or exponent notation, a bool true or false. `0x10`, `1_000`, `2.5` for an int, or
 * `inf`, are errors at plan time. Without a default or declared type, numbers and booleans
 * are recognised.
 */
function resolve_coerce(key, raw, dflt, where, declared) {
    const type = paramType(dflt, declared);
    const shown = dflt === undefined ? '' : ` (default ${String(dflt)})`;
    const bad = (what) => new ConfigError(`${where}: ${key}=${String(raw)} is not ${what}${shown}`, { key });
    if (typeof raw !== 'string') {
        if (type === 'int' && !(typeof raw === 'number' && Number.isInteger(raw)))
            throw bad('a whole number');
        if (type === 'float' && typeof raw !== 'number')
            throw bad('a number');
        if (type === 'bool' && typeof raw !== 'boolean')
            throw bad('true or false');
        if (type === 'string')
            return String(raw);
        return raw;
    }
    const v = raw.trim();
    switch (type) {
        case 'int':
            if (!INT_TEXT.test(v) || !Number.isSafeInteger(Number(v)))
                throw bad('a whole number');
            return Number(v);
        case 'float':
            if (!FLOAT_TEXT.test(v) || !Number.isFinite(Number(v)))
                throw bad('a number');
            return Number(v);
        case 'bool':
            if (v === 'true' || v === 'True')
                return true;
            if (v === 'false' || v === 'False')
                return false;
            throw bad('true or false');
        case 'string':
            return raw;
        case undefined:
            if (FLOAT_TEXT.test(v))
                return Number(v);
            if (v === 'true' || v === 'false')
                return v === 'true';
            return raw;
    }
}
/** seed 000's deterministic fallback seed: derived from the experiment name and run index. */
function fallbackSeed(experiment, index) {
    return parseInt(createHash('sha256').update(`${experiment}/${index}`).digest('hex').slice(0, 8), 16) % 2 ** 31;
}
/**
 * Seed selection, exactly as seed 000 says: `seeds[run_index]` when present; an
 * explicit seed overrides; `prefer-config-seed: false` forces the explicit seed or a
 * deterministic fallback.
 */
function resolve_selectSeed(experiment, runIndex, rule) {
    if (rule.explicit !== undefined)
        return { seed: rule.explicit, source: 'explicit' };
    const fromConfig = rule.preferConfig ? rule.seeds?.[runIndex] : undefined;
    if (fromConfig !== undefined)
        return { seed: fromConfig, source: 'config' };
    return { seed: fallbackSeed(experiment, runIndex), source: 'fallback' };
}
/**
 * Experiment defaults, then this launch's overrides. Unknown keys are an error that
 * lists the valid ones.
 */
function resolve_applyOverrides(experiment, defaults, overrides, extraKeys = [], types = {}) {
    const params = { ...defaults };
    const applied = {};
    const valid = [...new Set([...Object.keys(defaults), ...extraKeys])];
    const byNorm = new Map(valid.map(k => [normKey(k), k]));
    const given = new Map();
    for (const [rawKey, raw] of Object.entries(overrides)) {
        const key = byNorm.get(normKey(rawKey));
        const twice = key === undefined ? undefined : given.get(key);
        if (twice !== undefined)
            throw new ConfigError(`override ${key} is given twice (as '${twice}' and '${rawKey}')`, { key: rawKey });
        if (key !== undefined)
            given.set(key, rawKey);
        if (key === undefined) {
            const guess = resolve_nearest(rawKey, valid);
            throw new ConfigError(`experiment '${experiment}' has no parameter '${rawKey}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid: ${valid.join(', ') || '(none)'}`, { key: rawKey });
        }
        const v = resolve_coerce(key, raw, defaults[key], `override for '${experiment}'`, types[key]);
        params[key] = v;
        applied[key] = v;
    }
    return { params, applied };
}

;// CONCATENATED MODULE: ./src/plan/plan.ts



const DEFAULT_MAX_RUNS = 1000;
/** The experiment named, or a ConfigError with the nearest name. */
function plan_experimentOf(config, name) {
    const all = config.experiments ?? {};
    // own keys only: `exp=constructor` must not find Object.prototype.constructor
    const e = Object.hasOwn(all, name) ? all[name] : undefined;
    if (e)
        return e;
    const names = Object.keys(all);
    const guess = nearest(name, names);
    throw new ConfigError(names.length === 0
        ? `unknown experiment '${name}': trainer.yml defines no experiments`
        : `unknown experiment '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; experiments: ${names.join(', ')}`, { key: `experiments.${name}` });
}
/** Every combination of a grid, in a stable order (first key varies slowest). */
function gridPoints(grid) {
    let points = [{}];
    for (const [k, values] of Object.entries(grid))
        points = points.flatMap(p => values.map(v => ({ ...p, [k]: v })));
    return points;
}
const pad = (n, width) => String(n).padStart(width, '0');
/**
 * Materializes a launch: experiment defaults, overrides, the sweep grid (minus its
 * exclusions), and per-run seeds, into fully resolved runs with stable ids. Nothing
 * downstream reads trainer.yml again.
 */
function plan_buildPlan(config, o) {
    const name = o.experiment;
    const exp = plan_experimentOf(config, name);
    const defaults = exp.params ?? {};
    const swept = exp.sweep?.grid ?? {};
    const types = exp['param-types'] ?? {};
    const { params: base, applied } = applyOverrides(name, defaults, o.overrides ?? {}, Object.keys(swept), types);
    // An override of a swept parameter pins it: that dimension collapses to the override.
    const grid = Object.fromEntries(Object.entries(swept).filter(([k]) => !(k in applied)));
    // Sweep values take the parameter's type like overrides do.
    for (const [k, values] of Object.entries(grid))
        grid[k] = values.map(v => coerce(k, v, defaults[k], `sweep of '${name}'`, types[k]));
    const exclude = exp.sweep?.exclude ?? [];
    const points = gridPoints(grid).filter(p => !exclude.some(x => Object.entries(x).every(([k, v]) => k in p && p[k] === v)));
    if (points.length === 0) {
        throw new ConfigError(`the sweep of '${name}' expands to zero runs: every combination is excluded`, {
            key: `experiments.${name}.sweep`,
        });
    }
    const replicates = exp.runs ?? (exp.seeds?.length || 1);
    const total = points.length * replicates;
    const max = o.maxRuns ?? config.launch?.['max-runs'] ?? DEFAULT_MAX_RUNS;
    if (total > max) {
        throw new ConfigError(`'${name}' expands to ${total} runs (${points.length} sweep points × ${replicates} runs), over the limit of ${max}`, { key: 'launch.max-runs' }, { hint: 'Narrow the sweep, or raise launch.max-runs in trainer.yml (or --max-runs).' });
    }
    const rule = {
        seeds: exp.seeds,
        explicit: o.seed,
        preferConfig: o.preferConfigSeed ?? exp['prefer-config-seed'] ?? true,
    };
    const width = Math.max(3, String(total - 1).length);
    const backend = o.backend ?? exp.backend ?? 'local';
    const runs = [];
    let index = 0;
    for (const point of points) {
        for (let r = 0; r < replicates; r++) {
            const { seed } = selectSeed(name, r, rule);
            runs.push({
                experiment: name,
                index,
                seed,
                params: { ...base, ...point },
                overrides: { ...applied, ...point },
                point,
                resources: exp.resources ?? {},
                command: exp.command,
                argsStyle: exp['args-style'] ?? 'container-main',
                image: o.image,
                output: `${name}/runs/${pad(index, width)}`,
                outputs: exp.outputs ?? [],
                env: exp.env ?? [],
                backend,
            });
            index++;
        }
    }
    const digest = createHash('sha256').update(JSON.stringify(runs)).digest('hex');
    const launchId = o.launchId ?? defaultLaunchId(name, digest, (o.now ?? (() => new Date()))());
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(launchId)) {
        throw new ConfigError(`launch id '${launchId}' is invalid: letters, digits, _ . - (at most 100)`, {
            key: 'launch-id',
        });
    }
    return { launchId, experiment: name, runs: runs.map(r => ({ id: `${launchId}.${pad(r.index, width)}`, ...r })) };
}
/**
 * `<experiment>-<UTC time>-<plan digest>-<random>`: the time and digest say when and what,
 * the random part makes every launch attempt its own, so two identical launches started in
 * the same second never merge. A deliberate re-launch passes `--launch-id`.
 */
function defaultLaunchId(experiment, digest, now) {
    const t = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    return `${experiment.replace(/[^A-Za-z0-9_.-]/g, '-')}-${t}-${digest.slice(0, 6)}-${randomBytes(3).toString('hex')}`;
}
/**
 * Parses `key=value` words (a `/train` comment, CLI positionals, lines of the `overrides`
 * input) into overrides. Each word is one override: everything after the first `=` is the
 * value, commas and further `=` included, so `name=a,lr=5` sets `name` to `a,lr=5` and
 * never `lr`. A key given twice is an error rather than a silent last-one-wins.
 */
function parseOverrides(words) {
    const out = Object.create(null);
    for (const w of words) {
        const i = w.indexOf('=');
        if (i <= 0)
            throw new ConfigError(`'${w}' is not key=value`, { key: w });
        const key = w.slice(0, i).trim();
        const value = w.slice(i + 1);
        if (value.includes('\0'))
            throw new ConfigError(`override ${key}: the value contains a NUL byte`, { key });
        if (Object.hasOwn(out, key))
            throw new ConfigError(`override ${key} is given twice ('${key}=${out[key]}' and '${w}')`, { key });
        out[key] = value;
    }
    return out;
}

// EXTERNAL MODULE: ./src/runner/contract.ts
var contract = __webpack_require__(6670);
;// CONCATENATED MODULE: ./src/runner/spec.ts






const spec_pad = (n) => String(n).padStart(3, '0');
/**
 * The run to do: from `--experiment`/`--run_index` and trainer.yml, resolved exactly
 * as seed 000 says (defaults, then `--override-*`, then the seed rule), or, without
 * `--experiment`, from the `TRAINER_RUN_SPEC` JSON a launcher passed.
 */
async function resolveSpec(a, env, cwd) {
    if (a.experiment === undefined) {
        const raw = env.TRAINER_RUN_SPEC;
        if (!raw)
            throw new ConfigError('--experiment is required (or a TRAINER_RUN_SPEC from a launcher)', { key: '--experiment' });
        let json;
        try {
            json = JSON.parse(raw);
        }
        catch {
            throw new ConfigError('TRAINER_RUN_SPEC is not valid JSON', { key: 'TRAINER_RUN_SPEC' });
        }
        const s = checked(json, 'TRAINER_RUN_SPEC');
        const spec = {
            experiment: s.experiment,
            index: s.index,
            seed: a.seed ??
                s.seed ??
                selectSeed(s.experiment, s.index, { seeds: undefined, explicit: undefined, preferConfig: false }).seed,
            params: s.params ?? {},
            command: s.command,
            argsStyle: s.argsStyle ?? 'container-main',
            output: s.output ?? `${s.experiment}/runs/${spec_pad(s.index)}`,
            outputs: s.outputs ?? [],
        };
        // --seed too
        checked(spec, 'TRAINER_RUN_SPEC');
        return spec;
    }
    if (a.runIndex === undefined)
        throw new ConfigError('--run_index is required with --experiment', { key: '--run_index' });
    const { config } = await loadConfig(cwd, a.config ?? env.TRAINER_CONFIG);
    const exp = experimentOf(config, a.experiment);
    const preferConfig = a.preferConfigSeed && (exp['prefer-config-seed'] ?? true);
    // Run N of the plan the same inputs make (sweep point, replicate seed) when there is one;
    // past its end, seed 000's rule: defaults and overrides, seeds[run_index] or the fallback.
    const plan = buildPlan(config, {
        experiment: a.experiment,
        overrides: a.overrides,
        seed: a.seed,
        preferConfigSeed: preferConfig,
        launchId: 'run',
        maxRuns: Infinity,
    });
    const planned = plan.runs[a.runIndex];
    const { params } = planned ??
        applyOverrides(a.experiment, exp.params ?? {}, a.overrides, Object.keys(exp.sweep?.grid ?? {}), exp['param-types'] ?? {});
    const seed = planned?.seed ?? selectSeed(a.experiment, a.runIndex, { seeds: exp.seeds, explicit: a.seed, preferConfig }).seed;
    const spec = {
        experiment: a.experiment,
        index: a.runIndex,
        seed,
        params,
        command: exp.command,
        argsStyle: exp['args-style'] ?? 'container-main',
        output: planned?.output ?? `${a.experiment}/runs/${spec_pad(a.runIndex)}`,
        outputs: exp.outputs ?? [],
    };
    checked(spec, `experiment '${a.experiment}'`);
    return spec;
}
/**
 * A run spec checked against the run contract: the run directory stays inside the results
 * root, nothing holds a NUL. Fails as a ConfigError naming the field (`TRAINER_RUN_SPEC.output: …`).
 */
function checked(spec, source) {
    const r = RunSpecSchema.safeParse(spec);
    if (r.success)
        return r.data;
    const i = r.error.issues[0];
    const field = i?.path.length ? `${source}.${i.path.join('.')}` : source;
    throw new ConfigError(`${field}: ${i?.message ?? 'invalid'}`, { key: field });
}
/** Which files of a run directory its archive keeps: `outputs` globs, plus metrics.json and logs.txt. */
function keepFilter(outputs) {
    if (outputs.length === 0)
        return undefined;
    const res = outputs.map(g => picomatch.makeRe(g, { dot: true }));
    return rel => rel === 'metrics.json' || rel === 'logs.txt' || res.some(r => r.test(rel));
}
/** seed 000's command line for a run: `--experiment X --run_index N --seed S --override-<key> <value> …`. */
function containerMainArgs(s) {
    const out = ['--experiment', s.experiment, '--run_index', String(s.index), '--seed', String(s.seed)];
    for (const [k, v] of Object.entries(s.params))
        out.push(`--override-${k.replace(/_/g, '-')}`, String(v));
    return out;
}
/** `TRAINER_*` variables of a run (always set; the only channel with args-style env). */
function runEnv(s, runDir) {
    const env = {
        TRAINER_RUN_DIR: runDir,
        TRAINER_EXPERIMENT: s.experiment,
        TRAINER_RUN_INDEX: String(s.index),
        TRAINER_SEED: String(s.seed),
        TRAINER_RUN_SPEC: JSON.stringify(s),
    };
    for (const [k, v] of Object.entries(s.params))
        env[`TRAINER_PARAM_${k.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = String(v);
    return env;
}


/***/ })

};
