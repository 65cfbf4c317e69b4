import { releaseChangelog } from '../../tools/release/changelog.js'
import { compareVersions, parseVersion, releaseTags } from '../../tools/release/version.js'

const changelog = `# Changelog

## [Unreleased]

### Added

- A new input.

## [1.0.0] - 2026-01-05

### Added

- Everything.
`

test('a release dates the Unreleased entries and leaves an empty Unreleased above them', () => {
  expect(releaseChangelog(changelog, '1.1.0', '2026-11-29')).toBe(`# Changelog

## [Unreleased]

## [1.1.0] - 2026-11-29

### Added

- A new input.

## [1.0.0] - 2026-01-05

### Added

- Everything.
`)
})

test('a release with nothing under Unreleased, or released twice, is refused', () => {
  const empty = changelog.replace('### Added\n\n- A new input.\n\n', '')
  expect(() => releaseChangelog(empty, '1.1.0', '2026-11-29')).toThrow(/lists nothing/)
  expect(() => releaseChangelog(changelog, '1.0.0', '2026-11-29')).toThrow(/already has/)
  expect(() => releaseChangelog('# Changelog\n', '1.0.0', '2026-11-29')).toThrow(
    /no "## \[Unreleased\]"/,
  )
})

test('versions are X.Y.Z only, ordered numerically, and name the exact and the major tag', () => {
  expect(parseVersion('1.10.0')).toEqual({ major: 1, minor: 10, patch: 0 })
  for (const bad of ['v1.0.0', '1.0', '1.0.0-rc.1', '01.0.0', '1.0.0\n']) {
    expect(parseVersion(bad)).toBeUndefined()
  }
  const [a, b] = [parseVersion('1.9.0'), parseVersion('1.10.0')]
  expect(a && b && compareVersions(a, b)).toBeLessThan(0)
  expect(releaseTags({ major: 2, minor: 3, patch: 4 })).toEqual({ exact: 'v2.3.4', major: 'v2' })
})
