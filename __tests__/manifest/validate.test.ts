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

test('debug many', () => {
  const result = check(`model: basket
target_type: items
pin_identty: x
pin_definitions:
  - position: 0
    pin_type: item
  - position: 1.5
    pin_type: criteria
    pin_criteria: {}
    active_from: 2026-01-01T00:00:00Z
    active_to: 2025-01-01T00:00:00Z
`)
  console.log(result.problems)
})
