import { startGitHubApi } from '../../tools/github-standin/server.js'
import { pullRequestEvent, repositoryPayload } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox, type Sandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'

const KEY = 'sk-plan-private-key-4c3b2a'
const TRACKER = '1234-5678'
const head = fakeSha('plan head')
const base = fakeSha('plan base')
const credentials = { 'tracker-id': TRACKER, 'private-key': KEY }

const manifest = (item: string, pin: string) =>
  `model: basket\ntarget_type: item\ntarget_identity: ${item}\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: ${pin}\n`

afterAll(cleanupWorkspaces)

async function withServers<T>(
  github: Parameters<typeof startGitHubApi>[0],
  body: (api: { url: string; comments: () => { body?: string }[] }, sandbox: Sandbox) => Promise<T>,
): Promise<T> {
  const api = await startGitHubApi(github)
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  try {
    return await body({ url: api.url, comments: () => api.comments('owner/repo#7') }, sandbox)
  } finally {
    await Promise.all([api.close(), sandbox.close()])
  }
}

/** Makes the given manifests live, as a merge would, so a later plan has something to change. */
async function merged(sandbox: Sandbox, apiUrl: string, files: Record<string, string>) {
  const result = await runAction({
    eventName: 'workflow_dispatch',
    event: { ref: 'refs/heads/main', repository: repositoryPayload(), inputs: {} },
    apiUrl,
    workspace: await makeWorkspace(files),
    inputs: { ...credentials, 'api-url': sandbox.url },
  })
  expect(result.exitCode).toBe(0)
}

function pullRequest(
  apiUrl: string,
  workspace: string,
  inputs: Record<string, string>,
  fork = false,
) {
  return runAction({
    eventName: 'pull_request',
    event: pullRequestEvent({ number: 7, headSha: head, baseSha: base, changedFiles: 1, fork }),
    apiUrl,
    workspace,
    inputs,
  })
}

const writes = (sandbox: Sandbox) =>
  sandbox.requests.filter((r) => r.op !== 'list' && r.op !== 'get')

test('a pull request that changes one pin: old → new in the summary and in one comment, edited in place; nothing written', async () => {
  const changed = [
    { filename: 'luigisbox/a.yml' },
    { filename: 'luigisbox/new.yml', status: 'added' as const },
  ]
  await withServers(
    {
      pulls: { 'owner/repo#7': { headSha: head, files: changed } },
      comments: { 'owner/repo#7': [{ body: 'Looks good' }] },
    },
    async (api, sandbox) => {
      await merged(sandbox, api.url, { 'luigisbox/a.yml': manifest('/p/a/', '/p/old/') })
      const writesBefore = writes(sandbox).length
      const workspace = await makeWorkspace({
        'luigisbox/a.yml': manifest('/p/a/', '/p/new/'),
        'luigisbox/new.yml': manifest('/p/n/', '/p/x/'),
      })
      const inputs = { ...credentials, 'api-url': sandbox.url, 'pr-comment': 'true' }
      const first = await pullRequest(api.url, workspace, inputs)
      expect(first.exitCode).toBe(0)
      expect(first.outputs.changes).toBe('2')
      const change = '~ pin at position 1: pin_identity &quot;/p/old/&quot; → &quot;/p/new/&quot;'
      expect(first.summary).toContain(change)
      expect(first.summary).toContain('planned-create')
      expect(writes(sandbox)).toHaveLength(writesBefore)

      const comments = api.comments()
      expect(comments).toHaveLength(2)
      expect(comments[0]?.body).toBe('Looks good')
      expect(comments[1]?.body).toContain('<!-- luigisbox-pins-comment:1234-5678 -->')
      expect(comments[1]?.body).toContain(change)
      expect(comments[1]?.body).toContain('planned-create')

      const second = await pullRequest(api.url, workspace, inputs)
      expect(second.exitCode).toBe(0)
      expect(api.comments()).toHaveLength(2)
      expect(second.stdout).toContain('Pull request comment updated.')
      expect(writes(sandbox)).toHaveLength(writesBefore)
    },
  )
})

test('when the pull request is fixed, its comment says so instead of disappearing', async () => {
  const files = [{ filename: 'luigisbox/a.yml' }]
  await withServers(
    { pulls: { 'owner/repo#7': { headSha: head, files } } },
    async (api, sandbox) => {
      const inputs = { ...credentials, 'api-url': sandbox.url, 'pr-comment': 'true' }
      const broken = await pullRequest(
        api.url,
        await makeWorkspace({ 'luigisbox/a.yml': 'model: [\n' }),
        inputs,
      )
      expect(broken.exitCode).toBe(1)
      expect(api.comments()[0]?.body).toContain('1 error')
      const fixed = await pullRequest(
        api.url,
        await makeWorkspace({ 'luigisbox/a.yml': manifest('/p/a/', '/p/b/') }),
        inputs,
      )
      expect(fixed.exitCode).toBe(0)
      expect(api.comments()).toHaveLength(1)
      expect(api.comments()[0]?.body).toContain('no problems')
      expect(api.comments()[0]?.body).toContain('planned-create')
    },
  )
})

test('a fork pull request (no key, read-only token) validates, says the plan was skipped, and passes', async () => {
  const files = [{ filename: 'luigisbox/a.yml' }]
  await withServers(
    { pulls: { 'owner/repo#7': { headSha: head, files } }, permissions: { pullRequests: 'read' } },
    async (api, sandbox) => {
      const workspace = await makeWorkspace({ 'luigisbox/a.yml': manifest('/p/a/', '/p/b/') })
      const result = await pullRequest(api.url, workspace, { 'pr-comment': 'true' }, true)
      expect(result.exitCode).toBe(0)
      expect(result.summary).toContain('The plan against Luigi&#39;s Box was skipped')
      expect(result.stdout).toMatch(/::notice::The pull request comment was not written/)
      expect(api.comments()).toEqual([])
      expect(sandbox.requests).toEqual([])
    },
  )
})

test('a scheduled drift report: an app edit and an owned orphan count as changes, fail-on-drift fails, nothing is written', async () => {
  await withServers({}, async (api, sandbox) => {
    await merged(sandbox, api.url, {
      'luigisbox/a.yml': manifest('/p/a/', '/p/b/'),
      'luigisbox/gone.yml': manifest('/p/gone/', '/p/b/'),
    })
    const edited = [...sandbox.store.values()].find((c) => c.target_identity === '/p/a/')
    if (!edited) throw new Error('no live customization for /p/a/')
    edited.pin_definitions = [{ position: 1, pin_type: 'item', pin_identity: '/p/edited-in-app/' }]
    const writesBefore = writes(sandbox).length

    const result = await runAction({
      eventName: 'schedule',
      event: { schedule: '0 6 * * *', repository: repositoryPayload() },
      apiUrl: api.url,
      workspace: await makeWorkspace({ 'luigisbox/a.yml': manifest('/p/a/', '/p/b/') }),
      inputs: { ...credentials, 'api-url': sandbox.url, prune: 'true', 'fail-on-drift': 'true' },
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.changes).toBe('2')
    expect(result.summary).toContain('/p/edited-in-app/')
    expect(result.summary).toContain('planned-update')
    expect(result.summary).toContain('planned-delete')
    expect(result.stdout).toMatch(
      /::error::.*2 change\(s\) between git and Luigi's Box \(fail-on-drift\)/,
    )
    expect(writes(sandbox)).toHaveLength(writesBefore)

    const withoutPrune = await runAction({
      eventName: 'schedule',
      event: { schedule: '0 6 * * *', repository: repositoryPayload() },
      apiUrl: api.url,
      workspace: await makeWorkspace({ 'luigisbox/a.yml': manifest('/p/a/', '/p/b/') }),
      inputs: { ...credentials, 'api-url': sandbox.url },
    })
    expect(withoutPrune.exitCode).toBe(0)
    expect(withoutPrune.outputs.changes).toBe('1')
    expect(withoutPrune.summary).toContain('not-in-git')
    expect(writes(sandbox)).toHaveLength(writesBefore)
  })
})

test('a plan over 1,000 manifests stays within the summary and comment limits and says what it cut', async () => {
  const files = Object.fromEntries(
    Array.from({ length: 1000 }, (_, i) => [`luigisbox/m${i}.yml`, manifest(`/p/${i}/`, '/p/x/')]),
  )
  await withServers(
    {
      pulls: {
        'owner/repo#7': {
          headSha: head,
          files: Object.keys(files).map((filename) => ({ filename })),
        },
      },
    },
    async (api, sandbox) => {
      const result = await runAction({
        eventName: 'pull_request',
        event: pullRequestEvent({ number: 7, headSha: head, baseSha: base, changedFiles: 1000 }),
        apiUrl: api.url,
        workspace: await makeWorkspace(files),
        inputs: { ...credentials, 'api-url': sandbox.url, 'pr-comment': 'true' },
      })
      expect(result.exitCode).toBe(0)
      expect(result.outputs.changes).toBe('1000')
      expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
      const [comment] = api.comments()
      expect(Array.from(comment?.body ?? '').length).toBeLessThanOrEqual(65_536)
      expect(comment?.body).toMatch(/… and \d+ more rows, left out/)
    },
  )
}, 60_000)

test('GitHub failing to take the comment is a warning: the plan and the step stand', async () => {
  const files = [{ filename: 'luigisbox/a.yml' }]
  await withServers(
    {
      pulls: { 'owner/repo#7': { headSha: head, files } },
      failWith: { status: 500, times: Infinity, pathIncludes: '/comments' },
    },
    async (api, sandbox) => {
      const workspace = await makeWorkspace({ 'luigisbox/a.yml': manifest('/p/a/', '/p/b/') })
      const inputs = { ...credentials, 'api-url': sandbox.url, 'pr-comment': 'true' }
      const result = await pullRequest(api.url, workspace, inputs)
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toMatch(/::warning::The pull request comment was not written/)
      expect(result.summary).toContain('planned-create')
    },
  )
}, 60_000)
