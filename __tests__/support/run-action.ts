// Runs the built bundle the way the Actions runner does — a separate `node dist/index.js` with
// only the runner's environment — and reads back what the runner would: the exit code, workflow
// commands on stdout, the step summary file and the output file. Nothing of the test process
// leaks in (notably Jest's NODE_OPTIONS), so a bundle that only works inside Jest fails here.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js')
export const ZERO_SHA = '0'.repeat(40)
const DEFAULT_TIMEOUT_MS = 60_000

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
  /** Default `dist/index.js` in the repository. */
  entry?: string
}

export interface AnnotationProperties {
  title?: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  /** Properties the runner does not know are kept, so a misspelt one shows up in assertions. */
  [other: string]: string | number | undefined
}

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  properties: AnnotationProperties
  message: string
}

export interface RunActionResult {
  /** `null` when the process was ended by a signal. */
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  annotations: Annotation[]
  /** The environment the bundle ran with, for debugging a failing assertion. */
  env: Record<string, string>
}

/** Runs the bundle once in a fresh temp area. Rejects only when there is no bundle or it hangs. */
export async function runAction(opts: RunActionOptions): Promise<RunActionResult> {
  const entry = opts.entry ?? DIST_ENTRY
  // Otherwise node's "Cannot find module" reads like a failure of the Action itself.
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run bundle\` first`)
  const temp = await mkdtemp(join(tmpdir(), 'luigisbox-run-'))
  try {
    const files = await prepareRunnerFiles(temp, opts.event)
    const env = buildEnv(opts, files)
    const child = await spawnBundle(entry, env, opts.workspace, opts.timeoutMs)
    const summary = await readFile(files.summary, 'utf8')
    const outputs = parseOutputFile(await readFile(files.output, 'utf8'))
    return { ...child, summary, outputs, annotations: parseAnnotations(child.stdout), env }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/** Where the runner's per-step files live for one run. */
export interface RunnerFiles {
  event: string
  summary: string
  output: string
  env: string
  path: string
  state: string
  runnerTemp: string
}

async function prepareRunnerFiles(temp: string, event: object): Promise<RunnerFiles> {
  const files: RunnerFiles = {
    event: join(temp, 'event.json'),
    summary: join(temp, 'step_summary'),
    output: join(temp, 'output'),
    env: join(temp, 'env'),
    path: join(temp, 'path'),
    state: join(temp, 'state'),
    runnerTemp: join(temp, 'runner-temp'),
  }
  await writeFile(files.event, JSON.stringify(event, null, 2))
  await Promise.all(
    [files.summary, files.output, files.env, files.path, files.state].map((f) => writeFile(f, '')),
  )
  await mkdir(files.runnerTemp)
  return files
}

/** The variables the runner sets for a JavaScript action step, and nothing else but PATH. */
export function buildEnv(opts: RunActionOptions, files: RunnerFiles): Record<string, string> {
  const repository = opts.repository ?? repositoryOf(opts.event)
  const { sha, ref } = defaultShaAndRef(opts.eventName, opts.event)
  const env: Record<string, string | undefined> = {
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
  }
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}

/** `tracker-id` → `INPUT_TRACKER-ID`: @actions/core upper-cases and turns spaces into `_` only. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, v]) => [inputEnvName(name), v]))
}

/**
 * The runner sets every input action.yml declares with a default, even when the workflow omits
 * it, so the bundle must be run with those too or the e2e tests check a different program.
 */
function resolveInputs(opts: RunActionOptions): Record<string, string> {
  const given = Object.fromEntries(
    Object.entries(opts.inputs ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  )
  if (opts.actionDefaults === false) return given
  const defaults = readActionDefaults(opts.githubToken ?? 'ghs_harness_token')
  return { ...defaults, ...given }
}

function readActionDefaults(githubToken: string): Record<string, string> {
  const file = join(REPO_ROOT, 'action.yml')
  if (!existsSync(file)) return {}
  // Sync so that buildEnv stays synchronous; action.yml is tiny.
  return actionDefaultsFrom(readFileSync(file, 'utf8'), githubToken)
}

/** Exported for tests: evaluates only `${{ github.token }}`, the one expression we expect. */
export function actionDefaultsFrom(actionYml: string, githubToken: string): Record<string, string> {
  const action = (parseYaml(actionYml) ?? {}) as { inputs?: Record<string, { default?: unknown }> }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input?.default === undefined || input.default === null) continue
    const value = String(input.default).replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken)
    if (value.includes('${{')) {
      throw new Error(`action.yml input ${name}: the harness cannot evaluate default ${value}`)
    }
    defaults[name] = value
  }
  return defaults
}

function repositoryOf(event: object): string {
  const fullName = (event as { repository?: { full_name?: unknown } }).repository?.full_name
  if (typeof fullName !== 'string') {
    throw new Error('runAction: pass `repository`, or an event with repository.full_name')
  }
  return fullName
}

/** GITHUB_SHA and GITHUB_REF as the runner sets them for each event (see the reference doc). */
export function defaultShaAndRef(eventName: string, event: object): { sha: string; ref: string } {
  const e = event as EventLike
  const fallbackRef = `refs/heads/${e.repository?.default_branch ?? 'main'}`
  switch (eventName) {
    case 'push':
      return { sha: e.after ?? fakeSha('push'), ref: e.ref ?? fallbackRef }
    case 'pull_request':
      return {
        sha: e.pull_request?.merge_commit_sha ?? fakeSha(`merge:${e.number}`),
        ref: `refs/pull/${e.number ?? e.pull_request?.number}/merge`,
      }
    case 'merge_group':
      return {
        sha: e.merge_group?.head_sha ?? fakeSha('merge_group'),
        ref: e.merge_group?.head_ref ?? fallbackRef,
      }
    default:
      return { sha: fakeSha(eventName), ref: e.ref ?? fallbackRef }
  }
}

interface EventLike {
  after?: string
  ref?: string
  number?: number
  repository?: { default_branch?: string }
  pull_request?: { number?: number; merge_commit_sha?: string }
  merge_group?: { head_sha?: string; head_ref?: string }
}

interface ChildResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

function spawnBundle(
  entry: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      const result = {
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }
      if (timedOut) reject(new Error(timeoutMessage(timeoutMs, result)))
      else resolvePromise(result)
    })
  })
}

function timeoutMessage(timeoutMs: number, result: ChildResult): string {
  const tail = (text: string) => text.slice(-2000)
  return `node dist/index.js still running after ${timeoutMs} ms; killed.\n--- stdout (tail)\n${tail(
    result.stdout,
  )}\n--- stderr (tail)\n${tail(result.stderr)}`
}

/**
 * Parses the GITHUB_OUTPUT file as the runner does: `name<<DELIMITER` heredocs, which
 * @actions/core writes, and plain `name=value` lines. Later values win.
 */
export function parseOutputFile(text: string): Record<string, string> {
  // A Map, because an output may be called __proto__ and still has to come back as data.
  const outputs = new Map<string, string>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const line = stripCr(lines[i]!)
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    const equals = line.indexOf('=')
    if (heredoc && (equals === -1 || equals > line.indexOf('<<'))) {
      const end = lines.findIndex((candidate, j) => j > i && stripCr(candidate) === heredoc[2])
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${heredoc[1]}`)
      outputs.set(heredoc[1]!, lines.slice(i + 1, end).join('\n'))
      i = end
    } else if (equals > 0) {
      outputs.set(line.slice(0, equals), line.slice(equals + 1))
    } else {
      throw new Error(`GITHUB_OUTPUT: unparsable line ${JSON.stringify(line)}`)
    }
  }
  return Object.fromEntries(outputs)
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

/**
 * Every `::error|warning|notice …::message` line on stdout, escapes undone. Honours
 * `::stop-commands::TOKEN` … `::TOKEN::`, during which the runner ignores commands.
 */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  let stopToken: string | undefined
  for (const rawLine of stdout.split('\n')) {
    const line = stripCr(rawLine)
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(line)
    if (stop) stopToken = stop[1]
    const annotation = parseAnnotationLine(line)
    if (annotation) annotations.push(annotation)
  }
  return annotations
}

/** One workflow-command line → an annotation, or undefined when it is anything else. */
export function parseAnnotationLine(line: string): Annotation | undefined {
  const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/i.exec(line)
  if (!match) return undefined
  return {
    level: match[1]!.toLowerCase() as AnnotationLevel,
    properties: parseProperties(match[2] ?? ''),
    message: unescapeData(match[3]!),
  }
}

const NUMERIC_PROPERTIES = new Set(['line', 'endLine', 'col', 'endColumn'])

function parseProperties(text: string): AnnotationProperties {
  const pairs = text.split(',').filter((pair) => pair.trim() !== '')
  return Object.fromEntries(pairs.map(parseProperty))
}

function parseProperty(pair: string): [string, string | number] {
  const equals = pair.indexOf('=')
  if (equals <= 0) throw new Error(`annotation property without a value: ${pair}`)
  const key = pair.slice(0, equals)
  const value = unescapeProperty(pair.slice(equals + 1))
  return [key, NUMERIC_PROPERTIES.has(key) ? toInteger(key, value) : value]
}

function toInteger(key: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`annotation property ${key}=${value} is not a number`)
  return Number(value)
}

const DATA_ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n' }
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

/** One pass, so an escaped `%` followed by `0A` (`%250A`) stays the literal text `%0A`. */
export function unescapeData(text: string): string {
  return text.replace(/%(?:25|0D|0A)/g, (escape) => DATA_ESCAPES[escape]!)
}

export function unescapeProperty(text: string): string {
  return text.replace(/%(?:25|0D|0A|3A|2C)/g, (escape) => PROPERTY_ESCAPES[escape]!)
}

// ---------------------------------------------------------------------------------------------
// Workspaces

export type WorkspaceEntry = string | Buffer | { symlink: string }

const workspaces = new Set<string>()

/**
 * A fresh directory holding `files` (paths relative to it, parents created). `{ symlink }`
 * makes a symbolic link to that target, for tests that the Action never follows one outward.
 */
export async function makeWorkspace(files: Record<string, WorkspaceEntry> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'luigisbox-ws-'))
  workspaces.add(root)
  for (const [relative, content] of Object.entries(files)) {
    const target = insideWorkspace(root, relative)
    await mkdir(dirname(target), { recursive: true })
    if (typeof content === 'object' && !Buffer.isBuffer(content)) {
      await symlink(content.symlink, target)
    } else {
      await writeFile(target, content)
    }
  }
  return root
}

function insideWorkspace(root: string, relative: string): string {
  const target = normalize(join(root, relative))
  if (isAbsolute(relative) || !target.startsWith(root + sep)) {
    throw new Error(`makeWorkspace: ${relative} is not a path inside the workspace`)
  }
  return target
}

export async function removeWorkspace(root: string): Promise<void> {
  workspaces.delete(root)
  await rm(root, { recursive: true, force: true })
}

/** Removes every workspace made so far; use in afterAll/afterEach. */
export async function cleanupWorkspaces(): Promise<void> {
  await Promise.all([...workspaces].map(removeWorkspace))
}

// ---------------------------------------------------------------------------------------------
// Event payloads, shaped like GitHub's webhook payloads (only the fields anyone reads, plus
// enough context that a payload dump looks like the real thing).

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

const SENDER = { login: 'octocat', id: 1, type: 'User' }

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
    user: typeof SENDER
    draft: boolean
    merged: boolean
    merge_commit_sha: string
    head: { label: string; ref: string; sha: string; repo: RepositoryPayload }
    base: { label: string; ref: string; sha: string; repo: RepositoryPayload }
    changed_files: number
    commits: number
  }
  repository: RepositoryPayload
  sender: typeof SENDER
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

export interface PushCommit {
  id: string
  tree_id: string
  distinct: boolean
  message: string
  timestamp: string
  url: string
  author: { name: string; email: string; username: string }
  committer: { name: string; email: string; username: string }
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
  sender: typeof SENDER
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
  sender: typeof SENDER
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
  sender: typeof SENDER
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

/** A stable 40-hex sha from any text, so tests can make up commits that look real. */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}
