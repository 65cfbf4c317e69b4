import { parse } from 'yaml'
import { actionlint, readRepoFile, workflowPaths } from './workflow-files.js'

const shown = (results: { line: number; column: number; message: string }[]) =>
  results.map((r) => `${r.line}:${r.column} ${r.message}`)

test('the repository ships CI, acceptance and CodeQL workflows and the example', () => {
  expect(workflowPaths()).toEqual([
    '.github/workflows/acceptance.yml',
    '.github/workflows/ci.yml',
    '.github/workflows/codeql.yml',
    'examples/.github/workflows/pins.yml',
  ])
})

test.each(workflowPaths())('%s parses and passes actionlint', async (path) => {
  const source = readRepoFile(path)
  expect(() => parse(source, { uniqueKeys: true, strict: true })).not.toThrow()
  expect(shown(await actionlint(source, path))).toEqual([])
})

test('actionlint reports a step output that does not exist and a misspelt permission', async () => {
  // Proves the linter above really checks: the acceptance workflow with two typical slips.
  const broken = readRepoFile('.github/workflows/acceptance.yml')
    .replace('steps.sandbox.outputs.url', 'steps.sandbx.outputs.url')
    .replace('pull-requests: read', 'pull-request: read')
  const messages = shown(await actionlint(broken, 'acceptance.yml')).join('\n')
  expect(messages).toContain('property "sandbx" is not defined')
  expect(messages).toContain('unknown permission scope "pull-request"')
})
