import { progressLine } from '../../src/report/progress.js'

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
