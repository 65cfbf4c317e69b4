import type { LiveCustomization } from '../../src/luigisbox/wire.js'
import type { Customization } from '../../src/manifest/schema.js'
import { scopeOf, type Scope } from '../../src/manifest/scope.js'
import { sameCustomization } from '../../src/sync/compare.js'
import { planChanges, type Desired } from '../../src/sync/plan.js'

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

test('nothing live: create', () => {
  expect(planChanges([desired(body())], [])).toEqual([{ kind: 'create', desired: desired(body()) }])
})

test('one live and equal: unchanged, whatever the server adds or reorders', () => {
  const server = live(
    {
      ...body(),
      tags: ['b', 'a'],
      pin_definitions: [
        {
          position: 2,
          pin_type: 'criteria',
          pin_criteria: { color: 'red', brand: 'Fender' },
          is_block_pin: false,
        },
        { position: 1, pin_type: 'item', pin_identity: '/p/2/', is_bundle_pin: false },
      ],
    },
    'id-1',
    { target_metadata: {} },
  )
  expect(planChanges([desired(body())], [server])).toEqual([
    { kind: 'unchanged', desired: desired(body()), id: 'id-1' },
  ])
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

test('one live and different: update that id', () => {
  const changed = body({
    pin_definitions: [{ position: 3, pin_type: 'item', pin_identity: '/p/2/' }],
  })
  expect(planChanges([desired(changed)], [live(body(), 'id-1')])).toEqual([
    { kind: 'update', desired: desired(changed), id: 'id-1' },
  ])
})

test('metadata or tags removed from the manifest count as a change (PUT replaces the whole definition)', () => {
  expect(sameCustomization(body({ tags: undefined }), body())).toBe(false)
  expect(sameCustomization(body(), body({ target_metadata: { title: 'x' } }))).toBe(false)
})

test('several live for one scope: a conflict naming every id', () => {
  const steps = planChanges([desired(body())], [live(body(), 'id-1'), live(body(), 'id-2')])
  expect(steps).toEqual([{ kind: 'conflict', desired: desired(body()), ids: ['id-1', 'id-2'] }])
})

test('scopes match on model, target type and identity or canonical criteria', () => {
  const criteria = body({
    target_type: 'criteria',
    target_identity: undefined,
    target_criteria: { b: 1, a: 2 },
  })
  const liveCriteria = live({ ...criteria, target_criteria: { a: 2, b: 1 } }, 'c-1')
  const other = [
    live(body({ model: 'home' }), 'm-1'),
    live(body({ target_identity: '/p/9/' }), 'i-1'),
    live(body({ target_type: 'all', target_identity: undefined }), 'a-1'),
  ]
  const steps = planChanges([desired(body()), desired(criteria, 'c.yml')], [...other, liveCriteria])
  expect(steps.map((s) => [s.kind, 'id' in s ? s.id : undefined])).toEqual([
    ['create', undefined],
    ['unchanged', 'c-1'],
  ])
})
