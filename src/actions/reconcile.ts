/**
 * `trainer reconcile` / actions/reconcile: brings the reports of launches that outlived their
 * workflow job up to date, with nothing but GitHub itself as the database. Run on a schedule
 * (examples/workflows/reconcile.yml, every 15 minutes), it:
 *
 * 1. finds every unfinished launch check run in the repository: `trainer: *` check runs of
 *    this app that are not completed, on the heads of open pull requests and the commits of
 *    recent workflow runs (`max-age-hours`, at most `max-refs` commits: one request each);
 * 2. reads each one's hidden launch record (src/report/record.ts) into a ledger of its own;
 * 3. polls the runs' backend through the backend interface: the backend's options come from
 *    this workspace's trainer.yml (the default branch's), never from the record;
 * 4. publishes the report again (check run and PR comment) when an update is due within the
 *    launch's request budget, and completes the check run once every run has ended.
 *
 * A launch whose workflow run is still going is polled but never submitted to or cancelled:
 * that job owns it. Runs of a local backend lived in their job: once its workflow run is
 * over, those still under way are recorded CANCELLED, and the report says why.
 *
 * With `cancel` (a launch id, or `all` with `head-sha`: `/train cancel` through
 * actions/command's outputs), the matching unfinished launches are cancelled through their
 * backend instead, even while their job goes on (it was asked for), polled until the backend
 * shows the runs ended (at most a minute), and their final report published.
 */
import {EventEmitter} from 'node:events'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {z} from 'zod'
import {cancelLaunch, watchLaunch} from '../backends/driver.js'
import {reconcileLaunch} from '../backends/reconcile.js'
import {backendConfig, loadBackend} from '../backends/registry.js'
import type {Backend, LaunchContext} from '../backends/types.js'
import {loadConfig} from '../config/load.js'
import type {TrainerConfig} from '../config/schema.js'
import {ConfigError, NotFoundError, getErrorMessage} from '../kit/errors.js'
import type {GithubRun} from '../kit/github.js'
import {bool, optInt, optString, readInputs} from '../kit/inputs.js'
import type {ActionIO} from '../kit/io.js'
import {countRequests, githubClient, type GitHubClient} from '../kit/octokit.js'
import {Ledger, type LedgerLaunch, type LedgerRun} from '../ledger/ledger.js'
import {isActive} from '../ledger/states.js'
import {LAUNCH_ID} from '../plan/plan.js'
import {escapeMarkdown, inlineCode} from '../report/escape.js'
import {launchReport, recordText, reportSettings, type RunHistory} from '../report/launch-report.js'
import {checkName, launchChecks, publishReport, type LaunchCheck} from '../report/publish.js'
import {writesFor} from '../report/annotations.js'
import {decodeRecord, statesKey, updateDue} from '../report/record.js'

export const ReconcileInputs = z.object({
  config: optString(),
  'github-token': optString(),
  /** Commits of workflow runs older than this are not searched (default 72 hours). */
  'max-age-hours': optInt(1, 24 * 90),
  /** At most this many commits are searched for check runs, one request each (default 60). */
  'max-refs': optInt(1, 1000),
  /** The app whose check runs are launches (default github-actions: a workflow's GITHUB_TOKEN). */
  'check-app': optString(),
  /** Poll and report, but write nothing to GitHub. */
  'dry-run': bool(false),
  /** Cancel this launch (an id), or every unfinished launch on head-sha (`all`). */
  cancel: optString(),
  /** Only this commit's launches: the head a `/train` comment pinned (actions/command's sha). */
  'head-sha': optString(),
})

/** How long a cancel waits for the backend to show the runs ended before it reports what it saw. */
const CANCEL_WAIT_MS = 60_000
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** What to cancel, and the one commit to look at, from the inputs; a ConfigError naming the input. */
function target(i: z.output<typeof ReconcileInputs>): {cancel?: string; sha?: string} {
  const sha = i['head-sha']
  const cancel = i.cancel
  if (sha !== undefined && !SHA.test(sha))
    throw new ConfigError(`Input 'head-sha': '${sha}' is not a commit SHA (40 lowercase hex digits)`, {key: 'head-sha'})
  if (cancel !== undefined && cancel !== 'all' && !LAUNCH_ID.test(cancel))
    throw new ConfigError(
      `Input 'cancel': '${cancel}' is neither a launch id (letters, digits, _ . -, at most 100) nor all`,
      {key: 'cancel'},
    )
  if (cancel === 'all' && sha === undefined)
    throw new ConfigError("Input 'cancel': all cancels every unfinished launch of one commit: give head-sha too", {
      key: 'cancel',
    })
  return {...(cancel === undefined ? {} : {cancel}), ...(sha === undefined ? {} : {sha})}
}

/** The reason a cancelled run records: who asked. */
function cancelReason(g: GithubRun): string {
  const login = (g.event?.comment as {user?: {login?: unknown}} | undefined)?.user?.login
  if (g.eventName === 'issue_comment' && typeof login === 'string') return `cancelled by ${login}'s /train cancel`
  if (g.runId) return `cancelled by workflow run ${g.runId}`
  return 'cancelled by trainer reconcile --cancel'
}

/** What happened to one launch. */
export interface Reconciled {
  launch: string
  experiment: string
  checkRunId: number
  headSha: string
  /** The runs' states after the poll, `SUCCEEDED:3,RUNNING:1`. */
  states: string
  /** polled and published; polled, nothing to publish yet; skipped (with why). */
  action: 'published' | 'polled' | 'skipped'
  why: string
  conclusion?: string | undefined
  /** A cancel was sent for its runs. */
  cancelled?: boolean | undefined
}

export interface ReconcileResult {
  launches: Reconciled[]
  /** API requests this reconcile made. */
  requests: number
}

/** The repository to reconcile: the step's GitHub context, or GITHUB_REPOSITORY from a laptop. */
function repository(io: ActionIO): GithubRun {
  const g = io.github()
  if (g) return g
  const repo = io.env.GITHUB_REPOSITORY
  if (!repo || !/^[^/\s]+\/[^/\s]+$/.test(repo))
    throw new ConfigError('trainer reconcile needs the repository: GITHUB_REPOSITORY=owner/name (and GITHUB_TOKEN)', {
      key: 'GITHUB_REPOSITORY',
    })
  const [owner = '', name = ''] = repo.split('/')
  return {
    repository: repo,
    owner,
    repo: name,
    eventName: 'cli',
    headSha: '',
    serverUrl: (io.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (io.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
  }
}

/**
 * The commits launches may have put check runs on, and what GitHub says of recent workflow
 * runs (a launch's own run tells whether its job is still there): open pull requests' heads,
 * then the commits of workflow runs in the last `hours`, newest first, at most `max`.
 */
async function candidates(
  gh: GitHubClient,
  g: GithubRun,
  hours: number,
  max: number,
  now: Date,
): Promise<{shas: string[]; runs: Map<string, string>}> {
  const repo = {owner: g.owner, repo: g.repo}
  const since = new Date(now.getTime() - hours * 3_600_000)
  const pulls = await gh.rest.pulls.list({...repo, state: 'open', sort: 'updated', direction: 'desc', per_page: 100})
  // newest first; one page. (The `created` filter takes GitHub's search syntax, `>=DATE`, which
  // the REST description declares a plain date-time: filtering here keeps to both.)
  const wf = await gh.rest.actions.listWorkflowRunsForRepo({...repo, per_page: 100})
  const recent = wf.data.workflow_runs.filter(r => Date.parse(r.created_at) >= since.getTime())
  const shas = new Set<string>()
  for (const p of pulls.data) if (Date.parse(p.updated_at) >= since.getTime()) shas.add(p.head.sha)
  for (const r of recent) shas.add(r.head_sha)
  if (g.headSha) shas.add(g.headSha)
  const runs = new Map(wf.data.workflow_runs.map(r => [String(r.id), r.status ?? 'unknown']))
  return {shas: [...shas].slice(0, max), runs}
}

/** The launch check runs of `app` on each commit (src/report/publish.ts `launchChecks`), each once. */
async function launchesOn(
  gh: GitHubClient,
  g: GithubRun,
  shas: readonly string[],
  app: string,
): Promise<LaunchCheck[]> {
  const found = new Map<number, LaunchCheck>()
  for (const sha of shas) for (const c of await launchChecks(gh, g, sha, app)) found.set(c.check.id, c)
  return [...found.values()]
}

export async function reconcile(io: ActionIO): Promise<ReconcileResult> {
  const i = readInputs(io, ReconcileInputs)
  const {cancel, sha} = target(i)
  const g = repository(io)
  const {config, file: configFile} = await loadConfig(io.workspace, i.config)
  const gh = githubClient({token: i['github-token'] ?? io.env.GITHUB_TOKEN, apiUrl: g.apiUrl, log: io.log})
  const spent = countRequests(gh)
  const now = io.now()
  // one commit when it is named (the head a /train comment pinned), else every commit launches may be on
  const {shas, runs: workflowRuns} = sha
    ? {shas: [sha], runs: new Map<string, string>()}
    : await candidates(gh, g, i['max-age-hours'] ?? 72, i['max-refs'] ?? 60, now)
  const launches = await launchesOn(gh, g, shas, i['check-app'] ?? 'github-actions')
  let found = launches.filter(c => c.check.status !== 'completed')
  if (cancel !== undefined) {
    found = found.filter(c => cancel === 'all' || c.externalId === cancel)
    if (cancel !== 'all' && !found.length) {
      const ended = launches.find(c => c.externalId === cancel)
      const where = sha ? `commit ${sha}` : `the ${shas.length} commits searched`
      if (!ended) {
        const known = [...new Set(launches.map(c => c.externalId))].slice(0, 10)
        throw new NotFoundError(
          `no launch ${cancel} among the trainer check runs on ${where}${known.length ? ` (there: ${known.join(', ')})` : ''}`,
        )
      }
      io.log.info(
        `launch ${cancel} has ended (its check run is ${ended.check.conclusion ?? 'completed'}): nothing to cancel`,
      )
    }
  }
  io.log.info(
    `${found.length} unfinished launch check runs${cancel === undefined ? '' : ' to cancel'} on ${shas.length} commits`,
  )

  const dir = await mkdtemp(join(io.env.RUNNER_TEMP || tmpdir(), 'trainer-reconcile-'))
  const ledger = Ledger.open(join(dir, 'ledger.db'))
  io.onClose(async () => {
    ledger.close()
    await rm(dir, {recursive: true, force: true})
  })
  const out: Reconciled[] = []
  for (const f of found) {
    const scope: Scope = {
      gh,
      g,
      ledger,
      config,
      configFile,
      workflowRuns,
      now,
      dryRun: i['dry-run'],
      ...(cancel === undefined ? {} : {cancel: cancelReason(g)}),
    }
    // one launch that cannot be reconciled is said; the others still are
    const r = await reconcileOne(io, scope, f).catch((e: unknown): Reconciled => ({
      launch: f.externalId,
      experiment: f.experiment,
      checkRunId: f.check.id,
      headSha: f.headSha,
      states: '',
      action: 'skipped',
      why: `it could not be reconciled: ${getErrorMessage(e)}`,
    }))
    io.log.info(`${r.launch} (${r.experiment}): ${r.action}: ${r.why}`)
    out.push(r)
  }
  await io.summary(summaryOf(out, spent.count(), cancel))
  io.setOutput('launches', JSON.stringify(out))
  io.setOutput('finished', out.filter(r => r.conclusion).length)
  io.setOutput('cancelled', out.filter(r => r.cancelled).length)
  return {launches: out, requests: spent.count()}
}

interface Scope {
  gh: GitHubClient
  g: GithubRun
  ledger: Ledger
  config: TrainerConfig
  configFile: string | undefined
  workflowRuns: Map<string, string>
  now: Date
  dryRun: boolean
  /** Cancel the launch, with this reason. */
  cancel?: string | undefined
}

async function reconcileOne(io: ActionIO, s: Scope, f: LaunchCheck): Promise<Reconciled> {
  const base = {
    launch: f.externalId,
    experiment: f.experiment,
    checkRunId: f.check.id,
    headSha: f.headSha,
    states: '',
  }
  const rec = decodeRecord(f.check.text)
  if ('problem' in rec)
    return {
      ...base,
      action: 'skipped',
      why: rec.problem === 'none' ? 'its check run holds no launch record' : rec.problem,
    }
  const launch = rec.launch
  const at = {...base, launch: launch.id, experiment: launch.experiment}
  const before = statesKey(rec.runs)
  const stranger = disagreement(s.g, f, launch)
  if (stranger) return {...at, states: before, action: 'skipped', why: stranger}
  // the launch's job: still running (it owns the launch), over, or not known
  const runId = launch.github?.runId
  const job = runId ? await workflowRunStatus(s, runId) : 'unknown'
  let backend: Backend
  try {
    backend = await loadBackend(launch.backend, backendConfig(launch.backend, s.config.backends), {})
  } catch (e: unknown) {
    return {...at, states: before, action: 'skipped', why: `its backend cannot be used here: ${getErrorMessage(e)}`}
  }
  io.onClose(async () => backend.close?.())
  if (s.ledger.getLaunch(launch.id)) return {...at, states: before, action: 'skipped', why: 'a second check run of it'}
  s.ledger.importLaunch(launch, rec.runs)
  const ctx: LaunchContext = {
    launch: s.ledger.getLaunch(launch.id)!,
    ledger: s.ledger,
    log: m => io.log.info(m),
    warn: m => io.log.warning(m),
    env: io.env,
    workspace: io.workspace,
    signals: new EventEmitter(),
  }
  const histories = new Map<string, RunHistory>()
  ctx.collected = (run, res) => void histories.set(run.id, {history: res.metrics?.history, problem: res.problem})
  let cancelled: string | undefined
  try {
    // a handle is data too: the backend must know it for one of this launch's (its job directory, its job name)
    for (const r of rec.runs) {
      const why = await backend.foreignHandle?.(ctx, r)
      if (why) return {...at, states: before, action: 'skipped', why}
    }
    if (s.cancel !== undefined && backend.remote) {
      if (s.dryRun) return {...at, states: before, action: 'polled', why: 'dry run: its runs would be cancelled'}
      // asked for, so even while its workflow run goes on (that job then sees its runs cancelled)
      const c = await cancelLaunch(backend, ctx, s.cancel)
      cancelled = `${s.cancel}: ${c.stopping} runs asked to stop, ${c.cancelled} not yet submitted`
      io.log.info(`launch ${launch.id}: ${cancelled}`)
      // a cancel is a request: a run is CANCELLED once the backend shows it so
      await watchLaunch(backend, ctx, {interval: 2, retries: 0, deadline: Date.now() + CANCEL_WAIT_MS})
    } else {
      // the launching job (if any) submits again what the cluster lost; reconcile never submits
      if (backend.remote) await reconcileLaunch(backend, ctx, {keepCreated: true, resubmit: false})
      if (job === 'completed') settleOrphans(s.ledger, launch, backend, runId)
      else if (s.cancel !== undefined)
        return {
          ...at,
          states: before,
          action: 'skipped',
          why: `its runs live in its workflow run ${runId ?? '(unknown)'}, which is ${job} (a ${backend.type} backend runs there): cancel that workflow run`,
        }
    }
  } catch (e: unknown) {
    return {...at, states: before, action: 'skipped', why: `its backend could not be asked: ${getErrorMessage(e)}`}
  }
  const after = cancelled === undefined ? at : {...at, cancelled: true}
  const said = (why: string): string => (cancelled === undefined ? why : `${cancelled}; ${why}`)
  const runs = s.ledger.listRuns(launch.id)
  const states = statesKey(runs)
  const final = !runs.some(r => isActive(r.state))
  const due = updateDue(rec.budget, {now: s.now, states, final})
  if (!due.due) return {...after, states, action: 'polled', why: said(due.why)}
  if (final) await finalHistories(backend, ctx, runs, histories)
  const settings = await reportSettings(s.config, s.configFile, io.workspace, launch.experiment)
  const done = s.ledger.getLaunch(launch.id)!
  const report = launchReport(done, runs, histories, settings, {now: s.now})
  if (s.dryRun)
    return {...after, states, action: 'polled', why: `dry run (${due.why})`, conclusion: report.rendered.conclusion}
  const spent = countRequests(s.gh)
  const published = await publishReport(s.gh, s.g, report.model, report.rendered, {
    check: {
      existing: f.check,
      annotations: report.annotations,
      text: recordText(done, runs, {spent: spent.count, now: s.now, states, writes: writesFor(report.annotations)}),
    },
    comment: true,
    commentId: rec.budget.commentId,
  })
  if (published.problems.length)
    return {...after, states, action: 'skipped', why: said(published.problems.join('; ')), conclusion: undefined}
  return {...after, states, action: 'published', why: said(due.why), conclusion: report.rendered.conclusion}
}

/**
 * Why a record is not the launch of the check run it was found in, or undefined: a record is
 * believed only where it agrees with what GitHub says of its check run (the launch id is its
 * external_id, the experiment its name, the commit its head, the repository this one).
 */
function disagreement(g: GithubRun, f: LaunchCheck, launch: LedgerLaunch): string | undefined {
  const gh = launch.github
  if (f.externalId !== launch.id) return `its record is launch ${launch.id}, but the check run's is ${f.externalId}`
  if (f.name !== checkName(launch.experiment))
    return `its record is experiment ${launch.experiment}, but the check run is ${f.name}`
  if (gh && gh.headSha !== f.headSha)
    return `its record is of commit ${gh.headSha}, but the check run is on ${f.headSha}`
  if (gh && gh.repository.toLowerCase() !== g.repository.toLowerCase())
    return `its record is of repository ${gh.repository}, but the check run is in ${g.repository}`
  return undefined
}

/** The status of the workflow run that launched: from the recent runs listed, else asked. */
async function workflowRunStatus(s: Scope, runId: string): Promise<string> {
  const listed = s.workflowRuns.get(runId)
  if (listed) return listed
  const id = Number(runId)
  if (!Number.isSafeInteger(id)) return 'unknown'
  try {
    const r = await s.gh.rest.actions.getWorkflowRun({owner: s.g.owner, repo: s.g.repo, run_id: id})
    return r.data.status ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * Runs nobody will move any more once the launching job is over: a local backend's runs lived
 * in it, and runs never submitted will not be.
 */
function settleOrphans(ledger: Ledger, launch: LedgerLaunch, backend: Backend, runId: string | undefined): void {
  for (const r of ledger.listRuns(launch.id)) {
    const orphan = r.state === 'CREATED' || (!backend.remote && isActive(r.state))
    if (!orphan) continue
    const why =
      r.state === 'CREATED'
        ? `never submitted: its workflow run ${runId ?? ''} ended first`
        : `its workflow run ${runId ?? ''} ended while it ran (a ${backend.type} run lives in its job)`
    try {
      ledger.transition(r.id, 'CANCELLED', {reason: why, expect: [r.state]})
    } catch {
      // moved meanwhile: what it is now stands
    }
  }
  ledger.finishLaunch(launch.id)
}

/** The histories of ended runs a poll did not just collect (curves of the final report). */
async function finalHistories(
  backend: Backend,
  ctx: LaunchContext,
  runs: readonly LedgerRun[],
  into: Map<string, RunHistory>,
): Promise<void> {
  if (!backend.remote) return
  const todo = runs.filter(r => !into.has(r.id) && (r.state === 'SUCCEEDED' || r.state === 'FAILED'))
  const workers = Array.from({length: Math.min(8, todo.length)}, async () => {
    for (let r = todo.shift(); r; r = todo.shift()) {
      const res = await backend
        .collect(ctx, r)
        .catch((e: unknown) => ({metrics: undefined, problem: getErrorMessage(e)}))
      into.set(r.id, {history: res.metrics?.history, problem: res.problem})
    }
  })
  await Promise.all(workers)
}

function summaryOf(rs: readonly Reconciled[], requests: number, cancel: string | undefined): string {
  const what = cancel === undefined ? '' : cancel === 'all' ? ': cancel all' : `: cancel ${inlineCode(cancel)}`
  const head = `### trainer reconcile${what}\n\n${rs.length} unfinished launches found; ${requests} GitHub API requests.\n`
  if (!rs.length) return head
  const rows = rs.map(
    r =>
      `| ${inlineCode(r.launch)} | ${escapeMarkdown(r.experiment)} | ${inlineCode(r.headSha.slice(0, 7))} | ${escapeMarkdown(r.states)} | ${r.action}${r.conclusion ? ` (${r.conclusion})` : ''} | ${escapeMarkdown(r.why)} |`,
  )
  return `${head}\n| launch | experiment | commit | runs | done | why |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`
}
