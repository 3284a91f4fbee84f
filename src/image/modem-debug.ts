/**
 * docker-modem logs every request it sends under `DEBUG=modem` (or `DEBUG=*`), the
 * `X-Registry-Auth` header of a push included: the registry password, base64-encoded.
 * The `debug` package reads DEBUG once, when it is first loaded, so this module must be
 * evaluated before dockerode is: src/image/docker.ts imports it first. It is the one
 * import-time side effect in the codebase, and it only ever narrows what is logged.
 */

/** DEBUG with docker-modem's namespace skipped (a `-name` skip wins over any include). */
export function withoutModem(debug: string | undefined): string | undefined {
  if (!debug?.trim()) return debug
  if (debug.split(/[\s,]+/).includes('-modem')) return debug
  return `${debug},-modem`
}

const debug = withoutModem(process.env.DEBUG)
if (debug !== undefined) process.env.DEBUG = debug
