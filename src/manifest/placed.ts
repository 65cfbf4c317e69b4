import type { Path } from './parse.js'
import type { Range } from './position.js'

/**
 * A node of a document read without `yaml` (a JSON scan, or js-yaml's node events), at the place
 * `yaml` gives the same node, so that a problem is pointed at the same line and column whichever
 * reader read the file. Where a reader cannot be sure of a place it leaves it out, and the caller
 * asks `yaml`.
 */
export interface Placed {
  kind: 'map' | 'list' | 'scalar'
  /**
   * Its range: a scalar whole, a collection at its first character (`end` = `start`); `start`
   * is -1 where the reader is unsure.
   */
  start: number
  end: number
  /** A mapping's entries in order; undefined where they could not be matched to the data. */
  entries?: Entry[]
  /** A list's items. */
  items?: Placed[]
  /** Its items do not line up with the data's (a reader missed an empty one): unsure to locate. */
  lost?: true
  /** For a mapping with many keys: the first entry of each name, made on the first lookup. */
  index?: Map<string, Entry>
}

export interface Entry {
  /** The key as `yaml` compares keys: `String(value)`, so `1` and `"1"` are the same key. */
  name: string
  /** A key is always a placed scalar: readers leave texts with other keys to `yaml`. */
  key: Placed
  value: Placed
}

/** Mappings with more keys than this are looked up through an index, so locating stays linear. */
const SCAN_LIMIT = 16

/**
 * The range of the key or value at `path`, or of the nearest ancestor that exists, exactly as
 * `ParsedDocument.locate` finds it in `yaml`'s tree; undefined where a node on the way is unsure.
 */
export function locatePlaced(root: Placed, path: Path, part: 'key' | 'value'): Range | undefined {
  let node = root
  for (let i = 0; i < path.length && node.start >= 0; i++) {
    const segment = path[i] as string | number
    if (node.kind === 'map') {
      if (!node.entries) return undefined
      const entry = entryOf(node, node.entries, String(segment))
      if (!entry) break
      if (i === path.length - 1 && part === 'key') return rangeOf(entry.key)
      node = entry.value
    } else if (node.kind === 'list' && typeof segment === 'number') {
      if (!node.items || node.lost) return undefined
      const item = node.items[segment]
      if (!item) break
      node = item
    } else {
      break
    }
  }
  return rangeOf(node)
}

const rangeOf = (node: Placed): Range | undefined =>
  node.start < 0 ? undefined : { start: node.start, end: node.end }

function entryOf(node: Placed, entries: Entry[], name: string): Entry | undefined {
  if (entries.length <= SCAN_LIMIT) return entries.find((entry) => entry.name === name)
  if (!node.index) {
    node.index = new Map()
    for (const entry of entries) if (!node.index.has(entry.name)) node.index.set(entry.name, entry)
  }
  return node.index.get(name)
}

/** Where each key that repeats an earlier key of its mapping starts, in every mapping of the tree. */
export function repeatedKeys(root: Placed): number[] {
  const starts: number[] = []
  const stack = [root]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.entries) {
      const seen = new Set<string>()
      for (const entry of node.entries) {
        if (seen.has(entry.name)) starts.push(entry.key.start)
        seen.add(entry.name)
        stack.push(entry.value)
      }
    }
    for (const item of node.items ?? []) stack.push(item)
  }
  return starts
}
