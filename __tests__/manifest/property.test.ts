// Property-based tests of the validation pipeline: bytes → decodeManifest → validateSources.
// Whatever a pull request contains, the Action must answer with problems it can annotate (a line
// and column inside the file), never with a crash; and a manifest that is right must pass as it is,
// submitting exactly the value its author wrote.
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { parse, stringify, type ToStringOptions } from 'yaml'
import { decodeManifest } from '../../src/workspace/read.js'
import { parseSource } from '../../src/manifest/parse.js'
import { severityOf } from '../../src/manifest/codes.js'
import { compareProblems, type Problem } from '../../src/manifest/problems.js'
import { readDateTime } from '../../src/manifest/date-time.js'
import { customizationSchema } from '../../src/manifest/schema.js'
import { validateSources, type ValidationResult } from '../../src/manifest/validate.js'
import {
  applyVariant,
  customizationArb,
  formatArb,
  manifestsArb,
  now,
  TOKENS,
  typoArb,
  variant,
  yamlish,
  yamlOrJson,
  yamlStyleArb,
  type Doc,
  type Format,
  type Json,
} from '../support/arbitraries.js'

// ---------------------------------------------------------------------------------------------
// Helpers

/** The text's lines as an editor shows them: split at LF, so a CRLF line keeps its CR. */
const linesOf = (text: string): string[] => text.split('\n')

/** Throws (with the problem) unless it points inside the file: annotations elsewhere are lost. */
function expectInside(problem: Problem, lines: readonly string[]): void {
  const fail = (why: string) => {
    throw new Error(`${why}: ${JSON.stringify(problem)} (file has ${lines.length} lines)`)
  }
  const { line, column, endLine, endColumn } = problem
  if (![line, column, endLine, endColumn].every(Number.isInteger)) fail('not integers')
  if (line < 1 || line > lines.length) fail('line outside the file')
  if (column < 1) fail('column before the start of the line')
  if (column > (lines[line - 1] ?? '').length + 1) fail('column past the end of the line')
  if (endLine < line || endLine > lines.length) fail('endLine outside the file or before line')
  if (endLine === line && endColumn < column) fail('endColumn before column')
  if (endColumn < 1) fail('endColumn before the start of the line')
  if (problem.severity !== 'error' && problem.severity !== 'warning') fail('unknown severity')
  if (!problem.code || !problem.message) fail('no code or message')
}

/** compareProblems must be a consistent order, or the report's order is arbitrary. */
function expectSortable(problems: readonly Problem[]): void {
  const sorted = [...problems].sort(compareProblems)
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (compareProblems(sorted[i] as Problem, sorted[i + 1] as Problem) > 0) {
      throw new Error(`not sorted at ${i}: ${JSON.stringify(sorted.slice(i, i + 2))}`)
    }
  }
  // Antisymmetry on a sample: hundreds of syntax errors need not all be compared pairwise.
  const sample = problems.slice(0, 40)
  for (const a of sample) {
    for (const b of sample) {
      const ab = Math.sign(compareProblems(a, b))
      const ba = Math.sign(compareProblems(b, a))
      if (ab !== -ba && !(ab === 0 && ba === 0)) {
        throw new Error(`inconsistent order: ${JSON.stringify([a, b])}`)
      }
    }
  }
}

/**
 * The customization with each date-time in the common spelling, where the checks read one. An
 * unusual spelling (`T06.5Z`, a week date, no offset) is submitted as written, with a warning, as
 * the API documents ISO 8601 and nothing narrower; one the checks cannot read is never submitted.
 */
function commonDates(customization: Record<string, unknown>): Record<string, unknown> {
  const pins = Array.isArray(customization.pin_definitions) ? customization.pin_definitions : []
  const spelled = pins.map((pin: Record<string, unknown>) => {
    const copy = { ...pin }
    for (const field of ['active_from', 'active_to']) {
      const value = copy[field]
      const reading = typeof value === 'string' ? readDateTime(value) : undefined
      if (reading?.kind === 'valid' && reading.unusual) {
        copy[field] = new Date(reading.time).toISOString()
      }
    }
    return copy
  })
  return { ...customization, pin_definitions: spelled }
}

/** A document with an error is never submitted; one that is submitted is well-formed. */
function expectSubmitOnlyValid(
  result: ValidationResult,
  sources: readonly { file: string; text: string }[],
): void {
  for (const document of result.documents) {
    if (document.customization === undefined) continue
    expect(customizationSchema.safeParse(commonDates(document.customization)).success).toBe(true)
    expect(Object.hasOwn(document.customization, '$schema')).toBe(false)
    // What is submitted is what the YAML 1.2 parser (the one that positions problems) reads there.
    const text = sources.find((s) => s.file === document.file)?.text ?? ''
    // A lone CR is a known disagreement between the two parsers, tested on its own in (b).
    if (/\r(?!\n)/.test(text)) continue
    const parsed = parseSource(text)
    const value = parsed.documents[document.index]?.value
    expect(value).toBeInstanceOf(Object)
    const { $schema: _schema, ...read } = value as Doc
    expect(document.customization).toEqual(read)
    // In a file of one document, any error is that document's: it must not be submitted.
    if (parsed.documents.length === 1) {
      expect(parsed.issues.filter((i) => severityOf(i.code) === 'error')).toEqual([])
      const errors = result.problems.filter(
        (p) => p.file === document.file && p.severity === 'error',
      )
      expect(errors).toEqual([])
    }
  }
}

/** Run bytes through the pipeline the Action uses, returning problems and the text's lines. */
function pipeline(file: string, bytes: Uint8Array) {
  const loaded = decodeManifest(file, bytes)
  if (loaded.kind === 'problem') {
    // Not text: the lines an editor shows, with U+FFFD for what is not UTF-8 (LF bytes are
    // never part of a multi-byte sequence, so the line count is exact).
    return {
      problems: [loaded.problem],
      lines: linesOf(new TextDecoder('utf-8').decode(bytes)),
      result: undefined,
      text: '',
    }
  }
  if (loaded.kind !== 'text') throw new Error(`unexpected ${loaded.kind}`)
  const result = validateSources([{ file, text: loaded.text }], now)
  return { problems: result.problems, lines: linesOf(loaded.text), result, text: loaded.text }
}

function checkAnyText(text: string): ValidationResult {
  const result = validateSources([{ file: 'luigisbox/a.yml', text }], now)
  const lines = linesOf(text)
  for (const problem of result.problems) expectInside(problem, lines)
  expect(result.problems.every((p) => p.file === 'luigisbox/a.yml')).toBe(true)
  expectSortable(result.problems)
  expectSubmitOnlyValid(result, [{ file: 'luigisbox/a.yml', text }])
  return result
}

const encoder = new TextEncoder()

// ---------------------------------------------------------------------------------------------
// (a) Arbitrary input never crashes and is always reported inside the file

describe('(a) any input: no exception, every problem inside the file', () => {
  test('random Unicode text (including lone surrogates and control characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), variant, (raw, kind) => {
        checkAnyText(applyVariant(raw, kind))
      }),
      { numRuns: 150 },
    )
  })

  test('random YAML-like token soup, as text and through the byte decoder', () => {
    fc.assert(
      fc.property(yamlish, variant, (raw, kind) => {
        const text = applyVariant(raw, kind)
        checkAnyText(text)
        const { problems, lines } = pipeline('luigisbox/a.yml', encoder.encode(text))
        for (const problem of problems) expectInside(problem, lines)
        expectSortable(problems)
      }),
      { numRuns: 300 },
    )
  })

  test('random bytes, and valid text with random bytes spliced in', () => {
    const spliced = fc
      .tuple(yamlish, fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 }))))
      .map(([text, inserts]) => {
        let bytes = encoder.encode(text)
        for (const [at, insert] of inserts) {
          const i = at % (bytes.length + 1)
          const next = new Uint8Array(bytes.length + insert.length)
          next.set(bytes.subarray(0, i))
          next.set(insert, i)
          next.set(bytes.subarray(i), i + insert.length)
          bytes = next
        }
        return bytes
      })
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), spliced), (bytes) => {
        const { problems, lines, result, text } = pipeline('luigisbox/a.yml', bytes)
        for (const problem of problems) expectInside(problem, lines)
        expectSortable(problems)
        if (result) expectSubmitOnlyValid(result, [{ file: 'luigisbox/a.yml', text }])
      }),
      { numRuns: 300 },
    )
  })

  test('an invalid byte is reported at its own line and column, and nothing is validated', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.string({ unit: 'grapheme', maxLength: 15 }), { minLength: 1, maxLength: 4 })
          .chain((parts) => fc.constantFrom('\n', '\r\n').map((eol) => parts.join(eol))),
        fc.constantFrom(0x00, 0x80, 0xc0, 0xc3, 0xed, 0xf5, 0xff),
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        (before, byte, after) => {
          const head = encoder.encode(before)
          // 0xc3 and 0xed start a sequence; a following ASCII byte (or nothing) makes them invalid.
          const bytes = new Uint8Array([...head, byte, ...encoder.encode(after)])
          const loaded = decodeManifest('luigisbox/a.yml', bytes)
          expect(loaded.kind).toBe('problem')
          if (loaded.kind !== 'problem') return
          const lines = linesOf(before)
          expect(loaded.problem).toMatchObject({
            code: 'file/encoding',
            severity: 'error',
            line: lines.length,
            column: (lines.at(-1) ?? '').length + 1,
          })
          expect(loaded.problem.message).toContain(
            byte === 0 ? 'NUL' : `0x${byte.toString(16).padStart(2, '0')}`,
          )
        },
      ),
      { numRuns: 150 },
    )
  })

  test('anchors and aliases (defined before use, never inside themselves) never crash', () => {
    // Each value may refer to earlier anchors only; many references make an alias bomb.
    const anchored = fc
      .array(
        fc.record({
          kind: fc.constantFrom('seq', 'map', 'scalar'),
          refs: fc.array(fc.nat(), { maxLength: 12 }),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((entries) =>
        entries
          .map(({ kind, refs }, i) => {
            const aliases = i === 0 ? [] : refs.map((r) => `*a${r % i}`)
            const body =
              kind === 'scalar' || aliases.length === 0
                ? 'x'
                : kind === 'seq'
                  ? `[${aliases.join(', ')}]`
                  : `{${aliases.map((a, j) => `k${j}: ${a}`).join(', ')}}`
            return `k${i}: &a${i} ${body}`
          })
          .join('\n'),
      )
    fc.assert(
      fc.property(anchored, (text) => {
        const result = checkAnyText(text)
        // Not a customization at all: always errors, so nothing to submit.
        expect(result.problems.some((p) => p.severity === 'error')).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  // `yaml`'s toJS turns an alias inside its own anchor (`&a [*a]`) into a circular JS value. A walk
  // over it (findNonJson in src/manifest/parse.ts) once recursed forever, and the RangeError
  // crashed the step on a one-line manifest instead of annotating it.
  test('an alias inside its own anchor is a problem, not a crash', () => {
    const circular = [
      'model: &a [*a]\ntarget_type: all\npin_definitions: [{position: 1, pin_type: item, pin_identity: x}]\n',
      'target_criteria: &c {brand: *c}\n',
      'pin_definitions: &p\n  - *p\n',
      '&d {model: *d}\n',
    ]
    for (const text of circular) {
      const result = checkAnyText(text)
      expect(result.problems.some((p) => p.severity === 'error')).toBe(true)
      expect(result.documents.every((d) => d.customization === undefined)).toBe(true)
    }
  })
})

// ---------------------------------------------------------------------------------------------
// (b) Valid customizations pass unchanged, as YAML and as JSON

interface Serialised {
  sources: { file: string; text: string }[]
  /** Where each document starts (file and 1-based line), in validation order. */
  starts: { file: string; line: number }[]
  /** What each document's value is once written in this format. */
  expected: Doc[]
}

function toYaml(manifests: Doc[], kind: string): Serialised {
  const parts = manifests.map((m) => stringify(m))
  const starts: Serialised['starts'] = []
  let lf = ''
  parts.forEach((part, i) => {
    if (i > 0) lf += '---\n'
    starts.push({ file: 'luigisbox/all.yaml', line: lf.split('\n').length })
    lf += part
  })
  return {
    sources: [{ file: 'luigisbox/all.yaml', text: applyVariant(lf, kind) }],
    starts,
    expected: manifests,
  }
}

function toJson(manifests: Doc[], kind: string, indent: number): Serialised {
  const sources = manifests.map((m, i) => ({
    file: `luigisbox/${i}.json`,
    text: applyVariant(`${JSON.stringify(m, null, indent)}\n`, kind),
  }))
  return {
    sources,
    starts: sources.map((s) => ({ file: s.file, line: 1 })),
    // JSON has no -0; what the author wrote in JSON is what JSON keeps.
    expected: manifests.map((m) => JSON.parse(JSON.stringify(m)) as Doc),
  }
}

/**
 * `yaml`'s own stringify is not always read back as written by its own parser (yaml 2.9.1:
 * `{k: " \n"}` becomes `k: |+` over a line of spaces, which parses as "\n"). That is the
 * library's writer, not the validator: such values are skipped for YAML. Likewise its line
 * folding can split a surrogate pair (an emoji) across lines, which is not UTF-8 any more.
 */
function yamlRoundTrips(manifest: Doc, options?: ToStringOptions): boolean {
  const written = new TextDecoder().decode(encoder.encode(stringify(manifest, options)))
  try {
    return isDeepStrictEqual(parse(written), manifest)
  } catch {
    return false // With lineWidth: 0 it can even write `key:\n[]`, which is not YAML.
  }
}

const withoutSchema = ({ $schema: _schema, ...rest }: Doc): Doc => rest

/** Through the byte decoder, as the Action reads files. */
function validateAsAction(sources: { file: string; text: string }[]): ValidationResult {
  const decoded = sources.map(({ file, text }) => {
    const loaded = decodeManifest(file, encoder.encode(text))
    if (loaded.kind !== 'text') throw new Error(`not text: ${JSON.stringify(loaded)}`)
    return { file, text: loaded.text }
  })
  return validateSources(decoded, now)
}

function serialise(manifests: Doc[], [format, indent]: Format, kind: string) {
  return format === 'yaml' ? toYaml(manifests, kind) : toJson(manifests, kind, indent)
}

describe('(b) valid customizations: no problems, and the value validated is the value submitted', () => {
  test('as YAML (several documents per file) and as JSON, with LF, CRLF and a BOM', () => {
    fc.assert(
      fc.property(manifestsArb, formatArb, variant, (generated, format, kind) => {
        fc.pre(format[0] === 'json' || generated.every((g) => yamlRoundTrips(g.manifest)))
        const { sources, starts, expected } = serialise(
          generated.map((g) => g.manifest),
          format,
          kind,
        )
        const result = validateAsAction(sources)
        expect(result.problems).toEqual([])
        expect(result.documents.map((d) => d.customization)).toEqual(expected.map(withoutSchema))
        expect(result.documents.map((d) => ({ file: d.file, line: d.line }))).toEqual(starts)
        expect(result.documents.every((d) => d.scope !== undefined)).toBe(true)
      }),
      { numRuns: 150 },
    )
  })
})

describe('(b) the value submitted does not depend on which parser read the file', () => {
  const manifest = (criteria: string, extra = '') =>
    `model: m\ntarget_type: criteria\n${criteria}pin_definitions:\n  - {position: 1, pin_type: item, pin_identity: x${extra}}\n`

  // The fast first pass (js-yaml, src/manifest/fast-parse.ts) must never read a file
  // differently from `yaml`: these are the constructs where the two differ, so they must give the
  // same problems and values as `yaml` (parseSource), with or without an unrelated `%` (which
  // sends a file to `yaml` alone).
  test.each([
    ['a null key', 'target_criteria: {null: 1}\n', '\n'],
    ['a ~ key', 'target_criteria: {~: 1}\n', '\n'],
    ['a collection key', 'target_criteria:\n  ? [a, b]\n  : 1\n', '\n'],
    ['a block key of 1100 characters', `target_criteria:\n  ${'k'.repeat(1100)}: 1\n`, '\n'],
    // Old Mac line breaks: js-yaml reads the lines, `yaml` reports yaml/syntax.
    ['CR-only line breaks', 'target_criteria: {brand: Fender}\n', '\r'],
  ])('%s', (_, criteria, eol) => {
    const plain = manifest(criteria).replace(/\n/g, eol)
    // The same manifest with a `%` in a string: only `yaml` reads it.
    const withPercent = manifest(criteria, ', widget_id: "50%"').replace(/\n/g, eol)
    const [a, b] = [plain, withPercent].map((text) =>
      validateSources([{ file: 'luigisbox/a.yml', text }], now),
    )
    const full = parseSource(plain)
    expect(a?.problems.map((p) => p.code)).toEqual(full.issues.map((i) => i.code))
    expect(a?.documents[0]?.customization?.target_criteria).toEqual(
      b?.documents[0]?.customization?.target_criteria,
    )
    expect(a?.documents[0]?.customization?.target_criteria).toEqual(
      (full.documents[0]?.value as Doc | undefined)?.target_criteria,
    )
  })

  test('for ordinary criteria both parsers agree (the comparison above can pass)', () => {
    const criteria = 'target_criteria: {brand: Fender, price: [1, 2.5], "on sale": true}\n'
    const [a, b] = [manifest(criteria), manifest(criteria, ', widget_id: "50%"')].map((text) =>
      validateSources([{ file: 'luigisbox/a.yml', text }], now),
    )
    expect(a?.problems).toEqual([])
    expect(b?.problems).toEqual([])
    expect(a?.documents[0]?.customization?.target_criteria).toEqual({
      brand: 'Fender',
      price: [1, 2.5],
      'on sale': true,
    })
    expect(b?.documents[0]?.customization?.target_criteria).toEqual(
      a?.documents[0]?.customization?.target_criteria,
    )
  })
})

describe('(b) any YAML style', () => {
  test('a valid customization passes unchanged however its YAML is styled', () => {
    fc.assert(
      fc.property(
        customizationArb,
        yamlStyleArb,
        fc.constantFrom('', '# pins for the basket\n', '\n\n'),
        fc.constantFrom('', '...\n', '# end\n'),
        variant,
        ({ manifest, customization }, options, before, after, kind) => {
          // Only what `yaml` itself reads back as written (see yamlRoundTrips).
          fc.pre(yamlRoundTrips(manifest, options))
          const written = stringify(manifest, options)
          const text = applyVariant(`${before}${written}${after}`, kind)
          const result = validateAsAction([{ file: 'luigisbox/a.yml', text }])
          expect(result.problems).toEqual([])
          expect(result.documents.map((d) => d.customization)).toEqual([customization])
          expectSubmitOnlyValid(result, [{ file: 'luigisbox/a.yml', text }])
        },
      ),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// (c) Mutated manifests

const REQUIRED: Record<string, string> = {
  model: 'schema/required',
  pin_definitions: 'schema/required',
  position: 'schema/required',
  target_identity: 'target/missing-identity',
  target_criteria: 'target/missing-criteria',
  pin_identity: 'pin/missing-identity',
  pin_criteria: 'pin/missing-criteria',
}

/** Missing enum keys have their own test below, so the properties leave them out. */
const ENUM_KEYS = ['target_type', 'pin_type']

/** The mappings a key may be changed in: the document itself, or one of its pins. */
function objectsOf(c: Doc): { path: (string | number)[]; object: Doc }[] {
  const pins = c.pin_definitions as Doc[]
  return [
    { path: [], object: c },
    ...pins.map((pin, i) => ({ path: ['pin_definitions', i], object: pin })),
  ]
}

function clone(c: Doc): Doc {
  return structuredClone(c)
}

/** Rebuild a mapping with one key renamed, keeping the key order (and so the line) as written. */
function renameKey(object: Doc, from: string, to: string): void {
  const entries = Object.entries(object)
  for (const key of Object.keys(object)) delete object[key]
  for (const [key, value] of entries) object[key === from ? to : key] = value
}

/** A value of the wrong type for each field, written on the key's own line. */
/** Optional fields may be null (a warning, as in what the API returns); these may not. */
const NOT_NULLABLE = new Set(['model', '$schema'])

function wrongValues(key: string): Json[] {
  switch (key) {
    case 'position':
      return ['1', 1.5, true, null, -2, []]
    case 'target_type':
    case 'pin_type':
      return [42, true, 'items', null]
    case 'is_block_pin':
    case 'is_bundle_pin':
      return ['true', 1, []]
    case 'target_criteria':
    case 'pin_criteria':
    case 'target_metadata':
      return ['x', 42, []]
    case 'tags':
      return ['x', 42, {}]
    case 'pin_definitions':
      return ['x', 42, {}, null]
    case 'active_from':
    case 'active_to':
      return [42, '2026-13-01', 'tomorrow', true]
    default:
      return [42, true, ...(NOT_NULLABLE.has(key) ? [null] : []), [], {}]
  }
}

/** The text from a problem's line and column to the end of that line. */
function textAt(lines: readonly string[], p: Problem): string {
  return (lines[p.line - 1] ?? '').slice(p.column - 1)
}

function serialiseOne(manifest: Doc, [format, indent]: Format): string {
  return format === 'yaml' ? stringify(manifest) : `${JSON.stringify(manifest, null, indent)}\n`
}

describe('(c) mutated manifests', () => {
  test('removing `model` is one schema/required problem at the document start; others still submit', () => {
    fc.assert(
      fc.property(manifestsArb, fc.nat(), formatArb, (generated, pick, format) => {
        fc.pre(format[0] === 'json' || generated.every((g) => yamlRoundTrips(g.manifest)))
        const manifests = generated.map((g) => clone(g.manifest))
        const broken = pick % manifests.length
        delete (manifests[broken] as Doc).model
        const { sources, starts, expected } = serialise(manifests, format, 'lf')
        const result = validateAsAction(sources)
        const start = starts[broken] as { file: string; line: number }
        expect(result.problems).toEqual([
          expect.objectContaining({
            file: start.file,
            line: start.line,
            column: 1,
            severity: 'error',
            code: 'schema/required',
            message: expect.stringContaining('"model"'),
          }),
        ])
        expect(result.documents.map((d) => d.customization)).toEqual(
          expected.map((m, i) => (i === broken ? undefined : withoutSchema(m))),
        )
      }),
      { numRuns: 100 },
    )
  })

  test('deleting any required key is an error naming it, and the document is not submitted', () => {
    const arb = customizationArb.chain(({ manifest }) => {
      const candidates = objectsOf(manifest).flatMap(({ path, object }) =>
        Object.keys(object)
          .filter((key) => key in REQUIRED)
          .map((key) => ({ path, key })),
      )
      return fc.tuple(fc.constant(manifest), fc.constantFrom(...candidates), yamlOrJson)
    })
    fc.assert(
      fc.property(arb, ([manifest, { path, key }, format]) => {
        const mutated = clone(manifest)
        const target = objectsOf(mutated).find((o) => o.path.join() === path.join())?.object
        delete (target as Doc)[key]
        const text = serialiseOne(mutated, format)
        const result = checkAnyText(text)
        const errors = result.problems.filter((p) => p.severity === 'error')
        expect(errors).toEqual([
          expect.objectContaining({
            code: REQUIRED[key],
            message: expect.stringContaining(key),
          }),
        ])
        expect(result.documents[0]?.customization).toBeUndefined()
      }),
      { numRuns: 150 },
    )
  })

  test('a typo in any key is exactly one schema/unknown-key error, at the key, suggesting it', () => {
    const arb = customizationArb.chain(({ manifest }) => {
      const candidates = objectsOf(manifest).flatMap(({ path, object }) =>
        Object.keys(object)
          .filter((key) => key !== '$schema')
          .map((key) => ({ path, key })),
      )
      return fc
        .constantFrom(...candidates)
        .chain((candidate) =>
          fc.tuple(
            fc.constant(manifest),
            fc.constant(candidate),
            typoArb(candidate.key),
            yamlOrJson,
          ),
        )
    })
    fc.assert(
      fc.property(arb, ([manifest, { path, key }, typo, format]) => {
        const mutated = clone(manifest)
        const target = objectsOf(mutated).find((o) => o.path.join() === path.join())?.object
        renameKey(target as Doc, key, typo)
        const text = serialiseOne(mutated, format)
        const result = checkAnyText(text)
        expect(result.problems).toEqual([
          expect.objectContaining({
            code: 'schema/unknown-key',
            severity: 'error',
            message: expect.stringContaining(`did you mean "${key}"?`),
          }),
        ])
        const [problem] = result.problems as [Problem]
        expect(textAt(linesOf(text), problem)).toMatch(
          new RegExp(`^"?${typo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*:`),
        )
        expect(result.documents[0]?.customization).toBeUndefined()
      }),
      { numRuns: 150 },
    )
  })

  // zod 4 reports a missing enum key as `invalid_value`, not `invalid_type` (toFindings in
  // src/manifest/check-schema.ts). Read as a wrong value, a manifest without `target_type` got
  // "must be one of item, criteria, all, not undefined" instead of schema/required, and a typo such
  // as `targt_type:` got that error as well as the "did you mean" one.
  test('a missing or misspelt target_type / pin_type is reported like any other key', () => {
    const arb = customizationArb.chain(({ manifest }) => {
      const candidates = objectsOf(manifest).flatMap(({ path, object }) =>
        ENUM_KEYS.filter((key) => key in object).map((key) => ({ path, key })),
      )
      return fc
        .constantFrom(...candidates)
        .chain((candidate) =>
          fc.tuple(fc.constant(manifest), fc.constant(candidate), typoArb(candidate.key)),
        )
    })
    fc.assert(
      fc.property(arb, ([manifest, { path, key }, typo]) => {
        const deleted = clone(manifest)
        delete (objectsOf(deleted).find((o) => o.path.join() === path.join())?.object as Doc)[key]
        expect(checkAnyText(stringify(deleted)).problems).toEqual([
          expect.objectContaining({
            code: 'schema/required',
            message: expect.stringContaining(`"${key}"`),
          }),
        ])
        const misspelt = clone(manifest)
        renameKey(
          objectsOf(misspelt).find((o) => o.path.join() === path.join())?.object as Doc,
          key,
          typo,
        )
        expect(checkAnyText(stringify(misspelt)).problems).toEqual([
          expect.objectContaining({
            code: 'schema/unknown-key',
            message: expect.stringContaining(`did you mean "${key}"?`),
          }),
        ])
      }),
      { numRuns: 20 },
    )
  })

  test('a value of the wrong type is an error at that value, and the document is not submitted', () => {
    const arb = customizationArb.chain(({ manifest }) => {
      const candidates = objectsOf(manifest).flatMap(({ path, object }) =>
        Object.keys(object).map((key) => ({ path, key })),
      )
      return fc
        .constantFrom(...candidates)
        .chain((candidate) =>
          fc.tuple(
            fc.constant(manifest),
            fc.constant(candidate),
            fc.constantFrom(...wrongValues(candidate.key)),
            yamlOrJson,
          ),
        )
    })
    fc.assert(
      fc.property(arb, ([manifest, { path, key }, value, format]) => {
        const mutated = clone(manifest)
        const target = objectsOf(mutated).find((o) => o.path.join() === path.join())?.object
        ;(target as Doc)[key] = value
        const text = serialiseOne(mutated, format)
        const result = checkAnyText(text)
        const written = format[0] === 'yaml' ? stringify(value).trim() : JSON.stringify(value)
        const errors = result.problems.filter((p) => p.severity === 'error')
        expect(errors.length).toBeGreaterThan(0)
        // One of the errors is about this key and points at the value written for it.
        expect(
          errors.some(
            (p) => p.message.includes(key) && textAt(linesOf(text), p).startsWith(written),
          ),
        ).toBe(true)
        expect(result.documents[0]?.customization).toBeUndefined()
      }),
      { numRuns: 150 },
    )
  })

  test('edits to the text (insertions, deletions, duplicated lines, indentation) never crash', () => {
    const edit = fc.oneof(
      fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 4 })),
      }),
      fc.record({
        op: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
      fc.record({
        op: fc.constant('indent' as const),
        at: fc.nat(),
        indent: fc.constantFrom('', ' ', '   ', '      ', '\t', '  \t'),
      }),
    )
    type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never
    const applyEdit = (text: string, e: Edit): string => {
      const at = e.at % (text.length + 1)
      if (e.op === 'insert') return text.slice(0, at) + e.text + text.slice(at)
      if (e.op === 'delete') return text.slice(0, at) + text.slice(at + e.length)
      const lines = text.split('\n')
      const i = e.at % lines.length
      const line = lines[i] ?? ''
      if (e.op === 'duplicate-line') lines.splice(i, 0, line)
      else lines[i] = e.indent + line.replace(/^[ \t]*/, '')
      return lines.join('\n')
    }
    fc.assert(
      fc.property(
        manifestsArb,
        formatArb,
        variant,
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (generated, format, kind, edits) => {
          const { sources } = serialise(
            generated.map((g) => g.manifest),
            format,
            kind,
          )
          const mutated = sources.map((s) => ({ ...s, text: edits.reduce(applyEdit, s.text) }))
          const result = validateSources(mutated, now)
          const lines = new Map(mutated.map((s) => [s.file, linesOf(s.text)]))
          for (const problem of result.problems) {
            expectInside(problem, lines.get(problem.file) ?? [])
          }
          expectSortable(result.problems)
          expectSubmitOnlyValid(result, mutated)
          // Through the byte decoder too (inserted lone surrogates become U+FFFD there).
          for (const s of mutated) {
            const { problems, lines: decodedLines } = pipeline(s.file, encoder.encode(s.text))
            for (const problem of problems) expectInside(problem, decodedLines)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
