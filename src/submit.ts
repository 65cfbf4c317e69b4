import type { Deadline } from './deadline.js'
import { errorMessage } from './error-message.js'
import { InputError, submitCredentials, type Config } from './inputs.js'
import { createClient } from './luigisbox/client.js'
import { deferredLog, progressLine, retryLine } from './report/progress.js'
import type { RunnerIo } from './runner-io.js'
import { applyPlan, asApiError } from './sync/apply.js'
import { desiredState, keptScopes } from './sync/desired.js'
import { malformedWarning, readLive, type ModelListing } from './sync/live.js'
import { notSubmitted, sortOutcomes, type Outcome, type SubmitResult } from './sync/outcome.js'
import { planChanges } from './sync/plan.js'
import { pruneRefusal, readOwned, type OwnedListing } from './sync/prune.js'
import { findDuplicates, withDuplicates } from './sync/verify.js'
import type { CheckedTargets } from './workspace/targets.js'

/** Where the stage writes its progress: the runner's log in the Action, stderr on the command line. */
export type SubmitLog = Pick<RunnerIo, 'info' | 'warning' | 'startGroup' | 'endGroup'> &
  Partial<Pick<RunnerIo, 'debug' | 'isDebug'>>

/**
 * Every manifest's valid documents → what is live in their models → the plan → applied (or only
 * shown, on a dry run) → checked for duplicates. Documents with validation errors are skipped and
 * never sent; with prune, owned customizations no manifest declares are deleted when that is safe.
 */
export async function submit(
  config: Config,
  checked: CheckedTargets,
  facts: { matched: number; onDefaultBranch: boolean },
  { io, deadline }: { io: SubmitLog; deadline?: Deadline },
): Promise<SubmitResult> {
  if (facts.matched === 0 && !config.dryRun) {
    // Reconciling nothing would pass while the customizations drift: the globs are wrong.
    throw new InputError(
      'manifests',
      `The manifests input (${config.manifests.include.join(', ')}) matches no file, so there is nothing to reconcile. Fix the globs (they are relative to the workspace) or add actions/checkout before this step.`,
    )
  }
  const { desired, invalid } = desiredState(checked.documents)
  const tag = config.ownershipTag
  const progress = deferredLog(io)
  const client = createClient({
    ...submitCredentials(config),
    concurrency: config.concurrency,
    deadline,
    onRetry: (retry) => progress.info(retryLine(retry)),
    // Built only when they are shown: a line per attempt.
    debug: io.debug && io.isDebug?.() !== false ? progress.debug : undefined,
  })
  const log = (outcome: Outcome, done: number, total: number) =>
    progress.info(progressLine(outcome, done, total))
  io.startGroup(`${config.dryRun ? 'Planning' : 'Submitting'} ${desired.length} customization(s)`)
  try {
    const models = desired.map((d) => d.scope.model)
    let listings: ModelListing[]
    let owned: OwnedListing | undefined
    try {
      listings = await readLive(client, models)
      // A plan also shows what the Action owns that git no longer declares, prune or not.
      owned = config.prune || config.dryRun ? await readOwned(client, tag) : undefined
    } catch (error) {
      const why = 'looking up the live customizations failed'
      const skipped = desired.map((d) => notSubmitted(d, why))
      skipped.forEach((outcome, i) => log(outcome, i + 1, skipped.length))
      return { outcomes: sortOutcomes([...invalid, ...skipped]), stopped: asApiError(error) }
    }

    const warnings = listings.flatMap((listing) => listing.malformed.map(malformedWarning))
    const refusal =
      owned && pruneRefusal({ ...facts, unreadable: checked.unreadable, listings, owned })
    if (refusal && config.prune) warnings.push(`Nothing was pruned: ${refusal}.`)
    const prune =
      owned && !refusal && 'owned' in owned
        ? { remove: config.prune, owned: owned.owned, keep: keptScopes(checked.documents, desired) }
        : undefined

    const plan = planChanges({ desired, listings, ownershipTag: tag, prune })
    const applied = await applyPlan(client, plan, {
      dryRun: config.dryRun,
      concurrency: config.concurrency,
      ownershipTag: tag,
      onOutcome: log,
      deadline,
    })

    // Only creates can leave a second copy behind.
    const created = plan.flatMap((step) =>
      step.kind === 'create' ? [step.desired.scope.model] : [],
    )
    const checkedForDuplicates = config.dryRun || applied.stopped ? [] : created
    const duplicates = await findDuplicates(client, checkedForDuplicates, tag).catch(
      (error: unknown) => {
        warnings.push(`The check for duplicates after applying failed: ${errorMessage(error)}`)
        return []
      },
    )
    const result = withDuplicates({ ...applied, warnings }, duplicates, desired)
    progress.flush()
    for (const warning of result.warnings ?? []) io.warning(warning)
    return { ...result, outcomes: sortOutcomes([...invalid, ...result.outcomes]) }
  } finally {
    progress.flush()
    io.endGroup()
  }
}
