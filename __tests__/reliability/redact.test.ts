// The two rules every written string passes through, on their own: the redactor and the log-line
// escape. The suites beside this one check them through the bundle.
import { redact } from '../../src/redact.js'
import { logLine } from '../../src/report/progress.js'
import { keySpellings } from './adversary.js'

const KEY = 'pk_live/7f"3\\a+b c&d<e>9QxZ'

test.each(keySpellings(KEY))(
  'the spelling %j of the key is redacted inside other text',
  (spelling) => {
    expect(redact(`before ${spelling} after`, KEY)).toBe('before *** after')
  },
)

test.each([0, 1, 2])('base64 of the key after %i other bytes is redacted too', (shift) => {
  const encoded = Buffer.concat([Buffer.alloc(shift, 'u'), Buffer.from(KEY)]).toString('base64')
  const redacted = redact(`Authorization: Basic ${encoded}`, KEY)
  expect(redacted).toContain('***')
  expect(redacted.length).toBeLessThan(`Authorization: Basic ${encoded}`.length)
})

test('a short key is still redacted as written, and text without it is untouched', () => {
  expect(redact('k=secret; secrets', 'secret')).toBe('k=***; ***s')
  expect(redact('nothing here', KEY)).toBe('nothing here')
  expect(redact('anything', '')).toBe('anything')
})

test.each([
  ['a line break', 'a\n::error::x', 'a\\n::error::x'],
  ['a carriage return', 'a\r::error::x', 'a\\n::error::x'],
  ['a leading command', '::stop-commands::t', ': :stop-commands::t'],
  ['a command after spaces', '  ::warning::x', '  : :warning::x'],
  ['the older syntax anywhere', 'file ##[error]x', 'file # #[error]x'],
])('a log line with %s cannot become a workflow command', (_, text, line) => {
  expect(logLine(text)).toBe(line)
  expect(logLine(logLine(text))).toBe(line)
})
