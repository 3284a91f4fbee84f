/**
 * Bytes to lines, in bounded memory: a line longer than the cap keeps its first bytes and is
 * marked with how much was cut, so one endless line neither grows the heap nor stops the run.
 */
import type {FileHandle} from 'node:fs/promises'

/** The longest line kept, in bytes. */
export const MAX_LINE = 64 << 10

const LF = 0x0a
const CR = 0x0d

/**
 * Splits a byte stream into lines at `\n`, `\r\n` and a lone `\r` (a progress bar's updates),
 * as readline does. Lines over `max` bytes are cut: `<first max bytes>… [cut: N bytes]`.
 */
export class LineSplitter {
  private parts: Buffer[] = []
  private kept = 0
  private cut = 0
  /** The last byte seen was a `\r`: a `\n` right after it ends no further line. */
  private afterCr = false

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly max = MAX_LINE,
  ) {}

  push(chunk: Buffer): void {
    let start = 0
    if (this.afterCr && chunk[0] === LF) start = 1
    this.afterCr = false
    // the next \n and \r, each searched for again only once passed: linear in the chunk
    let lf = chunk.indexOf(LF, start)
    let cr = chunk.indexOf(CR, start)
    while (start < chunk.length) {
      if (lf >= 0 && lf < start) lf = chunk.indexOf(LF, start)
      if (cr >= 0 && cr < start) cr = chunk.indexOf(CR, start)
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr)
      if (end < 0) {
        // an unfinished line: its bytes are copied, since the caller may reuse the chunk
        this.take(chunk, start, chunk.length, true)
        return
      }
      this.take(chunk, start, end, false)
      this.emit()
      start = end + 1
      if (chunk[end] === CR) {
        if (start === chunk.length) this.afterCr = true
        else if (chunk[start] === LF) start++
      }
    }
  }

  /** The last line, when the stream did not end with a line break. */
  end(): void {
    if (this.kept > 0 || this.cut > 0) this.emit()
  }

  private take(chunk: Buffer, start: number, end: number, copy: boolean): void {
    const keep = Math.min(end - start, this.max - this.kept)
    this.cut += end - start - keep
    if (keep === 0) return
    const b = chunk.subarray(start, start + keep)
    this.parts.push(copy ? Buffer.from(b) : b)
    this.kept += keep
  }

  private emit(): void {
    const text = (this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)).toString('utf8')
    const line = this.cut > 0 ? `${text}… [cut: ${this.cut} bytes]` : text
    this.parts = []
    this.kept = 0
    this.cut = 0
    this.onLine(line)
  }
}

/**
 * Reads the lines of an open file, at most `maxBytes` of it. Resolves with whether the file
 * was longer (its rest was not read).
 */
export async function readLines(
  handle: FileHandle,
  onLine: (line: string) => void,
  maxBytes: number,
): Promise<{truncated: boolean}> {
  const split = new LineSplitter(onLine)
  const buf = Buffer.alloc(1 << 20)
  let at = 0
  for (;;) {
    const want = Math.min(buf.length, maxBytes - at)
    if (want <= 0) break
    const {bytesRead} = await handle.read(buf, 0, want, at)
    if (bytesRead === 0) break
    split.push(buf.subarray(0, bytesRead))
    at += bytesRead
  }
  split.end()
  const {size} = await handle.stat()
  return {truncated: size > at}
}
