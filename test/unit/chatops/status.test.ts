import {describe, expect, test} from 'vitest'
import {STATUS_ROWS, statusReply} from '../../../src/chatops/status.js'
import type {LaunchCheck} from '../../../src/report/publish.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

function launch(
  id: number,
  experiment: string,
  o: {status?: string; conclusion?: string | null; title?: string | null; url?: string} = {},
): LaunchCheck {
  return {
    check: {
      id,
      url: o.url ?? `https://github.com/acme/app/runs/${id}`,
      status: o.status ?? 'completed',
      conclusion: o.conclusion === undefined ? 'success' : o.conclusion,
      summary: null,
      text: null,
      annotationsCount: 0,
    },
    name: `trainer: ${experiment}`,
    experiment,
    externalId: `L${id}`,
    headSha: SHA,
    title: o.title === undefined ? `${experiment}: done` : o.title,
  }
}

describe('statusReply', () => {
  test('no launches: said, with the commit', () => {
    expect(statusReply({sha: SHA, launches: []})).toBe("No launches on <code>0123456</code>, the pull request's head.")
  })

  test('one row per launch: linked experiment, launch id, status, title; all of it escaped', () => {
    const text = statusReply({
      sha: SHA,
      launches: [
        launch(2, 'a|b', {status: 'in_progress', conclusion: null, title: '**@x** [y](javascript:z) <i>#3'}),
        launch(1, 'resnet', {conclusion: 'timed_out', title: null}),
        launch(3, 'odd', {status: 'queued', conclusion: null, url: 'javascript:alert(1)'}),
      ],
    })
    expect(text).toBe(
      [
        "3 launches on <code>0123456</code>, the pull request's head, newest first:",
        '',
        '| experiment | launch | status | title |',
        '| --- | --- | --- | --- |',
        '| [a\\|b](<https://github.com/acme/app/runs/2>) | <code>L2</code> | in progress | \\*\\*@\u2060x\\*\\* \\[y\\]\\(javascript:z\\) &lt;i&gt;\\#\u20603 |',
        '| [resnet](<https://github.com/acme/app/runs/1>) | <code>L1</code> | completed: timed out |  |',
        '| odd: <code>javascript:alert\\(1\\)</code> | <code>L3</code> | queued | odd: done |',
      ].join('\n'),
    )
  })

  test(`at most ${STATUS_ROWS} rows; the rest are counted`, () => {
    const many = Array.from({length: STATUS_ROWS + 3}, (_, i) => launch(i + 1, `e${i}`))
    const text = statusReply({sha: SHA, launches: many})
    expect(text.split('\n').filter(l => l.startsWith('| [e'))).toHaveLength(STATUS_ROWS)
    expect(text.startsWith(`${STATUS_ROWS + 3} launches on`)).toBe(true)
    expect(text.endsWith('\n\nand 3 more.')).toBe(true)
  })

  test('one launch: singular', () => {
    expect(statusReply({sha: SHA, launches: [launch(1, 'x')]}).split('\n')[0]).toBe(
      "1 launch on <code>0123456</code>, the pull request's head, newest first:",
    )
  })
})
