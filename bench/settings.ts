// How much the benchmark does: `--quick` for a trial run, the full sizes for BENCHMARKS.md.

export const quick = process.argv.includes('--quick')

export const VALIDATION_FILES = quick ? 2000 : 10_000
export const SUBMIT_MANIFESTS = quick ? 200 : 1000
export const LATENCY_MS = 25
/** Runs each figure is the median of. */
export const RUNS = quick ? 1 : 3
export const STARTUP_RUNS = quick ? 3 : 15
