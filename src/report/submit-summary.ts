import { blobUrl, escapeHtml } from './html.js'
import type { CommitLink } from './validation-summary.js'
import type { Action, Outcome, SubmitResult } from '../sync/outcome.js'
import { plural } from './plural.js'

const ICONS: Record<Action, string> = {
  created: '🆕',
  updated: '✏️',
  deleted: '🗑️',
  unchanged: '✅',
  failed: '❌',
  skipped: '⏭️',
  'planned-create': '🆕',
  'planned-update': '✏️',
  'planned-delete': '🗑️',
  'not-in-git': '❔',
}

export const LUIGISBOX_APP_URL = 'https://app.luigisbox.com/'

/** The submission report: one row per manifest document, and one per deletion. */
export function submitSummary(
  result: SubmitResult,
  commit: CommitLink,
  options: { dryRun: boolean; budget: number; label?: string },
): string {
  const counts = new Map<Action, number>()
  for (const outcome of result.outcomes)
    counts.set(outcome.action, (counts.get(outcome.action) ?? 0) + 1)
  const tally =
    [...counts].map(([action, count]) => `${count} ${action}`).join(', ') || 'nothing to submit'
  const parts = [
    `<h2>Luigi's Box ${options.dryRun ? 'plan (nothing was written)' : 'submission'}${options.label ? ` · ${escapeHtml(options.label)}` : ''}</h2>\n`,
    `<p>${escapeHtml(tally)}.</p>\n`,
  ]
  if (result.stopped) {
    parts.push(`<p>❌ The run stopped early: ${escapeHtml(result.stopped.message)}</p>\n`)
  }
  const warnings = result.warnings ?? []
  const shownWarnings = warnings.slice(0, MAX_WARNINGS_SHOWN)
  for (const warning of shownWarnings) parts.push(`<p>⚠️ ${escapeHtml(warning)}</p>\n`)
  if (warnings.length > shownWarnings.length) {
    const more = warnings.length - shownWarnings.length
    parts.push(`<p>⚠️ … and ${more} more ${plural(more, 'warning')}; the log has them all.</p>\n`)
  }
  // What changed, or failed, is what a reader looks for; unchanged rows are folded below it.
  const changed = result.outcomes.filter((o) => o.action !== 'unchanged')
  const unchanged = result.outcomes.filter((o) => o.action === 'unchanged')
  const size = { left: options.budget - Buffer.byteLength(parts.join('')) - FOOTER_ALLOWANCE }
  const written = [
    ...table(changed, commit, size, '', ''),
    ...table(
      unchanged,
      commit,
      size,
      `<details><summary>${unchanged.length} unchanged</summary>\n\n`,
      '</details>\n',
    ),
  ]
  parts.push(...written)
  const shown = written.filter((part) => part.startsWith('<tr><td')).length
  const left = result.outcomes.length - shown
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

/** Warnings (one per unreadable live record, say) beyond this are counted, not listed. */
const MAX_WARNINGS_SHOWN = 10

/** Room kept for the closing lines after the tables. */
const FOOTER_ALLOWANCE = 1024

/** A table of rows, as many as fit in `size.left` (which it lowers); nothing for no rows. */
function table(
  outcomes: readonly Outcome[],
  commit: CommitLink,
  size: { left: number },
  before: string,
  after: string,
): string[] {
  if (outcomes.length === 0) return []
  const head = `${before}<table>\n<tr><th>Manifest</th><th>Scope</th><th>Action</th><th>Customization id</th></tr>\n`
  const tail = `</table>\n${after}`
  size.left -= Buffer.byteLength(head + tail)
  if (size.left < 0) return []
  const rows: string[] = []
  for (const outcome of outcomes) {
    const row = tableRow(outcome, commit)
    size.left -= Buffer.byteLength(row)
    if (size.left < 0) break
    rows.push(row)
  }
  return [head, ...rows, tail]
}

function tableRow(outcome: Outcome, commit: CommitLink): string {
  const { file, document = 0 } = outcome
  const label = file === undefined ? '' : document > 0 ? `${file} #${document + 1}` : file
  const link =
    file === undefined
      ? '<em>no manifest</em>'
      : `<a href="${escapeHtml(blobUrl(commit, file, outcome.line))}">${escapeHtml(label)}</a>`
  const summaryLabel = `${ICONS[outcome.action]} ${outcome.action}${outcome.error ? `: ${escapeHtml(outcome.error)}` : ''}`
  // Each customization's changes fold under its action, so a long plan stays readable.
  const action =
    outcome.changes && outcome.changes.length > 0
      ? `<details><summary>${summaryLabel}</summary><pre>${escapeHtml(outcome.changes.join('\n'))}</pre></details>`
      : summaryLabel
  const id = outcome.id ? `<code>${escapeHtml(outcome.id)}</code>` : ''
  return `<tr><td>${link}</td><td>${escapeHtml(outcome.scope)}</td><td>${action}</td><td>${id}</td></tr>\n`
}
