import type { CommentsApi } from './api.js'

/**
 * One comment per pull request and label, found again by a hidden marker and edited in place,
 * so a pull request's conversation holds the latest result once rather than a comment per push.
 * Returns what happened, for the log.
 */
export async function upsertComment(
  api: CommentsApi,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<'created' | 'updated'> {
  const existing = (await api.listComments(issueNumber)).find((c) => c.body.includes(marker))
  if (existing) {
    await api.updateComment(existing.id, body)
    return 'updated'
  }
  await api.createComment(issueNumber, body)
  return 'created'
}

/** The hidden marker of a label's comment; the label is encoded so it cannot end the comment. */
export function commentMarker(label: string): string {
  return `<!-- luigisbox-pins-comment:${encodeURIComponent(label)} -->`
}
