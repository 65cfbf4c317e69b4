import type { RetryInfo } from '../luigisbox/request.js'
import type { Outcome } from '../sync/outcome.js'

/**
 * Text from manifests and from the server made safe for one plain log line (`core.info`): the
 * runner reads a workflow command from any line that starts with `::` after spaces, or that holds
 * `##[` (the older syntax), so line breaks become a visible `\n` and both openings get a space.
 * Other control characters (ESC, BEL, NUL…) become visible `\u001b` escapes, so a value cannot
 * rewrite a terminal or a log viewer's earlier lines. Annotations need none of this:
 * `@actions/core` escapes their properties and messages.
 */
export function logLine(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/^(\s*):(?=:)/, '$1: ')
    .replace(/##\[/g, '# #[')
}

// C0 (but tab) and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g

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

/** Where the submit stage's progress goes, a turn of the event loop after it is made. */
export interface DeferredLog {
  info(text: string): void
  debug(text: string): void
  /** Writes every line still waiting, in order: before anything else is written. */
  flush(): void
}

/**
 * Progress lines written once the current turn of the event loop is over instead of at once,
 * in the order they were made. A write to the runner's pipe costs about as much as sending a
 * request; deferred, it no longer holds back the request that the same answer lets go out (at
 * concurrency 1, every request), and the lines of one turn are written one after another.
 */
export function deferredLog(io: {
  info(text: string): void
  debug?(text: string): void
}): DeferredLog {
  let waiting: { debug: boolean; text: string }[] = []
  const flush = () => {
    const lines = waiting
    waiting = []
    for (const { debug, text } of lines) {
      if (debug) io.debug?.(text)
      else io.info(text)
    }
  }
  const add = (debug: boolean, text: string) => {
    if (waiting.length === 0) setImmediate(flush)
    waiting.push({ debug, text })
  }
  return { info: (text) => add(false, text), debug: (text) => add(true, text), flush }
}
