import { manifestReader } from './load.js'
import type { Problem } from './problems.js'
import type { ManifestSource } from './validate.js'

export interface ReadManifests {
  sources: ManifestSource[]
  /** Files that could not be read as text: too large, not UTF-8, a link out of the workspace. */
  problems: Problem[]
  /** Files that do not exist in the workspace. */
  missing: string[]
}

export function readManifests(workspace: string, files: readonly string[]): ReadManifests {
  const read = manifestReader(workspace)
  const result: ReadManifests = { sources: [], problems: [], missing: [] }
  for (const item of files.map(read)) {
    if (item.kind === 'text') result.sources.push({ file: item.file, text: item.text })
    else if (item.kind === 'problem') result.problems.push(item.problem)
    else result.missing.push(item.file)
  }
  return result
}
