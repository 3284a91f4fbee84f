/**
 * The run contract: what a launcher hands `trainer run` (TRAINER_RUN_SPEC) and what
 * `trainer run` leaves behind (metrics.json). Writer and reader both go through these
 * schemas, because the launcher and the image may run different releases, and because a
 * run directory is written by the training too: nothing read back from it is trusted
 * until it passes here.
 */
import {posix} from 'node:path'
import {z} from 'zod'

export const CONTRACT_VERSION = 1

const scalar = z.union([z.string(), z.number(), z.boolean()])
const noNul = (what: string) => z.string().refine(s => !s.includes('\0'), `${what} must not contain a NUL byte`)

/**
 * A run directory relative to the results root: POSIX, relative, normalized, no `..`, no
 * empty or dot components (`exp/runs/000`).
 */
export const RunOutput = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    p =>
      !p.includes('\\') &&
      !p.includes('\0') &&
      !posix.isAbsolute(p) &&
      posix.normalize(p) === p &&
      p.split('/').every(c => c !== '' && c !== '.' && c !== '..'),
    'must be a relative path inside the results root (no "..", no leading "/", no backslashes)',
  )

export const RunSpecSchema = z.strictObject({
  /** Absent in specs from releases before the contract was versioned: read as 1. */
  version: z.literal(CONTRACT_VERSION).optional(),
  experiment: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'experiment names are letters, digits, _ . -'),
  index: z.number().int().min(0),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  params: z
    .record(
      z.string(),
      scalar.refine(v => typeof v !== 'string' || !v.includes('\0'), 'no NUL'),
    )
    .optional(),
  command: z.array(noNul('a command word').min(1)).min(1),
  argsStyle: z.enum(['container-main', 'env']).optional(),
  output: RunOutput.optional(),
  outputs: z.array(noNul('an outputs glob').min(1)).optional(),
})

export type RunSpecInput = z.infer<typeof RunSpecSchema>

export const RUN_STATUSES = ['succeeded', 'failed', 'interrupted', 'timeout', 'config_error', 'upload_failed'] as const

const finite = z.number().refine(Number.isFinite, 'must be a finite number')

/** metrics.json as `trainer run` writes it (version 1). */
export const RunMetricsSchema = z.object({
  version: z.literal(CONTRACT_VERSION),
  experiment: z.string(),
  run_index: z.number().int().min(0),
  seed: z.number().int(),
  params: z.record(z.string(), scalar),
  tag: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  exit_code: z.number().int(),
  reason: z.string().max(4096).nullable(),
  started_at: z.string(),
  ended_at: z.string(),
  duration_s: finite,
  final: z.record(z.string(), finite),
  history: z.array(z.record(z.string(), finite)),
})

export type RunMetricsContract = z.infer<typeof RunMetricsSchema>

const RunMetricsHead = RunMetricsSchema.extend({history: z.array(z.unknown())})

/**
 * The same contract, read fast: the history (up to tens of thousands of points per run, a
 * thousand runs in a report) is checked by a plain loop instead of a schema per point, with
 * the same rule: each point an object of finite numbers. The same answer as RunMetricsSchema.
 */
export function parseRunMetricsFast(
  raw: unknown,
): {success: true; data: RunMetricsContract} | {success: false; error: string} {
  const head = RunMetricsHead.safeParse(raw)
  if (!head.success) return {success: false, error: firstIssue(head.error)}
  for (const [i, p] of head.data.history.entries()) {
    if (p === null || typeof p !== 'object' || Array.isArray(p))
      return {success: false, error: `history.${i}: not an object`}
    for (const [k, v] of Object.entries(p))
      if (typeof v !== 'number' || !Number.isFinite(v))
        return {success: false, error: `history.${i}.${k}: must be a finite number`}
  }
  return {success: true, data: head.data as RunMetricsContract}
}

/** The first issue of a failed parse, as `path: message`. */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0]
  if (!i) return 'invalid'
  return `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`
}
