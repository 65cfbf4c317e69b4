import { MAX_PROBLEMS_PER_FILE, type ProblemCode } from './codes.js'
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Composer,
  Parser,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml'
import { readDense } from './dense.js'
import { readJson } from './json-source.js'
import { nestingDepth } from './nesting.js'
import type { NodeEvents } from './node-events.js'
import { locatePlaced, repeatedKeys, type Placed } from './placed.js'
import { lineIndex, stripBom, type Position, type Range } from './position.js'
import { errorMessage } from '../error-message.js'

export type PathSegment = string | number
export type Path = readonly PathSegment[]

/** A problem found while parsing, before it is tied to a file. */
export interface ParseIssue {
  range: Range
  code: ProblemCode
  message: string
}

export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number
  /** Plain JSON data; `undefined` when the document could not be turned into data. */
  value: unknown
  /** Where the document starts, for problems about the document as a whole. */
  start: number
  /** Range of the key (`part: 'key'`) or value at `path`, or of the nearest ancestor that exists. */
  locate(path: Path, part?: 'key' | 'value'): Range
}

export interface ParsedSource {
  documents: ParsedDocument[]
  issues: ParseIssue[]
  position(range: Range): Position
}

export const MAX_DOCUMENTS = 100
export const MAX_NESTING = 64
/**
 * The text estimate may count a level twice where a block scalar or a quoted string looks like
 * structure, so it refuses only what is far too deep; the data is then counted exactly.
 */
export const ESTIMATED_NESTING_LIMIT = MAX_NESTING * 2
/** `yaml`'s own default: more aliases than this in one document is treated as a resource attack. */
const MAX_ALIAS_COUNT = 100

/**
 * Parse YAML (any number of documents) or JSON (JSON is YAML 1.2) keeping node ranges, so every
 * problem can point at its exact line and column. Never throws: bad input becomes issues.
 * Problems and their places are `yaml`'s, but `yaml` takes about a microsecond a character to
 * build its tree: strict JSON is read by a JSON scan instead, which gives the same places.
 * `recorded`: js-yaml's node events from a read of this text, if it has had one (node-events.ts).
 */
export function parseSource(raw: string, recorded?: NodeEvents): ParsedSource {
  const text = stripBom(raw)
  const position = lineIndex(text)
  const issues: ParseIssue[] = []

  const depth = nestingDepth(text, ESTIMATED_NESTING_LIMIT)
  if (depth.exceeded) {
    // Deep nesting can exhaust the stack inside the parser, at times fatally: refuse it unparsed.
    issues.push({
      range: { start: depth.offset, end: depth.offset + 1 },
      code: 'yaml/too-deep',
      message: `Nesting is deeper than ${MAX_NESTING} levels here. A customization needs only a few levels; flatten this data.`,
    })
    return { documents: [], issues, position }
  }

  const json = readJson(text)
  if (json) {
    const document = placedDocument(text, 0, json.root, () => json.value, issues)
    return { documents: [document], issues, position }
  }
  if (text.length >= DENSE_FROM) {
    const dense = parseDense(text, recorded)
    if (dense) return { ...dense, position }
  }
  return { ...parseWithYaml(text), position }
}

/** From this many characters on, a YAML text is read by js-yaml where it can (see dense.ts). */
export const DENSE_FROM = 32 * 1024

/**
 * A YAML text as `parseWithYaml` reads it, read by js-yaml (see dense.ts); undefined where that
 * reader cannot be sure. A problem the reader cannot place is placed by `yaml` after all.
 */
export function parseDense(
  text: string,
  recorded?: NodeEvents,
): Omit<ParsedSource, 'position'> | undefined {
  const reading = readDense(text, MAX_DOCUMENTS, MAX_ALIAS_COUNT, recorded)
  if (!reading) return undefined
  const issues: ParseIssue[] = []
  if (!('resume' in reading) && (text.trim() === '' || reading.documents.length === 0)) {
    issues.push(emptyFile())
    return { documents: [], issues }
  }
  if ('overflowAt' in reading && reading.overflowAt !== undefined)
    issues.push(tooManyDocuments(reading.overflowAt))
  let full: Omit<ParsedSource, 'position'> | undefined
  const documents = reading.documents.map((document, index) =>
    placedDocument(
      text,
      index,
      document.root,
      () => {
        if (document.aliasLimit) throw new ReferenceError(ALIAS_LIMIT_MESSAGE)
        return document.value
      },
      issues,
      (path, part) => (full ??= parseWithYaml(text)).documents[index]?.locate(path, part),
    ),
  )
  if (!('resume' in reading)) return { documents, issues }

  // js-yaml refused a document: `yaml` reads the rest, from that document on, without the run
  // of lines the reader found it may leave out.
  const { resume, cut, tails } = reading
  if (resume === 0 && !cut && tails.length === 0) return undefined
  const split = cut ? cut.start - resume : Infinity
  const skipped = cut ? cut.end - cut.start : 0
  const upTo = (end: number): Excerpt => ({
    source:
      cut && end >= cut.end
        ? text.slice(resume, cut.start) + text.slice(cut.end, end)
        : text.slice(resume, end),
    at: (offset) => offset + resume + (offset < split ? 0 : skipped),
    before: documents.length,
  })
  const combined = (rest: YamlReading) => ({
    documents: [...documents, ...rest.documents],
    issues: [...issues, ...rest.issues],
  })
  // First up to the end of a line at column 0: whatever began before that line ends at its
  // start, in the excerpt as in the whole text, and whatever begins on it or after is reported
  // there or later. So a mistake reported before it is the whole text's first.
  for (const tail of tails) {
    if (cut && tail > cut.start && tail < cut.end) continue
    const first = parseWithYaml(text, upTo(tail))
    const line = text.lastIndexOf('\n', tail - 2) + 1
    if (first.refusal && first.refusal.range.start < line) return combined(first)
  }
  const rest = parseWithYaml(text, upTo(text.length))
  // Unless `yaml` refuses that document too, it would check the tree, and miss the lines left out.
  if (cut && !rest.refusal) return undefined
  return combined(rest)
}

/** `yaml`'s own words when a document expands its aliases past `maxAliasCount`. */
const ALIAS_LIMIT_MESSAGE = 'Excessive alias count indicates a resource exhaustion attack'

/**
 * `yaml`'s reading of a text whose nesting is already checked: the reference the other readers
 * agree with. With an excerpt, `yaml` reads only that part of the text (see `parseDense`), and
 * places are given in the whole text.
 */
export function parseWithYaml(text: string, excerpt?: Excerpt): YamlReading {
  const { source, at, before } = excerpt ?? {
    source: text,
    at: (offset: number) => offset,
    before: 0,
  }
  const issues: ParseIssue[] = []
  let parsed: Document.Parsed[]
  try {
    parsed = parseDocuments(source, MAX_DOCUMENTS - before)
  } catch (error) {
    issues.push({
      range: { start: 0, end: 0 },
      code: 'yaml/syntax',
      message: `The parser gave up on this file: ${errorMessage(error)}`,
    })
    return { documents: [], issues }
  }

  if (before === 0 && (text.trim() === '' || parsed.length === 0)) {
    issues.push(emptyFile())
    return { documents: [], issues }
  }

  if (before + parsed.length > MAX_DOCUMENTS) {
    issues.push(tooManyDocuments(at(parsed[MAX_DOCUMENTS - before]?.range[0] ?? 0)))
    parsed = parsed.slice(0, MAX_DOCUMENTS - before)
  }

  let refusal: ParseIssue | undefined
  const documents = parsed.map((doc, index) => {
    const read = toParsedDocument(text, doc, before + index, issues, at)
    if (index === 0) refusal = read.refusal
    return read.document
  })
  return { documents, issues, refusal }
}

type YamlReading = Omit<ParsedSource, 'position'> & {
  /** When `yaml` found its first document malformed (and so left its tree unchecked): why. */
  refusal?: ParseIssue
}

/**
 * The part of a text `yaml` reads in place of the whole: from a document's start, maybe without
 * a run of lines in the middle. `at` turns an offset in it into the offset in the whole text:
 * where the lines were left out, the start of what follows (an end there is that of what
 * precedes, `at(offset - 1) + 1`).
 */
export interface Excerpt {
  source: string
  at: (offset: number) => number
  /** The documents of the text before the excerpt's first. */
  before: number
}

function emptyFile(): ParseIssue {
  return {
    range: { start: 0, end: 0 },
    code: 'file/empty',
    message: 'The file holds no customization. Add one, or delete the file.',
  }
}

/** At `first`, the start of the first document past the limit. */
function tooManyDocuments(first: number): ParseIssue {
  return {
    range: { start: first, end: first },
    code: 'file/too-many-documents',
    message: `The file holds more than ${MAX_DOCUMENTS} documents, the most allowed: this is document ${MAX_DOCUMENTS + 1}. Split the file into several.`,
  }
}

/**
 * The documents, composed one at a time and no further than one past the limit, so a file of
 * thousands of tiny documents costs no more than the limit. Duplicate keys are found in
 * `checkTree`, in linear time (`yaml`'s own check compares each key with every earlier one).
 */
function parseDocuments(text: string, most: number): Document.Parsed[] {
  // logLevel: `yaml` would otherwise print Node warnings into the log (a list as a key).
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, logLevel: 'error' })
  const documents: Document.Parsed[] = []
  for (const token of new Parser().parse(text)) {
    documents.push(...composer.next(token))
    if (documents.length > most) return documents
  }
  documents.push(...composer.end(false, text.length))
  return documents
}

function toParsedDocument(
  text: string,
  doc: Document.Parsed,
  index: number,
  issues: ParseIssue[],
  at: (offset: number) => number,
): { document: ParsedDocument; refusal?: ParseIssue } {
  const start = at(doc.contents?.range[0] ?? doc.range[0])
  const endAt = (range: Range) => (range.end > range.start ? at(range.end - 1) + 1 : at(range.end))
  const locate = (path: Path, part: 'key' | 'value' = 'value'): Range => {
    const range = locateIn(doc.contents, path, part)
    return range ? { start: at(range.start), end: endAt(range) } : { start, end: start }
  }
  const result = { index, start, locate, value: undefined as unknown }

  const before = issues.length
  const moved = (problems: readonly YAMLError[]) =>
    problems.map(({ code, message, pos }): Reported => ({
      code,
      message,
      pos: [at(pos[0]), endAt({ start: pos[0], end: pos[1] })],
    }))
  const reported = syntaxIssues(text, moved(doc.errors), moved(doc.warnings), issues)
  // A tree the parser gave up on is not walked: its later "mistakes" are echoes.
  if (doc.errors.length > 0) return { document: result, refusal: reported }
  checkTree(text, doc, issues, at)
  // Only data that means what it says is checked further; one problem per mistake.
  if (issues.length > before) return { document: result }
  return {
    document: withValue(result, () => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues),
  }
}

/** A document read without `yaml`, from its placed tree, with the same issues `yaml` would give. */
function placedDocument(
  text: string,
  index: number,
  root: Placed,
  read: () => unknown,
  issues: ParseIssue[],
  unsure?: (path: Path, part: 'key' | 'value') => Range | undefined,
): ParsedDocument {
  const start = Math.max(root.start, 0)
  const locate = (path: Path, part: 'key' | 'value' = 'value'): Range =>
    locatePlaced(root, path, part) ?? unsure?.(path, part) ?? { start, end: start }
  const result = { index, start, locate, value: undefined as unknown }
  const repeated = repeatedKeys(root)
  // A file lists its first problems only (see codes.ts): the keys repeated later go uncounted.
  repeated.sort((a, b) => a - b)
  for (const at of repeated.slice(0, MAX_PROBLEMS_PER_FILE + 1)) issues.push(duplicateKey(text, at))
  if (repeated.length > 0) return result
  return withValue(result, read, issues)
}

/**
 * The document's value, for a tree without issues: unless reading it expands aliases past the
 * limit, or it holds something JSON cannot carry, which become the document's one issue.
 */
function withValue(
  result: ParsedDocument,
  read: () => unknown,
  issues: ParseIssue[],
): ParsedDocument {
  let value: unknown
  try {
    value = read()
  } catch (error) {
    issues.push({
      range: { start: result.start, end: result.start + 1 },
      code: 'yaml/alias-limit',
      message: `Too many alias expansions (${errorMessage(error)}). Write the values out instead of using anchors and aliases.`,
    })
    return result
  }
  const foreign = findNonJson(value)
  if (foreign) {
    issues.push({
      range: result.locate(foreign.path),
      code: foreign.code,
      message: foreign.message,
    })
    return result
  }
  result.value = value
  return result
}

function locateIn(root: unknown, path: Path, part: 'key' | 'value'): Range | undefined {
  let node = root as Node | null | undefined
  let found: Range | undefined = rangeOf(node)
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      )
      if (!pair) return found
      if (last && part === 'key') return rangeOf(pair.key as Node) ?? found
      node = pair.value as Node | null
      // A key with no value (`model:`) has no value node: the key is the best place to point at.
      found = rangeOf(node) ?? rangeOf(pair.key as Node) ?? found
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined
      if (!item) return found
      node = item
      found = rangeOf(node) ?? found
    } else {
      return found
    }
  }
  return found
}

/** Scalars are pointed at whole; collections only at their first character, so one line is marked. */
function rangeOf(node: Node | null | undefined): Range | undefined {
  if (!node?.range) return undefined
  const [start, valueEnd] = node.range
  if (isMap(node) || isSeq(node)) return { start, end: start }
  return { start, end: valueEnd }
}

/**
 * The first value JSON cannot carry (custom tags, binary, .inf, .nan, a cycle), or the first
 * collection nested deeper than `MAX_NESTING`: the text's estimate may miss a level, the data
 * does not.
 */
export function findNonJson(
  value: unknown,
  path: PathSegment[] = [],
  ancestors: Set<unknown> = new Set(),
): { path: PathSegment[]; code: 'yaml/not-json' | 'yaml/too-deep'; message: string } | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  const notJson = (what: string) => ({
    path,
    code: 'yaml/not-json' as const,
    message: `${what} cannot be sent as JSON. Use plain strings, numbers, booleans, lists and mappings.`,
  })
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : notJson(`The number ${String(value)}`)
  }
  // An alias inside its own anchor makes a value that contains itself.
  if (ancestors.has(value)) return notJson('An alias that refers to its own anchor')
  const plainObject = typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  if (!Array.isArray(value) && !plainObject) return notJson('A value of a custom or binary tag')
  if (ancestors.size >= MAX_NESTING) {
    return {
      path,
      code: 'yaml/too-deep',
      message: `Nesting is deeper than ${MAX_NESTING} levels here. A customization needs only a few levels; flatten this data.`,
    }
  }
  ancestors.add(value)
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value as Record<string, unknown>)
  for (const [key, item] of entries) {
    path.push(key)
    const found = findNonJson(item, path, ancestors)
    if (found) return { ...found, path: [...found.path] }
    path.pop()
  }
  ancestors.delete(value)
  return undefined
}

/**
 * One walk over a document's tree for what the parser lets through: the same key twice in a
 * mapping (compared as JSON will see it, so `1` and `"1"` are the same key) and a list or mapping
 * used as a key, which JSON cannot carry.
 */
function checkTree(
  text: string,
  doc: Document.Parsed,
  issues: ParseIssue[],
  at: (offset: number) => number,
): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>()
      for (const pair of map.items) {
        const key = pair.key as Node | null
        if (key?.range?.[0] === undefined) continue
        const start = at(key.range[0])
        if (isCollection(key)) {
          issues.push({
            range: { start, end: start + 1 },
            code: 'yaml/not-json',
            message:
              'A list or mapping used as a key cannot be a JSON key: it would be sent as text. Use a plain key such as brand.',
          })
        } else if (isScalar(key)) {
          const name = String(key.value)
          if (seen.has(name)) issues.push(duplicateKey(text, start))
          seen.add(name)
        }
      }
    },
  })
}

function duplicateKey(text: string, start: number): ParseIssue {
  return {
    range: { start, end: keyEnd(text, start) },
    code: 'yaml/duplicate-key',
    message:
      'This key appears twice in the same mapping; the API would see only one of them. Keep one.',
  }
}

/** What `syntaxIssues` reads of a `yaml` error, its place moved into the whole text. */
type Reported = Pick<YAMLError, 'code' | 'message' | 'pos'>

/**
 * The parser's errors as problems people can act on; returns the syntax problem. Only the first syntax error is reported, as what follows it is read differently and
 * its "errors" are echoes. Unknown tags, which the parser only warns about, are errors: their
 * values would be sent as plain strings.
 */
function syntaxIssues(
  text: string,
  errors: readonly Reported[],
  warnings: readonly Reported[],
  issues: ParseIssue[],
): ParseIssue | undefined {
  let syntax: ParseIssue | undefined
  for (const problem of errors.concat(warnings)) {
    if (problem.code === 'TAG_RESOLVE_FAILED' || problem.code === 'BAD_COLLECTION_TYPE') {
      const tag = /^!\S*/.exec(text.slice(problem.pos[0], problem.pos[0] + 200))?.[0] ?? 'This tag'
      issues.push({
        range: { start: problem.pos[0], end: problem.pos[0] + tag.length },
        code: 'yaml/not-json',
        message: `${tag} is a tag JSON cannot carry: the value would be sent as a plain string. Remove the tag.`,
      })
    } else {
      const candidate = describeSyntax(text, problem)
      if (!syntax || candidate.range.start < syntax.range.start) syntax = candidate
    }
  }
  if (syntax) issues.push(syntax)
  return syntax
}

/** A syntax error in plain words, at the line to change. */
function describeSyntax(text: string, error: Reported): ParseIssue {
  const [start, end] = error.pos
  const at = (offset: number) => ({
    start: offset,
    end: Math.max(lineEndAt(text, offset), offset + 1),
  })
  const indentMessage =
    'This line is indented differently from the keys it belongs with, so YAML reads it as part of another value. Indent it exactly like those keys (spaces only).'
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // `model: x: y`: a plain value holding ": " on the key's own line.
      if (
        error.code === 'BLOCK_AS_IMPLICIT_KEY' &&
        /:(\s|$)/.test(text.slice(start, lineEndAt(text, start)))
      ) {
        return {
          range: at(start),
          code: 'yaml/syntax',
          message:
            'This value holds ": ", so YAML reads it as a key of its own. Put the value in quotes.',
        }
      }
      // The parser marks the value the line was read into; the line to fix is the next one.
      const next = firstCharOfNextLine(text, start)
      return {
        range: at(next),
        code: 'yaml/syntax',
        message:
          'This line is indented further than the key above it, so YAML reads it as the continuation of that value. Indent it like the key above (spaces only).',
      }
    }
    case 'MISSING_CHAR': {
      // The parser reports an unclosed quote where the file ends; the quote to close is earlier.
      const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1]
      if (quote) {
        const opened = text.lastIndexOf(quote, start - 1)
        return {
          range: at(opened < 0 ? start : opened),
          code: 'yaml/syntax',
          message: `This ${quote} is never closed: end the value with ${quote} on the same line, or remove the quote.`,
        }
      }
      if (/without - indicator/.test(error.message)) {
        return {
          range: at(firstCharOfLine(text, start)),
          code: 'yaml/syntax',
          message: indentMessage,
        }
      }
      break
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (sequence|map)/.exec(error.message)
      if (flow) {
        const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}']
        const opened = text.lastIndexOf(open, start)
        return {
          range: at(opened < 0 ? start : opened),
          code: 'yaml/syntax',
          message: `This ${open} is never closed: end the ${flow[1] === 'sequence' ? 'list' : 'mapping'} with ${close} before the next key.`,
        }
      }
      return {
        range: at(firstCharOfLine(text, start)),
        code: 'yaml/syntax',
        message: /sequence items/.test(error.message)
          ? 'This list item starts at another column than the items before it: line up its "-" with theirs.'
          : indentMessage,
      }
    }
    case 'TAB_AS_INDENT':
      return {
        range: at(start),
        code: 'yaml/syntax',
        message:
          'A tab indents this line; YAML indents with spaces only. Replace the tab with spaces.',
      }
  }
  return {
    range: { start, end: Math.max(end, start + 1) },
    code: 'yaml/syntax',
    message: `${sentence(error.message)}.`,
  }
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return (end === -1 ? text.length : end) - (text[end - 1] === '\r' ? 1 : 0)
}

function firstCharOfLine(text: string, offset: number): number {
  let i = text.lastIndexOf('\n', offset - 1) + 1
  while (text[i] === ' ' || text[i] === '\t') i++
  return i
}

function firstCharOfNextLine(text: string, offset: number): number {
  let line = text.indexOf('\n', offset)
  while (line !== -1) {
    const start = firstCharOfLine(text, line + 1)
    if (start < text.length && text[start] !== '\n' && text[start] !== '\r' && text[start] !== '#')
      return start
    line = text.indexOf('\n', line + 1)
  }
  return offset
}

/** The parser marks a duplicate key by its first character; mark the whole key. */
function keyEnd(text: string, start: number): number {
  const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]*?)\s*:/.exec(
    text.slice(start, start + 1024),
  )
  return match?.[1] ? start + match[1].length : start + 1
}

function sentence(message: string): string {
  const trimmed = message.trim().replace(/\.$/, '')
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}
