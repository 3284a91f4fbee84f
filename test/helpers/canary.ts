/**
 * The canary search of the secrets attacks (test/attacks/secrets*.test.ts): everything a launch
 * wrote, searched for each known secret in every form GitHub's exact-match masking would miss.
 */
import {gunzipSync, inflateRawSync} from 'node:zlib'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

/** Something written: a file, a step's output, a request body. */
export interface Written {
  path: string
  data: Buffer
}

const b64 = (b: Buffer): string => b.toString('base64')
const url = (s: string): string => s.replace(/\+/g, '-').replace(/\//g, '_')

/**
 * Every form of `s` that GitHub's masking would not catch, each at least 8 characters: raw,
 * URL-encoded (both ways), JSON-escaped (once, and twice for a JSON string inside a JSON
 * string); each of those in base64 and base64url at each of the three byte alignments it can
 * have inside a longer encoded text (only the groups made of it alone, so a base64 of `user:s`,
 * of a JSON document holding `s`, or of `s` with anything after it is found); and hex, both cases.
 */
export function forms(s: string): string[] {
  const json = JSON.stringify(s).slice(1, -1)
  const text = [s, encodeURIComponent(s), new URLSearchParams({s}).toString().slice(2), json]
  text.push(JSON.stringify(json).slice(1, -1))
  const out = [...text]
  for (const t of new Set(text))
    for (let shift = 0; shift < 3; shift++) {
      // `shift` bytes before it: the first group mixes them in, so it is left out, and so is a last partial one
      const padded = Buffer.concat([Buffer.alloc(shift), Buffer.from(t)])
      const aligned = b64(padded).slice(shift ? 4 : 0, Math.floor(padded.length / 3) * 4)
      out.push(aligned, url(aligned))
    }
  const hex = Buffer.from(s).toString('hex')
  out.push(hex, hex.toUpperCase())
  return out.filter((x, i, all) => x.length >= 8 && all.indexOf(x) === i)
}

/** `text` as written, less the `::add-mask::` commands (the runner reads them; they are never shown). */
export function stepOutput(path: string, text: string): Written {
  return {path, data: Buffer.from(text.replace(/^::add-mask::.*$/gm, ''))}
}

/** The values a step's output asked the runner to mask. */
export const masked = (text: string): string[] =>
  [...text.matchAll(/^::add-mask::(.*)$/gm)].map(m =>
    m[1]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
  )

/** Every regular file under `dir` (symlinks are not followed), with what it holds once expanded. */
export function files(dir: string, label = dir): Written[] {
  const out: Written[] = []
  for (const e of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    const p = join(e.parentPath, e.name)
    if (e.isFile() && statSync(p).size < 64 * 1024 * 1024)
      out.push(...expanded({path: `${label}${p.slice(dir.length)}`, data: readFileSync(p)}))
  }
  return out
}

/**
 * `w`, and what it holds when it is compressed: a gzip stream (an image layer) is inflated, a zip
 * archive (a run's results) is read entry by entry. A secret compressed is a secret written.
 */
export function expanded(w: Written): Written[] {
  const out = [w]
  try {
    if (w.data[0] === 0x1f && w.data[1] === 0x8b) out.push({path: `${w.path} (gunzipped)`, data: gunzipSync(w.data)})
    else if (w.data.readUInt32LE(0) === 0x04034b50)
      for (const e of zipEntries(w.data)) out.push({path: `${w.path}!${e.name}`, data: e.data})
  } catch {
    // not what its first bytes said: searched as it is
  }
  return out
}

/** The entries of a zip archive, from its central directory (stored or deflated). */
function zipEntries(zip: Buffer): {name: string; data: Buffer}[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) return []
  const count = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const out: {name: string; data: Buffer}[] = []
  for (let i = 0; i < count && zip.readUInt32LE(p) === 0x02014b50; i++) {
    const method = zip.readUInt16LE(p + 10)
    const size = zip.readUInt32LE(p + 20)
    const nameLen = zip.readUInt16LE(p + 28)
    const extra = zip.readUInt16LE(p + 30)
    const comment = zip.readUInt16LE(p + 32)
    const local = zip.readUInt32LE(p + 42)
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + size)
    out.push({name, data: method === 8 ? inflateRawSync(raw) : raw})
    p += 46 + nameLen + extra + comment
  }
  return out
}

/** Where each secret shows up in `written`, in any of its {@link forms}: `name as "form" in path`. */
export function leaks(secrets: Record<string, string>, written: readonly Written[]): string[] {
  const out: string[] = []
  for (const [name, secret] of Object.entries(secrets))
    for (const form of forms(secret)) {
      const needle = Buffer.from(form)
      for (const w of written)
        if (w.data.includes(needle)) out.push(`${name} as ${JSON.stringify(form).slice(0, 80)} in ${w.path}`)
    }
  return out
}
