// What the runner may get wrong around the Action: no summary file, an output file that cannot
// be written, a garbled event file, more rows than one output may hold.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { customizationRows } from '../../tools/runner/customizations.js'
import { workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import type { RunActionOptions } from '../../tools/runner/run-options.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import type { Fault } from '../../tools/sandbox/faults.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { stackTraces } from './adversary.js'

afterAll(cleanupWorkspaces)

const manifest = (item: string) =>
  `model: basket\ntarget_type: item\ntarget_identity: /p/${item}/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n`

async function dispatch(
  options: Partial<RunActionOptions> = {},
  files: Record<string, string> = { 'luigisbox/a.yml': manifest('a') },
  fault?: Fault,
) {
  const sandbox = await startSandbox()
  if (fault) sandbox.inject(fault)
  const api = await startGitHubApi({})
  try {
    const result = await runAction({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      apiUrl: api.url,
      workspace: await makeWorkspace(files),
      ...options,
      inputs: {
        'tracker-id': sandbox.trackerId,
        'private-key': sandbox.privateKey,
        'api-url': sandbox.url,
        ...options.inputs,
      },
    })
    expect(stackTraces(result)).toEqual([])
    return { result, stored: sandbox.store.size }
  } finally {
    await Promise.all([sandbox.close(), api.close()])
  }
}

test('without a summary file the submission still runs, and the summary goes to the log', async () => {
  const { result, stored } = await dispatch({ extraEnv: { GITHUB_STEP_SUMMARY: undefined } })
  expect(stored).toBe(1)
  expect(result.stdout).toMatch(/::warning::The job summary cannot be written/)
  expect(result.stdout).toContain('::group::Job summary')
  expect(result.stdout).toContain("Luigi's Box submission")
  expect(result.exitCode).toBe(0)
})

test('an output file that cannot be written fails the step with a message, not a stack trace', async () => {
  const { result, stored } = await dispatch({ extraEnv: { GITHUB_OUTPUT: '/nonexistent/output' } })
  expect(stored).toBe(1)
  expect(result.stdout).toMatch(/::error::The step outputs cannot be written to GITHUB_OUTPUT/)
  expect(result.exitCode).toBe(1)
})

test.each([
  ['not JSON', '{"ref": "refs/heads/main",'],
  ['JSON but not an object', '[1, 2]'],
  ['null', 'null'],
])('an event file that is %s is a clear error, and nothing is sent', async (_, text) => {
  const dir = await makeWorkspace({})
  const eventPath = join(dir, 'event.json')
  await writeFile(eventPath, text)
  const { result, stored } = await dispatch({ extraEnv: { GITHUB_EVENT_PATH: eventPath } })
  expect(result.stdout).toMatch(/::error::The event file GITHUB_EVENT_PATH/)
  expect(stored).toBe(0)
  expect(result.exitCode).toBe(1)
})

test('the customizations output stays under 1 MB and says it was cut; the summary keeps every row', async () => {
  // 100 documents in each of 25 files, each rejected with a long message: about 2 MB of rows.
  const files = Object.fromEntries(
    Array.from({ length: 25 }, (_, f) => [
      `luigisbox/f${f}.yml`,
      Array.from({ length: 100 }, (_, d) => manifest(`${f}-${d}`)).join('---\n'),
    ]),
  )
  const rejected = `rejected ${'x'.repeat(600)}`
  const { result } = await dispatch({ inputs: { concurrency: '32' }, timeoutMs: 120_000 }, files, {
    match: { op: 'create' },
    status: 422,
    body: rejected,
    times: Infinity,
  })
  expect(Buffer.byteLength(result.outputs.customizations ?? '')).toBeLessThan(1_000_000)
  expect(result.outputs['customizations-truncated']).toBe('true')
  const rows = customizationRows(result) ?? []
  expect(rows.length).toBeGreaterThan(0)
  expect(rows.length).toBeLessThan(2500)
  expect(result.summary).toContain('2500 failed')
}, 120_000)
