// The acceptance job of .github/workflows/acceptance.yml, run here step by step through the
// runner emulation, as a run started on main would run it on GitHub: so the job that guards every
// release cannot be broken without this suite failing first, on every pull request.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { customizationRows } from '../../tools/runner/customizations.js'
import { REPO_ROOT } from '../../tools/shared/repo-paths.js'
import { runJob, type JobResult } from './job-steps.js'
import { readWorkflow } from './workflow-files.js'

const examples = readdirSync(join(REPO_ROOT, 'examples/luigisbox'), {
  recursive: true,
  withFileTypes: true,
})
  .filter((entry) => entry.isFile())
  .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)))
  .sort()

let job: JobResult
let gitHubCalls = 0

beforeAll(async () => {
  const api = await startGitHubApi({})
  try {
    const workflow = readWorkflow('.github/workflows/acceptance.yml')
    const acceptance = workflow.jobs['acceptance']
    if (!acceptance) throw new Error('acceptance.yml has no job "acceptance"')
    job = await runJob(acceptance, {
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      apiUrl: api.url,
    })
    gitHubCalls = api.requests.length
  } finally {
    await api.close()
  }
}, 180_000)

const step = (idOrName: string) => job.steps.find((s) => (s.step.id ?? s.step.name) === idOrName)

test('only the machine set-up is skipped, and every other step succeeds', () => {
  expect(job.skipped).toEqual([
    'actions/checkout@v7',
    'actions/setup-node@v7',
    'npm ci --no-audit --no-fund',
  ])
  expect(job.steps.map((s) => [s.step.id ?? s.step.name, s.outcome])).toEqual([
    ['validate', 'success'],
    ['sandbox', 'success'],
    ['submit', 'success'],
    ['again', 'success'],
    ['Check the outputs', 'success'],
  ])
})

test('validation without a key checks every example manifest and finds nothing wrong', () => {
  expect(examples.length).toBeGreaterThan(3)
  // A run on main reconciles everything: no changed-file listing is needed.
  expect(gitHubCalls).toBe(0)
  const validate = step('validate')
  expect(validate?.outputs['problems']).toBe('0')
  expect(validate?.stdout).toContain(`Checking ${examples.length} manifest file(s)`)
  expect(validate?.action?.annotations.filter((a) => a.level === 'error')).toEqual([])
})

test('the submit creates every example document in the sandbox once; the re-run writes nothing', () => {
  expect(step('sandbox')?.outputs['url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  const created = customizationRows({ outputs: step('submit')?.outputs ?? {} }) ?? []
  expect(created.length).toBeGreaterThanOrEqual(examples.length)
  expect(new Set(created.map((row) => row.action))).toEqual(new Set(['created']))
  const again = customizationRows({ outputs: step('again')?.outputs ?? {} }) ?? []
  expect(new Set(again.map((row) => row.action))).toEqual(new Set(['unchanged']))
  expect(step('again')?.outputs['changes']).toBe('0')
  expect(step('Check the outputs')?.stdout).toContain('re-run wrote nothing')
})

test('the sandbox the job started is stopped with the job', async () => {
  const url = step('sandbox')?.outputs['url'] ?? ''
  await new Promise((resolve) => setTimeout(resolve, 500))
  await expect(fetch(url)).rejects.toThrow()
})
