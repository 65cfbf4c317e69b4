// Event payloads, shaped like GitHub's webhook payloads (only the fields anyone reads, plus
// enough context that a payload dump looks like the real thing).
import { fakeSha } from '../shared/fake-sha.js'

export const ZERO_SHA = '0'.repeat(40)

export interface RepoOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
}

export interface RepositoryPayload {
  id: number
  node_id: string
  name: string
  full_name: string
  private: boolean
  owner: { login: string; id: number; type: string; html_url: string }
  html_url: string
  url: string
  fork: boolean
  default_branch: string
}

const SENDER = { login: 'octocat', id: 1, type: 'User' }
type Sender = typeof SENDER

export function repositoryPayload(opts: RepoOptions & { fork?: boolean } = {}): RepositoryPayload {
  const owner = opts.owner ?? 'owner'
  const name = opts.repo ?? 'repo'
  const fullName = `${owner}/${name}`
  return {
    id: 700000001,
    node_id: 'R_kgDOStandIn',
    name,
    full_name: fullName,
    private: false,
    owner: {
      login: owner,
      id: 9919,
      type: 'Organization',
      html_url: `https://github.com/${owner}`,
    },
    html_url: `https://github.com/${fullName}`,
    url: `https://api.github.com/repos/${fullName}`,
    fork: opts.fork ?? false,
    default_branch: opts.defaultBranch ?? 'main',
  }
}

export interface PullRequestEventOptions extends RepoOptions {
  number: number
  headSha: string
  baseSha: string
  changedFiles: number
  /** The head branch lives in a fork (no secrets, read-only token). */
  fork?: boolean
  action?: string
  headRef?: string
  baseRef?: string
  mergeCommitSha?: string
}

interface BranchPayload {
  label: string
  ref: string
  sha: string
  repo: RepositoryPayload
}

export interface PullRequestEventPayload {
  action: string
  number: number
  pull_request: {
    url: string
    id: number
    number: number
    state: 'open' | 'closed'
    title: string
    html_url: string
    user: Sender
    draft: boolean
    merged: boolean
    merge_commit_sha: string
    head: BranchPayload
    base: BranchPayload
    changed_files: number
    commits: number
  }
  repository: RepositoryPayload
  sender: Sender
}

export function pullRequestEvent(opts: PullRequestEventOptions): PullRequestEventPayload {
  const repository = repositoryPayload(opts)
  const headRepo = opts.fork
    ? repositoryPayload({ ...opts, owner: 'contributor', fork: true })
    : repository
  const headRef = opts.headRef ?? 'update-pins'
  const baseRef = opts.baseRef ?? repository.default_branch
  return {
    action: opts.action ?? 'synchronize',
    number: opts.number,
    pull_request: {
      url: `${repository.url}/pulls/${opts.number}`,
      id: 1_000_000 + opts.number,
      number: opts.number,
      state: 'open',
      title: 'Update pins',
      html_url: `${repository.html_url}/pull/${opts.number}`,
      user: SENDER,
      draft: false,
      merged: false,
      merge_commit_sha: opts.mergeCommitSha ?? fakeSha(`merge:${opts.headSha}:${opts.baseSha}`),
      head: {
        label: `${headRepo.owner.login}:${headRef}`,
        ref: headRef,
        sha: opts.headSha,
        repo: headRepo,
      },
      base: {
        label: `${repository.owner.login}:${baseRef}`,
        ref: baseRef,
        sha: opts.baseSha,
        repo: repository,
      },
      changed_files: opts.changedFiles,
      commits: 1,
    },
    repository,
    sender: SENDER,
  }
}

export interface PushEventOptions extends RepoOptions {
  before: string
  after: string
  /** Default: `before` is all zeros. */
  created?: boolean
  /** Default: `after` is all zeros. */
  deleted?: boolean
  forced?: boolean
  /** Default `refs/heads/<default branch>`. */
  ref?: string
}

interface GitPerson {
  name: string
  email: string
  username: string
}

export interface PushCommit {
  id: string
  tree_id: string
  distinct: boolean
  message: string
  timestamp: string
  url: string
  author: GitPerson
  committer: GitPerson
  added: string[]
  removed: string[]
  modified: string[]
}

export interface PushEventPayload {
  ref: string
  before: string
  after: string
  created: boolean
  deleted: boolean
  forced: boolean
  base_ref: string | null
  compare: string
  commits: PushCommit[]
  head_commit: PushCommit | null
  repository: RepositoryPayload
  pusher: { name: string; email: string }
  sender: Sender
}

export function pushEvent(opts: PushEventOptions): PushEventPayload {
  const repository = repositoryPayload(opts)
  const deleted = opts.deleted ?? opts.after === ZERO_SHA
  const head = deleted ? null : pushCommit(repository, opts.after)
  return {
    ref: opts.ref ?? `refs/heads/${repository.default_branch}`,
    before: opts.before,
    after: opts.after,
    created: opts.created ?? opts.before === ZERO_SHA,
    deleted,
    forced: opts.forced ?? false,
    base_ref: null,
    compare: `${repository.html_url}/compare/${opts.before.slice(0, 12)}...${opts.after.slice(0, 12)}`,
    commits: head ? [head] : [],
    head_commit: head,
    repository,
    pusher: { name: SENDER.login, email: 'octocat@github.com' },
    sender: SENDER,
  }
}

function pushCommit(repository: RepositoryPayload, sha: string): PushCommit {
  const person = { name: 'Monalisa Octocat', email: 'mona@github.com', username: 'octocat' }
  return {
    id: sha,
    tree_id: fakeSha(`tree:${sha}`),
    distinct: true,
    message: 'Update pins',
    timestamp: '2026-01-01T12:00:00Z',
    url: `${repository.html_url}/commit/${sha}`,
    author: person,
    committer: person,
    added: [],
    removed: [],
    modified: [],
  }
}

export interface MergeGroupEventOptions extends RepoOptions {
  baseSha: string
  headSha: string
  /** The pull request the queue entry is for; part of the queue branch name. */
  pullNumber?: number
}

export interface MergeGroupEventPayload {
  action: 'checks_requested'
  merge_group: {
    head_sha: string
    head_ref: string
    base_sha: string
    base_ref: string
    head_commit: { id: string; tree_id: string; message: string; timestamp: string }
  }
  repository: RepositoryPayload
  sender: Sender
}

export function mergeGroupEvent(opts: MergeGroupEventOptions): MergeGroupEventPayload {
  const repository = repositoryPayload(opts)
  const branch = repository.default_branch
  return {
    action: 'checks_requested',
    merge_group: {
      head_sha: opts.headSha,
      head_ref: `refs/heads/gh-readonly-queue/${branch}/pr-${opts.pullNumber ?? 1}-${opts.baseSha}`,
      base_sha: opts.baseSha,
      base_ref: `refs/heads/${branch}`,
      head_commit: {
        id: opts.headSha,
        tree_id: fakeSha(`tree:${opts.headSha}`),
        message: 'Merge pull request',
        timestamp: '2026-01-01T12:00:00Z',
      },
    },
    repository,
    sender: SENDER,
  }
}

export interface WorkflowDispatchEventPayload {
  inputs: Record<string, string>
  ref: string
  workflow: string
  repository: RepositoryPayload
  sender: Sender
}

export function workflowDispatchEvent(
  opts: RepoOptions & { ref?: string; inputs?: Record<string, string> } = {},
): WorkflowDispatchEventPayload {
  const repository = repositoryPayload(opts)
  return {
    inputs: opts.inputs ?? {},
    ref: opts.ref ?? `refs/heads/${repository.default_branch}`,
    workflow: '.github/workflows/pins.yml',
    repository,
    sender: SENDER,
  }
}
