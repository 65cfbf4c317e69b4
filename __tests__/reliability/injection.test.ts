// Workflow-command injection through every route a hostile string takes into the log: a file
// name, a manifest value, a server id, a server's error message and a retried request's reason.
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { INJECTIONS, forgedCommands, stackTraces } from './adversary.js'

afterAll(cleanupWorkspaces)

const manifest = (identity: string) =>
  `model: basket\ntarget_type: item\ntarget_identity: ${JSON.stringify(identity)}\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n`

test.each(INJECTIONS)(
  '%j forges no command by any route, and the real ones still show',
  async (payload) => {
    const sandbox = await startSandbox({ privateKey: 'pk_live_injection_0001' })
    const api = await startGitHubApi({})
    try {
      const hostileId = `id${payload}`
      sandbox.store.set(hostileId, {
        id: hostileId,
        model: 'basket',
        target_type: 'item',
        target_identity: '/p/by-id/',
        pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/9/' }],
      })
      // The server's own message, on a create and on a request it asks to retry.
      sandbox.inject({ match: { op: 'create' }, status: 422, body: `bad${payload}` })
      sandbox.inject({
        match: { op: 'list' },
        status: 503,
        retryAfter: '0',
        body: `busy${payload}`,
      })
      const result = await runAction({
        eventName: 'workflow_dispatch',
        event: workflowDispatchEvent(),
        apiUrl: api.url,
        workspace: await makeWorkspace({
          [`luigisbox/name${payload.replace(/\//g, '|')}.yml`]: manifest('/p/by-name/'),
          'luigisbox/value.yml': manifest(`/p/value${payload}/`),
          'luigisbox/by-id.yml': manifest('/p/by-id/'),
          'luigisbox/broken.yml': 'model: basket\ntarget_type: nonsense\n',
        }),
        inputs: {
          'tracker-id': '1234-5678',
          'private-key': sandbox.privateKey,
          'api-url': sandbox.url,
        },
      })
      expect(forgedCommands(result)).toEqual([])
      expect(stackTraces(result)).toEqual([])
      // Nothing was silenced: the Action's own annotations for the broken manifest and the
      // refused server id are there.
      const files = result.annotations.map((a) => a.properties.file)
      expect(files).toContain('luigisbox/broken.yml')
      expect(result.stdout).toContain('not a safe URL path segment')
      expect(sandbox.requests.filter((r) => r.method === 'PUT')).toEqual([])
      expect(result.exitCode).toBe(1)
    } finally {
      await Promise.all([sandbox.close(), api.close()])
    }
  },
)
