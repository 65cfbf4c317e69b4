import type { JsonObject } from './json-body.js'
import type { Rewrite } from './rewrites.js'
import type { Store } from './store.js'

/**
 * A change to the store that an operation decided on. It is kept apart from the operation so the
 * server can apply it before answering, as usual, or after, for a write that lands late.
 */
export type Write =
  | {
      kind: 'put'
      id: string
      record: JsonObject
      /** An update: it only replaces a record that is still there. */
      replaces: boolean
      /** The rewrites that changed the body on its way into `record`. */
      rewrites: Rewrite[]
    }
  | { kind: 'delete'; id: string }

/**
 * Applies `write`; false when there was nothing to change, i.e. a late update or delete whose
 * record was deleted in the meantime (as an UPDATE or DELETE matching no row).
 */
export function applyWrite(store: Store, write: Write): boolean {
  if (write.kind === 'delete') return store.customizations.delete(write.id)
  if (write.replaces && !store.customizations.has(write.id)) return false
  store.customizations.set(write.id, write.record)
  return true
}
