import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './limits.js'
import type { GitHubReply } from './reply.js'

export interface Paging {
  page: number
  perPage: number
}

/**
 * GitHub's rules: per_page defaults to 30 and is clamped to 100; anything unparsable falls
 * back to the default rather than erroring.
 */
export function readPaging(url: URL): Paging {
  const perPage = Number.parseInt(url.searchParams.get('per_page') ?? '', 10)
  const page = Number.parseInt(url.searchParams.get('page') ?? '', 10)
  return {
    perPage: perPage > 0 ? Math.min(perPage, MAX_PER_PAGE) : DEFAULT_PER_PAGE,
    page: page > 0 ? page : 1,
  }
}

/** The items of `paging`'s page. */
export function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.page - 1) * paging.perPage
  return items.slice(start, start + paging.perPage)
}

/**
 * Adds `Link` in GitHub's order (prev, next, last, first), keeping the request's own query
 * parameters and only replacing `page`. A single page gets no Link header at all.
 */
export function withLink(
  reply: GitHubReply,
  api: string,
  linkPath: string,
  url: URL,
  paging: Paging,
  itemCount: number,
): GitHubReply {
  const { page } = paging
  const lastPage = Math.max(1, Math.ceil(itemCount / paging.perPage))
  if (lastPage <= 1) return reply
  const link = (target: number, rel: string) => {
    const query = new URLSearchParams(url.searchParams)
    query.set('page', String(target))
    return `<${api}${linkPath}?${query}>; rel="${rel}"`
  }
  const parts: string[] = []
  if (page > 1) parts.push(link(Math.min(page - 1, lastPage), 'prev'))
  if (page < lastPage) parts.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) parts.push(link(1, 'first'))
  return { ...reply, headers: { ...reply.headers, link: parts.join(', ') } }
}
