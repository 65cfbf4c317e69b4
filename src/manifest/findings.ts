import type { ProblemCode } from './codes.js'
import type { Path } from './parse.js'

/** A problem inside one document, addressed by the path of the key or value it is about. */
export interface Finding {
  path: Path
  /** Point at the key itself (unknown or misplaced keys) or at its value (the default). */
  part?: 'key' | 'value'
  /** Its severity is the code's, from codes.ts. */
  code: ProblemCode
  message: string
  /** For a missing required key: its name, so a misspelling of it is reported once, not twice. */
  missing?: string
  /** For an unknown key: the known key it is probably a misspelling of. */
  suggestion?: string
}

/** Drop "missing X" where the same object has a key that is a misspelling of X. */
export function withoutEchoes(findings: Finding[]): Finding[] {
  // Suggestions can be costly to work out (see check-schema.ts): only when something is missing.
  if (!findings.some((f) => f.missing !== undefined)) return findings
  const misspelt = new Set(
    findings
      .filter((f) => f.suggestion !== undefined)
      .map((f) => JSON.stringify([...f.path.slice(0, -1), f.suggestion])),
  )
  return findings.filter(
    (f) => f.missing === undefined || !misspelt.has(JSON.stringify([...parentOf(f), f.missing])),
  )
}

/** The object a "missing" finding is about: rules point at the sibling type key, the schema at the object. */
function parentOf(finding: Finding): Finding['path'] {
  return finding.code === 'schema/required' ? finding.path : finding.path.slice(0, -1)
}

/** `pin_definitions[2].position`, the way people read paths in a manifest. */
export function formatPath(path: Path): string {
  let out = ''
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`
  }
  return out === '' ? 'the document' : out
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
