import { countBySeverity, type Problem } from '../../manifest/problems.js'
import { annotate } from '../../report/annotations.js'
import { logLine } from '../../report/progress.js'
import type { Format } from '../args.js'
import { jsonText } from './json.js'
import { sarifLog } from './sarif.js'

export interface Output {
  out: (text: string) => void
  err: (text: string) => void
}

/** Validation problems in the format asked for: stdout holds only them, stderr the count. */
export async function writeProblems(
  problems: readonly Problem[],
  files: number,
  format: Format,
  output: Output,
): Promise<void> {
  const counts = countBySeverity(problems)
  switch (format) {
    case 'json': {
      const summary = { files, errors: counts.error, warnings: counts.warning }
      output.out(jsonText({ summary, problems }))
      return
    }
    case 'sarif':
      output.out(jsonText(sarifLog(problems)))
      return
    case 'github':
      // The Action's own annotations: workflow commands, escaped, within GitHub's limits.
      // @actions/core loads an HTTP client on import: only this format pays for it.
      annotate(problems, await import('@actions/core'))
      break
    case 'text':
      output.out(problems.map(textLine).join(''))
      break
  }
  output.err(
    `${files} manifest file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s).\n`,
  )
}

/** `file:line:col severity code message`: one problem per line, whatever a manifest holds. */
export function textLine(p: Problem): string {
  return `${logLine(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`)}\n`
}
