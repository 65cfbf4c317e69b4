/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload must be CommonJS */
// Preloaded into benchmarked Node processes: on exit, the main thread writes the process's peak
// resident set size (KiB; worker threads included) to the file RSS_REPORT_FILE names.
const { writeFileSync } = require('node:fs')
const { isMainThread } = require('node:worker_threads')

const file = process.env.RSS_REPORT_FILE
if (isMainThread && file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
}
