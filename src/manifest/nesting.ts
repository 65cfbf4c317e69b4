/**
 * A cheap estimate of how deeply a YAML/JSON text nests, computed without parsing, so that a
 * hostile file thousands of levels deep is refused before a parser spends seconds and hundreds
 * of megabytes on it. It counts structure, whatever stands before it: block nesting from the
 * stack of indentation levels plus the compact indicators (`- `, `? `, `: `) that open a level on
 * one line; flow nesting from brackets, outside quotes and comments, that open a collection even
 * after tabs, tags (`!t`) or anchors (`&a`). It may count a level twice (a `- key:` line opens
 * two and counts as one at worst) but never misses a run of levels, so callers give it a
 * generous limit and count exactly on the parsed data.
 */
export function nestingDepth(text: string, limit: number): { exceeded: boolean; offset: number } {
  const indents: number[] = []
  let flow = 0
  /** The quote a flow scalar is open in, as a character code, or NONE. */
  let quote = NONE
  let lineStart = 0
  const loneCr = /\r(?!\n)/.test(text)
  while (lineStart <= text.length) {
    const lineEnd = loneCr ? endOfLine(text, lineStart) : newline(text, lineStart)
    let i = lineStart
    if (flow === 0 && quote === NONE) {
      while (i < lineEnd && text[i] === ' ') i++
      const blank = i >= lineEnd || text[i] === '#'
      if (!blank) {
        const indent = i - lineStart
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop()
        indents.push(indent)
        let compact = 0
        while (isIndicator(text[i]) && isBlank(text[i + 1])) {
          if (indents.length + ++compact > limit) return { exceeded: true, offset: i }
          i += 2
          while (isBlank(text[i])) i++
        }
        if (indents.length + compact > limit) return { exceeded: true, offset: i }
      }
    }
    for (; i < lineEnd; i++) {
      const c = text.charCodeAt(i)
      if (quote !== NONE) {
        if (c === BACKSLASH && quote === DOUBLE) i++
        else if (c === quote) quote = NONE
        continue
      }
      // Most characters change nothing: the rest are all below `~`.
      if (c > CLOSE_BRACE || !MEANINGFUL[c]) continue
      if (c === HASH && (i === lineStart || isBlank(text[i - 1]))) break
      if (flow > 0 && (c === DOUBLE || c === SINGLE) && startsValue(text, lineStart, i, true))
        quote = c
      else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        if (flow > 0 || startsValue(text, lineStart, i, false)) flow++
        if (flow + indents.length > limit) return { exceeded: true, offset: i }
      } else if (flow > 0 && (c === CLOSE_BRACKET || c === CLOSE_BRACE)) flow--
    }
    lineStart = lineEnd + 1
  }
  return { exceeded: false, offset: 0 }
}

const NONE = -1
const DOUBLE = 0x22
const SINGLE = 0x27
const HASH = 0x23
const BACKSLASH = 0x5c
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const MEANINGFUL = new Uint8Array(CLOSE_BRACE + 1)
for (const c of [DOUBLE, SINGLE, HASH, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE])
  MEANINGFUL[c] = 1

/** Where a line ends in a text with no lone CR: at its LF (a CRLF's CR is read as a blank). */
function newline(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}

/** CR, LF and CRLF all end a line in YAML. */
function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\n') return i
    if (text[i] === '\r') return text[i + 1] === '\n' ? i + 1 : i
  }
  return text.length
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r'
const isIndicator = (c: string | undefined) => c === '-' || c === '?' || c === ':'

/**
 * Whether the character at `at` begins a value: at the start of the line or after an indicator
 * (`:`, `-`, `?`, `,`, and in flow `[` and `{`), with blanks and node properties (a tag `!t`, an
 * anchor `&a`) in between. Inside a plain scalar (`Guitars [new]`, `rock 'n' roll`) it does not.
 */
function startsValue(text: string, lineStart: number, at: number, inFlow: boolean): boolean {
  let j = at - 1
  for (;;) {
    while (j >= lineStart && isBlank(text[j])) j--
    if (j < lineStart) return true
    const before = text[j] ?? ''
    if (':-?,'.includes(before) || (inFlow && (before === '[' || before === '{'))) return true
    // A node property (`!tag`, `&anchor`) may stand between; a plain word may not. Properties
    // are short: looking back at most PROPERTY_LENGTH characters keeps this linear, and a
    // longer one can hide only a few levels in a file of bounded size.
    let word = j
    const stop = Math.max(lineStart, j - PROPERTY_LENGTH)
    while (word > stop && !isBlank(text[word - 1]) && !',[]{}'.includes(text[word - 1] ?? '')) {
      word--
    }
    if (text[word] !== '!' && text[word] !== '&') return false
    j = word - 1
  }
}

const PROPERTY_LENGTH = 1024
