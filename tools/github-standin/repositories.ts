export interface Repo {
  owner: string
  name: string
  id: number
}

/** What the response builders need about the server and the repository. */
export interface RepoContext {
  /** Base URL of the API, the stand-in's own. */
  api: string
  /** Base URL of html and blob links. */
  server: string
  repo: Repo
}

export function fullName(repo: Repo): string {
  return `${repo.owner}/${repo.name}`
}

/** How pull requests (and their comment threads) are keyed: `owner/repo#7`, lower-cased. */
export function issueKey(repo: Repo, number: number): string {
  return `${fullName(repo).toLowerCase()}#${number}`
}
