// `plan` and `apply` from a laptop (DESIGN §5): the Action's engine and diff text against the
// sandbox, credentials from the environment, the documented exit statuses, the key never shown.
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseCommands } from '../../tools/runner/workflow-commands.js'
import { type Sandbox, startSandbox } from '../../tools/sandbox/server.js'
import { broken, cli, removeWorkspaces, requireBundle, valid, workspace } from './run-cli.js'

const KEY = 'sk-cli-plan-5e4d3c2b1a'
const TRACKER = '2468-1357'

let sandbox: Sandbox
beforeAll(async () => {
  requireBundle()
  sandbox = await startSandbox({ trackerId: TRACKER, privateKey: KEY })
})
afterAll(async () => {
  await sandbox.close()
  await removeWorkspaces()
})
beforeEach(() => sandbox.reset())

const env = () => ({
  LUIGISBOX_TRACKER_ID: TRACKER,
  LUIGISBOX_PRIVATE_KEY: KEY,
  LUIGISBOX_API_URL: sandbox.url,
})
const writes = () =>
  sandbox.requests.filter((r) => r.op === 'create' || r.op === 'update' || r.op === 'delete')

const item = (pin: string) =>
  `model: product_detail\ntarget_type: item\ntarget_identity: /p/guitar/\npin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: ${pin}\n`

test('plan → 3 with the diff, apply → 0, plan again → 0; a change shows field by field', async () => {
  const cwd = await workspace({
    'luigisbox/a.yml': item('/p/bag/'),
    'luigisbox/b.yml': valid('basket'),
  })

  const planned = await cli(['plan'], cwd, env())
  expect(planned.stdout).toBe(
    [
      'planned-create luigisbox/a.yml#1 (product_detail · item /p/guitar/)',
      '    model: "product_detail"',
      '    target_type: "item"',
      '    target_identity: "/p/guitar/"',
      '    + pin at position 1: {"position":1,"pin_type":"item","pin_identity":"/p/bag/"}',
      'planned-create luigisbox/b.yml#1 (basket · all)',
      '    model: "basket"',
      '    target_type: "all"',
      '    + pin at position 1: {"position":1,"pin_type":"item","pin_identity":"/p/1/"}',
      '2 change(s), 0 unchanged.',
      '',
    ].join('\n'),
  )
  expect(planned.stderr).toContain('[2/2] planned-create')
  expect(planned.code).toBe(3)
  expect(writes()).toEqual([])

  const applied = await cli(['apply'], cwd, env())
  expect(applied.stdout).toMatch(
    /^created luigisbox\/a\.yml#1 \(product_detail · item \/p\/guitar\/\) \S+\n/,
  )
  expect(applied.stdout).toContain('2 change(s), 0 unchanged.')
  expect(applied.code).toBe(0)
  expect(sandbox.store.size).toBe(2)

  const again = await cli(['plan'], cwd, env())
  expect(again.stdout).toBe('0 change(s), 2 unchanged.\n')
  expect(again.code).toBe(0)

  await writeFile(path.join(cwd, 'luigisbox', 'a.yml'), item('/p/case/'))
  const changed = await cli(['plan', 'luigisbox/a.yml', '--format', 'json'], cwd, env())
  expect(changed.code).toBe(3)
  const output = JSON.parse(changed.stdout) as {
    problems: unknown[]
    customizations: { file: string; action: string; changes: string[] }[]
  }
  expect(output.problems).toEqual([])
  expect(output.customizations).toEqual([
    expect.objectContaining({
      file: 'luigisbox/a.yml',
      action: 'planned-update',
      changes: ['~ pin at position 1: pin_identity "/p/bag/" → "/p/case/"'],
    }),
    // A plan of some manifests shows what the others declare as managed but not named.
    expect.objectContaining({ scope: 'basket · all', action: 'not-in-git' }),
  ])
})

test('apply --prune deletes what the named manifests no longer declare; plain apply does not', async () => {
  const cwd = await workspace({
    'luigisbox/a.yml': item('/p/bag/'),
    'luigisbox/b.yml': valid('basket'),
  })
  expect((await cli(['apply'], cwd, env())).code).toBe(0)

  const kept = await cli(['apply', 'luigisbox/a.yml'], cwd, env())
  expect(kept.stdout).toBe('0 change(s), 1 unchanged.\n')
  expect(kept.code).toBe(0)
  expect(sandbox.store.size).toBe(2)

  const planned = await cli(['plan', '--prune', 'luigisbox/a.yml'], cwd, env())
  expect(planned.stdout).toMatch(/^planned-delete \(basket · all\) \S+$/m)
  expect(planned.code).toBe(3)

  // Naming single files would prune what the files not named declare: refused, nothing sent.
  const logged = sandbox.requests.length
  const refused = await cli(['apply', '--prune', 'luigisbox/a.yml'], cwd, env())
  expect(refused.stderr).toContain('apply --prune deletes every managed customization')
  expect(refused.stderr).toContain('not single files (luigisbox/a.yml)')
  expect(refused.code).toBe(2)
  expect(sandbox.requests.length).toBe(logged)
  expect(sandbox.store.size).toBe(2)

  await rm(path.join(cwd, 'luigisbox', 'b.yml'))
  const pruned = await cli(['apply', '--prune', 'luigisbox'], cwd, env())
  expect(pruned.stdout).toMatch(/^deleted \(basket · all\) \S+$/m)
  expect(pruned.code).toBe(0)
  expect([...sandbox.store.values()].map((c) => c.model)).toEqual(['product_detail'])
})

test('plan --format json: a file name holding ##[ is data, not a workflow command', async () => {
  const cwd = await workspace({ 'luigisbox/##[error]forged.yml': item('/p/bag/') })
  const run = await cli(['plan', '--format', 'json'], cwd, env())
  expect(run.code).toBe(3)
  expect(parseCommands(run.stdout + run.stderr)).toEqual([])
  const output = JSON.parse(run.stdout) as { customizations: { file: string }[] }
  expect(output.customizations.map((c) => c.file)).toEqual(['luigisbox/##[error]forged.yml'])
})

test('validation errors: printed first, the valid manifests still applied, exit 1', async () => {
  const cwd = await workspace({ 'luigisbox/a.yml': item('/p/bag/'), 'luigisbox/bad.yml': broken })
  const run = await cli(['apply'], cwd, env())
  expect(run.stdout).toMatch(/^luigisbox\/bad\.yml:2:14 error schema\/enum /)
  expect(run.stdout).toContain('created luigisbox/a.yml#1')
  expect(run.stdout).toContain(
    'skipped luigisbox/bad.yml#1 () : Not submitted'.replace(' : ', ': '),
  )
  expect(run.code).toBe(1)
  expect(sandbox.store.size).toBe(1)
})

test('a wrong key: exit 1, the message says so, and the key is never printed', async () => {
  const cwd = await workspace({ 'luigisbox/a.yml': item('/p/bag/') })
  const wrong = 'sk-wrong-key-9f8e7d6c'
  for (const command of ['plan', 'apply']) {
    const run = await cli([command], cwd, { ...env(), LUIGISBOX_PRIVATE_KEY: wrong })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/401/)
    expect(run.stderr).toContain(
      'On the command line these are LUIGISBOX_TRACKER_ID, LUIGISBOX_PRIVATE_KEY and LUIGISBOX_API_URL.',
    )
    expect(run.stdout + run.stderr).not.toContain(wrong)
  }
  expect(writes()).toEqual([])
})

test('missing credentials or a bad path: exit 2 before any request', async () => {
  const cwd = await workspace({ 'luigisbox/a.yml': item('/p/bag/') })
  const noKey = await cli(['plan'], cwd, { LUIGISBOX_TRACKER_ID: TRACKER })
  expect(noKey.stderr).toContain('Set LUIGISBOX_PRIVATE_KEY in the environment')
  expect(noKey.code).toBe(2)
  const typo = await cli(['apply', 'luigisbox/typo.yml'], cwd, env())
  expect(typo.stderr).toContain('No such file or directory: luigisbox/typo.yml')
  expect(typo.code).toBe(2)
  const badTag = await cli(['plan', '--ownership-tag', 'Bad Tag'], cwd, env())
  expect(badTag.stderr).toContain('ownership-tag')
  expect(badTag.code).toBe(2)
  for (const command of ['plan', 'apply', 'export']) {
    const http = await cli([command], cwd, { ...env(), LUIGISBOX_API_URL: 'http://10.1.1.1' })
    expect(http.stderr).toMatch(
      /^LUIGISBOX_API_URL uses http:\/\/ for 10\.1\.1\.1; change it to https:\/\//,
    )
    expect(http.code).toBe(2)
    const empty = await cli([command, '--ownership-tag', ''], cwd, env())
    expect(empty.stderr).toContain('Input "ownership-tag" is ""; use 1 to 64 lower-case letters')
    expect(empty.code).toBe(2)
  }
  expect(sandbox.requests).toEqual([])
})
