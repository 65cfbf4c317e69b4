// A server that echoes the private key in every part of its answer, and a manifest that points
// into .git: no spelling of the key or of the checkout token reaches anything a user can read.
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { pullRequestEvent, workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import type { Fault } from '../../tools/sandbox/faults.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'
import { keyOccurrences, stackTraces } from './adversary.js'

afterAll(cleanupWorkspaces)

// Characters that every encoding spells differently: / " \ + space & < >.
const KEY = 'pk_live/7f"3\\a+b c&d<e>9QxZ'
const valid =
  'model: basket\ntarget_type: item\ntarget_identity: /p/1/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n'

const echoes: [string, Fault][] = [
  ['the reason phrase', { status: 401, statusText: `Unauthorized for ${KEY}` }],
  [
    "a redirect's Location",
    { status: 302, headers: { Location: `https://evil.example/?k=${encodeURIComponent(KEY)}` } },
  ],
  ['a JSON-escaped body', { status: 422, body: JSON.stringify({ message: `signed with ${KEY}` }) }],
  [
    'a URL-encoded body',
    { status: 422, body: `key=${encodeURIComponent(KEY).replace(/%../g, (e) => e.toLowerCase())}` },
  ],
  [
    'a base64 body',
    { status: 400, body: `Basic ${Buffer.from(`1234-5678:${KEY}`).toString('base64')}` },
  ],
  [
    'an HTML body',
    {
      status: 400,
      body: `<p>${KEY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`,
    },
  ],
  ['a retried 503 body', { status: 503, retryAfter: '0', body: `retry ${KEY}`, times: 2 }],
  [
    'a garbled success body',
    { status: 200, body: `{"results": "${JSON.stringify(KEY).slice(1, -1)}` },
  ],
]

test.each(echoes)(
  'the key echoed in %s is in no log, annotation, summary or output',
  async (_, fault) => {
    const sandbox = await startSandbox({ privateKey: KEY })
    const api = await startGitHubApi({})
    const op = fault.status === 503 || fault.status === 200 ? 'list' : 'create'
    sandbox.inject({ match: { op }, ...fault })
    try {
      const result = await runAction({
        eventName: 'workflow_dispatch',
        event: workflowDispatchEvent(),
        apiUrl: api.url,
        workspace: await makeWorkspace({ 'luigisbox/a.yml': valid }),
        inputs: { 'tracker-id': '1234-5678', 'private-key': KEY, 'api-url': sandbox.url },
      })
      // The echo did reach what the Action wrote, redacted.
      expect(`${result.stdout}${result.summary}`).toContain('***')
      expect(keyOccurrences(result, KEY)).toEqual([])
      expect(stackTraces(result)).toEqual([])
    } finally {
      await Promise.all([sandbox.close(), api.close()])
    }
  },
)

test('the key echoed into a plan reaches the pull request comment redacted', async () => {
  const sandbox = await startSandbox({ privateKey: KEY })
  sandbox.inject({ match: { op: 'list' }, status: 400, body: JSON.stringify({ error: KEY }) })
  const api = await startGitHubApi({ pulls: { 'owner/repo#4': [{ filename: 'luigisbox/a.yml' }] } })
  try {
    const result = await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({
        number: 4,
        headSha: fakeSha('h'),
        baseSha: fakeSha('b'),
        changedFiles: 1,
      }),
      apiUrl: api.url,
      workspace: await makeWorkspace({ 'luigisbox/a.yml': valid }),
      inputs: {
        'tracker-id': '1234-5678',
        'private-key': KEY,
        'api-url': sandbox.url,
        'pr-comment': 'true',
      },
    })
    const comment = api
      .comments('owner/repo#4')
      .map((c) => c.body)
      .join('\n')
    expect(comment).toContain('***')
    expect(keyOccurrences(result, KEY, { comment })).toEqual([])
  } finally {
    await Promise.all([sandbox.close(), api.close()])
  }
})

test('a manifest linked into .git is refused, so the checkout token is never quoted', async () => {
  const token = 'ghs_checkoutToken0123456789abcdef'
  const api = await startGitHubApi({})
  try {
    const result = await runAction({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      apiUrl: api.url,
      workspace: await makeWorkspace({
        '.git/config': `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${token}\n`,
        'luigisbox/config.yml': { symlink: '../.git/config' },
        'luigisbox/gone.yml': { symlink: 'nowhere.yml' },
      }),
      inputs: { mode: 'validate' },
    })
    const byFile = Object.fromEntries(result.annotations.map((a) => [a.properties.file, a]))
    expect(byFile['luigisbox/config.yml']?.properties.title).toBe('file/outside-workspace')
    expect(byFile['luigisbox/config.yml']?.message).toContain('.git')
    expect(byFile['luigisbox/gone.yml']?.message).toContain('dangling')
    expect(keyOccurrences(result, token)).toEqual([])
    expect(result.exitCode).toBe(1)
  } finally {
    await api.close()
  }
})
