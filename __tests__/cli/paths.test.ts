// Every way a path reaches the command line (DESIGN §5: every path honoured wherever it is;
// nothing matched is an error), with the exit status each must give: lint-staged passes absolute
// paths, pre-commit relative ones, people type `../` and globs, and a check that silently skips
// a broken file would let it through.
import { mkdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import {
  broken,
  cli,
  problemFiles,
  removeWorkspaces,
  requireBundle,
  valid,
  workspace,
  type Run,
} from './run-cli.js'

beforeAll(requireBundle)
afterAll(removeWorkspaces)

const files = problemFiles
const checked = (run: Run) => /(\d+) manifest file\(s\) checked/.exec(run.stderr)?.[1]

let root: string
let repo: string
let outside: string

beforeAll(async () => {
  root = await workspace({
    'repo/luigisbox/ok.yml': valid('ok'),
    'repo/luigisbox/bad.yml': broken,
    'repo/luigisbox/UPPER.YML': broken,
    'repo/luigisbox/Upper.JSON':
      '{"model": "upper-json", "target_type": "nope", "pin_definitions": []}',
    'repo/node_modules/pkg/bad.yml': broken,
    'repo/luigisbox/node_modules/bad.yml': broken,
    'repo/.github/workflows/ci.yml': 'on: push\njobs: {}\n',
    'repo/.git/bad.yml': broken,
    'repo/docs/readme.md': '# not a manifest',
    'elsewhere/bad.yml': broken,
    'elsewhere/ok.yml': valid('elsewhere'),
    'odd (dir) [1]/{x}/bad.yml': broken,
  })
  repo = path.join(root, 'repo')
  outside = path.join(root, 'elsewhere')
  // A symlinked directory holding the repository, as some checkouts and editors see it.
  await mkdir(path.join(root, 'links'))
  await symlink(repo, path.join(root, 'links', 'repo'))
  await mkdir(path.join(root, 'dangling'))
  await symlink(path.join(root, 'nowhere.yml'), path.join(root, 'dangling', 'gone.yml'))
})

describe('a broken file is found, and the run fails (exit 1), however it is named', () => {
  test.each([
    ['relative', () => ['luigisbox/bad.yml'], 'luigisbox/bad.yml'],
    ['with ./', () => ['./luigisbox/bad.yml'], 'luigisbox/bad.yml'],
    [
      'absolute, inside the current directory',
      () => [path.join(repo, 'luigisbox', 'bad.yml')],
      'luigisbox/bad.yml',
    ],
    [
      'absolute, outside the current directory',
      () => [path.join(outside, 'bad.yml')],
      '../elsewhere/bad.yml',
    ],
    ['with ../', () => ['../elsewhere/bad.yml'], '../elsewhere/bad.yml'],
    ['as an absolute glob outside', () => [`${outside}/*.yml`], '../elsewhere/bad.yml'],
    ['as a ../ glob', () => ['../elsewhere/b*.yml'], '../elsewhere/bad.yml'],
    [
      'through a symlinked directory',
      () => [path.join(root, 'links', 'repo', 'luigisbox', 'bad.yml')],
      'luigisbox/bad.yml',
    ],
    [
      'as a directory through a symlinked directory',
      () => [path.join(root, 'links', 'repo', 'luigisbox')],
      'luigisbox/bad.yml',
    ],
  ])('%s', async (_, args, shown) => {
    const run = await cli(['validate', ...args()], repo)
    expect(files(run)).toContain(shown)
    expect(run.stdout).toContain(`${shown}:2:14 error schema/enum`)
    expect(run.code).toBe(1)
  })

  test('from another directory, an absolute path is checked and shown relative to it', async () => {
    const run = await cli(['validate', path.join(repo, 'luigisbox', 'bad.yml')], outside)
    expect(files(run)).toEqual(['../repo/luigisbox/bad.yml'])
    expect(run.code).toBe(1)
  })

  test('a file outside beside one inside: both checked, in one run', async () => {
    const run = await cli(['validate', path.join(outside, 'bad.yml'), 'luigisbox/ok.yml'], repo)
    expect(files(run)).toEqual(['../elsewhere/bad.yml'])
    expect(checked(run)).toBe('2')
    expect(run.code).toBe(1)
  })

  test('the current directory reached through a symlink', async () => {
    const run = await cli(['validate', 'luigisbox/bad.yml'], path.join(root, 'links', 'repo'))
    expect(files(run)).toEqual(['luigisbox/bad.yml'])
    expect(run.code).toBe(1)
  })

  test('--format json too', async () => {
    const run = await cli(['validate', '--format', 'json', path.join(outside, 'bad.yml')], repo)
    const output = JSON.parse(run.stdout) as { summary: unknown; problems: { file: string }[] }
    expect(output.summary).toEqual({ files: 1, errors: 2, warnings: 0 })
    expect(new Set(output.problems.map((p) => p.file))).toEqual(new Set(['../elsewhere/bad.yml']))
    expect(run.code).toBe(1)
  })

  test('a valid file outside passes: exit 0', async () => {
    const run = await cli(['validate', '../elsewhere/ok.yml'], repo)
    expect(run.stdout).toBe('')
    expect(checked(run)).toBe('1')
    expect(run.code).toBe(0)
  })
})

describe('what a directory walk finds', () => {
  test('"." skips node_modules, .git and hidden directories such as .github; extensions in any case', async () => {
    const run = await cli(['validate', '.'], repo)
    expect(files(run)).toEqual(['luigisbox/UPPER.YML', 'luigisbox/Upper.JSON', 'luigisbox/bad.yml'])
    expect(checked(run)).toBe('4')
    expect(run.code).toBe(1)
  })

  test('the default globs match .YML and .JSON too', async () => {
    const run = await cli(['validate'], repo)
    expect(files(run)).toEqual(['luigisbox/UPPER.YML', 'luigisbox/Upper.JSON', 'luigisbox/bad.yml'])
    expect(checked(run)).toBe('4')
  })

  test('a glob for *.yml matches A.YML', async () => {
    const run = await cli(['validate', 'luigisbox/U*.yml'], repo)
    expect(files(run)).toEqual(['luigisbox/UPPER.YML'])
  })
})

describe('nothing to check is a usage error: exit 2, and nothing is checked', () => {
  test.each([
    [
      'a named file that does not exist',
      ['luigisbox/typo.yml'],
      'No such file or directory: luigisbox/typo.yml',
    ],
    [
      'an absolute path that does not exist',
      ['/nonexistent/luigisbox/a.yml'],
      'No such file or directory: /nonexistent/luigisbox/a.yml',
    ],
    [
      'a glob that matches nothing',
      ['luigisbox/*.yaml'],
      'No manifest matches "luigisbox/*.yaml".',
    ],
    [
      'a glob under a directory that does not exist',
      ['../nowhere/**/*.yml'],
      'No manifest matches "../nowhere/**/*.yml".',
    ],
    ['a directory without manifests', ['docs'], 'No manifest matches "docs".'],
    [
      'one good path and one that matches nothing',
      ['luigisbox/bad.yml', 'docs/*.yml'],
      'No manifest matches "docs/*.yml".',
    ],
    [
      'a broken symbolic link',
      ['../dangling/gone.yml'],
      'No such file or directory: ../dangling/gone.yml (a broken symbolic link)',
    ],
  ])('%s', async (_, args, message) => {
    const run = await cli(['validate', ...args], repo)
    expect(run.stderr).toContain(message)
    expect(run.stdout).toBe('')
    expect(run.code).toBe(2)
  })

  test('a broken symbolic link found by a directory walk is a located error that names it', async () => {
    const run = await cli(['validate', '../dangling'], repo)
    expect(run.stdout).toContain('../dangling/gone.yml:1:1 error file/unreadable')
    expect(run.stdout).toContain('a dangling link')
    expect(run.code).toBe(1)
  })
})
