// Adopting an existing setup, end to end (README "Adopting an existing setup"): a tracker holds
// customizations made in the app → `luigisbox-pins export` (the built CLI) writes them as
// manifests → `validate` finds no problem → the Action's first merge creates nothing and changes
// no field a merchant set, only adding its ownership tags → the second merge writes nothing.
import { mkdir, readFile, readdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { startGitHubApi } from '../../tools/github-standin/server.js'
import { customizationRows } from '../../tools/runner/customizations.js'
import { pushEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'
import { seedAppMade } from '../../tools/sandbox/app-made.js'
import type { JsonObject } from '../../tools/sandbox/json-body.js'
import { ALL_REWRITES } from '../../tools/sandbox/rewrites.js'
import { type Sandbox, startSandbox } from '../../tools/sandbox/server.js'
import { fakeSha } from '../../tools/shared/fake-sha.js'
import { cli, requireBundle } from '../cli/run-cli.js'

const KEY = 'sk-e2e-export-7a6b5c4d3e'
const TRACKER = '1234-5678'
const OWNERSHIP = 'luigisbox-pins'
const MARK = /^luigisbox-pins:[0-9a-f]{12}:[0-9a-f]{12}$/
const SCHEMA_COMMENT =
  '# yaml-language-server: $schema=https://raw.githubusercontent.com/luigisbox-pins/luigisbox-pins-action/v1/schema/customization.schema.json\n'

let sandbox: Sandbox
let ids: string[]
/** The seeded customizations as the app left them. */
let appMade: Map<string, JsonObject>
let workspace: string

beforeAll(async () => {
  requireBundle()
  // Every rewrite on: the server stores what the Action sends the way it stored the app's.
  sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY, rewrites: ALL_REWRITES })
  ids = seedAppMade(sandbox.store)
  appMade = structuredClone(sandbox.store)
  workspace = await makeWorkspace({})
})
afterAll(async () => {
  await sandbox.close()
  await cleanupWorkspaces()
})

const env = () => ({
  LUIGISBOX_TRACKER_ID: TRACKER,
  LUIGISBOX_PRIVATE_KEY: KEY,
  LUIGISBOX_API_URL: sandbox.url,
})

/** Every file below `dir`, relative and sorted, with its text. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')])),
  )
}

const writesSince = (logged: number) =>
  sandbox.requests
    .slice(logged)
    .filter((r) => r.op === 'create' || r.op === 'update' || r.op === 'delete')

/** The merge of the export: a push to the default branch adding every exported file. */
async function merge(files: string[]) {
  const before = fakeSha('adopt-before')
  const after = fakeSha('adopt-after')
  const api = await startGitHubApi({
    compares: {
      [`owner/repo ${before}...${after}`]: {
        files: files.map((filename) => ({ filename, status: 'added' })),
      },
    },
  })
  const logged = sandbox.requests.length
  try {
    const result = await runAction({
      eventName: 'push',
      event: pushEvent({ before, after }),
      apiUrl: api.url,
      workspace,
      inputs: { 'tracker-id': TRACKER, 'private-key': KEY, 'api-url': sandbox.url },
    })
    return { ...result, rows: customizationRows(result) ?? [], writes: writesSince(logged) }
  } finally {
    await api.close()
  }
}

let exported: Record<string, string>

test('a symbolic link below --out: exit 2, nothing written there or anywhere', async () => {
  const dir = await makeWorkspace({})
  await mkdir(path.join(dir, 'elsewhere'))
  await mkdir(path.join(dir, 'out'))
  await symlink('../elsewhere', path.join(dir, 'out', 'basket'))
  const run = await cli(['export', '--out', 'out'], dir, env())
  expect(run.code).toBe(2)
  expect(run.stderr).toContain(`${path.join('out', 'basket')} is a symbolic link`)
  expect(run.stdout).toBe('')
  expect(await tree(dir)).toEqual({})
})

test('export writes one manifest per app-made customization, reads only, never shows the key', async () => {
  const run = await cli(['export'], workspace, env())
  expect(run.code).toBe(0)
  exported = await tree(path.join(workspace, 'luigisbox'))
  expect(Object.keys(exported)).toEqual([
    'basket/all.yml',
    'category/criteria-brand-fender-squier-category-guitars-price-gte-200-lte-900.yml',
    expect.stringMatching(/^product_detail\/item-p-cafe-noir-xl-[0-9a-f]{8}\.yml$/),
    expect.stringMatching(/^product_detail\/item-p-cafe-noir-xl-[0-9a-f]{8}\.yml$/),
    'product_detail/item-p-fender-player-stratocaster.yml',
  ])
  expect(run.stdout).toBe(
    Object.keys(exported)
      .map((f) => `luigisbox/${f}\n`)
      .join(''),
  )
  expect(run.stderr).toContain('5 of 5 customization(s) exported to luigisbox/')
  expect(run.stdout + run.stderr).not.toContain(KEY)
  for (const text of Object.values(exported)) {
    expect(text.startsWith(SCHEMA_COMMENT)).toBe(true)
    // Nothing the server owns or fills in.
    expect(text).not.toMatch(/\b(id|creator|created_at|available):|null|false/)
  }
  expect(writesSince(0)).toEqual([])
  expect(sandbox.store).toEqual(appMade)
}, 30_000)

test('validate reports no problem in what export wrote', async () => {
  const run = await cli(['validate'], workspace)
  expect(run.stdout).toBe('')
  expect(run.stderr).toContain('5 manifest file(s) checked: 0 error(s), 0 warning(s).')
  expect(run.code).toBe(0)
})

test('plan from the command line: five adoptions, nothing else (exit 3)', async () => {
  const run = await cli(['plan'], workspace, env())
  const lines = run.stdout.split('\n').filter(Boolean)
  expect(lines.filter((l) => !l.startsWith(' ')).map((l) => l.split(' ')[0])).toEqual([
    ...Array(5).fill('planned-update'),
    '5',
  ])
  expect(lines.at(-1)).toBe('5 change(s), 0 unchanged.')
  expect(lines.filter((l) => l.startsWith(' '))).toEqual(
    Array(5).fill('    adopted: the ownership tag luigisbox-pins is added'),
  )
  expect(run.code).toBe(3)
})

test('the first merge adopts every customization: one PUT each, only the ownership tags added', async () => {
  const run = await merge(Object.keys(exported).map((f) => `luigisbox/${f}`))
  expect(run.exitCode).toBe(0)
  expect(run.rows.map((r) => r.action)).toEqual(Array(5).fill('updated'))
  expect(new Set(run.rows.map((r) => r.id))).toEqual(new Set(ids))
  expect(run.writes.map((w) => w.op)).toEqual(Array(5).fill('update'))
  expect(new Set(sandbox.store.keys())).toEqual(new Set(ids))

  // What each PUT sent: the manifest as exported, and the two ownership tags.
  for (const row of run.rows) {
    const manifest = parse(exported[row.file!.replace(/^luigisbox\//, '')] as string) as JsonObject
    const put = run.writes.find((w) => w.path.endsWith(`/scope/${row.id}`))
    const sent = JSON.parse(put?.requestBody ?? '{}') as JsonObject
    const { tags: sentTags = [], ...sentRest } = sent
    const { tags: manifestTags = [], ...manifestRest } = manifest
    expect(sentRest).toEqual(manifestRest)
    const added = (sentTags as string[]).filter((t) => !(manifestTags as string[]).includes(t))
    expect(added).toEqual([OWNERSHIP, expect.stringMatching(MARK)])
  }

  // Every field as the app left it (server-owned ones included), the tags but for the two added.
  for (const id of ids) {
    const { tags: was = null, ...before } = appMade.get(id) as JsonObject
    const { tags: now = [], ...after } = sandbox.store.get(id) as JsonObject
    expect(after).toEqual(before)
    const kept = (now as string[]).filter((t) => t !== OWNERSHIP && !MARK.test(t))
    expect(kept).toEqual(was ?? [])
    expect((now as string[]).length).toBe(kept.length + 2)
  }
}, 60_000)

test('the second merge writes nothing', async () => {
  const adopted = structuredClone(sandbox.store)
  const run = await merge(Object.keys(exported).map((f) => `luigisbox/${f}`))
  expect(run.exitCode).toBe(0)
  expect(run.rows.map((r) => r.action)).toEqual(Array(5).fill('unchanged'))
  expect(run.writes).toEqual([])
  expect(sandbox.store).toEqual(adopted)
  const plan = await cli(['plan'], workspace, env())
  expect(plan.stdout).toBe('0 change(s), 5 unchanged.\n')
  expect(plan.code).toBe(0)
}, 60_000)

test('a second export gives the same files, and will not overwrite them without --force', async () => {
  const refused = await cli(['export'], workspace, env())
  expect(refused.code).toBe(2)
  expect(refused.stderr).toContain('5 file(s) exist already')
  expect(refused.stderr).toContain('nothing was written')
  expect(await tree(path.join(workspace, 'luigisbox'))).toEqual(exported)

  // After adoption the live tags hold the Action's own; the export leaves them out again.
  const forced = await cli(['export', '--force'], workspace, env())
  expect(forced.code).toBe(0)
  expect(await tree(path.join(workspace, 'luigisbox'))).toEqual(exported)

  const basket = await cli(
    ['export', '--out', 'only-basket', '--model', 'basket', '--model', 'basket'],
    workspace,
    env(),
  )
  expect(basket.code).toBe(0)
  expect(await tree(path.join(workspace, 'only-basket'))).toEqual({
    'basket/all.yml': exported['basket/all.yml'],
  })
}, 60_000)

test('export with a wrong key: exit 1, nothing written, the key never shown', async () => {
  const wrong = 'sk-not-the-key-0f1e2d'
  const run = await cli(['export', '--out', 'wrong'], workspace, {
    ...env(),
    LUIGISBOX_PRIVATE_KEY: wrong,
  })
  expect(run.code).toBe(1)
  expect(run.stderr).toMatch(/private/i)
  expect(run.stdout + run.stderr).not.toContain(wrong)
  await expect(readdir(path.join(workspace, 'wrong'))).rejects.toThrow()
})
