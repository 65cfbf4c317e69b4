import * as core from '@actions/core'
import { context } from '@actions/github'
import { annotate } from './github/annotations.js'
import { gitHubApi } from './github/api.js'
import { decideFlow, type EventPayload } from './github/event.js'
import { validationSummary } from './github/summary.js'
import { readConfig } from './inputs.js'
import { countBySeverity } from './manifest/problems.js'
import { checkManifests } from './workspace.js'

/** The Action: inputs → what this event asks for → validate → report (→ submit). */
export async function run(): Promise<void> {
  // Mask the key before anything can print it, even an error about the other inputs.
  core.setSecret(core.getInput('private-key'))
  try {
    const config = readConfig((name) => core.getInput(name))
    const payload = context.payload as EventPayload
    const flow = decideFlow(config.mode, context.eventName, payload)
    if (flow.action === 'nothing') {
      core.info(flow.reason)
      return
    }
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const { owner, repo } = context.repo
    const checked = await checkManifests({
      workspace,
      globs: config.manifests,
      selection: flow.selection,
      api: () => gitHubApi(config.githubToken, owner, repo),
      now: new Date(),
    })
    if (checked.allReason) core.info(checked.allReason)
    core.info(
      `Checked ${checked.targets.length} manifest(s): ${checked.targets.join(', ') || 'none changed'}.`,
    )

    annotate(checked.problems, core)
    const counts = countBySeverity(checked.problems)
    const headSha =
      flow.selection.kind === 'pull-request' && flow.selection.headSha
        ? flow.selection.headSha
        : context.sha
    const commit = { serverUrl: context.serverUrl, repository: `${owner}/${repo}`, sha: headSha }
    await core.summary
      .addRaw(validationSummary(checked.problems, checked.targets.length, commit))
      .write()
    core.setOutput('problems', counts.error)
    core.setOutput('customizations', '[]')

    if (counts.error > 0 || (config.failOnWarning && counts.warning > 0)) {
      core.setFailed(
        `${counts.error} error(s) and ${counts.warning} warning(s) in the manifests; see the annotations and the job summary.`,
      )
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
