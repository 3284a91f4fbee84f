import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {experimentLine} from '../../../src/config/parse.js'
import type {GithubRun} from '../../../src/kit/github.js'
import {countRequests} from '../../../src/kit/octokit.js'
import {failureAnnotations, MAX_ANNOTATIONS} from '../../../src/report/annotations.js'
import type {ReportModel, ReportRun} from '../../../src/report/model.js'
import {findCheckRun, publishCheckRun} from '../../../src/report/publish.js'
import {FINAL_RESERVE, REQUEST_BUDGET, statesKey, updateDue} from '../../../src/report/record.js'
import {renderReports} from '../../../src/report/render.js'
import {startGitHub, type GitHubEmulator} from '../../emulators/github.js'
import {quietClient} from '../../emulators/github-client.js'

const SHA = 'b'.repeat(40)

function model(runs: number, failed: number, id = 'A1'): ReportModel {
  return {
    launchId: id,
    experiment: 'big',
    backend: 'slurm',
    status: 'FAILED',
    createdAt: '2026-11-25T00:00:00.000Z',
    finishedAt: '2026-11-25T01:00:00.000Z',
    github: {repository: 'acme/annotate', headSha: SHA},
    runs: Array.from({length: runs}, (_, i): ReportRun => ({
      id: `${id}.${String(i).padStart(3, '0')}`,
      state: i < failed ? 'FAILED' : 'SUCCEEDED',
      point: {lr: i},
      seed: 1,
      final: i < failed ? {} : {loss: 0.1},
      reason: i < failed ? `exit 5: Traceback <b>${'x'.repeat(i)}</b>` : undefined,
      links: {log: `/scratch/${i}.out`},
    })),
  }
}

describe('failure annotations on the completed check run', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHub()
  })
  afterAll(() => gh.close())

  const g = (): GithubRun => ({
    repository: 'acme/annotate',
    owner: 'acme',
    repo: 'annotate',
    eventName: 'push',
    headSha: SHA,
    serverUrl: 'https://github.com',
    apiUrl: gh.url,
  })
  const client = () => quietClient(gh)

  test('120 failed runs: 100 annotations (the last says how many more), 50 a request, sent once', async () => {
    const m = model(130, 120)
    const where = {path: 'trainer.yml', line: 7}
    const a = failureAnnotations(m, where)
    expect(a).toHaveLength(MAX_ANNOTATIONS)
    expect(a.at(-1)!.title).toBe('21 more runs failed')
    expect(a[3]).toMatchObject({path: 'trainer.yml', start_line: 7, end_line: 7, annotation_level: 'failure'})
    expect(a[3]!.title).toBe('run A1.003 failed (lr=3, seed 1)')

    const octo = client()
    const spent = countRequests(octo)
    const from = gh.calls.length
    const r = renderReports(m)
    expect(r.conclusion).toBe('failure')
    const first = await publishCheckRun(octo, g(), m, r, {annotations: a})
    expect(first.written).toBe(true)
    const check = gh.state.repo('acme/annotate').checkRuns.get(first.id)!
    expect(check.annotations).toHaveLength(100)
    expect(check.status).toBe('completed')
    const ops = gh.calls.slice(from).map(c => c.operationId)
    expect(ops).toEqual(['checks/create', 'checks/update'])
    expect(spent.count()).toBe(2)
    expect(gh.rejected(from)).toEqual([])

    // the same final report again: found, unchanged, nothing sent, no second set of annotations
    const existing = await findCheckRun(octo, g(), m)
    expect(existing).toMatchObject({id: first.id, status: 'completed', conclusion: 'failure', annotationsCount: 100})
    const again = await publishCheckRun(octo, g(), m, r, {annotations: a, existing})
    expect(again.written).toBe(false)
    expect(check.annotations).toHaveLength(100)
  })

  test('no annotations without a place in trainer.yml; one per failed run otherwise', () => {
    expect(failureAnnotations(model(3, 2), undefined)).toEqual([])
    const m = model(3, 1)
    expect(failureAnnotations(m, {path: 'trainer.yml', line: 1})).toHaveLength(1)
  })

  test("the experiment's line in trainer.yml", () => {
    const yml = 'backends: {}\nexperiments:\n  a:\n    command: [x]\n  big:\n    command: [y]\n'
    expect(experimentLine(yml, 'big')).toBe(5)
    expect(experimentLine(yml, 'nope')).toBeUndefined()
    expect(experimentLine('experiments: 3\n', 'big')).toBeUndefined()
  })
})

describe('the request budget of one launch', () => {
  const now = new Date('2026-11-25T12:00:00Z')
  const at = (s: number) => new Date(now.getTime() - s * 1000).toISOString()

  test.each([
    ['the final report, always', {requests: 500, updatedAt: at(1), states: 'a'}, 'a', true, true],
    ['the first report', undefined, 'a', false, true],
    [
      'a state change 31 s on',
      {requests: 10, updatedAt: at(31), states: 'RUNNING:2'},
      'RUNNING:1,SUCCEEDED:1',
      false,
      true,
    ],
    [
      'a state change within 30 s of the last update',
      {requests: 10, updatedAt: at(29), states: 'a'},
      'b',
      false,
      false,
    ],
    ['no change, however long ago', {requests: 10, updatedAt: at(3600), states: 'a'}, 'a', false, false],
    [
      'a state change once the budget is spent down to the reserve',
      {requests: REQUEST_BUDGET - FINAL_RESERVE, updatedAt: at(3600), states: 'a'},
      'b',
      false,
      false,
    ],
  ])('%s', (_, prev, states, final, due) => {
    expect(updateDue(prev, {now, states, final}).due).toBe(due)
  })

  test('a change too soon says when it may be sent', () => {
    const d = updateDue({requests: 10, updatedAt: at(20), states: 'a'}, {now, states: 'b', final: false})
    expect(d.due).toBe(false)
    expect(d.waitMs).toBe(10_000)
  })

  test('the states key counts each state, in a stable order', () => {
    expect(statesKey([{state: 'RUNNING'}, {state: 'FAILED'}, {state: 'RUNNING'}])).toBe('FAILED:1,RUNNING:2')
  })
})
