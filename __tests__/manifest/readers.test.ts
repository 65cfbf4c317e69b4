// The readers that stand in for `yaml` on large files (the JSON scan, and js-yaml with node
// events) must read every text they answer for exactly as `yaml` does: the same documents,
// values and issues, and every key and value placed at the same line and column. Otherwise a
// mistake would be reported elsewhere, or differently, in a large file than in a small one.
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { parseAllDocuments, stringify } from 'yaml'
import {
  DENSE_FROM,
  parseDense,
  parseSource,
  parseWithYaml,
  type ParsedSource,
  type Path,
} from '../../src/manifest/parse.js'
import { fastRead } from '../../src/manifest/fast-parse.js'
import { recordNodes } from '../../src/manifest/node-events.js'
import { stripBom } from '../../src/manifest/position.js'
import {
  applyVariant,
  customizationArb,
  variant,
  yamlish,
  yamlStyleArb,
  type Json,
} from '../support/arbitraries.js'

type Reading = Omit<ParsedSource, 'position'>

/** Every path into the data, and a few beside it (a key or item that is not there). */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (out.length > 400) return out
  out.push(path)
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...path, i], out))
    out.push([...path, value.length], [...path, 'x'])
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out)
    out.push([...path, 'missing'], [...path, 0])
  }
  return out
}

/** The data `yaml` sees in each document, repeated keys and all, for the paths to try. */
function dataOf(text: string): unknown[] {
  return parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' }).map((doc) => {
    try {
      return doc.toJS({ maxAliasCount: -1 }) as unknown
    } catch {
      return undefined
    }
  })
}

const byPlace = (issues: Reading['issues']) =>
  [...issues].sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code))

/** Throws, with what differs, unless `ours` reads `text` exactly as `yaml` does. */
function expectSameReading(text: string, ours: Reading): void {
  const reference = parseWithYaml(stripBom(text))
  expect(byPlace(ours.issues)).toEqual(byPlace(reference.issues))
  expect(ours.documents.length).toBe(reference.documents.length)
  const data = dataOf(stripBom(text))
  ours.documents.forEach((document, index) => {
    const other = reference.documents[index]
    expect({ index: document.index, start: document.start }).toEqual({
      index: other?.index,
      start: other?.start,
    })
    expect(isDeepStrictEqual(document.value, other?.value)).toBe(true)
    // A document with issues has no data: nothing in it is ever located.
    if (other?.value === undefined) return
    for (const path of pathsOf(data[index])) {
      for (const part of ['key', 'value'] as const) {
        const place = document.locate(path, part)
        const expected = other?.locate(path, part)
        if (!isDeepStrictEqual(place, expected))
          throw new Error(`${JSON.stringify(path)} ${part}: ${JSON.stringify([place, expected])}`)
      }
    }
  })
}

// ---------------------------------------------------------------------------------------------
// JSON

/** JSON printed with whitespace of every kind between its tokens, and repeated keys at times. */
const jsonTextArb = fc
  .tuple(
    fc.jsonValue({ maxDepth: 3 }),
    fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  \n    ', '\n\t '), { minLength: 1 }),
    fc.array(fc.boolean(), { minLength: 1 }),
    fc.boolean(),
  )
  .map(([value, spaces, repeats, escape]) => {
    let n = 0
    const space = () => spaces[n++ % spaces.length] as string
    const repeat = () => repeats[n % repeats.length] === true && n++ % 3 === 0
    const string = (s: string) =>
      escape
        ? JSON.stringify(s).replace(/[a-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
        : JSON.stringify(s)
    const print = (v: unknown): string => {
      if (Array.isArray(v))
        return `[${space()}${v.map((item) => print(item) + space()).join(`,${space()}`)}]`
      if (v !== null && typeof v === 'object') {
        const members = Object.entries(v).flatMap(([key, item]) => {
          const member = `${string(key)}${space()}:${space()}${print(item)}${space()}`
          return repeat() ? [member, member] : [member]
        })
        return `{${space()}${members.join(`,${space()}`)}}`
      }
      return typeof v === 'string' ? string(v) : JSON.stringify(v)
    }
    return `${space()}${print(value)}${space()}`
  })

describe('strict JSON, read by the JSON scan', () => {
  test('reads as yaml reads it: values, repeated keys, places', () => {
    fc.assert(
      fc.property(jsonTextArb, fc.constantFrom('', '\uFEFF'), (text, bom) => {
        expectSameReading(bom + text, parseSource(bom + text))
      }),
      { numRuns: 300 },
    )
  })

  test.each([
    ['a repeated key, also when escaped', '{"a": 1, "\\u0061": {"b": 2, "b": 3}}'],
    ['__proto__ as a key', '{"__proto__": {"polluted": true}, "model": "m"}'],
    ['a number JSON cannot carry as a value', '{"pin_definitions": [{"position": 1e999}]}'],
    ['a key longer than YAML allows a block key', `{"${'k'.repeat(1100)}": 1, "k": [1,\n2]}`],
    ['a key and its value on separate lines', '{"a"\n:\n"b"}'],
    ['a scalar document', '"just text"'],
  ])('%s', (_, text) => {
    expectSameReading(text, parseSource(text))
  })
})

// ---------------------------------------------------------------------------------------------
// YAML, read by js-yaml

const must = (text: string): Reading => {
  const reading = parseDense(text)
  if (!reading) throw new Error(`the dense reader left this to yaml: ${JSON.stringify(text)}`)
  return reading
}

describe('large YAML, read by js-yaml where it can be sure', () => {
  test('is only for large texts: small ones are read by yaml itself', () => {
    expect(DENSE_FROM).toBeGreaterThanOrEqual(16 * 1024)
  })

  test('a valid customization in any YAML style reads as yaml reads it', () => {
    fc.assert(
      fc.property(customizationArb, yamlStyleArb, variant, ({ manifest }, options, kind) => {
        const text = applyVariant(stringify(manifest, options), kind)
        const reading = parseDense(stripBom(text))
        if (reading) expectSameReading(text, reading)
      }),
      { numRuns: 200 },
    )
  })

  test('token soup: whenever it answers, it answers as yaml does', () => {
    fc.assert(
      fc.property(yamlish, variant, (raw, kind) => {
        const text = stripBom(applyVariant(raw, kind))
        const reading = parseDense(text)
        if (reading) expectSameReading(text, reading)
      }),
      { numRuns: 1000 },
    )
  })

  /** Manifests with the constructs this reader must place itself, mixed by fast-check. */
  const piecesArb = fc
    .array(
      fc.constantFrom(
        'model: basket\n',
        'model: again\n',
        'target_type:\n',
        'target_type: # nothing yet\n',
        'tags: [a, b,  c ]\n',
        'tags: &t [x, y]\n',
        'other_tags: *t\n',
        "title: 'it''s'\n",
        'title: "two\n  lines"\n',
        'note: plain text\n  on two lines\n',
        'empty: &e\n',
        'alias: *e\n',
        '1: numeric key\n',
        'true: boolean key\n',
        'pin_definitions:\n  - position: 1\n    pin_type: item\n    pin_identity: /p/1/\n',
        'pin_definitions:\n- {position: 1, pin_type: item}\n- &p {position: 2}\n- *p\n',
        'pin_definitions:\n  - position:\n    pin_type:   \n  - {}\n',
        'criteria:\n  brand: [Fender, Gibson]\n  brand: again\n',
        '# a comment\n',
        '\n',
        '---\n',
        '--- # the next one\n',
        '--- &root\n',
        // Mistakes, after which `yaml` reads the document without most of what precedes them.
        'bad: "never closed\n',
        '  indented: too far\n',
        'list: [a, b\n',
        'tab:\t- x\n',
        '- stray item\n',
        'value: with: colon\n',
      ),
      { minLength: 1, maxLength: 24 },
    )
    .map((pieces) => pieces.join(''))

  test('anchors, aliases, empty values, repeated keys and documents read as yaml reads them', () => {
    fc.assert(
      fc.property(piecesArb, fc.constantFrom('\n', '\r\n'), (raw, eol) => {
        const text = raw.replace(/\n/g, eol)
        const reading = parseDense(text)
        if (reading) expectSameReading(text, reading)
      }),
      { numRuns: 1000 },
    )
  })

  const summary = (reading: Reading | undefined) =>
    reading && {
      issues: reading.issues,
      documents: reading.documents.map(({ index, start, value }) => ({ index, start, value })),
    }

  test('from the events the fast pass recorded, it reads a text as it would read it again', () => {
    // The fast pass (json: false) stops at a repeated key where this reader reads on, and ends
    // its read early or whole, refused or not: the events it leaves must give the same reading.
    const mistakes = [
      'model: "never closed\n',
      '    indented: too far\n',
      'tags: [a, b\n',
      'model: again\n',
      '---\n',
    ]
    const arb = fc
      .tuple(fc.oneof(piecesArb, yamlish), fc.constantFrom(...mistakes), fc.nat(60))
      .map(([raw, mistake, pins]) => {
        const list = Array.from({ length: pins }, (_, i) => `  - position: ${i}\n`).join('')
        return `model: a\npin_definitions:\n${list}${mistake}${raw}`
      })
    let replayed = 0
    fc.assert(
      fc.property(arb, (text) => {
        const recording = recordNodes()
        fastRead(text, recording)
        if (recording.events.end && !recording.events.end.duplicateKey) replayed++
        const reading = parseDense(text, recording.events)
        expect(summary(reading)).toEqual(summary(parseDense(text)))
        if (reading) expectSameReading(text, reading)
      }),
      { numRuns: 400 },
    )
    expect(replayed).toBeGreaterThan(100)
  })

  test.each([
    ['repeated keys', 'model: a\nmodel: b\npin_definitions:\n  - {a: 1, a: 2}\n'],
    ['anchors and aliases', 'tags: &t [a, b]\nother: *t\npins:\n  - &p {position: 1}\n  - *p\n'],
    ['empty values and documents', 'model:\ntarget_type:   # later\n---\n---   \nmodel: x\n'],
    ['a long flow list', `tags: [${Array.from({ length: 3000 }, (_, i) => i).join(', ')}]\n`],
    ['CRLF line ends', 'model: a\r\npin_definitions:\r\n  - position: 1\r\n    x:\r\n'],
    [
      'a document with an alias past the limit',
      `a: &a [1]\nb: [${Array(101).fill('*a').join(', ')}]\n`,
    ],
  ])('answers for %s, as yaml does', (_, text) => {
    expectSameReading(text, must(text))
  })

  test.each([
    ['an unclosed quote at the end', 'model: "never closed\n'],
    ['a line indented too far in the middle', '    indented: too far\n'],
    ['an unclosed flow list', '  - [a, b\n'],
  ])('a mistake after many entries (%s) is reported as yaml reports it', (_, mistake) => {
    const pins = Array.from({ length: 40 }, (_, i) => `  - position: ${i}\n    pin_type: item\n`)
    const text = `model: a\npin_definitions:\n${pins.join('')}${mistake}${pins.slice(0, 5).join('')}`
    expectSameReading(text, must(text))
  })

  test.each([
    ['a line indented too far', '  indented: too far\n'],
    ['an unclosed quote', 'title: "never closed\n'],
    ['an unclosed flow list', 'tags: [a, b\n'],
    ['a tab', 'tags:\t- x\n'],
  ])('a mistake early in a long document (%s) is reported as yaml reports it', (_, mistake) => {
    const pins = Array.from({ length: 200 }, (_, i) => `  - position: ${i}\n    pin_type: "item"\n`)
    const text = `model: a\n${mistake}target_type: all\npin_definitions:\n${pins.join('')}`
    expectSameReading(text, must(text))
  })

  test('more than the most documents: the first past the limit is reported where yaml does', () => {
    const text = Array.from({ length: 150 }, (_, i) => `# doc ${i}\n---\nmodel: m${i}\n`).join('')
    expectSameReading(text, must(text))
  })

  test.each([
    ['a tag', 'model: !custom x\n'],
    ['a directive', '%YAML 1.2\n---\nmodel: x\n'],
    ['an explicit key', '? model\n: x\n'],
    ['a null key', 'null: x\n'],
    ['a syntax error', 'model: "x\n'],
    // Where js-yaml reads a text yaml refuses, or reads it differently.
    ['a comment against a value', 'model: "x"#c\n'],
    ["a nested mapping on its key's line", 'model: &x b: c\n'],
    ['an anchor name ending in a colon', 'model: &x: 1\n'],
    ['a quoted value over two lines', 'model: "x\ny"\n'],
    ['a line that starts like a document marker', '----\n'],
    ['an outer item after an empty inner one', 'tags:\n  - - # none\n  - {}\n'],
    ['a tab before a value', '\tmodel\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(parseDense(text)).toBeUndefined()
  })
})

test('a large file is read by the dense reader, and placed exactly', () => {
  const pins = Array.from(
    { length: 2000 },
    (_, i) => `  - position: ${i % 7}\n    pin_type: item\n    pin_identity: /p/${i}/\n`,
  ).join('')
  const text = `model: basket\ntarget_type: all\npin_definitions:\n${pins}`
  expect(text.length).toBeGreaterThan(DENSE_FROM)
  expectSameReading(text, parseSource(text))
  const json = JSON.stringify({ model: 'm', tags: Array(20_000).fill('t') as Json[] })
  expectSameReading(json, parseSource(json))
})
