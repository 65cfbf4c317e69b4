// Manifests as a merchant writes them, run through the built command line (`dist/cli/index.js`,
// build it first with `npm run bundle`) as users run it. valid/ holds what the documented API
// accepts: each must give no error (warnings are listed in valid/expected.txt). mistakes/ holds
// one mistake per file, each reported once at the line and column in mistakes/expected.txt.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Problem } from '../../src/manifest/problems.js'
import { validateSources } from '../../src/manifest/validate.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const CLI = path.join(HERE, '..', '..', 'dist', 'cli', 'index.js')

function validate(folder: string) {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const run = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', folder], {
    cwd: HERE,
    env,
    encoding: 'utf8',
  })
  const output = JSON.parse(run.stdout) as {
    summary: { files: number; errors: number; warnings: number }
    problems: Problem[]
  }
  const found = output.problems.map(
    (p) => `${p.file.slice(folder.length + 1)}:${p.line}:${p.column} ${p.severity} ${p.code}`,
  )
  return { status: run.status, stderr: run.stderr, summary: output.summary, found }
}

const expected = (folder: string) =>
  readFileSync(path.join(HERE, folder, 'expected.txt'), 'utf8')
    .trim()
    .split('\n')

const manifests = (folder: string) =>
  readdirSync(path.join(HERE, folder)).filter((name) => /\.(?:ya?ml|json)$/.test(name))

test('documented-valid manifests give no error, only the expected warnings', () => {
  const run = validate('valid')
  expect(run.summary).toMatchObject({ files: manifests('valid').length, errors: 0 })
  expect(run.status).toBe(0)
  expect(run.found).toEqual(expected('valid'))
})

test('each mistake is reported once, at its exact line and column, and Node prints nothing', () => {
  const run = validate('mistakes')
  expect(run.found).toEqual(expected('mistakes'))
  expect(run.status).toBe(1)
  // Every file is a mistake: none passes unnoticed.
  const files = new Set(run.found.map((line) => line.split(':')[0]))
  expect([...files].sort()).toEqual(manifests('mistakes').sort())
  // Nothing but the JSON: no Node warning (a list as a key used to print one).
  expect(run.stderr).toBe('')
})

test('an exported customization sends neither its server-owned keys nor its nulls', () => {
  const text = readFileSync(path.join(HERE, 'valid', 'exported.json'), 'utf8')
  const { documents } = validateSources(
    [{ file: 'exported.json', text }],
    new Date('2026-06-01T00:00:00Z'),
  )
  expect(documents[0]?.customization).toEqual({
    model: 'exported',
    target_type: 'criteria',
    target_criteria: { brand: ['Fender'] },
    tags: ['luigisbox-pins'],
    pin_definitions: [
      {
        position: 1,
        pin_type: 'item',
        pin_identity: '/p/fender-gig-bag/',
        is_block_pin: false,
        is_bundle_pin: false,
        active_from: '2026-12-01T00:00:00.000000+00:00',
      },
    ],
  })
})
