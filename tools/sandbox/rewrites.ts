// What a real server may do to the customizations it stores (reference luigisbox-api.md §7).
// The vendor documents request fields, not what comes back, so each plausible rewrite is a mode
// a test turns on to prove the client does not depend on getting its own body back verbatim.
import { type JsonObject, isObject } from './json-body.js'

export type Rewrite =
  | 'pin-defaults'
  | 'pin-order'
  | 'date-format'
  | 'tag-order'
  | 'criteria-values'
  | 'no-metadata'
  | 'nulls'

/** Every rewrite, in the order they are applied (whatever order a caller lists them in). */
export const ALL_REWRITES: readonly Rewrite[] = [
  'no-metadata',
  'criteria-values',
  'tag-order',
  'date-format',
  'pin-order',
  'pin-defaults',
  'nulls',
]

export function isRewrite(name: string): name is Rewrite {
  return (ALL_REWRITES as readonly string[]).includes(name)
}

/**
 * A record as the server would store it under `rewrites`, and the rewrites that changed it (so
 * the log can say which ones a client's body actually met). The record is the caller's to give
 * away: with no rewrite on it is stored as it is.
 */
export function rewriteStored(
  record: JsonObject,
  rewrites: readonly Rewrite[],
): { record: JsonObject; applied: Rewrite[] } {
  if (rewrites.length === 0) return { record, applied: [] }
  const on = new Set(rewrites)
  const out = structuredClone(record)
  const applied: Rewrite[] = []
  for (const name of ALL_REWRITES) {
    if (!on.has(name)) continue
    const before = JSON.stringify(out)
    STEPS[name](out, on)
    if (JSON.stringify(out) !== before) applied.push(name)
  }
  return { record: out, applied }
}

/** Each step changes the record in place; `rewriteStored` hands it a copy. */
const STEPS: Record<Rewrite, (record: JsonObject, on: ReadonlySet<Rewrite>) => void> = {
  'no-metadata': (record) => {
    // Accepted but never returned, as the current get-one page lists no target_metadata.
    delete record.target_metadata
  },
  'criteria-values': (record) => {
    wrapScalars(record.target_criteria)
    for (const pin of pinsOf(record)) wrapScalars(pin.pin_criteria)
  },
  'tag-order': (record) => {
    if (Array.isArray(record.tags)) record.tags = [...new Set(record.tags)].sort()
  },
  'date-format': (record) => {
    respell(record, 'created_at')
    for (const pin of pinsOf(record)) {
      respell(pin, 'active_from')
      respell(pin, 'active_to')
    }
  },
  'pin-order': (record) => {
    // Array.prototype.sort is stable, so pins sharing a position keep the order they came in.
    if (Array.isArray(record.pin_definitions)) {
      record.pin_definitions = [...record.pin_definitions].sort(
        (a: unknown, b: unknown) => positionOf(a) - positionOf(b),
      )
    }
  },
  'pin-defaults': (record) => {
    for (const pin of pinsOf(record)) {
      for (const [field, value] of Object.entries(PIN_DEFAULTS)) {
        if (pin[field] === undefined) pin[field] = value
      }
    }
  },
  nulls: (record, on) => {
    // With no-metadata the field is not returned at all, not even as null.
    const fields = on.has('no-metadata') ? UNSET_TOP_LEVEL.slice(1) : UNSET_TOP_LEVEL
    for (const field of fields) if (record[field] === undefined) record[field] = null
  },
}

// A pin's identity and criteria are each required by its own pin_type, so one left unset is the
// one that does not apply to it.
const PIN_DEFAULTS: JsonObject = {
  is_block_pin: false,
  is_bundle_pin: false,
  widget_id: null,
  active_from: null,
  active_to: null,
  pin_identity: null,
  pin_criteria: null,
}

// target_metadata first, so `nulls` can leave it out when no-metadata is on.
const UNSET_TOP_LEVEL = ['target_metadata', 'target_identity', 'target_criteria', 'tags']

function pinsOf(record: JsonObject): JsonObject[] {
  return Array.isArray(record.pin_definitions) ? record.pin_definitions.filter(isObject) : []
}

function positionOf(pin: unknown): number {
  return isObject(pin) && typeof pin.position === 'number' ? pin.position : 0
}

/** `{brand: "Fender"}` → `{brand: ["Fender"]}`; arrays and nested objects stay as they are. */
function wrapScalars(criteria: unknown): void {
  if (!isObject(criteria)) return
  for (const [key, value] of Object.entries(criteria)) {
    if (!Array.isArray(value) && !isObject(value)) criteria[key] = [value]
  }
}

/**
 * A date-time as a Python server prints it: UTC, microseconds, `+00:00`
 * (`2026-12-01T00:00:00.000000+00:00`). The fraction is taken from the text, not from a Date,
 * which would keep only milliseconds; offsets are whole minutes, so converting to UTC leaves it.
 */
function respellDateTime(value: string): string {
  const fraction = /\.(\d+)/.exec(value)?.[1] ?? ''
  const ms = Date.parse(value.replace(/\.\d+/, ''))
  if (Number.isNaN(ms)) return value
  const seconds = new Date(ms).toISOString().slice(0, 19)
  return `${seconds}.${fraction.padEnd(6, '0').slice(0, 6)}+00:00`
}

function respell(owner: JsonObject, field: string): void {
  const value = owner[field]
  if (typeof value === 'string') owner[field] = respellDateTime(value)
}
