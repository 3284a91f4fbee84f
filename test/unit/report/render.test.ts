import {describe, expect, test} from 'vitest'
import {curve, grid, mermaidLinearCount, resample} from '../../../src/report/curves.js'
import {escapeMarkdown, httpUrl, markdownLink, mermaidText} from '../../../src/report/escape.js'
import type {ReportModel} from '../../../src/report/model.js'
import {
  conclusion,
  curves,
  parseReportMarker,
  pointsTable,
  REPORT_LIMITS,
  renderReport,
  renderReports,
  reportMarker,
  runsTable,
  type ReportTarget,
} from '../../../src/report/render.js'
import {cells, mermaidBlocks, model, parseChart, run, sweep, tables} from './render-helpers.js'

const WJ = '\u2060'
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')
const TARGETS: ReportTarget[] = ['check', 'comment', 'summary']

/** Every table has a separator row and every row the header's number of cells. */
function expectWellFormedTables(md: string): void {
  const lines = md.split('\n')
  for (const t of tables(md)) {
    expect(lines[t.line + 1], 'separator row').toMatch(/^\|(---\|)+$/)
    expect(cells(lines[t.line + 1]!)).toHaveLength(t.head.length)
    for (const r of t.rows) expect(r, JSON.stringify(r).slice(0, 200)).toHaveLength(t.head.length)
  }
}

/** No HTML but ours, no unescaped backtick, no @mention and no #123 outside code. */
function expectInert(md: string): void {
  const prose = md
    .replace(/^```mermaid\n[\s\S]*?\n```$/gm, '')
    .replace(/^<!-- trainer-action:report experiment=\S+ -->$/m, '')
    .replace(/<code>.*?<\/code>/g, '')
    .replace(/\]\(<[^<>\s]*>\)/g, '](…)')
  const tags = prose.match(/<\/?[a-z][^>]*>/gi) ?? []
  for (const t of tags) expect(t).toMatch(/^<\/?(details|summary|sub|br)>$/)
  expect(prose).not.toMatch(/<(?!\/?(details|summary|sub|br)>)/)
  expect(prose).not.toMatch(/(^|[^\\])`/m)
  expect(prose).not.toMatch(/@[A-Za-z0-9]/)
  expect(prose).not.toMatch(/#\d/)
  // a link's destination is only ever http(s); `javascript:` may appear, escaped, as text
  for (const m of md.matchAll(/(?<!\\)\]\(<?([^)>\s]*)/g)) expect(m[1]).toMatch(/^https?:\/\//)
}

describe('escapeMarkdown', () => {
  test.each([
    ['plain', 'plain'],
    ['a|b', 'a\\|b'],
    ['`x`', '\\`x\\`'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['a & "b"', 'a &amp; &quot;b&quot;'],
    [
      '*b* _i_ [l](u) ![i](u) # ~s~ $x$ \\',
      '\\*b\\* \\_i\\_ \\[l\\]\\(u\\) \\!\\[i\\]\\(u\\) \\# \\~s\\~ \\$x\\$ \\\\',
    ],
    ['hi @octocat and @github/team, not a@ or @ alone', `hi @${WJ}octocat and @${WJ}github/team, not a@ or @ alone`],
    ['see #123 and owner/repo#4, not #x', `see \\#${WJ}123 and owner/repo\\#${WJ}4, not \\#x`],
    ['one\ntwo\r\nthree\rfour\u2028five', 'one two three four five'],
    ['tab\there\u0000\u001b[31m\u202Eevil', 'tab here\\[31mevil'],
  ])('[%#] %j', (input, out) => {
    expect(escapeMarkdown(input)).toBe(out)
  })

  test('keeps line breaks as <br> where a table cell may, and cuts at code points', () => {
    expect(escapeMarkdown('a\n\nb\nc', {newline: '<br>'})).toBe('a<br>b<br>c')
    expect(escapeMarkdown('x'.repeat(10_000), {max: 300})).toBe(`${'x'.repeat(299)}…`)
    expect(escapeMarkdown('😀😀😀', {max: 2})).toBe('😀…')
  })

  test.each([
    ['https://example.com/a?b=1', 'log', '[log](<https://example.com/a?b=1>)'],
    ['https://user:secret@example.com/x', 'log', '[log](<https://example.com/x>)'],
    ['https://example.com/a|b`c<d>e f)g[h]', 'x', '[x](<https://example.com/a%7Cb%60c%3Cd%3Ee%20f%29g%5Bh%5D>)'],
    ['http://[::1]:8080/p', 'x', '[x](<http://[::1]:8080/p>)'],
    ['javascript:alert(1)', 'x', 'x: <code>javascript:alert\\(1\\)</code>'],
    ['/scratch/runs/000', 'artifacts', 'artifacts: <code>/scratch/runs/000</code>'],
    ['ssh user@host:/path|x', 'page', 'page: <code>ssh user@host:/path\\|x</code>'],
    ['', 'log', ''],
  ])('[%#] link %j', (url, text, out) => {
    expect(markdownLink(text, url)).toBe(out)
  })

  test('only http(s) URLs are links', () => {
    expect(httpUrl('file:///etc/passwd')).toBeUndefined()
    expect(httpUrl('data:text/html,<b>')).toBeUndefined()
    expect(httpUrl('not a url')).toBeUndefined()
  })

  test('Mermaid text keeps only harmless characters', () => {
    expect(mermaidText('lr=0.1, opt="adam"; %%{init}%% `md`')).toBe('lr=0.1, opt=_adam__ ___init___ _md_')
    expect(mermaidText('"')).toBe('_')
  })
})

describe('marker', () => {
  test.each(['resnet', 'resnet-50', 'a b', 'x --> y <!-- z', 'ends-', 'ünï/code'])(
    '[%#] %j round-trips and stays one comment',
    exp => {
      const m = reportMarker(exp)
      expect(m).toMatch(/^<!-- trainer-action:report experiment=\S+ -->$/)
      // CommonMark 0.29 (cmark-gfm): the comment's text holds no `--` and does not end with `-`
      expect(m.slice(4, -3)).not.toMatch(/--|-$/)
      expect(parseReportMarker(`${m}\nrest`)).toBe(exp)
    },
  )

  test('is the first line of the comment only', () => {
    const m = sweep({points: 1, seeds: 1, steps: 3})
    expect(renderReport(m, {target: 'comment'}).markdown.split('\n')[0]).toBe(reportMarker('resnet'))
    expect(parseReportMarker(renderReport(m, {target: 'check'}).markdown)).toBeUndefined()
    expect(parseReportMarker('text\n' + reportMarker('resnet'))).toBeUndefined()
  })
})

describe('the whole report', () => {
  test('a small launch, exactly', () => {
    const m = model(
      [
        run({id: 'L1.0', point: {lr: 0.1}, seed: 1, final: {acc: 0.9, loss: 0.3}, queuedS: 5, runS: 65, gpus: 1}),
        run({id: 'L1.1', point: {lr: 0.1}, seed: 2, final: {acc: 0.92, loss: 0.28}, queuedS: 5, runS: 70, gpus: 1}),
        run({
          id: 'L1.2',
          point: {lr: 1},
          seed: 1,
          state: 'FAILED',
          reason: 'exit 1: CUDA out of memory',
          queuedS: 5,
          runS: 10,
          gpus: 1,
          links: {log: 'https://ci.example/log/2', artifacts: '/scratch/L1/2'},
        }),
      ],
      {
        status: 'FAILED',
        backend: 'slurm',
        finishedAt: '2025-01-01T00:05:00.000Z',
        github: {repository: 'octo/repo', headSha: 'abcdef0123456789', runId: '77', serverUrl: 'https://github.com'},
      },
    )
    const r = renderReport(m, {target: 'comment'})
    expect(r.shortened).toBeUndefined()
    expect(r.markdown).toBe(
      [
        '<!-- trainer-action:report experiment=resnet -->',
        '',
        '### ❌ resnet: 2/3 succeeded, 1 failed · best acc 0.91 ± 0.0141 \\(lr=0.1\\)',
        '',
        'launch <code>L1</code> · backend slurm · status FAILED · [workflow run](<https://github.com/octo/repo/actions/runs/77>) · commit <code>abcdef012345</code>',
        '',
        '- 1 run failed.',
        '',
        'Mean ± sample standard deviation over seeds (n: succeeded runs with the metric).',
        '',
        '| lr | ok/runs | failed | running | acc | loss |',
        '|---|---|---|---|---|---|',
        '| 0.1 | 2/2 | 0 | 0 | 0.91 ± 0.0141 (2) | 0.29 ± 0.0141 (2) |',
        '| 1 | 0/1 | 1 | 0 | – | – |',
        '',
        '**Time and cost:** queued 15s in all · ran 2m 25s in all · 0.0403 GPU-hours · launch to end 5m 00s',
        '',
        '#### Runs (3)',
        '',
        '| run | state | seed | lr | acc | loss | queued | ran | GPU-h | reason | links |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
        '| L1.0 | ✅ SUCCEEDED | 1 | 0.1 | 0.9 | 0.3 | 5s | 1m 05s | 0.0181 |  |  |',
        '| L1.1 | ✅ SUCCEEDED | 2 | 0.1 | 0.92 | 0.28 | 5s | 1m 10s | 0.0194 |  |  |',
        '| L1.2 | ❌ FAILED | 1 | 1 | – | – | 5s | 10s | 0.00278 | exit 1: CUDA out of memory | [log](<https://ci.example/log/2>) · artifacts: <code>/scratch/L1/2</code> |',
        '',
        '**What this report could not show:**',
        '',
        '- 3 runs have no metric history: curves from 0 of 3 runs.',
        '',
      ].join('\n'),
    )
  })

  test('hostile text in every user field stays inert, and every table row keeps its cells', () => {
    const evil =
      'a|b `c` <script>alert(1)</script> @octocat #123 *x* _y_ [z](javascript:alert(1)) ~~s~~ $m$ \\|\nnew\r\nline'
    const long = `${evil} ${'r'.repeat(10_000)}`
    const m = model(
      [0, 1, 2].map(i =>
        run({
          id: `${evil}.${i}`,
          state: i === 2 ? 'FAILED' : 'SUCCEEDED',
          point: {[evil]: `${evil}${i % 2}`, lr: i},
          seed: i,
          final: {[evil]: 0.5 + i, loss: 1},
          history: [
            {step: 0, loss: 2, [evil]: 0.1},
            {step: 1, loss: 1, [evil]: 0.2},
          ],
          reason: i === 2 ? long : undefined,
          problems: i === 1 ? [evil] : undefined,
          links: {log: `https://x.example/${evil}`, artifacts: evil, page: 'javascript:alert(1)'},
        }),
      ),
      {
        experiment: evil,
        backend: evil,
        launchId: evil,
        status: 'FAILED',
        primaryMetric: evil,
        github: {repository: evil, headSha: evil, runId: evil, serverUrl: 'javascript:alert(1)'},
        baseline: {source: evil, points: {}},
      },
    )
    for (const target of TARGETS) {
      const {markdown} = renderReport(m, {target, failOn: {[evil]: {fail: 0}}})
      expectWellFormedTables(markdown)
      expectInert(markdown)
      expect(parseReportMarker(markdown)).toBe(target === 'comment' ? evil : undefined)
      expect(markdown).not.toContain('r'.repeat(400)) // the reason is cut
      expect(tables(markdown).length).toBe(2)
      for (const b of mermaidBlocks(markdown)) expect(() => parseChart(b)).not.toThrow()
      expect(mermaidBlocks(markdown)).toHaveLength(2)
    }
    // the cells hold the escaped text, one row per run
    const runs = tables(runsTable(m))[0]!
    expect(runs.rows).toHaveLength(3)
    expect(runs.rows[2]![runs.head.indexOf('reason')]).toMatch(/^a\\\|b \\`c\\` &lt;script&gt;.*new<br>line r+…$/)
  })

  test('a 5,000-run sweep stays under every limit and says what it left out', () => {
    const m = sweep({points: 1000, seeds: 5, steps: 20})
    for (const r of m.runs.filter((_, i) => i % 7 === 0)) {
      r.state = 'FAILED'
      r.reason = 'x'.repeat(250)
    }
    for (const target of TARGETS) {
      const {markdown, shortened} = renderReport(m, {target, artifact: 'https://example.com/artifact/9'})
      expect(bytes(markdown), target).toBeLessThanOrEqual(REPORT_LIMITS[target])
      expect(shortened, target).toBeDefined()
      expect(markdown).toContain(`> **Shortened** to fit GitHub's limit`)
      expect(markdown).toContain('The full report is in [the artifact](<https://example.com/artifact/9>).')
      expectWellFormedTables(markdown)
      // fences are whole
      expect(markdown.split('\n').filter(l => l.startsWith('```')).length % 2).toBe(0)
    }
    const check = renderReport(m, {target: 'check'})
    expect(check.shortened).toMatch(
      /the runs table \(5,000 runs\) is left out; the curves \(250 charts\) are left out; the points table shows \d+ of 1,000 points/,
    )
    const rows = Number(/shows (\d+) of/.exec(check.shortened!)![1])
    expect(tables(check.markdown)[0]!.rows).toHaveLength(rows)
    expect(check.markdown).toContain(`…and ${(1000 - rows).toLocaleString('en-US')} more points, in the full report.`)
    // a smaller limit (room left for a hidden block) is kept too
    expect(bytes(renderReport(m, {target: 'check', limit: 20_000}).markdown)).toBeLessThanOrEqual(20_000)
    // and a tiny one still gives whole lines, no table
    const tiny = renderReport(m, {target: 'comment', limit: 300}).markdown
    expect(bytes(tiny)).toBeLessThanOrEqual(300)
    expect(tiny).not.toContain('|')
  })

  test('shortening drops the succeeded runs from the runs table first', () => {
    const m = sweep({points: 10, seeds: 3, steps: 5})
    m.runs[4]!.state = 'FAILED'
    const full = renderReport(m, {target: 'summary'})
    expect(full.shortened).toBeUndefined()
    const limit = bytes(full.markdown) - 1
    const r = renderReport(m, {target: 'summary', limit})
    expect(r.shortened).toBe('the runs table keeps only the 1 run that did not succeed')
    expect(r.markdown).toContain('#### Runs that did not succeed (1 of 30)')
    expect(tables(r.markdown)[1]!.rows).toHaveLength(1)
  })
})

describe('points table', () => {
  test('counts failed, running and cancelled runs instead of hiding them', () => {
    const m = model([
      run({id: 'a', point: {lr: 1}, final: {acc: 1}}),
      run({id: 'b', point: {lr: 1}, state: 'FAILED'}),
      run({id: 'c', point: {lr: 1}, state: 'RUNNING'}),
      run({id: 'd', point: {lr: 2}, state: 'CANCELLED'}),
      run({id: 'e', point: {lr: 2}, state: 'QUEUED'}),
    ])
    const t = tables(pointsTable(m))[0]!
    expect(t.head).toEqual(['lr', 'ok/runs', 'failed', 'running', 'cancelled', 'acc'])
    expect(t.rows).toEqual([
      ['1', '1/3', '1', '1', '0', '1 (1)'],
      ['2', '0/2', '0', '1', '1', '–'],
    ])
  })

  test('with a baseline: an arrow only when the change is beyond the larger spread', () => {
    const pt = (lr: number): string => JSON.stringify([['lr', lr]])
    const m = model(
      [
        ...[0.89, 0.91].map((acc, i) => run({id: `a${i}`, point: {lr: 1}, final: {acc}})), // 0.9 ± 0.0141
        ...[0.8, 0.82].map((acc, i) => run({id: `b${i}`, point: {lr: 2}, final: {acc}})), // 0.81 ± 0.0141
        ...[0.7, 0.7].map((acc, i) => run({id: `c${i}`, point: {lr: 3}, final: {acc}})), // 0.7 ± 0
        run({id: 'd', point: {lr: 4}, final: {acc: 0.5}}),
      ],
      {
        baseline: {
          source: 'main@1a2b3c4',
          points: {
            [pt(1)]: {acc: {mean: 0.85, std: 0.01, n: 3}}, // +0.05 > 0.0141: ↑
            [pt(2)]: {acc: {mean: 0.8, std: 0.02, n: 3}}, // +0.01 < 0.02: ≈
            [pt(3)]: {acc: {mean: 0.75, std: 0.01, n: 3}}, // -0.05 > 0.01: ↓
          },
        },
      },
    )
    const md = pointsTable(m)
    expect(md.split('\n')[0]).toBe(
      `Mean ± sample standard deviation over seeds (n: succeeded runs with the metric). Δ: change of the mean against main@${WJ}1a2b3c4; ↑/↓ when it is larger than the larger of the two spreads, ≈ otherwise.`,
    )
    const t = tables(md)[0]!
    expect(t.head).toEqual(['lr', 'ok/runs', 'failed', 'running', 'acc', 'Δ acc'])
    expect(t.rows.map(r => r.slice(4))).toEqual([
      ['0.9 ± 0.0141 (2)', '↑ +0.05'],
      ['0.81 ± 0.0141 (2)', '≈ +0.01'],
      ['0.7 ± 0 (2)', '↓ -0.05'],
      ['0.5 (1)', '–'],
    ])
    expect(renderReport(m, {target: 'summary'}).markdown).toContain(
      `- The baseline (main@${WJ}1a2b3c4) has no values for 1 of 4 points: no Δ for them.`,
    )
  })

  test('different metric keys across runs: the union as columns, and what each run lacks', () => {
    const m = model([
      run({id: 'a', final: {acc: 0.9, f1: 0.8}}),
      run({id: 'b', final: {acc: 0.8}}),
      run({id: 'c', final: {}, problems: ['metrics.json is not JSON']}),
      run({id: 'd', final: {acc: NaN, loss: Infinity, f1: 0.6}}),
    ])
    const t = tables(pointsTable(m))[0]!
    expect(t.head.slice(3)).toEqual(['acc', 'f1'])
    expect(t.rows[0]!.slice(3)).toEqual(['0.85 ± 0.0707 (2)', '0.7 ± 0.141 (2)'])
    const md = renderReport(m, {target: 'summary'}).markdown
    expect(md).toContain('- metrics.json is not JSON: c (1 run).')
    expect(md).toContain('- 1 run had NaN or infinite final values, left out: d.')
    expect(md).toContain('- 1 succeeded run has no final metrics: c.')
    expect(md).toContain('- <code>acc</code> is missing from 1 of 4 succeeded runs: d.')
    expect(md).toContain('- <code>f1</code> is missing from 1 of 4 succeeded runs: b.')
    expect(md).toContain('- 4 runs have no metric history: curves from 0 of 4 runs.')
    expect(md).not.toMatch(/NaN \(|Infinity/)
  })
})

describe('curves', () => {
  test('one line per point, seeds averaged by step over the seeds that have it', () => {
    const m = model([
      run({
        id: 'a',
        point: {lr: 1},
        history: [
          {step: 0, loss: 1},
          {step: 10, loss: 2},
          {step: 20, loss: 3},
        ],
      }),
      run({
        id: 'b',
        point: {lr: 1},
        history: [
          {step: 10, loss: 5},
          {step: 20, loss: 6},
          {step: 30, loss: 7},
        ],
      }),
      run({
        id: 'c',
        point: {lr: 2},
        history: [
          {step: 0, loss: 4},
          {step: 10, loss: NaN},
          {step: 20, loss: Infinity},
        ],
      }),
    ])
    const c = curve(m, 'loss')
    expect(c.lines).toEqual([
      {
        label: 'lr=1',
        runs: 2,
        ends: [20, 30],
        points: [
          [0, 1],
          [10, 3.5],
          [20, 4.5],
          [30, 7],
        ],
      },
      {label: 'lr=2', runs: 1, ends: [0], points: [[0, 4]]},
    ])
    expect(c.skipped).toBe(2)
    const md = renderReport(m, {target: 'summary'}).markdown
    const [chart] = mermaidBlocks(md).map(parseChart)
    expect(chart).toEqual({
      palette: ['#2f81f7', '#f0883e'],
      title: 'loss',
      x: {min: 0, max: 30},
      y: {title: 'loss', min: 0.7, max: 7.3},
      lines: [
        {name: 'lr=1', values: [1, 3.5, 4.5, 7]},
        {name: 'lr=2', values: [4, 4, 4, 4]},
      ],
    })
    expect(md).toContain('<sub>🟦 lr=1 (2 runs; 1 of them ends before step 30) · 🟧 lr=2 (1 run; to step 0)</sub>')
    expect(md).toContain(
      '- 2 values of <code>loss</code> in the histories were NaN or infinite: left out of the curves.',
    )
    for (const b of mermaidBlocks(md)) expect(b).not.toMatch(/NaN|Infinity/)
  })

  test('long histories are cut down to 100 steps on an exact grid, the same way every time', () => {
    const m = sweep({points: 3, seeds: 2, steps: 10_000, every: 3})
    const a = curves(m)
    expect(curves(m)).toBe(a)
    const charts = mermaidBlocks(a).map(parseChart)
    expect(charts.map(c => c.title)).toEqual(['loss', 'acc'])
    for (const c of charts) {
      expect(c.x).toEqual({min: 0, max: 29_997}) // 29_997 / 99 = 303 a step
      for (const l of c.lines) {
        expect(l.values).toHaveLength(100)
        expect(mermaidLinearCount(0, 29_997, 100)).toBe(100)
        for (const v of l.values) expect(v).toBeGreaterThanOrEqual(c.y.min)
        for (const v of l.values) expect(v).toBeLessThanOrEqual(c.y.max)
      }
    }
  })

  test('a grid Mermaid would rebuild with a step short falls back to categories', () => {
    // mermaid adds (max - min)/(n - 1) in doubles, and 0.3/7 seven times overshoots 0.3
    expect(mermaidLinearCount(0, 0.3, 8)).toBe(7)
    const g = grid([{label: 'x', runs: 1, ends: [], points: [0, 0.1, 0.3].map(s => [s, s] as [number, number])}])
    expect(g.linear).toBe(false)
    expect(g.steps).toHaveLength(100)
    const whole = grid([{label: 'x', runs: 1, ends: [], points: [0, 7, 300].map(s => [s, s] as [number, number])}])
    expect(whole).toEqual({linear: true, steps: Array.from({length: 76}, (_, j) => j * 4)})
    expect(
      resample(
        [
          [0, 1],
          [10, 3],
        ],
        [0, 5, 10, 15],
      ),
    ).toEqual([1, 2, 3, 3])
  })

  test('more points than colours: charts of 8 lines each', () => {
    const m = sweep({points: 10, seeds: 1, steps: 4})
    const charts = mermaidBlocks(curves(m)).map(parseChart)
    expect(charts.map(c => [c.title, c.lines.length])).toEqual([
      ['loss (1 of 2)', 8],
      ['loss (2 of 2)', 2],
      ['acc (1 of 2)', 8],
      ['acc (2 of 2)', 2],
    ])
    expect(curves(model([run({id: 'a'})]))).toBe('')
  })

  test('the primary metric: the model says, else the first non-loss metric in the histories', () => {
    const m = model([run({id: 'a', history: [{step: 0, loss: 1, f1: 2, acc: 3}]})])
    expect(mermaidBlocks(curves(m)).map(b => parseChart(b).title)).toEqual(['loss', 'f1'])
    expect(mermaidBlocks(curves({...m, primaryMetric: 'acc'})).map(b => parseChart(b).title)).toEqual(['loss', 'acc'])
    const md = renderReport({...m, primaryMetric: 'bleu'}, {target: 'summary'}).markdown
    expect(md).toContain('- No history has <code>bleu</code>: no curve of it.')
  })
})

describe('conclusion', () => {
  const ok = (id: string, acc: number): ReturnType<typeof run> => run({id, final: {acc}})
  const base = {source: 'main', points: {'[]': {acc: {mean: 0.9, std: 0.001, n: 3}}}}
  test.each<[string, ReportModel, Parameters<typeof conclusion>[1], string | undefined]>([
    ['all succeeded', model([ok('a', 0.9)]), {}, 'success'],
    ['still running', model([ok('a', 0.9), run({id: 'b', state: 'RUNNING'})]), {}, undefined],
    ['launch still ACTIVE', model([ok('a', 0.9)], {status: 'ACTIVE'}), {}, undefined],
    ['a failure', model([ok('a', 0.9), run({id: 'b', state: 'FAILED', reason: 'exit 1'})]), {}, 'failure'],
    ['an error', model([ok('a', 0.9), run({id: 'b', state: 'ERROR'})]), {}, 'failure'],
    [
      'time limit',
      model([ok('a', 0.9), run({id: 'b', state: 'FAILED', reason: 'reached its time limit'})]),
      {},
      'timed_out',
    ],
    [
      'time limit and a real failure',
      model([run({id: 'a', state: 'FAILED', reason: 'RUN_TIMEOUT_SEC=60 reached'}), run({id: 'b', state: 'FAILED'})]),
      {},
      'failure',
    ],
    ['cancelled', model([ok('a', 0.9), run({id: 'b', state: 'CANCELLED'})]), {}, 'cancelled'],
    ['nothing ran', model([]), {}, 'cancelled'],
    [
      'a warning regression',
      model([ok('a', 0.85)], {baseline: base}),
      {failOn: {acc: {warn: 0.01, fail: 0.1}}},
      'neutral',
    ],
    [
      'a failing regression',
      model([ok('a', 0.7)], {baseline: base}),
      {failOn: {acc: {warn: 0.01, fail: 0.1}}},
      'failure',
    ],
    ['better is not a regression', model([ok('a', 0.99)], {baseline: base}), {failOn: {acc: {fail: 0.01}}}, 'success'],
    ['within the spread', model([ok('a', 0.8995)], {baseline: base}), {failOn: {acc: {fail: 0}}}, 'success'],
    [
      'lower is better for a loss',
      model([run({id: 'a', final: {loss: 2}})], {
        baseline: {source: 'm', points: {'[]': {loss: {mean: 1, std: 0, n: 1}}}},
      }),
      {failOn: {loss: {fail: 0.5}}},
      'failure',
    ],
    ['no baseline to compare with', model([ok('a', 0.9)]), {failOn: {acc: {fail: 0.1}}}, 'neutral'],
  ])('[%#] %s', (_, m, o, want) => {
    expect(conclusion(m, o).conclusion).toBe(want)
  })

  test('titles', () => {
    const m = model([
      run({id: 'a', point: {lr: 1}, final: {acc: 0.9}}),
      run({id: 'b', point: {lr: 1}, final: {acc: 0.92}}),
      run({id: 'c', point: {lr: 2}, final: {acc: 0.5}}),
      run({id: 'd', point: {lr: 2}, state: 'FAILED', reason: 'timeout'}),
    ])
    expect(conclusion(m)).toEqual({
      conclusion: 'timed_out',
      title: 'resnet: 3/4 succeeded, 1 failed · best acc 0.91 ± 0.0141 (lr=1)',
      reasons: ['1 run reached its time limit.'],
    })
    expect(conclusion(model([run({id: 'a', final: {acc: 0.9}}), run({id: 'b', final: {acc: 0.92}})])).title).toBe(
      'resnet: 2/2 succeeded · acc 0.91 ± 0.0141',
    )
    const r = conclusion(
      model([run({id: 'a', point: {lr: 1}, final: {acc: 0.7}})], {
        baseline: {source: 'main@x', points: {'[["lr",1]]': {acc: {mean: 0.9, std: 0, n: 1}}}},
      }),
      {
        failOn: {acc: {fail: 0.1}},
      },
    )
    expect(r).toEqual({
      conclusion: 'failure',
      title: 'resnet: 1/1 succeeded · acc 0.7 · 1 regression',
      reasons: ['acc at lr=1: 0.7 against 0.9 on main@x (-0.2, worse by more than 0.1).'],
    })
  })
})

test('renderReports: the three targets, each under its own limit when asked for less', () => {
  const m = sweep({points: 200, seeds: 3, steps: 10})
  const r = renderReports(m, {limits: {check: 8_000}})
  expect(bytes(r.check)).toBeLessThanOrEqual(8_000)
  expect(r.shortened.check).toMatch(
    /^the runs table \(600 runs\) is left out; the curves \(50 charts\) are left out; the points table shows \d+ of 200 points$/,
  )
  expect(r.shortened.summary).toBeUndefined()
  expect(r.comment.split('\n')[0]).toBe(r.marker)
  expect(r).toMatchObject({
    conclusion: 'success',
    title: 'resnet: 600/600 succeeded · best acc 0.99 ± 0.01 (lr=20)',
    reasons: [],
  })
})
