// Proves the GitHub API stand-in answers the way GitHub's own OpenAPI description says it does,
// so the end-to-end tests that rely on it are exercising the Action against GitHub's contract
// rather than against the stand-in's author's memory of it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { COMPARE_FILES_CAP, PULL_FILES_CAP } from '../tools/github-standin/limits.js'
import type { FileSpec, StandInOptions } from '../tools/github-standin/options.js'
import { startGitHubApi, type GitHubApiStandIn } from '../tools/github-standin/server.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const PULL_FILES = '/repos/{owner}/{repo}/pulls/{pull_number}/files'
const COMPARE = '/repos/{owner}/{repo}/compare/{basehead}'
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

function responseSchema(path: string, status = '200'): JsonObject {
  const responses = child(child(child(openapi, 'paths'), path), 'get')['responses']
  const content = child(child(responses, status), 'content')
  return child(child(content, 'application/json'), 'schema')
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
const notFound = child(child(child(openapi, 'components'), 'responses'), 'not_found')
const validateError = validator(
  child(child(child(notFound, 'content'), 'application/json'), 'schema'),
)

function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body)
  expect(ok ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n')).toEqual([])
}

function expectConforms(body: unknown, operation: 'pulls' | 'compare'): void {
  expectValid(operation === 'pulls' ? validatePullFiles : validateCompare, body)
  expectValid(operation === 'pulls' ? validatePullFilesClosed : validateCompareClosed, body)
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

async function get(
  url: string,
  authorization: string | null = `token ${TOKEN}`,
): Promise<{ status: number; link: string | null; body: unknown; headers: Headers }> {
  const response = await fetch(url, { headers: authorization ? { authorization } : {} })
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
