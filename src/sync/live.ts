import type { LuigisBoxClient } from '../luigisbox/client.js'
import { IncompleteListingError } from '../luigisbox/errors.js'
import { isSafeId, type LiveCustomization } from '../luigisbox/wire.js'
import { isRecord } from '../manifest/findings.js'
import { TARGET_TYPES } from '../manifest/schema.js'

/** What is live in one model, as far as the listing can be trusted. */
export interface ModelListing {
  model: string
  /** The well-formed customizations listed. */
  records: LiveCustomization[]
  /** Listed customizations the planner cannot read; never touched. */
  malformed: Malformed[]
  /** Set when the listing may have missed customizations: nothing may be created in the model. */
  incomplete?: string
}

export interface Malformed {
  id: string
  model: string
  reason: string
  /** The record as listed, to match what of its scope can be read. */
  record: LiveCustomization
}

/**
 * One paged list per model, not per manifest. A listing that cannot be trusted keeps what it got
 * and says why; any other failure (401, the server down) is thrown.
 */
export async function readLive(
  client: LuigisBoxClient,
  models: readonly string[],
): Promise<ModelListing[]> {
  return Promise.all(
    [...new Set(models)].sort().map(async (model) => {
      try {
        return sortRecords(model, await client.listAll({ model }))
      } catch (error) {
        if (!(error instanceof IncompleteListingError)) throw error
        return { ...sortRecords(model, error.results), incomplete: error.reason }
      }
    }),
  )
}

/** Well-formed records apart from the ones the planner cannot read. */
export function sortRecords(model: string, listed: readonly LiveCustomization[]): ModelListing {
  const records: LiveCustomization[] = []
  const malformed: Malformed[] = []
  for (const record of listed) {
    const reason = malformation(record)
    if (reason) malformed.push({ id: record.id, model, reason, record })
    else records.push(record)
  }
  return { model, records, malformed }
}

/** What makes a listed record unreadable for planning, or undefined when it is readable. */
export function malformation(record: Record<string, unknown>): string | undefined {
  const { id, model, target_type, target_identity, target_criteria, tags, pin_definitions } = record
  // Planned the same way it would be applied: an id that cannot go into a URL is never written to.
  if (!isSafeId(id)) return 'its id is not a safe URL path segment'
  if (typeof model !== 'string' || model === '') return 'model is not a name'
  if (!(TARGET_TYPES as readonly unknown[]).includes(target_type)) {
    return 'target_type is not item, criteria or all'
  }
  if (target_type === 'item' && (typeof target_identity !== 'string' || target_identity === '')) {
    return 'an item target has no target_identity'
  }
  if (target_type === 'criteria' && !isRecord(target_criteria)) {
    return 'a criteria target has no target_criteria object'
  }
  if (tags != null && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
    return 'tags is not a list of strings'
  }
  if (!Array.isArray(pin_definitions)) return 'pin_definitions is not a list'
  if (!pin_definitions.every(isRecord)) return 'pin_definitions holds something that is not a pin'
  return undefined
}

/** For the log and the summary: which record was left alone, and why. */
export function malformedWarning(malformed: Malformed): string {
  return `Live customization ${malformed.id} in model ${malformed.model} cannot be read (${malformed.reason}); it was left alone.`
}
