import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {
  LIMITS,
  USAGE,
  parseComment,
  quoteValue,
  renderArgs,
  type ParsedComment,
  type TrainArgs,
} from '../../../src/chatops/command.js'
import {typedOverrides} from '../../../src/chatops/params.js'
import {parseConfig} from '../../../src/config/parse.js'
import {ConfigError} from '../../../src/kit/errors.js'
import {CORPUS, dq, quotable} from '../../fixtures/injection-corpus.js'
import {canonical, fuzz} from './fuzz.js'

const args = (a: Partial<TrainArgs> = {}): TrainArgs => ({overrides: {}, sweep: {}, dryRun: false, ...a})
const train = (a: Partial<TrainArgs> = {}, line = 1): ParsedComment => ({kind: 'train', args: args(a), line})

/** Rows with a short title first: some inputs are thousands of characters long. */
const titled = <T extends [string, ...unknown[]]>(rows: T[]): [string, ...T][] =>
  rows.map(r => [JSON.stringify(r[0].length > 70 ? `${r[0].slice(0, 67)}...` : r[0]), ...r])

/** The error of a body: its message, line and column (a non-error fails the test). */
function refusal(body: string): {message: string; line?: number; column?: number} {
  const r = parseComment(body)
  if (r.kind !== 'error') throw new Error(`expected an error for ${JSON.stringify(body)}, got ${JSON.stringify(r)}`)
  return r
}

describe('which line counts', () => {
  test.each(
    titled<[string, ParsedComment]>([
      ['', {kind: 'none'}],
      ['LGTM, thanks!', {kind: 'none'}],
      ['/train exp=a', train({experiment: 'a'})],
      ['/train', train()],
      ['/train   ', train()],
      ['/train\texp=a', train({experiment: 'a'})],
      // at most 3 spaces, as Markdown allows; 4 is an indented code block
      ['   /train exp=a', train({experiment: 'a'})],
      ['    /train exp=a', {kind: 'none'}],
      ['\t/train exp=a', {kind: 'none'}],
      // only the word itself
      ['/training exp=a', {kind: 'none'}],
      ['/trainx', {kind: 'none'}],
      ['/train-x', {kind: 'none'}],
      ['/Train exp=a', {kind: 'none'}],
      ['please /train exp=a', {kind: 'none'}],
      ['- /train exp=a', {kind: 'none'}],
      ['`/train exp=a`', {kind: 'none'}],
      // several lines: the command is on any one of them
      ['Looks good.\n\n/train exp=a lr=0.1\n\nThanks', train({experiment: 'a', overrides: {lr: '0.1'}}, 3)],
      ['Looks good.\n/train exp=a', train({experiment: 'a'}, 2)],
      ['hi\r\n/train exp=a lr=0.1\r\nbye\r\n', train({experiment: 'a', overrides: {lr: '0.1'}}, 2)],
      ['/train exp=a\r\n', train({experiment: 'a'})],
      // quoted replies do not count
      ['> /train exp=a', {kind: 'none'}],
      ['   > /train exp=a', {kind: 'none'}],
      ['>> /train exp=a', {kind: 'none'}],
      ['> earlier\n> /train exp=a\n\nno', {kind: 'none'}],
      ['> /train exp=old\n\n/train exp=new', train({experiment: 'new'}, 3)],
      ['> quote\n>\n/train exp=a', train({experiment: 'a'}, 3)],
      // fenced code blocks do not count; after the closing fence it does
      ['```\n/train exp=a\n```', {kind: 'none'}],
      ['~~~\n/train exp=a\n~~~', {kind: 'none'}],
      ['```sh\n/train exp=a\n```\n/train exp=b', train({experiment: 'b'}, 4)],
      ['````\n```\n/train exp=a\n````\n/train exp=b', train({experiment: 'b'}, 5)],
      ['````md\n/train exp=a\n```\n/train exp=c\n', {kind: 'none'}],
      ['~~~\n/train exp=a\n```\n/train exp=c\n~~~~\n/train exp=b', train({experiment: 'b'}, 6)],
      ['```\n/train exp=a', {kind: 'none'}],
      ['  ```\n/train exp=a\n   ```\n/train exp=b', train({experiment: 'b'}, 4)],
      ['```\n/train exp=a\n``` not a close\n/train exp=c', {kind: 'none'}],
      // a backtick fence's info string has no backtick: this is inline code, not a fence
      ['``` x ` y\n/train exp=a', train({experiment: 'a'}, 2)],
      ['\r\n```\r\n/train exp=a\r\n```\r\n/train exp=b\r\n', train({experiment: 'b'}, 5)],
      // a fence right after a list marker is code in the list item, until the item ends
      ['- ```\n  /train exp=a\n  ```\n/train exp=b', train({experiment: 'b'}, 4)],
      ['1. ```sh\n   /train exp=a\n\n   /train exp=c\n   ```\n/train exp=b', train({experiment: 'b'}, 6)],
      ['- ```\n/train exp=a', train({experiment: 'a'}, 2)],
      // raw HTML blocks: <pre> shows code, <script> and <style> are removed
      ['<pre>\n/train exp=a\n</pre>\n/train exp=b', train({experiment: 'b'}, 4)],
      ['<script>\n/train exp=a\n</script>', {kind: 'none'}],
      ['<PRE class="x">\n/train exp=a\n</PRE>', {kind: 'none'}],
      ['<pre>x</pre>\n/train exp=a', train({experiment: 'a'}, 2)],
      // a <details> block shows its content when opened: it counts
      ['<details>\n\n/train exp=a\n\n</details>', train({experiment: 'a'}, 3)],
      // indented code blocks do not count
      ['text\n\n    /train exp=a\n', {kind: 'none'}],
      // HTML comments are hidden on GitHub: they do not count
      ['<!--\n/train exp=a\n-->', {kind: 'none'}],
      ['<!-- /train exp=a -->', {kind: 'none'}],
      ['<!-- hidden -->\n/train exp=a', train({experiment: 'a'}, 2)],
      ['text <!-- start\n/train exp=a\nend -->\n/train exp=b', train({experiment: 'b'}, 4)],
      ['<!---->\n/train exp=a', train({experiment: 'a'}, 2)],
      ['<!-->\n/train exp=a', train({experiment: 'a'}, 2)],
      // `<!--` inside a code span is text
      ['write `<!--` to hide\n/train exp=a', train({experiment: 'a'}, 2)],
      ['``a ` <!--`` b\n/train exp=a', train({experiment: 'a'}, 2)],
      ['```\n<!--\n```\n/train exp=a', train({experiment: 'a'}, 4)],
      // subcommands
      ['/train status', {kind: 'status', line: 1}],
      ['/train help', {kind: 'help', line: 1}],
      ['/train cancel', {kind: 'cancel', line: 1}],
      [
        '/train cancel mnist-20250101-000000-abcdef-123456',
        {kind: 'cancel', launchId: 'mnist-20250101-000000-abcdef-123456', line: 1},
      ],
      ['thanks\n\n/train   status  ', {kind: 'status', line: 3}],
    ]),
  )('[%#] %s', (_, body, expected) => {
    expect(parseComment(body)).toEqual(expected)
  })

  test.each(
    titled<[string, RegExp, number | undefined, number | undefined]>([
      // more than one command is ambiguous, not "first wins"
      [
        '/train exp=a\n/train exp=b',
        /^2 \/train commands \(lines 1, 2\); write one command per comment$/,
        2,
        undefined,
      ],
      ['/train exp=a\n\n/train status\n/train help', /^3 \/train commands \(lines 1, 3, 4\)/, 3, undefined],
      ['/train exp=a\n```\n```\n/train exp=a', /^2 \/train commands/, 4, undefined],
      // something invisible in front of /train: it looks like a command, so it is not ignored
      ['\u200b/train exp=a', /^line 1, column 1: U\+200B \(a zero-width space\) before \/train/, 1, 1],
      ['\ufeff/train exp=a', /^line 1, column 1: U\+FEFF \(a byte order mark\) before \/train/, 1, 1],
      ['ok\n \u00a0/train exp=a', /^line 2, column 2: U\+00A0 \(a no-break space\) before \/train/, 2, 2],
      ['\u202e/train exp=a', /U\+202E \(an invisible formatting character\) before \/train/, 1, 1],
      // right under a quote GitHub shows it inside the quote (lazy continuation)
      [
        '> quoted\n/train exp=a',
        /^line 2: \/train directly follows the quote on line 1.*put a blank line before \/train$/,
        2,
        1,
      ],
      ['> quoted\nmore\n/train exp=a', /follows the quote on line 1/, 3, 1],
      // a refused character right after /train makes it the command line, and is refused
      [
        '/train\u00a0exp=a',
        /^line 1, column 7: U\+00A0 \(a no-break space\) is not allowed in a \/train command/,
        1,
        7,
      ],
      ['/train\u200b', /^line 1, column 7: U\+200B/, 1, 7],
    ]),
  )('[%#] %s is refused', (_, body, message, line, column) => {
    const r = refusal(body)
    expect(r.message).toMatch(message)
    expect(r.line).toBe(line)
    expect(r.column).toBe(column)
  })
})

describe('the grammar', () => {
  test.each(
    titled<[string, Partial<TrainArgs>]>([
      ['exp=mnist', {experiment: 'mnist'}],
      ['experiment=resnet_cifar10', {experiment: 'resnet_cifar10'}],
      ['exp=9lives.v2-a', {experiment: '9lives.v2-a'}],
      ['exp="mnist"', {experiment: 'mnist'}],
      ['backend=slurm', {backend: 'slurm'}],
      ['backend=vertex', {backend: 'vertex'}],
      ['backend=self-hosted', {backend: 'self-hosted'}],
      ['backend=local', {backend: 'local'}],
      // any name trainer.yml allows: the caller checks it exists
      ['backend=local-docker', {backend: 'local-docker'}],
      ['backend=GPU.a100', {backend: 'GPU.a100'}],
      ['seeds=1,2,3', {seeds: [1, 2, 3]}],
      ['seeds=0', {seeds: [0]}],
      ['seeds=2147483647', {seeds: [2147483647]}],
      [`seeds=${Array.from({length: 100}, (_, i) => i).join(',')}`, {seeds: Array.from({length: 100}, (_, i) => i)}],
      ['seeds="1",\'2\'', {seeds: [1, 2]}],
      ['runs=1', {runs: 1}],
      ['runs=1000', {runs: 1000}],
      ['lr=0.01', {overrides: {lr: '0.01'}}],
      ['lr=-1e-3 momentum=+0.9', {overrides: {lr: '-1e-3', momentum: '+0.9'}}],
      ['model.depth=50 batch-size=64 a_b=x', {overrides: {'model.depth': '50', 'batch-size': '64', a_b: 'x'}}],
      [
        'data=gs://bucket/path/x@v1%20 time=02:00:00',
        {overrides: {data: 'gs://bucket/path/x@v1%20', time: '02:00:00'}},
      ],
      // values are data: option-looking values stay as they are
      ['lr=-rf opt=--help', {overrides: {lr: '-rf', opt: '--help'}}],
      // own keys only: a key named after an Object.prototype member is an ordinary key
      ['constructor=1 tostring=2', {overrides: {constructor: '1', tostring: '2'}}],
      ['note="hello world"', {overrides: {note: 'hello world'}}],
      ["note='hello world'", {overrides: {note: 'hello world'}}],
      ['note=""', {overrides: {note: ''}}],
      ["note=''", {overrides: {note: ''}}],
      ['note="say \\"hi\\" \\\\o/"', {overrides: {note: 'say "hi" \\o/'}}],
      ["note='C:\\data\\x'", {overrides: {note: 'C:\\data\\x'}}],
      ['note="it\'s"', {overrides: {note: "it's"}}],
      ['note=\'say "hi"\'', {overrides: {note: 'say "hi"'}}],
      ['note="a,b=c"', {overrides: {note: 'a,b=c'}}],
      ['note="café 日本 😀"', {overrides: {note: 'café 日本 😀'}}],
      ['note="${{ github.token }}"', {overrides: {note: '${{ github.token }}'}}],
      ['note="$(id); `id` | cat && x"', {overrides: {note: '$(id); `id` | cat && x'}}],
      ['sweep.lr=0.01,0.1', {sweep: {lr: ['0.01', '0.1']}}],
      ['sweep.lr=0.1', {sweep: {lr: ['0.1']}}],
      ['sweep.name="a b",\'c,d\',e,""', {sweep: {name: ['a b', 'c,d', 'e', '']}}],
      ['sweep.batch-size=64,128 lr=0.1', {sweep: {'batch-size': ['64', '128']}, overrides: {lr: '0.1'}}],
      ['--dry-run', {dryRun: true}],
      [
        'exp=resnet backend=slurm seeds=1,2 lr=0.01 sweep.bs=64,128 note="first try" --dry-run',
        {
          experiment: 'resnet',
          backend: 'slurm',
          seeds: [1, 2],
          overrides: {lr: '0.01', note: 'first try'},
          sweep: {bs: ['64', '128']},
          dryRun: true,
        },
      ],
      ['  exp=a\t\tlr=1   ', {experiment: 'a', overrides: {lr: '1'}}],
      [`note=${'a'.repeat(256)}`, {overrides: {note: 'a'.repeat(256)}}],
      [`note="${'a'.repeat(1024)}"`, {overrides: {note: 'a'.repeat(1024)}}],
      [`note="${'é'.repeat(512)}"`, {overrides: {note: 'é'.repeat(512)}}],
      [`note="${'😀'.repeat(256)}"`, {overrides: {note: '😀'.repeat(256)}}],
    ]),
  )('[%#] /train %s', (_, line, expected) => {
    const r = parseComment(`/train ${line}`)
    expect(r).toEqual(train(expected))
    // the round trip through the canonical form gives the same arguments
    const back = r.kind === 'train' ? parseComment(`/train ${renderArgs(r.args)}`) : r
    expect(back).toEqual(r)
  })

  test('overrides and sweeps keep their order and have no prototype', () => {
    const r = parseComment('/train z=1 a=2 m=3 sweep.y=1 sweep.b=2')
    expect(r.kind).toBe('train')
    const a = (r as {args: TrainArgs}).args
    expect(Object.keys(a.overrides)).toEqual(['z', 'a', 'm'])
    expect(Object.keys(a.sweep)).toEqual(['y', 'b'])
    expect(Object.getPrototypeOf(a.overrides)).toBeNull()
    expect(Object.getPrototypeOf(a.sweep)).toBeNull()
  })

  test.each(
    titled<[string, RegExp, number]>([
      // characters refused anywhere on the line, with their column
      [
        '/train exp=a\0',
        /U\+0000 \(NUL\) is not allowed in a \/train command; use plain spaces and printable characters$/,
        13,
      ],
      ['/train note="a\rb"', /U\+000D \(a carriage return\) is not allowed/, 15],
      ['/train note="a\u0007"', /U\+0007 \(a control character\)/, 15],
      ['/train note="\u007f"', /U\+007F \(DEL\)/, 14],
      ['/train note="\u0085"', /U\+0085 \(a control character\)/, 14],
      ['/train note="a\u00a0b"', /U\+00A0 \(a no-break space\)/, 15],
      ['/train note="\u2003"', /U\+2003 \(a non-ASCII space\)/, 14],
      ['/train note="\u200b"', /U\+200B \(a zero-width space\)/, 14],
      ['/train note="a\u2028b"', /U\+2028 \(a line separator\)/, 15],
      ['/train note="\u2029"', /U\+2029 \(a paragraph separator\)/, 14],
      ['/train note="\u3000"', /U\+3000 \(an ideographic space\)/, 14],
      ['/train note="\ufeff"', /U\+FEFF \(a byte order mark\)/, 14],
      ['/train note="abc\u202e"', /U\+202E \(an invisible formatting character\)/, 17],
      ['/train note="\u2066x\u2069"', /U\+2066 \(an invisible formatting character\)/, 14],
      ['/train note="\u{e0041}"', /U\+E0041 \(an invisible formatting character\)/, 14],
      ['/train note="\ue000"', /U\+E000 \(a private-use character\)/, 14],
      ['/train note="\u{10fffd}"', /U\+10FFFD \(a private-use character\)/, 14],
      ['/train note="\u{10ffff}"', /U\+10FFFF \(an unassigned code point\)/, 14],
      ['/train note="\ufffe"', /U\+FFFE \(an unassigned code point\)/, 14],
      ['/train note="\ud800"', /U\+D800 \(a lone surrogate\)/, 14],
      ['/train note="\udc00x"', /U\+DC00 \(a lone surrogate\)/, 14],
      // columns count code points: the emoji before is one column
      ['/train note="😀\u00a0"', /U\+00A0/, 15],
      // a tab separates tokens; in quotes it is refused
      ['/train note="a\tb"', /a tab inside the quoted value of note; use spaces$/, 15],
      ["/train note='a\tb'", /a tab inside the quoted value of note/, 15],
      // the whole line is bounded
      [
        `/train note="${'a'.repeat(LIMITS.line)}"`,
        /the command line is 8206 characters long, over the limit of 8192$/,
        8193,
      ],
      // quotes
      [
        '/train note="abc',
        /unterminated " quote in note: close it on the same line \(a quoted value never spans lines\)$/,
        13,
      ],
      ["/train note='abc", /unterminated ' quote in note/, 13],
      ['/train note="abc\\', /unterminated " quote in note/, 13],
      ['/train note="abc\\"', /unterminated " quote in note/, 13],
      ['/train note="a\nb"', /unterminated " quote in note/, 13],
      ['/train note="a\r\nb"', /unterminated " quote in note/, 13],
      ['/train sweep.x=a,"b', /unterminated " quote in sweep.x/, 18],
      [
        '/train note="a\\nb"',
        /unknown escape \\n in note: inside "..." only \\" and \\\\ are escapes \(use '...' for other backslashes\)$/,
        15,
      ],
      ['/train note="\\$HOME"', /unknown escape \\\$ in note/, 14],
      ['/train note="\\😀"', /unknown escape \\\\u\{1F600\} in note/, 14],
      ['/train note="a"b', /'b' right after the closing quote of note; separate key=value pairs with a space$/, 16],
      ['/train note=\'a\'"b"', /'"' right after the closing quote of note/, 16],
      ['/train note=a"b"', /'"' in the value of note must be quoted/, 14],
      ["/train note=it's", /''' in the value of note must be quoted/, 15],
      // unquoted values: the safe set only
      [
        '/train x=${{github.token}}',
        /'\$' in the value of x must be quoted: unquoted values are letters, digits and _ \. : \+ \/ @ % -; write x="\.\.\." or x='\.\.\.'$/,
        10,
      ],
      ['/train x=a;id', /';' in the value of x must be quoted/, 11],
      ['/train x=a|b', /'\|' in the value of x must be quoted/, 11],
      ['/train x=a&&b', /'&' in the value of x must be quoted/, 11],
      ['/train x=`id`', /'`' in the value of x must be quoted/, 10],
      ['/train x=$(id)', /'\$' in the value of x must be quoted/, 10],
      ['/train x=a>b', /'>' in the value of x must be quoted/, 11],
      ['/train x=~/x', /'~' in the value of x must be quoted/, 10],
      ['/train x=a#b', /'#' in the value of x must be quoted/, 11],
      ['/train x=*', /'\*' in the value of x must be quoted/, 10],
      ['/train x=a=b', /'=' in the value of x must be quoted/, 11],
      ['/train x=café', /U\+00E9 in the value of x must be quoted/, 13],
      ['/train x=\uff41', /U\+FF41 in the value of x must be quoted/, 10],
      ['/train x=😀', /U\+1F600 in the value of x must be quoted/, 10],
      [
        `/train x=${'a'.repeat(257)}`,
        /the value of x is 257 characters long; unquoted values are at most 256 \(quoted: 1024 bytes\)$/,
        10,
      ],
      [`/train x="${'a'.repeat(1025)}"`, /the quoted value of x is 1025 bytes long, over the limit of 1024$/, 10],
      [`/train x="${'é'.repeat(513)}"`, /the quoted value of x is 1026 bytes long/, 10],
      [`/train x='${'😀'.repeat(257)}'`, /the quoted value of x is 1028 bytes long/, 10],
      [
        '/train x=0.1,0.2',
        /a comma in the value of x: quote the value \(x="a,b"\), or sweep it with sweep\.x=a,b$/,
        13,
      ],
      ['/train x=', /x has no value; write x=VALUE \(quote an empty string: x=""\)$/, 10],
      ['/train x= y=1', /x has no value/, 10],
      // keys
      ['/train =1', /a value without a key: write key=value$/, 8],
      [
        '/train Lr=1',
        /key 'Lr' is not allowed: keys are lowercase letters, digits, _ \. - starting with a letter, at most 64$/,
        8,
      ],
      ['/train 1x=1', /key '1x' is not allowed/, 8],
      ['/train _x=1', /key '_x' is not allowed/, 8],
      ['/train __proto__=1', /key '__proto__' is not allowed/, 8],
      [`/train ${'a'.repeat(65)}=1`, /key 'a{40}\.\.\.' is not allowed/, 8],
      ['/train \u0435\u0445\u0440=1', /key '\\u\{435\}\\u\{445\}\\u\{440\}' is not allowed/, 8],
      ['/train \uff45\uff58\uff50=1', /key '\\u\{FF45\}\\u\{FF58\}\\u\{FF50\}' is not allowed/, 8],
      ['/train "exp"=a', /key '"exp"' is not allowed/, 8],
      ['/train a$b=1', /key 'a\$b' is not allowed/, 8],
      [
        '/train exp\uff1da',
        /'exp\\u\{FF1D\}a' is not key=value; write key=value pairs and --dry-run, or one of \/train status, \/train cancel \[LAUNCH-ID\], \/train help$/,
        8,
      ],
      ['/train sweep=1,2', /sweep needs a parameter: sweep\.NAME=V1,V2,\.\.\.$/, 8],
      [
        '/train sweep.=1',
        /'' \(in 'sweep\.'\) is not a parameter name: lowercase letters, digits, _ \. - starting with a letter, at most 64$/,
        14,
      ],
      ['/train sweep.Lr=1', /'Lr' \(in 'sweep\.Lr'\) is not a parameter name/, 14],
      // a key once
      ['/train lr=1 lr=2', /'lr' is given twice \(also at column 8\); give each key once$/, 13],
      ['/train exp=a experiment=b', /'experiment' and 'exp' \(column 8\) set the same thing; give one of them$/, 14],
      ['/train batch_size=1 batch-size=2', /'batch-size' and 'batch_size' \(column 8\) set the same thing/, 21],
      ['/train lr=1 sweep.lr=1,2', /'sweep\.lr' and 'lr' \(column 8\) set the same thing/, 13],
      ['/train sweep.lr=1 sweep.lr=2', /'sweep\.lr' is given twice/, 19],
      [
        '/train seeds=1 runs=2',
        /'runs' and 'seeds' \(column 8\) both say how many runs; give seeds=\.\.\. or runs=N, not both$/,
        16,
      ],
      ['/train backend=a backend=b', /'backend' is given twice/, 18],
      ['/train --dry-run --dry-run', /--dry-run is given twice$/, 18],
      // names
      [
        '/train exp=-x',
        /'-x' is not an experiment name: letters, digits, _ \. - starting with a letter or digit, at most 100$/,
        12,
      ],
      ['/train exp=--help', /'--help' is not an experiment name/, 12],
      ['/train exp="my exp"', /'my exp' is not an experiment name/, 12],
      ['/train exp=a/b', /'a\/b' is not an experiment name/, 12],
      [`/train exp=${'a'.repeat(101)}`, /is not an experiment name/, 12],
      [
        '/train backend=slurm:x',
        /'slurm:x' is not a backend name: one of slurm, vertex, self-hosted, local, or another backend of trainer\.yml \(letters, digits, _ \. -, at most 64\)$/,
        16,
      ],
      ['/train backend=-x', /'-x' is not a backend name/, 16],
      // seeds and runs
      ['/train seeds=1,x', /seed 'x' is not a whole number from 0 to 2147483647 \(no sign, no leading zeros\)$/, 16],
      ['/train seeds=-1', /seed '-1' is not a whole number/, 14],
      ['/train seeds=+1', /seed '\+1' is not a whole number/, 14],
      ['/train seeds=007', /seed '007' is not a whole number/, 14],
      ['/train seeds=1.5', /seed '1\.5' is not a whole number/, 14],
      ['/train seeds=1e3', /seed '1e3' is not a whole number/, 14],
      ['/train seeds=2147483648', /seed '2147483648' is not a whole number/, 14],
      ['/train seeds=99999999999', /seed '99999999999' is not a whole number/, 14],
      ['/train seeds=1,2,1', /seed 1 is given twice$/, 18],
      [
        '/train seeds=1,,2',
        /an empty item in the list of seeds; write V1,V2,\.\.\. \(quote an empty string: ""\)$/,
        16,
      ],
      ['/train seeds=1,', /an empty item in the list of seeds/, 16],
      ['/train seeds=', /seeds has no value/, 14],
      [`/train seeds=${Array.from({length: 101}, (_, i) => i).join(',')}`, /101 seeds, over the limit of 100$/, 14],
      ['/train runs=0', /runs='0' is not a whole number from 1 to 1000$/, 13],
      ['/train runs=1001', /runs='1001' is not a whole number from 1 to 1000$/, 13],
      ['/train runs=01', /runs='01' is not a whole number/, 13],
      ['/train runs=1,2', /a comma in the value of runs/, 14],
      // sweeps
      ['/train sweep.lr=1,,2', /an empty item in the list of sweep\.lr/, 19],
      ['/train sweep.lr=1,2,1', /'1' is given twice in sweep\.lr$/, 21],
      [
        `/train sweep.x=${Array.from({length: 1001}, (_, i) => i).join(',')}`,
        /1001 values for sweep\.x, over the limit of 1000$/,
        16,
      ],
      [`/train ${Array.from({length: 101}, (_, i) => `k${i}=1`).join(' ')}`, /more than 100 parameters$/, 598],
      // flags
      ['/train --dryrun', /unknown flag '--dryrun'; flags: --dry-run \(they take no value\)$/, 8],
      ['/train --dry-run=true', /unknown flag '--dry-run=true'/, 8],
      ['/train -n', /unknown flag '-n'/, 8],
      ['/train --', /unknown flag '--'/, 8],
      ['/train --output=/etc/passwd', /unknown flag '--output=\/etc\/passwd'/, 8],
      ['/train -rf', /unknown flag '-rf'/, 8],
      // words
      ['/train mnist', /'mnist' is not key=value/, 8],
      ['/train exp mnist', /'exp' is not key=value/, 8],
      ['/train "a b"', /'"a' is not key=value/, 8],
      ['/train ;', /';' is not key=value/, 8],
      ['/train stauts', /'stauts' is not key=value.*\/train status/, 8],
      // subcommands stand alone
      ['/train exp=a status', /'status' is a subcommand: write it alone, as \/train status$/, 14],
      ['/train --dry-run help', /'help' is a subcommand: write it alone, as \/train help$/, 18],
      ['/train status exp=a', /\/train status takes no arguments; found 'exp=a'$/, 15],
      ['/train help me', /\/train help takes no arguments; found 'me'$/, 13],
      ['/train status --dry-run', /\/train status takes no arguments; found '--dry-run'$/, 15],
      ['/train cancel a b', /\/train cancel takes at most one launch id; found 'b'$/, 17],
      [
        '/train cancel a;b',
        /'a;b' is not a launch id: letters, digits, _ \. - \(starting with a letter or digit, at most 100\)$/,
        15,
      ],
      ['/train cancel id=x', /'id=x' is not a launch id/, 15],
      ['/train cancel -x', /'-x' is not a launch id/, 15],
      [`/train cancel ${'a'.repeat(101)}`, /is not a launch id/, 15],
    ]),
  )('[%#] %s', (_, body, message, column) => {
    const r = refusal(body)
    expect(r.message).toMatch(message)
    expect(r.message).toMatch(new RegExp(`^line 1, column ${column}: `))
    expect(r.line).toBe(1)
    expect(r.column).toBe(column)
  })
})

describe('renderArgs', () => {
  test.each<[Partial<TrainArgs>, string]>([
    [{}, ''],
    [{experiment: 'mnist', dryRun: true}, 'exp=mnist --dry-run'],
    [
      {backend: 'slurm', runs: 3, experiment: 'a', overrides: {lr: '0.1', note: 'a b'}, sweep: {bs: ['1', 'x,y']}},
      "exp=a backend=slurm runs=3 lr=0.1 note='a b' sweep.bs=1,'x,y'",
    ],
    [{seeds: [3, 1, 2]}, 'seeds=3,1,2'],
    [
      {overrides: {a: '', b: "it's", c: 'say "hi" \\o/', d: 'it\'s "x" \\'}},
      `a='' b="it's" c='say "hi" \\o/' d="it's \\"x\\" \\\\"`,
    ],
    [{overrides: {a: '${{ github.token }}', b: '-rf'}}, "a='${{ github.token }}' b=-rf"],
    [{overrides: {a: 'x'.repeat(257)}}, `a='${'x'.repeat(257)}'`],
  ])('[%#] %o', (a, expected) => {
    expect(renderArgs(args(a))).toBe(expected)
    expect(canonical((parseComment(`/train ${expected}`) as {args: TrainArgs}).args)).toBe(canonical(args(a)))
  })

  test.each([
    ['abc', 'abc'],
    ['', "''"],
    ['a b', "'a b'"],
    ["a'b", `"a'b"`],
    ['a\\"b\'', `"a\\\\\\"b'"`],
  ])('[%#] quoteValue(%j) is %s', (v, q) => {
    expect(quoteValue(v)).toBe(q)
  })

  test('USAGE names every form', () => {
    for (const s of [
      '/train [exp=NAME]',
      'seeds=1,2,3 | runs=N',
      'sweep.PARAM=',
      '--dry-run',
      '/train status',
      '/train cancel [LAUNCH-ID]',
      '/train help',
    ])
      expect(USAGE).toContain(s)
    // its example parses
    const example = USAGE.split('\n').at(-1)!.trim()
    expect(parseComment(example).kind).toBe('train')
  })
})

// ---------------------------------------------------------------------------------------------
// The injection corpus (issue 11, "Security tests"): every payload, in every place a value can
// go, is either parsed to exactly the intended data or refused with a message. Never thrown,
// never another value. The payloads: test/fixtures/injection-corpus.ts.

const SAFE = /^[A-Za-z0-9_.:+/@%-]{1,256}$/

const REFUSED = Symbol('refused')

/** The value a command gives `note`, REFUSED when refused with a message, or what went wrong. */
function noteOf(body: string): string | typeof REFUSED | {unexpected: string} {
  const r = parseComment(body)
  if (r.kind === 'error') return r.message.length > 0 ? REFUSED : {unexpected: 'an error without a message'}
  if (r.kind !== 'train' || r.args.experiment !== 'mnist' || Object.keys(r.args.overrides).join() !== 'note')
    return {unexpected: JSON.stringify(r)}
  return r.args.overrides.note!
}

/**
 * A comment whose tokens are unquoted: it is refused, or what it gives is made of its own
 * blank-separated tokens (each `key=value` and the launch id as written), never anything else.
 */
function onlyTokensOf(body: string): string[] {
  const r = parseComment(body)
  const tokens = new Set(body.split(/[\t\n\r ]+/))
  const made = (ts: string[]): string[] =>
    ts.filter(t => !tokens.has(t)).map(t => `${JSON.stringify(t)} is not a token of ${JSON.stringify(body)}`)
  switch (r.kind) {
    case 'error':
      return r.message.length > 0 ? [] : ['an error without a message']
    case 'train':
      return made(renderArgs(r.args).split(' ').filter(Boolean))
    case 'cancel':
      return made(r.launchId === undefined ? [] : [r.launchId])
    case 'none':
    case 'status':
    case 'help':
      return []
  }
}

/** What is wrong with how the parser takes a payload, in every place a value can go. */
function problems(p: string): string[] {
  const out: string[] = []
  const want = (what: string, got: unknown, expected: unknown): void => {
    if (got !== expected) out.push(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`)
  }
  const quoted = quotable(p) ? p : REFUSED
  // double-quoted, escaped: the bytes, or refused exactly when the grammar says
  want('double-quoted', noteOf(`/train exp=mnist note=${dq(p)}`), quoted)
  // inside a longer comment, with CRLF
  want('in a comment', noteOf(`Please run:\r\n\r\n/train exp=mnist note=${dq(p)}\r\n\r\nThanks`), quoted)
  // single-quoted (no escapes): when it holds no single quote
  if (!p.includes("'")) want('single-quoted', noteOf(`/train exp=mnist note='${p}'`), quoted)
  // unquoted, as an attacker would type it: a payload without blanks is the value exactly when
  // it is in the safe set; one with blanks or line breaks is several tokens or lines, each of
  // them a token of the comment (or refused), never a value made up from them
  const plain = !/[\t\n\r ]/.test(p)
  if (plain) want('unquoted', noteOf(`/train exp=mnist note=${p}`), SAFE.test(p) ? p : REFUSED)
  else out.push(...onlyTokensOf(`/train exp=mnist note=${p}`))
  // a sweep item
  const s = parseComment(`/train exp=mnist sweep.note=ok,${dq(p)}`)
  want(
    'sweep item',
    s.kind === 'train' ? canonical(s.args) : s.kind,
    quotable(p) && p !== 'ok' ? canonical(args({experiment: 'mnist', sweep: {note: ['ok', p]}})) : 'error',
  )
  // the experiment name and the backend: their own patterns, or refused
  const e = parseComment(`/train exp=${dq(p)}`)
  want('experiment', e.kind === 'error' || (e.kind === 'train' && e.args.experiment === p), true)
  const b = parseComment(`/train backend=${dq(p)}`)
  want('backend', b.kind === 'error' || (b.kind === 'train' && b.args.backend === p), true)
  // a launch id, and a key: refused unless allowed, never another id or key
  if (plain) {
    const c = parseComment(`/train cancel ${p}`)
    want('launch id', c.kind === 'error' || (c.kind === 'cancel' && c.launchId === p), true)
    const k = parseComment(`/train ${p}=1`)
    want(
      'key',
      k.kind === 'error' || (k.kind === 'train' && canonical(k.args) === canonical(args({overrides: {[p]: '1'}}))),
      true,
    )
  } else out.push(...onlyTokensOf(`/train cancel ${p}`), ...onlyTokensOf(`/train ${p}=1`))
  // the canonical echo reads back the same
  const r = parseComment(`/train exp=mnist note=${dq(p)}`)
  if (r.kind === 'train') {
    const again = parseComment(`/train ${renderArgs(r.args)}`)
    want('echo', again.kind === 'train' ? canonical(again.args) : again.kind, canonical(r.args))
  }
  return out
}

describe('the injection corpus', () => {
  test(`has at least 200 payloads (${CORPUS.length})`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200)
  })

  test.each(CORPUS.map((p, i) => [i, JSON.stringify(p).slice(0, 60), p] as const))('[%d] %s', (_, __, p) => {
    expect(problems(p)).toEqual([])
  })

  test.each([
    '$(rm -rf /)',
    '`id`',
    '; rm -rf / #',
    'a && b || c',
    '${{ github.token }}',
    '--output=/etc/passwd',
    '-rf',
    '!!python/object/apply:os.system ["id"]',
    '{"a": [1, {"b": null}]}',
    '&anchor *alias',
    'it\'s "quoted" \\ back',
    'a'.repeat(1024),
  ])('[%#] %j is kept as data when quoted', p => {
    expect(noteOf(`/train exp=mnist note=${dq(p)}`)).toBe(p)
  })

  test.each([
    'a\nb',
    'a\r\nb',
    'a\rb',
    'a\0b',
    'a\u2028b',
    'a\u202eb',
    'a\u200bb',
    'a\u00a0b',
    'a\ud800b',
    'a'.repeat(1025),
  ])('[%#] %j is refused even when quoted', p => {
    expect(noteOf(`/train exp=mnist note=${dq(p)}`)).toBe(REFUSED)
  })

  test('an #SBATCH line under the command is another line, never part of it', () => {
    for (const body of [
      '/train exp=mnist\n#SBATCH --wrap="rm -rf /"',
      '/train exp=mnist\r\n#SBATCH --uid=0\r\n',
      '/train exp=mnist \n#SBATCH',
    ])
      expect(parseComment(body)).toEqual(train({experiment: 'mnist'}))
  })
})

describe('fuzz', () => {
  test('100,000 generated comments: no throw, no hang, parsed or refused with a message, canonical round trip', () => {
    const report = fuzz({parseComment, renderArgs}, 100_000)
    expect(report.failures).toEqual([])
    expect(report.inputs).toBe(100_000)
    const total = Object.values(report.outcomes).reduce((a, b) => a + b, 0)
    expect(total).toBe(100_000)
    // the generator reaches every outcome, and launches are a good share
    for (const k of ['none', 'train', 'status', 'cancel', 'help']) expect(report.outcomes[k]).toBeGreaterThan(0)
    expect(report.outcomes['error: other']).toBeUndefined()
    expect(report.roundTrips).toBeGreaterThan(5_000)
    // each parse is bounded (the slowest of 100,000, 60,000-character comments among them)
    expect(report.maxMs).toBeLessThan(500)
  }, 120_000)
})

test('the parser and the generator import nothing at run time (bench/command-fuzz.mjs loads them as TypeScript)', () => {
  for (const f of ['../../../src/chatops/command.ts', './fuzz.ts'])
    expect(readFileSync(new URL(f, import.meta.url), 'utf8')).not.toMatch(/^import (?!type )|^export .* from /m)
})

describe('typedOverrides', () => {
  const config = parseConfig(
    `
experiments:
  resnet:
    command: [python3, train.py]
    params: {lr: 0.1, batch_size: 128, augment: true, model: resnet18, depth: 50}
    param-types: {depth: float}
    sweep:
      width: [8, 16]
`,
    'trainer.yml',
  )
  const exp = config.experiments!.resnet!
  const typed = (line: string) => {
    const r = parseComment(line)
    if (r.kind !== 'train') throw new Error(JSON.stringify(r))
    return typedOverrides(r.args, exp)
  }
  const message = (fn: () => unknown): string => {
    try {
      fn()
    } catch (e) {
      if (e instanceof ConfigError) return e.message
      throw e
    }
    return 'no error'
  }

  test('types overrides and sweeps like a launch', () => {
    expect(typed('/train exp=resnet lr=0.01 batch-size=64 augment=false model="resnet 50" depth=3')).toEqual({
      overrides: {lr: 0.01, batch_size: 64, augment: false, model: 'resnet 50', depth: 3},
      sweep: {},
    })
    expect(typed('/train exp=resnet sweep.lr=0.1,1e-3 sweep.augment=true,false sweep.width=4,32')).toEqual({
      overrides: {},
      sweep: {lr: [0.1, 0.001], augment: [true, false], width: [4, 32]},
    })
  })

  test.each([
    [
      '/train exp=resnet lrr=0.1',
      /experiment 'resnet' has no parameter 'lrr' \(did you mean 'lr'\?\); valid: lr, batch_size, augment, model, depth, width$/,
    ],
    ['/train exp=resnet lr=fast', /override for 'resnet': lr=fast is not a number \(default 0\.1\)$/],
    ['/train exp=resnet batch_size=1.5', /batch_size=1\.5 is not a whole number/],
    ['/train exp=resnet augment=yes', /augment=yes is not true or false/],
    [
      '/train exp=resnet sweep.lrr=1,2',
      /^sweep\.lrr: experiment 'resnet' has no parameter 'lrr' \(did you mean 'lr'\?\)/,
    ],
    [
      '/train exp=resnet sweep.batch-size=1,x',
      /sweep\.batch-size of 'resnet': batch_size=x is not a whole number \(default 128\)$/,
    ],
  ])('[%#] %s is a ConfigError', (line, expected) => {
    expect(message(() => typed(line))).toMatch(expected)
  })

  test('a parameter both overridden and swept (the parser refuses it; built by hand here)', () => {
    expect(message(() => typedOverrides(args({overrides: {lr: '1'}, sweep: {lr: ['1', '2']}}), exp, 'resnet'))).toBe(
      'lr is both overridden and swept; give one of them',
    )
  })
})
