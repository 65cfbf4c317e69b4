import type { Outcome } from '../sync/outcome.js'

/** The `customizations` output: one row per outcome, as JSON; a deletion has no file. */
export function outcomesJson(outcomes: readonly Outcome[]): string {
  return JSON.stringify(
    outcomes.map(({ file, document, line, scope, action, id, error }) => ({
      file: file ?? null,
      document: document ?? null,
      line: line ?? null,
      scope,
      action,
      id: id ?? null,
      ...(error ? { error } : {}),
    })),
  )
}
