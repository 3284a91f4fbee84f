/**
 * The quick start as a user meets it: the README's workflow (examples/workflows/quickstart.yml)
 * on a pull request of a repository made of examples/quickstart. Its launch step runs as GitHub
 * runs it (dist/launch with the step's `with:` as INPUT_*, a real pull_request payload): the
 * image is built from the example's Dockerfile and pushed, the sweep trains in containers on the
 * Docker engine (the local-docker backend, as on a GitHub-hosted runner), and the pull request
 * gets the check run and the comment with the final table. The only changes to the workflow are
 * where this machine differs from a runner: the registry (a local one instead of ghcr.io) and
 * the base image (made of this machine's Node and Python: no Docker Hub here).
 */
import {copyFileSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {startGitHub, type GitHubEmulator} from '../emulators/github.js'
import {webhookExample} from '../helpers/events.js'
import {TempRepo} from '../helpers/git.js'
import {requireInfra} from '../helpers/infra.js'
import {pythonNodeImage} from '../helpers/node-image.js'
import {runDist} from '../helpers/run-dist.js'
import {ROOT} from '../helpers/workspace.js'

const infra = await requireInfra('the quick start on local-docker (Docker engine, registry)')

interface Step {
  id?: string
  uses?: string
  with?: Record<string, string>
}

describe.skipIf(!infra)("the README's quick start: a pull request trains on local-docker and is reported", () => {
  let gh: GitHubEmulator
  let base = ''
  beforeAll(async () => {
    gh = await startGitHub()
    base = await pythonNodeImage(infra!.DOCKER_HOST)
  }, 180_000)
  afterAll(() => gh.close())

  test('examples/workflows/quickstart.yml on examples/quickstart', async () => {
    const wf = parse(readFileSync(join(ROOT, 'examples/workflows/quickstart.yml'), 'utf8')) as {
      jobs: {train: {steps: Step[]}}
    }
    const step = wf.jobs.train.steps.find(s => s.uses?.startsWith('your-org/trainer-action/launch@'))!
    expect(step.with).toMatchObject({experiment: 'logreg_sweep', backend: 'local-docker'})
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    // the README shows this very workflow
    expect(readme).toContain(readFileSync(join(ROOT, 'examples/workflows/quickstart.yml'), 'utf8').trim())

    const repo = new TempRepo('quickstart-')
    for (const f of ['train.py', 'trainer.yml', 'Dockerfile', '.image-manifest'])
      copyFileSync(join(ROOT, 'examples/quickstart', f), repo.path(f))
    repo.commit('the quick start')
    const ev = webhookExample('pull_request', 0) as {
      number: number
      repository: {full_name: string}
      pull_request: {head: {sha: string}}
    }
    gh.state.addPull(ev.repository.full_name, {number: ev.number, head_sha: ev.pull_request.head.sha})
    /** The workflow's launch step on this repository, as a runner runs it. */
    const launchStep = (inputs: Record<string, string> = {}) =>
      runDist('launch', {
        workspace: repo.dir,
        event: ev,
        eventName: 'pull_request',
        timeoutMs: 280_000,
        inputs: {
          ...step.with,
          // where this machine is not a runner: a local registry, a local base image
          registry: `${infra!.TRAINER_TEST_REGISTRY}/quickstart-${process.pid}`,
          'build-args': `BASE=${base}\nPYTHON=`,
          'github-token': gh.env.GITHUB_TOKEN,
          ...inputs,
        },
        env: {
          ...gh.env,
          DOCKER_HOST: infra!.DOCKER_HOST,
          GITHUB_REPOSITORY: ev.repository.full_name,
          GITHUB_SHA: 'e'.repeat(40),
          GITHUB_RUN_ID: '4242',
        },
      })
    const r = await launchStep()
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.outputs).toMatchObject({built: 'true', status: 'SUCCEEDED', conclusion: 'success'})
    expect(r.outputs.image).toMatch(new RegExp(`/quickstart-${process.pid}/trainer-quickstart:[0-9a-f]{7}$`))
    // 3 learning rates x 2 L2 weights x 3 seeds, each trained in a container of the image
    const runs = JSON.parse(r.outputs.runs!) as {state: string; metrics: Record<string, number>}[]
    expect(runs).toHaveLength(18)
    expect(runs.every(x => x.state === 'SUCCEEDED' && x.metrics.val_accuracy! > 0.5)).toBe(true)
    const check = gh.state.repo(ev.repository.full_name).checkRuns.get(Number(r.outputs['check-run-id']))!
    expect(check).toMatchObject({
      name: 'trainer: logreg_sweep',
      head_sha: ev.pull_request.head.sha,
      status: 'completed',
      conclusion: 'success',
    })
    const comment = gh.state
      .repo(ev.repository.full_name)
      .commentsOn(ev.number)
      .find(c => c.body.startsWith('<!-- trainer-action:report'))!
    expect(comment.body).toMatch(/\| 0\.01 \| 0 \| 3\/3 \|/)
    expect(gh.rejected()).toEqual([])

    // the next pull request that changes no listed file builds nothing
    repo.write('NOTES.md', 'not in the image\n').commit('notes')
    const again = await launchStep({experiment: 'logreg'})
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(again.outputs).toMatchObject({built: 'false', image: r.outputs.image, conclusion: 'success'})
  }, 300_000)
})
