import {TrainerError} from '../kit/errors.js'
import {TRANSITIONS, type RunState} from './states.js'

/** A run was asked to move along an edge the lifecycle table does not have. */
export class IllegalTransitionError extends TrainerError {
  override name = 'IllegalTransitionError'
  runId: string
  from: RunState
  to: RunState
  constructor(runId: string, from: RunState, to: RunState) {
    const next = TRANSITIONS[from]
    super(`run ${runId}: illegal transition ${from} -> ${to}`, {
      hint: next.length === 0 ? `${from} is final` : `from ${from} a run may move to ${next.join(', ')}`,
    })
    this.runId = runId
    this.from = from
    this.to = to
  }
}

/** The ledger file cannot be used: written by a newer schema, or ids that clash across launches. */
export class LedgerError extends TrainerError {
  override name = 'LedgerError'
}

/**
 * Another process held the ledger's write lock for longer than this one would wait: nothing
 * was written. The caller must not record anything in its place (a run that succeeded is not
 * an ERROR because the ledger was busy); `trainer status --refresh` finds the truth later.
 */
export class LedgerBusyError extends LedgerError {
  override name = 'LedgerBusyError'
}
