import { fakeSha } from '../shared/fake-sha.js'
import type { FileSpec } from './options.js'
import { type RepoContext, fullName } from './repositories.js'

/** A file as GitHub lists it in a pull request or a compare, at commit `ref`. */
export function diffEntry(ctx: RepoContext, file: FileSpec, ref: string): Record<string, unknown> {
  const status = file.status ?? 'modified'
  const lines = defaultLineCounts(status, file.filename)
  const additions = file.additions ?? lines.additions
  const deletions = file.deletions ?? lines.deletions
  const repoPath = fullName(ctx.repo)
  const path = encodePath(file.filename)
  const entry: Record<string, unknown> = {
    sha: file.sha === undefined ? blobSha(`${status}:${file.filename}`) : file.sha,
    filename: file.filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${ctx.server}/${repoPath}/blob/${ref}/${path}`,
    raw_url: `${ctx.server}/${repoPath}/raw/${ref}/${path}`,
    contents_url: `${ctx.api}/repos/${repoPath}/contents/${path}?ref=${ref}`,
  }
  const patch = file.patch === undefined ? fakePatch(additions, deletions) : file.patch
  if (patch !== null) entry.patch = patch
  if (file.previous_filename !== undefined) entry.previous_filename = file.previous_filename
  return entry
}

/**
 * Plausible, stable numbers: what a status implies (nothing deleted from an added file), sized
 * by the filename so different files differ.
 */
function defaultLineCounts(
  status: string,
  filename: string,
): { additions: number; deletions: number } {
  const size = 1 + (Number.parseInt(fakeSha(filename).slice(0, 4), 16) % 40)
  switch (status) {
    case 'added':
      return { additions: size, deletions: 0 }
    case 'removed':
      return { additions: 0, deletions: size }
    case 'modified':
    case 'changed':
      return { additions: size, deletions: Math.ceil(size / 3) }
    default:
      return { additions: 0, deletions: 0 }
  }
}

/** A pure rename has no patch on GitHub; otherwise one hunk of the right size. */
function fakePatch(additions: number, deletions: number): string | null {
  if (additions + deletions === 0) return null
  const header = `@@ -${deletions ? 1 : 0},${deletions} +${additions ? 1 : 0},${additions} @@`
  const removed = Array.from({ length: deletions }, (_, i) => `-old line ${i + 1}`)
  const added = Array.from({ length: additions }, (_, i) => `+new line ${i + 1}`)
  return [header, ...removed, ...added].join('\n')
}

function encodePath(filename: string): string {
  return filename.split('/').map(encodeURIComponent).join('/')
}

/** Git's blob id of `content`. */
function blobSha(content: string): string {
  return fakeSha(`blob ${Buffer.byteLength(content)}\0${content}`)
}
