import { severityOf, type Severity } from '../manifest/codes.js'
import { compareProblems, type Problem } from '../manifest/problems.js'
import type { Outcome } from '../sync/outcome.js'
import { plural } from './plural.js'

/** GitHub shows this many annotations of each level per step and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10

export interface AnnotationProperties {
  title: string
  file: string
  startLine: number
  endLine: number
  startColumn?: number
  endColumn?: number
}

export interface AnnotationSink {
  error(message: string, properties: AnnotationProperties): void
  warning(message: string, properties: AnnotationProperties): void
  notice(message: string): void
}

/**
 * The first problems of each level in reading order, and how many do not fit beside the
 * annotations of that level the step has written already (run-level warnings, for instance).
 */
export function selectAnnotations(
  problems: readonly Problem[],
  alreadyWritten: Readonly<Record<Severity, number>> = { error: 0, warning: 0 },
): {
  shown: Problem[]
  hidden: Record<Severity, number>
} {
  const sorted = [...problems].sort(compareProblems)
  const shown: Problem[] = []
  const counts: Record<Severity, number> = { ...alreadyWritten }
  const hidden: Record<Severity, number> = { error: 0, warning: 0 }
  for (const problem of sorted) {
    if (counts[problem.severity] < ANNOTATIONS_PER_LEVEL) {
      counts[problem.severity]++
      shown.push(problem)
    } else {
      hidden[problem.severity]++
    }
  }
  return { shown, hidden }
}

export function annotate(
  problems: readonly Problem[],
  sink: AnnotationSink,
  alreadyWritten?: Readonly<Record<Severity, number>>,
): void {
  const { shown, hidden } = selectAnnotations(problems, alreadyWritten)
  for (const problem of shown) sink[problem.severity](problem.message, toProperties(problem))
  const more = [
    hidden.error > 0 ? `${hidden.error} more ${plural(hidden.error, 'error')}` : '',
    hidden.warning > 0 ? `${hidden.warning} more ${plural(hidden.warning, 'warning')}` : '',
  ].filter(Boolean)
  if (more.length > 0) {
    sink.notice(
      `${more.join(' and ')} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each per step); the job summary lists every problem.`,
    )
  }
}

function toProperties(problem: Problem): AnnotationProperties {
  const properties: AnnotationProperties = {
    title: problem.code,
    file: problem.file,
    startLine: problem.line,
    endLine: problem.endLine,
  }
  // GitHub accepts columns only on single-line annotations.
  if (problem.line === problem.endLine) {
    properties.startColumn = problem.column
    properties.endColumn = Math.max(problem.endColumn, problem.column)
  }
  return properties
}

/**
 * A manifest that failed to submit becomes an error on its first line, annotated like a
 * validation error (a 400/422 carries the server's own reason); one that succeeded with a note
 * (the server rewrote its scope) becomes a warning there. Deletions have no manifest to point at.
 */
export function submissionProblems(outcomes: readonly Outcome[]): Problem[] {
  return outcomes.flatMap((outcome): Problem[] => {
    const { file, line = 1 } = outcome
    if (file === undefined) return []
    const at = { file, line, column: 1, endLine: line, endColumn: 1 }
    if (outcome.action === 'failed' && outcome.error) {
      const code = outcome.rejected ? 'luigisbox/rejected' : 'luigisbox/failed'
      return [{ ...at, severity: severityOf(code), code, message: outcome.error }]
    }
    if (outcome.note) {
      return [
        {
          ...at,
          severity: severityOf('luigisbox/scope-rewritten'),
          code: 'luigisbox/scope-rewritten',
          message: outcome.note,
        },
      ]
    }
    return []
  })
}
