import * as core from '@actions/core'
import { errorMessage } from './error-message.js'
import { gitHubApi } from './github/api.js'
import { commitOf, readRunContext } from './github/context.js'
import { decideFlow, onDefaultBranch, planSkippedReason } from './github/event.js'
import { commentMarker, postComment } from './github/sticky-comment.js'
import { readConfig, readPrivateKey } from './inputs.js'
import { countBySeverity, type Problem } from './manifest/problems.js'
import { redact } from './redact.js'
import { annotate, submissionProblems } from './report/annotations.js'
import { escapeHtml } from './report/html.js'
import { outcomesJson } from './report/outputs.js'
import { COMMENT_BUDGETS, commentBody } from './report/pr-comment.js'
import { logLine } from './report/progress.js'
import { submitSummary } from './report/submit-summary.js'
import { SUMMARY_BUDGET, validationSummary } from './report/validation-summary.js'
import { submit } from './submit.js'
import { WRITES, type SubmitResult } from './sync/outcome.js'
import { checkTargets, findTargets } from './workspace/targets.js'

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
  // Written after the annotations: GitHub shows 10 errors per step, and this must not take a
  // problem's place.
  let failure: string | undefined
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
      const marker = commentMarker(config.label)
      const body = commentBody({
        marker,
        label: config.label,
        validation: report(COMMENT_BUDGETS.validation),
        plan: planReport(COMMENT_BUDGETS.plan),
        planSkipped,
        runUrl: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`,
      })
      await postComment(api(), flow.selection.number, marker, body, core)
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
      failure =
        [
          counts.error + counts.warning > 0 &&
            `${counts.error} error(s) and ${counts.warning} warning(s) in the manifests`,
          failures > 0 && `${failures} customization(s) failed to submit`,
          drift > 0 && `${drift} change(s) between git and Luigi's Box (fail-on-drift)`,
        ]
          .filter(Boolean)
          .join('; ') + '. See the annotations and the job summary.'
    }
  } catch (error) {
    failure = redact(errorMessage(error), privateKey)
  } finally {
    annotate(annotations, core)
    if (failure !== undefined) core.setFailed(failure)
    core.setOutput('problems', outputs.problems)
    core.setOutput('changes', outputs.changes)
    core.setOutput('customizations', outputs.customizations)
  }
}
