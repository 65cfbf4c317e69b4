// One run of the built Action that reconciles every manifest of `workspace` against a sandbox,
// timed from spawn to exit, with the requests it sent.
import { workflowDispatchEvent } from '../tools/runner/event-payloads.js'
import { runAction } from '../tools/runner/run-action.js'
import type { Sandbox } from '../tools/sandbox/server.js'

export interface ReconcileRun {
  ms: number
  requests: number
  writes: number
  lists: number
}

export async function reconcileOnce(
  sandbox: Sandbox,
  workspace: string,
  apiUrl: string,
  concurrency: number,
): Promise<ReconcileRun> {
  const before = sandbox.requests.length
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
    timeoutMs: 900_000,
  })
  if (result.exitCode !== 0) throw new Error(`the Action failed:\n${result.stdout.slice(-2000)}`)
  const requests = sandbox.requests.slice(before)
  return {
    // The process's own lifetime: the harness's preparing and checking of files is not the Action's.
    ms: result.elapsedMs,
    requests: requests.length,
    writes: requests.filter((r) => r.op === 'create' || r.op === 'update' || r.op === 'delete')
      .length,
    lists: requests.filter((r) => r.op === 'list').length,
  }
}
