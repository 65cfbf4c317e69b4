// Terminal output for the demo: colours only on a terminal, and never with NO_COLOR.

const COLOR =
  process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0'
    ? true
    : process.stdout.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb'

const sgr =
  (code: string) =>
  (text: string): string =>
    COLOR ? `\u001b[${code}m${text}\u001b[0m` : text
export const bold = sgr('1')
export const dim = sgr('2')
export const red = sgr('31')
export const green = sgr('32')
export const yellow = sgr('33')
export const cyan = sgr('36')

export function say(text = ''): void {
  process.stdout.write(`${text}\n`)
}

export function heading(text: string): void {
  say()
  say(bold(cyan(`━━━ ${text} ${'━'.repeat(Math.max(3, 72 - text.length))}`)))
}

export function section(text: string): void {
  say()
  say(bold(text))
}

export function indented(text: string, prefix = '  '): void {
  for (const line of text.split('\n')) say(line === '' ? '' : `${prefix}${line}`)
}
