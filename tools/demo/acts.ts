// The demo's three acts; each returns what differed from the expected behaviour.
import { readFile } from 'node:fs/promises'
import type { GitHubApiStandIn } from '../github-standin/server.js'
import { pullRequestEvent, pushEvent } from '../runner/event-payloads.js'
import { type RunActionResult, runAction } from '../runner/run-action.js'
import { makeWorkspace } from '../runner/workspaces.js'
import type { Sandbox } from '../sandbox/server.js'
import {
  EDITED_FILE,
  MAIN_AFTER,
  MAIN_BEFORE,
  MISTAKES,
  NEW_FILE,
  OWNER,
  PRIVATE_KEY,
  PR_HEAD,
  PR_NUMBER,
  REPO,
  RUN_TIMEOUT_MS,
  TRACKER_ID,
} from './scenario.js'
import { customizationRows, type CustomizationRow } from '../runner/customizations.js'
import { formatAnnotation, showRun } from './show-run.js'
import { bold, dim, heading, say } from './terminal.js'

export interface Stage {
  github: GitHubApiStandIn
  sandbox: Sandbox
  examples: Record<string, Buffer>
  /** Every manifest under examples/luigisbox, as `luigisbox/…`. */
  manifests: string[]
}

export async function pullRequestAct(stage: Stage): Promise<string[]> {
  heading('Act 1 of 3 · Pull request')
  say(`A pull request adds ${bold(NEW_FILE)} (a first try, with mistakes)`)
  say(`and edits ${bold(EDITED_FILE)}. Event: pull_request #${PR_NUMBER}.`)
  say(dim('Expect: an annotation on each mistake, none on the edited file, and a failed step.'))
  const workspace = await makeWorkspace({
    ...stage.examples,
    [NEW_FILE]: await readFile(MISTAKES),
  })
  const result = await runAction({
    eventName: 'pull_request',
    event: pullRequestEvent({
      owner: OWNER,
      repo: REPO,
      number: PR_NUMBER,
      headSha: PR_HEAD,
      baseSha: MAIN_BEFORE,
      changedFiles: 2,
      action: 'opened',
    }),
    apiUrl: stage.github.url,
    workspace,
    timeoutMs: RUN_TIMEOUT_MS,
  })
  showRun(result, 1)

  const differences: string[] = []
  if (result.exitCode !== 1) differences.push(`exit code ${result.exitCode}, expected 1`)
  const onNewFile = result.annotations.filter(
    (a) => a.level === 'error' && a.properties.file === NEW_FILE,
  )
  if (onNewFile.length === 0) differences.push(`no error annotation on ${NEW_FILE}`)
  const elsewhere = result.annotations.filter(
    (a) => a.properties.file && a.properties.file !== NEW_FILE,
  )
  for (const a of elsewhere) differences.push(`unexpected annotation: ${formatAnnotation(a)}`)
  if (result.outputs['problems'] !== String(onNewFile.length)) {
    differences.push(
      `output problems is ${result.outputs['problems'] ?? '(not set)'}, expected ${onNewFile.length} (one per error annotation)`,
    )
  }
  return differences
}

async function merge(
  stage: Stage,
  workspace: string,
): Promise<{ rows: CustomizationRow[]; writes: number; differences: string[] }> {
  const before = stage.sandbox.stats().writes
  const result = await runAction({
    eventName: 'push',
    event: pushEvent({ owner: OWNER, repo: REPO, before: MAIN_BEFORE, after: MAIN_AFTER }),
    apiUrl: stage.github.url,
    workspace,
    inputs: { 'tracker-id': TRACKER_ID, 'private-key': PRIVATE_KEY, 'api-url': stage.sandbox.url },
    timeoutMs: RUN_TIMEOUT_MS,
  })
  const writes = stage.sandbox.stats().writes - before
  showRun(result, 0)
  say(`${bold("Writes to Luigi's Box in this act:")} ${writes}`)
  say(
    dim(
      `(sandbox.stats(): ${stage.sandbox.stats().writes} write(s) so far, ${stage.sandbox.store.size} customization(s) stored)`,
    ),
  )
  const rows = customizationRows(result) ?? []
  return { rows, writes, differences: mergeDifferences(result, rows) }
}

/** The checks both merge acts make; each adds its own on the rows. */
function mergeDifferences(result: RunActionResult, rows: CustomizationRow[]): string[] {
  const differences: string[] = []
  if (result.exitCode !== 0) differences.push(`exit code ${result.exitCode}, expected 0`)
  for (const a of result.annotations.filter((a) => a.level === 'error')) {
    differences.push(`unexpected annotation: ${formatAnnotation(a)}`)
  }
  if (rows.length === 0) differences.push('the customizations output has no rows')
  return differences
}

export async function mergeAct(
  stage: Stage,
  workspace: string,
): Promise<{ differences: string[]; ids: (string | null)[] }> {
  heading('Act 2 of 3 · Merge')
  say(`The fixed pull request is merged: a push to main whose compare lists all`)
  say(`${stage.manifests.length} manifests under luigisbox/. Inputs: tracker-id ${TRACKER_ID},`)
  say(`private-key (masked), api-url ${stage.sandbox.url} (the sandbox).`)
  say(dim('Expect: every document signed and created, its id in the summary.'))
  const { rows, writes, differences } = await merge(stage, workspace)
  for (const row of rows) {
    if (row.action !== 'created' || !row.id) {
      differences.push(
        `${row.file}: ${row.action}${row.id ? ` ${row.id}` : ''}, expected created with an id`,
      )
    }
  }
  if (writes !== rows.length) differences.push(`${writes} write(s), expected ${rows.length}`)
  const stored = [...stage.sandbox.store.keys()].sort()
  const ids = rows.map((row) => row.id)
  if (JSON.stringify([...ids].sort()) !== JSON.stringify(stored)) {
    differences.push(
      `ids in the output (${ids.join(', ')}) differ from the sandbox's (${stored.join(', ')})`,
    )
  }
  return { differences, ids }
}

/** `ids` are the merge's. */
export async function rerunAct(
  stage: Stage,
  workspace: string,
  ids: (string | null)[],
): Promise<string[]> {
  heading('Act 3 of 3 · Re-run')
  say('The same merge runs again (a re-run of the job, or a second push of the same manifests).')
  say(dim('Expect: every row unchanged, same ids, zero writes.'))
  const { rows, writes, differences } = await merge(stage, workspace)
  for (const row of rows) {
    if (row.action !== 'unchanged')
      differences.push(`${row.file}: ${row.action}, expected unchanged`)
  }
  if (writes !== 0) differences.push(`${writes} write(s), expected none`)
  if (JSON.stringify(rows.map((row) => row.id)) !== JSON.stringify(ids)) {
    differences.push('the ids differ from the merge')
  }
  return differences
}
