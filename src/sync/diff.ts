import type { LiveCustomization } from '../luigisbox/wire.js'
import type { Customization } from '../manifest/schema.js'
import { canonicalJson } from '../manifest/scope.js'
import { normalise, normalisePin, type CompareOptions } from './compare.js'
import { isOwnershipTag } from './ownership.js'

/**
 * What an update changes, field by field, live → git, as lines for people: the job summary and
 * the pull request comment show the same text. Pins are matched by position and widget, so a pin moved
 * or edited shows as one change rather than a list rewritten; the Action's own tags are left out.
 */
export function describeUpdate(
  desired: Customization,
  live: LiveCustomization,
  options: CompareOptions & { ownershipTag: string; adopt: boolean },
): string[] {
  const want = normalise(desired, options.ownershipTag)
  const have = normalise(live, options.ownershipTag)
  const lines: string[] = []
  for (const field of Object.keys(want)) {
    if (field === 'pin_definitions' || field === 'tags') continue
    if (canonicalJson(want[field]) === canonicalJson(have[field])) continue
    if (have[field] === undefined && field === 'target_metadata' && options.lastAppliedIsDesired) {
      continue
    }
    const was =
      have[field] === undefined && field === 'target_metadata'
        ? '(not returned by the API)'
        : show(fieldOf(live, field))
    lines.push(`${field}: ${was} → ${show(fieldOf(desired, field))}`)
  }
  const tags = tagChanges(desired.tags, live.tags, options.ownershipTag)
  if (tags) lines.push(tags)
  lines.push(...pinChanges(desired.pin_definitions, live.pin_definitions))
  if (lines.length === 0) {
    lines.push(
      options.adopt
        ? `adopted: the ownership tag ${options.ownershipTag} is added`
        : 'pins that share a position are in another order',
    )
  }
  return lines
}

/** What a create sends, for people. */
export function describeCreate(desired: Customization): string[] {
  const lines = Object.entries(desired)
    .filter(([field, value]) => field !== 'pin_definitions' && value !== undefined)
    .map(([field, value]) => `${field}: ${show(value)}`)
  for (const pin of desired.pin_definitions) lines.push(`+ ${pinKey(pin)}: ${show(pin)}`)
  return lines
}

/** What a delete removes, for people: the pins it held. */
export function describeDelete(live: LiveCustomization): string[] {
  return pinChanges([], live.pin_definitions)
}

function tagChanges(git: unknown, live: unknown, tag: string): string | undefined {
  const own = (tags: unknown) =>
    new Set(
      (Array.isArray(tags) ? tags : []).filter(
        (t): t is string => typeof t === 'string' && !isOwnershipTag(tag, t),
      ),
    )
  const want = own(git)
  const have = own(live)
  const added = [...want].filter((t) => !have.has(t))
  const removed = [...have].filter((t) => !want.has(t))
  if (added.length === 0 && removed.length === 0) return undefined
  const parts = [
    added.length > 0 && `added ${added.map(show).join(', ')}`,
    removed.length > 0 && `removed ${removed.map(show).join(', ')}`,
  ].filter(Boolean)
  return `tags: ${parts.join('; ')}`
}

function pinChanges(git: unknown, live: unknown): string[] {
  const want = byKey(git)
  const have = byKey(live)
  const lines: string[] = []
  for (const [key, pin] of have) {
    const wanted = want.get(key)
    if (wanted === undefined) lines.push(`- ${key}: ${show(pin)}`)
    else {
      const changed = pinFieldChanges(pin, wanted)
      if (changed.length > 0) lines.push(`~ ${key}: ${changed.join('; ')}`)
    }
  }
  for (const [key, pin] of want) if (!have.has(key)) lines.push(`+ ${key}: ${show(pin)}`)
  return lines
}

/** Pins by position and widget; a second pin with the same key is numbered. */
function byKey(pins: unknown): Map<string, unknown> {
  const keyed = new Map<string, unknown>()
  for (const pin of Array.isArray(pins) ? pins : []) {
    const base = pinKey(pin)
    let key = base
    for (let n = 2; keyed.has(key); n++) key = `${base} #${n}`
    keyed.set(key, pin)
  }
  return keyed
}

function pinKey(pin: unknown): string {
  const { position, widget_id } = (pin ?? {}) as { position?: unknown; widget_id?: unknown }
  const widget = typeof widget_id === 'string' && widget_id !== '' ? `, widget ${widget_id}` : ''
  return `pin at position ${String(position)}${widget}`
}

/** The fields of a pin that differ, as compared (server defaults and spellings aside). */
function pinFieldChanges(live: unknown, git: unknown): string[] {
  const was = normalisePin(live)
  const now = normalisePin(git)
  return [...new Set([...Object.keys(was), ...Object.keys(now)])]
    .filter((field) => canonicalJson(was[field]) !== canonicalJson(now[field]))
    .map((field) => `${field} ${show(rawField(live, field))} → ${show(rawField(git, field))}`)
}

function rawField(pin: unknown, field: string): unknown {
  return typeof pin === 'object' && pin !== null
    ? (pin as Record<string, unknown>)[field]
    : undefined
}

function fieldOf(customization: object, field: string): unknown {
  return (customization as Record<string, unknown>)[field]
}

const SHOWN_CHARS = 300

/** A value in one line of JSON, cut where it would make a diff unreadable. */
function show(value: unknown): string {
  const text = value === undefined ? '(none)' : (JSON.stringify(value) ?? String(value))
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text
}
