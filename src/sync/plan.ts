import type { Customization, LiveCustomization } from '../luigisbox/client.js'
import { canonicalJson, scopeKey, scopeOf, type Scope } from '../manifest/scope.js'

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
  return desired.map((item): Step => {
    const matches = liveByScope.get(scopeKey(item.scope)) ?? []
    const [only] = matches
    if (only === undefined) return { kind: 'create', desired: item }
    if (matches.length > 1)
      return { kind: 'conflict', desired: item, ids: matches.map((m) => m.id) }
    return sameCustomization(item.body, only)
      ? { kind: 'unchanged', desired: item, id: only.id }
      : { kind: 'update', desired: item, id: only.id }
  })
}

export function indexByScope(live: readonly LiveCustomization[]): Map<string, LiveCustomization[]> {
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

/** Live customizations whose scope is `scope`. */
export function matchingScope(
  live: readonly LiveCustomization[],
  scope: Scope,
): LiveCustomization[] {
  return indexByScope(live).get(scopeKey(scope)) ?? []
}

/**
 * Equal on the fields a manifest controls, after normalising what a server may legitimately
 * rewrite: key order, the order of tags and pins, `false`/empty values versus absent ones, and
 * the spelling of a date-time. Server-owned fields (id, creator, created_at, available) are ignored.
 */
export function sameCustomization(desired: Customization, live: Customization): boolean {
  return canonicalJson(normalise(desired)) === canonicalJson(normalise(live))
}

const PIN_FIELDS = [
  'position',
  'pin_type',
  'pin_identity',
  'pin_criteria',
  'widget_id',
  'is_block_pin',
  'is_bundle_pin',
  'active_from',
  'active_to',
] as const

function normalise(customization: Customization): Record<string, unknown> {
  const tags = [...(customization.tags ?? [])].sort()
  const pins = (customization.pin_definitions ?? []).map((pin) => {
    const normalised: Record<string, unknown> = {}
    for (const field of PIN_FIELDS) {
      const value = meaningful(pin[field])
      if (value === undefined) continue
      normalised[field] = field === 'active_from' || field === 'active_to' ? instant(value) : value
    }
    return normalised
  })
  return {
    model: customization.model,
    target_type: customization.target_type,
    target_identity: meaningful(customization.target_identity),
    target_criteria: meaningful(customization.target_criteria),
    target_metadata: meaningful(customization.target_metadata),
    tags: tags.length > 0 ? tags : undefined,
    pin_definitions: pins.map((pin) => canonicalJson(pin)).sort(),
  }
}

/** `undefined` for what means "not set": absent, null, false, an empty string or object. */
function meaningful(value: unknown): unknown {
  if (value === null || value === undefined || value === false || value === '') return undefined
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return undefined
  return value
}

function instant(value: unknown): unknown {
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isNaN(time) ? value : time
}
