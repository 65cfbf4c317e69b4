import { logLine, progressLine } from '../../src/report/progress.js'

test('an id or message from the server cannot start a workflow command of its own', () => {
  const line = progressLine(
    {
      file: 'luigisbox/a.yml',
      document: 0,
      line: 1,
      scope: 'basket · all',
      action: 'created',
      id: 'x\n::error file=README.md::forged',
      error: 'a\r\n::stop-commands::t',
    },
    1,
    1,
  )
  expect(line).not.toMatch(/[\r\n]/)
  expect(line).toBe(
    '[1/1] created luigisbox/a.yml#1 (basket · all) → x\\n::error file=README.md::forged: a\\n::stop-commands::t',
  )
})

test('control characters from outside are shown, not obeyed by a terminal or log viewer', () => {
  expect(logLine('evil\u001b[2K\u001b[1Aforged\u0007\u0000 tab\tkept\u2028')).toBe(
    'evil\\u001b[2K\\u001b[1Aforged\\u0007\\u0000 tab\tkept\\u2028',
  )
})
