import type { JsonObject } from './json-body.js'

/** The customizations a sandbox holds, and what its operations need to change them. */
export interface Store {
  /** Live customizations by id; tests may seed it. */
  customizations: Map<string, JsonObject>
  now: () => Date
  /** List page size when `limit` is absent. */
  defaultLimit: number
  /** Largest list page. */
  maxLimit: number
  /** Counts a create, update or delete applied to `customizations`. */
  countWrite: () => void
}
