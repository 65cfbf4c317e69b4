import { fakeSha } from '../shared/fake-sha.js'
import { type RepoContext, fullName } from './repositories.js'
import { gitHubTime } from './timestamps.js'
import { simpleUser } from './users.js'

/** `count` commits ending at `headSha`, oldest first as GitHub returns them. */
export function commitChain(
  ctx: RepoContext,
  fromSha: string,
  headSha: string,
  count: number,
  seed: string,
): Record<string, unknown>[] {
  const commits: Record<string, unknown>[] = []
  let parent = fromSha
  for (let i = 1; i <= count; i += 1) {
    const sha = i === count ? headSha : fakeSha(`commit:${seed}:${i}`)
    commits.push(commitObject(ctx, sha, parent, i))
    parent = sha
  }
  return commits
}

/** A commit as the REST API describes one; `index` orders the commit dates. */
export function commitObject(
  ctx: RepoContext,
  sha: string,
  parentSha: string,
  index: number,
): Record<string, unknown> {
  const api = `${ctx.api}/repos/${fullName(ctx.repo)}`
  const html = `${ctx.server}/${fullName(ctx.repo)}`
  const date = gitHubTime(Date.UTC(2026, 0, 1, 12, 0, 0) + index * 60_000)
  const person = { name: 'Monalisa Octocat', email: 'mona@github.com', date }
  const tree = fakeSha(`tree:${sha}`)
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: Buffer.from(`06:Commit${ctx.repo.id}:${sha}`).toString('base64'),
    html_url: `${html}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: index === 0 ? 'Base commit' : `Update manifests (${index})`,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: simpleUser(ctx, 'octocat'),
    committer: simpleUser(ctx, 'octocat'),
    parents: [
      {
        sha: parentSha,
        url: `${api}/commits/${parentSha}`,
        html_url: `${html}/commit/${parentSha}`,
      },
    ],
  }
}
