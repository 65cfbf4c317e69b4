import { checkSchema } from './check-schema.js'
import { isRecord, withoutEchoes, type Finding } from './findings.js'
import { parseSource, type ParsedDocument, type ParsedSource } from './parse.js'
import { compareProblems, type Problem } from './problems.js'
import { checkRules } from './rules.js'
import type { Customization } from './schema.js'
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

interface Checked {
  file: string
  parsed: ParsedSource
  document: ParsedDocument
  scope?: Scope
  errors: number
}

/**
 * Validate manifests: syntax, schema and rules per document, then the scopes across all of them.
 * Pure: the same sources and clock give the same problems.
 */
export function validateSources(sources: readonly ManifestSource[], now: Date): ValidationResult {
  const problems: Problem[] = []
  const checked: Checked[] = []

  for (const source of sources) {
    const parsed = parseSource(source.text)
    for (const issue of parsed.issues) {
      const { range, severity, code, message } = issue
      problems.push({ file: source.file, ...parsed.position(range), severity, code, message })
    }
    for (const document of parsed.documents) {
      if (document.value === undefined) continue
      const findings = checkDocument(document.value, now)
      const located = findings.map((f) => locate(source.file, parsed, document, f))
      problems.push(...located)
      checked.push({
        file: source.file,
        parsed,
        document,
        scope: scopeOf(document.value),
        errors: located.filter((p) => p.severity === 'error').length,
      })
    }
  }

  for (const duplicate of duplicateScopes(checked)) {
    problems.push(duplicate.problem)
    duplicate.entry.errors++
  }

  const documents = checked.map((entry): ManifestDocument => {
    return {
      file: entry.file,
      index: entry.document.index,
      line: lineOf(entry),
      scope: entry.scope,
      customization: entry.errors === 0 ? toCustomization(entry.document.value) : undefined,
    }
  })
  return { problems: problems.sort(compareProblems), documents }
}

function checkDocument(value: unknown, now: Date): Finding[] {
  if (value === null) {
    return [
      {
        path: [],
        severity: 'error',
        code: 'document/empty',
        message: 'This document is empty. Remove the stray `---`, or write a customization here.',
      },
    ]
  }
  if (!isRecord(value)) {
    return [
      {
        path: [],
        severity: 'error',
        code: 'document/not-mapping',
        message: `A customization is a mapping of keys (model, target_type, pin_definitions, ...), not ${
          Array.isArray(value) ? 'a list' : 'a single value'
        }.`,
      },
    ]
  }
  return withoutEchoes([...checkSchema(value), ...checkRules(value, now)])
}

function locate(
  file: string,
  parsed: ParsedSource,
  document: ParsedDocument,
  finding: Finding,
): Problem {
  const range = document.locate(finding.path, finding.part)
  return {
    file,
    ...parsed.position(range),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  }
}

function* duplicateScopes(entries: Checked[]): Generator<{ entry: Checked; problem: Problem }> {
  const byScope = new Map<string, Checked[]>()
  for (const entry of entries) {
    if (!entry.scope) continue
    const key = scopeKey(entry.scope)
    const group = byScope.get(key)
    if (group) group.push(entry)
    else byScope.set(key, [entry])
  }
  for (const group of byScope.values()) {
    if (group.length < 2) continue
    const places = group.map((entry) => `${entry.file}:${lineOf(entry)}`)
    for (const [i, entry] of group.entries()) {
      const scope = entry.scope as Scope
      const others = places.filter((_, j) => j !== i).join(', ')
      const field =
        scope.target_type === 'item'
          ? 'target_identity'
          : scope.target_type === 'criteria'
            ? 'target_criteria'
            : 'target_type'
      yield {
        entry,
        problem: locate(entry.file, entry.parsed, entry.document, {
          path: [field],
          severity: 'error',
          code: 'scope/duplicate',
          message: `Another document has the same scope (${describeScope(scope)}): ${others}. One customization per model and target: merge their pins into one document.`,
        }),
      }
    }
  }
}

function lineOf(entry: Checked): number {
  return entry.parsed.position({ start: entry.document.start, end: entry.document.start }).line
}

/** What is sent: the manifest minus the editor-only `$schema`. */
function toCustomization(value: unknown): Customization {
  const { $schema: _schema, ...body } = value as Record<string, unknown>
  return body as Customization
}
