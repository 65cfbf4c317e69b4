import { RULES } from '../../manifest/codes.js'
import type { Problem } from '../../manifest/problems.js'
import { VERSION } from '../usage.js'

const INFORMATION_URI = 'https://github.com/luigisbox-pins/luigisbox-pins-action'

/**
 * A SARIF 2.1.0 log for code scanning (`github/codeql-action/upload-sarif`): one run, every rule
 * of the codes table, one result per problem. Regions use SARIF's convention, which is the
 * problems' own: 1-based lines and columns, the end column just past the last character. URIs
 * are relative to the directory the command ran in, the checkout's root in a workflow.
 */
export function sarifLog(problems: readonly Problem[]): object {
  const index = new Map<string, number>(RULES.map((rule, i) => [rule.code, i]))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'luigisbox-pins',
            version: VERSION,
            informationUri: INFORMATION_URI,
            rules: RULES.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.summary },
              helpUri: `${INFORMATION_URI}#${rule.code.replace(/\//g, '')}-${rule.severity}`,
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings and the problems do.
        columnKind: 'utf16CodeUnits',
        results: problems.map((problem) => ({
          ruleId: problem.code,
          ...(index.has(problem.code) ? { ruleIndex: index.get(problem.code) } : {}),
          level: problem.severity,
          message: { text: problem.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(problem.file), uriBaseId: '%SRCROOT%' },
                region: region(problem),
              },
            },
          ],
        })),
      },
    ],
  }
}

function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/')
}

function region(problem: Problem): object {
  const endLine = Math.max(problem.endLine, problem.line)
  const endColumn =
    endLine === problem.line ? Math.max(problem.endColumn, problem.column) : problem.endColumn
  return {
    startLine: problem.line,
    startColumn: problem.column,
    endLine,
    endColumn: Math.max(1, endColumn),
  }
}
