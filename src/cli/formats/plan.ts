import { logLine } from '../../report/progress.js'
import { WRITES, type Action, type Outcome } from '../../sync/outcome.js'

/**
 * A plan or its result for a terminal: one line per customization that changes or failed, with
 * the Action's diff lines below it (the text the job summary folds), unchanged ones counted.
 */
export function planText(outcomes: readonly Outcome[]): string {
  const lines: string[] = []
  for (const outcome of outcomes) {
    if (outcome.action === 'unchanged') continue
    const where =
      outcome.file === undefined ? '' : ` ${outcome.file}#${(outcome.document ?? 0) + 1}`
    const id = outcome.id ? ` ${outcome.id}` : ''
    const error = outcome.error ? `: ${outcome.error}` : ''
    lines.push(logLine(`${outcome.action}${where} (${outcome.scope})${id}${error}`))
    for (const change of outcome.changes ?? []) lines.push(`    ${logLine(change)}`)
  }
  const count = (action: Action) => outcomes.filter((o) => o.action === action).length
  const writes = outcomes.filter((o) => WRITES.has(o.action)).length
  // Failed and skipped rows are named only when there are some, so a clean run reads as before.
  const missed = (['failed', 'skipped'] as const)
    .filter((action) => count(action) > 0)
    .map((action) => `, ${count(action)} ${action}`)
  lines.push(`${writes} change(s)${missed.join('')}, ${count('unchanged')} unchanged.`)
  return `${lines.join('\n')}\n`
}
