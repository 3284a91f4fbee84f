// Issue 10: the report's training curves drawn by Mermaid itself. @mermaid-js/mermaid-cli (mmdc)
// renders every ```mermaid block of a rendered report in the system Chromium (Debian's
// `chromium`, installed by test/infra/up.sh); a chart that does not parse fails mmdc. The SVGs
// are then read back: one path per line, in the palette's colour, with one point per value.
// Set REPORT_CHARTS_OUT=<dir> to keep the PNGs and look at them.
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, test} from 'vitest'
import type {ReportRun} from '../../src/report/model.js'
import {renderReport} from '../../src/report/render.js'
import {tempDir} from '../helpers/temp-dir.js'
import {start, workspace} from '../helpers/workspace.js'
import {mermaidBlocks, model, parseChart, run} from '../unit/report/render-helpers.js'
import {parseFileCommands} from '../helpers/run-dist.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const MMDC = resolve('node_modules/@mermaid-js/mermaid-cli/src/cli.js')
const missing = [CHROMIUM, MMDC].filter(p => !existsSync(p))
if (missing.length) {
  const why = `missing ${missing.join(', ')} (apt-get install -y --no-install-recommends chromium; npm ci)`
  if (process.env.CI === 'true') throw new Error(`report charts e2e: ${why}`)
  console.warn(`SKIPPED report charts e2e: ${why}`)
}

/** A sweep of `points` learning rates × 3 seeds; the last seed of the first point stops early, one value is NaN. */
function launch(points: number): ReturnType<typeof model> {
  const runs: ReportRun[] = []
  for (let p = 0; p < points; p++)
    for (let s = 0; s < 3; s++) {
      const lr = +(0.05 * (p + 1)).toFixed(2)
      const steps = p === 0 && s === 2 ? 400 : 1000
      const history = Array.from({length: steps}, (_, i) => ({
        step: i * 5,
        loss: 2.3 * Math.exp(-i * lr * 0.01) + 0.05 * Math.sin(i / 7 + s) + 0.1,
        acc: 0.95 - 0.85 * Math.exp(-i * lr * 0.012) + 0.01 * s,
      }))
      if (p === 1 && s === 0) history[10]!.loss = NaN
      runs.push(
        run({
          id: `L.${runs.length}`,
          point: {lr, opt: p % 2 ? 'adam "w" %%{init}%%' : 'sgd|<b>'},
          seed: s,
          history,
          final: {loss: history[history.length - 1]!.loss, acc: history[history.length - 1]!.acc},
        }),
      )
    }
  return model(runs)
}

function mmdc(dir: string, format: 'svg' | 'png'): string[] {
  const r = spawnSync(
    process.execPath,
    [
      MMDC,
      '-q',
      '-w',
      '1000',
      '-p',
      join(dir, 'puppeteer.json'),
      '-i',
      join(dir, 'report.md'),
      '-o',
      join(dir, `${format}.md`),
      '-e',
      format,
    ],
    {encoding: 'utf8', timeout: 120_000},
  )
  expect(r.status, `${r.stderr}\n${r.stdout}`).toBe(0)
  return readdirSync(dir)
    .filter(f => f.startsWith(`${format}-`) && f.endsWith(`.${format}`))
    .sort((a, b) => parseInt(a.slice(4)) - parseInt(b.slice(4)))
    .map(f => join(dir, f))
}

describe.skipIf(missing.length > 0)('report curves drawn by mermaid-cli in Chromium', () => {
  test('every chart parses and draws each line in its colour, with every value', () => {
    const dir = tempDir('trainer-charts-')
    writeFileSync(
      join(dir, 'puppeteer.json'),
      JSON.stringify({executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu']}),
    )
    const {markdown} = renderReport(launch(10), {target: 'summary'})
    writeFileSync(join(dir, 'report.md'), markdown)
    const charts = mermaidBlocks(markdown).map(parseChart)
    expect(charts.map(c => [c.title, c.lines.length])).toEqual([
      ['loss (1 of 2)', 8],
      ['loss (2 of 2)', 2],
      ['acc (1 of 2)', 8],
      ['acc (2 of 2)', 2],
    ])

    const svgs = mmdc(dir, 'svg')
    expect(svgs).toHaveLength(charts.length)
    svgs.forEach((file, i) => {
      const svg = readFileSync(file, 'utf8')
      const chart = charts[i]!
      expect(svg).toContain(`>${chart.title}</text>`)
      // the plotted lines: `M x,y L x,y …` paths without spaces (the legend's swatches have them)
      const plotted = [...svg.matchAll(/<path d="(M[\d.,L-]+)" fill="none" stroke="(#[0-9a-f]{6})"/g)]
      expect(plotted.map(p => p[2])).toEqual(chart.palette.slice(0, chart.lines.length))
      expect(plotted.map(p => p[1]!.split('L').length)).toEqual(chart.lines.map(l => l.values.length))
    })

    const pngs = mmdc(dir, 'png')
    expect(pngs).toHaveLength(charts.length)
    const out = process.env.REPORT_CHARTS_OUT
    if (out) mkdirSync(out, {recursive: true})
    for (const file of pngs) {
      const png = readFileSync(file)
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      expect(png.readUInt32BE(16)).toBeGreaterThan(400) // IHDR width
      expect(png.readUInt32BE(20)).toBeGreaterThan(300) // IHDR height
      if (out) copyFileSync(file, join(out, file.slice(dir.length + 1)))
    }
  })

  test('actions/report with chart-images: png draws every chart of the report in charts-dir', async () => {
    const ws = workspace(`
experiments:
  sweep:
    command: [$NODE, $TRAIN]
    params: {lr: 0.1, mode: ok}
    seeds: [1, 2]
    sweep:
      lr: [0.1, 0.2]
`)
    expect((await start('cli', ['launch', 'exp=sweep', '--launch-id', 'PNG1'], {cwd: ws}).done).code).toBe(0)
    const out = join(ws, 'output.txt')
    writeFileSync(out, '')
    const bin = resolve('node_modules/.bin')
    const r = await start('report', [], {
      cwd: ws,
      env: {
        // mmdc's #!/usr/bin/env node: the node@24 of node_modules/.bin
        PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        PUPPETEER_EXECUTABLE_PATH: CHROMIUM,
        GITHUB_OUTPUT: out,
        'INPUT_CHART-IMAGES': 'png',
        INPUT_MMDC: join(bin, 'mmdc'),
        INPUT_PUBLISH: 'summary',
      },
    }).done
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const dir = parseFileCommands(readFileSync(out, 'utf8'))['charts-dir']!
    const report = readFileSync(join(ws, 'results/PNG1/report-PNG1.md'), 'utf8')
    const pngs = readdirSync(dir).filter(f => f.endsWith('.png'))
    expect(pngs.length).toBe(mermaidBlocks(report).length)
    expect(pngs.length).toBeGreaterThan(0)
    for (const f of pngs) expect(readFileSync(join(dir, f)).subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(readFileSync(join(dir, 'charts.md'), 'utf8')).toMatch(/!\[[^\]]*\]\(\.\/charts-1\.png\)/)
  })

  test('a missing mmdc is a warning, not a failed report', async () => {
    const ws = workspace('experiments:\n  one:\n    command: [$NODE, $TRAIN]\n    params: {mode: ok}\n')
    expect((await start('cli', ['launch', 'exp=one', '--launch-id', 'NM1'], {cwd: ws}).done).code).toBe(0)
    const r = await start('report', [], {
      cwd: ws,
      env: {'INPUT_CHART-IMAGES': 'svg', INPUT_MMDC: '/nonexistent/mmdc', INPUT_PUBLISH: 'summary'},
    }).done
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.stdout).toMatch(/::warning::the charts could not be drawn: \/nonexistent\/mmdc is not installed/)
  })
})
