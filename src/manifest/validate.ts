import { checkSchema } from './check-schema.js'
import { MAX_PROBLEMS_PER_FILE, severityOf } from './codes.js'
import { fastLocators, type Locate } from './fast-locate.js'
import { fastRead } from './fast-parse.js'
import { isRecord, withoutEchoes, type Finding } from './findings.js'
import { jsonSyntaxError } from './json-syntax.js'
import { DENSE_FROM, parseSource, type ParsedSource } from './parse.js'
import { recordNodes, type NodeEvents } from './node-events.js'
import { lineIndex, stripBom, type Position, type Range } from './position.js'
import { compareProblems, type Problem } from './problems.js'
import { checkRules } from './rules.js'
import { NULLABLE_KEYS, SERVER_OWNED_KEYS, type Customization } from './schema.js'
import { describeScope, scopeKey, scopeOf, type Scope } from './scope.js'

export interface ManifestSource {
  /** Workspace-relative, `/`-separated: the path annotations and links use. */
  file: string
  text: string
}

/** One document of one manifest file, with what validation concluded about it. */
export interface ManifestDocument {
  file: string
  /** 0-based index of the document in its file. */
  index: number
  line: number
  scope?: Scope
  /** The body to submit; present only when the document has no errors. */
  customization?: Customization
}

export interface ValidationResult {
  problems: Problem[]
  documents: ManifestDocument[]
}

/** What checking one file found: plain data, so worker threads can hand it back. */
export interface FileReport {
  file: string
  problems: Problem[]
  documents: CheckedDocument[]
}

/** A document that parsed into data. */
export interface CheckedDocument {
  index: number
  line: number
  /** The data, unless the caller needs only the problems (see `CheckOptions`). */
  value?: unknown
  scope?: Scope
  errors: number
}

export interface CheckOptions {
  /**
   * Keep each document's data, for the body to submit. Checking alone needs only the scopes:
   * without the data, 50,000 manifests take a fraction of the memory, and worker threads hand
   * back a fraction of the bytes.
   */
  values: boolean
}

const KEEP_VALUES: CheckOptions = { values: true }

/**
 * Validate manifests: syntax, schema and rules per document, then the scopes across all of them.
 * Pure: the same sources and clock give the same problems.
 */
export function validateSources(sources: readonly ManifestSource[], now: Date): ValidationResult {
  const texts = new Map(sources.map((source) => [source.file, source.text]))
  return crossCheck(
    sources.map((source) => checkSource(source, now)),
    (file) => texts.get(file) ?? '',
  )
}

/** One file on its own: everything but the checks across files. */
export function checkSource(
  source: ManifestSource,
  now: Date,
  options: CheckOptions = KEEP_VALUES,
): FileReport {
  if (/\.json$/i.test(source.file)) {
    const problem = checkJsonSyntax(source)
    if (problem) return { file: source.file, problems: [problem], documents: [] }
  }
  // A large text records where its nodes are while the fast pass reads it: its problems are then
  // located, and a text that pass refuses is read for places, without reading it again. Most
  // small files have nothing to locate, and a second read of one costs little.
  const recording = source.text.length >= DENSE_FROM ? recordNodes() : undefined
  return (
    checkFast(source, now, options, recording) ??
    checkFully(source, now, options, recording?.events)
  )
}

/**
 * A `.json` manifest must be JSON, not YAML in a JSON-named file: the YAML parser would accept
 * comments, trailing commas and several documents that JSON tools reject.
 */
function checkJsonSyntax(source: ManifestSource): Problem | undefined {
  const text = stripBom(source.text)
  const error = jsonSyntaxError(text)
  if (!error) return undefined
  return {
    file: source.file,
    ...lineIndex(text)({ start: error.offset, end: error.offset + 1 }),
    severity: severityOf('json/syntax'),
    code: 'json/syntax',
    message: `This .json file is not valid JSON: ${error.message}. Fix the JSON, or rename the file to .yml if it is meant to be YAML.`,
  }
}

/**
 * The checks across files (one customization per scope), then the documents to submit.
 * `textOf` gives a file's text again, to position the rare problem found only here.
 */
export function crossCheck(
  reports: readonly FileReport[],
  textOf: (file: string) => string,
): ValidationResult {
  const problems = reports.flatMap((report) => report.problems)
  const entries = reports.flatMap((report) =>
    report.documents.map((document) => ({ file: report.file, document, errors: document.errors })),
  )
  const parsed = new Map<string, ParsedSource>()
  const locate = (file: string, index: number, finding: Finding): Problem => {
    let source = parsed.get(file)
    if (!source) {
      source = parseSource(textOf(file))
      parsed.set(file, source)
    }
    const range = source.documents[index]?.locate(finding.path, finding.part) ?? {
      start: 0,
      end: 0,
    }
    return toProblem(file, source.position, range, finding)
  }
  for (const duplicate of duplicateScopes(entries)) {
    problems.push(locate(duplicate.entry.file, duplicate.entry.document.index, duplicate.finding))
    duplicate.entry.errors++
  }
  const documents = entries.map(({ file, document, errors }): ManifestDocument => ({
    file,
    index: document.index,
    line: document.line,
    scope: document.scope,
    customization:
      errors === 0 && document.value !== undefined ? toCustomization(document.value) : undefined,
  }))
  return { problems: problems.sort(compareProblems), documents }
}

/**
 * The common case: a file read by the fast parser. Its schema and rule problems are positioned
 * by a second js-yaml pass that records where nodes are; anything else to report, or anything
 * that pass cannot place for sure, returns `undefined`, and the file is checked again by
 * `checkFully` with the parser that keeps ranges.
 */
function checkFast(
  source: ManifestSource,
  now: Date,
  options: CheckOptions,
  recording?: ReturnType<typeof recordNodes>,
): FileReport | undefined {
  const text = stripBom(source.text)
  const read = fastRead(text, recording)
  if (!read) return undefined
  const { values, lines } = read
  const found: Found[] = []
  const documents: CheckedDocument[] = []
  let locators: Locate[] | undefined
  for (const [index, value] of values.entries()) {
    let errors = 0
    for (const finding of checkDocument(value, now)) {
      locators ??= fastLocators(text, values.length, recording?.events)
      const range = locators?.[index]?.(finding.path, finding.part)
      if (!range) return undefined
      found.push({ range, finding })
      if (severityOf(finding.code) === 'error') errors++
    }
    documents.push(checkedDocument(index, lines[index] ?? 1, value, errors, options))
  }
  return { file: source.file, problems: listed(source.file, text, found), documents }
}

function checkedDocument(
  index: number,
  line: number,
  value: unknown,
  errors: number,
  options: CheckOptions,
): CheckedDocument {
  const scope = scopeOf(value)
  return options.values ? { index, line, value, scope, errors } : { index, line, scope, errors }
}

function checkFully(
  source: ManifestSource,
  now: Date,
  options: CheckOptions,
  recorded?: NodeEvents,
): FileReport {
  const parsed = parseSource(source.text, recorded)
  const found: Found[] = parsed.issues.map((issue) => ({ range: issue.range, finding: issue }))
  const documents: CheckedDocument[] = []
  for (const document of parsed.documents) {
    if (document.value === undefined) continue
    let errors = 0
    for (const finding of checkDocument(document.value, now)) {
      found.push({ range: document.locate(finding.path, finding.part), finding })
      if (severityOf(finding.code) === 'error') errors++
    }
    documents.push(
      checkedDocument(
        document.index,
        parsed.position({ start: document.start, end: document.start }).line,
        document.value,
        errors,
        options,
      ),
    )
  }
  const text = stripBom(source.text)
  return {
    file: source.file,
    problems: listed(source.file, text, found, parsed.position),
    documents,
  }
}

/** Something to report, at its place in the text, before it is worth a problem's line and column. */
interface Found {
  range: Range
  finding: Pick<Finding, 'code' | 'message'>
}

/**
 * The problems a file's findings make, capped: only those that can be listed (the first
 * `MAX_PROBLEMS_PER_FILE` in reading order and the one after, where the rest are counted) are
 * turned into problems. A hostile file can hold 100,000 findings; only their number is shown.
 */
function listed(
  file: string,
  text: string,
  found: Found[],
  position?: (range: Range) => Position,
): Problem[] {
  if (found.length === 0) return []
  // A finding that starts later in the text is later in reading order (`compareProblems`):
  // past the first MAX_PROBLEMS_PER_FILE + 1 places, each has that many problems before it.
  const at = (found: Found) => Math.min(Math.max(found.range.start, 0), text.length)
  let shown = found
  if (found.length > MAX_PROBLEMS_PER_FILE + 1) {
    const starts = Float64Array.from(found, at).sort()
    const last = starts[MAX_PROBLEMS_PER_FILE] as number
    shown = found.filter((item) => at(item) <= last)
  }
  const place = position ?? lineIndex(text)
  const problems = shown.map(({ range, finding }) => toProblem(file, place, range, finding))
  return capped(problems, found.length - shown.length)
}

/** The first problems in reading order, and one more that counts the rest (and `unlisted`). */
function capped(problems: Problem[], unlisted: number): Problem[] {
  if (problems.length + unlisted <= MAX_PROBLEMS_PER_FILE) return problems
  const sorted = problems.sort(compareProblems)
  const first = sorted[MAX_PROBLEMS_PER_FILE] as Problem
  const rest = sorted.length + unlisted - MAX_PROBLEMS_PER_FILE
  return [
    ...sorted.slice(0, MAX_PROBLEMS_PER_FILE),
    {
      ...first,
      severity: severityOf('file/too-many-problems'),
      code: 'file/too-many-problems',
      message: `${rest} or more problems from here on are not listed (at most ${MAX_PROBLEMS_PER_FILE} per file). Fix the ones above and check again.`,
    },
  ]
}

function checkDocument(value: unknown, now: Date): Finding[] {
  if (value === null) {
    return [
      {
        path: [],
        code: 'document/empty',
        message: 'This document is empty. Remove the stray `---`, or write a customization here.',
      },
    ]
  }
  if (!isRecord(value)) {
    return [
      {
        path: [],
        code: 'document/not-mapping',
        message: `A customization is a mapping of keys (model, target_type, pin_definitions, ...), not ${
          Array.isArray(value) ? 'a list' : 'a single value'
        }.`,
      },
    ]
  }
  return withoutEchoes([...checkSchema(value), ...checkRules(value, now)])
}

function toProblem(
  file: string,
  position: (range: Range) => Position,
  range: Range,
  finding: Pick<Finding, 'code' | 'message'>,
): Problem {
  return {
    file,
    ...position(range),
    severity: severityOf(finding.code),
    code: finding.code,
    message: finding.message,
  }
}

interface Entry {
  file: string
  document: CheckedDocument
  errors: number
}

function* duplicateScopes(entries: Entry[]): Generator<{ entry: Entry; finding: Finding }> {
  const byScope = new Map<string, Entry[]>()
  for (const entry of entries) {
    if (!entry.document.scope) continue
    const key = scopeKey(entry.document.scope)
    const group = byScope.get(key)
    if (group) group.push(entry)
    else byScope.set(key, [entry])
  }
  for (const group of byScope.values()) {
    if (group.length < 2) continue
    const places = group.map((entry) => `${entry.file}:${entry.document.line}`)
    for (const [i, entry] of group.entries()) {
      const scope = entry.document.scope as Scope
      // At most five others are named: a group can be large, and the message stays linear.
      const named = places
        .slice(0, 6)
        .filter((_, j) => j !== i)
        .slice(0, 5)
      const others =
        named.join(', ') + (group.length - 1 > 5 ? ` and ${group.length - 6} more` : '')
      const field =
        scope.target_type === 'item'
          ? 'target_identity'
          : scope.target_type === 'criteria'
            ? 'target_criteria'
            : 'target_type'
      yield {
        entry,
        finding: {
          path: [field],
          code: 'scope/duplicate',
          message: `Another document has the same scope (${describeScope(scope)}): ${others}. One customization per model and target: merge their pins into one document.`,
        },
      }
    }
  }
}

/**
 * What is sent: the manifest without the editor-only `$schema`, the server-owned keys and the
 * nulls of optional fields (all warned about), so an exported customization sends only what a
 * hand-written one would.
 */
function toCustomization(value: unknown): Customization {
  const body = withoutUnsent(value as Record<string, unknown>)
  delete body.$schema
  for (const key of SERVER_OWNED_KEYS) delete body[key]
  if (Array.isArray(body.pin_definitions)) {
    body.pin_definitions = body.pin_definitions.map((pin) =>
      withoutUnsent(pin as Record<string, unknown>),
    )
  }
  return body as Customization
}

function withoutUnsent(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([key, item]) => item !== null || !NULLABLE_KEYS.has(key)),
  )
}
