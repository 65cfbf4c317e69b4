/**
 * A cheap, conservative estimate of how deeply a YAML/JSON text nests, computed without parsing.
 * The parser recurses per level, so a hostile file thousands of levels deep must be refused
 * before it reaches the parser. Block nesting is counted from the stack of indentation levels
 * (plus compact `- - ` items); flow nesting from brackets, outside quotes and comments.
 */
export function nestingDepth(text: string, limit: number): { exceeded: boolean; offset: number } {
  const indents: number[] = []
  let flow = 0
  let quote: '"' | "'" | undefined
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    let i = lineStart
    if (flow === 0 && quote === undefined) {
      while (i < lineEnd && text[i] === ' ') i++
      const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r'
      if (!blank) {
        const indent = i - lineStart
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop()
        indents.push(indent)
        let compact = 0
        while (text[i] === '-' && text[i + 1] === ' ') {
          compact++
          i += 2
          while (text[i] === ' ') i++
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
      if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break
      if (flow > 0 && (c === '"' || c === "'")) quote = c
      else if (c === '[' || c === '{') {
        if (flow > 0 || opensFlow(text, lineStart, i)) flow++
        if (flow + indents.length > limit) return { exceeded: true, offset: i }
      } else if (flow > 0 && (c === ']' || c === '}')) flow--
    }
    lineStart = lineEnd + 1
  }
  return { exceeded: false, offset: 0 }
}

/** In block context a bracket opens a flow collection only where a value may start. */
function opensFlow(text: string, lineStart: number, at: number): boolean {
  let j = at - 1
  while (j >= lineStart && text[j] === ' ') j--
  if (j < lineStart) return true
  const before = text[j]
  return before === ':' || before === '-' || before === '?' || before === ','
}
