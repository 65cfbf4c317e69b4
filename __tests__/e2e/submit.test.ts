import { startGitHubApi } from '../../tools/github-standin/server.js'
import { pushEvent, workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'

const KEY = 'sk-e2e-private-key-9f8e7d'
const TRACKER = '1234-5678'
const before = fakeSha('before')
const after = fakeSha('after')

const manifest = (item: string, pin = '/p/2/') =>
  `model: product_detail\ntarget_type: item\ntarget_identity: ${item}\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: ${pin}\n`

const files = {
  'luigisbox/a.yml': manifest('/p/a/'),
  'luigisbox/b.yml': `${manifest('/p/b/')}---\nmodel: basket\ntarget_type: all\npin_definitions:\n  - {position: -1, pin_type: item, pin_identity: /p/cable/}\n`,
  'luigisbox/c.json': JSON.stringify({
    model: 'basket',
    target_type: 'criteria',
    target_criteria: { brand: 'Fender' },
    pin_definitions: [{ position: 0, pin_type: 'item', pin_identity: '/p/x/', is_block_pin: true }],
  }),
}

afterAll(cleanupWorkspaces)

type Sandbox = Awaited<ReturnType<typeof startSandbox>>

async function merge(
  sandbox: Sandbox,
  workspace: string,
  changed: string[],
  inputs: Record<string, string> = {},
) {
  const api = await startGitHubApi({
    compares: {
      [`owner/repo ${before}...${after}`]: { files: changed.map((filename) => ({ filename })) },
    },
  })
  try {
    return await runAction({
      eventName: 'push',
      event: pushEvent({ before, after }),
      apiUrl: api.url,
      workspace,
      inputs: { 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url, ...inputs },
    })
  } finally {
    await api.close()
  }
}

const writes = (sandbox: Sandbox) =>
  sandbox.requests.filter((r) => r.method !== 'POST' || r.op === 'create')

test('a merge creates one customization per document, ids in the summary and output; a re-run writes nothing', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  try {
    const workspace = await makeWorkspace(files)
    const first = await merge(sandbox, workspace, Object.keys(files))
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(sandbox.store.size).toBe(4)
    const rows = JSON.parse(first.outputs.customizations ?? '[]') as {
      action: string
      id: string
      file: string
    }[]
    expect(rows.map((r) => [r.file, r.action])).toEqual([
      ['luigisbox/a.yml', 'created'],
      ['luigisbox/b.yml', 'created'],
      ['luigisbox/b.yml', 'created'],
      ['luigisbox/c.json', 'created'],
    ])
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(sandbox.store.keys()))
    for (const id of sandbox.store.keys()) expect(first.summary).toContain(id)
    expect(first.stdout).toMatch(/\[\d\/4\] created luigisbox\/b\.yml#2/)
    // Written a turn after each answer, but every one inside the stage's group.
    const opened = first.stdout.indexOf('::group::Submitting')
    const group = first.stdout.slice(opened, first.stdout.indexOf('::endgroup::', opened))
    expect(group.match(/^\[\d\/4\] created /gm)).toHaveLength(4)

    sandbox.requests.length = 0
    const second = await merge(sandbox, workspace, Object.keys(files))
    expect(second.exitCode).toBe(0)
    expect(writes(sandbox)).toEqual([])
    expect(
      JSON.parse(second.outputs.customizations ?? '[]').map((r: { action: string }) => r.action),
    ).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged'])

    const id = rows[0]?.id
    sandbox.requests.length = 0
    const edited = await makeWorkspace({
      ...files,
      'luigisbox/a.yml': manifest('/p/a/', '/p/other/'),
    })
    const third = await merge(sandbox, edited, ['luigisbox/a.yml'])
    expect(third.exitCode).toBe(0)
    expect(writes(sandbox).map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /v1/recommender/pin/${TRACKER}/scope/${id}`,
    ])
    expect(sandbox.store.size).toBe(4)
  } finally {
    await sandbox.close()
  }
})

test('a wrong key fails clearly, stores nothing, and the key is printed nowhere', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: 'the-real-key' })
  try {
    const result = await merge(sandbox, await makeWorkspace(files), Object.keys(files))
    expect(result.exitCode).toBe(1)
    expect(sandbox.store.size).toBe(0)
    expect(result.stdout).toMatch(/::error::.*(tracker-id|private-key)/)
    // The runner consumes ::add-mask:: and never shows it; it is how the key gets masked.
    expect(result.stdout.startsWith(`::add-mask::${KEY}\n`)).toBe(true)
    const stdout = result.stdout.replace(`::add-mask::${KEY}\n`, '')
    for (const text of [stdout, result.stderr, result.summary, JSON.stringify(result.outputs)]) {
      expect(text).not.toContain(KEY)
    }
  } finally {
    await sandbox.close()
  }
})

test('invalid documents are annotated and never sent; the valid ones are', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  try {
    const workspace = await makeWorkspace({
      ...files,
      'luigisbox/a.yml': manifest('/p/a/').replace('position: 1', 'position: -2'),
    })
    const result = await merge(sandbox, workspace, Object.keys(files))
    expect(result.exitCode).toBe(1)
    expect(
      result.annotations.find((a) => a.properties.file === 'luigisbox/a.yml')?.properties.title,
    ).toBe('pin/position')
    expect(sandbox.store.size).toBe(3)
    const rows = JSON.parse(result.outputs.customizations ?? '[]') as {
      file: string
      action: string
    }[]
    expect(rows.find((r) => r.file === 'luigisbox/a.yml')?.action).toBe('skipped')
  } finally {
    await sandbox.close()
  }
})

test('a 422 annotates that manifest with the server message and the run goes on', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  sandbox.inject({
    match: { op: 'create' },
    status: 422,
    body: '{"message":"pin_identity /p/2/ is not in the catalog"}',
    contentType: 'application/json',
    times: 1,
  })
  try {
    const workspace = await makeWorkspace({
      'luigisbox/a.yml': files['luigisbox/a.yml'],
      'luigisbox/c.json': files['luigisbox/c.json'],
    })
    const result = await merge(sandbox, workspace, ['luigisbox/a.yml', 'luigisbox/c.json'], {
      concurrency: '1',
    })
    expect(result.exitCode).toBe(1)
    const rejected = result.annotations.find((a) => a.properties.title === 'luigisbox/rejected')
    expect(rejected?.properties.file).toBe('luigisbox/a.yml')
    expect(rejected?.message).toContain('not in the catalog')
    expect(sandbox.store.size).toBe(1)
  } finally {
    await sandbox.close()
  }
})

test('dry-run prints the plan and writes nothing', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  try {
    const result = await merge(sandbox, await makeWorkspace(files), Object.keys(files), {
      'dry-run': 'true',
    })
    expect(result.exitCode).toBe(0)
    expect(sandbox.store.size).toBe(0)
    expect(sandbox.requests.every((r) => r.op === 'list')).toBe(true)
    expect(result.stdout).toContain('planned-create')
    expect(result.summary).toContain('plan (nothing was written)')
  } finally {
    await sandbox.close()
  }
})

test('workflow_dispatch submits every manifest; a deleted branch does nothing', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  const api = await startGitHubApi({})
  try {
    const workspace = await makeWorkspace(files)
    const inputs = { 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url }
    const dispatch = await runAction({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent(),
      apiUrl: api.url,
      workspace,
      inputs,
    })
    expect(dispatch.exitCode).toBe(0)
    expect(sandbox.store.size).toBe(4)
    const deleted = await runAction({
      eventName: 'push',
      event: pushEvent({ before, after: '0'.repeat(40), deleted: true }),
      apiUrl: api.url,
      workspace,
      inputs,
    })
    expect(deleted.exitCode).toBe(0)
    expect(deleted.stdout).toContain('deleted')
    expect(api.requests).toEqual([])
  } finally {
    await sandbox.close()
    await api.close()
  }
})

test('under injected 503s, a 429 with Retry-After and connections dropped after a write was applied, every manifest ends with exactly one live customization', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  sandbox.inject({ match: { op: 'create' }, status: 503, times: 2 })
  sandbox.inject({ match: { op: 'list' }, status: 429, retryAfter: '1', times: 1 })
  sandbox.inject({ match: { op: 'create' }, dropAfterApply: true, times: 2 })
  try {
    const workspace = await makeWorkspace(files)
    const started = Date.now()
    const result = await merge(sandbox, workspace, Object.keys(files))
    expect(result.exitCode).toBe(0)
    // Retry-After: 1 was obeyed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(sandbox.requests.filter((r) => r.fault !== null)).toHaveLength(5)
    const scopes = [...sandbox.store.values()].map((c) =>
      JSON.stringify([c.model, c.target_type, c.target_identity ?? c.target_criteria ?? '']),
    )
    expect(scopes).toHaveLength(4)
    expect(new Set(scopes).size).toBe(4)
    const rows = JSON.parse(result.outputs.customizations ?? '[]') as { id: string }[]
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(sandbox.store.keys()))
  } finally {
    await sandbox.close()
  }
}, 30_000)

test('submitting without tracker-id fails naming the input, and the outputs are still set', async () => {
  const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
  try {
    const result = await merge(sandbox, await makeWorkspace(files), Object.keys(files), {
      'tracker-id': '',
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::Planning and submitting need the tracker-id input/)
    expect(result.outputs).toEqual({
      problems: '0',
      changes: '0',
      customizations: '[]',
      'customizations-truncated': 'false',
    })
    expect(result.summary).toContain('3 manifests checked: no problems')
    expect(sandbox.requests).toEqual([])
  } finally {
    await sandbox.close()
  }
})

describe('a push whose list of changes cannot be trusted submits every manifest, and says so', () => {
  const run = async (
    event: object,
    compares: Record<string, { files: { filename: string }[] }>,
  ) => {
    const sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
    const api = await startGitHubApi({ compares })
    try {
      const result = await runAction({
        eventName: 'push',
        event,
        apiUrl: api.url,
        workspace: await makeWorkspace(files),
        inputs: { 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url },
      })
      return {
        result,
        stored: sandbox.store.size,
        operations: api.requests.map((r) => r.operation),
      }
    } finally {
      await sandbox.close()
      await api.close()
    }
  }

  test('300 or more changed files (GitHub lists no more)', async () => {
    // Only one manifest is among the listed files: the others may be in the part GitHub cut off.
    const listed = [
      { filename: 'luigisbox/a.yml' },
      ...Array.from({ length: 320 }, (_, i) => ({ filename: `docs/${i}.md` })),
    ]
    const { result, stored, operations } = await run(pushEvent({ before, after }), {
      [`owner/repo ${before}...${after}`]: { files: listed },
    })
    expect(result.exitCode).toBe(0)
    expect(operations).toEqual(['repos/compare-commits-with-basehead'])
    expect(result.stdout).toContain('lists at most 300 files')
    expect(stored).toBe(4)
  })

  test('a newly created branch', async () => {
    const { result, stored, operations } = await run(
      pushEvent({ before: '0'.repeat(40), after, created: true }),
      {},
    )
    expect(result.exitCode).toBe(0)
    expect(operations).toEqual([])
    expect(result.stdout).toContain('just created')
    expect(stored).toBe(4)
  })

  test('a forced push', async () => {
    const { result, stored } = await run(pushEvent({ before, after, forced: true }), {})
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('forced push')
    expect(stored).toBe(4)
  })
})
