import type { Deadline } from '../deadline.js'
import { InputError } from '../input-error.js'
import type { ChangedFile, ChangedFilesApi } from './changed-files.js'

/** A pull request's comments, as much of them as the sticky comment needs. */
export interface CommentsApi {
  listComments(
    issueNumber: number,
  ): Promise<{ id: number; body: string; author: { login: string; type: string } }[]>
  createComment(issueNumber: number, body: string): Promise<void>
  updateComment(commentId: number, body: string): Promise<void>
}

/** GitHub answers in well under a second; a call that hangs is abandoned and retried. */
export const GITHUB_REQUEST_TIMEOUT_MS = 30_000

/**
 * The GitHub REST calls the Action makes, through Octokit (which honours GITHUB_API_URL). Each
 * attempt ends after GITHUB_REQUEST_TIMEOUT_MS, and none runs past the run's deadline.
 */
export function gitHubApi(
  token: string,
  owner: string,
  repo: string,
  deadline?: Deadline,
): ChangedFilesApi & CommentsApi {
  const createClient = async () => {
    if (token === '') {
      throw new InputError(
        'github-token',
        'Input "github-token" is empty: leave it unset (it defaults to the job token) or pass a token that can read the repository.',
      )
    }
    // Imported only when a call is made: importing @actions/github parses the event file at
    // once, and a garbled one would end the process with a stack trace before any message; and a
    // run that makes no GitHub call loads none of Octokit (the bundle keeps it in a chunk).
    const [{ getOctokit }, { defaults }, { retry }] = await Promise.all([
      import('@actions/github'),
      import('@actions/github/lib/utils'),
      import('@octokit/plugin-retry'),
    ])
    // GitHub answers a few 5xx and secondary rate limits on busy days; one must not fail the run.
    // A 429 is a rate limit this plugin does not wait out (it ignores Retry-After): fail fast.
    // A timed-out attempt surfaces as a 500, which the plugin retries too.
    return getOctokit(
      token,
      {
        retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        // @actions/github's own fetch: the HTTP client it loads anyway, and the runner's proxy
        // settings (https_proxy, no_proxy) honoured, where the global fetch would ignore them.
        request: { ...defaults.request, fetch: timedFetch(defaults.request?.fetch, deadline) },
      },
      // Before plugin-retry, so its hook runs on every retry, not only on the first attempt.
      stopAtDeadline(deadline),
      retry,
    )
  }
  // One Octokit for every call of the run: a pull request lists files, then reads and writes
  // its comment.
  let octokit: ReturnType<typeof createClient> | undefined
  const client = () => (octokit ??= createClient())
  return {
    async listPullRequestFiles(pullNumber) {
      const octokit = await client()
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100,
      })
      return files.map(toChangedFile)
    },
    async compareCommits(base, head) {
      const octokit = await client()
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`,
      })
      return (data.files ?? []).map(toChangedFile)
    },
    async listComments(issueNumber) {
      const octokit = await client()
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      })
      return comments.map((comment) => ({
        id: comment.id,
        body: comment.body ?? '',
        author: { login: comment.user?.login ?? '', type: comment.user?.type ?? '' },
      }))
    },
    async createComment(issueNumber, body) {
      const octokit = await client()
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
    },
    async updateComment(commentId, body) {
      const octokit = await client()
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
    },
  }
}

/**
 * Past the deadline no call is sent, retries included. The error carries no status, so
 * plugin-retry does not try again (and no backoff pause outlives the deadline).
 */
function stopAtDeadline(deadline: Deadline | undefined) {
  return (octokit: {
    hook: { before: (name: 'request', hook: (options: object) => void) => void }
  }) => {
    octokit.hook.before('request', (options) => {
      if (deadline?.signal.aborted) {
        const error = new Error(
          `The run's deadline (deadline-minutes: ${deadline.minutes}) passed before a GitHub API call; it was not sent.`,
        )
        throw Object.assign(error, { request: options })
      }
    })
  }
}

function timedFetch(
  fetch: typeof globalThis.fetch = globalThis.fetch,
  deadline: Deadline | undefined,
): typeof globalThis.fetch {
  return (input, init) => {
    const signals = [AbortSignal.timeout(GITHUB_REQUEST_TIMEOUT_MS), init?.signal, deadline?.signal]
    const signal = AbortSignal.any(
      signals.filter((s): s is AbortSignal => s instanceof AbortSignal),
    )
    return fetch(input, { ...init, signal })
  }
}

function toChangedFile(file: {
  filename: string
  status: string
  previous_filename?: string
}): ChangedFile {
  return { filename: file.filename, status: file.status, previous_filename: file.previous_filename }
}
