import { fakeSha } from '../shared/fake-sha.js'
import { commitChain, commitObject } from './commits.js'
import { diffEntry } from './diff-entries.js'
import { COMPARE_COMMITS_UNPAGED, COMPARE_FILES_CAP } from './limits.js'
import type { CompareSpec } from './options.js'
import { pageOf, readPaging, withLink } from './paging.js'
import type { GitHubReply } from './reply.js'
import { type RepoContext, fullName } from './repositories.js'

/** GET /repos/{owner}/{repo}/compare/{basehead} */
export function compareCommits(
  ctx: RepoContext,
  spec: CompareSpec,
  url: URL,
  basehead: string,
): GitHubReply {
  const [base = '', head = ''] = basehead.split('...')
  const status = spec.status ?? 'ahead'
  const behindOnly = status === 'identical' || status === 'behind'
  const total = spec.total_commits ?? (behindOnly ? 0 : 1)
  const behindBy = spec.behind_by ?? (status === 'behind' || status === 'diverged' ? 1 : 0)
  const baseSha = shaOf(base, `base:${basehead}`)
  const headSha = shaOf(head, `head:${basehead}`)
  const mergeBaseSha = status === 'diverged' ? fakeSha(`merge-base:${basehead}`) : baseSha
  const commits = commitChain(ctx, mergeBaseSha, headSha, total, basehead)
  const paged = url.searchParams.has('page') || url.searchParams.has('per_page')
  const paging = readPaging(url)
  const shown = paged ? pageOf(commits, paging) : commits.slice(-COMPARE_COMMITS_UNPAGED)
  // GitHub lists the files on the first page only, and at most 300 of them.
  const files = !paged || paging.page === 1 ? spec.files.slice(0, COMPARE_FILES_CAP) : []
  const repoPath = fullName(ctx.repo)
  const body = {
    url: `${ctx.api}/repos/${repoPath}/compare/${basehead}`,
    html_url: `${ctx.server}/${repoPath}/compare/${basehead}`,
    permalink_url: `${ctx.server}/${repoPath}/compare/${ctx.repo.owner}:${baseSha}...${ctx.repo.owner}:${headSha}`,
    diff_url: `${ctx.server}/${repoPath}/compare/${basehead}.diff`,
    patch_url: `${ctx.server}/${repoPath}/compare/${basehead}.patch`,
    base_commit: commitObject(ctx, baseSha, fakeSha(`parent:${baseSha}`), 0),
    merge_base_commit: commitObject(ctx, mergeBaseSha, fakeSha(`parent:${mergeBaseSha}`), 0),
    status,
    ahead_by: total,
    behind_by: behindBy,
    total_commits: total,
    commits: shown,
    files: files.map((file) => diffEntry(ctx, file, headSha)),
  }
  if (!paged) return { status: 200, body }
  const linkPath = `/repositories/${ctx.repo.id}/compare/${basehead}`
  return withLink({ status: 200, body }, ctx.api, linkPath, url, paging, commits.length)
}

/** A ref that already is a full sha stays itself, so tests can use real-looking shas end to end. */
function shaOf(ref: string, seed: string): string {
  return /^[0-9a-f]{40}$/.test(ref) ? ref : fakeSha(seed)
}
