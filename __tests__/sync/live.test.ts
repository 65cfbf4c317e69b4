import type { LiveCustomization } from '../../src/luigisbox/wire.js'
import { sortRecords } from '../../src/sync/live.js'

const good = {
  id: 'ok',
  model: 'basket',
  target_type: 'item',
  target_identity: '/p/1/',
  pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
}

test.each([
  [{ pin_definitions: 'x' }, 'pin_definitions is not a list'],
  [{ pin_definitions: [null] }, 'pin_definitions holds something that is not a pin'],
  [{ tags: 5 }, 'tags is not a list of strings'],
  [{ tags: ['a', 1] }, 'tags is not a list of strings'],
  [{ model: '' }, 'model is not a name'],
  [{ target_type: 'items' }, 'target_type is not item, criteria or all'],
  [{ target_identity: null }, 'an item target has no target_identity'],
  [
    { target_type: 'criteria', target_criteria: 'Fender' },
    'a criteria target has no target_criteria object',
  ],
])('a live record with %j is set aside as malformed: %s', (change, reason) => {
  const bad = { ...good, ...change, id: 'bad' } as unknown as LiveCustomization
  const listing = sortRecords('basket', [good as LiveCustomization, bad])
  expect(listing.records.map((r) => r.id)).toEqual(['ok'])
  expect(listing.malformed.map((m) => [m.id, m.reason])).toEqual([['bad', reason]])
})

test.each(['..', '.', 'a/b', 'x%2e', 'evil\u001b[2K', ''])(
  'a live record whose id %j cannot go into a URL path is never planned for a write',
  (id) => {
    const listing = sortRecords('basket', [{ ...good, id } as LiveCustomization])
    expect(listing.records).toEqual([])
    expect(listing.malformed.map((m) => m.reason)).toEqual([
      'its id is not a safe URL path segment',
    ])
  },
)

test('nulls where the server fills in unset fields are not malformations', () => {
  const filled = { ...good, tags: null, target_criteria: null, target_metadata: null }
  expect(sortRecords('basket', [filled as unknown as LiveCustomization]).malformed).toEqual([])
})
