import type { RetryInfo } from '../luigisbox/request.js'
import type { Outcome } from '../sync/outcome.js'

/**
 * Text from manifests and from the server made safe for one log line: a line break would let it
 * start a workflow command of its own (`::error …`, `::stop-commands::`).
 */
export function logLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n')
}

/** The log line for one manifest as it is done: `[3/40] created luigisbox/a.yml#1 (…) → id`. */
export function progressLine(outcome: Outcome, done: number, total: number): string {
  const id = outcome.id ? ` → ${outcome.id}` : ''
  const error = outcome.error ? `: ${outcome.error}` : ''
  const where = outcome.file === undefined ? '' : `${outcome.file}#${(outcome.document ?? 0) + 1} `
  return logLine(`[${done}/${total}] ${outcome.action} ${where}(${outcome.scope})${id}${error}`)
}

/** The log line for a request about to be retried. */
export function retryLine(retry: RetryInfo): string {
  return logLine(
    `  retrying ${retry.method} ${retry.path} in ${retry.delayMs} ms: ${retry.error.message}`,
  )
}
