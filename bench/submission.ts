import { startGitHubApi } from '../tools/github-standin/server.js'
import { workflowDispatchEvent } from '../tools/runner/event-payloads.js'
import { runAction } from '../tools/runner/run-action.js'
import { makeWorkspace, removeWorkspace } from '../tools/runner/workspaces.js'
import { type Sandbox, startSandbox } from '../tools/sandbox/server.js'
import { type CurlBaseline, curlBaseline } from './curl-baseline.js'
import { manifestName, manifestText } from './generate.js'
import { log } from './measure.js'
import { LATENCY_MS, SUBMIT_MANIFESTS } from './settings.js'

export interface SubmissionRun {
  ms: number
  requests: number
  writes: number
  lists: number
}

export interface SubmissionRow {
  concurrency: number
  first: SubmissionRun
  rerun: SubmissionRun
  idealMs: number
}

export interface SubmissionResult {
  rows: SubmissionRow[]
  curl: CurlBaseline
}

/** New manifests submitted at several concurrencies, then again, against a slow sandbox. */
export async function submissionBenchmark(): Promise<SubmissionResult> {
  log(`Submission: ${SUBMIT_MANIFESTS} manifests, ${LATENCY_MS} ms latency per request…`)
  const api = await startGitHubApi({})
  const workspace = await makeWorkspace(submitFiles(SUBMIT_MANIFESTS))
  const rows: SubmissionRow[] = []
  try {
    for (const concurrency of [1, 4, 8]) {
      log(`  concurrency ${concurrency}…`)
      const sandbox = await startSandbox({ latencyMs: LATENCY_MS })
      try {
        const first = await submitOnce(sandbox, workspace, api.url, concurrency)
        const rerun = await submitOnce(sandbox, workspace, api.url, concurrency)
        const idealMs = (first.writes * LATENCY_MS) / concurrency
        rows.push({ concurrency, first, rerun, idealMs })
      } finally {
        await sandbox.close()
      }
    }
    const curl = await curlBaseline(workspace)
    return { rows, curl }
  } finally {
    await api.close()
    await removeWorkspace(workspace)
  }
}

function submitFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) files[`luigisbox/${manifestName(i)}`] = manifestText(i, false)
  return files
}

async function submitOnce(
  sandbox: Sandbox,
  workspace: string,
  apiUrl: string,
  concurrency: number,
): Promise<SubmissionRun> {
  const before = sandbox.requests.length
  const started = performance.now()
  const result = await runAction({
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(),
    apiUrl,
    workspace,
    inputs: {
      'tracker-id': sandbox.trackerId,
      'private-key': sandbox.privateKey,
      'api-url': sandbox.url,
      concurrency: String(concurrency),
    },
    timeoutMs: 600_000,
  })
  const ms = performance.now() - started
  if (result.exitCode !== 0)
    throw new Error(`the submission failed:\n${result.stdout.slice(-2000)}`)
  const requests = sandbox.requests.slice(before)
  return {
    ms,
    requests: requests.length,
    writes: requests.filter((r) => r.op === 'create' || r.op === 'update' || r.op === 'delete')
      .length,
    lists: requests.filter((r) => r.op === 'list').length,
  }
}
