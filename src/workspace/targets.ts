import {
  comparedManifests,
  pullRequestManifests,
  type ChangedFilesApi,
} from '../github/changed-files.js'
import type { Selection } from '../github/event.js'
import type { Problem } from '../manifest/problems.js'
import type { ManifestDocument } from '../manifest/validate.js'
import { checkFiles } from './check-files.js'
import { findManifests, manifestMatcher } from './discover.js'

/** The manifests a run is about, among every manifest in the workspace. */
export interface Targets {
  /** Every manifest the globs match: scopes must be unique across all of them. */
  all: string[]
  /** The changed manifests, or all of them. */
  targets: string[]
  /** Why every manifest is a target, when they all are. */
  allReason?: string
}

export interface CheckedTargets {
  /** Problems in the targets only; the other manifests are read for cross-manifest checks. */
  problems: Problem[]
  /** Every manifest's documents, with the body to submit where a document has no errors. */
  documents: ManifestDocument[]
  /** Manifests (any, not only targets) with a document whose scope could not be read. */
  unreadable: string[]
}

/** Problems that leave a file's documents, and so their scopes, unknown. */
const WHOLE_FILE = /^(file|yaml|json|document)\//

/** Every manifest in the workspace, and which of them this run's event changed. */
export async function findTargets(options: {
  workspace: string
  globs: { include: string[]; exclude: string[] }
  selection: Selection
  api: () => ChangedFilesApi
  debug?: (line: string) => void
}): Promise<Targets> {
  const { workspace, globs, selection } = options
  const matches = manifestMatcher(globs)
  const all = await findManifests(workspace, globs, options.debug)
  const changed =
    selection.kind === 'pull-request'
      ? await pullRequestManifests(options.api(), selection.number, selection.changedFiles, matches)
      : selection.kind === 'compare'
        ? await comparedManifests(options.api(), selection.base, selection.head, matches)
        : { kind: 'all' as const, reason: selection.reason }
  return changed.kind === 'all'
    ? { all, targets: all, allReason: changed.reason }
    : { all, targets: changed.files }
}

/**
 * Read and validate every manifest (a target's scope may collide with any other's); problems are
 * kept for the targets, documents for all, since every run that writes reconciles them all. A changed manifest missing from disk means the repository was not
 * checked out: an error, since checking nothing would pass.
 */
export async function checkTargets(
  workspace: string,
  { all, targets }: Targets,
  now: Date,
  /** The script to start validation workers from (see check-files.ts). */
  workerEntry?: URL,
): Promise<CheckedTargets> {
  const files = [...new Set([...all, ...targets])].sort()
  const result = await checkFiles(workspace, files, now, workerEntry)
  if (result.missing.length > 0) {
    const { missing } = result
    const listed = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '')
    throw new Error(
      `${missing.length} changed ${missing.length === 1 ? 'manifest is' : 'manifests are'} not in the workspace (${listed}). Add "- uses: actions/checkout@v4" before this step so the repository's files are there to read.`,
    )
  }
  const isTarget = new Set(targets)
  const unreadable = new Set(
    [
      ...result.problems.filter((p) => p.severity === 'error' && WHOLE_FILE.test(p.code)),
      ...result.documents.filter((d) => d.scope === undefined),
    ].map((item) => item.file),
  )
  return {
    problems: result.problems.filter((p) => isTarget.has(p.file)),
    documents: result.documents,
    unreadable: [...unreadable].sort(),
  }
}
