import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { RULES } from '../../src/manifest/codes.js'
import { manifestReader } from '../../src/workspace/read.js'
import type { Problem } from '../../src/manifest/problems.js'
import { validateSources } from '../../src/manifest/validate.js'

const now = new Date('2026-06-01T00:00:00Z')

/** A valid item-target customization; cases replace parts of it. */
const base = (pins = '  - position: 1\n    pin_type: item\n    pin_identity: /p/2/\n') =>
  `model: basket\ntarget_type: item\ntarget_identity: /p/1/\npin_definitions:\n${pins}`

interface Case {
  code: string
  text: string
  line: number
  column: number
  endColumn?: number
  /** Default luigisbox/case.yml. */
  file?: string
}

const cases: Case[] = [
  {
    code: 'json/syntax',
    file: 'luigisbox/case.json',
    // At the trailing comma itself.
    text: '{\n  "model": "basket",\n  "target_type": "all",\n}\n',
    line: 3,
    column: 23,
  },
  { code: 'file/empty', text: '# nothing here\n', line: 1, column: 1 },
  {
    code: 'yaml/syntax',
    text: 'model: basket\npin_definitions: [\n  {position: 1\n',
    // At the bracket never closed, not past the end of the file.
    line: 2,
    column: 18,
  },
  {
    code: 'yaml/duplicate-key',
    text: 'model: basket\nmodel: home\n',
    line: 2,
    column: 1,
    endColumn: 6,
  },
  {
    code: 'yaml/too-deep',
    text: `model: basket\ncriteria: ${'['.repeat(80)}${']'.repeat(80)}\n`,
    line: 2,
    column: 74,
  },
  {
    code: 'yaml/alias-limit',
    text: `a: &a [x, x]\nb: &b [${Array(11).fill('*a').join(', ')}]\nc: [${Array(11).fill('*b').join(', ')}]\n`,
    line: 1,
    column: 1,
  },
  {
    code: 'yaml/not-json',
    text: base().replace('position: 1', 'position: .inf'),
    line: 5,
    column: 15,
  },
  { code: 'document/empty', text: `${base()}---\n`, line: 8, column: 4 },
  { code: 'document/not-mapping', text: '- model: basket\n', line: 1, column: 1 },
  {
    code: 'schema/unknown-key',
    text: base('  - position: 1\n    pin_type: item\n    pin_identty: /p/2/\n'),
    line: 7,
    column: 5,
    endColumn: 16,
  },
  {
    code: 'schema/required',
    text: 'target_type: all\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: x}\n',
    line: 1,
    column: 1,
  },
  { code: 'schema/type', text: `tags: evergreen\n${base()}`, line: 1, column: 7, endColumn: 16 },
  {
    code: 'schema/enum',
    text: base().replace('target_type: item', 'target_type: items'),
    line: 2,
    column: 14,
  },
  {
    code: 'schema/empty-string',
    text: base().replace('model: basket', "model: ''"),
    line: 1,
    column: 8,
  },
  {
    code: 'pins/empty',
    text: 'model: basket\ntarget_type: all\npin_definitions: []\n',
    line: 3,
    column: 18,
  },
  {
    code: 'target/missing-identity',
    text: base().replace('target_identity: /p/1/\n', ''),
    line: 2,
    column: 14,
  },
  {
    code: 'target/unexpected-identity',
    text: base().replace('target_type: item', 'target_type: all'),
    line: 3,
    column: 1,
  },
  {
    code: 'target/missing-criteria',
    text: base().replace('target_type: item\ntarget_identity: /p/1/', 'target_type: criteria'),
    line: 2,
    column: 14,
  },
  {
    code: 'target/unexpected-criteria',
    text: `${base()}target_criteria: {brand: Fender}\n`,
    line: 8,
    column: 1,
  },
  {
    code: 'target/metadata-ignored',
    text: 'model: basket\ntarget_type: all\ntarget_metadata: {title: x}\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: x}\n',
    line: 3,
    column: 1,
  },
  {
    code: 'criteria/empty',
    text: base('  - position: 1\n    pin_type: criteria\n    pin_criteria: {}\n'),
    line: 7,
    column: 19,
  },
  {
    code: 'pin/position',
    text: base().replace('position: 1', 'position: -2'),
    line: 5,
    column: 15,
  },
  {
    code: 'pin/missing-identity',
    text: base('  - position: 1\n    pin_type: item\n'),
    line: 6,
    column: 15,
  },
  {
    code: 'pin/unexpected-identity',
    text: base(
      '  - position: 1\n    pin_type: criteria\n    pin_criteria: {a: 1}\n    pin_identity: /p/2/\n',
    ),
    line: 8,
    column: 5,
  },
  {
    code: 'pin/missing-criteria',
    text: base('  - position: 1\n    pin_type: criteria\n'),
    line: 6,
    column: 15,
  },
  {
    code: 'pin/unexpected-criteria',
    text: base(
      '  - position: 1\n    pin_type: item\n    pin_identity: x\n    pin_criteria: {a: 1}\n',
    ),
    line: 8,
    column: 5,
  },
  {
    code: 'pin/block-position',
    text: base().replace('position: 1', 'position: 0'),
    line: 5,
    column: 15,
  },
  {
    code: 'pin/date-format',
    text: base(
      '  - position: 1\n    pin_type: item\n    pin_identity: x\n    active_to: 2026-02-01\n',
    ),
    line: 8,
    column: 16,
  },
  {
    code: 'pin/date-unusual',
    text: base(
      '  - position: 1\n    pin_type: item\n    pin_identity: x\n    active_to: 2026-12-01T00:00:00\n',
    ),
    line: 8,
    column: 16,
  },
  {
    code: 'schema/null',
    text: base('  - position: 1\n    pin_type: item\n    pin_identity: x\n    widget_id: null\n'),
    line: 8,
    column: 5,
  },
  {
    code: 'schema/server-owned',
    text: `id: 199620b4-df1a-46e8-ab59-9e9ed9af7106\n${base()}`,
    line: 1,
    column: 1,
  },
  {
    code: 'pin/date-order',
    text: base(
      '  - position: 1\n    pin_type: item\n    pin_identity: x\n    active_from: 2026-09-01T00:00:00Z\n    active_to: 2026-08-01T00:00:00Z\n',
    ),
    line: 9,
    column: 16,
  },
  {
    code: 'pin/expired',
    text: base(
      '  - position: 1\n    pin_type: item\n    pin_identity: x\n    active_to: 2026-05-01T00:00:00Z\n',
    ),
    line: 8,
    column: 16,
  },
  {
    code: 'pin/position-collision',
    text: base(
      '  - {position: 2, pin_type: item, pin_identity: a}\n  - {position: 2, pin_type: item, pin_identity: b}\n',
    ),
    line: 6,
    column: 16,
  },
  {
    code: 'pin/duplicate-item',
    text: base(
      '  - {position: 1, pin_type: item, pin_identity: a}\n  - {position: 2, pin_type: item, pin_identity: a}\n',
    ),
    line: 6,
    column: 49,
  },
  { code: 'scope/duplicate', text: `${base()}---\n${base()}`, line: 3, column: 18 },
]

describe.each(cases)(
  '$code',
  ({ code, text, line, column, endColumn, file = 'luigisbox/case.yml' }) => {
    test(`is reported at ${line}:${column}`, () => {
      const { problems } = validateSources([{ file, text }], now)
      const found = problems.find((p) => p.code === code)
      expect(found).toMatchObject({
        file,
        line,
        column,
        severity: severityOf(code),
      })
      if (endColumn !== undefined) expect(found?.endColumn).toBe(endColumn)
      expect(found?.message.length).toBeGreaterThan(20)
    })
  },
)

test('a duplicate scope is an error on both documents, each naming the other', () => {
  const { problems, documents } = validateSources(
    [
      { file: 'luigisbox/a.yml', text: base() },
      { file: 'luigisbox/b.yml', text: `# same target\n${base()}` },
    ],
    now,
  )
  const duplicates = problems.filter((p) => p.code === 'scope/duplicate')
  expect(duplicates.map((p) => [p.file, p.line])).toEqual([
    ['luigisbox/a.yml', 3],
    ['luigisbox/b.yml', 4],
  ])
  expect(duplicates[0]?.message).toContain('luigisbox/b.yml:2')
  expect(duplicates[1]?.message).toContain('luigisbox/a.yml:1')
  expect(documents.every((d) => d.customization === undefined)).toBe(true)
})

test('criteria scopes compare canonically: key order does not make them different', () => {
  const doc = (criteria: string) =>
    `model: m\ntarget_type: criteria\ntarget_criteria: ${criteria}\npin_definitions: [{position: 1, pin_type: item, pin_identity: x}]\n`
  const { problems } = validateSources(
    [
      { file: 'a.yml', text: doc('{brand: Fender, color: red}') },
      { file: 'b.yml', text: doc('{color: red, brand: Fender}') },
    ],
    now,
  )
  expect(problems.filter((p) => p.code === 'scope/duplicate')).toHaveLength(2)
})

test('a criteria value and the same value as a one-element list are one scope, as planning sees them', () => {
  const doc = (criteria: string) =>
    `model: m\ntarget_type: criteria\ntarget_criteria: ${criteria}\npin_definitions: [{position: 1, pin_type: item, pin_identity: x}]\n`
  const { problems } = validateSources(
    [
      { file: 'a.yml', text: doc('{brand: Fender}') },
      { file: 'b.yml', text: doc('{brand: [Fender]}') },
    ],
    now,
  )
  expect(problems.filter((p) => p.code === 'scope/duplicate')).toHaveLength(2)
})

test('too many documents: reported at the first document past the limit', () => {
  const text = Array.from(
    { length: 101 },
    (_, i) =>
      `model: m${i}\ntarget_type: all\npin_definitions: [{position: 1, pin_type: item, pin_identity: x}]\n`,
  ).join('---\n')
  const { problems, documents } = validateSources([{ file: 'a.yml', text }], now)
  expect(problems).toHaveLength(1)
  // The `---` that opens document 101.
  expect(problems[0]).toMatchObject({ code: 'file/too-many-documents', line: 400, column: 1 })
  expect(documents).toHaveLength(100)
})

test('too many problems: the first 200 in reading order, then one that says more follow', () => {
  // 150,000 pins without a pin_type: checked quickly, and reported in bounded space.
  const text = `model: m\ntarget_type: all\npin_definitions:\n${'  - {position: -1}\n'.repeat(150_000)}`
  const started = Date.now()
  const { problems } = validateSources([{ file: 'a.yml', text }], now)
  expect(Date.now() - started).toBeLessThan(30_000)
  expect(problems).toHaveLength(201)
  expect(problems.slice(0, 200).every((p) => p.code === 'schema/required')).toBe(true)
  expect(problems[200]).toMatchObject({ code: 'file/too-many-problems', line: 204, column: 5 })
  expect(problems[200]?.message).toMatch(/^\d+ or more problems from here on are not listed/)
}, 60_000)

describe('file guards', () => {
  let workspace: string
  beforeAll(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'pins-load-'))
    await mkdir(path.join(workspace, 'luigisbox'))
  })

  const load = (file: string) => manifestReader(workspace)(file)
  const problemOf = async (file: string): Promise<Problem | undefined> => {
    const loaded = await load(file)
    return loaded.kind === 'problem' ? loaded.problem : undefined
  }

  test('file/too-large: refused from its size, at 1:1', async () => {
    await writeFile(path.join(workspace, 'luigisbox/big.yml'), Buffer.alloc(1024 * 1024 + 1, 0x20))
    expect(await problemOf('luigisbox/big.yml')).toMatchObject({
      code: 'file/too-large',
      line: 1,
      column: 1,
    })
  })

  test('file/encoding: points at the first invalid byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('model: basket\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ])
    await writeFile(path.join(workspace, 'luigisbox/latin1.yml'), bytes)
    expect(await problemOf('luigisbox/latin1.yml')).toMatchObject({
      code: 'file/encoding',
      line: 2,
      column: 11,
    })
  })

  test('file/encoding: a NUL byte marks a binary file', async () => {
    await writeFile(
      path.join(workspace, 'luigisbox/bin.yml'),
      Buffer.from([0x61, 0x3a, 0x00, 0x01]),
    )
    const problem = await problemOf('luigisbox/bin.yml')
    expect(problem).toMatchObject({ code: 'file/encoding', line: 1, column: 3 })
    expect(problem?.message).toContain('binary')
  })

  test('file/outside-workspace: a symlink out of the workspace is refused', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'pins-outside-'))
    await writeFile(path.join(outside, 'secret.yml'), 'model: secret\n')
    await symlink(path.join(outside, 'secret.yml'), path.join(workspace, 'luigisbox/link.yml'))
    const problem = await problemOf('luigisbox/link.yml')
    expect(problem).toMatchObject({ code: 'file/outside-workspace', line: 1, column: 1 })
    expect(problem?.message).not.toContain('secret')
  })

  test('a symlink inside the workspace is read', async () => {
    await writeFile(path.join(workspace, 'real.yml'), 'model: basket\n')
    await symlink(path.join(workspace, 'real.yml'), path.join(workspace, 'luigisbox/inside.yml'))
    expect(await load('luigisbox/inside.yml')).toMatchObject({
      kind: 'text',
      text: 'model: basket\n',
    })
  })

  test('file/unreadable: a directory where a file was expected', async () => {
    await mkdir(path.join(workspace, 'luigisbox/dir.yml'))
    expect(await problemOf('luigisbox/dir.yml')).toMatchObject({ code: 'file/unreadable', line: 1 })
  })

  test('a missing file is reported as missing, not as a problem', async () => {
    expect(await load('luigisbox/nope.yml')).toEqual({
      kind: 'missing',
      file: 'luigisbox/nope.yml',
    })
  })
})

test('every documented code is covered by a test here, and every case is documented', () => {
  const tested = new Set([
    ...cases.map((c) => c.code),
    'scope/duplicate',
    'file/too-many-documents',
    'file/too-many-problems',
    'file/too-large',
    'file/encoding',
    'file/outside-workspace',
    'file/unreadable',
    // Reported when submitting; __tests__/report/report.test.ts checks both.
    'luigisbox/rejected',
    'luigisbox/failed',
    'luigisbox/scope-rewritten',
  ])
  expect(RULES.map((r) => r.code).filter((code) => !tested.has(code))).toEqual([])
  expect([...tested].filter((code) => !RULES.some((r) => r.code === code))).toEqual([])
})

function severityOf(code: string): string {
  return RULES.find((r) => r.code === code)?.severity ?? 'unknown'
}
