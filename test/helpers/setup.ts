import {afterEach, beforeEach} from 'vitest'

// Module state never leaks between tests: snapshot and restore the environment.
let saved: NodeJS.ProcessEnv
beforeEach(() => {
  saved = {...process.env}
})
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) Reflect.deleteProperty(process.env, k)
  Object.assign(process.env, saved)
})
