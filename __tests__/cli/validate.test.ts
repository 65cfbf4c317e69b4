// `validate`, `schema` and `rules` (DESIGN §5), run as users run them: the built
// `dist/cli/index.js` in a separate node process, in a directory of manifests.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseCommands } from '../../tools/runner/workflow-commands.js'
import { RULES } from '../../src/manifest/codes.js'
import type { Problem } from '../../src/manifest/problems.js'
import { customizationJsonSchema } from '../../src/manifest/schema.js'
import {
  REPO_ROOT,
  broken,
  cli,
  problemFiles,
  removeWorkspaces,
  requireBundle,
  valid,
  workspace,
} from './run-cli.js'

const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'customization.schema.json')

beforeAll(requireBundle)
afterAll(removeWorkspaces)

const brokenJson = `{
  "model": "home",
  "target_type": "all",
  "pin_definitions": [{ "position": "1", "pin_type": "item", "pin_identity": "x" }]
}
`
const expired = `model: expired
target_type: all
pin_definitions:
  - position: 1
    pin_type: item
    pin_identity: /p/1/
    active_to: 2020-01-01T00:00:00Z
`

const brokenLines = [
  'luigisbox/a.yml:2:14 error schema/enum target_type must be one of item, criteria, all, not "items": did you mean "item"?',
  'luigisbox/a.yml:4:15 error pin/position position is -2: it must be an integer: -1 for every position, 0 to block, 1 or more for that position.',
  'luigisbox/c.json:4:37 error pin/position position is "1": it must be an integer: -1 for every position, 0 to block, 1 or more for that position.',
]

describe('validate', () => {
  test('prints file:line:col severity code message, sorted, with a count on stderr; exit 1 on errors', async () => {
    const cwd = await workspace({
      'luigisbox/c.json': brokenJson,
      'luigisbox/a.yml': broken,
      'luigisbox/sub/b.yaml': valid('basket'),
    })
    const run = await cli(['validate'], cwd)
    expect(run.stdout).toBe(brokenLines.map((l) => `${l}\n`).join(''))
    expect(run.stderr).toContain('3 manifest file(s) checked: 3 error(s), 0 warning(s).\n')
    expect(run.code).toBe(1)
  })

  test('warnings only: printed, exit 0', async () => {
    const cwd = await workspace({ 'luigisbox/old.yml': expired })
    const run = await cli(['validate'], cwd)
    expect(run.stdout).toMatch(/^luigisbox\/old\.yml:7:16 warning pin\/expired This pin expired /)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('1 manifest file(s) checked: 0 error(s), 1 warning(s).\n')
    expect(run.code).toBe(0)
  })

  test('no problems: nothing on stdout, exit 0', async () => {
    const json = JSON.stringify({
      model: 'b',
      target_type: 'all',
      pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: 'x' }],
    })
    const cwd = await workspace({ 'luigisbox/a.yml': valid('a'), 'luigisbox/b.json': json })
    const run = await cli(['validate'], cwd)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('2 manifest file(s) checked: 0 error(s), 0 warning(s).\n')
  })

  test('the same scope in two files is an error in both, across the whole run', async () => {
    const cwd = await workspace({
      'luigisbox/a.yml': valid('same'),
      'luigisbox/b.yml': valid('same'),
    })
    const run = await cli(['validate'], cwd)
    expect(run.stdout).toBe(
      'luigisbox/a.yml:2:14 error scope/duplicate Another document has the same scope (same · all): luigisbox/b.yml:1. One customization per model and target: merge their pins into one document.\n' +
        'luigisbox/b.yml:2:14 error scope/duplicate Another document has the same scope (same · all): luigisbox/a.yml:1. One customization per model and target: merge their pins into one document.\n',
    )
    expect(run.code).toBe(1)
  })

  test('a thousand files: same scopes found across them all', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 1000; i++) {
      files[`luigisbox/${String(i).padStart(4, '0')}.yml`] = valid(`model-${i}`)
    }
    // The first and the last file share a scope; one file far from the first is broken.
    files['luigisbox/0999.yml'] = valid('model-0')
    files['luigisbox/0750.yml'] = broken
    const cwd = await workspace(files)
    const run = await cli(['validate', '--format', 'json'], cwd)
    expect(run.code).toBe(1)
    const output = JSON.parse(run.stdout) as { summary: unknown; problems: Problem[] }
    expect(output.summary).toEqual({ files: 1000, errors: 4, warnings: 0 })
    expect(output.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      'luigisbox/0000.yml:2:14 scope/duplicate',
      'luigisbox/0750.yml:2:14 schema/enum',
      'luigisbox/0750.yml:4:15 pin/position',
      'luigisbox/0999.yml:2:14 scope/duplicate',
    ])
  }, 30_000)

  test('--format json: a summary and every problem with its full position', async () => {
    const cwd = await workspace({
      'luigisbox/a.yml': broken,
      'luigisbox/c.json': brokenJson,
      'luigisbox/old.yml': expired,
    })
    const run = await cli(['validate', '--format', 'json'], cwd)
    expect(run.code).toBe(1)
    const output = JSON.parse(run.stdout) as { summary: unknown; problems: Problem[] }
    expect(Object.keys(output)).toEqual(['summary', 'problems'])
    expect(output.summary).toEqual({ files: 3, errors: 3, warnings: 1 })
    expect(output.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual([
      'luigisbox/a.yml:2:14 schema/enum',
      'luigisbox/a.yml:4:15 pin/position',
      'luigisbox/c.json:4:37 pin/position',
      'luigisbox/old.yml:7:16 pin/expired',
    ])
    expect(output.problems[0]).toEqual({
      file: 'luigisbox/a.yml',
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 19,
      severity: 'error',
      code: 'schema/enum',
      message: 'target_type must be one of item, criteria, all, not "items": did you mean "item"?',
    })
    // Nothing but the JSON on stdout, so it can be piped.
    expect(run.stderr).not.toContain('{')
  })

  test('--format=json with no problems is valid JSON too', async () => {
    const cwd = await workspace({ 'luigisbox/a.yml': valid('a') })
    const run = await cli(['validate', '--format=json'], cwd)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      summary: { files: 1, errors: 0, warnings: 0 },
      problems: [],
    })
  })

  describe('which files', () => {
    let cwd: string
    beforeAll(async () => {
      cwd = await workspace({
        'luigisbox/a.yml': broken,
        'luigisbox/sub/b.yaml': valid('b').replace('all', 'alll'),
        'luigisbox/sub/notes.txt': 'not: [a manifest',
        'other/x.yml': valid('x').replace('position: 1', 'position: -2'),
        'other/deep/y.json': '{"model": 1}',
        'top.yaml': 'model: [',
      })
    })
    const files = problemFiles

    test('no arguments: luigisbox/**/*.{yml,yaml,json} only', async () => {
      const run = await cli(['validate'], cwd)
      expect(files(run)).toEqual(['luigisbox/a.yml', 'luigisbox/sub/b.yaml'])
      expect(run.stderr).toContain('2 manifest file(s) checked')
    })

    test('a directory stands for the manifests below it', async () => {
      const run = await cli(['validate', 'other'], cwd)
      expect(files(run)).toEqual(['other/deep/y.json', 'other/x.yml'])
      const nested = await cli(['validate', './luigisbox/sub/'], cwd)
      expect(files(nested)).toEqual(['luigisbox/sub/b.yaml'])
      expect(nested.stderr).toContain('1 manifest file(s) checked')
    })

    test('"." is every manifest below the current directory', async () => {
      const run = await cli(['validate', '.'], cwd)
      expect(files(run)).toEqual([
        'luigisbox/a.yml',
        'luigisbox/sub/b.yaml',
        'other/deep/y.json',
        'other/x.yml',
        'top.yaml',
      ])
    })

    test('globs (as given, unexpanded by a shell) and file paths, several at once', async () => {
      const run = await cli(['validate', 'other/**/*.json', './top.yaml', 'luigisbox/*.yml'], cwd)
      expect(files(run)).toEqual(['luigisbox/a.yml', 'other/deep/y.json', 'top.yaml'])
      expect(run.stderr).toContain('3 manifest file(s) checked')
    })

    test('an absolute path inside the current directory works like a relative one', async () => {
      const run = await cli(['validate', path.join(cwd, 'other', 'x.yml')], cwd)
      expect(files(run)).toEqual(['other/x.yml'])
    })

    test('nothing matched by the default globs: says so, exit 2', async () => {
      const empty = await workspace({ 'README.md': '# nothing here' })
      const run = await cli(['validate'], empty)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain('No manifests matched "luigisbox/**/*.{yml,yaml,json}"')
      expect(run.code).toBe(2)
    })
  })

  // A key with a line break (legal in a quoted YAML key) lands in the message: editors and
  // pre-commit tools that read `file:line:col ...` lines must still get one line per problem.
  test('each problem is exactly one line of text output', async () => {
    const cwd = await workspace({
      'luigisbox/a.yml': `${valid('a')}"bad\\nkey": 1\n`,
    })
    const run = await cli(['validate'], cwd)
    expect(run.code).toBe(1)
    const lines = run.stdout.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^luigisbox\/a\.yml:7:1 error schema\/unknown-key /)
  })
})

describe('usage errors exit 2', () => {
  test('no command: says so and where the usage is, exit 2', async () => {
    const run = await cli([], REPO_ROOT)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('No command given.')
    expect(run.stderr).toContain('luigisbox-pins --help')
  })

  test('--help: usage, exit 0', async () => {
    const run = await cli(['--help'], REPO_ROOT)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: luigisbox-pins <command> [options]')
    expect(run.stdout).toContain('validate [paths...] [--format text|json|github|sarif]')
    expect(run.stdout).toMatch(/Exit status: 0 .*; 1 .*; 2 usage error .*; 3 plan only/s)
  })

  test('an unknown command: named on stderr with the usage, exit 2', async () => {
    const run = await cli(['lint'], REPO_ROOT)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Unknown command "lint".')
    expect(run.stderr).toContain('Run luigisbox-pins --help for the usage.')
  })

  test('an unknown --format: exit 2, not a validation', async () => {
    const cwd = await workspace({ 'luigisbox/a.yml': broken })
    const run = await cli(['validate', '--format', 'xml'], cwd)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--format must be one of text, json, github, sarif, not "xml".\nRun luigisbox-pins --help for the usage.\n',
    })
  })

  // The runner reads workflow commands on stderr too: a path given is quoted in the message.
  test('a path holding a line break and a workflow command: one line of stderr, no command', async () => {
    const forged = 'nofile\n::error file=a.yml,line=1::forged by arg ##[warning]too'
    const run = await cli(['validate', forged], REPO_ROOT)
    expect(run.code).toBe(2)
    expect(parseCommands(run.stderr)).toEqual([])
    expect(run.stderr.split('\n')).toEqual([
      expect.stringContaining('nofile\\n::error file=a.yml,line=1::forged by arg # #[warning]too'),
      'Run luigisbox-pins --help for the usage.',
      '',
    ])
  })

  // A pre-commit hook or CI reads exit 1 as "the manifests have errors": a typo in an option
  // must be exit 2, a one-line message naming the option, no stack trace.
  test('an unknown option: exit 2 with a short message, no stack trace', async () => {
    const cwd = await workspace({ 'luigisbox/a.yml': valid('a') })
    const run = await cli(['validate', '--fromat', 'json'], cwd)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--fromat')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('schema and rules', () => {
  test('`schema` prints exactly the committed schema/customization.schema.json', async () => {
    const run = await cli(['schema'], REPO_ROOT)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(readFileSync(SCHEMA_FILE, 'utf8'))
    expect(JSON.parse(run.stdout)).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['model', 'target_type', 'pin_definitions']),
    })
  })

  test('`rules` prints a section for every problem code, with its severity', async () => {
    const run = await cli(['rules'], REPO_ROOT)
    expect(run.code).toBe(0)
    const headings = [...run.stdout.matchAll(/^#### `([^`]+)` \((error|warning)\)$/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    )
    expect(headings).toEqual(RULES.map((r) => `${r.code} ${r.severity}`))
    expect(headings.length).toBeGreaterThan(30)
  })
})

test('schema/customization.schema.json is current with the zod schema', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8')
  const generated = `${JSON.stringify(customizationJsonSchema(), null, 2)}\n`
  if (committed !== generated) {
    throw new Error(
      'schema/customization.schema.json is stale: it differs from customizationJsonSchema() in ' +
        'src/manifest/schema.ts. Run `npm run bundle && npm run schema` and commit the result ' +
        '(`npm run schema` writes what the built CLI prints).',
    )
  }
})

test('a path that does not exist is an error, not silently nothing', async () => {
  const dir = await workspace({ 'luigisbox/a.yml': 'model: basket\n' })
  const result = await cli(['validate', 'luigisbox/typo.yml'], dir)
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('No such file or directory: luigisbox/typo.yml')
})
