import { describeScope, type Scope } from '../manifest/scope.js'
import type { ApiError } from '../luigisbox/errors.js'

export type Action =
  | 'created'
  | 'updated'
  | 'deleted'
  | 'unchanged'
  | 'failed'
  | 'skipped'
  | 'planned-create'
  | 'planned-update'
  | 'planned-delete'
  /** Owned by the Action, declared by no manifest, and left alone (prune is off). */
  | 'not-in-git'

/** The actions that write to Luigi's Box, or would on a dry run: the `changes` output counts them. */
export const WRITES: ReadonlySet<Action> = new Set([
  'created',
  'updated',
  'deleted',
  'planned-create',
  'planned-update',
  'planned-delete',
])

/** One row of the job summary and of the `customizations` output. */
export interface Outcome {
  /** The manifest; absent for a customization deleted because no manifest declares it. */
  file?: string
  /** 0-based index of the document in its file. */
  document?: number
  line?: number
  scope: string
  action: Action
  id?: string
  error?: string
  /** The API refused the body (400/422): worth an annotation on the manifest. */
  rejected?: boolean
  /** Worth a warning on the manifest although it succeeded (the server rewrote its scope). */
  note?: string
  /** What the write changes (or would), field by field, for people. */
  changes?: string[]
}

export interface SubmitResult {
  outcomes: Outcome[]
  /** Set when the run stopped early: wrong credentials or an unknown tracker. */
  stopped?: ApiError
  /** What the run noticed and left alone (unreadable live records, a prune not done), for people. */
  warnings?: string[]
}

/** Where a row points: a manifest document (a desired customization or an invalid one). */
export interface DocumentRef {
  file: string
  /** 0-based index of the document in its file. */
  index: number
  line: number
  scope?: Scope
}

export function outcomeOf(
  where: DocumentRef,
  action: Action,
  extra: Partial<Outcome> = {},
): Outcome {
  return {
    file: where.file,
    document: where.index,
    line: where.line,
    scope: where.scope ? describeScope(where.scope) : '',
    action,
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  }
}

/** A `skipped` row: nothing was sent for this document. */
export function notSubmitted(where: DocumentRef, why: string): Outcome {
  return outcomeOf(where, 'skipped', { error: `Not submitted: ${why}.` })
}

/** Reading order: by file, then by document; deletions (no file) last, by scope. */
export function sortOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  const key = (o: Outcome): [string, number, string] => [
    o.file === undefined ? '\uffff' : o.file,
    o.document ?? 0,
    o.scope,
  ]
  return [...outcomes].sort((a, b) => {
    const [fa, da, sa] = key(a)
    const [fb, db, sb] = key(b)
    return fa !== fb ? (fa < fb ? -1 : 1) : da !== db ? da - db : sa < sb ? -1 : sa > sb ? 1 : 0
  })
}
