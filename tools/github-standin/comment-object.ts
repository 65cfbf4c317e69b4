import type { StoredComment } from './comment-store.js'
import { type RepoContext, fullName } from './repositories.js'
import { type SimpleUser, simpleUser } from './users.js'

/** An issue comment as the REST API describes one (`issue-comment`). */
export interface IssueComment {
  url: string
  html_url: string
  issue_url: string
  id: number
  node_id: string
  user: SimpleUser
  created_at: string
  updated_at: string
  author_association: 'OWNER' | 'NONE'
  body: string
  reactions: Reactions
  performed_via_github_app: null
}

export interface Reactions {
  url: string
  total_count: number
  '+1': number
  '-1': number
  laugh: number
  confused: number
  heart: number
  hooray: number
  eyes: number
  rocket: number
}

/**
 * `comment` in GitHub's shape. Every known issue is a pull request, so the html_url is the
 * pull request's conversation. The repository's owner is its OWNER; anyone else, bots included,
 * has no association, as with a GITHUB_TOKEN's comments.
 */
export function issueComment(
  ctx: Pick<RepoContext, 'api' | 'server'>,
  comment: StoredComment,
): IssueComment {
  const repo = fullName(comment.repo)
  const api = `${ctx.api}/repos/${repo}/issues`
  const owner = comment.login.toLowerCase() === comment.repo.owner.toLowerCase()
  return {
    url: `${api}/comments/${comment.id}`,
    html_url: `${ctx.server}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/${comment.issueNumber}`,
    id: comment.id,
    // GitHub's legacy global id: base64 of "012:IssueComment<id>".
    node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
    user: simpleUser(ctx, comment.login),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: owner ? 'OWNER' : 'NONE',
    body: comment.body,
    reactions: {
      url: `${api}/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
    performed_via_github_app: null,
  }
}
