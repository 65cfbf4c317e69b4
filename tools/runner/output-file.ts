import { stripCr } from '../shared/lines.js'

/**
 * Parses the GITHUB_OUTPUT file as the runner does: `name<<DELIMITER` heredocs, which
 * @actions/core writes, and plain `name=value` lines. Later values win.
 */
export function parseOutputFile(text: string): Record<string, string> {
  // A Map, because an output may be called __proto__ and still has to come back as data.
  const outputs = new Map<string, string>()
  // Split only on \n: a heredoc's value keeps its \r, as the runner's does.
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const line = stripCr(lines[i] ?? '')
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    const equals = line.indexOf('=')
    if (heredoc && (equals === -1 || equals > line.indexOf('<<'))) {
      const [, name = '', delimiter] = heredoc
      const end = lines.findIndex((candidate, j) => j > i && stripCr(candidate) === delimiter)
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`)
      outputs.set(name, lines.slice(i + 1, end).join('\n'))
      i = end
    } else if (equals > 0) {
      outputs.set(line.slice(0, equals), line.slice(equals + 1))
    } else {
      throw new Error(`GITHUB_OUTPUT: unparsable line ${JSON.stringify(line)}`)
    }
  }
  return Object.fromEntries(outputs)
}
