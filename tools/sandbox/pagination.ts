// How the list operation reports its pages. The reference leaves paging loosely specified
// (total, default and maximum limit are [GAP]s), so besides the honest answer there are modes in
// which the server's paging lies, to prove a client neither trusts `total` blindly nor pages
// forever.

export type PaginationMode =
  'honest' | 'under-report-total' | 'over-report-total' | 'ignore-offset' | 'endless'

export const PAGINATION_MODES: readonly PaginationMode[] = [
  'honest',
  'under-report-total',
  'over-report-total',
  'ignore-offset',
  'endless',
]

export function isPaginationMode(name: string): name is PaginationMode {
  return (PAGINATION_MODES as readonly string[]).includes(name)
}

export interface PageRequest {
  offset: number
  /** The `limit` asked for (or the default). */
  limit: number
  /** How many results a page holds at most: `limit` capped by the server's maximum. */
  size: number
}

/**
 * The page of `records` that `mode` answers with, and the total it claims. `fabricate(i)` makes
 * up the record at index `i` past the real ones, for `endless`.
 */
export function paginate<T>(
  mode: PaginationMode,
  records: readonly T[],
  { offset, limit, size }: PageRequest,
  fabricate: (index: number) => T,
): { total: number; results: T[] } {
  const real = records.length
  const slice = (from: number) => records.slice(from, from + size)
  switch (mode) {
    case 'honest':
      return { total: real, results: slice(offset) }
    case 'under-report-total':
      return { total: Math.floor(real / 2), results: slice(offset) }
    case 'over-report-total':
      // The pages past the real end are simply empty.
      return { total: real + 100, results: slice(offset) }
    case 'ignore-offset':
      return { total: real, results: slice(0) }
    case 'endless': {
      const results = Array.from({ length: size }, (_, i) => {
        const index = offset + i
        return index < real ? (records[index] as T) : fabricate(index)
      })
      // Always more than the client has asked for so far, so `offset >= total` never stops it.
      return { total: Math.max(real, offset + limit) + 1, results }
    }
  }
}
