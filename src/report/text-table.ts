/**
 * A table for a terminal: columns padded to their widest cell, two spaces apart, trailing
 * space trimmed; with `rule`, a line of dashes under the header.
 */
export function textTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  o: {rule?: boolean} = {},
): string {
  const all = [head, ...rows]
  const widths = head.map((_, c) => Math.max(...all.map(r => (r[c] ?? '').length)))
  const line = (r: readonly string[]): string =>
    widths
      .map((w, c) => (r[c] ?? '').padEnd(w))
      .join('  ')
      .trimEnd()
  return [line(head), ...(o.rule ? [widths.map(w => '-'.repeat(w)).join('  ')] : []), ...rows.map(line)].join('\n')
}
