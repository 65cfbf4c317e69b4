import { compareProblems, countBySeverity, type Problem } from '../manifest/problems.js'
import { plural } from './plural.js'
import { blobUrl, escapeHtml } from './html.js'

/** GitHub refuses a step summary over 1 MiB; stop well before, leaving room for other sections. */
export const SUMMARY_BUDGET = 900 * 1024

export interface CommitLink {
  serverUrl: string
  repository: string
  sha: string
}

/**
 * The validation report for the job summary: every problem, grouped by file, each linked to its
 * line at the commit that was checked. HTML, because the summary renders it and Markdown cannot
 * nest lists under headings reliably; all manifest-derived text is escaped.
 */
export function validationSummary(
  problems: readonly Problem[],
  checkedFiles: number,
  commit: CommitLink,
  budget = SUMMARY_BUDGET,
): string {
  const counts = countBySeverity(problems)
  const files = groupByFile(problems)
  const parts: string[] = [`<h2>Luigi's Box manifests</h2>\n`]
  if (problems.length === 0) {
    parts.push(
      `<p>✅ ${checkedFiles} ${plural(checkedFiles, 'manifest')} checked: no problems.</p>\n`,
    )
    return parts.join('')
  }
  parts.push(
    `<p>${counts.error > 0 ? '❌' : '⚠️'} ${counts.error} ${plural(counts.error, 'error')} and ${counts.warning} ${plural(counts.warning, 'warning')} in ${files.size} of ${checkedFiles} ${plural(checkedFiles, 'manifest')} checked.</p>\n`,
  )
  let size = Buffer.byteLength(parts.join(''))
  let written = 0
  fill: for (const [file, fileProblems] of files) {
    const heading = `<h3><a href="${escapeHtml(blobUrl(commit, file))}"><code>${escapeHtml(file)}</code></a></h3>\n<ul>\n`
    const closing = '</ul>\n'
    let opened = false
    for (const problem of fileProblems) {
      const item = problemItem(problem, commit)
      const cost =
        Buffer.byteLength(item) + (opened ? 0 : Buffer.byteLength(heading) + closing.length)
      if (size + cost > budget) {
        if (opened) parts.push(closing)
        break fill
      }
      if (!opened) parts.push(heading)
      opened = true
      parts.push(item)
      size += cost
      written++
    }
    parts.push(closing)
  }
  if (written < problems.length) {
    const rest = problems.length - written
    parts.push(
      `<p>… and ${rest} more ${plural(rest, 'problem')}, left out to keep this summary under GitHub's size limit. Run <code>luigisbox-pins validate</code> locally to see them all.</p>\n`,
    )
  }
  return parts.join('')
}

function problemItem(problem: Problem, commit: CommitLink): string {
  const icon = problem.severity === 'error' ? '❌' : '⚠️'
  const href = escapeHtml(blobUrl(commit, problem.file, problem.line))
  return `<li>${icon} <a href="${href}">line ${problem.line}, column ${problem.column}</a> <code>${escapeHtml(problem.code)}</code> ${escapeHtml(problem.message)}</li>\n`
}

function groupByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>()
  for (const problem of [...problems].sort(compareProblems)) {
    const group = groups.get(problem.file)
    if (group) group.push(problem)
    else groups.set(problem.file, [problem])
  }
  return groups
}
