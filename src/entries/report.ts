import {report} from '../actions/report.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
void runAction('report', report, coreIO())
