import type {RunState} from '../../ledger/states.js'

/** Every job state Slurm 22.05+ reports (squeue %T, sacct State, slurmrestd job_state). */
export const SLURM_STATES = [
  'PENDING',
  'CONFIGURING',
  'REQUEUED',
  'REQUEUE_HOLD',
  'REQUEUE_FED',
  'RESV_DEL_HOLD',
  'RUNNING',
  'COMPLETING',
  'STAGE_OUT',
  'SIGNALING',
  'RESIZING',
  'SUSPENDED',
  'STOPPED',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
  'TIMEOUT',
  'OUT_OF_MEMORY',
  'NODE_FAIL',
  'PREEMPTED',
  'BOOT_FAIL',
  'DEADLINE',
  'REVOKED',
  'SPECIAL_EXIT',
] as const
export type SlurmState = (typeof SLURM_STATES)[number]

/**
 * What each Slurm state means for the ledger. `requeue`: lost by the cluster, not by the
 * training (preemption, a node failure): submitted again within the backend's retry budget
 * rather than counted as a training failure. Exhaustive by type: a state added above must be
 * mapped here. A COMPLETED job is SUCCEEDED only when its metrics.json says so (the driver
 * reads it); Slurm only knows the exit code of the job script.
 */
export const SLURM_TO_LEDGER: Readonly<Record<SlurmState, {state: RunState; requeue?: true; why?: string}>> = {
  PENDING: {state: 'QUEUED'},
  CONFIGURING: {state: 'QUEUED', why: 'nodes are being configured'},
  REQUEUED: {state: 'QUEUED', why: 'requeued by Slurm'},
  REQUEUE_HOLD: {state: 'QUEUED', why: 'requeued and held'},
  REQUEUE_FED: {state: 'QUEUED', why: 'requeued by the federation'},
  RESV_DEL_HOLD: {state: 'QUEUED', why: 'held: its reservation was deleted'},
  RUNNING: {state: 'RUNNING'},
  COMPLETING: {state: 'RUNNING', why: 'completing'},
  STAGE_OUT: {state: 'RUNNING', why: 'staging out'},
  SIGNALING: {state: 'RUNNING', why: 'being signalled'},
  RESIZING: {state: 'RUNNING', why: 'resizing'},
  SUSPENDED: {state: 'PAUSED', why: 'suspended'},
  STOPPED: {state: 'PAUSED', why: 'stopped (SIGSTOP)'},
  COMPLETED: {state: 'SUCCEEDED'},
  CANCELLED: {state: 'CANCELLED'},
  FAILED: {state: 'FAILED'},
  TIMEOUT: {state: 'FAILED', why: 'reached its time limit'},
  OUT_OF_MEMORY: {state: 'FAILED', why: 'ran out of memory'},
  DEADLINE: {state: 'FAILED', why: 'reached its deadline'},
  SPECIAL_EXIT: {state: 'FAILED', why: 'special exit'},
  NODE_FAIL: {state: 'ERROR', requeue: true, why: 'its node failed'},
  PREEMPTED: {state: 'ERROR', requeue: true, why: 'preempted'},
  BOOT_FAIL: {state: 'ERROR', requeue: true, why: 'its node failed to boot'},
  REVOKED: {state: 'ERROR', requeue: true, why: 'revoked by the federation'},
}

/** A state word as Slurm prints it (`CANCELLED by 0`, `cancelled`), or undefined when unknown. */
export function slurmState(word: string): SlurmState | undefined {
  const w = word.trim().split(/\s+/)[0]?.toUpperCase().replace(/\+$/, '') ?? ''
  return (SLURM_STATES as readonly string[]).includes(w) ? (w as SlurmState) : undefined
}
