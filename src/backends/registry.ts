/**
 * Backends by name. trainer.yml's `backends:` names them; `local` and `local-docker` exist
 * without being declared. Each backend's module is imported only when a launch uses it, so
 * a bundle that never runs on Slurm never loads ssh2, and one that never uses containers
 * never loads dockerode.
 */
import type {BackendConfig, BackendsConfig} from '../config/backends.js'
import {ConfigError} from '../kit/errors.js'
import type {LocalDeps} from './local/index.js'
import type {Backend} from './types.js'

export type BackendDeps = LocalDeps

/** The options of the backend a name stands for (a declared one, or a built-in local one). */
export function backendConfig(name: string, backends: BackendsConfig | undefined): BackendConfig {
  const declared = backends && Object.hasOwn(backends, name) ? backends[name] : undefined
  if (declared) return declared
  if (name === 'local' || name === 'local-docker') return {type: name}
  const known = [...new Set(['local', 'local-docker', ...Object.keys(backends ?? {})])]
  throw new ConfigError(`unknown backend '${name}'; backends: ${known.join(', ')} (declare others under backends:)`, {
    key: 'backend',
  })
}

/** Makes the backend a launch runs on, loading its module. */
export async function loadBackend(name: string, config: BackendConfig, deps: BackendDeps): Promise<Backend> {
  switch (config.type) {
    case 'local':
      return (await import('./local/index.js')).createBackend(name, config, deps)
    case 'local-docker':
      return (await import('./local-docker/index.js')).createBackend(name, config, deps)
    case 'slurm':
      return (await import('./slurm/index.js')).createBackend(name, config, deps)
    case 'vertex':
    case 'self-hosted':
      throw new ConfigError(
        `backend '${name}' (${config.type}) is not available yet; available: local, local-docker, slurm`,
        {key: 'backend'},
      )
  }
}
