import type { CommentStore } from './comment-store.js'
import { compareCommits } from './compare.js'
import { type FailureState, takeFailure } from './failures.js'
import type { Fixtures } from './fixtures.js'
import { createComment, listComments, updateComment } from './issue-comments.js'
import type { StandInOptions } from './options.js'
import { listPullFiles } from './pull-files.js'
import { type GitHubReply, errorReply } from './reply.js'
import { type Route, documentationUrl, matchRoute } from './routes.js'
import { type Repo, type RepoContext, fullName, issueKey } from './repositories.js'

export interface HandlerState {
  fixtures: Fixtures
  /** The comments as the writes so far left them. */
  comments: CommentStore
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
  /** As sent; empty when there was none. */
  body: string
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
  const route = matchRoute(request.method, url.pathname, state.fixtures)
  if (!route) return { reply: errorReply(404) }
  // Every write served is a comment on a pull request, which needs pull-requests: write; a
  // fork's pull request gets a read-only token, and GitHub refuses it before reading the body.
  if (request.method !== 'GET' && state.options.permissions?.pullRequests === 'read') {
    const message = 'Resource not accessible by integration'
    return { reply: errorReply(403, documentationUrl(route.operation), message), route }
  }
  return { reply: answer(route, request.body, url, state), route }
}

/** What GitHub builds its URLs from for `repo`: the stand-in's own address and the web host. */
export function repoContext(state: HandlerState, repo: Repo): RepoContext {
  return { api: state.url, server: state.options.serverUrl ?? 'https://github.com', repo }
}

function answer(route: Route, body: string, url: URL, state: HandlerState): GitHubReply {
  const ctx = repoContext(state, route.repo)
  const notFound = errorReply(404, documentationUrl(route.operation))
  switch (route.operation) {
    case 'pulls/list-files': {
      const pull = state.fixtures.pulls.get(issueKey(route.repo, Number(route.rest)))
      return pull ? listPullFiles(ctx, pull, url, route.rest) : notFound
    }
    case 'repos/compare-commits-with-basehead': {
      const compare = state.fixtures.compares.get(
        `${fullName(route.repo).toLowerCase()} ${route.rest}`,
      )
      return compare ? compareCommits(ctx, compare, url, route.rest) : notFound
    }
    case 'issues/list-comments':
      return listComments(ctx, state.comments, Number(route.rest), url)
    case 'issues/create-comment':
      return createComment(ctx, state.comments, Number(route.rest), body)
    case 'issues/update-comment':
      return updateComment(ctx, state.comments, Number(route.rest), body)
  }
}

function isAuthorized(header: string | undefined, expected: string | undefined): boolean {
  const match = /^(?:token|bearer) +(\S+)$/i.exec(header ?? '')
  return Boolean(match) && (expected === undefined || match?.[1] === expected)
}
