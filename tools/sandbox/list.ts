import { fabricatedCustomization } from './fabricated.js'
import { type JsonObject, isObject, parseBody } from './json-body.js'
import { paginate } from './pagination.js'
import { Reply } from './reply.js'
import { rewriteStored } from './rewrites.js'
import type { Store } from './store.js'

/**
 * The list operation: filters from the query string, paged by `limit` and `offset` the way the
 * store's pagination mode says. Filters see the stored form, rewrites included, as a real
 * server's would; records still hidden by a lagging list are not there at all.
 */
export function list(store: Store, query: string, requestBody: string): Reply {
  if (requestBody.trim() !== '') {
    const parsed = parseBody(requestBody)
    if (parsed instanceof Reply) return parsed
  }
  const params = new URLSearchParams(query)
  const limit = intParam(params, 'limit', store.defaultLimit, 0)
  const offset = intParam(params, 'offset', 0, 0)
  if (limit === null || offset === null) {
    return Reply.json(400, { message: 'limit and offset must be non-negative integers' })
  }
  const tags = params.getAll('tag')
  const matching = [...store.customizations]
    .filter(([id]) => !store.hiddenFromList.has(id))
    .map(([, c]) => c)
    .filter(
      (c) =>
        params.getAll('model').every((m) => c.model === m) &&
        params.getAll('target_type').every((t) => c.target_type === t) &&
        params.getAll('target_identity').every((t) => c.target_identity === t) &&
        tags.every((t) => Array.isArray(c.tags) && c.tags.includes(t)),
    )
  if (params.get('sort') === 'created_at:desc') matching.reverse()
  const now = store.now()
  const { total, results } = paginate(
    store.pagination,
    matching,
    { offset, limit, size: Math.min(limit, store.maxLimit) },
    // Made up the way a stored one would be, so the lie shows nothing a real record would not.
    (index) => rewriteStored(fabricatedCustomization(index, params), store.rewrites).record,
  )
  return Reply.json(200, {
    pagination: { total },
    results: results.map((c) => ({ ...c, available: isAvailable(c, now) })),
  })
}

/**
 * "Currently active": at least one pin is within its activity window (a customization without
 * pins counts as available).
 */
function isAvailable(customization: JsonObject, at: Date): boolean {
  const pins: unknown[] = Array.isArray(customization.pin_definitions)
    ? customization.pin_definitions
    : []
  if (pins.length === 0) return true
  const t = at.getTime()
  return pins.filter(isObject).some((pin) => {
    const from = typeof pin.active_from === 'string' ? Date.parse(pin.active_from) : -Infinity
    const to = typeof pin.active_to === 'string' ? Date.parse(pin.active_to) : Infinity
    return from <= t && t <= to
  })
}

function intParam(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
): number | null {
  const raw = params.get(name)
  if (raw === null) return fallback
  if (!/^\d+$/.test(raw)) return null
  const value = Number(raw)
  return value >= min ? value : null
}
