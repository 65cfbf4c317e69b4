// The vendor's documented rules, written independently of the project's zod schema so that a
// mistake there is caught here rather than shared.
import { type JsonObject, isNonEmptyObject, isNonEmptyString, isObject } from './json-body.js'
import { Reply } from './reply.js'

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
const TARGET_TYPES: unknown[] = ['item', 'criteria', 'all']

interface Problem {
  field: string
  message: string
}

/**
 * Problems in the pin definitions are 422 ("invalid pin definition"), the rest 400 ("invalid
 * configuration"), as the reference lists them.
 */
export function validate(body: JsonObject): Reply | null {
  const config: Problem[] = []
  const pins: Problem[] = []
  const problem = (list: Problem[], field: string, message: string) => list.push({ field, message })

  if (!isNonEmptyString(body.model))
    problem(config, 'model', 'is required and must be a non-empty string')
  if (!TARGET_TYPES.includes(body.target_type)) {
    problem(config, 'target_type', 'must be one of item, criteria, all')
  }
  if (body.target_type === 'item' && !isNonEmptyString(body.target_identity)) {
    problem(config, 'target_identity', 'is required when target_type is item')
  } else if (body.target_identity !== undefined && typeof body.target_identity !== 'string') {
    problem(config, 'target_identity', 'must be a string')
  }
  if (body.target_type === 'criteria' && !isNonEmptyObject(body.target_criteria)) {
    problem(
      config,
      'target_criteria',
      'is required when target_type is criteria and must be a non-empty object',
    )
  } else if (body.target_criteria !== undefined && !isObject(body.target_criteria)) {
    problem(config, 'target_criteria', 'must be an object')
  }
  if (body.target_metadata !== undefined && !isObject(body.target_metadata)) {
    problem(config, 'target_metadata', 'must be an object')
  }
  if (
    body.tags !== undefined &&
    !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))
  ) {
    problem(config, 'tags', 'must be an array of strings')
  }
  if (!Array.isArray(body.pin_definitions)) {
    problem(config, 'pin_definitions', 'is required and must be an array')
  } else {
    body.pin_definitions.forEach((pin: unknown, i) => {
      const at = `pin_definitions[${i}]`
      if (!isObject(pin)) return problem(pins, at, 'must be an object')
      if (!(
        typeof pin.position === 'number' &&
        Number.isInteger(pin.position) &&
        pin.position >= -1
      )) {
        problem(pins, `${at}.position`, 'must be an integer >= -1')
      }
      if (pin.pin_type !== 'item' && pin.pin_type !== 'criteria') {
        problem(pins, `${at}.pin_type`, 'must be one of item, criteria')
      }
      if (pin.pin_type === 'item' && !isNonEmptyString(pin.pin_identity)) {
        problem(pins, `${at}.pin_identity`, 'is required when pin_type is item')
      } else if (pin.pin_identity !== undefined && typeof pin.pin_identity !== 'string') {
        problem(pins, `${at}.pin_identity`, 'must be a string')
      }
      if (pin.pin_type === 'criteria' && !isNonEmptyObject(pin.pin_criteria)) {
        problem(
          pins,
          `${at}.pin_criteria`,
          'is required when pin_type is criteria and must be a non-empty object',
        )
      } else if (pin.pin_criteria !== undefined && !isObject(pin.pin_criteria)) {
        problem(pins, `${at}.pin_criteria`, 'must be an object')
      }
      if (pin.widget_id !== undefined && typeof pin.widget_id !== 'string') {
        problem(pins, `${at}.widget_id`, 'must be a string')
      }
      for (const flag of ['is_block_pin', 'is_bundle_pin']) {
        if (pin[flag] !== undefined && typeof pin[flag] !== 'boolean') {
          problem(pins, `${at}.${flag}`, 'must be a boolean')
        }
      }
      for (const when of ['active_from', 'active_to']) {
        const value = pin[when]
        if (
          value !== undefined &&
          !(
            typeof value === 'string' &&
            ISO_DATE_TIME.test(value) &&
            !Number.isNaN(Date.parse(value))
          )
        ) {
          problem(pins, `${at}.${when}`, 'must be an ISO 8601 date-time')
        }
      }
    })
  }
  if (config.length > 0) {
    return Reply.json(400, { message: `Invalid configuration: ${summary(config)}`, errors: config })
  }
  if (pins.length > 0) {
    return Reply.json(422, { message: `Invalid pin definition: ${summary(pins)}`, errors: pins })
  }
  return null
}

function summary(problems: Problem[]): string {
  return problems.map((p) => `${p.field} ${p.message}`).join('; ')
}
