/** `line` without the `\r` a Windows line ending leaves. */
export function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

/** The lines of `text`, each without its `\r`. */
export function splitLines(text: string): string[] {
  return text.split('\n').map(stripCr)
}
