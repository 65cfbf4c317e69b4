// Submission: new manifests created by the built Action at several concurrencies against a
// sandbox that answers every request 25 ms late; then the same run again, which must only list.
import { startGitHubApi } from '../tools/github-standin/server.js'
import { makeWorkspace, removeWorkspace } from '../tools/runner/workspaces.js'
import { startSandbox } from '../tools/sandbox/server.js'
import { reconcileOnce, type ReconcileRun } from './action-run.js'
import { spanMs, stampArrivals } from './arrivals.js'
import { httpFloorSpanMs } from './http-floor.js'
import { manifestName, manifestText } from './generate.js'
import { log, median } from './measure.js'
import { LATENCY_MS, SUBMIT_CONCURRENCIES, SUBMIT_MANIFESTS, SUBMIT_RUNS } from './settings.js'

export interface SubmissionRow {
  concurrency: number
  /** Medians over the runs. */
  ms: number
  spanMs: number
  idealMs: number
  /** The same requests between two bare Node processes (bench/http-floor.ts). */
  floorSpanMs: number
  writes: number
  requests: number
  rerun: ReconcileRun
}

export function validFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) files[`luigisbox/${manifestName(i)}`] = manifestText(i, false)
  return files
}

export async function submissionBenchmark(): Promise<SubmissionRow[]> {
  const api = await startGitHubApi({})
  const workspace = await makeWorkspace(validFiles(SUBMIT_MANIFESTS))
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS })
  const arrivals = stampArrivals(sandbox)
  const rows: SubmissionRow[] = []
  try {
    for (const concurrency of SUBMIT_CONCURRENCIES) {
      log(`  submission: ${SUBMIT_MANIFESTS} creates at concurrency ${concurrency}…`)
      const runs: (ReconcileRun & { spanMs: number })[] = []
      for (let run = 0; run < SUBMIT_RUNS; run++) {
        sandbox.reset()
        arrivals.clear()
        const result = await reconcileOnce(sandbox, workspace, api.url, concurrency)
        runs.push({ ...result, spanMs: spanMs(arrivals.times, LATENCY_MS) })
      }
      const rerun = await reconcileOnce(sandbox, workspace, api.url, concurrency)
      const writes = runs[0]?.writes ?? 0
      const floors: number[] = []
      for (let run = 0; run < SUBMIT_RUNS; run++) {
        floors.push(await httpFloorSpanMs(writes, concurrency, LATENCY_MS))
      }
      rows.push({
        concurrency,
        ms: median(runs.map((r) => r.ms)),
        spanMs: median(runs.map((r) => r.spanMs)),
        idealMs: (writes * LATENCY_MS) / concurrency,
        floorSpanMs: median(floors),
        writes,
        requests: runs[0]?.requests ?? 0,
        rerun,
      })
    }
    return rows
  } finally {
    await sandbox.close()
    await api.close()
    await removeWorkspace(workspace)
  }
}
