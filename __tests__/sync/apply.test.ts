import { createClient } from '../../src/luigisbox/client.js'
import type { Customization } from '../../src/manifest/schema.js'
import { scopeOf, type Scope } from '../../src/manifest/scope.js'
import { applyPlan } from '../../src/sync/apply.js'
import { planChanges, type Desired } from '../../src/sync/plan.js'
import { startSandbox, type Sandbox } from '../../tools/sandbox/server.js'

const TRACKER = '1234-5678'
const KEY = 'apply-test-key'
const TAG = 'luigisbox-pins'

const body = (item: string): Customization => ({
  model: 'basket',
  target_type: 'item',
  target_identity: item,
  pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
})
const desired = (item: string): Desired => {
  const b = body(item)
  return { file: `${item}.yml`, index: 0, line: 1, scope: scopeOf(b) as Scope, body: b }
}

let sandbox: Sandbox
beforeEach(async () => {
  sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
})
afterEach(() => sandbox.close())

async function createAll(items: string[], landingWindowMs: number) {
  const client = createClient({
    apiUrl: sandbox.url,
    trackerId: TRACKER,
    privateKey: KEY,
    timeoutMs: 2_000,
  })
  const wanted = items.map(desired)
  const steps = planChanges({
    desired: wanted,
    listings: [{ model: 'basket', records: [], malformed: [] }],
    ownershipTag: TAG,
  })
  return applyPlan(client, steps, {
    dryRun: false,
    concurrency: 1,
    ownershipTag: TAG,
    landingWindowMs,
  })
}

test('the landing window starts when the answer was lost, not before the client’s own retries', async () => {
  // The client waits out a 429's Retry-After (1 s, longer than the 0.8 s window) before the
  // attempt whose answer is lost; that attempt's write lands 0.5 s later.
  sandbox.inject({ match: { op: 'create' }, status: 429, retryAfter: '1' })
  sandbox.inject({ match: { op: 'create' }, dropBeforeApply: true, landAfterMs: 500 })
  const result = await createAll(['/p/1/'], 800)
  await sandbox.settled()
  expect(sandbox.store.size).toBe(1)
  expect(result.outcomes.map((o) => [o.action, o.id])).toEqual([
    ['created', [...sandbox.store.keys()][0]],
  ])
  expect(sandbox.requests.filter((r) => r.op === 'create')).toHaveLength(2)
})

test('after five lost creates in a row, the rest are not sent', async () => {
  sandbox.inject({ match: { op: 'create' }, status: 500, times: Infinity })
  const items = Array.from({ length: 8 }, (_, i) => `/p/${i}/`)
  const result = await createAll(items, 50)
  const creates = sandbox.requests.filter((r) => r.op === 'create').length
  expect(sandbox.store.size).toBe(0)
  expect(result.outcomes.filter((o) => o.action === 'skipped')).not.toHaveLength(0)
  expect(result.outcomes.find((o) => o.action === 'skipped')?.error).toMatch(
    /5 creates in a row lost their answers/,
  )
  // Without the breaker: 8 manifests × 3 attempts, each followed by lookups for the window.
  expect(creates).toBeLessThan(8 * 3)
})
