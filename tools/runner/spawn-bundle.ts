import { spawn } from 'node:child_process'

const DEFAULT_TIMEOUT_MS = 60_000

export interface BundleRun {
  /** `null` when the process was ended by a signal. */
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs `node [nodeArgs] entry` with exactly `env`; rejects when it cannot start or outlives
 * `timeoutMs`.
 */
export function spawnBundle(
  entry: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  nodeArgs: string[] = [],
): Promise<BundleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      const result = {
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }
      if (timedOut) reject(new Error(timeoutMessage(timeoutMs, result)))
      else resolve(result)
    })
  })
}

function timeoutMessage(timeoutMs: number, result: { stdout: string; stderr: string }): string {
  const tail = (text: string) => text.slice(-2000)
  return `node dist/index.js still running after ${timeoutMs} ms; killed.\n--- stdout (tail)\n${tail(
    result.stdout,
  )}\n--- stderr (tail)\n${tail(result.stderr)}`
}
