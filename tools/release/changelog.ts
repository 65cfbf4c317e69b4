// Keep a Changelog: entries gather under "## [Unreleased]"; a release turns them into the
// version's section and leaves an empty "Unreleased" above it for the next changes.
import { splitLines } from '../shared/lines.js'

const UNRELEASED = /^## \[Unreleased\]\s*$/

/** The changelog with the Unreleased entries moved under `## [version] - date`. */
export function releaseChangelog(text: string, version: string, date: string): string {
  const lines = splitLines(text)
  const start = lines.findIndex((line) => UNRELEASED.test(line))
  if (start < 0) throw new Error('CHANGELOG.md has no "## [Unreleased]" section.')
  if (lines.some((line) => line.startsWith(`## [${version}]`))) {
    throw new Error(`CHANGELOG.md already has a section for ${version}.`)
  }
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  const end = next < 0 ? lines.length : next
  const entries = lines.slice(start + 1, end)
  if (!entries.some((line) => line.trim().startsWith('- '))) {
    throw new Error(
      'CHANGELOG.md lists nothing under "## [Unreleased]": say what this release changes first.',
    )
  }
  return [
    ...lines.slice(0, start + 1),
    '',
    `## [${version}] - ${date}`,
    ...entries,
    ...lines.slice(end),
  ].join('\n')
}
