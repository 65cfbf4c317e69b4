// What `luigisbox-pins validate` loads. A pre-commit hook runs it on every commit, and the HTTP
// stack that @actions/core imports (@actions/http-client and undici, a megabyte of code) once
// made up half of its start-up time. The bundle keeps that stack in a chunk that only the
// commands and formats that need it load; a loader hook records which files of dist/cli/ a
// run loads.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import module from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT, cli, removeWorkspaces, requireBundle, valid, workspace } from './run-cli.js'

const DIST_CLI = path.join(REPO_ROOT, 'dist', 'cli')

/** The files of dist/cli/ holding undici or @actions/http-client, found by their classes. */
function httpStackFiles(): string[] {
  return readdirSync(DIST_CLI)
    .filter((name) => name.endsWith('.js'))
    .filter((name) => {
      const text = readFileSync(path.join(DIST_CLI, name), 'utf8')
      return text.includes('class ProxyAgent extends') || text.includes('class HttpClient')
    })
}

/** Runs the command line with a loader hook; returns the run and the dist/cli/ files loaded. */
async function loaded(args: string[]) {
  const cwd = await workspace({ 'luigisbox/home.yml': valid('home') })
  const log = path.join(cwd, 'loaded.log')
  const hooks = path.join(cwd, 'hooks.mjs')
  await writeFile(
    hooks,
    `import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  if (url.startsWith(${JSON.stringify(pathToFileURL(DIST_CLI).href)})) appendFileSync(${JSON.stringify(log)}, url + '\\n')
  return next(url, context)
}
`,
  )
  const register = path.join(cwd, 'register.mjs')
  await writeFile(
    register,
    `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`,
  )
  await writeFile(log, '')
  const run = await cli(['validate', ...args], cwd, {
    NODE_OPTIONS: `--import ${pathToFileURL(register).href}`,
  })
  const files = (await readFile(log, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((url) => path.basename(new URL(url).pathname))
  return { run, files }
}

beforeAll(requireBundle)
afterAll(removeWorkspaces)

test('the HTTP stack sits in a chunk of its own, not in the entry the command line starts with', () => {
  const files = httpStackFiles()
  expect(files.length).toBeGreaterThan(0)
  expect(files).not.toContain('index.js')
})

test('validate loads neither undici nor @actions/http-client', async () => {
  const { run, files } = await loaded(['luigisbox/home.yml'])
  expect(run.stderr).toContain('1 manifest file(s) checked: 0 error(s), 0 warning(s).')
  expect(run.code).toBe(0)
  expect(files).toContain('index.js')
  expect(files.filter((file) => httpStackFiles().includes(file))).toEqual([])
})

test('validate --format github, which writes through @actions/core, loads them then', async () => {
  const { run, files } = await loaded(['--format', 'github', 'luigisbox/home.yml'])
  expect(run.code).toBe(0)
  expect(files.filter((file) => httpStackFiles().includes(file)).length).toBeGreaterThan(0)
})

/** Every file under `dir` and its size; none when `dir` does not exist. */
function sizes(dir: string): number[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => statSync(path.join(dir, name)))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.size)
  } catch {
    return []
  }
}

test('the checks are compiled once per machine where Node has a compile cache, and run on Node 20', async () => {
  const cwd = await workspace({ 'luigisbox/home.yml': valid('home') })
  const cache = path.join(cwd, 'compile-cache')
  const run = await cli(['validate', 'luigisbox/home.yml'], cwd, { NODE_COMPILE_CACHE: cache })
  expect(run.stderr).toContain('1 manifest file(s) checked: 0 error(s), 0 warning(s).')
  expect(run.code).toBe(0)
  const cached = sizes(cache).reduce((total, size) => total + size, 0)
  if ('enableCompileCache' in module) {
    // The cache holds the code of the bundle's checks chunk, not only of the entry.
    expect(cached).toBeGreaterThan(100_000)
  } else {
    expect(cached).toBe(0)
  }
})
