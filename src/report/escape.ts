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

const WORD_JOINER = '\u2060'
const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}

export interface EscapeOptions {
  /** Longest text kept, in code points (default: all of it); a cut ends with `…`. */
  max?: number
  /** What a line break becomes (default a space; `<br>` keeps it inside a table cell). */
  newline?: ' ' | '<br>'
  /** Break `@mentions` and `#123` references (default true; off inside `<code>`, which GitHub never links). */
  breakRefs?: boolean
}

/** Cuts text at `max` code points, with `…` when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const cps = Array.from(text)
  return cps.length <= max ? text : `${cps.slice(0, Math.max(0, max - 1)).join('')}…`
}

/** Text without control characters, bidirectional overrides or line breaks (`newline` instead). */
function clean(text: string, newline: string): string {
  return (
    text
      .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, '\n')
      // a tab is a space; other C0/C1 controls, DEL and the bidi embedding/override/isolate marks go
      .replace(/\t/g, ' ')
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\n+/g, newline)
  )
}

/** User text for GitHub Markdown: safe in prose, table cells, link text and inline HTML. */
export function escapeMarkdown(text: string, o: EscapeOptions = {}): string {
  const newline = o.newline ?? ' '
  const cut = o.max === undefined ? text : truncate(text, o.max)
  // line breaks become a placeholder first, so `<br>` is not escaped with the rest
  let s = clean(cut, '\n')
    .replace(/[&<>"]/g, c => ENTITIES[c]!)
    .replace(/[\\`*_[\]()#!~|$]/g, c => `\\${c}`)
  if (o.breakRefs ?? true)
    s = s.replace(/@(?=[\p{L}\p{N}])/gu, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`)
  return s.replace(/\n+/g, newline)
}

/** User text shown as code, in prose or a table cell: `<code>` with the text escaped (no backtick games). */
export function inlineCode(text: string, o: {max?: number} = {}): string {
  return `<code>${escapeMarkdown(text, {...o, breakRefs: false})}</code>`
}

/**
 * An http(s) URL made safe for a Markdown link destination, or undefined for anything else
 * (relative paths, `ssh://`, `file:`, `javascript:`). Credentials in it are dropped; the
 * characters that could end the destination, start a code span, split a table row or look
 * like Markdown link syntax are percent-encoded. Meant for `[text](<url>)`.
 */
export function httpUrl(url: string): string | undefined {
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return undefined
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined
  u.username = ''
  u.password = ''
  const origin = `${u.protocol}//${u.host}`
  const pct = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  // brackets stay only in an IPv6 host; after it, Markdown's brackets and parentheses go too
  return origin.replace(/[<>|`\\"'\s]/g, pct) + u.href.slice(origin.length).replace(/[<>|`\\"'\s()[\]]/g, pct)
}

/**
 * A link: `[text](<url>)` for an http(s) URL; anything else (a path, `user@host:/dir`, an
 * `ssh://` URL) is shown, not linked, as `text: <code>…</code>`. Empty when there is no URL.
 */
export function markdownLink(text: string, url: string | undefined): string {
  if (url === undefined || url.trim() === '') return ''
  const href = httpUrl(url)
  if (href !== undefined) return `[${escapeMarkdown(text)}](<${href}>)`
  return `${escapeMarkdown(text)}: ${inlineCode(url, {max: 300})}`
}

/**
 * Text inside a Mermaid diagram (a title, an axis or line name): letters, digits and a few
 * harmless marks only. Quotes would end the string, `%%` starts a comment, `;` ends a
 * statement, and backticks start a Markdown string; all of them become `_`.
 */
export function mermaidText(text: string, max = 60): string {
  const s = truncate(clean(text, ' ').replace(/[^\p{L}\p{N} _.,:=+/()-]/gu, '_'), max).trim()
  return s === '' ? '_' : s
}

/** Plain text on one line (a check run's title, which GitHub does not render as Markdown). */
export function plainText(text: string, max = 200): string {
  return truncate(clean(text, ' '), max)
}
