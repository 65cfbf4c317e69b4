import { isRecord } from '../manifest/findings.js'
import type { Customization } from '../manifest/schema.js'

/** Sent on every request and signed verbatim; the vendor's examples use exactly this value. */
export const CONTENT_TYPE = 'application/json; charset=utf-8'

export type TargetType = Customization['target_type']

/**
 * A customization as the API returns it. Only `id` is checked at run time; the other fields are
 * the server's word, and fields this project does not know are kept rather than dropped.
 */
export interface LiveCustomization extends Customization {
  id: string
  created_at?: string
  creator?: string
  available?: boolean
  [field: string]: unknown
}

export interface ListQuery {
  model?: string
  targetType?: TargetType
  targetIdentity?: string
  /** Only customizations carrying this tag. */
  tag?: string
  limit: number
  offset: number
}

/** `limit` is the page size here (default 100). */
export type ListAllQuery = Omit<ListQuery, 'limit' | 'offset'> & { limit?: number }

export interface ListPage {
  total: number
  results: LiveCustomization[]
}

/** A success body checked: its value, or what is wrong with it. */
export type Decoded = { value: unknown } | { problem: string }

export function decodeListPage(text: string): Decoded {
  const parsed = parseJson(text)
  if (!parsed.ok || !isRecord(parsed.value)) return { problem: 'the body is not a JSON object' }
  const { pagination, results } = parsed.value
  const total = isRecord(pagination) ? pagination.total : undefined
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    return { problem: 'pagination.total is not a count' }
  }
  if (!Array.isArray(results) || !results.every(isLive)) {
    return { problem: 'results is not a list of customizations with ids' }
  }
  return { value: { total, results } }
}

export function decodeLive(text: string): Decoded {
  const parsed = parseJson(text)
  if (!parsed.ok) return { problem: 'the body is not JSON' }
  if (!isLive(parsed.value)) return { problem: 'the body has no string id' }
  return { value: parsed.value }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

function isLive(value: unknown): value is LiveCustomization {
  return isRecord(value) && typeof value.id === 'string' && value.id !== ''
}

/**
 * Whether an id from the server may go into a URL path as one segment: RFC 3986's unreserved
 * characters only (the API's ids are UUIDs), and not `.` or `..`.
 */
export function isSafeId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9._~-]{1,200}$/.test(id) && id !== '.' && id !== '..'
}
