// With "Enable debug logging" (RUNNER_DEBUG=1) the log explains the decisions a user debugs:
// which file each glob took and why the others were not manifests, which flow the event chose,
// and each Luigi's Box call's status and time. Without it, the lines made per file and per
// request are not even built (a large workspace has thousands); the runner hides the rest.
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { pullRequestEvent, pushEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'

const KEY = 'sk-debug-lines-key-4c3b2a'
const TRACKER = '1234-5678'
const head = fakeSha('debug head')
const before = fakeSha('debug before')
const after = fakeSha('debug after')

const manifest = (item: string) =>
  `model: basket\ntarget_type: item\ntarget_identity: ${item}\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/2/}\n`

const files = {
  'luigisbox/changed.yml': manifest('/p/changed/'),
  'luigisbox/untouched.yml': manifest('/p/untouched/'),
  'luigisbox/notes.txt': 'not a manifest',
  'luigisbox/drafts/later.yml': manifest('/p/later/'),
}
const manifests = 'luigisbox/**/*.{yml,yaml,json}\n!luigisbox/drafts/**'

afterAll(cleanupWorkspaces)

const debugLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::debug::'))
    .map((line) => line.slice('::debug::'.length))

async function pullRequest(debug: boolean) {
  const api = await startGitHubApi({
    pulls: { 'owner/repo#5': { headSha: head, files: [{ filename: 'luigisbox/changed.yml' }] } },
  })
  try {
    return await runAction({
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 5, headSha: head, baseSha: before, changedFiles: 1 }),
      apiUrl: api.url,
      workspace: await makeWorkspace(files),
      inputs: { manifests },
      extraEnv: { RUNNER_DEBUG: debug ? '1' : undefined },
    })
  } finally {
    await api.close()
  }
}

test('debug lines say which glob took each file, why the others were not, and the flow', async () => {
  const result = await pullRequest(true)
  expect(result.exitCode).toBe(0)
  const lines = debugLines(result.stdout)
  expect(lines).toEqual(
    expect.arrayContaining([
      'Event pull_request with mode auto: validate the files pull request #5 changed',
      'luigisbox/changed.yml: a manifest, matches luigisbox/**/*.{yml,yaml,json}',
      'luigisbox/untouched.yml: a manifest, matches luigisbox/**/*.{yml,yaml,json}',
      'luigisbox/notes.txt: not a manifest, matches none of luigisbox/**/*.{yml,yaml,json}',
      'luigisbox/drafts/later.yml: not a manifest, matches luigisbox/**/*.{yml,yaml,json} but !luigisbox/drafts/** excludes it',
      'Manifests this event did not change (read, not annotated): luigisbox/untouched.yml',
    ]),
  )
})

test('without debug logging no line is printed per file', async () => {
  const result = await pullRequest(false)
  expect(result.exitCode).toBe(0)
  expect(debugLines(result.stdout).filter((line) => line.includes(': a manifest'))).toEqual([])
  expect(debugLines(result.stdout).filter((line) => line.includes(': not a manifest'))).toEqual([])
})

test("each Luigi's Box call has a debug line with its status, time and attempt", async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  const api = await startGitHubApi({
    compares: {
      [`owner/repo ${before}...${after}`]: { files: [{ filename: 'luigisbox/changed.yml' }] },
    },
  })
  // The first list is throttled once: its retry must show as attempt 2.
  sandbox.inject({ match: { op: 'list' }, status: 429, retryAfter: '0' })
  try {
    const result = await runAction({
      eventName: 'push',
      event: pushEvent({ before, after }),
      apiUrl: api.url,
      workspace: await makeWorkspace(files),
      inputs: { manifests, 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url },
      extraEnv: { RUNNER_DEBUG: '1' },
    })
    expect(result.exitCode).toBe(0)
    const calls = debugLines(result.stdout).filter((line) => line.includes('/v1/recommender/'))
    const scopes = `/v1/recommender/pin/${TRACKER}/scopes`
    expect(calls[0]).toMatch(new RegExp(`^POST ${scopes}: HTTP 429 in \\d+ ms \\(attempt 1\\)$`))
    expect(calls[1]).toMatch(new RegExp(`^POST ${scopes}: HTTP 200 in \\d+ ms \\(attempt 2\\)$`))
    const creates = calls.filter((line) =>
      new RegExp(`^POST /v1/recommender/pin/${TRACKER}/scope: HTTP 201 in \\d+ ms`).test(line),
    )
    expect(creates).toHaveLength(2)
    // One line per request the sandbox answered: none is left out.
    expect(calls).toHaveLength(sandbox.requests.length)
  } finally {
    await Promise.all([api.close(), sandbox.close()])
  }
})
