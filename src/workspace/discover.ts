import { readdir } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import type { ManifestMatcher } from '../github/changed-files.js'

export const DEFAULT_MANIFEST_GLOBS = ['luigisbox/**/*.{yml,yaml,json}']

/** Globs as users write them: one per line, `!` to exclude, `./` optional, blank lines ignored. */
export function parseGlobs(text: string): { include: string[]; exclude: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  const clean = (glob: string): string => glob.replace(/^\.\//, '')
  return {
    include: lines.filter((l) => !l.startsWith('!')).map(clean),
    exclude: lines.filter((l) => l.startsWith('!')).map((l) => clean(l.slice(1))),
  }
}

/**
 * Whether a workspace-relative path is a manifest the globs select. Extensions match in any case
 * (`A.YML` as `a.yml`): editors on case-insensitive file systems save either, and a skipped file
 * is a check that silently passes. The rest of the path matches as written.
 */
export function manifestMatcher(globs: { include: string[]; exclude: string[] }): ManifestMatcher {
  if (globs.include.length === 0) return () => false
  const matches = picomatch(globs.include, { dot: true, ignore: globs.exclude })
  return (file) => matches(file) || matches(file.replace(/\.[^./]+$/, (ext) => ext.toLowerCase()))
}

/** Directories no walk enters: version control, and installed packages (never manifests). */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules'])

/**
 * Every manifest in the workspace, as sorted `/`-separated relative paths. Walks only the static
 * base directory of each glob, skips `.git` and `node_modules`, and does not descend into symlinked directories (they
 * may loop or lead out of the workspace); symlinked files are listed and vetted when read.
 */
export async function findManifests(
  workspace: string,
  globs: { include: string[]; exclude: string[] },
  /** Told why each file walked is or is not a manifest (the Action's debug log). */
  debug?: (line: string) => void,
): Promise<string[]> {
  const matches = manifestMatcher(globs)
  const bases = new Set(
    globs.include
      .map((glob) => picomatch.scan(glob).base)
      .filter((base) => isInside(workspace, base)),
  )
  const found = new Set<string>()
  for (const base of bases) {
    for (const file of await walk(workspace, base)) {
      if (matches(file)) found.add(file)
      debug?.(whyMatched(file, globs))
    }
  }
  return [...found].sort()
}

/** For the debug log: which glob made a file a manifest, or why none did. */
export function whyMatched(file: string, globs: { include: string[]; exclude: string[] }): string {
  const first = (list: string[]) => list.find((glob) => picomatch(glob, { dot: true })(file))
  const include = first(globs.include)
  if (include === undefined)
    return `${file}: not a manifest, matches none of ${globs.include.join(', ')}`
  const exclude = first(globs.exclude)
  if (exclude !== undefined)
    return `${file}: not a manifest, matches ${include} but !${exclude} excludes it`
  return `${file}: a manifest, matches ${include}`
}

async function walk(workspace: string, relativeDir: string): Promise<string[]> {
  const files: string[] = []
  const pending = [relativeDir]
  while (pending.length > 0) {
    const dir = pending.pop() as string
    let entries
    try {
      entries = await readdir(path.join(workspace, dir), { withFileTypes: true })
    } catch (error) {
      // A glob without wildcards names a file, and its "base" is that file.
      if ((error as { code?: string }).code === 'ENOTDIR') files.push(dir)
      continue
    }
    for (const entry of entries) {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(relative)
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(relative)
      }
    }
  }
  return files
}

function isInside(workspace: string, relative: string): boolean {
  const resolved = path.resolve(workspace, relative)
  const root = path.resolve(workspace)
  return resolved === root || resolved.startsWith(root + path.sep)
}
