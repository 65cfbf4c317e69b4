import { startGitHubApi } from '../../tools/github-standin/server.js'
import { pullRequestEvent, workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { type RunActionResult, runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'

afterAll(cleanupWorkspaces)

const KEY = 'pk_live_6f1d2c9a-secret-value'
const valid =
  'model: basket\ntarget_type: item\ntarget_identity: /p/1/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n'

/** Everything a user could read: the log (minus the masking command itself), the summary, the outputs. */
function expectKeyNowhere(result: RunActionResult): void {
  expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${KEY}`)
  const visible = [
    result.stdout.split('\n').slice(1).join('\n'),
    result.stderr,
    result.summary,
    JSON.stringify(result.outputs),
  ]
  for (const text of visible) expect(text).not.toContain(KEY)
}

async function dispatch(
  inputs: Record<string, string>,
  files: Record<string, string | { symlink: string }> = { 'luigisbox/a.yml': valid },
) {
  const api = await startGitHubApi({})
  try {
    return await runAction({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      apiUrl: api.url,
      workspace: await makeWorkspace(files),
      inputs: { 'private-key': KEY, 'tracker-id': '1234-5678', ...inputs },
    })
  } finally {
    await api.close()
  }
}

describe('the private key appears in no output, on any path', () => {
  test('a server that echoes the key back in an error body', async () => {
    const sandbox = await startSandbox({ privateKey: KEY })
    sandbox.inject({
      match: { op: 'create' },
      status: 422,
      body: `{"message":"bad request signed with ${KEY}"}`,
      contentType: 'application/json',
    })
    try {
      const result = await dispatch({ 'api-url': sandbox.url })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain('luigisbox/rejected')
      expectKeyNowhere(result)
    } finally {
      await sandbox.close()
    }
  })

  test('a wrong key, an unreachable API, a non-https URL and a bad tracker id', async () => {
    const sandbox = await startSandbox({ privateKey: 'another-key' })
    try {
      const runs = [
        await dispatch({ 'api-url': sandbox.url }),
        await dispatch({ 'api-url': 'http://127.0.0.1:9/' }),
        await dispatch({ 'api-url': `http://example.com/?key=${KEY}` }),
        await dispatch({ 'api-url': sandbox.url, 'tracker-id': `../${KEY}` }),
      ]
      for (const result of runs) {
        expect(result.exitCode).toBe(1)
        expectKeyNowhere(result)
      }
      expect(sandbox.store.size).toBe(0)
    } finally {
      await sandbox.close()
    }
  }, 60_000)
})

test('api-url over http to a host that is not loopback is refused before any request', async () => {
  const result = await dispatch({ 'api-url': 'http://live.luigisbox.com' })
  expect(result.exitCode).toBe(1)
  expect(result.stdout).toMatch(/::error::.*api-url.*https/)
})

test.each(['1234/5678', '..', '1234?x=1', '12 34', ''])(
  'tracker id %j is refused, naming tracker-id',
  async (tracker) => {
    const sandbox = await startSandbox()
    try {
      const result = await dispatch({ 'api-url': sandbox.url, 'tracker-id': tracker })
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toMatch(/::error::.*tracker-id/)
      expect(sandbox.requests).toEqual([])
    } finally {
      await sandbox.close()
    }
  },
)

test('a symlink out of the workspace is refused, never read, never sent', async () => {
  const sandbox = await startSandbox({ privateKey: KEY })
  try {
    const result = await dispatch(
      { 'api-url': sandbox.url },
      { 'luigisbox/passwd.yml': { symlink: '/etc/passwd' } },
    )
    expect(result.exitCode).toBe(1)
    expect(
      result.annotations.find((a) => a.properties.file === 'luigisbox/passwd.yml')?.properties
        .title,
    ).toBe('file/outside-workspace')
    expect(result.stdout).not.toContain('root:')
    expect(sandbox.requests).toEqual([])
  } finally {
    await sandbox.close()
  }
})

describe('pull_request_target never submits, whatever mode says', () => {
  const run = async (mode: string) => {
    const sandbox = await startSandbox({ privateKey: KEY })
    const api = await startGitHubApi({
      pulls: { 'owner/repo#3': [{ filename: 'luigisbox/a.yml' }] },
    })
    try {
      const result = await runAction({
        eventName: 'pull_request_target',
        event: pullRequestEvent({
          number: 3,
          headSha: fakeSha('h'),
          baseSha: fakeSha('b'),
          changedFiles: 1,
          fork: true,
        }),
        apiUrl: api.url,
        workspace: await makeWorkspace({ 'luigisbox/a.yml': valid }),
        inputs: { mode, 'private-key': KEY, 'tracker-id': '1234-5678', 'api-url': sandbox.url },
      })
      return { result, requests: sandbox.requests.length }
    } finally {
      await sandbox.close()
      await api.close()
    }
  }

  test('mode: submit is refused with a reason', async () => {
    const { result, requests } = await run('submit')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('pull_request_target')
    expect(requests).toBe(0)
  })

  test('mode: auto only validates', async () => {
    const { result, requests } = await run('auto')
    expect(result.exitCode).toBe(0)
    expect(requests).toBe(0)
    expect(result.outputs.customizations).toBe('[]')
  })
})
