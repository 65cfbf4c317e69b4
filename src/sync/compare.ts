import * as z from 'zod'
import { customizationSchema, pinSchema, type Customization } from '../manifest/schema.js'
import { readDateTime } from '../manifest/date-time.js'
import { canonicalJson, normaliseCriteria } from '../manifest/scope.js'
import { isOwnershipTag } from './ownership.js'

export interface CompareOptions {
  /** The Action's ownership tag: its tags are never part of a comparison. */
  ownershipTag?: string
  /**
   * The live customization carries the fingerprint of exactly this manifest body: fields the
   * server does not return are then known to be as last applied.
   */
  lastAppliedIsDesired?: boolean
}

/**
 * Equal on the fields a manifest controls, after normalising what a server may rewrite
 * (reference §7): key order; tag order and repeats; pins reordered by position (pins that share a
 * position keep their order, which is significant); defaults, nulls, `false` and empty values
 * versus absent ones; the spelling of a date-time; a criteria value stored as a one-element list.
 * Server-owned fields (id, creator, created_at, available) are ignored.
 */
export function sameCustomization(
  desired: Customization,
  live: Customization,
  options: CompareOptions = {},
): boolean {
  const want = normalise(desired, options.ownershipTag)
  const have = normalise(live, options.ownershipTag)
  if (options.lastAppliedIsDesired) {
    for (const field of NOT_RETURNED) if (have[field] === undefined) have[field] = want[field]
  }
  return canonicalJson(want) === canonicalJson(have)
}

/** The manifest's content as compared, for fingerprints of what was applied. */
export function normalise(customization: Customization, ownershipTag?: string): Normalised {
  const fields = customization as Record<string, unknown>
  const normalised: Normalised = {}
  for (const field of FIELDS) {
    const value = fields[field]
    normalised[field] =
      field === 'tags'
        ? merchantTags(value, ownershipTag)
        : field === 'pin_definitions'
          ? pinsInOrder(value).map((pin) => canonicalJson(normalisePin(pin)))
          : CRITERIA.has(field)
            ? meaningful(normaliseCriteria(value))
            : meaningful(value)
  }
  return normalised
}

type Normalised = Record<string, unknown>

// From the schema, so a field added there is compared (and so sent again when it changes).
const FIELDS = Object.keys(customizationSchema.shape).filter((key) => key !== '$schema')
const PIN_FIELDS = Object.keys(pinSchema.shape)
const DATE_TIME_PIN_FIELDS = new Set(
  Object.entries(pinSchema.shape)
    .filter(
      ([, schema]) =>
        schema instanceof z.ZodOptional && schema.unwrap() instanceof z.ZodISODateTime,
    )
    .map(([key]) => key),
)
const CRITERIA = new Set(['target_criteria', 'pin_criteria'])
/** The vendor's get-one and update pages list no `target_metadata` (reference §7). */
const NOT_RETURNED = ['target_metadata']

/** A pin as compared: server defaults, nulls and date spellings aside. */
export function normalisePin(pin: unknown): Normalised {
  const fields = (typeof pin === 'object' && pin !== null ? pin : {}) as Record<string, unknown>
  const normalised: Normalised = {}
  for (const field of PIN_FIELDS) {
    const raw = CRITERIA.has(field) ? normaliseCriteria(fields[field]) : fields[field]
    const value = meaningful(raw)
    if (value === undefined) continue
    normalised[field] = DATE_TIME_PIN_FIELDS.has(field) ? instant(value) : value
  }
  return normalised
}

/** Pins ordered by position; a stable sort, so pins sharing a position keep their order. */
function pinsInOrder(pins: unknown): unknown[] {
  if (!Array.isArray(pins)) return []
  const position = (pin: unknown): number => {
    const value = (pin as { position?: unknown } | null)?.position
    return typeof value === 'number' ? value : 0
  }
  return [...pins].sort((a, b) => position(a) - position(b))
}

function merchantTags(tags: unknown, ownershipTag: string | undefined): string[] | undefined {
  if (!Array.isArray(tags)) return undefined
  const own = tags.filter(
    (tag): tag is string =>
      typeof tag === 'string' && !(ownershipTag && isOwnershipTag(ownershipTag, tag)),
  )
  return own.length > 0 ? [...new Set(own)].sort() : undefined
}

/** `undefined` for what means "not set": absent, null, false, an empty string or object. */
export function meaningful(value: unknown): unknown {
  if (value === null || value === undefined || value === false || value === '') return undefined
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return undefined
  return value
}

/**
 * The instant a date-time names, read as the checks read it: a server that accepts an unusual
 * spelling (`T06.5Z`, a week date) and stores the common one must not look changed on every run.
 */
function instant(value: unknown): unknown {
  const reading = typeof value === 'string' ? readDateTime(value) : undefined
  return reading?.kind === 'valid' ? reading.time : value
}
