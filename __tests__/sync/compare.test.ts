import { CUSTOMIZATION_KEYS, PIN_KEYS, type Customization } from '../../src/manifest/schema.js'
import { sameCustomization } from '../../src/sync/compare.js'

const pin = {
  position: 1,
  pin_type: 'criteria',
  pin_identity: '/p/2/',
  pin_criteria: { brand: 'Fender' },
  widget_id: 'w',
  is_block_pin: true,
  is_bundle_pin: true,
  active_from: '2026-12-01T00:00:00Z',
  active_to: '2027-01-01T00:00:00Z',
} as const
const full: Customization = {
  model: 'basket',
  target_type: 'item',
  target_identity: '/p/1/',
  target_criteria: { brand: 'Fender' },
  target_metadata: { title: 'Strat' },
  tags: ['a'],
  pin_definitions: [pin],
}

/** A different, still well-typed value for any field. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1
  if (typeof value === 'boolean') return !value
  if (Array.isArray(value)) return [...value, 'z']
  if (typeof value === 'string') {
    return Number.isNaN(Date.parse(value)) ? `${value}x` : '2030-01-01T00:00:00Z'
  }
  return { other: 1 }
}

// A field the schema gains must be compared, or a change to it would be reported as unchanged
// and never sent.
test('a change to any field the schema lists makes a customization differ', () => {
  const fields = CUSTOMIZATION_KEYS.filter((key) => key !== '$schema' && key !== 'pin_definitions')
  expect(fields.length).toBeGreaterThan(0)
  for (const field of fields) {
    const other = { ...full, [field]: changed(full[field as keyof Customization]) }
    expect([field, sameCustomization(full, other as Customization)]).toEqual([field, false])
  }
  for (const field of PIN_KEYS) {
    const other = { ...pin, [field]: changed(pin[field as keyof typeof pin]) }
    const body = { ...full, pin_definitions: [other] } as Customization
    expect([field, sameCustomization(full, body)]).toEqual([field, false])
  }
})

test('every field is compared, and a full copy is the same', () => {
  expect(Object.keys(full).sort()).toEqual(CUSTOMIZATION_KEYS.filter((k) => k !== '$schema').sort())
  expect(Object.keys(pin).sort()).toEqual([...PIN_KEYS].sort())
  expect(sameCustomization(full, structuredClone(full))).toBe(true)
})

test.each(['active_from', 'active_to'])('%s compares as an instant, not as text', (field) => {
  const at = (value: string) => ({ ...full, pin_definitions: [{ ...pin, [field]: value }] })
  expect(
    sameCustomization(at('2026-12-01T00:00:00Z'), at('2026-12-01T00:00:00.000000+00:00')),
  ).toBe(true)
  expect(sameCustomization(at('2026-12-01T00:00:00Z'), at('2026-12-01T00:00:01Z'))).toBe(false)
})

// A server that accepts an unusual spelling and stores the common one: were the two compared as
// text, every run would send the same update again.
test.each([
  ['2031-10-02T06.5+00:15', '2031-10-02T06:30:00.000000+00:15'],
  ['2026-W49-2T10:00Z', '2026-12-01T10:00:00.000000+00:00'],
  ['2026-335T10:00:00,25Z', '2026-12-01T10:00:00.250000+00:00'],
  ['2026-11-30T24:00Z', '2026-12-01T00:00:00.000000+00:00'],
])('the unusual %s and the stored %s are the same instant', (written, stored) => {
  const at = (value: string) => ({ ...full, pin_definitions: [{ ...pin, active_to: value }] })
  expect(sameCustomization(at(written), at(stored))).toBe(true)
  expect(sameCustomization(at(written), at('2031-10-02T06:30:01Z'))).toBe(false)
})
