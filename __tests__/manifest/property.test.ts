// Property-based tests of the validation pipeline: bytes → decodeManifest → validateSources.
// Whatever a pull request contains, the Action must answer with problems it can annotate (a line
// and column inside the file), never with a crash; and a manifest that is right must pass as it is,
// submitting exactly the value its author wrote.
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { parse, stringify, type ToStringOptions } from 'yaml'
import { decodeManifest } from '../../src/workspace/read.js'
import { parseSource } from '../../src/manifest/parse.js'
import { compareProblems, type Problem } from '../../src/manifest/problems.js'
import { CUSTOMIZATION_KEYS, customizationSchema, PIN_KEYS } from '../../src/manifest/schema.js'
import { validateSources, type ValidationResult } from '../../src/manifest/validate.js'

const now = new Date('2026-06-01T00:00:00Z')
const NOW = now.getTime()
const DAY = 24 * 60 * 60 * 1000

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Doc = Record<string, Json>

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
  if (problem.code === '' || problem.message === '') fail('no code or message')
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

/** A document with an error is never submitted; one that is submitted is well-formed. */
function expectSubmitOnlyValid(
  result: ValidationResult,
  sources: readonly { file: string; text: string }[],
): void {
  for (const document of result.documents) {
    if (document.customization === undefined) continue
    expect(customizationSchema.safeParse(document.customization).success).toBe(true)
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
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([])
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

const variant = fc.constantFrom('lf', 'crlf', 'bom', 'bom+crlf')
function applyVariant(text: string, kind: string): string {
  const crlf = kind.includes('crlf') ? text.replace(/\r?\n/g, '\r\n') : text
  return kind.startsWith('bom') ? `\uFEFF${crlf}` : crlf
}

// ---------------------------------------------------------------------------------------------
// (a) Arbitrary input never crashes and is always reported inside the file

/** Pieces of YAML and JSON syntax, so random text reaches deep into the parser and the rules. */
const TOKENS = [
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

const yamlish = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 80 })
  .map((tokens) => tokens.join(''))

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

  // BUG: src/manifest/parse.ts:146 (toParsedDocument → findNonJson, line 196). `yaml`'s toJS
  // turns an alias inside its own anchor (`&a [*a]`) into a circular JS value; findNonJson recurses
  // into it forever and the RangeError ("Maximum call stack size exceeded") escapes validateSources,
  // although parseSource promises "Never throws: bad input becomes issues". In the Action a
  // one-line manifest in a pull request crashes the step instead of being annotated.
  // Expected: an error problem inside the file (e.g. at the alias) and no customization.
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

/** A valid customization, and its manifest form (maybe with an editor's `$schema`). */
const customizationArb = fc
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

const manifestsArb = fc.uniqueArray(customizationArb, {
  minLength: 1,
  maxLength: 3,
  selector: (c) => scopeKeyOf(c.customization),
})

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

const formatArb = fc.oneof(
  fc.tuple(fc.constant('yaml' as const), fc.constant(0)),
  fc.tuple(fc.constant('json' as const), fc.constantFrom(0, 2, 4)),
)

function serialise(manifests: Doc[], [format, indent]: ['yaml' | 'json', number], kind: string) {
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

/** The many ways to write the same data in YAML: styles of strings, keys and collections. */
const yamlStyleArb: fc.Arbitrary<ToStringOptions> = fc.record({
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

const KNOWN_KEYS = new Set([...CUSTOMIZATION_KEYS, ...PIN_KEYS])

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

const typoArb = (key: string) =>
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

/** A value of the wrong type for each field, written on the key's own line. */
function wrongValues(key: string): Json[] {
  switch (key) {
    case 'position':
      return ['1', 1.5, true, null, -2, []]
    case 'target_type':
    case 'pin_type':
      return [42, true, 'items', null]
    case 'is_block_pin':
    case 'is_bundle_pin':
      return ['true', 1, null, []]
    case 'target_criteria':
    case 'pin_criteria':
    case 'target_metadata':
      return ['x', 42, [], null]
    case 'tags':
    case 'pin_definitions':
      return ['x', 42, {}, null]
    case 'active_from':
    case 'active_to':
      return [42, '2026-13-01', 'tomorrow', true]
    default:
      return [42, true, null, [], {}]
  }
}

/** The text from a problem's line and column to the end of that line. */
function textAt(lines: readonly string[], p: Problem): string {
  return (lines[p.line - 1] ?? '').slice(p.column - 1)
}

const yamlOrJson = fc.oneof(
  fc.constant(['yaml', 0] as ['yaml', number]),
  fc.constant(['json', 2] as ['json', number]),
)

function serialiseOne(manifest: Doc, [format, indent]: ['yaml' | 'json', number]): string {
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

  // BUG: src/manifest/check-schema.ts, toFindings, `case 'invalid_value'` (line 87). zod 4 reports a
  // missing enum key as `invalid_value`, not `invalid_type`, and that case does not check whether
  // the key is there. So a manifest without `target_type` (or a pin without `pin_type`) gets
  // `schema/enum` "target_type must be one of item, criteria, all, not undefined." instead of the
  // documented `schema/required` "Missing required key "target_type" ...". And as that finding
  // has no `missing`, withoutEchoes cannot drop it: a typo such as `targt_type:` gives two errors,
  // the confusing "not undefined" one plus the helpful "did you mean" one.
  // Expected: deleting the key → one schema/required error naming it; a typo → one
  // schema/unknown-key error only, as for every other key.
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
