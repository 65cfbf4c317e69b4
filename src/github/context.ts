import { existsSync, readFileSync } from 'node:fs'
import { errorMessage } from '../error-message.js'
import type { EventPayload, Selection } from './event.js'

/** What the runner tells an Action about the run it is in. */
export interface RunContext {
  eventName: string
  payload: EventPayload
  owner: string
  repo: string
  sha: string
  serverUrl: string
  /** For a link to this run's job summary. */
  runId: string
}

/**
 * The run's context from the runner's environment: a plain function of `env`, where
 * `@actions/github`'s `context` is a singleton built when the module is first imported.
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventPath = env.GITHUB_EVENT_PATH
  const payload = eventPath && existsSync(eventPath) ? readPayload(eventPath) : {}
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (owner === '' || repo === '') {
    throw new Error(
      'GITHUB_REPOSITORY is not set to owner/repo: run this Action in a GitHub Actions workflow.',
    )
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    runId: env.GITHUB_RUN_ID ?? '',
  }
}

/** The webhook payload the runner wrote; a garbled one is named, never a bare SyntaxError. */
function readPayload(eventPath: string): EventPayload {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(eventPath, 'utf8'))
  } catch (error) {
    throw new Error(
      `The event file GITHUB_EVENT_PATH (${eventPath}) cannot be read as JSON: ${errorMessage(error)}. The runner writes it; run this Action in a GitHub Actions workflow.`,
    )
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `The event file GITHUB_EVENT_PATH (${eventPath}) does not hold a JSON object; the runner writes it: run this Action in a GitHub Actions workflow.`,
    )
  }
  return parsed as EventPayload
}

/** The commit a run checked, for links to its files: a pull request's head, not its merge commit. */
export function commitOf(
  context: RunContext,
  selection: Selection,
): { serverUrl: string; repository: string; sha: string } {
  const sha = selection.kind === 'pull-request' ? (selection.headSha ?? context.sha) : context.sha
  return { serverUrl: context.serverUrl, repository: `${context.owner}/${context.repo}`, sha }
}
