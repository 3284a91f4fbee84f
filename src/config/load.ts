import {readFile} from 'node:fs/promises'
import {isAbsolute, resolve} from 'node:path'
import {ConfigError} from '../kit/errors.js'
import type {TrainerConfig} from './schema.js'

export const DEFAULT_CONFIG = 'trainer.yml'

export interface LoadedConfig {
  config: TrainerConfig
  /** The file it came from, or undefined for the built-in defaults. */
  file: string | undefined
}

/**
 * Loads the configuration: `path` when given (it must exist), else trainer.yml in
 * `cwd` when present, else the built-in defaults.
 */
export async function loadConfig(cwd: string, path?: string): Promise<LoadedConfig> {
  const explicit = path !== undefined && path !== ''
  const file = resolve(cwd, explicit ? path : DEFAULT_CONFIG)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e: unknown) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return {config: {}, file: undefined}
    throw new ConfigError(
      `config file ${path ?? file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      {file: path ?? file},
    )
  }
  const label = isAbsolute(path ?? '') ? file : explicit ? path : DEFAULT_CONFIG
  // The YAML parser loads only when there is a file to parse (start-up time of the small actions).
  const {parseConfig} = await import('./parse.js')
  return {config: parseConfig(text, label), file}
}
