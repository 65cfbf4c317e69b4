import { fakeSha } from '../shared/fake-sha.js'

/** The parts of the payloads that decide GITHUB_SHA and GITHUB_REF. */
interface EventRefs {
  after?: string
  ref?: string
  number?: number
  repository?: { default_branch?: string }
  pull_request?: { number?: number; merge_commit_sha?: string }
  merge_group?: { head_sha?: string; head_ref?: string }
}

/** GITHUB_SHA and GITHUB_REF as the runner sets them for each event (see the reference doc). */
export function defaultShaAndRef(eventName: string, event: object): { sha: string; ref: string } {
  const e: EventRefs = event
  const fallbackRef = `refs/heads/${e.repository?.default_branch ?? 'main'}`
  switch (eventName) {
    case 'push':
      return { sha: e.after ?? fakeSha('push'), ref: e.ref ?? fallbackRef }
    case 'pull_request':
      return {
        sha: e.pull_request?.merge_commit_sha ?? fakeSha(`merge:${e.number}`),
        ref: `refs/pull/${e.number ?? e.pull_request?.number}/merge`,
      }
    case 'merge_group':
      return {
        sha: e.merge_group?.head_sha ?? fakeSha('merge_group'),
        ref: e.merge_group?.head_ref ?? fallbackRef,
      }
    default:
      return { sha: fakeSha(eventName), ref: e.ref ?? fallbackRef }
  }
}
