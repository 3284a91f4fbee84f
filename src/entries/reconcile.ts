import {reconcile} from '../actions/reconcile.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
void runAction('reconcile', reconcile, coreIO())
