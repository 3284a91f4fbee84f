/**
 * The environment a run gets from its launcher: never the launcher's whole environment,
 * which holds the registry password, GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN and whatever else
 * the workflow or the laptop has. A run gets what a process needs to start (PATH, HOME,
 * locale, time zone, temp dir), the knobs of numeric and GPU libraries, the `trainer run`
 * upload knobs, and the variables its experiment names in trainer.yml `env:`.
 */
export const BASE_ENV: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TERM',
  'NO_COLOR',
  'FORCE_COLOR',
  'LOG_LEVEL',
  'LD_LIBRARY_PATH',
  'PYTHONPATH',
  'PYTHONUNBUFFERED',
  'VIRTUAL_ENV',
  'CONDA_PREFIX',
  'CONDA_DEFAULT_ENV',
  'OMP_NUM_THREADS',
  'MKL_NUM_THREADS',
  'OPENBLAS_NUM_THREADS',
  'OPENBLAS_CORETYPE',
  'OPENBLAS_L2_SIZE',
  'CUDA_VISIBLE_DEVICES',
  'CUDA_HOME',
  'NVIDIA_VISIBLE_DEVICES',
]

/** Families passed by prefix: locale categories and `trainer run`'s upload knobs. */
export const BASE_ENV_PREFIXES: readonly string[] = ['LC_', 'TRAINER_UPLOAD_']

/**
 * Never passed, whatever `env:` says: the credentials of the workflow, the runner and this
 * tool. A training that needs a token gets its own, under its own name. `INPUT_*` are an
 * action's inputs (`INPUT_PASSWORD`, `INPUT_GITHUB-TOKEN`).
 */
export const NEVER_ENV: readonly string[] = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'TRAINER_REGISTRY_PASSWORD',
  'RESULT_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
]
export const NEVER_ENV_PREFIXES: readonly string[] = ['INPUT_', 'ACTIONS_', 'STATE_']

/** Whether a variable can never reach a run (see {@link NEVER_ENV}). */
export function neverPassed(name: string): boolean {
  return NEVER_ENV.includes(name) || NEVER_ENV_PREFIXES.some(p => name.startsWith(p))
}

/** What `trainer run` itself reads in a container, whose image sets PATH, HOME and the rest. */
export const CONTAINER_ENV: readonly string[] = ['LOG_LEVEL']
export const CONTAINER_ENV_PREFIXES: readonly string[] = ['TRAINER_UPLOAD_']

const matches = (name: string, names: readonly string[], prefixes: readonly string[]): boolean =>
  names.includes(name) || prefixes.some(p => name.startsWith(p))

/** The experiment's `env:` entries: `NAME`, or `PREFIX_*`. */
const requestedBy = (name: string, requested: readonly string[]): boolean =>
  requested.some(r => (r.endsWith('*') ? name.startsWith(r.slice(0, -1)) : r === name))

/**
 * The part of the launcher's environment a run may see: the base list for a process on this
 * machine (`container: false`), or only `trainer run`'s own knobs for a container, plus the
 * variables the experiment asks for.
 */
export function runEnvironment(
  launcher: Readonly<Record<string, string | undefined>>,
  requested: readonly string[],
  o: {container?: boolean} = {},
): Record<string, string> {
  const [names, prefixes] = o.container ? [CONTAINER_ENV, CONTAINER_ENV_PREFIXES] : [BASE_ENV, BASE_ENV_PREFIXES]
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(launcher))
    if (v !== undefined && !neverPassed(k) && (matches(k, names, prefixes) || requestedBy(k, requested))) out[k] = v
  return out
}
