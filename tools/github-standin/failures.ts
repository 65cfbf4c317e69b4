import type { FailureSpec } from './options.js'
import { DOCS, type GitHubReply, errorReply } from './reply.js'

/** The injected failure and how many more requests it hits. */
export interface FailureState {
  spec: FailureSpec | undefined
  left: number
}

export function failureState(spec: FailureSpec | undefined): FailureState {
  return { spec, left: spec?.times ?? 1 }
}

/** The injected failure's reply for a request to `path`, when it still applies to it. */
export function takeFailure(failure: FailureState, path: string): GitHubReply | undefined {
  const spec = failure.spec
  if (!spec || failure.left <= 0) return undefined
  if (spec.pathIncludes !== undefined && !path.includes(spec.pathIncludes)) return undefined
  failure.left -= 1
  const reply = { ...errorReply(spec.status, DOCS, spec.message), hang: spec.hang }
  return spec.headers ? { ...reply, headers: spec.headers } : reply
}
