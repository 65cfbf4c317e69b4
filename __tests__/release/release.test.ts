// `npm run release -- X.Y.Z` on a scratch clone: a small project with the same shape as this one
// (package.json with a bundle script, package-lock.json, CHANGELOG.md, a committed dist/), cloned
// from a scratch origin, so the script runs exactly as a maintainer runs it.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { REPO_ROOT } from '../../tools/shared/repo-paths.js'

const RELEASE = join(REPO_ROOT, 'tools', 'release', 'main.ts')
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx')

const identity = {
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@test.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@test.invalid',
}
const env = { ...process.env, ...identity, NODE_OPTIONS: '' }

const FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    { name: 'scratch', version: '0.1.0', scripts: { bundle: 'node build.mjs' } },
    null,
    2,
  ),
  'package-lock.json': JSON.stringify(
    {
      name: 'scratch',
      version: '0.1.0',
      lockfileVersion: 3,
      packages: { '': { name: 'scratch', version: '0.1.0' } },
    },
    null,
    2,
  ),
  // The bundle: dist/index.js is src/index.js with a banner, byte for byte reproducible.
  'build.mjs': `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
mkdirSync('dist', { recursive: true })
writeFileSync('dist/index.js', '// built\\n' + readFileSync('src/index.js', 'utf8'))
`,
  'src/index.js': 'console.log("one")\n',
  'dist/index.js': '// built\nconsole.log("one")\n',
  'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- The first feature.\n',
}

const temps: string[] = []
let origin = ''

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()
}

beforeAll(async () => {
  origin = await mkdtemp(join(tmpdir(), 'release-origin-'))
  temps.push(origin)
  for (const [path, content] of Object.entries(FILES)) {
    await mkdir(dirname(join(origin, path)), { recursive: true })
    await writeFile(join(origin, path), content)
  }
  git(origin, 'init', '--quiet', '--initial-branch=main')
  git(origin, 'add', '.')
  git(origin, 'commit', '--quiet', '-m', 'Initial')
})

afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function scratchClone(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'release-clone-'))
  temps.push(parent)
  const clone = join(parent, 'repo')
  git(parent, 'clone', '--quiet', origin, clone)
  return clone
}

function release(cwd: string, version: string) {
  const run = spawnSync(TSX, [RELEASE, '--', version], { cwd, env, encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

async function commitChange(cwd: string, src: string, entry: string): Promise<void> {
  await writeFile(join(cwd, 'src/index.js'), src)
  execFileSync('node', ['build.mjs'], { cwd })
  const changelog = await readFile(join(cwd, 'CHANGELOG.md'), 'utf8')
  await writeFile(
    join(cwd, 'CHANGELOG.md'),
    changelog.replace('## [Unreleased]\n', `## [Unreleased]\n\n### Changed\n\n- ${entry}\n`),
  )
  git(cwd, 'commit', '--quiet', '-am', entry)
}

const commitOf = (cwd: string, ref: string) => git(cwd, 'rev-parse', `${ref}^{commit}`)
const readJson = async (cwd: string, path: string) =>
  JSON.parse(await readFile(join(cwd, path), 'utf8')) as { version: string; packages?: object }

test('a release sets the version, dates the changelog, tags vX.Y.Z and moves vX along', async () => {
  const clone = await scratchClone()
  const first = release(clone, '1.0.0')
  expect(first.stderr).toBe('')
  expect(first.status).toBe(0)
  expect(first.stdout).toContain('git push origin main v1.0.0')
  expect(first.stdout).toContain('git push --force origin v1')

  const head = commitOf(clone, 'HEAD')
  expect(commitOf(clone, 'v1.0.0')).toBe(head)
  expect(commitOf(clone, 'v1')).toBe(head)
  expect(git(clone, 'log', '-1', '--format=%s')).toBe('Release v1.0.0')
  expect(git(clone, 'status', '--porcelain')).toBe('')
  expect((await readJson(clone, 'package.json')).version).toBe('1.0.0')
  expect(await readJson(clone, 'package-lock.json')).toMatchObject({
    version: '1.0.0',
    packages: { '': { version: '1.0.0' } },
  })
  const changelog = await readFile(join(clone, 'CHANGELOG.md'), 'utf8')
  expect(changelog).toMatch(
    /## \[Unreleased\]\n\n## \[1\.0\.0\] - \d{4}-\d\d-\d\d\n\n### Added\n\n- The first feature\./,
  )

  // A minor release moves v1 to itself; v1.0.0 stays where it was.
  await commitChange(clone, 'console.log("two")\n', 'Says two.')
  expect(release(clone, '1.1.0').status).toBe(0)
  expect(commitOf(clone, 'v1')).toBe(commitOf(clone, 'HEAD'))
  expect(commitOf(clone, 'v1.1.0')).toBe(commitOf(clone, 'HEAD'))
  expect(commitOf(clone, 'v1.0.0')).toBe(head)

  // A major release starts v2 and leaves v1 for those who pinned it.
  const v1 = commitOf(clone, 'v1')
  await commitChange(clone, 'console.log("three")\n', 'Says three.')
  expect(release(clone, '2.0.0').status).toBe(0)
  expect(commitOf(clone, 'v2')).toBe(commitOf(clone, 'HEAD'))
  expect(commitOf(clone, 'v1')).toBe(v1)
  expect(git(clone, 'tag', '--list').split('\n')).toEqual([
    'v1',
    'v1.0.0',
    'v1.1.0',
    'v2',
    'v2.0.0',
  ])
})

test('a dirty work tree is refused and nothing is tagged', async () => {
  const clone = await scratchClone()
  await writeFile(join(clone, 'notes.txt'), 'work in progress\n')
  const run = release(clone, '1.0.0')
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('uncommitted changes')
  expect(run.stderr).toContain('notes.txt')
  expect(git(clone, 'tag', '--list')).toBe('')
  expect((await readJson(clone, 'package.json')).version).toBe('0.1.0')
})

test('a stale dist/ is refused, nothing is tagged, and the fresh build is left to commit', async () => {
  const clone = await scratchClone()
  await writeFile(join(clone, 'src/index.js'), 'console.log("changed")\n')
  git(clone, 'commit', '--quiet', '-am', 'Change the source, forget the bundle')
  const run = release(clone, '1.0.0')
  expect(run.status).toBe(1)
  expect(run.stderr).toContain('dist/ is stale')
  expect(git(clone, 'tag', '--list')).toBe('')
  expect(git(clone, 'log', '-1', '--format=%s')).toBe('Change the source, forget the bundle')
  expect(await readFile(join(clone, 'dist/index.js'), 'utf8')).toContain('"changed"')
})

test('a version that is not X.Y.Z, not newer, or already tagged is refused', async () => {
  const clone = await scratchClone()
  expect(release(clone, 'v1.0.0').stderr).toContain('"v1.0.0" is not a version')
  expect(release(clone, '0.1.0').stderr).toContain("not newer than package.json's version 0.1.0")
  git(clone, 'tag', 'v1.0.0')
  expect(release(clone, '1.0.0').stderr).toContain('The tag v1.0.0 exists already')
  expect(git(clone, 'tag', '--list')).toBe('v1.0.0')
})
