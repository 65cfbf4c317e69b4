import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'

const RSS_REPORTER = path.join(REPO_ROOT, 'bench', 'rss-reporter.cjs')

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** Progress, on stderr so that stdout carries only the report. */
export const log = (text: string): void => {
  process.stderr.write(`${text}\n`)
}

export interface TimedRun {
  ms: number
  /** NaN when the process did not get to report. */
  rssMb: number
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Runs node with `args`, returning its wall time and its peak RSS (every Node process here
 * reports its own through a preloaded script, so worker threads are counted).
 */
export function timeNode(args: string[], cwd: string): TimedRun {
  const rssFile = path.join(os.tmpdir(), `rss-${process.pid}-${Date.now()}`)
  const started = performance.now()
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, NODE_OPTIONS: `--require ${RSS_REPORTER}`, RSS_REPORT_FILE: rssFile },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  })
  const ms = performance.now() - started
  let rssMb = NaN
  try {
    rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024
    rmSync(rssFile)
  } catch {
    // The process did not get to report.
  }
  return { ms, rssMb, status: result.status, stdout: result.stdout, stderr: result.stderr }
}
