/**
 * `/train` PR comments (issue 11): a strict, pure parser. Text in, a parsed command or a
 * refusal out; no I/O, and no byte of a comment is ever interpreted, only matched against an
 * allowlist and returned as data.
 *
 * Which line counts, as a person reading the rendered comment expects:
 * - Only a line that starts with `/train` (after at most 3 spaces, as Markdown allows) followed
 *   by a space, a tab or the end of the line: `/training`, `/trainx`, `/train-x` are not the command.
 * - Not a line in a quote (`> /train …`), in a fenced code block (``` or ~~~, any longer fence,
 *   with an info string; closed by a fence of the same character at least as long; also one
 *   opened right after a list marker, `- ````, which ends with its list item), in an indented
 *   code block (4+ columns), in an HTML comment (`<!-- … -->`, which GitHub hides), or in a
 *   `<pre>`, `<script>`, `<style>` or `<textarea>` block.
 * - Two command lines are an error (which one was meant?), never "first wins".
 * - Refused rather than guessed: `/train` behind an invisible character (a zero-width space, a
 *   byte order mark, a no-break space), and `/train` directly under a quote with no blank line in
 *   between (GitHub's lazy continuation shows it inside the quote).
 * - Line ends are LF or CRLF. A lone CR is not a line end here: on a command line it is
 *   refused like any control character.
 *
 * The grammar after `/train` (tokens separated by spaces or tabs):
 * - `exp=NAME` or `experiment=NAME`: letters, digits, `_ . -`, starting with a letter or digit
 *   (trainer.yml's experiment names), at most 100.
 * - `backend=NAME`: slurm, vertex, self-hosted, local or any other backend name trainer.yml
 *   allows (letters, digits, `_ . -`, at most 64); the caller checks it against trainer.yml.
 * - `seeds=1,2,3` (whole numbers 0..2^31-1, at most 100, no repeats) or `runs=N` (1..1000), not both.
 * - `sweep.KEY=v1,v2,…`: a sweep over a parameter (at most 1000 values, no repeats).
 * - `KEY=VALUE`: a parameter override. The names above are reserved; `sweep.` is a prefix.
 * - `--dry-run`; any other flag is an error.
 * - `/train status`, `/train cancel [LAUNCH-ID]`, `/train help`: alone on their line.
 *
 * Keys match `[a-z][a-z0-9_.-]{0,63}` (so a Unicode look-alike never passes). A key given
 * twice is an error, counting `exp`/`experiment` as one, `seeds`/`runs` as one, `_` and `-`
 * as the same (as overrides match parameters) and `lr` with `sweep.lr`.
 *
 * Values: unquoted, at most 256 of `A-Z a-z 0-9 _ . : + / @ % -`. Anything else is quoted:
 * `"…"` with `\"` and `\\` as the only escapes, or `'…'` with none; a quoted value is data, at
 * most 1024 bytes of UTF-8, and never spans lines. In lists (seeds, sweeps) each item is quoted
 * or not on its own: `sweep.name="a b",c`. A comma in a plain override must be quoted (it
 * usually means a sweep was meant).
 *
 * Refused anywhere on the command line, with the column: control characters (NUL, CR, DEL,
 * C1; a tab only separates tokens), non-ASCII spaces and line or paragraph separators (U+00A0,
 * U+2000–U+200A, U+2028, U+2029, U+3000 …), format characters (zero-width spaces and joiners,
 * bidirectional controls, the byte order mark, tags), private-use and unassigned code points,
 * and lone surrogates. A command line is at most 8192 characters; at most 100 parameters.
 *
 * Values stay strings here. {@link typedOverrides} (src/chatops/params.ts) types them against
 * an experiment's parameters; error messages quote user text with non-printable and non-ASCII
 * characters escaped, but are still user text: escape them for Markdown when replying.
 */

export const COMMAND = '/train'
export const FLAGS = ['--dry-run'] as const
export const SUBCOMMANDS = ['status', 'cancel', 'help'] as const
/** The backends the spec names; others of trainer.yml are allowed too. */
export const KNOWN_BACKENDS = ['slurm', 'vertex', 'self-hosted', 'local'] as const

export const LIMITS = {
  /** Characters (UTF-16 units) on a command line. */
  line: 8192,
  key: 64,
  unquoted: 256,
  /** Bytes of UTF-8 in a quoted value. */
  quotedBytes: 1024,
  /** Overrides and sweeps together. */
  params: 100,
  seeds: 100,
  maxSeed: 2 ** 31 - 1,
  runs: 1000,
  sweepValues: 1000,
} as const

/** What `/train key=value …` asks for. Values are strings: the caller types them. */
export interface TrainArgs {
  /** Absent: the caller's default experiment (or an error there). */
  experiment?: string
  backend?: string
  seeds?: number[]
  runs?: number
  /** Parameter overrides, in the order given (a null-prototype object). */
  overrides: Record<string, string>
  /** Parameter name (without `sweep.`) to the values to sweep, in order (a null-prototype object). */
  sweep: Record<string, string[]>
  dryRun: boolean
}

export type ParsedComment =
  | {kind: 'none'}
  | {kind: 'train'; args: TrainArgs; line: number}
  | {kind: 'status'; line: number}
  | {kind: 'cancel'; launchId?: string; line: number}
  | {kind: 'help'; line: number}
  | {kind: 'error'; message: string; line?: number; column?: number}

export const USAGE = `Usage (one command per comment, at the start of a line, not in a quote or code block):
  /train [exp=NAME] [backend=NAME] [seeds=1,2,3 | runs=N] [PARAM=VALUE ...] [sweep.PARAM=V1,V2,...] [--dry-run]
  /train status
  /train cancel [LAUNCH-ID]
  /train help
Keys: lowercase letters, digits, _ . - starting with a letter. Values: letters, digits and _ . : + / @ % - as
they are; anything else in "double quotes" (escape \\" and \\\\) or 'single quotes'. Example:
  /train exp=resnet backend=slurm seeds=1,2,3 lr=0.01 sweep.batch_size=64,128 note="first try" --dry-run`

const KEY = /^[a-z][a-z0-9_.-]{0,63}$/
const EXPERIMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/
const BACKEND = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const LAUNCH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/
const SEED = /^(0|[1-9][0-9]{0,9})$/
const RUNS = /^[1-9][0-9]{0,3}$/
const SAFE = /^[A-Za-z0-9_.:+/@%-]{1,256}$/
/** Code points never allowed on a command line (a tab is allowed between tokens, checked apart). */
const REFUSED = /(?![\t ])[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u
/** What may hide in front of `/train` and make a command look like one. */
const NEAR_COMMAND = /^[\t \p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}]*\/train(?![A-Za-z0-9_-])/u
const COMMAND_LINE = /^ {0,3}\/train(?=$|[\t ]|(?![\t ])[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}])/u
/** A code fence, at the top level or right after a list marker: indent or marker, fence, info string. */
const FENCE_OPEN = /^( {0,3}(?:(?:[-+*]|\d{1,9}[.)]) {1,4})?)(`{3,}|~{3,})(.*)$/
/** HTML blocks whose content is raw (shown as preformatted text, or removed by GitHub). */
const RAW_HTML = /^ {0,3}<(pre|script|style|textarea)(?=[\t >]|$)/i
const BLANK = /^[\t ]*$/
const QUOTE = /^ {0,3}>/
/** SAFE's characters by ASCII code, for the scan of unquoted values. */
const SAFE_CHARS = Uint8Array.from({length: 128}, (_, c) => (SAFE.test(String.fromCharCode(c)) ? 1 : 0))
const VALUE_CHARS = 'letters, digits and _ . : + / @ % -'

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'a tab',
  0x0a: 'a line feed',
  0x0d: 'a carriage return',
  0x7f: 'DEL',
  0xa0: 'a no-break space',
  0xad: 'a soft hyphen',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x2028: 'a line separator',
  0x2029: 'a paragraph separator',
  0x3000: 'an ideographic space',
  0xfeff: 'a byte order mark',
}

/**
 * A refusal inside the parser; parseComment turns it into `{kind: 'error'}`, so it never leaves
 * this module. Not a TrainerError: this module imports nothing at run time, so that
 * bench/command-fuzz.mjs can load it as TypeScript through Node's type stripping.
 */
class CommandError extends Error {
  line: number
  column: number | undefined
  constructor(message: string, line: number, column?: number) {
    super(message)
    this.line = line
    this.column = column
  }
}

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

/** A code point, named for a person: `'$'`, or `U+00A0 (a no-break space)`. */
function describe(cp: number): string {
  const ch = String.fromCodePoint(cp)
  if (cp > 0x20 && cp < 0x7f) return `'${ch}'`
  const name =
    NAMES[cp] ??
    (cp >= 0xd800 && cp <= 0xdfff
      ? 'a lone surrogate'
      : /\p{Cc}/u.test(ch)
        ? 'a control character'
        : /[\p{Zs}\p{Zl}\p{Zp}]/u.test(ch)
          ? 'a non-ASCII space'
          : /\p{Cf}/u.test(ch)
            ? 'an invisible formatting character'
            : /\p{Co}/u.test(ch)
              ? 'a private-use character'
              : /\p{Cn}/u.test(ch)
                ? 'an unassigned code point'
                : undefined)
  return name === undefined ? hex(cp) : `${hex(cp)} (${name})`
}

/** User text quoted for a message: printable ASCII as is, the rest as \u{…}, cut at 40. */
export function show(s: string, max = 40): string {
  let out = ''
  let n = 0
  for (const ch of s) {
    if (n++ === max) {
      out += '...'
      break
    }
    const cp = ch.codePointAt(0)!
    out += cp >= 0x20 && cp < 0x7f ? ch : `\\u{${cp.toString(16).toUpperCase()}}`
  }
  return `'${out}'`
}

/** 1-based column of a UTF-16 index, in code points. */
function column(text: string, index: number): number {
  let col = 1
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    col++
  }
  return col
}

function utf8Bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

const blank = (c: string | undefined): boolean => c === ' ' || c === '\t'

/** [start, end) ranges of a line's code spans, as CommonMark pairs backtick runs (linear). */
function codeSpans(line: string): [number, number][] {
  const runs: [number, number][] = []
  for (let i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
    let j = i
    while (line[j] === '`') j++
    runs.push([i, j - i])
    i = j
  }
  const next: (number | undefined)[] = []
  const last = new Map<number, number>()
  for (let k = runs.length - 1; k >= 0; k--) {
    const len = runs[k]![1]
    next[k] = last.get(len)
    last.set(len, k)
  }
  const spans: [number, number][] = []
  for (let k = 0; k < runs.length;) {
    const m = next[k]
    if (m === undefined) {
      k++
      continue
    }
    spans.push([runs[k]![0], runs[m]![0] + runs[m]![1]])
    k = m + 1
  }
  return spans
}

/** Whether an HTML comment is open at the end of a line, given whether one was at its start. */
function commentOpenAfter(line: string, open: boolean): boolean {
  const spans = open ? [] : codeSpans(line)
  let s = 0
  let i = 0
  for (;;) {
    if (open) {
      const j = line.indexOf('-->', i)
      if (j < 0) return true
      i = j + 3
      open = false
    }
    let j = line.indexOf('<!--', i)
    for (;;) {
      while (s < spans.length && spans[s]![1] <= j) s++
      const span = spans[s]
      if (j < 0 || span === undefined || j < span[0]) break
      j = line.indexOf('<!--', span[1])
    }
    if (j < 0) return false
    // `<!-->` and `<!--->` are whole (empty) comments
    if (line.startsWith('>', j + 4)) i = j + 5
    else if (line.startsWith('->', j + 4)) i = j + 6
    else {
      i = j + 4
      open = true
    }
  }
}

interface CommandLine {
  line: number
  text: string
  start: number
}

/** The lines of a comment that are `/train` commands, as the rendered comment shows them. */
function commandLines(body: string): CommandLine[] {
  const found: CommandLine[] = []
  // an open fenced code block; `indent`: the content column of the list item it is in (0: none)
  let fence: {char: string; len: number; indent: number} | undefined
  let comment = false
  let raw: string | undefined // the end tag of an open <pre>, <script>, <style> or <textarea> block
  let quote: number | undefined // the line of a quoted paragraph that lazily continues
  let n = 0
  for (let from = 0; from <= body.length;) {
    let to = body.indexOf('\n', from)
    if (to < 0) to = body.length
    let line = body.slice(from, to)
    if (line.endsWith('\r')) line = line.slice(0, -1)
    from = to + 1
    n++
    const isBlank = BLANK.test(line)
    if (fence) {
      const lead = /^ */.exec(line)![0].length
      if (fence.indent > 0 && !isBlank && lead < fence.indent) {
        fence = undefined // the list item ends, and the code block in it with it
      } else {
        const close = /^ *(`+|~+)[\t ]*$/.exec(line)
        if (close?.[1]?.[0] === fence.char && close[1].length >= fence.len && lead <= fence.indent + 3)
          fence = undefined
        continue
      }
    }
    if (comment) {
      comment = commentOpenAfter(line, true)
      continue
    }
    if (raw !== undefined) {
      if (line.toLowerCase().includes(raw)) raw = undefined
      continue
    }
    if (isBlank) {
      quote = undefined
      continue
    }
    const open = FENCE_OPEN.exec(line)
    if (open && !(open[2]!.startsWith('`') && open[3]!.includes('`'))) {
      fence = {char: open[2]![0]!, len: open[2]!.length, indent: open[1]!.trim() === '' ? 0 : open[1]!.length}
      quote = undefined
      continue
    }
    if (QUOTE.test(line)) {
      quote = BLANK.test(line.replace(/^(?: {0,3}>)+/, '')) ? undefined : n
      continue
    }
    const m = COMMAND_LINE.exec(line)
    if (m) {
      if (quote !== undefined)
        throw new CommandError(
          `line ${n}: /train directly follows the quote on line ${quote}, so GitHub shows it inside the quote; put a blank line before /train`,
          n,
          1,
        )
      found.push({line: n, text: line, start: m[0].length - COMMAND.length})
      continue
    }
    const near = NEAR_COMMAND.exec(line)
    if (near) {
      const bad = /[^\t ]/.exec(near[0])!
      if (bad[0] !== '/')
        throw new CommandError(
          `line ${n}, column ${column(line, bad.index)}: ${describe(line.codePointAt(bad.index)!)} before /train; a command starts the line, after at most 3 plain spaces`,
          n,
          column(line, bad.index),
        )
    }
    const tag = RAW_HTML.exec(line)?.[1]?.toLowerCase()
    if (tag !== undefined && !line.toLowerCase().includes(`</${tag}>`)) raw = `</${tag}>`
    else comment = commentOpenAfter(line, false)
  }
  return found
}

const nullObject = <T>(): Record<string, T> => Object.create(null) as Record<string, T>

/** `_` and `-` name the same parameter (src/plan/resolve.ts normKey). */
const norm = (k: string): string => k.replace(/-/g, '_')

interface Item {
  value: string
  index: number
  quoted: boolean
}

/** Parses one command line: `text` holds the whole line, `/train` at `start`. */
function parseLine(text: string, start: number, line: number): ParsedComment {
  function fail(what: string, index: number): never {
    const col = column(text, index)
    throw new CommandError(`line ${line}, column ${col}: ${what}`, line, col)
  }
  const bad = REFUSED.exec(text)
  if (bad) {
    const cp = text.codePointAt(bad.index)!
    fail(`${describe(cp)} is not allowed in a /train command; use plain spaces and printable characters`, bad.index)
  }
  if (text.length > LIMITS.line)
    fail(`the command line is ${text.length} characters long, over the limit of ${LIMITS.line}`, LIMITS.line)
  const n = text.length

  /** Reads a value at `i`: one item, or a comma-separated list of them. */
  const readItems = (from: number, key: string, list: boolean): {items: Item[]; end: number} => {
    const items: Item[] = []
    let i = from
    for (;;) {
      const at = i
      const c = text[i]
      let value: string
      if (c === '"') {
        let j = i + 1
        let seg = j
        value = ''
        for (;;) {
          if (j >= n)
            fail(`unterminated " quote in ${key}: close it on the same line (a quoted value never spans lines)`, at)
          const ch = text.charCodeAt(j)
          if (ch === 0x22) break
          if (ch === 0x5c) {
            const esc = text[j + 1]
            if (esc === undefined)
              fail(`unterminated " quote in ${key}: close it on the same line (a quoted value never spans lines)`, at)
            if (esc !== '"' && esc !== '\\')
              fail(
                `unknown escape \\${show(String.fromCodePoint(text.codePointAt(j + 1)!)).slice(1, -1)} in ${key}: inside "..." only \\" and \\\\ are escapes (use '...' for other backslashes)`,
                j,
              )
            value += text.slice(seg, j) + esc
            j += 2
            seg = j
            continue
          }
          if (ch === 0x09) fail(`a tab inside the quoted value of ${key}; use spaces`, j)
          j++
        }
        value += text.slice(seg, j)
        i = j + 1
      } else if (c === "'") {
        const j = text.indexOf("'", i + 1)
        if (j < 0)
          fail(`unterminated ' quote in ${key}: close it on the same line (a quoted value never spans lines)`, at)
        value = text.slice(i + 1, j)
        const tab = value.indexOf('\t')
        if (tab >= 0) fail(`a tab inside the quoted value of ${key}; use spaces`, i + 1 + tab)
        i = j + 1
      } else {
        let j = i
        while (j < n && SAFE_CHARS[text.charCodeAt(j)] === 1) j++
        value = text.slice(i, j)
        if (value.length > LIMITS.unquoted)
          fail(
            `the value of ${key} is ${value.length} characters long; unquoted values are at most ${LIMITS.unquoted} (quoted: ${LIMITS.quotedBytes} bytes)`,
            i,
          )
        i = j
        if (value === '' && (i >= n || blank(text[i]) || text[i] === ','))
          fail(
            list && items.length > 0
              ? `an empty item in the list of ${key}; write V1,V2,... (quote an empty string: "")`
              : `${key} has no value; write ${key}=VALUE (quote an empty string: ${key}="")`,
            i,
          )
      }
      if (c === '"' || c === "'") {
        if (utf8Bytes(value) > LIMITS.quotedBytes)
          fail(
            `the quoted value of ${key} is ${utf8Bytes(value)} bytes long, over the limit of ${LIMITS.quotedBytes}`,
            at,
          )
      }
      items.push({value, index: at, quoted: c === '"' || c === "'"})
      if (i >= n || blank(text[i])) return {items, end: i}
      if (text[i] === ',') {
        if (list) {
          i++
          continue
        }
        fail(`a comma in the value of ${key}: quote the value (${key}="a,b"), or sweep it with sweep.${key}=a,b`, i)
      }
      const cp = text.codePointAt(i)!
      if (c === '"' || c === "'")
        fail(`${describe(cp)} right after the closing quote of ${key}; separate key=value pairs with a space`, i)
      fail(
        `${describe(cp)} in the value of ${key} must be quoted: unquoted values are ${VALUE_CHARS}; write ${key}="..." or ${key}='...'`,
        i,
      )
    }
  }

  const args: TrainArgs = {overrides: nullObject<string>(), sweep: nullObject<string[]>(), dryRun: false}
  const seen = new Map<string, {key: string; index: number}>()
  let sub: 'status' | 'cancel' | 'help' | undefined
  let launchId: string | undefined
  let params = 0
  let first = true
  let i = start + COMMAND.length
  for (;;) {
    while (blank(text[i])) i++
    if (i >= n) break
    const at = i
    let j = i
    while (j < n && text[j] !== '=' && !blank(text[j])) j++
    const isFlag = text[i] === '-'
    if (isFlag) while (j < n && !blank(text[j])) j++
    const head = text.slice(i, j)
    if (sub !== undefined) {
      if (sub === 'cancel' && launchId === undefined) {
        while (j < n && !blank(text[j])) j++
        const id = text.slice(i, j)
        if (!LAUNCH_ID.test(id))
          fail(
            `${show(id)} is not a launch id: letters, digits, _ . - (starting with a letter or digit, at most 100)`,
            at,
          )
        launchId = id
        i = j
        continue
      }
      fail(
        `/train ${sub} takes ${sub === 'cancel' ? 'at most one launch id' : 'no arguments'}; found ${show(text.slice(i).split(/[\t ]/)[0] ?? '')}`,
        at,
      )
    }
    if (isFlag) {
      i = j
      if (head !== '--dry-run') fail(`unknown flag ${show(head)}; flags: ${FLAGS.join(', ')} (they take no value)`, at)
      if (args.dryRun) fail(`--dry-run is given twice`, at)
      args.dryRun = true
      first = false
      continue
    }
    if (j >= n || text[j] !== '=') {
      i = j
      if ((SUBCOMMANDS as readonly string[]).includes(head)) {
        if (!first) fail(`${show(head)} is a subcommand: write it alone, as /train ${head}`, at)
        sub = head as (typeof SUBCOMMANDS)[number]
        continue
      }
      fail(
        `${show(head)} is not key=value; write key=value pairs and ${FLAGS.join(', ')}, or one of /train status, /train cancel [LAUNCH-ID], /train help`,
        at,
      )
    }
    first = false
    const key = head
    let slot: string
    let kind: 'exp' | 'backend' | 'seeds' | 'runs' | 'sweep' | 'param'
    if (key === '') fail(`a value without a key: write key=value`, at)
    if (key === 'exp' || key === 'experiment') [slot, kind] = ['exp', 'exp']
    else if (key === 'backend') [slot, kind] = ['backend', 'backend']
    else if (key === 'seeds' || key === 'runs') [slot, kind] = ['seeds/runs', key]
    else if (key === 'sweep') fail(`sweep needs a parameter: sweep.NAME=V1,V2,...`, at)
    else if (key.startsWith('sweep.')) {
      const name = key.slice('sweep.'.length)
      if (!KEY.test(name))
        fail(
          `${show(name)} (in ${show(key)}) is not a parameter name: lowercase letters, digits, _ . - starting with a letter, at most ${LIMITS.key}`,
          at + 'sweep.'.length,
        )
      ;[slot, kind] = [`param ${norm(name)}`, 'sweep']
    } else if (KEY.test(key)) [slot, kind] = [`param ${norm(key)}`, 'param']
    else
      fail(
        `key ${show(key)} is not allowed: keys are lowercase letters, digits, _ . - starting with a letter, at most ${LIMITS.key}`,
        at,
      )
    const twice = seen.get(slot)
    if (twice)
      fail(
        twice.key === key
          ? `${show(key)} is given twice (also at column ${column(text, twice.index)}); give each key once`
          : slot === 'seeds/runs'
            ? `${show(key)} and ${show(twice.key)} (column ${column(text, twice.index)}) both say how many runs; give seeds=... or runs=N, not both`
            : `${show(key)} and ${show(twice.key)} (column ${column(text, twice.index)}) set the same thing; give one of them`,
        at,
      )
    seen.set(slot, {key, index: at})
    const {items, end} = readItems(j + 1, key, kind === 'seeds' || kind === 'sweep')
    i = end
    const value = items[0]!.value
    switch (kind) {
      case 'exp':
        if (!EXPERIMENT.test(value))
          fail(
            `${show(value)} is not an experiment name: letters, digits, _ . - starting with a letter or digit, at most 100`,
            j + 1,
          )
        args.experiment = value
        break
      case 'backend':
        if (!BACKEND.test(value))
          fail(
            `${show(value)} is not a backend name: one of ${KNOWN_BACKENDS.join(', ')}, or another backend of trainer.yml (letters, digits, _ . -, at most 64)`,
            j + 1,
          )
        args.backend = value
        break
      case 'seeds': {
        if (items.length > LIMITS.seeds) fail(`${items.length} seeds, over the limit of ${LIMITS.seeds}`, j + 1)
        const seeds: number[] = []
        const got = new Set<number>()
        for (const it of items) {
          const s = Number(it.value)
          if (!SEED.test(it.value) || s > LIMITS.maxSeed)
            fail(
              `seed ${show(it.value)} is not a whole number from 0 to ${LIMITS.maxSeed} (no sign, no leading zeros)`,
              it.index,
            )
          if (got.has(s)) fail(`seed ${s} is given twice`, it.index)
          got.add(s)
          seeds.push(s)
        }
        args.seeds = seeds
        break
      }
      case 'runs':
        if (!RUNS.test(value) || Number(value) > LIMITS.runs)
          fail(`runs=${show(value)} is not a whole number from 1 to ${LIMITS.runs}`, j + 1)
        args.runs = Number(value)
        break
      case 'sweep': {
        if (items.length > LIMITS.sweepValues)
          fail(`${items.length} values for ${key}, over the limit of ${LIMITS.sweepValues}`, j + 1)
        const got = new Set<string>()
        for (const it of items) {
          if (got.has(it.value)) fail(`${show(it.value)} is given twice in ${key}`, it.index)
          got.add(it.value)
        }
        if (++params > LIMITS.params) fail(`more than ${LIMITS.params} parameters`, at)
        args.sweep[key.slice('sweep.'.length)] = items.map(it => it.value)
        break
      }
      case 'param':
        if (++params > LIMITS.params) fail(`more than ${LIMITS.params} parameters`, at)
        args.overrides[key] = value
        break
    }
  }
  switch (sub) {
    case undefined:
      return {kind: 'train', args, line}
    case 'cancel':
      return launchId === undefined ? {kind: 'cancel', line} : {kind: 'cancel', launchId, line}
    case 'status':
      return {kind: 'status', line}
    case 'help':
      return {kind: 'help', line}
  }
}

/**
 * The `/train` command in a comment body: none, one parsed command, or an error whose message
 * says what is wrong, where (line and column) and what is valid. Never throws.
 */
export function parseComment(body: string): ParsedComment {
  try {
    const lines = commandLines(body)
    if (lines.length === 0) return {kind: 'none'}
    if (lines.length > 1)
      return {
        kind: 'error',
        message: `${lines.length} /train commands (lines ${lines.map(l => l.line).join(', ')}); write one command per comment`,
        line: lines[1]!.line,
      }
    const {line, text, start} = lines[0]!
    return parseLine(text, start, line)
  } catch (e) {
    if (!(e instanceof CommandError)) throw e
    return e.column === undefined
      ? {kind: 'error', message: e.message, line: e.line}
      : {kind: 'error', message: e.message, line: e.line, column: e.column}
  }
}

/** A value as the grammar reads it back: bare when safe, else single- or double-quoted. */
export function quoteValue(v: string): string {
  if (SAFE.test(v)) return v
  if (!v.includes("'")) return `'${v}'`
  return `"${v.replace(/[\\"]/g, '\\$&')}"`
}

/**
 * The canonical one-line form of parsed arguments (without `/train`), for echoing back what
 * will run: `exp`, `backend`, `seeds`/`runs`, overrides, sweeps, flags. For arguments that
 * parseComment returned, `parseComment('/train ' + renderArgs(a))` gives `a` again.
 */
export function renderArgs(args: TrainArgs): string {
  const parts: string[] = []
  if (args.experiment !== undefined) parts.push(`exp=${quoteValue(args.experiment)}`)
  if (args.backend !== undefined) parts.push(`backend=${quoteValue(args.backend)}`)
  if (args.seeds !== undefined) parts.push(`seeds=${args.seeds.join(',')}`)
  if (args.runs !== undefined) parts.push(`runs=${args.runs}`)
  for (const [k, v] of Object.entries(args.overrides)) parts.push(`${k}=${quoteValue(v)}`)
  for (const [k, vs] of Object.entries(args.sweep)) parts.push(`sweep.${k}=${vs.map(quoteValue).join(',')}`)
  if (args.dryRun) parts.push('--dry-run')
  return parts.join(' ')
}
