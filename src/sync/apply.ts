import { setTimeout as wait } from 'node:timers/promises'
import pLimit from 'p-limit'
import { pauseUnlessPast, type Deadline } from '../deadline.js'
import type { LuigisBoxClient } from '../luigisbox/client.js'
import { ApiError, IncompleteListingError, OutcomeUnknownError } from '../luigisbox/errors.js'
import type { LiveCustomization } from '../luigisbox/wire.js'
import { canonicalJson, describeScope, scopeOf } from '../manifest/scope.js'
import { outcomeOf, sortOutcomes, type Outcome, type SubmitResult } from './outcome.js'
import { matchingScope, stepFor, type Desired, type Step } from './plan.js'
import { errorMessage } from '../error-message.js'

export interface ApplyOptions {
  dryRun: boolean
  concurrency: number
  ownershipTag: string
  /** Progress as it happens, e.g. to the log. */
  onOutcome?: (outcome: Outcome, done: number, total: number) => void
  /**
   * How long after a create was sent its write may still land when its answer was lost
   * (default twice the client's 30 s timeout). Until then the scope is looked up again, and the
   * create is never sent again.
   */
  landingWindowMs?: number
  sleep?: (ms: number) => Promise<unknown>
  now?: () => number
  /** Cuts a pause between lookups short; the lookup after it then stops the run. */
  deadline?: Deadline
}

/** Creates lost in a row (none created or found since): past a few, the API is not healthy. */
interface RunHealth {
  lostCreates: number
}

/**
 * Each lost create costs up to a landing window of lookups; after this many in a row the rest
 * are not sent, so a failing API cannot hold the job for hours.
 */
const MAX_LOST_CREATES = 5

/** How many times a create whose outcome stayed unknown is sent, the first included. */
const MAX_CREATE_ATTEMPTS = 5
export const DEFAULT_LANDING_WINDOW_MS = 60_000
const SERVICE_UNAVAILABLE_WINDOW_MS = 5_000
/** First wait before looking a lost create up; doubles up to the cap. */
const FIRST_LOOKUP_DELAY_MS = 500
const MAX_LOOKUP_DELAY_MS = 8_000

/**
 * Carry out a plan with at most `concurrency` steps in progress. A failing step does not stop
 * the others; wrong credentials, an unknown tracker or the run's deadline stop everything at once.
 */
export async function applyPlan(
  client: LuigisBoxClient,
  steps: readonly Step[],
  options: ApplyOptions,
): Promise<SubmitResult> {
  const outcomes: Outcome[] = []
  const health: RunHealth = { lostCreates: 0 }
  let stopped: ApiError | undefined
  const record = (outcome: Outcome): void => {
    outcomes.push(outcome)
    options.onOutcome?.(outcome, outcomes.length, steps.length)
  }
  // The client bounds requests in flight; this bounds steps in progress, so that after a 401
  // the queued ones are skipped instead of each sending a request that is bound to fail.
  const limit = pLimit(options.concurrency)
  await Promise.all(
    steps.map((step) =>
      limit(async () => {
        if (stopped) {
          record(notDone(step, 'the run stopped before this manifest'))
          return
        }
        try {
          record(await applyStep(client, step, options, health))
        } catch (error) {
          const failure = asApiError(error)
          // Wrong credentials fail every request alike; past the deadline none may be sent.
          if (failure.kind === 'auth' || failure.kind === 'deadline') stopped ??= failure
          record({
            ...outcomeFor(step, 'failed'),
            error: failure.message,
            ...(failure.kind === 'invalid' ? { rejected: true } : {}),
          })
        }
      }),
    ),
  )
  return { outcomes: sortOutcomes(outcomes), stopped }
}

function notDone(step: Step, why: string): Outcome {
  return { ...outcomeFor(step, 'skipped'), error: `Not submitted: ${why}.` }
}

/** The row of a step, before its action is known. */
function outcomeFor(step: Step, action: Outcome['action']): Outcome {
  if (step.kind === 'delete' || step.kind === 'orphan')
    return { scope: step.scope, action, id: step.id }
  return outcomeOf(step.desired, action, { id: 'id' in step ? step.id : undefined })
}

async function applyStep(
  client: LuigisBoxClient,
  step: Step,
  options: ApplyOptions,
  health: RunHealth,
): Promise<Outcome> {
  const { dryRun } = options
  switch (step.kind) {
    case 'unchanged':
      return outcomeOf(step.desired, 'unchanged', { id: step.id })
    case 'conflict':
      return outcomeOf(step.desired, 'failed', { error: conflictMessage(step.ids) })
    case 'blocked':
      return outcomeOf(step.desired, 'failed', { error: `Not created: ${step.reason}.` })
    case 'update': {
      const extra = { id: step.id, changes: step.changes }
      if (dryRun) return outcomeOf(step.desired, 'planned-update', extra)
      await client.update(step.id, step.send)
      return outcomeOf(step.desired, 'updated', extra)
    }
    case 'create':
      if (dryRun) return outcomeOf(step.desired, 'planned-create', { changes: step.changes })
      return createOnce(client, step, options, health)
    case 'orphan':
      return { scope: step.scope, id: step.id, action: 'not-in-git' }
    case 'delete': {
      const row = { scope: step.scope, id: step.id, changes: step.changes }
      if (dryRun) return { ...row, action: 'planned-delete' }
      await deleteOnce(client, step.id)
      return { ...row, action: 'deleted' }
    }
  }
}

/** DELETE; a 404 means someone (or an earlier, lost attempt) already deleted it. */
async function deleteOnce(client: LuigisBoxClient, id: string): Promise<void> {
  try {
    await client.delete(id)
  } catch (error) {
    if (!(error instanceof ApiError && error.kind === 'not-found')) throw error
  }
}

/**
 * POST is not idempotent and the API has no idempotency key. When a create's outcome is unknown,
 * its write may land at any time until the request could no longer be in progress anywhere: the
 * scope is looked up until then (`landingWindowMs` after it was sent), and only a create that
 * never showed up is sent again. A create the server answered (a 2xx without a readable id)
 * surely happened and is never sent again.
 */
async function createOnce(
  client: LuigisBoxClient,
  step: Extract<Step, { kind: 'create' }>,
  options: ApplyOptions,
  health: RunHealth,
): Promise<Outcome> {
  const { desired } = step
  const now = options.now ?? Date.now
  const window = options.landingWindowMs ?? DEFAULT_LANDING_WINDOW_MS
  for (let attempt = 1; ; attempt++) {
    if (health.lostCreates >= MAX_LOST_CREATES) {
      return notDone(
        step,
        `${health.lostCreates} creates in a row lost their answers and never appeared; the API looks unhealthy, so no more are sent. Run again later`,
      )
    }
    let lost: OutcomeUnknownError
    try {
      const created = await client.create(step.send)
      health.lostCreates = 0
      return outcomeOf(desired, 'created', {
        id: created.id,
        note: scopeRewritten(desired, created),
      })
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error
      lost = error
    }
    const answered = lost.kind === 'unexpected'
    // From now, not from the first send: the client's own retries (a 429's Retry-After, a refused
    // connection) may have taken a while before the attempt whose answer was lost.
    const deadline = now() + landingWindow(lost, window)
    const found = await awaitLanding(client, desired, deadline, options)
    if (found.length > 0) {
      health.lostCreates = 0
      const next = stepFor(desired, found, options.ownershipTag)
      if (next.kind === 'conflict') {
        return outcomeOf(desired, 'failed', { error: conflictMessage(next.ids) })
      }
      if (next.kind === 'update') await client.update(next.id, next.send)
      if (next.kind === 'update' || next.kind === 'unchanged') {
        return outcomeOf(desired, 'created', { id: next.id })
      }
    }
    health.lostCreates += 1
    if (answered || attempt >= MAX_CREATE_ATTEMPTS) {
      return outcomeOf(desired, 'failed', {
        error: answered
          ? `Luigi's Box accepted the create but the customization did not appear in its listing within ${Math.round(window / 1000)} s; it was not sent again, to avoid a duplicate. The next run finds it by its ownership tag, or creates it.`
          : `The create's answer was lost ${attempt} times and the customization never appeared within ${Math.round(window / 1000)} s of each; not sent again. Run again later.`,
      })
    }
  }
}

/**
 * How long after sending a lost create's write may land. A 503 says the server did not take the
 * request (RFC 9110 §15.6.4), so a short look covers a proxy that says so wrongly; after a
 * timeout, a dropped connection or another 5xx the server may still be at work.
 */
function landingWindow(error: OutcomeUnknownError, window: number): number {
  return error.status === 503 ? Math.min(window, SERVICE_UNAVAILABLE_WINDOW_MS) : window
}

/**
 * Looks the scope up, with growing pauses, until it shows or `deadline` passes. A listing that
 * cannot be trusted counts as "not seen yet".
 */
async function awaitLanding(
  client: LuigisBoxClient,
  desired: Desired,
  deadline: number,
  options: ApplyOptions,
): Promise<LiveCustomization[]> {
  const sleep = options.sleep ?? wait
  const now = options.now ?? Date.now
  let delay = FIRST_LOOKUP_DELAY_MS
  for (;;) {
    const found = matchingScope(await lookUp(client, desired), desired.scope, options.ownershipTag)
    if (found.length > 0) return found
    const left = deadline - now()
    if (left <= 0) return []
    await pauseUnlessPast(sleep(Math.min(delay, left)), options.deadline)
    delay = Math.min(delay * 2, MAX_LOOKUP_DELAY_MS)
  }
}

/**
 * The whole model, matched here: filtering by target on the server would miss a customization
 * whose target the server stored rewritten, which its ownership mark still finds.
 */
async function lookUp(client: LuigisBoxClient, desired: Desired): Promise<LiveCustomization[]> {
  try {
    return await client.listAll({ model: desired.scope.model })
  } catch (error) {
    if (error instanceof IncompleteListingError) return error.results
    throw error
  }
}

/** The server's form of the scope, when its answer to a create shows another than was sent. */
function scopeRewritten(desired: Desired, created: LiveCustomization): string | undefined {
  const stored = scopeOf(created)
  if (stored === undefined || canonicalJson(stored) === canonicalJson(desired.scope))
    return undefined
  return `Luigi's Box stored this customization's scope as ${describeScope(stored)}, not as sent (${describeScope(desired.scope)}); the Action recognises it by its ownership tag.`
}

function conflictMessage(ids: string[]): string {
  return `${ids.length} live customizations share this scope (${ids.join(', ')}); delete all but one in Luigi's Box, then run again.`
}

/** Any failure as an ApiError, so a run's stop is reported the same way whatever caused it. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(errorMessage(error), {
    kind: 'unexpected',
    operation: 'list',
    method: '',
    path: '',
    attempts: 1,
  })
}
