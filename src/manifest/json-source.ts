import { jsonSyntaxError, type JsonEvents } from './json-syntax.js'
import type { Entry, Placed } from './placed.js'

/**
 * A text that is strict JSON, read without `yaml`: its value from JSON.parse and the place of
 * each node from one scan. JSON is YAML 1.2, and for strict JSON `yaml` reads the same value
 * (its only objection, a repeated key, is found from the scan) and gives the same ranges: a
 * string with its quotes, a number or word whole, a collection at its bracket.
 */
export function readJson(text: string): { root: Placed; value: unknown } | undefined {
  let root: Placed | undefined
  const open: Placed[] = []
  let key: Entry['key'] | undefined
  let name = ''
  const add = (node: Placed) => {
    const parent = open[open.length - 1]
    if (!parent) root = node
    else if (parent.entries && key) parent.entries.push({ name, key, value: node })
    else parent.items?.push(node)
  }
  const events: JsonEvents = {
    open(kind, at) {
      const node: Placed =
        kind === 'object'
          ? { kind: 'map', start: at, end: at, entries: [] }
          : { kind: 'list', start: at, end: at, items: [] }
      add(node)
      open.push(node)
    },
    key(start, end) {
      key = { kind: 'scalar', start, end }
      const inner = text.slice(start + 1, end - 1)
      name = inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner
    },
    scalar(start, end) {
      add({ kind: 'scalar', start, end })
    },
    close() {
      open.pop()
    },
  }
  // A lone scalar is no customization, and `yaml` refuses a tab before one: left to `yaml`.
  if (jsonSyntaxError(text, events) || (root?.kind !== 'map' && root?.kind !== 'list'))
    return undefined
  return { root, value: JSON.parse(text) }
}
