import {
  comparedManifests,
  pullRequestManifests,
  type ChangedFilesApi,
} from '../github/changed-files.js'
import type { Selection } from '../github/event.js'
import { findManifests, manifestMatcher } from './discover.js'
import type { Problem } from '../manifest/problems.js'
import { checkFiles } from './check-files.js'
import type { ManifestDocument } from '../manifest/validate.js'

export interface CheckedManifests {
  /** The manifests this run is about: the changed ones, or all. */
  targets: string[]
  /** Why every manifest is a target, when they all are. */
  allReason?: string
  /** Problems in the targets only; the other manifests are read for cross-manifest checks. */
  problems: Problem[]
  /** The targets' documents, with the body to submit where a document has no errors. */
  documents: ManifestDocument[]
}

export class MissingCheckoutError extends Error {}

/**
 * Find the manifests a run is about, read every manifest in the workspace (scopes must be unique
 * across all of them), validate, and keep what concerns the targets.
 */
export async function checkManifests(options: {
  workspace: string
  globs: { include: string[]; exclude: string[] }
  selection: Selection
  api: () => ChangedFilesApi
  now: Date
  /** The script to start validation workers from (see check-files.ts). */
  workerEntry?: URL
}): Promise<CheckedManifests> {
  const { workspace, globs, selection } = options
  const matches = manifestMatcher(globs)
  const all = await findManifests(workspace, globs)
  const changed =
    selection.kind === 'pull-request'
      ? await pullRequestManifests(options.api(), selection.number, selection.changedFiles, matches)
      : selection.kind === 'compare'
        ? await comparedManifests(options.api(), selection.base, selection.head, matches)
        : { kind: 'all' as const, reason: selection.reason }
  const targets = changed.kind === 'all' ? all : changed.files

  const files = [...new Set([...all, ...targets])].sort()
  const result = await checkFiles(workspace, files, options.now, options.workerEntry)
  if (result.missing.length > 0) {
    const { missing } = result
    const listed = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '')
    throw new MissingCheckoutError(
      `${missing.length} changed ${missing.length === 1 ? 'manifest is' : 'manifests are'} not in the workspace (${listed}). Add "- uses: actions/checkout@v4" before this step so the repository's files are there to read.`,
    )
  }
  const isTarget = new Set(targets)
  return {
    targets,
    allReason: changed.kind === 'all' ? changed.reason : undefined,
    problems: result.problems.filter((p) => isTarget.has(p.file)),
    documents: result.documents.filter((d) => isTarget.has(d.file)),
  }
}
