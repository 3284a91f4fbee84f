/**
 * The `/train` parser fuzz: structured-random comments from a grammar of good and bad pieces,
 * plus random code points, checked for the parser's promises. Shared by
 * test/unit/chatops/command.test.ts (100,000 inputs) and bench/command-fuzz.mjs (1,000,000),
 * which imports this file through Node's type stripping: only erasable TypeScript and type
 * imports here.
 */
import type {ParsedComment, TrainArgs} from '../../../src/chatops/command.js'

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = () => number
const int = (r: Rand, n: number): number => Math.floor(r() * n)
const pick = <T>(r: Rand, xs: ArrayLike<T>): T => xs[int(r, xs.length)]!
const rep = (n: number, f: () => string, sep = ''): string => Array.from({length: n}, f).join(sep)

const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:+/@%-'
const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_.-'
const GOOD_KEYS = [
  'lr',
  'batch_size',
  'batch-size',
  'model.depth',
  'note',
  'a',
  'x1',
  'dropout',
  'constructor',
  'toString',
]
const BAD_KEYS = [
  'Exp',
  '1x',
  '_x',
  '\u0435\u0445\u0440',
  '\uff45\uff58\uff50',
  '',
  'sweep',
  'sweep.',
  'a'.repeat(65),
  'a"b',
  'k$',
]
const SPECIAL = [
  '"',
  "'",
  '\\',
  '`',
  '$',
  '{',
  '}',
  '(',
  ')',
  ';',
  '|',
  '&',
  '<',
  '>',
  '*',
  '!',
  '#',
  '~',
  ',',
  '=',
  '[',
  ']',
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udc00',
  '\ue000',
  '\uff1d',
  '\u0435',
  'é',
  '日本',
  '😀',
  '👩‍💻',
  '${{ github.token }}',
  '$(id)',
  '--',
  '-rf',
]
const FRAMES = ['```', '````', '~~~', '```python', '~~~~ x', '> ', '>> ', '    ', '\t', '<!--', '-->', '- ', '# ']

/** A random code point, weighted toward the interesting ranges. */
function codePoint(r: Rand): string {
  switch (int(r, 8)) {
    case 0:
      return String.fromCharCode(int(r, 0x20))
    case 1:
      return String.fromCharCode(0x7f + int(r, 0x40))
    case 2:
      return String.fromCharCode(0x2000 + int(r, 0x70))
    case 3:
      return String.fromCharCode(0xd800 + int(r, 0x800))
    case 4:
      return String.fromCodePoint(int(r, 0x110000))
    case 5:
      return String.fromCharCode(0xfe00 + int(r, 0x200))
    default:
      return String.fromCharCode(0x20 + int(r, 0x5f))
  }
}

function safeValue(r: Rand): string {
  const n = r() < 0.02 ? pick(r, [255, 256, 257, 300]) : 1 + int(r, 12)
  return rep(n, () => pick(r, SAFE))
}

function quotedContent(r: Rand): string {
  const n = r() < 0.02 ? pick(r, [1000, 1024, 1025, 2000]) : int(r, 10)
  return rep(n, () => (r() < 0.85 ? pick(r, SAFE + ' ') : r() < 0.75 ? pick(r, SPECIAL) : codePoint(r)))
}

function quoted(r: Rand): string {
  const s = quotedContent(r)
  switch (int(r, 4)) {
    case 0:
      return `'${s.replace(/'/g, '')}'`
    case 1:
      return `'${s}'` // may hold a quote: unterminated or junk after it
    case 2:
      return `"${s}"` // raw: may hold an unescaped quote or a bad escape
    default:
      return `"${s.replace(/[\\"]/g, '\\$&')}"`
  }
}

function value(r: Rand): string {
  const x = r()
  if (x < 0.45) return safeValue(r)
  if (x < 0.8) return quoted(r)
  if (x < 0.9) return safeValue(r) + pick(r, SPECIAL) + (r() < 0.5 ? safeValue(r) : '')
  if (x < 0.95) return ''
  return rep(1 + int(r, 6), () => codePoint(r))
}

function list(r: Rand, item: () => string): string {
  return rep(1 + int(r, r() < 0.01 ? 120 : 5), item, ',') + (r() < 0.03 ? ',' : '')
}

function seedItem(r: Rand): string {
  return pick(r, ['0', '1', '42', '007', '-1', '2147483647', '2147483648', '1e3', String(int(r, 100)), '"3"', ''])
}

function token(r: Rand): string {
  const x = int(r, 20)
  switch (x) {
    case 0:
      return `${pick(r, ['exp', 'experiment'])}=${r() < 0.7 ? pick(r, ['mnist', 'resnet_cifar10', 'a.b-c', '9lives']) : value(r)}`
    case 1:
      return `backend=${r() < 0.7 ? pick(r, ['slurm', 'vertex', 'self-hosted', 'local', 'local-docker', 'GPU.a100']) : value(r)}`
    case 2:
      return `seeds=${list(r, () => seedItem(r))}`
    case 3:
      return `runs=${pick(r, ['1', '10', '1000', '1001', '0', '-1', '01', 'x', String(int(r, 2000))])}`
    case 4:
    case 5:
      return `sweep.${pick(r, GOOD_KEYS)}=${list(r, () => value(r))}`
    case 6:
      return pick(r, ['--dry-run', '--dry-run', '--dryrun', '-x', '--', '--dry-run=true', '--output=/etc/passwd'])
    case 7:
      return pick(r, ['status', 'cancel', 'help', `cancel ${safeValue(r)}`, 'stauts'])
    case 8:
      return `${pick(r, BAD_KEYS)}=${value(r)}`
    case 9:
      return `${rep(1 + int(r, 8), () => pick(r, KEY_CHARS))}=${value(r)}`
    case 10:
      return rep(1 + int(r, 8), () => (r() < 0.8 ? pick(r, SAFE) : codePoint(r)))
    case 11:
      return pick(r, SPECIAL)
    default:
      return `${pick(r, GOOD_KEYS)}=${value(r)}`
  }
}

function separator(r: Rand): string {
  const x = r()
  return x < 0.85 ? ' ' : x < 0.93 ? '  ' : x < 0.97 ? '\t' : pick(r, ['', '\u00a0', '\u3000', '\n'])
}

/** A `/train` line: a few tokens after the command, sometimes mangled. */
export function commandLine(r: Rand): string {
  const lead = r() < 0.9 ? '' : pick(r, [' ', '   ', '    ', '\u200b', '\t'])
  const cmd = r() < 0.95 ? '/train' : pick(r, ['/training', '/trainx', '/Train', '/train\u00a0', '//train'])
  let line = lead + cmd
  const n = int(r, 7)
  for (let i = 0; i < n; i++) line += separator(r) + token(r)
  return line + (r() < 0.05 ? ' ' : '')
}

/** A comment: the command line, maybe with text, quotes, fences and a second command around it. */
export function comment(r: Rand): string {
  const x = r()
  if (x < 0.03) return rep(int(r, 60), () => codePoint(r))
  if (x < 0.05) return `/train ${rep(int(r, 80), () => codePoint(r))}`
  if (x < 0.5) return commandLine(r)
  const lines: string[] = []
  const n = 1 + int(r, 6)
  for (let i = 0; i < n; i++) {
    const y = r()
    if (y < 0.3) lines.push(commandLine(r))
    else if (y < 0.6) lines.push(pick(r, FRAMES) + (r() < 0.5 ? commandLine(r) : ''))
    else if (y < 0.7) lines.push('')
    else lines.push(rep(int(r, 30), () => (r() < 0.9 ? pick(r, SAFE + ' `<!->') : codePoint(r))))
  }
  return lines.join(r() < 0.8 ? '\n' : '\r\n')
}

/** A long comment (GitHub's limit is 65,536 characters): the parse must stay linear. */
export function longComment(r: Rand): string {
  const unit = pick(r, ['`', '<!--', '```\n', '> a\n', 'a ', '\u200b', '"'])
  const body = unit.repeat(Math.floor(60_000 / unit.length))
  return pick(r, [body, `/train x="${body}`, `/train ${body}`, `${body}\n/train x=1`])
}

export interface Parser {
  parseComment: (body: string) => ParsedComment
  renderArgs: (args: TrainArgs) => string
}

export interface FuzzReport {
  inputs: number
  outcomes: Record<string, number>
  roundTrips: number
  failures: string[]
  /** The slowest single parse, in ms. */
  maxMs: number
  /** Time in parseComment alone, in ms. */
  parseMs: number
  /** Time in all, generating and checking included, in ms. */
  ms: number
}

/** Code points no parsed value may hold (an independent statement of the refused set). */
const NEVER =
  /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ud800-\udfff\ue000-\uf8ff]/u
const KEY = /^[a-z][a-z0-9_.-]{0,63}$/

/** Every string a parse returned, for the "never refused characters" check. */
function strings(a: TrainArgs): string[] {
  return [
    a.experiment ?? '',
    a.backend ?? '',
    ...Object.keys(a.overrides),
    ...Object.values(a.overrides),
    ...Object.keys(a.sweep),
    ...Object.values(a.sweep).flat(),
  ]
}

/** A comparable form of arguments: fixed field order, overrides and sweeps in their order. */
export function canonical(a: TrainArgs): string {
  return JSON.stringify([
    a.experiment,
    a.backend,
    a.seeds,
    a.runs,
    Object.entries(a.overrides),
    Object.entries(a.sweep),
    a.dryRun,
  ])
}

/** Checks one parse; returns what is wrong, or undefined. */
export function check(p: Parser, body: string, result: ParsedComment): string | undefined {
  switch (result.kind) {
    case 'none':
    case 'status':
    case 'help':
      return undefined
    case 'cancel':
      return result.launchId === undefined || /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(result.launchId)
        ? undefined
        : 'bad launch id'
    case 'error':
      return result.message.length > 0 && result.line !== undefined ? undefined : 'error without message or line'
    case 'train': {
      const a = result.args
      for (const s of strings(a)) if (NEVER.test(s)) return `a refused character got through: ${JSON.stringify(s)}`
      for (const k of [...Object.keys(a.overrides), ...Object.keys(a.sweep)])
        if (!KEY.test(k)) return `key ${JSON.stringify(k)} got through`
      const again = p.parseComment(`/train ${p.renderArgs(a)}`)
      if (again.kind !== 'train') return `round trip gave ${JSON.stringify(again)}`
      if (canonical(again.args) !== canonical(a))
        return `round trip changed the arguments: ${canonical(a)} -> ${canonical(again.args)}`
      return body.includes('/train') ? undefined : 'a train command without /train'
    }
  }
}

/** Parses `n` generated comments from `seed`, checking every result. */
export function fuzz(p: Parser, n: number, seed = 11): FuzzReport {
  const r = prng(seed)
  const outcomes: Record<string, number> = {}
  const failures: string[] = []
  let roundTrips = 0
  let maxMs = 0
  let parseMs = 0
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const body = i % 1000 === 999 ? longComment(r) : comment(r)
    const t = performance.now()
    let result: ParsedComment
    try {
      result = p.parseComment(body)
    } catch (e) {
      failures.push(`threw on ${JSON.stringify(body)}: ${String(e)}`)
      continue
    }
    const dt = performance.now() - t
    parseMs += dt
    if (dt > maxMs) maxMs = dt
    const kind = result.kind === 'error' ? `error: ${errorClass(result.message)}` : result.kind
    outcomes[kind] = (outcomes[kind] ?? 0) + 1
    let bad: string | undefined
    try {
      bad = check(p, body, result)
    } catch (e) {
      bad = `the check threw: ${String(e)}`
    }
    if (result.kind === 'train') roundTrips++
    if (bad !== undefined && failures.length < 20) failures.push(`${bad} (input ${JSON.stringify(body)})`)
  }
  return {inputs: n, outcomes, roundTrips, failures, maxMs, parseMs, ms: performance.now() - t0}
}

/** A coarse class of an error message, for the outcome table. */
function errorClass(message: string): string {
  const m = message.replace(/^line \d+(, column \d+)?: /, '')
  for (const [re, name] of [
    [/is not allowed in a \/train command/, 'refused character'],
    [/before \/train/, 'invisible character before /train'],
    [/\/train commands \(lines/, 'several commands'],
    [/follows the quote/, 'lazy quote'],
    [/unterminated/, 'unterminated quote'],
    [/unknown escape/, 'unknown escape'],
    [/must be quoted/, 'unquoted special character'],
    [/a comma in the value/, 'comma in a value'],
    [/after the closing quote/, 'junk after a quote'],
    [/no value|empty item/, 'empty value'],
    [/is not key=value/, 'not key=value'],
    [/^key .* is not allowed|is not a parameter name|sweep needs|a value without a key/, 'bad key'],
    [/given twice|set the same thing|how many runs/, 'repeated'],
    [/unknown flag/, 'unknown flag'],
    [/subcommand|takes (no arguments|at most)/, 'misplaced subcommand'],
    [/not an experiment|not a backend|not a launch id/, 'bad name'],
    [/seed|runs=/, 'bad seeds or runs'],
    [/over the limit|characters long|more than/, 'too long or too many'],
    [/a tab inside/, 'tab in quotes'],
  ] as const)
    if (re.test(m)) return name
  return 'other'
}
