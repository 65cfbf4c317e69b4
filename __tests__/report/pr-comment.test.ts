import type { CommentsApi } from '../../src/github/api.js'
import { commentMarker, upsertComment } from '../../src/github/sticky-comment.js'
import { COMMENT_BUDGETS, COMMENT_LIMIT, commentBody } from '../../src/report/pr-comment.js'
import { submitSummary } from '../../src/report/submit-summary.js'
import { validationSummary } from '../../src/report/validation-summary.js'
import type { Outcome } from '../../src/sync/outcome.js'

const commit = { serverUrl: 'https://github.com', repository: 'acme/shop', sha: 'abc' }

const BOT = { login: 'github-actions[bot]', type: 'Bot' }
const HUMAN = { login: 'mallory', type: 'User' }

function fakeComments(initial: { id: number; body: string; author: typeof BOT }[]) {
  const comments = [...initial]
  const api: CommentsApi = {
    listComments: async () => comments.map((c) => ({ ...c })),
    createComment: async (_, body) => {
      comments.push({ id: 100 + comments.length, body, author: BOT })
    },
    updateComment: async (id, body) => {
      const found = comments.find((c) => c.id === id)
      if (!found) throw new Error('404')
      found.body = body
    },
  }
  return { api, comments }
}

test('one comment per label: created once, then edited in place; other comments untouched', async () => {
  const { api, comments } = fakeComments([{ id: 1, body: 'LGTM', author: HUMAN }])
  const marker = commentMarker('production')
  expect(await upsertComment(api, 7, marker, `${marker}\nfirst`)).toBe('created')
  expect(await upsertComment(api, 7, marker, `${marker}\nsecond`)).toBe('updated')
  const staging = commentMarker('staging')
  expect(await upsertComment(api, 7, staging, `${staging}\nother`)).toBe('created')
  expect(comments.map((c) => c.body)).toEqual(['LGTM', `${marker}\nsecond`, `${staging}\nother`])
})

test('a comment that is not the bot’s own is never taken over, marker or not', async () => {
  const marker = commentMarker('production')
  const { api, comments } = fakeComments([
    { id: 1, body: `${marker}\nmy notes`, author: HUMAN },
    { id: 2, body: `quoting ${marker}`, author: BOT },
  ])
  expect(await upsertComment(api, 7, marker, `${marker}\nplan`)).toBe('created')
  expect(comments.map((c) => c.body)).toEqual([
    `${marker}\nmy notes`,
    `quoting ${marker}`,
    `${marker}\nplan`,
  ])
})

test('a label cannot close the hidden marker early', () => {
  expect(commentMarker('x --> <b>')).toBe('<!-- luigisbox-pins-comment:x%20--%3E%20%3Cb%3E -->')
})

test('a plan of 1,000 manifests fits the comment limit and says what it cut', () => {
  const outcomes: Outcome[] = Array.from({ length: 1000 }, (_, i) => ({
    file: `luigisbox/manifest-${i}.yml`,
    document: 0,
    line: 1,
    scope: `basket · item /p/${i}/`,
    action: 'planned-update',
    id: `id-${i}`,
    changes: [`~ pin at position 1: {"pin_identity":"/p/${i}/"} → {"pin_identity":"/p/${i + 1}/"}`],
  }))
  const body = commentBody({
    marker: commentMarker('1234-5678'),
    label: '1234-5678',
    validation: validationSummary([], 1000, commit, COMMENT_BUDGETS.validation),
    plan: submitSummary({ outcomes }, commit, {
      dryRun: true,
      budget: COMMENT_BUDGETS.plan,
      label: '1234-5678',
    }),
    runUrl: 'https://github.com/acme/shop/actions/runs/1',
  })
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
  expect(body).toMatch(/… and \d+ more rows, left out/)
  expect(body).toContain('its job summary</a> has everything')
  expect(body).toContain('/p/0/')
})

test('a body the reports could not keep short enough is replaced by a link, never refused', () => {
  const body = commentBody({
    marker: commentMarker('x'),
    label: 'x',
    validation: '<p>ok</p>',
    plan: `<p>${'⚠️ a very long warning '.repeat(5000)}</p>`,
    runUrl: 'https://github.com/acme/shop/actions/runs/1',
  })
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
  expect(body).toContain('The plan is too long for a comment')
})
