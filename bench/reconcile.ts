// Reconcile-all: many manifests already live, a few changed in git. The Action must list every
// model once (paged) and write only the changed ones. Each run at 25 ms latency is paired with
// the same run at no latency, which times the local work (start-up, reading and checking every
// manifest, planning); the ideal is that local work plus the requests spread perfectly over the
// concurrency.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startGitHubApi } from '../tools/github-standin/server.js'
import { makeWorkspace, removeWorkspace } from '../tools/runner/workspaces.js'
import type { JsonObject } from '../tools/sandbox/json-body.js'
import { type Sandbox, startSandbox } from '../tools/sandbox/server.js'
import { reconcileOnce, type ReconcileRun } from './action-run.js'
import { MODELS, manifestName, manifestText } from './generate.js'
import { log, median } from './measure.js'
import { LATENCY_MS, RECONCILE_CHANGED, RECONCILE_MANIFESTS, RECONCILE_RUNS } from './settings.js'
import { validFiles } from './submission.js'

/** The Action's default `concurrency`. */
export const RECONCILE_CONCURRENCY = 4
/** The client's list page size (the sandbox's largest). */
const LIST_PAGE_SIZE = 100

export interface ReconcileResult {
  manifests: number
  changed: number
  concurrency: number
  /** Medians over the runs. */
  ms: number
  localMs: number
  lists: number
  writes: number
  /** Every request of a run: must be the lists and the writes, nothing else. */
  requests: number
  /** Pages the models' listings take at the client's page size, each ended by an empty page. */
  expectedLists: number
  idealMs: number
}

/** One page per started 100 customizations of a model, and the empty page that ends a listing. */
function expectedListRequests(manifests: number): number {
  let pages = 0
  for (let m = 0; m < MODELS.length; m++) {
    const inModel = Math.floor(manifests / MODELS.length) + (m < manifests % MODELS.length ? 1 : 0)
    pages += Math.ceil(inModel / LIST_PAGE_SIZE) + 1
  }
  return pages
}

export async function reconcileBenchmark(): Promise<ReconcileResult> {
  const api = await startGitHubApi({})
  const workspace = await makeWorkspace(validFiles(RECONCILE_MANIFESTS))
  const local = await startSandbox()
  const slow = await startSandbox({ latencyMs: LATENCY_MS })
  try {
    log(`  reconcile: making ${RECONCILE_MANIFESTS} customizations live…`)
    await reconcileOnce(local, workspace, api.url, 16)
    const live = [...local.store].map(([id, record]) => [id, structuredClone(record)] as const)
    const restore = (sandbox: Sandbox) => {
      sandbox.reset()
      for (const [id, record] of live) sandbox.store.set(id, structuredClone(record) as JsonObject)
    }
    // Every thousandth or so manifest gets a different first pin: an update each.
    const step = Math.floor(RECONCILE_MANIFESTS / RECONCILE_CHANGED)
    for (let k = 0; k < RECONCILE_CHANGED; k++) {
      const i = k * step
      const text = manifestText(i, false).replace(`/p/pinned-${i}-1/`, `/p/pinned-${i}-1-new/`)
      await writeFile(path.join(workspace, 'luigisbox', manifestName(i)), text)
    }
    log(`  reconcile: ${RECONCILE_CHANGED} of them changed, ${RECONCILE_RUNS} paired runs…`)
    const slowRuns: ReconcileRun[] = []
    const localRuns: ReconcileRun[] = []
    for (let run = 0; run < RECONCILE_RUNS; run++) {
      restore(slow)
      slowRuns.push(await reconcileOnce(slow, workspace, api.url, RECONCILE_CONCURRENCY))
      restore(local)
      localRuns.push(await reconcileOnce(local, workspace, api.url, RECONCILE_CONCURRENCY))
    }
    const first = slowRuns[0]
    const lists = first?.lists ?? 0
    const writes = first?.writes ?? 0
    const localMs = median(localRuns.map((r) => r.ms))
    return {
      manifests: RECONCILE_MANIFESTS,
      changed: RECONCILE_CHANGED,
      concurrency: RECONCILE_CONCURRENCY,
      ms: median(slowRuns.map((r) => r.ms)),
      localMs,
      lists,
      writes,
      requests: first?.requests ?? 0,
      expectedLists: expectedListRequests(RECONCILE_MANIFESTS),
      idealMs: localMs + ((lists + writes) * LATENCY_MS) / RECONCILE_CONCURRENCY,
    }
  } finally {
    await local.close()
    await slow.close()
    await api.close()
    await removeWorkspace(workspace)
  }
}
