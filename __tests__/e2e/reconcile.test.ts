// Reconciling on a push to the default branch, end to end through dist/index.js: every manifest
// against what is live, under server rewrites, adoption of app-made customizations, and prune.
import type { FileSpec } from '../../tools/github-standin/options.js'
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { pushEvent } from '../../tools/runner/event-payloads.js'
import { type RunActionResult, runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import type { JsonObject } from '../../tools/sandbox/json-body.js'
import { ALL_REWRITES, type Rewrite, rewriteStored } from '../../tools/sandbox/rewrites.js'
import { type Sandbox, startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'
import { customizationRows, type CustomizationRow } from '../../tools/runner/customizations.js'

const KEY = 'sk-e2e-reconcile-3c2b1a'
const TRACKER = '1234-5678'
const OWNERSHIP = 'luigisbox-pins'
const MARK = /^luigisbox-pins:[0-9a-f]{12}:[0-9a-f]{12}$/
const before = fakeSha('reconcile-before')
const after = fakeSha('reconcile-after')

afterAll(cleanupWorkspaces)

// ---- helpers ---------------------------------------------------------------------------------

interface Run extends RunActionResult {
  rows: CustomizationRow[]
  /** Creates, updates and deletes this run sent (whatever their answer). */
  writes: string[]
}

/**
 * A push to the default branch whose compare lists `changed` (names, or full file specs for a
 * removal), with the sandbox as the Luigi's Box API.
 */
async function push(
  sandbox: Sandbox,
  workspace: string,
  changed: readonly (string | FileSpec)[],
  inputs: Record<string, string> = {},
): Promise<Run> {
  const files = changed.map((f) => (typeof f === 'string' ? { filename: f } : f))
  const api = await startGitHubApi({ compares: { [`owner/repo ${before}...${after}`]: { files } } })
  const logged = sandbox.requests.length
  try {
    const result = await runAction({
      eventName: 'push',
      event: pushEvent({ before, after }),
      apiUrl: api.url,
      workspace,
      inputs: { 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url, ...inputs },
    })
    const writes = sandbox.requests
      .slice(logged)
      .filter((r) => r.op === 'create' || r.op === 'update' || r.op === 'delete')
      .map((r) => `${r.op} ${r.path.split('/scope/')[1] ?? ''}`.trim())
    return { ...result, rows: customizationRows(result) ?? [], writes }
  } finally {
    await api.close()
  }
}

const sandboxWith = (rewrites: readonly Rewrite[] = []) =>
  startSandbox({ trackerId: TRACKER, privateKey: KEY, rewrites })

async function withSandbox(
  rewrites: readonly Rewrite[],
  body: (sandbox: Sandbox) => Promise<void>,
): Promise<void> {
  const sandbox = await sandboxWith(rewrites)
  try {
    await body(sandbox)
  } finally {
    await sandbox.close()
  }
}

const actions = (run: Run) => run.rows.map((r) => r.action)
const rowOf = (run: Run, file: string, document = 0) =>
  run.rows.find((r) => r.file === file && r.document === document)
const warningsOf = (run: Run) =>
  run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
const tagsOf = (record: JsonObject | undefined) => (record?.tags ?? []) as string[]
const withoutTags = ({ tags: _tags, ...rest }: JsonObject) => rest

/** Every row names its own live customization, and nothing else is live. */
function expectOneLivePerDocument(sandbox: Sandbox, run: Run, documents: number): void {
  const ids = run.rows.map((r) => r.id)
  expect(ids).toHaveLength(documents)
  expect(new Set(ids).size).toBe(documents)
  expect(new Set(sandbox.store.keys())).toEqual(new Set(ids))
}

/** The text of a valid item customization (for manifests that only need to exist). */
const itemManifest = (model: string, item: string, pin = '/p/pin/') =>
  `model: ${model}\ntarget_type: item\ntarget_identity: ${item}\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: ${pin}\n`

// ---- fixtures --------------------------------------------------------------------------------

/**
 * Everything a server may rewrite: metadata, unsorted and repeated tags, pins out of position
 * order, two pins sharing a position (different widgets), date-times with offsets, block and
 * bundle pins, item, criteria and all targets, a criteria pin.
 */
const guitar = ({
  metadata = 'title: Guitar\n  url: https://shop.example/p/guitar/',
  swapped = false,
} = {}) => {
  const sharing = [
    `  - position: 2\n    pin_type: item\n    pin_identity: /p/pick/\n    widget_id: top\n`,
    `  - position: 2\n    pin_type: item\n    pin_identity: /p/capo/\n    widget_id: bottom\n`,
  ]
  if (swapped) sharing.reverse()
  return `model: product_detail
target_type: item
target_identity: /p/guitar/
target_metadata:
  ${metadata}
tags: [summer, promo, summer, Autumn]
pin_definitions:
  - position: 3
    pin_type: item
    pin_identity: /p/strap/
    active_from: '2024-01-01T08:00:00+02:00'
    active_to: '2099-12-31T23:59:59.5Z'
  - position: 1
    pin_type: item
    pin_identity: /p/amp/
    widget_id: sidebar
${sharing.join('')}  - position: 0
    pin_type: item
    pin_identity: /p/old-amp/
    is_block_pin: true
---
model: basket
target_type: criteria
target_criteria: {brand: Fender}
tags: [b, a, b]
pin_definitions:
  - position: 2
    pin_type: criteria
    pin_criteria: {category: strings}
  - position: 1
    pin_type: item
    pin_identity: /p/tuner/
    active_to: '2099-06-01T00:00:00+01:00'
---
model: basket
target_type: all
pin_definitions:
  - {position: -1, pin_type: item, pin_identity: /p/cable/, is_bundle_pin: true}
  - {position: -1, pin_type: item, pin_identity: /p/picks/, is_bundle_pin: true}
`
}

const drums = JSON.stringify({
  model: 'product_detail',
  target_type: 'item',
  target_identity: '/p/drums/',
  target_metadata: { title: 'Drums', price: 499 },
  tags: ['zeta', 'alpha'],
  pin_definitions: [
    { position: 2, pin_type: 'item', pin_identity: '/p/sticks/', widget_id: 'w' },
    { position: 1, pin_type: 'item', pin_identity: '/p/throne/', widget_id: 'w' },
  ],
})

const rich = (guitarOptions: Parameters<typeof guitar>[0] = {}) => ({
  'luigisbox/guitar.yml': guitar(guitarOptions),
  'luigisbox/drums.json': drums,
})
const RICH_DOCUMENTS = 4

// ---- tests -----------------------------------------------------------------------------------

describe.each([
  ['as stored verbatim', [] as readonly Rewrite[]],
  ['under every server rewrite', ALL_REWRITES],
])('three runs over the same manifests, %s', (_, rewrites) => {
  test('run 1 creates one per document; runs 2 and 3 write nothing', async () => {
    await withSandbox(rewrites, async (sandbox) => {
      const workspace = await makeWorkspace(rich())
      const files = Object.keys(rich())

      const first = await push(sandbox, workspace, files)
      expect(first.stderr).toBe('')
      expect(first.exitCode).toBe(0)
      expect(actions(first)).toEqual(Array(RICH_DOCUMENTS).fill('created'))
      expect(first.outputs.changes).toBe(String(RICH_DOCUMENTS))
      expectOneLivePerDocument(sandbox, first, RICH_DOCUMENTS)
      // The fixtures meet every rewrite switched on, so none of them is tested in vain.
      const met = new Set(sandbox.requests.flatMap((r) => r.rewrites))
      expect([...met].sort()).toEqual([...rewrites].sort())
      for (const record of sandbox.store.values()) {
        expect(tagsOf(record)).toContain(OWNERSHIP)
        expect(tagsOf(record).filter((t) => MARK.test(t))).toHaveLength(1)
      }

      for (const attempt of [2, 3]) {
        const writesBefore = sandbox.stats().writes
        const again = await push(sandbox, workspace, files)
        expect({ attempt, exitCode: again.exitCode, writes: again.writes }).toEqual({
          attempt,
          exitCode: 0,
          writes: [],
        })
        expect(again.outputs.changes).toBe('0')
        expect(sandbox.stats().writes).toBe(writesBefore)
        expect(actions(again)).toEqual(Array(RICH_DOCUMENTS).fill('unchanged'))
        expect(again.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id))
        expectOneLivePerDocument(sandbox, again, RICH_DOCUMENTS)
      }
    })
  }, 20_000)
})

describe('under every server rewrite, a change to a field the manifest sets is still sent', () => {
  const changeOnce = async (edited: Parameters<typeof guitar>[0]) => {
    const sandbox = await sandboxWith(ALL_REWRITES)
    try {
      const first = await push(sandbox, await makeWorkspace(rich()), Object.keys(rich()))
      expect(first.exitCode).toBe(0)
      const id = rowOf(first, 'luigisbox/guitar.yml')?.id ?? ''
      const workspace = await makeWorkspace(rich(edited))
      const changed = await push(sandbox, workspace, ['luigisbox/guitar.yml'])
      const again = await push(sandbox, workspace, ['luigisbox/guitar.yml'])
      return { sandbox, id, changed, again, close: () => sandbox.close() }
    } catch (error) {
      await sandbox.close()
      throw error
    }
  }

  const expectOneUpdate = (run: Run, id: string) => {
    expect(run.exitCode).toBe(0)
    expect(run.writes).toEqual([`update ${id}`])
    expect(run.outputs.changes).toBe('1')
    expect(rowOf(run, 'luigisbox/guitar.yml')).toMatchObject({ action: 'updated', id })
    expect(actions(run).filter((a) => a !== 'unchanged')).toEqual(['updated'])
  }

  test('target_metadata only: one update carrying the new metadata, then nothing', async () => {
    const run = await changeOnce({
      metadata: 'title: Electric guitar\n  url: https://shop.example/p/guitar/',
    })
    try {
      expectOneUpdate(run.changed, run.id)
      const put = run.sandbox.requests.find((r) => r.op === 'update')
      expect(JSON.parse(put?.requestBody ?? '{}')).toMatchObject({
        target_metadata: { title: 'Electric guitar' },
      })
      expect(run.again.writes).toEqual([])
      expect(run.again.outputs.changes).toBe('0')
    } finally {
      await run.close()
    }
  }, 20_000)

  test('two pins sharing a position swapped: one update, stored in the new order, then nothing', async () => {
    const run = await changeOnce({ swapped: true })
    try {
      expectOneUpdate(run.changed, run.id)
      const pins = (run.sandbox.store.get(run.id)?.pin_definitions ?? []) as JsonObject[]
      expect(pins.filter((p) => p.position === 2).map((p) => p.pin_identity)).toEqual([
        '/p/capo/',
        '/p/pick/',
      ])
      expect(run.again.writes).toEqual([])
      expect(run.again.outputs.changes).toBe('0')
    } finally {
      await run.close()
    }
  }, 20_000)
})

test('a push whose diff touches one file, after a run that never happened, creates every manifest and annotates only the changed one', async () => {
  const expired = `  - position: 2\n    pin_type: item\n    pin_identity: /p/gone/\n    active_to: '2020-01-01T00:00:00Z'\n`
  const files = {
    'luigisbox/a.yml': itemManifest('product_detail', '/p/a/') + expired,
    'luigisbox/b.yml': itemManifest('product_detail', '/p/b/') + expired,
    'luigisbox/c.yml': itemManifest('basket', '/p/c/'),
  }
  await withSandbox([], async (sandbox) => {
    const run = await push(sandbox, await makeWorkspace(files), ['luigisbox/a.yml'])
    expect(run.exitCode).toBe(0)
    expect(run.rows.map((r) => [r.file, r.action])).toEqual([
      ['luigisbox/a.yml', 'created'],
      ['luigisbox/b.yml', 'created'],
      ['luigisbox/c.yml', 'created'],
    ])
    expect(run.outputs.changes).toBe('3')
    expectOneLivePerDocument(sandbox, run, 3)
    const annotated = run.annotations.map((a) => [a.properties.file, a.properties.title])
    expect(annotated).toContainEqual(['luigisbox/a.yml', 'pin/expired'])
    expect(annotated.filter(([file]) => file !== 'luigisbox/a.yml')).toEqual([])
  })
}, 20_000)

describe.each([
  ['as stored verbatim', [] as readonly Rewrite[]],
  ['under every server rewrite', ALL_REWRITES],
])('an equal customization made in the app is adopted, not duplicated, %s', (_, rewrites) => {
  const manifest = `model: basket
target_type: criteria
target_criteria: {brand: Fender}
pin_definitions:
  - {position: 1, pin_type: item, pin_identity: /p/strings/}
  - {position: 0, pin_type: item, pin_identity: /p/old/, is_block_pin: true}
`
  // As the server would hold it had a merchant made it in the app: no tags of the Action's.
  const { record: appMade } = rewriteStored(
    {
      id: 'app-made-1',
      model: 'basket',
      target_type: 'criteria',
      target_criteria: { brand: 'Fender' },
      pin_definitions: [
        { position: 1, pin_type: 'item', pin_identity: '/p/strings/' },
        { position: 0, pin_type: 'item', pin_identity: '/p/old/', is_block_pin: true },
      ],
      creator: 'merchant@example.com',
      created_at: '2025-03-01T10:00:00.000000+00:00',
    },
    rewrites,
  )

  test('run 1 adds the ownership tags in one update of the same id; run 2 writes nothing', async () => {
    await withSandbox(rewrites, async (sandbox) => {
      sandbox.store.set('app-made-1', structuredClone(appMade))
      const workspace = await makeWorkspace({ 'luigisbox/fender.yml': manifest })

      const first = await push(sandbox, workspace, ['luigisbox/fender.yml'])
      expect(first.exitCode).toBe(0)
      expect(first.writes).toEqual(['update app-made-1'])
      expect(first.rows).toMatchObject([{ action: 'updated', id: 'app-made-1' }])
      expect(first.outputs.changes).toBe('1')
      expect([...sandbox.store.keys()]).toEqual(['app-made-1'])
      const live = sandbox.store.get('app-made-1') ?? {}
      expect(tagsOf(live)).toHaveLength(2)
      expect(tagsOf(live)).toContain(OWNERSHIP)
      expect(tagsOf(live).some((t) => MARK.test(t))).toBe(true)
      expect(withoutTags(live)).toEqual(withoutTags(appMade))

      const second = await push(sandbox, workspace, ['luigisbox/fender.yml'])
      expect(second.exitCode).toBe(0)
      expect(second.writes).toEqual([])
      expect(second.rows).toMatchObject([{ action: 'unchanged', id: 'app-made-1' }])
      expect([...sandbox.store.keys()]).toEqual(['app-made-1'])
    })
  }, 20_000)
})

describe('prune', () => {
  const abc = {
    'luigisbox/a.yml': itemManifest('product_detail', '/p/a/'),
    'luigisbox/b.yml': itemManifest('basket', '/p/b/'),
    // The only manifest of its model: prune must find it although no manifest lists that model.
    'luigisbox/c.yml': itemManifest('home', '/p/c/'),
  }
  const appMade: JsonObject = {
    id: 'app-made-d',
    model: 'basket',
    target_type: 'item',
    target_identity: '/p/d/',
    tags: ['merchant'],
    pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/x/' }],
  }

  /** A, B and C made live by a first run, D made in the app; the ids by manifest. */
  async function seed(sandbox: Sandbox): Promise<Record<string, string>> {
    const first = await push(sandbox, await makeWorkspace(abc), Object.keys(abc))
    expect(first.exitCode).toBe(0)
    expect(actions(first)).toEqual(['created', 'created', 'created'])
    sandbox.store.set('app-made-d', structuredClone(appMade))
    return Object.fromEntries(first.rows.map((r) => [r.file ?? '', r.id ?? '']))
  }

  const withoutC = () =>
    makeWorkspace({
      'luigisbox/a.yml': abc['luigisbox/a.yml'],
      'luigisbox/b.yml': abc['luigisbox/b.yml'],
    })
  const removedC: FileSpec = { filename: 'luigisbox/c.yml', status: 'removed' }

  test("deletes exactly the removed manifest's customization (planned first on a dry run); app-made ones survive", async () => {
    await withSandbox([], async (sandbox) => {
      const ids = await seed(sandbox)
      const idC = ids['luigisbox/c.yml']
      const workspace = await withoutC()
      const kept = [
        ['luigisbox/a.yml', 'unchanged', ids['luigisbox/a.yml']],
        ['luigisbox/b.yml', 'unchanged', ids['luigisbox/b.yml']],
      ]

      const planned = await push(sandbox, workspace, [removedC], {
        prune: 'true',
        'dry-run': 'true',
      })
      expect(planned.exitCode).toBe(0)
      expect(planned.rows.map((r) => [r.file, r.action, r.id])).toEqual([
        ...kept,
        [null, 'planned-delete', idC],
      ])
      expect(planned.outputs.changes).toBe('1')
      expect(planned.writes).toEqual([])
      expect(sandbox.store.size).toBe(4)

      const pruned = await push(sandbox, workspace, [removedC], { prune: 'true' })
      expect(pruned.exitCode).toBe(0)
      expect(pruned.rows.map((r) => [r.file, r.action, r.id])).toEqual([
        ...kept,
        [null, 'deleted', idC],
      ])
      expect(pruned.outputs.changes).toBe('1')
      expect(pruned.writes).toEqual([`delete ${idC}`])
      expect(pruned.summary).toContain(idC)
      expect(new Set(sandbox.store.keys())).toEqual(
        new Set([ids['luigisbox/a.yml'], ids['luigisbox/b.yml'], 'app-made-d']),
      )
      expect(sandbox.store.get('app-made-d')).toEqual(appMade)
    })
  }, 20_000)

  describe('refuses, deletes nothing and says why', () => {
    const expectRefusal = (sandbox: Sandbox, run: Run, reason: RegExp, stored: number) => {
      const refusal = warningsOf(run).find((w) => w.includes('Nothing was pruned'))
      expect(refusal).toMatch(reason)
      expect(run.summary).toContain('Nothing was pruned')
      expect(
        run.rows.filter((r) => r.action.endsWith('deleted') || r.action === 'planned-delete'),
      ).toEqual([])
      expect(run.writes.filter((w) => w.startsWith('delete'))).toEqual([])
      expect(sandbox.store.size).toBe(stored)
    }

    test('when the globs match no file: the run fails, naming the manifests input', async () => {
      await withSandbox([], async (sandbox) => {
        await seed(sandbox)
        const run = await push(sandbox, await makeWorkspace(abc), Object.keys(abc), {
          prune: 'true',
          manifests: 'nowhere/**/*.yml',
        })
        // Reconciling nothing would pass while the customizations drift: the run fails.
        expect(run.exitCode).toBe(1)
        const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
        expect(errors.join('\n')).toMatch(
          /manifests input \(nowhere\/\*\*\/\*\.yml\) matches no file/,
        )
        expect(run.writes).toEqual([])
        expect(sandbox.store.size).toBe(4)
      })
    }, 20_000)

    test('when a manifest elsewhere in the workspace has a YAML syntax error', async () => {
      await withSandbox([], async (sandbox) => {
        await seed(sandbox)
        const workspace = await makeWorkspace({
          ...abc,
          'luigisbox/c.yml': 'model: basket\ntarget_type: [item\npin_definitions: {\n',
        })
        const run = await push(sandbox, workspace, ['luigisbox/a.yml'], { prune: 'true' })
        expectRefusal(sandbox, run, /could not be read or parsed \(luigisbox\/c\.yml\)/, 4)
        expect(run.writes).toEqual([])
      })
    }, 20_000)

    test('when listing fails: the run fails and nothing is written', async () => {
      await withSandbox([], async (sandbox) => {
        await seed(sandbox)
        sandbox.inject({ match: { op: 'list' }, status: 500, times: Infinity })
        const writesBefore = sandbox.stats().writes
        const run = await push(sandbox, await withoutC(), [removedC], { prune: 'true' })
        expect(run.exitCode).toBe(1)
        expect(run.stdout).toMatch(/^::error::.*answered HTTP 500/m)
        expect(run.rows.map((r) => r.error)).toEqual([
          expect.stringContaining('looking up the live customizations failed'),
          expect.stringContaining('looking up the live customizations failed'),
        ])
        expect(run.writes).toEqual([])
        expect(sandbox.stats().writes).toBe(writesBefore)
        expect(sandbox.store.size).toBe(4)
        expect(actions(run)).toEqual(['skipped', 'skipped'])
      })
    }, 30_000)
  })
})
