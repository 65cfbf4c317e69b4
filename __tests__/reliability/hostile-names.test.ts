import { startGitHubApi } from '../../tools/github-standin/server.js'
import { customizationRows } from '../../tools/runner/customizations.js'
import { repositoryPayload } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { ALL_REWRITES } from '../../tools/sandbox/rewrites.js'
import { startSandbox } from '../../tools/sandbox/server.js'

const manifest = (item: string) =>
  `model: basket\ntarget_type: item\ntarget_identity: ${item}\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n`
const forged = '::error file=README.md::forged'

afterAll(cleanupWorkspaces)

test('a file name and a server id holding a newline and a workflow command forge nothing while reconciling; the id is refused', async () => {
  const sandbox = await startSandbox({ trackerId: '1-2', privateKey: 'k', rewrites: ALL_REWRITES })
  const api = await startGitHubApi({})
  try {
    const hostileId = `x\n${forged}-by-id`
    sandbox.store.set(hostileId, {
      id: hostileId,
      model: 'basket',
      target_type: 'item',
      target_identity: '/p/h/',
      pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
    })
    const result = await runAction({
      eventName: 'workflow_dispatch',
      event: { ref: 'refs/heads/main', repository: repositoryPayload(), inputs: {} },
      apiUrl: api.url,
      workspace: await makeWorkspace({
        [`luigisbox/evil\n${forged}-by-name.yml`]: manifest('/p/e/'),
        'luigisbox/h.yml': manifest('/p/h/'),
        'luigisbox/big.yml': 'x'.repeat(1024 * 1024 + 1),
      }),
      inputs: { 'tracker-id': '1-2', 'private-key': 'k', 'api-url': sandbox.url },
    })
    expect(result.stdout.split('\n').filter((line) => line.startsWith(forged))).toEqual([])
    const onFiles = result.annotations.filter((a) => a.properties.file !== undefined)
    expect(onFiles.map((a) => a.properties.title).sort()).toEqual([
      'file/too-large',
      'luigisbox/failed',
    ])
    // The server's id is no safe path segment: that row fails, and nothing is sent to it.
    expect(customizationRows(result)?.map((r) => r.action)).toEqual(['created', 'failed'])
    expect(sandbox.requests.filter((r) => r.method === 'PUT')).toEqual([])
    expect(result.exitCode).toBe(1)
  } finally {
    await Promise.all([sandbox.close(), api.close()])
  }
})
