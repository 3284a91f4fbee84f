import {textTable} from '../report/text-table.js'
import type {LedgerRun} from '../ledger/ledger.js'
import type {Plan} from '../plan/types.js'

const secs = (r: LedgerRun): string => {
  if (!r.startedAt) return ''
  const end = r.endedAt ? Date.parse(r.endedAt) : Date.now()
  return `${((end - Date.parse(r.startedAt)) / 1000).toFixed(1)}s`
}

/** The runs of a launch as a terminal table: id, state, the swept parameters, seed, exit code, duration, final metrics. */
export function runsTable(runs: readonly LedgerRun[], swept: readonly string[] = []): string {
  const metricKeys = [...new Set(runs.flatMap(r => Object.keys(r.metrics)))].sort().slice(0, 4)
  const head = ['run', 'state', ...swept, 'seed', 'exit', 'time', ...metricKeys, 'reason']
  const rows = runs.map(r => {
    const m = r.metrics
    return [
      r.id,
      // the backend's own word where it says more (QUEUED (PENDING), FAILED (TIMEOUT))
      r.nativeState && !r.state.startsWith(r.nativeState) ? `${r.state} (${r.nativeState})` : r.state,
      ...swept.map(k => (k in r.params ? String(r.params[k]) : '')),
      String(r.seed),
      r.exitCode === undefined ? '' : String(r.exitCode),
      secs(r),
      ...metricKeys.map(k => (m[k] === undefined ? '' : String(+m[k].toPrecision(4)))),
      r.reason ?? '',
    ]
  })
  return textTable(head, rows)
}

/** A plan as a terminal table. */
export function planTable(p: Plan): string {
  const keys = [...new Set(p.runs.flatMap(r => Object.keys(r.overrides)))]
  return [
    `${p.experiment}: ${p.runs.length} run${p.runs.length === 1 ? '' : 's'} (launch ${p.launchId})`,
    textTable(
      ['run', 'seed', ...keys],
      p.runs.map(r => [r.id, String(r.seed), ...keys.map(k => String(r.params[k]))]),
    ),
  ].join('\n')
}
