import {createRequire} from 'node:module'

interface Example {
  name: string
  examples: Record<string, unknown>[]
}

/** A real webhook payload recorded by GitHub (@octokit/webhooks-examples). */
export function webhookExample(name: string, index = 0): Record<string, unknown> {
  const all = createRequire(import.meta.url)('@octokit/webhooks-examples') as Example[]
  const e = all.find(x => x.name === name)?.examples[index]
  if (!e) throw new Error(`no ${name} example #${index} in @octokit/webhooks-examples`)
  return e
}
