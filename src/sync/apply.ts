import { setTimeout as wait } from 'node:timers/promises'
import pLimit from 'p-limit'
import type { LuigisBoxClient } from '../luigisbox/client.js'
import { ApiError, OutcomeUnknownError } from '../luigisbox/errors.js'
import { lookUpScope } from './live.js'
import { outcomeOf, sortOutcomes, type Outcome, type SubmitResult } from './outcome.js'
import { matchingScope, stepFor, type Desired, type Step } from './plan.js'

export interface ApplyOptions {
  dryRun: boolean
  concurrency: number
  /** Progress as it happens, e.g. to the log. */
  onOutcome?: (outcome: Outcome, done: number, total: number) => void
  /** How long to wait after a create with an unknown outcome before looking the scope up (default 2 s). */
  settleMs?: number
  sleep?: (ms: number) => Promise<unknown>
}

/** How many times a create whose outcome stayed unknown is looked up and tried again. */
const MAX_CREATE_ATTEMPTS = 5
/**
 * A create that timed out may still be running on the server. Waiting before the lookup lets it
 * land, so the lookup sees it instead of creating a second one beside it.
 */
const DEFAULT_SETTLE_MS = 2000

/**
 * Carry out a plan with at most `concurrency` manifests in progress. A failing manifest does not
 * stop the others; wrong credentials or an unknown tracker stop everything at once.
 */
export async function applyPlan(
  client: LuigisBoxClient,
  steps: readonly Step[],
  options: ApplyOptions,
): Promise<SubmitResult> {
  const outcomes: Outcome[] = []
  let stopped: ApiError | undefined
  const record = (outcome: Outcome): void => {
    outcomes.push(outcome)
    options.onOutcome?.(outcome, outcomes.length, steps.length)
  }
  // The client bounds requests in flight; this bounds manifests in progress, so that after a 401
  // the queued ones are skipped instead of each sending a request that is bound to fail.
  const limit = pLimit(options.concurrency)
  await Promise.all(
    steps.map((step) =>
      limit(async () => {
        if (stopped) {
          record(notSubmitted(step.desired, 'the run stopped before this manifest'))
          return
        }
        try {
          record(await applyStep(client, step, options))
        } catch (error) {
          const failure = asApiError(error)
          if (failure.kind === 'auth') stopped ??= failure
          record(
            outcomeOf(step.desired, 'failed', {
              id: 'id' in step ? step.id : undefined,
              error: failure.message,
              rejected: failure.kind === 'invalid',
            }),
          )
        }
      }),
    ),
  )
  return { outcomes: sortOutcomes(outcomes), stopped }
}

/** A `skipped` row: the manifest was valid, but nothing was sent for it. */
export function notSubmitted(desired: Desired, why: string): Outcome {
  return outcomeOf(desired, 'skipped', { error: `Not submitted: ${why}.` })
}

async function applyStep(
  client: LuigisBoxClient,
  step: Step,
  options: ApplyOptions,
): Promise<Outcome> {
  const { dryRun } = options
  switch (step.kind) {
    case 'unchanged':
      return outcomeOf(step.desired, 'unchanged', { id: step.id })
    case 'conflict':
      return outcomeOf(step.desired, 'failed', { error: conflictMessage(step.ids) })
    case 'update':
      if (dryRun) return outcomeOf(step.desired, 'planned-update', { id: step.id })
      await client.update(step.id, step.desired.body)
      return outcomeOf(step.desired, 'updated', { id: step.id })
    case 'create':
      if (dryRun) return outcomeOf(step.desired, 'planned-create')
      return createOnce(client, step.desired, options)
  }
}

/**
 * POST is not idempotent and the API has no idempotency key: when a create's outcome is unknown,
 * look the scope up before anything else, and only create again if it is still not there.
 */
async function createOnce(
  client: LuigisBoxClient,
  desired: Desired,
  options: ApplyOptions,
): Promise<Outcome> {
  const sleep = options.sleep ?? wait
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await client.create(desired.body)
      return outcomeOf(desired, 'created', { id: created.id })
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_CREATE_ATTEMPTS) throw error
      // Only a garbled success is surely finished; after a timeout, a dropped connection or a
      // 5xx (perhaps from a proxy in front of a server still at work) the write may yet land.
      if (error.kind !== 'unexpected') await sleep(options.settleMs ?? DEFAULT_SETTLE_MS)
    }
    const step = stepFor(desired, matchingScope(await lookUpScope(client, desired), desired.scope))
    switch (step.kind) {
      case 'conflict':
        return outcomeOf(desired, 'failed', { error: conflictMessage(step.ids) })
      case 'unchanged':
        return outcomeOf(desired, 'created', { id: step.id })
      case 'update':
        await client.update(step.id, desired.body)
        return outcomeOf(desired, 'updated', { id: step.id })
      case 'create':
        continue
    }
  }
}

function conflictMessage(ids: string[]): string {
  return `${ids.length} live customizations share this scope (${ids.join(', ')}); delete all but one in Luigi's Box, then run again.`
}

/** Any failure as an ApiError, so a run's stop is reported the same way whatever caused it. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(error instanceof Error ? error.message : String(error), {
    kind: 'unexpected',
    operation: 'list',
    method: '',
    path: '',
    attempts: 1,
  })
}
