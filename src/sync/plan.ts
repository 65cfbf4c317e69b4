import type { Customization } from '../manifest/schema.js'
import { scopeKey, scopeOf, type Scope } from '../manifest/scope.js'
import type { LiveCustomization } from '../luigisbox/wire.js'
import { sameCustomization } from './compare.js'

/** One manifest document to be made live. */
export interface Desired {
  file: string
  /** 0-based index of the document in its file. */
  index: number
  line: number
  scope: Scope
  body: Customization
}

export type Step =
  | { kind: 'create'; desired: Desired }
  | { kind: 'update'; desired: Desired; id: string }
  | { kind: 'unchanged'; desired: Desired; id: string }
  | { kind: 'conflict'; desired: Desired; ids: string[] }

/**
 * Desired state against live state, per scope: nothing live → create; one live and different →
 * update it in place; one live and equal → leave it; several live → refuse to guess.
 * Pure, so the decision for every case is tested without a server.
 */
export function planChanges(
  desired: readonly Desired[],
  live: readonly LiveCustomization[],
): Step[] {
  const liveByScope = indexByScope(live)
  return desired.map((item) => stepFor(item, liveByScope.get(scopeKey(item.scope)) ?? []))
}

/** The step for one desired customization, given the live ones with its scope. */
export function stepFor(desired: Desired, matches: readonly LiveCustomization[]): Step {
  const [only] = matches
  if (only === undefined) return { kind: 'create', desired }
  if (matches.length > 1) return { kind: 'conflict', desired, ids: matches.map((m) => m.id) }
  return sameCustomization(desired.body, only)
    ? { kind: 'unchanged', desired, id: only.id }
    : { kind: 'update', desired, id: only.id }
}

/** Live customizations whose scope is `scope`. */
export function matchingScope(
  live: readonly LiveCustomization[],
  scope: Scope,
): LiveCustomization[] {
  return indexByScope(live).get(scopeKey(scope)) ?? []
}

function indexByScope(live: readonly LiveCustomization[]): Map<string, LiveCustomization[]> {
  const byScope = new Map<string, LiveCustomization[]>()
  for (const customization of live) {
    const scope = scopeOf(customization)
    if (!scope) continue
    const key = scopeKey(scope)
    const group = byScope.get(key)
    if (group) group.push(customization)
    else byScope.set(key, [customization])
  }
  return byScope
}
