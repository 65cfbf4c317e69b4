import { outcomesJson } from '../../src/report/outputs.js'
import { submitSummary } from '../../src/report/submit-summary.js'
import type { Outcome, SubmitResult } from '../../src/sync/outcome.js'

const commit = { serverUrl: 'https://github.com', repository: 'acme/shop', sha: 'abc123' }
const row = (over: Partial<Outcome>): Outcome => ({
  file: 'luigisbox/a.yml',
  document: 0,
  line: 1,
  scope: 'basket · all',
  action: 'unchanged',
  id: 'id-1',
  ...over,
})
const summary = (result: SubmitResult, budget = 100_000) =>
  submitSummary(result, commit, { dryRun: false, budget })

test('changed and failed rows come first; unchanged ones are folded under a count', () => {
  const html = summary({
    outcomes: [
      row({ file: 'luigisbox/a.yml' }),
      row({ file: 'luigisbox/b.yml', action: 'updated', id: 'id-2' }),
      row({ file: 'luigisbox/c.yml', action: 'failed', error: 'HTTP 422' }),
      row({ file: undefined, document: undefined, line: undefined, action: 'deleted', id: 'id-9' }),
    ],
  })
  const order = ['luigisbox/b.yml', 'luigisbox/c.yml', 'id-9', '<details>', 'luigisbox/a.yml']
  const positions = order.map((text) => html.indexOf(text))
  expect(positions.every((p) => p >= 0)).toBe(true)
  expect(positions).toEqual([...positions].sort((a, b) => a - b))
  expect(html).toContain('<details><summary>1 unchanged</summary>')
  expect(html).toContain('<td><em>no manifest</em></td><td>basket · all</td><td>🗑️ deleted</td>')
  expect(html).toContain('1 unchanged, 1 updated, 1 failed, 1 deleted.')
})

test('everything from a manifest or the server is escaped, warnings included', () => {
  const html = summary({
    outcomes: [row({ action: 'failed', id: '<img src=x>', error: '<script>x</script>\n\n# h' })],
    warnings: ['Live customization <b>1</b> cannot be read'],
  })
  expect(html).not.toMatch(/<img|<script|<b>|\n\n/)
  expect(html).toContain('&lt;img src=x&gt;')
  expect(html).toContain('⚠️ Live customization &lt;b&gt;1&lt;/b&gt; cannot be read')
})

test('rows that do not fit the budget are counted, not dropped silently', () => {
  const outcomes = Array.from({ length: 50 }, (_, i) =>
    row({ file: `luigisbox/${i}.yml`, action: 'created', id: `id-${i}` }),
  )
  const html = summary({ outcomes }, 4_000)
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(4_000)
  const shown = (html.match(/<tr><td>/g) ?? []).length
  expect(shown).toBeGreaterThan(0)
  expect(html).toContain(`… and ${50 - shown} more rows`)
})

test('the customizations output has a row per outcome; a deletion has no file, document or line', () => {
  const rows = JSON.parse(
    outcomesJson([
      row({ action: 'created' }),
      row({ file: undefined, document: undefined, line: undefined, action: 'deleted', id: 'x' }),
    ]).json,
  ) as unknown[]
  expect(rows).toEqual([
    {
      file: 'luigisbox/a.yml',
      document: 0,
      line: 1,
      scope: 'basket · all',
      action: 'created',
      id: 'id-1',
    },
    { file: null, document: null, line: null, scope: 'basket · all', action: 'deleted', id: 'x' },
  ])
})
