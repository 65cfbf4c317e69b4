import * as core from '@actions/core'
import type { Config } from '../inputs.js'
import { InputError } from '../input-error.js'
import { createClient } from '../luigisbox/client.js'
import type { ManifestDocument } from '../manifest/validate.js'
import { describeScope } from '../manifest/scope.js'
import { sortOutcomes, submit, type Outcome, type SubmitResult } from './apply.js'
import type { Desired } from './plan.js'

/**
 * The submit stage: check the submit-only inputs, submit the valid documents, log progress in a
 * group. Documents with validation errors are reported as skipped and never sent.
 */
export async function submitDocuments(
  config: Config,
  documents: readonly ManifestDocument[],
): Promise<SubmitResult> {
  if (config.trackerId === '' || config.privateKey === '') {
    const missing = [
      config.trackerId === '' && 'tracker-id',
      config.privateKey === '' && 'private-key',
    ]
    throw new InputError(
      missing.filter(Boolean).join(', '),
      `Submitting needs the ${missing.filter(Boolean).join(' and ')} input(s): pass your Luigi's Box tracker id and a secret holding the private API key, or set mode: validate.`,
    )
  }
  const client = createClient({
    apiUrl: config.apiUrl,
    trackerId: config.trackerId,
    privateKey: config.privateKey,
    concurrency: config.concurrency,
    onRetry: (retry) =>
      core.info(
        `  retrying ${retry.method} ${retry.path} in ${retry.delayMs} ms: ${retry.error.message}`,
      ),
  })

  const desired: Desired[] = []
  const invalid: Outcome[] = []
  for (const document of documents) {
    if (document.customization && document.scope) {
      desired.push({
        file: document.file,
        index: document.index,
        line: document.line,
        scope: document.scope,
        body: document.customization,
      })
    } else {
      invalid.push({
        file: document.file,
        document: document.index,
        line: document.line,
        scope: document.scope ? describeScope(document.scope) : '',
        action: 'skipped',
        error: 'Not submitted: the document has validation errors.',
      })
    }
  }

  core.startGroup(`${config.dryRun ? 'Planning' : 'Submitting'} ${desired.length} customization(s)`)
  try {
    const result = await submit(client, desired, {
      dryRun: config.dryRun,
      concurrency: config.concurrency,
      onOutcome: (outcome, done, total) =>
        core.info(
          `[${done}/${total}] ${outcome.action} ${outcome.file}#${outcome.document + 1} (${outcome.scope})${outcome.id ? ` → ${outcome.id}` : ''}${outcome.error ? `: ${outcome.error}` : ''}`,
        ),
    })
    return { ...result, outcomes: sortOutcomes([...invalid, ...result.outcomes]) }
  } finally {
    core.endGroup()
  }
}
