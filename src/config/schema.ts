import {z} from 'zod'
import {NEVER_ENV, neverPassed} from '../backends/env.js'
import {BackendsSchema} from './backends.js'

/** Text that reaches a process (argv, environment): a NUL byte would make spawn throw. */
const text = () => z.string().refine(v => !v.includes('\0'), 'must not contain a NUL byte')

const scalar = z.union([text(), z.number(), z.boolean()], {error: 'must be a string, number or boolean'})

/** A token realm host: `host` or `host:port`, as a URL writes it (IPv6 in brackets); no scheme, path or wildcard. */
export const REALM_HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/** `image.builder`: the choices, `auto` first (the default). */
export const BUILDERS = ['auto', 'buildx', 'classic'] as const
export type Builder = (typeof BUILDERS)[number]
/** `image.cache` besides true and false: where the layer cache lives. */
export const CACHE_TYPES = ['registry', 'gha'] as const
export type CacheType = (typeof CACHE_TYPES)[number]

export const ImageSchema = z.strictObject({
  /** Image name, optionally with a tag (`myapp` or `myapp:v1`); the registry prefix comes from `registry`. */
  name: z.string().min(1).optional(),
  /** Registry prefix, e.g. `ghcr.io/org` or `us-docker.pkg.dev/project/repo`. */
  registry: z.string().min(1).optional(),
  dockerfile: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  manifest: z.string().min(1).optional(),
  'tag-length': z.number().int().min(4).max(64).optional(),
  'build-args': z.record(z.string(), scalar).optional(),
  platform: z
    .string()
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/, 'must look like os/arch[/variant], e.g. linux/amd64')
    .optional(),
  dockerignore: z.string().min(1).optional(),
  /**
   * Token realm hosts (`host` or `host:port`) that may receive the registry credentials,
   * besides the registry's own host and the known ones (auth.docker.io for Docker Hub, ...).
   */
  'auth-realms': z
    .array(z.string().regex(REALM_HOST, 'a host or host:port, as in the realm URL (no scheme, path or wildcard)'))
    .optional(),
  /**
   * The layer cache (default true, which is `registry`): `registry` keeps it in the registry the
   * image is pushed to, as `<name>:buildcache`; `gha` keeps it in the GitHub Actions cache (BuildKit
   * only: `docker buildx`); `false` builds cold.
   */
  cache: z
    .union([z.boolean(), z.enum(CACHE_TYPES)], {
      error: `must be one of true, false, ${CACHE_TYPES.map(c => `'${c}'`).join(', ')}`,
    })
    .optional(),
  /** Another image to take the layer cache from instead of `<name>:buildcache` (a full reference with a tag). */
  'cache-from': z.string().min(1).optional(),
  /**
   * What builds the image: `buildx` (BuildKit, through the `docker buildx` plugin), `classic` (the
   * engine's classic builder, through its API), or `auto` (default): buildx where the plugin is installed.
   */
  builder: z.enum(BUILDERS, {error: `must be one of ${BUILDERS.map(b => `'${b}'`).join(', ')}`}).optional(),
})

/** An experiment's name: letters, digits, `_ . -`. */
export const EXPERIMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/** Seeds: whole numbers that fit 32 bits (what numpy and torch take). */
const seedList = () =>
  z.array(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
  )

/** A backend of `backends:` by name, or `local`, `local-docker`. */
const backendName = () => z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a backend name')
const paramKey = z.string().regex(KEY, 'parameter names are letters, digits, _ . - (starting with a letter or _)')

export const ResourcesSchema = z.strictObject({
  gpus: z.number().int().min(0).optional(),
  'gpu-type': z.string().min(1).optional(),
  cpus: z.number().positive().optional(),
  memory: z
    .string()
    .regex(/^\d+(\.\d+)?[KMGT]i?B?$/i, 'like 16G or 512M')
    .optional(),
  disk: z
    .string()
    .regex(/^\d+(\.\d+)?[KMGT]i?B?$/i, 'like 100G')
    .optional(),
  time: z
    .string()
    .regex(/^(\d+-)?\d{1,2}(:\d{2}){1,2}$|^\d+[smhd]$/, 'like 02:00:00, 1-00:00:00 or 90m')
    .optional(),
})

/** A sweep: parameter → values (a grid), plus `exclude`: combinations to leave out. */
export const SweepSchema = z.record(z.string(), z.unknown()).transform((v, ctx) => {
  const grid: Record<string, (string | number | boolean)[]> = {}
  let exclude: Record<string, string | number | boolean>[] = []
  for (const [k, values] of Object.entries(v)) {
    if (k === 'exclude') {
      const r = z.array(z.record(paramKey, scalar)).safeParse(values)
      if (!r.success) {
        ctx.addIssue({code: 'custom', path: [k], message: 'exclude is a list of {param: value} combinations'})
        return z.NEVER
      }
      exclude = r.data
      continue
    }
    const r = z.array(scalar).min(1).safeParse(values)
    if (!KEY.test(k) || !r.success) {
      ctx.addIssue({code: 'custom', path: [k], message: 'a sweep maps a parameter to a non-empty list of values'})
      return z.NEVER
    }
    grid[k] = r.data
  }
  return {grid, exclude}
})

export const ExperimentSchema = z.strictObject({
  /** The training command, an argv array (never a shell string). */
  command: z.array(text().min(1)).min(1),
  params: z.record(paramKey, scalar).optional(),
  /**
   * Types parameters keep (`int`, `float`, `bool`, `string`); default: the type of each
   * default, where a number written with a point or exponent (`1.0`, `1e-3`) is a float.
   */
  'param-types': z.record(paramKey, z.enum(['int', 'float', 'bool', 'string'])).optional(),
  /** seed 000's `random_seeds`: the seed of run i is seeds[i]. */
  seeds: seedList().optional(),
  /** How many runs (per sweep point); default: one per seed, else 1. */
  runs: z.number().int().min(1).optional(),
  sweep: SweepSchema.optional(),
  resources: ResourcesSchema.optional(),
  /** A backend of `backends:` by name, or `local`, `local-docker`. */
  backend: backendName().optional(),
  /** Globs of files to keep from a run's directory. */
  outputs: z.array(z.string().min(1)).optional(),
  /**
   * Environment variables of the launcher the runs may see (`WANDB_API_KEY`, or `WANDB_*`),
   * besides a base list (PATH, HOME, locale, CUDA and thread knobs). Nothing else passes.
   */
  env: z
    .array(
      z
        .string()
        .regex(
          /^[A-Za-z_][A-Za-z0-9_]*$|^[A-Za-z][A-Za-z0-9_]{2,}\*$/,
          'environment variable names: letters, digits, _; a prefix pattern (NAME_*) needs at least 3 characters before the *',
        )
        .refine(n => !neverPassed(n.replace(/\*$/, '')), {
          message: `is never passed to a run (${NEVER_ENV.join(', ')}, INPUT_*, ACTIONS_*, STATE_*): give the run its own variable`,
        }),
    )
    .optional(),
  'args-style': z.enum(['container-main', 'env']).optional(),
  /** false: ignore `seeds`, use the explicit seed or a deterministic one (seed 000 --no-prefer-config-seed). */
  'prefer-config-seed': z.boolean().optional(),
})

/** Regression thresholds per metric, against a baseline (`report.fail-on`, `schedules.<name>.fail-on`). */
export const FailOnSchema = z.record(
  z.string().min(1),
  z.strictObject({
    fail: z.number().nonnegative().optional(),
    warn: z.number().nonnegative().optional(),
    better: z.enum(['higher', 'lower']).optional(),
  }),
)

/** A GitHub label: what the issues API takes (1 to 50 characters, no comma: the list filter splits on it). */
const label = z
  .string()
  .min(1)
  .max(50)
  .refine(v => !v.includes(','), 'a label cannot contain a comma')

/**
 * A named sweep for scheduled launches: the experiment, with this launch's parameters, sweep,
 * seeds and backend, judged against the previous night's results by `fail-on`.
 */
export const ScheduleSchema = z.strictObject({
  experiment: z.string().regex(EXPERIMENT_NAME, 'an experiment of experiments:'),
  /** The workflow's `on.schedule` cron this sweep answers (a schedule event names its cron, not a sweep). */
  cron: z
    .string()
    .regex(/^\s*\S+(\s+\S+){4}\s*$/, "five fields, as the workflow's on.schedule writes it ('17 3 * * *')")
    .optional(),
  /** Parameter overrides. */
  params: z.record(paramKey, scalar).optional(),
  /** Sweeps, each replacing the experiment's sweep of that parameter (or adding one). */
  sweep: z.record(paramKey, z.array(scalar).min(1, 'a sweep needs at least one value')).optional(),
  seeds: seedList().min(1).optional(),
  runs: z.number().int().min(1).optional(),
  backend: backendName().optional(),
  /** Regression thresholds against the previous night (default `report.fail-on`). */
  'fail-on': FailOnSchema.optional(),
  /** The regression issue: false for none; labels (default `trainer-regression`) and assignees. */
  issue: z
    .union([
      z.boolean(),
      z.strictObject({
        labels: z.array(label).min(1).max(10).optional(),
        assignees: z
          .array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login'))
          .max(10)
          .optional(),
      }),
    ])
    .optional(),
})

export const ConfigSchema = z.strictObject({
  version: z.literal(1).optional(),
  image: ImageSchema.optional(),
  experiments: z
    .record(z.string().regex(EXPERIMENT_NAME, 'experiment names are letters, digits, _ . -'), ExperimentSchema)
    .optional(),
  /** What reports show and judge (src/report). */
  report: z
    .strictObject({
      /** The metric the curves plot besides the loss, and the title quotes. */
      'primary-metric': z.string().min(1).optional(),
      /**
       * A fixed baseline: a baseline file an earlier report wrote (baseline-<launch>.json), relative
       * to trainer.yml; by default none (the default branch's, through the Actions cache, comes later).
       */
      baseline: z.string().min(1).optional(),
      /** Regression thresholds per metric: worse than the baseline by more than `fail` fails the check, `warn` makes it neutral. */
      'fail-on': FailOnSchema.optional(),
    })
    .optional(),
  /** Named sweeps that `schedule` and `workflow_dispatch` events launch (src/actions/schedule.ts). */
  schedules: z
    .record(z.string().regex(EXPERIMENT_NAME, 'schedule names are letters, digits, _ . -'), ScheduleSchema)
    .optional(),
  /** Named places to run (see src/config/backends.ts). */
  backends: BackendsSchema.optional(),
  /** Limits on what one launch may do. */
  launch: z
    .strictObject({
      'max-runs': z.number().int().min(1).optional(),
      /** Runs at a time on the local backends. */
      parallel: z.number().int().min(1).optional(),
      'results-root': z.string().min(1).optional(),
      ledger: z.string().min(1).optional(),
    })
    .optional(),
})

export type ImageConfig = z.infer<typeof ImageSchema>
export type TrainerConfig = z.infer<typeof ConfigSchema>
export type ExperimentConfig = z.infer<typeof ExperimentSchema>
export type ScheduleConfig = z.infer<typeof ScheduleSchema>
