import { fakeSha } from '../shared/fake-sha.js'
import type { CommentSpec, CompareSpec, FileSpec, FileStatus, StandInOptions } from './options.js'
import { type Repo, fullName, issueKey } from './repositories.js'

const STATUSES: FileStatus[] = [
  'added',
  'removed',
  'modified',
  'renamed',
  'copied',
  'changed',
  'unchanged',
]

/** A pull request's conversation as the test seeded it. */
export interface CommentThread {
  repo: Repo
  number: number
  comments: CommentSpec[]
}

export interface Fixtures {
  /** By lower-case `owner/repo`. */
  reposByName: Map<string, Repo>
  reposById: Map<number, Repo>
  /** By `issueKey`. */
  pulls: Map<string, { headSha: string; files: FileSpec[] }>
  /** The pull requests comments can be listed and written on, by `issueKey`. */
  threads: Map<string, CommentThread>
  /** By `owner/repo base...head`, owner/repo lower-cased. */
  compares: Map<string, CompareSpec>
}

/** Normalises the options once, failing fast on data GitHub could never send. */
export function indexFixtures(options: StandInOptions): Fixtures {
  const fixtures: Fixtures = {
    reposByName: new Map(),
    reposById: new Map(),
    pulls: new Map(),
    threads: new Map(),
    compares: new Map(),
  }
  for (const [key, spec] of Object.entries(options.pulls ?? {})) {
    const thread = registerThread(fixtures, key, 'pulls')
    const files = Array.isArray(spec) ? spec : spec.files
    const headSha = (!Array.isArray(spec) && spec.headSha) || fakeSha(`head:${key}`)
    files.forEach((file) => checkFile(file, key))
    fixtures.pulls.set(issueKey(thread.repo, thread.number), { headSha, files })
  }
  for (const [key, comments] of Object.entries(options.comments ?? {})) {
    registerThread(fixtures, key, 'comments').comments.push(...comments)
  }
  for (const [key, spec] of Object.entries(options.compares ?? {})) {
    const match = /^([^/\s]+)\/([^/\s]+) (\S+\.\.\.\S+)$/.exec(key)
    if (!match) throw new TypeError(`compares key ${key}: expected 'owner/repo base...head'`)
    const repo = registerRepo(fixtures, `${match[1]}/${match[2]}`)
    spec.files.forEach((file) => checkFile(file, key))
    fixtures.compares.set(`${fullName(repo).toLowerCase()} ${match[3]}`, spec)
  }
  return fixtures
}

/** The pull request `owner/repo#7` of an option's key, known from then on. */
function registerThread(fixtures: Fixtures, key: string, option: string): CommentThread {
  const match = /^([^/\s]+)\/([^/\s#]+)#(\d+)$/.exec(key)
  if (!match) throw new TypeError(`${option} key ${key}: expected 'owner/repo#number'`)
  const repo = registerRepo(fixtures, `${match[1]}/${match[2]}`)
  const number = Number(match[3])
  const known = fixtures.threads.get(issueKey(repo, number))
  if (known) return known
  const thread: CommentThread = { repo, number, comments: [] }
  fixtures.threads.set(issueKey(repo, number), thread)
  return thread
}

function registerRepo(fixtures: Fixtures, name: string): Repo {
  const known = fixtures.reposByName.get(name.toLowerCase())
  if (known) return known
  const [owner = '', repoName = ''] = name.split('/')
  const repo = { owner, name: repoName, id: 700000001 + fixtures.reposById.size }
  fixtures.reposByName.set(name.toLowerCase(), repo)
  fixtures.reposById.set(repo.id, repo)
  return repo
}

function checkFile(file: FileSpec, where: string): void {
  const status = file.status ?? 'modified'
  if (!STATUSES.includes(status)) throw new TypeError(`${where}: unknown status ${status}`)
  if ((status === 'renamed' || status === 'copied') && !file.previous_filename) {
    throw new TypeError(`${where}: ${file.filename} is ${status} but has no previous_filename`)
  }
}
