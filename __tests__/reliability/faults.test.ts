import { createClient, type LuigisBoxClient } from '../../src/luigisbox/client.js'
import type { Customization } from '../../src/manifest/schema.js'
import { scopeOf, type Scope } from '../../src/manifest/scope.js'
import { applyPlan, type ApplyOptions } from '../../src/sync/apply.js'
import { readLive } from '../../src/sync/live.js'
import { planChanges, type Desired, type Prune } from '../../src/sync/plan.js'
import { readMark, scopeFingerprint } from '../../src/sync/ownership.js'
import { pruneRefusal, readOwned } from '../../src/sync/prune.js'
import { ALL_REWRITES } from '../../tools/sandbox/rewrites.js'
import { startSandbox } from '../../tools/sandbox/server.js'

const TRACKER = '1234-5678'
const KEY = 'reliability-key'
const TIMEOUT_MS = 250

/** 200 manifests over a few models, every target kind. */
function manifests(count: number): Desired[] {
  return Array.from({ length: count }, (_, i): Desired => {
    const model = ['basket', 'home', 'product_detail'][i % 3] as string
    const body: Customization =
      i % 10 === 0
        ? {
            model,
            target_type: 'criteria',
            target_criteria: { category: `c${i}` },
            pin_definitions: [],
          }
        : { model, target_type: 'item', target_identity: `/p/${i}/`, pin_definitions: [] }
    body.pin_definitions = [{ position: 1, pin_type: 'item', pin_identity: `/p/pin-${i}/` }]
    return { file: `luigisbox/m${i}.yml`, index: 0, line: 1, scope: scopeOf(body) as Scope, body }
  })
}

type Sandbox = Awaited<ReturnType<typeof startSandbox>>

function clientFor(sandbox: Sandbox, key = KEY) {
  return createClient({
    apiUrl: sandbox.url,
    trackerId: TRACKER,
    privateKey: key,
    timeoutMs: TIMEOUT_MS,
    maxAttempts: 12,
    concurrency: 8,
    // Real backoff would make this suite take minutes; the policy itself is unit-tested.
    sleep: () => new Promise((resolve) => setTimeout(resolve, 1)),
  })
}

const TAG = 'luigisbox-pins'
const options = {
  dryRun: false,
  concurrency: 8,
  ownershipTag: TAG,
  landingWindowMs: TIMEOUT_MS * 2,
}

/** The submit stage as main.ts runs it: read what is live (and owned, to prune), plan, apply. */
async function submit(
  client: LuigisBoxClient,
  desired: Desired[],
  applyOptions: ApplyOptions,
  withPrune = false,
) {
  const listings = await readLive(
    client,
    desired.map((d) => d.scope.model),
  )
  let prune: Prune | undefined
  if (withPrune) {
    const owned = await readOwned(client, TAG)
    const facts = {
      onDefaultBranch: true,
      matched: desired.length,
      unreadable: [],
      listings,
      owned,
    }
    expect(pruneRefusal(facts)).toBeUndefined()
    if ('owned' in owned) prune = { remove: true, owned: owned.owned, keep: [] }
  }
  return applyPlan(
    client,
    planChanges({ desired, listings, ownershipTag: TAG, prune }),
    applyOptions,
  )
}

/** Every desired scope has exactly one live customization, equal to the manifest. */
function expectExactlyOneEach(sandbox: Sandbox, desired: Desired[]): void {
  const live = [...sandbox.store.values()]
  expect(live).toHaveLength(desired.length)
  const byScope = new Map<string, number>()
  for (const c of live) {
    const key = JSON.stringify(scopeOf(c))
    byScope.set(key, (byScope.get(key) ?? 0) + 1)
  }
  for (const d of desired) expect(byScope.get(JSON.stringify(d.scope))).toBe(1)
}

test('under 503s, 429s with Retry-After, resets, drops after apply, garbled bodies and slow responses, every manifest ends with exactly one customization; a second run writes nothing', async () => {
  const sandbox = await startSandbox({
    trackerId: TRACKER,
    privateKey: KEY,
    faultRate: 0.15,
    faults: ['503', '429', '500', 'reset', 'drop', 'malformed'],
    seed: 42,
  })
  try {
    // Slow answers that outlive the client's timeout, on creates in particular.
    sandbox.inject({ match: { op: 'create' }, delayMs: TIMEOUT_MS + 100, times: 5 })
    sandbox.inject({ match: { op: 'list' }, delayMs: TIMEOUT_MS + 100, times: 2 })
    const desired = manifests(200)
    const first = await submit(clientFor(sandbox), desired, options)
    expect(first.stopped).toBeUndefined()
    expect(first.outcomes.filter((o) => o.action === 'failed')).toEqual([])
    expect(new Set(first.outcomes.map((o) => o.action))).toEqual(new Set(['created']))
    expect(sandbox.requests.some((r) => r.fault !== null)).toBe(true)
    // Each reported id is the one live for that scope.
    expect(new Set(first.outcomes.map((o) => o.id))).toEqual(new Set(sandbox.store.keys()))
    expectExactlyOneEach(sandbox, desired)

    const writesBefore = sandbox.stats().writes
    const second = await submit(clientFor(sandbox), desired, options)
    expect(second.outcomes.every((o) => o.action === 'unchanged')).toBe(true)
    expect(sandbox.stats().writes).toBe(writesBefore)
  } finally {
    await sandbox.close()
  }
}, 60_000)

test('a 401 in the middle of a run stops it: what was done is reported, the rest is marked not done', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  try {
    sandbox.inject({ match: { op: 'list' }, times: 0 })
    const desired = manifests(40)
    // The key is revoked after 10 creates.
    let creates = 0
    const client = clientFor(sandbox)
    const revoking = {
      ...client,
      create: (body: Customization) => {
        creates++
        return creates > 10 ? clientFor(sandbox, 'revoked').create(body) : client.create(body)
      },
    }
    const result = await submit(revoking, desired, { ...options, concurrency: 2 })
    expect(result.stopped?.kind).toBe('auth')
    expect(result.stopped?.message).toMatch(/tracker-id/)
    const actions = result.outcomes.map((o) => o.action)
    expect(actions.filter((a) => a === 'created')).toHaveLength(10)
    expect(actions.filter((a) => a === 'skipped').length).toBeGreaterThan(20)
    expect(sandbox.store.size).toBe(10)
    expect(result.outcomes).toHaveLength(40)
  } finally {
    await sandbox.close()
  }
})

test('with every server rewrite and prune on, under the same faults: one customization per manifest, orphans pruned, app-made ones kept; a second run writes nothing', async () => {
  const sandbox = await startSandbox({
    trackerId: TRACKER,
    privateKey: KEY,
    rewrites: ALL_REWRITES,
    faultRate: 0.15,
    faults: ['503', '429', '500', 'reset', 'drop', 'malformed'],
    seed: 7,
  })
  try {
    const everything = manifests(220)
    const kept = everything.slice(0, 200)
    const orphans = everything.slice(200)
    for (let i = 0; i < 10; i++) {
      sandbox.store.set(`app-${i}`, {
        id: `app-${i}`,
        model: 'home',
        target_type: 'item',
        target_identity: `/p/app-${i}/`,
        pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/1/' }],
      })
    }
    const seeded = await submit(clientFor(sandbox), everything, options)
    expect(seeded.outcomes.filter((o) => o.action === 'failed')).toEqual([])

    sandbox.inject({ match: { op: 'create' }, delayMs: TIMEOUT_MS + 100, times: 3 })
    const pruned = await submit(clientFor(sandbox), kept, options, true)
    await sandbox.settled()
    expect(pruned.outcomes.filter((o) => o.action === 'failed')).toEqual([])
    expect(pruned.outcomes.filter((o) => o.action === 'deleted')).toHaveLength(orphans.length)
    expect(new Set(pruned.outcomes.filter((o) => o.file).map((o) => o.action))).toEqual(
      new Set(['unchanged']),
    )

    const live = [...sandbox.store.values()]
    const appMade = live.filter((c) => String(c.id).startsWith('app-'))
    expect(appMade).toHaveLength(10)
    const managed = live.filter((c) => readMark(TAG, c.tags).owned)
    expect(managed).toHaveLength(kept.length)
    const perScope = new Map<string, number>()
    for (const c of managed) {
      const scope = readMark(TAG, c.tags).mark?.scope ?? ''
      perScope.set(scope, (perScope.get(scope) ?? 0) + 1)
    }
    for (const d of kept) expect(perScope.get(scopeFingerprint(d.scope))).toBe(1)

    const writesBefore = sandbox.stats().writes
    const again = await submit(clientFor(sandbox), kept, options, true)
    expect(again.outcomes.every((o) => o.action === 'unchanged')).toBe(true)
    expect(sandbox.stats().writes).toBe(writesBefore)
  } finally {
    await sandbox.close()
  }
}, 90_000)
