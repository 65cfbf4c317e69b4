import { blobUrl, escapeHtml } from './html.js'
import type { CommitLink } from './validation-summary.js'
import type { Action, Outcome, SubmitResult } from '../sync/outcome.js'
import { plural } from './plural.js'

const ICONS: Record<Action, string> = {
  created: '🆕',
  updated: '✏️',
  unchanged: '✅',
  failed: '❌',
  skipped: '⏭️',
  'planned-create': '🆕',
  'planned-update': '✏️',
}

export const LUIGISBOX_APP_URL = 'https://app.luigisbox.com/'

/** The submission report: one row per manifest document, as DESIGN §3 lists. */
export function submitSummary(
  result: SubmitResult,
  commit: CommitLink,
  options: { dryRun: boolean; budget: number },
): string {
  const counts = new Map<Action, number>()
  for (const outcome of result.outcomes)
    counts.set(outcome.action, (counts.get(outcome.action) ?? 0) + 1)
  const tally =
    [...counts].map(([action, count]) => `${count} ${action}`).join(', ') || 'nothing to submit'
  const parts = [
    `<h2>Luigi's Box submission${options.dryRun ? ' (dry run: nothing was written)' : ''}</h2>\n`,
    `<p>${escapeHtml(tally)}.</p>\n`,
  ]
  if (result.stopped) {
    parts.push(`<p>❌ The run stopped early: ${escapeHtml(result.stopped.message)}</p>\n`)
  }
  const head =
    '<table>\n<tr><th>Manifest</th><th>Scope</th><th>Action</th><th>Customization id</th></tr>\n'
  const tail = '</table>\n'
  let size = Buffer.byteLength(parts.join('') + head + tail)
  const rows: string[] = []
  for (const outcome of result.outcomes) {
    const row = tableRow(outcome, commit)
    size += Buffer.byteLength(row)
    if (size > options.budget) break
    rows.push(row)
  }
  if (result.outcomes.length > 0) parts.push(head, ...rows, tail)
  const left = result.outcomes.length - rows.length
  if (left > 0) {
    parts.push(
      `<p>… and ${left} more ${plural(left, 'row')}, left out to keep this summary under GitHub's size limit; the <code>customizations</code> output has them all.</p>\n`,
    )
  }
  parts.push(
    `<p>Review them in the <a href="${LUIGISBOX_APP_URL}">Luigi's Box app</a> under Recommendations → Customizations.</p>\n`,
  )
  return parts.join('')
}

function tableRow(outcome: Outcome, commit: CommitLink): string {
  const label = outcome.document > 0 ? `${outcome.file} #${outcome.document + 1}` : outcome.file
  const link = `<a href="${escapeHtml(blobUrl(commit, outcome.file, outcome.line))}">${escapeHtml(label)}</a>`
  const action = `${ICONS[outcome.action]} ${outcome.action}${outcome.error ? `: ${escapeHtml(outcome.error)}` : ''}`
  const id = outcome.id ? `<code>${escapeHtml(outcome.id)}</code>` : ''
  return `<tr><td>${link}</td><td>${escapeHtml(outcome.scope)}</td><td>${action}</td><td>${id}</td></tr>\n`
}
