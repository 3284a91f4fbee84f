export const id = 91;
export const ids = [91];
export const modules = {

/***/ 17091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restControl: () => (/* binding */ restControl)
/* harmony export */ });
/* unused harmony exports API, slurmMinutes, slurmMegabytes, sbatchJob, waitStatusCode, parseJobs */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73713);
/* harmony import */ var _kit_retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(91834);
/* harmony import */ var _local_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25742);
/* harmony import */ var _states_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(37567);
/**
 * The `rest` transport: slurmrestd (OpenAPI v0.0.38, Slurm 22.05+) with a JWT, sent as
 * X-SLURM-USER-NAME and X-SLURM-USER-TOKEN. Jobs run as that user.
 *
 * - **Files.** slurmrestd has no file access. The job root must be a file system that this
 *   machine shares with the cluster, and the job directory is written here (`localFiles`).
 *   Files are written as the job's user, since the job must read its 0600 task files and
 *   write its logs and results. When the launcher runs as that user, it writes them itself.
 *   When it runs as root, a helper process running as that user does every file operation,
 *   so root never follows a link the job's user planted. A launcher running as another user
 *   is refused.
 * - **Submit.** slurmrestd does not read the script's `#SBATCH` lines, unlike sbatch
 *   (checked against 22.05.8: name, array, time limit and output were all ignored). The
 *   rendered script stays the only source of truth: its directives are parsed, strictly,
 *   into the job's properties ({@link sbatchJob}). A directive without a mapping is refused,
 *   by name. `environment` is the job's whole environment (Slurm adds `SLURM_*`). A submit
 *   is sent again only when the connection was never made. After anything else the job may
 *   exist: the error is reported, and a later attempt of the launch adopts the job by its
 *   name.
 * - **Listing.** One `GET …/jobs` lists every job slurmctld still keeps, filtered on the
 *   name here. Later polls send `update_time` and get 304 when nothing changed. Finished
 *   jobs slurmctld has forgotten are not listed: dbv0.0.38 needs slurmdbd and is not used.
 * - **Retries.** GET and DELETE are retried on 5xx and network errors (kit/retry).
 *
 * Property names come from the OpenAPI document of the daemon itself (`GET /openapi/v3`).
 * Each property was checked on slurmrestd 22.05.8 by a submission, then read back. Found
 * there: unknown keys are refused, `exclusive` takes "exclusive" (not the documented
 * "true"), `nodes` takes [min, max], and `B:` signals are refused.
 */









const API = '/slurm/v0.0.38';
/**
 * v0.0.38 exposes neither MaxArraySize nor MaxJobCount: it has no config endpoint, and
 * /diag holds only statistics. So these are Slurm's defaults. A cluster with a lower
 * limit refuses the submit ("Invalid job array specification"), and that error is shown.
 */
const DEFAULT_LIMITS = { maxArraySize: 1001, maxJobCount: 10000 };
/** A listing of 10000 kept jobs is about 40 MB (about 4 KB per job). */
const MAX_BODY = 64 << 20;
const TIMEOUT_MS = 30_000;
/** Allowed clock skew between this machine and slurmctld, for `update_time`. */
const SKEW_S = 120;
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Connection errors after which the request certainly never reached slurmrestd. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** A proxy's answers: slurmrestd behind it may have taken the request. */
const PROXY_STATUS = new Set([502, 503, 504]);
/** Said of a submit that may have reached slurmctld: it is never sent again. */
const MAY_EXIST = '; the job may have been submitted, so it is not sent again (a later attempt of the launch adopts it by its name)';
/** Slurm errors that mean, for a cancel, that the job has already ended. */
const ALREADY_ENDED = new Set([2017, 2021]); // ESLURM_INVALID_JOB_ID, ESLURM_ALREADY_DONE
function need(value, flag) {
    if (value === undefined || value === '')
        throw directiveError(flag, 'needs a value');
    return value;
}
const text = (key) => (v, f) => [key, need(v, f)];
const integer = (key) => (v, f) => {
    if (!/^\d+$/.test(need(v, f)))
        throw directiveError(f, `${JSON.stringify(v)} is not a whole number`);
    return [key, Number(v)];
};
/** Slurm's time formats as whole minutes: `M`, `M:S`, `H:M:S`, `D-H`, `D-H:M`, `D-H:M:S`. */
function slurmMinutes(value) {
    const m = /^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$/.exec(value);
    if (!m)
        return undefined;
    const [d, a, b, c] = [m[1], m[2], m[3], m[4]].map(x => (x === undefined ? undefined : Number(x)));
    let s;
    if (d !== undefined)
        s = ((d * 24 + a) * 60 + (b ?? 0)) * 60 + (c ?? 0);
    else if (c !== undefined)
        s = (a * 60 + b) * 60 + c;
    else if (b !== undefined)
        s = a * 60 + b;
    else
        s = a * 60;
    return Math.ceil(s / 60);
}
/** `--mem` values (`16G`, `512M`, `4096`: megabytes without a unit) as megabytes. */
function slurmMegabytes(value) {
    const m = /^(\d+)([KMGT])?$/i.exec(value);
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = (m[2] ?? 'M').toUpperCase();
    return unit === 'K' ? Math.ceil(n / 1024) : n * 1024 ** 'MGT'.indexOf(unit);
}
/** The directives the rendered script and trainer.yml's `sbatch:` use. Anything else is refused. */
const DIRECTIVES = {
    'job-name': text('name'),
    comment: text('comment'),
    array: text('array'),
    output: text('standard_output'),
    error: text('standard_error'),
    partition: text('partition'),
    account: text('account'),
    qos: text('qos'),
    time: (v, f) => {
        const min = slurmMinutes(need(v, f));
        if (min === undefined)
            throw directiveError(f, `${JSON.stringify(v)} is not a time (M, H:M:S, D-H:M:S…)`);
        return ['time_limit', min];
    },
    'cpus-per-task': integer('cpus_per_task'),
    mem: (v, f) => ['memory_per_node', megabytes(v, f)],
    'mem-per-cpu': (v, f) => ['memory_per_cpu', megabytes(v, f)],
    gres: text('gres'),
    'gpus-per-task': text('gpus_per_task'),
    gpus: text('gpus'),
    'gpus-per-node': text('gpus_per_node'),
    constraint: text('constraints'),
    nodes: (v, f) => {
        const m = /^(\d+)(?:-(\d+))?$/.exec(need(v, f));
        if (!m)
            throw directiveError(f, `${JSON.stringify(v)} is not N or MIN-MAX`);
        return ['nodes', [Number(m[1]), Number(m[2] ?? m[1])]];
    },
    ntasks: integer('tasks'),
    // "exclusive", "user", "mcs" or "oversubscribe"; v0.0.38 refuses the "true" its spec names
    exclusive: v => ['exclusive', v ?? 'exclusive'],
    signal: text('signal'),
    'mail-type': text('mail_type'),
    'mail-user': text('mail_user'),
};
function megabytes(v, flag) {
    const mb = slurmMegabytes(need(v, flag));
    if (mb === undefined)
        throw directiveError(flag, `${JSON.stringify(v)} is not a size (16G, 4096M)`);
    return mb;
}
function directiveError(flag, why) {
    return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`#SBATCH --${flag}: ${why}`, { key: 'sbatch' });
}
/**
 * The job properties a script's `#SBATCH` lines ask for, read as sbatch reads them: from
 * the lines after `#!` up to the first line that is neither blank nor a comment. Only the
 * `--option[=value]` form is read. A directive in another form, or without a mapping, is
 * a ConfigError naming it. When an option is given twice, the last one wins, as in sbatch.
 */
function sbatchJob(script) {
    const job = {};
    for (const line of script.split('\n').slice(1)) {
        const t = line.trim();
        if (t === '')
            continue;
        if (!t.startsWith('#'))
            break;
        if (!/^#SBATCH\b/.test(t))
            continue;
        const m = /^#SBATCH\s+--([a-z][a-z0-9-]*)(?:=(\S*))?$/.exec(t);
        if (!m)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`${t}: only the form #SBATCH --option[=value] is read for slurmrestd`, { key: 'sbatch' });
        const flag = m[1];
        const map = DIRECTIVES[flag];
        if (!map)
            throw directiveError(flag, `the rest transport has no slurmrestd job property for it (it maps ${Object.keys(DIRECTIVES)
                .map(k => `--${k}`)
                .join(', ')}); remove it, or use transport local or ssh`);
        const [key, value] = map(m[2], flag);
        job[key] = value;
    }
    return job;
}
/** A raw wait status (what v0.0.38 puts in `exit_code`) as a shell reports it: 512 → 2, a signal → 128+signal. */
function waitStatusCode(status) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 0)
        return undefined;
    const signal = status & 0x7f;
    return signal ? 128 + signal : (status >> 8) & 0xff;
}
/**
 * Each record of a v0.0.38 job listing as a SlurmJob. A started array task is `<array>_<task>`.
 * Pending tasks that have not been split off are one record with no task id, named
 * `<array>_[2-4%2]` as squeue shows them. Exit codes are kept only for jobs that have ended.
 */
function parseJobs(body) {
    const list = body?.jobs;
    if (!Array.isArray(list))
        throw new Error('the answer has no jobs list');
    const out = [];
    for (const r of list) {
        if (typeof r.job_id !== 'number')
            continue;
        const array = typeof r.array_job_id === 'number' && r.array_job_id > 0 ? r.array_job_id : undefined;
        const task = typeof r.array_task_id === 'number' ? r.array_task_id : undefined;
        const range = r.array_task_string ?? '';
        const native = String(r.job_state ?? '');
        const state = (0,_states_js__WEBPACK_IMPORTED_MODULE_8__/* .slurmState */ .Pb)(native);
        const ended = state !== undefined && !['QUEUED', 'RUNNING', 'PAUSED'].includes(_states_js__WEBPACK_IMPORTED_MODULE_8__/* .SLURM_TO_LEDGER */ .CY[state].state);
        out.push({
            id: array === undefined
                ? String(r.job_id)
                : task !== undefined
                    ? `${array}_${task}`
                    : range
                        ? `${array}_[${range}]`
                        : String(array),
            arrayJobId: String(array ?? r.job_id),
            task,
            name: String(r.name ?? ''),
            state,
            native,
            reason: r.state_reason && r.state_reason !== 'None' ? r.state_reason : undefined,
            exitCode: ended ? waitStatusCode(r.exit_code) : undefined,
        });
    }
    return out;
}
/** The user's passwd entry here (getent: NSS, LDAP, sssd; else /etc/passwd), or undefined. */
async function lookUp(user) {
    const parse = (line) => {
        const f = line?.split(':') ?? [];
        if (f.length < 7 || f[0] !== user || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3]))
            return undefined;
        return { name: user, uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
    };
    const got = await new Promise(res => (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('getent', ['passwd', user], { timeout: 10_000, env: {} }, (e, out) => res({ code: e?.code, out: String(out) })));
    if (got.code !== 'ENOENT')
        return parse(got.out.split('\n')[0]);
    const passwd = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)('/etc/passwd', 'utf8').catch(() => '');
    return parse(passwd.split('\n').find(l => l.startsWith(`${user}:`)));
}
/** The helper that runs as the job's user (CommonJS, for `node -e`): one JSON request per line on stdin. */
const FILE_HELPER = String.raw `'use strict'
const fs = require('node:fs/promises')
const {O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_NONBLOCK} = require('node:fs').constants
const path = require('node:path')
let n = 0
const fail = (code, message) => Object.assign(new Error(message), {code})
async function write(p, b64, mode) {
  const tmp = path.join(path.dirname(p), '.' + process.pid + '-' + ++n + '-' + Date.now() + '.tmp')
  const fh = await fs.open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
  try {
    try { await fh.writeFile(Buffer.from(b64, 'base64')); await fh.chmod(mode) } finally { await fh.close() }
    await fs.rename(tmp, p)
  } catch (e) { await fs.rm(tmp, {force: true}); throw e }
}
const ops = {
  write,
  async writeAll(dir, entries) { for (const e of entries) await write(path.join(dir, e.name), e.data, e.mode) },
  async read(root, rel, max) {
    // no symlink at any component below root, regular files only, never blocking on a FIFO
    const parts = rel.split('/').filter(x => x && x !== '.')
    if (parts.includes('..')) throw fail('EINVAL', rel + ' leaves ' + root)
    let p = root
    for (const part of parts.slice(0, -1)) {
      p = path.join(p, part)
      let st
      try { st = await fs.lstat(p) } catch (e) { if (e.code === 'ENOENT') return null; throw e }
      if (!st.isDirectory()) throw fail('EINVAL', p + ' is not a directory (a symlink?)')
    }
    p = path.join(p, parts[parts.length - 1] || '')
    let fh
    try { fh = await fs.open(p, O_RDONLY | O_NONBLOCK | O_NOFOLLOW) } catch (e) { if (e.code === 'ENOENT') return null; throw e }
    try {
      const st = await fh.stat()
      if (!st.isFile()) throw fail('EINVAL', p + ' is not a regular file')
      const len = Math.min(st.size, max)
      const buf = Buffer.alloc(len)
      let got = 0
      while (got < len) {
        const {bytesRead} = await fh.read(buf, got, len - got, st.size - len + got)
        if (!bytesRead) break
        got += bytesRead
      }
      return buf.subarray(0, got).toString('base64')
    } finally { await fh.close() }
  },
  rename: (a, b) => fs.rename(a, b),
  async mkdir(paths) {
    for (const p of paths) {
      let at = ''
      for (const part of path.resolve(p).split('/').filter(Boolean)) {
        at += '/' + part
        try { await fs.mkdir(at) } catch (e) {
          if (e.code !== 'EEXIST') throw e
          if (!(await fs.stat(at)).isDirectory()) throw fail('ENOTDIR', at + ' is not a directory')
        }
      }
    }
  },
  async list(p) { try { return await fs.readdir(p) } catch (e) { if (e.code === 'ENOENT') return []; throw e } },
}
require('node:readline').createInterface({input: process.stdin, crlfDelay: Infinity}).on('line', line => {
  const {id, op, args} = JSON.parse(line)
  Promise.resolve().then(() => ops[op](...args)).then(
    value => process.stdout.write(JSON.stringify({id, value: value === undefined ? null : value}) + '\n'),
    e => process.stdout.write(JSON.stringify({id, error: String((e && e.message) || e), code: e && e.code}) + '\n'),
  )
})
`;
/** The job directory's files through a helper process running as `a` (the launcher is root). */
function filesAs(a) {
    let child;
    let stderr = '';
    let next = 0;
    const pending = new Map();
    const refs = (on) => {
        for (const h of [child, child?.stdin, child?.stdout, child?.stderr]) {
            const r = h;
            if (on)
                r?.ref?.();
            else
                r?.unref?.();
        }
    };
    const died = (why) => {
        const e = new Error(`file helper (as ${a.name}) ${why}${stderr ? `: ${stderr.trim().slice(-500)}` : ''}`);
        for (const p of pending.values())
            p.fail(e);
        pending.clear();
        child = undefined;
    };
    const start = () => {
        const c = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, ['-e', FILE_HELPER], {
            uid: a.uid,
            gid: a.gid,
            cwd: '/',
            env: {},
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        c.stderr.on('data', (b) => (stderr = (stderr + b.toString()).slice(-4000)));
        c.stdin.on('error', () => undefined);
        c.once('error', e => died(`could not start: ${e.message}`));
        c.once('exit', (code, signal) => died(`exited (${signal ?? code})`));
        (0,node_readline__WEBPACK_IMPORTED_MODULE_4__.createInterface)({ input: c.stdout, crlfDelay: Infinity }).on('line', line => {
            let m;
            try {
                m = JSON.parse(line);
            }
            catch {
                return;
            }
            const p = pending.get(m.id ?? -1);
            if (!p)
                return;
            pending.delete(m.id);
            if (pending.size === 0)
                refs(false);
            if (m.error === undefined)
                p.ok(m.value);
            else
                p.fail(Object.assign(new Error(m.error), { code: m.code }));
        });
        return c;
    };
    const call = (op, ...args) => new Promise((ok, fail) => {
        child ??= start();
        const id = ++next;
        pending.set(id, { ok: ok, fail });
        refs(true);
        child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
    const b64 = (d) => (typeof d === 'string' ? Buffer.from(d) : d).toString('base64');
    return {
        write: (path, data, mode = 0o644) => call('write', path, b64(data), mode),
        writeAll: (dir, entries) => call('writeAll', dir, entries.map(e => ({ name: e.name, data: b64(e.data), mode: e.mode }))),
        read: async (root, rel, maxBytes) => {
            const v = await call('read', root, rel, maxBytes);
            return v === null ? undefined : Buffer.from(v, 'base64');
        },
        rename: (from, to) => call('rename', from, to),
        mkdir: (...paths) => call('mkdir', paths),
        list: path => call('list', path),
        absolute: path => Promise.resolve((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(a.home, path.replace(/^~\/?/, ''))),
        async close() {
            const c = child;
            if (!c)
                return;
            await new Promise(res => {
                const t = setTimeout(() => (c.kill('SIGKILL'), res()), 5000);
                c.once('exit', () => (clearTimeout(t), res()));
                c.stdin.end();
            });
        },
    };
}
/** Variables the job gets from the launcher, besides PATH (the job's user, home and `SLURM_*` are set for it). */
const PASSED_ENV = /^(LANG|LC_[A-Z]+|TZ)$/;
function jobEnvironment(env, user, home) {
    const out = { PATH: env.PATH || DEFAULT_PATH, USER: user, LOGNAME: user };
    if (home)
        out.HOME = home;
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && PASSED_ENV.test(k))
            out[k] = v;
    return out;
}
const errorsOf = (a) => {
    const e = a.body?.errors;
    return Array.isArray(e) ? e : [];
};
const codeOf = (e) => e.error_number ?? e.error_code;
/** What slurmrestd said: its `errors` (description and error), else the start of the body. */
function said(a) {
    const parts = errorsOf(a).map(e => e.description && e.error && !e.description.includes(e.error)
        ? `${e.description} (${e.error})`
        : (e.description ?? e.error ?? ''));
    return parts.filter(Boolean).join('; ') || a.text.trim().slice(0, 300);
}
/** slurmrestd answers a bad or expired token with a 500 (slurmctld refused it): -1, or 5005 "Zero Bytes…". */
const tokenSuspect = (a) => a.status === 500 && errorsOf(a).some(e => codeOf(e) === 5005 || codeOf(e) === -1);
async function readBody(res) {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > MAX_BODY) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`the answer is ${declared} bytes, more than ${MAX_BODY}`);
    }
    if (!res.body)
        return '';
    const chunks = [];
    let size = 0;
    const reader = res.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > MAX_BODY) {
            await reader.cancel().catch(() => undefined);
            throw new Error(`the answer is more than ${MAX_BODY} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function localUser() {
    try {
        return (0,node_os__WEBPACK_IMPORTED_MODULE_2__.userInfo)().username;
    }
    catch {
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL('user-name: not given, and this process runs as a user without a name', { key: 'user-name' });
    }
}
const isLoopback = (u) => u.hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(u.hostname) || u.hostname === '[::1]';
/** Slurm through slurmrestd (see the module comment). */
async function restControl(c, env, o = {}) {
    if (!c.url)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL('the rest transport needs url (slurmrestd, e.g. http://login:6820)', { key: 'url' });
    const base = c.url.replace(/\/+$/, '');
    const url = new URL(base);
    if (url.protocol !== 'https:' && !isLoopback(url))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`url: ${base}: the Slurm token is never sent over plain http, except to loopback`, { key: 'url' }, {
            hint: 'serve slurmrestd over https (a TLS proxy), or tunnel it to this machine (ssh -L 6820:login:6820)',
        });
    const tokenEnv = c['token-env'] ?? 'SLURM_JWT';
    // `scontrol token` prints SLURM_JWT=…: either form is taken
    const token = env[tokenEnv]?.trim().replace(/^SLURM_JWT=/, '');
    if (!token)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`token-env: ${tokenEnv} is not set (a JWT for slurmrestd)`, { key: 'token-env' });
    if (!/^[\x21-\x7e]+$/.test(token))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`${tokenEnv}: not a JWT`, { key: 'token-env' });
    const user = c['user-name'] ?? c.user ?? env.USER ?? localUser();
    if (!/^[a-z_][a-z0-9_.-]*$/i.test(user))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`user-name: ${user}: not a user name`, { key: 'user-name' });
    const where = `rest ${base}`;
    // the job directory is written as the job's user
    const account = await lookUp(user);
    const me = process.getuid?.();
    let files;
    if (account && me === 0 && account.uid !== 0)
        files = filesAs(account);
    else if (account && me !== undefined && me !== 0 && account.uid !== me)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`${where}: jobs run as ${user} (uid ${account.uid}), but this launcher runs as uid ${me}, and it writes the job directory here; ${user} could not read its task files`, { key: 'user-name' }, { hint: `run the launcher as ${user}, or as root (which writes the job directory as ${user})` });
    else
        files = (0,_local_js__WEBPACK_IMPORTED_MODULE_7__/* .localFiles */ .J)(account?.home ?? (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)());
    const home = account?.home ?? (env.USER === user ? env.HOME : undefined);
    const headers = {
        'X-SLURM-USER-NAME': user,
        'X-SLURM-USER-TOKEN': token,
        accept: 'application/json',
    };
    const timeoutMs = o.timeoutMs ?? TIMEOUT_MS;
    let calls = 0;
    /** One request. Throws a ServiceError only when no answer came (network, time-out, too large). */
    async function send(method, path, body) {
        const target = `${base}${path}`;
        const service = `slurmrestd ${target.replace(/\?.*$/, '')}`;
        calls++;
        let res;
        try {
            res = await fetch(target, {
                method,
                headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
                signal: AbortSignal.timeout(timeoutMs),
                redirect: 'manual',
                ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            });
        }
        catch (e) {
            const timedOut = e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError');
            const cause = e.cause;
            const code = cause?.code ?? cause?.errors?.find(x => x.code)?.code;
            const neverSent = code !== undefined && NEVER_SENT.has(code);
            const why = timedOut
                ? `no answer within ${timeoutMs / 1000}s`
                : `cannot reach slurmrestd at ${base} (${code ?? cause?.message ?? (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(e)})`;
            const maybe = method === 'POST' && !neverSent ? MAY_EXIST : '';
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(service, method, why + maybe, { retryable: method !== 'POST' || neverSent, cause: e });
        }
        let raw;
        try {
            raw = await readBody(res);
        }
        catch (e) {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(service, method, `reading the answer: ${(0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(e)}`, {
                status: res.status,
                retryable: method !== 'POST',
                cause: e,
            });
        }
        let parsed;
        try {
            parsed = raw ? JSON.parse(raw) : undefined;
        }
        catch {
            parsed = undefined;
        }
        return {
            status: res.status,
            statusText: res.statusText,
            body: parsed,
            text: raw,
            retryAfterMs: (0,_kit_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after')),
        };
    }
    /** The error for an answer that is not a success. */
    function failure(method, path, a) {
        const target = `${base}${path.replace(/\?.*$/, '')}`;
        if (a.status === 401 || a.status === 403)
            return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AuthError */ .lR(`${method} ${target}: ${a.status} ${a.statusText}: slurmrestd refused user ${user} with the token from ${tokenEnv} (${said(a)})`, { hint: `check backends.<name>.user-name and ${tokenEnv} (scontrol token username=${user})` });
        const suspect = tokenSuspect(a);
        const idempotent = method === 'GET' || method === 'DELETE';
        return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(`slurmrestd ${target}`, method, `${a.status} ${a.statusText}: ${said(a)}${suspect ? `; the token from ${tokenEnv} for user ${user} may be invalid or expired` : ''}${method === 'POST' && PROXY_STATUS.has(a.status) ? MAY_EXIST : ''}`, {
            status: a.status,
            retryable: idempotent && _kit_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .RETRYABLE_STATUS */ .Uz.has(a.status),
            retryAfterMs: a.retryAfterMs,
            ...(suspect ? { hint: `renew ${tokenEnv} (scontrol token username=${user} lifespan=…)` } : {}),
        });
    }
    /** A request with its answer checked; `accept` says which other answers are fine. Retried per the ServiceError. */
    const request = (method, path, body, accept) => (0,_kit_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retry */ .L5)(async () => {
        const a = await send(method, path, body);
        if ((a.status >= 200 && a.status < 300) || accept?.(a))
            return a;
        throw failure(method, path, a);
    }, { retries: o.retries ?? 3, retryAfterBase: o.retryAfterBase ?? 500, maxRetryAfterMs: 30_000 });
    let listed;
    return {
        where,
        files,
        limits: () => Promise.resolve({ ...DEFAULT_LIMITS }),
        async submit(s) {
            const job = {
                ...sbatchJob(s.script),
                current_working_directory: s.jobDir,
                environment: jobEnvironment(env, user, home),
            };
            const path = `${API}/job/submit`;
            const a = await request('POST', path, { script: s.script, job });
            const id = a.body?.job_id;
            if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(`slurmrestd ${base}${path}`, 'POST', `${a.status}: no job id in the answer (${said(a)})${MAY_EXIST}`, { status: a.status });
            return String(id);
        },
        async jobs(names) {
            if (names.length === 0)
                return [];
            const at = Date.now();
            const since = listed ? `?update_time=${Math.floor(listed.at / 1000) - SKEW_S}` : '';
            const a = await request('GET', `${API}/jobs${since}`, undefined, x => x.status === 304 && listed !== undefined);
            if (a.status === 304)
                listed = { jobs: listed.jobs, at };
            else {
                let jobs;
                try {
                    jobs = parseJobs(a.body);
                }
                catch (e) {
                    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ServiceError */ ._7(`slurmrestd ${base}${API}/jobs`, 'GET', (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .getErrorMessage */ .u1)(e), { status: a.status });
                }
                listed = { jobs, at };
            }
            const wanted = new Set(names);
            return listed.jobs.filter(j => wanted.has(j.name)).map(j => ({ ...j }));
        },
        async cancel(ids) {
            let first;
            for (const id of ids) {
                if (!/^\d+(_\d+)?$/.test(id))
                    throw new Error(`not a Slurm job id: ${JSON.stringify(id)}`);
                // a job that already ended is not an error for a cancel
                const ended = (a) => a.status === 500 &&
                    !tokenSuspect(a) &&
                    errorsOf(a).some(e => ALREADY_ENDED.has(codeOf(e) ?? 0) || /already completing or completed/i.test(said(a)));
                await request('DELETE', `${API}/job/${id}`, undefined, ended).catch((e) => (first ??= e));
            }
            if (first !== undefined)
                throw (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .wrapError */ .J4)(first);
        },
        calls: () => calls,
        close: async () => files.close?.(),
    };
}


/***/ })

};
