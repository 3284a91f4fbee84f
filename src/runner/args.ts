import {ConfigError} from '../kit/errors.js'

/** The command line of seed 000's `container_main.py`, which `trainer run` implements. */
export interface RunnerArgs {
  experiment: string | undefined
  runIndex: number | undefined
  seed: number | undefined
  preferConfigSeed: boolean
  /** `--override-<key> <value>`: keys as given (`batch-size` matches `batch_size`). */
  overrides: Record<string, string>
  tag: string | undefined
  resultsRoot: string
  archive: 'zip' | undefined
  allowMissingUpload: boolean
  config: string | undefined
  /** Seconds a stopped training gets to checkpoint before it is killed. */
  gracePeriod: number
  help: boolean
}

export const RUNNER_USAGE = `Usage: trainer run --experiment NAME --run_index N [--seed S] [--no-prefer-config-seed]
                   [--override-KEY VALUE ...] [--tag TAG] [--results-root DIR] [--archive zip]
                   [--allow-missing-upload] [--config trainer.yml] [--grace-period SECONDS]
Environment: RESULT_URL (pre-signed PUT URL for --archive zip), RUN_TIMEOUT_SEC, LOG_LEVEL, TRAINER_RUN_TOKEN
  (a launcher's identity token, kept in the environment); upload: TRAINER_UPLOAD_RETRIES, _RETRY_BASE_MS,
  _TIMEOUT_SEC (inactivity), _ATTEMPT_SEC (one attempt), _DEADLINE_SEC (the whole upload).
Exit codes: 0 success, 1 training error, 2 configuration or import error, 3 upload error (or metrics.json
  could not be written), 130 interrupted.`

const int = (flag: string, v: string, min = 0): number => {
  const n = Number(v)
  if (!/^\d+$/.test(v.trim()) || n < min) throw new ConfigError(`${flag} needs a whole number, got '${v}'`, {key: flag})
  return n
}

/** Parses seed 000's flags; `--flag value` and `--flag=value` both work. */
export function parseRunnerArgs(argv: readonly string[]): RunnerArgs {
  const a: RunnerArgs = {
    experiment: undefined,
    runIndex: undefined,
    seed: undefined,
    preferConfigSeed: true,
    overrides: {},
    tag: undefined,
    resultsRoot: 'results',
    archive: undefined,
    allowMissingUpload: false,
    config: undefined,
    gracePeriod: 30,
    help: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!
    const eq = word.indexOf('=')
    const flag = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word
    const inline = word.startsWith('--') && eq > 0 ? word.slice(eq + 1) : undefined
    const value = (): string => {
      if (inline !== undefined) return inline
      const v = argv[++i]
      if (v === undefined) throw new ConfigError(`${flag} needs a value`, {key: flag})
      return v
    }
    /** An on-off flag: `--flag=value` is a mistake, not a silent yes. */
    const noValue = (): true => {
      if (inline !== undefined) throw new ConfigError(`${flag} takes no value, got '${word}'`, {key: flag})
      return true
    }
    switch (flag) {
      case '--experiment':
        a.experiment = value()
        break
      case '--run_index':
      case '--run-index':
        a.runIndex = int(flag, value())
        break
      case '--seed':
        a.seed = int(flag, value())
        break
      case '--no-prefer-config-seed':
        a.preferConfigSeed = !noValue()
        break
      case '--tag':
        a.tag = value()
        break
      case '--results-root':
        a.resultsRoot = value()
        break
      case '--archive': {
        const v = value()
        if (v !== 'zip') throw new ConfigError(`--archive supports 'zip', got '${v}'`, {key: flag})
        a.archive = 'zip'
        break
      }
      case '--allow-missing-upload':
        a.allowMissingUpload = noValue()
        break
      case '--config':
        a.config = value()
        break
      case '--grace-period':
        a.gracePeriod = int(flag, value())
        break
      case '-h':
      case '--help':
        a.help = noValue()
        break
      default:
        if (flag.startsWith('--override-') && flag.length > '--override-'.length) {
          a.overrides[flag.slice('--override-'.length)] = value()
          break
        }
        throw new ConfigError(`unknown argument '${word}'`, {key: word}, {hint: RUNNER_USAGE})
    }
  }
  return a
}
