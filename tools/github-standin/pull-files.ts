import { diffEntry } from './diff-entries.js'
import { PULL_FILES_CAP } from './limits.js'
import { pageOf, readPaging, withLink } from './paging.js'
import type { GitHubReply } from './reply.js'
import type { RepoContext } from './repositories.js'
import type { FileSpec } from './options.js'

/** GET /repos/{owner}/{repo}/pulls/{number}/files */
export function listPullFiles(
  ctx: RepoContext,
  pull: { headSha: string; files: FileSpec[] },
  url: URL,
  number: string,
): GitHubReply {
  const files = pull.files.slice(0, PULL_FILES_CAP)
  const paging = readPaging(url)
  const body = pageOf(files, paging).map((file) => diffEntry(ctx, file, pull.headSha))
  const linkPath = `/repositories/${ctx.repo.id}/pulls/${number}/files`
  return withLink({ status: 200, body }, ctx.api, linkPath, url, paging, files.length)
}
