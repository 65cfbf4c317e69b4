import * as core from '@actions/core'
import { gitHubApi, type CommentsApi } from './github/api.js'
import { commentMarker, upsertComment } from './github/sticky-comment.js'
import { COMMENT_BUDGETS, commentBody } from './report/pr-comment.js'
import { escapeHtml } from './report/html.js'
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
    const canPlan = config.trackerId !== '' && config.privateKey !== ''
    const flow = decideFlow(config.mode, context.eventName, context.payload, canPlan)
    if (flow.action === 'nothing') {
      core.info(flow.reason)
      return
    }
    const action = flow.action === 'submit' && config.dryRun ? 'plan' : flow.action
    const planSkipped = planSkippedReason(config.mode, context.eventName, action, canPlan)
    if (planSkipped) core.info(planSkipped)

    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const api = () => gitHubApi(config.githubToken, context.owner, context.repo)
    const targets = await findTargets({
      workspace,
      globs: config.manifests,
      selection: flow.selection,
      api,
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
    const report = (budget?: number) =>
      validationSummary(checked.problems, targets.targets.length, commit, budget)
    const validationReport = report()
    await core.summary
      .addRaw(validationReport + (planSkipped ? `<p>${escapeHtml(planSkipped)}</p>\n` : ''))
      .write()

    let result: SubmitResult | undefined
    const dryRun = action === 'plan'
    const planReport = (budget: number) =>
      result && submitSummary(result, commit, { dryRun, budget, label: config.label })
    if (action === 'plan' || action === 'submit') {
      result = await submit({ ...config, dryRun }, checked, {
        matched: targets.all.length,
        // A plan writes nothing: it shows what a merge to the default branch would prune.
        onDefaultBranch: dryRun || onDefaultBranch(context.payload),
      })
      outputs.changes = result.outcomes.filter((o) => WRITES.has(o.action)).length
      outputs.customizations = outcomesJson(result.outcomes)
      annotations = [...annotations, ...submissionProblems(result.outcomes)]
      await core.summary
        .addRaw(planReport(SUMMARY_BUDGET - Buffer.byteLength(validationReport)) ?? '')
        .write()
    }
    if (config.prComment && flow.selection.kind === 'pull-request') {
      await comment(api(), flow.selection.number, {
        marker: commentMarker(config.label),
        label: config.label,
        validation: report(COMMENT_BUDGETS.validation),
        plan: planReport(COMMENT_BUDGETS.plan),
        planSkipped,
        runUrl: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`,
      })
    }
    if (result?.stopped) throw result.stopped

    const failures = result?.outcomes.filter((o) => o.action === 'failed').length ?? 0
    const drift = dryRun && config.failOnDrift ? outputs.changes : 0
    if (
      counts.error > 0 ||
      failures > 0 ||
      drift > 0 ||
      (config.failOnWarning && counts.warning > 0)
    ) {
      core.setFailed(
        [
          counts.error + counts.warning > 0 &&
            `${counts.error} error(s) and ${counts.warning} warning(s) in the manifests`,
          failures > 0 && `${failures} customization(s) failed to submit`,
          drift > 0 && `${drift} change(s) between git and Luigi's Box (fail-on-drift)`,
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

/** Why a pull request's plan was not made, when mode auto would have made one with credentials. */
function planSkippedReason(
  mode: Config['mode'],
  eventName: string,
  action: string,
  canPlan: boolean,
): string | undefined {
  if (mode !== 'auto' || canPlan || action !== 'validate') return undefined
  if (eventName !== 'pull_request' && eventName !== 'merge_group') return undefined
  return "The plan against Luigi's Box was skipped: tracker-id and private-key are not set (pull requests from forks get no secrets). Only validation ran."
}

/** Posts or edits the sticky comment; a token that cannot write is a notice, never a failure. */
async function comment(
  api: CommentsApi,
  issueNumber: number,
  parts: Parameters<typeof commentBody>[0],
): Promise<void> {
  try {
    const done = await upsertComment(api, issueNumber, parts.marker, commentBody(parts))
    core.info(`Pull request comment ${done}.`)
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status !== 403 && status !== 404) throw error
    core.notice(
      "The pull request comment was not written: this job's token cannot write to pull requests (pull requests from forks get a read-only token; otherwise add permissions: pull-requests: write). The job summary has the result.",
    )
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
