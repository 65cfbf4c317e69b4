// A server that never stops talking, talks too slowly, pages forever or asks to wait, and a
// GitHub API that hangs or fails once: every run ends within its deadline (deadline-minutes),
// in bounded memory, reporting what was done and what was not.
import { startGitHubApi } from '../../tools/github-standin/server.js'
import type { FailureSpec } from '../../tools/github-standin/options.js'
import { customizationRows } from '../../tools/runner/customizations.js'
import { pushEvent, workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { type RunActionResult, runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import type { Fault } from '../../tools/sandbox/faults.js'
import type { PaginationMode } from '../../tools/sandbox/pagination.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'
import { stackTraces } from './adversary.js'

afterAll(cleanupWorkspaces)

const DEADLINE_MINUTES = 0.1
/** Past the deadline: the process starting and reporting, on a loaded 2-core machine. */
const SLACK_MS = 8_000
const PEAK_RSS_BOUND_KB = 300 * 1024

const manifest = (item: string) =>
  `model: basket\ntarget_type: item\ntarget_identity: /p/${item}/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n`
const files = { 'luigisbox/a.yml': manifest('a'), 'luigisbox/b.yml': manifest('b') }

interface Misbehaviour {
  fault?: Fault
  pagination?: PaginationMode
  github?: FailureSpec
}

async function runAgainst(misbehaviour: Misbehaviour): Promise<RunActionResult> {
  const sandbox = await startSandbox({ pagination: misbehaviour.pagination })
  if (misbehaviour.fault) sandbox.inject(misbehaviour.fault)
  const before = fakeSha('before')
  const after = fakeSha('after')
  const api = await startGitHubApi({
    compares: { [`owner/repo ${before}...${after}`]: { files: [{ filename: 'luigisbox/a.yml' }] } },
    failWith: misbehaviour.github,
  })
  try {
    const result = await runAction({
      eventName: misbehaviour.github ? 'push' : 'workflow_dispatch',
      event: misbehaviour.github ? pushEvent({ before, after }) : workflowDispatchEvent(),
      apiUrl: api.url,
      workspace: await makeWorkspace(files),
      inputs: {
        'tracker-id': sandbox.trackerId,
        'private-key': sandbox.privateKey,
        'api-url': sandbox.url,
        'deadline-minutes': String(DEADLINE_MINUTES),
      },
      measureMemory: true,
      timeoutMs: 60_000,
    })
    expect(result.elapsedMs).toBeLessThan(DEADLINE_MINUTES * 60_000 + SLACK_MS)
    expect(result.peakRssKb).toBeLessThan(PEAK_RSS_BOUND_KB)
    expect(stackTraces(result)).toEqual([])
    return result
  } finally {
    await Promise.all([sandbox.close(), api.close()])
  }
}

const deadlinePassed = /deadline \(deadline-minutes: 0\.1\) passed/

describe("a Luigi's Box API that misbehaves", () => {
  test('an endless list body is cut at the cap and nothing is written', async () => {
    const result = await runAgainst({
      fault: { match: { op: 'list' }, status: 200, stream: 'endless', times: Infinity },
    })
    expect(result.stdout).toMatch(/body of more than \d+ bytes/)
    expect(customizationRows(result)?.map((r) => r.action)).toEqual(['skipped', 'skipped'])
    expect(result.exitCode).toBe(1)
  }, 60_000)

  test.each<[string, Misbehaviour]>([
    [
      'an endless create answer',
      { fault: { match: { op: 'create' }, status: 201, stream: 'endless', times: Infinity } },
    ],
    [
      'a list that drips a byte at a time',
      { fault: { match: { op: 'list' }, status: 200, stream: 'drip', times: Infinity } },
    ],
    [
      'Retry-After: 120 on every list',
      { fault: { match: { op: 'list' }, status: 503, retryAfter: '120', times: Infinity } },
    ],
    ['pages that never end', { pagination: 'endless' }],
  ])(
    '%s: the run stops at its deadline and reports what was not done',
    async (_, misbehaviour) => {
      const result = await runAgainst(misbehaviour)
      expect(result.exitCode).toBe(1)
      const rows = customizationRows(result) ?? []
      expect(rows.length).toBe(2)
      expect(rows.every((r) => r.action !== 'created')).toBe(true)
      expect(`${result.stdout}${result.summary}`).toMatch(/deadline|pages/)
    },
    60_000,
  )
})

describe('a GitHub API that misbehaves', () => {
  test('a call that hangs ends at the deadline with the reason', async () => {
    const result = await runAgainst({ github: { status: 500, hang: true, times: Infinity } })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*(deadline|abort|timeout)/i)
  }, 60_000)

  test('one 502 is retried and the run goes on', async () => {
    const result = await runAgainst({ github: { status: 502 } })
    expect(customizationRows(result)?.map((r) => r.action)).toEqual(['created', 'created'])
    expect(result.exitCode).toBe(0)
  }, 60_000)
})

test('the deadline input is named when it is wrong', async () => {
  const result = await runAction({
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(),
    apiUrl: 'http://127.0.0.1:9',
    workspace: await makeWorkspace(files),
    inputs: { 'deadline-minutes': '0' },
  })
  expect(result.stdout).toMatch(/::error::.*deadline-minutes/)
  expect(result.exitCode).toBe(1)
  expect(deadlinePassed.test(result.stdout)).toBe(false)
})
