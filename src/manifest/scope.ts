import { isRecord } from './findings.js'
import type { Customization } from './schema.js'

/**
 * A customization's identity: model + target. One live customization per scope is what makes
 * submission idempotent, so two manifests with one scope are an error.
 */
export interface Scope {
  model: string
  target_type: Customization['target_type']
  target_identity?: string
  target_criteria?: Record<string, unknown>
}

/** The scope of a document, when its scope fields are well-formed enough to have one. */
export function scopeOf(value: unknown): Scope | undefined {
  if (!isRecord(value)) return undefined
  const { model, target_type, target_identity, target_criteria } = value
  if (typeof model !== 'string' || model === '') return undefined
  if (target_type === 'all') return { model, target_type }
  if (target_type === 'item' && typeof target_identity === 'string' && target_identity !== '') {
    return { model, target_type, target_identity }
  }
  if (target_type === 'criteria' && isRecord(target_criteria)) {
    return { model, target_type, target_criteria }
  }
  return undefined
}

/**
 * A string equal for equal scopes, the one identity validation and planning share: criteria
 * compare canonically, key order aside and a one-element list read as its element.
 */
export function scopeKey(scope: Scope): string {
  const target =
    scope.target_type === 'item'
      ? (scope.target_identity ?? '')
      : scope.target_type === 'criteria'
        ? canonicalJson(normaliseCriteria(scope.target_criteria))
        : ''
  return JSON.stringify([scope.model, scope.target_type, target])
}

/**
 * A criteria object with each one-element list read as its element, as a server may store
 * `{brand: "Fender"}` as `{brand: ["Fender"]}` (reference §7). The structure is undocumented
 * (reference §4), so this is the only rewrite assumed.
 */
export function normaliseCriteria(value: unknown): unknown {
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      Array.isArray(item) && item.length === 1 ? item[0] : item,
    ]),
  )
}

/** For people: `basket · item /p/123/`. */
export function describeScope(scope: Scope): string {
  if (scope.target_type === 'item') return `${scope.model} · item ${scope.target_identity ?? ''}`
  if (scope.target_type === 'criteria') {
    return `${scope.model} · criteria ${canonicalJson(scope.target_criteria)}`
  }
  return `${scope.model} · all`
}

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (isRecord(value)) {
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      // Assigning `__proto__` would set the prototype instead of a key.
      if (key === '__proto__') {
        Object.defineProperty(sorted, key, { value: sortKeys(value[key]), enumerable: true })
      } else {
        sorted[key] = sortKeys(value[key])
      }
    }
    return sorted
  }
  return value
}
