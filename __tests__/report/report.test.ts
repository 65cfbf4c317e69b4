import {
  annotate,
  ANNOTATIONS_PER_LEVEL,
  selectAnnotations,
  submissionProblems,
  type AnnotationProperties,
  type AnnotationSink,
} from '../../src/report/annotations.js'
import { SUMMARY_BUDGET, validationSummary } from '../../src/report/validation-summary.js'
import { RULES } from '../../src/manifest/codes.js'
import type { Problem } from '../../src/manifest/problems.js'
import type { Outcome } from '../../src/sync/outcome.js'
import { validateSources } from '../../src/manifest/validate.js'
import { workflowDispatchEvent } from '../../tools/runner/event-payloads.js'
import { runAction } from '../../tools/runner/run-action.js'
import { cleanupWorkspaces, makeWorkspace } from '../../tools/runner/workspaces.js'

const problem = (over: Partial<Problem> = {}): Problem => ({
  file: 'luigisbox/a.yml',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 5,
  severity: 'error',
  code: 'schema/type',
  message: 'model must be a string.',
  ...over,
})

/** n problems of one level spread over files and lines, in a scrambled order. */
function many(n: number, severity: Problem['severity'], files = ['b.yml', 'a.yml', 'c.yml']) {
  const list: Problem[] = []
  for (let i = 0; i < n; i++) {
    const line = ((i * 7) % n) + 1
    list.push(
      problem({ file: `luigisbox/${files[i % files.length]}`, line, endLine: line, severity }),
    )
  }
  return list
}

const readingOrder = (a: Problem, b: Problem) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line

type Call =
  | { level: 'error' | 'warning'; message: string; properties: AnnotationProperties }
  | { level: 'notice'; message: string }

function recordingSink(): AnnotationSink & { calls: Call[] } {
  const calls: Call[] = []
  return {
    calls,
    error: (message, properties) => calls.push({ level: 'error', message, properties }),
    warning: (message, properties) => calls.push({ level: 'warning', message, properties }),
    notice: (message) => calls.push({ level: 'notice', message }),
  }
}

describe('selectAnnotations', () => {
  test('GitHub shows 10 of each level: the first 10 errors and warnings in reading order', () => {
    expect(ANNOTATIONS_PER_LEVEL).toBe(10)
    const errors = many(25, 'error')
    const warnings = many(13, 'warning')
    const { shown, hidden } = selectAnnotations([...warnings, ...errors])
    expect(hidden).toEqual({ error: 15, warning: 3 })
    expect(shown.filter((p) => p.severity === 'error')).toEqual(
      [...errors].sort(readingOrder).slice(0, 10),
    )
    expect(shown.filter((p) => p.severity === 'warning')).toEqual(
      [...warnings].sort(readingOrder).slice(0, 10),
    )
  })

  test('warnings the step wrote already (run-level ones) take their place in the 10 first', () => {
    const warnings = many(11, 'warning')
    const { shown, hidden } = selectAnnotations(warnings, { error: 0, warning: 1 })
    expect(shown).toEqual([...warnings].sort(readingOrder).slice(0, 9))
    expect(hidden).toEqual({ error: 0, warning: 2 })
  })

  test('shown problems come sorted by file, then line, then column, errors first at one place', () => {
    const input = [
      problem({ file: 'luigisbox/b.yml', line: 2 }),
      problem({ file: 'luigisbox/a.yml', line: 9, severity: 'warning' }),
      problem({ file: 'luigisbox/a.yml', line: 9 }),
      problem({ file: 'luigisbox/a.yml', line: 10, column: 1 }),
      problem({ file: 'luigisbox/a.yml', line: 3, column: 7 }),
      problem({ file: 'luigisbox/a.yml', line: 3, column: 2 }),
    ]
    expect(
      selectAnnotations(input).shown.map((p) => [p.file, p.line, p.column, p.severity]),
    ).toEqual([
      ['luigisbox/a.yml', 3, 2, 'error'],
      ['luigisbox/a.yml', 3, 7, 'error'],
      ['luigisbox/a.yml', 9, 1, 'error'],
      ['luigisbox/a.yml', 9, 1, 'warning'],
      ['luigisbox/a.yml', 10, 1, 'error'],
      ['luigisbox/b.yml', 2, 1, 'error'],
    ])
  })

  test('exactly 10 of each: all shown, none hidden; the input is not reordered', () => {
    const input = [...many(10, 'error'), ...many(10, 'warning')]
    const copy = [...input]
    const { shown, hidden } = selectAnnotations(input)
    expect(shown).toHaveLength(20)
    expect(hidden).toEqual({ error: 0, warning: 0 })
    expect(input).toEqual(copy)
  })
})

describe('annotate', () => {
  test('each problem becomes an annotation titled by its code, on its file, line and columns', () => {
    const sink = recordingSink()
    annotate(
      [
        problem({ line: 4, column: 3, endLine: 4, endColumn: 9, message: 'second' }),
        problem({
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 19,
          severity: 'warning',
          code: 'pin/expired',
          message: 'first',
        }),
      ],
      sink,
    )
    expect(sink.calls).toEqual([
      {
        level: 'warning',
        message: 'first',
        properties: {
          title: 'pin/expired',
          file: 'luigisbox/a.yml',
          startLine: 2,
          endLine: 2,
          startColumn: 14,
          endColumn: 19,
        },
      },
      {
        level: 'error',
        message: 'second',
        properties: {
          title: 'schema/type',
          file: 'luigisbox/a.yml',
          startLine: 4,
          endLine: 4,
          startColumn: 3,
          endColumn: 9,
        },
      },
    ])
  })

  test('a problem over several lines has no columns (GitHub rejects columns on those)', () => {
    const sink = recordingSink()
    annotate([problem({ line: 3, column: 5, endLine: 6, endColumn: 2 })], sink)
    const [call] = sink.calls
    expect(call).toEqual({
      level: 'error',
      message: 'model must be a string.',
      properties: { title: 'schema/type', file: 'luigisbox/a.yml', startLine: 3, endLine: 6 },
    })
    expect(Object.keys((call as { properties: object }).properties)).not.toContain('startColumn')
  })

  test('an empty range on one line still gets a valid column range', () => {
    const sink = recordingSink()
    annotate([problem({ line: 1, column: 7, endLine: 1, endColumn: 7 })], sink)
    expect(sink.calls[0]).toMatchObject({ properties: { startColumn: 7, endColumn: 7 } })
  })

  test.each([
    [12, 11, '2 more errors and 1 more warning'],
    [11, 0, '1 more error'],
    [3, 15, '5 more warnings'],
    [40, 12, '30 more errors and 2 more warnings'],
  ])(
    '%i errors and %i warnings: one notice counts the rest ("%s") and says where they are',
    (errors, warnings, count) => {
      const sink = recordingSink()
      annotate([...many(errors, 'error'), ...many(warnings, 'warning')], sink)
      expect(sink.calls.filter((c) => c.level === 'error')).toHaveLength(Math.min(errors, 10))
      expect(sink.calls.filter((c) => c.level === 'warning')).toHaveLength(Math.min(warnings, 10))
      expect(sink.calls.filter((c) => c.level === 'notice')).toEqual([
        {
          level: 'notice',
          message: `${count} not shown as annotations (GitHub shows 10 of each per step); the job summary lists every problem.`,
        },
      ])
      expect(sink.calls.at(-1)?.level).toBe('notice')
    },
  )

  test('no notice when every problem fits, nor when there are none', () => {
    for (const problems of [[], [...many(10, 'error'), ...many(10, 'warning')]]) {
      const sink = recordingSink()
      annotate(problems, sink)
      expect(sink.calls.some((c) => c.level === 'notice')).toBe(false)
      expect(sink.calls).toHaveLength(problems.length)
    }
  })
})

describe('submissionProblems', () => {
  const outcome = (over: Partial<Outcome>): Outcome => ({
    file: 'luigisbox/a.yml',
    document: 0,
    line: 4,
    scope: 'basket · all',
    action: 'failed',
    ...over,
  })

  test('a refused body and any other failure become errors on the document, under documented codes', () => {
    const problems = submissionProblems([
      outcome({ error: 'HTTP 422: pin_identity is invalid', rejected: true }),
      outcome({
        file: 'luigisbox/b.yml',
        line: 9,
        error: '2 live customizations share this scope',
      }),
      outcome({ action: 'created', id: '7' }),
      outcome({ action: 'skipped', error: 'Not submitted: the run stopped before this manifest.' }),
    ])
    expect(problems).toEqual([
      {
        file: 'luigisbox/a.yml',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 1,
        severity: 'error',
        code: 'luigisbox/rejected',
        message: 'HTTP 422: pin_identity is invalid',
      },
      {
        file: 'luigisbox/b.yml',
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 1,
        severity: 'error',
        code: 'luigisbox/failed',
        message: '2 live customizations share this scope',
      },
    ])
    for (const { code } of problems) expect(RULES.map((r) => r.code)).toContain(code)
  })
})

describe('validationSummary', () => {
  const commit = { serverUrl: 'https://github.com', repository: 'owner/repo', sha: 'f'.repeat(40) }
  const blob = `https://github.com/owner/repo/blob/${'f'.repeat(40)}`

  test.each([
    [3, '3 manifests'],
    [1, '1 manifest'],
    [0, '0 manifests'],
  ])('no problems in %i checked file(s): says so', (checked, text) => {
    expect(validationSummary([], checked, commit)).toBe(
      `<h2>Luigi's Box manifests</h2>\n<p>✅ ${text} checked: no problems.</p>\n`,
    )
  })

  test('counts errors and warnings, and how many files have them', () => {
    const summary = validationSummary(
      [
        problem({ file: 'luigisbox/a.yml' }),
        problem({ file: 'luigisbox/a.yml', line: 2 }),
        problem({ file: 'luigisbox/b.yml', severity: 'warning' }),
      ],
      5,
      commit,
    )
    expect(summary).toContain('<p>❌ 2 errors and 1 warning in 2 of 5 manifests checked.</p>')
    const warningsOnly = validationSummary([problem({ severity: 'warning' })], 1, commit)
    expect(warningsOnly).toContain('<p>⚠️ 0 errors and 1 warning in 1 of 1 manifest checked.</p>')
  })

  test('every problem is listed under its file, files and lines in reading order, each linked', () => {
    const summary = validationSummary(
      [
        problem({ file: 'luigisbox/b.yml', line: 5, column: 3, message: 'B5' }),
        problem({ file: 'luigisbox/a.yml', line: 9, message: 'A9', severity: 'warning' }),
        problem({
          file: 'luigisbox/a.yml',
          line: 2,
          column: 4,
          message: 'A2',
          code: 'pin/position',
        }),
      ],
      2,
      commit,
    )
    expect(summary).toBe(
      `<h2>Luigi's Box manifests</h2>\n` +
        `<p>❌ 2 errors and 1 warning in 2 of 2 manifests checked.</p>\n` +
        `<h3><a href="${blob}/luigisbox/a.yml"><code>luigisbox/a.yml</code></a></h3>\n<ul>\n` +
        `<li>❌ <a href="${blob}/luigisbox/a.yml#L2">line 2, column 4</a> <code>pin/position</code> A2</li>\n` +
        `<li>⚠️ <a href="${blob}/luigisbox/a.yml#L9">line 9, column 1</a> <code>schema/type</code> A9</li>\n` +
        `</ul>\n` +
        `<h3><a href="${blob}/luigisbox/b.yml"><code>luigisbox/b.yml</code></a></h3>\n<ul>\n` +
        `<li>❌ <a href="${blob}/luigisbox/b.yml#L5">line 5, column 3</a> <code>schema/type</code> B5</li>\n` +
        `</ul>\n`,
    )
  })

  test('file names and messages are HTML-escaped: a manifest cannot inject markup', () => {
    const file = 'luigisbox/<img src=x onerror="alert(1)">/it\'s & <b>.yml'
    const summary = validationSummary(
      [
        problem({
          file,
          message: 'Unknown key "<script>alert(\'x\')</script>" & more',
          code: 'schema/unknown-key',
        }),
      ],
      1,
      commit,
    )
    expect(summary).not.toMatch(/<script|<img|<b>/)
    expect(summary).toContain(
      '<code>luigisbox/&lt;img src=x onerror=&quot;alert(1)&quot;&gt;/it&#39;s &amp; &lt;b&gt;.yml</code>',
    )
    expect(summary).toContain(
      'Unknown key &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &amp; more</li>',
    )
    // In the link, each path segment is URL-encoded and the slashes between them are kept.
    expect(summary).toContain(
      `href="${blob}/luigisbox/%3Cimg%20src%3Dx%20onerror%3D%22alert(1)%22%3E/it&#39;s%20%26%20%3Cb%3E.yml#L1"`,
    )
  })

  test('links are blob/<sha>/<path>#L<line> on the given server, path segments URL-encoded', () => {
    const enterprise = {
      serverUrl: 'https://git.example.com',
      repository: 'shop/pins',
      sha: 'abc123',
    }
    const summary = validationSummary(
      [problem({ file: 'luigisbox/spring sale/100%#1?.yml', line: 42 })],
      1,
      enterprise,
    )
    const base =
      'https://git.example.com/shop/pins/blob/abc123/luigisbox/spring%20sale/100%25%231%3F.yml'
    expect(summary).toContain(`<h3><a href="${base}">`)
    expect(summary).toContain(`<a href="${base}#L42">line 42, column 1</a>`)
  })

  // BUG: src/report/html.ts escapeHtml (and its use in src/report/validation-summary.ts problemItem) leaves
  // line breaks as they are. The summary is one HTML block only while it has no blank line; a
  // message with "\n\n" ends the block and GitHub renders the rest as Markdown. Messages carry
  // manifest text verbatim (check-schema.ts: `Unknown key "${key}"`), so a pull request whose
  // manifest has the key "x\n\n[Fix it here](https://evil.example/)" puts a live link (or image,
  // heading, …) into the job summary. Expected: no blank line in the summary, e.g. line breaks
  // in escaped text written as &#10; or a space.
  test('manifest text cannot end the HTML block and inject Markdown', () => {
    const text =
      'model: basket\ntarget_type: all\n"x\\n\\n[Fix it here](https://evil.example/)": 1\npin_definitions: [{position: 1, pin_type: item, pin_identity: a}]\n'
    const { problems } = validateSources([{ file: 'luigisbox/a.yml', text }], new Date())
    expect(problems.map((p) => p.code)).toEqual(['schema/unknown-key'])
    const summary = validationSummary(problems, 1, commit)
    expect(summary).not.toMatch(/\n[ \t]*\n/)
  })

  describe('size budget', () => {
    const longProblems = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        problem({
          file: `luigisbox/file-${String(i % 4)}.yml`,
          line: i + 1,
          endLine: i + 1,
          message: `Problem number ${i} — ${'é'.repeat(40)}`,
        }),
      )
    const moreLine = (n: number) =>
      `<p>… and ${n} more ${n === 1 ? 'problem' : 'problems'}, left out to keep this summary under GitHub's size limit. Run <code>luigisbox-pins validate</code> locally to see them all.</p>\n`

    test('the default budget keeps a summary under the 1 MiB GitHub accepts', () => {
      expect(SUMMARY_BUDGET).toBeLessThan(1024 * 1024)
      const summary = validationSummary(longProblems(10_000), 10, commit)
      expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BUDGET + 300)
      expect(summary).toMatch(/… and \d+ more problems/)
    })

    test('everything fits: no "more problems" line', () => {
      const summary = validationSummary(longProblems(20), 4, commit, 100_000)
      expect(summary.match(/<li>/g)).toHaveLength(20)
      expect(summary).not.toContain('more problem')
    })

    test('a small budget: the first problems in reading order, then how many were left out', () => {
      const problems = longProblems(50)
      const full = Buffer.byteLength(validationSummary(problems, 4, commit))
      for (let budget = 500; budget < full; budget += 137) {
        const summary = validationSummary(problems, 4, commit, budget)
        const listed = [...summary.matchAll(/#L(\d+)">/g)].map((m) => Number(m[1]))
        const rest = problems.length - listed.length
        expect(rest).toBeGreaterThan(0)
        expect(summary.endsWith(moreLine(rest))).toBe(true)
        // Never over the budget by more than that closing line, counted in bytes (é is 2).
        expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(
          budget + Buffer.byteLength(moreLine(rest)),
        )
        // What is listed is a prefix of the full report, and every list is closed.
        const expected = [...problems].sort(readingOrder).map((p) => p.line)
        expect(listed).toEqual(expected.slice(0, listed.length))
        expect(summary.match(/<ul>/g)?.length ?? 0).toBe(summary.match(/<\/ul>/g)?.length ?? 0)
      }
    })

    test('one problem left out is "1 more problem"', () => {
      const problems = longProblems(2)
      const full = validationSummary(problems, 4, commit)
      const lastItem = full.lastIndexOf('<li>')
      const budget = Buffer.byteLength(full.slice(0, lastItem)) + 5
      expect(validationSummary(problems, 4, commit, budget).endsWith(moreLine(1))).toBe(true)
    })

    // BUG (minor): src/report/validation-summary.ts validationSummary pushes a file's <h3> and <ul> as soon
    // as the heading fits, before knowing whether its first problem fits; when it does not, the
    // summary shows the file's heading over an empty list, as if that file had no problems.
    // Expected: a file heading only with at least one of its problems under it.
    test('a file heading is never shown without any of its problems', () => {
      const problems = longProblems(8)
      for (let budget = 500; budget <= 6000; budget += 11) {
        const summary = validationSummary(problems, 4, commit, budget)
        expect(summary).not.toContain('<ul>\n</ul>')
      }
    })
  })
})

describe('the step failure and GitHub’s 10 annotations per level', () => {
  afterAll(cleanupWorkspaces)

  test('the 10 errors shown are 10 located problems, "N more" is exact, the failure comes last', async () => {
    // Twelve errors: one unknown key in each of twelve pins.
    const pins = Array.from(
      { length: 12 },
      (_, i) => `  - {position: ${i + 1}, pin_type: item, pin_identty: /p/${i}/}\n`,
    ).join('')
    const workspace = await makeWorkspace({
      'luigisbox/a.yml': `model: basket\ntarget_type: all\npin_definitions:\n${pins}`,
    })
    const result = await runAction({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent({ ref: 'refs/heads/feature' }),
      // Validating all files on a branch asks GitHub nothing: a closed port proves it.
      apiUrl: 'http://127.0.0.1:9',
      workspace,
      inputs: { mode: 'validate' },
    })
    expect(result.exitCode).toBe(1)
    const levels = result.annotations.map((a) => `${a.level} ${a.properties.file ?? '-'}`)
    expect(levels.slice(0, ANNOTATIONS_PER_LEVEL)).toEqual(
      Array.from({ length: ANNOTATIONS_PER_LEVEL }, () => 'error luigisbox/a.yml'),
    )
    expect(levels.slice(ANNOTATIONS_PER_LEVEL)).toEqual(['notice -', 'error -'])
    expect(result.annotations.at(-2)?.message).toMatch(/^2 more errors not shown as annotations/)
    expect(result.annotations.at(-1)?.message).toMatch(/^12 error\(s\) and 0 warning\(s\)/)
  }, 30_000)
})
