import {build} from '../actions/build.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
void runAction('build', build, coreIO())
