/**
 * The report's charts as images, for an artifact: GitHub draws the Mermaid blocks in comments,
 * check runs and summaries, but a file to download or attach elsewhere needs pictures.
 * mermaid-cli (`mmdc`) renders every Mermaid block of the full report in a headless Chrome:
 * `<dir>/charts.md` (the report with images in place of the blocks) and `<dir>/charts-N.svg|png`.
 * The browser is the one puppeteer finds, or PUPPETEER_EXECUTABLE_PATH / CHROME_PATH; it runs
 * with `--no-sandbox` (a CI runner's user namespace may not allow Chrome's sandbox).
 *
 * A chart that cannot be drawn never fails a report: the problem is returned, to be said.
 */
import {readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {exec} from '../kit/exec.js'
import {makeDirs} from '../kit/safe-fs.js'

export type ChartFormat = 'svg' | 'png'

/** Renders the Mermaid blocks of `reportFile` into `dir`; returns the image files, or why not. */
export async function chartImages(
  reportFile: string,
  dir: string,
  o: {format: ChartFormat; mmdc: readonly string[]; env: Readonly<Record<string, string | undefined>>},
): Promise<{files: string[]} | {problem: string}> {
  await makeDirs(dir)
  const browser = o.env.PUPPETEER_EXECUTABLE_PATH || o.env.CHROME_PATH
  const config = join(dir, 'puppeteer.json')
  await writeFile(
    config,
    JSON.stringify({...(browser ? {executablePath: browser} : {}), args: ['--no-sandbox', '--disable-gpu']}),
  )
  const [cmd, ...pre] = o.mmdc
  if (!cmd) return {problem: 'no mmdc command'}
  let r
  try {
    r = await exec(
      cmd,
      [...pre, '-q', '-w', '1000', '-p', config, '-i', reportFile, '-o', join(dir, 'charts.md'), '-e', o.format],
      {env: {...process.env, ...o.env}},
    )
  } catch (e: unknown) {
    const code = (e as NodeJS.ErrnoException).code
    return {
      problem: `the charts could not be drawn: ${cmd} ${code === 'ENOENT' ? 'is not installed (npm i -g @mermaid-js/mermaid-cli)' : `failed to start (${code ?? String(e)})`}`,
    }
  }
  if (r.code !== 0) {
    const last = r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500)
    return {problem: `the charts could not be drawn: ${cmd} exited ${r.code}${last ? ` (${last})` : ''}`}
  }
  const files = (await readdir(dir))
    .filter(f => f.startsWith('charts-') && f.endsWith(`.${o.format}`))
    .sort((a, b) => parseInt(a.slice(7)) - parseInt(b.slice(7)))
    .map(f => join(dir, f))
  return {files}
}
