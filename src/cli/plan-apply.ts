import { DEFAULT_OWNERSHIP_TAG, readConfig } from '../inputs.js'
import { countBySeverity } from '../manifest/problems.js'
import { logLine } from '../report/progress.js'
import { submit, type SubmitLog } from '../submit.js'
import { WRITES, type Outcome } from '../sync/outcome.js'
import { checkTargets } from '../workspace/targets.js'
import { UsageError } from './args.js'
import { credentialHint, readCredentials } from './credentials.js'
import { jsonText } from './formats/json.js'
import { planText } from './formats/plan.js'
import { textLine, type Output } from './formats/problems.js'
import { selectManifests } from './paths.js'
import { displayed } from './validate.js'
import { EXIT } from './usage.js'

export interface PlanCommand {
  name: 'plan' | 'apply'
  paths: string[]
  format: 'text' | 'json'
  prune: boolean
  ownershipTag?: string
}

/**
 * `plan` and `apply`: the Action's plan and apply stage on the manifests named, as on a merge to
 * the default branch (every manifest named is reconciled; with --prune, what none declares is
 * deleted). Progress goes to stderr; the plan, its diff and the problems to stdout.
 */
export async function planOrApply(
  command: PlanCommand,
  cwd: string,
  env: NodeJS.ProcessEnv,
  output: Output,
  workerEntry?: URL,
): Promise<number> {
  const credentials = readCredentials(env)
  const selection = await selectManifests(command.paths, cwd)
  // Pruning deletes what the manifests named do not declare: naming some files would delete
  // what the others declare. A plan writes nothing, so it may still show that.
  if (command.name === 'apply' && command.prune && selection.named.length > 0) {
    throw new UsageError(
      `apply --prune deletes every managed customization the manifests named do not declare, so it takes directories or globs, not single files (${logLine(selection.named.join(', '))}): the customizations of the files not named would be deleted. Name the directory or glob holding all your manifests (e.g. luigisbox), or drop --prune; plan --prune shows what would be deleted.`,
    )
  }
  const config = readConfig(
    (name) =>
      ({
        'tracker-id': credentials.trackerId,
        'private-key': credentials.privateKey,
        'api-url': credentials.apiUrl,
        prune: String(command.prune),
        'dry-run': String(command.name === 'plan'),
        'ownership-tag': command.ownershipTag ?? DEFAULT_OWNERSHIP_TAG,
      })[name] ?? '',
  )
  const files = { all: selection.files, targets: selection.files }
  const checked = await checkTargets(selection.root, files, new Date(), workerEntry)
  const result = await submit(
    config,
    checked,
    { matched: selection.files.length, onDefaultBranch: true },
    { io: stderrLog(output) },
  )
  const problems = displayed(checked.problems, selection)
  const outcomes: Outcome[] = result.outcomes.map((o) =>
    o.file === undefined ? o : { ...o, file: selection.display(o.file) },
  )
  if (command.format === 'json') {
    output.out(jsonText({ problems, customizations: outcomes }))
  } else {
    output.out(problems.map(textLine).join('') + planText(outcomes))
  }
  if (result.stopped) {
    output.err(`${logLine(result.stopped.message)}\n${credentialHint(result.stopped)}`)
  }

  const failed =
    result.stopped !== undefined ||
    countBySeverity(problems).error > 0 ||
    outcomes.some((o) => o.action === 'failed')
  if (failed) return EXIT.problems
  const pending = command.name === 'plan' && outcomes.some((o) => WRITES.has(o.action))
  return pending ? EXIT.changesPending : EXIT.ok
}

/** The stage's log lines on stderr, so stdout holds only the plan. */
function stderrLog(output: Output): SubmitLog {
  return {
    info: (message) => output.err(`${logLine(message)}\n`),
    warning: (message) => output.err(`warning: ${logLine(message)}\n`),
    startGroup: (name) => output.err(`${name}\n`),
    endGroup: () => undefined,
  }
}
