import * as core from '@actions/core'
import { errorMessage } from './error-message.js'
import { run } from './main.js'
import { serveCheckWorker } from './workspace/check-files.js'

// The same script runs the Action and, in worker threads, validates chunks of a large workspace.
if (!(await serveCheckWorker())) {
  // run() reports its own failures; this is for a fault outside it, shown without a stack trace.
  await run({ workerEntry: new URL(import.meta.url) }).catch((error: unknown) =>
    core.setFailed(`The Action failed unexpectedly: ${errorMessage(error)}`),
  )
  // Octokit's HTTP client keeps idle connections open, and the runner waits for the process to
  // end: once everything is written, end it. The exit code set by setFailed is kept.
  process.stdout.write('', () => process.exit())
}
