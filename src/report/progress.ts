import type { RetryInfo } from '../luigisbox/request.js'
import type { Outcome } from '../sync/outcome.js'

/**
 * Text from manifests and from the server made safe for one plain log line (`core.info`): the
 * runner reads a workflow command from any line that starts with `::` after spaces, or that holds
 * `##[` (the older syntax), so line breaks become a visible `\n` and both openings get a space.
 * Annotations need none of this: `@actions/core` escapes their properties and messages.
 */
export function logLine(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/^(\s*):(?=:)/, '$1: ')
    .replace(/##\[/g, '# #[')
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
