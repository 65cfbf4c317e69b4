// How much the benchmark does: `--quick` for a trial run (and the test of the bench itself), the
// full sizes for BENCHMARKS.md. The figures process gets the same argv, so both agree.

export const quick = process.argv.includes('--quick')

/** Validation: ours against ajv-cli in interleaved pairs, at each of these manifest counts. */
export const PAIRED_SIZES = quick ? [200, 1000] : [2000, 10_000]
export const VALIDATION_PAIRS = quick ? 2 : 7
/** Time and peak memory against the number of manifests, for the chart. */
export const SWEEP_SIZES = quick ? [100, 200, 1000] : [100, 1000, 2000, 5000, 10_000, 50_000]
/** Runs behind each sweep point that is not one of the paired sizes. */
export const SWEEP_RUNS = quick ? 1 : 3
/** Peak memory bounds by manifest count (MB). */
export const MEMORY_TARGETS: readonly { files: number; mb: number }[] = quick
  ? [
      { files: 200, mb: 300 },
      { files: 1000, mb: 400 },
    ]
  : [
      { files: 10_000, mb: 300 },
      { files: 50_000, mb: 400 },
    ]

export const STARTUP_PAIRS = quick ? 3 : 21

export const SUBMIT_MANIFESTS = quick ? 100 : 1000
export const SUBMIT_CONCURRENCIES = [1, 4, 8] as const
export const SUBMIT_RUNS = quick ? 1 : 3

export const RECONCILE_MANIFESTS = quick ? 500 : 10_000
export const RECONCILE_CHANGED = 10
export const RECONCILE_RUNS = quick ? 1 : 3

export const LATENCY_MS = 25

/** Hostile files: each shape at just under the 1 MiB a manifest may be, timed this many times. */
export const HOSTILE_BYTES = 1024 * 1024 - 1024
export const HOSTILE_RUNS = quick ? 1 : 3
