import { MAX_PROBLEMS_PER_FILE } from './codes.js'
import { readDateTime } from './date-time.js'
import { isRecord, quote, type Finding } from './findings.js'
import type { Path } from './parse.js'
import { NULLABLE_KEYS, PIN_KEYS, PIN_TYPES, SERVER_OWNED_KEYS, TARGET_TYPES } from './schema.js'

/**
 * The rules the API implies beyond the shape of a customization. Each rule looks only at fields
 * that have the right type, so a wrong type is reported once, by the schema, and not again here.
 * A null means "not set", as in what the API returns: rules read it as absent.
 */
export function checkRules(document: Record<string, unknown>, now: Date): Finding[] {
  const findings: Finding[] = []
  checkUnsent(document, [], 'target_type', findings)
  checkTarget(document, findings)
  checkPins(document, now, findings)
  return findings
}

const present = (value: unknown): boolean => value !== undefined && value !== null

/** A field required exactly when the object's type key has one value, and unusual otherwise. */
interface Conditional {
  typeKey: 'target_type' | 'pin_type'
  field: string
  when: string
  code: 'target' | 'pin'
  kind: 'identity' | 'criteria'
}

const CONDITIONALS: readonly Conditional[] = [
  {
    typeKey: 'target_type',
    field: 'target_identity',
    when: 'item',
    code: 'target',
    kind: 'identity',
  },
  {
    typeKey: 'target_type',
    field: 'target_criteria',
    when: 'criteria',
    code: 'target',
    kind: 'criteria',
  },
  { typeKey: 'pin_type', field: 'pin_identity', when: 'item', code: 'pin', kind: 'identity' },
  { typeKey: 'pin_type', field: 'pin_criteria', when: 'criteria', code: 'pin', kind: 'criteria' },
]

/**
 * Keys that are never sent: nulls and server-owned keys (an exported customization has both).
 * A null where its field is required is reported once, as missing, by `conditionalField`.
 */
function checkUnsent(
  object: Record<string, unknown>,
  base: Path,
  typeKey: Conditional['typeKey'],
  findings: Finding[],
): void {
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (base.length === 0 && SERVER_OWNED_KEYS.includes(key)) {
      findings.push({
        path: [key],
        part: 'key',
        code: 'schema/server-owned',
        message: `${key} is set by the server (an exported customization has it); it is never sent, so it changes nothing: you may remove it.`,
      })
      continue
    }
    if (value !== null || !NULLABLE_KEYS.has(key)) continue
    const required = CONDITIONALS.some(
      (rule) => rule.typeKey === typeKey && rule.field === key && object[typeKey] === rule.when,
    )
    if (required) continue
    findings.push({
      path: [...base, key],
      part: 'key',
      code: 'schema/null',
      message: `${key} is null, which means not set: it is not sent. Remove the line, or give it a value.`,
    })
  }
}

const TARGET_CONDITIONALS = CONDITIONALS.filter((rule) => rule.typeKey === 'target_type')
const PIN_CONDITIONALS = CONDITIONALS.filter((rule) => rule.typeKey === 'pin_type')

function checkTarget(doc: Record<string, unknown>, findings: Finding[]): void {
  const type = doc.target_type
  if (!isOneOf(type, TARGET_TYPES)) return
  for (const rule of TARGET_CONDITIONALS) conditionalField(doc, [], type, rule, findings)
  emptyCriteria(doc, [], 'target_criteria', findings)
  if (present(doc.target_metadata) && type !== 'item') {
    findings.push({
      path: ['target_metadata'],
      part: 'key',
      code: 'target/metadata-ignored',
      message: `target_metadata describes a target item, but target_type is ${type}: remove it.`,
    })
  }
}

function conditionalField(
  object: Record<string, unknown>,
  base: Path,
  type: string,
  rule: Conditional,
  findings: Finding[],
): void {
  const value = object[rule.field]
  if (type === rule.when && !present(value)) {
    const what = rule.kind === 'identity' ? "the item's id" : 'a criteria object'
    findings.push({
      // A null is pointed at; a key that is absent, at the type that needs it.
      path: value === null ? [...base, rule.field] : [...base, rule.typeKey],
      code: `${rule.code}/missing-${rule.kind}`,
      missing: rule.field,
      message:
        value === null
          ? `${rule.field} is null, but ${rule.typeKey} is ${rule.when}, so it is required: write ${what}.`
          : `${rule.typeKey} is ${rule.when}, so ${rule.field} is required: add ${what}.`,
    })
  } else if (type !== rule.when && present(value)) {
    findings.push({
      path: [...base, rule.field],
      part: 'key',
      code: `${rule.code}/unexpected-${rule.kind}`,
      message: `${rule.field} is for ${rule.typeKey} ${rule.when}, and this is ${type}: it is sent as written, but probably ignored. Remove it, or change ${rule.typeKey}.`,
    })
  }
}

function emptyCriteria(
  object: Record<string, unknown>,
  base: Path,
  key: string,
  findings: Finding[],
): void {
  const value = object[key]
  if (!isRecord(value) || Object.keys(value).length > 0) return
  findings.push({
    path: [...base, key],
    code: 'criteria/empty',
    message: `${key} is an empty object: it would match nothing, or everything. Describe the items, e.g. {brand: Fender}.`,
  })
}

interface PinView {
  index: number
  position?: number
  widget: string | undefined
  identity?: string
  from?: number
  to?: number
}

function checkPins(doc: Record<string, unknown>, now: Date, all: Finding[]): void {
  const pins = doc.pin_definitions
  if (!Array.isArray(pins)) return
  const views: PinView[] = []
  let listed = 0
  for (let index = 0; index < pins.length; index++) {
    const pin: unknown = pins[index]
    if (!isRecord(pin)) continue
    const base = ['pin_definitions', index]
    // Pins come in reading order: past a file's worth of problems (see codes.ts), those of later
    // pins would not be listed, so they are not kept; each pin is still read for the collisions.
    // A "missing" problem is counted only where the pin has no unknown key, which could make it
    // an echo (see `withoutEchoes`).
    const findings = listed > MAX_PROBLEMS_PER_FILE ? [] : all
    const before = all.length
    const known = Object.keys(pin).every((key) => PIN_KEYS.includes(key))
    checkUnsent(pin, base, 'pin_type', findings)
    if (isOneOf(pin.pin_type, PIN_TYPES)) {
      for (const rule of PIN_CONDITIONALS) conditionalField(pin, base, pin.pin_type, rule, findings)
    }
    emptyCriteria(pin, base, 'pin_criteria', findings)
    checkBlock(pin, base, findings)
    const from = checkDate(pin, base, 'active_from', findings)
    const to = checkDate(pin, base, 'active_to', findings)
    checkWindow(pin, base, from, to, now, findings)
    views.push({
      index,
      position: Number.isInteger(pin.position) ? (pin.position as number) : undefined,
      widget: typeof pin.widget_id === 'string' ? pin.widget_id : undefined,
      identity: typeof pin.pin_identity === 'string' ? pin.pin_identity : undefined,
      from,
      to,
    })
    for (let i = before; i < all.length; i++) if (known || all[i]?.missing === undefined) listed++
  }
  checkCollisions(views, all)
}

/** The docs pair a block pin with position 0; anything else is legal but probably a slip. */
function checkBlock(pin: Record<string, unknown>, base: Path, findings: Finding[]): void {
  const block = pin.is_block_pin
  const position = pin.position
  // A block flag of the wrong type is the schema's to report, once.
  if (!Number.isInteger(position) || (present(block) && typeof block !== 'boolean')) return
  if (block === true && position !== 0) {
    findings.push({
      path: [...base, 'position'],
      code: 'pin/block-position',
      message: `is_block_pin: true with position ${quote(position)}: the docs give block pins position 0. Set position: 0 to block the item, or remove is_block_pin to pin it at ${quote(position)}.`,
    })
  } else if (position === 0 && block !== true) {
    findings.push({
      path: [...base, 'position'],
      code: 'pin/block-position',
      message:
        'position 0 without is_block_pin: true: the docs use 0 for block pins. Add is_block_pin: true to block the item, or use 1 or more to pin it at that position (-1 for every position).',
    })
  }
}

/** A window that ends before it starts, or has ended. */
function checkWindow(
  pin: Record<string, unknown>,
  base: Path,
  from: number | undefined,
  to: number | undefined,
  now: Date,
  findings: Finding[],
): void {
  if (from !== undefined && to !== undefined && from >= to) {
    findings.push({
      path: [...base, 'active_to'],
      code: 'pin/date-order',
      message: `active_to (${String(pin.active_to)}) is not after active_from (${String(pin.active_from)}): the pin would never be active. Swap or correct them.`,
    })
  } else if (to !== undefined && to <= now.getTime()) {
    findings.push({
      path: [...base, 'active_to'],
      code: 'pin/expired',
      message: `This pin expired at ${String(pin.active_to)} and no longer has any effect: remove it, or move active_to into the future.`,
    })
  }
}

/** The instant a date field names, for the checks that compare them; a wrong type is the schema's. */
function checkDate(
  pin: Record<string, unknown>,
  base: Path,
  key: 'active_from' | 'active_to',
  findings: Finding[],
): number | undefined {
  const value = pin[key]
  if (typeof value !== 'string') return undefined
  const reading = readDateTime(value)
  if (reading.kind === 'invalid') {
    findings.push({
      path: [...base, key],
      code: 'pin/date-format',
      message: `${key} is ${quote(value)}, which is not ${/^\d{4}-(?:\d{2}-\d{2}|W\d{2}-\d|\d{3})T\d/.test(value) ? 'a real date and time' : 'an ISO 8601 date-time'}: write e.g. 2026-01-31T00:00:00+01:00.`,
    })
    return undefined
  }
  if (reading.unusual) {
    const { missingOffset, usual } = reading.unusual
    findings.push({
      path: [...base, key],
      code: 'pin/date-unusual',
      message: missingOffset
        ? `${key} ${quote(value)} has no UTC offset, so the server decides which time zone it is in: add Z or +01:00 to say which time zone (e.g. ${usual}Z).`
        : `${key} ${quote(value)} is ISO 8601 in a short form that some parsers refuse: write ${usual}.`,
    })
  }
  return reading.time
}

/**
 * Pins collide only for the same widget at overlapping times. Grouped by widget and position
 * (or item), each group is swept once, so a document with tens of thousands of pins stays fast.
 */
function checkCollisions(pins: PinView[], findings: Finding[]): void {
  // Most documents repeat no position and no item: then there is nothing to group.
  const positions = new Set<number>()
  const items = new Set<string>()
  let repeats = false
  for (const pin of pins) {
    if (pin.position !== undefined && pin.position >= 1) {
      repeats ||= positions.has(pin.position)
      positions.add(pin.position)
    }
    if (pin.identity !== undefined) {
      repeats ||= items.has(pin.identity)
      items.add(pin.identity)
    }
  }
  if (!repeats) return
  const groups = new Map<string, { kind: 'position' | 'item'; pins: PinView[] }>()
  const add = (kind: 'position' | 'item', value: unknown, pin: PinView) => {
    const key = JSON.stringify([kind, pin.widget ?? null, value])
    const group = groups.get(key)
    if (group) group.pins.push(pin)
    else groups.set(key, { kind, pins: [pin] })
  }
  for (const pin of pins) {
    if (pin.position !== undefined && pin.position >= 1) add('position', pin.position, pin)
    if (pin.identity !== undefined) add('item', pin.identity, pin)
  }
  const collisions: { kind: 'position' | 'item'; pin: PinView; other: PinView }[] = []
  for (const { kind, pins: group } of groups.values()) {
    if (group.length < 2) continue
    const earlier = earlierOverlapping(group)
    group.forEach((pin, i) => {
      const other = earlier[i]
      if (other) collisions.push({ kind, pin, other })
    })
  }
  // In reading order, and no further than a file's worth of pins (see checkPins).
  collisions.sort((a, b) => a.pin.index - b.pin.index)
  const last = collisions[MAX_PROBLEMS_PER_FILE]?.pin.index ?? Infinity
  for (const { kind, pin, other } of collisions) {
    if (pin.index > last) break
    const widget =
      pin.widget === undefined ? 'without a widget_id' : `for widget ${quote(pin.widget)}`
    findings.push(
      kind === 'position'
        ? {
            path: ['pin_definitions', pin.index, 'position'],
            code: 'pin/position-collision',
            message: `Pin ${pin.index + 1} takes position ${pin.position} ${widget}, as pin ${other.index + 1} does: only one item can be shown there. Move one of them.`,
          }
        : {
            path: ['pin_definitions', pin.index, 'pin_identity'],
            code: 'pin/duplicate-item',
            message: `Item ${quote(pin.identity)} is already pinned by pin ${other.index + 1} ${widget}: keep one of the two pins.`,
          },
    )
  }
}

/**
 * For each pin, an earlier one whose time window overlaps its own, in O(n log n): a Fenwick tree
 * over the windows' starts keeps, for every prefix of starts, the earlier window ending last.
 */
function earlierOverlapping(pins: PinView[]): (PinView | undefined)[] {
  const start = (pin: PinView) => pin.from ?? -Infinity
  const end = (pin: PinView) => pin.to ?? Infinity
  const starts = [...new Set(pins.map(start))].sort((a, b) => a - b)
  const tree: (PinView | undefined)[] = new Array<PinView | undefined>(starts.length + 1)
  return pins.map((pin) => {
    let latest: PinView | undefined
    for (let i = countBelow(starts, end(pin)); i > 0; i -= i & -i) {
      const candidate = tree[i]
      if (candidate && (!latest || end(candidate) > end(latest))) latest = candidate
    }
    for (let i = countBelow(starts, start(pin)) + 1; i <= starts.length; i += i & -i) {
      const held = tree[i]
      if (!held || end(pin) > end(held)) tree[i] = pin
    }
    return latest && end(latest) > start(pin) ? latest : undefined
  })
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((values[middle] ?? 0) < limit) low = middle + 1
    else high = middle
  }
  return low
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value)
}
