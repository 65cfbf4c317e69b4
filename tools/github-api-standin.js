// A stand-in for the two GitHub REST endpoints the Action reads, served over real HTTP so the
// built bundle and @actions/github talk to it exactly as they would to api.github.com. Response
// bodies follow GitHub's OpenAPI description (checked by __tests__/github-api-standin.test.ts),
// and the awkward parts of the real API are reproduced on purpose: Link headers that point at
// /repositories/{id}/… rather than the URL the client asked for, the 3000-file cap on pull
// request files and the 300-file cap on compare, both silent.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { URL, URLSearchParams } from 'node:url'

/**
 * @typedef {'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'} FileStatus
 */

/**
 * One changed file as the test describes it; everything else in the diff entry is derived.
 * @typedef {object} FileSpec
 * @property {string} filename
 * @property {FileStatus} [status] default `modified`
 * @property {string} [previous_filename] required for `renamed` and `copied`, as GitHub always sends it
 * @property {number} [additions] default derived from the status
 * @property {number} [deletions] default derived from the status
 * @property {string | null} [patch] `null` omits it, as GitHub does for binary or huge diffs
 * @property {string | null} [sha] blob sha; default derived from the filename
 */

/**
 * A pull request: either just its files, or its files with the head sha used in blob/raw URLs.
 * @typedef {FileSpec[] | { headSha?: string, files: FileSpec[] }} PullSpec
 */

/**
 * A comparison `base...head`. `total_commits` (= `ahead_by`) defaults to 1, or 0 when
 * `status` is `identical` or `behind`; `behind_by` defaults to 1 for `behind`/`diverged`.
 * @typedef {object} CompareSpec
 * @property {FileSpec[]} files
 * @property {'ahead' | 'behind' | 'diverged' | 'identical'} [status] default `ahead`
 * @property {number} [total_commits]
 * @property {number} [behind_by]
 */

/**
 * Answer the first `times` matching requests (after the credentials check) with `status`.
 * @typedef {object} FailureSpec
 * @property {number} status
 * @property {number} [times] default 1; `Infinity` for always
 * @property {string} [message] default GitHub's message for the status
 * @property {Record<string, string>} [headers] e.g. `{ 'retry-after': '1' }`
 * @property {string} [pathIncludes] only requests whose path contains this
 */

/**
 * @typedef {object} StandInOptions
 * @property {Record<string, PullSpec>} [pulls] keyed `'owner/repo#7'`
 * @property {Record<string, CompareSpec>} [compares] keyed `'owner/repo base...head'`
 * @property {string} [token] when set, only this token is accepted; otherwise any token is
 * @property {FailureSpec} [failWith]
 * @property {string} [serverUrl] host of html/blob URLs, default `https://github.com`
 */

/**
 * @typedef {'pulls/list-files' | 'repos/compare-commits-with-basehead'} OperationId
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path path with query, as sent
 * @property {Record<string, string>} headers lower-cased names
 * @property {OperationId | null} operation GitHub's operationId, whichever URL form was used
 * @property {string | null} repo `owner/repo` the request resolved to
 * @property {number} status the status the stand-in answered with
 */

/**
 * @typedef {object} GitHubApiStandIn
 * @property {string} url base URL, e.g. `http://127.0.0.1:40123`; pass as GITHUB_API_URL
 * @property {() => Promise<void>} close
 * @property {RecordedRequest[]} requests every request, in arrival order
 */

/** @typedef {{ status: number, body: unknown, headers?: Record<string, string> }} Reply */

/**
 * @typedef {object} Repo
 * @property {string} owner
 * @property {string} name
 * @property {number} id
 */

/**
 * @typedef {object} Ctx what the response builders need about the server and the repository
 * @property {string} api
 * @property {string} server
 * @property {Repo} repo
 */

export const PULL_FILES_CAP = 3000
export const COMPARE_FILES_CAP = 300
const COMPARE_COMMITS_UNPAGED = 250
const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100
const DOCS = 'https://docs.github.com/rest'
const STATUSES = ['added', 'removed', 'modified', 'renamed', 'copied', 'changed', 'unchanged']

/** @type {Record<number, string>} */
const STATUS_MESSAGES = {
  401: 'Bad credentials',
  403: 'API rate limit exceeded',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
}

/**
 * @param {StandInOptions} [options]
 * @returns {Promise<GitHubApiStandIn>}
 */
export async function startGitHubApi(options = {}) {
  const data = indexData(options)
  /** @type {RecordedRequest[]} */
  const requests = []
  const failure = { spec: options.failWith, left: options.failWith?.times ?? 1 }
  let url = ''
  const server = createServer((req, res) => {
    req.resume()
    const path = req.url ?? '/'
    /** @type {RecordedRequest} */
    const record = {
      method: req.method ?? 'GET',
      path,
      headers: flattenHeaders(req.headers),
      operation: null,
      repo: null,
      status: 0,
    }
    requests.push(record)
    const reply = handle(record, { data, options, failure, url })
    record.status = reply.status
    send(res, reply, requests.length)
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  url = `http://127.0.0.1:${address.port}`
  return {
    url,
    requests,
    close: () => closeServer(server),
  }
}

/** @param {import('node:http').Server} server */
function closeServer(server) {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve(undefined)))
    // Clients keep connections alive; without this close() waits for them to time out.
    server.closeAllConnections()
  })
}

/**
 * @typedef {object} Indexed
 * @property {Map<string, Repo>} reposByName lower-case `owner/repo`
 * @property {Map<number, Repo>} reposById
 * @property {Map<string, { headSha: string, files: FileSpec[] }>} pulls lower-case `owner/repo#n`
 * @property {Map<string, CompareSpec>} compares `owner/repo base...head`, owner/repo lower-cased
 */

/**
 * Normalises the options once, failing fast on data GitHub could never send.
 * @param {StandInOptions} options
 * @returns {Indexed}
 */
function indexData(options) {
  /** @type {Indexed} */
  const indexed = {
    reposByName: new Map(),
    reposById: new Map(),
    pulls: new Map(),
    compares: new Map(),
  }
  for (const [key, spec] of Object.entries(options.pulls ?? {})) {
    const match = /^([^/\s]+)\/([^/\s#]+)#(\d+)$/.exec(key)
    if (!match) throw new TypeError(`pulls key ${key}: expected 'owner/repo#number'`)
    const repo = registerRepo(indexed, `${match[1]}/${match[2]}`)
    const files = Array.isArray(spec) ? spec : spec.files
    const headSha = (!Array.isArray(spec) && spec.headSha) || fakeSha(`head:${key}`)
    files.forEach((file) => checkFile(file, key))
    indexed.pulls.set(`${fullName(repo).toLowerCase()}#${match[3]}`, { headSha, files })
  }
  for (const [key, spec] of Object.entries(options.compares ?? {})) {
    const match = /^([^/\s]+)\/([^/\s]+) (\S+\.\.\.\S+)$/.exec(key)
    if (!match) throw new TypeError(`compares key ${key}: expected 'owner/repo base...head'`)
    const repo = registerRepo(indexed, `${match[1]}/${match[2]}`)
    spec.files.forEach((file) => checkFile(file, key))
    indexed.compares.set(`${fullName(repo).toLowerCase()} ${match[3]}`, spec)
  }
  return indexed
}

/**
 * @param {Indexed} indexed
 * @param {string} name
 * @returns {Repo}
 */
function registerRepo(indexed, name) {
  const known = indexed.reposByName.get(name.toLowerCase())
  if (known) return known
  const [owner = '', repoName = ''] = name.split('/')
  const repo = { owner, name: repoName, id: 700000001 + indexed.reposById.size }
  indexed.reposByName.set(name.toLowerCase(), repo)
  indexed.reposById.set(repo.id, repo)
  return repo
}

/**
 * @param {FileSpec} file
 * @param {string} where
 */
function checkFile(file, where) {
  const status = file.status ?? 'modified'
  if (!STATUSES.includes(status)) throw new TypeError(`${where}: unknown status ${status}`)
  if ((status === 'renamed' || status === 'copied') && !file.previous_filename) {
    throw new TypeError(`${where}: ${file.filename} is ${status} but has no previous_filename`)
  }
}

/** @param {Repo} repo */
function fullName(repo) {
  return `${repo.owner}/${repo.name}`
}

/**
 * @typedef {object} HandlerState
 * @property {Indexed} data
 * @property {StandInOptions} options
 * @property {{ spec: FailureSpec | undefined, left: number }} failure
 * @property {string} url
 */

/**
 * @param {RecordedRequest} record
 * @param {HandlerState} state
 * @returns {Reply}
 */
function handle(record, state) {
  if (!isAuthorized(record.headers.authorization, state.options.token)) return error(401)
  const injected = takeFailure(state.failure, record.path)
  if (injected) return injected
  const url = new URL(record.path, state.url)
  const route = matchRoute(url.pathname, state.data)
  if (!route || record.method !== 'GET') return error(404)
  record.operation = route.operation
  record.repo = fullName(route.repo)
  /** @type {Ctx} */
  const ctx = {
    api: state.url,
    server: state.options.serverUrl ?? 'https://github.com',
    repo: route.repo,
  }
  if (route.operation === 'pulls/list-files') {
    const pull = state.data.pulls.get(`${record.repo.toLowerCase()}#${route.rest}`)
    if (!pull) return error(404, `${DOCS}/pulls/pulls#list-pull-requests-files`)
    return listPullFiles(ctx, pull, url, route.rest)
  }
  const compare = state.data.compares.get(`${record.repo.toLowerCase()} ${route.rest}`)
  if (!compare) return error(404, `${DOCS}/commits/commits#compare-two-commits`)
  return compareCommits(ctx, compare, url, route.rest)
}

/**
 * @param {string | undefined} header
 * @param {string | undefined} expected
 */
function isAuthorized(header, expected) {
  const match = /^(?:token|bearer) +(\S+)$/i.exec(header ?? '')
  return Boolean(match) && (expected === undefined || match?.[1] === expected)
}

/**
 * @param {HandlerState['failure']} failure
 * @param {string} path
 * @returns {Reply | undefined}
 */
function takeFailure(failure, path) {
  const spec = failure.spec
  if (!spec || failure.left <= 0) return undefined
  if (spec.pathIncludes !== undefined && !path.includes(spec.pathIncludes)) return undefined
  failure.left -= 1
  const reply = error(spec.status, DOCS, spec.message)
  return spec.headers ? { ...reply, headers: spec.headers } : reply
}

/**
 * Both URL forms GitHub serves: `/repos/{owner}/{repo}/…`, which clients build, and
 * `/repositories/{id}/…`, which GitHub's own Link headers point at.
 * @param {string} pathname
 * @param {Indexed} data
 * @returns {{ operation: OperationId, repo: Repo, rest: string } | undefined}
 */
function matchRoute(pathname, data) {
  const match =
    /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))\/(?:pulls\/(\d+)\/files|compare\/(.+\.\.\..+))$/.exec(
      pathname,
    )
  if (!match) return undefined
  const repo = match[3]
    ? data.reposById.get(Number(match[3]))
    : data.reposByName.get(`${decode(match[1])}/${decode(match[2])}`.toLowerCase())
  if (!repo) return undefined
  if (match[4]) return { operation: 'pulls/list-files', repo, rest: match[4] }
  return { operation: 'repos/compare-commits-with-basehead', repo, rest: decode(match[5]) }
}

/** @param {string | undefined} text */
function decode(text) {
  try {
    return decodeURIComponent(text ?? '')
  } catch {
    return text ?? ''
  }
}

/**
 * @param {Ctx} ctx
 * @param {{ headSha: string, files: FileSpec[] }} pull
 * @param {URL} url
 * @param {string} number
 * @returns {Reply}
 */
function listPullFiles(ctx, pull, url, number) {
  const files = pull.files.slice(0, PULL_FILES_CAP)
  const paging = readPaging(url)
  const start = (paging.page - 1) * paging.perPage
  const body = files
    .slice(start, start + paging.perPage)
    .map((file) => diffEntry(ctx, file, pull.headSha))
  const lastPage = Math.max(1, Math.ceil(files.length / paging.perPage))
  const linkPath = `/repositories/${ctx.repo.id}/pulls/${number}/files`
  return withLink({ status: 200, body }, ctx.api, linkPath, url, paging.page, lastPage)
}

/**
 * @param {Ctx} ctx
 * @param {CompareSpec} spec
 * @param {URL} url
 * @param {string} basehead
 * @returns {Reply}
 */
function compareCommits(ctx, spec, url, basehead) {
  const [base = '', head = ''] = basehead.split('...')
  const status = spec.status ?? 'ahead'
  const behindOnly = status === 'identical' || status === 'behind'
  const total = spec.total_commits ?? (behindOnly ? 0 : 1)
  const behindBy = spec.behind_by ?? (status === 'behind' || status === 'diverged' ? 1 : 0)
  const baseSha = shaOf(base, `base:${basehead}`)
  const headSha = shaOf(head, `head:${basehead}`)
  const mergeBaseSha = status === 'diverged' ? fakeSha(`merge-base:${basehead}`) : baseSha
  const commits = commitChain(ctx, mergeBaseSha, headSha, total, basehead)
  const paged = url.searchParams.has('page') || url.searchParams.has('per_page')
  const paging = readPaging(url)
  const start = (paging.page - 1) * paging.perPage
  const shown = paged
    ? commits.slice(start, start + paging.perPage)
    : commits.slice(-COMPARE_COMMITS_UNPAGED)
  // GitHub lists the files on the first page only, and at most 300 of them.
  const files = !paged || paging.page === 1 ? spec.files.slice(0, COMPARE_FILES_CAP) : []
  const repoPath = `${ctx.repo.owner}/${ctx.repo.name}`
  const body = {
    url: `${ctx.api}/repos/${repoPath}/compare/${basehead}`,
    html_url: `${ctx.server}/${repoPath}/compare/${basehead}`,
    permalink_url: `${ctx.server}/${repoPath}/compare/${ctx.repo.owner}:${baseSha}...${ctx.repo.owner}:${headSha}`,
    diff_url: `${ctx.server}/${repoPath}/compare/${basehead}.diff`,
    patch_url: `${ctx.server}/${repoPath}/compare/${basehead}.patch`,
    base_commit: commitObject(ctx, baseSha, fakeSha(`parent:${baseSha}`), 0),
    merge_base_commit: commitObject(ctx, mergeBaseSha, fakeSha(`parent:${mergeBaseSha}`), 0),
    status,
    ahead_by: total,
    behind_by: behindBy,
    total_commits: total,
    commits: shown,
    files: files.map((file) => diffEntry(ctx, file, headSha)),
  }
  if (!paged) return { status: 200, body }
  const lastPage = Math.max(1, Math.ceil(commits.length / paging.perPage))
  const linkPath = `/repositories/${ctx.repo.id}/compare/${basehead}`
  return withLink({ status: 200, body }, ctx.api, linkPath, url, paging.page, lastPage)
}

/**
 * GitHub's rules: per_page defaults to 30 and is clamped to 100; anything unparsable falls
 * back to the default rather than erroring.
 * @param {URL} url
 */
function readPaging(url) {
  const perPage = Number.parseInt(url.searchParams.get('per_page') ?? '', 10)
  const page = Number.parseInt(url.searchParams.get('page') ?? '', 10)
  return {
    perPage: perPage > 0 ? Math.min(perPage, MAX_PER_PAGE) : DEFAULT_PER_PAGE,
    page: page > 0 ? page : 1,
  }
}

/**
 * Adds `Link` in GitHub's order (prev, next, last, first), keeping the request's own query
 * parameters and only replacing `page`. A single page gets no Link header at all.
 * @param {Reply} reply
 * @param {string} api
 * @param {string} linkPath
 * @param {URL} url
 * @param {number} page
 * @param {number} lastPage
 * @returns {Reply}
 */
function withLink(reply, api, linkPath, url, page, lastPage) {
  if (lastPage <= 1) return reply
  /** @param {number} target @param {string} rel */
  const link = (target, rel) => {
    const query = new URLSearchParams(url.searchParams)
    query.set('page', String(target))
    return `<${api}${linkPath}?${query}>; rel="${rel}"`
  }
  const parts = []
  if (page > 1) parts.push(link(Math.min(page - 1, lastPage), 'prev'))
  if (page < lastPage) parts.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) parts.push(link(1, 'first'))
  return { ...reply, headers: { ...reply.headers, link: parts.join(', ') } }
}

/**
 * @param {Ctx} ctx
 * @param {FileSpec} file
 * @param {string} ref
 */
function diffEntry(ctx, file, ref) {
  const status = file.status ?? 'modified'
  const lines = defaultLineCounts(status, file.filename)
  const additions = file.additions ?? lines.additions
  const deletions = file.deletions ?? lines.deletions
  const repoPath = `${ctx.repo.owner}/${ctx.repo.name}`
  const path = encodePath(file.filename)
  /** @type {Record<string, unknown>} */
  const entry = {
    sha: file.sha === undefined ? blobSha(`${status}:${file.filename}`) : file.sha,
    filename: file.filename,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${ctx.server}/${repoPath}/blob/${ref}/${path}`,
    raw_url: `${ctx.server}/${repoPath}/raw/${ref}/${path}`,
    contents_url: `${ctx.api}/repos/${repoPath}/contents/${path}?ref=${ref}`,
  }
  const patch = file.patch === undefined ? fakePatch(additions, deletions) : file.patch
  if (patch !== null) entry.patch = patch
  if (file.previous_filename !== undefined) entry.previous_filename = file.previous_filename
  return entry
}

/**
 * Plausible, stable numbers: what a status implies (nothing deleted from an added file), sized
 * by the filename so different files differ.
 * @param {string} status
 * @param {string} filename
 */
function defaultLineCounts(status, filename) {
  const size = 1 + (Number.parseInt(fakeSha(filename).slice(0, 4), 16) % 40)
  switch (status) {
    case 'added':
      return { additions: size, deletions: 0 }
    case 'removed':
      return { additions: 0, deletions: size }
    case 'modified':
    case 'changed':
      return { additions: size, deletions: Math.ceil(size / 3) }
    default:
      return { additions: 0, deletions: 0 }
  }
}

/**
 * A pure rename has no patch on GitHub; otherwise one hunk of the right size.
 * @param {number} additions
 * @param {number} deletions
 * @returns {string | null}
 */
function fakePatch(additions, deletions) {
  if (additions + deletions === 0) return null
  const header = `@@ -${deletions ? 1 : 0},${deletions} +${additions ? 1 : 0},${additions} @@`
  const removed = Array.from({ length: deletions }, (_, i) => `-old line ${i + 1}`)
  const added = Array.from({ length: additions }, (_, i) => `+new line ${i + 1}`)
  return [header, ...removed, ...added].join('\n')
}

/** @param {string} filename */
function encodePath(filename) {
  return filename.split('/').map(encodeURIComponent).join('/')
}

/**
 * `count` commits ending at `headSha`, oldest first as GitHub returns them.
 * @param {Ctx} ctx
 * @param {string} fromSha
 * @param {string} headSha
 * @param {number} count
 * @param {string} seed
 */
function commitChain(ctx, fromSha, headSha, count, seed) {
  const commits = []
  let parent = fromSha
  for (let i = 1; i <= count; i += 1) {
    const sha = i === count ? headSha : fakeSha(`commit:${seed}:${i}`)
    commits.push(commitObject(ctx, sha, parent, i))
    parent = sha
  }
  return commits
}

/**
 * @param {Ctx} ctx
 * @param {string} sha
 * @param {string} parentSha
 * @param {number} index orders the commit dates
 */
function commitObject(ctx, sha, parentSha, index) {
  const api = `${ctx.api}/repos/${ctx.repo.owner}/${ctx.repo.name}`
  const html = `${ctx.server}/${ctx.repo.owner}/${ctx.repo.name}`
  const date = new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + index * 60_000)
    .toISOString()
    .replace('.000Z', 'Z')
  const person = { name: 'Monalisa Octocat', email: 'mona@github.com', date }
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: Buffer.from(`06:Commit${ctx.repo.id}:${sha}`).toString('base64'),
    html_url: `${html}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: index === 0 ? 'Base commit' : `Update manifests (${index})`,
      tree: { sha: fakeSha(`tree:${sha}`), url: `${api}/git/trees/${fakeSha(`tree:${sha}`)}` },
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: simpleUser(ctx),
    committer: simpleUser(ctx),
    parents: [
      {
        sha: parentSha,
        url: `${api}/commits/${parentSha}`,
        html_url: `${html}/commit/${parentSha}`,
      },
    ],
  }
}

/** @param {Ctx} ctx */
function simpleUser(ctx) {
  const api = `${ctx.api}/users/octocat`
  return {
    login: 'octocat',
    id: 1,
    node_id: 'MDQ6VXNlcjE=',
    avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4',
    gravatar_id: '',
    url: api,
    html_url: `${ctx.server}/octocat`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  }
}

/**
 * A ref that already is a full sha stays itself, so tests can use real-looking shas end to end.
 * @param {string} ref
 * @param {string} seed
 */
function shaOf(ref, seed) {
  return /^[0-9a-f]{40}$/.test(ref) ? ref : fakeSha(seed)
}

/** @param {string} seed */
function fakeSha(seed) {
  return createHash('sha1').update(seed).digest('hex')
}

/** @param {string} content git's blob id of this content */
function blobSha(content) {
  return fakeSha(`blob ${Buffer.byteLength(content)}\0${content}`)
}

/**
 * @param {number} status
 * @param {string} [documentationUrl]
 * @param {string} [message]
 * @returns {Reply}
 */
function error(status, documentationUrl = DOCS, message) {
  return {
    status,
    body: {
      message: message ?? STATUS_MESSAGES[status] ?? 'Error',
      documentation_url: documentationUrl,
      status: String(status),
    },
  }
}

/** @param {import('node:http').IncomingHttpHeaders} headers */
function flattenHeaders(headers) {
  /** @type {Record<string, string>} */
  const flat = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Reply} reply
 * @param {number} served feeds the rate-limit headers
 */
function send(res, reply, served) {
  const body = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `0000:${served.toString(16).toUpperCase()}:STANDIN`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(0, 5000 - served)),
    'x-ratelimit-used': String(served),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...reply.headers,
  })
  res.end(body)
}
