// `npm run bench`: measures validation throughput (against ajv-cli), start-up, and submission
// throughput (against the vendor's curl + openssl recipe), and writes BENCHMARKS.md.
// `npm run bench -- --quick` does less of each, for trying the benchmark itself.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'
import { benchmarksMarkdown } from './report.js'
import { startupBenchmark } from './startup.js'
import { submissionBenchmark } from './submission.js'
import { validationBenchmark } from './validation.js'

const validation = validationBenchmark()
const startup = await startupBenchmark()
const submission = await submissionBenchmark()

const markdown = benchmarksMarkdown(validation, startup, submission)
writeFileSync(path.join(REPO_ROOT, 'BENCHMARKS.md'), markdown)
process.stdout.write(`${markdown}\n`)
