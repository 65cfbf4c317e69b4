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
  let quote: '"' | "'" | undefined
  let lineStart = 0
  while (lineStart <= text.length) {
    const lineEnd = endOfLine(text, lineStart)
    let i = lineStart
    if (flow === 0 && quote === undefined) {
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
      const c = text[i]
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++
        else if (c === quote) quote = undefined
        continue
      }
      if (c === '#' && (i === lineStart || isBlank(text[i - 1]))) break
      if (flow > 0 && (c === '"' || c === "'") && startsValue(text, lineStart, i, true)) quote = c
      else if (c === '[' || c === '{') {
        if (flow > 0 || startsValue(text, lineStart, i, false)) flow++
        if (flow + indents.length > limit) return { exceeded: true, offset: i }
      } else if (flow > 0 && (c === ']' || c === '}')) flow--
    }
    lineStart = lineEnd + 1
  }
  return { exceeded: false, offset: 0 }
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
