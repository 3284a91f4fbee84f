import {ConfigError, BuildError, TrainerError, getErrorMessage, isUserError, wrapError} from './errors.js'
import type {ActionIO} from './io.js'

/**
 * The one outer guard of every action and CLI verb: runs `fn`, turns errors into
 * a failed step with one clear message (and an annotation for config errors), and
 * always releases resources so Node exits on its own.
 */
export async function runAction<T>(
  name: string,
  fn: (io: ActionIO) => Promise<T>,
  io: ActionIO,
): Promise<T | undefined> {
  try {
    return await fn(io)
  } catch (e: unknown) {
    if (e instanceof ConfigError) {
      io.setFailed(`${name}: ${e.located()}${e.hint ? `\n${e.hint}` : ''}`, e.where)
    } else if (e instanceof BuildError) {
      if (e.output) io.log.error(e.output)
      io.setFailed(`${name}: ${e.message}`)
    } else {
      const err = wrapError(e)
      if (!isUserError(e) && err.stack) io.log.debug(err.stack)
      const hint = e instanceof TrainerError && e.hint ? `\n${e.hint}` : ''
      io.setFailed(`${name}: ${getErrorMessage(e)}${hint}`)
    }
    return undefined
  } finally {
    await io.close()
  }
}
