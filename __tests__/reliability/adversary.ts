// What every adversarial run through the bundle is checked for, whatever it provoked: no
// workflow command the Action did not issue, no spelling of the key anywhere a user can read,
// no stack trace, and an end within the run's deadline. The figures the closing note reports
// (cases, peak memory, elapsed time) are gathered here too.
import type { RunActionResult } from '../../tools/runner/run-action.js'
import { parseCommands } from '../../tools/runner/workflow-commands.js'

/** The mark every forged command carries; the Action's own commands never do. */
export const FORGED = 'FORGED'

/** Line breaks and command openings as a hostile string would carry them. */
export const INJECTIONS = [
  `\n::warning title=${FORGED}::x`,
  `\r\n::stop-commands::${FORGED}`,
  `\n   ::error title=${FORGED}::x`,
  `\r::notice title=${FORGED}::x`,
  ` ##[warning title=${FORGED}]x`,
]

/** Commands the runner would act on that a hostile string made. */
export function forgedCommands(result: RunActionResult): string[] {
  return parseCommands(result.stdout)
    .filter(
      (c) => c.name === 'stop-commands' || c.properties.split(',').includes(`title=${FORGED}`),
    )
    .map((c) => c.line)
}

/**
 * The key as a server or a file could echo it, spelled out here independently of the Action's
 * redactor: raw, JSON-escaped (with `\/` too), URL-encoded (upper and lower hex, `+` for a
 * space), HTML-escaped, and base64.
 */
export function keySpellings(key: string): string[] {
  const json = JSON.stringify(key).slice(1, -1)
  const url = encodeURIComponent(key)
  return [
    key,
    json,
    json.replace(/\//g, '\\/'),
    url,
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    url.replace(/%20/g, '+'),
    key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    Buffer.from(key).toString('base64').replace(/=+$/, ''),
  ]
}

/** Each spelling of the key found in what a user can read, with where it was found. */
export function keyOccurrences(
  result: RunActionResult,
  key: string,
  extra: Record<string, string> = {},
): string[] {
  const readable = {
    log: result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: result.stderr,
    summary: result.summary,
    outputs: JSON.stringify(result.outputs),
    ...extra,
  }
  return Object.entries(readable).flatMap(([where, text]) =>
    keySpellings(key)
      .filter((spelling) => text.includes(spelling))
      .map((spelling) => `${where}: ${spelling}`),
  )
}

/** A stack trace means an exception nobody caught and explained. */
export function stackTraces(result: RunActionResult): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => /^\s+at .+\(.+:\d+:\d+\)$/.test(line))
}
