import { isRecord, quote, type Finding } from './findings.js'
import { dateTime, PIN_TYPES, TARGET_TYPES } from './schema.js'

/**
 * The rules the API implies beyond the shape of a customization. Each rule looks only at fields
 * that have the right type, so a wrong type is reported once, by the schema, and not again here.
 */
export function checkRules(document: Record<string, unknown>, now: Date): Finding[] {
  return [...checkTarget(document), ...checkPins(document, now)]
}

function checkTarget(doc: Record<string, unknown>): Finding[] {
  const type = doc.target_type
  if (!isOneOf(type, TARGET_TYPES)) return []
  const findings: Finding[] = []
  findings.push(
    ...conditionalField(doc, [], 'target_type', type, {
      field: 'target_identity',
      when: 'item',
      code: 'target',
      kind: 'identity',
    }),
    ...conditionalField(doc, [], 'target_type', type, {
      field: 'target_criteria',
      when: 'criteria',
      code: 'target',
      kind: 'criteria',
    }),
    ...emptyCriteria(doc, [], 'target_criteria'),
  )
  if (doc.target_metadata !== undefined && type !== 'item') {
    findings.push({
      path: ['target_metadata'],
      part: 'key',
      severity: 'warning',
      code: 'target/metadata-ignored',
      message: `target_metadata describes a target item, but target_type is ${type}: remove it.`,
    })
  }
  return findings
}

interface Conditional {
  field: string
  when: string
  code: 'target' | 'pin'
  kind: 'identity' | 'criteria'
}

/** `field` is required exactly when `typeKey` has the value `rule.when`. */
function conditionalField(
  object: Record<string, unknown>,
  base: (string | number)[],
  typeKey: string,
  type: string,
  rule: Conditional,
): Finding[] {
  const present = object[rule.field] !== undefined
  if (type === rule.when && !present) {
    return [
      {
        path: [...base, typeKey],
        severity: 'error',
        code: `${rule.code}/missing-${rule.kind}`,
        missing: rule.field,
        message: `${typeKey} is ${rule.when}, so ${rule.field} is required: add ${
          rule.kind === 'identity' ? "the item's id" : 'a criteria object'
        }.`,
      },
    ]
  }
  if (type !== rule.when && present) {
    return [
      {
        path: [...base, rule.field],
        part: 'key',
        severity: 'error',
        code: `${rule.code}/unexpected-${rule.kind}`,
        message: `${rule.field} applies only when ${typeKey} is ${rule.when}, and it is ${type}: remove ${rule.field} or change ${typeKey}.`,
      },
    ]
  }
  return []
}

function emptyCriteria(
  object: Record<string, unknown>,
  base: (string | number)[],
  key: string,
): Finding[] {
  const value = object[key]
  if (!isRecord(value) || Object.keys(value).length > 0) return []
  return [
    {
      path: [...base, key],
      severity: 'error',
      code: 'criteria/empty',
      message: `${key} is an empty object: it would match nothing, or everything. Describe the items, e.g. {brand: Fender}.`,
    },
  ]
}

interface PinView {
  index: number
  position?: number
  widget: string | undefined
  identity?: string
  from?: number
  to?: number
}

function checkPins(doc: Record<string, unknown>, now: Date): Finding[] {
  const pins = doc.pin_definitions
  if (!Array.isArray(pins)) return []
  const findings: Finding[] = []
  const views: PinView[] = []
  pins.forEach((pin: unknown, index) => {
    if (!isRecord(pin)) return
    const base = ['pin_definitions', index]
    if (isOneOf(pin.pin_type, PIN_TYPES)) {
      const type = pin.pin_type
      findings.push(
        ...conditionalField(pin, base, 'pin_type', type, {
          field: 'pin_identity',
          when: 'item',
          code: 'pin',
          kind: 'identity',
        }),
        ...conditionalField(pin, base, 'pin_type', type, {
          field: 'pin_criteria',
          when: 'criteria',
          code: 'pin',
          kind: 'criteria',
        }),
      )
    }
    findings.push(...emptyCriteria(pin, base, 'pin_criteria'))
    findings.push(...checkBlock(pin, base))
    const window = checkWindow(pin, base, now, findings)
    views.push({
      index,
      position: Number.isInteger(pin.position) ? (pin.position as number) : undefined,
      widget: typeof pin.widget_id === 'string' ? pin.widget_id : undefined,
      identity: typeof pin.pin_identity === 'string' ? pin.pin_identity : undefined,
      ...window,
    })
  })
  findings.push(...checkCollisions(views))
  return findings
}

function checkBlock(pin: Record<string, unknown>, base: (string | number)[]): Finding[] {
  const block = pin.is_block_pin
  const position = pin.position
  if (block === true && Number.isInteger(position) && position !== 0) {
    return [
      {
        path: [...base, 'position'],
        severity: 'error',
        code: 'pin/block-position',
        message: `A block pin (is_block_pin: true) must have position 0, not ${quote(position)}: set position: 0, or remove is_block_pin to pin the item.`,
      },
    ]
  }
  if (position === 0 && block !== true) {
    return [
      {
        path: [...base, 'position'],
        severity: 'error',
        code: 'pin/block-position',
        message:
          'position 0 is for block pins: add is_block_pin: true to block the item, or use 1 or more to pin it at that position (-1 for every position).',
      },
    ]
  }
  return []
}

function checkWindow(
  pin: Record<string, unknown>,
  base: (string | number)[],
  now: Date,
  findings: Finding[],
): { from?: number; to?: number } {
  const from = parseDate(pin.active_from)
  const to = parseDate(pin.active_to)
  if (from !== undefined && to !== undefined && from >= to) {
    findings.push({
      path: [...base, 'active_to'],
      severity: 'error',
      code: 'pin/date-order',
      message: `active_to (${String(pin.active_to)}) is not after active_from (${String(pin.active_from)}): the pin would never be active. Swap or correct them.`,
    })
  } else if (to !== undefined && to <= now.getTime()) {
    findings.push({
      path: [...base, 'active_to'],
      severity: 'warning',
      code: 'pin/expired',
      message: `This pin expired at ${String(pin.active_to)} and no longer has any effect: remove it, or move active_to into the future.`,
    })
  }
  return { from, to }
}

/** Pins collide only where they apply at the same time, so non-overlapping windows are fine. */
function overlaps(a: PinView, b: PinView): boolean {
  return (a.from ?? -Infinity) < (b.to ?? Infinity) && (b.from ?? -Infinity) < (a.to ?? Infinity)
}

function checkCollisions(pins: PinView[]): Finding[] {
  const findings: Finding[] = []
  pins.forEach((pin, i) => {
    const earlier = pins
      .slice(0, i)
      .filter((other) => other.widget === pin.widget && overlaps(other, pin))
    const widget =
      pin.widget === undefined ? 'without a widget_id' : `for widget ${quote(pin.widget)}`
    const samePosition =
      pin.position !== undefined && pin.position >= 1
        ? earlier.find((other) => other.position === pin.position)
        : undefined
    if (samePosition) {
      findings.push({
        path: ['pin_definitions', pin.index, 'position'],
        severity: 'warning',
        code: 'pin/position-collision',
        message: `Pin ${pin.index + 1} takes position ${pin.position} ${widget}, as pin ${samePosition.index + 1} does: only one item can be shown there. Move one of them.`,
      })
    }
    const sameItem =
      pin.identity !== undefined
        ? earlier.find((other) => other.identity === pin.identity)
        : undefined
    if (sameItem) {
      findings.push({
        path: ['pin_definitions', pin.index, 'pin_identity'],
        severity: 'warning',
        code: 'pin/duplicate-item',
        message: `Item ${quote(pin.identity)} is already pinned by pin ${sameItem.index + 1} ${widget}: keep one of the two pins.`,
      })
    }
  })
  return findings
}

function parseDate(value: unknown): number | undefined {
  // Only well-formed values take part; the schema reports the others.
  return dateTime.safeParse(value).success ? Date.parse(value as string) : undefined
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value)
}
