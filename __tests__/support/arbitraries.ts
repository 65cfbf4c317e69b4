// fast-check generators for the manifest property tests: text of any shape, and valid
// customizations with the many ways to write them.
import fc from 'fast-check'
import type { ToStringOptions } from 'yaml'
import { CUSTOMIZATION_KEYS, PIN_KEYS } from '../../src/manifest/schema.js'

/** The clock the generated active windows lie in the future of; validate against it. */
export const now = new Date('2026-06-01T00:00:00Z')
const NOW = now.getTime()
const DAY = 24 * 60 * 60 * 1000

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type Doc = Record<string, Json>

/** How a manifest is written: YAML, or JSON with this indent. */
export type Format = ['yaml' | 'json', number]

// ---------------------------------------------------------------------------------------------
// Text of any shape

export const variant = fc.constantFrom('lf', 'crlf', 'bom', 'bom+crlf')
export function applyVariant(text: string, kind: string): string {
  const crlf = kind.includes('crlf') ? text.replace(/\r?\n/g, '\r\n') : text
  return kind.startsWith('bom') ? `\uFEFF${crlf}` : crlf
}

/** Pieces of YAML and JSON syntax, so random text reaches deep into the parser and the rules. */
export const TOKENS = [
  'model',
  'target_type',
  'target_identity',
  'target_criteria',
  'pin_definitions',
  'position',
  'pin_type',
  'pin_identity',
  'is_block_pin',
  'active_to',
  'item',
  'criteria',
  'all',
  ':',
  ': ',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '\\',
  '#',
  ' # c',
  // Anchors and aliases with different names, so no alias can sit inside its own anchor (that
  // case is tested on its own below).
  '&a ',
  '*z',
  '!',
  '!!binary ',
  '!!str ',
  '!!set ',
  '!custom ',
  '---\n',
  '...\n',
  '? ',
  '|',
  '>-',
  '%YAML 1.1\n',
  '%TAG !e! tag:e.com,2000:\n',
  '1',
  '-1',
  '0',
  '1.5',
  '.inf',
  '.nan',
  '1e999',
  '0x1F',
  '~',
  'null',
  'true',
  '2020-01-01T00:00:00Z',
  '2030-01-01T00:00:00+01:00',
  '\uFEFF',
  '\u0085',
  '\u2028',
  'é',
  '😀',
  '<<: ',
  '__proto__',
  '\u0000',
]

export const yamlish = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 80 })
  .map((tokens) => tokens.join(''))

// ---------------------------------------------------------------------------------------------
// Valid customizations

const text = (max = 16) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max })
/** Free text where YAML is at its trickiest: spaces at the ends, line breaks, quotes, colons. */
const prose = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '\n', '\t', ':', '#', '-', '"', "'", '{', '[', 'é', '0'),
  maxLength: 30,
})
const jsonValue = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>
const criteriaArb = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), jsonValue, {
  minKeys: 1,
  maxKeys: 4,
  noNullPrototype: true,
}) as fc.Arbitrary<Record<string, Json>>

/** An ISO 8601 date-time in one of the forms the schema takes: Z or an offset, ms optional. */
function isoDate(ms: number, offsetQuarters: number, millis: boolean): string {
  if (offsetQuarters === 0) {
    const z = new Date(ms).toISOString()
    return millis ? z : z.replace(/\.\d{3}Z$/, 'Z')
  }
  const minutes = offsetQuarters * 15
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, millis ? 23 : 19)
  const abs = Math.abs(minutes)
  const sign = minutes < 0 ? '-' : '+'
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
const dateArb = (min: number, max: number) =>
  fc
    .tuple(
      fc.integer({ min, max }),
      fc.oneof(fc.constant(0), fc.integer({ min: -48, max: 56 })),
      fc.boolean(),
    )
    .map(([ms, quarters, millis]) => {
      const whole = millis ? ms : ms - (ms % 1000)
      return { ms: whole, text: isoDate(whole, quarters, millis) }
    })

/** Optional active window, wholly in the future, from strictly before to. */
const windowArb = fc
  .tuple(
    fc.option(dateArb(NOW + 60_000, NOW + 3650 * DAY)),
    fc.option(fc.integer({ min: 2000, max: 400 * DAY })),
  )
  .chain(([from, length]): fc.Arbitrary<Record<string, string>> => {
    if (from && length !== null) {
      return dateArb(from.ms + length, from.ms + length).map((to) => ({
        active_from: from.text,
        active_to: to.text,
      }))
    }
    if (from) return fc.constant({ active_from: from.text })
    if (length !== null)
      return dateArb(NOW + length, NOW + length).map((to) => ({ active_to: to.text }))
    return fc.constant({})
  })

const pinsArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: n, maxLength: n }),
      fc.uniqueArray(text(), { minLength: n, maxLength: n }),
      fc.array(
        fc.tuple(
          fc.constantFrom('item', 'criteria'),
          criteriaArb,
          fc.record(
            { widget_id: text(), is_bundle_pin: fc.boolean(), is_block_pin: fc.constant(false) },
            { requiredKeys: [] },
          ),
          windowArb,
        ),
        { minLength: n, maxLength: n },
      ),
    )
    .map(([positions, identities, rest]) =>
      rest.map(([pinType, criteria, optional, window], i): Doc => {
        const target: Doc =
          pinType === 'item'
            ? { pin_identity: identities[i] as string }
            : { pin_criteria: criteria }
        return {
          position: positions[i] as number,
          pin_type: pinType,
          ...target,
          ...(optional as Doc),
          ...window,
        }
      }),
    ),
)

const targetArb: fc.Arbitrary<Doc> = fc.oneof(
  fc
    .tuple(
      text(),
      fc.option(
        fc.dictionary(text(8), fc.oneof(prose, jsonValue), { maxKeys: 3, noNullPrototype: true }),
      ),
    )
    .map(([identity, metadata]): Doc => ({
      target_type: 'item',
      target_identity: identity,
      ...(metadata ? { target_metadata: metadata as Record<string, Json> } : {}),
    })),
  criteriaArb.map((criteria): Doc => ({ target_type: 'criteria', target_criteria: criteria })),
  fc.constant<Doc>({ target_type: 'all' }),
)

export interface Generated {
  customization: Doc
  manifest: Doc
}

/** A valid customization, and its manifest form (maybe with an editor's `$schema`). */
export const customizationArb: fc.Arbitrary<Generated> = fc
  .tuple(
    text(),
    targetArb,
    fc.option(fc.array(fc.oneof(text(), prose), { maxLength: 4 })),
    pinsArb,
    fc.option(fc.constant('https://example.com/customization.schema.json')),
  )
  .map(([model, target, tags, pins, schema]) => {
    const customization: Doc = {
      model,
      ...target,
      ...(tags ? { tags } : {}),
      pin_definitions: pins,
    }
    const manifest: Doc = schema ? { $schema: schema, ...customization } : customization
    return { customization, manifest }
  })

/** Equal scopes are an error by design, so several documents get different scopes. */
function scopeKeyOf(c: Doc): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v
  return JSON.stringify([c.model, c.target_type, c.target_identity, sort(c.target_criteria)])
}

export const manifestsArb = fc.uniqueArray(customizationArb, {
  minLength: 1,
  maxLength: 3,
  selector: (c) => scopeKeyOf(c.customization),
})

export const formatArb: fc.Arbitrary<Format> = fc.oneof(
  fc.tuple(fc.constant('yaml' as const), fc.constant(0)),
  fc.tuple(fc.constant('json' as const), fc.constantFrom(0, 2, 4)),
)

/** The many ways to write the same data in YAML: styles of strings, keys and collections. */
export const yamlStyleArb: fc.Arbitrary<ToStringOptions> = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 40, 80),
  defaultStringType: fc.constantFrom(
    'PLAIN' as const,
    'QUOTE_DOUBLE' as const,
    'QUOTE_SINGLE' as const,
    'BLOCK_LITERAL' as const,
    'BLOCK_FOLDED' as const,
  ),
  defaultKeyType: fc.constantFrom(
    null,
    'PLAIN' as const,
    'QUOTE_DOUBLE' as const,
    'QUOTE_SINGLE' as const,
  ),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
  flowCollectionPadding: fc.boolean(),
  doubleQuotedAsJSON: fc.boolean(),
  directives: fc.constantFrom(true, null),
  trueStr: fc.constantFrom('true', 'True', 'TRUE'),
  falseStr: fc.constantFrom('false', 'False', 'FALSE'),
})

// ---------------------------------------------------------------------------------------------
// Mutations

const KNOWN_KEYS = new Set([...CUSTOMIZATION_KEYS, ...PIN_KEYS])

/** A one-letter slip in `key` that is no known key either, so it cannot be read as another field. */
export const typoArb = (key: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('substitute', 'insert', 'delete', 'transpose'),
      fc.nat(),
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'),
    )
    .map(([op, at, letter]) => {
      const i = at % key.length
      switch (op) {
        case 'substitute':
          return key.slice(0, i) + letter + key.slice(i + 1)
        case 'insert':
          return key.slice(0, i) + letter + key.slice(i)
        case 'delete':
          return key.slice(0, i) + key.slice(i + 1)
        default: {
          const j = Math.min(i, key.length - 2)
          return key.slice(0, j) + (key[j + 1] ?? '') + (key[j] ?? '') + key.slice(j + 2)
        }
      }
    })
    .filter((typo) => typo !== key && !KNOWN_KEYS.has(typo))

export const yamlOrJson: fc.Arbitrary<Format> = fc.oneof(
  fc.constant(['yaml', 0] as ['yaml', number]),
  fc.constant(['json', 2] as ['json', number]),
)
