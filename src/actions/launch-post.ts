/**
 * The launch action's post step: when the job ended (cancelled, timed out) while the main step
 * was waiting for its launch, the launch's runs are cancelled, so that nothing trains on with
 * nobody to report it. A launch that was not waited for (`wait: false`) is left to run: that
 * is what was asked, and actions/reconcile follows it.
 */
import type {ActionIO} from '../kit/io.js'
import {withInputs} from '../kit/io.js'
import {STATE} from './launch-step.js'

export async function launchPost(io: ActionIO): Promise<void> {
  const id = io.getState(STATE.launchId)
  if (!id || io.getState(STATE.waiting) !== 'true') {
    io.log.debug('nothing to cancel: the launch step finished, or did not wait')
    return
  }
  io.log.warning(`the job ended while launch ${id} was being waited for: cancelling its runs`)
  const {cancel} = await import('./status.js')
  const r = await cancel(withInputs(io, {id}))
  io.log.info(`launch ${id}: ${r.cancelled} cancelled, ${r.stopping} stopping`)
}
