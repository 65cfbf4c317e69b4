// `npm run release -- X.Y.Z`: makes release X.Y.Z on the current branch. Refuses a dirty work
// tree, a dist/ that a fresh bundle changes (users run the committed bundle, so a stale one
// ships old code under the new tag), a version not newer than package.json's, or an existing
// tag. Then sets the version, dates the changelog's Unreleased entries, commits, tags vX.Y.Z
// and moves the major tag vX to it. It pushes nothing: it prints the commands to publish.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage, isEntryPoint } from '../shared/entry-point.js'
import { releaseChangelog } from './changelog.js'
import { compareVersions, parseVersion, releaseTags } from './version.js'

export interface ReleaseResult {
  version: string
  tags: string[]
  /** What to run to publish the release. */
  push: string[]
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function porcelain(cwd: string, paths: string[] = []): string {
  return git(cwd, ['status', '--porcelain', '--untracked-files=all', '--', ...paths]).trim()
}

function tagExists(cwd: string, tag: string): boolean {
  return git(cwd, ['tag', '--list', tag]).trim() !== ''
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`)
}

/** package.json's and package-lock.json's own version fields (the lock's dependencies stay). */
function setVersion(cwd: string, version: string): string[] {
  const pkgPath = join(cwd, 'package.json')
  writeJson(pkgPath, { ...readJson(pkgPath), version })
  const lockPath = join(cwd, 'package-lock.json')
  let lock: Record<string, unknown>
  try {
    lock = readJson(lockPath)
  } catch {
    return ['package.json']
  }
  const packages = lock['packages'] as Record<string, Record<string, unknown>> | undefined
  const root = packages?.['']
  writeJson(lockPath, {
    ...lock,
    version,
    ...(packages && root ? { packages: { ...packages, '': { ...root, version } } } : {}),
  })
  return ['package.json', 'package-lock.json']
}

export function release(cwd: string, versionText: string, today = new Date()): ReleaseResult {
  const version = parseVersion(versionText)
  if (!version) throw new Error(`"${versionText}" is not a version: give X.Y.Z, e.g. 1.0.0.`)
  const { exact, major } = releaseTags(version)
  const dirty = porcelain(cwd)
  if (dirty) {
    throw new Error(`The work tree has uncommitted changes; commit or stash them first:\n${dirty}`)
  }
  const branch = git(cwd, ['branch', '--show-current']).trim()
  if (!branch) throw new Error('HEAD is detached: check out the branch to release from.')
  const current = parseVersion(String(readJson(join(cwd, 'package.json'))['version']))
  if (current && compareVersions(version, current) <= 0) {
    throw new Error(
      `${versionText} is not newer than package.json's version ${current.major}.${current.minor}.${current.patch}.`,
    )
  }
  if (tagExists(cwd, exact)) throw new Error(`The tag ${exact} exists already.`)

  execFileSync('npm', ['run', 'bundle', '--silent'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
  const stale = porcelain(cwd, ['dist'])
  if (stale) {
    throw new Error(
      `dist/ is stale: a fresh \`npm run bundle\` changed it (the new build is left in the work tree; review and commit it, then release again):\n${stale}`,
    )
  }

  const changed = setVersion(cwd, versionText)
  const changelogPath = join(cwd, 'CHANGELOG.md')
  const date = today.toISOString().slice(0, 10)
  writeFileSync(
    changelogPath,
    releaseChangelog(readFileSync(changelogPath, 'utf8'), versionText, date),
  )
  git(cwd, ['add', '--', ...changed, 'CHANGELOG.md'])
  git(cwd, ['commit', '--quiet', '--message', `Release ${exact}`])
  git(cwd, ['tag', '--annotate', exact, '--message', `Release ${exact}`])
  // Annotated too, so `git describe` and GitHub show the major tag with its release.
  git(cwd, ['tag', '--force', '--annotate', major, '--message', `${major} is ${exact}`])
  return {
    version: versionText,
    tags: [exact, major],
    push: [`git push origin ${branch} ${exact}`, `git push --force origin ${major}`],
  }
}

if (isEntryPoint(import.meta.url)) {
  try {
    const args = process.argv.slice(2).filter((arg) => arg !== '--')
    if (args.length !== 1) throw new Error('Usage: npm run release -- X.Y.Z')
    const result = release(process.cwd(), args[0] ?? '')
    process.stdout.write(
      `Tagged ${result.tags.join(' and ')}. Publish with:\n${result.push.map((c) => `  ${c}`).join('\n')}\nthen create the GitHub release from ${result.tags[0]}.\n`,
    )
  } catch (error) {
    process.stderr.write(`release: ${errorMessage(error)}\n`)
    process.exit(1)
  }
}
