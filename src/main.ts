import * as core from '@actions/core'
import { gitHubApi } from './github/api.js'
import { commitOf, readRunContext } from './github/context.js'
import { decideFlow } from './github/event.js'
import { readConfig, readPrivateKey, submitCredentials, type Config } from './inputs.js'
import { createClient } from './luigisbox/client.js'
import { countBySeverity, type Problem } from './manifest/problems.js'
import type { ManifestDocument } from './manifest/validate.js'
import { redact } from './redact.js'
import { annotate, submissionProblems } from './report/annotations.js'
import { outcomesJson } from './report/outputs.js'
import { progressLine, retryLine } from './report/progress.js'
import { submitSummary } from './report/submit-summary.js'
import { SUMMARY_BUDGET, validationSummary } from './report/validation-summary.js'
import { applyPlan, notSubmitted, asApiError } from './sync/apply.js'
import { desiredState } from './sync/desired.js'
import { readLive } from './sync/live.js'
import { sortOutcomes, type SubmitResult } from './sync/outcome.js'
import { planChanges } from './sync/plan.js'
import { checkTargets, findTargets } from './workspace/targets.js'

/**
 * The Action: inputs → what this event asks for → files → problems → report → plan → apply →
 * report.
 */
export async function run(options: { workerEntry?: URL } = {}): Promise<void> {
  const privateKey = readPrivateKey((name) => core.getInput(name), core.setSecret)
  // Set whatever happens, so later steps can always read them.
  const outputs = { problems: 0, customizations: '[]' }
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
      `Checking ${targets.targets.length} manifest file(s): ${targets.targets.join(', ') || 'none changed'}.`,
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
      const result = await submit(config, checked.documents)
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
    core.setFailed(redact(error instanceof Error ? error.message : String(error), privateKey))
  } finally {
    annotate(annotations, core)
    core.setOutput('problems', outputs.problems)
    core.setOutput('customizations', outputs.customizations)
  }
}

/**
 * Valid documents → what is live for their models → the plan → applied (or only shown, on a dry
 * run). Documents with validation errors are reported as skipped and never sent.
 */
async function submit(
  config: Config,
  documents: readonly ManifestDocument[],
): Promise<SubmitResult> {
  const { desired, invalid } = desiredState(documents)
  const client = createClient({
    ...submitCredentials(config),
    concurrency: config.concurrency,
    onRetry: (retry) => core.info(retryLine(retry)),
  })
  core.startGroup(`${config.dryRun ? 'Planning' : 'Submitting'} ${desired.length} customization(s)`)
  try {
    let result: SubmitResult
    try {
      const live = await readLive(client, desired)
      const plan = planChanges(desired, live)
      result = await applyPlan(client, plan, {
        dryRun: config.dryRun,
        concurrency: config.concurrency,
        onOutcome: (outcome, done, total) => core.info(progressLine(outcome, done, total)),
      })
    } catch (error) {
      const why = 'looking up the live customizations failed'
      result = { outcomes: desired.map((d) => notSubmitted(d, why)), stopped: asApiError(error) }
    }
    return { ...result, outcomes: sortOutcomes([...invalid, ...result.outcomes]) }
  } finally {
    core.endGroup()
  }
}
