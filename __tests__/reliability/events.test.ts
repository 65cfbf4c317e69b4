// Every event × mode pair: only a push to the default branch and a manual run there write,
// whatever mode says; elsewhere the log says why nothing was written.
import { startGitHubApi } from '../../tools/github-standin/server.js'
import {
  mergeGroupEvent,
  pullRequestEvent,
  pushEvent,
  repositoryPayload,
  workflowDispatchEvent,
} from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox, type Sandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'
import { forgedCommands, stackTraces } from './adversary.js'

afterAll(cleanupWorkspaces)

const valid =
  'model: basket\ntarget_type: item\ntarget_identity: /p/1/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n'
const before = fakeSha('before')
const after = fakeSha('after')
const pull = { number: 5, headSha: fakeSha('head'), baseSha: fakeSha('base'), changedFiles: 1 }

const EVENTS: [string, string, object][] = [
  ['push to the default branch', 'push', pushEvent({ before, after })],
  ['workflow_dispatch on the default branch', 'workflow_dispatch', workflowDispatchEvent()],
  ['push to another branch', 'push', pushEvent({ before, after, ref: 'refs/heads/feature' })],
  ['push of a tag', 'push', pushEvent({ before, after, ref: 'refs/tags/v1' })],
  [
    'workflow_dispatch on another branch',
    'workflow_dispatch',
    workflowDispatchEvent({ ref: 'refs/heads/feature' }),
  ],
  ['pull_request', 'pull_request', pullRequestEvent(pull)],
  ['pull_request from a fork', 'pull_request', pullRequestEvent({ ...pull, fork: true })],
  ['pull_request_target', 'pull_request_target', pullRequestEvent({ ...pull, fork: true })],
  ['merge_group', 'merge_group', mergeGroupEvent({ baseSha: before, headSha: after })],
  ['schedule', 'schedule', { schedule: '0 6 * * *', repository: repositoryPayload() }],
  [
    'workflow_run',
    'workflow_run',
    { action: 'completed', workflow_run: { head_branch: 'main' }, repository: repositoryPayload() },
  ],
  [
    'issue_comment',
    'issue_comment',
    {
      action: 'created',
      issue: { number: 5 },
      comment: { body: '/submit' },
      repository: repositoryPayload(),
    },
  ],
]
const MODES = ['auto', 'validate', 'plan', 'submit']
const WRITING_EVENTS = new Set([
  'push to the default branch',
  'workflow_dispatch on the default branch',
])

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

describe.each(EVENTS)('%s', (name, eventName, event) => {
  test.each(MODES)('mode: %s', async (mode) => {
    sandbox.reset()
    const api = await startGitHubApi({
      pulls: { 'owner/repo#5': [{ filename: 'luigisbox/a.yml' }] },
      compares: {
        [`owner/repo ${before}...${after}`]: { files: [{ filename: 'luigisbox/a.yml' }] },
      },
    })
    try {
      const result = await runAction({
        eventName,
        event,
        apiUrl: api.url,
        workspace: await makeWorkspace({ 'luigisbox/a.yml': valid }),
        inputs: {
          mode,
          'tracker-id': sandbox.trackerId,
          'private-key': sandbox.privateKey,
          'api-url': sandbox.url,
        },
      })
      const written = sandbox.requests.filter(
        (r) => r.op === 'create' || r.op === 'update' || r.op === 'delete',
      )
      const writes = WRITING_EVENTS.has(name) && (mode === 'auto' || mode === 'submit')
      expect(written.length).toBe(writes ? 1 : 0)
      if (mode === 'submit' && !writes && eventName !== 'pull_request_target') {
        expect(result.stdout).toContain(
          `Nothing is written to Luigi's Box on this ${eventName} event`,
        )
      }
      expect(forgedCommands(result)).toEqual([])
      expect(stackTraces(result)).toEqual([])
    } finally {
      await api.close()
    }
  })
})
