// The package as `npx github:OWNER/REPO validate` installs it: what `npm pack` puts in it, and
// that its command line runs from there with no node_modules at all (dist/ is committed and
// self-contained, so nothing is built or installed first, development dependencies least of all).
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { REPO_ROOT, broken, requireBundle, workspace, cli, removeWorkspaces } from './run-cli.js'

const run = promisify(execFile)
let unpacked: string

beforeAll(async () => {
  requireBundle()
  unpacked = await mkdtemp(path.join(tmpdir(), 'pins-pack-'))
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', unpacked], {
    cwd: REPO_ROOT,
  })
  const [packed] = JSON.parse(stdout) as { filename: string }[]
  await run('tar', ['-xzf', path.join(unpacked, packed?.filename ?? ''), '-C', unpacked])
}, 60_000)

afterAll(async () => {
  await rm(unpacked, { recursive: true, force: true })
  await removeWorkspaces()
})

test('package.json: publishable, with the luigisbox-pins bin, no install-time build', async () => {
  const manifest = JSON.parse(
    await readFile(path.join(unpacked, 'package', 'package.json'), 'utf8'),
  ) as { private?: boolean; bin: Record<string, string>; scripts: Record<string, string> }
  expect(manifest.private).toBeUndefined()
  expect(manifest.bin).toEqual({ 'luigisbox-pins': 'dist/cli/index.js' })
  // npm builds a git dependency (with its dev dependencies) when it has one of these.
  for (const script of ['prepare', 'prepack', 'preinstall', 'install', 'postinstall']) {
    expect(manifest.scripts[script]).toBeUndefined()
  }
})

test('the packed command line runs without any node_modules', async () => {
  const cwd = await workspace({ 'luigisbox/bad.yml': broken })
  const entry = path.join(unpacked, 'package', 'dist', 'cli', 'index.js')
  const validate = await cli(['validate'], cwd, {}, entry)
  expect(validate.stdout).toMatch(/^luigisbox\/bad\.yml:2:14 error schema\/enum /)
  expect(validate.code).toBe(1)
  const schema = await cli(['schema'], cwd, {}, entry)
  expect(schema.stdout).toBe(
    await readFile(path.join(unpacked, 'package', 'schema', 'customization.schema.json'), 'utf8'),
  )
})

test('.pre-commit-hooks.yaml runs this package’s command, once over all the files staged', async () => {
  const hooks = parse(await readFile(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string
    entry: string
    language: string
    require_serial: boolean
  }[]
  const { bin } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>
  }
  expect(hooks).toEqual([
    expect.objectContaining({
      id: 'luigisbox-pins-validate',
      entry: `${Object.keys(bin)[0]} validate`,
      language: 'node',
      require_serial: true,
    }),
  ])
})
