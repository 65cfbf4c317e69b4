/** Half-open character range [start, end) into a text. */
export interface Range {
  start: number
  end: number
}

/** 1-based, as annotations and editors count. */
export interface Position {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** Maps character ranges of `text` to lines and columns; CRLF counts as one line break. */
export function lineIndex(text: string): (range: Range) => Position {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  const at = (offset: number): { line: number; column: number } => {
    const clamped = Math.min(Math.max(offset, 0), text.length)
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 }
  }
  return (range) => {
    const start = at(range.start)
    const end = at(Math.max(range.end, range.start))
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }
  }
}

/**
 * The text without a leading UTF-8 BOM: ranges are offsets into the text as parsed, and without
 * the BOM line 1's columns count as editors count them.
 */
export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}
