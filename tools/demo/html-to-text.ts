// The job summary is HTML; the demo shows it in a terminal.
import { bold, dim } from './terminal.js'

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity
  })
}

/** Columns a string takes in a terminal: emoji count two, variation selectors and joiners none. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || /\p{M}/u.test(char)) continue
    width += /\p{Extended_Pictographic}/u.test(char) && code !== 0xa9 && code !== 0xae ? 2 : 1
  }
  return width
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/**
 * Inline HTML → one line of text: tags dropped, whitespace collapsed. Entities stay encoded so
 * that decoded `<` is never mistaken for a tag; callers decode last.
 */
function inline(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A table (the inside of <table>) as aligned columns when it fits, else `a | b | c` lines. */
function renderTable(html: string, maxWidth: number): string {
  const rows: { cells: string[]; header: boolean }[] = []
  for (const [, row = ''] of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...row.matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t[hd]>/gi)]
    rows.push({
      cells: cells.map((cell) => decodeEntities(inline(cell[2] ?? ''))),
      header: cells.length > 0 && cells.every((cell) => cell[1]?.toLowerCase() === 'h'),
    })
  }
  const columns = Math.max(0, ...rows.map((row) => row.cells.length))
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(0, ...rows.map((row) => displayWidth(row.cells[i] ?? ''))),
  )
  const total = widths.reduce((sum, w) => sum + w, 0) + 2 * Math.max(0, columns - 1) + 2
  if (total > maxWidth) return rows.map((row) => row.cells.join(' | ')).join('\n')
  const lines: string[] = []
  for (const row of rows) {
    const line = row.cells
      .map((cell, i) => (i === row.cells.length - 1 ? cell : padEnd(cell, widths[i] ?? 0)))
      .join('  ')
    lines.push(row.header ? bold(line) : line)
    if (row.header) lines.push(dim(widths.map((w) => '─'.repeat(w)).join('  ')))
  }
  return lines.join('\n')
}

/**
 * The job summary as plain text: headings underlined, paragraphs and list items and table rows
 * on lines of their own, links and code reduced to their text, entities decoded. `maxWidth` is
 * the widest line a table may make (default: the terminal's width).
 */
export function htmlToText(html: string, maxWidth = process.stdout.columns ?? 160): string {
  const tables: string[] = []
  const text = html
    .replace(/<table[^>]*>([\s\S]*?)<\/table>/gi, (_, body: string) => {
      tables.push(renderTable(body, maxWidth))
      return `\n\ue000${tables.length - 1}\ue000\n`
    })
    .replace(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi, (_, level: string, body: string) => {
      // Decoded with the rest of the text below; decoded here only to measure it.
      const title = inline(body)
      const width = displayWidth(decodeEntities(title))
      const rule = (level === '1' || level === '2' ? '═' : '─').repeat(width)
      return `\n\n\ue001${title}\ue001\n${dim(rule)}\n`
    })
    // \ue002 marks an item's ends, so that consecutive items close up into consecutive lines.
    .replace(/<li[^>]*>([\s\S]*?)<\/li>/gi, (_, body: string) => `\ue002• ${inline(body)}\ue002`)
    .replace(/<\/?(p|div|ul|ol|pre|blockquote|details|summary)[^>]*>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr[^>]*>/gi, '\n────\n')
    .replace(/<[^>]*>/g, '')
    .replace(/\ue002\s*\ue002/g, '\n')
    .replace(/\ue002/g, '\n')
  return decodeEntities(text)
    .replace(/\ue001([^\ue001]*)\ue001/g, (_, title: string) => bold(title))
    .replace(/\ue000(\d+)\ue000/g, (_, i: string) => tables[Number(i)] ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
