import { run } from './main.js'
import { serveCheckWorker } from './manifest/check-files.js'

// The same script runs the Action and, in worker threads, validates chunks of a large workspace.
if (!serveCheckWorker()) await run({ workerEntry: new URL(import.meta.url) })
