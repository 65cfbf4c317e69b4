import type { core } from 'zod'

/** Whether a value is certainly valid: `false` means "not certain", never "invalid". */
export type Accepts = (value: unknown) => boolean

const UNSURE: Accepts = () => false

/**
 * A check compiled from a zod schema's definition that answers, in one plain walk, whether
 * `schema.safeParse(value)` would succeed: for a valid manifest, zod's issue machinery (one
 * parse per pin, contexts, wrappers) costs several times the walk. It knows the kinds of schema
 * and check the manifest schema is made of, exactly as zod applies them; for anything else
 * (another kind, a refinement, coercion, a transform) it is never sure, and zod decides. So a
 * field added to the schema is checked by zod until this knows its kind, and a value this
 * accepts is one zod accepts. Checks apply here unconditionally: zod's `when` can only skip one.
 */
export function compileAccepts(schema: core.$ZodType): Accepts {
  const def = schema._zod.def
  const checks = (def.checks ?? []).map((check) => check._zod.def)
  // A schema that is its own check (a string format, a number format) lists it in its definition.
  if ('check' in def && def.type !== 'number') return UNSURE
  switch (def.type) {
    case 'optional': {
      const inner = compileAccepts((def as core.$ZodOptionalDef).innerType)
      return checks.length > 0 ? UNSURE : (value) => value === undefined || inner(value)
    }
    case 'nullable': {
      const inner = compileAccepts((def as core.$ZodNullableDef).innerType)
      return checks.length > 0 ? UNSURE : (value) => value === null || inner(value)
    }
    case 'unknown':
    case 'any':
      return checks.length > 0 ? UNSURE : () => true
    case 'boolean':
      return checks.length > 0 || (def as core.$ZodBooleanDef).coerce
        ? UNSURE
        : (value) => typeof value === 'boolean'
    case 'enum': {
      // String options only: zod reads a numeric enum's entries its own way.
      const options = Object.values((def as core.$ZodEnumDef).entries)
      if (checks.length > 0 || !options.every((o) => typeof o === 'string')) return UNSURE
      const values = new Set<unknown>(options)
      return (value) => values.has(value)
    }
    case 'string': {
      const length = lengthBounds(checks)
      if (!length || (def as core.$ZodStringDef).coerce) return UNSURE
      return (value) =>
        typeof value === 'string' && value.length >= length.min && value.length <= length.max
    }
    case 'number':
      return numberAccepts(def as core.$ZodNumberDef, checks)
    case 'array': {
      const length = lengthBounds(checks)
      const element = compileAccepts((def as core.$ZodArrayDef).element)
      if (!length) return UNSURE
      return (value) => {
        if (!Array.isArray(value) || value.length < length.min || value.length > length.max)
          return false
        for (const item of value) if (!element(item)) return false
        return true
      }
    }
    case 'record': {
      const { keyType, valueType, mode } = def as core.$ZodRecordDef
      const key = keyType._zod.def
      if (checks.length > 0 || mode === 'loose' || key.type !== 'string' || key.checks?.length)
        return UNSURE
      const item = compileAccepts(valueType)
      return (value) => {
        // zod reads symbol keys too, and a string key schema refuses them.
        if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return false
        for (const name of Object.keys(value)) if (!item(value[name])) return false
        return true
      }
    }
    case 'object': {
      const { shape, catchall } = def as core.$ZodObjectDef
      // Only a strict object: every key known, none stripped or passed through.
      if (checks.length > 0 || catchall?._zod.def.type !== 'never') return UNSURE
      const fields = new Map(
        Object.entries(shape).map(([name, field]) => [name, compileAccepts(field)]),
      )
      const required = Object.keys(shape).filter(
        (name) => shape[name]?._zod.def.type !== 'optional',
      )
      return (value) => {
        if (!isPlainObject(value)) return false
        for (const name of Object.keys(value)) {
          const accepts = fields.get(name)
          if (accepts === undefined || !accepts(value[name])) return false
        }
        for (const name of required) if (!Object.hasOwn(value, name)) return false
        return true
      }
    }
    default:
      return UNSURE
  }
}

function numberAccepts(def: core.$ZodNumberDef, checks: core.$ZodCheckDef[]): Accepts {
  if (def.coerce) return UNSURE
  // `z.int()` is a number that is its own format check; `.int()` adds one to `checks`.
  const all = 'check' in def ? [def as core.$ZodCheckDef, ...checks] : checks
  let integer = false
  let min = -Infinity
  let max = Infinity
  for (const check of all) {
    if (check.check === 'number_format') {
      const { format } = check as core.$ZodCheckNumberFormatDef
      if (format !== 'safeint') return UNSURE
      integer = true
    } else if (check.check === 'greater_than') {
      const { value, inclusive } = check as core.$ZodCheckGreaterThanDef
      if (typeof value !== 'number') return UNSURE
      // Exclusive bounds are kept out of the comparison below: not sure, zod decides.
      if (!inclusive) return UNSURE
      min = Math.max(min, value)
    } else if (check.check === 'less_than') {
      const { value, inclusive } = check as core.$ZodCheckLessThanDef
      if (typeof value !== 'number' || !inclusive) return UNSURE
      max = Math.min(max, value)
    } else return UNSURE
  }
  return (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isSafeInteger(value)) &&
    value >= min &&
    value <= max
}

/** Length bounds from `min_length` and `max_length` checks; `undefined` for any other check. */
function lengthBounds(checks: core.$ZodCheckDef[]): { min: number; max: number } | undefined {
  let min = 0
  let max = Infinity
  for (const check of checks) {
    if (check.check === 'min_length')
      min = Math.max(min, (check as core.$ZodCheckMinLengthDef).minimum)
    else if (check.check === 'max_length')
      max = Math.min(max, (check as core.$ZodCheckMaxLengthDef).maximum)
    else return undefined
  }
  return { min, max }
}

/** An object with the plain prototype, as parsers make them, which zod takes for a record. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  )
}
