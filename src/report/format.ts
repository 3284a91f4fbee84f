/** Numbers and durations as a report shows them. */

/** A metric value: 3 significant digits, exponent notation outside [0.001, 1000); `–` when not finite. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '–'
  if (x === 0) return '0'
  return Math.abs(x) >= 1000 || Math.abs(x) < 0.001 ? x.toExponential(2) : String(+x.toPrecision(3))
}

/** A difference with its sign: `+0.05`, `-0.012`, `0`. */
export function signed(x: number): string {
  return x > 0 ? `+${num(x)}` : num(x)
}

/** A mean over seeds: `0.91 ± 0.01 (3)`; one seed has no spread: `0.91 (1)`. */
export function meanStd(v: {mean: number; std: number; n: number}): string {
  return v.n > 1 ? `${num(v.mean)} ± ${num(v.std)} (${v.n})` : `${num(v.mean)} (${v.n})`
}

/** A count with thousands separators: `5,000`. */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** `1 run`, `3 runs`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`
}

/** A duration in seconds: `45s`, `3m 05s`, `2h 04m`, `3d 02h`; `–` when unknown. */
export function duration(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s) || s < 0) return '–'
  const t = Math.round(s)
  const two = (n: number): string => String(n).padStart(2, '0')
  if (t < 60) return `${t}s`
  if (t < 3600) return `${Math.floor(t / 60)}m ${two(t % 60)}s`
  if (t < 86_400) return `${Math.floor(t / 3600)}h ${two(Math.floor((t % 3600) / 60))}m`
  return `${Math.floor(t / 86_400)}d ${two(Math.floor((t % 86_400) / 3600))}h`
}

const MERMAID_NUMBER = new Intl.NumberFormat('en-US', {useGrouping: false, maximumSignificantDigits: 5})

/**
 * A number as Mermaid's xychart grammar reads it (`[+-]?(\d+(\.\d+)?|\.\d+)`: no exponent, no
 * grouping): 5 significant digits.
 */
export function mermaidNumber(x: number): string {
  const y = +x.toPrecision(5)
  if (y === 0) return '0'
  const s = String(y)
  // String() switches to exponent notation below 1e-6 and from 1e21 on; Intl never does (but is slow)
  return s.includes('e') ? MERMAID_NUMBER.format(y) : s
}
