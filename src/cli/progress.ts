import type {ProgressEvent} from '../backends/pool.js'
import type {Plan} from '../plan/types.js'

/**
 * Progress of a launch on a terminal: one live line (queued, running, done, failed,
 * elapsed); when not a terminal, one plain line per state change.
 */
export function progressReporter(
  stream: NodeJS.WriteStream,
  now: () => number = Date.now,
): (e: ProgressEvent, plan: Plan) => void {
  const t0 = now()
  const state = new Map<string, string>()
  const elapsed = (): string => {
    const s = Math.floor((now() - t0) / 1000)
    return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
  }
  return (e, plan) => {
    state.set(e.run.id, e.state)
    if (!stream.isTTY) {
      if (e.state === 'STARTING') return
      const done = [...state.values()].filter(x => !['STARTING', 'RUNNING'].includes(x)).length
      const point = Object.entries(e.run.point)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')
      stream.write(
        `[${elapsed()}] ${e.run.id} ${e.state} (${done}/${plan.runs.length} done${point ? `; ${point}` : ''}; seed ${e.run.seed})` +
          `${e.detail ? `\n${e.detail.replace(/^/gm, '    ')}` : ''}\n`,
      )
      return
    }
    const n = (pred: (s: string) => boolean): number => [...state.values()].filter(pred).length
    const done = n(s => s === 'SUCCEEDED')
    const failed = n(s => s === 'FAILED' || s === 'ERROR')
    const cancelled = n(s => s === 'CANCELLED')
    const running = n(s => s === 'STARTING' || s === 'RUNNING')
    const unrecorded = n(s => s === 'UNRECORDED')
    const queued = plan.runs.length - done - failed - cancelled - running - unrecorded
    const line = `${plan.launchId}: ${queued} queued, ${running} running, ${done} done, ${failed} failed${cancelled ? `, ${cancelled} cancelled` : ''}${unrecorded ? `, ${unrecorded} not recorded (ledger busy)` : ''}, ${elapsed()}`
    stream.write(`\r\x1b[2K${line}`)
    if (e.state === 'FAILED' && e.detail)
      stream.write(`\r\x1b[2K${e.run.id} failed:\n${e.detail.replace(/^/gm, '    ')}\n${line}`)
    if (queued === 0 && running === 0) stream.write('\n')
  }
}
