import { escapeHtml } from './html.js'

/** GitHub refuses a comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536
/** Room for the marker, the heading and the footer around the two reports. */
const FRAME = 2_048

/**
 * Budgets for the two reports inside a comment, in bytes, which are at least as many as
 * characters: together with the frame they stay under GitHub's limit, and each report says
 * what it left out.
 */
export const COMMENT_BUDGETS = { validation: 20_000, plan: COMMENT_LIMIT - 20_000 - FRAME }

/** The sticky comment: the marker, the validation result and the plan, and where to see more. */
export function commentBody(parts: {
  marker: string
  label: string
  validation: string
  plan?: string
  planSkipped?: string
  runUrl: string
}): string {
  const heading = `<h2>Luigi's Box pins${parts.label ? ` · ${escapeHtml(parts.label)}` : ''}</h2>\n`
  const plan = parts.plan ?? (parts.planSkipped ? `<p>${escapeHtml(parts.planSkipped)}</p>\n` : '')
  const footer = `<p><sub>Updated by the latest run; <a href="${escapeHtml(parts.runUrl)}">its job summary</a> has everything.</sub></p>\n`
  const body = `${parts.marker}\n${heading}${parts.validation}${plan}${footer}`
  if (body.length <= COMMENT_LIMIT) return body
  // The reports keep to their budgets; this guards what they cannot count (very long warnings).
  const cut = `<p>The plan is too long for a comment; <a href="${escapeHtml(parts.runUrl)}">the job summary</a> has it.</p>\n`
  return `${parts.marker}\n${heading}${cut}`
}
