/** Errors fail the step; warnings do only with fail-on-warning. */
export type Severity = 'error' | 'warning'

export interface RuleDoc {
  code: string
  severity: Severity
  summary: string
  /** A manifest fragment with the mistake, and the same fragment fixed (empty where none applies). */
  wrong: string
  right: string
}

/**
 * Every problem code the Action can report: the validator's, then those of submitting. The
 * README's rule reference is generated from this list (`luigisbox-pins rules`), and the
 * `ProblemCode` type from its codes, so a code reported anywhere must be listed here.
 */
export const RULES = [
  {
    code: 'file/empty',
    severity: 'error',
    summary: 'The file holds no document at all.',
    wrong: '# only a comment',
    right: 'model: basket\ntarget_type: all\npin_definitions: [...]',
  },
  {
    code: 'file/too-large',
    severity: 'error',
    summary: 'Manifests may be at most 1 MiB; larger files are not read.',
    wrong: '(a 3 MiB file)',
    right: '(several files under 1 MiB each)',
  },
  {
    code: 'file/too-many-documents',
    severity: 'error',
    summary: 'At most 100 YAML documents per file; the rest are not checked.',
    wrong: '(150 documents separated by ---)',
    right: '(two files of 75 documents)',
  },
  {
    code: 'file/encoding',
    severity: 'error',
    summary: 'The file is not UTF-8 text (an invalid byte, or a NUL byte of a binary file).',
    wrong: 'title: Caf\\xE9   # Latin-1 byte',
    right: 'title: Café     # saved as UTF-8',
  },
  {
    code: 'file/outside-workspace',
    severity: 'error',
    summary: 'A symbolic link that resolves outside the workspace; it is never read.',
    wrong: 'luigisbox/a.yml -> /etc/passwd',
    right: 'luigisbox/a.yml (a regular file)',
  },
  {
    code: 'file/unreadable',
    severity: 'error',
    summary: 'The path exists but cannot be read as a regular file.',
    wrong: 'luigisbox/a.yml (a directory, or no read permission)',
    right: 'luigisbox/a.yml (a readable file)',
  },
  {
    code: 'yaml/syntax',
    severity: 'error',
    summary:
      "YAML or JSON syntax error, at the parser's line and column (warnings for unknown tags).",
    wrong: 'pin_definitions: [\n  {position: 1',
    right: 'pin_definitions: [\n  {position: 1}]',
  },
  {
    code: 'json/syntax',
    severity: 'error',
    summary: 'A .json manifest that is not strict JSON (comments, trailing commas, YAML syntax).',
    wrong: '{"model": "basket",}',
    right: '{"model": "basket"}',
  },
  {
    code: 'yaml/duplicate-key',
    severity: 'error',
    summary: 'The same key twice in one mapping.',
    wrong: 'model: basket\nmodel: home',
    right: 'model: basket',
  },
  {
    code: 'yaml/too-deep',
    severity: 'error',
    summary: 'Nesting deeper than 64 levels; the file is refused before parsing.',
    wrong: 'a: [[[[[[ ... ]]]]]]  # hundreds of levels',
    right: 'a: [1, 2]',
  },
  {
    code: 'yaml/alias-limit',
    severity: 'error',
    summary: 'Too many alias expansions (an "alias bomb"); the document is not expanded.',
    wrong: 'a: &a [x, x]\nb: &b [*a, *a, *a, ...]\nc: [*b, *b, *b, ...]',
    right: 'a: [x, x]',
  },
  {
    code: 'yaml/not-json',
    severity: 'error',
    summary: 'A value JSON cannot carry: binary or custom tags, .inf, .nan.',
    wrong: 'position: .inf',
    right: 'position: -1',
  },
  {
    code: 'document/empty',
    severity: 'error',
    summary: 'An empty document, usually a stray `---`.',
    wrong: 'model: basket\n...\n---\n',
    right: 'model: basket\n...',
  },
  {
    code: 'document/not-mapping',
    severity: 'error',
    summary: 'A document that is a list or a single value instead of a mapping of keys.',
    wrong: '- model: basket',
    right: 'model: basket',
  },
  {
    code: 'schema/unknown-key',
    severity: 'error',
    summary: 'A key the API does not know, with the closest known key as a hint.',
    wrong: '- position: 1\n  pin_type: item\n  pin_identty: /p/1/',
    right: '- position: 1\n  pin_type: item\n  pin_identity: /p/1/',
  },
  {
    code: 'schema/required',
    severity: 'error',
    summary:
      'A required key is missing (model, target_type, pin_definitions; position and pin_type in a pin).',
    wrong: 'target_type: all\npin_definitions: [...]',
    right: 'model: basket\ntarget_type: all\npin_definitions: [...]',
  },
  {
    code: 'schema/type',
    severity: 'error',
    summary: 'A value of the wrong type.',
    wrong: 'tags: evergreen',
    right: 'tags: [evergreen]',
  },
  {
    code: 'schema/enum',
    severity: 'error',
    summary: 'target_type or pin_type is not one of the allowed values.',
    wrong: 'target_type: items',
    right: 'target_type: item',
  },
  {
    code: 'schema/empty-string',
    severity: 'error',
    summary: 'An identifier (model, target_identity, pin_identity, widget_id) is an empty string.',
    wrong: "model: ''",
    right: 'model: basket',
  },
  {
    code: 'pins/empty',
    severity: 'error',
    summary: 'pin_definitions is an empty list.',
    wrong: 'pin_definitions: []',
    right: 'pin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/1/}',
  },
  {
    code: 'target/missing-identity',
    severity: 'error',
    summary: 'An item target needs target_identity.',
    wrong: 'target_type: item',
    right: 'target_type: item\ntarget_identity: /p/123/',
  },
  {
    code: 'target/unexpected-identity',
    severity: 'error',
    summary: 'target_identity on a target that is not an item.',
    wrong: 'target_type: all\ntarget_identity: /p/123/',
    right: 'target_type: all',
  },
  {
    code: 'target/missing-criteria',
    severity: 'error',
    summary: 'A criteria target needs target_criteria.',
    wrong: 'target_type: criteria',
    right: 'target_type: criteria\ntarget_criteria: {brand: Fender}',
  },
  {
    code: 'target/unexpected-criteria',
    severity: 'error',
    summary: 'target_criteria on a target that is not criteria.',
    wrong: 'target_type: item\ntarget_identity: /p/1/\ntarget_criteria: {brand: Fender}',
    right: 'target_type: item\ntarget_identity: /p/1/',
  },
  {
    code: 'target/metadata-ignored',
    severity: 'warning',
    summary: 'target_metadata describes an item, but the target is not an item.',
    wrong: 'target_type: all\ntarget_metadata: {title: Guitars}',
    right: 'target_type: all',
  },
  {
    code: 'criteria/empty',
    severity: 'error',
    summary: 'target_criteria or pin_criteria is an empty object.',
    wrong: 'pin_criteria: {}',
    right: 'pin_criteria: {brand: Fender}',
  },
  {
    code: 'pin/position',
    severity: 'error',
    summary: 'position must be an integer of -1 or more.',
    wrong: 'position: "2"',
    right: 'position: 2',
  },
  {
    code: 'pin/missing-identity',
    severity: 'error',
    summary: 'An item pin needs pin_identity.',
    wrong: '- position: 1\n  pin_type: item',
    right: '- position: 1\n  pin_type: item\n  pin_identity: /p/1/',
  },
  {
    code: 'pin/unexpected-identity',
    severity: 'error',
    summary: 'pin_identity on a criteria pin.',
    wrong: '- pin_type: criteria\n  pin_criteria: {brand: Fender}\n  pin_identity: /p/1/',
    right: '- pin_type: criteria\n  pin_criteria: {brand: Fender}',
  },
  {
    code: 'pin/missing-criteria',
    severity: 'error',
    summary: 'A criteria pin needs pin_criteria.',
    wrong: '- position: 1\n  pin_type: criteria',
    right: '- position: 1\n  pin_type: criteria\n  pin_criteria: {brand: Fender}',
  },
  {
    code: 'pin/unexpected-criteria',
    severity: 'error',
    summary: 'pin_criteria on an item pin.',
    wrong: '- pin_type: item\n  pin_identity: /p/1/\n  pin_criteria: {brand: Fender}',
    right: '- pin_type: item\n  pin_identity: /p/1/',
  },
  {
    code: 'pin/block-position',
    severity: 'error',
    summary:
      'is_block_pin: true goes with position: 0, and position 0 only with is_block_pin: true.',
    wrong: '- position: 0\n  pin_type: item\n  pin_identity: /p/1/',
    right: '- position: 0\n  pin_type: item\n  pin_identity: /p/1/\n  is_block_pin: true',
  },
  {
    code: 'pin/date-format',
    severity: 'error',
    summary: 'active_from and active_to are ISO 8601 date-times with a time zone.',
    wrong: 'active_to: 2026-02-01',
    right: 'active_to: 2026-02-01T00:00:00Z',
  },
  {
    code: 'pin/date-order',
    severity: 'error',
    summary: 'active_to must be after active_from.',
    wrong: 'active_from: 2026-03-01T00:00:00Z\nactive_to: 2026-02-01T00:00:00Z',
    right: 'active_from: 2026-02-01T00:00:00Z\nactive_to: 2026-03-01T00:00:00Z',
  },
  {
    code: 'pin/expired',
    severity: 'warning',
    summary: 'The pin ended in the past and no longer has any effect.',
    wrong: 'active_to: 2020-01-01T00:00:00Z',
    right: '(remove the pin)',
  },
  {
    code: 'pin/position-collision',
    severity: 'warning',
    summary: 'Two pins at the same position for the same widget at overlapping times.',
    wrong:
      '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 1, pin_type: item, pin_identity: /p/2/}',
    right:
      '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 2, pin_type: item, pin_identity: /p/2/}',
  },
  {
    code: 'pin/duplicate-item',
    severity: 'warning',
    summary: 'The same item pinned twice for the same widget at overlapping times.',
    wrong:
      '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 3, pin_type: item, pin_identity: /p/1/}',
    right: '- {position: 1, pin_type: item, pin_identity: /p/1/}',
  },
  {
    code: 'scope/duplicate',
    severity: 'error',
    summary:
      'Two documents with the same scope (model + target) anywhere in the workspace; the API keeps one customization per scope.',
    wrong: '# a.yml\nmodel: basket\ntarget_type: all\n# b.yml\nmodel: basket\ntarget_type: all',
    right: '# a.yml: one document with the pins of both',
  },
  {
    code: 'luigisbox/rejected',
    severity: 'error',
    summary:
      "Luigi's Box refused the customization (HTTP 400 or 422) when it was submitted; the annotation carries the server's message. Nothing was written for this document.",
    wrong: '',
    right: '',
  },
  {
    code: 'luigisbox/failed',
    severity: 'error',
    summary:
      'Submitting the document failed for another reason: the API could not be reached after retries, or several live customizations share its scope. The message says which.',
    wrong: '',
    right: '',
  },
  {
    code: 'luigisbox/scope-rewritten',
    severity: 'warning',
    summary:
      "Luigi's Box answered a create with another scope than was sent (it rewrote the target fields). The customization was created, and the Action finds it again by its ownership tag.",
    wrong: '',
    right: '',
  },
] as const satisfies readonly RuleDoc[]

/** Every code a problem can carry. */
export type ProblemCode = (typeof RULES)[number]['code']

/** The rule reference as Markdown, for the README. */
export function rulesMarkdown(): string {
  const sections = RULES.map((rule) => {
    const example =
      rule.wrong === ''
        ? ''
        : `\n\n\`\`\`yaml\n# wrong\n${rule.wrong}\n# right\n${rule.right}\n\`\`\``
    return `#### \`${rule.code}\` (${rule.severity})\n\n${rule.summary}${example}`
  })
  return `${sections.join('\n\n')}\n`
}
