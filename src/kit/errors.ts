/** Where a user error points: a file position, a config key, an input name. */
export interface Where {
  file?: string
  line?: number
  col?: number
  key?: string
}

/** Base of every error the toolkit raises on purpose. */
export class TrainerError extends Error {
  override name = 'TrainerError'
  hint: string | undefined
  constructor(message: string, options: {cause?: unknown; hint?: string} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.hint = options.hint
  }
}

/** Bad input from the user: config files, manifests, inputs, flags. Reported without a stack. */
export class ConfigError extends TrainerError {
  override name = 'ConfigError'
  where: Where
  constructor(message: string, where: Where = {}, options: {cause?: unknown; hint?: string} = {}) {
    super(message, options)
    this.where = where
  }

  /** `file:line:col: message` (the compiler-style form editors and CI logs link). */
  located(): string {
    const {file, line, col} = this.where
    if (file === undefined) return this.message
    const pos = line === undefined ? file : col === undefined ? `${file}:${line}` : `${file}:${line}:${col}`
    return `${pos}: ${this.message}`
  }
}

/** Credentials missing or refused by a service. */
export class AuthError extends TrainerError {
  override name = 'AuthError'
}

/** A remote service (registry, Docker engine, API) failed or could not be reached. */
export class ServiceError extends TrainerError {
  override name = 'ServiceError'
  service: string
  op: string
  status: number | undefined
  retryable: boolean
  /** How long the service asked us to wait before trying again (its Retry-After), in ms. */
  retryAfterMs: number | undefined
  constructor(
    service: string,
    op: string,
    message: string,
    options: {
      status?: number
      retryable?: boolean
      retryAfterMs?: number | undefined
      cause?: unknown
      hint?: string
    } = {},
  ) {
    super(`${op} ${service}: ${message}`, options)
    this.service = service
    this.op = op
    this.status = options.status
    this.retryable = options.retryable ?? false
    this.retryAfterMs = options.retryAfterMs
  }
}

export class NotFoundError extends TrainerError {
  override name = 'NotFoundError'
}

export class CancelledError extends TrainerError {
  override name = 'CancelledError'
}

/** A build step failed: the message is the failing step's output, not a stack trace. */
export class BuildError extends TrainerError {
  override name = 'BuildError'
  output: string
  constructor(message: string, output: string) {
    super(message)
    this.output = output
  }
}

export function getErrorMessage(e: unknown): string {
  if (e instanceof ConfigError) return e.located()
  if (e instanceof Error) return e.message
  return String(e)
}

export function wrapError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e))
}

/**
 * Errors the user can act on from the message alone (bad input, refused credentials, a
 * missing thing, a stop): no stack. A ServiceError (a service failed or could not be
 * reached) and anything else keep their stack at debug level, where it helps find out why.
 */
export function isUserError(e: unknown): boolean {
  return e instanceof TrainerError && !(e instanceof ServiceError)
}
