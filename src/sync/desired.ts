import type { ManifestDocument } from '../manifest/validate.js'
import type { Scope } from '../manifest/scope.js'
import { notSubmitted, type Outcome } from './outcome.js'
import type { Desired } from './plan.js'

/**
 * The documents to make live, and a `skipped` row for each document with validation errors:
 * those are never sent.
 */
export function desiredState(documents: readonly ManifestDocument[]): {
  desired: Desired[]
  invalid: Outcome[]
} {
  const desired: Desired[] = []
  const invalid: Outcome[] = []
  for (const document of documents) {
    if (document.customization && document.scope) {
      desired.push({
        file: document.file,
        index: document.index,
        line: document.line,
        scope: document.scope,
        body: document.customization,
      })
    } else {
      invalid.push(notSubmitted(document, 'the document has validation errors'))
    }
  }
  return { desired, invalid }
}

/**
 * Scopes of documents that will not be applied (validation errors) but whose scope is known: their
 * live customizations are not orphans, so prune keeps them.
 */
export function keptScopes(
  documents: readonly ManifestDocument[],
  desired: readonly Desired[],
): Scope[] {
  const applied = new Set(desired.map((d) => `${d.file}#${d.index}`))
  return documents
    .filter((d) => !applied.has(`${d.file}#${d.index}`))
    .flatMap((d) => (d.scope ? [d.scope] : []))
}
