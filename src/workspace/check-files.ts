import { availableParallelism } from 'node:os'
import type * as threads from 'node:worker_threads'
import { compareProblems, type Problem } from '../manifest/problems.js'
import { manifestReader } from './read.js'
import {
  checkSource,
  crossCheck,
  type CheckOptions,
  type FileReport,
  type ValidationResult,
} from '../manifest/validate.js'

export interface CheckedFiles extends ValidationResult {
  /** Files that do not exist in the workspace. */
  missing: string[]
}

/**
 * A worker thread takes 0.3-0.4 s (of CPU, and more under load) to start: Node's internals and
 * this bundle, compiled again. Meanwhile this thread checks some 1,500 files, and the worker
 * then starts cold: below this many files for each worker, it would not finish any sooner.
 */
const FILES_PER_WORKER = 4000

/** Measured on Node 24 at 10,000 manifests: peak memory 490 MB with the default, 277 MB with this. */
const WORKER_YOUNG_GENERATION_MB = 24

/** Files taken at a time: small enough to balance the threads, large enough to cost nothing. */
const MAX_BATCH = 50

export interface CheckFilesOptions extends Partial<CheckOptions> {
  /** Files for each worker thread: fewer files start fewer workers. */
  filesPerThread?: number
  /** Whether this thread checks files too; without it (for tests) the workers do all the work. */
  checkHere?: boolean
}

/** The work every thread shares: the files, and which of them are taken. */
interface Job {
  workspace: string
  files: readonly string[]
  now: number
  options: CheckOptions
  batch: number
  /** The next batch's first file, taken atomically by whichever thread is free. */
  next: Int32Array
}

/** The outcome of the batch starting at `start`. */
interface BatchResult {
  start: number
  reports: FileReport[]
  problems: Problem[]
  missing: string[]
}

/**
 * Read and validate manifests. Parsing dominates and each file stands alone, so large sets are
 * shared with worker threads (up to one per core) when `workerEntry` names a script that calls
 * `serveCheckWorker()`: this thread and the workers take batches of files as they are free, so
 * this one starts at once and none waits for another. The checks across files then run here.
 */
export async function checkFiles(
  workspace: string,
  files: readonly string[],
  now: Date,
  workerEntry?: URL,
  { values = true, filesPerThread = FILES_PER_WORKER, checkHere = true }: CheckFilesOptions = {},
): Promise<CheckedFiles> {
  const workers = workerEntry
    ? Math.max(0, Math.min(availableParallelism() - 1, Math.floor(files.length / filesPerThread)))
    : 0
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / ((workers + 1) * 8))))
  const next = new Int32Array(new SharedArrayBuffer(4))
  const job: Job = { workspace, files, now: now.getTime(), options: { values }, batch, next }
  const batches = Math.ceil(files.length / batch)
  const results: BatchResult[] = []
  let complete = () => {}
  const allIn = new Promise<void>((resolve) => (complete = resolve))
  const collect = (result: BatchResult) => {
    results.push(result)
    if (results.length === batches) complete()
  }
  if (batches === 0) complete()
  const started: Started[] = []
  if (workers > 0) {
    const { Worker } = await import('node:worker_threads')
    for (let i = 0; i < workers; i++) {
      started.push(startWorker(new Worker(workerEntry as URL, workerOptions(job)), collect))
    }
  }
  try {
    // Batches a worker took are awaited; a worker still starting when all are taken is stopped.
    if (checkHere || workers === 0) checkBatches(job, collect)
    await Promise.race([allIn, failure(started)])
  } finally {
    for (const worker of started) void worker.terminate()
  }
  results.sort((a, b) => a.start - b.start)

  // Read again, through the same guards, only to position a problem found across files.
  const read = manifestReader(workspace)
  const validation = crossCheck(
    results.flatMap((r) => r.reports),
    (file) => {
      const loaded = read(file)
      return loaded.kind === 'text' ? loaded.text : ''
    },
  )
  return {
    problems: [...results.flatMap((r) => r.problems), ...validation.problems].sort(compareProblems),
    documents: validation.documents,
    missing: results.flatMap((r) => r.missing),
  }
}

/**
 * Check batches of the job's files until none is left, one file at a time so that no more than
 * one file's text is held at once.
 */
function checkBatches(job: Job, done: (result: BatchResult) => void): void {
  const read = manifestReader(job.workspace)
  const now = new Date(job.now)
  for (
    let start = Atomics.add(job.next, 0, job.batch);
    start < job.files.length;
    start = Atomics.add(job.next, 0, job.batch)
  ) {
    const result: BatchResult = { start, reports: [], problems: [], missing: [] }
    for (const file of job.files.slice(start, start + job.batch)) {
      const loaded = read(file)
      if (loaded.kind === 'text') result.reports.push(checkSource(loaded, now, job.options))
      else if (loaded.kind === 'problem') result.problems.push(loaded.problem)
      else result.missing.push(file)
    }
    done(result)
  }
}

interface Started {
  /** Settles when the worker has stopped; rejects if it failed. */
  exited: Promise<void>
  terminate: () => Promise<number>
}

// The flag that tells an entry script it runs as a check worker. Only workers load
// node:worker_threads: for everyone else it would be a tenth of a bare Node's start-up.
const WORKER_ARG = '--luigisbox-pins-check-worker'

function workerOptions(job: Job) {
  return {
    argv: [WORKER_ARG],
    workerData: { luigisboxPinsCheck: job },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  }
}

function startWorker(worker: threads.Worker, done: (result: BatchResult) => void): Started {
  worker.on('message', done)
  const exited = new Promise<void>((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`A validation worker stopped with exit code ${code}.`))
    })
  })
  // Handled here too: once every batch is in, nobody awaits a worker that is still starting.
  exited.catch(() => undefined)
  return { exited, terminate: () => worker.terminate() }
}

/** Rejects when a worker fails, or when all have stopped with batches still missing. */
function failure(workers: Started[]): Promise<never> {
  return new Promise((_, reject) => {
    for (const worker of workers) worker.exited.catch(reject)
    void Promise.allSettled(workers.map((worker) => worker.exited)).then(() =>
      // Their last messages arrive before this runs.
      setImmediate(() => reject(new Error('A validation worker stopped before it answered.'))),
    )
  })
}

/**
 * Entry scripts call this first: in a worker started by `checkFiles` it checks batches of files
 * until none is left and returns true, so the script does nothing else.
 */
export async function serveCheckWorker(): Promise<boolean> {
  if (!process.argv.includes(WORKER_ARG)) return false
  const { parentPort, workerData } = await import('node:worker_threads')
  const job = (workerData as { luigisboxPinsCheck?: Job } | null)?.luigisboxPinsCheck
  if (!parentPort || !job) return false
  const port = parentPort
  checkBatches(job, (result) => port.postMessage(result))
  return true
}
