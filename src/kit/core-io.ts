import * as core from '@actions/core'
import type {Where} from './errors.js'
import {githubRun} from './github.js'
import {Closers, type ActionIO} from './io.js'

function props(where: Where | undefined, title?: string): core.AnnotationProperties {
  const p: core.AnnotationProperties = {}
  if (title !== undefined) p.title = title
  if (where?.file !== undefined) p.file = where.file
  if (where?.line !== undefined) p.startLine = where.line
  if (where?.col !== undefined) p.startColumn = where.col
  return p
}

/** The ActionIO of a step run by a GitHub runner, built when the action starts. */
export function coreIO(env: NodeJS.ProcessEnv = process.env): ActionIO {
  const closers = new Closers()
  return {
    input: name => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, String(value)),
    saveState: (name, value) => core.saveState(name, value),
    getState: name => core.getState(name),
    summary: async md => {
      if (!env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(md, true).write()
    },
    setSecret: value => {
      if (value) core.setSecret(value)
    },
    log: {
      debug: m => core.debug(m),
      info: m => core.info(m),
      warning: (m, where) => core.warning(m, props(where)),
      error: (m, where) => core.error(m, props(where)),
      group: (name, fn) => core.group(name, fn),
    },
    env,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    github: () => githubRun(env),
    now: () => new Date(),
    onClose: fn => closers.add(fn),
    close: () => closers.run(),
    setFailed: (m, where) => {
      core.error(m, props(where))
      process.exitCode = core.ExitCode.Failure
    },
  }
}
