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
 * On a `schedule` or `workflow_dispatch` event (or with the `schedule` input) the step launches
 * a named sweep of trainer.yml's `schedules:`, judged against the previous night, with one
 * issue for its regressions (src/actions/schedule.ts).
 *
 * The post step (src/actions/launch-post.ts) cancels the launch's runs when the job was
 * cancelled (or timed out) while this step waited.
 */
import {z} from 'zod'
import {commandComment} from '../chatops/reply.js'
import {ConfigError, getErrorMessage, TrainerError} from '../kit/errors.js'
import {escapeMarkdown, inlineCode, markdownLink} from '../report/escape.js'
import {bool, optString, readInputs} from '../kit/inputs.js'
import {withInputs, type ActionIO} from '../kit/io.js'
import {BuildInputs} from './build.js'
import {launch, LaunchInputs, runsPipelineImage, type LaunchDeps, type LaunchResult} from './launch.js'
import type {ScheduledSweep} from './schedule.js'

export const LaunchStepInputs = BuildInputs.extend(LaunchInputs.omit({detach: true, report: true}).shape).extend({
  /** Wait for the runs to end (default true); false returns once they are submitted. */
  wait: bool(true),
  /** auto (default): build when the experiment's backend runs containers and trainer.yml has an image; always; never. */
  build: optString(),
  /** A sweep of trainer.yml's `schedules:` (default: a schedule event's cron, a dispatch's schedule input). */
  schedule: optString(),
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

export async function launchStep(given: ActionIO, deps: LaunchDeps): Promise<LaunchStepResult> {
  const {io, schedule} = await scheduled(given)
  const i = readInputs(io, LaunchStepInputs)
  if (schedule && !i.wait)
    io.log.warning(
      `schedule ${schedule.name}: with wait: false this step does not see the night end: it is not judged against the previous night and no regression issue is written`,
    )
  // a /train comment is answered whatever fails: trainer.yml, the image, the launch
  const replies = i.experiment ? commandReplies(io, i['github-token']) : undefined
  let image = i.image
  let built: boolean | undefined
  let launchId: string | undefined
  let launched: LaunchResult
  try {
    const mode = i.build ?? 'auto'
    if (!['auto', 'always', 'never'].includes(mode))
      throw new ConfigError(`build: '${mode}' is not one of auto, always, never`, {key: 'build'})
    if (!image && mode !== 'never' && (mode === 'always' || !i.experiment || (await needsImage(io, i)))) {
      const {build} = await import('./build.js')
      const r = await build(io)
      image = r.ref.full
      built = r.built
    }
    if (!i.experiment) return {image, built}
    launched = await launch(
      withInputs(io, {...(image ? {image} : {}), report: 'true', detach: i.wait ? 'false' : 'true'}),
      {
        ...deps,
        ...(schedule ? {schedule} : {}),
        ...(replies ? {checkRun: (_: number, url: string) => replies.launched(launchId ?? '', url)} : {}),
        recorded: id => {
          launchId = id
          io.saveState(STATE.launchId, id)
          // the post step cancels what this step was waiting for, if the job ends first
          io.saveState(STATE.waiting, i.wait ? 'true' : 'false')
          io.setOutput('launch-id', id)
        },
      },
    )
  } catch (e: unknown) {
    await replies?.failed(launchId, e)
    throw e
  }
  await replies?.settled()
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
  if (launched.night) {
    io.setOutput('regressions', JSON.stringify(launched.night.regressions))
    if (launched.night.issue !== undefined) io.setOutput('regression-issue', launched.night.issue)
  }
  io.setOutput('conclusion', launched.conclusion ?? 'pending')
  if (!launched.detached && launched.status !== 'SUCCEEDED' && launched.status !== 'ACTIVE')
    throw new TrainerError(
      `launch ${launched.plan.launchId}: ${launched.status} (${launched.runs.filter(r => r.state !== 'SUCCEEDED').length} of ${launched.runs.length} runs did not succeed; the check run and the report say why)`,
    )
  return {image, built, launch: launched}
}

/**
 * Replies to the `/train` comment a launch came from (an `issue_comment` event on a pull
 * request): the launch's check run once it exists, or why the launch failed. A reply that
 * cannot be written is a warning.
 */
function commandReplies(io: ActionIO, token: string | undefined) {
  const g = io.github()
  const comment = commandComment(g)
  const auth = token ?? io.env.GITHUB_TOKEN
  if (!g || !comment || !auth) return undefined
  let sent: Promise<void> | undefined
  const send = async (body: string): Promise<void> => {
    const [{githubClient}, {replyTo}] = await Promise.all([import('../kit/octokit.js'), import('../chatops/reply.js')])
    await replyTo(githubClient({token: auth, apiUrl: g.apiUrl, log: io.log}), g, comment, body).catch((e: unknown) =>
      io.log.warning(`the reply to the /train comment could not be written: ${getErrorMessage(e)}`),
    )
  }
  return {
    launched(id: string, url: string): void {
      const check = markdownLink('the check run', url) || 'the check run'
      sent ??= send(`🚀 Launched ${inlineCode(id)}: follow it in ${check}.`)
    },
    async failed(id: string | undefined, e: unknown): Promise<void> {
      await sent
      const what = id ? `The launch ${inlineCode(id)}` : 'The launch'
      const hint = e instanceof TrainerError && e.hint ? `\n\n${escapeMarkdown(e.hint, {max: 1000})}` : ''
      await send(`😕 ${what} failed: ${escapeMarkdown(getErrorMessage(e), {max: 2000})}${hint}`)
    },
    async settled(): Promise<void> {
      await sent
    },
  }
}

/**
 * The step as a scheduled sweep (src/actions/schedule.ts), when it is one: the schedule's
 * experiment, overrides, sweep, seeds and backend given as inputs (the step's own win).
 */
async function scheduled(io: ActionIO): Promise<{io: ActionIO; schedule?: ScheduledSweep | undefined}> {
  const name = io.input('schedule').trim() || undefined
  const experiment = io.input('experiment').trim() || undefined
  const g = io.github()
  // only a schedule input, a schedule event or a dispatch names one: nothing to read otherwise
  if (!name && (experiment || !['schedule', 'workflow_dispatch'].includes(g?.eventName ?? ''))) return {io}
  const [{loadConfig}, sched] = await Promise.all([import('../config/load.js'), import('./schedule.js')])
  const {config} = await loadConfig(io.workspace, io.input('config').trim() || undefined)
  const s = sched.scheduleFor(config, {schedule: name, experiment}, g)
  if (!s) return {io}
  if (experiment !== undefined && experiment !== s.schedule.experiment)
    throw new ConfigError(
      `experiment: '${experiment}', but schedule ${s.name} launches '${s.schedule.experiment}': give one of them`,
      {key: 'experiment'},
    )
  const given = Object.fromEntries(['overrides', 'sweep', 'seeds', 'runs', 'backend'].map(k => [k, io.input(k)]))
  io.log.info(`schedule ${s.name}: ${s.schedule.experiment}${s.schedule.cron ? ` (cron '${s.schedule.cron}')` : ''}`)
  return {io: withInputs(io, sched.scheduleInputs(s, given)), schedule: sched.scheduledSweep(config, s)}
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
