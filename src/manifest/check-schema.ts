import * as z from 'zod'
import type { core } from 'zod'
import { formatPath, isRecord, quote, withoutEchoes, type Finding } from './findings.js'
import type { Path } from './parse.js'
import { closest } from './suggest.js'
import { compileAccepts, type Accepts } from './accepts.js'
import { MAX_PROBLEMS_PER_FILE } from './codes.js'
import {
  CUSTOMIZATION_KEYS,
  customizationSchema,
  manifestPinSchema,
  manifestSchema,
  PIN_KEYS,
} from './schema.js'

/** What each field is, so a "missing" or "wrong type" message can say what to write. */
const FIELD_HINTS: Record<string, string> = {
  model: 'the recommender model name, e.g. basket',
  target_type: 'one of item, criteria, all',
  target_identity: "the target item's id",
  target_criteria: 'a non-empty criteria object',
  target_metadata: 'a mapping such as {title: ..., image: ...}',
  tags: 'a list of strings',
  pin_definitions: 'a non-empty list of pins',
  position: 'an integer: -1 for every position, 0 to block, 1 or more for that position',
  pin_type: 'item or criteria',
  pin_identity: 'the id of the item to pin',
  pin_criteria: 'a non-empty criteria object',
  widget_id: 'a widget id string',
  is_block_pin: 'true or false',
  is_bundle_pin: 'true or false',
  active_from: 'an ISO 8601 date-time with offset, e.g. 2026-01-31T00:00:00Z',
  active_to: 'an ISO 8601 date-time with offset, e.g. 2026-02-28T23:59:59Z',
  $schema: 'a string (a URL or path of the JSON Schema)',
}

/** Structural checks (types, required keys, unknown keys, enums) from the zod schema. */
export function checkSchema(value: unknown): Finding[] {
  if (DOCUMENT.certainlyValid(value)) return []
  const findings = issuesOf(OUTSIDE_LISTS, value, [], value)
  for (const [key, itemPart] of LISTS) {
    const items = isRecord(value) && Array.isArray(value[key]) ? value[key] : []
    // Item by item, and no further than a file's worth of problems: a hostile file of 100,000
    // broken pins or tags must not cost 100,000 problems' time and memory. The items come in
    // reading order, so the problems left out would not be listed anyway. (An item's echoes are
    // its own, so they are dropped before counting.)
    let listed = 0
    for (let i = 0; i < items.length && listed <= MAX_PROBLEMS_PER_FILE; i++) {
      const item = issuesOf(itemPart, items[i], [key, i], value)
      for (const finding of item) findings.push(finding)
      listed += withoutEchoes(item).length
    }
  }
  return findings
}

/**
 * A part of a document zod checks. Most documents and pins are valid: those are recognised in
 * one plain walk each, and zod's issue machinery runs only on what it has something to say about.
 */
interface Part {
  schema: z.ZodType
  certainlyValid: Accepts
}

const part = (schema: z.ZodType): Part => ({ schema, certainlyValid: compileAccepts(schema) })

/** The lists checked item by item in `checkSchema`, and the schema of their items. */
const LISTS = [
  ['pin_definitions', part(manifestPinSchema)],
  ['tags', part(customizationSchema.shape.tags.unwrap().element)],
] as const

/** The document with its lists' items only counted; they are checked one by one in `checkSchema`. */
const OUTSIDE_LISTS = part(
  manifestSchema.extend({
    pin_definitions: z.array(z.unknown()).min(1),
    tags: z.array(z.unknown()).nullable().optional(),
  }),
)
const DOCUMENT = part(manifestSchema)

function issuesOf(part: Part, value: unknown, base: Path, document: unknown): Finding[] {
  if (part.certainlyValid(value)) return []
  const result = part.schema.safeParse(value)
  if (result.success) return []
  return result.error.issues.flatMap((issue) =>
    toFindings({ ...issue, path: [...base, ...issue.path] } as core.$ZodIssue, document),
  )
}

function toFindings(issue: core.$ZodIssue, document: unknown): Finding[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol')
  const field = lastKey(path)
  const hint = FIELD_HINTS[field]
  const at = formatPath(path)
  const actual = valueAt(document, path)

  // zod reports a missing key as a wrong type, or for an enum as a wrong value.
  if (actual === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const parent = path.slice(0, -1)
    return [
      {
        path: parent,
        code: 'schema/required',
        missing: field,
        message: `Missing required key "${field}" in ${formatPath(parent)}: add ${hint ?? 'it'}.`,
      },
    ]
  }
  // Optional fields may be null; a required one may not, and that is one problem, not a type.
  if (actual === null && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [
      {
        path,
        code: 'schema/required',
        missing: field,
        message: `${at} is null, but it is required: write ${hint ?? 'a value'}.`,
      },
    ]
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const inPin = path.length > 0
      return issue.keys.map((key) => new UnknownKey([...path, key], inPin))
    }
    case 'invalid_type': {
      if (field === 'position') return [positionFinding(path, actual)]
      return [
        {
          path,
          code: 'schema/type',
          message: `${at} must be ${hint ?? issue.expected}, not ${describeType(actual)} ${quote(actual)}${typeAdvice(issue.expected, actual)}`,
        },
      ]
    }
    case 'invalid_value': {
      const options = issue.values.map(String)
      const suggestion = typeof actual === 'string' ? closest(actual, options) : undefined
      return [
        {
          path,
          code: 'schema/enum',
          message:
            `${at} must be one of ${options.join(', ')}, not ${quote(actual)}` +
            (suggestion ? `: did you mean "${suggestion}"?` : '.'),
        },
      ]
    }
    case 'too_small': {
      if (field === 'position') return [positionFinding(path, actual)]
      if (field === 'pin_definitions') {
        return [
          {
            path,
            code: 'pins/empty',
            message:
              'pin_definitions is empty: add at least one pin. To remove a customization, delete its document.',
          },
        ]
      }
      return [
        {
          path,
          code: 'schema/empty-string',
          message: `${at} is empty: write ${hint ?? 'a value'}.`,
        },
      ]
    }
    case 'invalid_format':
      return [
        {
          path,
          code: 'pin/date-format',
          message: `${at} is ${quote(actual)}, not an ISO 8601 date-time with a time zone: write e.g. 2026-01-31T00:00:00Z or 2026-01-31T00:00:00+01:00.`,
        },
      ]
    default:
      return [
        {
          path,
          code: 'schema/type',
          message: `${at}: ${issue.message}${hint ? ` (expected ${hint})` : ''}.`,
        },
      ]
  }
}

function positionFinding(path: Path, actual: unknown): Finding {
  return {
    path,
    code: 'pin/position',
    message: `position is ${quote(actual)}: it must be ${FIELD_HINTS.position}.`,
  }
}

/** What to write instead, where YAML read a value as another type than was meant. */
function typeAdvice(expected: string, actual: unknown): string {
  if (expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
    return ': quote it as written, so YAML reads it as text (unquoted digits are a number, and lose leading zeros).'
  }
  if (
    expected === 'boolean' &&
    typeof actual === 'string' &&
    /^(?:y|yes|n|no|on|off)$/i.test(actual)
  ) {
    return `: YAML 1.2 reads ${actual} as text. Write true or false.`
  }
  return '.'
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i]
    if (typeof segment === 'string') return segment
  }
  return ''
}

function valueAt(document: unknown, path: Path): unknown {
  let current = document
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment]
    else if (isRecord(current) && typeof segment === 'string' && Object.hasOwn(current, segment))
      current = current[segment]
    else return undefined
  }
  return current
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'number') return Number.isInteger(value) ? 'the integer' : 'the number'
  return `the ${typeof value}`
}

/**
 * An unknown key. Its suggestion and message are worked out only when read, and on a prototype,
 * not per object: a hostile file can hold 100,000 unknown keys, of which only a file's worth are
 * listed (see `listed` in validate.ts), and a suggestion is read besides only where a required
 * key is missing (see `withoutEchoes`).
 */
class UnknownKey implements Finding {
  readonly part = 'key'
  readonly code = 'schema/unknown-key'
  #near: { key: string | undefined } | undefined

  constructor(
    readonly path: Path,
    private readonly inPin: boolean,
  ) {}

  private get key(): string {
    return String(this.path.at(-1))
  }

  private get known(): readonly string[] {
    return this.inPin ? PIN_KEYS : CUSTOMIZATION_KEYS
  }

  get suggestion(): string | undefined {
    this.#near ??= { key: closest(this.key, this.known) }
    return this.#near.key
  }

  get message(): string {
    const near = this.suggestion
    const elsewhere = near
      ? undefined
      : closest(this.key, this.inPin ? CUSTOMIZATION_KEYS : PIN_KEYS)
    const advice = near
      ? `did you mean "${near}"?`
      : elsewhere
        ? `did you mean "${elsewhere}"? It belongs ${this.inPin ? 'at the top level of the document' : 'inside a pin, under pin_definitions'}.`
        : `allowed keys are ${this.known.join(', ')}.`
    return `Unknown key ${quote(this.key)} in ${this.inPin ? 'a pin' : 'a customization'}: ${advice}`
  }
}
