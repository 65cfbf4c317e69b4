import type { LiveCustomization } from '../../src/luigisbox/wire.js'
import type { Customization } from '../../src/manifest/schema.js'
import { scopeOf, type Scope } from '../../src/manifest/scope.js'
import { sameCustomization } from '../../src/sync/compare.js'
import { sortRecords } from '../../src/sync/live.js'
import { readMark } from '../../src/sync/ownership.js'
import { planChanges, type Desired, type Prune, type Step } from '../../src/sync/plan.js'

const TAG = 'luigisbox-pins'

const body = (over: Partial<Customization> = {}): Customization => ({
  model: 'basket',
  target_type: 'item',
  target_identity: '/p/1/',
  tags: ['a', 'b'],
  pin_definitions: [
    { position: 1, pin_type: 'item', pin_identity: '/p/2/' },
    { position: 2, pin_type: 'criteria', pin_criteria: { brand: 'Fender', color: 'red' } },
  ],
  ...over,
})
const desired = (b: Customization, file = 'a.yml'): Desired => ({
  file,
  index: 0,
  line: 1,
  scope: scopeOf(b) as Scope,
  body: b,
})
const live = (
  b: Customization,
  id: string,
  extra: Record<string, unknown> = {},
): LiveCustomization => ({
  ...b,
  id,
  created_at: '2026-01-01T00:00:00Z',
  creator: 'api',
  available: true,
  ...extra,
})

/** Plans the desired customizations against what is live, as one honest listing per model. */
function plan(
  wanted: Desired[],
  records: LiveCustomization[],
  options: { incomplete?: string; prune?: Prune } = {},
): Step[] {
  const models = [...new Set(wanted.map((d) => d.scope.model))]
  const listings = models.map((model) => ({
    ...sortRecords(
      model,
      records.filter((r) => r.model === model),
    ),
    incomplete: options.incomplete,
  }))
  return planChanges({ desired: wanted, listings, ownershipTag: TAG, prune: options.prune })
}

/** What the Action stores: the body as sent for it, the way the plan says to send it. */
function applied(b: Customization, id: string, extra: Record<string, unknown> = {}) {
  const [step] = plan([desired(b)], [])
  if (step?.kind !== 'create') throw new Error('expected a create')
  return live(step.send, id, extra)
}

const kinds = (steps: Step[]) => steps.map((s) => [s.kind, 'id' in s ? s.id : undefined])

test('nothing live: create, with the manifest tags as written and the ownership tags added', () => {
  const [step] = plan([desired(body())], [])
  expect(step).toMatchObject({ kind: 'create', desired: desired(body()) })
  const send = (step as Extract<Step, { kind: 'create' }>).send
  expect(send.tags?.slice(0, 3)).toEqual(['a', 'b', TAG])
  expect(send.tags?.[3]).toMatch(/^luigisbox-pins:[0-9a-f]{12}:[0-9a-f]{12}$/)
  expect(readMark(TAG, send.tags).owned).toBe(true)
  expect({ ...send, tags: undefined }).toEqual({ ...body(), tags: undefined })
})

test('owned and equal: unchanged, whatever the server adds, reorders or re-spells (reference §7)', () => {
  const mine = applied(body(), 'id-1')
  const server = {
    ...mine,
    tags: [...(mine.tags ?? [])].reverse().concat('a'),
    pin_definitions: [
      {
        position: 1,
        pin_type: 'item',
        pin_identity: '/p/2/',
        is_bundle_pin: false,
        widget_id: null,
      },
      {
        position: 2,
        pin_type: 'criteria',
        pin_criteria: { color: ['red'], brand: ['Fender'] },
        is_block_pin: false,
        active_from: null,
      },
    ],
    target_metadata: {},
    target_criteria: null,
  } as unknown as LiveCustomization
  expect(kinds(plan([desired(body())], [server]))).toEqual([['unchanged', 'id-1']])
})

test('equal but not marked as the Action’s: adopted by an update that adds the ownership tags', () => {
  const [step] = plan([desired(body())], [live(body(), 'app-1')])
  expect(step).toMatchObject({ kind: 'update', id: 'app-1', adopt: true })
})

test('date-times compare as instants, not as text', () => {
  const pin = { position: 1, pin_type: 'item' as const, pin_identity: 'x' }
  const a = body({ pin_definitions: [{ ...pin, active_to: '2027-01-01T00:00:00Z' }] })
  const b = body({ pin_definitions: [{ ...pin, active_to: '2027-01-01T01:00:00.000+01:00' }] })
  expect(sameCustomization(a, b)).toBe(true)
  expect(
    sameCustomization(
      a,
      body({ pin_definitions: [{ ...pin, active_to: '2027-01-02T00:00:00Z' }] }),
    ),
  ).toBe(false)
})

test('owned and different: update that id, sending the manifest', () => {
  const changed = body({
    pin_definitions: [{ position: 3, pin_type: 'item', pin_identity: '/p/2/' }],
  })
  const [step] = plan([desired(changed)], [applied(body(), 'id-1')])
  expect(step).toMatchObject({ kind: 'update', id: 'id-1', adopt: false })
  expect((step as Extract<Step, { kind: 'update' }>).send.pin_definitions).toEqual(
    changed.pin_definitions,
  )
})

test('pins that share a position keep their order: swapping them is a change', () => {
  const first = { position: 1, pin_type: 'item' as const, pin_identity: '/p/2/' }
  const second = { position: 1, pin_type: 'item' as const, pin_identity: '/p/3/' }
  const mine = applied(body({ pin_definitions: [first, second] }), 'id-1')
  expect(kinds(plan([desired(body({ pin_definitions: [second, first] }))], [mine]))).toEqual([
    ['update', 'id-1'],
  ])
})

test('metadata or tags removed from the manifest count as a change (PUT replaces the whole definition)', () => {
  expect(sameCustomization(body({ tags: undefined }), body())).toBe(false)
  expect(sameCustomization(body(), body({ target_metadata: { title: 'x' } }))).toBe(false)
})

test('target_metadata the server never returns: unchanged while git is, sent when git changes it', () => {
  const withMetadata = body({ target_metadata: { title: 'Strat' } })
  const { target_metadata: _dropped, ...stored } = applied(withMetadata, 'id-1')
  expect(kinds(plan([desired(withMetadata)], [stored as LiveCustomization]))).toEqual([
    ['unchanged', 'id-1'],
  ])
  const edited = body({ target_metadata: { title: 'Stratocaster' } })
  expect(kinds(plan([desired(edited)], [stored as LiveCustomization]))).toEqual([
    ['update', 'id-1'],
  ])
})

test('several live for one scope: a conflict naming every id', () => {
  const steps = plan([desired(body())], [live(body(), 'id-1'), live(body(), 'id-2')])
  expect(steps).toEqual([{ kind: 'conflict', desired: desired(body()), ids: ['id-1', 'id-2'] }])
})

test('scopes match on model, target type and identity or canonical criteria', () => {
  const criteria = body({
    target_type: 'criteria',
    target_identity: undefined,
    target_criteria: { b: 1, a: 2 },
  })
  const liveCriteria = applied({ ...criteria, target_criteria: { a: 2, b: 1 } }, 'c-1')
  const other = [
    live(body({ model: 'home' }), 'm-1'),
    live(body({ target_identity: '/p/9/' }), 'i-1'),
    live(body({ target_type: 'all', target_identity: undefined }), 'a-1'),
  ]
  const steps = plan([desired(body()), desired(criteria, 'c.yml')], [...other, liveCriteria])
  expect(kinds(steps)).toEqual([
    ['create', undefined],
    ['unchanged', 'c-1'],
  ])
})

test('a scope the server rewrote is found again, by its fingerprint or by the one-element-list reading', () => {
  const criteria = body({
    target_type: 'criteria',
    target_identity: undefined,
    target_criteria: { brand: 'Fender' },
  })
  const mine = applied(criteria, 'c-1')
  const rewritten = { ...mine, target_criteria: { brand: ['Fender'] } }
  expect(kinds(plan([desired(criteria)], [rewritten]))).toEqual([['unchanged', 'c-1']])
  // Made in the app, so no fingerprint: read tolerantly, and adopted rather than duplicated.
  const appMade = live({ ...criteria, target_criteria: { brand: ['Fender'] } }, 'app-1')
  expect(kinds(plan([desired(criteria)], [appMade]))).toEqual([['update', 'app-1']])
})

test('an untrusted listing blocks creates in its model; updates of what was listed go on', () => {
  const other = body({ target_identity: '/p/9/' })
  const steps = plan([desired(body()), desired(other, 'b.yml')], [applied(other, 'id-9')], {
    incomplete: 'the page at offset 100 repeated earlier results',
  })
  expect(steps[0]).toMatchObject({
    kind: 'blocked',
    reason: expect.stringMatching(
      /listing of model basket cannot be trusted \(the page at offset 100/,
    ),
  })
  expect(kinds(steps.slice(1))).toEqual([['unchanged', 'id-9']])
})

test('a malformed live record is never touched, and blocks a create of any scope it may hold', () => {
  const garbled = live(body(), 'bad-1', { pin_definitions: 'x' })
  const unreadable = live(body({ model: 'home' }), 'bad-2', { target_type: 'weird' })
  const steps = plan(
    [
      desired(body()),
      desired(body({ target_identity: '/p/7/' }), 'b.yml'),
      desired(body({ model: 'home' }), 'c.yml'),
    ],
    [garbled, unreadable],
  )
  expect(steps[0]).toMatchObject({
    kind: 'blocked',
    reason: expect.stringContaining(
      'bad-1 may hold this scope but cannot be read (pin_definitions is not a list)',
    ),
  })
  expect(steps[1]).toMatchObject({ kind: 'create' })
  expect(steps[2]).toMatchObject({ kind: 'blocked', reason: expect.stringContaining('bad-2') })
})

test('prune deletes owned customizations no manifest declares; app-made and kept ones survive', () => {
  const orphan = applied(body({ target_identity: '/p/gone/' }), 'orphan-1')
  const appMade = live(body({ target_identity: '/p/app/' }), 'app-1')
  const invalidButKept = applied(body({ target_identity: '/p/broken/' }), 'kept-1')
  const current = applied(body(), 'id-1')
  const otherModel = applied(body({ model: 'home', target_identity: '/p/x/' }), 'home-1')
  const steps = plan([desired(body())], [orphan, appMade, invalidButKept, current], {
    prune: {
      remove: true,
      owned: [orphan, invalidButKept, current, otherModel],
      keep: [scopeOf(body({ target_identity: '/p/broken/' })) as Scope],
    },
  })
  expect(kinds(steps)).toEqual([
    ['unchanged', 'id-1'],
    ['delete', 'orphan-1'],
    ['delete', 'home-1'],
  ])
  expect(steps[1]).toMatchObject({ scope: 'basket · item /p/gone/' })
})

test('prune never deletes what a manifest may still declare: unreadable, or missed by its model listing', () => {
  const mine = applied(body(), 'id-1')
  const unreadable = { ...mine, pin_definitions: null } as unknown as LiveCustomization
  const steps = plan([desired(body())], [unreadable], {
    prune: { remove: true, owned: [unreadable], keep: [] },
  })
  expect(kinds(steps)).toEqual([['blocked', undefined]])
  // Listed by the tag, but not by its model (a listing that lagged): still declared, kept.
  const missed = plan([desired(body())], [], { prune: { remove: true, owned: [mine], keep: [] } })
  expect(missed.filter((s) => s.kind === 'delete')).toEqual([])
})

test('a copy made in the app, ownership tags and all, blocks the manifest instead of being overwritten', () => {
  const mine = applied(body(), 'id-1')
  const copy = { ...mine, id: 'copy-1', target_identity: '/p/other/' }
  const steps = plan([desired(body())], [mine, copy], {
    prune: { remove: true, owned: [mine, copy], keep: [] },
  })
  expect(steps).toHaveLength(1)
  expect(steps[0]).toMatchObject({
    kind: 'blocked',
    reason: expect.stringContaining(
      'live customization copy-1 (basket · item /p/other/) carries this manifest',
    ),
  })
})

test('without prune, a plan shows owned orphans as not in git and deletes nothing', () => {
  const orphan = applied(body({ target_identity: '/p/gone/' }), 'orphan-1')
  const steps = plan([desired(body())], [orphan], {
    prune: { remove: false, owned: [orphan], keep: [] },
  })
  expect(kinds(steps)).toEqual([
    ['create', undefined],
    ['orphan', 'orphan-1'],
  ])
})

test('an update lists what changes, field by field, live → git; pins by position and widget', () => {
  const live = applied(
    body({
      tags: ['a', 'old'],
      target_metadata: { title: 'A' },
      pin_definitions: [
        { position: 1, pin_type: 'item', pin_identity: '/p/2/' },
        { position: 2, pin_type: 'item', pin_identity: '/p/3/', widget_id: 'w' },
      ],
    }),
    'id-1',
  )
  const wanted = body({
    tags: ['a', 'new'],
    target_metadata: { title: 'B' },
    pin_definitions: [
      { position: 1, pin_type: 'item', pin_identity: '/p/9/' },
      { position: 3, pin_type: 'item', pin_identity: '/p/4/' },
    ],
  })
  const [step] = plan([desired(wanted)], [live])
  expect(step).toMatchObject({ kind: 'update' })
  expect((step as Extract<Step, { kind: 'update' }>).changes).toEqual([
    'target_metadata: {"title":"A"} → {"title":"B"}',
    'tags: added "new"; removed "old"',
    '~ pin at position 1: pin_identity "/p/2/" → "/p/9/"',
    '- pin at position 2, widget w: {"position":2,"pin_type":"item","pin_identity":"/p/3/","widget_id":"w"}',
    '+ pin at position 3: {"position":3,"pin_type":"item","pin_identity":"/p/4/"}',
  ])
})

test('a diff says target_metadata is not returned rather than absent, and names a reorder of pins sharing a position', () => {
  const withMetadata = body({ target_metadata: { title: 'A' } })
  const { target_metadata: _dropped, ...stored } = applied(withMetadata, 'id-1')
  const [edited] = plan(
    [desired(body({ target_metadata: { title: 'B' } }))],
    [stored as LiveCustomization],
  )
  expect((edited as Extract<Step, { kind: 'update' }>).changes).toEqual([
    'target_metadata: (not returned by the API) → {"title":"B"}',
  ])
  const first = { position: 1, pin_type: 'item' as const, pin_identity: '/p/2/', widget_id: 'w1' }
  const second = { position: 1, pin_type: 'item' as const, pin_identity: '/p/3/', widget_id: 'w2' }
  const mine = applied(body({ pin_definitions: [first, second] }), 'id-2')
  const [swapped] = plan([desired(body({ pin_definitions: [second, first] }))], [mine])
  expect((swapped as Extract<Step, { kind: 'update' }>).changes).toEqual([
    'pins that share a position are in another order',
  ])
})
