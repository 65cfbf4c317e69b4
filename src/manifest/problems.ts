import type { ProblemCode, Severity } from './codes.js'

/** One mistake in one manifest, positioned for an annotation (1-based lines and columns). */
export interface Problem {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: Severity
  code: ProblemCode
  message: string
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1 }

/** Sort by file, then position, errors before warnings at the same place: the order users read. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return (
    a.line - b.line ||
    a.column - b.column ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    a.code.localeCompare(b.code)
  )
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0 }
  for (const p of problems) counts[p.severity]++
  return counts
}
