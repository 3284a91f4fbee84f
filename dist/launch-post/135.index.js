export const id = 135;
export const ids = [135];
export const modules = {

/***/ 77135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sshControl: () => (/* binding */ sshControl)
/* harmony export */ });
/* unused harmony exports fingerprint, knownHostKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85472);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(ssh2__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56118);
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73713);
/* harmony import */ var _control_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7160);
/* harmony import */ var _script_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(26542);
/**
 * The `ssh` transport: Slurm's commands on a login node over ssh (the ssh2 package), the job
 * directory over SFTP on the same connection.
 *
 * The login node's host key must be pinned (`host-fingerprint`, or a `known-hosts` line): an
 * unknown key is never accepted, and a mismatch is refused showing the fingerprint seen. The
 * private key comes from an environment variable (`key-env`, a secret), a file (`key-file`),
 * or the ssh agent (SSH_AUTH_SOCK). Commands are argv arrays, quoted word by word for the
 * remote shell.
 */









/** SHA256:… of a host key blob, as ssh-keygen -lf prints it. */
function fingerprint(key) {
    return `SHA256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
/** The key blob of a known_hosts line (`host keytype base64`), or undefined. */
function knownHostKey(line) {
    const parts = line.trim().split(/\s+/);
    const b64 = parts.find((p, i) => i > 0 && /^AAAA[A-Za-z0-9+/]+=*$/.test(p));
    return b64 ? Buffer.from(b64, 'base64') : undefined;
}
/** How long reading one file of a job directory may take. */
const READ_DEADLINE_MS = 30_000;
function connectError(where, e) {
    const msg = (0,_kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .getErrorMessage */ .u1)(e);
    if (/authentication methods failed/i.test(msg))
        return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .lR(`${where}: the login node refused the key (${msg})`, {
            hint: 'check backends.<name>.user and the key (key-env, key-file or the ssh agent)',
        });
    if (e instanceof _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL || e instanceof _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .lR)
        return e;
    return new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, 'connect', `cannot reach the login node: ${msg}`, { cause: e });
}
async function sshControl(c, env) {
    if (!c.host)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL('the ssh transport needs host', { key: 'host' });
    const user = c.user ?? env.USER ?? 'root';
    const port = c.port ?? 22;
    const where = `ssh ${user}@${c.host}:${port}`;
    const pinned = c['known-hosts'] ? knownHostKey(c['known-hosts']) : undefined;
    if (c['known-hosts'] && !pinned)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL('known-hosts: not a known_hosts line (host keytype AAAA…)', { key: 'known-hosts' });
    const want = pinned ? fingerprint(pinned) : c['host-fingerprint'];
    if (!want)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`${where}: the login node's host key must be pinned (host-fingerprint: SHA256:…, or known-hosts: a known_hosts line); it is never accepted unseen`, { key: 'host-fingerprint' });
    let privateKey;
    if (c['key-env']) {
        privateKey = env[c['key-env']];
        if (!privateKey)
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`key-env: ${c['key-env']} is not set`, { key: 'key-env' });
    }
    else if (c['key-file']) {
        const path = c['key-file'].replace(/^~(?=\/|$)/, (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)());
        privateKey = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path).catch((e) => {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`key-file: ${path} cannot be read (${e.code})`, {
                key: 'key-file',
            });
        });
    }
    const agent = privateKey === undefined ? env.SSH_AUTH_SOCK : undefined;
    if (privateKey === undefined && !agent)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL(`${where}: no key: set key-env, key-file, or run an ssh agent`, { key: 'key-file' });
    let seen;
    const conn = new ssh2__WEBPACK_IMPORTED_MODULE_4__.Client();
    const cfg = {
        host: c.host.replace(/^\[|\]$/g, ''),
        port,
        username: user,
        readyTimeout: 20_000,
        keepaliveInterval: 15_000,
        hostVerifier: (key) => {
            seen = fingerprint(key);
            return seen === want;
        },
        ...(privateKey === undefined ? {} : { privateKey }),
        ...(agent ? { agent } : {}),
    };
    // one listener for the connection's whole life: an error after the handshake (the login node
    // went away) marks it lost, and the backend connects again on its next call
    let lost = false;
    let failed;
    conn.on('error', (e) => {
        lost = true;
        failed?.(e);
    });
    conn.on('close', () => {
        lost = true;
    });
    await new Promise((res, rej) => {
        conn.once('ready', () => {
            failed = undefined;
            res();
        });
        failed = (e) => {
            failed = undefined;
            conn.destroy();
            if (seen !== undefined && seen !== want)
                rej(new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .lR(`${where}: the login node's host key is ${seen}, not the pinned ${want}: refused`, {
                    hint: 'if the host key really changed, update host-fingerprint (or known-hosts) after checking it',
                }));
            else
                rej(connectError(where, e));
        };
        conn.connect(cfg);
    });
    let sftp;
    const files = () => (sftp ??= new Promise((res, rej) => conn.sftp((e, s) => (e ? rej(connectError(where, e)) : res(s)))));
    const exec = (argv, input) => new Promise((res, rej) => {
        conn.exec(argv.map(_script_js__WEBPACK_IMPORTED_MODULE_8__/* .shellQuote */ .ZL).join(' '), (e, stream) => {
            if (e)
                return rej(connectError(where, e));
            stream.end(input);
            const output = (0,_control_js__WEBPACK_IMPORTED_MODULE_7__/* .collectOutput */ .Up)();
            stream.on('data', output.stdout);
            stream.stderr.on('data', output.stderr);
            stream.once('close', (code, signal) => {
                // no exit status: the channel closed under the command (the connection was lost), so
                // whether it ran is unknown, which is not the same as a command that failed
                if (code === null && !signal)
                    rej(new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, argv[0] ?? 'exec', 'the connection was lost before the command ended'));
                else
                    res(output.result(code ?? 128));
            });
        });
    });
    /** Gives up on an SFTP operation after `ms`, dropping the channel (the next call opens another). */
    const withDeadline = async (ms, op, fn) => {
        let timer;
        try {
            return await Promise.race([
                fn(),
                new Promise((_, rej) => {
                    timer = setTimeout(() => {
                        const old = sftp;
                        sftp = undefined;
                        void old?.then(c => c.end()).catch(() => undefined);
                        rej(new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, op, `no answer within ${ms / 1000} s`));
                    }, ms);
                }),
            ]);
        }
        finally {
            clearTimeout(timer);
        }
    };
    const call = (fn) => files().then(s => new Promise((res, rej) => fn(s, (e, v) => (e ? rej(e) : res(v)))));
    const noSuchFile = (e) => e.code === 2;
    const sftpFiles = {
        async write(path, data, mode = 0o644) {
            const tmp = node_path__WEBPACK_IMPORTED_MODULE_3__.posix.join((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `.${Date.now()}-${process.pid}.tmp`);
            await call((s, cb) => s.writeFile(tmp, data, { mode }, e => cb(e)));
            await call((s, cb) => s.chmod(tmp, mode, e => cb(e)));
            // whole or not at all: a reader never sees half a file
            await this.rename(tmp, path);
        },
        async rename(from, to) {
            await call((s, cb) => s.ext_openssh_rename(from, to, e => cb(e))).catch(() => call((s, cb) => s.rename(from, to, e => cb(e))));
        },
        async read(root, rel, maxBytes) {
            // every component below the root is looked at, not followed: a symlink or a FIFO
            // planted by the training is refused; a read that stalls gives up and drops the channel
            const parts = rel.split('/').filter(p => p && p !== '.');
            if (parts.includes('..'))
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, `read ${rel}`, 'a path that leaves the job directory');
            let at = root;
            for (const [i, part] of parts.entries()) {
                at = node_path__WEBPACK_IMPORTED_MODULE_3__.posix.join(at, part);
                let st;
                try {
                    st = await call((s, cb) => s.lstat(at, cb));
                }
                catch (e) {
                    if (noSuchFile(e))
                        return undefined;
                    throw e;
                }
                const last = i === parts.length - 1;
                if (st.isSymbolicLink() || (last ? !st.isFile() : !st.isDirectory()))
                    throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, `read ${at}`, `refused: ${st.isSymbolicLink() ? 'a symlink' : 'not a regular file'}`);
            }
            return withDeadline(READ_DEADLINE_MS, `read ${at}`, async () => {
                const handle = await call((s, cb) => s.open(at, 'r', cb));
                try {
                    const st = await call((s, cb) => s.fstat(handle, cb));
                    const n = Math.min(st.size, maxBytes);
                    const buf = Buffer.alloc(n);
                    let got = 0;
                    while (got < n) {
                        const r = await call((s, cb) => s.read(handle, buf, got, n - got, st.size - n + got, (e, bytes) => cb(e, bytes)));
                        if (r === 0)
                            break;
                        got += r;
                    }
                    return buf.subarray(0, got);
                }
                finally {
                    await call((s, cb) => s.close(handle, e => cb(e))).catch(() => undefined);
                }
            });
        },
        async mkdir(...paths) {
            // SFTP has no mkdir -p: one command for all of them
            const r = await exec(['mkdir', '-p', '--', ...paths]);
            if (r.code !== 0)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, 'mkdir', r.stderr.trim() || `exit ${r.code}`);
        },
        async writeAll(dir, entries) {
            // one tar stream, unpacked by one command: thousands of task files in one round trip
            const tar = (0,tar_stream__WEBPACK_IMPORTED_MODULE_5__.pack)();
            for (const e of entries)
                tar.entry({ name: e.name, mode: e.mode }, typeof e.data === 'string' ? Buffer.from(e.data) : e.data);
            tar.finalize();
            const chunks = [];
            for await (const c of tar)
                chunks.push(c);
            const r = await exec(['tar', '-x', '-p', '-f', '-', '-C', dir], Buffer.concat(chunks));
            if (r.code !== 0)
                throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ServiceError */ ._7(`Slurm (${where})`, `write files in ${dir}`, r.stderr.trim() || `exit ${r.code}`);
        },
        async list(path) {
            try {
                return (await call((s, cb) => s.readdir(path, cb))).map(f => f.filename);
            }
            catch (e) {
                if (noSuchFile(e))
                    return [];
                throw e;
            }
        },
        async absolute(path) {
            if (path.startsWith('/'))
                return path;
            const home = await call((s, cb) => s.realpath('.', cb));
            return node_path__WEBPACK_IMPORTED_MODULE_3__.posix.join(home, path.replace(/^~\/?/, ''));
        },
    };
    const control = (0,_control_js__WEBPACK_IMPORTED_MODULE_7__/* .cliControl */ ["if"])(where, exec, sftpFiles);
    return {
        ...control,
        lost: () => lost,
        close() {
            conn.end();
            return Promise.resolve();
        },
    };
}


/***/ })

};
