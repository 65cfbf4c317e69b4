import { type JsonObject, isObject } from './json-body.js'

const FIELDS = [
  'model',
  'target_type',
  'target_identity',
  'target_criteria',
  'target_metadata',
  'tags',
  'pin_definitions',
]
const PIN_FIELDS = [
  'position',
  'pin_type',
  'pin_identity',
  'pin_criteria',
  'widget_id',
  'is_block_pin',
  'is_bundle_pin',
  'active_from',
  'active_to',
]

/**
 * Like a real service, keeps only the fields it knows, so a round trip shows what was dropped.
 * `body` is already validated.
 */
export function stored(body: JsonObject): JsonObject {
  const out = pick(body, FIELDS)
  if (Array.isArray(body.pin_definitions)) {
    out.pin_definitions = body.pin_definitions.map((pin: unknown) =>
      pick(isObject(pin) ? pin : {}, PIN_FIELDS),
    )
  }
  return out
}

function pick(value: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {}
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key]
  return out
}
