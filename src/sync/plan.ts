import type { Customization } from '../manifest/schema.js'
import { describeScope, scopeKey, scopeOf, type Scope } from '../manifest/scope.js'
import type { LiveCustomization } from '../luigisbox/wire.js'
import { normalise, sameCustomization } from './compare.js'
import { describeCreate, describeDelete, describeUpdate } from './diff.js'
import { malformation, type Malformed, type ModelListing } from './live.js'
import {
  fingerprint,
  isOwnershipTag,
  ownershipTags,
  readMark,
  scopeFingerprint,
} from './ownership.js'

/** One manifest document to be made live. */
export interface Desired {
  file: string
  /** 0-based index of the document in its file. */
  index: number
  line: number
  scope: Scope
  body: Customization
}

export type Step =
  | { kind: 'create'; desired: Desired; send: Customization; changes: string[] }
  | {
      kind: 'update'
      desired: Desired
      id: string
      send: Customization
      live: LiveCustomization
      /** Equal but not yet marked as the Action's: the write only adds the ownership tags. */
      adopt: boolean
      /** What changes, live → git, for people. */
      changes: string[]
    }
  | { kind: 'unchanged'; desired: Desired; id: string }
  | { kind: 'conflict'; desired: Desired; ids: string[] }
  /** Nothing may be written for it: creating could duplicate what the listing did not show. */
  | { kind: 'blocked'; desired: Desired; reason: string }
  | { kind: 'delete'; id: string; scope: string; live: LiveCustomization; changes: string[] }
  /** Owned and declared by no manifest, shown on a plan without prune: left alone. */
  | { kind: 'orphan'; id: string; scope: string; live: LiveCustomization; changes: string[] }

export interface PlanInput {
  desired: readonly Desired[]
  /** What is live in every model the desired customizations use. */
  listings: readonly ModelListing[]
  ownershipTag: string
  /** Set only when pruning is on and safe: what the Action owns, and scopes to keep regardless. */
  prune?: Prune
}

export interface Prune {
  /** Delete orphans; otherwise they are only reported (`orphan` steps). */
  remove: boolean
  /** Every customization carrying the ownership tag, in any model. */
  owned: readonly LiveCustomization[]
  /** Scopes of manifest documents that will not be applied (validation errors): kept live. */
  keep: readonly Scope[]
}

/**
 * Desired state against live state, per scope: nothing live → create; one live → update it in
 * place unless it is the same and marked as the Action's; several live → refuse to guess; owned
 * and declared by no manifest → delete (with prune). Pure, so every case is tested without a server.
 */
export function planChanges(input: PlanInput): Step[] {
  const { ownershipTag: tag } = input
  const listings = new Map(
    input.listings.map((listing) => [
      listing.model,
      { listing, index: scopeIndex(listing.records, tag) },
    ]),
  )
  const matched = new Set<string>()
  const steps = input.desired.map((desired): Step => {
    const { listing, index } = listings.get(desired.scope.model) ?? {}
    const candidates = index ? index(desired.scope) : []
    for (const candidate of candidates) matched.add(candidate.id)
    const copies = candidates.filter((candidate) => !targets(candidate, desired.scope))
    if (copies.length > 0) {
      return {
        kind: 'blocked',
        desired,
        reason: `${copies.map(describeLive).join(', ')} ${copies.length === 1 ? 'carries' : 'carry'} this manifest's ownership tag but ${copies.length === 1 ? 'targets' : 'target'} something else, like a copy made in the app; remove the ${tag} tags from it there, then run again`,
      }
    }
    if (candidates.length > 0) return stepFor(desired, candidates, tag)
    if (listing?.incomplete) {
      return {
        kind: 'blocked',
        desired,
        reason: `the listing of model ${desired.scope.model} cannot be trusted (${listing.incomplete}), so nothing is created in it`,
      }
    }
    const blocker = listing?.malformed.find((m) => mayHoldScope(m, desired.scope, tag))
    if (blocker) {
      return {
        kind: 'blocked',
        desired,
        reason: `live customization ${blocker.id} may hold this scope but cannot be read (${blocker.reason}); fix or delete it in the Luigi's Box app`,
      }
    }
    return stepFor(desired, [], tag)
  })
  if (!input.prune) return steps
  const declared = [...input.desired.map((d) => d.scope), ...input.prune.keep]
  const orphans = deletions(input.prune.owned, declared, matched, tag)
  return [
    ...steps,
    ...(input.prune.remove
      ? orphans
      : orphans.map((step) => ({ ...step, kind: 'orphan' as const }))),
  ]
}

/** The step for a desired customization given the live ones that hold its scope. */
export function stepFor(
  desired: Desired,
  candidates: readonly LiveCustomization[],
  tag: string,
): Extract<Step, { kind: 'create' | 'update' | 'unchanged' | 'conflict' }> {
  const [live] = candidates
  if (live === undefined) {
    return {
      kind: 'create',
      desired,
      send: bodyToSend(desired, tag),
      changes: describeCreate(desired.body),
    }
  }
  if (candidates.length > 1) {
    return { kind: 'conflict', desired, ids: candidates.map((c) => c.id) }
  }
  const { owned, mark } = readMark(tag, live.tags)
  const lastAppliedIsDesired = mark?.body === bodyFingerprint(desired.body, tag)
  const same = sameCustomization(desired.body, live, { ownershipTag: tag, lastAppliedIsDesired })
  if (owned && same) return { kind: 'unchanged', desired, id: live.id }
  return {
    kind: 'update',
    desired,
    id: live.id,
    send: bodyToSend(desired, tag),
    live,
    adopt: !owned && same,
    changes: describeUpdate(desired.body, live, {
      ownershipTag: tag,
      lastAppliedIsDesired,
      adopt: !owned && same,
    }),
  }
}

/**
 * Owned customizations that no manifest declares any more. Whatever could still be a declared
 * one is kept: a record matched in planning, one marked with or targeting a declared scope (a
 * model listing may have set it aside), and one that cannot be read.
 */
function deletions(
  owned: readonly LiveCustomization[],
  declared: readonly Scope[],
  matched: ReadonlySet<string>,
  tag: string,
): Extract<Step, { kind: 'delete' }>[] {
  const fingerprints = new Set(declared.map(scopeFingerprint))
  const keys = new Set(declared.map(scopeKey))
  const seen = new Set<string>()
  const steps: Extract<Step, { kind: 'delete' }>[] = []
  for (const live of owned) {
    if (matched.has(live.id) || seen.has(live.id)) continue
    seen.add(live.id)
    const { owned: isOwned, mark } = readMark(tag, live.tags)
    const scope = scopeOf(live)
    if (!isOwned || malformation(live) !== undefined || scope === undefined) continue
    if ((mark && fingerprints.has(mark.scope)) || keys.has(scopeKey(scope))) continue
    const changes = describeDelete(live)
    steps.push({ kind: 'delete', id: live.id, scope: describeScope(scope), live, changes })
  }
  return steps
}

/** Whether a live customization's own target fields are this scope's. */
function targets(live: LiveCustomization, scope: Scope): boolean {
  const own = scopeOf(live)
  return own !== undefined && scopeKey(own) === scopeKey(scope)
}

function describeLive(live: LiveCustomization): string {
  const scope = scopeOf(live)
  return `live customization ${live.id}${scope ? ` (${describeScope(scope)})` : ''}`
}

/**
 * The live customizations that hold a scope, found by the scope fingerprint they were marked
 * with, or by their target fields read the way a server may have rewritten them. Indexed once,
 * so planning costs one hash per record and per manifest, not one per pair.
 */
function scopeIndex(
  records: readonly LiveCustomization[],
  tag: string,
): (scope: Scope) => LiveCustomization[] {
  const byMark = new Map<string, LiveCustomization[]>()
  const byTarget = new Map<string, LiveCustomization[]>()
  const add = (map: Map<string, LiveCustomization[]>, key: string, record: LiveCustomization) => {
    const group = map.get(key)
    if (group) group.push(record)
    else map.set(key, [record])
  }
  const position = new Map(records.map((record, i) => [record, i]))
  for (const record of records) {
    const mark = readMark(tag, record.tags).mark
    if (mark) add(byMark, mark.scope, record)
    const scope = scopeOf(record)
    if (scope) add(byTarget, scopeKey(scope), record)
  }
  return (scope) => {
    const found = new Set([
      ...(byMark.get(scopeFingerprint(scope)) ?? []),
      ...(byTarget.get(scopeKey(scope)) ?? []),
    ])
    // In listing order, so conflicts name their ids the same way on every run.
    return [...found].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
  }
}

function mayHoldScope(malformed: Malformed, scope: Scope, tag: string): boolean {
  const { record } = malformed
  if (readMark(tag, record.tags).mark?.scope === scopeFingerprint(scope)) return true
  const readable = scopeOf(record)
  // A record whose target cannot be read could hold any scope of its model.
  return readable === undefined || scopeKey(readable) === scopeKey(scope)
}

function bodyFingerprint(body: Customization, tag: string): string {
  return fingerprint(normalise(body, tag))
}

/** The manifest's body with the ownership tags added; its own tags as written. */
function bodyToSend(desired: Desired, tag: string): Customization {
  const own = (desired.body.tags ?? []).filter((t) => !isOwnershipTag(tag, t))
  const mark = { scope: scopeFingerprint(desired.scope), body: bodyFingerprint(desired.body, tag) }
  return { ...desired.body, tags: [...own, ...ownershipTags(tag, mark)] }
}

/** Live customizations whose scope is `scope`, by the same rules as planning. */
export function matchingScope(
  live: readonly LiveCustomization[],
  scope: Scope,
  tag: string,
): LiveCustomization[] {
  return scopeIndex(live, tag)(scope)
}
