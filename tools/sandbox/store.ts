import type { JsonObject } from './json-body.js'
import type { PaginationMode } from './pagination.js'
import type { Rewrite } from './rewrites.js'

/** The customizations a sandbox holds, and the modes that shape how they are stored and listed. */
export interface Store {
  /** Live customizations by id; tests may seed it. */
  customizations: Map<string, JsonObject>
  now: () => Date
  /** List page size when `limit` is absent. */
  defaultLimit: number
  /** Largest list page. */
  maxLimit: number
  /** What creates and updates do to a body before storing it. */
  rewrites: readonly Rewrite[]
  /** How list reports its pages. */
  pagination: PaginationMode
  /**
   * Ids list leaves out for now, as a lagging search index would (get by id still finds them),
   * with how many lags are still running for each.
   */
  hiddenFromList: Map<string, number>
}
