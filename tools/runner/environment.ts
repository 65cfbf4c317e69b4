import { readActionDefaults } from './action-defaults.js'
import { defaultShaAndRef } from './event-sha-and-ref.js'
import type { RunActionOptions } from './run-options.js'
import type { RunnerFiles } from './runner-files.js'

/** The variables the runner sets for a JavaScript action step, and nothing else but PATH. */
export function buildEnv(opts: RunActionOptions, files: RunnerFiles): Record<string, string> {
  const repository = opts.repository ?? repositoryOf(opts.event)
  const { sha, ref } = defaultShaAndRef(opts.eventName, opts.event)
  return definedOnly({
    PATH: process.env['PATH'],
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run_action_harness',
    GITHUB_ACTOR: 'octocat',
    GITHUB_JOB: 'pins',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'pins',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_GRAPHQL_URL: `${opts.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_SHA: opts.sha ?? sha,
    GITHUB_REF: opts.ref ?? ref,
    RUNNER_TEMP: files.runnerTemp,
    RUNNER_OS: 'Linux',
    ...inputEnv(resolveInputs(opts)),
    ...opts.extraEnv,
  })
}

/** `tracker-id` → `INPUT_TRACKER-ID`: @actions/core upper-cases and turns spaces into `_` only. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, v]) => [inputEnvName(name), v]))
}

/** The entries whose value is not `undefined` (Object.fromEntries, so `__proto__` stays data). */
function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(isDefinedEntry))
}

function isDefinedEntry(entry: [string, string | undefined]): entry is [string, string] {
  return entry[1] !== undefined
}

/**
 * The runner sets every input action.yml declares with a default, even when the workflow omits
 * it, so the bundle must be run with those too or the e2e tests check a different program.
 */
function resolveInputs(opts: RunActionOptions): Record<string, string> {
  const given = definedOnly(opts.inputs ?? {})
  if (opts.actionDefaults === false) return given
  const defaults = readActionDefaults(opts.githubToken ?? 'ghs_harness_token')
  return { ...defaults, ...given }
}

function repositoryOf(event: object): string {
  const fullName = (event as { repository?: { full_name?: unknown } }).repository?.full_name
  if (typeof fullName !== 'string') {
    throw new Error('runAction: pass `repository`, or an event with repository.full_name')
  }
  return fullName
}
