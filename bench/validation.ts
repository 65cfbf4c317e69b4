// Validation: the command line (`luigisbox-pins validate`) against ajv-cli with the project's
// JSON Schema on the same generated files, in interleaved pairs; then time and peak memory at
// every manifest count of the sweep, for the chart.
import path from 'node:path'
import { CLI_ENTRY, REPO_ROOT } from '../tools/shared/repo-paths.js'
import { log, median, paired, type PairedFigure, type TimedRun, timeNode } from './measure.js'
import { PAIRED_SIZES, SWEEP_RUNS, SWEEP_SIZES, VALIDATION_PAIRS } from './settings.js'
import { datasetDir } from './datasets.js'

const AJV = path.join(REPO_ROOT, 'node_modules/ajv-cli/dist/index.js')
const SCHEMA = path.join(REPO_ROOT, 'schema/customization.schema.json')
const PARSE_FLOOR = path.join(REPO_ROOT, 'bench/parse-floor.cjs')

/** The commands, as BENCHMARKS.md shows them (run in a folder holding `luigisbox/`). */
export const OURS_ARGS = [path.relative(REPO_ROOT, CLI_ENTRY), 'validate']
export const AJV_ARGS = [
  'node_modules/ajv-cli/dist/index.js',
  'validate',
  '--spec=draft2020',
  '-c',
  'ajv-formats',
  '-s',
  'schema/customization.schema.json',
  '-d',
  'luigisbox/*.yml',
  '--errors=line',
]

export interface ValidationPoint {
  files: number
  oursMs: number
  ajvMs: number
  oursRssMb: number
  ajvRssMb: number
}

export interface PairedValidation extends PairedFigure {
  files: number
  /** Median of a bare read + js-yaml parse of the same files. */
  floorMs: number
  /** Errors ours reported, against the mistakes planted. */
  found: number
  expected: number
}

export interface ValidationResult {
  paired: PairedValidation[]
  sweep: ValidationPoint[]
}

const runOurs = (dir: string): TimedRun => timeNode([CLI_ENTRY, 'validate'], dir)
const runAjv = (dir: string): TimedRun =>
  timeNode([AJV, ...AJV_ARGS.slice(1).map((a) => (a.startsWith('schema/') ? SCHEMA : a))], dir)

/** Errors in ours's text report. */
const errorLines = (run: TimedRun): number =>
  run.stdout.split('\n').filter((line) => line.includes(' error ')).length

export async function validationBenchmark(data: string): Promise<ValidationResult> {
  const points = new Map<number, { ours: TimedRun[]; ajv: TimedRun[] }>()
  const record = (files: number, key: 'ours' | 'ajv', run: TimedRun): number => {
    const point = points.get(files) ?? { ours: [], ajv: [] }
    point[key].push(run)
    points.set(files, point)
    if (key === 'ours' && run.status !== 1)
      throw new Error(
        `validate exited ${run.status} on ${files} files:\n${run.stderr.slice(-2000)}`,
      )
    return run.ms
  }
  const pairedResults: PairedValidation[] = []
  for (const files of PAIRED_SIZES) {
    log(`  validation: ${files} manifests, ${VALIDATION_PAIRS} pairs ours / ajv-cli…`)
    const dir = datasetDir(data, files)
    const figure = await paired(
      VALIDATION_PAIRS,
      () => record(files, 'ours', runOurs(dir)),
      () => record(files, 'ajv', runAjv(dir)),
    )
    const floor = [0, 1, 2].map(() => timeNode([PARSE_FLOOR, 'luigisbox'], dir).ms)
    const first = points.get(files)?.ours[0]
    pairedResults.push({
      ...figure,
      files,
      floorMs: median(floor),
      found: first ? errorLines(first) : 0,
      expected: files / 10,
    })
  }
  for (const files of SWEEP_SIZES) {
    if (points.has(files)) continue
    log(`  validation sweep: ${files} manifests…`)
    const dir = datasetDir(data, files)
    for (let run = 0; run < SWEEP_RUNS; run++) {
      record(files, 'ours', runOurs(dir))
      record(files, 'ajv', runAjv(dir))
    }
  }
  const sweep = [...points.entries()]
    .sort(([a], [b]) => a - b)
    .map(([files, { ours, ajv }]) => ({
      files,
      oursMs: median(ours.map((r) => r.ms)),
      ajvMs: median(ajv.map((r) => r.ms)),
      oursRssMb: Math.max(...ours.map((r) => r.rssMb)),
      ajvRssMb: Math.max(...ajv.map((r) => r.rssMb)),
    }))
  return { paired: pairedResults, sweep }
}
