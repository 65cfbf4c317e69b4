import type { Outcome } from '../sync/outcome.js'

/**
 * GitHub keeps at most 1 MB per step output; past it the step fails. The rows that fit below
 * this are kept, and the job summary keeps every row.
 */
export const CUSTOMIZATIONS_OUTPUT_BUDGET = 900_000

/**
 * The `customizations` output: one row per outcome, as JSON (a deletion has no file), cut to the
 * rows that fit in `budget` bytes; `truncated` says whether any was left out.
 */
export function outcomesJson(
  outcomes: readonly Outcome[],
  budget: number = CUSTOMIZATIONS_OUTPUT_BUDGET,
): { json: string; truncated: boolean } {
  const rows: string[] = []
  let size = 2
  for (const outcome of outcomes) {
    const row = JSON.stringify(outputRow(outcome))
    size += Buffer.byteLength(row) + (rows.length > 0 ? 1 : 0)
    if (size > budget) return { json: `[${rows.join(',')}]`, truncated: true }
    rows.push(row)
  }
  return { json: `[${rows.join(',')}]`, truncated: false }
}

function outputRow({ file, document, line, scope, action, id, error }: Outcome): object {
  return {
    file: file ?? null,
    document: document ?? null,
    line: line ?? null,
    scope,
    action,
    id: id ?? null,
    ...(error ? { error } : {}),
  }
}
