/**
 * The backend seam: what every place a launch's runs can happen (local processes, the local
 * Docker engine, a Slurm cluster, Vertex AI, self-hosted runners) implements, and the typed
 * values that cross it. The launch driver (src/backends/driver.ts) is the only caller; no
 * action or CLI verb looks inside a backend's handles.
 *
 * Shape (after submitit, SkyPilot and W&B Launch; see docs/architecture.md):
 * - `submit` is idempotent: a backend finds what an earlier attempt of the same launch
 *   submitted (by a key in the job name or a label) and submits only what is missing;
 * - `poll` observes every run of a launch in as few backend calls as the backend allows;
 * - `cancel` is a request: runs are CANCELLED only once observed so;
 * - `collect` reads a finished run's results where it ran.
 */
import {TrainerError} from '../kit/errors.js'
import type {RunMetricsContract} from '../runner/contract.js'
import type {Ledger, LedgerLaunch, LedgerRun} from '../ledger/ledger.js'
import type {RunState} from '../ledger/states.js'
import type {BackendConfig} from '../config/backends.js'
import type {ProgressEvent} from './pool.js'
import {parseLocalHandle} from './local/process.js'

export const BACKEND_TYPES = ['local', 'local-docker', 'slurm', 'vertex', 'self-hosted'] as const
export type BackendType = (typeof BACKEND_TYPES)[number]

/**
 * A run's handle as the ledger keeps it (JSON in `runs.handle`): which backend, which
 * attempt, and the backend's own reference (`native`), opaque to everything but that backend.
 */
export interface Handle {
  v: 1
  kind: BackendType
  /** 1 for the first submission; a requeue after preemption or node failure adds one. */
  attempt: number
  native: Record<string, unknown>
}

/** What a poll saw of one run. */
export interface Observation {
  /** The ledger state this stands for (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, ERROR). */
  state: RunState
  /** The backend's own state word (Slurm `PENDING`, `NODE_FAIL`; a container's `exited`). */
  native?: string | undefined
  /** Why it is in that state (Slurm's reason `Resources`, a failure's cause). */
  reason?: string | undefined
  exitCode?: number | undefined
  /** Lost by the backend, not by the training (preempted, node failure): may be submitted again. */
  requeue?: boolean | undefined
}

/** A finished run's results, read where it ran. */
export interface RunResults {
  metrics?: RunMetricsContract | undefined
  /** Why metrics.json could not be used, when it could not. */
  problem?: string | undefined
  /** The last lines of its log (shown for a failure). */
  logTail: string[]
  /** Where its results are (a path or URL), for the ledger's result_url. */
  resultUrl?: string | undefined
}

/** Where to look at a run: its log, its artifacts, the backend's own page. */
export interface RunLinks {
  log?: string
  artifacts?: string
  page?: string
}

/** What a backend is given for one launch. */
export interface LaunchContext {
  launch: LedgerLaunch
  ledger: Ledger
  log: (message: string) => void
  warn: (message: string) => void
  /** The launcher's environment (secrets are named by the backend's options, read from here). */
  env: Readonly<Record<string, string | undefined>>
  workspace: string
  /** Where SIGINT/SIGTERM arrive while a local backend runs the launch in this process. */
  signals: NodeJS.EventEmitter
  /** Seconds a stopped run gets before it is killed. */
  gracePeriod?: number | undefined
  /** Runs at a time on the local backends (the launch's setting; else the backend's). */
  parallel?: number | undefined
  /** The registry's digest of the runs' image, recorded with each submitted run. */
  imageDigest?: string | undefined
  /** Told of every state change the launcher makes (the CLI's progress lines). */
  progress?: ((e: ProgressEvent) => void) | undefined
  /** Told of the results collected for each run that ended (a report's curves keep their histories). */
  collected?: ((run: LedgerRun, results: RunResults) => void) | undefined
}

export type CancelOutcome = 'sent' | 'gone' | 'unknown'

/** A run that `submit` placed on the backend. */
export interface Submitted {
  runId: string
  handle: Handle
  /** Found from an earlier attempt of the same launch, not submitted now. */
  adopted: boolean
}

export interface Backend {
  readonly type: BackendType
  /** The name trainer.yml gives it (`slurm`, `gpu-cluster`). */
  readonly name: string
  /**
   * true: runs are held by a scheduler elsewhere and go on without the launcher; `submit`
   * returns once they are submitted. false (local, local-docker): the runs are the
   * launcher's own work and `submit` returns when they have all ended.
   */
  readonly remote: boolean
  /** Places the runs (CREATED ones of the launch) on the backend; see the module comment. */
  submit(ctx: LaunchContext, runs: readonly LedgerRun[]): Promise<Submitted[]>
  /** What the backend says of each run (by run id); runs it has no word on are left out. */
  poll(ctx: LaunchContext, runs: readonly LedgerRun[]): Promise<Map<string, Observation>>
  /**
   * Asks the backend to stop these runs. Per run: 'sent', 'gone' (it had already ended), or
   * 'unknown' (it cannot be checked from here, so nothing was sent).
   */
  cancel(ctx: LaunchContext, runs: readonly LedgerRun[]): Promise<Map<string, CancelOutcome>>
  /** A finished run's results. */
  collect(ctx: LaunchContext, run: LedgerRun): Promise<RunResults>
  links(ctx: LaunchContext, run: LedgerRun): RunLinks
  /**
   * Why a run's handle is not one this backend, as configured here, made for this launch
   * (undefined when it is, or when the run has none). A handle read back from a check run's
   * launch record is data: `trainer reconcile` asks before it polls or reads anything, so a
   * record cannot point it at another job or another directory.
   */
  foreignHandle?(ctx: LaunchContext, run: LedgerRun): Promise<string | undefined>
  /** Releases connections (ssh sessions). */
  close?(): Promise<void>
}

/**
 * A submission that stopped part way: the runs it did place (to be recorded), and whether
 * the rest were certainly not submitted. `definite: false` (a time-out, a lost connection)
 * means some may be on the backend after all: they are left CREATED for a later attempt of
 * the launch to adopt or submit, never cancelled.
 */
export class PartialSubmitError extends TrainerError {
  override name = 'PartialSubmitError'
  constructor(
    message: string,
    readonly placed: readonly Submitted[],
    readonly definite: boolean,
    options: {cause?: unknown; hint?: string} = {},
  ) {
    super(message, options)
  }
}

/** How a backend module is made: `src/backends/<type>/index.ts` exports `createBackend`. */
export type CreateBackend = (name: string, config: BackendConfig) => Backend

/** A handle as JSON text for the ledger. */
export function encodeHandle(h: Handle): string {
  return JSON.stringify(h)
}

/**
 * A handle from the ledger's text. Releases before the seam wrote `local:<pid>:…` and
 * `docker:<id>` strings: those are upgraded to version 1. undefined for anything else.
 */
export function parseHandle(text: string | undefined): Handle | undefined {
  if (!text) return undefined
  if (text.startsWith('{')) {
    try {
      const h = JSON.parse(text) as Partial<Handle>
      if (h.v === 1 && typeof h.kind === 'string' && typeof h.native === 'object' && h.native !== null)
        return {v: 1, kind: h.kind, attempt: typeof h.attempt === 'number' ? h.attempt : 1, native: h.native}
    } catch {
      return undefined
    }
    return undefined
  }
  const local = parseLocalHandle(text)
  if (local) return {v: 1, kind: 'local', attempt: 1, native: {...local}}
  const container = /^docker:([0-9a-f]+)$/.exec(text)?.[1]
  if (container) return {v: 1, kind: 'local-docker', attempt: 1, native: {container}}
  return undefined
}
