import type { Fixtures } from './fixtures.js'
import { DOCS } from './reply.js'
import type { Repo } from './repositories.js'

/** GitHub's operationIds of what the stand-in serves, in the order routes are tried. */
const OPERATION_IDS = [
  'pulls/list-files',
  'repos/compare-commits-with-basehead',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
] as const

export type OperationId = (typeof OPERATION_IDS)[number]

export interface Route {
  operation: OperationId
  repo: Repo
  /** The pull request or issue number, the `base...head` of a compare, or the comment id. */
  rest: string
}

interface Operation {
  method: string
  /** The path after the repository, capturing what becomes `rest`. */
  tail: RegExp
  /** The operation's page in GitHub's REST docs, which its error bodies link to. */
  docs: string
}

const OPERATIONS: Record<OperationId, Operation> = {
  'pulls/list-files': {
    method: 'GET',
    tail: /^pulls\/(\d+)\/files$/,
    docs: '/pulls/pulls#list-pull-requests-files',
  },
  'repos/compare-commits-with-basehead': {
    method: 'GET',
    tail: /^compare\/(.+\.\.\..+)$/,
    docs: '/commits/commits#compare-two-commits',
  },
  'issues/list-comments': {
    method: 'GET',
    tail: /^issues\/(\d+)\/comments$/,
    docs: '/issues/comments#list-issue-comments',
  },
  'issues/create-comment': {
    method: 'POST',
    tail: /^issues\/(\d+)\/comments$/,
    docs: '/issues/comments#create-an-issue-comment',
  },
  'issues/update-comment': {
    method: 'PATCH',
    tail: /^issues\/comments\/(\d+)$/,
    docs: '/issues/comments#update-an-issue-comment',
  },
}

/**
 * Both URL forms GitHub serves: `/repos/{owner}/{repo}/…`, which clients build, and
 * `/repositories/{id}/…`, which GitHub's own Link headers point at. A known path asked with
 * another method is no route, as GitHub answers it 404.
 */
export function matchRoute(
  method: string,
  pathname: string,
  fixtures: Fixtures,
): Route | undefined {
  const match = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))\/(.+)$/.exec(pathname)
  if (!match) return undefined
  const repo = match[3]
    ? fixtures.reposById.get(Number(match[3]))
    : fixtures.reposByName.get(`${decode(match[1])}/${decode(match[2])}`.toLowerCase())
  if (!repo) return undefined
  for (const operation of OPERATION_IDS) {
    const { method: expected, tail } = OPERATIONS[operation]
    const rest = expected === method ? tail.exec(match[4] ?? '')?.[1] : undefined
    if (rest !== undefined) return { operation, repo, rest: decode(rest) }
  }
  return undefined
}

export function documentationUrl(operation: OperationId): string {
  return `${DOCS}${OPERATIONS[operation].docs}`
}

function decode(text: string | undefined): string {
  try {
    return decodeURIComponent(text ?? '')
  } catch {
    return text ?? ''
  }
}
