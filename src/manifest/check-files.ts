import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { compareProblems, type Problem } from './problems.js'
import { readManifests } from './read.js'
import { checkSource, crossCheck, type FileReport, type ValidationResult } from './validate.js'

export interface CheckedFiles extends ValidationResult {
  /** Files that do not exist in the workspace. */
  missing: string[]
}

/** Below this many files per thread, loading the bundle in a worker costs more than it saves. */
const FILES_PER_WORKER = 2500

interface Chunk {
  workspace: string
  files: string[]
  now: number
}

interface ChunkResult {
  reports: FileReport[]
  problems: Problem[]
  missing: string[]
}

/**
 * Read and validate manifests. Parsing dominates and each file stands alone, so large sets are
 * spread over worker threads (one per core, the calling thread included) when `workerEntry` names
 * a script that calls `serveCheckWorker()`; the checks across files then run here.
 */
export async function checkFiles(
  workspace: string,
  files: readonly string[],
  now: Date,
  workerEntry?: URL,
  filesPerThread = FILES_PER_WORKER,
): Promise<CheckedFiles> {
  const threads = workerEntry
    ? Math.max(1, Math.min(availableParallelism(), Math.floor(files.length / filesPerThread)))
    : 1
  const size = Math.ceil(files.length / threads)
  const chunks = Array.from({ length: threads }, (_, i) => ({
    workspace,
    files: files.slice(i * size, (i + 1) * size),
    now: now.getTime(),
  }))
  const [own, ...others] = chunks
  const pending = others.map((chunk) => inWorker(workerEntry as URL, chunk))
  const results = [
    checkChunk(own ?? { workspace, files: [], now: now.getTime() }),
    ...(await Promise.all(pending)),
  ]

  const validation = crossCheck(
    results.flatMap((r) => r.reports),
    (file) => readFileSync(path.resolve(workspace, file), 'utf8'),
  )
  return {
    problems: [...results.flatMap((r) => r.problems), ...validation.problems].sort(compareProblems),
    documents: validation.documents,
    missing: results.flatMap((r) => r.missing),
  }
}

function checkChunk(chunk: Chunk): ChunkResult {
  const read = readManifests(chunk.workspace, chunk.files)
  const now = new Date(chunk.now)
  return {
    reports: read.sources.map((source) => checkSource(source, now)),
    problems: read.problems,
    missing: read.missing,
  }
}

function inWorker(entry: URL, chunk: Chunk): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { luigisboxPinsCheck: chunk } })
    worker.once('message', (result: ChunkResult) => {
      resolve(result)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A validation worker stopped with exit code ${code}.`))
    })
  })
}

/**
 * Entry scripts call this first: in a worker started by `checkFiles` it checks the chunk it was
 * given and returns true, so the script does nothing else.
 */
export function serveCheckWorker(): boolean {
  const chunk = (workerData as { luigisboxPinsCheck?: Chunk } | null)?.luigisboxPinsCheck
  if (!parentPort || !chunk) return false
  parentPort.postMessage(checkChunk(chunk))
  return true
}
