import { FAILSAFE_SCHEMA, loadAll, Type } from 'js-yaml'

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
  first: RegExp,
  forms: [RegExp, (text: string) => unknown][],
): Type =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) =>
      text !== null && first.test(text.charAt(0)) && forms.some(([pattern]) => pattern.test(text)),
    construct: (text: string | null) => {
      const form = forms.find(([pattern]) => pattern.test(text ?? ''))
      return form ? form[1](text ?? '') : text
    },
  })

export const yaml12Core = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^[~nN]?$/, [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    scalar('bool', /^[tTfF]$/, [
      [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'],
    ]),
    scalar('int', /^[-+0-9]$/, [
      [/^0o[0-7]+$/, (t) => parseInt(t.slice(2), 8)],
      [/^[-+]?[0-9]+$/, (t) => parseInt(t, 10)],
      [/^0x[0-9a-fA-F]+$/, (t) => parseInt(t.slice(2), 16)],
    ]),
    scalar('float', /^[-+.0-9]$/, [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (t) => (t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
})

/**
 * Texts the two parsers could read differently go to `yaml` alone: anchors, aliases, tags and
 * directives (`&*!%`); explicit (`? `) and flow-collection keys, which js-yaml flattens into
 * strings; lines long enough for `yaml`'s 1024-character limit on implicit keys; and line breaks
 * that are a lone CR.
 */
const NOT_FOR_FAST_PASS = /[&*!%]|^[ \t-]*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)|\r(?!\n)/m
const LONGEST_LINE = 1000

/** Keys that YAML's core schema reads as null, a boolean or a number, each parser stringifying its own way. */
const NON_STRING_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+.0-9].*|)$/

/** The documents' values, or `undefined` when this text must be read by the full parser. */
export function fastParse(text: string): unknown[] | undefined {
  if (NOT_FOR_FAST_PASS.test(text) || hasLineLongerThan(text, LONGEST_LINE)) return undefined
  let values: unknown[]
  try {
    values = loadAll(text, null, { schema: yaml12Core })
  } catch {
    return undefined
  }
  return values.every(stringKeysOnly) ? values : undefined
}

function hasLineLongerThan(text: string, limit: number): boolean {
  let start = 0
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    if (end - start > limit) return true
    start = end + 1
  }
  return text.length - start > limit
}

function stringKeysOnly(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(stringKeysOnly)
  if (typeof value !== 'object' || value === null) return true
  for (const [key, item] of Object.entries(value)) {
    if (NON_STRING_KEY.test(key) || !stringKeysOnly(item)) return false
  }
  return true
}

/**
 * The line each document's content starts on (1-based), for files the fast pass accepted and so
 * never located: after each `---` marker, the first line that is not blank or a comment.
 */
export function documentLines(text: string): number[] {
  const starts: number[] = []
  let awaiting = true
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    const marker = /^---(?:\s|$)/.test(line)
    const content = marker ? line.slice(3).trim() : line.trim()
    if (marker) awaiting = true
    if (
      awaiting &&
      content !== '' &&
      !content.startsWith('#') &&
      (marker || !/^(?:\.\.\.|%)/.test(line))
    ) {
      starts.push(i + 1)
      awaiting = false
    }
  })
  return starts
}
