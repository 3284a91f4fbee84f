import {launchPost} from '../actions/launch-post.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
void runAction('launch-post', launchPost, coreIO())
