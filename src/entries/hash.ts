import {hash} from '../actions/hash.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
void runAction('hash', hash, coreIO())
