// A manifest of the largest size allowed, in every shape that could make validation slow or
// greedy (the shapes of bench/hostile.ts, which times them): the built command line reports the
// right first problems, lists no more than a file's worth, and prints no stack trace. How fast
// is the bench's to say; here only what a user sees.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { hostileShapes } from '../../bench/hostile.js'
import { CLI_ENTRY } from '../../tools/shared/repo-paths.js'

interface Listed {
  line: number
  column: number
  code: string
}

const shapes = hostileShapes()
const dir = mkdtempSync(path.join(os.tmpdir(), 'pins-hostile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function validate(name: string) {
  const shape = shapes.find((s) => s.name === name)
  if (!shape) throw new Error(`no shape ${name}`)
  writeFileSync(path.join(dir, shape.file), shape.text)
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const run = spawnSync(process.execPath, [CLI_ENTRY, 'validate', '--format', 'json', shape.file], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  const problems = (JSON.parse(run.stdout) as { problems: Listed[] }).problems
  return { run, problems, text: shape.text }
}

/** Where `needle` is in `text` (its last occurrence), as 1-based line and column. */
function placeOf(text: string, needle: string): string {
  const offset = text.lastIndexOf(needle)
  const before = text.slice(0, offset).split('\n')
  return `${before.length}:${(before.at(-1) ?? '').length + 1}`
}

const MOST = 200

/** Each shape: the first problem listed (line:column code), and whether more than a file's worth. */
const expected: [string, (text: string) => string | undefined, boolean][] = [
  ['valid', () => undefined, false],
  ['deep but allowed', () => undefined, false],
  ['collisions', () => '7:15 pin/position-collision', true],
  ['CRLF', () => '7:15 pin/position-collision', true],
  ['one-line JSON', () => '1:137 pin/position-collision', true],
  ['anchors', () => '5:20 pin/position-collision', true],
  ['empty pins', () => '4:5 schema/required', true],
  ['repeated keys', () => '2:1 yaml/duplicate-key', true],
  ['long flow list', () => '5:8 schema/type', true],
  ['unknown keys', () => '3:1 schema/unknown-key', true],
  ['bad dates', () => '7:18 pin/date-format', true],
  ['many documents', () => '501:1 file/too-many-documents', false],
  ['empty documents', () => '1:4 document/empty', false],
  ['aliases', () => '1:1 yaml/alias-limit', false],
  ['syntax error at the start', () => '3:3 yaml/syntax', false],
  ['syntax error at the end', (text) => `${placeOf(text, '"item')} yaml/syntax`, false],
  ['JSON error at the end', (text) => `${placeOf(text, ',\n    ]}')} json/syntax`, false],
]

test('every shape of the bench is checked here', () => {
  const checked = new Set([...expected.map(([name]) => name), 'tabs and brackets', 'dashes'])
  expect(shapes.map((s) => s.name).filter((name) => !checked.has(name))).toEqual([])
})

test.each(expected)(
  '%s: the right first problem, at most a file’s worth, no stack trace',
  (name, first, capped) => {
    const { run, problems, text } = validate(name)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toMatch(/\n\s+at /)
    const want = first(text)
    expect(run.status).toBe(want === undefined ? 0 : 1)
    const listed = problems[0]
      ? `${problems[0].line}:${problems[0].column} ${problems[0].code}`
      : undefined
    expect(listed).toBe(want)
    const counted = problems.filter((p) => p.code === 'file/too-many-problems')
    expect(problems.length - counted.length).toBeLessThanOrEqual(MOST)
    expect(counted.length).toBe(capped ? 1 : 0)
  },
  60_000,
)

test.each(['tabs and brackets', 'dashes'])(
  '%s: refused as too deep where the nesting passes the limit, nothing else',
  (name) => {
    const { run, problems } = validate(name)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    expect(problems.map((p) => p.code)).toEqual(['yaml/too-deep'])
    // On the line the repetition runs on, not at the start of the file.
    expect(problems[0]?.line).toBe(name === 'dashes' ? 3 : 2)
    expect(problems[0]?.column).toBeGreaterThan(100)
  },
  60_000,
)
