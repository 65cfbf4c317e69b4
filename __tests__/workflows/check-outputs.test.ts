// The acceptance job's last step is what fails it: it must fail for each broken promise.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { brokenPromises } from '../../tools/acceptance/check-outputs.js'
import { REPO_ROOT } from '../../tools/shared/repo-paths.js'

const row = (action: string, id: string | null = 'id-1', file = 'examples/a.yml') => ({
  file,
  document: 0,
  line: 1,
  scope: 'basket/all',
  action,
  id,
})
const good = {
  PROBLEMS: '0',
  CREATED: JSON.stringify([row('created')]),
  CHANGES: '1',
  AGAIN: JSON.stringify([row('unchanged')]),
  AGAIN_CHANGES: '0',
}

test('a clean run breaks no promise', () => {
  expect(brokenPromises(good)).toEqual([])
})

test.each([
  [{ PROBLEMS: '2' }, 'validation found 2 problem(s)'],
  [{ CREATED: '[]' }, 'the first submit reported no customizations'],
  [{ CREATED: JSON.stringify([row('failed', null)]) }, 'did not create examples/a.yml#0 (failed)'],
  [{ AGAIN: JSON.stringify([row('created', 'id-2')]), AGAIN_CHANGES: '1' }, 'the re-run wrote 1'],
  [{ AGAIN: JSON.stringify([row('unchanged', 'id-2')]) }, 'changed the ids of 1 row(s)'],
  [{ AGAIN: 'not json' }, 'the re-run did not report the same documents'],
])('%j is reported: %s', (change, message) => {
  expect(brokenPromises({ ...good, ...change }).join('\n')).toContain(message)
})

test('the step exits 1 with one escaped annotation per broken promise', () => {
  const hostile = 'x.yml\n::warning::injected'
  const run = spawnSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(REPO_ROOT, 'tools', 'acceptance', 'check-outputs.ts')],
    {
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'] ?? '',
        ...good,
        CREATED: JSON.stringify([row('failed', null, hostile)]),
      },
    },
  )
  expect(run.status).toBe(1)
  expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
    '::error title=Acceptance::the first submit did not create x.yml%0A::warning::injected#0 (failed)',
    '::error title=Acceptance::the re-run changed the ids of 1 row(s)',
  ])
})
