// The Action never leaves two customizations for one manifest: not when a create's answer is lost
// and its write lands later, not when the server's listing lies about its pages, and, when two
// runs race, the run says so. Each test runs the built bundle (`npm run bundle` first) against a
// GitHub API stand-in and a Luigi's Box sandbox whose faults make those things happen.
import { type GitHubApiStandIn, startGitHubApi } from '../../tools/github-standin/server.js'
import { workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { type RunActionResult, runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import type { Fault } from '../../tools/sandbox/faults.js'
import type { JsonObject } from '../../tools/sandbox/json-body.js'
import type { PaginationMode } from '../../tools/sandbox/pagination.js'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../tools/sandbox/server.js'
import { customizationRows, type CustomizationRow } from '../../tools/runner/customizations.js'

const KEY = 'sk-e2e-no-duplicates-4c3b2a'
const TRACKER = '1234-5678'
const MODEL = 'product_detail'
/** runAction's own default: past it the bundle is killed and the test errors. */
const RUN_TIMEOUT_MS = 60_000

interface Run {
  result: RunActionResult
  rows: CustomizationRow[]
  /** Wall time of the whole run, in ms. */
  ms: number
}

/** A manifest pinning `/p/pin/` first on the detail page of item `/p/<name>/`. */
const manifest = (name: string) =>
  `model: ${MODEL}\ntarget_type: item\ntarget_identity: /p/${name}/\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: /p/pin/\n`

const fileOf = (name: string) => `luigisbox/${name}.yml`

/** A workspace holding one manifest per name. */
const workspaceOf = (names: readonly string[]) =>
  makeWorkspace(Object.fromEntries(names.map((name) => [fileOf(name), manifest(name)])))

let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi({})
})
afterAll(async () => {
  await github.close()
  await cleanupWorkspaces()
})

interface SandboxSetup {
  faults?: readonly Fault[]
  options?: SandboxOptions
}

/** A sandbox with `faults` queued, for the length of `body`. */
async function withSandbox<T>(setup: SandboxSetup, body: (sandbox: Sandbox) => Promise<T>) {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY, ...setup.options })
  for (const fault of setup.faults ?? []) sandbox.inject(fault)
  try {
    return await body(sandbox)
  } finally {
    await sandbox.close()
  }
}

/** A run of the Action on workflow_dispatch: it reconciles every manifest in the workspace. */
async function submit(
  sandbox: Sandbox,
  workspace: string,
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<Run> {
  const started = performance.now()
  const result = await runAction({
    eventName: 'workflow_dispatch',
    event: workflowDispatchEvent(),
    apiUrl: github.url,
    workspace,
    inputs: { 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url },
    timeoutMs,
  })
  const rows = customizationRows(result) ?? []
  return { result, rows, ms: performance.now() - started }
}

const rowOf = (run: Run, name: string): CustomizationRow | undefined =>
  run.rows.find((row) => row.file === fileOf(name))

/** Live ids by target identity (`/p/a/`), each list sorted. */
function liveByTarget(sandbox: Sandbox): Map<string, string[]> {
  const byTarget = new Map<string, string[]>()
  for (const [id, record] of sandbox.store) {
    const target = String((record as JsonObject).target_identity)
    byTarget.set(target, [...(byTarget.get(target) ?? []), id].sort())
  }
  return byTarget
}

/** The one live id of manifest `name`; fails the test when there is none or several. */
function onlyLiveId(sandbox: Sandbox, name: string): string {
  const ids = liveByTarget(sandbox).get(`/p/${name}/`) ?? []
  expect({ name, ids: ids.length }).toEqual({ name, ids: 1 })
  return ids[0] ?? ''
}

const requestsOf = (sandbox: Sandbox, op: string) => sandbox.requests.filter((r) => r.op === op)

const writesOf = (sandbox: Sandbox) =>
  sandbox.requests.filter((r) => r.op === 'create' || r.op === 'update' || r.op === 'delete')

/** Each manifest has exactly one live customization, its row says `created` with that id. */
function expectCreatedOnce(sandbox: Sandbox, run: Run, names: readonly string[]): void {
  expect(sandbox.store.size).toBe(names.length)
  for (const name of names) {
    const id = onlyLiveId(sandbox, name)
    expect(rowOf(run, name)).toMatchObject({ action: 'created', id })
  }
}

/** A second run over the same workspace writes nothing and finds everything unchanged. */
async function expectRerunWritesNothing(sandbox: Sandbox, workspace: string): Promise<void> {
  sandbox.requests.length = 0
  const again = await submit(sandbox, workspace)
  expect(again.result.exitCode).toBe(0)
  expect(writesOf(sandbox)).toEqual([])
  expect(new Set(again.rows.map((row) => row.action))).toEqual(new Set(['unchanged']))
}

// Concurrent, so the file is not as long as the sum of their waits (up to 60 s each).
describe('a create whose answer is lost is looked up, not sent again', () => {
  test.concurrent(
    'writes landing 3 s after a 504 and 10 s after a dropped connection: one customization each',
    async () => {
      const faults: Fault[] = [
        { match: { op: 'create' }, status: 504, landAfterMs: 3_000 },
        { match: { op: 'create' }, dropBeforeApply: true, landAfterMs: 10_000 },
      ]
      await withSandbox({ faults }, async (sandbox) => {
        const names = ['a', 'b']
        const workspace = await workspaceOf(names)
        const run = await submit(sandbox, workspace)
        await sandbox.settled()
        expect(run.result.exitCode).toBe(0)
        // Each create was sent once, and each got its fault.
        expect(requestsOf(sandbox, 'create').map((r) => r.fault !== null)).toEqual([true, true])
        expect(sandbox.stats().lateWritesLanded).toBe(2)
        expectCreatedOnce(sandbox, run, names)
        await expectRerunWritesNothing(sandbox, workspace)
      })
    },
    60_000,
  )

  test.concurrent(
    'a 201 without an id while the listing lags 3 s: one customization, its id in the row',
    async () => {
      const faults: Fault[] = [{ match: { op: 'create' }, omitId: true, hiddenFromListMs: 3_000 }]
      await withSandbox({ faults }, async (sandbox) => {
        const workspace = await workspaceOf(['a'])
        const run = await submit(sandbox, workspace)
        await sandbox.settled()
        expect(run.result.exitCode).toBe(0)
        expect(requestsOf(sandbox, 'create')).toHaveLength(1)
        expectCreatedOnce(sandbox, run, ['a'])
        await expectRerunWritesNothing(sandbox, workspace)
      })
    },
    60_000,
  )

  test.concurrent(
    'a create answered only after the 30 s client timeout, which lands then: one customization',
    async () => {
      const faults: Fault[] = [{ match: { op: 'create' }, delayMs: 31_000 }]
      await withSandbox({ faults }, async (sandbox) => {
        const workspace = await workspaceOf(['a'])
        const run = await submit(sandbox, workspace, 120_000)
        await sandbox.settled()
        expect(run.result.exitCode).toBe(0)
        expect(requestsOf(sandbox, 'create')).toHaveLength(1)
        expect(requestsOf(sandbox, 'create')[0]?.write).toBe('applied')
        expectCreatedOnce(sandbox, run, ['a'])
        // It waited out the client's timeout, then found the write soon after it landed.
        expect(run.ms).toBeGreaterThanOrEqual(30_000)
        expect(run.ms).toBeLessThan(40_000)
      })
    },
    90_000,
  )
})

describe('a listing that lies about its pages creates nothing in its model', () => {
  // More than one page of 100 live in the model: the Action must page, so the lie matters.
  const existing = Array.from({ length: 105 }, (_, i) => `old-${String(i).padStart(3, '0')}`)
  /** What an honest first run over `existing` left live, copied into each test's sandbox. */
  let seeded: [string, JsonObject][] = []

  beforeAll(async () => {
    await withSandbox({}, async (sandbox) => {
      const run = await submit(sandbox, await workspaceOf(existing))
      expect(run.result.exitCode).toBe(0)
      expect(sandbox.store.size).toBe(existing.length)
      seeded = [...sandbox.store].map(([id, record]) => [id, structuredClone(record)])
    })
  }, 60_000)

  const modes: PaginationMode[] = [
    'under-report-total',
    'ignore-offset',
    'endless',
    'over-report-total',
  ]

  test.each(modes)(
    '%s: the new manifest fails, nothing is created, and an honest run then creates only it',
    async (mode) => {
      await withSandbox({}, async (sandbox) => {
        for (const [id, record] of seeded) sandbox.store.set(id, structuredClone(record))
        const before = [...sandbox.store.keys()].sort()
        const workspace = await workspaceOf([...existing, 'new'])

        sandbox.setPagination(mode)
        const lied = await submit(sandbox, workspace)
        expect(lied.result.exitCode).toBe(1)
        expect(requestsOf(sandbox, 'create')).toEqual([])
        expect([...sandbox.store.keys()].sort()).toEqual(before)
        expect(rowOf(lied, 'new')).toMatchObject({
          action: 'failed',
          id: null,
          error: expect.stringContaining('cannot be trusted'),
        })
        // No row claims a customization that is not live.
        for (const row of lied.rows) if (row.id !== null) expect(before).toContain(row.id)

        sandbox.setPagination('honest')
        sandbox.requests.length = 0
        const honest = await submit(sandbox, workspace)
        expect(honest.result.exitCode).toBe(0)
        expect(writesOf(sandbox).map((r) => r.op)).toEqual(['create'])
        const id = onlyLiveId(sandbox, 'new')
        expect(rowOf(honest, 'new')).toMatchObject({ action: 'created', id })
        expect(sandbox.store.size).toBe(existing.length + 1)
        for (const name of existing) {
          expect(rowOf(honest, name)).toMatchObject({ action: 'unchanged' })
          onlyLiveId(sandbox, name)
        }

        // Last, so that a slow run is reported after everything else about it was checked.
        expect(lied.ms).toBeLessThan(RUN_TIMEOUT_MS / 3)
      })
    },
    120_000,
  )
})

test('two runs at once over the same manifests both create them; a failing run names each duplicate', async () => {
  // Creates take 2 s, so each run lists the model before the other's creates land, as two
  // workflow runs started together would. There is no lock between runs: both create.
  const faults: Fault[] = [{ match: { op: 'create' }, delayMs: 2_000, times: Infinity }]
  await withSandbox({ faults }, async (sandbox) => {
    const names = ['a', 'b', 'c']
    const workspace = await workspaceOf(names)
    const runs = await Promise.all([submit(sandbox, workspace), submit(sandbox, workspace)])
    const live = liveByTarget(sandbox)
    expect(names.map((name) => live.get(`/p/${name}/`)?.length)).toEqual([2, 2, 2])
    expect(runs.map((run) => run.result.exitCode)).toContain(1)

    for (const name of names) {
      const ids = live.get(`/p/${name}/`) ?? []
      const naming = runs.filter((run) => {
        const row = rowOf(run, name)
        return (
          run.result.exitCode === 1 &&
          row?.action === 'failed' &&
          ids.every((id) => row.error?.includes(id))
        )
      })
      expect({ name, failingRunsNamingBothIds: naming.length }).not.toEqual({
        name,
        failingRunsNamingBothIds: 0,
      })
    }
  })
}, 60_000)
