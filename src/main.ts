import * as core from '@actions/core'
import { gitHubApi } from './github/api.js'
import { commitOf, readRunContext } from './github/context.js'
import { decideFlow, onDefaultBranch } from './github/event.js'
import { readConfig, readPrivateKey, submitCredentials, type Config } from './inputs.js'
import { createClient } from './luigisbox/client.js'
import { countBySeverity, type Problem } from './manifest/problems.js'
import { redact } from './redact.js'
import { annotate, submissionProblems } from './report/annotations.js'
import { outcomesJson } from './report/outputs.js'
import { logLine, progressLine, retryLine } from './report/progress.js'
import { submitSummary } from './report/submit-summary.js'
import { SUMMARY_BUDGET, validationSummary } from './report/validation-summary.js'
import { applyPlan, asApiError } from './sync/apply.js'
import { desiredState, keptScopes } from './sync/desired.js'
import { malformedWarning, readLive, type ModelListing } from './sync/live.js'
import {
  notSubmitted,
  sortOutcomes,
  WRITES,
  type Outcome,
  type SubmitResult,
} from './sync/outcome.js'
import { planChanges } from './sync/plan.js'
import { pruneRefusal, readOwned, type OwnedListing } from './sync/prune.js'
import { findDuplicates, withDuplicates } from './sync/verify.js'
import { checkTargets, findTargets, type CheckedTargets } from './workspace/targets.js'
import { errorMessage } from './error-message.js'

/**
 * The Action: inputs → what this event asks for → files → problems → report → plan → apply →
 * report.
 */
export async function run(options: { workerEntry?: URL } = {}): Promise<void> {
  const privateKey = readPrivateKey((name) => core.getInput(name), core.setSecret)
  // Set whatever happens, so later steps can always read them.
  const outputs = { problems: 0, changes: 0, customizations: '[]' }
  // Validation problems and failed submissions share GitHub's annotation limit: emitted together.
  let annotations: Problem[] = []
  try {
    const config = readConfig((name) => core.getInput(name))
    const context = readRunContext()
    const flow = decideFlow(config.mode, context.eventName, context.payload)
    if (flow.action === 'nothing') {
      core.info(flow.reason)
      return
    }

    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const targets = await findTargets({
      workspace,
      globs: config.manifests,
      selection: flow.selection,
      api: () => gitHubApi(config.githubToken, context.owner, context.repo),
    })
    if (targets.allReason) core.info(targets.allReason)
    core.info(
      logLine(
        `Checking ${targets.targets.length} manifest file(s): ${targets.targets.join(', ') || 'none changed'}.`,
      ),
    )
    const checked = await checkTargets(workspace, targets, new Date(), options.workerEntry)

    annotations = checked.problems
    const counts = countBySeverity(checked.problems)
    outputs.problems = counts.error
    const commit = commitOf(context, flow.selection)
    // Written before submitting, so the validation report survives a submission that fails.
    const validationReport = validationSummary(checked.problems, targets.targets.length, commit)
    await core.summary.addRaw(validationReport).write()

    let failures = 0
    if (flow.action === 'submit') {
      const result = await submit(config, checked, {
        matched: targets.all.length,
        onDefaultBranch: onDefaultBranch(context.payload),
      })
      outputs.changes = result.outcomes.filter((o) => WRITES.has(o.action)).length
      outputs.customizations = outcomesJson(result.outcomes)
      annotations = [...annotations, ...submissionProblems(result.outcomes)]
      const budget = SUMMARY_BUDGET - Buffer.byteLength(validationReport)
      await core.summary
        .addRaw(submitSummary(result, commit, { dryRun: config.dryRun, budget }))
        .write()
      failures = result.outcomes.filter((o) => o.action === 'failed').length
      if (result.stopped) throw result.stopped
    }

    if (counts.error > 0 || failures > 0 || (config.failOnWarning && counts.warning > 0)) {
      core.setFailed(
        [
          counts.error + counts.warning > 0 &&
            `${counts.error} error(s) and ${counts.warning} warning(s) in the manifests`,
          failures > 0 && `${failures} customization(s) failed to submit`,
        ]
          .filter(Boolean)
          .join('; ') + '. See the annotations and the job summary.',
      )
    }
  } catch (error) {
    core.setFailed(redact(errorMessage(error), privateKey))
  } finally {
    annotate(annotations, core)
    core.setOutput('problems', outputs.problems)
    core.setOutput('changes', outputs.changes)
    core.setOutput('customizations', outputs.customizations)
  }
}

/**
 * Every manifest's valid documents → what is live in their models → the plan → applied (or only
 * shown, on a dry run) → checked for duplicates. Documents with validation errors are skipped and
 * never sent; with prune, owned customizations no manifest declares are deleted when that is safe.
 */
async function submit(
  config: Config,
  checked: CheckedTargets,
  facts: { matched: number; onDefaultBranch: boolean },
): Promise<SubmitResult> {
  const { desired, invalid } = desiredState(checked.documents)
  const tag = config.ownershipTag
  const client = createClient({
    ...submitCredentials(config),
    concurrency: config.concurrency,
    onRetry: (retry) => core.info(retryLine(retry)),
  })
  const log = (outcome: Outcome, done: number, total: number) =>
    core.info(progressLine(outcome, done, total))
  core.startGroup(`${config.dryRun ? 'Planning' : 'Submitting'} ${desired.length} customization(s)`)
  try {
    const models = desired.map((d) => d.scope.model)
    let listings: ModelListing[]
    let owned: OwnedListing | undefined
    try {
      listings = await readLive(client, models)
      owned = config.prune ? await readOwned(client, tag) : undefined
    } catch (error) {
      const why = 'looking up the live customizations failed'
      const skipped = desired.map((d) => notSubmitted(d, why))
      skipped.forEach((outcome, i) => log(outcome, i + 1, skipped.length))
      return { outcomes: sortOutcomes([...invalid, ...skipped]), stopped: asApiError(error) }
    }

    const warnings = listings.flatMap((listing) => listing.malformed.map(malformedWarning))
    const refusal =
      owned && pruneRefusal({ ...facts, unreadable: checked.unreadable, listings, owned })
    if (refusal) warnings.push(`Nothing was pruned: ${refusal}.`)
    const prune =
      owned && !refusal && 'owned' in owned
        ? { owned: owned.owned, keep: keptScopes(checked.documents, desired) }
        : undefined

    const plan = planChanges({ desired, listings, ownershipTag: tag, prune })
    const applied = await applyPlan(client, plan, {
      dryRun: config.dryRun,
      concurrency: config.concurrency,
      ownershipTag: tag,
      onOutcome: log,
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
    for (const warning of result.warnings ?? []) core.warning(warning)
    return { ...result, outcomes: sortOutcomes([...invalid, ...result.outcomes]) }
  } finally {
    core.endGroup()
  }
}
