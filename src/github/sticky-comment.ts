import { errorMessage } from '../error-message.js'
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
  // Only a bot's comment that starts with the marker: anyone can paste the marker into a comment
  // of their own, which the Action must never take over and fill with a plan they can edit.
  const existing = (await api.listComments(issueNumber)).find(
    (c) => c.author.type === 'Bot' && c.body.startsWith(marker),
  )
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

/**
 * Posts or edits the sticky comment. A token that cannot write (403, or 404 where GitHub hides
 * the pull request) is a notice, any other failure a warning, and neither fails the step.
 */
export async function postComment(
  api: CommentsApi,
  issueNumber: number,
  marker: string,
  body: string,
  log: {
    info: (text: string) => void
    notice: (text: string) => void
    warning: (text: string) => void
  },
): Promise<void> {
  try {
    log.info(`Pull request comment ${await upsertComment(api, issueNumber, marker, body)}.`)
  } catch (error) {
    // The comment is a courtesy: its failure never hides or changes the run's own result.
    const status = (error as { status?: unknown }).status
    if (status === 403 || status === 404) {
      log.notice(
        "The pull request comment was not written: this job's token cannot write to pull requests (pull requests from forks get a read-only token; otherwise add permissions: pull-requests: write). The job summary has the result.",
      )
    } else {
      log.warning(`The pull request comment was not written: ${errorMessage(error)}`)
    }
  }
}
