import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CLI_ENTRY, REPO_ROOT } from '../tools/shared/repo-paths.js'
import { generate } from './generate.js'
import { log, median, timeNode } from './measure.js'
import { RUNS, VALIDATION_FILES } from './settings.js'

const AJV = path.join(REPO_ROOT, 'node_modules/ajv-cli/dist/index.js')
const SCHEMA = path.join(REPO_ROOT, 'schema/customization.schema.json')

export interface ValidationResult {
  files: number
  oursMs: number
  ajvMs: number
  ratio: number
  oursRss: number
  ajvRss: number
  /** Errors ours reported. */
  found: number
  /** Mistakes planted. */
  expected: number
}

/** `luigisbox-pins validate` against ajv-cli on the same generated files. */
export function validationBenchmark(): ValidationResult {
  log(`Validation: generating ${VALIDATION_FILES} manifests of 12 pins (10% with a mistake)…`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pins-bench-'))
  generate(path.join(dir, 'luigisbox'), VALIDATION_FILES)
  try {
    const ours = []
    const ajv = []
    for (let run = 0; run < RUNS; run++) {
      ours.push(timeNode([CLI_ENTRY, 'validate'], dir))
      ajv.push(
        timeNode(
          [
            AJV,
            'validate',
            '--spec=draft2020',
            '-c',
            'ajv-formats',
            '-s',
            SCHEMA,
            '-d',
            'luigisbox/*.yml',
            '--errors=line',
          ],
          dir,
        ),
      )
    }
    const found = (ours[0]?.stdout ?? '')
      .split('\n')
      .filter((line) => line.includes(' error ')).length
    const oursMs = median(ours.map((r) => r.ms))
    const ajvMs = median(ajv.map((r) => r.ms))
    return {
      files: VALIDATION_FILES,
      oursMs,
      ajvMs,
      ratio: oursMs / ajvMs,
      oursRss: Math.max(...ours.map((r) => r.rssMb)),
      ajvRss: Math.max(...ajv.map((r) => r.rssMb)),
      found,
      expected: VALIDATION_FILES / 10,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
