import { parseSource } from '../../src/manifest/parse.js'
import { validateSources } from '../../src/manifest/validate.js'

const now = new Date('2026-06-01T00:00:00Z')
const doc =
  'model: basket\ntarget_type: items\ntarget_identity: /p/1/\npin_definitions:\n  - {position: 1, pin_type: item, pin_identity: x}\n'

test.each([
  ['LF', doc],
  ['CRLF', doc.replace(/\n/g, '\r\n')],
  ['BOM', `\uFEFF${doc}`],
  ['BOM and CRLF', `\uFEFF${doc.replace(/\n/g, '\r\n')}`],
])('%s line endings give the same line and column', (_, text) => {
  const { problems } = validateSources([{ file: 'a.yml', text }], now)
  expect(problems.map((p) => [p.code, p.line, p.column, p.endColumn])).toEqual([
    ['schema/enum', 2, 14, 19],
  ])
})

test('JSON is parsed by the same parser, with positions', () => {
  const text =
    '{\n  "model": "basket",\n  "target_type": "all",\n  "pin_definitions": [\n    {"position": "1", "pin_type": "item", "pin_identity": "x"}\n  ]\n}\n'
  const { problems } = validateSources([{ file: 'a.json', text }], now)
  expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['pin/position', 5, 18]])
})

test('YAML 1.2 core schema: dates, yes/no and 0777 stay what YAML 1.2 says they are', () => {
  const { documents } = parseSource('a: 2026-01-01T00:00:00Z\nb: yes\nc: 0777\nd: 0o17\ne: ~\n')
  expect(documents[0]?.value).toEqual({
    a: '2026-01-01T00:00:00Z',
    b: 'yes',
    c: 777,
    d: 15,
    e: null,
  })
})

test('__proto__ and constructor keys are plain data, reported as unknown keys', () => {
  const text = `__proto__: {polluted: true}\nconstructor: 1\n${doc.replace('items', 'item')}`
  const { problems } = validateSources([{ file: 'a.yml', text }], now)
  expect(problems.map((p) => [p.code, p.line])).toEqual([
    ['schema/unknown-key', 1],
    ['schema/unknown-key', 2],
  ])
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

test('tabs used for indentation are a syntax error at the tab', () => {
  const { problems } = validateSources(
    [{ file: 'a.yml', text: 'model: basket\npin_definitions:\n\t- position: 1\n' }],
    now,
  )
  expect(problems[0]).toMatchObject({ code: 'yaml/syntax', line: 3, column: 1 })
})

test('deep nesting is refused before parsing, in block and flow style', () => {
  let block = ''
  for (let i = 0; i < 10000; i++) block += `${' '.repeat(i)}a:\n`
  for (const text of [block, '['.repeat(10000) + ']'.repeat(10000), '- '.repeat(10000) + 'x\n']) {
    const parsed = parseSource(text)
    expect(parsed.issues.map((i) => i.code)).toEqual(['yaml/too-deep'])
    expect(parsed.documents).toEqual([])
  }
})

test('moderate nesting inside criteria is fine', () => {
  const { issues, documents } = parseSource(`criteria: ${'['.repeat(30)}1${']'.repeat(30)}\n`)
  expect(issues).toEqual([])
  expect(documents).toHaveLength(1)
})

test('brackets inside quoted strings and plain scalars do not count as nesting', () => {
  const text = `title: "${'['.repeat(100)}"\nnote: a${'['.repeat(100)}\n`
  expect(parseSource(text).issues).toEqual([])
})

test('a document in the middle of a file points at its own lines', () => {
  const text = `${doc.replace('items', 'item')}---\n${doc.replace('model: basket', 'model: home')}`
  const { problems } = validateSources([{ file: 'a.yml', text }], now)
  expect(problems.map((p) => [p.code, p.line])).toEqual([['schema/enum', 8]])
})
