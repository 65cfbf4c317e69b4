// Runs the built bundle the way the Actions runner does — a separate `node dist/index.js` with
// only the runner's environment — and reads back what the runner would: the exit code, workflow
// commands on stdout, the step summary file and the output file. Nothing of the calling process
// leaks in (notably Jest's NODE_OPTIONS), so a bundle that only works inside Jest fails here.
// Plain JavaScript so that the e2e tests (through __tests__/support/run-action.ts), the demo and
// the benchmark share one harness, and `node tools/….js` needs no build step.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js')
export const ZERO_SHA = '0'.repeat(40)
const DEFAULT_TIMEOUT_MS = 60_000

/**
 * @typedef {object} RunActionOptions
 * @property {Record<string, string | undefined>} [inputs] `with:` values by input name;
 *   `undefined` means not given, so action.yml's default applies.
 * @property {string} eventName
 * @property {object} event The webhook payload; written to the file GITHUB_EVENT_PATH names.
 * @property {string} apiUrl GITHUB_API_URL, normally a stand-in's `url`.
 * @property {string} workspace GITHUB_WORKSPACE and the working directory.
 * @property {string} [repository] GITHUB_REPOSITORY; default `event.repository.full_name`.
 * @property {string} [sha] GITHUB_SHA; default what the runner sets for the event (see
 *   `defaultShaAndRef`).
 * @property {string} [ref] GITHUB_REF; default what the runner sets for the event.
 * @property {string} [githubToken] What `${{ github.token }}` in an action.yml default becomes.
 * @property {boolean} [actionDefaults] Fill inputs from action.yml defaults as the runner does
 *   (default true, if action.yml exists).
 * @property {Record<string, string | undefined>} [extraEnv] Added last; `undefined` removes a
 *   variable.
 * @property {number} [timeoutMs]
 * @property {string} [entry] Default `dist/index.js` in the repository.
 */

/**
 * Properties the runner does not know are kept, so a misspelt one shows up in assertions.
 * @typedef {{
 *   title?: string,
 *   file?: string,
 *   line?: number,
 *   endLine?: number,
 *   col?: number,
 *   endColumn?: number,
 *   [other: string]: string | number | undefined,
 * }} AnnotationProperties
 */

/** @typedef {'error' | 'warning' | 'notice'} AnnotationLevel */

/**
 * @typedef {object} Annotation
 * @property {AnnotationLevel} level
 * @property {AnnotationProperties} properties
 * @property {string} message
 */

/**
 * @typedef {object} RunActionResult
 * @property {number | null} exitCode `null` when the process was ended by a signal.
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {string} summary
 * @property {Record<string, string>} outputs
 * @property {Annotation[]} annotations
 * @property {Record<string, string>} env The environment the bundle ran with, for debugging a
 *   failing assertion.
 */

/**
 * Runs the bundle once in a fresh temp area. Rejects only when there is no bundle or it hangs.
 * @param {RunActionOptions} opts
 * @returns {Promise<RunActionResult>}
 */
export async function runAction(opts) {
  const entry = opts.entry ?? DIST_ENTRY
  // Otherwise node's "Cannot find module" reads like a failure of the Action itself.
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run bundle\` first`)
  const temp = await mkdtemp(join(tmpdir(), 'luigisbox-run-'))
  try {
    const files = await prepareRunnerFiles(temp, opts.event)
    const env = buildEnv(opts, files)
    const child = await spawnBundle(entry, env, opts.workspace, opts.timeoutMs)
    const summary = await readFile(files.summary, 'utf8')
    const outputFile = await readFile(files.output, 'utf8')
    assertNoLeak(opts.inputs?.['private-key'], {
      stdout: child.stdout,
      stderr: child.stderr,
      summary,
      outputFile,
    })
    const outputs = parseOutputFile(outputFile)
    return { ...child, summary, outputs, annotations: parseAnnotations(child.stdout), env }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/** Keys shorter than this are ordinary words ("secret") and would be found in any prose. */
const SCANNED_KEY_LENGTH = 12

/**
 * Every run with a private key is scanned: the key must appear in nothing a user could read,
 * except the `::add-mask::` command that hides it in GitHub's log. So every end-to-end test,
 * whatever it asserts, also checks that the key did not leak.
 * @param {string | undefined} key
 * @param {{ stdout: string, stderr: string, summary: string, outputFile: string }} printed
 */
function assertNoLeak(key, printed) {
  if (!key || key.trim().length < SCANNED_KEY_LENGTH) return
  const secret = key.trim()
  const stdout = printed.stdout.split(`::add-mask::${key}\n`).join('')
  for (const [where, text] of Object.entries({ ...printed, stdout })) {
    if (text.includes(secret))
      throw new Error(`The private key leaked into ${where}:\n${text.slice(0, 2000)}`)
  }
}

/**
 * Where the runner's per-step files live for one run.
 * @typedef {object} RunnerFiles
 * @property {string} event
 * @property {string} summary
 * @property {string} output
 * @property {string} env
 * @property {string} path
 * @property {string} state
 * @property {string} runnerTemp
 */

/**
 * @param {string} temp
 * @param {object} event
 * @returns {Promise<RunnerFiles>}
 */
async function prepareRunnerFiles(temp, event) {
  /** @type {RunnerFiles} */
  const files = {
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

/**
 * The variables the runner sets for a JavaScript action step, and nothing else but PATH.
 * @param {RunActionOptions} opts
 * @param {RunnerFiles} files
 * @returns {Record<string, string>}
 */
export function buildEnv(opts, files) {
  const repository = opts.repository ?? repositoryOf(opts.event)
  const { sha, ref } = defaultShaAndRef(opts.eventName, opts.event)
  /** @type {Record<string, string | undefined>} */
  const env = {
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
  return definedOnly(env)
}

/**
 * `tracker-id` → `INPUT_TRACKER-ID`: @actions/core upper-cases and turns spaces into `_` only.
 * @param {string} name
 * @returns {string}
 */
export function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * @param {Record<string, string>} inputs
 * @returns {Record<string, string>}
 */
function inputEnv(inputs) {
  return Object.fromEntries(Object.entries(inputs).map(([name, v]) => [inputEnvName(name), v]))
}

/**
 * The entries whose value is not `undefined` (Object.fromEntries, so `__proto__` stays data).
 * @param {Record<string, string | undefined>} record
 * @returns {Record<string, string>}
 */
function definedOnly(record) {
  return Object.fromEntries(Object.entries(record).filter(isDefinedEntry))
}

/**
 * @param {[string, string | undefined]} entry
 * @returns {entry is [string, string]}
 */
function isDefinedEntry(entry) {
  return entry[1] !== undefined
}

/**
 * The runner sets every input action.yml declares with a default, even when the workflow omits
 * it, so the bundle must be run with those too or the e2e tests check a different program.
 * @param {RunActionOptions} opts
 * @returns {Record<string, string>}
 */
function resolveInputs(opts) {
  const given = definedOnly(opts.inputs ?? {})
  if (opts.actionDefaults === false) return given
  const defaults = readActionDefaults(opts.githubToken ?? 'ghs_harness_token')
  return { ...defaults, ...given }
}

/**
 * @param {string} githubToken
 * @returns {Record<string, string>}
 */
function readActionDefaults(githubToken) {
  const file = join(REPO_ROOT, 'action.yml')
  if (!existsSync(file)) return {}
  // Sync so that buildEnv stays synchronous; action.yml is tiny.
  return actionDefaultsFrom(readFileSync(file, 'utf8'), githubToken)
}

/**
 * Exported for tests: evaluates only `${{ github.token }}`, the one expression we expect.
 * @param {string} actionYml
 * @param {string} githubToken
 * @returns {Record<string, string>}
 */
export function actionDefaultsFrom(actionYml, githubToken) {
  const action = /** @type {{ inputs?: Record<string, { default?: unknown } | null> }} */ (
    parseYaml(actionYml) ?? {}
  )
  /** @type {Record<string, string>} */
  const defaults = {}
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

/**
 * @param {object} event
 * @returns {string}
 */
function repositoryOf(event) {
  const fullName = /** @type {{ repository?: { full_name?: unknown } }} */ (event).repository
    ?.full_name
  if (typeof fullName !== 'string') {
    throw new Error('runAction: pass `repository`, or an event with repository.full_name')
  }
  return fullName
}

/**
 * GITHUB_SHA and GITHUB_REF as the runner sets them for each event (see the reference doc).
 * @param {string} eventName
 * @param {object} event
 * @returns {{ sha: string, ref: string }}
 */
export function defaultShaAndRef(eventName, event) {
  const e =
    /** @type {{
     *   after?: string,
     *   ref?: string,
     *   number?: number,
     *   repository?: { default_branch?: string },
     *   pull_request?: { number?: number, merge_commit_sha?: string },
     *   merge_group?: { head_sha?: string, head_ref?: string },
     * }} */ (event)
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

/**
 * @param {string} entry
 * @param {Record<string, string>} env
 * @param {string} cwd
 * @param {number} [timeoutMs]
 * @returns {Promise<Pick<RunActionResult, 'exitCode' | 'signal' | 'stdout' | 'stderr'>>}
 */
function spawnBundle(entry, env, cwd, timeoutMs = DEFAULT_TIMEOUT_MS) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    /** @type {Buffer[]} */
    const stdout = []
    /** @type {Buffer[]} */
    const stderr = []
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => stdout.push(chunk))
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => stderr.push(chunk))
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

/**
 * @param {number} timeoutMs
 * @param {{ stdout: string, stderr: string }} result
 * @returns {string}
 */
function timeoutMessage(timeoutMs, result) {
  const tail = (/** @type {string} */ text) => text.slice(-2000)
  return `node dist/index.js still running after ${timeoutMs} ms; killed.\n--- stdout (tail)\n${tail(
    result.stdout,
  )}\n--- stderr (tail)\n${tail(result.stderr)}`
}

/**
 * Parses the GITHUB_OUTPUT file as the runner does: `name<<DELIMITER` heredocs, which
 * @actions/core writes, and plain `name=value` lines. Later values win.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOutputFile(text) {
  // A Map, because an output may be called __proto__ and still has to come back as data.
  /** @type {Map<string, string>} */
  const outputs = new Map()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const line = stripCr(/** @type {string} */ (lines[i]))
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    const equals = line.indexOf('=')
    if (heredoc && (equals === -1 || equals > line.indexOf('<<'))) {
      const name = /** @type {string} */ (heredoc[1])
      const end = lines.findIndex((candidate, j) => j > i && stripCr(candidate) === heredoc[2])
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`)
      outputs.set(name, lines.slice(i + 1, end).join('\n'))
      i = end
    } else if (equals > 0) {
      outputs.set(line.slice(0, equals), line.slice(equals + 1))
    } else {
      throw new Error(`GITHUB_OUTPUT: unparsable line ${JSON.stringify(line)}`)
    }
  }
  return Object.fromEntries(outputs)
}

/**
 * @param {string} line
 * @returns {string}
 */
function stripCr(line) {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}

/**
 * Every `::error|warning|notice …::message` line on stdout, escapes undone. Honours
 * `::stop-commands::TOKEN` … `::TOKEN::`, during which the runner ignores commands.
 * @param {string} stdout
 * @returns {Annotation[]}
 */
export function parseAnnotations(stdout) {
  /** @type {Annotation[]} */
  const annotations = []
  /** @type {string | undefined} */
  let stopToken
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

/**
 * One workflow-command line → an annotation, or undefined when it is anything else.
 * @param {string} line
 * @returns {Annotation | undefined}
 */
export function parseAnnotationLine(line) {
  const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/i.exec(line)
  if (!match) return undefined
  return {
    level: /** @type {AnnotationLevel} */ (/** @type {string} */ (match[1]).toLowerCase()),
    properties: parseProperties(match[2] ?? ''),
    message: unescapeData(/** @type {string} */ (match[3])),
  }
}

const NUMERIC_PROPERTIES = new Set(['line', 'endLine', 'col', 'endColumn'])

/**
 * @param {string} text
 * @returns {AnnotationProperties}
 */
function parseProperties(text) {
  const pairs = text.split(',').filter((pair) => pair.trim() !== '')
  return Object.fromEntries(pairs.map(parseProperty))
}

/**
 * @param {string} pair
 * @returns {[string, string | number]}
 */
function parseProperty(pair) {
  const equals = pair.indexOf('=')
  if (equals <= 0) throw new Error(`annotation property without a value: ${pair}`)
  const key = pair.slice(0, equals)
  const value = unescapeProperty(pair.slice(equals + 1))
  return [key, NUMERIC_PROPERTIES.has(key) ? toInteger(key, value) : value]
}

/**
 * @param {string} key
 * @param {string} value
 * @returns {number}
 */
function toInteger(key, value) {
  if (!/^\d+$/.test(value)) throw new Error(`annotation property ${key}=${value} is not a number`)
  return Number(value)
}

/** @type {Record<string, string>} */
const DATA_ESCAPES = { '%25': '%', '%0D': '\r', '%0A': '\n' }
/** @type {Record<string, string>} */
const PROPERTY_ESCAPES = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

/**
 * One pass, so an escaped `%` followed by `0A` (`%250A`) stays the literal text `%0A`.
 * @param {string} text
 * @returns {string}
 */
export function unescapeData(text) {
  return text.replace(/%(?:25|0D|0A)/g, (escape) => /** @type {string} */ (DATA_ESCAPES[escape]))
}

/**
 * @param {string} text
 * @returns {string}
 */
export function unescapeProperty(text) {
  return text.replace(
    /%(?:25|0D|0A|3A|2C)/g,
    (escape) => /** @type {string} */ (PROPERTY_ESCAPES[escape]),
  )
}

// ---------------------------------------------------------------------------------------------
// Workspaces

/** @typedef {string | Buffer | { symlink: string }} WorkspaceEntry */

/** @type {Set<string>} */
const workspaces = new Set()

/**
 * A fresh directory holding `files` (paths relative to it, parents created). `{ symlink }`
 * makes a symbolic link to that target, for tests that the Action never follows one outward.
 * @param {Record<string, WorkspaceEntry>} [files]
 * @returns {Promise<string>}
 */
export async function makeWorkspace(files = {}) {
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

/**
 * @param {string} root
 * @param {string} relative
 * @returns {string}
 */
function insideWorkspace(root, relative) {
  const target = normalize(join(root, relative))
  if (isAbsolute(relative) || !target.startsWith(root + sep)) {
    throw new Error(`makeWorkspace: ${relative} is not a path inside the workspace`)
  }
  return target
}

/**
 * @param {string} root
 * @returns {Promise<void>}
 */
export async function removeWorkspace(root) {
  workspaces.delete(root)
  await rm(root, { recursive: true, force: true })
}

/**
 * Removes every workspace made so far; use in afterAll/afterEach.
 * @returns {Promise<void>}
 */
export async function cleanupWorkspaces() {
  await Promise.all([...workspaces].map(removeWorkspace))
}

// ---------------------------------------------------------------------------------------------
// Event payloads, shaped like GitHub's webhook payloads (only the fields anyone reads, plus
// enough context that a payload dump looks like the real thing).

/**
 * @typedef {object} RepoOptions
 * @property {string} [owner]
 * @property {string} [repo]
 * @property {string} [defaultBranch]
 */

/**
 * @typedef {object} RepositoryPayload
 * @property {number} id
 * @property {string} node_id
 * @property {string} name
 * @property {string} full_name
 * @property {boolean} private
 * @property {{ login: string, id: number, type: string, html_url: string }} owner
 * @property {string} html_url
 * @property {string} url
 * @property {boolean} fork
 * @property {string} default_branch
 */

/**
 * @param {RepoOptions & { fork?: boolean }} [opts]
 * @returns {RepositoryPayload}
 */
export function repositoryPayload(opts = {}) {
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

/**
 * @typedef {object} PullRequestEventOptions
 * @property {string} [owner]
 * @property {string} [repo]
 * @property {string} [defaultBranch]
 * @property {number} number
 * @property {string} headSha
 * @property {string} baseSha
 * @property {number} changedFiles
 * @property {boolean} [fork] The head branch lives in a fork (no secrets, read-only token).
 * @property {string} [action]
 * @property {string} [headRef]
 * @property {string} [baseRef]
 * @property {string} [mergeCommitSha]
 */

/**
 * @typedef {object} PullRequestEventPayload
 * @property {string} action
 * @property {number} number
 * @property {{
 *   url: string,
 *   id: number,
 *   number: number,
 *   state: 'open' | 'closed',
 *   title: string,
 *   html_url: string,
 *   user: typeof SENDER,
 *   draft: boolean,
 *   merged: boolean,
 *   merge_commit_sha: string,
 *   head: { label: string, ref: string, sha: string, repo: RepositoryPayload },
 *   base: { label: string, ref: string, sha: string, repo: RepositoryPayload },
 *   changed_files: number,
 *   commits: number,
 * }} pull_request
 * @property {RepositoryPayload} repository
 * @property {typeof SENDER} sender
 */

/**
 * @param {PullRequestEventOptions} opts
 * @returns {PullRequestEventPayload}
 */
export function pullRequestEvent(opts) {
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

/**
 * @typedef {object} PushEventOptions
 * @property {string} [owner]
 * @property {string} [repo]
 * @property {string} [defaultBranch]
 * @property {string} before
 * @property {string} after
 * @property {boolean} [created] Default: `before` is all zeros.
 * @property {boolean} [deleted] Default: `after` is all zeros.
 * @property {boolean} [forced]
 * @property {string} [ref] Default `refs/heads/<default branch>`.
 */

/**
 * @typedef {object} PushCommit
 * @property {string} id
 * @property {string} tree_id
 * @property {boolean} distinct
 * @property {string} message
 * @property {string} timestamp
 * @property {string} url
 * @property {{ name: string, email: string, username: string }} author
 * @property {{ name: string, email: string, username: string }} committer
 * @property {string[]} added
 * @property {string[]} removed
 * @property {string[]} modified
 */

/**
 * @typedef {object} PushEventPayload
 * @property {string} ref
 * @property {string} before
 * @property {string} after
 * @property {boolean} created
 * @property {boolean} deleted
 * @property {boolean} forced
 * @property {string | null} base_ref
 * @property {string} compare
 * @property {PushCommit[]} commits
 * @property {PushCommit | null} head_commit
 * @property {RepositoryPayload} repository
 * @property {{ name: string, email: string }} pusher
 * @property {typeof SENDER} sender
 */

/**
 * @param {PushEventOptions} opts
 * @returns {PushEventPayload}
 */
export function pushEvent(opts) {
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

/**
 * @param {RepositoryPayload} repository
 * @param {string} sha
 * @returns {PushCommit}
 */
function pushCommit(repository, sha) {
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

/**
 * @typedef {object} MergeGroupEventOptions
 * @property {string} [owner]
 * @property {string} [repo]
 * @property {string} [defaultBranch]
 * @property {string} baseSha
 * @property {string} headSha
 * @property {number} [pullNumber] The pull request the queue entry is for; part of the queue
 *   branch name.
 */

/**
 * @typedef {object} MergeGroupEventPayload
 * @property {'checks_requested'} action
 * @property {{
 *   head_sha: string,
 *   head_ref: string,
 *   base_sha: string,
 *   base_ref: string,
 *   head_commit: { id: string, tree_id: string, message: string, timestamp: string },
 * }} merge_group
 * @property {RepositoryPayload} repository
 * @property {typeof SENDER} sender
 */

/**
 * @param {MergeGroupEventOptions} opts
 * @returns {MergeGroupEventPayload}
 */
export function mergeGroupEvent(opts) {
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

/**
 * @typedef {object} WorkflowDispatchEventPayload
 * @property {Record<string, string>} inputs
 * @property {string} ref
 * @property {string} workflow
 * @property {RepositoryPayload} repository
 * @property {typeof SENDER} sender
 */

/**
 * @param {RepoOptions & { ref?: string, inputs?: Record<string, string> }} [opts]
 * @returns {WorkflowDispatchEventPayload}
 */
export function workflowDispatchEvent(opts = {}) {
  const repository = repositoryPayload(opts)
  return {
    inputs: opts.inputs ?? {},
    ref: opts.ref ?? `refs/heads/${repository.default_branch}`,
    workflow: '.github/workflows/pins.yml',
    repository,
    sender: SENDER,
  }
}

/**
 * A stable 40-hex sha from any text, so tests can make up commits that look real.
 * @param {string} seed
 * @returns {string}
 */
export function fakeSha(seed) {
  return createHash('sha1').update(seed).digest('hex')
}
