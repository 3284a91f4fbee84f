/**
 * A launch's durable record on GitHub. On GitHub the ledger file dies with the workflow job,
 * but training may outlive the job: the launch's check run keeps what is needed to find its
 * runs again, as a hidden block in its output text (an HTML comment, which GitHub does not
 * show): the launch and its runs as the ledger last saw them, gzipped and base64-encoded, and
 * what reporting has spent of its request budget. `trainer reconcile` (actions/reconcile)
 * reads it back into a ledger of its own, polls the backend, and writes the record again.
 *
 * The record is data, never configuration: a reconcile takes the backend's options from its
 * own trainer.yml (the default branch's), so a record cannot point it at another host.
 */
import {gunzipSync, gzipSync} from 'node:zlib'
import {z} from 'zod'
import {EXPERIMENT_NAME} from '../config/schema.js'
import type {LedgerLaunch, LedgerRun} from '../ledger/ledger.js'
import {RUN_STATES} from '../ledger/states.js'
import {LAUNCH_ID} from '../plan/plan.js'
import {RunOutput} from '../runner/contract.js'

/** What reporting a launch has spent of GitHub's requests, and when its check run was last written. */
export interface ReportBudget {
  /** Requests made to GitHub's API for this launch so far (every report and reconcile). */
  requests: number
  /** When its check run was last written. */
  updatedAt?: string | undefined
  /** The runs' states then (statesKey): a change is always worth an update. */
  states?: string | undefined
  /** The sticky PR comment reporting wrote: later reports edit it without searching the PR's comments. */
  commentId?: number | undefined
}

export interface LaunchRecordBlock {
  v: 1
  launch: LedgerLaunch
  runs: LedgerRun[]
  budget: ReportBudget
}

const PREFIX = '<!-- trainer-action:launch-record v1 '
const SUFFIX = ' -->'
const BLOCK = /<!-- trainer-action:launch-record v1 ([A-Za-z0-9+/]+={0,2}) -->/

/**
 * Bounds on a record, checked before it is parsed and validated: a crafted block of a few
 * hundred bytes can inflate to millions of empty objects, which take a GiB to parse and
 * more to validate (an issue per missing field). A check run's text (65,535 characters)
 * holds about 1.5 MB of a real record, ten objects or so per run.
 */
const MAX_JSON_BYTES = 8 * 1024 * 1024
const MAX_CONTAINERS = 200_000
const MAX_RUNS = 10_000

/** Objects and arrays in a JSON text, at most (a `{` or `[` inside a string counts too). */
function containers(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x7b || c === 0x5b) n++
  }
  return n
}

const runCount = (x: unknown): number => (Array.isArray(x) ? x.length : 0)

/** A run's fields that its plan entry holds too: left out of the block, taken from the plan again. */
const FROM_PLAN = [
  'launchId',
  'experiment',
  'index',
  'seed',
  'params',
  'resources',
  'image',
  'output',
  'backend',
] as const

const RunShape = z.looseObject({
  id: z.string().min(1),
  state: z.enum(RUN_STATES),
  attempt: z.number().int().min(1),
  handle: z.string().optional(),
  metrics: z.record(z.string(), z.number()),
  links: z.record(z.string(), z.string()),
})

const launchId = z.string().regex(LAUNCH_ID, 'not a launch id')
const experiment = z.string().regex(EXPERIMENT_NAME, 'not an experiment name')

const RecordShape = z.object({
  v: z.literal(1),
  launch: z.looseObject({
    id: launchId,
    experiment,
    backend: z.string().min(1),
    createdAt: z.string(),
    status: z.enum(['ACTIVE', 'SUCCEEDED', 'FAILED', 'CANCELLED']),
    plan: z.looseObject({
      launchId,
      experiment,
      runs: z
        .array(
          z.looseObject({
            id: z.string().min(1),
            experiment: z.string(),
            index: z.number().int().min(0),
            seed: z.number().int(),
            params: z.record(z.string(), z.unknown()),
            point: z.record(z.string(), z.unknown()),
            resources: z.record(z.string(), z.unknown()),
            output: RunOutput,
            backend: z.string(),
          }),
        )
        .min(1),
    }),
  }),
  runs: z.array(RunShape),
  budget: z.object({
    requests: z.number().int().min(0),
    updatedAt: z.string().optional(),
    states: z.string().optional(),
    commentId: z.number().int().positive().optional(),
  }),
})

/** The hidden block for a check run's output text. */
export function encodeRecord(r: LaunchRecordBlock): string {
  const skip = new Set<string>(FROM_PLAN)
  const runs = r.runs.map(run => Object.fromEntries(Object.entries(run).filter(([k]) => !skip.has(k))))
  return PREFIX + gzipSync(JSON.stringify({...r, runs}), {level: 9}).toString('base64') + SUFFIX
}

/**
 * The record a check run's output text holds, or why it cannot be read (`none` when the text
 * has no block: a check run made by something else, or by a release before records).
 */
export function decodeRecord(text: string | null | undefined): LaunchRecordBlock | {problem: string} {
  const m = BLOCK.exec(text ?? '')
  if (!m) return {problem: 'none'}
  let raw: unknown
  try {
    const json = gunzipSync(Buffer.from(m[1]!, 'base64'), {maxOutputLength: MAX_JSON_BYTES}).toString('utf8')
    if (containers(json) > MAX_CONTAINERS)
      return {problem: `its launch record cannot be read (over ${MAX_CONTAINERS} objects)`}
    raw = JSON.parse(json)
  } catch (e: unknown) {
    return {problem: `its launch record cannot be read (${(e as Error).message})`}
  }
  const shape = raw as {runs?: unknown; launch?: {plan?: {runs?: unknown}}} | null
  if (Math.max(runCount(shape?.runs), runCount(shape?.launch?.plan?.runs)) > MAX_RUNS)
    return {problem: `its launch record is not one (over ${MAX_RUNS} runs)`}
  const r = RecordShape.safeParse(raw)
  if (!r.success) {
    const i = r.error.issues[0]!
    return {problem: `its launch record is not one (${i.path.join('.') || 'the record'}: ${i.message})`}
  }
  const launch = r.data.launch as unknown as LedgerLaunch
  const not = (why: string) => ({problem: `its launch record is not one (${why})`})
  // one launch, whole: its plan's, every run of it once, nothing of another launch
  if (launch.plan.launchId !== launch.id) return not(`launch ${launch.id} holds the plan of ${launch.plan.launchId}`)
  if (launch.plan.experiment !== launch.experiment || launch.plan.runs.some(x => x.experiment !== launch.experiment))
    return not(`its plan is not experiment ${launch.experiment}'s`)
  const planned = new Map(launch.plan.runs.map(x => [x.id, x]))
  if (planned.size !== launch.plan.runs.length) return not('its plan holds a run twice')
  const alien = launch.plan.runs.find(x => !x.id.startsWith(`${launch.id}.`))
  if (alien) return not(`run ${alien.id} is not a run of launch ${launch.id}`)
  const runs: LedgerRun[] = []
  for (const x of r.data.runs) {
    const p = planned.get(x.id)
    if (!p) return not(`run ${x.id} is not in launch ${launch.id}`)
    runs.push({
      ...(x as unknown as LedgerRun),
      launchId: launch.id,
      experiment: p.experiment,
      index: p.index,
      seed: p.seed,
      params: p.params,
      resources: p.resources,
      image: p.image,
      output: p.output,
      backend: p.backend,
    })
  }
  if (runs.length !== planned.size || new Set(runs.map(x => x.id)).size !== planned.size)
    return not(`it holds ${runs.length} runs for the ${planned.size} of its plan`)
  return {v: 1, launch, runs, budget: r.data.budget}
}

/** Bytes the block of this record takes. */
export const recordSize = (r: LaunchRecordBlock): number => encodeRecord(r).length

/** Requests to GitHub's API one launch may use over its whole life (issue 10). */
export const REQUEST_BUDGET = 200

/** Kept back from progress updates for the final report (the check run, its annotations, the comment). */
export const FINAL_RESERVE = 20

/** A check run is updated at most this often, unless a run changed state. */
export const MIN_UPDATE_S = 30

/** The runs' states as a key: a report whose key changed is a state change. */
export function statesKey(runs: readonly {state: string}[]): string {
  const n = new Map<string, number>()
  for (const r of runs) n.set(r.state, (n.get(r.state) ?? 0) + 1)
  return [...n]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([s, k]) => `${s}:${k}`)
    .join(',')
}

/**
 * Whether a report update is due. A final one always is, and so is the first. A progress update
 * is due when a run changed state since the last one, at most every MIN_UPDATE_S (`waitMs`
 * says how long until it may be sent), and only while the launch's budget has more than
 * FINAL_RESERVE requests left.
 */
export function updateDue(
  prev: ReportBudget | undefined,
  o: {now: Date; states: string; final: boolean},
): {due: boolean; why: string; waitMs?: number} {
  if (o.final) return {due: true, why: 'final'}
  if (!prev) return {due: true, why: 'first report'}
  if (prev.requests >= REQUEST_BUDGET - FINAL_RESERVE)
    return {
      due: false,
      why: `${prev.requests} of ${REQUEST_BUDGET} requests used; the rest are kept for the final report`,
    }
  if (prev.states === o.states) return {due: false, why: 'no run changed state'}
  const since = prev.updatedAt ? (o.now.getTime() - Date.parse(prev.updatedAt)) / 1000 : Infinity
  return since >= MIN_UPDATE_S
    ? {due: true, why: 'a run changed state'}
    : {
        due: false,
        why: `a run changed state, but the check run was updated ${Math.round(since)} s ago (at most every ${MIN_UPDATE_S} s)`,
        waitMs: Math.ceil((MIN_UPDATE_S - since) * 1000),
      }
}
