/**
 * Scheduled sweeps: a `schedule` or `workflow_dispatch` event launches a named sweep of
 * trainer.yml's `schedules:`. Which one:
 * 1. the step's `schedule` input, when given;
 * 2. else, on a `schedule` event (and no `experiment` input), the schedule whose `cron` is the
 *    event's (`github.event.schedule`: a workflow with two crons runs twice, each naming its own);
 * 3. else, on a `workflow_dispatch` event, the dispatch's `schedule` input
 *    (`github.event.inputs.schedule`);
 * else none: the step launches its `experiment` as any other.
 *
 * The sweep becomes the launch's inputs (experiment, overrides, sweep, seeds, runs, backend);
 * the step's own inputs, where given, win. Its report is judged against the previous night
 * (src/actions/baseline-cache.ts restoreNight) and opens or updates the regression issue
 * (src/report/regression-issue.ts).
 */
import type {MetricThreshold} from '../report/render.js'
import type {ScheduleConfig, TrainerConfig} from '../config/schema.js'
import {ConfigError} from '../kit/errors.js'
import {lines} from '../kit/inputs.js'
import type {GithubRun} from '../kit/github.js'
import {normKey} from '../plan/resolve.js'
import {DEFAULT_REGRESSION_LABEL} from '../report/regression-issue.js'
import {overridesOf} from './plan.js'

/** What the reporter needs of a scheduled sweep. */
export interface ScheduledSweep {
  name: string
  experiment: string
  /** The thresholds a night is judged by (the schedule's, else report.fail-on). */
  failOn: Record<string, MetricThreshold> | undefined
  /** The regression issue's labels and assignees, or false for none. */
  issue: false | {labels: string[]; assignees: string[]}
}

const cronOf = (c: string): string => c.trim().replace(/\s+/g, ' ')

function names(config: TrainerConfig): string {
  const all = Object.entries(config.schedules ?? {})
  return all.length
    ? `schedules: ${all.map(([n, s]) => (s.cron ? `${n} ('${s.cron}')` : n)).join(', ')}`
    : 'trainer.yml has no schedules:'
}

/** The schedule this step launches, if any (see the module's comment). */
export function scheduleFor(
  config: TrainerConfig,
  i: {schedule?: string | undefined; experiment?: string | undefined},
  g: Pick<GithubRun, 'eventName' | 'event'> | undefined,
): {name: string; schedule: ScheduleConfig} | undefined {
  const all = config.schedules ?? {}
  const named = (name: string, from: string): {name: string; schedule: ScheduleConfig} => {
    if (!Object.hasOwn(all, name))
      throw new ConfigError(`${from}: no schedule '${name}' in trainer.yml; ${names(config)}`, {key: 'schedule'})
    return {name, schedule: all[name]!}
  }
  if (i.schedule !== undefined) return named(i.schedule, 'schedule')
  if (i.experiment !== undefined || !g) return undefined
  if (g.eventName === 'schedule') {
    const cron = g.event?.schedule
    if (typeof cron !== 'string')
      throw new ConfigError('this schedule event names no cron (github.event.schedule): give the schedule input', {
        key: 'schedule',
      })
    const found = Object.entries(all).find(([, s]) => s.cron !== undefined && cronOf(s.cron) === cronOf(cron))
    if (!found)
      throw new ConfigError(
        `this schedule event's cron '${cron}' is no schedule's cron in trainer.yml; ${names(config)} (or give the schedule input)`,
        {key: 'schedule'},
      )
    return {name: found[0], schedule: found[1]}
  }
  if (g.eventName === 'workflow_dispatch') {
    const v = (g.event?.inputs as Record<string, unknown> | undefined)?.schedule
    if (typeof v === 'string' && v.trim() !== '') return named(v.trim(), "the dispatch's schedule input")
  }
  return undefined
}

/** The launch inputs a schedule gives, under the step's own (which win where given). */
export function scheduleInputs(
  s: {name: string; schedule: ScheduleConfig},
  given: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const c = s.schedule
  const out: Record<string, string> = {experiment: c.experiment}
  // as JSON, every value is kept exactly (a line is trimmed); the step's override of a key
  // replaces the schedule's (keys matched as overrides match them: - and _ alike)
  const step = given.overrides?.trim() ? overridesOf(lines().parse(given.overrides)) : {}
  const norm = new Set(Object.keys(step).map(normKey))
  const overrides = {
    ...Object.fromEntries(Object.entries(c.params ?? {}).filter(([k]) => !norm.has(normKey(k)))),
    ...step,
  }
  if (Object.keys(overrides).length) out.overrides = JSON.stringify(overrides)
  if (c.sweep) out.sweep = JSON.stringify(c.sweep)
  if (c.seeds) out.seeds = c.seeds.join(',')
  if (c.runs !== undefined) out.runs = String(c.runs)
  if (c.backend) out.backend = c.backend
  for (const k of ['sweep', 'seeds', 'runs', 'backend'] as const) {
    const v = given[k]?.trim()
    if (v) out[k] = v
  }
  return out
}

/** What the reporter judges a night by. */
export function scheduledSweep(config: TrainerConfig, s: {name: string; schedule: ScheduleConfig}): ScheduledSweep {
  const issue = s.schedule.issue ?? true
  return {
    name: s.name,
    experiment: s.schedule.experiment,
    failOn: s.schedule['fail-on'] ?? config.report?.['fail-on'],
    issue:
      issue === false
        ? false
        : {
            labels: (issue === true ? undefined : issue.labels) ?? [DEFAULT_REGRESSION_LABEL],
            assignees: (issue === true ? undefined : issue.assignees) ?? [],
          },
  }
}
