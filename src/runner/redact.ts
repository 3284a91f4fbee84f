/**
 * Redaction of a secret wherever a piece of it shows up. A pre-signed URL's signature can leak
 * whole, cut (`${URL##*Signature=}`), URL-encoded or base64-encoded: every run of 8 or more
 * characters of any of those forms is replaced, in linear time.
 */

/** The shortest piece of a secret that is redacted. */
export const PIECE = 8
const MARK = '<redacted>'
/** Query parameters that carry the credential of a pre-signed URL (S3, GCS, Azure SAS, tokens). */
const SECRET_PARAM = /sig|token|secret|key|pass|auth/i

/**
 * The secret values of a URL: the query values whose names say they are credentials (every
 * value when none does), and the userinfo password; each as written in the URL and decoded.
 */
export function urlSecrets(url: string): string[] {
  const u = URL.parse(url)
  if (u === null) return [url]
  const pairs = u.search
    .slice(1)
    .split('&')
    .filter(p => p !== '')
    .map(p => [p.slice(0, Math.max(0, p.indexOf('='))), p.slice(p.indexOf('=') + 1)] as const)
  const named = pairs.filter(([k]) => SECRET_PARAM.test(k))
  const raw = (named.length ? named : pairs).map(([, v]) => v)
  if (u.password !== '') raw.push(u.password)
  return [...new Set(raw.flatMap(v => [v, decode(v), decode(v.replace(/\+/g, ' '))]))].filter(v => v !== '')
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** A secret as it may be printed: raw, URL-encoded, and base64 (standard and URL-safe) at each byte alignment. */
function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret)]
  const bytes = Buffer.from(secret)
  // base64 of any piece of the secret lines up, but for its ends, with one of these three
  for (let shift = 0; shift < 3; shift++) {
    const b = bytes.subarray(shift)
    forms.push(b.toString('base64').replace(/=+$/, ''), b.toString('base64url'))
  }
  return forms
}

const BASE = 0x01000193
/** BASE^PIECE mod 2^32: what the character leaving the window weighs. */
const OUT = Array.from({length: PIECE}).reduce<number>(h => Math.imul(h, BASE), 1)
const BLOOM_BITS = 20

/**
 * Replaces every run of {@link PIECE} or more characters of a set of secrets (in any of their
 * forms) with `<redacted>`. Each window of PIECE characters of a line is looked up by a rolling
 * hash (a bit table first, then a set), so the cost is linear in the line whatever the secrets.
 */
export class Redactor {
  private readonly pieces = new Set<string>()
  private readonly bloom: Uint8Array

  constructor(secrets: readonly string[]) {
    this.bloom = new Uint8Array(secrets.length > 0 ? 1 << (BLOOM_BITS - 3) : 0)
    for (const form of secrets.flatMap(formsOf))
      for (let i = 0; i + PIECE <= form.length; i++) {
        const piece = form.slice(i, i + PIECE)
        this.pieces.add(piece)
        const b = hash(piece, 0) >>> (32 - BLOOM_BITS)
        this.bloom[b >>> 3]! |= 1 << (b & 7)
      }
  }

  redact(text: string): string {
    if (this.pieces.size === 0 || text.length < PIECE) return text
    let out = ''
    let done = 0
    // the run being redacted: [from, to)
    let from = -1
    let to = -1
    let h = hash(text, 0)
    for (let end = PIECE; ; end++) {
      const b = h >>> (32 - BLOOM_BITS)
      if (this.bloom[b >>> 3]! & (1 << (b & 7)) && this.pieces.has(text.slice(end - PIECE, end))) {
        const start = end - PIECE
        if (from < 0 || start > to) {
          if (from >= 0) [out, done] = [out + text.slice(done, from) + MARK, to]
          from = start
        }
        to = end
      }
      if (end === text.length) break
      h = (Math.imul(h, BASE) + text.charCodeAt(end) - Math.imul(text.charCodeAt(end - PIECE), OUT)) | 0
    }
    return from < 0 ? text : out + text.slice(done, from) + MARK + text.slice(to)
  }
}

/** The hash of text[at, at + PIECE). */
function hash(text: string, at: number): number {
  let h = 0
  for (let i = at; i < at + PIECE; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0
  return h
}

/** The redactor for a pre-signed URL (none without one). */
export function urlRedactor(url: string | undefined): Redactor {
  return new Redactor(url ? urlSecrets(url) : [])
}
