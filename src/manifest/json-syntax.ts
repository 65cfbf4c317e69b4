/**
 * Strict JSON (RFC 8259) syntax, checked in one pass without building values, so a `.json`
 * manifest's mistake is reported at the character where JSON stops, in words that say what to
 * change. JSON.parse cannot do that: its messages differ between Node versions and some carry
 * no position at all.
 */
export interface JsonSyntaxError {
  offset: number
  message: string
}

/**
 * What the scan meets, in order, for a caller that needs the text's structure (where each key and
 * value is) and not only whether it is JSON. Offsets are into the text; `end` is exclusive.
 */
export interface JsonEvents {
  open(kind: 'object' | 'list', at: number): void
  key(start: number, end: number): void
  scalar(start: number, end: number): void
  close(): void
}

type Expect = 'value' | 'key' | 'colon' | 'after-value'

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

export function jsonSyntaxError(text: string, events?: JsonEvents): JsonSyntaxError | undefined {
  /** The open containers: `]` or `}`, the character that closes each. */
  const open: string[] = []
  let expect: Expect = 'value'
  let afterComma = false
  let i = 0
  const fail = (message: string, at = i): JsonSyntaxError => ({ offset: at, message })
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i++
    const c = text[i]
    if (c === undefined) {
      if (open.length === 0 && expect === 'after-value') return undefined
      if (open.length === 0 && expect === 'value' && i === 0) return fail('the file is empty')
      return fail(
        open.length > 0
          ? `the file ends before this ${open.at(-1) === ']' ? 'list' : 'object'} is closed: a ${open.at(-1)} is missing`
          : 'the file ends in the middle of a value',
      )
    }
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail('JSON has no comments: remove it')
    }
    if (expect === 'after-value') {
      const closer = open.at(-1)
      if (closer === undefined)
        return fail('there is more after the end of the JSON value: remove it')
      if (c === ',') {
        i++
        expect = closer === '}' ? 'key' : 'value'
        afterComma = true
        continue
      }
      if (c === closer) {
        open.pop()
        events?.close()
        i++
        continue
      }
      return fail(
        `expected , or ${closer} here${c === ']' || c === '}' ? `, not ${c}: the brackets do not match` : ': a comma is missing'}`,
      )
    }
    if (expect === 'colon') {
      if (c !== ':') return fail('expected : after the property name')
      i++
      expect = 'value'
      continue
    }
    if (
      (c === '}' && expect === 'key') ||
      (c === ']' && expect === 'value' && open.at(-1) === ']')
    ) {
      if (afterComma)
        return fail(
          `a comma before ${c}: JSON allows no trailing comma, remove it`,
          lastComma(text, i),
        )
      open.pop()
      events?.close()
      i++
      expect = 'after-value'
      continue
    }
    afterComma = false
    if (expect === 'key') {
      if (c !== '"') {
        return fail(
          c === "'"
            ? 'property names are in double quotes in JSON, not single quotes'
            : 'expected a property name in double quotes',
        )
      }
      const end = stringEnd(text, i)
      if (typeof end !== 'number') return end
      events?.key(i, end)
      i = end
      expect = 'colon'
      continue
    }
    // A value.
    if (c === '{' || c === '[') {
      open.push(c === '{' ? '}' : ']')
      events?.open(c === '{' ? 'object' : 'list', i)
      i++
      expect = c === '{' ? 'key' : 'value'
      if (c === '{') {
        while (i < text.length && WHITESPACE.has(text[i] ?? '')) i++
        if (text[i] === '}') {
          open.pop()
          events?.close()
          i++
          expect = 'after-value'
        }
      }
      continue
    }
    const start = i
    if (c === '"') {
      const end = stringEnd(text, i)
      if (typeof end !== 'number') return end
      i = end
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y
      match.lastIndex = i
      if (!match.exec(text)) return fail('not a valid JSON number')
      i = match.lastIndex
    } else {
      const word = /true|false|null/y
      word.lastIndex = i
      if (!word.exec(text)) {
        return fail(
          c === "'"
            ? 'strings are in double quotes in JSON, not single quotes'
            : 'expected a value here (a string in double quotes, a number, true, false, null, an object or a list)',
        )
      }
      i = word.lastIndex
    }
    events?.scalar(start, i)
    expect = 'after-value'
  }
}

/** The offset after a string's closing quote, or what is wrong with it. */
function stringEnd(text: string, start: number): number | JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c === 0x5c) {
      const escape = text[i + 1] ?? ''
      if ('"\\/bfnrt'.includes(escape) && escape !== '') i++
      else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5
      else return { offset: i, message: 'not a valid escape in a JSON string' }
    } else if (c < 0x20) {
      return {
        offset: i,
        message:
          c === 0x0a || c === 0x0d
            ? 'a JSON string cannot span lines: a closing " is missing, or write \\n'
            : 'a control character in a JSON string: write it as an escape',
      }
    }
  }
  return { offset: start, message: 'this string has no closing "' }
}

/** The comma a trailing-comma error points at. */
function lastComma(text: string, before: number): number {
  const at = text.lastIndexOf(',', before)
  return at === -1 ? before : at
}
