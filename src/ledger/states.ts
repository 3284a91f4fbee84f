/**
 * A run's lifecycle: seed 002's container states plus the three outcomes of a finished run.
 *
 * ```
 * CREATED ─► QUEUED (submitted to a scheduler, waiting for resources) ─► RUNNING
 *              ▲                                                          │
 *              └──────────── requeued (preempted, node failure) ◄─────────┘
 * CREATED ─► STARTING ─► RUNNING ◄─► PAUSED
 *               │           │           │
 *               └────────► STOPPING ◄───┘ ─► STOPPED ─► STARTING (restart)
 *   CREATED … STOPPING ─► ERROR ─► STARTING (retry)
 *   SUCCEEDED | FAILED | CANCELLED (terminal) ─► DELETED
 * ```
 */
export const RUN_STATES = [
  'CREATED',
  'QUEUED',
  'STARTING',
  'RUNNING',
  'PAUSED',
  'STOPPING',
  'STOPPED',
  'ERROR',
  'DELETED',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const

export type RunState = (typeof RUN_STATES)[number]

/** The outcomes of a finished run: `ended_at` is set when a run reaches one. */
export const TERMINAL_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const satisfies readonly RunState[]

/** Every legal move, keyed by the state it leaves. A state never moves to itself. */
export const TRANSITIONS: Readonly<Record<RunState, readonly RunState[]>> = {
  CREATED: ['QUEUED', 'STARTING', 'CANCELLED', 'ERROR', 'DELETED'],
  // a scheduler may start and end a job between two polls: QUEUED can move to any outcome
  QUEUED: ['STARTING', 'RUNNING', 'PAUSED', 'STOPPING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'ERROR'],
  STARTING: ['RUNNING', 'ERROR', 'FAILED', 'CANCELLED', 'STOPPING'],
  // a run lost to preemption or a node failure goes back to the queue (its attempt counts up)
  RUNNING: ['QUEUED', 'PAUSED', 'STOPPING', 'SUCCEEDED', 'FAILED', 'ERROR', 'CANCELLED'],
  // a paused job can still be lost (node preempted, allocation revoked)
  PAUSED: ['RUNNING', 'STOPPING', 'CANCELLED', 'ERROR'],
  STOPPING: ['STOPPED', 'CANCELLED', 'FAILED', 'ERROR', 'SUCCEEDED'],
  // a stopped run may be started again (from its last checkpoint) or removed
  STOPPED: ['STARTING', 'DELETED'],
  // an errored run may be retried or removed
  ERROR: ['STARTING', 'QUEUED', 'DELETED'],
  DELETED: [],
  SUCCEEDED: ['DELETED'],
  FAILED: ['DELETED'],
  CANCELLED: ['DELETED'],
}

const TERMINAL: ReadonlySet<RunState> = new Set(TERMINAL_STATES)

export function isRunState(value: unknown): value is RunState {
  return typeof value === 'string' && (RUN_STATES as readonly string[]).includes(value)
}

/** SUCCEEDED, FAILED or CANCELLED: the run finished and can only be deleted. */
export function isTerminal(state: RunState): boolean {
  return TERMINAL.has(state)
}

/** No state follows this one (DELETED). */
export function isFinal(state: RunState): boolean {
  return TRANSITIONS[state].length === 0
}

/** Not finished: a launch with such a run is still under way (CREATED … STOPPING). */
export function isActive(state: RunState): boolean {
  return !isTerminal(state) && !isFinal(state) && state !== 'STOPPED' && state !== 'ERROR'
}

export function canTransition(from: RunState, to: RunState): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Every legal `[from, to]` pair, in table order. */
export function legalTransitions(): [RunState, RunState][] {
  return RUN_STATES.flatMap(from => TRANSITIONS[from].map((to): [RunState, RunState] => [from, to]))
}
