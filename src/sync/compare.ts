import * as z from 'zod'
import { customizationSchema, dateTime, pinSchema, type Customization } from '../manifest/schema.js'
import { canonicalJson } from '../manifest/scope.js'

/**
 * Equal on the fields a manifest controls, after normalising what a server may legitimately
 * rewrite: key order, the order of tags and pins, `false`/empty values versus absent ones, and
 * the spelling of a date-time. Server-owned fields (id, creator, created_at, available) are ignored.
 */
export function sameCustomization(desired: Customization, live: Customization): boolean {
  return canonicalJson(normalise(desired)) === canonicalJson(normalise(live))
}

// From the schema, so a field added there is compared (and so sent again when it changes).
const FIELDS = Object.keys(customizationSchema.shape).filter((key) => key !== '$schema')
const PIN_FIELDS = Object.keys(pinSchema.shape)
const DATE_TIME_PIN_FIELDS = new Set(
  Object.entries(pinSchema.shape)
    .filter(([, schema]) => schema instanceof z.ZodOptional && schema.unwrap() === dateTime)
    .map(([key]) => key),
)

function normalise(customization: Customization): Record<string, unknown> {
  const fields = customization as Record<string, unknown>
  const normalised: Record<string, unknown> = {}
  for (const field of FIELDS) {
    normalised[field] =
      field === 'tags'
        ? sortedTags(customization.tags)
        : field === 'pin_definitions'
          ? (customization.pin_definitions ?? [])
              .map((pin) => canonicalJson(normalisePin(pin)))
              .sort()
          : meaningful(fields[field])
  }
  return normalised
}

function normalisePin(pin: object): Record<string, unknown> {
  const fields = pin as Record<string, unknown>
  const normalised: Record<string, unknown> = {}
  for (const field of PIN_FIELDS) {
    const value = meaningful(fields[field])
    if (value === undefined) continue
    normalised[field] = DATE_TIME_PIN_FIELDS.has(field) ? instant(value) : value
  }
  return normalised
}

function sortedTags(tags: readonly string[] | undefined): string[] | undefined {
  return tags && tags.length > 0 ? [...tags].sort() : undefined
}

/** `undefined` for what means "not set": absent, null, false, an empty string or object. */
function meaningful(value: unknown): unknown {
  if (value === null || value === undefined || value === false || value === '') return undefined
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return undefined
  return value
}

function instant(value: unknown): unknown {
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isNaN(time) ? value : time
}
