// `npm run demo`: the whole story in a few seconds, with nothing to set up. It runs the BUILT
// Action (dist/index.js) the way GitHub's runner does (tools/action-runner.js) on the bundled
// examples/, against a local GitHub API stand-in and a Luigi's Box sandbox that verifies every
// signature, in three acts:
//   1. Pull request: a new manifest with mistakes is annotated on its lines; the step fails.
//   2. Merge: the fixed manifests are signed and submitted; the summary lists the created ids.
//   3. Re-run: the same merge again changes nothing and writes nothing.
// Exit 0 when every act behaved as expected, 1 otherwise (saying what differed).
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  DIST_ENTRY,
  REPO_ROOT,
  cleanupWorkspaces,
  fakeSha,
  makeWorkspace,
  pullRequestEvent,
  pushEvent,
  runAction,
} from './action-runner.js'
import { startGitHubApi } from './github-api-standin.js'
import { startSandbox } from './luigisbox-sandbox.js'

/**
 * @typedef {import('./action-runner.js').Annotation} Annotation
 * @typedef {import('./action-runner.js').RunActionResult} RunActionResult
 * @typedef {import('./luigisbox-sandbox.js').Sandbox} Sandbox
 * @typedef {{ file: string, action: string, id: string | null }} Row
 */

const EXAMPLES = join(REPO_ROOT, 'examples')
const MISTAKES = join(EXAMPLES, 'mistakes', 'new-arrivals.yml')
const NEW_FILE = 'luigisbox/home/new-arrivals.yml'
const EDITED_FILE = 'luigisbox/basket/amplifiers.json'
const OWNER = 'acme'
const REPO = 'guitar-shop'
const PR_NUMBER = 42
const PR_HEAD = fakeSha('demo: pull request head')
const MAIN_BEFORE = fakeSha('demo: main before the merge')
const MAIN_AFTER = fakeSha('demo: main after the merge')
const TRACKER_ID = '4242-1337'
const PRIVATE_KEY = 'demo-private-key-not-a-secret'
const RUN_TIMEOUT_MS = 30_000

// ---------------------------------------------------------------------------------------------
// Terminal styling: colours only on a terminal, and never with NO_COLOR.

const COLOR =
  process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0'
    ? true
    : process.stdout.isTTY === true && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb'

/** @param {string} code */
const sgr = (code) => (/** @type {string} */ text) =>
  COLOR ? `\u001b[${code}m${text}\u001b[0m` : text
const bold = sgr('1')
const dim = sgr('2')
const red = sgr('31')
const green = sgr('32')
const yellow = sgr('33')
const cyan = sgr('36')

/** @param {string} [text] */
function say(text = '') {
  process.stdout.write(`${text}\n`)
}

/** @param {string} text */
function heading(text) {
  say()
  say(bold(cyan(`━━━ ${text} ${'━'.repeat(Math.max(3, 72 - text.length))}`)))
}

/** @param {string} text */
function section(text) {
  say()
  say(bold(text))
}

/**
 * @param {string} text
 * @param {string} [prefix]
 */
function indented(text, prefix = '  ') {
  for (const line of text.split('\n')) say(line === '' ? '' : `${prefix}${line}`)
}

// ---------------------------------------------------------------------------------------------
// Rendering what the runner would show

/**
 * `file:line:col level title message`, as an editor or `grep -n` would point at it.
 * @param {Annotation} annotation
 * @returns {string}
 */
export function formatAnnotation({ level, properties, message }) {
  const where = properties.file
    ? [properties.file, properties.line, properties.col].filter((p) => p !== undefined).join(':')
    : ''
  const colour = level === 'error' ? red : level === 'warning' ? yellow : cyan
  const head = [where && bold(where), colour(level), properties.title].filter(Boolean).join(' ')
  return `${head} ${message.replace(/\r?\n/g, '\n    ')}`
}

/** @type {Record<string, string>} */
const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * @param {string} text
 * @returns {string}
 */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body) => {
    const name = /** @type {string} */ (body)
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity
  })
}

/**
 * Columns a string takes in a terminal: emoji count two, variation selectors and joiners none.
 * @param {string} text
 * @returns {number}
 */
function displayWidth(text) {
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || /\p{M}/u.test(char)) continue
    width += /\p{Extended_Pictographic}/u.test(char) && code !== 0xa9 && code !== 0xae ? 2 : 1
  }
  return width
}

/**
 * @param {string} text
 * @param {number} width
 */
function padEnd(text, width) {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/**
 * Inline HTML → one line of text: tags dropped, whitespace collapsed. Entities stay encoded so
 * that decoded `<` is never mistaken for a tag; callers decode last.
 * @param {string} html
 */
function inline(html) {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A table as aligned columns when it fits the terminal, else one `a | b | c` line per row.
 * @param {string} html the inside of <table>
 * @param {number} maxWidth
 * @returns {string}
 */
function renderTable(html, maxWidth) {
  /** @type {{ cells: string[], header: boolean }[]} */
  const rows = []
  for (const [, row = ''] of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...row.matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t[hd]>/gi)]
    rows.push({
      cells: cells.map((cell) => decodeEntities(inline(cell[2] ?? ''))),
      header: cells.length > 0 && cells.every((cell) => cell[1]?.toLowerCase() === 'h'),
    })
  }
  const columns = Math.max(0, ...rows.map((row) => row.cells.length))
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(0, ...rows.map((row) => displayWidth(row.cells[i] ?? ''))),
  )
  const total = widths.reduce((sum, w) => sum + w, 0) + 2 * Math.max(0, columns - 1) + 2
  if (total > maxWidth) return rows.map((row) => row.cells.join(' | ')).join('\n')
  /** @type {string[]} */
  const lines = []
  for (const row of rows) {
    const line = row.cells
      .map((cell, i) => (i === row.cells.length - 1 ? cell : padEnd(cell, widths[i] ?? 0)))
      .join('  ')
    lines.push(row.header ? bold(line) : line)
    if (row.header) lines.push(dim(widths.map((w) => '─'.repeat(w)).join('  ')))
  }
  return lines.join('\n')
}

/**
 * The job summary as plain text: headings underlined, paragraphs and list items and table rows
 * on lines of their own, links and code reduced to their text, entities decoded.
 * @param {string} html
 * @param {number} [maxWidth] widest line a table may make (default: the terminal's width)
 * @returns {string}
 */
export function htmlToText(html, maxWidth = process.stdout.columns ?? 160) {
  /** @type {string[]} */
  const tables = []
  const text = html
    .replace(/<table[^>]*>([\s\S]*?)<\/table>/gi, (_, body) => {
      tables.push(renderTable(/** @type {string} */ (body), maxWidth))
      return `\n\ue000${tables.length - 1}\ue000\n`
    })
    .replace(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi, (_, level, body) => {
      // Decoded with the rest of the text below; decoded here only to measure it.
      const title = inline(/** @type {string} */ (body))
      const width = displayWidth(decodeEntities(title))
      const rule = (level === '1' || level === '2' ? '═' : '─').repeat(width)
      return `\n\n\ue001${title}\ue001\n${dim(rule)}\n`
    })
    // \ue002 marks an item's ends, so that consecutive items close up into consecutive lines.
    .replace(/<li[^>]*>([\s\S]*?)<\/li>/gi, (_, body) => `\ue002• ${inline(body)}\ue002`)
    .replace(/<\/?(p|div|ul|ol|pre|blockquote|details|summary)[^>]*>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr[^>]*>/gi, '\n────\n')
    .replace(/<[^>]*>/g, '')
    .replace(/\ue002\s*\ue002/g, '\n')
    .replace(/\ue002/g, '\n')
  return decodeEntities(text)
    .replace(/\ue001([^\ue001]*)\ue001/g, (_, title) => bold(title))
    .replace(/\ue000(\d+)\ue000/g, (_, i) => tables[Number(i)] ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * What the run looked like from the pull request or the Actions tab.
 * @param {RunActionResult} result
 * @param {number} expectedExit
 */
function showRun(result, expectedExit) {
  // The log as the Actions tab shows it: workflow commands consumed, groups as headers.
  const log = []
  let inGroup = false
  for (const line of result.stdout.split('\n').map((l) => l.replace(/\r$/, ''))) {
    const group = /^::group::(.*)$/.exec(line)
    if (group) log.push(`▸ ${group[1]}`)
    if (group || line === '::endgroup::') inGroup = Boolean(group)
    else if (line !== '' && !line.startsWith('::')) log.push(inGroup ? `  ${line}` : line)
  }
  section('Log')
  indented(log.join('\n') || '(nothing)', dim('│ '))
  if (result.stderr.trim() !== '') {
    section('stderr')
    indented(result.stderr.trimEnd(), red('│ '))
  }

  section(`Annotations (${result.annotations.length})`)
  indented(result.annotations.map(formatAnnotation).join('\n') || '(none)')

  section('Job summary')
  indented(htmlToText(result.summary) || '(empty)')

  section('Outputs')
  const rows = customizationRows(result)
  indented(
    [
      `problems: ${result.outputs['problems'] ?? '(not set)'}`,
      `customizations: ${rows ? `${rows.length} row(s) of JSON` : (result.outputs['customizations'] ?? '(not set)')}`,
    ].join('\n'),
  )

  const code = result.exitCode ?? `signal ${result.signal}`
  const verdict = result.exitCode === expectedExit ? green : red
  say()
  say(`${bold('Exit code')} ${verdict(String(code))} ${dim(`(expected ${expectedExit})`)}`)
}

/**
 * @param {RunActionResult} result
 * @returns {Row[] | undefined}
 */
function customizationRows(result) {
  try {
    const rows = JSON.parse(result.outputs['customizations'] ?? '')
    return Array.isArray(rows) ? rows : undefined
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------------
// The acts

/**
 * Every file under `dir`, by its path relative to `dir` with `/` separators.
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {Promise<Record<string, Buffer>>}
 */
async function readTree(dir, prefix = '') {
  /** @type {Record<string, Buffer>} */
  const files = {}
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const relative = prefix + entry.name
    if (entry.isDirectory()) Object.assign(files, await readTree(path, `${relative}/`))
    else if (entry.isFile()) files[relative] = await readFile(path)
  }
  return files
}

/**
 * @typedef {object} Stage
 * @property {import('./github-api-standin.js').GitHubApiStandIn} github
 * @property {Sandbox} sandbox
 * @property {Record<string, Buffer>} examples
 * @property {string[]} manifests every manifest under examples/luigisbox, as `luigisbox/…`
 */

/**
 * @param {Stage} stage
 * @returns {Promise<string[]>} what differed from the expected behaviour
 */
async function pullRequestAct(stage) {
  heading('Act 1 of 3 · Pull request')
  say(`A pull request adds ${bold(NEW_FILE)} (a first try, with mistakes)`)
  say(`and edits ${bold(EDITED_FILE)}. Event: pull_request #${PR_NUMBER}.`)
  say(dim('Expect: an annotation on each mistake, none on the edited file, and a failed step.'))
  const workspace = await makeWorkspace({
    ...stage.examples,
    [NEW_FILE]: await readFile(MISTAKES),
  })
  const result = await runAction({
    eventName: 'pull_request',
    event: pullRequestEvent({
      owner: OWNER,
      repo: REPO,
      number: PR_NUMBER,
      headSha: PR_HEAD,
      baseSha: MAIN_BEFORE,
      changedFiles: 2,
      action: 'opened',
    }),
    apiUrl: stage.github.url,
    workspace,
    timeoutMs: RUN_TIMEOUT_MS,
  })
  showRun(result, 1)

  const differences = []
  if (result.exitCode !== 1) differences.push(`exit code ${result.exitCode}, expected 1`)
  const onNewFile = result.annotations.filter(
    (a) => a.level === 'error' && a.properties.file === NEW_FILE,
  )
  if (onNewFile.length === 0) differences.push(`no error annotation on ${NEW_FILE}`)
  const elsewhere = result.annotations.filter(
    (a) => a.properties.file && a.properties.file !== NEW_FILE,
  )
  for (const a of elsewhere) differences.push(`unexpected annotation: ${formatAnnotation(a)}`)
  if (result.outputs['problems'] !== String(onNewFile.length)) {
    differences.push(
      `output problems is ${result.outputs['problems'] ?? '(not set)'}, expected ${onNewFile.length} (one per error annotation)`,
    )
  }
  return differences
}

/**
 * @param {Stage} stage
 * @param {string} workspace
 * @returns {Promise<{ result: RunActionResult, rows: Row[], writes: number }>}
 */
async function merge(stage, workspace) {
  const before = stage.sandbox.stats().writes
  const result = await runAction({
    eventName: 'push',
    event: pushEvent({ owner: OWNER, repo: REPO, before: MAIN_BEFORE, after: MAIN_AFTER }),
    apiUrl: stage.github.url,
    workspace,
    inputs: { 'tracker-id': TRACKER_ID, 'private-key': PRIVATE_KEY, 'api-url': stage.sandbox.url },
    timeoutMs: RUN_TIMEOUT_MS,
  })
  const writes = stage.sandbox.stats().writes - before
  showRun(result, 0)
  say(`${bold("Writes to Luigi's Box in this act:")} ${writes}`)
  say(
    dim(
      `(sandbox.stats(): ${stage.sandbox.stats().writes} write(s) so far, ${stage.sandbox.store.size} customization(s) stored)`,
    ),
  )
  return { result, rows: customizationRows(result) ?? [], writes }
}

/**
 * @param {RunActionResult} result
 * @param {Row[]} rows
 * @returns {string[]}
 */
function commonMergeDifferences(result, rows) {
  const differences = []
  if (result.exitCode !== 0) differences.push(`exit code ${result.exitCode}, expected 0`)
  for (const a of result.annotations.filter((a) => a.level === 'error')) {
    differences.push(`unexpected annotation: ${formatAnnotation(a)}`)
  }
  if (rows.length === 0) differences.push('the customizations output has no rows')
  return differences
}

/**
 * @param {Stage} stage
 * @param {string} workspace
 * @returns {Promise<{ differences: string[], ids: (string | null)[] }>}
 */
async function mergeAct(stage, workspace) {
  heading('Act 2 of 3 · Merge')
  say(`The fixed pull request is merged: a push to main whose compare lists all`)
  say(`${stage.manifests.length} manifests under luigisbox/. Inputs: tracker-id ${TRACKER_ID},`)
  say(`private-key (masked), api-url ${stage.sandbox.url} (the sandbox).`)
  say(dim('Expect: every document signed and created, its id in the summary.'))
  const { result, rows, writes } = await merge(stage, workspace)
  const differences = commonMergeDifferences(result, rows)
  for (const row of rows) {
    if (row.action !== 'created' || !row.id) {
      differences.push(
        `${row.file}: ${row.action}${row.id ? ` ${row.id}` : ''}, expected created with an id`,
      )
    }
  }
  if (writes !== rows.length) differences.push(`${writes} write(s), expected ${rows.length}`)
  const stored = [...stage.sandbox.store.keys()].sort()
  const ids = rows.map((row) => row.id)
  if (JSON.stringify([...ids].sort()) !== JSON.stringify(stored)) {
    differences.push(
      `ids in the output (${ids.join(', ')}) differ from the sandbox's (${stored.join(', ')})`,
    )
  }
  return { differences, ids }
}

/**
 * @param {Stage} stage
 * @param {string} workspace
 * @param {(string | null)[]} ids from the merge
 * @returns {Promise<string[]>}
 */
async function rerunAct(stage, workspace, ids) {
  heading('Act 3 of 3 · Re-run')
  say('The same merge runs again (a re-run of the job, or a second push of the same manifests).')
  say(dim('Expect: every row unchanged, same ids, zero writes.'))
  const { result, rows, writes } = await merge(stage, workspace)
  const differences = commonMergeDifferences(result, rows)
  for (const row of rows) {
    if (row.action !== 'unchanged')
      differences.push(`${row.file}: ${row.action}, expected unchanged`)
  }
  if (writes !== 0) differences.push(`${writes} write(s), expected none`)
  if (JSON.stringify(rows.map((row) => row.id)) !== JSON.stringify(ids)) {
    differences.push('the ids differ from the merge')
  }
  return differences
}

let interrupted = false

class Interrupted extends Error {}

function stopIfInterrupted() {
  if (interrupted) throw new Interrupted('interrupted')
}

/** @returns {Promise<number>} the exit code */
async function main() {
  say(bold("Luigi's Box pins · demo"))
  if (!existsSync(DIST_ENTRY)) {
    say()
    say(red(`${DIST_ENTRY} is missing: the demo runs the built Action.`))
    say(`Build it with ${bold('npm run bundle')}, then run ${bold('npm run demo')} again.`)
    return 1
  }
  const examples = await readTree(EXAMPLES)
  const manifests = Object.keys(examples)
    .filter((file) => /^luigisbox\/.+\.(ya?ml|json)$/.test(file))
    .sort()
  const sandbox = await startSandbox({ trackerId: TRACKER_ID, privateKey: PRIVATE_KEY })
  /** @type {import('./github-api-standin.js').GitHubApiStandIn | undefined} */
  let github
  const started = Date.now()
  try {
    github = await startGitHubApi({
      pulls: {
        [`${OWNER}/${REPO}#${PR_NUMBER}`]: {
          headSha: PR_HEAD,
          files: [
            { filename: NEW_FILE, status: 'added' },
            { filename: EDITED_FILE, status: 'modified' },
          ],
        },
      },
      compares: {
        [`${OWNER}/${REPO} ${MAIN_BEFORE}...${MAIN_AFTER}`]: {
          files: manifests.map((filename) => ({ filename })),
        },
      },
    })
    say(`Runs ${bold('dist/index.js')} as GitHub's runner would, on a copy of examples/,`)
    say('against local stand-ins:')
    say(`  GitHub API    ${github.url}`)
    say(`  Luigi's Box   ${sandbox.url}  (sandbox; tracker ${TRACKER_ID}, checks every signature)`)

    const stage = { github, sandbox, examples, manifests }
    /** @type {[string, string[]][]} */
    const acts = []
    acts.push(['Pull request', await pullRequestAct(stage)])
    stopIfInterrupted()
    const workspace = await makeWorkspace(examples)
    const merged = await mergeAct(stage, workspace)
    acts.push(['Merge', merged.differences])
    stopIfInterrupted()
    acts.push(['Re-run', await rerunAct(stage, workspace, merged.ids)])
    stopIfInterrupted()

    heading('Result')
    const failed = acts.filter(([, differences]) => differences.length > 0)
    for (const [name, differences] of acts) {
      say(`${differences.length === 0 ? green('✓') : red('✗')} ${name}`)
      for (const difference of differences) say(`    ${red(difference)}`)
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    say()
    say(
      failed.length === 0
        ? green(`All three acts behaved as expected (${seconds} s).`)
        : red(`${failed.length} of 3 acts did not behave as expected (${seconds} s).`),
    )
    return failed.length === 0 ? 0 : 1
  } finally {
    await Promise.all([github?.close(), sandbox.close(), cleanupWorkspaces()])
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Ctrl-C: let the run in progress end (a terminal interrupts the bundle too), then stop and
  // remove the temp directories on the way out; a second Ctrl-C leaves at once.
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130)
    interrupted = true
    say(dim('\nInterrupted: cleaning up after the current run (Ctrl-C again to quit at once).'))
  })
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      if (error instanceof Interrupted) {
        process.exitCode = 130
        return
      }
      say()
      say(red(`The demo could not run: ${error instanceof Error ? error.message : String(error)}`))
      process.exitCode = 1
    },
  )
}
