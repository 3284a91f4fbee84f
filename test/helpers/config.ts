import {parseConfig} from '../../src/config/parse.js'
import {ConfigError} from '../../src/kit/errors.js'

/** trainer.yml text's first error as the user sees it (`file:line:col: message`), or 'no error'. */
export function located(text: string): string {
  try {
    parseConfig(text, 'trainer.yml')
  } catch (e) {
    if (e instanceof ConfigError) return e.located()
    throw e
  }
  return 'no error'
}
