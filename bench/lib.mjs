// Shared helpers of the benchmarks: timing of whole processes, medians, table output.
import {spawnSync} from 'node:child_process'

/** Runs a command `runs` times (after `warmup` runs) and returns wall times in ms. */
export function timeCommand(cmd, args, opts = {}, runs = 10, warmup = 2) {
  const times = []
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(cmd, args, {stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, ...opts})
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
    if (i >= warmup) times.push(ms)
  }
  return stats(times)
}

/**
 * Times several commands in rounds (each round runs every command once, after `warmup`
 * rounds), so that load from elsewhere on the machine falls on all of them alike; for
 * ratios between them. `cmds` maps a name to [cmd, args, opts]; returns stats by name.
 */
export function timeRounds(cmds, runs = 10, warmup = 2) {
  const times = Object.fromEntries(Object.keys(cmds).map(k => [k, []]))
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, [cmd, args, opts = {}]] of Object.entries(cmds)) {
      const t0 = process.hrtime.bigint()
      const r = spawnSync(cmd, args, {stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, ...opts})
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      if (r.status !== 0) throw new Error(`${name}: ${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
      if (i >= warmup) times[name].push(ms)
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, stats(t)]))
}

export function stats(times) {
  const s = [...times].sort((a, b) => a - b)
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  return {median, min: s[0], max: s[s.length - 1], runs: s.length}
}

export function table(rows, headers) {
  const all = [headers, ...rows].map(r => r.map(String))
  const w = headers.map((_, i) => Math.max(...all.map(r => r[i].length)))
  const line = r => '| ' + r.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |'
  return [line(all[0]), '|' + w.map(n => '-'.repeat(n + 2)).join('|') + '|', ...all.slice(1).map(line)].join('\n')
}

export const fmt = ms => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`
