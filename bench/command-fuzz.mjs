// The `/train` comment parser under fuzz (issue 11, "Security tests"): the same generator and
// checks as test/unit/chatops/command.test.ts, at a million inputs (BENCH_FUZZ_N) instead of
// 100,000, from a seed (BENCH_FUZZ_SEED) so a failure can be replayed. Every input must be
// parsed or refused with a message, never throw; every parsed launch must read back the same
// from its canonical form. Prints the time in all (generating and checking included) and parsing alone, inputs parsed per
// second, the slowest single parse and the outcomes.
// Imports src/chatops/command.ts and the test's generator as TypeScript through Node's type
// stripping (Node 24; both hold only erasable syntax and no runtime imports), so it needs no
// build.
import {parseComment, renderArgs} from '../src/chatops/command.ts'
import {fuzz} from '../test/unit/chatops/fuzz.ts'
import {table} from './lib.mjs'

const N = Number(process.env.BENCH_FUZZ_N ?? 1_000_000)
const SEED = Number(process.env.BENCH_FUZZ_SEED ?? 1)

const r = fuzz({parseComment, renderArgs}, N, SEED)
const rows = Object.entries(r.outcomes)
  .sort((a, b) => b[1] - a[1])
  .map(([k, n]) => [k, n, `${((100 * n) / r.inputs).toFixed(2)}%`])
console.log(`/train parser fuzz: ${r.inputs} inputs (seed ${SEED})`)
console.log(table(rows, ['outcome', 'inputs', 'share']))
console.log(
  table(
    [
      [
        r.inputs,
        `${(r.ms / 1000).toFixed(1)} s`,
        `${(r.parseMs / 1000).toFixed(1)} s`,
        Math.round(r.inputs / (r.parseMs / 1000)),
        `${r.maxMs.toFixed(2)} ms`,
        r.roundTrips,
        r.failures.length,
      ],
    ],
    ['inputs', 'time in all', 'time parsing', 'parsed inputs/s', 'slowest parse', 'round trips', 'failures'],
  ),
)
if (r.failures.length > 0) {
  for (const f of r.failures) console.error(f)
  process.exit(1)
}
