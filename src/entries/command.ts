import {command} from '../actions/command.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
void runAction('command', command, coreIO())
