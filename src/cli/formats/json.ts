/**
 * A value as indented JSON for stdout. A runner reads the older workflow-command syntax `##[`
 * anywhere in any line, so it is written `#\u0023[`: the same JSON value, nothing to act on.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/##\[/g, '#\\u0023[')}\n`
}
