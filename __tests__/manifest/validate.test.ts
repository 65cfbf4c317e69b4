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
