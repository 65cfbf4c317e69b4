// `npm run bench`: measures every target of the performance issue on Node 24 (what action.yml
// runs) and on the Node running the bench, and writes BENCHMARKS.md.
// `npm run bench -- --quick` does less of each, for trying the benchmark itself.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { makeWorkspace, removeWorkspace } from '../tools/runner/workspaces.js'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'
import { curlBaseline } from './curl-baseline.js'
import { generateDatasets } from './datasets.js'
import type { RuntimeFigures } from './figures.js'
import { log } from './measure.js'
import { benchmarksMarkdown } from './report.js'
import { runtimes } from './runtimes.js'
import { PAIRED_SIZES, SUBMIT_MANIFESTS, SWEEP_SIZES, quick } from './settings.js'
import { validFiles } from './submission.js'

const FIGURES = path.join(REPO_ROOT, 'bench', 'figures.ts')

const data = mkdtempSync(path.join(os.tmpdir(), 'pins-bench-'))
try {
  log(`Generating manifests of 12 pins (10% with a mistake): ${SWEEP_SIZES.join(', ')}…`)
  generateDatasets(data, [...PAIRED_SIZES, ...SWEEP_SIZES])
  const measured: { label: string; figures: RuntimeFigures }[] = []
  for (const runtime of runtimes()) {
    const out = path.join(data, `${runtime.label}.json`)
    execFileSync(
      runtime.node,
      ['--import', 'tsx', FIGURES, data, out, ...(quick ? ['--quick'] : [])],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    )
    measured.push({
      label: runtime.label,
      figures: JSON.parse(readFileSync(out, 'utf8')) as RuntimeFigures,
    })
  }
  const workspace = await makeWorkspace(validFiles(Math.min(100, SUBMIT_MANIFESTS)))
  const curl = await curlBaseline(workspace).finally(() => removeWorkspace(workspace))
  const markdown = benchmarksMarkdown(measured, curl)
  writeFileSync(path.join(REPO_ROOT, 'BENCHMARKS.md'), markdown)
  process.stdout.write(`${markdown}\n`)
} finally {
  rmSync(data, { recursive: true, force: true })
}
