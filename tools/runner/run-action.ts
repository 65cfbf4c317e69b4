// Runs the built bundle the way the Actions runner does — a separate `node dist/index.js` with
// only the runner's environment — and reads back what the runner would: the exit code, workflow
// commands on stdout, the step summary file and the output file. Nothing of the calling process
// leaks in (notably Jest's NODE_OPTIONS), so a bundle that only works inside Jest fails here.
// The e2e tests, the demo and the benchmark share this one harness.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST_ENTRY } from '../shared/repo-paths.js'
import { buildEnv } from './environment.js'
import { assertNoLeak } from './leak-check.js'
import { parseOutputFile } from './output-file.js'
import type { RunActionOptions } from './run-options.js'
import { prepareRunnerFiles } from './runner-files.js'
import { type BundleRun, spawnBundle } from './spawn-bundle.js'
import { type Annotation, parseAnnotations } from './workflow-commands.js'

export interface RunActionResult extends BundleRun {
  summary: string
  outputs: Record<string, string>
  annotations: Annotation[]
  /** The environment the bundle ran with, for debugging a failing assertion. */
  env: Record<string, string>
  /** Peak resident memory in KiB, worker threads included, with `measureMemory`. */
  peakRssKb?: number
  /** How long the process ran. */
  elapsedMs: number
}

/** A module loaded before the bundle that writes the process's peak RSS (KiB) as it exits. */
function peakRssHook(file: string): string {
  const code = `import { writeFileSync } from 'node:fs'
process.on('exit', () => writeFileSync(${JSON.stringify(file)}, String(process.resourceUsage().maxRSS)))`
  return `data:text/javascript,${encodeURIComponent(code)}`
}

/** Runs the bundle once in a fresh temp area. Rejects only when there is no bundle or it hangs. */
export async function runAction(opts: RunActionOptions): Promise<RunActionResult> {
  const entry = opts.entry ?? DIST_ENTRY
  // Otherwise node's "Cannot find module" reads like a failure of the Action itself.
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run bundle\` first`)
  const temp = await mkdtemp(join(tmpdir(), 'luigisbox-run-'))
  try {
    const files = await prepareRunnerFiles(temp, opts.event)
    const env = buildEnv(opts, files)
    const peakFile = join(temp, 'peak-rss')
    const started = performance.now()
    const child = await spawnBundle(
      entry,
      env,
      opts.workspace,
      opts.timeoutMs,
      opts.measureMemory ? ['--import', peakRssHook(peakFile)] : [],
    )
    const elapsedMs = performance.now() - started
    const peakRssKb = opts.measureMemory ? Number(await readFile(peakFile, 'utf8')) : undefined
    const summary = await readFile(files.summary, 'utf8')
    const outputFile = await readFile(files.output, 'utf8')
    assertNoLeak(opts.inputs?.['private-key'], {
      stdout: child.stdout,
      stderr: child.stderr,
      summary,
      outputFile,
    })
    const outputs = parseOutputFile(outputFile)
    const annotations = parseAnnotations(child.stdout)
    return { ...child, summary, outputs, annotations, env, peakRssKb, elapsedMs }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
