import { FAILSAFE_SCHEMA, loadAll, Type } from 'js-yaml'
import { nestingDepth } from './nesting.js'
import { endRead, type NodeEvents, type NodeListener } from './node-events.js'
import { ESTIMATED_NESTING_LIMIT, MAX_DOCUMENTS, MAX_NESTING } from './parse.js'

/**
 * A fast first pass over manifests. `yaml` keeps the node ranges that exact positions need, but
 * spends ten times longer than js-yaml to get there; most manifests are valid and need no
 * position at all. So js-yaml reads first, and a file goes through `yaml` only when something in
 * it must be located (see validate.ts).
 *
 * Both must give identical values, so js-yaml gets exactly YAML 1.2's core schema below (the
 * resolution rules of `yaml`'s default schema; no timestamps, no YAML 1.1 `yes`/`no`, no `0b`,
 * no `_` in numbers), and texts that could be read differently are left to `yaml` alone:
 * anchors and aliases (`yaml` limits their expansion), tags and directives.
 */

/** js-yaml keeps one implicit type per tag, so each tag's forms are tried in one type. */
const scalar = (
  tag: string,
  /** Characters a match can start with: most scalars are ruled out without a regex. */
  first: string,
  forms: [RegExp, (text: string) => unknown][],
): Type => {
  // js-yaml constructs right after a successful resolve: the form found is kept for it.
  let found: ((text: string) => unknown) | undefined
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => {
      found = undefined
      if (text === null || (text !== '' && !first.includes(text.charAt(0)))) return false
      for (const [pattern, construct] of forms) {
        if (pattern.test(text)) {
          found = construct
          return true
        }
      }
      return false
    },
    construct: (text: string | null) => (found ? found(text ?? '') : text),
  })
}

export const yaml12Core = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', 'tTfF', [
      [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'],
    ]),
    scalar('int', '-+0123456789', [
      [/^0o[0-7]+$/, (t) => parseInt(t.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (t) => parseInt(t, 10)],
      [/^0x[0-9a-fA-F]+$/, (t) => parseInt(t.slice(2), 16)],
    ]),
    scalar('float', '-+.0123456789', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
})

/** The documents of a text the fast pass read, and the line each one's content starts on. */
export interface FastRead {
  values: unknown[]
  /** 1-based, one per document. */
  lines: number[]
}

/**
 * The documents' values and lines, or `undefined` when this text must be read by the full parser:
 * text the two parsers could read differently (see `NOT_FOR_FAST_PASS`), text nested too deep for a
 * parser to be safe on it, no document or more than `MAX_DOCUMENTS`, or data that JSON cannot
 * carry (such data is reported, with its position, by the full parser).
 */
export function fastRead(
  text: string,
  /** To record where nodes are while reading (see `recordNodes`). */
  recording?: { events: NodeEvents; listener: NodeListener },
): FastRead | undefined {
  if (NOT_FOR_FAST_PASS.test(text)) return undefined
  const scan = scanLines(text)
  // Each `---` marker begins a document to `yaml`: past the limit, the full parser reports it,
  // and reading every document here first would be wasted.
  if (!scan || scan.markers > MAX_DOCUMENTS || mayNestTooDeep(text, scan.longestPrefix))
    return undefined
  let values: unknown[]
  try {
    values = loadAll(text, null, {
      schema: yaml12Core,
      listener: recording?.listener,
    } as Parameters<typeof loadAll>[2])
  } catch (error) {
    if (recording) endRead(recording.events, text, error)
    return undefined
  }
  if (recording) endRead(recording.events, text)
  const { lines } = scan
  if (values.length === 0 || values.length > MAX_DOCUMENTS || lines.length !== values.length)
    return undefined
  for (const value of values) if (!isPlainData(value, 0)) return undefined
  return { values, lines }
}

/**
 * Texts the two parsers could read differently go to `yaml` alone: anchors, aliases, tags and
 * directives (`&*!%`); explicit (`? `) and flow-collection keys, which js-yaml flattens into
 * strings; and line breaks that are a lone CR. (So are lines long enough for `yaml`'s
 * 1024-character limit on implicit keys: see `scanLines`.)
 */
const NOT_FOR_FAST_PASS = /[&*!%]|^[ \t-]*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)|\r(?!\n)/m
const LONGEST_LINE = 1000

/**
 * Whether `nestingDepth` might find the text too deep, from a bound on its estimate that costs a
 * fraction of it: the estimate counts, on one line, at most its indentation plus one level per
 * compact indicator (`- `, `? `, `: `) ahead of the content, which is at most the length of that
 * prefix plus one, and one level per `[` or `{` in the text. Only a text that could exceed the
 * limit pays for the estimate itself.
 */
function mayNestTooDeep(text: string, longestPrefix: number): boolean {
  const limit = ESTIMATED_NESTING_LIMIT
  const room = limit - longestPrefix - 1
  if (room > 0 && countUpTo(text, '[', room) + countUpTo(text, '{', room) < room) return false
  return nestingDepth(text, limit).exceeded
}

function countUpTo(text: string, char: string, limit: number): number {
  let count = 0
  for (let i = text.indexOf(char); i !== -1 && count < limit; i = text.indexOf(char, i + 1)) count++
  return count
}

/** Keys that YAML's core schema reads as null, a boolean or a number, each parser stringifying its own way. */
const NON_STRING_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+.0-9].*|)$/

/**
 * Data both parsers read alike and JSON can carry: plain mappings with keys that are strings in
 * YAML too, lists, strings, booleans, null, finite numbers, no deeper than `MAX_NESTING`
 * collections (the limit `findNonJson` applies).
 */
function isPlainData(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) {
    return typeof value !== 'number' || Number.isFinite(value)
  }
  if (depth >= MAX_NESTING) return false
  if (Array.isArray(value)) {
    for (const item of value) if (!isPlainData(item, depth + 1)) return false
    return true
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (NON_STRING_KEY.test(key) || !isPlainData(record[key], depth + 1)) return false
  }
  return true
}

/**
 * One pass over the lines: the line each document's content starts on (1-based: after each
 * `---` marker, the first line that is not blank, a comment, a `...` end marker or a directive;
 * the marker line itself when content follows the marker), how many markers there are, and the
 * longest run of blanks and indicators (`-`, `?`, `:`) a line starts with. `undefined` when a line is long enough for
 * `yaml`'s limit of 1024 characters on implicit keys, which js-yaml does not have.
 */
function scanLines(
  text: string,
): { lines: number[]; markers: number; longestPrefix: number } | undefined {
  const lines: number[] = []
  let longestPrefix = 0
  let markers = 0
  let awaiting = true
  let lineNumber = 1
  for (let start = 0; start <= text.length; lineNumber++) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end - start > LONGEST_LINE) return undefined
    let prefix = start
    while (prefix < end && isBlankOrIndicator(text.charCodeAt(prefix))) prefix++
    if (prefix - start > longestPrefix) longestPrefix = prefix - start
    // Past a document's first line, only a `---` marker can start another.
    if (awaiting || text.startsWith('---', start)) {
      const line = text.slice(start, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end)
      const marker = /^---(?:\s|$)/.test(line)
      const content = marker ? line.slice(3).trim() : line.trim()
      if (marker) {
        awaiting = true
        markers++
      }
      if (
        awaiting &&
        content !== '' &&
        !content.startsWith('#') &&
        (marker || !/^(?:\.\.\.|%)/.test(line))
      ) {
        lines.push(lineNumber)
        awaiting = false
      }
    }
    start = end + 1
  }
  return { lines, markers, longestPrefix }
}

/** Space, tab, CR, `-`, `?` and `:`: what may stand ahead of a line's content. */
function isBlankOrIndicator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x2d || c === 0x3f || c === 0x3a
}
