/** A release version, `X.Y.Z` and nothing else: a tag a user types after `@v`. */
export interface Version {
  major: number
  minor: number
  patch: number
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

export function parseVersion(text: string): Version | undefined {
  const match = SEMVER.exec(text)
  if (!match) return undefined
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) }
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`
}

/** Negative when a is older than b. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

/** The tags a release makes: the exact one, and the major tag users write in `uses: …@v1`. */
export function releaseTags(v: Version): { exact: string; major: string } {
  return { exact: `v${formatVersion(v)}`, major: `v${v.major}` }
}
