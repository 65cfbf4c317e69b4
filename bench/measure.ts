import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../tools/shared/repo-paths.js'

const RSS_REPORTER = path.join(REPO_ROOT, 'bench', 'rss-reporter.cjs')

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return NaN
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

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
 * Runs the Node running this process with `args`, returning its wall time and its peak RSS
 * (every Node process here reports its own through a preloaded script, so worker threads are
 * counted).
 */
export function timeNode(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): TimedRun {
  const rssFile = path.join(os.tmpdir(), `rss-${process.pid}-${Date.now()}`)
  const started = performance.now()
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...env, NODE_OPTIONS: `--require ${RSS_REPORTER}`, RSS_REPORT_FILE: rssFile },
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

/** Runs of one command against runs of its baseline, taken in pairs. */
export interface Paired {
  oursMs: number[]
  baseMs: number[]
}

/** How a paired comparison came out: medians, and the median and spread of the per-pair ratios. */
export interface PairedFigure {
  oursMs: number
  baseMs: number
  ratio: number
  /** Lowest and highest per-pair ratio: how noisy the machine was. */
  ratioMin: number
  ratioMax: number
  pairs: number
}

/**
 * `pairs` runs of each, interleaved and alternating which goes first, so that whatever else the
 * machine is doing lands on both sides alike; the ratio is the median of the per-pair ratios.
 */
export async function paired(
  pairs: number,
  ours: () => number | Promise<number>,
  base: () => number | Promise<number>,
): Promise<PairedFigure> {
  const runs: Paired = { oursMs: [], baseMs: [] }
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      runs.oursMs.push(await ours())
      runs.baseMs.push(await base())
    } else {
      runs.baseMs.push(await base())
      runs.oursMs.push(await ours())
    }
  }
  return pairedFigure(runs)
}

export function pairedFigure(runs: Paired): PairedFigure {
  const ratios = runs.oursMs.map((ms, i) => ms / (runs.baseMs[i] ?? NaN))
  return {
    oursMs: median(runs.oursMs),
    baseMs: median(runs.baseMs),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    pairs: ratios.length,
  }
}
