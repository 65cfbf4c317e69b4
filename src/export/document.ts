import type { LiveCustomization } from '../luigisbox/wire.js'
import { CUSTOMIZATION_KEYS, PIN_KEYS, type Customization } from '../manifest/schema.js'
import { meaningful } from '../sync/compare.js'
import { isOwnershipTag } from '../sync/ownership.js'

/**
 * A live customization as the manifest a merchant would have written: only the fields of the
 * Create Customization body (so never `id`, `creator`, `created_at`, `available` or a field the
 * server adds), and of those only what is set. A `null`, `false`, empty string or empty object
 * is what the server stores for "not set" (reference §7), so it is left out, as reconcile reads
 * it. Values are kept verbatim, date-time spellings and one-element criteria lists included:
 * reconcile sends the manifest back as it is, and must change no field the merchant set.
 * The Action's own tags are dropped; it adds them again when it adopts the customization.
 */
export function manifestOf(live: LiveCustomization, ownershipTag: string): Customization {
  const manifest = setFields(live, CUSTOMIZATION_KEYS)
  const tags = Array.isArray(live.tags)
    ? live.tags.filter((tag) => !isOwnershipTag(ownershipTag, tag))
    : []
  if (tags.length > 0) manifest.tags = tags
  else delete manifest.tags
  manifest.pin_definitions = (Array.isArray(live.pin_definitions) ? live.pin_definitions : []).map(
    (pin: unknown) => setFields(pin, PIN_KEYS),
  )
  return manifest as unknown as Customization
}

/** The fields of `value` among `keys` that are set, in the schema's order. */
function setFields(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    if (key === '$schema') continue
    const field = meaningful(fields[key])
    if (field !== undefined) out[key] = field
  }
  return out
}
