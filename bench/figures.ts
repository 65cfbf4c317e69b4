// Every figure on the Node that runs this script: `bench/run.ts` starts it once per runtime
// (`<node> --import tsx bench/figures.ts <data dir> <out.json> [--quick]`), so that the Action,
// the CLI, ajv-cli and `node -e ""` are all spawned by that same Node.
import { writeFileSync } from 'node:fs'
import { hostileBenchmark, type HostileRow } from './hostile.js'
import { log } from './measure.js'
import { reconcileBenchmark, type ReconcileResult } from './reconcile.js'
import { startupBenchmark, type StartupResult } from './startup.js'
import { submissionBenchmark, type SubmissionRow } from './submission.js'
import { validationBenchmark, type ValidationResult } from './validation.js'

export interface RuntimeFigures {
  node: string
  validation: ValidationResult
  startup: StartupResult
  submission: SubmissionRow[]
  reconcile: ReconcileResult
  hostile: HostileRow[]
  /** Load average over the last minute, before and after: how busy the machine was. */
  load: [number, number]
}

const [data, out] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
if (data === undefined || out === undefined)
  throw new Error('usage: bench/figures.ts <data dir> <out.json> [--quick]')

const { loadavg } = await import('node:os')
const loadBefore = loadavg()[0] ?? NaN
log(`Node ${process.version}:`)
const figures: RuntimeFigures = {
  node: process.version,
  validation: await validationBenchmark(data),
  startup: await startupBenchmark(),
  submission: await submissionBenchmark(),
  reconcile: await reconcileBenchmark(),
  hostile: hostileBenchmark(data),
  load: [loadBefore, loadavg()[0] ?? NaN],
}
writeFileSync(out, JSON.stringify(figures))
