import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, test} from 'vitest'
import {headSha, imageLabels} from '../../../src/image/labels.js'
import {webhookExample} from '../../helpers/events.js'
import {tempDir} from '../../helpers/temp-dir.js'

test('a pull request image is labelled with the head commit, not the merge commit GITHUB_SHA', async () => {
  const event = webhookExample('pull_request') as {pull_request: {head: {sha: string}}}
  const dir = tempDir('labels-')
  const path = join(dir, 'event.json')
  writeFileSync(path, JSON.stringify(event))
  const env = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REPOSITORY: 'octo/trainer',
    GITHUB_SERVER_URL: 'https://github.example',
  }
  expect(await imageLabels(env, {root: dir, manifestHash: 'abc'})).toEqual({
    'org.opencontainers.image.revision': event.pull_request.head.sha,
    'org.opencontainers.image.source': 'https://github.example/octo/trainer',
    'dev.trainer-action.manifest.sha256': 'abc',
  })
})

test.each([
  ['a push', {GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'a'.repeat(40)}, 'a'.repeat(40)],
  [
    'an unreadable event',
    {GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/nope', GITHUB_SHA: 'b'.repeat(40)},
    'b'.repeat(40),
  ],
  ['no Actions at all', {}, undefined],
])('[%#] %s: revision %s', (_, env, sha) => {
  expect(headSha(env)).toBe(sha)
})
