export const id = 956;
export const ids = [956,812,431,50];
export const modules = {

/***/ 62812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiHost: () => (/* binding */ apiHost),
/* harmony export */   isLoopback: () => (/* binding */ isLoopback),
/* harmony export */   parseRef: () => (/* binding */ parseRef),
/* harmony export */   resolveRef: () => (/* binding */ resolveRef),
/* harmony export */   sanitizeName: () => (/* binding */ sanitizeName),
/* harmony export */   splitTag: () => (/* binding */ splitTag)
/* harmony export */ });
/* harmony import */ var _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73713);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
function isDomain(part) {
    return part.includes('.') || part.includes(':') || part === 'localhost';
}
/** Splits `name[:tag]` where the tag is after the last '/' (so `host:5000/x` has no tag). */
function splitTag(ref) {
    const at = ref.indexOf('@');
    if (at >= 0)
        ref = ref.slice(0, at);
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    if (colon > slash)
        return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
    return { name: ref, tag: undefined };
}
/** Parses a full reference the way Docker does (docker.io and library/ implied). */
function parseRef(ref, where = {}) {
    const { name, tag } = splitTag(ref.trim());
    if (tag === undefined)
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`image reference '${ref}' has no tag`, where);
    if (!TAG.test(tag))
        throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`image tag '${tag}' is invalid (letters, digits, '_', '.', '-'; at most 128)`, where);
    const parts = name.split('/');
    let registry = 'docker.io';
    if (parts.length > 1 && isDomain(parts[0]))
        registry = parts.shift();
    if (registry === 'docker.io' && parts.length === 1)
        parts.unshift('library');
    for (const p of parts) {
        if (!COMPONENT.test(p)) {
            throw new _kit_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`image name '${name}' is invalid: '${p}' must be lowercase letters and digits separated by '.', '_' or '-'`, where);
        }
    }
    const repository = parts.join('/');
    return { registry, repository, tag, full: `${name}:${tag}` };
}
/**
 * Resolves the image reference as seed 003 describes: an explicit `name:tag` is used
 * as is; a bare name gets the tag (the manifest hash by default); a registry prefix
 * is put in front unless the name already starts with a registry host.
 */
function resolveRef(o) {
    let ref = (o.name ?? o.fallbackName).trim();
    const split = splitTag(ref);
    if (o.tag !== undefined)
        ref = `${split.name}:${o.tag}`;
    else if (split.tag === undefined)
        ref = `${ref}:${o.manifestTag}`;
    const first = ref.split('/')[0] ?? '';
    if (o.registry && !(ref.includes('/') && isDomain(first))) {
        ref = `${o.registry.replace(/\/+$/, '')}/${ref.replace(/^\/+/, '')}`;
    }
    return parseRef(ref, o.where ?? {});
}
/** A name usable as an image repository, derived from a repository or directory name. */
function sanitizeName(s) {
    const n = s
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    return n || 'trainer';
}
/** The host to talk HTTP to: Docker Hub's API lives at registry-1.docker.io. */
function apiHost(registry) {
    return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}
/** Loopback registries speak plain HTTP, as Docker assumes for 127.0.0.0/8. */
function isLoopback(registry) {
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
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


/***/ }),

/***/ 7135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ walk)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Walks a directory tree depth-first, one entry at a time: `visit` sees every entry of a
 * directory (`.` and `..` excepted), and the walker descends into an entry, right after visiting
 * it, only where `visit` says so; everything else (which entries to keep, symlinks, ignore rules,
 * what may have been swapped since `readdir`) is the visitor's. Entries are visited one after
 * another, each visit awaited, so a visitor may stream what it finds. A directory that cannot be
 * read, or a visitor that throws, rejects the walk with that error; nothing is skipped silently.
 */
async function walk(root, visit, o = {}) {
    await walkDir(o.from ?? '', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, o.from ?? ''), visit, o.sort ?? true);
}
async function walkDir(dir, abs, visit, sort) {
    const entries = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(abs, { withFileTypes: true, encoding: 'buffer' })).map(dirent => ({
        dirent,
        name: dirent.name.toString('utf8'),
    }));
    if (sort)
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { dirent, name } of entries) {
        const entry = {
            name,
            bytes: dirent.name,
            dir,
            rel: dir === '' ? name : `${dir}/${name}`,
            abs: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(abs, name),
            dirent,
        };
        if (await visit(entry))
            await walkDir(entry.rel, entry.abs, visit, sort);
    }
}


/***/ }),

/***/ 82219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sP: () => (/* binding */ hashManifest)
});

// UNUSED EXPORTS: blobId, decodeManifest, digestEntries, diskEntry

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/kit/errors.ts
var errors = __webpack_require__(73713);
// EXTERNAL MODULE: ./src/kit/walk.ts
var walk = __webpack_require__(7135);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/kit/exec.ts
var exec = __webpack_require__(29495);
;// CONCATENATED MODULE: ./src/manifest/git.ts




async function git(root, args) {
    const r = await (0,exec/* exec */.m)('git', ['-c', 'core.quotePath=false', ...args], { cwd: root });
    if (r.code !== 0)
        throw new errors/* ServiceError */._7('git', `git ${args[0] ?? ''}`, r.stderr.trim() || `exit ${r.code}`);
    return r.stdout;
}
/** The repository's top level, or undefined when `dir` is not inside a git work tree. */
async function gitTopLevel(dir) {
    try {
        const r = await (0,exec/* exec */.m)('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
        return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
    }
    catch {
        return undefined; // git not installed
    }
}
function splitZ(buf) {
    const s = buf.toString('utf8');
    const parts = s.split('\0');
    if (parts.at(-1) === '')
        parts.pop();
    return parts;
}
/**
 * Files as `git ls-tree -r -z` prints them, kept as the raw records
 * (`<mode> SP <type> SP <oid> TAB <path> NUL`) with their offsets: a listing of
 * 100,000 files costs one buffer, three integer arrays and the path strings.
 */
class Listing {
    buf;
    starts;
    tabs;
    ends;
    paths;
    constructor(buf, starts, tabs, ends, paths) {
        this.buf = buf;
        this.starts = starts;
        this.tabs = tabs;
        this.ends = ends;
        this.paths = paths;
    }
    get length() {
        return this.paths.length;
    }
    entry(i) {
        const start = this.starts[i];
        const tab = this.tabs[i];
        const head = this.buf.toString('latin1', start, tab);
        const sp1 = head.indexOf(' ');
        return { mode: head.slice(0, sp1), oid: head.slice(head.lastIndexOf(' ') + 1), path: this.paths[i] };
    }
}
/**
 * Parses `ls-tree -r -z` output without splitting it into per-file strings beyond the paths.
 * ASCII output (the usual case) is read as one string, whose offsets are byte offsets: the
 * records are found with the string's own `indexOf` and each path is a slice of it.
 */
function parseListing(buf) {
    if (!(0,external_node_buffer_.isAscii)(buf))
        return parseListingBytes(buf);
    const text = buf.toString('latin1');
    // the fewest bytes a record can have: `<mode> blob <40 hex>\t<one byte>\0`
    const cap = Math.floor(buf.length / 55) + 1;
    const starts = new Int32Array(cap);
    const tabs = new Int32Array(cap);
    const ends = new Int32Array(cap);
    const paths = [];
    let n = 0;
    for (let start = 0, end = text.indexOf('\0'); end >= 0; start = end + 1, end = text.indexOf('\0', start)) {
        const tab = text.indexOf('\t', start);
        starts[n] = start;
        tabs[n] = tab;
        ends[n] = end;
        paths.push(text.slice(tab + 1, end));
        n++;
    }
    return new Listing(buf, starts.subarray(0, n), tabs.subarray(0, n), ends.subarray(0, n), paths);
}
/** {@link parseListing} for output with non-ASCII paths: byte offsets, each path decoded as UTF-8. */
function parseListingBytes(buf) {
    let n = 0;
    for (let p = buf.indexOf(0); p >= 0; p = buf.indexOf(0, p + 1))
        n++;
    const starts = new Int32Array(n);
    const tabs = new Int32Array(n);
    const ends = new Int32Array(n);
    const paths = new Array(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
        const tab = buf.indexOf(9, start);
        const end = buf.indexOf(0, tab);
        starts[i] = start;
        tabs[i] = tab;
        ends[i] = end;
        paths[i] = buf.toString('utf8', tab + 1, end);
        start = end + 1;
    }
    return new Listing(buf, starts, tabs, ends, paths);
}
const typeOf = (mode) => (mode === '160000' ? 'commit' : mode === '040000' ? 'tree' : 'blob');
/** A listing made from entries (files on disk, the index), sorted by path bytes as git sorts them. */
function git_listingFromEntries(entries) {
    const keyed = entries.map(e => ({ e, key: Buffer.from(e.path, 'utf8') }));
    keyed.sort((a, b) => Buffer.compare(a.key, b.key));
    const buf = Buffer.from(keyed.map(({ e }) => `${e.mode} ${typeOf(e.mode)} ${e.oid}\t${e.path}\0`).join(''), 'utf8');
    return parseListing(buf);
}
/** SHA-256 over the records of the selected files (indices ascending), one update per contiguous run. */
function git_digestListing(l, selected) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (let k = 0; k < selected.length;) {
        const first = selected[k];
        let last = first;
        while (k + 1 < selected.length && selected[k + 1] === last + 1)
            last = selected[++k];
        k++;
        h.update(l.buf.subarray(l.starts[first], l.ends[last] + 1));
    }
    return h.digest('hex');
}
/**
 * `git ls-tree -r HEAD`: committed files with their modes and blob ids, without reading a byte
 * of content; only those under `bases` (directories or files relative to the top level, whole
 * path components; '' for all). The records are those of the whole listing, in the same order.
 */
async function headListing(root, bases = ['']) {
    const specs = bases.includes('') ? [] : ['--', ...bases.map(b => `:(top,literal)${b}`)];
    return parseListing(await git(root, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', ...specs]));
}
/** `git ls-files -s`: the index (staged state) with modes and blob ids. */
async function indexEntries(root) {
    const out = [];
    for (const rec of splitZ(await git(root, ['ls-files', '-s', '-z']))) {
        // <mode> SP <oid> SP <stage> TAB <path>
        const tab = rec.indexOf('\t');
        const [mode = '', oid = ''] = rec.slice(0, tab).split(' ');
        out.push({ mode, oid, path: rec.slice(tab + 1) });
    }
    return out;
}
/**
 * Paths whose work-tree state may differ from HEAD (stat-based, may over-report; callers
 * verify), relative to the top level: those the pathspecs match, or all when there are none.
 * A submodule counts only for its recorded commit: git does not look inside its work tree.
 */
async function changedSinceHead(root, pathspecs = []) {
    const args = ['diff-index', '--name-only', '-z', '--no-renames', '--no-relative', '--ignore-submodules=dirty'];
    return splitZ(await git(root, [...args, 'HEAD', '--', ...pathspecs]));
}
/** Paths whose work-tree state may differ from the index (stat-based, may over-report). */
async function changedSinceIndex(root) {
    return splitZ(await git(root, ['diff-files', '--name-only', '-z']));
}
/**
 * Blob ids of work-tree files as git would store them (`git hash-object --stdin-paths`:
 * line-ending and clean filters applied), for the few paths that changed.
 */
async function hashObjects(root, paths) {
    if (paths.length === 0)
        return [];
    const r = await (0,exec/* exec */.m)('git', ['hash-object', '--stdin-paths'], { cwd: root, input: paths.join('\n') + '\n' });
    if (r.code !== 0)
        throw new errors/* ServiceError */._7('git', 'git hash-object', r.stderr.trim() || `exit ${r.code}`);
    return r.stdout.toString('utf8').trim().split('\n');
}
/** Untracked, not ignored files matching the given pathspecs (none: none), relative to the top level. */
async function untrackedMatching(root, pathspecs) {
    if (pathspecs.length === 0)
        return [];
    return splitZ(await git(root, ['ls-files', '-o', '--exclude-standard', '--full-name', '-z', '--', ...pathspecs]));
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/manifest/patterns.ts



/** Characters picomatch gives a meaning that gitignore does not: literal in a manifest. */
const PICO_ONLY = new Set(['(', ')', '{', '}', '|', '+', '@', '$', '^']);
/**
 * Rewrites a gitignore glob (`*`, `?`, `[...]` with `!` for "not", `**`, `\x` escapes)
 * for picomatch, escaping what picomatch alone treats specially; and gives the literal
 * text when the glob has no wildcard at all.
 */
function gitGlob(p) {
    let glob = '';
    let literal = '';
    let wild = false;
    let inClass = false;
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === '\\' && i + 1 < p.length) {
            const n = p[++i];
            glob += `\\${n}`;
            literal += n;
            continue;
        }
        if (inClass) {
            glob += c;
            if (c === ']')
                inClass = false;
            continue;
        }
        if (c === '[' && p.indexOf(']', i + 2) > 0) {
            wild = inClass = true;
            glob += '[';
            if (p[i + 1] === '!') {
                glob += '^';
                i++;
            }
            continue;
        }
        if (c === '*' || c === '?')
            wild = true;
        glob += PICO_ONLY.has(c) ? `\\${c}` : c;
        literal += c;
    }
    return { glob, literal: wild ? undefined : literal };
}
/**
 * Parses an `.image-manifest`: one gitignore-style pattern per line, `#` comments,
 * blank lines, `!` negation, `\#`/`\!` escapes, trailing `/` for directories. A
 * pattern without a slash matches at any depth; with one it is anchored to the root.
 * A pattern that names a directory covers everything under it.
 */
function parseManifest(text, file) {
    const out = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = i + 1;
        let p = raw.replace(/(?<!\\)\s+$/, '');
        if (p === '' || p.startsWith('#'))
            return;
        let negated = false;
        if (p.startsWith('!')) {
            negated = true;
            p = p.slice(1);
        }
        else if (p.startsWith('\\#') || p.startsWith('\\!')) {
            p = p.slice(1);
        }
        const where = { file, line, col: 1, key: raw.trim() };
        if (p === '' || p === '/')
            throw new errors/* ConfigError */.xL(`empty pattern '${raw.trim()}'`, where);
        const dirOnly = p.endsWith('/');
        if (dirOnly)
            p = p.replace(/\/+$/, '');
        const anchored = p.startsWith('/') || p.includes('/');
        p = p.replace(/^\/+/, '');
        // `\.\./x`, `.\./x` and `..\/x` are `../x` once the escapes are read: check the unescaped path
        const unescaped = p.replace(/\\(.)/g, '$1');
        const norm = external_node_path_.posix.normalize(unescaped);
        if (norm === '..' || norm.startsWith('../') || unescaped.split('/').includes('..')) {
            throw new errors/* ConfigError */.xL(`pattern '${raw.trim()}' escapes the repository: manifest paths are relative to the repository root`, where);
        }
        if (/^[A-Za-z]:[\\/]/.test(p))
            throw new errors/* ConfigError */.xL(`pattern '${raw.trim()}' is an absolute path`, where);
        const { glob, literal } = gitGlob(p);
        out.push({
            line,
            source: raw.trim(),
            negated,
            ...compile(anchored ? glob : `**/${glob}`, dirOnly, anchored ? literal : undefined, anchored),
            pathspecs: pathspecsOf(anchored ? p : `**/${p}`, anchored ? literal : undefined),
        });
    });
    return out;
}
/**
 * git pathspecs that cover a pattern and everything under what it matches. git matches a
 * literal pathspec by prefix (a directory covers its files) without any glob matching; a glob
 * (git's glob magic reads a gitignore glob the same way: `*` stays in a component) needs a
 * second pathspec for the files under what it matches, unless it already ends in `/**`.
 */
function pathspecsOf(spec, literal) {
    if (literal !== undefined)
        return [`:(top,literal)${literal}`];
    return spec.endsWith('/**') ? [`:(top,glob)${spec}`] : [`:(top,glob)${spec}`, `:(top,glob)${spec}/**`];
}
/**
 * The git pathspecs of a manifest's positive patterns, without repeats: what git is asked
 * about when it looks for uncommitted and untracked listed files.
 */
function manifestPathspecs(patterns) {
    return [...new Set(patterns.filter(p => !p.negated).flatMap(p => p.pathspecs))];
}
/**
 * A path test for one pattern: the pattern itself, or anything under it (a pattern
 * naming a directory covers its files). Literal names and `dir/**` become string
 * tests; everything else a plain RegExp (picomatch's matcher allocates result objects
 * on every call, and a manifest is tested against every file in the repository).
 */
function compile(glob, dirOnly, literal, anchored) {
    if (literal !== undefined) {
        const under = `${literal}/`;
        return { test: dirOnly ? p => p.startsWith(under) : p => p === literal || p.startsWith(under), base: literal };
    }
    const scan = picomatch_default().scan(glob);
    const base = anchored ? scan.base.replace(/\\(.)/g, '$1') : '';
    if (anchored && scan.glob === '**' && base && !/[\\*?[]/.test(scan.base)) {
        // `dir/**`: everything inside dir, not a file named dir
        const under = `${base}/`;
        return { test: p => p.startsWith(under), base };
    }
    const globs = dirOnly ? [`${glob}/**/*`] : glob.endsWith('/**') ? [`${glob}/*`] : [glob, `${glob}/**/*`];
    const res = globs.map(g => picomatch_default().makeRe(g, { dot: true, noextglob: true, nobrace: true }));
    return { test: res.length === 1 ? p => res[0].test(p) : p => res.some(r => r.test(p)), base };
}
/**
 * The static directory prefixes under which any positive pattern can match (for
 * walking a tree outside git without visiting unrelated directories). '' means the
 * whole tree.
 */
function patternBases(patterns) {
    const bases = new Set();
    for (const p of patterns) {
        if (p.negated)
            continue;
        if (p.base === '')
            return [''];
        bases.add(p.base);
    }
    return [...bases];
}
/**
 * Selects the paths a manifest lists: the last pattern that matches a path decides,
 * as in gitignore. Returns the indices of the selected paths (in input order) and the
 * positive patterns that matched nothing.
 */
function selectIndices(paths, patterns) {
    const selected = [];
    const matched = new Uint8Array(patterns.length);
    let pending = patterns.filter(p => !p.negated).length;
    const n = patterns.length;
    for (let k = 0; k < paths.length; k++) {
        const path = paths[k];
        let decided = -1;
        for (let i = n - 1; i >= 0; i--) {
            if (patterns[i].test(path)) {
                decided = i;
                break;
            }
        }
        if (decided >= 0) {
            if (!patterns[decided].negated)
                selected.push(k);
            if (!matched[decided]) {
                matched[decided] = 1;
                if (!patterns[decided].negated)
                    pending--;
            }
        }
        // Patterns shadowed by a later one still count as matching something.
        if (pending > 0) {
            for (let i = 0; i < decided; i++) {
                if (!matched[i] && !patterns[i].negated && patterns[i].test(path)) {
                    matched[i] = 1;
                    pending--;
                }
            }
        }
    }
    return { selected, unmatched: patterns.filter((p, i) => !p.negated && !matched[i]) };
}
/** {@link selectIndices}, returning the selected paths themselves. */
function selectPaths(paths, patterns) {
    const r = selectIndices(paths, patterns);
    return { selected: r.selected.map(i => paths[i]), unmatched: r.unmatched };
}

;// CONCATENATED MODULE: ./src/manifest/hash.ts







/** Git's blob id of some content (`git hash-object`), so disk files hash like committed ones. */
function blobId(content, algo = 'sha1') {
    return (0,external_node_crypto_.createHash)(algo).update(`blob ${content.length}\0`).update(content).digest('hex');
}
/**
 * Work-tree entries of changed paths in a git checkout: regular files hashed by git
 * itself (so line-ending and filter rules apply), symlinks by their target.
 */
async function worktreeEntries(root, paths, algo) {
    const out = new Map();
    const files = [];
    const realRoot = await (0,promises_.realpath)(root);
    await Promise.all(paths.map(async (path) => {
        // beyond a symbolic link (a directory replaced by a link) the path is gone, as git sees it
        if (await throughLink(root, realRoot, path))
            return;
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, path)).catch(() => undefined);
        if (!st)
            return;
        if (st.isSymbolicLink()) {
            const e = await diskEntry(root, path, algo);
            if (e)
                out.set(path, e);
        }
        else if (st.isFile())
            files.push({ path, mode: st.mode & 0o100 ? '100755' : '100644' });
    }));
    const oids = await hashObjects(root, files.map(f => f.path));
    files.forEach((f, i) => out.set(f.path, { mode: f.mode, oid: oids[i], path: f.path }));
    return out;
}
/** Mode and blob id of a file on disk, as git would record them; undefined if it is gone or a directory. */
async function diskEntry(root, path, algo = 'sha1') {
    const abs = (0,external_node_path_.join)(root, path);
    let st;
    try {
        st = await (0,promises_.lstat)(abs);
    }
    catch {
        return undefined;
    }
    if (st.isSymbolicLink())
        return { mode: '120000', oid: blobId(Buffer.from(await (0,promises_.readlink)(abs), 'utf8'), algo), path };
    if (!st.isFile())
        return undefined;
    return { mode: st.mode & 0o100 ? '100755' : '100644', oid: blobId(await (0,promises_.readFile)(abs), algo), path };
}
/**
 * The hash of a set of files, independent of the order they were found in: SHA-256
 * over their `git ls-tree -r -z` records (`<mode> <type> <id>\t<path>\0`) in path
 * order, i.e. `git ls-tree -r -z --full-tree HEAD -- <files> | sha256sum`.
 */
function digestEntries(entries) {
    const l = listingFromEntries(entries);
    return digestListing(l, l.paths.map((_, i) => i));
}
function inside(path, root) {
    return path === root || path.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`);
}
/** Whether a directory on the way to `path` is reached through a symbolic link (read: would be followed). */
async function throughLink(root, realRoot, path) {
    const parent = (0,external_node_path_.dirname)(path);
    if (parent === '.' || parent === '')
        return false;
    const real = await (0,promises_.realpath)((0,external_node_path_.join)(root, parent)).catch(() => undefined);
    return real !== undefined && real !== (0,external_node_path_.join)(realRoot, parent);
}
/**
 * Outside git, the directories a pattern names are read from disk: refuses a pattern whose
 * static part goes through a symbolic link that leads out of the repository (`etclink/hostname`
 * with etclink -> /etc). Links inside the repository are not followed either: git records
 * a link, never what is beyond it.
 */
async function confine(root, realRoot, p, file) {
    const parts = p.base.split('/');
    for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, rel)).catch(() => undefined);
        if (!st)
            return;
        if (!st.isSymbolicLink())
            continue;
        if (i === parts.length)
            return; // the last part is a link: hashed (or matched) as one, never followed
        const target = await (0,promises_.realpath)((0,external_node_path_.join)(root, rel)).catch(() => undefined);
        if (target === undefined || !inside(target, realRoot)) {
            throw new errors/* ConfigError */.xL(`pattern '${p.source}' leaves the repository through the symbolic link ${rel}${target ? ` (to ${target})` : ''}`, { file, line: p.line }, { hint: 'List files inside the repository; a link is hashed as a link, never followed.' });
        }
        return;
    }
}
/**
 * The paths on disk at or under `base` (a file, or a directory's files and links, `.git` left
 * out), in no particular order. A path that is gone, or a directory that is gone by the time it is
 * reached, gives nothing; one replaced by a file is listed as that file.
 */
async function listDisk(root, base, out) {
    const st = await (0,promises_.lstat)((0,external_node_path_.join)(root, base)).catch(() => undefined);
    if (!st)
        return;
    if (!st.isDirectory()) {
        if (base)
            out.push(base);
        return;
    }
    await (0,walk/* walk */.G)(root, async (e) => {
        if (e.name === '.git')
            return false;
        if (!e.dirent.isDirectory()) {
            out.push(e.rel);
            return false;
        }
        const now = await (0,promises_.lstat)(e.abs).catch(() => undefined);
        if (now && !now.isDirectory())
            out.push(e.rel);
        return now?.isDirectory() === true;
    }, { from: base, sort: false });
}
/**
 * A manifest's text: UTF-8 with no NUL byte, or a ConfigError at the first bad line (bad
 * bytes would otherwise become patterns, and NULs reach the terminal).
 */
function decodeManifest(bytes, label) {
    const at = (offset) => bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const nul = bytes.indexOf(0);
    if (nul >= 0)
        throw new errors/* ConfigError */.xL('the image manifest contains a NUL byte', { file: label, line: at(nul) });
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        // the first byte sequence that is not UTF-8: decode line by line to find it
        let offset = 0;
        for (const line of bytes.toString('latin1').split('\n')) {
            const raw = bytes.subarray(offset, offset + line.length);
            try {
                new TextDecoder('utf-8', { fatal: true }).decode(raw);
            }
            catch {
                throw new errors/* ConfigError */.xL('the image manifest is not valid UTF-8', { file: label, line: at(offset) });
            }
            offset += line.length + 1;
        }
        throw new errors/* ConfigError */.xL('the image manifest is not valid UTF-8', { file: label });
    }
}
/** The manifest's bytes, or why they cannot be read (reported once its label is known). */
async function readManifest(path) {
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (e) {
        return e;
    }
}
function manifestText(bytes, label) {
    if (Buffer.isBuffer(bytes))
        return decodeManifest(bytes, label);
    const code = bytes.code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(bytes)})`;
    throw new errors/* ConfigError */.xL(`image manifest ${why}`, { file: label }, {
        hint: 'List the files that define the image, one glob per line, in .image-manifest (or set image.manifest in trainer.yml).',
    });
}
function algoOf(entries) {
    return entries[0]?.oid.length === 64 ? 'sha256' : 'sha1';
}
/**
 * Hashes the files an `.image-manifest` lists. In a git checkout it uses the blob
 * ids git already has (HEAD's tree, or the index for `includeWorktree`), reading
 * file content only where git cannot vouch for it; outside git it hashes the files
 * on disk the same way, so the same content gives the same tag everywhere.
 */
async function hashManifest(o) {
    const cwd = (0,external_node_path_.resolve)(o.cwd);
    const manifestPath = (0,external_node_path_.isAbsolute)(o.manifest) ? o.manifest : (0,external_node_path_.resolve)(cwd, o.manifest);
    const [top, bytes] = await Promise.all([gitTopLevel(cwd), readManifest(manifestPath)]);
    const root = top ?? cwd;
    const manifestRel = (0,external_node_path_.relative)(root, manifestPath).split(external_node_path_.sep).join('/');
    const manifestLabel = manifestRel.startsWith('..') ? manifestPath : manifestRel;
    const text = manifestText(bytes, manifestLabel);
    const patterns = parseManifest(text, manifestLabel);
    if (patterns.every(p => p.negated))
        throw new errors/* ConfigError */.xL(`image manifest ${manifestLabel} lists no files`, { file: manifestLabel });
    // HEAD is listed under the manifest's own directories only (all of it once a pattern is
    // unanchored), and the work-tree checks start at the same time: git runs all three while
    // this process selects and hashes.
    const tree = top !== undefined && !o.includeWorktree ? headListing(top, patternBases(patterns)) : undefined;
    tree?.catch(() => undefined);
    const changed = tree && top !== undefined ? uncommittedCandidates(top, patterns) : undefined;
    changed?.catch(() => undefined);
    let listing;
    let selected;
    let source;
    let unmatched;
    const all = (l) => Array.from({ length: l.length }, (_, i) => i);
    if (top === undefined) {
        source = 'disk';
        const realRoot = await (0,promises_.realpath)(root);
        for (const p of patterns)
            if (!p.negated && p.base !== '')
                await confine(root, realRoot, p, manifestLabel);
        const paths = [];
        for (const base of patternBases(patterns)) {
            if (!(await throughLink(root, realRoot, base)))
                await listDisk(root, base, paths);
        }
        const sel = selectPaths([...new Set(paths)], patterns);
        unmatched = sel.unmatched;
        const entries = await Promise.all(sel.selected.map(p => diskEntry(root, p)));
        listing = git_listingFromEntries(entries.filter((e) => e !== undefined));
        selected = all(listing);
    }
    else if (o.includeWorktree) {
        source = 'worktree';
        const [index, changed] = await Promise.all([indexEntries(root), changedSinceIndex(root)]);
        const sel = selectIndices(index.map(e => e.path), patterns);
        unmatched = sel.unmatched;
        const dirty = new Set(changed);
        const picked = sel.selected.map(i => index[i]);
        // a submodule is its recorded commit; files that changed are hashed as git would store them
        const now = await worktreeEntries(root, picked.filter(e => dirty.has(e.path) && e.mode !== '160000').map(e => e.path), algoOf(index));
        const entries = picked.map(e => (dirty.has(e.path) && e.mode !== '160000' ? now.get(e.path) : e));
        listing = git_listingFromEntries(entries.filter((e) => e !== undefined));
        selected = all(listing);
    }
    else {
        source = 'head';
        // Select and hash while git is still comparing the work tree with HEAD.
        try {
            listing = await tree;
        }
        catch (e) {
            throw new errors/* ConfigError */.xL(`cannot read HEAD of the repository at ${root}: ${e instanceof Error ? e.message : String(e)}`, { file: manifestLabel }, {
                hint: 'The tag hashes committed files: commit them first, or pass include-worktree to hash the work tree.',
            });
        }
        const sel = selectIndices(listing.paths, patterns);
        unmatched = sel.unmatched;
        selected = sel.selected;
    }
    for (const p of unmatched)
        o.log.warning(`pattern '${p.source}' matches no ${source === 'disk' ? '' : 'committed '}file`, {
            file: manifestLabel,
            line: p.line,
        });
    if (selected.length === 0) {
        throw new errors/* ConfigError */.xL(`image manifest ${manifestLabel} matches no ${source === 'head' ? 'committed ' : ''}file`, { file: manifestLabel }, {
            hint: source === 'head'
                ? 'Files must be committed to count; commit them or pass include-worktree.'
                : 'Check the globs against the repository layout.',
        });
    }
    const hash = git_digestListing(listing, selected);
    if (source === 'head')
        await warnUncommitted(root, await changed, listing, patterns, o.log);
    const l = listing;
    let files;
    return {
        hash,
        tag: hash.slice(-o.tagLength),
        count: selected.length,
        get files() {
            return (files ??= selected.map(i => l.entry(i)));
        },
        source,
        root,
        manifest: manifestLabel,
    };
}
/**
 * Beyond this many pathspecs that git must glob-match against every tracked path (an unanchored
 * `*.toml` or `Dockerfile`: about 5 ms per 100,000 files each), comparing every tracked file's
 * stat (about 70 ms per 100,000) is cheaper than narrowing the comparison to the manifest's paths.
 */
const MAX_UNANCHORED_PATHSPECS = 8;
/**
 * Listed paths that may differ from HEAD: tracked files git sees changed (stat-based) and
 * untracked files, asked of git at once and limited to the manifest's own paths. Paths are
 * relative to `top`; callers keep the listed ones and compare them with HEAD.
 */
async function uncommittedCandidates(top, patterns) {
    const specs = manifestPathspecs(patterns);
    const unanchored = specs.filter(s => s.startsWith(':(top,glob)**/')).length;
    const [edited, fresh] = await Promise.all([
        changedSinceHead(top, unanchored > MAX_UNANCHORED_PATHSPECS ? [] : specs),
        untrackedMatching(top, specs).catch(() => []),
    ]);
    return [...edited, ...fresh];
}
/** Warns, per listed file, when the work tree differs from HEAD: the tag would not reflect it. */
async function warnUncommitted(root, changed, tree, patterns, log) {
    const listed = selectPaths(changed, patterns).selected;
    if (listed.length === 0)
        return;
    const wanted = new Set(listed);
    const head = new Map();
    tree.paths.forEach((p, i) => {
        if (wanted.has(p))
            head.set(p, tree.entry(i));
    });
    const algo = tree.length && tree.entry(0).oid.length === 64 ? 'sha256' : 'sha1';
    const current = await worktreeEntries(root, listed.filter(p => head.get(p)?.mode !== '160000'), algo);
    const limit = 20;
    let n = 0;
    for (const path of listed) {
        const committed = head.get(path);
        if (committed?.mode === '160000')
            continue; // submodule: its own repository
        const now = current.get(path);
        let why;
        if (!committed)
            why = now ? 'is not committed' : undefined;
        else if (!now)
            why = 'is deleted in the work tree';
        else if (now.oid !== committed.oid)
            why = 'has uncommitted changes';
        else if (now.mode !== committed.mode)
            why = `has an uncommitted mode change (${committed.mode} → ${now.mode})`;
        if (!why)
            continue;
        if (++n <= limit)
            log.warning(`${path} ${why}: the tag hashes HEAD and does not reflect it`, { file: path });
    }
    if (n > limit)
        log.warning(`${n - limit} more listed files differ from HEAD`);
}


/***/ })

};
