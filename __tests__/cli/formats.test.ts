// The output formats for other tools: `--format github` (workflow commands a runner turns into
// annotations), `--format sarif` (SARIF 2.1.0 for code-scanning upload), and `--version`.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { parseAnnotations, parseCommands } from '../../tools/runner/workflow-commands.js'
import { planText } from '../../src/cli/formats/plan.js'
import type { Outcome } from '../../src/sync/outcome.js'
import { RULES } from '../../src/manifest/codes.js'
import {
  REPO_ROOT,
  broken,
  cli,
  removeWorkspaces,
  requireBundle,
  valid,
  workspace,
} from './run-cli.js'

// The official SARIF 2.1.0 JSON Schema (draft-04), as Microsoft's SARIF SDK ships it.
const SARIF_SCHEMA = createRequire(import.meta.url)(
  '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
) as object
// The schema's language pattern is not valid with the u flag ajv uses by default.
const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false })
addFormats.default(ajv)
const validateSarif = ajv.compile(SARIF_SCHEMA)

/** The schema's complaints about a log: none for a valid one. */
const sarifErrors = (log: unknown) =>
  validateSarif(log)
    ? []
    : (validateSarif.errors ?? []).map(
        (e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`,
      )

beforeAll(requireBundle)
afterAll(removeWorkspaces)

/** A file name and a message that need every escape a workflow command has. */
const HOSTILE_NAME = 'luigisbox/50%, a:b.yml'
const hostileKey = `${valid('hostile')}"x\\n::error::forged": 1\n`

describe('--format github', () => {
  test('one escaped workflow command per problem: file, position and code survive as written', async () => {
    const cwd = await workspace({ [HOSTILE_NAME]: hostileKey, 'luigisbox/b.yml': broken })
    const run = await cli(['validate', '--format', 'github'], cwd)
    expect(run.code).toBe(1)
    // Every stdout line is a command: the forged one inside the key stays inside its message.
    const lines = run.stdout.split('\n').filter(Boolean)
    expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true)
    const annotations = parseAnnotations(run.stdout)
    expect(
      annotations.map((a) => [a.level, a.properties.file, a.properties.line, a.properties.title]),
    ).toEqual([
      ['error', HOSTILE_NAME, 7, 'schema/unknown-key'],
      ['error', 'luigisbox/b.yml', 2, 'schema/enum'],
      ['error', 'luigisbox/b.yml', 4, 'pin/position'],
    ])
    expect(annotations[0]?.message).toContain('::error::forged')
    expect(annotations[1]?.properties).toMatchObject({ col: 14, endColumn: 19, endLine: 2 })
    expect(run.stderr).toContain('2 manifest file(s) checked: 3 error(s), 0 warning(s).')
  })

  test('past GitHub’s ten per level, a notice counts the rest', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 12; i++)
      files[`luigisbox/${String(i).padStart(2, '0')}.yml`] = broken.replace('basket', `m${i}`)
    const run = await cli(['validate', '--format=github'], await workspace(files))
    const annotations = parseAnnotations(run.stdout)
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(10)
    expect(annotations.find((a) => a.level === 'notice')?.message).toMatch(
      /^14 more errors not shown/,
    )
    expect(run.code).toBe(1)
  })
})

describe('--format sarif', () => {
  test('a SARIF 2.1.0 log that validates against the official schema, one result per problem', async () => {
    const cwd = await workspace({
      [HOSTILE_NAME]: hostileKey,
      'luigisbox/b.yml': broken,
      'luigisbox/old.yml': valid('old').replace(
        '/p/1/\n',
        '/p/1/\n    active_to: 2020-01-01T00:00:00Z\n',
      ),
    })
    const run = await cli(['validate', '--format', 'sarif'], cwd)
    expect(run.code).toBe(1)
    const log = JSON.parse(run.stdout) as SarifLog
    expect(sarifErrors(log)).toEqual([])
    expect(log.version).toBe('2.1.0')
    const [sarifRun] = log.runs
    expect(sarifRun?.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.code))
    expect(
      sarifRun?.results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.locations[0]?.physicalLocation.region.startLine,
        sarifRun.tool.driver.rules[r.ruleIndex]?.id,
      ]),
    ).toEqual([
      ['schema/unknown-key', 'error', 'luigisbox/50%25%2C%20a%3Ab.yml', 7, 'schema/unknown-key'],
      ['schema/enum', 'error', 'luigisbox/b.yml', 2, 'schema/enum'],
      ['pin/position', 'error', 'luigisbox/b.yml', 4, 'pin/position'],
      ['pin/expired', 'warning', 'luigisbox/old.yml', 7, 'pin/expired'],
    ])
    expect(sarifRun?.results[1]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 2,
      startColumn: 14,
      endLine: 2,
      endColumn: 19,
    })
  })

  test('no problems: a valid log with no results, exit 0', async () => {
    const run = await cli(
      ['validate', '--format', 'sarif'],
      await workspace({ 'luigisbox/a.yml': valid('a') }),
    )
    expect(run.code).toBe(0)
    const log = JSON.parse(run.stdout) as SarifLog
    expect(sarifErrors(log)).toEqual([])
    expect(log.runs[0]?.results).toEqual([])
  })

  test('the schema check itself rejects a log that is not SARIF 2.1.0', () => {
    expect(sarifErrors({ version: '2.0.0', runs: [{}] })).not.toEqual([])
  })
})

// The runner reads `##[name]` anywhere in a line, on stdout and stderr alike: a file name or a
// value that holds it must come out as data, still the same JSON.
describe('the older ##[ command syntax in a file name or a value', () => {
  const FORGED_NAME = 'luigisbox/##[error]forged via name.yml'
  const forgedValue = 'model: x\ntarget_type: "##[warning]forged via value"\npin_definitions: []\n'

  test.each(['json', 'sarif'])(
    '--format %s: no workflow command, the same text parsed',
    async (format) => {
      const run = await cli(
        ['validate', '--format', format],
        await workspace({ [FORGED_NAME]: forgedValue }),
      )
      expect(run.code).toBe(1)
      expect(parseCommands(run.stdout + run.stderr)).toEqual([])
      expect(JSON.stringify(JSON.parse(run.stdout))).toContain('##[warning]forged via value')
    },
  )
})

test('plan text: the total line counts failed and skipped rows, not only changes', () => {
  const row = (action: Outcome['action']) => ({ action, scope: 'm · all' }) as Outcome
  expect(planText([row('created'), row('failed'), row('skipped'), row('unchanged')])).toMatch(
    /\n1 change\(s\), 1 failed, 1 skipped, 1 unchanged\.\n$/,
  )
})

test('--version prints the package version, exit 0', async () => {
  const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string
  }
  const run = await cli(['--version'], REPO_ROOT)
  expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
})

interface SarifLog {
  version: string
  runs: {
    tool: { driver: { rules: { id: string }[] } }
    results: {
      ruleId: string
      ruleIndex: number
      level: string
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> }
      }[]
    }[]
  }[]
}
