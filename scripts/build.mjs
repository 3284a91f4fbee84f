// Builds one ncc bundle per action (and the CLI), then regenerates the generated
// parts of the action docs from each action.yml. Run with the node@24 devDependency.
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'

export const BUNDLES = ['hash', 'build', 'launch', 'launch-post', 'report', 'reconcile', 'command', 'cli', 'run']

// `node scripts/build.mjs launch cli` builds only those bundles (the docs are regenerated all the same)
const only = process.argv.slice(2)
const unknown = only.filter(n => !BUNDLES.includes(n))
if (unknown.length) {
  console.error(`unknown bundle ${unknown.join(', ')}; bundles: ${BUNDLES.join(', ')}`)
  process.exit(2)
}
const built = only.length ? only : BUNDLES
const statsDir = mkdtempSync(join(tmpdir(), 'trainer-build-'))
for (const name of built) {
  rmSync(`dist/${name}`, {recursive: true, force: true})
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      `src/entries/${name}.ts`,
      '-o',
      `dist/${name}`,
      '-m',
      '-q',
      '--stats-out',
      join(statsDir, `${name}.json`),
      '--target',
      'es2023',
    ],
    {stdio: 'inherit'},
  )
  if (r.status !== 0) process.exit(r.status ?? 1)
  writeFileSync(`dist/${name}/licenses.txt`, licenses(JSON.parse(readFileSync(join(statsDir, `${name}.json`), 'utf8'))))
}
rmSync(statsDir, {recursive: true, force: true})
/**
 * The licence of every package whose code is in a bundle, its lazily loaded chunks included
 * (ncc's own --license sees only the main chunk): the packages come from webpack's stats,
 * each with its licence field and its LICENSE/LICENCE/COPYING files.
 */
function licenses(stats) {
  // `node_modules/a`, `node_modules/@s/b`, `node_modules/a/node_modules/c`: a package's directory
  const PKG = /node_modules\/(?:@[^/\s!]+\/)?[^/\s!]+(?:\/node_modules\/(?:@[^/\s!]+\/)?[^/\s!]+)*/g
  const dirs = new Set()
  const walk = modules => {
    for (const m of modules ?? []) {
      for (const found of `${m.name ?? ''} ${m.identifier ?? ''}`.matchAll(PKG)) dirs.add(found[0])
      walk(m.modules)
    }
  }
  walk(stats.modules)
  for (const c of stats.chunks ?? []) walk(c.modules)
  const out = []
  const seen = new Set()
  for (const dir of [...dirs].sort()) {
    const pkgFile = join(dir, 'package.json')
    if (!existsSync(pkgFile)) continue
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'))
    const id = `${pkg.name}@${pkg.version}`
    if (seen.has(id)) continue
    seen.add(id)
    const texts = readdirSync(dir)
      .filter(f => /^(licen[cs]e|copying|notice)(\.|-|$)/i.test(f))
      .sort()
      .map(f => readFileSync(join(dir, f), 'utf8').trim())
    out.push([id, String(pkg.license ?? 'UNKNOWN'), ...texts].join('\n'))
  }
  return out.join('\n\n') + '\n'
}

// CommonJS code inside an ESM bundle may read __dirname (ssh2's wasm loader does).
const SHIM =
  "import {dirname as __trainerDirname} from 'node:path';import {fileURLToPath as __trainerPath} from 'node:url';const __filename=__trainerPath(import.meta.url);const __dirname=__trainerDirname(__filename);\n"
// Optional native add-ons (ssh2's crypto, cpu-features) exist only where their install
// scripts ran; the code falls back without them. Dropping them keeps dist reproducible.
const dropNative = dir => {
  for (const d of readdirSync(dir, {withFileTypes: true})) {
    const p = join(dir, d.name)
    if (d.isDirectory()) {
      dropNative(p)
      if (readdirSync(p).length === 0) rmSync(p, {recursive: true})
    } else if (/\.(node|exe)$/.test(d.name)) rmSync(p)
  }
}
for (const name of built) {
  // the entry and its lazily loaded chunks: each is a module of its own
  for (const js of readdirSync(`dist/${name}`).filter(f => f.endsWith('.js'))) {
    const file = `dist/${name}/${js}`
    let body = readFileSync(file, 'utf8')
    const bang = body.startsWith('#!') ? body.slice(0, body.indexOf('\n') + 1) : ''
    body = body.slice(bang.length)
    // once: a bundle another build already shimmed is left as it is
    if (!body.startsWith(SHIM) && /\b__dirname\b|\b__filename\b/.test(body)) body = SHIM + body
    writeFileSync(file, (name === 'cli' && js === 'index.js' ? '#!/usr/bin/env node\n' : bang) + body)
  }
  dropNative(`dist/${name}`)
}
chmodSync('dist/cli/index.js', 0o755)

// docs/actions/<name>.md: the part between the markers comes from action.yml.
const START = '<!-- generated from action.yml: do not edit below -->'
const END = '<!-- end of generated part -->'
const esc = s => String(s).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim()
function usage(uses, a) {
  const lines = [`- uses: ${uses}`, '  with:']
  for (const [k, v] of Object.entries(a.inputs ?? {})) {
    lines.push(`    # ${esc(v.description)}`)
    lines.push(`    # Default: ${v.default === undefined ? '(none)' : JSON.stringify(v.default)}`)
    lines.push(`    ${k}: ''`)
    lines.push('')
  }
  lines.pop()
  return lines.join('\n')
}
function generated(uses, a) {
  const out = [
    START,
    '',
    '## Usage',
    '',
    '```yaml',
    usage(uses, a),
    '```',
    '',
    '## Inputs',
    '',
    '| input | default | description |',
    '|---|---|---|',
  ]
  for (const [k, v] of Object.entries(a.inputs ?? {}))
    out.push(`| \`${k}\` | ${v.default === undefined ? '' : `\`${esc(v.default)}\``} | ${esc(v.description)} |`)
  out.push('', '## Outputs', '', '| output | description |', '|---|---|')
  for (const [k, v] of Object.entries(a.outputs ?? {})) out.push(`| \`${k}\` | ${esc(v.description)} |`)
  out.push('', END)
  return out.join('\n')
}
const pages = [
  ['action.yml', 'docs/actions/launch.md', 'your-org/trainer-action@v1'],
  ...BUNDLES.filter(n => existsSync(`actions/${n}/action.yml`)).map(n => [
    `actions/${n}/action.yml`,
    `docs/actions/${n}.md`,
    `your-org/trainer-action/actions/${n}@v1`,
  ]),
]
for (const [yml, page, uses] of pages) {
  if (!existsSync(page)) continue
  const a = parse(readFileSync(yml, 'utf8'))
  const text = readFileSync(page, 'utf8')
  const i = text.indexOf(START)
  const j = text.indexOf(END)
  const head = i >= 0 ? text.slice(0, i) : text.trimEnd() + '\n\n'
  const tail = j >= 0 ? text.slice(j + END.length) : '\n'
  writeFileSync(page, head + generated(uses, a) + tail)
}
