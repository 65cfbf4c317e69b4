import * as core from '@actions/core'
import { startDeadline } from './deadline.js'
import { errorMessage } from './error-message.js'
import { gitHubApi } from './github/api.js'
import { commitOf, readRunContext } from './github/context.js'
import { decideFlow, describeFlow, onDefaultBranch, planSkippedReason } from './github/event.js'
import { commentMarker, postComment } from './github/sticky-comment.js'
import { readConfig, readPrivateKey } from './inputs.js'
import { countBySeverity, type Problem } from './manifest/problems.js'
import { annotate, submissionProblems } from './report/annotations.js'
import { escapeHtml } from './report/html.js'
import { outcomesJson } from './report/outputs.js'
import { COMMENT_BUDGETS, commentBody } from './report/pr-comment.js'
import { submitSummary } from './report/submit-summary.js'
import { SUMMARY_BUDGET, validationSummary } from './report/validation-summary.js'
import { runnerIo } from './runner-io.js'
import { WRITES, type SubmitResult } from './sync/outcome.js'
import { checkTargets, findTargets } from './workspace/targets.js'

/**
 * The Action: inputs → what this event asks for → files → problems → report → plan → apply →
 * report.
 */
export async function run(options: { workerEntry?: URL } = {}): Promise<void> {
  const privateKey = readPrivateKey((name) => core.getInput(name), core.setSecret)
  const io = runnerIo(privateKey)
  // Set whatever happens, so later steps can always read them.
  const outputs = {
    problems: 0,
    changes: 0,
    customizations: '[]',
    'customizations-truncated': false,
  }
  // Validation problems and failed submissions share GitHub's annotation limit: emitted together.
  let annotations: Problem[] = []
  // Written after the annotations: GitHub shows 10 errors per step, and this must not take a
  // problem's place.
  let failure: string | undefined
  try {
    const config = readConfig((name) => core.getInput(name))
    const deadline = startDeadline(config.deadlineMinutes)
    const context = readRunContext()
    const canPlan = config.trackerId !== '' && config.privateKey !== ''
    const flow = decideFlow(config.mode, context.eventName, context.payload, canPlan)
    io.debug(describeFlow(context.eventName, config.mode, flow))
    if (flow.action === 'nothing') {
      io.info(flow.reason)
      return
    }
    if (flow.note) io.info(flow.note)
    const action = flow.action === 'submit' && config.dryRun ? 'plan' : flow.action
    const planSkipped = planSkippedReason(config.mode, context.eventName, action, canPlan)
    if (planSkipped) io.info(planSkipped)

    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const api = () => gitHubApi(config.githubToken, context.owner, context.repo, deadline)
    const targets = await findTargets({
      workspace,
      globs: config.manifests,
      selection: flow.selection,
      api,
      // Built only when asked for: a line per file walked.
      debug: io.isDebug() ? io.debug : undefined,
    })
    if (targets.allReason) io.info(targets.allReason)
    const changed = new Set(targets.targets)
    const unchanged = targets.all.filter((file) => !changed.has(file))
    if (unchanged.length > 0)
      io.debug(`Manifests this event did not change (read, not annotated): ${unchanged.join(', ')}`)
    io.info(
      `Checking ${targets.targets.length} manifest file(s): ${targets.targets.join(', ') || 'none changed'}.`,
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
    await io.summary(validationReport + (planSkipped ? `<p>${escapeHtml(planSkipped)}</p>\n` : ''))

    let result: SubmitResult | undefined
    const dryRun = action === 'plan'
    const planReport = (budget: number) =>
      result && submitSummary(result, commit, { dryRun, budget, label: config.label })
    if (action === 'plan' || action === 'submit') {
      // Loaded only here: a run that validates alone never evaluates the API client.
      const { submit } = await import('./submit.js')
      result = await submit(
        { ...config, dryRun },
        checked,
        {
          matched: targets.all.length,
          // A plan writes nothing: it shows what a merge to the default branch would prune.
          onDefaultBranch: dryRun || onDefaultBranch(context.payload),
        },
        { io, deadline },
      )
      outputs.changes = result.outcomes.filter((o) => WRITES.has(o.action)).length
      const rows = outcomesJson(result.outcomes)
      outputs.customizations = rows.json
      outputs['customizations-truncated'] = rows.truncated
      annotations = [...annotations, ...submissionProblems(result.outcomes)]
      await io.summary(planReport(SUMMARY_BUDGET - Buffer.byteLength(validationReport)) ?? '')
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
      await postComment(api(), flow.selection.number, marker, io.redact(body), io)
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
    failure = errorMessage(error)
  } finally {
    // Run-level warnings written earlier take their place in GitHub's count first.
    annotate(annotations, io, io.written())
    if (failure !== undefined) io.setFailed(failure)
    io.setOutputs(outputs)
  }
}
