// BENCHMARKS.md, from the figures of each runtime: the targets first (figure and verdict per
// runtime, and the command behind each), then the details and the chart.
import os from 'node:os'
import { barChart } from './chart.js'
import type { CurlBaseline } from './curl-baseline.js'
import type { RuntimeFigures } from './figures.js'
import { HOSTILE_ARGS, type HostileRow } from './hostile.js'
import type { PairedFigure } from './measure.js'
import { NODE24_PACKAGE } from './runtimes.js'
import {
  HOSTILE_BYTES,
  HOSTILE_RUNS,
  LATENCY_MS,
  PAIRED_SIZES,
  MEMORY_TARGETS,
  RECONCILE_RUNS,
  STARTUP_PAIRS,
  SUBMIT_MANIFESTS,
  SUBMIT_RUNS,
  SWEEP_RUNS,
  VALIDATION_PAIRS,
  quick,
} from './settings.js'
import { AJV_ARGS, OURS_ARGS } from './validation.js'

export interface Measured {
  label: string
  figures: RuntimeFigures
}

/** The submission bounds of the issue, wall / ideal by concurrency. */
export const SUBMIT_TARGETS: Record<number, number> = { 1: 1.15, 4: 1.25, 8: 1.4 }
export const VALIDATION_TARGET = 1.0
export const STARTUP_TARGET = 4.0
export const CLI_STARTUP_TARGET = 2.7
export const RECONCILE_TARGET = 1.3
/** Issue 11: a manifest of the largest size allowed, of any shape, on its own (wall, peak RSS). */
export const HOSTILE_TARGET_MS = 500
export const HOSTILE_TARGET_MB = 150

const count = (n: number) => n.toLocaleString('en-US')
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
/** The command line, as the commands below show it. */
const CLI_PATH = OURS_ARGS[0] ?? 'dist/cli/index.js'
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const times = (r: number) => `${r.toFixed(2)}×`
const mb = (value: number) => `${value.toFixed(0)} MB`
const verdict = (ok: boolean) => (ok ? 'pass' : '**fail**')
const spread = (f: PairedFigure) =>
  `${times(f.ratio)} (${f.ratioMin.toFixed(2)}–${f.ratioMax.toFixed(2)})`

interface TargetRow {
  target: string
  /** The figure on one runtime, and whether it meets the target. */
  figure: (f: RuntimeFigures) => { text: string; ok: boolean }
  command: string
}

function targetRows(): TargetRow[] {
  const ajvCommand = `\`node ${AJV_ARGS.map((a) => (a.includes('*') ? `'${a}'` : a)).join(' ')}\``
  return [
    ...PAIRED_SIZES.map((_, i): TargetRow => ({
      target: `1. validate N manifests ≤ ${VALIDATION_TARGET.toFixed(1)}× ajv-cli`,
      figure: (f) => {
        const p = f.validation.paired[i]
        if (!p) return { text: 'n/a', ok: false }
        return {
          text: `N = ${count(p.files)}: ${spread(p)}`,
          ok: p.ratio <= VALIDATION_TARGET && p.found === p.expected,
        }
      },
      command: `\`node ${OURS_ARGS.join(' ')}\` vs ${ajvCommand}, ${VALIDATION_PAIRS} interleaved pairs`,
    })),
    ...MEMORY_TARGETS.map(({ files, mb: bound }): TargetRow => ({
      target: `2. peak memory at ${count(files)} manifests ≤ ${bound} MB`,
      figure: (f) => {
        const point = f.validation.sweep.find((s) => s.files === files)
        return point
          ? { text: mb(point.oursRssMb), ok: point.oursRssMb <= bound }
          : { text: 'n/a', ok: false }
      },
      command: `\`node ${OURS_ARGS.join(' ')}\`, peak RSS (\`process.resourceUsage().maxRSS\`, workers included)`,
    })),
    {
      target: `3. start-up, pull request with one manifest ≤ ${STARTUP_TARGET.toFixed(1)}× \`node -e ""\` (on Node 24)`,
      figure: (f) => ({
        text: spread(f.startup.action),
        ok: f.startup.action.ratio <= STARTUP_TARGET,
      }),
      command: `\`node dist/index.js\` with the runner's environment for a \`pull_request\` event vs \`node -e ""\`, same env, ${STARTUP_PAIRS} pairs`,
    },
    {
      target: `3. CLI on one file ≤ ${CLI_STARTUP_TARGET}× \`node -e ""\``,
      figure: (f) => ({
        text: spread(f.startup.cli),
        ok: f.startup.cli.ratio <= CLI_STARTUP_TARGET,
      }),
      command: `\`node dist/cli/index.js validate luigisbox/a.yml\` vs \`node -e ""\`, ${STARTUP_PAIRS} pairs; V8's compile cache is warm after the first (Node 22.1+), the first run is in the start-up table`,
    },
    ...Object.entries(SUBMIT_TARGETS).map(([c, bound]): TargetRow => ({
      target: `4. submission wall / ideal ≤ ${bound} at concurrency ${c} (span / ideal beside it)`,
      figure: (f) => {
        const row = f.submission.find((r) => r.concurrency === Number(c))
        if (!row) return { text: 'n/a', ok: false }
        const ratio = row.ms / row.idealMs
        return {
          text: `${times(ratio)} (span ${times(row.spanMs / row.idealMs)}, floor ${times(row.floorSpanMs / row.idealMs)})`,
          ok: ratio <= bound,
        }
      },
      command: `\`node dist/index.js\`, \`workflow_dispatch\`, ${count(SUBMIT_MANIFESTS)} new manifests, \`concurrency: ${c}\`, sandbox at ${LATENCY_MS} ms; median of ${SUBMIT_RUNS}`,
    })),
    {
      target: `5. reconcile N manifests, 10 changed: requests = list pages + 10 writes`,
      figure: (f) => {
        const r = f.reconcile
        return {
          text: `N = ${count(r.manifests)}: ${r.requests} = ${r.lists} lists (${r.expectedLists} pages) + ${r.writes} writes`,
          ok:
            r.writes === r.changed &&
            r.lists === r.expectedLists &&
            r.requests === r.lists + r.writes,
        }
      },
      command: `\`node dist/index.js\`, \`workflow_dispatch\`, all live, ${RECONCILE_RUNS} runs`,
    },
    {
      target: `5. reconcile time ≤ ${RECONCILE_TARGET}× ideal`,
      figure: (f) => {
        const r = f.reconcile
        return {
          text: `${times(r.ms / r.idealMs)} (${seconds(r.ms)} / ${seconds(r.idealMs)})`,
          ok: r.ms / r.idealMs <= RECONCILE_TARGET,
        }
      },
      command: `the same at ${LATENCY_MS} ms and at 0 ms latency, paired; ideal = time at 0 ms + requests × ${LATENCY_MS} ms / concurrency`,
    },
    {
      target: `11. any hostile ${kib(HOSTILE_BYTES)} file ≤ ${seconds(HOSTILE_TARGET_MS)} and ≤ ${HOSTILE_TARGET_MB} MB (the slowest and the largest shape)`,
      figure: (f) => {
        const { slowest, largest } = worstHostile(f.hostile)
        if (!slowest || !largest) return { text: 'n/a', ok: false }
        return {
          text: `${seconds(slowest.ms)} (${slowest.name}), ${mb(largest.rssMb)} (${largest.name})`,
          ok: slowest.ms <= HOSTILE_TARGET_MS && largest.rssMb <= HOSTILE_TARGET_MB,
        }
      },
      command: `\`node ${CLI_PATH} ${HOSTILE_ARGS.join(' ')} <file>\`, one file, median of ${HOSTILE_RUNS} run(s); the shapes are below`,
    },
  ]
}

/** The shape that took longest and the one that took the most memory. */
export function worstHostile(rows: readonly HostileRow[]): {
  slowest?: HostileRow
  largest?: HostileRow
} {
  const most = (value: (row: HostileRow) => number) =>
    rows.reduce<HostileRow | undefined>((a, b) => (!a || value(b) > value(a) ? b : a), undefined)
  return { slowest: most((row) => row.ms), largest: most((row) => row.rssMb) }
}

/** The hostile-file table: a row per shape, time and peak memory on each runtime. */
export function hostileTable(measured: readonly Measured[]): string[] {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  const shapes = measured[0]?.figures.hostile ?? []
  return [
    row([
      'shape',
      'what the file holds',
      'size',
      ...measured.flatMap((m) => [`${m.label}`, 'peak RSS']),
      'problems listed, the first',
    ]),
    row(Array.from({ length: 4 + measured.length * 2 }, () => '---')),
    ...shapes.map((shape, i) =>
      row([
        shape.name,
        shape.what,
        kib(shape.bytes),
        ...measured.flatMap((m) => {
          const r = m.figures.hostile[i]
          return r ? [seconds(r.ms), mb(r.rssMb)] : ['n/a', 'n/a']
        }),
        `${shape.problems}, ${shape.first}`,
      ]),
    ),
  ]
}

function machine(): string {
  const cpus = os.cpus()
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`
}

export function benchmarksMarkdown(measured: readonly Measured[], curl: CurlBaseline): string {
  const heads = measured.map((m) => `${m.label} (${m.figures.node})`)
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  const rule = (n: number) => row(Array.from({ length: n }, () => '---'))
  const perRuntime = <T>(fn: (f: RuntimeFigures) => T) => measured.map((m) => fn(m.figures))

  const targets = targetRows().map((t) => {
    const figures = perRuntime(t.figure)
    return row([
      t.target,
      ...figures.map((x) => x.text),
      figures.map((x) => verdict(x.ok)).join(' / '),
      t.command,
    ])
  })

  const validationRows = measured.flatMap((m) =>
    m.figures.validation.paired.map((p) =>
      row([
        m.label,
        count(p.files),
        seconds(p.oursMs),
        seconds(p.baseMs),
        spread(p),
        seconds(p.floorMs),
        times(p.oursMs / p.floorMs),
        `${p.found} / ${p.expected}`,
      ]),
    ),
  )
  const sweepRows = (measured[0]?.figures.validation.sweep ?? []).map((point, i) =>
    row([
      count(point.files),
      ...measured.flatMap((m) => {
        const s = m.figures.validation.sweep[i]
        return s ? [seconds(s.oursMs), mb(s.oursRssMb), seconds(s.ajvMs), mb(s.ajvRssMb)] : []
      }),
    ]),
  )
  const chartGroups = (
    value: (s: RuntimeFigures['validation']['sweep'][number]) => number,
    ajv: boolean,
  ) =>
    (measured[0]?.figures.validation.sweep ?? []).map((point, i) => ({
      label: count(point.files),
      series: measured.flatMap((m) => {
        const s = m.figures.validation.sweep[i]
        if (!s) return []
        const ours = { name: `ours, ${m.label}`, value: value(s) }
        return ajv
          ? [
              ours,
              {
                name: `ajv-cli, ${m.label}`,
                value: value({ ...s, oursMs: s.ajvMs, oursRssMb: s.ajvRssMb }),
              },
            ]
          : [ours]
      }),
    }))
  const startupRows = measured.flatMap((m) =>
    (
      [
        ['the Action, pull request with one manifest', m.figures.startup.action],
        ['the CLI on one file', m.figures.startup.cli],
        ['the CLI on one file, first run (empty compile cache)', m.figures.startup.cliFirst],
        ['ajv-cli on one file', m.figures.startup.ajv],
      ] as const
    ).map(([what, f]) =>
      row([m.label, what, `${f.oursMs.toFixed(0)} ms`, `${f.baseMs.toFixed(0)} ms`, spread(f)]),
    ),
  )
  const submissionRows = measured.flatMap((m) =>
    m.figures.submission.map((r) =>
      row([
        m.label,
        String(r.concurrency),
        seconds(r.ms),
        seconds(r.idealMs),
        times(r.ms / r.idealMs),
        seconds(r.spanMs),
        times(r.spanMs / r.idealMs),
        times(r.floorSpanMs / r.idealMs),
        (r.requests / SUBMIT_MANIFESTS).toFixed(3),
        `${r.rerun.requests} (${r.rerun.writes === 0 ? 'lists only' : `${r.rerun.writes} writes`}), ${seconds(r.rerun.ms)}`,
      ]),
    ),
  )
  const reconcileRows = measured.map((m) => {
    const r = m.figures.reconcile
    return row([
      m.label,
      count(r.manifests),
      String(r.requests),
      `${r.lists} (${r.expectedLists})`,
      String(r.writes),
      seconds(r.ms),
      seconds(r.localMs),
      seconds(r.idealMs),
      times(r.ms / r.idealMs),
      times((r.ms - r.localMs) / (r.idealMs - r.localMs)),
    ])
  })
  const loads = measured.map(
    (m) => `${m.label}: ${m.figures.load.map((l) => l.toFixed(2)).join(' → ')}`,
  )

  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${quick ? ' -- --quick' : ''}\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: every figure is measured on each of ${heads.join(' and ')}. Node 24 is what \`action.yml\` runs; the bench installs it from the npm package \`${NODE24_PACKAGE}\` into a cache outside the project. Each runtime runs \`node --import tsx bench/figures.ts\`, so the Action, the CLI, ajv-cli and \`node -e ""\` are all started by that Node.`,
    '',
    `Machine: ${machine()}. Load average (1 min) before → after each runtime's figures: ${loads.join('; ')}. Ratios are medians of per-pair ratios, ours and the baseline run one after the other in alternating order; the range after a ratio is the lowest–highest pair, a measure of how noisy the machine was.`,
    '',
    '## Targets',
    '',
    row(['target', ...heads, 'verdict', 'command']),
    rule(heads.length + 3),
    ...targets,
    '',
    '## Validation: ours against ajv-cli',
    '',
    `Generated manifests of 12 pins each, 10 % with one mistake a user could make (bench/generate.ts), validated by \`node ${OURS_ARGS.join(' ')}\` and, on the same files and with the project's JSON Schema (\`schema/customization.schema.json\`), by ajv-cli; both run in a folder holding \`luigisbox/\`. The floor is \`node bench/parse-floor.cjs luigisbox\`: read each file and parse it with js-yaml, nothing else.`,
    '',
    row([
      'runtime',
      'manifests',
      'ours',
      'ajv-cli',
      'ours / ajv-cli (range)',
      'read + js-yaml floor',
      'ours / floor',
      'errors found / planted',
    ]),
    rule(8),
    ...validationRows,
    '',
    `ajv-cli reads YAML as YAML 1.1 (js-yaml 3), so it turns the date-times into Date objects and rejects every file: it is a speed reference, not a second opinion. Ours reports each planted mistake with its line and column, plus the semantic rules and cross-file checks ajv cannot do.`,
    '',
    '### Time and memory against the number of manifests',
    '',
    `Each point not in the paired table above is the median (time) and the largest (memory) of ${SWEEP_RUNS} run(s).`,
    '',
    row([
      'manifests',
      ...measured.flatMap((m) => [
        `ours, ${m.label}`,
        'peak RSS',
        `ajv-cli, ${m.label}`,
        'peak RSS',
      ]),
    ]),
    rule(1 + measured.length * 4),
    ...sweepRows,
    '',
    '```text',
    barChart(
      'Wall time',
      chartGroups((s) => s.oursMs, true),
      seconds,
    ),
    '',
    barChart(
      'Peak memory (RSS)',
      chartGroups((s) => s.oursRssMb, true),
      mb,
    ),
    '```',
    '',
    '## Start-up',
    '',
    `Each command against \`node -e ""\` spawned the same way with the same environment (the Action's: the variables the runner sets for a \`pull_request\` event, with a GitHub API stand-in on loopback); only the child process's lifetime is timed. Medians of ${STARTUP_PAIRS} pairs.`,
    '',
    row(['runtime', 'command', 'wall time', '`node -e ""`', 'ratio (range)']),
    rule(5),
    ...startupRows,
    '',
    '## Submission',
    '',
    `${count(SUBMIT_MANIFESTS)} new manifests submitted by the built Action (\`workflow_dispatch\`) to the sandbox API, which answers every request ${LATENCY_MS} ms late; then the same run again. Ideal = writes × ${LATENCY_MS} ms / concurrency. The span runs from the first request's arrival to the last one's answer. The floor is the span of the same number of requests between two bare Node processes (a keep-alive \`node:http\` client, bench/http-floor-client.cjs, and a server that answers ${LATENCY_MS} ms after arrival): what the machine's loopback and process wake-ups cost any client. Medians of ${SUBMIT_RUNS} run(s).`,
    '',
    row([
      'runtime',
      'concurrency',
      'wall time',
      'ideal',
      'wall / ideal',
      'span',
      'span / ideal',
      'floor: span / ideal',
      'requests / manifest',
      're-run: requests, time',
    ]),
    rule(10),
    ...submissionRows,
    '',
    `Baseline, the vendor's documented recipe (one \`openssl\` signature and one \`curl\` per manifest, sequential): ${seconds(curl.ms)} for ${curl.sample} manifests, **${seconds(curl.scaledMs)}** scaled to ${count(SUBMIT_MANIFESTS)}.`,
    '',
    '## Hostile files',
    '',
    `One manifest of ${kib(HOSTILE_BYTES)} (just under the 1 MiB a manifest may be) in each shape that could make validation slow or greedy (bench/hostile.ts), validated on its own by \`node ${CLI_PATH} ${HOSTILE_ARGS.join(' ')} <file>\`: median wall time and largest peak RSS of ${HOSTILE_RUNS} run(s). The last column is what the command line listed: no more problems than its limit per file, and one that counts the rest.`,
    '',
    ...hostileTable(measured),
    '',
    '## Reconcile',
    '',
    `Every manifest already live, ${measured[0]?.figures.reconcile.changed ?? 10} changed in git (a different first pin), reconciled by the built Action (\`workflow_dispatch\`, default concurrency ${measured[0]?.figures.reconcile.concurrency ?? 4}) against the sandbox at ${LATENCY_MS} ms, paired with the same run at 0 ms, which is the local work (start-up, reading and checking every manifest, planning). Ideal = local work + (lists + writes) × ${LATENCY_MS} ms / concurrency; the last column sets the latency's cost (wall at ${LATENCY_MS} ms − wall at 0 ms) against its ideal share alone. Medians of ${RECONCILE_RUNS} run(s).`,
    '',
    row([
      'runtime',
      'manifests',
      'requests',
      'lists (pages expected)',
      'writes',
      `wall at ${LATENCY_MS} ms`,
      'wall at 0 ms',
      'ideal',
      'wall / ideal',
      'latency cost / its ideal',
    ]),
    rule(10),
    ...reconcileRows,
    '',
  ].join('\n')
}
