// What a test tells the stand-in to serve.

export type FileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

/** One changed file as the test describes it; everything else in the diff entry is derived. */
export interface FileSpec {
  filename: string
  /** Default `modified`. */
  status?: FileStatus
  /** Required for `renamed` and `copied`, as GitHub always sends it. */
  previous_filename?: string
  /** Default derived from the status. */
  additions?: number
  /** Default derived from the status. */
  deletions?: number
  /** `null` omits it, as GitHub does for binary or huge diffs. */
  patch?: string | null
  /** Blob sha; default derived from the filename. */
  sha?: string | null
}

/** A pull request: either just its files, or its files with the head sha used in blob/raw URLs. */
export type PullSpec = FileSpec[] | { headSha?: string; files: FileSpec[] }

/**
 * A comparison `base...head`. `total_commits` (= `ahead_by`) defaults to 1, or 0 when
 * `status` is `identical` or `behind`; `behind_by` defaults to 1 for `behind`/`diverged`.
 */
export interface CompareSpec {
  files: FileSpec[]
  /** Default `ahead`. */
  status?: 'ahead' | 'behind' | 'diverged' | 'identical'
  total_commits?: number
  behind_by?: number
}

/** Answer the first `times` matching requests (after the credentials check) with `status`. */
export interface FailureSpec {
  status: number
  /** Default 1; `Infinity` for always. */
  times?: number
  /** Default GitHub's message for the status. */
  message?: string
  /** E.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>
  /** Only requests whose path contains this. */
  pathIncludes?: string
  /** Never answer at all (`status` is only recorded): a call that hangs. */
  hang?: boolean
}

/** A comment already on a pull request when the stand-in starts, e.g. a human's or another bot's. */
export interface CommentSpec {
  /** Default: one more than the largest id so far, and at least 3,000,000,001, as GitHub's are now. */
  id?: number
  body: string
  /** Login of the author, default `octocat`; a login ending in `[bot]` is a bot. */
  user?: string
}

/**
 * What the token may do, as a workflow's `permissions:` grants it. A read-only token is what a
 * pull request from a fork gets, whatever the workflow asks for.
 */
export interface TokenPermissions {
  /** Default `write`. With `read`, writing comments answers 403. */
  pullRequests?: 'read' | 'write'
}

export interface StandInOptions {
  /** Keyed `'owner/repo#7'`. */
  pulls?: Record<string, PullSpec>
  /** Keyed `'owner/repo base...head'`. */
  compares?: Record<string, CompareSpec>
  /**
   * Keyed `'owner/repo#7'`, oldest first. Each key is a pull request comments can be listed
   * and written on, as is each key of `pulls`.
   */
  comments?: Record<string, CommentSpec[]>
  permissions?: TokenPermissions
  /** When set, only this token is accepted; otherwise any token is. */
  token?: string
  failWith?: FailureSpec
  /** Host of html/blob URLs, default `https://github.com`. */
  serverUrl?: string
}
