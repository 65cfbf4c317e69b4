import type { CommentThread } from './fixtures.js'
import { type Repo, issueKey } from './repositories.js'
import { gitHubTime } from './timestamps.js'

/** One comment as the stand-in keeps it; `issue-comments.ts` turns it into GitHub's shape. */
export interface StoredComment {
  id: number
  repo: Repo
  issueNumber: number
  body: string
  login: string
  createdAt: string
  updatedAt: string
}

/** Comment ids look like today's on GitHub: past 2^31, so a client keeping them in an int32 shows. */
const FIRST_ID = 3_000_000_001
/** Every write gets its own minute, so `updated_at` moves forward and ties never hide an edit. */
const CLOCK_START = Date.UTC(2026, 0, 2, 9, 0, 0)

/** The comments on every known pull request, which writes change while the stand-in runs. */
export class CommentStore {
  /** By `issueKey`, oldest first. */
  private readonly threads = new Map<string, StoredComment[]>()
  private readonly byId = new Map<number, StoredComment>()
  private nextId = FIRST_ID
  private ticks = 0

  /** Throws on seeded ids GitHub could never send: repeated, or not positive integers. */
  constructor(seeds: Iterable<CommentThread>) {
    for (const seed of seeds) {
      this.threads.set(issueKey(seed.repo, seed.number), [])
      for (const spec of seed.comments) {
        this.add(seed.repo, seed.number, spec.body, spec.user ?? 'octocat', spec.id)
      }
    }
  }

  /** The comments of `owner/repo#7` (any case), oldest first; undefined for an unknown one. */
  thread(key: string): readonly StoredComment[] | undefined {
    return this.threads.get(key.toLowerCase())
  }

  get(id: number): StoredComment | undefined {
    return this.byId.get(id)
  }

  /** Appends to a thread the constructor created; `id` only for seeded comments. */
  add(repo: Repo, issueNumber: number, body: string, login: string, id?: number): StoredComment {
    const thread = this.threads.get(issueKey(repo, issueNumber))
    if (!thread) throw new Error(`no pull request ${issueKey(repo, issueNumber)}`)
    const commentId = id ?? this.nextId
    if (!Number.isSafeInteger(commentId) || commentId <= 0 || this.byId.has(commentId)) {
      throw new TypeError(
        `comments of ${issueKey(repo, issueNumber)}: bad or repeated id ${commentId}`,
      )
    }
    this.nextId = Math.max(this.nextId, commentId + 1)
    const now = this.tick()
    const comment = {
      id: commentId,
      repo,
      issueNumber,
      body,
      login,
      createdAt: now,
      updatedAt: now,
    }
    thread.push(comment)
    this.byId.set(commentId, comment)
    return comment
  }

  edit(comment: StoredComment, body: string): void {
    comment.body = body
    comment.updatedAt = this.tick()
  }

  private tick(): string {
    this.ticks += 1
    return gitHubTime(CLOCK_START + this.ticks * 60_000)
  }
}
