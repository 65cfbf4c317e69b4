// Customizations as a merchant makes them in the Luigi's Box app, stored the way the sandbox
// stores what it is sent (its rewrites) and carrying what the server adds: an id, the creator,
// a created_at with microseconds. Together they hold every target type and every pin kind, nested
// criteria, nulls for what is unset and two targets whose readable names collide, so that
// exporting them and reconciling the export is tried on what a real tracker holds.
import type { JsonObject } from './json-body.js'
import { ALL_REWRITES, type Rewrite, rewriteStored } from './rewrites.js'
import { stored } from './stored-fields.js'

/** What a merchant entered in the app, before the server stores it. */
const ENTERED: { id: string; body: JsonObject }[] = [
  {
    id: '7f1c2a90-0001-4c1e-9b1a-app000000001',
    body: {
      model: 'product_detail',
      target_type: 'item',
      target_identity: '/p/fender-player-stratocaster/',
      tags: ['summer', 'promo'],
      pin_definitions: [
        { position: 3, pin_type: 'item', pin_identity: '/p/strap/', is_bundle_pin: true },
        { position: 1, pin_type: 'item', pin_identity: '/p/fender-gig-bag/' },
        { position: 0, pin_type: 'item', pin_identity: '/p/discontinued/', is_block_pin: true },
        {
          position: 2,
          pin_type: 'criteria',
          pin_criteria: { brand: 'Squier', attributes: { color: ['black', 'sunburst'] } },
          widget_id: 'similar-products',
          active_from: '2030-12-01T00:00:00.250000+01:00',
          active_to: '2031-01-01T00:00:00Z',
        },
      ],
    },
  },
  {
    id: '7f1c2a90-0002-4c1e-9b1a-app000000002',
    body: {
      model: 'basket',
      target_type: 'all',
      pin_definitions: [
        { position: -1, pin_type: 'item', pin_identity: '/p/gift-card/' },
        { position: 2, pin_type: 'item', pin_identity: '/p/picks/', widget_id: 'cross-sell' },
        { position: 2, pin_type: 'item', pin_identity: '/p/cable/', widget_id: 'basket-top' },
      ],
    },
  },
  {
    id: '7f1c2a90-0003-4c1e-9b1a-app000000003',
    body: {
      model: 'category',
      target_type: 'criteria',
      target_criteria: {
        category: 'Guitars',
        brand: ['Fender', 'Squier'],
        price: { gte: 200, lte: 900 },
      },
      tags: ['evergreen'],
      pin_definitions: [
        {
          position: 1,
          pin_type: 'criteria',
          pin_criteria: { brand: 'Fender', in_stock: true },
          active_to: '2031-06-30T23:59:59.999999+02:00',
        },
      ],
    },
  },
  // Two targets that differ only in case: their readable names collide.
  {
    id: '7f1c2a90-0004-4c1e-9b1a-app000000004',
    body: {
      model: 'product_detail',
      target_type: 'item',
      target_identity: '/p/Café Noir (XL)/',
      pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/mug/' }],
    },
  },
  {
    id: '7f1c2a90-0005-4c1e-9b1a-app000000005',
    body: {
      model: 'product_detail',
      target_type: 'item',
      target_identity: '/p/café noir (xl)/',
      tags: ['yes', '0123'],
      pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '0042' }],
    },
  },
]

/** When the app-made customizations were created; microseconds, as the server prints them. */
const CREATED_AT = '2025-11-03T09:14:22.123456+00:00'

/**
 * The app-made customizations as the sandbox would list them under `rewrites` (by default all
 * of them: nulls, pin defaults, wrapped criteria values, microsecond date-times, sorted tags).
 */
export function appMadeCustomizations(rewrites: readonly Rewrite[] = ALL_REWRITES): JsonObject[] {
  return ENTERED.map(
    ({ id, body }) =>
      rewriteStored(
        { ...stored(body), id, creator: 'merchant@shop.example', created_at: CREATED_AT },
        rewrites,
      ).record,
  )
}

/** Puts the app-made customizations in a sandbox's store; returns their ids. */
export function seedAppMade(
  store: Map<string, JsonObject>,
  rewrites: readonly Rewrite[] = ALL_REWRITES,
): string[] {
  const records = appMadeCustomizations(rewrites)
  for (const record of records) store.set(record.id as string, record)
  return records.map((record) => record.id as string)
}
