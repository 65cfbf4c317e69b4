import type { ProblemCode } from './codes.js'
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml'
import { nestingDepth } from './nesting.js'
import { lineIndex, stripBom, type Position, type Range } from './position.js'
import { errorMessage } from '../error-message.js'

export type PathSegment = string | number
export type Path = readonly PathSegment[]

/** A problem found while parsing, before it is tied to a file. */
export interface ParseIssue {
  range: Range
  severity: 'error' | 'warning'
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
/** `yaml`'s own default: more aliases than this in one document is treated as a resource attack. */
const MAX_ALIAS_COUNT = 100

/**
 * Parse YAML (any number of documents) or JSON (JSON is YAML 1.2) keeping node ranges, so every
 * problem can point at its exact line and column. Never throws: bad input becomes issues.
 */
export function parseSource(raw: string): ParsedSource {
  const text = stripBom(raw)
  const position = lineIndex(text)
  const issues: ParseIssue[] = []

  const depth = nestingDepth(text, MAX_NESTING)
  if (depth.exceeded) {
    // Deep nesting can exhaust the stack inside the parser, at times fatally: refuse it unparsed.
    issues.push({
      range: { start: depth.offset, end: depth.offset + 1 },
      severity: 'error',
      code: 'yaml/too-deep',
      message: `Nesting is deeper than ${MAX_NESTING} levels here. A customization needs only a few levels; flatten this data.`,
    })
    return { documents: [], issues, position }
  }

  let parsed: Document.Parsed[]
  try {
    parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true })
  } catch (error) {
    issues.push({
      range: { start: 0, end: 0 },
      severity: 'error',
      code: 'yaml/syntax',
      message: `The parser gave up on this file: ${errorMessage(error)}`,
    })
    return { documents: [], issues, position }
  }

  if (text.trim() === '' || parsed.length === 0) {
    issues.push({
      range: { start: 0, end: 0 },
      severity: 'error',
      code: 'file/empty',
      message: 'The file holds no customization. Add one, or delete the file.',
    })
    return { documents: [], issues, position }
  }

  if (parsed.length > MAX_DOCUMENTS) {
    const first = parsed[MAX_DOCUMENTS]?.range[0] ?? 0
    issues.push({
      range: { start: first, end: first },
      severity: 'error',
      code: 'file/too-many-documents',
      message: `The file holds ${parsed.length} documents; at most ${MAX_DOCUMENTS} are allowed. Split it into several files.`,
    })
    parsed = parsed.slice(0, MAX_DOCUMENTS)
  }

  const documents = parsed.map((doc, index) => toParsedDocument(text, doc, index, issues))
  return { documents, issues, position }
}

function toParsedDocument(
  text: string,
  doc: Document.Parsed,
  index: number,
  issues: ParseIssue[],
): ParsedDocument {
  const start = doc.contents?.range[0] ?? doc.range[0]
  const locate = (path: Path, part: 'key' | 'value' = 'value'): Range =>
    locateIn(doc.contents, path, part) ?? { start, end: start }
  const result = { index, start, locate, value: undefined as unknown }

  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY'
    const end = duplicate ? keyEnd(text, error.pos[0]) : error.pos[1]
    issues.push({
      range: { start: error.pos[0], end: Math.max(end, error.pos[0] + 1) },
      severity: 'error',
      code: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
      message: duplicate
        ? 'This key appears twice in the same mapping; the API would see only one of them. Keep one.'
        : `${sentence(error.message)} (${error.code})`,
    })
  }
  for (const warning of doc.warnings) {
    issues.push({
      range: { start: warning.pos[0], end: Math.max(warning.pos[1], warning.pos[0] + 1) },
      severity: 'warning',
      code: 'yaml/syntax',
      message: `${sentence(warning.message)} (${warning.code})`,
    })
  }
  if (doc.errors.length > 0) return result

  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    issues.push({
      range: { start, end: start + 1 },
      severity: 'error',
      code: 'yaml/alias-limit',
      message: `Too many alias expansions (${errorMessage(error)}). Write the values out instead of using anchors and aliases.`,
    })
    return result
  }

  const foreign = findNonJson(value)
  if (foreign) {
    issues.push({
      range: locate(foreign.path),
      severity: 'error',
      code: 'yaml/not-json',
      message: `${foreign.what} cannot be sent as JSON. Use plain strings, numbers, booleans, lists and mappings.`,
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

/** The first value JSON cannot carry (custom tags, binary, .inf, .nan, a cycle), if any. */
export function findNonJson(
  value: unknown,
  path: PathSegment[] = [],
  ancestors: Set<unknown> = new Set(),
): { path: PathSegment[]; what: string } | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { path, what: `The number ${String(value)}` }
  }
  // An alias inside its own anchor makes a value that contains itself.
  if (ancestors.has(value)) return { path, what: 'An alias that refers to its own anchor' }
  const plainObject = typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  if (!Array.isArray(value) && !plainObject) {
    return { path, what: 'A value of a custom or binary tag' }
  }
  ancestors.add(value)
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value as Record<string, unknown>)
  for (const [key, item] of entries) {
    const found = findNonJson(item, [...path, key], ancestors)
    if (found) return found
  }
  ancestors.delete(value)
  return undefined
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
