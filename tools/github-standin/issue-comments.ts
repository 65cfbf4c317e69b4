import { readCommentBody, refuseCommentBody } from './comment-body.js'
import { issueComment } from './comment-object.js'
import type { CommentStore } from './comment-store.js'
import { pageOf, readPaging, withLink } from './paging.js'
import { type GitHubReply, errorReply } from './reply.js'
import { type RepoContext, issueKey } from './repositories.js'
import { type OperationId, documentationUrl } from './routes.js'
import { ACTIONS_BOT } from './users.js'

/** GET /repos/{owner}/{repo}/issues/{issue_number}/comments, oldest first. */
export function listComments(
  ctx: RepoContext,
  store: CommentStore,
  number: number,
  url: URL,
): GitHubReply {
  const thread = store.thread(issueKey(ctx.repo, number))
  if (!thread) return errorReply(404, documentationUrl('issues/list-comments'))
  const paging = readPaging(url)
  const body = pageOf(thread, paging).map((comment) => issueComment(ctx, comment))
  const linkPath = `/repositories/${ctx.repo.id}/issues/${number}/comments`
  return withLink({ status: 200, body }, ctx.api, linkPath, url, paging, thread.length)
}

/** POST /repos/{owner}/{repo}/issues/{issue_number}/comments, as the token's bot. */
export function createComment(
  ctx: RepoContext,
  store: CommentStore,
  number: number,
  requestBody: string,
): GitHubReply {
  const thread = store.thread(issueKey(ctx.repo, number))
  return write('issues/create-comment', requestBody, thread, (_thread, body) => {
    const created = issueComment(ctx, store.add(ctx.repo, number, body, ACTIONS_BOT))
    return { status: 201, body: created, headers: { location: created.url } }
  })
}

/**
 * PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}. Anyone's comment can be edited, as
 * a token with write access can on GitHub: telling its own apart is the client's job.
 */
export function updateComment(
  ctx: RepoContext,
  store: CommentStore,
  commentId: number,
  requestBody: string,
): GitHubReply {
  const found = store.get(commentId)
  // A comment of another repository is not found through this one.
  const comment = found?.repo === ctx.repo ? found : undefined
  return write('issues/update-comment', requestBody, comment, (target, body) => {
    store.edit(target, body)
    return { status: 200, body: issueComment(ctx, target) }
  })
}

/**
 * A write in GitHub's order of refusals: a request body its schema rejects (400/422) before a
 * `target` that does not exist (404), before what the comment model rejects (422).
 */
function write<T>(
  operation: OperationId,
  requestBody: string,
  target: T | undefined,
  apply: (target: T, body: string) => GitHubReply,
): GitHubReply {
  const docs = documentationUrl(operation)
  const body = readCommentBody(requestBody, docs)
  if (typeof body !== 'string') return body
  if (target === undefined) return errorReply(404, docs)
  return refuseCommentBody(body, docs) ?? apply(target, body)
}
