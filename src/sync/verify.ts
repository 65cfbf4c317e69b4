import type { LuigisBoxClient } from '../luigisbox/client.js'
import { readLive } from './live.js'
import type { SubmitResult } from './outcome.js'
import { readMark, scopeFingerprint } from './ownership.js'
import type { Desired } from './plan.js'

/** Several customizations the Action owns, marked with one scope. */
export interface Duplicate {
  /** The scope fingerprint they share. */
  scope: string
  ids: string[]
}

/**
 * After applying: the models listed again, and any scope held by more than one owned
 * customization reported. Nothing the Action does should leave one, but a second run at the same
 * time, or a write that landed after every lookup gave up, can; this says so instead of hiding it.
 */
export async function findDuplicates(
  client: LuigisBoxClient,
  models: readonly string[],
  tag: string,
): Promise<Duplicate[]> {
  const byScope = new Map<string, string[]>()
  for (const listing of await readLive(client, models)) {
    for (const record of listing.records) {
      const scope = readMark(tag, record.tags).mark?.scope
      if (scope === undefined) continue
      byScope.set(scope, [...(byScope.get(scope) ?? []), record.id])
    }
  }
  return [...byScope]
    .filter(([, ids]) => ids.length > 1)
    .map(([scope, ids]) => ({ scope, ids: ids.sort() }))
}

/**
 * The result with each duplicate reported: on the row of the manifest whose scope it is (now a
 * failure, since the next run cannot tell the copies apart), or as a warning when no manifest has
 * that scope.
 */
export function withDuplicates(
  result: SubmitResult,
  duplicates: readonly Duplicate[],
  desired: readonly Desired[],
): SubmitResult {
  if (duplicates.length === 0) return result
  const warnings = [...(result.warnings ?? [])]
  const byScope = new Map(duplicates.map((d) => [d.scope, d]))
  const claimed = new Set<string>()
  const outcomes = result.outcomes.map((outcome) => {
    const owner = desired.find((d) => d.file === outcome.file && d.index === outcome.document)
    const duplicate = owner && byScope.get(scopeFingerprint(owner.scope))
    if (!duplicate) return outcome
    claimed.add(duplicate.scope)
    return { ...outcome, action: 'failed' as const, error: duplicateMessage(duplicate) }
  })
  for (const duplicate of duplicates) {
    if (!claimed.has(duplicate.scope)) warnings.push(duplicateMessage(duplicate))
  }
  return { ...result, outcomes, warnings }
}

function duplicateMessage(duplicate: Duplicate): string {
  return `${duplicate.ids.length} customizations the Action manages now hold one scope (${duplicate.ids.join(', ')}); delete all but one in the Luigi's Box app, then run again.`
}
