// A stand-in for the GitHub REST endpoints the Action uses, served over real HTTP so the built
// bundle and @actions/github talk to it exactly as they would to api.github.com: pull request
// files and compare to read, and issue comments to keep one comment on a pull request. Response
// bodies follow GitHub's OpenAPI description (checked by __tests__/github-api-standin.test.ts),
// and the awkward parts of the real API are reproduced on purpose: Link headers that point at
// /repositories/{id}/… rather than the URL the client asked for, the 3000-file cap on pull
// request files and the 300-file cap on compare, both silent, the 65,536-character limit on a
// comment, and the 403 a fork's read-only token gets when it tries to comment.
import { type IncomingHttpHeaders, type ServerResponse, createServer } from 'node:http'
import { closeServer, headerValue, listen, readBody } from '../shared/http-server.js'
import { type IssueComment, issueComment } from './comment-object.js'
import { CommentStore } from './comment-store.js'
import { failureState } from './failures.js'
import { indexFixtures } from './fixtures.js'
import { type HandlerState, handle, repoContext } from './handler.js'
import type { StandInOptions } from './options.js'
import type { GitHubReply } from './reply.js'
import { fullName } from './repositories.js'
import type { OperationId } from './routes.js'

export interface RecordedRequest {
  method: string
  /** Path with query, as sent. */
  path: string
  /** Lower-cased names. */
  headers: Record<string, string>
  /** GitHub's operationId, whichever URL form was used. */
  operation: OperationId | null
  /** `owner/repo` the request resolved to. */
  repo: string | null
  /** The request body as sent (a write's JSON), or null when there was none. */
  body: string | null
  /** The status the stand-in answered with. */
  status: number
}

export interface GitHubApiStandIn {
  /** Base URL, e.g. `http://127.0.0.1:40123`; pass as GITHUB_API_URL. */
  url: string
  close: () => Promise<void>
  /** Every request, in arrival order. */
  requests: RecordedRequest[]
  /**
   * The comments on pull request `owner/repo#7` now, oldest first, as GitHub would list them;
   * empty for a pull request the stand-in does not know.
   */
  comments: (key: string) => IssueComment[]
}

export async function startGitHubApi(options: StandInOptions = {}): Promise<GitHubApiStandIn> {
  const requests: RecordedRequest[] = []
  const fixtures = indexFixtures(options)
  const state: HandlerState = {
    fixtures,
    comments: new CommentStore(fixtures.threads.values()),
    options,
    failure: failureState(options.failWith),
    url: '',
  }
  const server = createServer((req, res) => {
    // A client that gave up mid-request must not crash the test that started the stand-in.
    req.on('error', () => {})
    res.on('error', () => {})
    void readBody(req).then(
      (body) => {
        const method = req.method ?? 'GET'
        const path = req.url ?? '/'
        const headers = flattenHeaders(req.headers)
        const request = { method, path, authorization: headers.authorization, body }
        const { reply, route } = handle(request, state)
        requests.push({
          method,
          path,
          headers,
          operation: route?.operation ?? null,
          repo: route ? fullName(route.repo) : null,
          body: body === '' ? null : body,
          status: reply.status,
        })
        if (!reply.hang) send(res, reply, requests.length)
      },
      () => res.destroy(),
    )
  })
  state.url = await listen(server)
  return {
    url: state.url,
    requests,
    close: () => closeServer(server),
    comments: (key) =>
      (state.comments.thread(key) ?? []).map((comment) =>
        issueComment(repoContext(state, comment.repo), comment),
      ),
  }
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const name of Object.keys(headers)) {
    const value = headerValue(headers, name)
    if (value !== undefined) flat[name] = value
  }
  return flat
}

/** `served` feeds the rate-limit headers. */
function send(res: ServerResponse, reply: GitHubReply, served: number): void {
  const body = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `0000:${served.toString(16).toUpperCase()}:STANDIN`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(0, 5000 - served)),
    'x-ratelimit-used': String(served),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...reply.headers,
  })
  res.end(body)
}
