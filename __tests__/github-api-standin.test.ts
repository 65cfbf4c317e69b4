// Proves the GitHub API stand-in answers the way GitHub's own OpenAPI description says it does,
// so the end-to-end tests that rely on it are exercising the Action against GitHub's contract
// rather than against the stand-in's author's memory of it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import {
  COMMENT_BODY_MAX,
  COMPARE_FILES_CAP,
  PULL_FILES_CAP,
} from '../tools/github-standin/limits.js'
import type { CommentSpec, FileSpec, StandInOptions } from '../tools/github-standin/options.js'
import type { IssueComment } from '../tools/github-standin/comment-object.js'
import { startGitHubApi, type GitHubApiStandIn } from '../tools/github-standin/server.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const PULL_FILES = '/repos/{owner}/{repo}/pulls/{pull_number}/files'
const COMPARE = '/repos/{owner}/{repo}/compare/{basehead}'
const ISSUE_COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
const ISSUE_COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}'
const TOKEN = 'ghs_standin_test_token'
const HEAD = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'
const BASE = 'ba5eba11ba5eba11ba5eba11ba5eba11ba5eba11'

// Parsing 13 MB of JSON takes a moment: once per file, and only the schemas we need are compiled.
const openapi = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json'),
    'utf8',
  ),
) as JsonObject
const componentSchemas = child(child(openapi, 'components'), 'schemas')

function child(node: Json | undefined, key: string): JsonObject {
  const value = isObject(node) ? node[key] : undefined
  if (!isObject(value)) throw new Error(`OpenAPI description has no ${key}`)
  return value
}

function isObject(node: Json | undefined): node is JsonObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
}

const componentResponses = child(child(openapi, 'components'), 'responses')

/** The JSON schema of an operation's response, following a `$ref` to a shared response. */
function responseSchema(path: string, status = '200', method = 'get'): JsonObject {
  const responses = child(child(child(openapi, 'paths'), path), method)['responses']
  const response = child(responses, status)
  const ref = response['$ref']
  const resolved =
    typeof ref === 'string'
      ? child(componentResponses, ref.replace('#/components/responses/', ''))
      : response
  return child(child(child(resolved, 'content'), 'application/json'), 'schema')
}

/**
 * Turns an OpenAPI 3.0 schema into a self-contained JSON Schema ajv compiles strictly: `$ref`s
 * into components become `$defs`, examples are dropped, and `nullable` without a `type` (which
 * ajv refuses; GitHub uses it on `commit.author`) becomes an explicit `anyOf` with null.
 * `closed` also forbids properties the description does not declare, which catches typos in
 * the stand-in that the open schemas would wave through.
 */
function toJsonSchema(root: JsonObject, closed: boolean): JsonObject {
  const defs: JsonObject = {}
  const convert = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(convert)
    if (!isObject(node)) return node
    const ref = node['$ref']
    if (typeof ref === 'string') return { $ref: `#/$defs/${addDef(ref)}` }
    const out: JsonObject = {}
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue
      out[key] = key === 'properties' ? mapValues(value, convert) : convert(value)
    }
    if (closed && isObject(out['properties']) && out['additionalProperties'] === undefined) {
      out['additionalProperties'] = false
    }
    if (out['nullable'] === true && out['type'] === undefined) {
      delete out['nullable']
      return { anyOf: [{ type: 'null' }, out] }
    }
    return out
  }
  const addDef = (ref: string): string => {
    const name = ref.replace('#/components/schemas/', '')
    if (!(name in defs)) {
      defs[name] = true // placeholder so recursive schemas terminate
      defs[name] = convert(child(componentSchemas, name))
    }
    return name
  }
  const schema = convert(root) as JsonObject
  return { ...schema, $defs: defs }
}

function mapValues(node: Json, fn: (value: Json) => Json): Json {
  if (!isObject(node)) return node
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fn(value)]))
}

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false })
addFormats.default(ajv)

function validator(schema: JsonObject, closed = false): ValidateFunction {
  return ajv.compile(toJsonSchema(schema, closed))
}

const validatePullFiles = validator(responseSchema(PULL_FILES))
const validatePullFilesClosed = validator(responseSchema(PULL_FILES), true)
const validateCompare = validator(responseSchema(COMPARE))
const validateCompareClosed = validator(responseSchema(COMPARE), true)
const notFound = child(componentResponses, 'not_found')
const validateError = validator(
  child(child(child(notFound, 'content'), 'application/json'), 'schema'),
)
const validateComments = validator(responseSchema(ISSUE_COMMENTS))
const validateCommentsClosed = validator(responseSchema(ISSUE_COMMENTS), true)
const validateCreated = validator(responseSchema(ISSUE_COMMENTS, '201', 'post'))
const validateCreatedClosed = validator(responseSchema(ISSUE_COMMENTS, '201', 'post'), true)
const validateUpdated = validator(responseSchema(ISSUE_COMMENT, '200', 'patch'))
const validateUpdatedClosed = validator(responseSchema(ISSUE_COMMENT, '200', 'patch'), true)
// The errors each write declares. The description lists no 403 or 404 for an update, though
// GitHub sends both; they are the same basic-error as the create's.
const validateForbidden = validator(responseSchema(ISSUE_COMMENTS, '403', 'post'))
const validateMissing = validator(responseSchema(ISSUE_COMMENTS, '404', 'post'))
const validateInvalid = validator(responseSchema(ISSUE_COMMENTS, '422', 'post'))
const validateInvalidUpdate = validator(responseSchema(ISSUE_COMMENT, '422', 'patch'))

function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body)
  expect(ok ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n')).toEqual([])
}

type Checked = 'pulls' | 'compare' | 'list-comments' | 'create-comment' | 'update-comment'

/** Each operation's success schema, as described and closed against undeclared properties. */
const SUCCESS: Record<Checked, [ValidateFunction, ValidateFunction]> = {
  pulls: [validatePullFiles, validatePullFilesClosed],
  compare: [validateCompare, validateCompareClosed],
  'list-comments': [validateComments, validateCommentsClosed],
  'create-comment': [validateCreated, validateCreatedClosed],
  'update-comment': [validateUpdated, validateUpdatedClosed],
}

function expectConforms(body: unknown, operation: Checked): void {
  for (const validate of SUCCESS[operation]) expectValid(validate, body)
}

let api: GitHubApiStandIn | undefined

async function start(options: StandInOptions): Promise<GitHubApiStandIn> {
  api = await startGitHubApi(options)
  return api
}

afterEach(async () => {
  await api?.close()
  api = undefined
})

interface Answer {
  status: number
  link: string | null
  body: unknown
  headers: Headers
}

async function get(url: string, authorization: string | null = `token ${TOKEN}`): Promise<Answer> {
  return answer(await fetch(url, { headers: authorization ? { authorization } : {} }))
}

/** A write whose request body is `payload` as it stands, so tests can send what no client would. */
async function write(url: string, method: 'POST' | 'PATCH', payload: string): Promise<Answer> {
  const headers = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }
  return answer(await fetch(url, { method, headers, body: payload }))
}

async function answer(response: Response): Promise<Answer> {
  return {
    status: response.status,
    link: response.headers.get('link'),
    body: await response.json(),
    headers: response.headers,
  }
}

/** `<url>; rel="next", …` → { next: url, … }, insisting on GitHub's exact layout. */
function parseLink(header: string | null): Record<string, string> {
  if (header === null) return {}
  expect(header).toMatch(/^<[^<>]+>; rel="(prev|next|last|first)"(, <[^<>]+>; rel="\w+")*$/)
  const links: Record<string, string> = {}
  for (const match of header.matchAll(/<([^<>]+)>; rel="(\w+)"/g)) links[match[2]!] = match[1]!
  return links
}

function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value }
  delete copy[key]
  return copy
}

function manyFiles(count: number, prefix = 'luigisbox/pins'): FileSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    filename: `${prefix}/${String(i).padStart(4, '0')}.yml`,
    status: 'modified',
  }))
}

const EVERY_KIND: FileSpec[] = [
  { filename: 'luigisbox/added.yml', status: 'added' },
  { filename: 'luigisbox/removed.yml', status: 'removed' },
  { filename: 'luigisbox/modified.yaml', status: 'modified' },
  { filename: 'luigisbox/new name.yml', status: 'renamed', previous_filename: 'luigisbox/old.yml' },
  { filename: 'luigisbox/copy.json', status: 'copied', previous_filename: 'luigisbox/orig.json' },
  { filename: 'luigisbox/mode.yml', status: 'changed' },
  { filename: 'luigisbox/same.yml', status: 'unchanged' },
  { filename: 'luigisbox/ünïcödé #1?.yml', status: 'added' },
  { filename: 'assets/logo.png', status: 'added', patch: null },
  { filename: 'vendor/submodule', status: 'modified', sha: null },
]

describe('the schemas themselves', () => {
  it('reject a diff entry missing a required property and accept a null sha', () => {
    const entry = {
      sha: null,
      filename: 'a.yml',
      status: 'added',
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: 'https://github.com/o/r/blob/abc/a.yml',
      raw_url: 'https://github.com/o/r/raw/abc/a.yml',
      contents_url: 'https://api.github.com/repos/o/r/contents/a.yml?ref=abc',
    }
    expect(validatePullFiles([entry])).toBe(true)
    expect(validatePullFiles([without(entry, 'raw_url')])).toBe(false)
    expect(validatePullFiles([{ ...entry, status: 'moved' }])).toBe(false)
    expect(validatePullFiles([{ ...entry, blob_url: 'not a uri' }])).toBe(false)
    expect(validatePullFilesClosed([{ ...entry, blobUrl: 'x' }])).toBe(false)
  })

  it('check commits deeply, honouring nullable on a oneOf without a type', async () => {
    const { url } = await start({ compares: { [`o/r ${BASE}...${HEAD}`]: { files: [] } } })
    const body = (await get(`${url}/repos/o/r/compare/${BASE}...${HEAD}`)).body as {
      commits: Record<string, unknown>[]
    }
    const commit = body.commits[0]!
    const withCommits = (changed: Record<string, unknown>) => ({ ...body, commits: [changed] })
    expect(validateCompare(withCommits({ ...commit, author: null }))).toBe(true)
    expect(validateCompare(withCommits({ ...commit, author: {} }))).toBe(true)
    expect(validateCompare(withCommits({ ...commit, author: { login: 'x' } }))).toBe(false)
    const { verification } = commit['commit'] as { verification: Record<string, unknown> }
    const inner = {
      ...(commit['commit'] as object),
      verification: without(verification, 'verified_at'),
    }
    expect(validateCompare(withCommits({ ...commit, commit: inner }))).toBe(false)
  })
})

describe('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', () => {
  it('serves every page in the shape of the OpenAPI description, for every kind of change', async () => {
    const files = [...EVERY_KIND, ...manyFiles(55)]
    const { url } = await start({ pulls: { 'owner/repo#7': { headSha: HEAD, files } } })
    const seen: unknown[] = []
    let next: string | undefined = `${url}/repos/owner/repo/pulls/7/files`
    while (next) {
      const page = await get(next)
      expect(page.status).toBe(200)
      expectConforms(page.body, 'pulls')
      seen.push(...(page.body as unknown[]))
      next = parseLink(page.link)['next']
    }
    expect(seen.map((entry) => (entry as { filename: string }).filename)).toEqual(
      files.map((file) => file.filename),
    )
  })

  it('derives realistic entries: blob and raw URLs at the head sha, a patch, renames', async () => {
    const { url } = await start({ pulls: { 'owner/repo#7': { headSha: HEAD, files: EVERY_KIND } } })
    const entries = (await get(`${url}/repos/owner/repo/pulls/7/files`)).body as Record<
      string,
      unknown
    >[]
    const byName = new Map(entries.map((entry) => [entry['filename'], entry]))
    expect(byName.get('luigisbox/added.yml')).toMatchObject({
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      deletions: 0,
      blob_url: `https://github.com/owner/repo/blob/${HEAD}/luigisbox/added.yml`,
      raw_url: `https://github.com/owner/repo/raw/${HEAD}/luigisbox/added.yml`,
      contents_url: `${url}/repos/owner/repo/contents/luigisbox/added.yml?ref=${HEAD}`,
      patch: expect.stringMatching(/^@@ -0,0 \+1,\d+ @@\n\+/),
    })
    const renamed = byName.get('luigisbox/new name.yml')
    expect(renamed).toMatchObject({ previous_filename: 'luigisbox/old.yml', changes: 0 })
    expect(renamed).not.toHaveProperty('patch')
    expect(byName.get('assets/logo.png')).not.toHaveProperty('patch')
    expect(byName.get('vendor/submodule')).toMatchObject({ sha: null })
    for (const entry of entries) {
      expect(entry['changes']).toBe(Number(entry['additions']) + Number(entry['deletions']))
    }
  })

  it('links pages the way GitHub does: next/last first, prev/first later, no next at the end', async () => {
    const { url } = await start({ pulls: { 'owner/repo#7': manyFiles(65) } })
    const first = await get(`${url}/repos/owner/repo/pulls/7/files`)
    expect((first.body as unknown[]).length).toBe(30)
    const page1 = parseLink(first.link)
    expect(Object.keys(page1)).toEqual(['next', 'last'])
    expect(page1['next']).toMatch(new RegExp(`^${url}/repositories/\\d+/pulls/7/files\\?page=2$`))
    expect(page1['last']).toMatch(/\/pulls\/7\/files\?page=3$/)

    const second = await get(page1['next']!)
    const page2 = parseLink(second.link)
    expect(Object.keys(page2)).toEqual(['prev', 'next', 'last', 'first'])
    expect(page2['prev']).toMatch(/\?page=1$/)
    expect(page2['first']).toMatch(/\?page=1$/)

    const third = await get(page2['next']!)
    expect((third.body as unknown[]).length).toBe(5)
    expect(Object.keys(parseLink(third.link))).toEqual(['prev', 'first'])
  })

  it('keeps the query the client sent, clamps per_page to 100 and sends no Link for one page', async () => {
    const { url } = await start({
      pulls: { 'owner/repo#7': manyFiles(250), 'owner/repo#8': manyFiles(3) },
    })
    const big = await get(`${url}/repos/owner/repo/pulls/7/files?per_page=500&page=2`)
    expect((big.body as unknown[]).length).toBe(100)
    expect(parseLink(big.link)['next']).toMatch(/\/pulls\/7\/files\?per_page=500&page=3$/)
    expect(parseLink(big.link)['last']).toMatch(/\?per_page=500&page=3$/)
    const beyond = await get(`${url}/repos/owner/repo/pulls/7/files?per_page=100&page=4`)
    expect(beyond.body).toEqual([])
    const small = await get(`${url}/repos/owner/repo/pulls/8/files`)
    expect(small.link).toBeNull()
    expect((small.body as unknown[]).length).toBe(3)
  })

  it('lists at most 3000 files, silently, as GitHub does', async () => {
    const files = manyFiles(PULL_FILES_CAP + 500)
    const { url } = await start({ pulls: { 'owner/repo#7': files } })
    const last = await get(`${url}/repos/owner/repo/pulls/7/files?per_page=100&page=30`)
    expect(parseLink(last.link)['next']).toBeUndefined()
    expect((last.body as { filename: string }[]).at(-1)?.filename).toBe(files[2999]!.filename)
    const after = await get(`${url}/repos/owner/repo/pulls/7/files?per_page=100&page=31`)
    expect(after.body).toEqual([])
  })

  it('gives @actions/github pagination every file, following the Link headers', async () => {
    const files = [...manyFiles(3100, 'luigisbox/a')]
    const server = await start({ pulls: { 'owner/repo#7': files } })
    const octokit = getOctokit(TOKEN, { baseUrl: server.url })
    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: 'owner',
      repo: 'repo',
      pull_number: 7,
      per_page: 100,
    })
    expect(listed.map((file) => file.filename)).toEqual(
      files.slice(0, PULL_FILES_CAP).map((file) => file.filename),
    )
    expect(server.requests).toHaveLength(30)
    expect(server.requests.every((request) => request.operation === 'pulls/list-files')).toBe(true)
    expect(server.requests.every((request) => request.repo === 'owner/repo')).toBe(true)
    expect(server.requests[0]!.path).toBe('/repos/owner/repo/pulls/7/files?per_page=100')
    expect(server.requests[1]!.path).toMatch(
      /^\/repositories\/\d+\/pulls\/7\/files\?per_page=100&page=2$/,
    )
    expect(server.requests[0]!.headers['authorization']).toBe(`token ${TOKEN}`)
  })

  it('answers an unknown pull request with a GitHub 404', async () => {
    const { url } = await start({ pulls: { 'owner/repo#7': manyFiles(1) } })
    const missing = await get(`${url}/repos/owner/repo/pulls/8/files`)
    expect(missing.status).toBe(404)
    expectValid(validateError, missing.body)
    expect(missing.body).toMatchObject({ message: 'Not Found', status: '404' })
  })
})

describe('GET /repos/{owner}/{repo}/compare/{basehead}', () => {
  const key = `owner/repo ${BASE}...${HEAD}`

  it.each(['ahead', 'behind', 'diverged', 'identical'] as const)(
    'serves a comparison with status %s in the shape of the OpenAPI description',
    async (status) => {
      const { url } = await start({ compares: { [key]: { files: EVERY_KIND, status } } })
      const compare = await get(`${url}/repos/owner/repo/compare/${BASE}...${HEAD}`)
      expect(compare.status).toBe(200)
      expectConforms(compare.body, 'compare')
      expect(compare.body).toMatchObject({ status, base_commit: { sha: BASE } })
    },
  )

  it('counts commits like GitHub: ahead_by = total_commits, oldest first, ending at head', async () => {
    const { url } = await start({ compares: { [key]: { files: manyFiles(2), total_commits: 3 } } })
    const body = (await get(`${url}/repos/owner/repo/compare/${BASE}...${HEAD}`)).body as {
      ahead_by: number
      behind_by: number
      total_commits: number
      commits: { sha: string; parents: { sha: string }[] }[]
    }
    expect(body).toMatchObject({ ahead_by: 3, behind_by: 0, total_commits: 3 })
    expect(body.commits.map((commit) => commit.parents[0]!.sha)[0]).toBe(BASE)
    expect(body.commits.at(-1)!.sha).toBe(HEAD)
  })

  it('lists at most 300 files and works through @actions/github', async () => {
    const files = manyFiles(COMPARE_FILES_CAP + 50)
    const server = await start({ compares: { [key]: { files } } })
    const octokit = getOctokit(TOKEN, { baseUrl: server.url })
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'owner',
      repo: 'repo',
      basehead: `${BASE}...${HEAD}`,
    })
    expectConforms(data, 'compare')
    expect(data.files?.map((file) => file.filename)).toEqual(
      files.slice(0, COMPARE_FILES_CAP).map((file) => file.filename),
    )
    expect(server.requests[0]).toMatchObject({
      operation: 'repos/compare-commits-with-basehead',
      path: `/repos/owner/repo/compare/${BASE}...${HEAD}`,
    })
  })

  it('pages commits when asked to, with files on the first page only', async () => {
    const { url } = await start({ compares: { [key]: { files: manyFiles(5), total_commits: 45 } } })
    const first = await get(`${url}/repos/owner/repo/compare/${BASE}...${HEAD}?per_page=20`)
    expectConforms(first.body, 'compare')
    expect(first.body).toMatchObject({ total_commits: 45, files: expect.any(Array) })
    expect((first.body as { commits: unknown[] }).commits).toHaveLength(20)
    const links = parseLink(first.link)
    expect(links['last']).toMatch(/\/repositories\/\d+\/compare\/\w+\.\.\.\w+\?per_page=20&page=3$/)
    const last = await get(links['last']!)
    expectConforms(last.body, 'compare')
    expect(last.body).toMatchObject({ files: [] })
    expect((last.body as { commits: unknown[] }).commits).toHaveLength(5)
  })

  it('answers a comparison it was not given with a GitHub 404', async () => {
    const { url } = await start({ compares: { [key]: { files: [] } } })
    const missing = await get(`${url}/repos/owner/repo/compare/${'0'.repeat(40)}...${HEAD}`)
    expect(missing.status).toBe(404)
    expectValid(validateError, missing.body)
  })
})

describe('issue comments on a pull request', () => {
  const MARKER = '<!-- luigisbox-pins-action -->'
  const AUTHORS = ['octocat', 'owner', 'renovate[bot]', 'github-actions[bot]']
  const list = (url: string, query = '') => `${url}/repos/owner/repo/issues/7/comments${query}`
  const edit = (url: string, id: number, repo = 'owner/repo') =>
    `${url}/repos/${repo}/issues/comments/${id}`
  const json = (body: string) => JSON.stringify({ body })

  function manyComments(count: number): CommentSpec[] {
    return Array.from({ length: count }, (_, i) => ({
      body: `comment ${i}`,
      user: AUTHORS[i % AUTHORS.length]!,
    }))
  }

  it('lists seeded comments oldest first, every page in the shape of the OpenAPI description', async () => {
    const seeded = manyComments(65)
    const { url } = await start({ comments: { 'owner/repo#7': seeded } })
    const seen: IssueComment[] = []
    const rels: string[][] = []
    let next: string | undefined = list(url)
    while (next) {
      const page = await get(next)
      expect(page.status).toBe(200)
      expectConforms(page.body, 'list-comments')
      seen.push(...(page.body as IssueComment[]))
      const links = parseLink(page.link)
      rels.push(Object.keys(links))
      next = links['next']
    }
    expect(seen.map((comment) => comment.body)).toEqual(seeded.map((comment) => comment.body))
    expect(rels).toEqual([
      ['next', 'last'],
      ['prev', 'next', 'last', 'first'],
      ['prev', 'first'],
    ])
    const ids = seen.map((comment) => comment.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(ids).size).toBe(65)
  })

  it('links pages at /repositories/{id}/…, keeps the query, clamps per_page to 100', async () => {
    const { url } = await start({
      comments: { 'owner/repo#7': manyComments(65) },
      pulls: { 'owner/repo#8': manyFiles(1) },
    })
    const first = await get(list(url, '?per_page=20'))
    expect(first.body).toHaveLength(20)
    const links = parseLink(first.link)
    expect(links['next']).toMatch(
      new RegExp(`^${url}/repositories/\\d+/issues/7/comments\\?per_page=20&page=2$`),
    )
    expect(links['last']).toMatch(/\/issues\/7\/comments\?per_page=20&page=4$/)
    const last = await get(links['last']!)
    expectConforms(last.body, 'list-comments')
    expect(last.body).toHaveLength(5)
    const all = await get(list(url, '?per_page=500'))
    expect(all.body).toHaveLength(65)
    expect(all.link).toBeNull()
    expect((await get(list(url, '?page=9'))).body).toEqual([])
    // A pull request known only by its files has a conversation too, empty at first.
    const quiet = await get(`${url}/repos/owner/repo/issues/8/comments`)
    expect(quiet).toMatchObject({ status: 200, body: [], link: null })
  })

  it('shows seeded comments as GitHub does: ids kept, bots as Bot, the owner as OWNER', async () => {
    const server = await start({
      comments: {
        'owner/repo#7': [
          { id: 42, body: 'first', user: 'owner' },
          { body: 'beep', user: 'renovate[bot]' },
          { body: 'a human' },
        ],
      },
    })
    const { body } = await get(list(server.url))
    const [first, bot, human] = body as IssueComment[]
    expect(first).toMatchObject({
      id: 42,
      url: `${server.url}/repos/owner/repo/issues/comments/42`,
      html_url: 'https://github.com/owner/repo/pull/7#issuecomment-42',
      issue_url: `${server.url}/repos/owner/repo/issues/7`,
      author_association: 'OWNER',
      user: { login: 'owner', type: 'User' },
    })
    expect(bot!.id).toBeGreaterThan(2 ** 31)
    expect(bot).toMatchObject({
      author_association: 'NONE',
      user: { login: 'renovate[bot]', type: 'Bot', html_url: 'https://github.com/apps/renovate' },
    })
    expect(human).toMatchObject({
      id: bot!.id + 1,
      user: { login: 'octocat', id: 1, type: 'User' },
    })
    expect(server.comments('Owner/Repo#7')).toEqual(body)
    expect(server.comments('owner/repo#8')).toEqual([])
  })

  it('has schemas that reject a comment GitHub would never send', async () => {
    const { url } = await start({ comments: { 'owner/repo#7': [{ body: 'a' }] } })
    const [comment] = (await get(list(url))).body as IssueComment[]
    expect(validateComments([comment])).toBe(true)
    expect(validateComments([{ ...comment, user: null }])).toBe(true)
    expect(validateComments([without(comment!, 'issue_url')])).toBe(false)
    expect(validateComments([{ ...comment, author_association: 'BOSS' }])).toBe(false)
    expect(validateComments([{ ...comment, id: '42' }])).toBe(false)
    expect(validateCommentsClosed([{ ...comment, issueUrl: 'x' }])).toBe(false)
  })

  it('refuses seeded comments GitHub could never hold', async () => {
    const twice = [
      { id: 5, body: 'a' },
      { id: 5, body: 'b' },
    ]
    await expect(startGitHubApi({ comments: { 'owner/repo#7': twice } })).rejects.toThrow(
      /repeated id 5/,
    )
    await expect(
      startGitHubApi({ comments: { 'owner/repo#7': [{ id: 0, body: 'a' }] } }),
    ).rejects.toThrow(/bad or repeated id 0/)
    await expect(startGitHubApi({ comments: { 'owner/repo': [] } })).rejects.toThrow(
      /comments key owner\/repo:/,
    )
  })

  it('creates a comment as github-actions[bot]: 201, Location, listed last, recorded', async () => {
    const server = await start({
      pulls: { 'owner/repo#7': manyFiles(1) },
      comments: { 'owner/repo#7': [{ body: 'a human' }] },
    })
    const text = `${MARKER}\nAll manifests are valid.`
    const created = await write(list(server.url), 'POST', json(text))
    expect(created.status).toBe(201)
    expectConforms(created.body, 'create-comment')
    const comment = created.body as IssueComment
    expect(comment).toMatchObject({
      body: text,
      author_association: 'NONE',
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      html_url: `https://github.com/owner/repo/pull/7#issuecomment-${comment.id}`,
    })
    expect(comment.updated_at).toBe(comment.created_at)
    expect(created.headers.get('location')).toBe(comment.url)
    expect(server.comments('owner/repo#7').map((c) => [c.user.login, c.body])).toEqual([
      ['octocat', 'a human'],
      ['github-actions[bot]', text],
    ])
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/repos/owner/repo/issues/7/comments',
      operation: 'issues/create-comment',
      repo: 'owner/repo',
      body: json(text),
      status: 201,
    })
  })

  it('lets @actions/github find its comment across pages by the marker and edit it in place', async () => {
    const seeded = manyComments(40)
    seeded[34] = { body: `${MARKER}\nold summary`, user: 'github-actions[bot]' }
    // A human quoting the marker must not be mistaken for it; that is the client's job.
    seeded[3] = { body: `> ${MARKER}`, user: 'octocat' }
    const server = await start({ comments: { 'owner/repo#7': seeded } })
    const octokit = getOctokit(TOKEN, { baseUrl: server.url })
    const listed = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: 'owner',
      repo: 'repo',
      issue_number: 7,
    })
    expect(listed).toHaveLength(40)
    const mine = listed.find(
      (c) => c.user?.login === 'github-actions[bot]' && c.body?.startsWith(MARKER),
    )!
    const { status, data } = await octokit.rest.issues.updateComment({
      owner: 'owner',
      repo: 'repo',
      comment_id: mine.id,
      body: `${MARKER}\nnew summary`,
    })
    expect(status).toBe(200)
    expectConforms(data, 'update-comment')
    expect(data).toMatchObject({
      id: mine.id,
      created_at: mine.created_at,
      html_url: mine.html_url,
    })
    expect(Date.parse(data.updated_at)).toBeGreaterThan(Date.parse(mine.updated_at))
    const now = server.comments('owner/repo#7')
    expect(now.map((c) => c.body)).toEqual(
      seeded.map((c, i) => (i === 34 ? `${MARKER}\nnew summary` : c.body)),
    )
    expect(server.requests.map((r) => [r.method, r.operation, r.status])).toEqual([
      ['GET', 'issues/list-comments', 200],
      ['GET', 'issues/list-comments', 200],
      ['PATCH', 'issues/update-comment', 200],
    ])
    expect(server.requests[1]!.path).toMatch(/^\/repositories\/\d+\/issues\/7\/comments\?page=2$/)
    expect(server.requests[2]!.path).toBe(`/repos/owner/repo/issues/comments/${mine.id}`)
    expect(JSON.parse(server.requests[2]!.body!)).toEqual({ body: `${MARKER}\nnew summary` })
  })

  it("answers 404 for an unknown comment, another repository's, or an unknown pull request", async () => {
    const server = await start({
      comments: { 'owner/repo#7': [{ id: 5, body: 'a' }], 'owner/other#1': [{ id: 6, body: 'b' }] },
    })
    const unknown = await write(edit(server.url, 999), 'PATCH', json('x'))
    expect(unknown.status).toBe(404)
    expectValid(validateMissing, unknown.body)
    expect(unknown.body).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
      status: '404',
    })
    expect((await write(edit(server.url, 6), 'PATCH', json('x'))).status).toBe(404)
    expect((await write(edit(server.url, 6, 'owner/other'), 'PATCH', json('x'))).status).toBe(200)
    const elsewhere = `${server.url}/repos/owner/repo/issues/8/comments`
    const create = await write(elsewhere, 'POST', json('x'))
    expect(create.status).toBe(404)
    expectValid(validateMissing, create.body)
    expect((await get(elsewhere)).status).toBe(404)
    const octokit = getOctokit(TOKEN, { baseUrl: server.url })
    await expect(
      octokit.rest.issues.updateComment({ owner: 'owner', repo: 'repo', comment_id: 7, body: 'x' }),
    ).rejects.toMatchObject({ status: 404 })
    expect(server.comments('owner/repo#7').map((c) => c.body)).toEqual(['a'])
  })

  it("refuses a body over 65,536 characters with GitHub's 422, on create and on update", async () => {
    const server = await start({ comments: { 'owner/repo#7': [{ id: 5, body: 'kept' }] } })
    const tooLong = 'x'.repeat(COMMENT_BODY_MAX + 1)
    const created = await write(list(server.url), 'POST', json(tooLong))
    expect(created.status).toBe(422)
    expectValid(validateInvalid, created.body)
    expect(created.body).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    })
    const updated = await write(edit(server.url, 5), 'PATCH', json(tooLong))
    expect(updated.status).toBe(422)
    expectValid(validateInvalidUpdate, updated.body)
    expect(server.comments('owner/repo#7').map((c) => c.body)).toEqual(['kept'])
    // The limit counts characters: as many emoji (twice as many UTF-16 units) still fit.
    const atLimit = ['x'.repeat(COMMENT_BODY_MAX), '😀'.repeat(COMMENT_BODY_MAX)]
    for (const body of atLimit) {
      expect((await write(list(server.url), 'POST', json(body))).status).toBe(201)
    }
    const emojiOver = await write(
      list(server.url),
      'POST',
      json('😀'.repeat(COMMENT_BODY_MAX) + '!'),
    )
    expect(emojiOver.status).toBe(422)
    const blank = await write(list(server.url), 'POST', json('  \n'))
    expect(blank).toMatchObject({
      status: 422,
      body: { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] },
    })
    expect(server.comments('owner/repo#7').map((c) => c.body.length)).toEqual([
      4,
      COMMENT_BODY_MAX,
      2 * COMMENT_BODY_MAX,
    ])
  })

  it.each([
    ['no JSON', 'body=hello', 400, 'Problems parsing JSON'],
    ['no object', '["hello"]', 400, 'Problems parsing JSON'],
    ['no body', '{"text":"hello"}', 422, 'Invalid request.\n\n"body" wasn\'t supplied.'],
    [
      'a number',
      '{"body":5}',
      422,
      "Invalid request.\n\nFor 'properties/body', 5 is not a string.",
    ],
    [
      'null',
      '{"body":null}',
      422,
      "Invalid request.\n\nFor 'properties/body', nil is not a string.",
    ],
  ])(
    'answers a request body with %s as GitHub does, storing nothing',
    async (_, payload, status, message) => {
      const server = await start({ comments: { 'owner/repo#7': [{ id: 5, body: 'kept' }] } })
      for (const [target, method] of [
        [list(server.url), 'POST'],
        [edit(server.url, 5), 'PATCH'],
      ] as const) {
        const refused = await write(target, method, payload)
        expect(refused.status).toBe(status)
        expect(refused.body).toMatchObject({ message, status: String(status) })
        expectValid(status === 400 ? validateError : validateInvalid, refused.body)
      }
      expect(server.comments('owner/repo#7').map((c) => c.body)).toEqual(['kept'])
      expect(server.requests.map((r) => [r.operation, r.body, r.status])).toEqual([
        ['issues/create-comment', payload, status],
        ['issues/update-comment', payload, status],
      ])
    },
  )

  it("refuses writes with a read-only token, as a fork's pull request gets, and still lists", async () => {
    const server = await start({
      comments: { 'owner/repo#7': [{ id: 5, body: 'kept' }] },
      permissions: { pullRequests: 'read' },
    })
    const created = await write(list(server.url), 'POST', json('hello'))
    expect(created.status).toBe(403)
    expectValid(validateForbidden, created.body)
    expect(created.body).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403',
    })
    const updated = await write(edit(server.url, 5), 'PATCH', json('hello'))
    expect(updated.status).toBe(403)
    expect(updated.body).toMatchObject({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
    })
    const octokit = getOctokit(TOKEN, { baseUrl: server.url })
    await expect(
      octokit.rest.issues.createComment({
        owner: 'owner',
        repo: 'repo',
        issue_number: 7,
        body: 'x',
      }),
    ).rejects.toMatchObject({ status: 403 })
    const listed = await get(list(server.url))
    expect(listed.status).toBe(200)
    expectConforms(listed.body, 'list-comments')
    expect(server.comments('owner/repo#7').map((c) => c.body)).toEqual(['kept'])
    expect(server.requests.map((r) => [r.operation, r.status])).toEqual([
      ['issues/create-comment', 403],
      ['issues/update-comment', 403],
      ['issues/create-comment', 403],
      ['issues/list-comments', 200],
    ])
  })
})

describe('credentials, unknown routes and injected failures', () => {
  it('demands a token and says "Bad credentials" without one', async () => {
    const server = await start({ pulls: { 'owner/repo#7': manyFiles(1) }, token: TOKEN })
    const path = `${server.url}/repos/owner/repo/pulls/7/files`
    const anonymous = await get(path, null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ message: 'Bad credentials' })
    expectValid(validateError, anonymous.body)
    expect((await get(path, 'Bearer wrong')).status).toBe(401)
    expect((await get(path, `Bearer ${TOKEN}`)).status).toBe(200)
    expect(server.requests.map((request) => request.status)).toEqual([401, 401, 200])
  })

  it('answers unknown routes with GitHub 404 bodies', async () => {
    const { url } = await start({})
    for (const path of ['/', '/repos/owner/repo/pulls/7', '/repos/owner/repo/pulls/7/files']) {
      const response = await get(`${url}${path}`)
      expect(response.status).toBe(404)
      expect(response.body).toEqual({
        message: 'Not Found',
        documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\/rest/),
        status: '404',
      })
    }
  })

  it('fails the first requests as told, then recovers', async () => {
    const { url } = await start({
      pulls: { 'owner/repo#7': manyFiles(1) },
      failWith: { status: 503, times: 2, headers: { 'retry-after': '1' } },
    })
    const path = `${url}/repos/owner/repo/pulls/7/files`
    const first = await get(path)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('1')
    expect(first.body).toMatchObject({ message: 'Service Unavailable' })
    expect((await get(path)).status).toBe(503)
    expect((await get(path)).status).toBe(200)
  })

  it('refuses test data GitHub could never send', async () => {
    await expect(
      startGitHubApi({ pulls: { 'owner/repo#7': [{ filename: 'a.yml', status: 'renamed' }] } }),
    ).rejects.toThrow(/previous_filename/)
    await expect(startGitHubApi({ pulls: { 'owner/repo': [] } })).rejects.toThrow(/owner\/repo#/)
  })
})
