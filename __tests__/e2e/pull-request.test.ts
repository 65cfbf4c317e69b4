import { startGitHubApi } from '../../tools/github-standin/server.js'
import { mergeGroupEvent, pullRequestEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'

const head = fakeSha('head')
const base = fakeSha('base')

const valid = (model: string, item = '/p/1/') =>
  `model: ${model}\ntarget_type: item\ntarget_identity: ${item}\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: /p/2/\n`

const mistakes = `model: home
target_type: items
target_identity: /p/1/
pin_definitions:
  - position: 1
    pin_type: item
    pin_identty: /p/2/
  - position: -2
    pin_type: item
    pin_identity: /p/3/
`

afterAll(cleanupWorkspaces)

async function pullRequest(
  files: Record<string, string>,
  changed: {
    filename: string
    status?: 'added' | 'modified' | 'removed' | 'renamed'
    previous_filename?: string
  }[],
  inputs: Record<string, string> = {},
) {
  const api = await startGitHubApi({ pulls: { 'owner/repo#7': { headSha: head, files: changed } } })
  try {
    const workspace = await makeWorkspace(files)
    const result = await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({
        number: 7,
        headSha: head,
        baseSha: base,
        changedFiles: changed.length,
      }),
      apiUrl: api.url,
      workspace,
      inputs,
    })
    return { ...result, requests: api.requests }
  } finally {
    await api.close()
  }
}

test('each mistake gets its own annotation on its own line; unchanged files are never annotated', async () => {
  const result = await pullRequest(
    {
      'luigisbox/home.yml': mistakes,
      'luigisbox/fine.yml': valid('basket'),
      // Broken, but not part of this pull request: must not be annotated.
      'luigisbox/old-broken.yml': 'model: [\n',
      'README.md': 'not a manifest',
    },
    [
      { filename: 'luigisbox/home.yml', status: 'added' },
      { filename: 'luigisbox/fine.yml' },
      { filename: 'README.md' },
      { filename: 'luigisbox/deleted.yml', status: 'removed' },
    ],
  )
  expect(result.exitCode).toBe(1)
  const errors = result.annotations.filter((a) => a.level === 'error' && a.properties.file)
  expect(
    errors.map((a) => [a.properties.file, a.properties.line, a.properties.col, a.properties.title]),
  ).toEqual([
    ['luigisbox/home.yml', 2, 14, 'schema/enum'],
    ['luigisbox/home.yml', 7, 5, 'schema/unknown-key'],
    ['luigisbox/home.yml', 8, 15, 'pin/position'],
  ])
  expect(errors[1]?.message).toContain('did you mean "pin_identity"')
  expect(result.annotations.some((a) => a.properties.file === 'luigisbox/old-broken.yml')).toBe(
    false,
  )
  expect(result.outputs.problems).toBe('3')
  expect(result.summary).toContain(
    `https://github.com/owner/repo/blob/${head}/luigisbox/home.yml#L7`,
  )
  expect(result.summary).toContain('3 errors and 0 warnings in 1 of 2 manifests checked')
  expect(result.requests.every((r) => r.headers.authorization !== undefined)).toBe(true)
})

test('a clean pull request exits 0 and the summary says so', async () => {
  const result = await pullRequest({ 'luigisbox/a.yml': valid('basket') }, [
    { filename: 'luigisbox/a.yml' },
  ])
  expect(result.stderr).toBe('')
  expect(result.exitCode).toBe(0)
  expect(result.annotations.filter((a) => a.level !== 'notice')).toEqual([])
  expect(result.summary).toContain('1 manifest checked: no problems')
  expect(result.outputs.problems).toBe('0')
})

test('25 errors: at most 10 error annotations, a line saying how many more, all 25 in the summary', async () => {
  const files: Record<string, string> = {}
  const changed = []
  for (let i = 0; i < 25; i++) {
    const name = `luigisbox/m${String(i).padStart(2, '0')}.yml`
    files[name] = valid(`model${i}`).replace('target_type: item', 'target_type: itm')
    changed.push({ filename: name })
  }
  const result = await pullRequest(files, changed)
  expect(result.exitCode).toBe(1)
  const errors = result.annotations.filter((a) => a.level === 'error' && a.properties.file)
  expect(errors).toHaveLength(10)
  expect(errors.map((a) => a.properties.file)).toEqual(changed.slice(0, 10).map((c) => c.filename))
  const more = result.annotations.find((a) => a.level === 'notice')
  expect(more?.message).toContain('15 more errors')
  expect(result.summary.match(/schema\/enum/g)).toHaveLength(25)
  expect(result.outputs.problems).toBe('25')
})

test('a renamed manifest is checked under its new name; a duplicate scope in an unchanged file is named', async () => {
  const result = await pullRequest(
    { 'luigisbox/new-name.yml': valid('basket'), 'luigisbox/other.yml': valid('basket') },
    [
      {
        filename: 'luigisbox/new-name.yml',
        status: 'renamed',
        previous_filename: 'luigisbox/old-name.yml',
      },
    ],
  )
  expect(result.exitCode).toBe(1)
  const errors = result.annotations.filter((a) => a.level === 'error' && a.properties.file)
  expect(errors.map((a) => [a.properties.file, a.properties.title])).toEqual([
    ['luigisbox/new-name.yml', 'scope/duplicate'],
  ])
  expect(errors[0]?.message).toContain('luigisbox/other.yml:1')
})

test('without actions/checkout the Action says to add it', async () => {
  const result = await pullRequest({}, [{ filename: 'luigisbox/a.yml', status: 'added' }])
  expect(result.exitCode).toBe(1)
  expect(result.stdout).toContain('actions/checkout')
})

test('a listing GitHub truncated fails loudly instead of checking part of the pull request', async () => {
  const api = await startGitHubApi({
    pulls: {
      'owner/repo#7': Array.from({ length: 3005 }, (_, i) => ({
        filename: `f${i}.txt`,
        status: 'added' as const,
      })),
    },
  })
  try {
    const result = await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: head, baseSha: base, changedFiles: 3005 }),
      apiUrl: api.url,
      workspace: await makeWorkspace({}),
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('GitHub listed 3000 of the 3005 files')
  } finally {
    await api.close()
  }
})

test('a pull request from a fork is validated without any secret', async () => {
  const api = await startGitHubApi({ pulls: { 'owner/repo#7': [{ filename: 'luigisbox/a.yml' }] } })
  try {
    const result = await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({
        number: 7,
        headSha: head,
        baseSha: base,
        changedFiles: 1,
        fork: true,
      }),
      apiUrl: api.url,
      workspace: await makeWorkspace({ 'luigisbox/a.yml': mistakes }),
      inputs: { 'tracker-id': '', 'private-key': '' },
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations.filter((a) => a.level === 'error' && a.properties.file)).toHaveLength(
      3,
    )
  } finally {
    await api.close()
  }
})

test('merge_group validates the files between the queue base and head', async () => {
  const api = await startGitHubApi({
    compares: { [`owner/repo ${base}...${head}`]: { files: [{ filename: 'luigisbox/a.yml' }] } },
  })
  try {
    const result = await runAction({
      eventName: 'merge_group',
      event: mergeGroupEvent({ baseSha: base, headSha: head }),
      apiUrl: api.url,
      workspace: await makeWorkspace({
        'luigisbox/a.yml': mistakes,
        'luigisbox/b.yml': 'broken: [',
      }),
    })
    expect(result.exitCode).toBe(1)
    const files = new Set(
      result.annotations
        .filter((a) => a.level === 'error' && a.properties.file)
        .map((a) => a.properties.file),
    )
    expect([...files]).toEqual(['luigisbox/a.yml'])
    expect(api.requests.map((r) => r.operation)).toEqual(['repos/compare-commits-with-basehead'])
  } finally {
    await api.close()
  }
})

test('a GitHub 502 on the changed-files list is retried, not a failed check', async () => {
  const api = await startGitHubApi({
    pulls: { 'owner/repo#7': { headSha: head, files: [{ filename: 'luigisbox/a.yml' }] } },
    failWith: { status: 502, times: 1 },
  })
  try {
    const result = await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 7, headSha: head, baseSha: base, changedFiles: 1 }),
      apiUrl: api.url,
      workspace: await makeWorkspace({ 'luigisbox/a.yml': valid('basket') }),
    })
    expect(result.exitCode).toBe(0)
    expect(api.requests.map((r) => r.status)).toEqual([502, 200])
  } finally {
    await api.close()
  }
})
