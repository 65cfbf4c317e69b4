/** Problems listed per file at most: the rest are counted in one `file/too-many-problems`. */
export const MAX_PROBLEMS_PER_FILE = 200

/** Errors fail the step; warnings do only with fail-on-warning. */
export type Severity = 'error' | 'warning'

export interface RuleDoc {
  code: string
  severity: Severity
  /** Why this severity: errors are what the documented API would reject or what cannot mean what it says. */
  why: string
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
    why: 'Nothing in it can be sent; an empty manifest is almost always a mistake.',
    summary: 'The file holds no document at all.',
    wrong: '# only a comment',
    right: 'model: basket\ntarget_type: all\npin_definitions: [...]',
  },
  {
    code: 'file/too-large',
    severity: 'error',
    why: 'Hostile input: the limit keeps a pull request from holding a runner.',
    summary: 'Manifests may be at most 1 MiB; larger files are not read.',
    wrong: '(a 3 MiB file)',
    right: '(several files under 1 MiB each)',
  },
  {
    code: 'file/too-many-documents',
    severity: 'error',
    why: 'Hostile input: the limit keeps a pull request from holding a runner.',
    summary: 'At most 100 YAML documents per file; the rest are not checked.',
    wrong: '(150 documents separated by ---)',
    right: '(two files of 75 documents)',
  },
  {
    code: 'file/too-many-problems',
    severity: 'error',
    why: 'No manifest anyone meant to write has that many: the file is hostile or generated wrong, and listing every problem would flood the log and hold the runner.',
    summary: `More than ${MAX_PROBLEMS_PER_FILE} problems in one file; the first are listed, then how many more there are.`,
    wrong: '(a file of 20,000 pins without a pin_type)',
    right: '(fix the first problems and check again)',
  },
  {
    code: 'file/encoding',
    severity: 'error',
    why: 'The API takes JSON, which is UTF-8: the bytes cannot mean text.',
    summary: 'The file is not UTF-8 text (an invalid byte, or a NUL byte of a binary file).',
    wrong: 'title: Caf\\xE9   # Latin-1 byte',
    right: 'title: Café     # saved as UTF-8',
  },
  {
    code: 'file/outside-workspace',
    severity: 'error',
    why: 'Hostile input: a link could make the Action read and send a file outside the repository.',
    summary: 'A symbolic link that resolves outside the workspace; it is never read.',
    wrong: 'luigisbox/a.yml -> /etc/passwd',
    right: 'luigisbox/a.yml (a regular file)',
  },
  {
    code: 'file/unreadable',
    severity: 'error',
    why: 'There is nothing to check or send.',
    summary: 'The path exists but cannot be read as a regular file.',
    wrong: 'luigisbox/a.yml (a directory, or no read permission)',
    right: 'luigisbox/a.yml (a readable file)',
  },
  {
    code: 'yaml/syntax',
    severity: 'error',
    why: 'The file cannot be read, so nothing in it means what it says.',
    summary:
      'YAML or JSON syntax error, at the mistake: for an indentation mistake, the line that is indented wrongly. Only the first per document is reported, as the parser reads what follows it differently.',
    wrong: 'pin_definitions: [\n  {position: 1',
    right: 'pin_definitions: [\n  {position: 1}]',
  },
  {
    code: 'json/syntax',
    severity: 'error',
    why: 'JSON tools and the API reject what JSON does not allow.',
    summary: 'A .json manifest that is not strict JSON (comments, trailing commas, YAML syntax).',
    wrong: '{"model": "basket",}',
    right: '{"model": "basket"}',
  },
  {
    code: 'yaml/duplicate-key',
    severity: 'error',
    why: "Only one of the two values would be sent; which one is a parser's choice.",
    summary: 'The same key twice in one mapping.',
    wrong: 'model: basket\nmodel: home',
    right: 'model: basket',
  },
  {
    code: 'yaml/too-deep',
    severity: 'error',
    why: "Hostile input: deep nesting can exhaust the parser's stack.",
    summary: 'Nesting deeper than 64 levels; the file is refused before parsing.',
    wrong: 'a: [[[[[[ ... ]]]]]]  # hundreds of levels',
    right: 'a: [1, 2]',
  },
  {
    code: 'yaml/alias-limit',
    severity: 'error',
    why: 'Hostile input: a few lines can expand to gigabytes.',
    summary: 'Too many alias expansions (an "alias bomb"); the document is not expanded.',
    wrong: 'a: &a [x, x]\nb: &b [*a, *a, *a, ...]\nc: [*b, *b, *b, ...]',
    right: 'a: [x, x]',
  },
  {
    code: 'yaml/not-json',
    severity: 'error',
    why: 'The API takes JSON: this cannot be sent as written (a tagged value would arrive as a plain string, a list as a key as text).',
    summary:
      'Something JSON cannot carry: a tag (!custom, !!js/function, !!binary), a list or mapping used as a key, .inf, .nan.',
    wrong: 'position: .inf\nwidget_id: !custom sidebar',
    right: 'position: -1\nwidget_id: sidebar',
  },
  {
    code: 'document/empty',
    severity: 'error',
    why: 'There is no customization to send.',
    summary: 'An empty document, usually a stray `---`.',
    wrong: 'model: basket\n...\n---\n',
    right: 'model: basket\n...',
  },
  {
    code: 'document/not-mapping',
    severity: 'error',
    why: 'The API takes an object; anything else is rejected.',
    summary: 'A document that is a list or a single value instead of a mapping of keys.',
    wrong: '- model: basket',
    right: 'model: basket',
  },
  {
    code: 'schema/unknown-key',
    severity: 'error',
    why: 'The API does not document the key; a misspelt key silently loses its value.',
    summary: 'A key the API does not know, with the closest known key as a hint.',
    wrong: '- position: 1\n  pin_type: item\n  pin_identty: /p/1/',
    right: '- position: 1\n  pin_type: item\n  pin_identity: /p/1/',
  },
  {
    code: 'schema/required',
    severity: 'error',
    why: 'The API documents the key as required.',
    summary:
      'A required key is missing (model, target_type, pin_definitions; position and pin_type in a pin).',
    wrong: 'target_type: all\npin_definitions: [...]',
    right: 'model: basket\ntarget_type: all\npin_definitions: [...]',
  },
  {
    code: 'schema/type',
    severity: 'error',
    why: 'The API documents the type; another type is rejected or means something else.',
    summary: 'A value of the wrong type.',
    wrong: 'tags: evergreen\npin_identity: 12345',
    right: 'tags: [evergreen]\npin_identity: "12345"',
  },
  {
    code: 'schema/enum',
    severity: 'error',
    why: 'The API documents the allowed values.',
    summary: 'target_type or pin_type is not one of the allowed values.',
    wrong: 'target_type: items',
    right: 'target_type: item',
  },
  {
    code: 'schema/empty-string',
    severity: 'error',
    why: 'An empty id or model names nothing.',
    summary: 'An identifier (model, target_identity, pin_identity, widget_id) is an empty string.',
    wrong: "model: ''",
    right: 'model: basket',
  },
  {
    code: 'schema/null',
    severity: 'warning',
    why: 'The API returns null for unset fields, so an exported customization has them; a null is never sent, so the field stays unset.',
    summary: 'An optional key set to null (a required key set to null is an error).',
    wrong: 'widget_id: null',
    right: '(leave the key out)',
  },
  {
    code: 'schema/server-owned',
    severity: 'warning',
    why: 'The API sets these keys itself and returns them in an export; they are never sent, so keeping them changes nothing.',
    summary: 'A key the server owns: id, creator, created_at or available.',
    wrong: 'id: 199620b4-df1a-46e8-ab59-9e9ed9af7106\nmodel: basket',
    right: 'model: basket',
  },
  {
    code: 'pins/empty',
    severity: 'error',
    why: 'A customization without pins has no effect.',
    summary: 'pin_definitions is an empty list.',
    wrong: 'pin_definitions: []',
    right: 'pin_definitions:\n  - {position: 1, pin_type: item, pin_identity: /p/1/}',
  },
  {
    code: 'target/missing-identity',
    severity: 'error',
    why: 'The API documents target_identity as required for item targets.',
    summary: 'An item target needs target_identity.',
    wrong: 'target_type: item',
    right: 'target_type: item\ntarget_identity: /p/123/',
  },
  {
    code: 'target/unexpected-identity',
    severity: 'warning',
    why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
    summary: 'target_identity on a target that is not an item; it is sent as written.',
    wrong: 'target_type: all\ntarget_identity: /p/123/',
    right: 'target_type: all',
  },
  {
    code: 'target/missing-criteria',
    severity: 'error',
    why: 'The API documents target_criteria as required for criteria targets.',
    summary: 'A criteria target needs target_criteria.',
    wrong: 'target_type: criteria',
    right: 'target_type: criteria\ntarget_criteria: {brand: Fender}',
  },
  {
    code: 'target/unexpected-criteria',
    severity: 'warning',
    why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
    summary: 'target_criteria on a target that is not criteria; it is sent as written.',
    wrong: 'target_type: item\ntarget_identity: /p/1/\ntarget_criteria: {brand: Fender}',
    right: 'target_type: item\ntarget_identity: /p/1/',
  },
  {
    code: 'target/metadata-ignored',
    severity: 'warning',
    why: 'Documented for item targets only; elsewhere it is probably ignored.',
    summary: 'target_metadata describes an item, but the target is not an item.',
    wrong: 'target_type: all\ntarget_metadata: {title: Guitars}',
    right: 'target_type: all',
  },
  {
    code: 'criteria/empty',
    severity: 'error',
    why: 'An empty criteria object cannot mean what it says: it would match nothing, or everything.',
    summary: 'target_criteria or pin_criteria is an empty object.',
    wrong: 'pin_criteria: {}',
    right: 'pin_criteria: {brand: Fender}',
  },
  {
    code: 'pin/position',
    severity: 'error',
    why: 'The API documents position as an integer: -1, 0 or more.',
    summary: 'position must be an integer of -1 or more.',
    wrong: 'position: "2"',
    right: 'position: 2',
  },
  {
    code: 'pin/missing-identity',
    severity: 'error',
    why: 'The API documents pin_identity as required for item pins.',
    summary: 'An item pin needs pin_identity.',
    wrong: '- position: 1\n  pin_type: item',
    right: '- position: 1\n  pin_type: item\n  pin_identity: /p/1/',
  },
  {
    code: 'pin/unexpected-identity',
    severity: 'warning',
    why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
    summary: 'pin_identity on a criteria pin; it is sent as written.',
    wrong: '- pin_type: criteria\n  pin_criteria: {brand: Fender}\n  pin_identity: /p/1/',
    right: '- pin_type: criteria\n  pin_criteria: {brand: Fender}',
  },
  {
    code: 'pin/missing-criteria',
    severity: 'error',
    why: 'The API documents pin_criteria as required for criteria pins.',
    summary: 'A criteria pin needs pin_criteria.',
    wrong: '- position: 1\n  pin_type: criteria',
    right: '- position: 1\n  pin_type: criteria\n  pin_criteria: {brand: Fender}',
  },
  {
    code: 'pin/unexpected-criteria',
    severity: 'warning',
    why: 'The docs say when the field is needed but do not forbid it elsewhere; it is sent, and probably ignored.',
    summary: 'pin_criteria on an item pin; it is sent as written.',
    wrong: '- pin_type: item\n  pin_identity: /p/1/\n  pin_criteria: {brand: Fender}',
    right: '- pin_type: item\n  pin_identity: /p/1/',
  },
  {
    code: 'pin/block-position',
    severity: 'warning',
    why: 'The docs pair is_block_pin with position 0 ("use 0 for block") but do not forbid other combinations; one of the two is probably a mistake.',
    summary:
      'is_block_pin: true with a position other than 0, or position 0 without is_block_pin: true.',
    wrong: '- position: 0\n  pin_type: item\n  pin_identity: /p/1/',
    right: '- position: 0\n  pin_type: item\n  pin_identity: /p/1/\n  is_block_pin: true',
  },
  {
    code: 'pin/date-format',
    severity: 'error',
    why: 'Not an ISO 8601 date-time, or not a real date: the API documents ISO 8601 date-times.',
    summary: 'active_from or active_to is not an ISO 8601 date-time, or not a real date.',
    wrong: 'active_to: 2026-02-30T00:00:00Z',
    right: 'active_to: 2026-02-01T00:00:00Z',
  },
  {
    code: 'pin/date-unusual',
    severity: 'warning',
    why: 'Legal ISO 8601, but without an offset the time zone is whatever the server assumes, and other forms (no seconds, +02 or +0200, a decimal comma, a week or ordinal date, 24:00) are ones some parsers refuse.',
    summary: 'A date-time without a UTC offset, or in a less common ISO 8601 form.',
    wrong: 'active_from: 2026-12-01T00:00:00\nactive_to: 2027-01-01T10:00+02',
    right: 'active_from: 2026-12-01T00:00:00+01:00\nactive_to: 2027-01-01T10:00:00+02:00',
  },
  {
    code: 'pin/date-order',
    severity: 'error',
    why: 'A window that ends before it starts cannot mean what it says.',
    summary: 'active_to must be after active_from.',
    wrong: 'active_from: 2026-03-01T00:00:00Z\nactive_to: 2026-02-01T00:00:00Z',
    right: 'active_from: 2026-02-01T00:00:00Z\nactive_to: 2026-03-01T00:00:00Z',
  },
  {
    code: 'pin/expired',
    severity: 'warning',
    why: 'Legal, but the pin no longer does anything.',
    summary: 'The pin ended in the past and no longer has any effect.',
    wrong: 'active_to: 2020-01-01T00:00:00Z',
    right: '(remove the pin)',
  },
  {
    code: 'pin/position-collision',
    severity: 'warning',
    why: 'Legal, but only one item can be shown at a position.',
    summary: 'Two pins at the same position for the same widget at overlapping times.',
    wrong:
      '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 1, pin_type: item, pin_identity: /p/2/}',
    right:
      '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 2, pin_type: item, pin_identity: /p/2/}',
  },
  {
    code: 'pin/duplicate-item',
    severity: 'warning',
    why: 'Legal, but one of the two pins has no effect.',
    summary: 'The same item pinned twice for the same widget at overlapping times.',
    wrong:
      '- {position: 1, pin_type: item, pin_identity: /p/1/}\n- {position: 3, pin_type: item, pin_identity: /p/1/}',
    right: '- {position: 1, pin_type: item, pin_identity: /p/1/}',
  },
  {
    code: 'scope/duplicate',
    severity: 'error',
    why: "This project's rule, not the API's: the Action updates the customization it finds by scope, so two documents with one scope would overwrite each other on every run.",
    summary:
      "Two documents with the same scope (model + target) anywhere in the workspace. This is the Action's rule, not the API's: it finds the customization to update by its scope.",
    wrong: '# a.yml\nmodel: basket\ntarget_type: all\n# b.yml\nmodel: basket\ntarget_type: all',
    right: '# a.yml: one document with the pins of both',
  },
  {
    code: 'luigisbox/rejected',
    severity: 'error',
    why: 'The API refused it.',
    summary:
      "Luigi's Box refused the customization (HTTP 400 or 422) when it was submitted; the annotation carries the server's message. Nothing was written for this document.",
    wrong: '',
    right: '',
  },
  {
    code: 'luigisbox/failed',
    severity: 'error',
    why: 'It was not applied.',
    summary:
      'Submitting the document failed for another reason: the API could not be reached after retries, or several live customizations share its scope. The message says which.',
    wrong: '',
    right: '',
  },
  {
    code: 'luigisbox/scope-rewritten',
    severity: 'warning',
    why: 'It was applied; the message says what the server changed.',
    summary:
      "Luigi's Box answered a create with another scope than was sent (it rewrote the target fields). The customization was created, and the Action finds it again by its ownership tag.",
    wrong: '',
    right: '',
  },
] as const satisfies readonly RuleDoc[]

/** Every code a problem can carry. */
export type ProblemCode = (typeof RULES)[number]['code']

const SEVERITIES = new Map<string, Severity>(RULES.map((rule) => [rule.code, rule.severity]))

/** A code's severity: this table is its only source, so a code never changes level by context. */
export function severityOf(code: ProblemCode): Severity {
  return SEVERITIES.get(code) ?? 'error'
}

/** The rule reference as Markdown, for the README. */
export function rulesMarkdown(): string {
  const sections = RULES.map((rule) => {
    const example =
      rule.wrong === ''
        ? ''
        : `\n\n\`\`\`yaml\n# wrong\n${rule.wrong}\n# right\n${rule.right}\n\`\`\``
    return `#### \`${rule.code}\` (${rule.severity})\n\n${rule.summary}\n\n_Why ${rule.severity === 'error' ? 'an error' : 'a warning'}:_ ${rule.why}${example}`
  })
  return `${sections.join('\n\n')}\n`
}
