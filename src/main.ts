import * as core from '@actions/core'
import { annotate } from './report/annotations.js'
import { gitHubApi } from './github/api.js'
import { readRunContext } from './github/context.js'
import { decideFlow } from './github/event.js'
import { SUMMARY_BUDGET, validationSummary } from './report/validation-summary.js'
import { readConfig } from './inputs.js'
import { countBySeverity, type Problem } from './manifest/problems.js'
import { submitDocuments } from './sync/run.js'
import { outcomesJson, submissionProblems, submitSummary } from './report/submit-summary.js'
import { checkManifests } from './workspace/targets.js'

/** The Action: inputs → what this event asks for → validate → report → submit → report. */
export async function run(options: { workerEntry?: URL } = {}): Promise<void> {
  // Mask the key before anything can print it, even an error about the other inputs.
  const privateKey = core.getInput('private-key')
  if (privateKey !== '') core.setSecret(privateKey)
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
    const { owner, repo } = context
    const checked = await checkManifests({
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      globs: config.manifests,
      selection: flow.selection,
      api: () => gitHubApi(config.githubToken, owner, repo),
      now: new Date(),
      workerEntry: options.workerEntry,
    })
    if (checked.allReason) core.info(checked.allReason)
    core.info(
      `Checking ${checked.targets.length} manifest file(s): ${checked.targets.join(', ') || 'none changed'}.`,
    )

    annotations = checked.problems
    const counts = countBySeverity(checked.problems)
    outputs.problems = counts.error
    const sha =
      flow.selection.kind === 'pull-request' ? (flow.selection.headSha ?? context.sha) : context.sha
    const commit = { serverUrl: context.serverUrl, repository: `${owner}/${repo}`, sha }
    // Written before submitting, so the validation report survives a submission that fails.
    const validationReport = validationSummary(checked.problems, checked.targets.length, commit)
    await core.summary.addRaw(validationReport).write()

    let failures = 0
    if (flow.action === 'submit') {
      const result = await submitDocuments(config, checked.documents)
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
    const message = error instanceof Error ? error.message : String(error)
    // Masking covers GitHub's log; this covers a key pasted into another input and echoed back.
    core.setFailed(
      privateKey.trim() === '' ? message : message.split(privateKey.trim()).join('***'),
    )
  } finally {
    annotate(annotations, core)
    core.setOutput('problems', outputs.problems)
    core.setOutput('customizations', outputs.customizations)
  }
}
