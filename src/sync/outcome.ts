import { describeScope } from '../manifest/scope.js'
import type { ApiError } from '../luigisbox/errors.js'
import type { Desired } from './plan.js'

export type Action =
  'created' | 'updated' | 'unchanged' | 'failed' | 'skipped' | 'planned-create' | 'planned-update'

/** One row of the job summary and of the `customizations` output. */
export interface Outcome {
  file: string
  /** 0-based index of the document in its file. */
  document: number
  line: number
  scope: string
  action: Action
  id?: string
  error?: string
  /** The API refused the body (400/422): worth an annotation on the manifest. */
  rejected?: boolean
}

export interface SubmitResult {
  outcomes: Outcome[]
  /** Set when the run stopped early: wrong credentials or an unknown tracker. */
  stopped?: ApiError
}

export function outcomeOf(desired: Desired, action: Action, extra: Partial<Outcome> = {}): Outcome {
  return {
    file: desired.file,
    document: desired.index,
    line: desired.line,
    scope: describeScope(desired.scope),
    action,
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  }
}

/** Reading order: by file, then by document. */
export function sortOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  return [...outcomes].sort((a, b) =>
    a.file === b.file ? a.document - b.document : a.file < b.file ? -1 : 1,
  )
}
