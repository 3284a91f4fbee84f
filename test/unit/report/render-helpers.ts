/**
 * Reading back what the report renderers write, the way GitHub would: Markdown tables split
 * into rows and cells by GFM's rules, Mermaid xychart blocks into their statements. Shared by
 * the renderer tests and the chart e2e test.
 */
import type {ReportModel, ReportRun} from '../../../src/report/model.js'

export interface ParsedTable {
  /** Line number (0-based) of the header row. */
  line: number
  head: string[]
  rows: string[][]
}

/** A GFM table row's cells: split on pipes that no backslash escapes, outer pipes dropped. */
export function cells(row: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!
    if (c === '\\' && i + 1 < row.length) {
      cur += c + row[i + 1]!
      i++
    } else if (c === '|') {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  // `| a | b |` splits into ['', ' a ', ' b ', '']
  return out.slice(1, -1).map(s => s.trim())
}

/** Every table in the Markdown outside code fences: runs of lines that start with `|`. */
export function tables(md: string): ParsedTable[] {
  const lines = md.split('\n')
  const out: ParsedTable[] = []
  let fence = false
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('```')) fence = !fence
    if (fence || !lines[i]!.startsWith('|')) continue
    const start = i
    while (i + 1 < lines.length && lines[i + 1]!.startsWith('|')) i++
    const block = lines.slice(start, i + 1)
    out.push({line: start, head: cells(block[0]!), rows: block.slice(2).map(cells)})
  }
  return out
}

/** The bodies of the ```mermaid fences. */
export function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map(m => m[1]!)
}

const NUM = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`
const STR = String.raw`"[^"%;\n]*"`

export interface ParsedChart {
  palette: string[]
  title: string
  x: {min: number; max: number} | {categories: string[]}
  y: {title: string; min: number; max: number}
  lines: {name: string; values: number[]}[]
}

/**
 * A chart block read with mermaid's xychart grammar (its lexer's number and string rules):
 * front matter with the palette, then `xychart-beta`, title, x-axis, y-axis and named lines;
 * throws on anything else.
 */
export function parseChart(block: string): ParsedChart {
  const lines = block.split('\n')
  const fm = lines.indexOf('---', 1)
  if (lines[0] !== '---' || fm < 0) throw new Error('no front matter')
  const palette = /plotColorPalette: "([^"]*)"/.exec(lines.slice(1, fm).join('\n'))?.[1]?.split(', ') ?? []
  const body = lines.slice(fm + 1)
  if (body[0] !== 'xychart-beta') throw new Error(`not an xychart: ${body[0]}`)
  const title = new RegExp(`^  title (${STR})$`).exec(body[1] ?? '')
  const xr = new RegExp(`^  x-axis "step" (?:(${NUM}) --> (${NUM})|\\[((?:${STR}, )*${STR})\\])$`).exec(body[2] ?? '')
  const yr = new RegExp(`^  y-axis (${STR}) (${NUM}) --> (${NUM})$`).exec(body[3] ?? '')
  if (!title || !xr || !yr) throw new Error(`bad chart head:\n${body.slice(0, 4).join('\n')}`)
  const x = xr[1] !== undefined ? {min: Number(xr[1]), max: Number(xr[2])} : {categories: xr[3]!.split(', ')}
  const parsed = body.slice(4).map(l => {
    const m = new RegExp(`^  line (${STR}) \\[((?:${NUM}, )*${NUM})\\]$`).exec(l)
    if (!m) throw new Error(`bad line: ${l.slice(0, 80)}`)
    return {name: m[1]!.slice(1, -1), values: m[2]!.split(', ').map(Number)}
  })
  return {
    palette,
    title: title[1]!.slice(1, -1),
    x,
    y: {title: yr[1]!.slice(1, -1), min: Number(yr[2]), max: Number(yr[3])},
    lines: parsed,
  }
}

/** A run with defaults; `over` wins. */
export function run(over: Partial<ReportRun> & {id: string}): ReportRun {
  return {state: 'SUCCEEDED', point: {}, seed: 0, final: {}, links: {}, ...over}
}

export function model(runs: ReportRun[], over: Partial<ReportModel> = {}): ReportModel {
  return {
    launchId: 'L1',
    experiment: 'resnet',
    backend: 'local',
    status: runs.some(r => ['CREATED', 'QUEUED', 'STARTING', 'RUNNING'].includes(r.state)) ? 'ACTIVE' : 'SUCCEEDED',
    createdAt: '2025-01-01T00:00:00.000Z',
    runs,
    ...over,
  }
}

/** A sweep: `points` learning rates × `seeds` seeds, each with a loss/acc history of `steps` steps. */
export function sweep(o: {points: number; seeds: number; steps: number; every?: number}): ReportModel {
  const runs: ReportRun[] = []
  for (let p = 0; p < o.points; p++)
    for (let s = 0; s < o.seeds; s++) {
      const lr = +(0.1 * (p + 1)).toFixed(2)
      const history = Array.from({length: o.steps}, (_, i) => ({
        step: i * (o.every ?? 1),
        loss: 2 * Math.exp((-i * lr) / o.steps) + 0.01 * s,
        acc: 1 - 0.9 * Math.exp((-i * lr) / o.steps) - 0.01 * s,
      }))
      const last = history[history.length - 1]!
      runs.push(
        run({
          id: `L1.${String(runs.length).padStart(4, '0')}`,
          point: {lr},
          seed: s,
          final: {loss: last.loss, acc: last.acc},
          history,
          queuedS: 10,
          runS: 600,
          gpus: 1,
        }),
      )
    }
  return model(runs)
}
