import type { ManifestDocument } from '../manifest/validate.js'
import { describeScope } from '../manifest/scope.js'
import type { Outcome } from './outcome.js'
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
      invalid.push({
        file: document.file,
        document: document.index,
        line: document.line,
        scope: document.scope ? describeScope(document.scope) : '',
        action: 'skipped',
        error: 'Not submitted: the document has validation errors.',
      })
    }
  }
  return { desired, invalid }
}
