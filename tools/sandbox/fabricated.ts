import { createHash } from 'node:crypto'
import type { JsonObject } from './json-body.js'

/**
 * A customization the `endless` pagination makes up at list index `index`: valid, matching the
 * list's filters (so a client cannot tell it from a real match), and distinct from every other.
 * Its id and created_at are derived from the index, so reading the same page twice gives the
 * same records.
 */
export function fabricatedCustomization(index: number, filters: URLSearchParams): JsonObject {
  const targetType = filters.get('target_type') ?? 'item'
  const targetIdentity =
    filters.get('target_identity') ?? (targetType === 'item' ? `/fabricated/${index}/` : null)
  const tags = filters.getAll('tag')
  return {
    model: filters.get('model') ?? 'basket',
    target_type: targetType,
    ...(targetIdentity === null ? {} : { target_identity: targetIdentity }),
    ...(targetType === 'criteria' ? { target_criteria: { fabricated: String(index) } } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: `/fabricated/${index}/pin/` }],
    id: fabricatedId(index),
    creator: 'api',
    created_at: new Date(FIRST_CREATED + index * 1000).toISOString(),
  }
}

const FIRST_CREATED = Date.UTC(2025, 0, 1)

/**
 * UUID-shaped like the ids the sandbox hands out, but with version digit 0 where those (random
 * UUIDs) have 4, so it can never be one of them.
 */
function fabricatedId(index: number): string {
  const hex = createHash('sha256').update(`fabricated customization ${index}`).digest('hex')
  const groups = [hex.slice(0, 8), hex.slice(8, 12), `0${hex.slice(12, 15)}`, hex.slice(15, 19)]
  return [...groups, hex.slice(19, 31)].join('-')
}
