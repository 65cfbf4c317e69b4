import type { LuigisBoxClient } from '../luigisbox/client.js'
import { IncompleteListingError } from '../luigisbox/errors.js'
import type { LiveCustomization } from '../luigisbox/wire.js'
import type { ModelListing } from './live.js'
import { readMark } from './ownership.js'

/** What the Action owns in every model, or why that cannot be known in full. */
export type OwnedListing = { owned: LiveCustomization[] } | { incomplete: string }

/**
 * One paged list filtered by the ownership tag, across all models: a model whose manifests were
 * all removed is listed too. The tag is checked here as well, in case a server ignores the filter.
 */
export async function readOwned(client: LuigisBoxClient, tag: string): Promise<OwnedListing> {
  try {
    const listed = await client.listAll({ tag })
    return { owned: listed.filter((live) => readMark(tag, live.tags).owned) }
  } catch (error) {
    if (error instanceof IncompleteListingError) return { incomplete: error.reason }
    throw error
  }
}

export interface PruneFacts {
  onDefaultBranch: boolean
  /** Manifest files matched by the globs. */
  matched: number
  /** Manifests with a document whose scope could not be read. */
  unreadable: readonly string[]
  listings: readonly ModelListing[]
  owned: OwnedListing
}

/**
 * Why deleting orphans would be unsafe now, or undefined when it is safe. An orphan is a
 * customization whose manifest is gone, and each of these makes "gone" uncertain.
 */
export function pruneRefusal(facts: PruneFacts): string | undefined {
  if (!facts.onDefaultBranch) return 'this run is not on the default branch'
  if (facts.matched === 0) {
    return 'the manifests globs match no file, which looks like a wrong path rather than an empty repository'
  }
  if (facts.unreadable.length > 0) {
    const listed =
      facts.unreadable.slice(0, 5).join(', ') + (facts.unreadable.length > 5 ? ', …' : '')
    return `some manifests could not be read or parsed (${listed}), so their customizations could look orphaned`
  }
  const incomplete = facts.listings.find((listing) => listing.incomplete)
  if (incomplete)
    return `the listing of model ${incomplete.model} cannot be trusted (${incomplete.incomplete})`
  if ('incomplete' in facts.owned) {
    return `the listing of owned customizations cannot be trusted (${facts.owned.incomplete})`
  }
  return undefined
}
