export interface RunActionOptions {
  /** `with:` values by input name; `undefined` means not given, so action.yml's default applies. */
  inputs?: Record<string, string | undefined>
  eventName: string
  /** The webhook payload; written to the file GITHUB_EVENT_PATH names. */
  event: object
  /** GITHUB_API_URL, normally a stand-in's `url`. */
  apiUrl: string
  /** GITHUB_WORKSPACE and the working directory. */
  workspace: string
  /** GITHUB_REPOSITORY; default `event.repository.full_name`. */
  repository?: string
  /** GITHUB_SHA; default what the runner sets for the event (see `defaultShaAndRef`). */
  sha?: string
  /** GITHUB_REF; default what the runner sets for the event. */
  ref?: string
  /** What `${{ github.token }}` in an action.yml default becomes. */
  githubToken?: string
  /** Fill inputs from action.yml defaults as the runner does (default true, if action.yml exists). */
  actionDefaults?: boolean
  /** Added last; `undefined` removes a variable. */
  extraEnv?: Record<string, string | undefined>
  timeoutMs?: number
  /** Record the process's peak resident memory (`peakRssKb` in the result). */
  measureMemory?: boolean
  /** Default `dist/index.js` in the repository. */
  entry?: string
}
