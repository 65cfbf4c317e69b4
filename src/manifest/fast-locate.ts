import { loadAll } from 'js-yaml'
import { yaml12Core } from './fast-parse.js'
import { recordNodes, type NodeEvents } from './node-events.js'
import type { Path } from './parse.js'
import type { Range } from './position.js'

/** Finds the range of a key or value in one document, as `ParsedDocument.locate` would. */
export type Locate = (path: Path, part?: 'key' | 'value') => Range | undefined

interface Frame {
  /** Where js-yaml started composing the node: before the space and comments ahead of it. */
  open: number
  close: number
  kind: string | null
  result: unknown
  /** Absent where it has none: most nodes are scalars. */
  children?: Frame[]
  /** Its children where they match its data (`childrenOf`), and a mapping's key names: both
   * found on its first lookup, so locating every key of a mapping with many keys stays linear. */
  matched?: Frame[] | null
  keys?: Map<string, number>
  /** Whether `children` match the composed value, decided on the first lookup. */
  matches?: boolean
}

/**
 * Locators for the documents of a text the fast pass accepted, from the nodes it recorded (or,
 * without them, a second js-yaml pass that records them): several times cheaper than the parser
 * that keeps ranges, which a file with a schema or rule problem would otherwise need.
 * A locator answers `undefined` where it cannot be sure to agree with that parser (empty nodes,
 * block scalars, a tree whose shape does not match its data); the caller then uses that parser.
 */
export function fastLocators(
  text: string,
  documents: number,
  recorded?: NodeEvents,
): Locate[] | undefined {
  let events = recorded
  if (!events) {
    const recording = recordNodes()
    try {
      loadAll(text, null, { schema: yaml12Core, listener: recording.listener } as Parameters<
        typeof loadAll
      >[2])
    } catch {
      return undefined
    }
    events = recording.events
  }
  const roots = treeOf(events)
  if (roots.length !== documents) return undefined
  return roots.map(
    (root) =>
      (path, part = 'value') =>
        locateIn(text, root, path, part),
  )
}

const NONE: Frame[] = []

/** The documents' trees: siblings never overlap, so children in opening order are in reading order. */
function treeOf({ open, close, kind, result, parent }: NodeEvents): Frame[] {
  const roots: Frame[] = []
  const frames: Frame[] = []
  for (let i = 0; i < open.length; i++) {
    const frame: Frame = {
      open: open[i] as number,
      close: close[i] as number,
      kind: kind[i] ?? null,
      result: result[i],
    }
    frames.push(frame)
    const up = parent[i] as number
    if (up === -1) roots.push(frame)
    else ((frames[up] as Frame).children ??= []).push(frame)
  }
  return roots
}

function locateIn(text: string, root: Frame, path: Path, part: 'key' | 'value'): Range | undefined {
  let node = root
  let found = rangeOf(text, node)
  for (let i = 0; i < path.length; i++) {
    if (!found) return undefined
    const segment = path[i]
    const last = i === path.length - 1
    if (node.kind !== 'mapping' && node.kind !== 'sequence') return found
    const children = (node.matched ??= childrenOf(node) ?? null)
    if (!children) return undefined
    if (node.kind === 'mapping') {
      // Duplicate keys never reach here: js-yaml refuses them.
      node.keys ??= new Map(
        children.flatMap((child, k) => (k % 2 === 0 ? [[String(child.result), k]] : [])),
      )
      const index = node.keys.get(String(segment)) ?? -1
      if (index === -1) return found
      const key = children[index] as Frame
      if (last && part === 'key') return rangeOf(text, key)
      node = children[index + 1] as Frame
      found = rangeOf(text, node)
    } else if (node.kind === 'sequence' && typeof segment === 'number') {
      const item = children[segment]
      if (!item) return found
      node = item
      found = rangeOf(text, node)
    } else {
      return found
    }
  }
  return found
}

/** A collection's children, only where their shape matches its data: key and value per pair. */
function childrenOf(frame: Frame): Frame[] | undefined {
  // Decided once: counting a mapping's keys on every lookup made locating each of its many
  // keys quadratic.
  frame.matches ??= childrenMatch(frame)
  return frame.matches ? (frame.children ?? NONE) : undefined
}

function childrenMatch({ kind, result, children = NONE }: Frame): boolean {
  if (kind === 'sequence') return Array.isArray(result) && children.length === result.length
  return (
    kind === 'mapping' &&
    typeof result === 'object' &&
    result !== null &&
    children.length === 2 * Object.keys(result).length
  )
}

/**
 * Scalars whole, collections at their first character, as the full parser reports them; nodes
 * whose extent the two parsers might count differently give `undefined`.
 */
function rangeOf(text: string, frame: Frame): Range | undefined {
  const start = skipSpace(text, frame.open, frame.close)
  if (start >= frame.close) return undefined
  if (frame.kind === 'mapping' || frame.kind === 'sequence') return { start, end: start }
  const first = text.charCodeAt(start)
  // Block scalars (`|`, `>`) end where their indentation does; leave them to the full parser.
  if (first === 0x7c || first === 0x3e) return undefined
  // In a flow collection js-yaml reads a plain scalar up to the comma, spaces included.
  let end = frame.close
  while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09))
    end--
  return { start, end }
}

/** Past spaces, line breaks and comments: where the node's own text begins. */
export function skipSpace(text: string, from: number, to: number): number {
  let i = from
  while (i < to) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++
    else if (c === 0x23) {
      const end = text.indexOf('\n', i)
      i = end === -1 ? to : end
    } else break
  }
  return i
}
