// The walk that recognises valid manifests without zod (src/manifest/accepts.ts) may skip zod's
// checks only where zod would find nothing: a document it accepts wrongly would pass unchecked.
import fc from 'fast-check'
import * as z from 'zod'
import { compileAccepts } from '../../src/manifest/accepts.js'
import { manifestPinSchema, manifestSchema } from '../../src/manifest/schema.js'
import { customizationArb, type Json } from '../support/arbitraries.js'

const accepts = compileAccepts(manifestSchema)
const zodAccepts = (value: unknown) => manifestSchema.safeParse(value).success

/** Values a manifest's fields could hold instead, wrong types and edge cases included. */
const replacement: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    'x',
    'item',
    'criteria',
    'all',
    -2,
    -1,
    0,
    1,
    1.5,
    2 ** 53,
    true,
    false,
    [],
    {},
    ['a'],
    { brand: 'Fender' },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
)

const KEYS = [
  ...Object.keys(manifestSchema.shape),
  ...Object.keys(manifestPinSchema.shape),
  'unknown_key',
  '__proto__',
  'constructor',
]

/** A valid manifest with one to three fields, at the top or in a pin, replaced or removed. */
const mutated = fc
  .tuple(
    customizationArb,
    fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(...KEYS), replacement), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([{ manifest }, edits]) => {
    // Parsed, as a manifest is: plain objects of this realm.
    const document = JSON.parse(JSON.stringify(manifest)) as Record<string, unknown>
    for (const [inPin, index, key, value] of edits) {
      const pins = document.pin_definitions
      const target =
        inPin && Array.isArray(pins) && pins.length > 0 ? pins[index % pins.length] : document
      if (typeof target !== 'object' || target === null || Array.isArray(target)) continue
      if (value === undefined) delete (target as Record<string, unknown>)[key]
      else
        Object.defineProperty(target, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        })
    }
    return document
  })

test('every valid manifest is recognised, so zod runs only on documents with a mistake', () => {
  fc.assert(
    fc.property(customizationArb, ({ manifest }) => {
      expect(accepts(manifest)).toBe(true)
    }),
    { numRuns: 300 },
  )
})

test('on any data a parser can produce, it agrees with zod exactly', () => {
  let rejected = 0
  fc.assert(
    fc.property(mutated, (document) => {
      expect(accepts(document)).toBe(zodAccepts(document))
      if (!zodAccepts(document)) rejected++
    }),
    { numRuns: 1000 },
  )
  // The mutations do break documents: the agreement is not only on valid ones.
  expect(rejected).toBeGreaterThan(250)
})

test('what it does not know, it leaves to zod', () => {
  const unsure: [string, z.ZodType, unknown][] = [
    ['a refinement', z.string().refine((s) => s.startsWith('a')), 'b'],
    ['a string format', z.iso.datetime(), 'yesterday'],
    ['a transform', z.string().transform((s) => s.length), 'x'],
    ['coercion', z.coerce.number(), '1'],
    ['an exclusive bound', z.number().gt(0), 0],
    ['a 32-bit integer', z.int32(), 2 ** 40],
    ['a union', z.union([z.string(), z.number()]), true],
    ['a non-strict object', z.object({ a: z.string() }), { a: 'x', b: 1 }],
    ['a refined object', z.strictObject({ a: z.string() }).refine(() => false), { a: 'x' }],
  ]
  for (const [, schema, value] of unsure) {
    expect(compileAccepts(schema)(value)).toBe(false)
    // Refused because it is not sure, not because the value is wrong: a right value too.
  }
  expect(compileAccepts(z.iso.datetime())('2026-01-31T00:00:00Z')).toBe(false)
  expect(compileAccepts(z.object({ a: z.string() }))({ a: 'x' })).toBe(false)
  // Known kinds answer both ways.
  const known = compileAccepts(
    z.strictObject({ n: z.int().min(-1), s: z.string().min(1).max(3), t: z.enum(['a']) }),
  )
  expect(known({ n: -1, s: 'abc', t: 'a' })).toBe(true)
  expect(known({ n: -2, s: 'abc', t: 'a' })).toBe(false)
  expect(known({ n: 0.5, s: 'abc', t: 'a' })).toBe(false)
  expect(known({ n: 0, s: 'abcd', t: 'a' })).toBe(false)
  expect(known({ n: 0, s: '', t: 'a' })).toBe(false)
  expect(known({ n: 0, s: 'a', t: 'b' })).toBe(false)
  expect(known({ n: 0, s: 'a', t: 'a', extra: 1 })).toBe(false)
})
