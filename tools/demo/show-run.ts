// What a run looked like from the pull request or the Actions tab.
import { customizationRows } from '../runner/customizations.js'
import type { RunActionResult } from '../runner/run-action.js'
import type { Annotation } from '../runner/workflow-commands.js'
import { splitLines } from '../shared/lines.js'
import { htmlToText } from './html-to-text.js'
import { bold, cyan, dim, green, indented, red, say, section, yellow } from './terminal.js'

/** `file:line:col level title message`, as an editor or `grep -n` would point at it. */
export function formatAnnotation({ level, properties, message }: Annotation): string {
  const where = properties.file
    ? [properties.file, properties.line, properties.col].filter((p) => p !== undefined).join(':')
    : ''
  const colour = level === 'error' ? red : level === 'warning' ? yellow : cyan
  const head = [where && bold(where), colour(level), properties.title].filter(Boolean).join(' ')
  return `${head} ${message.replace(/\r?\n/g, '\n    ')}`
}

export function showRun(result: RunActionResult, expectedExit: number): void {
  // The log as the Actions tab shows it: workflow commands consumed, groups as headers.
  const log: string[] = []
  let inGroup = false
  for (const line of splitLines(result.stdout)) {
    const group = /^::group::(.*)$/.exec(line)
    if (group) log.push(`▸ ${group[1]}`)
    if (group || line === '::endgroup::') inGroup = Boolean(group)
    else if (line !== '' && !line.startsWith('::')) log.push(inGroup ? `  ${line}` : line)
  }
  section('Log')
  indented(log.join('\n') || '(nothing)', dim('│ '))
  if (result.stderr.trim() !== '') {
    section('stderr')
    indented(result.stderr.trimEnd(), red('│ '))
  }

  section(`Annotations (${result.annotations.length})`)
  indented(result.annotations.map(formatAnnotation).join('\n') || '(none)')

  section('Job summary')
  indented(htmlToText(result.summary) || '(empty)')

  section('Outputs')
  const rows = customizationRows(result)
  indented(
    [
      `problems: ${result.outputs['problems'] ?? '(not set)'}`,
      `changes: ${result.outputs['changes'] ?? '(not set)'}`,
      `customizations: ${rows ? `${rows.length} row(s) of JSON` : (result.outputs['customizations'] ?? '(not set)')}`,
    ].join('\n'),
  )

  const code = result.exitCode ?? `signal ${result.signal}`
  const verdict = result.exitCode === expectedExit ? green : red
  say()
  say(`${bold('Exit code')} ${verdict(String(code))} ${dim(`(expected ${expectedExit})`)}`)
}
