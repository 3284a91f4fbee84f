import {describe, expect, test} from 'vitest'
import {ConfigError} from '../../../src/kit/errors.js'
import {manifestPathspecs, parseManifest, patternBases, selectPaths} from '../../../src/manifest/patterns.js'
import {TempRepo} from '../../helpers/git.js'

const FILES = [
  '.image-manifest',
  'Dockerfile',
  'README.md',
  'ARR_COC/__init__.py',
  'ARR_COC/model.py',
  'ARR_COC/Training/train.py',
  'ARR_COC/Training/config.yaml',
  'ARR_COC/tests/test_model.py',
  'Stack/arr-trainer/Dockerfile',
  'Stack/arr-trainer/pyproject.toml',
  'Stack/other/Dockerfile',
  'docs/a.py',
  '.github/workflows/ci.yml',
]

describe('selectPaths', () => {
  test.each([
    [
      ['ARR_COC/**/*.py'],
      ['ARR_COC/Training/train.py', 'ARR_COC/__init__.py', 'ARR_COC/model.py', 'ARR_COC/tests/test_model.py'],
    ],
    [['Stack/arr-trainer/Dockerfile'], ['Stack/arr-trainer/Dockerfile']],
    // no slash: any depth, as in gitignore
    [['Dockerfile'], ['Dockerfile', 'Stack/arr-trainer/Dockerfile', 'Stack/other/Dockerfile']],
    // leading slash anchors to the root
    [['/Dockerfile'], ['Dockerfile']],
    // a directory covers everything under it; trailing slash means directories only
    [['Stack/arr-trainer'], ['Stack/arr-trainer/Dockerfile', 'Stack/arr-trainer/pyproject.toml']],
    [['ARR_COC/Training/'], ['ARR_COC/Training/config.yaml', 'ARR_COC/Training/train.py']],
    [['README.md/'], []],
    // negation: the last matching pattern wins
    [
      ['ARR_COC/**/*.py', '!ARR_COC/tests/'],
      ['ARR_COC/Training/train.py', 'ARR_COC/__init__.py', 'ARR_COC/model.py'],
    ],
    [
      ['*.py', '!ARR_COC/tests/**', 'ARR_COC/tests/test_model.py'],
      [
        'ARR_COC/Training/train.py',
        'ARR_COC/__init__.py',
        'ARR_COC/model.py',
        'ARR_COC/tests/test_model.py',
        'docs/a.py',
      ],
    ],
    // dotfiles are ordinary files
    [['.github/**'], ['.github/workflows/ci.yml']],
    [['.image-manifest'], ['.image-manifest']],
    [['# comment', '', '   ', 'README.md  '], ['README.md']],
  ])('[%#] %j selects %j', (lines, expected) => {
    const {selected} = selectPaths(FILES, parseManifest(lines.join('\n'), 'm'))
    expect(selected.sort()).toEqual([...expected].sort())
  })

  test('reports positive patterns that match nothing, with their line', () => {
    const pats = parseManifest('Dockerfile\n\n# x\nnope/**\n!README.md\nARR_COC/*.py\n', 'm')
    const {unmatched} = selectPaths(FILES, pats)
    expect(unmatched.map(p => [p.line, p.source])).toEqual([[4, 'nope/**']])
  })

  test('a pattern shadowed by a later one still counts as matching', () => {
    const {unmatched} = selectPaths(FILES, parseManifest('ARR_COC/model.py\nARR_COC/**', 'm'))
    expect(unmatched).toEqual([])
  })

  test('escaped # and ! are literal names', () => {
    const {selected} = selectPaths(['#notes', '!bang', 'x'], parseManifest('\\#notes\n\\!bang', 'm'))
    expect(selected).toEqual(['#notes', '!bang'])
  })
})

describe('gitignore glob syntax, not picomatch extensions (checked against git check-ignore)', () => {
  const files = [
    'file(1).txt',
    'file1.txt',
    '{a,b}.txt',
    'a.txt',
    'b.txt',
    'fileb.txt',
    'fileA.txt',
    'c/*/x',
    'c/y/x',
    'k/#x',
    'a',
    'a/c',
    'a/d/e',
    'x/foo',
    'x/foo/f',
    '+(a|',
    'a(b',
  ]
  test.each([
    ['file(1).txt', ['file(1).txt']],
    ['{a,b}.txt', ['{a,b}.txt']],
    ['file[!a-z].txt', ['file1.txt', 'fileA.txt']],
    ['file[a-z].txt', ['fileb.txt']],
    ['c/\\*/x', ['c/*/x']],
    ['k/\\#x', ['k/#x']],
    ['/a/**', ['a/c', 'a/d/e']],
    ['**/foo/**', ['x/foo/f']],
    ['+(a|', ['+(a|']],
  ])('[%#] %s', (line, expected) => {
    expect(selectPaths(files, parseManifest(line, 'm')).selected.sort()).toEqual([...expected].sort())
  })
  test('a byte-order mark does not hide the first line', () => {
    expect(selectPaths(['src/a.py'], parseManifest('\uFEFFsrc/\n', 'm')).selected).toEqual(['src/a.py'])
  })
})

describe('parseManifest errors', () => {
  test.each([
    ['../secrets/*'],
    ['a/../../b'],
    ['/../x'],
    ['..'],
    ['\\../x'],
    ['.\\./x'],
    ['..\\/x'],
    ['a/\\.\\./\\.\\./b'],
    ['\\.\\.'],
  ])('[%#] %s escapes the repository', line => {
    let err: unknown
    try {
      parseManifest(`ok.py\n${line}\n`, '.image-manifest')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as ConfigError).located()).toBe(
      `.image-manifest:2:1: pattern '${line}' escapes the repository: manifest paths are relative to the repository root`,
    )
  })
})

test('patternBases limits a walk to static prefixes', () => {
  expect(patternBases(parseManifest('ARR_COC/**/*.py\nStack/arr-trainer/Dockerfile\n!x', 'm')).sort()).toEqual([
    'ARR_COC',
    'Stack/arr-trainer/Dockerfile',
  ])
  expect(patternBases(parseManifest('ARR_COC/**\n*.py', 'm'))).toEqual([''])
})

describe('manifestPathspecs: what git is asked about for uncommitted and untracked files', () => {
  const files = [...FILES, 'ARR_COC/weights.py/inner.txt', 'lit*eral/x.txt', 'Dockerfile.dev']
  let repo: TempRepo | undefined
  const gitFiles = (specs: string[]): string[] => {
    if (!repo) {
      repo = new TempRepo()
      for (const f of files) repo.write(f, 'x\n')
      repo.commit()
    }
    return repo
      .git('ls-files', '-z', '--', ...specs)
      .split('\0')
      .filter(Boolean)
      .sort()
  }

  test.each([
    [['ARR_COC/**/*.py'], []],
    [['Dockerfile'], []],
    [['/Dockerfile', 'Stack/arr-trainer'], []],
    [['ARR_COC/Training/'], []],
    [['ARR_COC/**', '!ARR_COC/tests/'], ['ARR_COC/tests/test_model.py']],
    [['*.py'], []],
    [['lit\\*eral'], []],
    [['/lit\\*eral/'], []],
    [['Stack/*/Dockerfile', '*.toml'], []],
  ])('[%#] %j: git matches the listed files, and %j that a negation drops', (lines, extra) => {
    const patterns = parseManifest(lines.join('\n'), '.image-manifest')
    const listed = selectPaths(files, patterns).selected
    expect(listed.length).toBeGreaterThan(0)
    // a superset of the listed files (negations are not pathspecs) and nothing unrelated
    expect(gitFiles(manifestPathspecs(patterns))).toEqual([...listed, ...extra].sort())
  })

  test('a literal path is one literal pathspec; a glob also covers what lies under a match', () => {
    expect(manifestPathspecs(parseManifest('/Dockerfile\n/src/\n/src\nsrc/**\n*.py\n!x\n', 'm'))).toEqual([
      ':(top,literal)Dockerfile',
      ':(top,literal)src',
      ':(top,glob)src/**',
      ':(top,glob)**/*.py',
      ':(top,glob)**/*.py/**',
    ])
  })
})
