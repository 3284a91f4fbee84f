/**
 * The launch action (`uses: <owner>/trainer-action/launch@v1`, and the root action): one step
 * from trainer.yml to a reported launch.
 *
 * 1. The image: when the experiment's backend runs containers and trainer.yml has an `image:`
 *    section (or `build: always`), the .image-manifest is hashed and the image built and pushed
 *    only when its tag is not in the registry (actions/build). Without an experiment, that is
 *    all the step does: the image pipeline of earlier releases.
 * 2. The launch: planned (experiment, overrides, seeds, sweep), recorded, submitted to its
 *    backend through the backend interface, and reported from the start (the check run
 *    `queued`, then `in_progress`, the PR comment).
 * 3. Then it waits for the end (`wait: true`, within `wait-timeout`) and reports the final
 *    table, or returns at once and leaves the rest to actions/reconcile.
 *
 * The post step (src/actions/launch-post.ts) cancels the launch's runs when the job was
 * cancelled (or timed out) while this step waited.
 */
import {z} from 'zod'
import {ConfigError, TrainerError} from '../kit/errors.js'
import {bool, optString, readInputs} from '../kit/inputs.js'
import {withInputs, type ActionIO} from '../kit/io.js'
import {BuildInputs} from './build.js'
import {launch, LaunchInputs, runsPipelineImage, type LaunchDeps, type LaunchResult} from './launch.js'

export const LaunchStepInputs = BuildInputs.extend(LaunchInputs.omit({detach: true, report: true}).shape).extend({
  /** Wait for the runs to end (default true); false returns once they are submitted. */
  wait: bool(true),
  /** auto (default): build when the experiment's backend runs containers and trainer.yml has an image; always; never. */
  build: optString(),
})

/** State between the main step and its post step. */
export const STATE = {launchId: 'launch-id', waiting: 'waiting'} as const

/** GitHub's limit on the jobs of one matrix. */
const MATRIX_MAX = 256

export interface LaunchStepResult {
  image?: string | undefined
  built?: boolean | undefined
  launch?: LaunchResult | undefined
}

export async function launchStep(io: ActionIO, deps: LaunchDeps): Promise<LaunchStepResult> {
  const i = readInputs(io, LaunchStepInputs)
  const mode = i.build ?? 'auto'
  if (!['auto', 'always', 'never'].includes(mode))
    throw new ConfigError(`build: '${mode}' is not one of auto, always, never`, {key: 'build'})
  let image = i.image
  let built: boolean | undefined
  if (!image && mode !== 'never' && (mode === 'always' || !i.experiment || (await needsImage(io, i)))) {
    const {build} = await import('./build.js')
    const r = await build(io)
    image = r.ref.full
    built = r.built
  }
  if (!i.experiment) return {image, built}

  const launched = await launch(
    withInputs(io, {...(image ? {image} : {}), report: 'true', detach: i.wait ? 'false' : 'true'}),
    {
      ...deps,
      recorded: id => {
        io.saveState(STATE.launchId, id)
        // the post step cancels what this step was waiting for, if the job ends first
        io.saveState(STATE.waiting, i.wait ? 'true' : 'false')
        io.setOutput('launch-id', id)
      },
    },
  )
  io.saveState(STATE.waiting, 'false')
  const runs = launched.runs.map(r => ({
    id: r.id,
    index: r.index,
    seed: r.seed,
    params: r.params,
    state: r.state,
    metrics: r.metrics,
  }))
  io.setOutput('runs', JSON.stringify(runs))
  if (runs.length <= MATRIX_MAX)
    io.setOutput('matrix', JSON.stringify({include: runs.map(r => ({run: r.id, index: r.index, seed: r.seed}))}))
  else io.log.warning(`matrix: ${runs.length} runs is over GitHub's ${MATRIX_MAX} jobs per matrix; no matrix output`)
  if (launched.checkRunId !== undefined) io.setOutput('check-run-id', launched.checkRunId)
  io.setOutput('conclusion', launched.conclusion ?? 'pending')
  if (!launched.detached && launched.status !== 'SUCCEEDED' && launched.status !== 'ACTIVE')
    throw new TrainerError(
      `launch ${launched.plan.launchId}: ${launched.status} (${launched.runs.filter(r => r.state !== 'SUCCEEDED').length} of ${launched.runs.length} runs did not succeed; the check run and the report say why)`,
    )
  return {image, built, launch: launched}
}

/** Whether the experiment's backend runs the pipeline's image (launch.ts runsPipelineImage). */
async function needsImage(
  io: ActionIO,
  i: {config?: string | undefined; experiment?: string | undefined; backend?: string | undefined},
): Promise<boolean> {
  const {loadConfig} = await import('../config/load.js')
  return runsPipelineImage((await loadConfig(io.workspace, i.config)).config, i)
}

export type LaunchStepInput = z.input<typeof LaunchStepInputs>
