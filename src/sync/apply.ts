import pLimit from 'p-limit'
import {
  ApiError,
  OutcomeUnknownError,
  type LiveCustomization,
  type LuigisBoxClient,
} from '../luigisbox/client.js'
import { wait } from '../luigisbox/retry.js'
import { describeScope } from '../manifest/scope.js'
import { matchingScope, planChanges, sameCustomization, type Desired, type Step } from './plan.js'

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

export interface SubmitOptions {
  dryRun: boolean
  concurrency: number
  /** Progress as it happens, e.g. to the log. */
  onOutcome?: (outcome: Outcome, done: number, total: number) => void
  /** How long to wait after a create with an unknown outcome before looking the scope up (default 2 s). */
  settleMs?: number
  sleep?: (ms: number) => Promise<void>
}

/** How many times a create whose outcome stayed unknown is looked up and tried again. */
const MAX_CREATE_ATTEMPTS = 5
/**
 * A create that timed out may still be running on the server. Waiting before the lookup lets it
 * land, so the lookup sees it instead of creating a second one beside it.
 */
const DEFAULT_SETTLE_MS = 2000

/**
 * Make the live customizations match the desired ones: look up what is live (one paged list per
 * model), plan, then create or update with at most `concurrency` manifests in progress. A
 * failing manifest does not stop the others; wrong credentials stop everything at once.
 */
export async function submit(
  client: LuigisBoxClient,
  desired: readonly Desired[],
  options: SubmitOptions,
): Promise<SubmitResult> {
  const outcomes: Outcome[] = []
  let stopped: ApiError | undefined
  const record = (outcome: Outcome): void => {
    outcomes.push(outcome)
    options.onOutcome?.(outcome, outcomes.length, desired.length)
  }

  let live: LiveCustomization[]
  try {
    live = await listLive(client, desired)
  } catch (error) {
    const failure = asApiError(error)
    for (const item of desired)
      record(
        row(item, 'skipped', {
          error: 'Not submitted: looking up the live customizations failed.',
        }),
      )
    return { outcomes, stopped: failure }
  }

  // The client bounds requests in flight; this bounds manifests in progress, so that after a 401
  // the queued ones are skipped instead of each sending a request that is bound to fail.
  const limit = pLimit(options.concurrency)
  await Promise.all(
    planChanges(desired, live).map((step) =>
      limit(async () => {
        if (stopped) {
          record(
            row(step.desired, 'skipped', {
              error: 'Not submitted: the run stopped before this manifest.',
            }),
          )
          return
        }
        try {
          record(await applyStep(client, step, options))
        } catch (error) {
          const failure = asApiError(error)
          if (failure.kind === 'auth') stopped ??= failure
          record(
            row(step.desired, 'failed', {
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

/** Everything live for the models the manifests use: batched per model, not per manifest. */
async function listLive(
  client: LuigisBoxClient,
  desired: readonly Desired[],
): Promise<LiveCustomization[]> {
  const models = [...new Set(desired.map((d) => d.scope.model))].sort()
  const pages = await Promise.all(models.map((model) => client.listAll({ model })))
  return pages.flat()
}

async function applyStep(
  client: LuigisBoxClient,
  step: Step,
  options: SubmitOptions,
): Promise<Outcome> {
  const { dryRun } = options
  switch (step.kind) {
    case 'unchanged':
      return row(step.desired, 'unchanged', { id: step.id })
    case 'conflict':
      return row(step.desired, 'failed', { error: conflictMessage(step.ids) })
    case 'update':
      if (dryRun) return row(step.desired, 'planned-update', { id: step.id })
      await client.update(step.id, step.desired.body)
      return row(step.desired, 'updated', { id: step.id })
    case 'create':
      if (dryRun) return row(step.desired, 'planned-create')
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
  options: SubmitOptions,
): Promise<Outcome> {
  const sleep = options.sleep ?? wait
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await client.create(desired.body)
      return row(desired, 'created', { id: created.id })
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_CREATE_ATTEMPTS) throw error
      // Only a garbled success is surely finished; after a timeout, a dropped connection or a
      // 5xx (perhaps from a proxy in front of a server still at work) the write may yet land.
      if (error.kind !== 'unexpected') await sleep(options.settleMs ?? DEFAULT_SETTLE_MS)
    }
    const matches = matchingScope(await lookUp(client, desired), desired.scope)
    const [only] = matches
    if (matches.length > 1) {
      return row(desired, 'failed', { error: conflictMessage(matches.map((m) => m.id)) })
    }
    if (only) {
      if (sameCustomization(desired.body, only)) return row(desired, 'created', { id: only.id })
      await client.update(only.id, desired.body)
      return row(desired, 'updated', { id: only.id })
    }
  }
}

function conflictMessage(ids: string[]): string {
  return `${ids.length} live customizations share this scope (${ids.join(', ')}); delete all but one in Luigi's Box, then run again.`
}

function lookUp(client: LuigisBoxClient, desired: Desired): Promise<LiveCustomization[]> {
  const { model, target_type, target_identity } = desired.scope
  return client.listAll({ model, targetType: target_type, targetIdentity: target_identity })
}

function row(desired: Desired, action: Action, extra: Partial<Outcome> = {}): Outcome {
  return {
    file: desired.file,
    document: desired.index,
    line: desired.line,
    scope: describeScope(desired.scope),
    action,
    ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
  }
}

export function sortOutcomes(outcomes: Outcome[]): Outcome[] {
  return [...outcomes].sort((a, b) =>
    a.file === b.file ? a.document - b.document : a.file < b.file ? -1 : 1,
  )
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(error instanceof Error ? error.message : String(error), {
    kind: 'unexpected',
    operation: 'list',
    method: '',
    path: '',
    attempts: 1,
  })
}
