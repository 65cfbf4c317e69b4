/** Whether a repository path is a manifest, by the workflow's globs. */
export type ManifestMatcher = (file: string) => boolean

export interface ChangedFile {
  filename: string
  status: string
  previous_filename?: string
}

/** The two GitHub calls that tell which files changed; tests pass a stand-in server or a fake. */
export interface ChangedFilesApi {
  listPullRequestFiles(pullNumber: number): Promise<ChangedFile[]>
  compareCommits(base: string, head: string): Promise<ChangedFile[]>
}

/** GitHub lists at most this many files of a pull request. */
export const PULL_REQUEST_FILE_LIMIT = 3000

/** GitHub's compare API lists at most this many files and drops the rest without saying so. */
export const COMPARE_FILE_LIMIT = 300

export type ChangedManifests = { kind: 'some'; files: string[] } | { kind: 'all'; reason: string }

/** Manifests among the changed files: removed ones are gone, renamed ones count by their new name. */
export function selectManifests(
  changed: readonly ChangedFile[],
  matches: ManifestMatcher,
): string[] {
  const files = changed
    .filter((file) => file.status !== 'removed' && matches(file.filename))
    .map((file) => file.filename)
  return [...new Set(files)].sort()
}

export async function pullRequestManifests(
  api: ChangedFilesApi,
  pullNumber: number,
  expectedCount: number | undefined,
  matches: ManifestMatcher,
): Promise<ChangedManifests> {
  const files = await api.listPullRequestFiles(pullNumber)
  // Only at GitHub's cap: the payload's count is from when the event fired, and a push since
  // then may have changed the pull request.
  if (
    expectedCount !== undefined &&
    files.length >= PULL_REQUEST_FILE_LIMIT &&
    files.length < expectedCount
  ) {
    throw new Error(
      `GitHub listed ${files.length} of the ${expectedCount} files this pull request changes (its API stops at ${PULL_REQUEST_FILE_LIMIT}), so some manifests would go unchecked. Split the pull request, or check all manifests locally with "luigisbox-pins validate".`,
    )
  }
  return { kind: 'some', files: selectManifests(files, matches) }
}

export async function comparedManifests(
  api: ChangedFilesApi,
  base: string,
  head: string,
  matches: ManifestMatcher,
): Promise<ChangedManifests> {
  const files = await api.compareCommits(base, head)
  if (files.length >= COMPARE_FILE_LIMIT) {
    return {
      kind: 'all',
      reason: `GitHub's compare API lists at most ${COMPARE_FILE_LIMIT} files and this change has ${files.length} or more, so every manifest is processed.`,
    }
  }
  return { kind: 'some', files: selectManifests(files, matches) }
}
