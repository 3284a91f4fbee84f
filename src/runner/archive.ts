import {isUtf8} from 'node:buffer'
import {createWriteStream, type ReadStream} from 'node:fs'
import {lstat, rm, stat} from 'node:fs/promises'
import {extname, resolve} from 'node:path'
import {Readable, Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {ZipFile} from 'yazl'
import {NotFoundError, TrainerError, getErrorMessage} from '../kit/errors.js'
import {openInside, UnsafePathError} from '../kit/safe-fs.js'
import {walk} from '../kit/walk.js'

export interface ZipOptions {
  /** Where skipped entries (symlinks, sockets, the archive itself) and the summary are reported. */
  log?: (message: string) => void
  /** Which files to keep, by path relative to `dir` (default: all). Directories are always kept. */
  include?: (rel: string) => boolean
  /** Stops the zip (the promise rejects with an AbortError). */
  signal?: AbortSignal
}

export interface ZipResult {
  /** Regular files written (directories not counted). */
  files: number
  /** Size of the zip in bytes. */
  bytes: number
}

/**
 * Formats that are already compressed (or, like checkpoints, are dense floats that deflate
 * barely shrinks at a large CPU cost): their entries are STORED. Everything else is deflated.
 * `.npy` and `.h5` are often uncompressed arrays with zero runs, so they are deflated.
 */
const STORED = new Set([
  // model weights and checkpoints (torch.save writes a zip of raw tensors)
  '.pt',
  '.pth',
  '.ckpt',
  '.safetensors',
  '.bin',
  '.onnx',
  '.npz',
  '.parquet',
  // archives and compressed streams
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.zst',
  '.lz4',
  '.br',
  '.7z',
  // images and video
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.avif',
  '.gif',
  '.mp4',
  '.mov',
  '.webm',
  '.mkv',
])

/** Read size for file data: large reads keep the per-chunk overhead low; memory stays bounded. */
const CHUNK = 1 << 20

/** Whether an entry is stored as is (already-compressed formats) rather than deflated. */
export function shouldStore(name: string): boolean {
  return STORED.has(extname(name).toLowerCase())
}

interface Item {
  /** Relative POSIX path inside the zip. */
  rel: string
  abs: string
  dir: boolean
  mode: number
  mtime: Date
  size: number
}

/**
 * Writes every file and directory under `dir` into a zip at `out` (a path, or a stream that
 * is ended when done), streaming: file data is read in 1 MiB chunks, so memory does not grow
 * with file sizes. Entries are relative POSIX paths in sorted order, directories included so
 * empty ones survive. Skipped and logged: symlinks and special files, and names a zip cannot
 * carry faithfully (not valid UTF-8, or with a `\\`, which unzip tools read as a separator).
 * Files are opened with safe-fs (no symlink followed, even one swapped in while zipping). ZIP64
 * is used where sizes or offsets pass 4 GiB.
 */
export async function zipDirectory(
  dir: string,
  out: NodeJS.WritableStream | string,
  opts: ZipOptions = {},
): Promise<ZipResult> {
  const log = opts.log ?? ((): void => undefined)
  const root = resolve(dir)
  const outPath = typeof out === 'string' ? resolve(out) : undefined
  const info = await stat(root).catch(() => undefined)
  if (!info?.isDirectory()) throw new NotFoundError(`zip ${dir}: not a directory`)

  const items = await listItems(root, log, outPath).catch((e: unknown) => {
    throw new TrainerError(`zip ${dir}: ${getErrorMessage(e)}`, {cause: e})
  })

  const zip = new ZipFile()
  const counter = new ByteCounter()
  let current: ReadStream | undefined
  const fail = (e: unknown): void => {
    current?.destroy()
    counter.destroy(e instanceof Error ? e : new Error(String(e)))
  }
  zip.on('error', fail)
  let files = 0
  let input = 0
  for (const it of items) {
    if (!it.dir && opts.include && !opts.include(it.rel)) continue
    const meta = {mtime: it.mtime, mode: it.mode & 0xffff}
    if (it.dir) {
      zip.addEmptyDirectory(it.rel, meta)
      continue
    }
    files++
    input += it.size
    // lazy: each file is opened only when the zip reaches it, so one descriptor is open at a time
    zip.addReadStreamLazy(it.rel, {...meta, compress: !shouldStore(it.rel)}, cb => {
      openInside(root, it.rel).then(
        ({handle}) => {
          current = handle.createReadStream({highWaterMark: CHUNK})
          current.once('error', fail)
          cb(null, current)
        },
        (e: unknown) => {
          // swapped since the walk for a symlink or a FIFO: an empty entry; any other failure fails the zip
          const empty = Readable.from([])
          if (!(e instanceof UnsafePathError)) return cb(e, empty)
          log(`zip: ${shown(it.rel)} was replaced while zipping (${getErrorMessage(e)}): stored empty`)
          cb(null, empty)
        },
      )
    })
  }
  zip.end()

  try {
    await pipeline(
      zip.outputStream,
      counter,
      typeof out === 'string' ? createWriteStream(out) : out,
      opts.signal ? {signal: opts.signal} : {},
    )
  } catch (e: unknown) {
    current?.destroy()
    if (outPath !== undefined) await rm(outPath, {force: true})
    throw new TrainerError(`zip ${dir}: ${getErrorMessage(e)}`, {cause: e})
  }
  log(`zip ${dir}: ${files} files, ${mib(input)} MiB in, ${mib(counter.bytes)} MiB zip`)
  return {files, bytes: counter.bytes}
}

/**
 * What a zip holds of `root`: depth-first, names sorted by code unit, so the same tree always
 * gives the same entry order. Symlinks, special files, names a zip cannot carry and `skip` (the
 * archive itself) are logged and left out.
 */
async function listItems(root: string, log: (m: string) => void, skip: string | undefined): Promise<Item[]> {
  const items: Item[] = []
  await walk(root, async ({name, bytes, dir, rel: r, abs: p, dirent: e}) => {
    if (!isUtf8(bytes)) {
      log(`zip: skipping ${shown(dir === '' ? '' : `${dir}/`)}${escaped(bytes)}: the name is not valid UTF-8`)
    } else if (name.includes('\\')) {
      log(`zip: skipping ${shown(r)}: a '\\' in a name is a path separator to unzip tools`)
    } else if (e.isSymbolicLink()) {
      log(`zip: skipping symlink ${shown(r)}`)
    } else if (e.isDirectory()) {
      const s = await lstat(p)
      items.push({rel: r, abs: p, dir: true, mode: s.mode, mtime: s.mtime, size: 0})
      return true
    } else if (!e.isFile()) {
      log(`zip: skipping ${shown(r)}: not a regular file`)
    } else if (p === skip) {
      log(`zip: skipping ${shown(r)}: it is the archive being written`)
    } else {
      const s = await lstat(p)
      items.push({rel: r, abs: p, dir: false, mode: s.mode, mtime: s.mtime, size: s.size})
    }
    return false
  })
  return items
}

/** A name for a log line: control characters escaped, so a name cannot forge a line. */
const shown = (name: string): string =>
  name.replace(/[\x00-\x1f\x7f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)

/** A name that is not UTF-8: ASCII kept, other bytes as `\xNN`. */
const escaped = (name: Buffer): string =>
  shown([...name].map(b => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`)).join(''))

class ByteCounter extends Transform {
  bytes = 0
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length
    cb(null, chunk)
  }
}

const mib = (n: number): string => (n / 2 ** 20).toFixed(1)
