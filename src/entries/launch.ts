import {dirname, join} from 'node:path'
import {launchStep} from '../actions/launch-step.js'
import {coreIO} from '../kit/core-io.js'
import {runAction} from '../kit/run-action.js'
// `trainer run` for each local run: the run bundle beside this one
const run = join(dirname(process.argv[1]!), '..', 'run')
void runAction(
  'launch',
  io => launchStep(io, {runner: [process.execPath, join(run, 'index.js')], runnerDir: run, signals: process}),
  coreIO(),
)
