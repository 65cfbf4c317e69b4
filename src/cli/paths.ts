import { lstatSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import { DEFAULT_MANIFEST_GLOBS, findManifests } from '../workspace/discover.js'
import { UsageError } from './args.js'

/** The manifests a command line names, read from one root so scopes are checked across all. */
export interface Selection {
  /** The deepest directory holding the current directory and every path named. */
  root: string
  /** Relative to `root`, `/`-separated, sorted: what the checks read. */
  files: string[]
  /** A file as the user sees it: relative to the current directory. */
  display: (file: string) => string
  /** The arguments that name single files rather than directories or globs, as given. */
  named: string[]
}

/** What a directory stands for. */
const DIRECTORY_MANIFESTS = '**/*.{yml,yaml,json}'

/** One argument, resolved through symbolic links to where it really is. */
type Resolved =
  | { arg: string; kind: 'file'; real: string }
  | { arg: string; kind: 'glob'; base: string; glob: string; skipHidden: boolean }

/**
 * Every path, directory and glob given, wherever it is: relative, `../`, absolute, through a
 * symlinked directory (as lint-staged and editors pass them). A named path that does not exist,
 * or an argument that matches no manifest, is a usage error: a check of nothing must not pass.
 * Without arguments, the default globs in the current directory.
 */
export async function selectManifests(args: readonly string[], cwd: string): Promise<Selection> {
  const realCwd = realpathSync(cwd)
  const resolved = (args.length > 0 ? args : DEFAULT_MANIFEST_GLOBS).map((arg) =>
    resolve(arg, realCwd),
  )
  const root = commonDirectory([
    realCwd,
    ...resolved.map((r) => (r.kind === 'file' ? path.dirname(r.real) : r.base)),
  ])
  const found = new Set<string>()
  const empty: string[] = []
  for (const entry of resolved) {
    const files =
      entry.kind === 'file' ? [relative(root, entry.real)] : await manifestsBelow(root, entry)
    if (files.length === 0) empty.push(entry.arg)
    for (const file of files) found.add(file)
  }
  if (empty.length > 0) {
    const list = empty.map((arg) => `"${arg}"`).join(', ')
    throw new UsageError(
      args.length > 0
        ? `No manifest matches ${list}.`
        : `No manifests matched ${list} in ${cwd}: name the files, directories or globs to check.`,
    )
  }
  return {
    root,
    files: [...found].sort(),
    display: (file) => relative(realCwd, path.join(root, file)),
    named: resolved.filter((r) => r.kind === 'file').map((r) => r.arg),
  }
}

function resolve(arg: string, cwd: string): Resolved {
  const absolute = path.resolve(cwd, arg)
  if (lstatSync(absolute, { throwIfNoEntry: false })) {
    const target = statSync(absolute, { throwIfNoEntry: false })
    if (!target) throw new UsageError(`No such file or directory: ${arg} (a broken symbolic link)`)
    if (target.isDirectory()) {
      return {
        arg,
        kind: 'glob',
        base: realpathSync(absolute),
        glob: DIRECTORY_MANIFESTS,
        skipHidden: true,
      }
    }
    // The directory through its links; a link to a file stays a link, for the reader to vet.
    return {
      arg,
      kind: 'file',
      real: path.join(realDirectory(path.dirname(absolute)), path.basename(absolute)),
    }
  }
  const scanned = picomatch.scan(arg)
  if (!scanned.isGlob) throw new UsageError(`No such file or directory: ${arg}`)
  const base = path.resolve(cwd, scanned.base)
  return { arg, kind: 'glob', base: realDirectory(base), glob: scanned.glob, skipHidden: false }
}

/** A directory's real path; a directory that does not exist stays as written (it matches nothing). */
function realDirectory(directory: string): string {
  try {
    return realpathSync(directory)
  } catch {
    return directory
  }
}

/** A glob's matches, walked from its base (so no part of the base is read as a pattern). */
async function manifestsBelow(
  root: string,
  entry: Extract<Resolved, { kind: 'glob' }>,
): Promise<string[]> {
  const exclude = entry.skipHidden ? ['**/.*/**'] : []
  const found = await findManifests(entry.base, { include: [entry.glob], exclude })
  const base = relative(root, entry.base)
  return found.map((file) => (base === '' ? file : `${base}/${file}`))
}

function relative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/')
}

function commonDirectory(directories: readonly string[]): string {
  const split = directories.map((d) => d.split(path.sep))
  const first = split[0] ?? []
  let length = first.length
  for (const parts of split) {
    let i = 0
    while (i < length && parts[i] === first[i]) i++
    length = i
  }
  return first.slice(0, length).join(path.sep) || path.sep
}
