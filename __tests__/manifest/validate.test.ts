import { validateSources } from '../../src/manifest/validate.js'

const now = new Date('2026-06-01T00:00:00Z')
const check = (text: string, file = 'luigisbox/a.yml') => validateSources([{ file, text }], now)

const valid = `model: basket
target_type: item
target_identity: /p/1/
pin_definitions:
  - position: 1
    pin_type: item
    pin_identity: /p/2/
`

test('a valid manifest has no problems and yields its customization', () => {
  const result = check(valid)
  expect(result.problems).toEqual([])
  expect(result.documents).toHaveLength(1)
  expect(result.documents[0]?.customization?.model).toBe('basket')
})

test('several mistakes in one document are each reported once, in reading order', () => {
  const result = check(`model: basket
target_type: items
pin_definitions:
  - position: 0
    pin_type: item
    pin_identty: /p/2/
`)
  expect(result.problems.map((p) => [p.code, p.line])).toEqual([
    ['schema/enum', 2],
    ['pin/block-position', 4],
    ['schema/unknown-key', 6],
  ])
  expect(result.documents[0]?.customization).toBeUndefined()
})

test('the value submitted is the value validated, minus $schema', () => {
  const result = check(`$schema: ../schema/customization.schema.json\n${valid}`)
  expect(result.documents[0]?.customization).toEqual({
    model: 'basket',
    target_type: 'item',
    target_identity: '/p/1/',
    pin_definitions: [{ position: 1, pin_type: 'item', pin_identity: '/p/2/' }],
  })
})

test.each([
  [
    'block style, comments and quoted values',
    `model: basket # the basket widget
target_type: "items"
pin_definitions:
  # first pin
  - position: 'first'
    pin_type: item
    pin_identty: /p/2/
    active_to: 2020-01-01T00:00:00Z
  - position: 2
`,
  ],
  [
    'flow style',
    `{model: basket, target_type: item, target_identity: 7,
 pin_definitions: [{position: 0, pin_type: item, pin_identity: [a, b] }, {position: 2}]}
`,
  ],
  [
    'several documents, values on their own line, a block scalar',
    `model: basket
target_type: all
pin_definitions: []
---
model:
  basket
target_type: item
target_identity: |
  /p/1/
pin_definitions:
  - position:
      1.5
    pin_type: nothing
`,
  ],
])('problems are placed where the full parser places them: %s', (_, text) => {
  // An `&`, even in a comment, keeps the file from the fast parser: the same text, placed by `yaml`.
  const full = check(`${text}# &\n`).problems
  expect(full.length).toBeGreaterThan(1)
  expect(check(text).problems).toEqual(full)
})
