import type { Fixtures } from './fixtures.js'
import type { Repo } from './repositories.js'

export type OperationId = 'pulls/list-files' | 'repos/compare-commits-with-basehead'

export interface Route {
  operation: OperationId
  repo: Repo
  /** The pull request number, or the `base...head` of a compare. */
  rest: string
}

/**
 * Both URL forms GitHub serves: `/repos/{owner}/{repo}/…`, which clients build, and
 * `/repositories/{id}/…`, which GitHub's own Link headers point at.
 */
export function matchRoute(pathname: string, fixtures: Fixtures): Route | undefined {
  const match =
    /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))\/(?:pulls\/(\d+)\/files|compare\/(.+\.\.\..+))$/.exec(
      pathname,
    )
  if (!match) return undefined
  const repo = match[3]
    ? fixtures.reposById.get(Number(match[3]))
    : fixtures.reposByName.get(`${decode(match[1])}/${decode(match[2])}`.toLowerCase())
  if (!repo) return undefined
  if (match[4]) return { operation: 'pulls/list-files', repo, rest: match[4] }
  return { operation: 'repos/compare-commits-with-basehead', repo, rest: decode(match[5]) }
}

function decode(text: string | undefined): string {
  try {
    return decodeURIComponent(text ?? '')
  } catch {
    return text ?? ''
  }
}
