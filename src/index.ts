import { run } from './main.js'
import { serveCheckWorker } from './workspace/check-files.js'

// The same script runs the Action and, in worker threads, validates chunks of a large workspace.
if (!serveCheckWorker()) {
  await run({ workerEntry: new URL(import.meta.url) })
  // Octokit's HTTP client keeps idle connections open, and the runner waits for the process to
  // end: once everything is written, end it. The exit code set by setFailed is kept.
  process.stdout.write('', () => process.exit())
}
