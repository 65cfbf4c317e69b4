import type { Outcome } from '../sync/outcome.js'

/** The `customizations` output: the same rows, as JSON. */
export function outcomesJson(outcomes: readonly Outcome[]): string {
  return JSON.stringify(
    outcomes.map(({ file, document, line, scope, action, id, error }) => ({
      file,
      document,
      line,
      scope,
      action,
      id: id ?? null,
      ...(error ? { error } : {}),
    })),
  )
}
