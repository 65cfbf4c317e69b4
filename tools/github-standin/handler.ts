import { compareCommits } from './compare.js'
import { type FailureState, takeFailure } from './failures.js'
import type { Fixtures } from './fixtures.js'
import type { StandInOptions } from './options.js'
import { listPullFiles } from './pull-files.js'
import { DOCS, type GitHubReply, errorReply } from './reply.js'
import { type Route, matchRoute } from './routes.js'
import { fullName } from './repositories.js'

export interface HandlerState {
  fixtures: Fixtures
  options: StandInOptions
  failure: FailureState
  /** The stand-in's own base URL. */
  url: string
}

export interface Request {
  method: string
  /** With the query, as sent. */
  path: string
  authorization: string | undefined
}

/** The reply to one request, and the route it took when it reached one. */
export function handle(
  request: Request,
  state: HandlerState,
): { reply: GitHubReply; route?: Route } {
  if (!isAuthorized(request.authorization, state.options.token)) return { reply: errorReply(401) }
  const injected = takeFailure(state.failure, request.path)
  if (injected) return { reply: injected }
  const url = new URL(request.path, state.url)
  const route = matchRoute(url.pathname, state.fixtures)
  if (!route || request.method !== 'GET') return { reply: errorReply(404) }
  const ctx = {
    api: state.url,
    server: state.options.serverUrl ?? 'https://github.com',
    repo: route.repo,
  }
  const repo = fullName(route.repo).toLowerCase()
  if (route.operation === 'pulls/list-files') {
    const pull = state.fixtures.pulls.get(`${repo}#${route.rest}`)
    const reply = pull
      ? listPullFiles(ctx, pull, url, route.rest)
      : errorReply(404, `${DOCS}/pulls/pulls#list-pull-requests-files`)
    return { reply, route }
  }
  const compare = state.fixtures.compares.get(`${repo} ${route.rest}`)
  const reply = compare
    ? compareCommits(ctx, compare, url, route.rest)
    : errorReply(404, `${DOCS}/commits/commits#compare-two-commits`)
  return { reply, route }
}

function isAuthorized(header: string | undefined, expected: string | undefined): boolean {
  const match = /^(?:token|bearer) +(\S+)$/i.exec(header ?? '')
  return Boolean(match) && (expected === undefined || match?.[1] === expected)
}
