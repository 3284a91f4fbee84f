/** A parameter value as trainer.yml and overrides carry it. */
export type Scalar = string | number | boolean

/** Resources one run asks for (backends map them to their own terms). */
export interface Resources {
  gpus?: number | undefined
  'gpu-type'?: string | undefined
  cpus?: number | undefined
  /** e.g. `16G`, `512M` */
  memory?: string | undefined
  disk?: string | undefined
  /** Wall-clock limit, e.g. `02:00:00` or `90m`. */
  time?: string | undefined
}

/** How a run's parameters reach its container (seed 000's container_main.py CLI, or TRAINER_* variables). */
export type ArgsStyle = 'container-main' | 'env'

/** One fully materialized run of a plan. */
export interface Run {
  /** Stable id: the same launch inputs give the same id. */
  id: string
  experiment: string
  /** 0-based index within the experiment's runs (seed 000 `--run_index`). */
  index: number
  seed: number
  params: Record<string, Scalar>
  /** The overrides given for this launch (a subset of params), as seed 000 `--override-*`. */
  overrides: Record<string, Scalar>
  /** For sweeps: the grid point this run belongs to (keys of `sweep`). */
  point: Record<string, Scalar>
  resources: Resources
  command: string[]
  argsStyle: ArgsStyle
  image: string | undefined
  /** Where the run writes its results, relative to the results root: `<experiment>/runs/<NNN>`. */
  output: string
  /** Globs of the run directory's files to keep in its archive (empty: all). */
  outputs: string[]
  /**
   * Names of the launcher's environment variables the run may see, besides the base list of
   * src/backends/env.ts (`NAME`, or `PREFIX_*`). Names only: values never enter a plan.
   */
  env: string[]
  backend: string
}

/** A launch's runs, as `trainer plan --json` prints them. */
export interface Plan {
  launchId: string
  experiment: string
  runs: Run[]
}
